// One entry point for a file the user puts on the map (`--layer FILE`, a
// file dropped on the window or typed in the Layers panel): a raster
// (geodata/raster_file.hpp) or a vector file (geodata/vector_file.hpp),
// decided by which of the allowed GDAL drivers recognise its contents.
#pragma once

#include "geodata/raster_file.hpp"
#include "geodata/vector_file.hpp"

#include <filesystem>
#include <memory>

namespace muster {

// Exactly one of the two is set.
struct LayerFile {
    std::shared_ptr<const VectorFile> vector;
    std::shared_ptr<const RasterFile> raster;
};

// "vector files: GeoJSON, ...; rasters: GeoTIFF, PNG or JPEG with a world
// file": both lists, for help texts and error messages.
std::string supported_layer_formats();

// Reads path as a raster when GTiff, PNG or JPEG recognise it, else as a
// vector file. Throws muster::Error with one line naming the file: the
// readers' own refusals, or, for a file neither kind of driver takes,
// "FILE: BMP files are not read (muster reads vector files: ...; rasters: ...)"
// or "FILE: not a vector or raster file (...)".
LayerFile read_layer_file(const std::filesystem::path& path);

}  // namespace muster
