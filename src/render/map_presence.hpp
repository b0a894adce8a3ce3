// What the map in view shows, for a legend that lists only what a reader can
// find on the map (render/map_furniture.hpp).
//
// What counts as in view: any part of a mark inside the frame (the image,
// or in the window the map less its panels), in camera pixels:
//   a country's role fill   any of its fill triangles (of the level of
//                           detail drawn) reaches into the frame; tested on
//                           boxes around small groups of its triangles
//                           (CountryFootprints), so a sliver at the edge
//                           counts and Russia's bounds alone do not
//   a hatched area          a vertex or edge of its outline lies in the
//                           frame, or the frame's centre lies inside it
//   symbols, halos, arrows  their laid-out boxes or pieces (OverlayLayout)
//   border features         a segment of the border in the frame
// Only the copy of the world the camera centres on is looked at for areas
// and borders (one copy is what a view across the antimeridian mostly
// shows); country fills count every copy drawn.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/labels.hpp"
#include "render/projection.hpp"
#include "render/style.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace muster {

// Boxes in the projection's plane covering each country's fill triangles,
// grouped by a grid of `cell` plane units (a triangle goes to the cell of
// its first corner; the box grows to hold all of it): by country index
// (the mesh's order).
using CountryFootprints = std::vector<std::vector<MapBox>>;

// positions: x, y pairs in the plane; indices: three per triangle;
// country: the country index of each vertex.
CountryFootprints country_footprints(const std::vector<float>& positions, const std::vector<std::uint32_t>& indices,
                                     const std::vector<std::uint16_t>& country, std::size_t countries, double cell);

// The frame (camera pixels) as a box in the plane.
MapBox frame_in_plane(const Camera& camera, const ScreenBox& frame);

// Whether any of the boxes reaches into frame (plane units), in any copy of
// the world a wrapping projection draws there.
bool footprint_in_frame(const std::vector<MapBox>& boxes, const MapBox& frame, const Projection& projection);

// Whether any part of polygons (rings of lon/lat, not closed) shows in the
// frame (camera pixels).
bool rings_in_frame(const std::vector<std::vector<LatLon>>& rings, const Camera& camera, const ScreenBox& frame);

// Whether segment p-q (camera pixels) touches the box (labels.hpp's test).
bool segment_meets_box(ScreenPoint p, ScreenPoint q, const ScreenBox& box);

// Whether any part of a polyline (camera pixels) lies in the frame.
bool polyline_in_frame(const std::vector<ScreenPoint>& line, const ScreenBox& frame);

// What the renderer found in view (MapRenderer::presence).
struct MapPresence {
    std::vector<std::string> countries;  // ISO alpha-2 of the countries whose fill shows, sorted
    bool deployment_areas = false;       // a hatched deployment area shows
    bool border_features = false;        // a border named in the text shows
    std::vector<Rgba> annotation_areas;  // the colours of the annotations' areas that show
};

}  // namespace muster
