#include "geodata/great_circle.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace muster {

namespace {

constexpr int kMaxSegments = 512;

// The antimeridian copy (odd multiple of 180) an unrolled longitude step
// crosses, if any: the lines between copies k and k+1 of the world.
std::optional<double> antimeridian_between(double lon0, double lon1) {
    const double k0 = std::floor((lon0 + 180.0) / 360.0);
    const double k1 = std::floor((lon1 + 180.0) / 360.0);
    if (k0 == k1) return std::nullopt;
    return 360.0 * std::max(k0, k1) - 180.0;
}

// Longitude brought into [-180, 180], keeping exactly ±180 as given.
double normalised(double lon) {
    if (lon >= -180.0 && lon <= 180.0) return lon;
    return lon - 360.0 * std::floor((lon + 180.0) / 360.0);
}

}  // namespace

double geodesic_distance_km(LatLon from, LatLon to) {
    double metres = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(from.lat, from.lon, to.lat, to.lon, metres);
    return metres / 1000.0;
}

std::vector<std::vector<LatLon>> geodesic_path(LatLon from, LatLon to, double max_step_km) {
    const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
    const GeographicLib::GeodesicLine line = wgs84.InverseLine(from.lat, from.lon, to.lat, to.lon);
    const double km = line.Distance() / 1000.0;
    const int segments = std::clamp(static_cast<int>(std::ceil(km / std::max(max_step_km, 1e-3))), 1, kMaxSegments);

    // Unrolled longitudes: continuous along the line, so a crossing of the
    // antimeridian shows as passing 180 + 360k.
    std::vector<LatLon> unrolled;
    unrolled.reserve(static_cast<std::size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i) {
        double lat = 0.0, lon = 0.0, unused = 0.0;
        using Line = GeographicLib::GeodesicLine;
        line.GenPosition(false, line.Distance() * i / segments, Line::LATITUDE | Line::LONGITUDE | Line::LONG_UNROLL,
                         lat, lon, unused, unused, unused, unused, unused, unused);
        unrolled.push_back({lat, lon});
    }
    unrolled.front() = {from.lat, unrolled.front().lon};
    unrolled.back().lat = to.lat;

    std::vector<std::vector<LatLon>> pieces(1);
    pieces.back().push_back({unrolled.front().lat, normalised(unrolled.front().lon)});
    for (std::size_t i = 1; i < unrolled.size(); ++i) {
        const LatLon a = unrolled[i - 1], b = unrolled[i];
        if (const auto seam = antimeridian_between(a.lon, b.lon); seam && b.lon != *seam && a.lon != *seam) {
            const double t = (*seam - a.lon) / (b.lon - a.lon);
            const double lat = a.lat + t * (b.lat - a.lat);
            const double side = b.lon > a.lon ? 180.0 : -180.0;  // eastwards ends at +180
            pieces.back().push_back({lat, side});
            pieces.push_back({{lat, -side}});
        }
        pieces.back().push_back({b.lat, normalised(b.lon)});
    }
    return pieces;
}

}  // namespace muster
