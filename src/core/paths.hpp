// Finding muster's read-only data (shaders/, assets/, geodata/) and the data
// derived from it at build time (gazetteer index, tessellated meshes) without
// installing: from the source tree of a build, from an install prefix, or from
// MUSTER_DATA_DIR / MUSTER_DERIVED_DIR when set.
#pragma once

#include <filesystem>
#include <string_view>

namespace muster {

// Directory that holds shaders/, assets/ and geodata/. Throws muster::Error naming
// the places it looked when none of them holds geodata/muster.gpkg.
std::filesystem::path data_root();

std::filesystem::path shader_path(std::string_view file_name);
std::filesystem::path asset_path(std::string_view file_name);
std::filesystem::path geodata_path(std::string_view file_name);

// The GeoPackage with countries, land, places and admin-1 names.
std::filesystem::path default_geopackage();

// Directory of build-time derived files (may not exist: callers then derive in
// memory). Never throws.
std::filesystem::path derived_dir();

// Whether `path` is `folder` or lies under it, comparing whole components
// (both absolute and normal: resolve links first, e.g. weakly_canonical).
bool is_within(const std::filesystem::path& path, const std::filesystem::path& folder);

}  // namespace muster
