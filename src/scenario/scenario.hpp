// The Scenario: the one document that extraction produces, the viewer shows
// and edits, files store, scripts drive and the renderer draws.
//
// A scenario holds the texts it came from (sources) and what was found in
// them: places (each with every mention in the text), figures (amounts of
// troops, units, equipment, distances, casualties, each with whose forces
// they are and where), borders (a shared boundary with its claimed and
// measured length) and movements (forces going from one place to another).
// An analyst adds annotations (labels, arrows, lines, areas), dates things
// for the timeline, and keeps the camera, layer settings and style overrides
// with the scenario.
// Every extracted item carries its provenance: the source and the code-point
// span of the words it came from.
//
// File format: JSON, `"muster": 1`, written by to_json() and read by
// scenario_from_json() (scenario_json.hpp); see docs/scenario.md. Unknown
// fields are kept out of the model but reported as warnings by the loader.
#pragma once

#include "core/geo.hpp"

#include <array>
#include <cstdint>
#include <map>
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

// When something holds on the timeline: ISO 8601 dates ("2021-11-10") or
// date-times ("2022-02-24T03:40"), compared as text after normalising
// (scenario/timeline.hpp). An empty start means "from the beginning", an
// empty end "to the end"; both empty: always.
struct TimeSpan {
    std::string start;
    std::string end;
    [[nodiscard]] bool always() const { return start.empty() && end.empty(); }
    friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

// A figure's strength on a date. Between two of them the map shows the
// linear interpolation, before the first the first, after the last the last.
struct StrengthAt {
    std::string date;
    double value = 0.0;
    friend bool operator==(const StrengthAt&, const StrengthAt&) = default;
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
    // The symbol's function icon as set by hand ("" derived from the words):
    // none | infantry | airborne | armour | artillery | air defence |
    // fixed wing | rotary wing | missile (render/symbols.hpp).
    std::string function;
    TimeSpan when;                    // when the figure is on the map
    std::vector<StrengthAt> history;  // how its strength grew; empty: amount throughout
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
    // The forces leave `from` at when.start and reach `to` at when.end; on the
    // timeline the figure travels the great circle in between.
    TimeSpan when;
    friend bool operator==(const Movement&, const Movement&) = default;
};

// Geometry as GeoJSON gives it, in WGS 84 degrees. `parts` holds simple
// geometries, each a list of rings or lines, each a list of points:
//   Point            {{{p}}}
//   MultiPoint       {{{p1}}, {{p2}}, ...}
//   LineString       {{line}}
//   MultiLineString  {{line1}, {line2}, ...}
//   Polygon          {{outer, hole, ...}}
//   MultiPolygon     {{outer, hole, ...}, {outer, ...}, ...}
struct Geometry {
    std::string type;  // Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon; "" none
    std::vector<std::vector<std::vector<LatLon>>> parts;
    [[nodiscard]] bool empty() const { return type.empty(); }
    friend bool operator==(const Geometry&, const Geometry&) = default;
};

// What an analyst adds to the map that no text stated, or that a script
// draws: a label, an arrow, a line or an area. It stands on places (by id)
// or on its own geometry.
//   label  text at places[0] or at a Point
//   arrow  along great circles through places (from the first to the last)
//          or along a LineString; the head at the end
//   line   as arrow, without a head (a front line, a route)
//   area   hatched like deployment areas: the places' areas (countries,
//          admin-1 divisions, regions) or a (Multi)Polygon
struct Annotation {
    std::string id;    // "a1"
    std::string kind;  // label | arrow | line | area
    std::string text;  // the label; an arrow's, line's or area's caption
    std::vector<std::string> places;  // Place ids
    Geometry geometry;
    std::string actor;   // colours it by side, as figures' actors; "" ink
    std::string colour;  // "#RRGGBB" set by hand; "" from the actor
    TimeSpan when;
    std::optional<Mention> mention;
    friend bool operator==(const Annotation&, const Annotation&) = default;
};

// Where the map looks when the scenario opens ("camera" in the file). A
// centre and zoom win over a bounding box; neither: muster frames the
// scenario's places.
struct MapView {
    std::optional<LatLon> center;
    std::optional<double> zoom;  // web-map zoom, render/camera.hpp
    std::optional<std::array<double, 4>> bbox;  // west, south, east, north
    std::string projection;      // "EPSG:3035", any CRS PROJ knows; "" Web Mercator
    friend bool operator==(const MapView&, const MapView&) = default;
};

// One layer's look as the file stores it (render/layers.hpp has the names:
// graticule, countries, country_borders, country_names, city_labels,
// border_features, areas, deployments, place_labels).
struct LayerState {
    bool visible = true;
    double opacity = 1.0;  // 0..1
    friend bool operator==(const LayerState&, const LayerState&) = default;
};

// Style overrides: colours by name ("friend", "hostile", "neutral",
// "unknown" symbol fills; "host", "actor_friend", "actor_hostile",
// "actor_other" country fills; "border", "area", "arrow") as "#RRGGBB", and
// scale factors for symbols and labels.
struct Style {
    std::map<std::string, std::string> colours;
    double symbol_scale = 1.0;
    double label_scale = 1.0;
    friend bool operator==(const Style&, const Style&) = default;
};

// The timeline's range and where it stands ("time" in the file). Empty
// start/end: from the dated features; empty current: the end (everything).
struct TimeRange {
    std::string start;
    std::string end;
    std::string current;
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
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
    std::vector<Annotation> annotations;
    std::optional<MapView> camera;
    std::map<std::string, LayerState> layers;  // by layer name; absent: default look
    Style style;
    TimeRange time;

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
