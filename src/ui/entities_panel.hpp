// The Entities panel: places and figures of the scenario as two sortable,
// filterable tables (tabs). Hovering a row sets ViewState::hovered, clicking
// selects the entity and flies the map there; the rows of the hovered and
// selected entities are highlighted whichever view set them.
//
// Filtering and sorting are pure functions over indices into the Scenario,
// recomputed each frame (tens of rows), so nothing is cached.
#pragma once

#include "ui/view_state.hpp"

#include <string_view>
#include <vector>

namespace muster::ui {

enum class PlaceColumn { text, name, feature, country, confidence };
enum class FigureColumn { text, value, category, unit, actor, place };

// Case-insensitive (ASCII letters) substring test; an empty needle matches.
bool contains_folded(std::string_view haystack, std::string_view needle);

// Indices of the places whose mention, name, feature or country contains
// filter, in scenario order.
std::vector<std::size_t> filter_places(const scenario::Scenario& scenario, std::string_view filter);
// Indices of the figures whose text, unit, category, actor or place name
// contains filter, in scenario order.
std::vector<std::size_t> filter_figures(const scenario::Scenario& scenario, std::string_view filter);

// Stable sorts of such index lists by a column.
void sort_places(std::vector<std::size_t>& rows, const scenario::Scenario& scenario, PlaceColumn column,
                 bool ascending);
// By value: the best estimate, else the range's lower (or upper) bound;
// figures without any number go last in either direction.
void sort_figures(std::vector<std::size_t>& rows, const scenario::Scenario& scenario, FigureColumn column,
                  bool ascending);

// "100,000", "~100,000", "2,000–5,000", "30,000+" (at least), "max 30,000",
// "" (no number).
std::string format_amount(const scenario::Amount& amount);

// Draws the filter box and the tables into the current window.
void draw_entities_tables(ViewState& state);

}  // namespace muster::ui
