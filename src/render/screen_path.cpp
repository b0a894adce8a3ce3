#include "render/screen_path.hpp"

#include "geodata/great_circle.hpp"

#include <algorithm>
#include <cmath>

namespace muster {
namespace {

double distance(ScreenPoint a, ScreenPoint b) { return std::hypot(b.x - a.x, b.y - a.y); }

ScreenPoint between(ScreenPoint a, ScreenPoint b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

}  // namespace

// The geodesic on screen, in the camera's projection: one polyline per
// piece, split again wherever two neighbouring points land more than half a
// world apart (wrapping projections: the camera puts each place at its copy
// nearest the centre) and wherever the path leaves the projection's domain.
ScreenPath screen_path(LatLon from, LatLon to, const Camera& camera) {
    const double km = geodesic_distance_km(from, to);
    ScreenPath out;
    const double half_world = camera.wrap_pixels() / 2.0;
    for (const auto& piece : geodesic_path(from, to, std::max(10.0, km / 128.0))) {
        out.emplace_back();
        for (const LatLon& p : piece) {
            const auto at = camera.screen_position(p);
            if (!at) {
                if (!out.back().empty()) out.emplace_back();
                continue;
            }
            if (half_world > 0.0 && !out.back().empty() && std::fabs(at->x - out.back().back().x) > half_world)
                out.emplace_back();
            out.back().push_back(*at);
        }
    }
    std::erase_if(out, [](const std::vector<ScreenPoint>& line) { return line.size() < 2; });
    return out;
}

double path_length(const ScreenPath& path) {
    double total = 0.0;
    for (const auto& line : path)
        for (std::size_t i = 1; i < line.size(); ++i) total += distance(line[i - 1], line[i]);
    return total;
}

// The part of the path between arc lengths [begin, end] (jumps between
// pieces count nothing).
ScreenPath slice_path(const ScreenPath& path, double begin, double end) {
    ScreenPath out;
    double walked = 0.0;
    for (const auto& line : path) {
        std::vector<ScreenPoint> kept;
        for (std::size_t i = 1; i < line.size(); ++i) {
            const double step = distance(line[i - 1], line[i]);
            const double a = walked, b = walked + step;
            walked = b;
            if (b <= begin || a >= end || step <= 0.0) continue;
            const ScreenPoint first = a < begin ? between(line[i - 1], line[i], (begin - a) / step) : line[i - 1];
            const ScreenPoint last = b > end ? between(line[i - 1], line[i], (end - a) / step) : line[i];
            if (kept.empty()) kept.push_back(first);
            kept.push_back(last);
        }
        if (kept.size() >= 2) out.push_back(std::move(kept));
    }
    return out;
}

// The point at arc length `at`.
ScreenPoint point_along(const ScreenPath& path, double at) {
    const auto piece = slice_path(path, at, at + 1e-6);
    if (!piece.empty()) return piece.front().front();
    return path.back().back();
}

// How far along `points` (from its first point) the line leaves the first of
// `boxes` that holds that point; 0 when none does.
double run_inside(const std::vector<ScreenPoint>& points, const std::vector<ScreenBox>& boxes) {
    auto inside = [](const ScreenBox& box, ScreenPoint p) {
        return box.contains(static_cast<float>(p.x), static_cast<float>(p.y));
    };
    const auto box = std::find_if(boxes.begin(), boxes.end(), [&](const ScreenBox& b) { return inside(b, points[0]); });
    if (box == boxes.end()) return 0.0;
    double walked = 0.0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const double step = distance(points[i - 1], points[i]);
        if (!inside(*box, points[i])) {
            double lo = 0.0, hi = 1.0;  // the crossing, by bisection
            for (int k = 0; k < 24; ++k) {
                const double mid = (lo + hi) / 2;
                (inside(*box, between(points[i - 1], points[i], mid)) ? lo : hi) = mid;
            }
            return walked + step * hi;
        }
        walked += step;
    }
    return walked;
}

double distance_to_segment(ScreenPoint p, ScreenPoint a, ScreenPoint b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length_sq = dx * dx + dy * dy;
    const double t = length_sq > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq, 0.0, 1.0) : 0.0;
    return distance(p, {a.x + t * dx, a.y + t * dy});
}

namespace {
// Clear of the place dots at both ends (a scenario dot is 5.2 pt across).
constexpr float origin_gap_pt = 7.0f;
constexpr float destination_gap_pt = 8.0f;
// A head is 0.8 times as wide as long.
constexpr float head_width_ratio = 0.8f;
}  // namespace

ArrowCut cut_arrow(const ScreenPath& path, double total, const std::vector<ScreenBox>& stops, bool between_places,
                   double head_px, float size_scale) {
    double start = 0.0, end_gap = 0.0, head = head_px;
    if (between_places) {
        const double clear = 3.0 * size_scale;
        const std::vector<ScreenPoint> backwards(path.back().rbegin(), path.back().rend());
        start = std::max<double>(origin_gap_pt * size_scale, run_inside(path.front(), stops) + clear);
        end_gap = std::max<double>(destination_gap_pt * size_scale, run_inside(backwards, stops) + clear);
    }
    const double needed = 2.0 * (start + head + end_gap);
    const double shrink = needed > 0.0 ? std::min(1.0, total / needed) : 1.0;
    start *= shrink, head *= shrink, end_gap *= shrink;

    ArrowCut cut;
    if (head > 0.0) {
        cut.tip = point_along(path, total - end_gap);
        cut.base = point_along(path, total - end_gap - head);
        cut.head_half_width = static_cast<float>(head * head_width_ratio / 2.0);
    }
    // The shaft reaches a pixel into the head, so no seam shows.
    cut.shaft = slice_path(path, start, total - end_gap - head + (head > 0.0 ? 1.0 : 0.0));
    return cut;
}

}  // namespace muster
