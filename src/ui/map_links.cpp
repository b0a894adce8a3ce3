#include "ui/map_links.hpp"

#include "geodata/great_circle.hpp"
#include "render/symbols.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace muster::ui {
namespace {

// A press and release this close together (squared points) is a click, not a drag.
constexpr float click_slop_sq = 9.0f;
constexpr double pick_radius_pt = 10.0;

ImVec2 to_points(ScreenPoint pixels, float pixel_ratio) {
    return ImVec2(static_cast<float>(pixels.x) / pixel_ratio, static_cast<float>(pixels.y) / pixel_ratio);
}

const OverlayLayout::Symbol* symbol_of(const scenario::Scenario& scenario, const OverlayLayout& layout,
                                       std::string_view figure_id) {
    for (const OverlayLayout::Symbol& symbol : layout.symbols)
        if (symbol.figure < scenario.figures.size() && scenario.figures[symbol.figure].id == figure_id) return &symbol;
    return nullptr;
}

// A ring around a mark: thick and opaque for the selection, thinner for hover.
void ring_at(ImDrawList* list, ImVec2 centre, float radius, EntityKind kind, bool selected) {
    list->AddCircle(centre, radius + 2.0f, IM_COL32(255, 255, 255, 220), 32, selected ? 6.0f : 4.0f);
    list->AddCircle(centre, radius + 2.0f, entity_colour(kind), 32, selected ? 3.5f : 2.0f);
}

void box_at(ImDrawList* list, const ScreenBox& box, float pixel_ratio, EntityKind kind, bool selected) {
    const ImVec2 min(box.min_x / pixel_ratio - 4.0f, box.min_y / pixel_ratio - 4.0f);
    const ImVec2 max(box.max_x / pixel_ratio + 4.0f, box.max_y / pixel_ratio + 4.0f);
    list->AddRect(min, max, IM_COL32(255, 255, 255, 220), 4.0f, 0, selected ? 6.0f : 4.0f);
    list->AddRect(min, max, entity_colour(kind), 4.0f, 0, selected ? 3.5f : 2.0f);
}

const OverlayLayout::Arrow* arrow_of(const scenario::Scenario& scenario, const OverlayLayout& layout,
                                     std::string_view movement_id) {
    for (const OverlayLayout::Arrow& arrow : layout.arrows)
        if (arrow.movement < scenario.movements.size() && scenario.movements[arrow.movement].id == movement_id)
            return &arrow;
    return nullptr;
}

// A movement's arrow traced over in the highlight colour.
void trace_arrow(ImDrawList* list, const OverlayLayout::Arrow& arrow, float pixel_ratio, bool selected) {
    const float width = selected ? 3.5f : 2.0f;
    for (const auto& line : arrow.shaft) {
        std::vector<ImVec2> points;
        for (const ScreenPoint& p : line) points.push_back(to_points(p, pixel_ratio));
        list->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(255, 255, 255, 220), ImDrawFlags_None,
                          width + 3.0f);
        list->AddPolyline(points.data(), static_cast<int>(points.size()), entity_colour(EntityKind::movement),
                          ImDrawFlags_None, width);
    }
    ring_at(list, to_points(arrow.tip, pixel_ratio), 6.0f, EntityKind::movement, selected);
}

void mark_entity(ImDrawList* list, const ViewState& state, const OverlayLayout& layout, float pixel_ratio,
                 const EntityRef& entity, bool selected) {
    if (entity.kind == EntityKind::movement) {
        if (const OverlayLayout::Arrow* arrow = arrow_of(state.scenario, layout, entity.id))
            trace_arrow(list, *arrow, pixel_ratio, selected);
        return;
    }
    if (entity.kind == EntityKind::figure)
        if (const OverlayLayout::Symbol* symbol = symbol_of(state.scenario, layout, entity.id)) {
            box_at(list, symbol->box, pixel_ratio, entity.kind, selected);
            return;
        }
    const auto position = entity_position(state.scenario, entity);
    if (!position) return;
    ring_at(list, to_points(state.camera.to_screen(*position), pixel_ratio), 9.0f, entity.kind, selected);
}

