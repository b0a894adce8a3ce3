// docs/scenario.schema.json against the reader it describes: the same keys
// for every kind of object, the same required keys (checked by loading
// documents with each key taken away), and the example in docs/scenario.md
// valid under the schema's `required` and `type` (a small checker of those
// two keywords; muster links no JSON Schema validator).
#include "core/error.hpp"
#include "scenario/scenario_json.hpp"

#include "cli_scratch.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;
using muster::test::slurp;

namespace {

const fs::path kDocs = fs::path(MUSTER_SOURCE_DIR) / "docs";

json schema() { return json::parse(slurp(kDocs / "scenario.schema.json")); }

// The JSON example under "## Example" in docs/scenario.md.
json docs_example() {
    const std::string doc = slurp(kDocs / "scenario.md");
    const std::size_t open = doc.find("```json\n", doc.find("## Example"));
    REQUIRE(open != std::string::npos);
    const std::size_t close = doc.find("```", open + 8);
    REQUIRE(close != std::string::npos);
    return json::parse(doc.substr(open + 8, close - open - 8));
}

// The schema of one kind of object: the top level, or a $defs entry.
const json& schema_of(const json& root, const std::string& kind) {
    return kind == "scenario" ? root : root.at("$defs").at(kind);
}

const std::vector<std::string> kKinds = {"scenario", "source",   "mention", "place",  "figure", "border",
                                         "movement", "annotation", "geometry", "when", "strength", "camera",
                                         "layer",    "style",      "time"};

// ---------------------------------------------------------------- checker

bool has_type(const json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    return false;
}

bool matches_type(const json& value, const json& type) {
    if (type.is_string()) return has_type(value, type.get<std::string>());
    for (const json& one : type)
        if (has_type(value, one.get<std::string>())) return true;
    return false;
}

// What `value` breaks of `schema`'s type, required, properties, items and
// local $ref, as "POINTER: PROBLEM" lines.
void check(const json& value, const json& schema, const json& root, const std::string& at,
           std::vector<std::string>& problems) {
    if (schema.contains("$ref")) {
        const std::string ref = schema["$ref"].get<std::string>();
        REQUIRE(ref.rfind("#/", 0) == 0);
        check(value, root.at(json::json_pointer(ref.substr(1))), root, at, problems);
    }
    if (schema.contains("type") && !matches_type(value, schema["type"])) {
        problems.push_back(at + ": expected " + schema["type"].dump());
        return;
    }
    if (value.is_object()) {
        for (const json& key : schema.value("required", json::array()))
            if (!value.contains(key.get<std::string>())) problems.push_back(at + ": missing " + key.get<std::string>());
        const json properties = schema.value("properties", json::object());  // kept alive for items()
        for (const auto& [key, sub] : properties.items())
            if (value.contains(key)) check(value[key], sub, root, at + "/" + key, problems);
    }
    if (value.is_array() && schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i)
            check(value[i], schema["items"], root, at + "/" + std::to_string(i), problems);
    }
}

std::vector<std::string> problems(const json& value) {
    const json root = schema();
    std::vector<std::string> out;
    check(value, root, root, "", out);
    return out;
}

// ---------------------------------------------------------------- a full document

// The docs example with every optional field filled in and a movement, so
// that each kind of object carries every key the schema names.
json full_document() {
    json doc = docs_example();
    doc["date"] = "2022-01-26";
    doc["sources"][0]["path"] = "moscow.txt";
    doc["sources"][0]["date"] = "2022-01-26";
    doc["places"][0]["members"] = {"RU"};
    json& figure = doc["figures"][0];
    figure["min"] = 80000.0;
    figure["max"] = 100000.0;
    figure["affiliation"] = "hostile";
    figure["echelon"] = "army";
    figure["function"] = "armour";
    figure["when"] = {{"start", "2021-11-10"}, {"end", "2022-02-24"}};
    figure["history"] = {{{"date", "2021-11-10"}, {"value", 50000.0}}};
    doc["movements"] = {{{"id", "m1"},
                         {"from", "p1"},
                         {"to", "p2"},
                         {"figure", "f1"},
                         {"when", {{"start", "2022-01-01"}}},
                         {"mention", {{"source", "s1"}, {"start", 0}, {"end", 6}}}}};
    // One on places, one on a geometry: an annotation stands on either, not both.
    doc["annotations"] = {{{"id", "a1"},
                           {"kind", "arrow"},
                           {"text", "axis"},
                           {"places", {"p1", "p2"}},
                           {"actor", "RU"},
                           {"colour", "#C8102E"},
                           {"when", {{"end", "2022-02-24"}}},
                           {"mention", {{"source", "s1"}, {"start", 0}, {"end", 6}}}},
                          {{"id", "a2"},
                           {"kind", "label"},
                           {"geometry", {{"type", "Point"}, {"coordinates", {30.5, 50.4}}}}}};
    doc["camera"] = {{"lat", 50.0}, {"lon", 31.0}, {"zoom", 5.0}, {"bbox", {22.0, 44.0, 40.0, 53.0}},
                     {"projection", "EPSG:3035"}};
    doc["layers"] = {{"graticule", {{"visible", false}, {"opacity", 0.5}}}};
    doc["style"] = {{"colours", {{"hostile", "#C8102E"}}}, {"symbol_scale", 1.5}, {"label_scale", 0.8}};
    doc["time"] = {{"start", "2021-11-01"}, {"end", "2022-02-24"}, {"current", "2022-01-15"}};
    return doc;
}

