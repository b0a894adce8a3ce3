// Military grid references (MGRS) and map scale text for the status bar.
//
// MGRS comes from GeographicLib (UTM between 80 S and 84 N, UPS at the
// poles). The status bar shows 10 m precision -- four easting and four
// northing digits, "36U UV 1234 5678" -- because a cursor pixel covers tens
// of metres or more at any zoom the map offers, so 1 m digits would be noise.
#pragma once

#include "core/geo.hpp"

#include <string>

namespace muster::ui {

// Digits per coordinate at the status bar's 10 m precision.
inline constexpr int mgrs_status_digits = 4;

// "36U UV 1234 5678": grid zone designator, 100 km square, easting,
// northing, separated by spaces (UPS zones have no zone number: "Z AF 1234
// 5678"). digits: 1..5 per coordinate (5: 1 m). Returns "\u2014" (an em dash)
// when GeographicLib cannot convert the position (e.g. latitude beyond 90).
std::string format_mgrs(LatLon position, int digits = mgrs_status_digits);

// Metres on the ground per map pixel at latitude lat_degrees for a Web
// Mercator map whose 360 degrees span world_pixels pixels.
double metres_per_pixel(double world_pixels, double lat_degrees);

// A round distance (1, 2 or 5 times a power of ten metres) of at most about
// max_pixels pixels at the given resolution, as "10 km = 83 px" or
// "500 m = 96 px". Empty when metres_per_pixel is not positive.
std::string format_scale(double metres_per_pixel, double max_pixels = 120.0);

// Thousands separated with commas: format_grouped(1234.56, 1) == "1,234.6".
std::string format_grouped(double value, int decimals);

}  // namespace muster::ui
