#include "geodata/layer_file.hpp"

#include "core/error.hpp"
#include "core/local_path.hpp"
#include "geodata/gdal_offline.hpp"
#include "geodata/quiet_gdal.hpp"

#include <gdal.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace muster {
namespace {


// The GDAL driver, allowed or not, that would take the file ("" if none).
std::string any_driver(const std::filesystem::path& path) {
    GDALAllRegister();
    keep_gdal_offline();
    const QuietGdal quiet;
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_VECTOR, nullptr, nullptr);
    return driver ? GDALGetDriverShortName(driver) : "";
}

}  // namespace

std::string supported_layer_formats() {
    return std::string("vector files: ") + supported_vector_formats() + "; rasters: " + supported_raster_formats();
}

LayerFile read_layer_file(const std::filesystem::path& path) {
    const std::string shown = path.string();
    require_readable_local_file(path, shown, "vector and raster files");
    LayerFile file;
    if (looks_like_raster_file(path)) {
        file.raster = std::make_shared<const RasterFile>(read_raster_file(path));
        return file;
    }
    if (looks_like_vector_file(path)) {
        file.vector = std::make_shared<const VectorFile>(read_vector_file(path));
        return file;
    }
    const std::string formats = " (muster reads " + supported_layer_formats() + ")";
    const std::string other = any_driver(path);
    if (!other.empty()) throw Error(shown + ": " + other + " files are not read" + formats);
    throw Error(shown + ": not a vector or raster file" + formats);
}

}  // namespace muster
