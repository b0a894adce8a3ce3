// Lines of equal longitude and latitude for the visible part of the map. In
// wrapping (cylindrical) projections such as Web Mercator both are straight,
// so each line is two vertices; elsewhere (LAEA Europe) they are curves,
// sampled densely enough to look smooth at the spacing they are drawn at.
#pragma once

#include "core/geo.hpp"
#include "render/projection.hpp"

#include <vector>

namespace muster {

// The graticule step in degrees (one of 30, 15, 10, 5, 2, 1, 0.5, 0.25) whose
// lines are at least min_spacing_px apart at this scale; the finest such step.
double graticule_step(double pixels_per_degree, double min_spacing_px);

// Line segments as lon,lat vertex pairs covering visible (longitudes may pass
// +-180 as Camera::visible_extent() gives them), meridians running up to
// +-max_lat.
std::vector<float> graticule_lines(const Extent& visible, double step_degrees,
                                   double max_lat = mercator_max_lat);

// The graticule in the projection's plane, as x,y vertex pairs for GL_LINES,
// leaving out what lies beyond the projection's domain. Curved lines are
// sampled about every 10 pixels at pixels_per_degree (every pixel costs a
// software rasteriser, and so does every segment).
std::vector<float> projected_graticule(const Extent& visible, double step_degrees, const Projection& projection,
                                       double pixels_per_degree = 40.0);

}  // namespace muster
