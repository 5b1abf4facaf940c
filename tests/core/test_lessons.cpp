// Every lesson names a data source, parameters and a model that exist, and its recipe prepares.
#include <catch2/catch.hpp>

#include <set>

#include "core/data/catalog/catalog.h"
#include "core/deep/deep_catalog.h"
#include "core/deep/deep_run.h"
#include "core/lessons/lesson.h"
#include "core/models/classic/model_catalog.h"

using namespace mlp;

TEST_CASE("Lessons: ids are unique and every reference resolves", "[lessons]") {
  std::set<std::string> ids;
  REQUIRE_FALSE(Lessons().empty());
  for (const Lesson& lesson : Lessons()) {
    INFO(lesson.id);
    CHECK(ids.insert(lesson.id).second);
    CHECK(lesson.explanation.size() > 80);
    if (lesson.workspace == "montecarlo" || lesson.workspace == "ode") {  // labs: nothing to resolve
      CHECK(lesson.source.empty());
      CHECK(lesson.model.empty());
      continue;
    }
    REQUIRE((lesson.workspace == "models" || lesson.workspace == "deep"));
    const DataSource* source = FindDataSource(lesson.source);
    REQUIRE(source != nullptr);
    for (const auto& [key, value] : lesson.source_values) {
      bool found = false;
      for (const auto& p : source->parameters) found |= p.key == key && p.min <= value && value <= p.max;
      CHECK(found);
    }
    const std::vector<ParameterSpec>* parameters = nullptr;
    if (lesson.workspace == "deep") {
      const deep::DeepModelEntry* model = deep::FindDeepModel(lesson.model);
      REQUIRE(model != nullptr);
      parameters = &model->parameters;
    } else {
      const classic::ModelEntry* model = classic::FindModel(lesson.model);
      REQUIRE(model != nullptr);
      parameters = &model->parameters;
    }
    for (const auto& [key, value] : lesson.model_values) {
      bool found = false;
      for (const auto& p : *parameters) found |= p.key == key && p.min <= value && value <= p.max;
      CHECK(found);
    }
    if (source->kind != SourceKind::kGenerator) continue;
    std::vector<double> values = DefaultValues(*source);
    for (const auto& [key, value] : lesson.source_values)
      for (size_t i = 0; i < source->parameters.size(); ++i)
        if (source->parameters[i].key == key) values[i] = value;
    auto data = GenerateFromSource(*source, values, lesson.data_seed);
    REQUIRE(data.ok());
    auto prepared = PrepareData(std::make_shared<const Dataset>(std::move(data).value()), lesson.steps, lesson.split);
    INFO(prepared.status().message());
    REQUIRE(prepared.ok());
    if (lesson.workspace != "deep") continue;
    // The lesson's network is built for its data and accepts them (shapes, head, targets).
    std::vector<double> model_values = classic::ClampParameters(*parameters, {});
    for (const auto& [key, value] : lesson.model_values)
      for (size_t i = 0; i < parameters->size(); ++i)
        if ((*parameters)[i].key == key) model_values[i] = value;
    Result<deep::DeepModelBuild> build = deep::BuildDeepModel(lesson.model, *prepared.value().data, model_values);
    INFO(build.status().message());
    REQUIRE(build.ok());
    const Status fits = deep::DeepRun::CheckFit(*build.value().network, prepared.value());
    INFO(fits.message());
    CHECK(fits.ok());
  }
}
