// Lines of equal longitude and latitude for the visible part of the map. In
// Web Mercator both are straight, so each line is two vertices.
#pragma once

#include "core/geo.hpp"

#include <vector>

namespace muster {

// The graticule step in degrees (one of 30, 15, 10, 5, 2, 1, 0.5, 0.25) whose
// lines are at least min_spacing_px apart at this scale; the finest such step.
double graticule_step(double pixels_per_degree, double min_spacing_px);

// Line segments as lon,lat vertex pairs covering visible (longitudes may pass
// +-180 as Camera::visible_extent() gives them).
std::vector<float> graticule_lines(const Extent& visible, double step_degrees);

}  // namespace muster
