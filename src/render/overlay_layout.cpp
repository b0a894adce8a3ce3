// layout_overlay(): where every symbol, dot and label of the overlay goes in
// one view. Order of decisions:
//   1. symbol stacks, one per place with deployments, at the place, or moved
//      aside (with a leader line) when stacks would collide;
//   2. halos at the true places, largest first so small ones stay visible;
//   3. all labels in one greedy pass by priority: annotations' labels and
//      captions, border plates, scenario places, countries of the scenario,
//      other countries, base-map cities.
// Symbols and scenario dots are obstacles no label may cover; so are the
// border plates' leader lines once placed, and the corner a title covers.
#include "render/annotations.hpp"
#include "render/map_presence.hpp"
#include "render/overlay.hpp"
#include "render/symbols_draw.hpp"
#include "render/unit_groups.hpp"

#include <imgui_internal.h>  // ImTextCharFromUtf8: UTF-8 decoding as ImGui itself does it

#include <algorithm>
#include <optional>
#include <cfloat>
#include <cmath>
#include <numbers>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace muster {
namespace {

using Label = OverlayLayout::Label;
using LabelKind = OverlayLayout::LabelKind;

// Priorities of the label classes: every label of a class before any of
// the next; within a class by importance (added, below 100).
constexpr float priority_annotation = 1100.0f;  // the analyst wrote it on purpose
constexpr float priority_border = 1000.0f;
constexpr float priority_place = 900.0f;
constexpr float priority_role_country = 800.0f;
constexpr float priority_country = 300.0f;
constexpr float priority_city = 100.0f;

// At most this many base-map cities are considered per view: lower ranked
// ones rarely find room, and measuring them would cost time on every pan.
constexpr std::size_t max_city_candidates = 300;

struct Context {
    const Camera& camera;
    const OverlayFonts& fonts;
    const OverlayStyle& style;
    float scale;     // pixels per point
    ScreenBox view;  // the viewport
    const scenario::TimelineFrame* frame;  // the moment drawn; nullptr: the scenario as it is

    [[nodiscard]] float px(float points) const { return points * scale; }
    [[nodiscard]] float font_px(MapFont role) const { return fonts.size_pt(role) * scale; }
    [[nodiscard]] ImVec2 measure(MapFont role, const std::string& text) const {
        return fonts.font(role)->CalcTextSizeA(font_px(role), FLT_MAX, 0.0f, text.c_str());
    }
};

ScreenBox box_union(const ScreenBox& a, const ScreenBox& b) {
    return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x),
            std::max(a.max_y, b.max_y)};
}

// The strips panels cover (OverlayStyle::covered_*): obstacles to every
// symbol and label.
std::vector<ScreenBox> covered_strips(const Context& ctx) {
    std::vector<ScreenBox> strips;
    const ScreenBox& v = ctx.view;
    const float top = ctx.px(ctx.style.covered_top_pt), bottom = ctx.px(ctx.style.covered_bottom_pt);
    const float left = ctx.px(ctx.style.covered_left_pt), right = ctx.px(ctx.style.covered_right_pt);
    if (top > 0) strips.push_back({v.min_x, v.min_y, v.max_x, v.min_y + top});
    if (bottom > 0) strips.push_back({v.min_x, v.max_y - bottom, v.max_x, v.max_y});
    if (left > 0) strips.push_back({v.min_x, v.min_y, v.min_x + left, v.max_y});
    if (right > 0) strips.push_back({v.max_x - right, v.min_y, v.max_x, v.max_y});
    const float corner_w = ctx.px(ctx.style.covered_corner_width_pt);
    const float corner_h = ctx.px(ctx.style.covered_corner_height_pt);
    if (corner_w > 0 && corner_h > 0) strips.push_back({v.min_x, v.min_y, v.min_x + corner_w, v.min_y + corner_h});
    return strips;
}

bool in_view(const ScreenBox& view, ScreenPoint p, float margin = 0.0f) {
    return p.x >= view.min_x - margin && p.x <= view.max_x + margin && p.y >= view.min_y - margin &&
           p.y <= view.max_y + margin;
}

// Country names in capitals, as reference maps set them. Latin-1 letters
// (U+00E0..U+00FE, two UTF-8 bytes) are raised too: "Côte" -> "CÔTE".
std::string capitals(const std::string& text) {
    std::string out = text;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto c = static_cast<unsigned char>(out[i]);
        if (c >= 'a' && c <= 'z') {
            out[i] = static_cast<char>(c - 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            const auto next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0xA0 && next <= 0xBE && next != 0xB7) out[i + 1] = static_cast<char>(next - 0x20);
            ++i;
        }
    }
    return out;
}

// Width of text drawn with `tracking` extra pixels between letters.
float tracked_width(const ImFont* font, float px, const std::string& text, float tracking) {
    float width = 0.0f;
    int letters = 0;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        unsigned int c = 0;
        const int bytes = ImTextCharFromUtf8(&c, s, end);
        if (bytes <= 0) break;
        s += bytes;
        width += font->GetCharAdvance(static_cast<ImWchar>(c)) * px / font->FontSize;
        ++letters;
    }
    return width + tracking * static_cast<float>(std::max(letters - 1, 0));
}

// A label waiting for placement: its candidate text boxes (collision boxes
// may be larger: a city's box includes its dot).
struct Pending {
    float priority = 0.0f;
    Label label;
    std::vector<ScreenBox> text_boxes;
    std::optional<ScreenPoint> dot;  // base-map city dot, drawn only if the label is placed
    bool capital = false;
    // Labels with a leader line (border plates): for each text box, the
    // point it names and its leader starts from.
    std::vector<ScreenPoint> anchors;
};

// ------------------------------------------------------------------ symbols

