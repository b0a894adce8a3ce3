#include "render/tessellate.hpp"

#include <GL/glu.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

namespace muster::tess {

// ================================================================ GLU callbacks

namespace {

// What the callbacks write to; passed as GLU's polygon_data.
struct Sink {
    Triangles* out = nullptr;
    GLenum error = 0;
    bool non_triangles = false;
};

// Vertex data pointers carry (point index + 1), so that no vertex is a null pointer.
void* to_data(std::uint32_t index) { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(index) + 1u); }
std::uint32_t from_data(void* data) {
    return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(data) - 1u);
}

void GLAPIENTRY on_begin(GLenum type, void* polygon) {
    // With an edge-flag callback registered GLU only emits GL_TRIANGLES.
    if (type != GL_TRIANGLES) static_cast<Sink*>(polygon)->non_triangles = true;
}

void GLAPIENTRY on_edge_flag(GLboolean, void*) {}

void GLAPIENTRY on_vertex(void* vertex, void* polygon) {
    static_cast<Sink*>(polygon)->out->indices.push_back(from_data(vertex));
}

void GLAPIENTRY on_end(void*) {}

void GLAPIENTRY on_combine(GLdouble coords[3], void* /*neighbours*/[4], GLfloat /*weights*/[4], void** out_data,
                           void* polygon) {
    auto& xy = static_cast<Sink*>(polygon)->out->xy;
    const auto index = static_cast<std::uint32_t>(xy.size() / 2);
    xy.push_back(coords[1]);  // GLU sees (y, x): see Tessellator::triangulate
    xy.push_back(coords[0]);
    *out_data = to_data(index);
}

void GLAPIENTRY on_error(GLenum error, void* polygon) {
    auto* sink = static_cast<Sink*>(polygon);
    if (!sink->error) sink->error = error;
}

template <typename F>
_GLUfuncptr callback(F* f) {
    return reinterpret_cast<_GLUfuncptr>(f);
}

}  // namespace

// ================================================================ Tessellator

