// The scenario file: lossless round trips and messages that say where a file
// is wrong (file:line:column for malformed JSON, a JSON pointer for the rest).
#include "core/error.hpp"
#include "core/paths.hpp"
#include "extract/extract.hpp"
#include "scenario/scenario_json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace muster::scenario;

namespace {

// A fresh folder per test case, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static int serial = 0;
        path = fs::temp_directory_path() /
               ("muster-scenario-test-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// Every field set, every optional both present and absent somewhere, text
// beyond ASCII, numbers that need all 17 digits.
Scenario full_scenario() {
    Scenario s;
    s.title = "Truppen “an der Grenze”";
    s.date = "2022-01-26";
    s.sources.push_back({"s1", "Київ, Januar", "articles/a.txt", "2022-01-26", "Київ: Russia’s 5,000 troops."});
    s.sources.push_back({"s2", "", "", "", "Second text."});
    Place kyiv;
    kyiv.id = "p1";
    kyiv.name = "Kyiv";
    kyiv.country = "UA";
    kyiv.feature = "city";
    kyiv.gazetteer_id = "703448";
    kyiv.geonameid = 703448;
    kyiv.point = {50.45466, 30.5238};
    kyiv.confidence = 0.1 + 0.2;  // 0.30000000000000004
    kyiv.mentions = {{"s1", {0, 4}}};
    s.places.push_back(kyiv);
    Place baltic;
    baltic.id = "p2";
    baltic.name = "Baltic states";
    baltic.feature = "region";
    baltic.point = {57.0, 24.0};
    baltic.members = {"EE", "LV", "LT"};
    s.places.push_back(baltic);
    Figure troops;
    troops.id = "f1";
    troops.text = "5,000 troops";
    troops.amount = {5000.0, std::nullopt, std::nullopt, "exact"};
    troops.unit = "troops";
    troops.category = "personnel";
    troops.actor = "RU";
    troops.place = "p1";
    troops.mention = Mention{"s1", {16, 28}};
    s.figures.push_back(troops);
    Figure vague;
    vague.id = "f2";
    vague.text = "hundreds of aircraft";
    vague.amount = {450.0, 200.0, 999.0, "range"};
    vague.unit = "aircraft";
    vague.category = "equipment";
    s.figures.push_back(vague);
    Figure bare;
    bare.id = "f3";
    bare.text = "S-400 systems";
    bare.unit = "S-400 systems";
    bare.category = "equipment";
    s.figures.push_back(bare);
    Border border;
    border.id = "b1";
    border.a = "RU";
    border.b = "UA";
    border.claimed_km = 2000.0;
    border.measured_km = 1671.1291947555;
    border.lines = {{{46.1, 33.8}, {46.2, 33.9}}, {{52.3, 31.7}, {52.1, 32.0}, {51.9, 33.1}}};
    border.mention = Mention{"s2", {0, 6}};
    s.borders.push_back(border);
    Border unclaimed;
    unclaimed.id = "b2";
    unclaimed.a = "BY";
    unclaimed.b = "PL";
    unclaimed.measured_km = 341.4;
    s.borders.push_back(unclaimed);
    return s;
}

// The message of the muster::Error that reading `text` as a scenario throws.
std::string error_reading(const std::string& text) {
    try {
        parse_scenario(text, "in.json");
    } catch (const muster::Error& e) {
        return e.what();
    }
    return "(no error)";
}

std::string error_of(const json& document) {
    try {
        scenario_from_json(document, "in.json");
    } catch (const muster::Error& e) {
        return e.what();
    }
    return "(no error)";
}

json minimal_place() {
    return {{"id", "p1"}, {"name", "Kyiv"}, {"feature", "city"}, {"lat", 50.45}, {"lon", 30.52}};
}

}  // namespace

TEST_CASE("scenario JSON: a hand-made scenario survives to_json and back") {
    const Scenario s = full_scenario();
    const json j = to_json(s);
    CHECK(j["muster"] == 1);
    CHECK_FALSE(j["figures"][1].contains("actor"));  // empty strings are left out
    CHECK_FALSE(j["figures"][2].contains("value"));  // so are absent numbers
    CHECK_FALSE(j["places"][1].contains("geonameid"));
    CHECK(j["places"][1]["members"] == json::array({"EE", "LV", "LT"}));
    CHECK_FALSE(j["places"][0].contains("members"));  // a city covers no others
    CHECK(j["borders"][0]["lines"][0][0] == json::array({33.8, 46.1}));  // [lon, lat]
    CHECK(scenario_from_json(j, "mem") == s);
    CHECK(parse_scenario(scenario_text(s), "mem") == s);
    CHECK(parse_scenario(j.dump(), "mem") == s);
}

TEST_CASE("scenario JSON: extract, save, load gives the same scenario") {
    static muster::extract::BorderCache cache(muster::default_geopackage());
    static const muster::Gazetteer gazetteer = muster::Gazetteer::load();
    static const muster::extract::Lexicon lexicon = muster::extract::Lexicon::load_default();
    const std::string path = std::string(MUSTER_TEST_FIXTURES) + "/extract/buildup.txt";
    muster::extract::ExtractSource source;
    source.path = path;
    const Scenario extracted =
        muster::extract::extract_scenario(slurp(path), source, {gazetteer, lexicon, cache});
    REQUIRE_FALSE(extracted.borders.empty());

    TempDir dir;
    const fs::path file = dir.path / "buildup.json";
    save_scenario(extracted, file);
    const std::string saved = slurp(file);
    CHECK(saved.rfind("{\n  \"muster\": 1,\n", 0) == 0);  // the version first, for people and `file`
    CHECK(saved.back() == '\n');
    std::vector<std::string> warnings;
    const Scenario loaded = load_scenario(file, &warnings);
    CHECK(warnings.empty());
    CHECK(loaded == extracted);
    // Nothing but the file was left in the folder.
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("scenario JSON: malformed JSON is reported as file:line:column") {
    CHECK(error_reading("{\n  \"muster\": 1,\n  \"places\": [,]\n}") ==
          "in.json:3:14: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal");
    // Columns count code points, not bytes: 'x' is the 18th character of its line.
    const std::string message = error_reading("{\"title\": \"Київ\" x}");
    CHECK(message.rfind("in.json:1:18: ", 0) == 0);
    CHECK(error_reading("").rfind("in.json:1:1: ", 0) == 0);

    TempDir dir;
    write(dir.path / "broken.json", "{\"muster\": 1,\n\"title\": }");
    try {
        load_scenario(dir.path / "broken.json");
        FAIL("no error");
    } catch (const muster::Error& e) {
        CHECK(std::string(e.what()).rfind((dir.path / "broken.json").string() + ":2:10: ", 0) == 0);
    }
    CHECK_THROWS_WITH_AS(load_scenario(dir.path / "absent.json"),
                         ((dir.path / "absent.json").string() + ": cannot read (No such file or directory)").c_str(),
                         muster::Error);
}

TEST_CASE("scenario JSON: wrong types and values are reported with a JSON pointer") {
    json doc = {{"muster", 1}, {"places", json::array()}};
    for (int i = 0; i < 4; ++i) {
        json place = minimal_place();
        place["id"] = "p" + std::to_string(i + 1);
        doc["places"].push_back(place);
    }
    doc["places"][3]["lat"] = "50.45";
    CHECK(error_of(doc) == "in.json: /places/3/lat: expected a number");
    doc["places"][3]["lat"] = 91;
    CHECK(error_of(doc) == "in.json: /places/3/lat: expected a number from -90 to 90");
    doc["places"][3].erase("lat");
    CHECK(error_of(doc) == "in.json: /places/3/lat: missing (expected a number)");
    doc["places"][3]["lat"] = 50.0;
    doc["places"][2]["members"] = json::array({"EE", 7});
    CHECK(error_of(doc) == "in.json: /places/2/members/1: expected a string");
    doc["places"][2].erase("members");
    doc["places"][1]["feature"] = "village";
    CHECK(error_of(doc) ==
          "in.json: /places/1/feature: expected one of country, admin1, city, region, site, water, got \"village\"");
    doc["places"][1]["feature"] = "city";
    doc["places"][2]["id"] = "p1";
    CHECK(error_of(doc) == "in.json: /places/2/id: duplicate id \"p1\"");
    doc["places"][2]["id"] = "p3";
    CHECK(error_of(doc) == "(no error)");

    CHECK(error_of(json::array()) == "in.json: expected a JSON object (a muster scenario)");
    CHECK(error_of({{"muster", 1}, {"places", json::object()}}) == "in.json: /places: expected an array");
    CHECK(error_of({{"muster", 1}, {"figures", {{{"id", "f1"}, {"place", "p9"}}}}}) ==
          "in.json: /figures/0/place: no place with id \"p9\"");
    CHECK(error_of({{"muster", 1}, {"figures", {{{"id", "f1"}, {"value", "many"}}}}}) ==
          "in.json: /figures/0/value: expected a number");
    CHECK(error_of({{"muster", 1},
                    {"sources", {{{"id", "s1"}, {"text", "Київ"}}}},
                    {"figures", {{{"id", "f1"}, {"mention", {{"source", "s1"}, {"start", 0}, {"end", 5}}}}}}}) ==
          "in.json: /figures/0/mention/end: past the end of source \"s1\" (4 code points)");
    CHECK(error_of({{"muster", 1}, {"figures", {{{"id", "f1"}, {"mention", {{"source", "s9"}, {"start", 0}, {"end", 0}}}}}}}) ==
          "in.json: /figures/0/mention/source: no source with id \"s9\"");
    CHECK(error_of({{"muster", 1}, {"borders", {{{"id", "b1"}, {"a", "RU"}, {"b", "UA"}, {"lines", {{{30.0}}}}}}}}) ==
          "in.json: /borders/0/lines/0/0: expected a [lon, lat] pair of numbers");
}

TEST_CASE("scenario JSON: versions") {
    CHECK(error_of({{"muster", 2}}) == "in.json: /muster: muster format 2 is newer than this muster supports (1)");
    CHECK(error_of({{"title", "x"}}) == "in.json: /muster: missing (not a muster scenario)");
    CHECK(error_of({{"muster", "1"}}) == "in.json: /muster: expected a positive integer");
    CHECK(error_of({{"muster", 0}}) == "in.json: /muster: expected a positive integer");
    CHECK(error_of({{"muster", 1}}) == "(no error)");
}

TEST_CASE("scenario JSON: unknown fields are skipped with a warning") {
    json doc = {{"muster", 1}, {"units", {{"zoom", 3}}}, {"places", {minimal_place()}}};
    doc["places"][0]["colour/hue"] = "red";
    std::vector<std::string> warnings;
    const Scenario s = scenario_from_json(doc, "in.json", &warnings);
    CHECK(s.places.size() == 1);
    CHECK(warnings == std::vector<std::string>{"in.json: /units: unknown field, ignored",
                                               "in.json: /places/0/colour~1hue: unknown field, ignored"});
}

TEST_CASE("scenario JSON: a failed save leaves no file") {
    TempDir dir;
    const fs::path target = dir.path / "missing-folder" / "out.json";
    CHECK_THROWS_AS(save_scenario(full_scenario(), target), muster::Error);
    CHECK_FALSE(fs::exists(target));
    CHECK_FALSE(fs::exists(dir.path / "missing-folder"));
}

TEST_CASE("scenario JSON: the example in docs/scenario.md is a valid scenario") {
    const std::string doc = slurp(fs::path(MUSTER_SOURCE_DIR) / "docs" / "scenario.md");
    const std::size_t open = doc.find("```json\n", doc.find("## Example"));
    REQUIRE(open != std::string::npos);
    const std::size_t close = doc.find("```", open + 8);
    REQUIRE(close != std::string::npos);
    std::vector<std::string> warnings;
    const Scenario s = parse_scenario(doc.substr(open + 8, close - open - 8), "docs/scenario.md", &warnings);
    CHECK(warnings.empty());
    CHECK(s.places.size() == 2);
    CHECK(s.figures.size() == 2);
    REQUIRE(s.borders.size() == 1);
    CHECK(s.mention_text(*s.figures[0].mention) == "an estimated 90,000 soldiers");
    CHECK(s.mention_text(*s.borders[0].mention) == "2,000-kilometre border with Ukraine");
}

TEST_CASE("scenario JSON: a figure's symbol overrides are written, read back and checked") {
    Scenario s = full_scenario();
    s.figures[0].affiliation = "friend";
    s.figures[0].echelon = "brigade";
    const json j = to_json(s);
    CHECK(j["figures"][0]["affiliation"] == "friend");
    CHECK(j["figures"][0]["echelon"] == "brigade");
    CHECK_FALSE(j["figures"][1].contains("affiliation"));  // derived: left out
    CHECK(parse_scenario(scenario_text(s), "mem") == s);
    // Written after the figure's place, before its mention.
    const std::string text = scenario_text(s);
    CHECK(text.find("\"place\": \"p1\",\n      \"affiliation\": \"friend\",\n      \"echelon\": \"brigade\",\n      "
                    "\"mention\"") != std::string::npos);

    CHECK(error_of({{"muster", 1}, {"figures", {{{"id", "f1"}, {"affiliation", "ally"}}}}}) ==
          "in.json: /figures/0/affiliation: expected one of friend, hostile, neutral, unknown, got \"ally\"");
    CHECK(error_of({{"muster", 1}, {"figures", {{{"id", "f1"}, {"echelon", "platoon"}}}}}) ==
          "in.json: /figures/0/echelon: expected one of none, company, battalion, regiment, brigade, division, "
          "corps, army, got \"platoon\"");
}
