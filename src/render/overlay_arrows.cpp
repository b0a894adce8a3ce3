// Movement arrows: the geodesic between two places (geodata/great_circle.hpp)
// projected through the camera, trimmed so that both places' dots stay
// visible, with a head at the destination.
#include "geodata/great_circle.hpp"
#include "render/overlay.hpp"
#include "render/symbols.hpp"

#include <algorithm>
#include <cmath>

namespace muster {
namespace {

// Clear of the place dots at both ends (a scenario dot is 5.2 pt across).
constexpr float origin_gap_pt = 7.0f;
constexpr float destination_gap_pt = 8.0f;
constexpr float head_width_ratio = 0.8f;
// Arrows shorter than this on screen are not drawn: the places nearly touch.
constexpr double min_arrow_px = 12.0;

double distance(ScreenPoint a, ScreenPoint b) { return std::hypot(b.x - a.x, b.y - a.y); }

ScreenPoint between(ScreenPoint a, ScreenPoint b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

// The geodesic on screen, in the camera's projection: one polyline per
// piece, split again wherever two neighbouring points land more than half a
// world apart (wrapping projections: the camera puts each place at its copy
// nearest the centre) and wherever the path leaves the projection's domain.
std::vector<std::vector<ScreenPoint>> screen_path(LatLon from, LatLon to, const Camera& camera) {
    const double km = geodesic_distance_km(from, to);
    std::vector<std::vector<ScreenPoint>> out;
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

double length(const std::vector<std::vector<ScreenPoint>>& path) {
    double total = 0.0;
    for (const auto& line : path)
        for (std::size_t i = 1; i < line.size(); ++i) total += distance(line[i - 1], line[i]);
    return total;
}

// The part of the path between arc lengths [begin, end] (jumps between
// pieces count nothing).
std::vector<std::vector<ScreenPoint>> slice(const std::vector<std::vector<ScreenPoint>>& path, double begin,
                                            double end) {
    std::vector<std::vector<ScreenPoint>> out;
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
ScreenPoint point_at(const std::vector<std::vector<ScreenPoint>>& path, double at) {
    const auto piece = slice(path, at, at + 1e-6);
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

}  // namespace

std::vector<OverlayLayout::Arrow> layout_arrows(const scenario::Scenario& scenario, const Camera& camera,
                                                const OverlayStyle& style, float size_scale,
                                                const std::vector<ScreenBox>& stops,
                                                const scenario::TimelineFrame* frame) {
    std::vector<OverlayLayout::Arrow> arrows;
    for (std::size_t i = 0; i < scenario.movements.size(); ++i) {
        if (frame && !frame->movement_shown(i)) continue;
        const scenario::Movement& movement = scenario.movements[i];
        const scenario::Place* from = scenario.place(movement.from);
        const scenario::Place* to = scenario.place(movement.to);
        if (!from || !to) continue;
        const auto path = screen_path(from->point, to->point, camera);
        const double total = length(path);
        if (path.empty() || total < min_arrow_px) continue;
        // Gaps at both ends (past the symbols standing there) and the head,
        // shrunk together on short arrows.
        std::vector<ScreenPoint> backwards(path.back().rbegin(), path.back().rend());
        const double clear = 3.0 * size_scale;
        double start = std::max<double>(origin_gap_pt * size_scale, run_inside(path.front(), stops) + clear);
        double end_gap = std::max<double>(destination_gap_pt * size_scale, run_inside(backwards, stops) + clear);
        double head = style.arrow_head_pt * size_scale;
        const double shrink = std::min(1.0, total / (2.0 * (start + head + end_gap)));
        start *= shrink, head *= shrink, end_gap *= shrink;

        OverlayLayout::Arrow arrow;
        arrow.movement = i;
        arrow.tip = point_at(path, total - end_gap);
        arrow.base = point_at(path, total - end_gap - head);
        arrow.head_half_width = static_cast<float>(head * head_width_ratio / 2.0);
        // The shaft reaches a pixel into the head, so no seam shows.
        arrow.shaft = slice(path, start, total - end_gap - head + 1.0);
        if (const scenario::Figure* figure = scenario.figure(movement.figure))
            arrow.affiliation = affiliation_of(figure->actor);
        arrows.push_back(std::move(arrow));
    }
    return arrows;
}

double distance_to_arrow(const OverlayLayout::Arrow& arrow, ScreenPoint point) {
    double best = std::max(0.0, distance_to_segment(point, arrow.base, arrow.tip) - arrow.head_half_width / 2.0);
    for (const auto& line : arrow.shaft)
        for (std::size_t i = 1; i < line.size(); ++i) best = std::min(best, distance_to_segment(point, line[i - 1], line[i]));
    return best;
}

}  // namespace muster
