// Label placement without overlaps: greedy, in priority order, over a few
// candidate positions per label (Imhof's preferences for point labels:
// right of the point first, then above-right, below-right, left, ...).
// A label that fits nowhere is dropped, so the map never shows two labels on
// top of each other or a label over a symbol. Pure geometry in screen pixels;
// measuring text is the caller's business.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace muster {

// An axis-aligned box in screen pixels (y down), [min, max].
struct ScreenBox {
    float min_x = 0.0f, min_y = 0.0f, max_x = 0.0f, max_y = 0.0f;

    [[nodiscard]] float width() const { return max_x - min_x; }
    [[nodiscard]] float height() const { return max_y - min_y; }
    // Touching edges do not count as overlap.
    [[nodiscard]] bool overlaps(const ScreenBox& o) const {
        return min_x < o.max_x && o.min_x < max_x && min_y < o.max_y && o.min_y < max_y;
    }
    [[nodiscard]] bool contains(float x, float y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
    [[nodiscard]] bool inside(const ScreenBox& outer) const {
        return min_x >= outer.min_x && min_y >= outer.min_y && max_x <= outer.max_x && max_y <= outer.max_y;
    }
    [[nodiscard]] ScreenBox inflated(float by) const { return {min_x - by, min_y - by, max_x + by, max_y + by}; }
    [[nodiscard]] ScreenBox moved(float dx, float dy) const { return {min_x + dx, min_y + dy, max_x + dx, max_y + dy}; }
    // A box of a size with its centre at (x, y).
    static ScreenBox centred(float x, float y, float width, float height) {
        return {x - width / 2, y - height / 2, x + width / 2, y + height / 2};
    }
};

// A point in screen pixels: where a leader line starts (what its label names).
struct LabelPoint {
    float x = 0.0f, y = 0.0f;
};

struct LabelRequest {
    float priority = 0.0f;           // higher is placed first; ties keep request order
    std::vector<ScreenBox> options;  // candidate boxes, preferred first
    // Labels tied to their point by a leader line (border plates): for each
    // option, where its leader starts; it ends at the box's nearest point.
    // Empty: no leader. An option whose leader would cross a label placed
    // before it or an obstacle (other than those holding its start) is
    // taken only when no option with a clear leader is free; once placed,
    // the leader is an obstacle to every label placed after it.
    std::vector<LabelPoint> leaders;
};

struct PlacedLabel {
    std::size_t request = 0;  // index into the requests
    std::size_t option = 0;   // which candidate was used
    ScreenBox box;
};

// Places labels in priority order at the first candidate that lies inside
// bounds and overlaps neither an obstacle nor a label (or leader line) placed
// before it, with `padding` pixels of air around each label. Returns the
// placed labels in placement order (highest priority first).
std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests, std::span<const ScreenBox> obstacles,
                                      const ScreenBox& bounds, float padding);

// Candidate boxes of a width x height label around a point marker of radius
// `gap`: right, above-right, below-right, left, above-left, below-left,
// above, below.
std::vector<ScreenBox> point_label_options(float x, float y, float width, float height, float gap);

// Candidate boxes of a label for an area (a country): centred on the anchor,
// then nudged up and down by one and two line heights.
std::vector<ScreenBox> area_label_options(float x, float y, float width, float height);

// Whether the segment from a to b touches box (Liang-Barsky clipping).
bool segment_touches_box(LabelPoint a, LabelPoint b, const ScreenBox& box);

// Where a leader from `from` ends on box: the box's point nearest to it.
LabelPoint leader_end(LabelPoint from, const ScreenBox& box);

}  // namespace muster