struct Row {
    SymbolSpec spec;
    std::size_t figure = 0;
    ImVec2 frame, echelon, strength, what;
    float height = 0.0f;
};

struct Stack {
    const scenario::Place* place = nullptr;
    ScreenPoint at;
    std::vector<Row> rows;
    float column = 0.0f;                // widest frame
    float width = 0.0f, height = 0.0f;  // the whole stack with amplifiers
    float weight = 0.0f;                // placement priority: the stronger first
    ScreenBox box;                      // placed, absolute
    bool on_border = false;             // forces standing on a border, not at the place itself
    std::size_t more = 0;               // units left out of a long stack ("+N more")
    ImVec2 more_size;                   // that line's text
    std::vector<std::size_t> group;     // an aggregated symbol's figures (unit_groups.hpp); empty for a place's stack
};

// A place shows at most this many symbols; with more, one fewer and "+N more".
constexpr std::size_t max_stack_rows = 5;

void measure_row(const Context& ctx, Row& row) {
    const float h = ctx.px(ctx.style.symbol_pt);
    row.frame = symbol_frame_size(row.spec.affiliation, h);
    if (row.spec.echelon != Echelon::none) row.echelon = ctx.measure(MapFont::echelon, echelon_mark(row.spec.echelon));
    if (!row.spec.strength.empty()) row.strength = ctx.measure(MapFont::strength, row.spec.strength);
    row.what = ctx.measure(MapFont::detail, row.spec.what);
    row.height = std::max(row.frame.y + row.echelon.y, row.strength.y + row.what.y);
}

Row make_row(const Context& ctx, const scenario::Figure& figure, std::size_t index) {
    Row row;
    row.figure = index;
    row.spec = ctx.frame && index < ctx.frame->figures.size()
                   ? symbol_spec_at(figure, ctx.frame->figures[index], ctx.style.halo_pt_per_sqrt)
                   : symbol_spec(figure, ctx.style.halo_pt_per_sqrt);
    measure_row(ctx, row);
    return row;
}

float amplifier_gap(const Context& ctx) { return ctx.px(5.0f); }
// Air around every label (and between labels and obstacles).
float label_padding(const Context& ctx) { return ctx.px(3.0f); }
// Base-map cities keep more air around them: a briefing map should not read like a gazetteer.
float city_spacing(const Context& ctx) { return ctx.px(7.0f); }
float row_gap(const Context& ctx) { return ctx.px(6.0f); }

// The point halfway along a border's lines, by length (lon/lat, with
// longitudes shortened by cos(latitude) so the measure is roughly even).
std::optional<LatLon> halfway_along(const std::vector<std::vector<LatLon>>& lines) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    auto length = [&](LatLon p, LatLon q) {
        const double dx = (q.lon - p.lon) * std::cos((p.lat + q.lat) / 2 * kRad);
        return std::hypot(dx, q.lat - p.lat);
    };
    double total = 0.0;
    for (const auto& line : lines)
        for (std::size_t i = 1; i < line.size(); ++i) total += length(line[i - 1], line[i]);
    if (total <= 0.0) return std::nullopt;
    double left = total / 2;
    for (const auto& line : lines)
        for (std::size_t i = 1; i < line.size(); ++i) {
            const double step = length(line[i - 1], line[i]);
            if (step >= left && step > 0.0) {
                const double t = left / step;
                return LatLon{line[i - 1].lat + (line[i].lat - line[i - 1].lat) * t,
                              line[i - 1].lon + (line[i].lon - line[i - 1].lon) * t};
            }
            left -= step;
        }
    return lines.back().back();
}

// Forces of one country placed at a neighbour it borders ("127,000 Russian
// troops on Ukraine's borders") stand on that border, not in the middle of
// the country they face: the point halfway along the shared boundary.
std::optional<LatLon> border_anchor(const scenario::Scenario& scenario, const scenario::Figure& figure,
                                    const scenario::Place& place) {
    const scenario::Border* border = faced_border(scenario, figure, place);
    return border ? std::optional<LatLon>(halfway_along(border->lines)) : std::nullopt;
}

std::string more_text(std::size_t more) { return "+" + std::to_string(more) + " more"; }

