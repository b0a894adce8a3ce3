// Country meshes: GeoPackage → triangles and outlines (tessellate_countries),
// the binary mesh file (write/read), and choosing between them (load).
#include "render/country_mesh.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "geodata/geopackage.hpp"
#include "geodata/quiet_gdal.hpp"
#include "core/paths.hpp"
#include "render/tessellate.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <future>
#include <limits>
#include <memory>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace muster {
namespace fs = std::filesystem;

const char* lod_suffix(Lod lod) {
    switch (lod) {
        case Lod::coarse_110m: return "110m";
        case Lod::medium_50m: return "50m";
        case Lod::fine_10m: return "10m";
    }
    return "110m";
}

fs::path country_mesh_file(const fs::path& dir, Lod lod) {
    return dir / (std::string("countries_") + lod_suffix(lod) + ".mesh");
}

// ================================================================ rings and the antimeridian

namespace {

using Ring = tess::Ring;  // x,y pairs, not closed
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

double to_float(double v) { return static_cast<double>(static_cast<float>(v)); }

// The ring's points in float precision, longitudes wrapped into [-180, 180],
// without repeated consecutive points or the closing point. Empty when fewer
// than 3 distinct points remain.
Ring read_ring(const OGRSimpleCurve& curve, TessellationNotes& notes) {
    const int n = curve.getNumPoints();
    Ring out;
    out.reserve(static_cast<std::size_t>(std::max(n, 0)) * 2);
    for (int i = 0; i < n; ++i) {
        double x = curve.getX(i), y = curve.getY(i);
        if (!std::isfinite(x) || !std::isfinite(y)) {
            ++notes.dropped_points;
            continue;
        }
        if (x < -180.0 || x > 180.0) {
            ++notes.out_of_range_points;
            x = std::remainder(x, 360.0);
        }
        if (y < -90.0 || y > 90.0) {
            ++notes.out_of_range_points;
            y = std::clamp(y, -90.0, 90.0);
        }
        x = to_float(x);
        y = to_float(y);
        if (!out.empty() && out[out.size() - 2] == x && out.back() == y) {
            if (i != n - 1) ++notes.dropped_points;
            continue;
        }
        out.push_back(x);
        out.push_back(y);
    }
    while (out.size() >= 4 && out[0] == out[out.size() - 2] && out[1] == out.back()) out.resize(out.size() - 2);
    if (out.size() < 6) {
        ++notes.dropped_rings;
        out.clear();
    }
    return out;
}

double wrap_step(double d) {
    if (d > 180.0) return d - 360.0;
    if (d < -180.0) return d + 360.0;
    return d;
}

// Makes the ring's longitudes continuous: a step of more than 180° is taken to
// cross the antimeridian. A ring that then winds once around the globe (its
// end lands 360° from its start) is closed over the pole on its side.
// Returns whether anything changed.
bool unwrap_ring(Ring& ring, TessellationNotes& notes) {
    const std::size_t n = ring.size() / 2;
    if (n < 3) return false;
    bool changed = false;
    const double first_x = ring[0];
    double previous_raw = ring[0];
    for (std::size_t i = 1; i < n; ++i) {
        const double raw = ring[2 * i];
        const double step = raw - previous_raw;
        const double wrapped = wrap_step(step);
        if (wrapped != step) {
            ++notes.antimeridian_jumps;
            changed = true;
        }
        ring[2 * i] = ring[2 * i - 2] + wrapped;
        previous_raw = raw;
    }
    const double closing = first_x - previous_raw;
    if (wrap_step(closing) != closing) {
        ++notes.antimeridian_jumps;
        changed = true;
    }
    const double winding = ring[2 * n - 2] + wrap_step(closing) - ring[0];
    if (std::fabs(winding) > 180.0) {
        ++notes.polar_rings;
        double mean_y = 0.0;
        for (std::size_t i = 0; i < n; ++i) mean_y += ring[2 * i + 1];
        const double pole = mean_y >= 0.0 ? 90.0 : -90.0;
        const double end_x = ring[0] + winding, start_y = ring[1];
        const auto push = [&](double x, double y) {
            if (ring[ring.size() - 2] != x || ring.back() != y) {
                ring.push_back(x);
                ring.push_back(y);
            }
        };
        push(end_x, start_y);
        push(end_x, pole);
        push(ring[0], pole);
        changed = true;
    }
    return changed;
}

std::pair<double, double> x_range(const Ring& ring) {
    double lo = ring[0], hi = ring[0];
    for (std::size_t i = 0; i < ring.size(); i += 2) {
        lo = std::min(lo, ring[i]);
        hi = std::max(hi, ring[i]);
    }
    return {lo, hi};
}

double ring_area(const Ring& ring) {
    double twice = 0.0;
    const std::size_t n = ring.size() / 2;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        twice += (ring[2 * j] - ring[2 * i]) * (ring[2 * j + 1] + ring[2 * i + 1]);
    return std::fabs(twice) / 2.0;
}

// Crossing-number test over all rings of a polygon (holes included).
bool inside_rings(const std::vector<Ring>& rings, double x, double y) {
    bool inside = false;
    for (const auto& ring : rings) {
        const std::size_t n = ring.size() / 2;
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

}  // namespace

// ================================================================ triangle quality

std::size_t make_delaunay(const std::vector<double>& xy, std::vector<std::uint32_t>& indices) {
    const std::size_t triangles = indices.size() / 3;
    if (triangles < 2) return 0;
    auto key = [](std::uint32_t a, std::uint32_t b) {
        return a < b ? (static_cast<std::uint64_t>(a) << 32) | b : (static_cast<std::uint64_t>(b) << 32) | a;
    };
    auto px = [&](std::uint32_t v) { return xy[2 * v]; };
    auto py = [&](std::uint32_t v) { return xy[2 * v + 1]; };
    auto orient = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        return (px(b) - px(a)) * (py(c) - py(a)) - (px(c) - px(a)) * (py(b) - py(a));
    };
    // > 0 when d lies inside the circle through a, b, c (counter-clockwise).
    auto in_circle = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
        const double adx = px(a) - px(d), ady = py(a) - py(d);
        const double bdx = px(b) - px(d), bdy = py(b) - py(d);
        const double cdx = px(c) - px(d), cdy = py(c) - py(d);
        const double ad = adx * adx + ady * ady, bd = bdx * bdx + bdy * bdy, cd = cdx * cdx + cdy * cdy;
        const double det = adx * (bdy * cd - bd * cdy) - ady * (bdx * cd - bd * cdx) + ad * (bdx * cdy - bdy * cdx);
        const double scale = (std::fabs(adx) + std::fabs(ady)) * (std::fabs(bdx) + std::fabs(bdy)) *
                             (std::fabs(cdx) + std::fabs(cdy)) * (std::fabs(adx) + std::fabs(ady) + std::fabs(bdx) +
                                                                  std::fabs(bdy) + std::fabs(cdx) + std::fabs(cdy));
        return det > 1e-10 * scale;
    };
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    struct Pair {
        std::uint32_t t[2] = {none, none};
    };
    std::unordered_map<std::uint64_t, Pair> edges;
    edges.reserve(triangles * 2);
    for (std::uint32_t t = 0; t < triangles; ++t)
        for (int k = 0; k < 3; ++k) {
            Pair& pair = edges[key(indices[3 * t + k], indices[3 * t + (k + 1) % 3])];
            (pair.t[0] == none ? pair.t[0] : pair.t[1]) = t;  // a third triangle on an edge: left alone below
        }
    std::vector<std::uint64_t> stack;
    stack.reserve(edges.size());
    for (const auto& [edge, pair] : edges)
        if (pair.t[1] != none) stack.push_back(edge);
    // The corner of triangle t that is not on edge (a, b), and the rotation
    // putting the triangle as (a, b, opposite) counter-clockwise.
    auto opposite = [&](std::uint32_t t, std::uint32_t a, std::uint32_t b) {
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = indices[3 * t + k];
            if (v != a && v != b) return v;
        }
        return none;
    };
    auto replace = [&](std::uint64_t edge, std::uint32_t from, std::uint32_t to) {
        Pair& pair = edges[edge];
        if (pair.t[0] == from) pair.t[0] = to;
        else if (pair.t[1] == from) pair.t[1] = to;
    };
    std::size_t flips = 0;
    const std::size_t max_flips = triangles * 30;
    while (!stack.empty() && flips < max_flips) {
        const std::uint64_t edge = stack.back();
        stack.pop_back();
        const auto found = edges.find(edge);
        if (found == edges.end() || found->second.t[1] == none) continue;
        const std::uint32_t t1 = found->second.t[0], t2 = found->second.t[1];
        std::uint32_t a = static_cast<std::uint32_t>(edge >> 32), b = static_cast<std::uint32_t>(edge);
        const std::uint32_t c = opposite(t1, a, b), d = opposite(t2, a, b);
        if (c == none || d == none || c == d) continue;
        if (orient(a, b, c) < 0) std::swap(a, b);  // t1 = (a, b, c) counter-clockwise, t2 = (b, a, d)
        if (orient(a, b, c) <= 0 || orient(b, a, d) <= 0) continue;
        if (!in_circle(a, b, c, d)) continue;
        if (orient(c, a, d) <= 0 || orient(d, b, c) <= 0) continue;  // not convex: cannot flip
        if (edges.count(key(c, d))) continue;  // would duplicate an edge
        const std::uint32_t n1[3] = {c, a, d}, n2[3] = {d, b, c};
        std::copy_n(n1, 3, indices.begin() + 3 * t1);
        std::copy_n(n2, 3, indices.begin() + 3 * t2);
        edges.erase(found);
        edges[key(c, d)] = Pair{{t1, t2}};
        replace(key(a, d), t2, t1);
        replace(key(b, c), t1, t2);
        for (const std::uint64_t outer : {key(c, a), key(a, d), key(d, b), key(b, c)}) stack.push_back(outer);
        ++flips;
    }
    return flips;
}

