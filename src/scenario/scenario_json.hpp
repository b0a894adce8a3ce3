// The scenario file: a Scenario as JSON, `"muster": 1` (docs/scenario.md).
//
// Writing is lossless: scenario_from_json(to_json(s)) == s for every Scenario
// whose strings are valid UTF-8 (numbers are written with as many digits as
// they need to read back exactly). Optional values that are absent and
// optional strings that are empty are left out of the file, not written as
// null or "".
//
// Reading validates everything it takes into the model and names the place
// of the first problem with the line it is on (when reading text) and a JSON
// pointer (RFC 6901):
//   "ORIGIN:12: /places/3/lat: expected a number"
//   "ORIGIN:40: /figures/0/place: no place with id \"p9\""
//   "ORIGIN:1: /muster: muster format 2 is newer than this muster supports (1)"
// (scenario_from_json(), which has no text, leaves out the line:
// "ORIGIN: /places/3/lat: ..."). A missing field is reported on the line of
// its object. Fields the model does not know are skipped and reported as
// warnings ("ORIGIN:7: /places/0/colour: unknown field, ignored"), so that a
// file from a later muster of the same format version still opens; so are
// unknown layer and style colour names.
//
// What a file may leave to be looked up at load (resolver.hpp): a place with
// a name and no lat/lon is placed by the gazetteer, a border with no lines is
// measured in the geodata, a source with a path and no text reads the file.
// Without a Resolver such a file is refused, saying what it needs.
#pragma once

#include "scenario/resolver.hpp"
#include "scenario/scenario.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace muster::scenario {

nlohmann::json to_json(const Scenario& scenario);

// The keys the reader takes for each kind of object in the file: "scenario"
// (the top level), "source", "mention", "place", "figure", "border",
// "movement", "annotation", "geometry", "when" (a time span), "strength" (an
// entry of a figure's history), "camera", "layer" (one entry of "layers"),
// "style" and "time"; any other key is skipped with a warning. Empty for an
// unknown kind. docs/scenario.schema.json lists the same keys, and a test
// keeps the two in step.
std::span<const std::string_view> known_keys(std::string_view object_kind);

// The layer names "layers" may list (render/layers.hpp's, and "annotations"),
// and the colour names of "style"'s "colours" (scenario.hpp's Style).
std::span<const std::string_view> layer_names();
std::span<const std::string_view> style_colour_names();

// Throws muster::Error naming `origin` (a file name, "<stdin>") and the JSON
// pointer of the problem. Warnings, when given, receive one line per unknown
// field (the first 100, then a count). `resolver` looks up what the file
// leaves to be looked up (see above); it may be null.
Scenario scenario_from_json(const nlohmann::json& json, const std::string& origin,
                            std::vector<std::string>* warnings = nullptr, Resolver* resolver = nullptr);

// JSON text to a Scenario: parse errors as "ORIGIN:LINE:COLUMN: MESSAGE"
// (line and column 1-based, the column in code points), then as
// scenario_from_json() with the line of each problem after ORIGIN.
Scenario parse_scenario(std::string_view json_text, const std::string& origin,
                        std::vector<std::string>* warnings = nullptr, Resolver* resolver = nullptr);

// The file's text: indented JSON whose arrays of numbers (a point, a line of
// points) stay on one line, ending in a newline.
std::string scenario_text(const Scenario& scenario);

// Writes scenario_text() atomically (core/atomic_file.hpp): on failure the
// previous file, if any, is untouched. Throws muster::Error "PATH: cannot write (...)".
void save_scenario(const Scenario& scenario, const std::filesystem::path& path);

// Reads and validates a scenario file. Throws muster::Error "PATH: cannot read
// (REASON)", "PATH:LINE:COLUMN: ..." for malformed JSON, or as scenario_from_json().
Scenario load_scenario(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr,
                       Resolver* resolver = nullptr);

// Indented JSON in which an array of scalars, or an array of arrays of
// scalars, is written on one line; used for scenario and GeoJSON output.
// Invalid UTF-8 in strings is replaced by U+FFFD rather than throwing.
std::string dump_json(const nlohmann::json& json);

}  // namespace muster::scenario