Tessellator::Tessellator() {
    tess_ = gluNewTess();
    if (!tess_) throw std::runtime_error("cannot create a GLU tessellator (out of memory)");
    gluTessCallback(tess_, GLU_TESS_BEGIN_DATA, callback(on_begin));
    gluTessCallback(tess_, GLU_TESS_EDGE_FLAG_DATA, callback(on_edge_flag));
    gluTessCallback(tess_, GLU_TESS_VERTEX_DATA, callback(on_vertex));
    gluTessCallback(tess_, GLU_TESS_END_DATA, callback(on_end));
    gluTessCallback(tess_, GLU_TESS_COMBINE_DATA, callback(on_combine));
    gluTessCallback(tess_, GLU_TESS_ERROR_DATA, callback(on_error));
    gluTessProperty(tess_, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    // All input lies in the z = 0 plane: saves GLU guessing a normal (and
    // failing on degenerate input), and fixes the output orientation.
    gluTessNormal(tess_, 0.0, 0.0, 1.0);
    // GLU sweeps along its first coordinate. Country outlines are cheaper to
    // sweep along latitude than along longitude (Russia at 1:10m: 119 → 61 ms;
    // all of 1:10m on one core: 760 → 550 ms), so GLU gets (y, x).
}

Tessellator::~Tessellator() {
    if (tess_) gluDeleteTess(tess_);
}

void Tessellator::triangulate(const std::vector<Ring>& rings, Triangles& out) {
    out.xy.clear();
    out.indices.clear();
    std::size_t points = 0;
    for (const auto& ring : rings)
        if (ring.size() >= 6) points += ring.size() / 2;
    if (points == 0) return;
    out.xy.reserve(points * 2 + 64);
    out.indices.reserve(points * 3 + 64);

    // GLU keeps pointers to the coordinates until gluTessEndPolygon.
    std::vector<GLdouble> coords(points * 3, 0.0);
    Sink sink;
    sink.out = &out;
    gluTessBeginPolygon(tess_, &sink);
    std::size_t next = 0;
    for (const auto& ring : rings) {
        if (ring.size() < 6) continue;
        gluTessBeginContour(tess_);
        for (std::size_t i = 0; i + 1 < ring.size(); i += 2) {
            GLdouble* c = &coords[next * 3];
            c[0] = ring[i + 1];
            c[1] = ring[i];
            out.xy.push_back(ring[i]);
            out.xy.push_back(ring[i + 1]);
            gluTessVertex(tess_, c, to_data(static_cast<std::uint32_t>(next)));
            ++next;
        }
        gluTessEndContour(tess_);
    }
    gluTessEndPolygon(tess_);

    if (sink.error) {
        const auto* text = gluErrorString(sink.error);
        throw std::runtime_error(std::string("GLU tessellator: ") +
                                 (text ? reinterpret_cast<const char*>(text) : "error " + std::to_string(sink.error)));
    }
    if (sink.non_triangles || out.indices.size() % 3 != 0)
        throw std::runtime_error("GLU tessellator: returned something other than triangles");
    const auto count = static_cast<std::uint32_t>(out.xy.size() / 2);
    for (auto index : out.indices)
        if (index >= count) throw std::runtime_error("GLU tessellator: returned an unknown vertex");
    // Counter-clockwise in (y, x) is clockwise in (x, y): turn every triangle round.
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
}

// ================================================================ strips

namespace {

struct P {
    double x, y;
};

// Keeps the part of poly with x >= bound (keep_above) or x <= bound.
void clip(std::vector<P>& poly, double bound, bool keep_above, std::vector<P>& scratch) {
    scratch.clear();
    const auto inside = [&](const P& p) { return keep_above ? p.x >= bound : p.x <= bound; };
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const P& p = poly[i];
        const P& q = poly[(i + 1) % poly.size()];
        const bool pin = inside(p), qin = inside(q);
        if (pin) scratch.push_back(p);
        if (pin != qin) {
            const double t = (bound - p.x) / (q.x - p.x);
            scratch.push_back({bound, p.y + t * (q.y - p.y)});
        }
    }
    poly.swap(scratch);
}

}  // namespace

void split_triangle_into_strips(const double* a, const double* b, const double* c, std::vector<double>& out) {
    const double min_x = std::fmin(a[0], std::fmin(b[0], c[0]));
    const double max_x = std::fmax(a[0], std::fmax(b[0], c[0]));
    if (!std::isfinite(min_x) || !std::isfinite(max_x)) return;
    const auto first = static_cast<long>(std::floor(min_x / 180.0));
    const auto last = static_cast<long>(std::ceil(max_x / 180.0));
    std::vector<P> poly, scratch;
    for (long j = first; j < last; ++j) {
        const double lo = 180.0 * static_cast<double>(j), hi = lo + 180.0;
        poly.assign({{a[0], a[1]}, {b[0], b[1]}, {c[0], c[1]}});
        clip(poly, lo, true, scratch);
        if (poly.size() >= 3) clip(poly, hi, false, scratch);
        if (poly.size() < 3) continue;
        // The shift that moves [lo, hi] to [-180, 0] or [0, 180].
        const double shift = -360.0 * std::floor((lo + 180.0) / 360.0);
        for (std::size_t k = 1; k + 1 < poly.size(); ++k) {
            const P* corners[3] = {&poly[0], &poly[k], &poly[k + 1]};
            const double area2 = (corners[1]->x - corners[0]->x) * (corners[2]->y - corners[0]->y) -
                                 (corners[2]->x - corners[0]->x) * (corners[1]->y - corners[0]->y);
            if (area2 == 0.0) continue;
            for (const P* p : corners) {
                out.push_back(p->x + shift);
                out.push_back(p->y);
            }
        }
    }
}

}  // namespace muster::tess