namespace {

// ================================================================ building a mesh

// Triangles and outline of one country, in a mesh of its own.
class MeshBuilder {
public:
    explicit MeshBuilder(TessellationNotes& notes) : notes_(notes) {}

    CountryMesh mesh;

    // Adds one polygon (outer ring first, then holes; rings as from read_ring)
    // to the fill and the outline; fill_country gets `country`.
    void add_polygon(std::vector<Ring> rings, std::uint16_t country) {
        for (const auto& ring : rings) add_outline(ring);

        bool changed = false;
        for (auto& ring : rings) changed |= unwrap_ring(ring, notes_);
        if (changed) {
            // Holes go where their outer ring went.
            const auto [outer_lo, outer_hi] = x_range(rings[0]);
            for (std::size_t r = 1; r < rings.size(); ++r) {
                const auto [lo, hi] = x_range(rings[r]);
                const double shift = 360.0 * std::round(((outer_lo + outer_hi) - (lo + hi)) / 720.0);
                if (shift != 0.0)
                    for (std::size_t i = 0; i < rings[r].size(); i += 2) rings[r][i] += shift;
            }
        }
        add_fill(rings, country);
    }

private:
    TessellationNotes& notes_;
    tess::Tessellator tessellator_;
    tess::Triangles triangles_;
    std::vector<std::uint32_t> vertex_map_;
    std::vector<double> pieces_;

