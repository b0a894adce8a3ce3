// Polygon triangulation for the country meshes, behind a small interface.
//
// Tessellator wraps GLU's polygon tessellator (SGI libtess, Debian's
// libglu1-mesa): a sweep-line algorithm that handles holes, several outer
// rings, self-intersections and repeated vertices (new vertices are created
// where edges cross). Rings are filled by the odd winding rule, so the ring
// orientation in the source data does not matter and a hole is simply a ring
// inside another one.
//
// One Tessellator is not thread-safe; use one per thread.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

typedef struct GLUtesselator GLUtesselator;

namespace muster::tess {

// x,y pairs; a ring is not closed (its last point is not a copy of the first).
using Ring = std::vector<double>;

struct Triangles {
    // x,y pairs: the input points in order, ring by ring, then the points the
    // tessellator created where edges cross.
    std::vector<double> xy;
    // Three indices into xy (point index, not double index) per triangle,
    // counter-clockwise (x east, y north).
    std::vector<std::uint32_t> indices;
};

class Tessellator {
public:
    Tessellator();
    ~Tessellator();
    Tessellator(const Tessellator&) = delete;
    Tessellator& operator=(const Tessellator&) = delete;

    // Triangulates the area enclosed by an odd number of rings. Rings with
    // fewer than 3 points are ignored. Replaces the contents of out.
    // Throws std::runtime_error when GLU reports an error.
    void triangulate(const std::vector<Ring>& rings, Triangles& out);

private:
    GLUtesselator* tess_ = nullptr;
};

// ---------------------------------------------------------------- plate carrée helpers

// Clips the triangle a,b,c (x,y pairs, x possibly outside [-180,180]) into the
// strips [-180,0] and [0,180] (repeated every 360°), shifts each piece into
// [-180,180] and appends it as triangles (x,y of each corner, 6 doubles per
// triangle) to out. Every resulting triangle spans at most 180° of longitude.
void split_triangle_into_strips(const double* a, const double* b, const double* c, std::vector<double>& out);

}  // namespace muster::tess
