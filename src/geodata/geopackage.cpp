#include "geodata/geopackage.hpp"

#include "core/error.hpp"

#include <cpl_error.h>

#include <string>

namespace muster {

GDALDatasetUniquePtr open_geopackage(const std::filesystem::path& gpkg) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(gpkg, ec))
        throw Error(gpkg.string() + ": not found; restore it with 'git checkout geodata/' or rebuild it with "
                                    "tools/build-geodata.sh");
    GDALAllRegister();
    static const char* const kDrivers[] = {"GPKG", nullptr};
    CPLPushErrorHandler(CPLQuietErrorHandler);  // the reason goes into our one-line message
    CPLErrorReset();
    GDALDatasetUniquePtr dataset(GDALDataset::FromHandle(
        GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kDrivers, nullptr, nullptr)));
    const std::string reason = CPLGetLastErrorMsg();
    CPLPopErrorHandler();
    if (!dataset)
        throw Error(gpkg.string() + ": cannot open as a GeoPackage" + (reason.empty() ? "" : " (" + reason + ")") +
                    "; restore it with 'git checkout geodata/' or rebuild it with tools/build-geodata.sh");
    return dataset;
}

}  // namespace muster