    std::uint32_t add_outline_vertex(double x, double y) {
        const auto index = static_cast<std::uint32_t>(mesh.outline_vertices.size() / 2);
        mesh.outline_vertices.push_back(static_cast<float>(x));
        mesh.outline_vertices.push_back(static_cast<float>(y));
        return index;
    }

    void add_segment(std::uint32_t a, std::uint32_t b) {
        mesh.outline_indices.push_back(a);
        mesh.outline_indices.push_back(b);
    }

    void add_outline(const Ring& ring) {
        const std::size_t n = ring.size() / 2;
        const auto base = static_cast<std::uint32_t>(mesh.outline_vertices.size() / 2);
        for (std::size_t i = 0; i < n; ++i) add_outline_vertex(ring[2 * i], ring[2 * i + 1]);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = (i + 1) % n;
            const double px = ring[2 * i], py = ring[2 * i + 1], qx = ring[2 * j], qy = ring[2 * j + 1];
            const auto a = static_cast<std::uint32_t>(base + i), b = static_cast<std::uint32_t>(base + j);
            if ((std::fabs(px) == 180.0 && std::fabs(qx) == 180.0) || (std::fabs(py) == 90.0 && std::fabs(qy) == 90.0)) {
                ++notes_.seam_segments_skipped;  // an artefact of splitting, not a boundary
                continue;
            }
            if (std::fabs(qx - px) <= 180.0) {
                add_segment(a, b);
                continue;
            }
            // Crosses the antimeridian: end at the map edge, go on from the other edge.
            const double side = px > 0.0 ? 180.0 : -180.0;
            const double qx_unwrapped = qx + 2.0 * side;
            const double t = (side - px) / (qx_unwrapped - px);
            const double y = py + t * (qy - py);
            if (px != side) add_segment(a, add_outline_vertex(side, y));
            if (qx != -side) add_segment(add_outline_vertex(-side, y), b);
        }
    }

    std::uint32_t add_fill_vertex(double x, double y, std::uint16_t country) {
        const auto index = static_cast<std::uint32_t>(mesh.fill_vertices.size() / 2);
        mesh.fill_vertices.push_back(static_cast<float>(x));
        mesh.fill_vertices.push_back(static_cast<float>(y));
        mesh.fill_country.push_back(country);
        return index;
    }

    static double twice_area(const double* a, const double* b, const double* c) {
        return (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
    }

    void add_fill(const std::vector<Ring>& rings, std::uint16_t country) {
        tessellator_.triangulate(rings, triangles_);
        auto& xy = triangles_.xy;
        // As stored: the ring points are floats already, the crossings GLU made are not.
        for (auto& v : xy) v = to_float(v);
        // GLU's sweep makes long fans of slivers; on a software rasteriser a
        // sliver costs every tile its bounding box touches. Delaunay flips
        // (the ring edges stay) turn them into compact triangles.
        make_delaunay(xy, triangles_.indices);
        vertex_map_.assign(xy.size() / 2, kNone);
        const auto& idx = triangles_.indices;
        for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
            const double* corner[3] = {&xy[2 * idx[t]], &xy[2 * idx[t + 1]], &xy[2 * idx[t + 2]]};
            // GLU's output is counter-clockwise; a sliver at a crossing may
            // flatten or turn over when its new point is rounded to float.
            if (twice_area(corner[0], corner[1], corner[2]) <= 0.0) {
                ++notes_.flat_triangles;
                continue;
            }
            const double lo = std::min({corner[0][0], corner[1][0], corner[2][0]});
            const double hi = std::max({corner[0][0], corner[1][0], corner[2][0]});
            if (lo >= -180.0 && hi <= 180.0 && hi - lo <= 180.0) {
                for (int k = 0; k < 3; ++k) {
                    auto& mapped = vertex_map_[idx[t + k]];
                    if (mapped == kNone) mapped = add_fill_vertex(corner[k][0], corner[k][1], country);
                    mesh.fill_indices.push_back(mapped);
                }
                continue;
            }
            ++notes_.split_triangles;
            pieces_.clear();
            tess::split_triangle_into_strips(corner[0], corner[1], corner[2], pieces_);
            for (auto& v : pieces_) v = to_float(v);
            for (std::size_t p = 0; p + 5 < pieces_.size(); p += 6) {
                if (twice_area(&pieces_[p], &pieces_[p + 2], &pieces_[p + 4]) <= 0.0) {
                    ++notes_.flat_triangles;
                    continue;
                }
                for (std::size_t k = 0; k < 6; k += 2)
                    mesh.fill_indices.push_back(add_fill_vertex(pieces_[p + k], pieces_[p + k + 1], country));
            }
        }
    }
};

