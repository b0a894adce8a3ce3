// Opening muster's own GeoPackage (geodata/muster.gpkg) read-only, through
// the GPKG driver alone, with one error message that says how to repair it.
#pragma once

#include <gdal_priv.h>

#include <filesystem>

namespace muster {

// Throws muster::Error("PATH: not found; ...") or ("PATH: cannot open as a GeoPackage (REASON); restore it
// with 'git checkout geodata/' or rebuild it with tools/build-geodata.sh").
GDALDatasetUniquePtr open_geopackage(const std::filesystem::path& gpkg);

}  // namespace muster
