// OpenGL render targets shared by the offscreen surface (one image) and the
// framebuffer target (tiles of a large export): a colour renderbuffer,
// multisampled or not, and a framebuffer object drawing into it. Both need
// a current context.
#pragma once

#include "core/geo.hpp"

#include <string>

namespace muster::platform {

// An RGBA8 renderbuffer of this size, with `samples` samples when above 1;
// left bound.
unsigned make_colour_buffer(PixelSize size, int samples);

// A framebuffer with `colour` as its colour attachment; left bound.
unsigned make_framebuffer(unsigned colour);

// "1920x1080", for messages.
std::string size_text(PixelSize size);

}  // namespace muster::platform
