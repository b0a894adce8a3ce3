// Writing an image in memory as a PNG file (libpng, export/png_stream.hpp),
// and the shared "RGBA image -> GDAL driver -> file, atomically" path.
#pragma once

#include "render/rgba_image.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

class GDALDataset;

namespace muster {

struct PngOptions {
    bool keep_alpha = false;  // false: 3-band RGB (maps are opaque; smaller, faster)
    int zlevel = 2;           // zlib effort 0..9 (see export/png_stream.hpp)
};

// Writes image to target atomically (temporary file + rename, see
// core/atomic_file.hpp): readers never see half a PNG, and on failure no file
// is left behind. Throws muster::Error "TARGET: cannot write (REASON)".
void write_png(const RgbaImage& image, const std::filesystem::path& target, const PngOptions& options = {});

// How write_image_with_gdal encodes: which GDAL driver, the first `bands`
// channels of the image (3 = RGB, 4 = RGBA), the driver's creation options
// ("KEY=VALUE"), and an optional hook that decorates the in-memory copy
// (geotransform, CRS) before the driver copies it to disk.
struct GdalEncoding {
    std::string driver;
    int bands = 3;
    std::vector<std::string> creation_options;
    std::function<void(GDALDataset&)> decorate;
    std::string what = "encoding";  // names the step in the fallback error message
};

// The common path of write_png and write_geotiff: atomic, GDAL's own error
// messages turned into one "TARGET: cannot write (REASON)" muster::Error, and
// no side-car (.aux.xml) left beside the temporary file.
void write_image_with_gdal(const RgbaImage& image, const std::filesystem::path& target, const GdalEncoding& encoding);

}  // namespace muster