// The smallest longitude interval holding all of lons (sorted in place),
// allowing it to run past 180. Returns {min, max}.
std::pair<double, double> smallest_wrapped_span(std::vector<float>& lons) {
    std::sort(lons.begin(), lons.end());
    double best_gap = static_cast<double>(lons.front()) + 360.0 - lons.back();
    std::size_t best = lons.size();  // the gap across ±180
    for (std::size_t i = 0; i + 1 < lons.size(); ++i) {
        const double gap = static_cast<double>(lons[i + 1]) - lons[i];
        if (gap > best_gap) {
            best_gap = gap;
            best = i;
        }
    }
    if (best == lons.size()) return {lons.front(), lons.back()};
    return {lons[best + 1], static_cast<double>(lons[best]) + 360.0};
}

// Sets c.bounds and c.view_bounds from the country's fill vertices and its
// outline vertices [outline_begin, outline_end) (all its ring points).
void finish_country(const CountryMesh& mesh, CountryMesh::Country& c, std::size_t outline_begin,
                    std::size_t outline_end) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Extent e{inf, inf, -inf, -inf};
    const auto take = [&](double x, double y) {
        e.min_lon = std::min(e.min_lon, x);
        e.max_lon = std::max(e.max_lon, x);
        e.min_lat = std::min(e.min_lat, y);
        e.max_lat = std::max(e.max_lat, y);
    };
    std::vector<float> lons;
    lons.reserve(outline_end - outline_begin);
    for (std::size_t v = outline_begin; v < outline_end; ++v) {
        take(mesh.outline_vertices[2 * v], mesh.outline_vertices[2 * v + 1]);
        lons.push_back(mesh.outline_vertices[2 * v]);
    }
    // The fill adds the points GLU made at crossings, cuts at 0° and ±180°, and poles.
    for (std::size_t i = c.fill_first; i < std::size_t{c.fill_first} + c.fill_count; ++i) {
        const std::size_t v = mesh.fill_indices[i];
        take(mesh.fill_vertices[2 * v], mesh.fill_vertices[2 * v + 1]);
    }
    if (e.min_lon > e.max_lon) {  // nothing drawn
        c.bounds = c.view_bounds = Extent{c.label.lon, c.label.lat, c.label.lon, c.label.lat};
        return;
    }
    c.bounds = e;
    c.view_bounds = e;
    // A country that reaches a pole covers every longitude; keep the plain box.
    if (lons.empty() || e.min_lat <= -90.0 || e.max_lat >= 90.0) return;
    const auto [lo, hi] = smallest_wrapped_span(lons);
    if (hi - lo < e.width()) {
        c.view_bounds.min_lon = lo;
        c.view_bounds.max_lon = hi;
    }
}

void add_notes(TessellationNotes& to, const TessellationNotes& from) {
    to.polygons += from.polygons;
    to.rings += from.rings;
    to.antimeridian_jumps += from.antimeridian_jumps;
    to.polar_rings += from.polar_rings;
    to.split_triangles += from.split_triangles;
    to.flat_triangles += from.flat_triangles;
    to.seam_segments_skipped += from.seam_segments_skipped;
    to.out_of_range_points += from.out_of_range_points;
    to.dropped_points += from.dropped_points;
    to.dropped_rings += from.dropped_rings;
    to.labels_replaced += from.labels_replaced;
}

// ================================================================ GDAL

void register_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

std::string field_string(const OGRFeature& f, int field) {
    if (field < 0 || !f.IsFieldSetAndNotNull(field)) return {};
    return f.GetFieldAsString(field);
}

}  // namespace

CountryMesh tessellate_countries(const fs::path& gpkg, Lod lod) { return tessellate_countries(gpkg, lod, nullptr); }

namespace {

// A country as read from the GeoPackage, before tessellation.
struct SourceCountry {
    CountryMesh::Country meta;                // iso_a2, name, label
    std::vector<std::vector<Ring>> polygons;  // outer ring, then holes
    std::size_t points = 0;
};

// Reads the features of layer with at least one usable polygon.
std::vector<SourceCountry> read_countries(OGRLayer& layer, const std::string& where, TessellationNotes& notes) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    const int f_iso = defn->GetFieldIndex("iso_a2");
    const int f_name = defn->GetFieldIndex("name");
    const int f_lat = defn->GetFieldIndex("label_lat");
    const int f_lon = defn->GetFieldIndex("label_lon");