// Where in full_document() the objects of each kind are; together they carry
// every key.
std::vector<json::json_pointer> instances_of(const std::string& kind) {
    auto at = [](const char* pointer) { return std::vector<json::json_pointer>{json::json_pointer(pointer)}; };
    if (kind == "scenario") return at("");
    if (kind == "source") return at("/sources/0");
    if (kind == "mention") return at("/figures/0/mention");
    if (kind == "place") return at("/places/0");
    if (kind == "figure") return at("/figures/0");
    if (kind == "border") return at("/borders/0");
    if (kind == "movement") return at("/movements/0");
    if (kind == "annotation") return {json::json_pointer("/annotations/0"), json::json_pointer("/annotations/1")};
    if (kind == "geometry") return at("/annotations/1/geometry");
    if (kind == "when") return at("/figures/0/when");
    if (kind == "strength") return at("/figures/0/history/0");
    if (kind == "camera") return at("/camera");
    if (kind == "layer") return at("/layers/graticule");
    if (kind == "style") return at("/style");
    return at("/time");
}

// Whether the schema requires `key` of an object that has the other keys of
// `instance`: listed in "required", or in "dependentRequired" of a key it has.
bool schema_requires(const json& object_schema, const json& instance, const std::string& key) {
    const json required = object_schema.value("required", json::array());
    if (std::find(required.begin(), required.end(), json(key)) != required.end()) return true;
    const json dependent = object_schema.value("dependentRequired", json::object());  // kept alive for items()
    for (const auto& [other, needs] : dependent.items())
        if (other != key && instance.contains(other) && std::find(needs.begin(), needs.end(), json(key)) != needs.end())
            return true;
    return false;
}

// The reader's error for `doc`, or "" when it loads.
std::string load_error(const json& doc) {
    try {
        muster::scenario::scenario_from_json(doc, "full.json");
    } catch (const muster::Error& error) {
        return error.what();
    }
    return {};
}

}  // namespace

TEST_CASE("scenario schema: it parses and names draft 2020-12 and format 1") {
    const json root = schema();
    CHECK(root["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(root["properties"]["muster"]["const"] == 1);
    CHECK(root["required"] == json::array({"muster"}));
}

TEST_CASE("scenario schema: each object's properties are the keys the reader knows") {
    const json root = schema();
    for (const std::string& kind : kKinds) {
        CAPTURE(kind);
        std::set<std::string> in_schema;
        for (const auto& [key, sub] : schema_of(root, kind).at("properties").items()) in_schema.insert(key);
        std::set<std::string> in_reader;
        for (const std::string_view key : muster::scenario::known_keys(kind)) in_reader.emplace(key);
        CHECK(!in_reader.empty());
        CHECK(in_schema == in_reader);
    }
    CHECK(muster::scenario::known_keys("unit").empty());
}

TEST_CASE("scenario schema: a key is required exactly when the reader refuses a document without it") {
    const json root = schema();
    const json full = full_document();
    REQUIRE(load_error(full).empty());
    for (const std::string& kind : kKinds) {
        const json& object_schema = schema_of(root, kind);
        const std::vector<json::json_pointer> instances = instances_of(kind);
        for (const auto& [key, sub] : object_schema.at("properties").items()) {
            CAPTURE(kind);
            CAPTURE(key);
            // The document carries every key.
            CHECK(std::any_of(instances.begin(), instances.end(),
                              [&](const json::json_pointer& at) { return full.at(at).contains(key); }));
            for (const json::json_pointer& at : instances) {
                if (!full.at(at).contains(key)) continue;
                json without = full;
                without.at(at).erase(key);
                const std::string error = load_error(without);
                CAPTURE(error);
                const bool refused_as_missing = error.find(at.to_string() + "/" + key + ": missing") != std::string::npos;
                CHECK(refused_as_missing == schema_requires(object_schema, without.at(at), key));
            }
        }
    }
}

TEST_CASE("scenario schema: the docs example and a full document satisfy its required keys and types") {
    CHECK(problems(docs_example()).empty());
    CHECK(problems(full_document()).empty());
    // Written by muster itself.
    const json written = muster::scenario::to_json(muster::scenario::scenario_from_json(full_document(), "full.json"));
    CHECK(problems(written).empty());
}

TEST_CASE("scenario schema: the checker finds a missing required key and a wrong type") {
    json doc = docs_example();
    doc["places"][0].erase("name");
    doc["figures"][1]["value"] = "2000";
    doc["borders"][0]["lines"][0][0][1] = "46.19";
    doc["movements"] = {{{"id", "m1"}, {"from", "p1"}}};
    // In the order the checker walks: members by name, as nlohmann::json keeps them.
    CHECK(problems(doc) == std::vector<std::string>{"/borders/0/lines/0/0/1: expected \"number\"",
                                                    "/figures/1/value: expected \"number\"",
                                                    "/movements/0: missing to", "/places/0: missing name"});
    json no_version = docs_example();
    no_version.erase("muster");
    CHECK(problems(no_version) == std::vector<std::string>{": missing muster"});
}
