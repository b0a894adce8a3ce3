// The Scenario: the one document that extraction produces, the viewer shows
// and edits, files store, scripts drive and the renderer draws.
//
// A scenario holds the texts it came from (sources) and what was found in
// them: places (each with every mention in the text), figures (amounts of
// troops, units, equipment, distances, casualties, each with whose forces
// they are and where), borders (a shared boundary with its claimed and
// measured length) and movements (forces going from one place to another).
// Every extracted item carries its provenance: the source and the code-point
// span of the words it came from.
//
// File format: JSON, `"muster": 1`, written by to_json() and read by
// scenario_from_json() (scenario_json.hpp); see docs/scenario.md. Unknown
// fields are kept out of the model but reported as warnings by the loader.
#pragma once

#include "core/geo.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::scenario {

inline constexpr int kFormatVersion = 1;

// Code points [start, end) of a source's text.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

// Where an item came from: which source, which words.
struct Mention {
    std::string source;  // Source::id
    Span span;
    friend bool operator==(const Mention&, const Mention&) = default;
};

struct Source {
    std::string id;     // "s1"
    std::string title;  // first line of an article, or what the user called it
    std::string path;   // the file it was read from, if any
    std::string date;   // ISO 8601 date of the article, if known
    std::string text;   // the full text, so every mention can be shown in context
    friend bool operator==(const Source&, const Source&) = default;
};

struct Place {
    std::string id;            // "p1"
    std::string name;          // canonical name: "Kyiv", "Rostov", "Crimea"
    std::string country;       // ISO 3166-1 alpha-2, "" for multinational regions
    std::string feature;       // country | admin1 | city | region | site | water
    std::string gazetteer_id;  // "703448", "RU.61", "GB"; "" when placed by hand
    std::int64_t geonameid = 0;
    LatLon point;
    double confidence = 1.0;   // 0..1; 1 for places set by hand
    // What an area covers: ISO alpha-2 or "CC.A1" admin-1 codes ("Donbas":
    // UA.05, UA.14; "NATO members": the members on the source's date).
    // Empty for places that are not made of others.
    std::vector<std::string> members;
    std::vector<Mention> mentions;
    friend bool operator==(const Place&, const Place&) = default;
};

// An amount as the text gives it: exact, approximate, bounded or a range.
// Vague amounts ("thousands") keep their vagueness as min/max.
struct Amount {
    std::optional<double> value;  // best estimate, in base units (persons, km, items)
    std::optional<double> min;
    std::optional<double> max;
    std::string qualifier = "exact";  // exact | approx | at_least | at_most | range
    friend bool operator==(const Amount&, const Amount&) = default;
};

struct Figure {
    std::string id;        // "f1"
    std::string text;      // the words: "an estimated 127,000 troops"
    Amount amount;         // no value for bare mentions ("S-400 systems")
    std::string unit;      // troops, km, aircraft, battalion tactical groups, ...
    std::string category;  // personnel | unit | equipment | distance | casualties | count | other
    std::string actor;     // ISO alpha-2 of whose forces, "NATO", or ""
    std::string place;     // Place::id where the figure is, or ""
    std::optional<Mention> mention;
    // Symbol overrides set by the user; "" means derived (from the actor,
    // from the unit words; render/symbols.hpp).
    std::string affiliation;  // friend | hostile | neutral | unknown
    std::string echelon;      // none | company | battalion | regiment | brigade | division | corps | army
    friend bool operator==(const Figure&, const Figure&) = default;
};

// A land boundary between two countries, as drawn and as claimed.
struct Border {
    std::string id;  // "b1"
    std::string a;   // ISO alpha-2
    std::string b;
    std::optional<double> claimed_km;  // the length the text gives
    double measured_km = 0.0;          // geodesic length of the shared boundary
    std::vector<std::vector<LatLon>> lines;  // the shared boundary (a MultiLineString)
    std::optional<Mention> mention;
    friend bool operator==(const Border&, const Border&) = default;
};

// Forces going from one place to another, as the text states it ("moved
// 5,000 troops from Khabarovsk to Belarus"): drawn as an arrow along the
// great circle from `from` to `to`.
struct Movement {
    std::string id;      // "m1"
    std::string from;    // Place::id where the forces come from
    std::string to;      // Place::id where they go
    std::string figure;  // Figure::id of the forces that move, or ""
    std::optional<Mention> mention;  // the words that state the movement
    friend bool operator==(const Movement&, const Movement&) = default;
};

struct Scenario {
    int version = kFormatVersion;
    std::string title;
    std::string date;  // ISO 8601 date the scenario describes, if any
    std::vector<Source> sources;
    std::vector<Place> places;
    std::vector<Figure> figures;
    std::vector<Border> borders;
    std::vector<Movement> movements;

    [[nodiscard]] const Place* place(std::string_view id) const;
    [[nodiscard]] const Source* source(std::string_view id) const;
    [[nodiscard]] const Figure* figure(std::string_view id) const;
    // The words of a mention, or "" when its source or span is not there.
    [[nodiscard]] std::string_view mention_text(const Mention& mention) const;

    friend bool operator==(const Scenario&, const Scenario&) = default;
};

// Byte offset of code point `index` in UTF-8 text; text.size() when the
// index is at or past the end. Spans count code points; text is stored, and
// drawn, as bytes.
std::size_t code_point_to_byte(std::string_view text, std::size_t index);

}  // namespace muster::scenario