    std::vector<SourceCountry> countries;
    layer.ResetReading();
    while (OGRFeatureUniquePtr feature{layer.GetNextFeature()}) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) continue;
        std::unique_ptr<OGRGeometry> linear;
        if (geometry->hasCurveGeometry()) {
            linear.reset(geometry->getLinearGeometry());
            geometry = linear.get();
            if (!geometry) continue;
        }
        std::vector<const OGRPolygon*> polygons;
        const auto type = wkbFlatten(geometry->getGeometryType());
        if (type == wkbPolygon) {
            polygons.push_back(geometry->toPolygon());
        } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
            for (const OGRGeometry* part : *geometry->toGeometryCollection())
                if (wkbFlatten(part->getGeometryType()) == wkbPolygon) polygons.push_back(part->toPolygon());
        }

        SourceCountry country;
        country.meta.iso_a2 = field_string(*feature, f_iso);
        if (country.meta.iso_a2 == "-99") country.meta.iso_a2.clear();
        country.meta.name = field_string(*feature, f_name);
        const bool has_label = f_lat >= 0 && f_lon >= 0 && feature->IsFieldSetAndNotNull(f_lat) &&
                               feature->IsFieldSetAndNotNull(f_lon);
        const double label_lat = has_label ? feature->GetFieldAsDouble(f_lat) : 0.0;
        const double label_lon = has_label ? feature->GetFieldAsDouble(f_lon) : 0.0;
        bool label_inside = false;
        const OGRPolygon* largest = nullptr;
        double largest_area = -1.0;

        for (const OGRPolygon* polygon : polygons) {
            ++notes.polygons;
            std::vector<Ring> rings;
            for (const OGRLinearRing* ring : *polygon) {
                ++notes.rings;
                Ring r = read_ring(*ring, notes);
                if (!r.empty()) rings.push_back(std::move(r));
                else if (rings.empty()) break;  // no outer ring: the holes mean nothing
            }
            if (rings.empty()) continue;
            if (has_label && !label_inside) label_inside = inside_rings(rings, label_lon, label_lat);
            double area = ring_area(rings[0]);
            for (std::size_t r = 1; r < rings.size(); ++r) area -= ring_area(rings[r]);
            if (area > largest_area) {
                largest_area = area;
                largest = polygon;
            }
            for (const auto& r : rings) country.points += r.size() / 2;
            country.polygons.push_back(std::move(rings));
        }
        if (!largest) continue;  // nothing drawable: leave the country out

        if (label_inside) {
            country.meta.label = {label_lat, label_lon};
        } else {
            ++notes.labels_replaced;
            OGRPoint point;
            QuietGdal quiet;
            if (largest->PointOnSurface(&point) == OGRERR_NONE && !point.IsEmpty()) {
                country.meta.label = {point.getY(), point.getX()};
            } else {
                OGREnvelope env;
                largest->getEnvelope(&env);
                country.meta.label = {(env.MinY + env.MaxY) / 2.0, (env.MinX + env.MaxX) / 2.0};
            }
        }
        if (countries.size() > std::numeric_limits<std::uint16_t>::max())
            throw Error(where + ": more than 65536 countries");
        countries.push_back(std::move(country));
    }
    return countries;
}

// One country's triangles and outline, made on a worker thread.
struct Piece {
    CountryMesh mesh;
    TessellationNotes notes;
    std::exception_ptr error;
};

}  // namespace

CountryMesh tessellate_countries(const fs::path& gpkg, Lod lod, TessellationNotes* notes_out) {
    register_gdal();
    const std::string layer_name = std::string("countries_") + lod_suffix(lod);
    const std::string where = gpkg.string() + ": " + layer_name;

    // ---- read (GDAL, one thread)
    TessellationNotes notes;
    std::vector<SourceCountry> sources;
    {
        const GDALDatasetUniquePtr ds = open_geopackage(gpkg);
        OGRLayer* layer = ds->GetLayerByName(layer_name.c_str());
        if (!layer) throw Error(gpkg.string() + ": no layer " + layer_name + " (run tools/build-geodata.sh)");
        if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && !srs->IsGeographic())
            throw Error(where + ": not in longitude/latitude (expected EPSG:4326)");
        sources = read_countries(*layer, where, notes);
    }
    if (sources.empty()) throw Error(where + ": no country polygons (run tools/build-geodata.sh)");

    // ---- tessellate (GLU, one tessellator per country, countries spread over threads, largest first)
    std::vector<Piece> pieces(sources.size());
    std::vector<std::size_t> order(sources.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sources[a].points > sources[b].points; });
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < order.size();) {
            const std::size_t k = order[i];
            Piece& piece = pieces[k];
            try {
                MeshBuilder builder(piece.notes);
                for (auto& rings : sources[k].polygons) builder.add_polygon(std::move(rings), static_cast<std::uint16_t>(k));
                piece.mesh = std::move(builder.mesh);
            } catch (...) {
                piece.error = std::current_exception();
            }
            sources[k].polygons = {};
        }
    };
    std::size_t total_points = 0;
    for (const auto& c : sources) total_points += c.points;
    const std::size_t thread_count = total_points < 20000 ? 1
        : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < thread_count; ++t) {
            try {
                helpers.emplace_back(work);
            } catch (const std::system_error&) {
                break;  // fewer threads, same result
            }
        }
        work();
    }

    // ---- gather, in the GeoPackage's order
    CountryMesh mesh;
    std::size_t fill_vertices = 0, fill_indices = 0, outline_vertices = 0, outline_indices = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const Piece& piece = pieces[k];
        if (piece.error) {
            try {
                std::rethrow_exception(piece.error);
            } catch (const Error&) {
                throw;
            } catch (const std::runtime_error& e) {
                throw Error(where + ": " + sources[k].meta.name + ": " + e.what());
            }
        }
        fill_vertices += piece.mesh.fill_vertices.size();
        fill_indices += piece.mesh.fill_indices.size();
        outline_vertices += piece.mesh.outline_vertices.size();
        outline_indices += piece.mesh.outline_indices.size();
    }
    if (fill_vertices / 2 > std::numeric_limits<std::uint32_t>::max() ||
        outline_vertices / 2 > std::numeric_limits<std::uint32_t>::max() ||
        fill_indices > std::numeric_limits<std::uint32_t>::max() ||
        outline_indices > std::numeric_limits<std::uint32_t>::max())
        throw Error(where + ": too many vertices for 32-bit indices");
    mesh.fill_vertices.reserve(fill_vertices);
    mesh.fill_country.reserve(fill_vertices / 2);
    mesh.fill_indices.reserve(fill_indices);
    mesh.outline_vertices.reserve(outline_vertices);
    mesh.outline_indices.reserve(outline_indices);
    mesh.countries.reserve(sources.size());
    const auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    const auto append_shifted = [](std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from,
                                   std::size_t shift) {
        for (auto i : from) to.push_back(static_cast<std::uint32_t>(i + shift));
    };
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        Piece& piece = pieces[k];
        CountryMesh::Country country = std::move(sources[k].meta);
        const std::size_t fill_base = mesh.fill_vertices.size() / 2, outline_base = mesh.outline_vertices.size() / 2;
        country.fill_first = static_cast<std::uint32_t>(mesh.fill_indices.size());
        country.outline_first = static_cast<std::uint32_t>(mesh.outline_indices.size());
        append(mesh.fill_vertices, piece.mesh.fill_vertices);
        append(mesh.fill_country, piece.mesh.fill_country);
        append_shifted(mesh.fill_indices, piece.mesh.fill_indices, fill_base);
        append(mesh.outline_vertices, piece.mesh.outline_vertices);
        append_shifted(mesh.outline_indices, piece.mesh.outline_indices, outline_base);
        country.fill_count = static_cast<std::uint32_t>(piece.mesh.fill_indices.size());
        country.outline_count = static_cast<std::uint32_t>(piece.mesh.outline_indices.size());
        finish_country(mesh, country, outline_base, mesh.outline_vertices.size() / 2);
        mesh.countries.push_back(std::move(country));
        add_notes(notes, piece.notes);
        piece.mesh = {};
    }
    if (notes_out) *notes_out = notes;
    return mesh;
}

