// Aggregated unit symbols: what the overlay draws when a view holds more
// unit symbols than can be read (a theatre of thousands of units).
//
// The rule, as map tools for large orders of battle apply it: while the view
// would show at most max_readable_symbols symbols (its stacks one per place,
// as overlay_layout.cpp builds them, each of up to four symbols), every unit
// is drawn itself. Beyond that, the units in view are grouped by side
// (affiliation) per cell of a screen grid: one symbol per group, at the mean
// position of its units, with the group's size and summed strength as
// amplifiers ("~48,000" over "12 units · RU, BY") and one strength halo.
// The grid is anchored to the map plane's origin, so panning does not
// reshuffle groups; its cells start at group_cell_pt and grow by half until
// at most max_unit_groups groups remain. Zooming in spreads the units over
// more of the screen and fewer of them stay in view, until the view falls
// under the threshold and the groups split back into places and units.
//
// The halo of a group has the area of its members' halos together (the same
// scale as single units), capped at group_halo_cap_pt: at theatre zoom a
// group can stand for hundreds of thousands of troops, and discs over that
// size would bury the map (and, translucent, cost a software rasteriser
// its fill rate). The amplifier gives the number.
#pragma once

#include "render/camera.hpp"
#include "render/symbols.hpp"
#include "scenario/scenario.hpp"
#include "scenario/timeline.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace muster {

// Beyond this many unit symbols in view, units are grouped (a briefing map
// of a theatre reads with about a hundred; 30 places of four units each).
inline constexpr std::size_t max_readable_symbols = 120;
// At most this many groups (cells grow until there are no more).
inline constexpr std::size_t max_unit_groups = 60;
// The grid's first cell size, points.
inline constexpr float group_cell_pt = 150.0f;
// The largest radius of a group's halo, points (at the default 0.3 pt per
// square root of a person: ~18,000 troops).
inline constexpr float group_halo_cap_pt = 40.0f;

// A unit standing in the view.
struct GroupMember {
    std::size_t figure = 0;  // index into Scenario::figures
    Affiliation side = Affiliation::unknown;
    ScreenPoint at;          // where its stack stands, camera pixels
    double persons = 0.0;    // halo_persons()
};

struct UnitGroup {
    Affiliation side = Affiliation::unknown;
    ScreenPoint at;                    // the mean position of its units
    std::vector<std::size_t> figures;  // indices into Scenario::figures, in the members' order
    double persons = 0.0;              // summed
};

// The rule above. symbols: how many symbols the view would show one by
// one. grid_origin: where the map plane's origin is on screen (anchors the
// cells); cell_px: the first cell size in pixels. No groups when symbols <=
// max_symbols. Groups come row by row of the grid, then by side.
std::vector<UnitGroup> group_units(const std::vector<GroupMember>& members, std::size_t symbols,
                                   ScreenPoint grid_origin, float cell_px,
                                   std::size_t max_symbols = max_readable_symbols,
                                   std::size_t max_groups = max_unit_groups);

// What a group is drawn as: its side's frame, the function icon its units
// share (none when they differ), no echelon; strength "~48,000" (rounded as
// a briefing gives it; "" without personnel), what "12 units · RU, BY"
// (actors by how many units each has, at most three, then "+N"), halo of
// the summed area capped at group_halo_cap_pt. frame: the moment drawn
// (strengths from histories); nullptr, the scenario as it is.
SymbolSpec group_spec(const UnitGroup& group, const scenario::Scenario& scenario,
                      const scenario::TimelineFrame* frame, float halo_pt_per_sqrt);

// The group's persons again at another moment (strengths change while the
// layout stays): summed halo_persons of its figures.
double group_persons(const std::vector<std::size_t>& figures, const scenario::Scenario& scenario,
                     const scenario::TimelineFrame* frame);

// "Units grouped by side at this zoom: 84 symbols stand for 6,412 units." and,
// on a second line, "Zoom in to see them." or, when capped_persons > 0
// (some halo is capped), "Halos over ~18,000 troops are drawn at that size.
// Zoom in to see them."
std::string group_note_text(std::size_t groups, std::size_t units, double capped_persons = 0.0);

// The persons a halo of group_halo_cap_pt stands for.
double group_halo_cap_persons(float halo_pt_per_sqrt);

}  // namespace muster
