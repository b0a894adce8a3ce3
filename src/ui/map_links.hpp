// The map's side of linked highlighting: what the pointer is over on the map,
// rings around the hovered and selected entities' marks, the tooltip with a
// figure or movement and its sentence, and the fly-to animation that a selection asks for.
#pragma once

#include "render/overlay.hpp"
#include "ui/entities_panel.hpp"
#include "ui/view_state.hpp"

namespace muster::ui {

// Selects entity and, when it has a position, asks the map to fly there.
void select_entity(ViewState& state, const EntityRef& entity);

// Moves the camera `fraction` (0..1] of the way to state.camera_target
// (centred on the free part of the map, see ViewState::map_left_px and
// map_right_px); clears
// the target once there (under half a pixel away, or fraction 1).
void step_fly_to(ViewState& state, double fraction);

// The entity whose mark is under `pointer` (camera pixels): a symbol of the
// overlay's last layout, else the nearest scenario place within radius_px,
// else the nearest movement arrow within half of that, else a border whose
// plate is under the pointer or whose line passes within half the radius.
EntityRef pick_entity(const scenario::Scenario& scenario, const OverlayLayout& layout, const Camera& camera,
                      ScreenPoint pointer, double radius_px);

// Reads the pointer (when it is over the map and not dragging) and sets
// state.hovered; a click without a drag selects what is there.
void update_map_hover(ViewState& state, const OverlayLayout& layout, float pixel_ratio);

// Rings around the hovered and selected entities' marks, into list (in
// ImGui points), and the tooltip when the pointer is over a mark on the map.
void draw_map_links(ImDrawList* list, const ViewState& state, const OverlayLayout& layout, float pixel_ratio,
                    bool hovered_on_map);

}  // namespace muster::ui
