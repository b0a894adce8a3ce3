#include "platform/gl_readback.hpp"

#include <epoxy/gl.h>

#include <cstring>

namespace muster::platform {
namespace {

// OpenGL's rows run bottom-up; images run top-down.
void flip_rows(RgbaImage& image) {
    const std::size_t row = static_cast<std::size_t>(image.size.width) * 4;
    std::vector<std::uint8_t> scratch(row);
    for (int top = 0, bottom = image.size.height - 1; top < bottom; ++top, --bottom) {
        std::uint8_t* a = image.pixels.data() + static_cast<std::size_t>(top) * row;
        std::uint8_t* b = image.pixels.data() + static_cast<std::size_t>(bottom) * row;
        std::memcpy(scratch.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, scratch.data(), row);
    }
}

}  // namespace

RgbaImage read_framebuffer(PixelSize size) {
    RgbaImage image;
    image.size = size;
    image.pixels.resize(static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, size.width, size.height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    flip_rows(image);
    return image;
}

}  // namespace muster::platform
