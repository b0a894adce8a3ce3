// The measure tool: geodesic distance and initial bearing between two
// clicked points on the WGS84 ellipsoid (GeographicLib), drawn on the map as
// the geodesic itself, sampled into a polyline -- on a Mercator map that is a
// curve, which is the point: it is the shortest way, not the straight line.
//
// Toggle with View -> Measure or the M key. While on, a click (press and
// release without dragging) on the map sets point A, the next point B, the
// third starts again at A; Esc clears. Such clicks do not select entities
// (the viewer skips map picking), and dragging still pans.
#pragma once

#include "core/geo.hpp"
#include "ui/view_state.hpp"

#include <string>
#include <vector>

struct ImDrawList;

namespace muster::ui {

struct Measurement {
    double distance_m = 0.0;   // along the geodesic
    double bearing_deg = 0.0;  // initial azimuth at A, clockwise from north, [0, 360)
};

// The geodesic from a to b on WGS84.
Measurement measure(LatLon a, LatLon b);

// "1,234.5 km · bearing 063°": kilometres with one decimal (metres below
// 1 km), the bearing rounded to whole degrees, three digits.
std::string format_measurement(const Measurement& measurement);

// segments + 1 points along the geodesic from a to b, both ends included.
// Longitudes are unwrapped (each within 180 degrees of the one before), so a
// line across the antimeridian stays continuous on screen.
std::vector<LatLon> geodesic_points(LatLon a, LatLon b, int segments = 64);

// One click of the tool: A, then B, then A again (B cleared).
void add_measure_point(MeasureState& measure, LatLon point);

// M toggles the tool, Esc clears its points (when no widget has the
// keyboard); a click on the map adds a point. pixel_ratio converts ImGui's
// points to camera pixels.
void handle_measure_input(ViewState& state, float pixel_ratio);

// The line, end marks and the label, into list (ImGui points).
void draw_measure(ImDrawList* list, const ViewState& state, float pixel_ratio);

}  // namespace muster::ui