// ================================================================ mesh file

namespace {

constexpr char kMagic[8] = {'M', 'U', 'S', 'T', 'M', 'E', 'S', 'H'};
constexpr std::uint32_t kFormatVersion = 2;  // 2: Delaunay-flipped fills
constexpr std::size_t kHeaderSize = 80;
constexpr std::size_t kCountryFixedSize = 4 * 4 + 10 * 8;  // ranges, label, bounds, view_bounds
constexpr const char* kRebuild = " (rebuild with cmake --build build)";

//   offset  field
//   0       char[8]  "MUSTMESH"
//   8       u32      format version
//   12      u32      reserved, 0
//   16      u64      byte size of the GeoPackage the mesh was derived from
//   24      u64      fill vertex count V
//   32      u64      fill index count I
//   40      u64      outline vertex count W
//   48      u64      outline index count J
//   56      u64      country count C
//   64      u64      country table byte size T
//   72      u64      checksum of every byte after the header
//   80      f32[2V] fill_vertices, u16[V] fill_country, 0-3 bytes of zero padding
//                   to a multiple of 4, u32[I] fill_indices, f32[2W] outline_vertices,
//                   u32[J] outline_indices, then C country records:
//                   u32 fill_first, fill_count, outline_first, outline_count;
//                   f64 label lat, lon; f64 bounds min_lon, min_lat, max_lon, max_lat;
//                   f64 view_bounds (same order); u16 length + bytes of iso_a2;
//                   u16 length + bytes of name (UTF-8).
// All little-endian.

template <typename U>
U byteswap_if_big(U v) {
    if constexpr (std::endian::native == std::endian::big) {
        if constexpr (sizeof(U) == 2) return static_cast<U>(__builtin_bswap16(v));
        if constexpr (sizeof(U) == 4) return static_cast<U>(__builtin_bswap32(v));
        if constexpr (sizeof(U) == 8) return static_cast<U>(__builtin_bswap64(v));
    }
    return v;
}

template <typename T>
struct UintOf;
template <> struct UintOf<std::uint16_t> { using type = std::uint16_t; };
template <> struct UintOf<std::uint32_t> { using type = std::uint32_t; };
template <> struct UintOf<std::uint64_t> { using type = std::uint64_t; };
template <> struct UintOf<float> { using type = std::uint32_t; };
template <> struct UintOf<double> { using type = std::uint64_t; };

template <typename T>
void put(std::string& out, T value) {
    using U = typename UintOf<T>::type;
    U bits = byteswap_if_big(std::bit_cast<U>(value));
    char bytes[sizeof(U)];
    std::memcpy(bytes, &bits, sizeof(U));
    out.append(bytes, sizeof(U));
}

template <typename T>
T get(const char* p) {
    using U = typename UintOf<T>::type;
    U bits;
    std::memcpy(&bits, p, sizeof(U));
    return std::bit_cast<T>(byteswap_if_big(bits));
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& values) {
    if constexpr (std::endian::native == std::endian::little) {
        out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    } else {
        for (const T& v : values) put(out, v);
    }
}

template <typename T>
void get_array(const char* p, std::size_t count, std::vector<T>& values) {
    values.resize(count);
    if constexpr (std::endian::native == std::endian::little) {
        if (count) std::memcpy(values.data(), p, count * sizeof(T));
    } else {
        for (std::size_t i = 0; i < count; ++i) values[i] = get<T>(p + i * sizeof(T));
    }
}

void put_string(std::string& out, const std::string& s) {
    const auto length = static_cast<std::uint16_t>(std::min<std::size_t>(s.size(), 65535));
    put(out, length);
    out.append(s.data(), length);
}

std::uint64_t checksum(const char* p, std::size_t n) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h ^= get<std::uint64_t>(p + i);
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 29;
    }
    for (; i < n; ++i) {
        h ^= static_cast<unsigned char>(p[i]);
        h *= 0xC4CEB9FE1A85EC53ull;
    }
    return h ^ (h >> 32);
}

