// An 8-bit RGBA picture in memory, as read back from a GlSurface and handed
// to the exporters.
#pragma once

#include "core/geo.hpp"

#include <cstdint>
#include <vector>

namespace muster {

// Rows run top to bottom (row 0 is the top of the image, unlike OpenGL's
// bottom-up order); pixels are R, G, B, A bytes.
struct RgbaImage {
    PixelSize size;
    std::vector<std::uint8_t> pixels;  // size.width * size.height * 4 bytes

    [[nodiscard]] const std::uint8_t* at(int x, int y) const {
        return pixels.data() +
               (static_cast<std::size_t>(y) * static_cast<std::size_t>(size.width) + static_cast<std::size_t>(x)) * 4;
    }
};

}  // namespace muster
