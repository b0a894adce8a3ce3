// The edits a script makes to a Scenario, in plain C++: adding places (by
// name through the gazetteer, or by coordinates) and figures, changing and
// removing them, with the checks that keep the scenario one that
// docs/scenario.md allows. The Lua bindings (scenario_binding.cpp) only turn
// Lua values into these specs. Every problem is a muster::Error whose
// message names the field or item ("category must be one of personnel, ...,
// got 'tanks'"; "no place named 'Atlantis' in the gazetteer").
#pragma once

#include "core/geo.hpp"
#include "scenario/scenario.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace muster {
class Gazetteer;
}

namespace muster::script {

// The gazetteer, loaded only when a name has to be looked up.
using GazetteerSource = std::function<const Gazetteer&()>;

// A script adds at most this many places and as many figures to one scenario:
// scenario contents live outside Lua's memory limit, so this bounds them.
inline constexpr std::size_t kMaxItems = 100000;

// An optional value an edit may set, clear (Lua's false) or leave alone.
template <typename T>
struct Change {
    bool clear = false;
    std::optional<T> value;
    [[nodiscard]] bool given() const { return clear || value.has_value(); }
};

struct PlaceSpec {
    std::string id;       // "" : the next free "pN"
    std::string name;     // required
    std::string country;  // ISO alpha-2; with a name alone, picks the gazetteer's candidate in that country
    std::string feature;  // for places by coordinates; default "site"
    std::optional<double> lat, lon;  // both: placed by hand; neither: looked up in the gazetteer
};

// Adds a place, or returns the scenario's place for the same gazetteer entry
// (one place per entry, as extraction makes them). The gazetteer is asked
// only for places without coordinates.
const scenario::Place& add_place(scenario::Scenario& scenario, const PlaceSpec& spec, const GazetteerSource& gazetteer);

struct PlaceEdit {
    std::optional<std::string> name, country, feature;
    std::optional<double> lat, lon;
};
const scenario::Place& edit_place(scenario::Scenario& scenario, const std::string& id, const PlaceEdit& edit);

// Refuses while figures stand at the place, naming them.
void remove_place(scenario::Scenario& scenario, const std::string& id);

// A figure's place as a script names it: a place id, else the name of a
// place already in the scenario, else a name looked up in the gazetteer and
// added. Returns the place id.
std::string resolve_place(scenario::Scenario& scenario, const std::string& id_or_name,
                          const GazetteerSource& gazetteer);

struct FigureSpec {
    std::string id;    // "" : the next free "fN"
    std::string text;  // "" : written from the amount and unit ("about 30,000 troops")
    std::optional<double> value, min, max;
    std::string qualifier;        // "" : from what is given (exact, range, at_least, at_most)
    std::string unit = "troops";
    std::string category = "personnel";
    std::string actor;            // ISO alpha-2 or "NATO"; "" unknown
    std::string place;            // a place id (already resolved), or ""
    std::string function;         // the symbol's icon set by hand (render/symbols.hpp names), or "" derived
    scenario::TimeSpan when;      // when it is on the map; always by default
    std::vector<scenario::StrengthAt> history;  // its strength by date, in date order
};
const scenario::Figure& add_figure(scenario::Scenario& scenario, const FigureSpec& spec);

struct FigureEdit {
    std::optional<std::string> text, qualifier, unit, category;
    Change<double> value, min, max;
    Change<std::string> actor, place;  // place: an id, already resolved
};
// A figure whose text was written from its amount gets it rewritten when
// the amount changes and no new text is given.
const scenario::Figure& edit_figure(scenario::Scenario& scenario, const std::string& id, const FigureEdit& edit);

void remove_figure(scenario::Scenario& scenario, const std::string& id);

// "30,000 troops", "about 30,000 troops", "at least 2 battalions",
// "10,000–15,000 troops", or the unit alone without an amount.
std::string figure_text(const scenario::Amount& amount, const std::string& unit);

// "RU", "NATO" or "". Throws "actor must be an ISO 3166-1 alpha-2 code ...".
void check_actor(const std::string& actor);

// An ISO 8601 calendar date, "2022-02-10". Throws "date must be ... got '...'".
void check_date(const std::string& date);

}  // namespace muster::script
