#include "native/gl_textures.h"

#include <cstdint>

#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
#include <GL/gl.h>
#endif

namespace mlp::shell {
namespace {
GLuint Name(ImTextureID texture) { return static_cast<GLuint>(reinterpret_cast<intptr_t>(texture)); }
}  // namespace

ImTextureID CreateGlTexture(int width, int height, bool pixelated) {
  GLuint name = 0;
  glGenTextures(1, &name);
  glBindTexture(GL_TEXTURE_2D, name);
  // Linear filtering smooths the coarse output grid into a continuous surface, as the eye expects;
  // images of a few pixels stay pixels.
  const GLint filter = pixelated ? GL_NEAREST : GL_LINEAR;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(name));
}

void UpdateGlTexture(ImTextureID texture, int width, int height, const uint32_t* rgba) {
  glBindTexture(GL_TEXTURE_2D, Name(texture));
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

void DestroyGlTexture(ImTextureID texture) {
  const GLuint name = Name(texture);
  glDeleteTextures(1, &name);
}

}  // namespace mlp::shell