void border_tooltip(const scenario::Border& border) {
    ImGui::TextColored(ImVec4(0.42f, 0.11f, 0.60f, 1.0f), "%s\u2013%s border", border.a.c_str(), border.b.c_str());
    if (border.claimed_km)
        ImGui::TextDisabled("%s km claimed \u00b7 %s km measured", format_thousands(*border.claimed_km).c_str(),
                            format_thousands(border.measured_km).c_str());
    else
        ImGui::TextDisabled("%s km measured", format_thousands(border.measured_km).c_str());
}

void tooltip_body(const ViewState& state, const EntityRef& entity) {
    const scenario::Scenario& scenario = state.scenario;
    if (entity.kind == EntityKind::movement) {
        const scenario::Movement* movement = find_movement(scenario, entity.id);
        if (!movement) return;
        const scenario::Place* from = scenario.place(movement->from);
        const scenario::Place* to = scenario.place(movement->to);
        ImGui::TextColored(ImVec4(0.6f, 0.25f, 0.45f, 1.0f), "%s \u2192 %s", from ? from->name.c_str() : "?",
                           to ? to->name.c_str() : "?");
        const std::string distance =
            from && to ? format_thousands(geodesic_distance_km(from->point, to->point)) + " km" : std::string("?");
        if (const scenario::Figure* figure = find_figure(scenario, movement->figure))
            ImGui::TextDisabled("%s \u00b7 actor %s \u00b7 %s", figure->text.c_str(),
                                figure->actor.empty() ? "?" : figure->actor.c_str(), distance.c_str());
        else
            ImGui::TextDisabled("no figure stated \u00b7 %s", distance.c_str());
    } else if (entity.kind == EntityKind::border) {
        const scenario::Border* border = find_border(scenario, entity.id);
        if (!border) return;
        border_tooltip(*border);
    } else if (entity.kind == EntityKind::figure) {
        const scenario::Figure* figure = find_figure(scenario, entity.id);
        if (!figure) return;
        ImGui::TextColored(ImVec4(0.7f, 0.4f, 0.0f, 1.0f), "%s", figure->text.c_str());
        const scenario::Place* place = scenario.place(figure->place);
        ImGui::TextDisabled("%s %s \u00b7 %s \u00b7 actor %s \u00b7 at %s", format_amount(figure->amount).c_str(),
                            figure->unit.c_str(), figure->category.c_str(),
                            figure->actor.empty() ? "?" : figure->actor.c_str(), place ? place->name.c_str() : "?");
    } else {
        const scenario::Place* place = scenario.place(entity.id);
        if (!place) return;
        ImGui::TextColored(ImVec4(0.1f, 0.45f, 0.7f, 1.0f), "%s", place->name.c_str());
        ImGui::TextDisabled("%s \u00b7 %s \u00b7 confidence %.2f", place->feature.c_str(), place->country.c_str(),
                            place->confidence);
        for (const scenario::Figure& figure : scenario.figures)
            if (figure.place == place->id) ImGui::BulletText("%s", figure.text.c_str());
    }
    const std::string sentence = entity_sentence(scenario, entity);
    if (sentence.empty()) return;
    ImGui::Separator();
    ImGui::TextWrapped("\u201c%s\u201d", sentence.c_str());
}

}  // namespace

void select_entity(ViewState& state, const EntityRef& entity) {
    state.selected = entity;
    state.reveal_in_article = true;
    if (const auto position = entity_position(state.scenario, entity)) state.camera_target = *position;
}

void step_fly_to(ViewState& state, double fraction) {
    if (!state.camera_target) return;
    const Camera goal = camera_centred_on(state.camera, *state.camera_target, state.map_left_px, state.map_right_px);
    const ScreenPoint there = state.camera.to_screen(goal.centre());
    const PixelSize view = state.camera.viewport();
    const double dx = there.x - view.width / 2.0, dy = there.y - view.height / 2.0;
    if (fraction >= 1.0 || std::hypot(dx, dy) < 0.5) {
        state.camera = goal;
        state.camera_target.reset();
        return;
    }
    state.camera.pan_by_pixels(-dx * fraction, -dy * fraction);  // content moves against the centre
}

