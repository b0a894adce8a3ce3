// The scenario file: a Scenario as JSON, `"muster": 1` (docs/scenario.md).
//
// Writing is lossless: scenario_from_json(to_json(s)) == s for every Scenario
// whose strings are valid UTF-8 (numbers are written with as many digits as
// they need to read back exactly). Optional values that are absent and
// optional strings that are empty are left out of the file, not written as
// null or "".
//
// Reading validates everything it takes into the model and names the place
// of the first problem with a JSON pointer (RFC 6901):
//   "ORIGIN: /places/3/lat: expected a number"
//   "ORIGIN: /figures/0/place: no place with id \"p9\""
//   "ORIGIN: muster format 2 is newer than this muster supports (1)"
// Fields the model does not know are skipped and reported as warnings
// ("ORIGIN: /places/0/colour: unknown field, ignored"), so that a file from a
// later muster of the same format version still opens.
#pragma once

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
// (the top level), "source", "mention", "place", "figure", "border" and
// "movement"; any other key is skipped with a warning. Empty for an unknown
// kind. docs/scenario.schema.json lists the same keys, and a test keeps the
// two in step.
std::span<const std::string_view> known_keys(std::string_view object_kind);

// Throws muster::Error naming `origin` (a file name, "<stdin>") and the JSON
// pointer of the problem. Warnings, when given, receive one line per unknown field.
Scenario scenario_from_json(const nlohmann::json& json, const std::string& origin,
                            std::vector<std::string>* warnings = nullptr);

// JSON text to a Scenario: parse errors as "ORIGIN:LINE:COLUMN: MESSAGE"
// (line and column 1-based, the column in code points), then as
// scenario_from_json().
Scenario parse_scenario(std::string_view json_text, const std::string& origin,
                        std::vector<std::string>* warnings = nullptr);

// The file's text: indented JSON whose arrays of numbers (a point, a line of
// points) stay on one line, ending in a newline.
std::string scenario_text(const Scenario& scenario);

// Writes scenario_text() atomically (core/atomic_file.hpp): on failure the
// previous file, if any, is untouched. Throws muster::Error "PATH: cannot write (...)".
void save_scenario(const Scenario& scenario, const std::filesystem::path& path);

// Reads and validates a scenario file. Throws muster::Error "PATH: cannot read
// (REASON)", "PATH:LINE:COLUMN: ..." for malformed JSON, or as scenario_from_json().
Scenario load_scenario(const std::filesystem::path& path, std::vector<std::string>* warnings = nullptr);

// Indented JSON in which an array of scalars, or an array of arrays of
// scalars, is written on one line; used for scenario and GeoJSON output.
// Invalid UTF-8 in strings is replaced by U+FFFD rather than throwing.
std::string dump_json(const nlohmann::json& json);

}  // namespace muster::scenario
