// The search box at the top right of the map: type a place name, Enter
// looks it up in the gazetteer and lists up to eight ranked candidates
// (name, kind, country) below the box, or "no match". Enter again (text
// unchanged) or a click picks the highlighted candidate (Up/Down move the
// highlight) and flies the map there, then zooms in by kind: a country
// stays wide, a city comes close. Ctrl+F focuses the box; Esc closes the list.
//
// The lookup is passed in, so the viewer can load the gazetteer lazily on
// the first search and tests can use their shared one.
#pragma once

#include "geodata/gazetteer.hpp"
#include "ui/view_state.hpp"

#include <functional>
#include <string_view>
#include <vector>

namespace muster::ui {

// Most candidates the list shows.
inline constexpr std::size_t max_search_hits = 8;

// Ranked gazetteer candidates for a name, best first, at most `limit`.
using PlaceLookup = std::function<std::vector<Candidate>(std::string_view name, std::size_t limit)>;

// Map zoom for showing a place of this kind: countries 4.5, regions and
// admin1 6.5, admin2 8, cities 10 (web-map zoom, see Camera).
double zoom_for_kind(PlaceKind kind);

// The hits for the text typed (surrounding spaces ignored): up to
// max_search_hits, best first; empty for blank text or an unknown name.
std::vector<SearchHit> search_places(const PlaceLookup& lookup, std::string_view text);

// Starts flying to the hit: the camera pans to it (ViewState::camera_target)
// and then zooms to hit.zoom about it (ViewState::zoom_target).
void fly_to_hit(ViewState& state, const SearchHit& hit);

// Once the pan has arrived, moves `fraction` of the way to the zoom target
// about its place; clears it when there (within 0.01 levels).
void step_zoom_to(ViewState& state, double fraction);

// The box and its list, as an ImGui window at the top right of the viewport.
void draw_search_box(ViewState& state, const PlaceLookup& lookup);

}  // namespace muster::ui
