// Cutting map geometry to a projection's domain (projection.hpp) before it
// is projected, so a projection that draws only part of the globe (LAEA
// Europe: a hemisphere around 52 N 10 E) never gets a triangle with a corner
// on the far side, which it would tear across the map.
//
// Geometry is lon/lat vertex pairs plus indices (triangles or segments), as
// in CountryMesh. Primitives wholly inside are kept as they are, wholly
// outside dropped, and those crossing the edge cut where the edge is
// (bisection along their sides in lon/lat), with new vertices appended. A
// side shared by two triangles is cut at exactly the same point in both, so
// no crack opens between neighbours.
#pragma once

#include "render/projection.hpp"

#include <cstdint>
#include <vector>

namespace muster {

// Triangles: lonlat grows by the cut vertices, indices are replaced by the
// kept and cut triangles (same winding). tags (one per vertex, e.g. the
// country index; may be null) grows alike, a cut vertex taking the tag of the
// triangle's first corner. Wrapping domains leave everything as it is.
void clip_triangles_to_domain(const ProjectionDomain& domain, std::vector<float>& lonlat,
                              std::vector<std::uint32_t>& indices, std::vector<std::uint16_t>* tags = nullptr);

// Segments (pairs of indices), likewise; order is kept, so chains stay chains
// up to where they leave the domain.
void clip_segments_to_domain(const ProjectionDomain& domain, std::vector<float>& lonlat,
                             std::vector<std::uint32_t>& indices);

}  // namespace muster
