#include "render/labels.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace muster {

namespace {

struct Segment {
    LabelPoint a, b;
};

// Whether a leader from `start` to box crosses what is taken: boxes that
// hold its start (the symbols on the border it names) do not count.
bool leader_blocked(LabelPoint start, const ScreenBox& box, const std::vector<ScreenBox>& taken) {
    const LabelPoint end = leader_end(start, box);
    return std::any_of(taken.begin(), taken.end(), [&](const ScreenBox& t) {
        return !t.contains(start.x, start.y) && segment_touches_box(start, end, t);
    });
}

}  // namespace

bool segment_touches_box(LabelPoint p, LabelPoint q, const ScreenBox& box) {
    // Liang-Barsky clipping of the segment against the box.
    float t0 = 0.0f, t1 = 1.0f;
    const float dx = q.x - p.x, dy = q.y - p.y;
    const float edges[4][2] = {{-dx, p.x - box.min_x}, {dx, box.max_x - p.x}, {-dy, p.y - box.min_y},
                               {dy, box.max_y - p.y}};
    for (const auto& [denominator, distance] : edges) {
        if (denominator == 0.0f) {
            if (distance < 0.0f) return false;
            continue;
        }
        const float t = distance / denominator;
        if (denominator < 0.0f)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    return true;
}

LabelPoint leader_end(LabelPoint from, const ScreenBox& box) {
    return {std::clamp(from.x, box.min_x, box.max_x), std::clamp(from.y, box.min_y, box.max_y)};
}

std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests, std::span<const ScreenBox> obstacles,
                                      const ScreenBox& bounds, float padding) {
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return requests[a].priority > requests[b].priority; });

    // Padding is added to placed labels once, so two labels keep at least
    // `padding` apart, and labels keep `padding` from obstacles.
    std::vector<ScreenBox> taken(obstacles.begin(), obstacles.end());
    for (ScreenBox& box : taken) box = box.inflated(padding);
    std::vector<Segment> leaders;  // of the labels placed
    std::vector<PlacedLabel> placed;
    for (std::size_t index : order) {
        const LabelRequest& request = requests[index];
        const auto& options = request.options;
        auto free = [&](const ScreenBox& box) {
            return box.inside(bounds) &&
                   std::none_of(taken.begin(), taken.end(), [&](const ScreenBox& t) { return t.overlaps(box); }) &&
                   std::none_of(leaders.begin(), leaders.end(), [&](const Segment& leader) {
                       return segment_touches_box(leader.a, leader.b, box.inflated(padding));
                   });
        };
        const bool has_leaders = request.leaders.size() == options.size() && !options.empty();
        std::optional<std::size_t> chosen;
        // With leaders: an option whose leader runs clear first, any free one after.
        for (int pass = has_leaders ? 0 : 1; pass < 2 && !chosen; ++pass)
            for (std::size_t option = 0; option < options.size(); ++option) {
                if (!free(options[option])) continue;
                if (pass == 0 && leader_blocked(request.leaders[option], options[option], taken)) continue;
                chosen = option;
                break;
            }
        if (!chosen) continue;
        const ScreenBox& box = options[*chosen];
        placed.push_back({index, *chosen, box});
        taken.push_back(box.inflated(padding));
        if (has_leaders) leaders.push_back({request.leaders[*chosen], leader_end(request.leaders[*chosen], box)});
    }
    return placed;
}

std::vector<ScreenBox> point_label_options(float x, float y, float width, float height, float gap) {
    const float half_h = height / 2;
    const float lift = height * 0.55f;  // diagonal positions sit a little above/below the point's line
    return {
        {x + gap, y - half_h, x + gap + width, y + half_h},                        // right
        {x + gap * 0.7f, y - half_h - lift, x + gap * 0.7f + width, y + half_h - lift},  // above right
        {x + gap * 0.7f, y - half_h + lift, x + gap * 0.7f + width, y + half_h + lift},  // below right
        {x - gap - width, y - half_h, x - gap, y + half_h},                        // left
        {x - gap * 0.7f - width, y - half_h - lift, x - gap * 0.7f, y + half_h - lift},  // above left
        {x - gap * 0.7f - width, y - half_h + lift, x - gap * 0.7f, y + half_h + lift},  // below left
        {x - width / 2, y - gap - height, x + width / 2, y - gap},                 // above
        {x - width / 2, y + gap, x + width / 2, y + gap + height},                 // below
    };
}

std::vector<ScreenBox> area_label_options(float x, float y, float width, float height) {
    const ScreenBox centre = ScreenBox::centred(x, y, width, height);
    return {centre, centre.moved(0, -height), centre.moved(0, height), centre.moved(0, -2 * height),
            centre.moved(0, 2 * height)};
}

}  // namespace muster
