// Reordering a mesh's primitives (triangles or line segments) into grid
// cells so the renderer can skip what is off-screen. Countries are too coarse
// for that: Russia's bounds cover every longitude, yet in a view of Ukraine
// only a sliver of its 1:10m mesh is visible. The renderer chunks vertices
// already projected, in the projection's plane (projection.hpp); the grid
// and bounds are in whatever units the points are.
#pragma once

#include "core/geo.hpp"
#include "render/projection.hpp"

#include <cstdint>
#include <vector>

namespace muster {

struct MeshChunk {
    MapBox bounds;             // union of the bounds of its primitives
    std::uint32_t first = 0;   // range in ChunkedIndices::indices
    std::uint32_t count = 0;   // number of indices (a multiple of the primitive size)
};

struct ChunkedIndices {
    std::vector<std::uint32_t> indices;  // the input primitives, grouped by cell
    std::vector<MeshChunk> chunks;       // one per non-empty cell, row by row from the south-west
};

// points: vertex pairs (x, y); indices: primitives of `corners` indices each
// (3 for triangles, 2 for segments). The grid covers `grid` in square cells
// of cell_size (primitives beyond it go to the nearest edge cell). A
// primitive goes to the cell holding the mean of its corners, and the
// chunk's bounds grow to contain all of it, so culling by chunk bounds never
// drops a visible primitive.
ChunkedIndices chunk_primitives(const std::vector<float>& points, const std::vector<std::uint32_t>& indices,
                                int corners, double cell_size, const MapBox& grid = {-180.0, -90.0, 180.0, 90.0});

}  // namespace muster

namespace muster {

// Outline segments (pairs of indices into lonlat) with the same two end
// points, in either direction, kept once, first occurrence first: rings of
// neighbouring countries share their border, so a land border is otherwise
// drawn twice. Degenerate segments (both ends equal) are dropped too.
std::vector<std::uint32_t> unique_segments(const std::vector<float>& lonlat, const std::vector<std::uint32_t>& indices);

// Fewer, longer segments along chains (a segment whose first index is the
// previous segment's second one continues the chain): walking each chain, a
// vertex is kept when it lies at least `tolerance` from the last kept one
// (distance in lonlat units, latitude differences multiplied by y_scale), and
// the last vertex of every chain is always kept. Every dropped vertex lies
// within `tolerance` of the line drawn instead, so at a zoom where tolerance
// is under a pixel the outline looks the same with far fewer segments.
std::vector<std::uint32_t> simplify_segment_chains(const std::vector<float>& lonlat,
                                                   const std::vector<std::uint32_t>& indices, double tolerance,
                                                   double y_scale = 1.0);

}  // namespace muster
