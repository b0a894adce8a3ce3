// Movement arrows: the geodesic between two places (geodata/great_circle.hpp)
// projected through the camera, trimmed so that both places' dots stay
// visible, with a head at the destination.
#include "geodata/great_circle.hpp"
#include "render/overlay.hpp"
#include "render/screen_path.hpp"
#include "render/symbols.hpp"

#include <algorithm>
#include <cmath>

namespace muster {
namespace {

// Arrows shorter than this on screen are not drawn: the places nearly touch.
constexpr double min_arrow_px = 12.0;

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
        const double total = path_length(path);
        if (path.empty() || total < min_arrow_px) continue;
        // Gaps at both ends (past the symbols standing there) and the head.
        ArrowCut cut = cut_arrow(path, total, stops, true, style.arrow_head_pt * size_scale, size_scale);
        OverlayLayout::Arrow arrow;
        arrow.movement = i;
        arrow.tip = cut.tip, arrow.base = cut.base, arrow.head_half_width = cut.head_half_width;
        arrow.shaft = std::move(cut.shaft);
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
