#include "render/domain_clip.hpp"

#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace muster {
namespace {

// Halvings of a side when looking for the edge: 2^-30 of a side is far
// below a pixel at any zoom.
constexpr int cut_iterations = 30;

// Triangles crossing the domain's edge are split until their sides are at
// most this long (degrees of arc) before they are cut: the cut joins two
// points of the edge with a straight line in lon/lat, which must stay close
// to the edge's curve (a chord of 1 degree strays 0.2 km from it).
constexpr double max_crossing_side_deg = 1.0;
// Splitting rounds: each halves the crossing sides (Natural Earth's longest
// triangle sides are tens of degrees).
constexpr int max_split_rounds = 12;

class DomainCutter {
public:
    DomainCutter(const ProjectionDomain& domain, std::vector<float>& lonlat) : domain_(domain), lonlat_(lonlat) {}

    [[nodiscard]] bool inside(std::uint32_t vertex) {
        while (inside_.size() * 2 < lonlat_.size()) inside_.push_back(inside(point(inside_.size())) ? 1 : 0);
        return inside_[vertex] != 0;
    }

    [[nodiscard]] std::size_t vertex_floats() const { return lonlat_.size(); }

    [[nodiscard]] double side_length(std::uint32_t a, std::uint32_t b) const {
        return angular_distance(point(a), point(b));
    }

    // The vertex half way along side (a, b) in lon/lat, made once per side.
    std::uint32_t midpoint(std::uint32_t a, std::uint32_t b) {
        if (a > b) std::swap(a, b);
        const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
        if (const auto found = midpoints_.find(key); found != midpoints_.end()) return found->second;
        const LatLon middle = along(point(a), point(b), 0.5);
        const auto vertex = static_cast<std::uint32_t>(lonlat_.size() / 2);
        lonlat_.push_back(static_cast<float>(middle.lon));
        lonlat_.push_back(static_cast<float>(middle.lat));
        midpoints_.emplace(key, vertex);
        return vertex;
    }

    // The vertex where side (a, b) meets the domain's edge; one of a, b is
    // inside, the other not. Made once per side whichever way it is walked.
    std::uint32_t cut(std::uint32_t a, std::uint32_t b) {
        if (a > b) std::swap(a, b);
        const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
        if (const auto found = cuts_.find(key); found != cuts_.end()) return found->second;
        const LatLon pa = point(a), pb = point(b);
        double in_t = inside(pa) ? 0.0 : 1.0, out_t = 1.0 - in_t;
        for (int i = 0; i < cut_iterations; ++i) {
            const double t = (in_t + out_t) / 2.0;
            (inside(along(pa, pb, t)) ? in_t : out_t) = t;
        }
        const LatLon edge = along(pa, pb, in_t);
        const auto vertex = static_cast<std::uint32_t>(lonlat_.size() / 2);
        lonlat_.push_back(static_cast<float>(edge.lon));
        lonlat_.push_back(static_cast<float>(edge.lat));
        cuts_.emplace(key, vertex);
        return vertex;
    }

private:
    [[nodiscard]] LatLon point(std::uint32_t vertex) const {
        return {lonlat_[2 * vertex + 1], lonlat_[2 * vertex]};
    }
    [[nodiscard]] bool inside(LatLon p) const { return in_cap(domain_, p); }
    static LatLon along(LatLon a, LatLon b, double t) {
        return {a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
    }

    const ProjectionDomain& domain_;
    std::vector<float>& lonlat_;
    std::vector<char> inside_;  // per vertex, filled as vertices are asked about
    std::unordered_map<std::uint64_t, std::uint32_t> cuts_, midpoints_;
};

// Side i of a triangle runs from corner i to corner i + 1.
using SideKey = std::uint64_t;
SideKey side_key(std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | b;
}

// Replaces a triangle by smaller ones where its marked sides are halved
// (m[i]: the midpoint of side i, or nothing), keeping its winding. Every
// pattern splits a side exactly at its midpoint, so a neighbour that halves
// the same side meets it without a crack.
void split_triangle(const std::array<std::uint32_t, 3>& c, const std::array<std::optional<std::uint32_t>, 3>& m,
                    std::vector<std::uint32_t>& out) {
    const int count = (m[0] ? 1 : 0) + (m[1] ? 1 : 0) + (m[2] ? 1 : 0);
    if (count == 3) {
        out.insert(out.end(), {c[0], *m[0], *m[2], *m[0], c[1], *m[1], *m[2], *m[1], c[2], *m[0], *m[1], *m[2]});
        return;
    }
    for (int r = 0; r < 3; ++r) {
        const int i = r, j = (r + 1) % 3, k = (r + 2) % 3;
        if (count == 1 && m[i]) {  // one side, i: two triangles from the opposite corner
            out.insert(out.end(), {c[i], *m[i], c[k], *m[i], c[j], c[k]});
            return;
        }
        if (count == 2 && m[i] && m[j]) {  // sides i and j, around corner j
            out.insert(out.end(), {*m[i], c[j], *m[j], c[i], *m[i], *m[j], c[i], *m[j], c[k]});
            return;
        }
    }
    out.insert(out.end(), c.begin(), c.end());
}

// Halves the long sides of triangles that cross the domain's edge, round
// after round, so the cut made afterwards follows the edge closely.
void refine_crossing_triangles(DomainCutter& cutter, std::vector<std::uint32_t>& indices,
                               std::vector<std::uint16_t>* tags) {
    for (int round = 0; round < max_split_rounds; ++round) {
        std::unordered_set<SideKey> marked;
        std::vector<char> on_marked;  // per vertex: an end of a marked side (a quick test before the set)
        for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
            const bool a = cutter.inside(indices[t]), b = cutter.inside(indices[t + 1]), c = cutter.inside(indices[t + 2]);
            if (a == b && b == c) continue;
            for (int i = 0; i < 3; ++i) {
                const std::uint32_t p = indices[t + i], q = indices[t + (i + 1) % 3];
                if (cutter.side_length(p, q) <= max_crossing_side_deg) continue;
                marked.insert(side_key(p, q));
                on_marked.resize(std::max<std::size_t>(on_marked.size(), std::max(p, q) + 1), 0);
                on_marked[p] = on_marked[q] = 1;
            }
        }
        if (marked.empty()) return;
        auto is_marked = [&](std::uint32_t p, std::uint32_t q) {
            return p < on_marked.size() && q < on_marked.size() && on_marked[p] && on_marked[q] &&
                   marked.count(side_key(p, q)) > 0;
        };
        std::vector<std::uint32_t> refined;
        refined.reserve(indices.size() + marked.size() * 6);
        for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
            const std::array<std::uint32_t, 3> corner{indices[t], indices[t + 1], indices[t + 2]};
            if (!is_marked(corner[0], corner[1]) && !is_marked(corner[1], corner[2]) &&
                !is_marked(corner[2], corner[0])) {
                refined.insert(refined.end(), corner.begin(), corner.end());
                continue;
            }
            std::array<std::optional<std::uint32_t>, 3> middle;
            for (int i = 0; i < 3; ++i) {
                const std::uint32_t p = corner[i], q = corner[(i + 1) % 3];
                if (is_marked(p, q)) middle[i] = cutter.midpoint(p, q);
            }
            if (tags && tags->size() * 2 < cutter.vertex_floats()) {
                const std::uint16_t tag = corner[0] < tags->size() ? (*tags)[corner[0]] : 0;
                tags->resize(cutter.vertex_floats() / 2, tag);
            }
            split_triangle(corner, middle, refined);
        }
        indices = std::move(refined);
    }
}

}  // namespace

