// What a figure looks like as an APP-6 / MIL-STD-2525 style unit symbol:
// the affiliation (frame), the function icon, the echelon mark and the
// strength amplifier, decided from the figure's actor, unit, category and
// words. Pure functions: no OpenGL, no ImGui (drawing is symbols_draw.hpp).
//
// Affiliation (whose side an actor is on) is a fixed table, kept simple and
// visible so an analyst can predict it:
//   hostile  RU, BY (the aggressor side in the articles muster is built for)
//   friend   NATO, EU and the NATO members (32 states, 2024), and UA
//   neutral  states with a declared neutrality: AT, CH, IE, MT, ... (see symbols.cpp)
//   unknown  every other actor, and figures without an actor
//
// Function icon, from keywords of the unit and the figure's words (first
// match wins, in this order, so "air defence troops" is air defence and
// "tank crews" armour):
//   air defence  S-300/S-400, Patriot, Buk, Tor, Pantsir, air defence, SAM, anti-aircraft
//   rotary wing  helicopter(s)
//   fixed wing   aircraft, jets, fighters, bombers, warplanes, planes
//   missile      missile(s), Iskander
//   armour       tank(s), armour/armor, armoured vehicles
//   artillery    artillery, howitzer(s), rocket launchers, MLRS, guns
//   airborne     airborne, paratroopers
//   infantry     troops, soldiers, personnel, infantry, servicemen, forces,
//                and every figure of category personnel
//   none         anything else (the frame and amplifier still show)
// Echelon, from the unit alone: company I, battalion II, regiment III,
// brigade X, division XX, corps XXX, army XXXX ("battalion tactical groups"
// is II).
//
// A figure's own `affiliation` and `echelon` (set in the viewer's Inspector,
// stored in the scenario file) override both derivations.
#pragma once

#include "scenario/scenario.hpp"
#include "scenario/timeline.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace muster {

enum class Affiliation { friend_, hostile, neutral, unknown };

enum class UnitFunction { none, infantry, airborne, armour, artillery, air_defence, fixed_wing, rotary_wing, missile };

enum class Echelon { none, company, battalion, regiment, brigade, division, corps, army };

// The affiliation of an actor code ("RU", "NATO", ""), by the table above.
Affiliation affiliation_of(std::string_view actor);

UnitFunction unit_function_of(const scenario::Figure& figure);
Echelon echelon_of(std::string_view unit);

// What a figure is drawn as: its override when set, else derived from its
// actor (affiliation_of) or its unit (echelon_of).
Affiliation figure_affiliation(const scenario::Figure& figure);
Echelon figure_echelon(const scenario::Figure& figure);
// The function icon: Figure::function when set, else unit_function_of.
UnitFunction figure_function(const scenario::Figure& figure);

// The names the scenario file uses ("friend", "battalion"); nothing for
// other text.
std::optional<Affiliation> affiliation_named(std::string_view name);
std::optional<Echelon> echelon_named(std::string_view name);
std::optional<UnitFunction> function_named(std::string_view name);  // "air defence", "none", ...
// "I", "II", "III", "X", "XX", "XXX", "XXXX"; "" for none.
const char* echelon_mark(Echelon echelon);
const char* to_string(Affiliation affiliation);  // "friend", "hostile", "neutral", "unknown"
const char* to_string(UnitFunction function);    // "infantry", "air defence", ...
const char* to_string(Echelon echelon);          // "none", "company", "battalion", ... "army"

// Whether a figure is drawn as a unit symbol: forces and their equipment
// (personnel, unit, equipment), not distances, casualties or plain counts.
bool is_deployment(const scenario::Figure& figure);

// 127000 -> "127,000"; fractions are rounded to whole numbers.
std::string format_thousands(double value);

// The strength amplifier: how much, keeping the text's precision.
//   exact     "127,000"
//   approx    "~127,000"
//   at_least  "at least 5,000"  (or the text's own words, see below)
//   at_most   "up to 30,000"
//   range     "2,000–9,999"
// Vague amounts (no digit in the figure's words: "thousands of troops",
// "hundreds of aircraft") keep their words: "thousands", "hundreds".
// Bare mentions (no amount) give "".
std::string strength_text(const scenario::Figure& figure);

// The number that sizes the strength halo: the best estimate, else the
// upper bound, else the lower; nothing for bare mentions.
std::optional<double> strength_value(const scenario::Amount& amount);

// Everything the renderer needs to draw one figure's symbol.
struct SymbolSpec {
    Affiliation affiliation = Affiliation::unknown;
    UnitFunction function = UnitFunction::none;
    Echelon echelon = Echelon::none;
    std::string strength;  // amplifier, first line ("127,000", "thousands", "")
    std::string what;      // amplifier, second line: actor and unit ("RU troops", "S-400 systems")
    // Strength halo, radii in points (0: none), area proportional to persons.
    // Ranges are drawn as ranges: a filled disc up to what is certain and a
    // dashed ring at the upper bound.
    //   exact, approx  fill = best estimate
    //   range, vague   fill = lower bound, ring = upper bound
    //   at_least       fill = lower bound
    //   at_most        ring = upper bound
    // Only personnel get a halo: persons compare with persons, while tanks or
    // aircraft on the same scale would mislead.
    float halo_fill_pt = 0.0f;
    float halo_ring_pt = 0.0f;
};

// halo_pt_per_sqrt: OverlayStyle::halo_pt_per_sqrt.
SymbolSpec symbol_spec(const scenario::Figure& figure, float halo_pt_per_sqrt);

// The persons a figure's halo fill stands for: at a moment of the timeline
// its strength then (at->strength), else its amount as the fill reads it
// (best estimate; the lower bound of a range or of "at least"; nothing for
// "up to"). 0 for figures that are not personnel (they get no halo). What
// aggregated symbols sum (render/unit_groups.hpp).
double halo_persons(const scenario::Figure& figure, const scenario::FigureAt* at = nullptr);

// A strength between reports, rounded as a briefing gives it: to the
// thousand from 10,000 (83,412 -> 83,000), the hundred from 1,000, the ten
// from 100, whole below.
double rounded_strength(double value);

// The symbol at a moment of the timeline: with a strength from the figure's
// history (at.strength, already rounded), that strength and a halo sized to
// it: "~83,000" between reports, the report's own precision on one.
SymbolSpec symbol_spec_at(const scenario::Figure& figure, const scenario::FigureAt& at, float halo_pt_per_sqrt);

}  // namespace muster
