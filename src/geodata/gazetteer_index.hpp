// Derives the gazetteer's binary index from the GeoPackage (see gazetteer.hpp
// for what is indexed and how candidates rank, gazetteer_format.hpp for the
// file layout).
#pragma once

#include <filesystem>
#include <string>

namespace muster {

// Reads places, admin1, admin2 and countries_10m from gpkg and the
// regions.json beside it, and writes the index file atomically. Throws
// muster::Error naming gpkg, regions.json or out_file on failure.
void write_gazetteer_index(const std::filesystem::path& gpkg, const std::filesystem::path& out_file);

// The bytes write_gazetteer_index() would write (for building in memory).
std::string build_gazetteer_index(const std::filesystem::path& gpkg);

// The same with the regions file named explicitly (tests use broken copies).
std::string build_gazetteer_index(const std::filesystem::path& gpkg, const std::filesystem::path& regions_json);

}  // namespace muster
