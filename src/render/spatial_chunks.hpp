// Reordering a mesh's primitives (triangles or line segments) into grid
// cells of lon/lat so the renderer can skip what is off-screen. Countries are
// too coarse for that: Russia's bounds cover every longitude, yet in a view of
// Ukraine only a sliver of its 1:10m mesh is visible.
#pragma once

#include "core/geo.hpp"

#include <cstdint>
#include <vector>

namespace muster {

struct MeshChunk {
    Extent bounds;             // union of the bounds of its primitives
    std::uint32_t first = 0;   // range in ChunkedIndices::indices
    std::uint32_t count = 0;   // number of indices (a multiple of the primitive size)
};

struct ChunkedIndices {
    std::vector<std::uint32_t> indices;  // the input primitives, grouped by cell
    std::vector<MeshChunk> chunks;       // one per non-empty cell, row by row from the south-west
};

// lonlat: vertex pairs; indices: primitives of `corners` indices each (3 for
// triangles, 2 for segments). A primitive goes to the cell holding the mean
// of its corners, and the chunk's bounds grow to contain all of it, so
// culling by chunk bounds never drops a visible primitive.
ChunkedIndices chunk_primitives(const std::vector<float>& lonlat, const std::vector<std::uint32_t>& indices,
                                int corners, double cell_degrees);

}  // namespace muster
