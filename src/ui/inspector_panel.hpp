// The Inspector (View -> Inspector): the selected entity, its source
// sentence, and its fields to edit. A movable window, first placed at the
// right edge of the map; Dear ImGui remembers where the user put it.
//
//   place   kind, country and gazetteer id; latitude and longitude; the
//           gazetteer's candidates for the words the text used (name, kind,
//           country, population), the current one marked: picking another
//           switches the place ("Paris" in Texas instead of France) and
//           flies the map there. "Move on map" lets a drag of the place's
//           mark move it (the map pans as usual everywhere else).
//   figure  value, min and max, qualifier, unit, category, actor (ISO
//           alpha-2 or NATO), its place; the unit symbol's affiliation and
//           echelon, derived unless set here, with a preview of the symbol.
//   border  the claimed length; the measured one for comparison.
//   nothing the annotations (text, own colour or the actor's, removal) and
//           the borders to pick from.
//
// Every edit goes straight into ViewState::scenario: the map redraws from
// it on the next frame, and document.hpp's track_edits() marks the document
// dirty and records the undo step.
#pragma once

#include "geodata/gazetteer.hpp"
#include "ui/search_box.hpp"
#include "ui/view_state.hpp"

#include <string_view>
#include <vector>

namespace muster::ui {

// Candidates the Inspector lists for a place.
inline constexpr std::size_t max_place_candidates = 12;

// The words a place's candidates are looked up by: its first mention's
// text, else its name.
std::string candidate_key(const scenario::Scenario& scenario, const scenario::Place& place);

// The gazetteer's candidates for candidate_key(), best first.
std::vector<Candidate> place_candidates(const scenario::Scenario& scenario, const scenario::Place& place,
                                        const PlaceLookup& lookup);

// Makes `place` the candidate: name, country, feature, gazetteer_id,
// geonameid and point from the gazetteer; confidence 1 (a person chose it).
// Id and mentions stay.
void switch_place_to(scenario::Place& place, const Candidate& candidate);

// An actor as the scenario stores it: "" (none), two capital letters (ISO
// 3166-1 alpha-2) or "NATO".
bool valid_actor(std::string_view actor);

// A place moved by hand: the point, clamped to valid latitudes and wrapped
// longitudes; confidence 1. Name and gazetteer ids stay (it is still that
// place, set more precisely).
void move_place(scenario::Place& place, LatLon to);

// Dragging the selected place's mark while "Move on map" is on. Call after
// handle_map_input(): a press within reach of the mark takes the drag from
// the map, which then does not pan.
void handle_place_move(ViewState& state, float pixel_ratio);

// The widget being edited, for track_edits() (document.hpp): the drag of a
// place's mark, else Dear ImGui's active item; 0 when none.
unsigned active_edit_item(const ViewState& state);

// Where the candidate under the pointer in the Inspector's list is, as a
// ring on the map (list in ImGui points).
void draw_candidate_preview(ImDrawList* list, const ViewState& state, float pixel_ratio);

// The window (when state.show_inspector and there is a document). While it
// stands at the right edge, state.map_right_px says how much map it hides.
void draw_inspector(ViewState& state, const PlaceLookup& lookup, float pixel_ratio);

// The window's contents, into the current window (tests draw it into their own).
void draw_inspector_contents(ViewState& state, const PlaceLookup& lookup);

}  // namespace muster::ui