std::string read_whole_file(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw Error(file.string() + ": mesh file not found" + kRebuild);
    if (fs::is_directory(file, ec)) throw Error(file.string() + ": is a folder, not a mesh file");
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) throw Error(file.string() + ": cannot open mesh file (" + std::strerror(errno) + ")");
    std::string bytes;
    char buffer[1 << 16];
    const auto size = fs::file_size(file, ec);
    if (!ec) bytes.reserve(static_cast<std::size_t>(size));
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, got);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) throw Error(file.string() + ": cannot read mesh file (" + std::strerror(errno) + ")");
    return bytes;
}

}  // namespace

void write_country_mesh(const CountryMesh& mesh, const fs::path& file, std::uint64_t source_gpkg_size) {
    const std::string name = file.string();
    const std::size_t vertices = mesh.fill_vertices.size() / 2;
    if (mesh.fill_vertices.size() % 2 || mesh.fill_country.size() != vertices ||
        mesh.outline_vertices.size() % 2 || mesh.fill_indices.size() % 3 || mesh.outline_indices.size() % 2)
        throw Error(name + ": cannot write an inconsistent mesh (array sizes do not match)");

    std::string table;
    for (const auto& c : mesh.countries) {
        put(table, c.fill_first);
        put(table, c.fill_count);
        put(table, c.outline_first);
        put(table, c.outline_count);
        put(table, c.label.lat);
        put(table, c.label.lon);
        for (const Extent& e : {c.bounds, c.view_bounds}) {
            put(table, e.min_lon);
            put(table, e.min_lat);
            put(table, e.max_lon);
            put(table, e.max_lat);
        }
        put_string(table, c.iso_a2);
        put_string(table, c.name);
    }

    std::string body;
    body.reserve(mesh.fill_vertices.size() * 4 + vertices * 2 + 4 + mesh.fill_indices.size() * 4 +
                 mesh.outline_vertices.size() * 4 + mesh.outline_indices.size() * 4 + table.size());
    put_array(body, mesh.fill_vertices);
    put_array(body, mesh.fill_country);
    body.append((4 - body.size() % 4) % 4, '\0');
    put_array(body, mesh.fill_indices);
    put_array(body, mesh.outline_vertices);
    put_array(body, mesh.outline_indices);
    body += table;

    std::string out;
    out.reserve(kHeaderSize + body.size());
    out.append(kMagic, sizeof kMagic);
    put(out, kFormatVersion);
    put(out, std::uint32_t{0});  // reserved
    put(out, source_gpkg_size);
    put(out, std::uint64_t{vertices});
    put(out, std::uint64_t{mesh.fill_indices.size()});
    put(out, std::uint64_t{mesh.outline_vertices.size() / 2});
    put(out, std::uint64_t{mesh.outline_indices.size()});
    put(out, std::uint64_t{mesh.countries.size()});
    put(out, std::uint64_t{table.size()});
    put(out, checksum(body.data(), body.size()));
    out += body;
    write_bytes_atomically(file, out);
}

