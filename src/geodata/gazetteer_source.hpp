// Reading the gazetteer's raw material out of the GeoPackage with OGR:
// countries_10m, admin1, admin2 and places, as plain structs. Internal to the index
// builder (gazetteer_index.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace muster::gazetteer_source {

struct Country {
    std::string iso_a2;
    std::string iso_a3;
    std::string name;
    std::string name_official;
    std::string demonym;
    std::vector<std::string> alt_names;  // split from the '|'-joined field
    double lat = 0.0;                    // label point
    double lon = 0.0;
};

struct Admin1 {
    std::string country;  // "RU"
    std::string admin1;   // "61"
    std::string name;     // "Rostov"
    double lat = 0.0;
    double lon = 0.0;
};

struct Admin2 {
    std::string country;  // "US"
    std::string admin1;   // "LA"
    std::string admin2;   // "079"
    std::string name;     // "Rapides Parish"
    double lat = 0.0;     // mean of the member places
    double lon = 0.0;
};

struct Place {
    std::int64_t geonameid = 0;
    std::string name;
    std::string asciiname;
    std::string alt_names;  // GeoNames comma-separated alternatenames, as stored
    std::string feature_code;
    std::string country;
    std::string admin1;
    std::string admin2;  // often empty
    double lat = 0.0;
    double lon = 0.0;
    std::int64_t population = 0;
};

struct Contents {
    std::vector<Country> countries;  // only rows with an ISO alpha-2 code
    std::vector<Admin1> admin1;
    std::vector<Admin2> admin2;
    std::vector<Place> places;
};

// Throws muster::Error("GPKG: ...") when the file is missing, is not a
// GeoPackage, or lacks a layer or field the gazetteer needs.
Contents read_geopackage(const std::filesystem::path& gpkg);

}  // namespace muster::gazetteer_source