namespace {

// Distance in pixels from p to the segment a-b.
double distance_to_segment(ScreenPoint p, ScreenPoint a, ScreenPoint b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length_sq = dx * dx + dy * dy;
    const double t = length_sq > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length_sq, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// The border whose line passes nearest to `pointer`, within max_px.
EntityRef nearest_border(const scenario::Scenario& scenario, const Camera& camera, ScreenPoint pointer, double max_px) {
    EntityRef nearest;
    double best = max_px;
    for (const scenario::Border& border : scenario.borders)
        for (const auto& line : border.lines)
            for (std::size_t i = 1; i < line.size(); ++i) {
                const double d = distance_to_segment(pointer, camera.to_screen(line[i - 1]), camera.to_screen(line[i]));
                if (d <= best) best = d, nearest = border_ref(border.id);
            }
    return nearest;
}

// A border's plate (the label with its lengths) or its line under the pointer.
EntityRef pick_border(const scenario::Scenario& scenario, const OverlayLayout& layout, const Camera& camera,
                      ScreenPoint pointer, double radius_px) {
    for (const OverlayLayout::Label& label : layout.labels)
        if (label.kind == OverlayLayout::LabelKind::border &&
            label.box.contains(static_cast<float>(pointer.x), static_cast<float>(pointer.y)))
            // The plate's anchor lies on the line of the border it names.
            return nearest_border(scenario, camera, label.anchor, std::numeric_limits<double>::infinity());
    return nearest_border(scenario, camera, pointer, radius_px / 2.0);
}

}  // namespace

EntityRef pick_entity(const scenario::Scenario& scenario, const OverlayLayout& layout, const Camera& camera,
                      ScreenPoint pointer, double radius_px) {
    for (const OverlayLayout::Symbol& symbol : layout.symbols)
        if (symbol.figure < scenario.figures.size() &&
            symbol.box.contains(static_cast<float>(pointer.x), static_cast<float>(pointer.y)))
            return figure_ref(scenario.figures[symbol.figure].id);
    EntityRef nearest;
    double best = radius_px;
    for (const scenario::Place& place : scenario.places) {
        const ScreenPoint at = camera.to_screen(place.point);
        const double distance = std::hypot(at.x - pointer.x, at.y - pointer.y);
        if (distance <= best) best = distance, nearest = place_ref(place.id);
    }
    if (!nearest.empty()) return nearest;
    // Arrows after places: a place at an arrow's end wins over the arrow.
    best = radius_px / 2.0;
    for (const OverlayLayout::Arrow& arrow : layout.arrows) {
        const double distance = distance_to_arrow(arrow, pointer);
        if (arrow.movement < scenario.movements.size() && distance <= best)
            best = distance, nearest = movement_ref(scenario.movements[arrow.movement].id);
    }
    if (!nearest.empty()) return nearest;
    return pick_border(scenario, layout, camera, pointer, radius_px);
}

void update_map_hover(ViewState& state, const OverlayLayout& layout, float pixel_ratio) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse || !ImGui::IsMousePosValid()) return;
    const bool dragged = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] > click_slop_sq;
    if (state.dragging_map && dragged) return;
    const ScreenPoint pointer{io.MousePos.x * static_cast<double>(pixel_ratio),
                              io.MousePos.y * static_cast<double>(pixel_ratio)};
    state.hovered = pick_entity(state.scenario, layout, state.camera, pointer, pick_radius_pt * pixel_ratio);
    // Clicking a mark selects it without moving the map: it is already in view.
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !dragged && !state.hovered.empty())
        state.selected = state.hovered, state.reveal_in_article = true;
}

void draw_map_links(ImDrawList* list, const ViewState& state, const OverlayLayout& layout, float pixel_ratio,
                    bool hovered_on_map) {
    if (!state.selected.empty()) mark_entity(list, state, layout, pixel_ratio, state.selected, true);
    if (!state.hovered.empty() && !(state.hovered == state.selected))
        mark_entity(list, state, layout, pixel_ratio, state.hovered, false);
    if (!hovered_on_map || state.hovered.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    tooltip_body(state, state.hovered);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace muster::ui
