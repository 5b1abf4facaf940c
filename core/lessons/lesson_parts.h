// Shared by the lesson files: the classic lessons (lessons.cpp) add the deep-learning ones
// (lessons_deep.cpp) through AddDeepLessons.
#pragma once

#include <cstdint>
#include <vector>

#include "core/lessons/lesson.h"

namespace mlp {

// A random (stratified for classes) split with `test_fraction` of the rows held out.
SplitSpec RandomSplit(double test_fraction, uint32_t seed);

// The Deep models and Neural ODE lessons, appended in course order.
void AddDeepLessons(std::vector<Lesson>& lessons);

}  // namespace mlp
