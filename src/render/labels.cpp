#include "render/labels.hpp"

#include <algorithm>
#include <numeric>

namespace muster {

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
    std::vector<PlacedLabel> placed;
    for (std::size_t index : order) {
        const auto& options = requests[index].options;
        for (std::size_t option = 0; option < options.size(); ++option) {
            const ScreenBox& box = options[option];
            if (!box.inside(bounds)) continue;
            const bool free = std::none_of(taken.begin(), taken.end(), [&](const ScreenBox& t) { return t.overlaps(box); });
            if (!free) continue;
            placed.push_back({index, option, box});
            taken.push_back(box.inflated(padding));
            break;
        }
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
