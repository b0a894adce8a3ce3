// Writing images as PNG files through GDAL's PNG driver.
#pragma once

#include "render/rgba_image.hpp"

#include <filesystem>

namespace muster {

struct PngOptions {
    bool keep_alpha = false;  // false: 3-band RGB (maps are opaque; smaller, faster)
    int zlevel = 6;           // zlib effort 1..9: 6 is GDAL's default, 1 is ~2x faster
};

// Writes image to target atomically (temporary file + rename, see
// core/atomic_file.hpp): readers never see half a PNG, and on failure no file
// is left behind. Throws muster::Error "TARGET: cannot write (REASON)".
void write_png(const RgbaImage& image, const std::filesystem::path& target, const PngOptions& options = {});

}  // namespace muster
