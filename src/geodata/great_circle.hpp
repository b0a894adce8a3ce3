// The shortest way between two places on the WGS 84 ellipsoid (the geodesic,
// "great circle" in common speech), as a line a map can draw: points no more
// than max_step_km apart, so the curve a geodesic makes on a flat map shows,
// and split where it crosses the antimeridian (RFC 7946 §3.1.9), so that no
// segment jumps across the whole map.
#pragma once

#include "core/geo.hpp"

#include <vector>

namespace muster {

// The geodesic from `from` to `to` as one or more polylines of lon/lat points
// (longitudes within [-180, 180]): one line, or two when it crosses the
// antimeridian, the first ending and the second starting at ±180 on the
// side each comes from. Points are at most max_step_km apart (at least one
// segment; at most 512). Identical ends give one line of two equal points.
std::vector<std::vector<LatLon>> geodesic_path(LatLon from, LatLon to, double max_step_km = 50.0);

// Geodesic distance in km between two points on WGS 84.
double geodesic_distance_km(LatLon from, LatLon to);

}  // namespace muster
