#include "ui/grid_reference.hpp"

#include <GeographicLib/Constants.hpp>
#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>

#include <cmath>
#include <cstdio>
#include <numbers>

namespace muster::ui {
namespace {

constexpr const char* no_reference = "\u2014";

// GeographicLib writes "36UUV12345678"; the last 2*digits characters are the
// coordinates and the two letters before them the 100 km square.
std::string spaced_mgrs(const std::string& packed, int digits) {
    const std::size_t coordinates = 2 * static_cast<std::size_t>(digits);
    if (packed.size() < coordinates + 3) return packed;
    const std::size_t square = packed.size() - coordinates - 2;
    return packed.substr(0, square) + ' ' + packed.substr(square, 2) + ' ' +
           packed.substr(square + 2, static_cast<std::size_t>(digits)) + ' ' +
           packed.substr(square + 2 + static_cast<std::size_t>(digits));
}

}  // namespace

std::string format_mgrs(LatLon position, int digits) {
    try {
        int zone = 0;
        bool north = true;
        double x = 0.0, y = 0.0;
        GeographicLib::UTMUPS::Forward(position.lat, position.lon, zone, north, x, y);
        std::string packed;
        GeographicLib::MGRS::Forward(zone, north, x, y, position.lat, digits, packed);
        return spaced_mgrs(packed, digits);
    } catch (const GeographicLib::GeographicErr&) {
        return no_reference;
    }
}

double metres_per_pixel(double world_pixels, double lat_degrees) {
    // Web Mercator uses the sphere of the WGS84 equatorial radius; its scale
    // grows with 1/cos(latitude).
    const double circumference = 2.0 * std::numbers::pi * GeographicLib::Constants::WGS84_a();
    return circumference * std::cos(lat_degrees * std::numbers::pi / 180.0) / world_pixels;
}

std::string format_grouped(double value, int decimals) {
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.*f", decimals, std::abs(value));
    std::string text(digits);
    const std::size_t point = text.find('.');
    const std::size_t integer_end = point == std::string::npos ? text.size() : point;
    for (std::size_t at = integer_end; at > 3; at -= 3) text.insert(at - 3, ",");
    return (value < 0 && std::stod(digits) != 0.0 ? "-" : "") + text;
}

std::string format_scale(double metres_per_pixel, double max_pixels) {
    if (!(metres_per_pixel > 0.0)) return {};
    const double longest = metres_per_pixel * max_pixels;
    double power = std::pow(10.0, std::floor(std::log10(longest)));
    double distance = power;
    for (const double step : {2.0, 5.0})
        if (power * step <= longest) distance = power * step;
    const long pixels = std::lround(distance / metres_per_pixel);
    const std::string length =
        distance >= 1000.0 ? format_grouped(distance / 1000.0, 0) + " km" : format_grouped(distance, 0) + " m";
    return length + " = " + std::to_string(pixels) + " px";
}

}  // namespace muster::ui
