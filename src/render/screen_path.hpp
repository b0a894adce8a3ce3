// Lines along great circles on screen: what movement arrows and the
// annotations' arrows and lines are drawn along. A path is one polyline per
// piece, split wherever the line jumps across a wrapping map or leaves the
// projection's domain; lengths and positions along it are arc lengths in
// pixels (jumps between pieces count nothing).
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/labels.hpp"

#include <vector>

namespace muster {

using ScreenPath = std::vector<std::vector<ScreenPoint>>;

// The geodesic from `from` to `to` in the camera's projection; pieces of
// fewer than two points are left out.
ScreenPath screen_path(LatLon from, LatLon to, const Camera& camera);

// The pixels the path runs, summed over its pieces.
double path_length(const ScreenPath& path);

// The part of the path between arc lengths [begin, end].
ScreenPath slice_path(const ScreenPath& path, double begin, double end);

// The point at arc length `at` (the path's end beyond its length).
ScreenPoint point_along(const ScreenPath& path, double at);

// How far along `points` (from its first point) the line leaves the first of
// `boxes` that holds that point; 0 when none does.
double run_inside(const std::vector<ScreenPoint>& points, const std::vector<ScreenBox>& boxes);

double distance_to_segment(ScreenPoint p, ScreenPoint a, ScreenPoint b);

// A path cut for drawing as an arrow or a line between marks: its shaft,
// and the head at its end when it has one.
struct ArrowCut {
    ScreenPath shaft;
    ScreenPoint tip, base;  // the head: its tip and the middle of its base
    float head_half_width = 0.0f;
};

// Cuts `path` (of arc length `total`) for drawing. between_places: it runs
// from one place's dot to another's, so it stops short of both dots and of
// the symbol stacks standing there (`stops`), as movement arrows do.
// head_px: the head's length, 0 for none. Gaps and head shrink together on
// short paths. size_scale: points to pixels.
ArrowCut cut_arrow(const ScreenPath& path, double total, const std::vector<ScreenBox>& stops, bool between_places,
                   double head_px, float size_scale);

}  // namespace muster
