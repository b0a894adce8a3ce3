// What the user points at and what they picked: one entity of the scenario
// (a place, a figure or a movement), named by its id so that edits to the Scenario never
// leave a dangling pointer. The article, the entities table and the map all
// read and write the same two references in ViewState, which is what links
// them: hover a span and its mark lights up on the map, and the other way.
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "scenario/scenario.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

namespace muster::ui {

enum class EntityKind { none, place, figure, movement, border };

struct EntityRef {
    EntityKind kind = EntityKind::none;
    std::string id;  // Place::id, Figure::id, Movement::id or Border::id

    [[nodiscard]] bool empty() const { return kind == EntityKind::none; }
    friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

inline EntityRef place_ref(std::string id) { return {EntityKind::place, std::move(id)}; }
inline EntityRef figure_ref(std::string id) { return {EntityKind::figure, std::move(id)}; }
inline EntityRef movement_ref(std::string id) { return {EntityKind::movement, std::move(id)}; }
inline EntityRef border_ref(std::string id) { return {EntityKind::border, std::move(id)}; }

// Highlight colours shared by the panels and the map, so a place looks the
// same wherever it is shown (Okabe-Ito blue, orange and reddish purple:
// colour-blind safe).
ImU32 entity_colour(EntityKind kind, float alpha = 1.0f);

const scenario::Figure* find_figure(const scenario::Scenario& scenario, std::string_view id);
const scenario::Movement* find_movement(const scenario::Scenario& scenario, std::string_view id);
const scenario::Border* find_border(const scenario::Scenario& scenario, std::string_view id);

// Where an entity is on the map: a place's point, the point of a figure's
// place, a movement's destination, the middle point of a border's longest
// line; nothing for figures without a place or unknown ids.
std::optional<LatLon> entity_position(const scenario::Scenario& scenario, const EntityRef& entity);

// The entity's first mention in the text, if it has one.
std::optional<scenario::Mention> entity_mention(const scenario::Scenario& scenario, const EntityRef& entity);

// Scenario spans count code points, ImGui draws bytes (scenario.hpp).
using scenario::code_point_to_byte;

// The sentence of text around bytes [begin, end): from after the previous
// full stop (or line break) to the next one, trimmed. For tooltips.
std::string_view sentence_around(std::string_view text, std::size_t begin, std::size_t end);

// The sentence an entity was mentioned in, or "" without a mention.
std::string entity_sentence(const scenario::Scenario& scenario, const EntityRef& entity);

// The camera moved so that `target` is at the middle of the part of the
// viewport the panels leave free (left_px pixels are covered on the left,
// right_px on the right).
Camera camera_centred_on(Camera camera, LatLon target, double left_px, double right_px = 0.0);

}  // namespace muster::ui
