// Internal to src/platform: reading the framebuffer bound to GL_READ_FRAMEBUFFER
// (and its selected read buffer) into a top-down RgbaImage.
#pragma once

#include "platform/gl_surface.hpp"

namespace muster::platform {

RgbaImage read_framebuffer(PixelSize size);

}  // namespace muster::platform