// A long stack keeps its strongest units (largest halo first), in their order.
void shorten_stack(const Context& ctx, Stack& stack) {
    if (stack.rows.size() <= max_stack_rows) return;
    std::vector<std::size_t> order(stack.rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto weight = [&](std::size_t i) {
        return std::max(stack.rows[i].spec.halo_fill_pt, stack.rows[i].spec.halo_ring_pt);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
    order.resize(max_stack_rows - 1);
    std::sort(order.begin(), order.end());
    std::vector<Row> kept;
    for (const std::size_t i : order) kept.push_back(std::move(stack.rows[i]));
    stack.more = stack.rows.size() - kept.size();
    stack.rows = std::move(kept);
    stack.more_size = ctx.measure(MapFont::detail, more_text(stack.more));
}

void finish_stack(const Context& ctx, Stack& stack) {
    shorten_stack(ctx, stack);
    float amplifiers = 0.0f;
    for (const Row& row : stack.rows) {
        stack.column = std::max(stack.column, row.frame.x);
        amplifiers = std::max({amplifiers, row.strength.x, row.what.x});
        stack.height += row.height;
        stack.weight += std::max(row.spec.halo_fill_pt, row.spec.halo_ring_pt) + 1.0f;
    }
    stack.height += row_gap(ctx) * static_cast<float>(stack.rows.size() - 1);
    stack.width = stack.column + amplifier_gap(ctx) + amplifiers;
    if (stack.more > 0) {
        stack.height += row_gap(ctx) + stack.more_size.y;
        stack.width = std::max(stack.width, stack.more_size.x);
    }
}

// The deployments on the map, by the place they stand at (index into
// Scenario::places), in the scenario's order; and those under way.
struct Standing {
    std::vector<std::vector<std::size_t>> at_place;
    std::vector<std::size_t> en_route;
};

Standing standing_figures(const Context& ctx, const scenario::Scenario& scenario) {
    Standing standing;
    standing.at_place.resize(scenario.places.size());
    std::unordered_map<std::string_view, std::size_t> place_index;
    if (!ctx.frame)
        for (std::size_t p = 0; p < scenario.places.size(); ++p) place_index.emplace(scenario.places[p].id, p);
    for (std::size_t f = 0; f < scenario.figures.size(); ++f) {
        const scenario::Figure& figure = scenario.figures[f];
        if (!is_deployment(figure)) continue;
        if (ctx.frame && f < ctx.frame->figures.size()) {
            const scenario::FigureAt& at = ctx.frame->figures[f];
            if (!at.shown) continue;
            if (at.en_route) standing.en_route.push_back(f);
            else if (at.place >= 0) standing.at_place[static_cast<std::size_t>(at.place)].push_back(f);
        } else if (const auto found = place_index.find(figure.place); found != place_index.end()) {
            standing.at_place[found->second].push_back(f);
        }
    }
    return standing;
}

// What would be one stack: a place's figures standing in view, or those of
// its figures that stand on a border (border_anchor).
struct StandingStack {
    const scenario::Place* place = nullptr;
    ScreenPoint at;
    bool on_border = false;
    std::vector<std::size_t> figures;
};

std::vector<StandingStack> standing_stacks(const Context& ctx, const scenario::Scenario& scenario) {
    std::vector<StandingStack> stacks;
    const Standing standing = standing_figures(ctx, scenario);
    for (std::size_t p = 0; p < scenario.places.size(); ++p) {
        if (standing.at_place[p].empty()) continue;
        const scenario::Place& place = scenario.places[p];
        StandingStack at_place{&place, ctx.camera.to_screen(place.point), false, {}};
        StandingStack on_border{&place, {}, true, {}};
        for (const std::size_t f : standing.at_place[p]) {
            if (const auto anchor = border_anchor(scenario, scenario.figures[f], place)) {
                on_border.at = ctx.camera.to_screen(*anchor);
                on_border.figures.push_back(f);
            } else {
                at_place.figures.push_back(f);
            }
        }
        for (StandingStack* stack : {&at_place, &on_border})
            if (!stack->figures.empty() && in_view(ctx.view, stack->at)) stacks.push_back(std::move(*stack));
    }
    return stacks;
}

// The units of a crowded view grouped by side (unit_groups.hpp); none when
// the view can show its stacks one by one.
std::vector<UnitGroup> crowded_groups(const Context& ctx, const scenario::Scenario& scenario,
                                      const std::vector<StandingStack>& stacks) {
    std::size_t symbols = 0;  // as the stacks would show them, long ones shortened
    for (const StandingStack& stack : stacks)
        symbols += stack.figures.size() <= max_stack_rows ? stack.figures.size() : max_stack_rows - 1;
    if (symbols <= max_readable_symbols) return {};
    std::vector<GroupMember> members;
    for (const StandingStack& stack : stacks)
        for (const std::size_t f : stack.figures) {
            const scenario::FigureAt* at = ctx.frame && f < ctx.frame->figures.size() ? &ctx.frame->figures[f] : nullptr;
            const scenario::Figure& figure = scenario.figures[f];
            members.push_back({f, figure_affiliation(figure), stack.at, halo_persons(figure, at)});
        }
    return group_units(members, symbols, ctx.camera.plane_to_screen(MapPoint{0.0, 0.0}), ctx.px(group_cell_pt));
}

Stack group_stack(const Context& ctx, const scenario::Scenario& scenario, UnitGroup group) {
    Stack stack;
    stack.at = group.at;
    Row row;
    row.figure = group.figures.front();
    row.spec = group_spec(group, scenario, ctx.frame, ctx.style.halo_pt_per_sqrt);
    measure_row(ctx, row);
    stack.rows.push_back(std::move(row));
    stack.group = std::move(group.figures);
    finish_stack(ctx, stack);
    return stack;
}

// One stack per place, and one per place-and-border for forces standing on
// a border (border_anchor); figures under way: add_en_route_symbols. A view
// of more symbols than can be read gets one stack per group of units
// instead; grouped_places then marks the places whose units they hold.
std::vector<Stack> build_stacks(const Context& ctx, const scenario::Scenario& scenario,
                                std::vector<bool>& grouped_places) {
    const std::vector<StandingStack> standing = standing_stacks(ctx, scenario);
    std::vector<UnitGroup> groups = crowded_groups(ctx, scenario, standing);
    std::vector<Stack> stacks;
    if (!groups.empty()) {
        grouped_places.assign(scenario.places.size(), false);
        for (const StandingStack& s : standing)
            grouped_places[static_cast<std::size_t>(s.place - scenario.places.data())] = true;
        for (UnitGroup& group : groups) stacks.push_back(group_stack(ctx, scenario, std::move(group)));
        return stacks;
    }
    for (const StandingStack& s : standing) {
        Stack stack;
        stack.place = s.place;
        stack.at = s.at;
        stack.on_border = s.on_border;
        for (const std::size_t f : s.figures) stack.rows.push_back(make_row(ctx, scenario.figures[f], f));
        finish_stack(ctx, stack);
        stacks.push_back(std::move(stack));
    }
    return stacks;
}

// The stack's box when its frames' column is centred on x and its first
// frame (one symbol) or its middle (several) on y.
ScreenBox stack_box_at(const Stack& stack, ScreenPoint p) {
    float top = p.y - stack.height / 2;
    if (stack.rows.size() == 1) {
        const Row& row = stack.rows[0];
        const float frame_top = std::max(0.0f, (row.height - row.echelon.y - row.frame.y) / 2) + row.echelon.y;
        top = p.y - frame_top - row.frame.y / 2;
    }
    return {static_cast<float>(p.x) - stack.column / 2, top, static_cast<float>(p.x) - stack.column / 2 + stack.width,
            top + stack.height};
}

// Where a stack may go: on its place, then moved up, down, right, left and
// diagonally, one to three stack sizes away.
std::vector<ScreenBox> stack_options(const Context& ctx, const Stack& stack) {
    const ScreenBox home = stack_box_at(stack, stack.at);
    std::vector<ScreenBox> options{home};
    const float step_x = home.width() / 2 + stack.column / 2 + ctx.px(14.0f);
    const float step_y = home.height() + ctx.px(14.0f);
    constexpr float directions[][2] = {{0, -1}, {0, 1}, {1, 0}, {-1, 0}, {1, -1}, {1, 1}, {-1, -1}, {-1, 1}};
    for (int ring = 1; ring <= 3; ++ring)
        for (const auto& d : directions) options.push_back(home.moved(d[0] * step_x * ring, d[1] * step_y * ring));
    return options;
}

// The note of a grouped view: top centre of what the panels leave.
OverlayLayout::Note group_note(const Context& ctx, const std::vector<Stack>& stacks) {
    std::size_t units = 0;
    bool capped = false;
    for (const Stack& stack : stacks) {
        units += stack.group.size();
        capped = capped || stack.rows.front().spec.halo_fill_pt >= group_halo_cap_pt;
    }
    OverlayLayout::Note note;
    note.text = group_note_text(stacks.size(), units,
                                capped ? group_halo_cap_persons(ctx.style.halo_pt_per_sqrt) : 0.0);
    const ImVec2 size = ctx.measure(MapFont::detail, note.text);
    const float pad = ctx.px(5.0f);
    const float top = ctx.view.min_y + ctx.px(ctx.style.covered_top_pt) + ctx.px(8.0f);
    const float left = ctx.view.min_x + ctx.px(ctx.style.covered_left_pt);
    const float right = ctx.view.max_x - ctx.px(ctx.style.covered_right_pt);
    const float middle = (left + right) / 2;
    note.box = {middle - size.x / 2 - pad, top, middle + size.x / 2 + pad, top + size.y + 2 * pad};
    return note;
}

// Lays out symbols, halos and leader lines; returns the stacks with their boxes.
std::vector<Stack> place_stacks(const Context& ctx, const scenario::Scenario& scenario, OverlayLayout& layout,
                                std::vector<bool>& grouped_places) {
    std::vector<Stack> stacks = build_stacks(ctx, scenario, grouped_places);
    if (!grouped_places.empty()) layout.note = group_note(ctx, stacks);
    std::vector<LabelRequest> requests;
    for (const Stack& stack : stacks) requests.push_back({stack.weight, stack_options(ctx, stack)});
    // Stacks stay on screen and clear of the panels where they can (moved
    // aside near the edges); those that cannot may run off the edges, then
    // under the panels, as long as they do not collide with each other.
    std::vector<bool> done(stacks.size(), false);
    std::vector<ScreenBox> strips = covered_strips(ctx);
    if (layout.note) strips.push_back(layout.note->box);  // kept clear like the panels
    std::vector<ScreenBox> taken = strips;
    for (const int pass : {0, 1, 2}) {
        const ScreenBox bounds = pass == 0 ? ctx.view : ctx.view.inflated(1e5f);
        if (pass == 2) taken.erase(taken.begin(), taken.begin() + static_cast<std::ptrdiff_t>(strips.size()));
        std::vector<LabelRequest> left;
        std::vector<std::size_t> index;
        for (std::size_t i = 0; i < stacks.size(); ++i)
            if (!done[i]) {
                left.push_back(requests[i]);
                index.push_back(i);
            }
        for (const PlacedLabel& p : place_labels(left, taken, bounds, ctx.px(4.0f))) {
            stacks[index[p.request]].box = p.box;
            done[index[p.request]] = true;
            taken.push_back(p.box);
        }
    }
    // Nowhere free: the place keeps a deployment dot, the symbols wait for
    // a closer view (drawn over each other they could not be read, and each
    // would cost the frame its time).
    std::vector<Stack> placed;
    for (std::size_t i = 0; i < stacks.size(); ++i) {
        if (done[i]) placed.push_back(std::move(stacks[i]));
        else layout.dots.push_back({stacks[i].at, true, false, true});
    }
    stacks = std::move(placed);

    for (const Stack& stack : stacks) {
        const float column_x = stack.box.min_x + stack.column / 2;
        float y = stack.box.min_y;
        for (const Row& row : stack.rows) {
            const float frame_top = y + std::max(0.0f, (row.height - row.echelon.y - row.frame.y) / 2) + row.echelon.y;
            OverlayLayout::Symbol symbol;
            symbol.figure = row.figure;
            symbol.spec = row.spec;
            symbol.centre = {column_x, frame_top + row.frame.y / 2};
            symbol.height = ctx.px(ctx.style.symbol_pt);
            symbol.box = {stack.box.min_x, y, stack.box.max_x, y + row.height};
            symbol.text_x = stack.box.min_x + stack.column + amplifier_gap(ctx);
            if (!stack.group.empty()) {
                symbol.units = stack.group.size();
                layout.groups.push_back({layout.symbols.size(), stack.group});
            }
            layout.symbols.push_back(symbol);
            // The halo belongs to its symbol (in a stack, the place is only
            // near it; the dot and leader mark the place itself).
            const float fill = ctx.px(row.spec.halo_fill_pt), ring = ctx.px(row.spec.halo_ring_pt);
            if (fill > 0 || ring > 0) layout.halos.push_back({symbol.centre, fill, ring, row.spec.affiliation, row.figure});
            y += row.height + row_gap(ctx);
        }
        if (stack.more > 0) {
            OverlayLayout::Label more;
            more.kind = LabelKind::more;
            more.font = MapFont::detail;
            more.text = more_text(stack.more);
            more.box = {stack.box.min_x, y, stack.box.min_x + stack.more_size.x, y + stack.more_size.y};
            more.anchor = stack.at;
            layout.labels.push_back(std::move(more));
        }
        layout.symbol_groups.push_back(stack.box);
        const ScreenBox column{stack.box.min_x, stack.box.min_y, stack.box.min_x + stack.column, stack.box.max_y};
        if (!column.inflated(1.0f).contains(float(stack.at.x), float(stack.at.y))) {  // moved aside
            const ScreenPoint to{std::clamp(float(stack.at.x), column.min_x, column.max_x),
                                 std::clamp(float(stack.at.y), column.min_y, column.max_y)};
            layout.leaders.push_back({stack.at, to, false});
            // A group's position is the mean of its units, no place: no dot.
            if (stack.group.empty()) layout.dots.push_back({stack.at, true, false, true});
        }
    }
    std::stable_sort(layout.halos.begin(), layout.halos.end(), [](const auto& a, const auto& b) {
        return std::max(a.fill, a.ring) > std::max(b.fill, b.ring);
    });
    return stacks;
}

// Label positions around a stack of symbols: below it, above it, left of it.
std::vector<ScreenBox> around_stack(const Context& ctx, const ScreenBox& stack, float width, float height) {
    const float gap = ctx.px(3.0f);
    const float column_middle = stack.min_x + std::min(stack.width(), width) / 2;
    const float mid_x = std::max(column_middle, stack.min_x + width / 2);
    return {
        {mid_x - width / 2, stack.max_y + gap, mid_x + width / 2, stack.max_y + gap + height},
        {mid_x - width / 2, stack.min_y - gap - height, mid_x + width / 2, stack.min_y - gap},
        {stack.min_x - gap - width, (stack.min_y + stack.max_y - height) / 2, stack.min_x - gap,
         (stack.min_y + stack.max_y + height) / 2},
    };
}

const Stack* stack_of(const std::vector<Stack>& stacks, const scenario::Place& place) {
    for (const Stack& stack : stacks)
        if (stack.place == &place && !stack.on_border) return &stack;
    return nullptr;
}

// ------------------------------------------------------------------ labels

void add_border_labels(const Context& ctx, const scenario::Scenario& scenario,
                       const std::vector<CountryLabelInfo>& countries, std::vector<Pending>& pending) {
    auto name_of = [&](const std::string& iso) {
        for (const CountryLabelInfo& c : countries)
            if (c.iso_a2 == iso) return c.name;
        return iso;
    };
    for (const scenario::Border& border : scenario.borders) {
        // The midpoint, by length, of the border's visible part.
        std::vector<std::pair<ScreenPoint, ScreenPoint>> visible;
        double total = 0.0;
        for (const auto& line : border.lines)
            for (std::size_t i = 0; i + 1 < line.size(); ++i) {
                const ScreenPoint p = ctx.camera.to_screen(line[i]), q = ctx.camera.to_screen(line[i + 1]);
                const ScreenPoint mid{(p.x + q.x) / 2, (p.y + q.y) / 2};
                if (!in_view(ctx.view, mid, -ctx.px(20.0f))) continue;
                visible.emplace_back(p, q);
                total += std::hypot(q.x - p.x, q.y - p.y);
            }
        if (visible.empty()) continue;
        // Where along the visible part the plate's leader may start: the
        // middle first, then further out along the border, so a plate that
        // finds no room by the middle (symbols, labels, other plates) moves
        // along its border rather than across the map.
        std::vector<ScreenPoint> anchors;
        for (const double fraction : {0.5, 0.35, 0.65, 0.2, 0.8}) {
            ScreenPoint anchor = visible.front().first;
            double walked = 0.0;
            for (const auto& [p, q] : visible) {
                const double length = std::hypot(q.x - p.x, q.y - p.y);
                if (walked + length >= total * fraction) {
                    const double t = length > 0 ? (total * fraction - walked) / length : 0.0;
                    anchor = {p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t};
                    break;
                }
                walked += length;
            }
            anchors.push_back(anchor);
        }
        const ScreenPoint anchor = anchors.front();

        Pending item;
        item.priority = priority_border;
        item.label.kind = LabelKind::border;
        item.label.font = MapFont::place;
        item.label.text = name_of(border.a) + "\u2013" + name_of(border.b) + " border";
        const std::string measured = format_thousands(border.measured_km) + " km measured (Natural Earth 1:10m)";
        item.label.detail =
            border.claimed_km ? format_thousands(*border.claimed_km) + " km claimed \u00b7 " + measured : measured;
        item.label.anchor = anchor;
        const ImVec2 title = ctx.measure(MapFont::place, item.label.text);
        const ImVec2 detail = ctx.measure(MapFont::detail, item.label.detail);
        const float pad = ctx.px(5.0f);
        const float w = std::max(title.x, detail.x) + 2 * pad, h = title.y + detail.y + 2 * pad;
        const float away = ctx.px(22.0f);
        constexpr float directions[][2] = {{0, 1}, {0, -1}, {1, 0}, {-1, 0}, {1, 1}, {-1, 1}, {1, -1}, {-1, -1}};
        // Options the border runs under: only if nothing else fits.
        std::vector<ScreenBox> crossing;
        std::vector<ScreenPoint> crossing_anchors;
        for (const ScreenPoint& from : anchors) {
            const auto x = static_cast<float>(from.x), y = static_cast<float>(from.y);
            for (float reach = 1.0f; reach <= 3.0f; reach += 1.0f)
                for (const auto& d : directions) {
                    const ScreenBox box = ScreenBox::centred(x + d[0] * (w / 2 + away * reach),
                                                             y + d[1] * (h / 2 + away * reach), w, h);
                    const bool covers_line = std::any_of(visible.begin(), visible.end(), [&](const auto& segment) {
                        return segment_meets_box(segment.first, segment.second, box.inflated(ctx.px(4.0f)));
                    });
                    (covers_line ? crossing : item.text_boxes).push_back(box);
                    (covers_line ? crossing_anchors : item.anchors).push_back(from);
                }
        }
        item.text_boxes.insert(item.text_boxes.end(), crossing.begin(), crossing.end());
        item.anchors.insert(item.anchors.end(), crossing_anchors.begin(), crossing_anchors.end());
        pending.push_back(std::move(item));
    }
}

bool is_area_feature(const std::string& feature) {
    return feature == "admin1" || feature == "region" || feature == "water";
}

// grouped: places whose units an aggregated symbol holds (build_stacks);
// they get no dot and no name, the group stands for them.
void add_place_labels(const Context& ctx, const scenario::Scenario& scenario, const std::vector<Stack>& stacks,
                      const std::vector<bool>& grouped, OverlayLayout& layout, std::vector<Pending>& pending) {
    for (std::size_t p = 0; p < scenario.places.size(); ++p) {
        const scenario::Place& place = scenario.places[p];
        if (place.feature == "country") continue;  // named by its country label
        if (p < grouped.size() && grouped[p]) continue;
        const ScreenPoint at = ctx.camera.to_screen(place.point);
        if (!in_view(ctx.view, at)) continue;
        const bool area = is_area_feature(place.feature);
        const Stack* stack = stack_of(stacks, place);
        const float dot = ctx.px(4.0f);  // half the obstacle box of a scenario dot
        if (!area && !stack) layout.dots.push_back({at, true, false});  // an obstacle, see layout_overlay
        Pending item;
        item.priority = priority_place - static_cast<float>(pending.size()) * 1e-3f;
        item.label.kind = area ? LabelKind::region : LabelKind::place;
        item.label.font = area ? MapFont::region : MapFont::place;
        item.label.text = place.name;
        item.label.anchor = at;
        const ImVec2 size = ctx.measure(item.label.font, place.name);
        if (stack) item.text_boxes = around_stack(ctx, stack->box, size.x, size.y);
        // The dot is an obstacle with the placement's padding around it: the
        // label starts just beyond both.
        const float gap = dot + label_padding(ctx) + ctx.px(1.0f);
        if (area) {
            const auto more = area_label_options(float(at.x), float(at.y), size.x, size.y);
            item.text_boxes.insert(item.text_boxes.end(), more.begin(), more.end());
        } else {
            // Scenario places must be named: when the eight positions next to
            // the dot are taken, try them again a little further out.
            for (const float extra : {0.0f, ctx.px(10.0f), ctx.px(22.0f)}) {
                const auto more = point_label_options(float(at.x), float(at.y), size.x, size.y, gap + extra);
                item.text_boxes.insert(item.text_boxes.end(), more.begin(), more.end());
            }
        }
        pending.push_back(std::move(item));
    }
}

// The annotations' labels (centred on their point) and the captions of
// arrows and lines (beside the line's middle) and areas (on the area).
void add_annotation_labels(const Context& ctx, const scenario::Scenario& scenario, const OverlayLayout& layout,
                           std::vector<Pending>& pending) {
    auto add = [&](const scenario::Annotation& annotation, ScreenPoint at, bool beside) {
        Pending item;
        item.priority = priority_annotation - static_cast<float>(pending.size()) * 1e-3f;
        item.label.kind = LabelKind::annotation;
        item.label.font = MapFont::place;
        item.label.text = annotation.text;
        item.label.anchor = at;
        item.label.colour = annotation_colour(annotation, ctx.style);
        const ImVec2 size = ctx.measure(item.label.font, annotation.text);
        item.text_boxes = beside ? point_label_options(float(at.x), float(at.y), size.x, size.y, ctx.px(4.0f))
                                 : area_label_options(float(at.x), float(at.y), size.x, size.y);
        pending.push_back(std::move(item));
    };
    for (const scenario::Annotation& annotation : scenario.annotations) {
        if (annotation.text.empty() || (annotation.kind != "label" && annotation.kind != "area") ||
            !annotation_shown(annotation, scenario))
            continue;
        const auto anchor = annotation_anchor(annotation, scenario);
        if (!anchor) continue;
        const ScreenPoint at = ctx.camera.to_screen(*anchor);
        if (in_view(ctx.view, at)) add(annotation, at, false);
    }
    // One caption per arrow or line, at the middle of its first visible piece.
    std::vector<bool> captioned(scenario.annotations.size(), false);
    for (const OverlayLayout::AnnotationLine& line : layout.annotation_lines) {
        const scenario::Annotation& annotation = scenario.annotations[line.annotation];
        if (annotation.text.empty() || captioned[line.annotation] || !in_view(ctx.view, line.middle)) continue;
        captioned[line.annotation] = true;
        add(annotation, line.middle, true);
    }
}

// Where to write a country's name: its label point, or when that is off
// screen, the visible interior grid point nearest the middle of the visible
// ones (so Russia is named in a view of Ukraine).
std::optional<ScreenPoint> country_anchor(const Context& ctx, const CountryLabelInfo& country) {
    const ScreenPoint label = ctx.camera.to_screen(country.label);
    const ScreenBox inner = ctx.view.inflated(-ctx.px(30.0f));
    if (in_view(inner, label)) return label;
    std::vector<ScreenPoint> seen;
    double sum_x = 0, sum_y = 0;
    for (const LatLon& p : country.interior) {
        const ScreenPoint s = ctx.camera.to_screen(p);
        if (!in_view(inner, s)) continue;
        seen.push_back(s);
        sum_x += s.x;
        sum_y += s.y;
    }
    if (seen.empty()) return std::nullopt;
    const ScreenPoint mean{sum_x / seen.size(), sum_y / seen.size()};
    return *std::min_element(seen.begin(), seen.end(), [&](const ScreenPoint& a, const ScreenPoint& b) {
        return std::hypot(a.x - mean.x, a.y - mean.y) < std::hypot(b.x - mean.x, b.y - mean.y);
    });
}

void add_country_labels(const Context& ctx, const scenario::Scenario& scenario,
                        const std::map<std::string, CountryRole>& roles, const std::vector<CountryLabelInfo>& countries,
                        const std::vector<Stack>& stacks, std::vector<Pending>& pending) {
    const double pixels_per_unit = 1.0 / (ctx.camera.units_per_pixel() * ctx.camera.units_per_pixel());
    for (const CountryLabelInfo& country : countries) {
        if (country.name.empty()) continue;
        const double area_px = country.map_area * pixels_per_unit;
        const bool role = roles.count(country.iso_a2) > 0;
        const scenario::Place* named = nullptr;
        for (const scenario::Place& place : scenario.places)
            if (place.feature == "country" && !country.iso_a2.empty() && place.country == country.iso_a2) named = &place;
        const bool important = role || named;
        // Tiny on screen: not worth a look unless the scenario is about it.
        if (!important && area_px < 900.0 * ctx.scale * ctx.scale) continue;
        const auto anchor = country_anchor(ctx, country);
        if (!anchor) continue;

        const MapFont font = area_px > 250000.0 * ctx.scale * ctx.scale ? MapFont::country_large
                             : area_px > 40000.0 * ctx.scale * ctx.scale ? MapFont::country_medium
                                                                         : MapFont::country_small;
        Pending item;
        item.label.kind = LabelKind::country;
        item.label.font = font;
        item.label.text = capitals(country.name);
        item.label.anchor = *anchor;
        const float px = ctx.font_px(font);
        item.label.tracking = px * (font == MapFont::country_small ? 0.06f : 0.14f);
        const float w = tracked_width(ctx.fonts.font(font), px, item.label.text, item.label.tracking);
        const float h = px;
        if (!important && area_px < 2.5 * w * h) continue;  // would spill far over its borders
        const Stack* stack = named ? stack_of(stacks, *named) : nullptr;
        if (stack) item.text_boxes = around_stack(ctx, stack->box, w, h);
        const auto more = area_label_options(float(anchor->x), float(anchor->y), w, h);
        item.text_boxes.insert(item.text_boxes.end(), more.begin(), more.end());
        // The scenario's countries first, then by size on screen.
        item.priority = (important ? priority_role_country : priority_country) +
                        static_cast<float>(std::log10(area_px + 1.0));
        pending.push_back(std::move(item));
    }
}

// The smallest population a base-map city needs at a zoom: capitals and
// metropolises for a continent, towns of 50,000 for a region.
std::int64_t min_city_population(double zoom) {
    if (zoom < 4.0) return 1'000'000;
    if (zoom < 5.5) return 300'000;
    if (zoom < 6.5) return 200'000;
    if (zoom < 7.5) return 100'000;
    return 50'000;
}

void add_city_labels(const Context& ctx, const scenario::Scenario& scenario, const std::vector<MapCity>& cities,
                     std::vector<Pending>& pending) {
    const std::int64_t min_population = min_city_population(ctx.camera.detail_zoom());
    std::size_t considered = 0;
    for (const MapCity& city : cities) {
        if (considered >= max_city_candidates) break;
        if (city.population < min_population && !city.capital) continue;
        const ScreenPoint at = ctx.camera.to_screen(city.point);
        if (!in_view(ctx.view, at)) continue;
        const bool in_scenario = std::any_of(scenario.places.begin(), scenario.places.end(), [&](const auto& place) {
            return (place.geonameid != 0 && place.geonameid == city.geonameid) ||
                   (place.name == city.name && std::abs(place.point.lat - city.point.lat) < 0.5 &&
                    std::abs(place.point.lon - city.point.lon) < 0.5);
        });
        if (in_scenario) continue;
        ++considered;
        Pending item;
        // Most populous first (the list is sorted); capitals ahead of their class.
        item.priority = priority_city + (city.capital ? 2.0f : 0.0f) - static_cast<float>(considered) * 1e-3f;
        item.label.kind = LabelKind::city;
        item.label.font = MapFont::city;
        item.label.text = city.name;
        item.label.anchor = at;
        item.dot = at;
        item.capital = city.capital;
        const ImVec2 size = ctx.measure(MapFont::city, city.name);
        const float dot = ctx.px(city.capital ? 3.5f : 2.5f);
        item.text_boxes = point_label_options(float(at.x), float(at.y), size.x, size.y, dot + ctx.px(2.0f));
        pending.push_back(std::move(item));
    }
}

}  // namespace

OverlayLayout layout_overlay(const scenario::Scenario& scenario, const std::map<std::string, CountryRole>& roles,
                             const std::vector<CountryLabelInfo>& countries, const std::vector<MapCity>& cities,
                             const Camera& camera, const OverlayFonts& fonts, const OverlayStyle& style,
                             float size_scale, const OverlayVisibility& visible,
                             const scenario::TimelineFrame* frame) {
    const PixelSize viewport = camera.viewport();
    const Context ctx{camera, fonts, style, size_scale,
                      ScreenBox{0, 0, static_cast<float>(viewport.width), static_cast<float>(viewport.height)}, frame};
    OverlayLayout layout;
    // Hidden layers take no room: their marks are never laid out.
    std::vector<bool> grouped_places;
    const std::vector<Stack> stacks =
        visible.deployments ? place_stacks(ctx, scenario, layout, grouped_places) : std::vector<Stack>{};
    layout.arrows = visible.deployments ? layout_arrows(scenario, camera, style, size_scale, layout.symbol_groups, frame)
                                        : std::vector<OverlayLayout::Arrow>{};
    if (visible.annotations) layout.annotation_lines = layout_annotation_lines(scenario, camera, style, size_scale, layout.symbol_groups);

    std::vector<ScreenBox> obstacles = layout.symbol_groups;
    for (const ScreenBox& strip : covered_strips(ctx)) obstacles.push_back(strip);
    if (layout.note) obstacles.push_back(layout.note->box);
    std::vector<Pending> pending;
    if (visible.annotations) add_annotation_labels(ctx, scenario, layout, pending);
    if (visible.border_features) add_border_labels(ctx, scenario, countries, pending);
    if (visible.place_labels) add_place_labels(ctx, scenario, stacks, grouped_places, layout, pending);
    for (const auto& dot : layout.dots)
        obstacles.push_back(ScreenBox::centred(float(dot.centre.x), float(dot.centre.y), ctx.px(8), ctx.px(8)));
    if (visible.country_names) add_country_labels(ctx, scenario, roles, countries, stacks, pending);
    if (visible.city_labels) add_city_labels(ctx, scenario, cities, pending);

    std::vector<LabelRequest> requests;
    for (const Pending& item : pending) {
        LabelRequest request{item.priority, {}, {}};
        for (const ScreenPoint& from : item.anchors)
            request.leaders.push_back({static_cast<float>(from.x), static_cast<float>(from.y)});
        for (const ScreenBox& box : item.text_boxes) {
            ScreenBox collision = box;
            if (item.dot) {  // a city's dot is part of its label: no other label may cover it
                const float r = ctx.px(item.capital ? 3.5f : 2.5f);
                collision = box_union(box, ScreenBox::centred(float(item.dot->x), float(item.dot->y), 2 * r, 2 * r))
                                .inflated(city_spacing(ctx));
            }
            request.options.push_back(collision);
        }
        requests.push_back(std::move(request));
    }

    for (const PlacedLabel& placed : place_labels(requests, obstacles, ctx.view, label_padding(ctx))) {
        const Pending& item = pending[placed.request];
        Label label = item.label;
        label.box = item.text_boxes[placed.option];
        if (item.dot) layout.dots.push_back({*item.dot, false, item.capital});
        if (placed.option < item.anchors.size()) label.anchor = item.anchors[placed.option];
        if (item.label.kind == LabelKind::border) {
            const ScreenPoint to{std::clamp(float(label.anchor.x), label.box.min_x, label.box.max_x),
                                 std::clamp(float(label.anchor.y), label.box.min_y, label.box.max_y)};
            layout.leaders.push_back({label.anchor, to, true});
        }
        layout.labels.push_back(std::move(label));
    }
    return layout;
}

// The size of a unit under way over a grouped view, to a symbol's.
constexpr float compact_scale = 0.6f;

void add_en_route_symbols(OverlayLayout& layout, const scenario::Scenario& scenario,
                          const scenario::TimelineFrame& frame, const Camera& camera, const OverlayFonts& fonts,
                          const OverlayStyle& style, float size_scale) {
    const PixelSize viewport = camera.viewport();
    const Context ctx{camera, fonts, style, size_scale,
                      ScreenBox{0, 0, static_cast<float>(viewport.width), static_cast<float>(viewport.height)}, &frame};
    for (std::size_t f = 0; f < scenario.figures.size() && f < frame.figures.size(); ++f) {
        const scenario::FigureAt& at = frame.figures[f];
        if (!at.shown || !at.en_route || !is_deployment(scenario.figures[f])) continue;
        Stack moving;  // one symbol, exactly where the figure is: it glides along its route
        moving.at = camera.to_screen(*at.en_route);
        if (!in_view(ctx.view, moving.at)) continue;
        Row unit = make_row(ctx, scenario.figures[f], f);
        // Over a grouped view, a unit under way is a small frame without
        // amplifiers or halo: it shows the move without crowding the groups.
        const bool compact = !layout.groups.empty();
        if (compact) {
            unit.spec.echelon = Echelon::none;
            unit.spec.strength.clear();
            unit.spec.what.clear();
            unit.spec.halo_fill_pt = unit.spec.halo_ring_pt = 0.0f;
            unit.frame = symbol_frame_size(unit.spec.affiliation, ctx.px(ctx.style.symbol_pt) * compact_scale);
            unit.echelon = unit.strength = unit.what = ImVec2(0, 0);
            unit.height = unit.frame.y;
        }
        moving.rows.push_back(std::move(unit));
        finish_stack(ctx, moving);
        moving.box = stack_box_at(moving, moving.at);
        const Row& row = moving.rows.front();
        OverlayLayout::Symbol symbol;
        symbol.figure = f;
        symbol.spec = row.spec;
        symbol.centre = moving.at;
        symbol.height = ctx.px(style.symbol_pt) * (compact ? compact_scale : 1.0f);
        symbol.box = moving.box;
        symbol.text_x = moving.box.min_x + moving.column + amplifier_gap(ctx);
        layout.symbols.push_back(symbol);
        const float fill = ctx.px(row.spec.halo_fill_pt), ring = ctx.px(row.spec.halo_ring_pt);
        if (fill > 0 || ring > 0) layout.halos.push_back({symbol.centre, fill, ring, row.spec.affiliation, f});
    }
}

}  // namespace muster