void clip_triangles_to_domain(const ProjectionDomain& domain, std::vector<float>& lonlat,
                              std::vector<std::uint32_t>& indices, std::vector<std::uint16_t>* tags) {
    if (domain.wraps) return;
    DomainCutter cutter(domain, lonlat);
    refine_crossing_triangles(cutter, indices, tags);
    std::vector<std::uint32_t> kept;
    kept.reserve(indices.size());
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const std::array<std::uint32_t, 3> corner{indices[t], indices[t + 1], indices[t + 2]};
        const std::array<bool, 3> in{cutter.inside(corner[0]), cutter.inside(corner[1]), cutter.inside(corner[2])};
        if (in[0] && in[1] && in[2]) {
            kept.insert(kept.end(), corner.begin(), corner.end());
            continue;
        }
        if (!in[0] && !in[1] && !in[2]) continue;
        // Sutherland-Hodgman against the one boundary: at most four corners.
        std::vector<std::uint32_t> polygon;
        for (int i = 0; i < 3; ++i) {
            const int j = (i + 1) % 3;
            if (in[i]) polygon.push_back(corner[i]);
            if (in[i] != in[j]) polygon.push_back(cutter.cut(corner[i], corner[j]));
        }
        for (std::size_t k = 1; k + 1 < polygon.size(); ++k)
            kept.insert(kept.end(), {polygon[0], polygon[k], polygon[k + 1]});
        if (tags) {
            const std::uint16_t tag = corner[0] < tags->size() ? (*tags)[corner[0]] : 0;
            if (tags->size() < lonlat.size() / 2) tags->resize(lonlat.size() / 2, tag);
        }
    }
    indices = std::move(kept);
    if (tags) tags->resize(lonlat.size() / 2, 0);
}

void clip_segments_to_domain(const ProjectionDomain& domain, std::vector<float>& lonlat,
                             std::vector<std::uint32_t>& indices) {
    if (domain.wraps) return;
    DomainCutter cutter(domain, lonlat);
    std::vector<std::uint32_t> kept;
    kept.reserve(indices.size());
    for (std::size_t s = 0; s + 1 < indices.size(); s += 2) {
        const std::uint32_t a = indices[s], b = indices[s + 1];
        const bool in_a = cutter.inside(a), in_b = cutter.inside(b);
        if (in_a && in_b)
            kept.insert(kept.end(), {a, b});
        else if (in_a)
            kept.insert(kept.end(), {a, cutter.cut(a, b)});
        else if (in_b)
            kept.insert(kept.end(), {cutter.cut(a, b), b});
    }
    indices = std::move(kept);
}

}  // namespace muster