CountryMesh read_country_mesh(const fs::path& file, std::uint64_t expected_gpkg_size) {
    const std::string name = file.string();
    const std::string bytes = read_whole_file(file);
    const auto fail = [&](const std::string& what) { return Error(name + ": " + what + kRebuild); };
    const auto truncated = [&] { return fail("truncated mesh file"); };

    const std::size_t n = bytes.size();
    if (std::memcmp(bytes.data(), kMagic, std::min(n, sizeof kMagic)) != 0)
        throw Error(name + ": not a muster country mesh file");
    if (n < kHeaderSize) throw truncated();
    const char* p = bytes.data();
    const auto version = get<std::uint32_t>(p + 8);
    if (version != kFormatVersion)
        throw fail("mesh format version " + std::to_string(version) + ", this muster reads version " +
                   std::to_string(kFormatVersion));
    const auto gpkg_size = get<std::uint64_t>(p + 16);
    const auto vertices = get<std::uint64_t>(p + 24);
    const auto fill_count = get<std::uint64_t>(p + 32);
    const auto outline_vertices = get<std::uint64_t>(p + 40);
    const auto outline_count = get<std::uint64_t>(p + 48);
    const auto countries = get<std::uint64_t>(p + 56);
    const auto table_size = get<std::uint64_t>(p + 64);
    const auto sum = get<std::uint64_t>(p + 72);

    // Every count is bounded by the file size before any multiplication.
    for (std::uint64_t count : {vertices, fill_count, outline_vertices, outline_count, countries, table_size})
        if (count > n) throw truncated();
    const std::uint64_t fill_bytes = vertices * 8 + vertices * 2, padding = (4 - (vertices * 2) % 4) % 4;
    const std::uint64_t expected = kHeaderSize + fill_bytes + padding + fill_count * 4 + outline_vertices * 8 +
                                   outline_count * 4 + table_size;
    if (expected > n) throw truncated();
    if (expected < n) throw fail("corrupt mesh file (" + std::to_string(n - expected) + " unexpected bytes at the end)");
    if (gpkg_size != expected_gpkg_size)
        throw fail("derived from a GeoPackage of " + std::to_string(gpkg_size) + " bytes, the current one has " +
                   std::to_string(expected_gpkg_size) + " bytes");
    if (checksum(p + kHeaderSize, n - kHeaderSize) != sum) throw fail("corrupt mesh file (checksum mismatch)");
    if (fill_count % 3 || outline_count % 2) throw fail("corrupt mesh file (index count is not whole primitives)");
    if (countries > 65536 || countries * kCountryFixedSize > table_size) throw fail("corrupt mesh file (country table)");

    CountryMesh mesh;
    std::size_t at = kHeaderSize;
    get_array(p + at, vertices * 2, mesh.fill_vertices);
    at += vertices * 8;
    get_array(p + at, vertices, mesh.fill_country);
    at += vertices * 2 + padding;
    get_array(p + at, fill_count, mesh.fill_indices);
    at += fill_count * 4;
    get_array(p + at, outline_vertices * 2, mesh.outline_vertices);
    at += outline_vertices * 8;
    get_array(p + at, outline_count, mesh.outline_indices);
    at += outline_count * 4;

    const std::size_t table_end = at + table_size;
    const auto need = [&](std::size_t k) {
        if (k > table_end - at) throw fail("corrupt mesh file (country table)");
    };
    const auto take_string = [&] {
        need(2);
        const auto length = get<std::uint16_t>(p + at);
        at += 2;
        need(length);
        std::string s(p + at, length);
        at += length;
        return s;
    };
    mesh.countries.resize(countries);
    for (auto& c : mesh.countries) {
        need(kCountryFixedSize);
        c.fill_first = get<std::uint32_t>(p + at);
        c.fill_count = get<std::uint32_t>(p + at + 4);
        c.outline_first = get<std::uint32_t>(p + at + 8);
        c.outline_count = get<std::uint32_t>(p + at + 12);
        c.label = {get<double>(p + at + 16), get<double>(p + at + 24)};
        const char* e = p + at + 32;
        c.bounds = {get<double>(e), get<double>(e + 8), get<double>(e + 16), get<double>(e + 24)};
        c.view_bounds = {get<double>(e + 32), get<double>(e + 40), get<double>(e + 48), get<double>(e + 56)};
        at += kCountryFixedSize;
        c.iso_a2 = take_string();
        c.name = take_string();
        if (std::uint64_t{c.fill_first} + c.fill_count > fill_count || c.fill_first % 3 || c.fill_count % 3 ||
            std::uint64_t{c.outline_first} + c.outline_count > outline_count || c.outline_first % 2 ||
            c.outline_count % 2)
            throw fail("corrupt mesh file (range of " + (c.name.empty() ? std::string("a country") : c.name) + ")");
    }
    if (at != table_end) throw fail("corrupt mesh file (country table)");

    // Nothing out of range reaches the GPU.
    std::uint32_t worst = 0;
    for (auto i : mesh.fill_indices) worst = std::max(worst, i);
    if (!mesh.fill_indices.empty() && worst >= vertices) throw fail("corrupt mesh file (fill index out of range)");
    worst = 0;
    for (auto i : mesh.outline_indices) worst = std::max(worst, i);
    if (!mesh.outline_indices.empty() && worst >= outline_vertices)
        throw fail("corrupt mesh file (outline index out of range)");
    std::uint16_t worst_country = 0;
    for (auto c : mesh.fill_country) worst_country = std::max(worst_country, c);
    if (!mesh.fill_country.empty() && worst_country >= countries)
        throw fail("corrupt mesh file (country index out of range)");
    return mesh;
}

// ================================================================ load and derive

CountryMesh load_country_mesh(Lod lod) {
    const fs::path gpkg = default_geopackage();
    std::error_code ec;
    const auto size = fs::file_size(gpkg, ec);
    if (ec) throw Error(gpkg.string() + ": cannot read (" + ec.message() + ")");
    const fs::path file = country_mesh_file(derived_dir(), lod);
    std::string why;
    try {
        return read_country_mesh(file, size);
    } catch (const Error& e) {
        why = e.what();
    }
    if (why.ends_with(kRebuild)) why.resize(why.size() - std::strlen(kRebuild));
    std::fprintf(stderr,
                 "muster: warning: %s; tessellating countries_%s from %s instead, which is slower "
                 "(cmake --build build derives it)\n",
                 why.c_str(), lod_suffix(lod), gpkg.c_str());
    return tessellate_countries(gpkg, lod);
}

void write_country_meshes(const fs::path& gpkg, const fs::path& out_dir) {
    std::error_code ec;
    const auto size = fs::file_size(gpkg, ec);
    if (ec) throw Error(gpkg.string() + ": cannot read (" + ec.message() + ")");
    for (Lod lod : {Lod::coarse_110m, Lod::medium_50m, Lod::fine_10m})
        check_writable(country_mesh_file(out_dir, lod));
    register_gdal();
    const auto derive = [&](Lod lod) {
        write_country_mesh(tessellate_countries(gpkg, lod), country_mesh_file(out_dir, lod), size);
    };
    // 1:10m takes about as long as the other two together: run it beside them.
    auto fine = std::async(std::launch::async | std::launch::deferred, derive, Lod::fine_10m);
    std::exception_ptr failure;
    try {
        derive(Lod::coarse_110m);
        derive(Lod::medium_50m);
    } catch (...) {
        failure = std::current_exception();
    }
    fine.get();  // rethrows its failure
    if (failure) std::rethrow_exception(failure);
}

}  // namespace muster
