// Reading geodata/regions.json: the hand-curated names GeoNames and Natural
// Earth do not hold as such (regions, seas, sites, metonyms for governments,
// AP-style US state abbreviations), as plain structs. Internal to the index
// builder (gazetteer_index.cpp), which resolves the references against the
// GeoPackage.
//
// The file is one JSON object with three arrays:
//   regions        {name, names[], country, feature: region|water|site, lat,
//                   lon, members[]}; "members" may be left out, other keys
//                   (e.g. "note") are ignored
//   metonyms       {names[], geonameid}
//   abbreviations  {names[] (each ending in '.'), admin1 "CC.A1" | geonameid}
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace muster::gazetteer_regions {

struct Region {
    std::string where;  // "regions[0] (Crimea)": for error messages
    std::string name;   // canonical name
    std::vector<std::string> names;
    std::string country;       // ISO alpha-2 or empty
    std::string feature_code;  // "RGN", "WTR" or "SITE"
    double lat = 0.0;
    double lon = 0.0;
    std::vector<std::string> members;  // ISO alpha-2 or "CC.A1" codes
};

struct Metonym {
    std::string where;
    std::vector<std::string> names;
    std::int64_t geonameid = 0;
};

struct Abbreviation {
    std::string where;
    std::vector<std::string> names;
    std::string admin1;          // "US.CA", or empty when geonameid is set
    std::int64_t geonameid = 0;  // or 0 when admin1 is set
};

struct Contents {
    std::vector<Region> regions;
    std::vector<Metonym> metonyms;
    std::vector<Abbreviation> abbreviations;
};

// Where the regions file of a GeoPackage lives: beside it.
std::filesystem::path regions_file_for(const std::filesystem::path& gpkg);

// Reads and checks the file's shape (types, required keys, ranges). Throws
// muster::Error("FILE: ...") naming what is wrong: "not found", "parse error
// at line 3, column 5: ...", "regions[2] (Donbas): 'lat' must be a number
// from -90 to 90". References to the GeoPackage are checked by the caller.
Contents read_regions(const std::filesystem::path& file);

}  // namespace muster::gazetteer_regions
