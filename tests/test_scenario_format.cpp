// The scenario file's newer parts: annotations, times, camera, layers and
// style written and read back without loss; every problem named by file,
// line and JSON pointer; places, borders and source texts looked up at load.
#include "core/error.hpp"
#include "extract/scenario_resolver.hpp"
#include "scenario/json_pointer_line.hpp"
#include "scenario/merge.hpp"
#include "scenario/scenario_json.hpp"
#include "ui/document.hpp"
#include "ui/file_watch.hpp"
#include "ui/view_state.hpp"

#include "cli_scratch.hpp"
#include "shared_resources.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;
using namespace muster::scenario;
using muster::test::slurp;

namespace {

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// A scenario with every newer field set, some of them in more than one way.
Scenario dated_scenario() {
    Scenario s;
    s.title = "Build-up";
    s.sources.push_back({"s1", "Note", "", "2022-01-10", "Troops moved from Yelnya to Belarus."});
    Place yelnya;
    yelnya.id = "p1", yelnya.name = "Yelnya", yelnya.country = "RU", yelnya.feature = "city";
    yelnya.point = {54.5783, 33.1744};
    Place belarus;
    belarus.id = "p2", belarus.name = "Belarus", belarus.country = "BY", belarus.feature = "country";
    belarus.point = {53.5, 28.0};
    s.places = {yelnya, belarus};
    Figure troops;
    troops.id = "f1", troops.text = "troops", troops.amount = {10000.0, {}, {}, "approx"};
    troops.unit = "troops", troops.category = "personnel", troops.actor = "RU", troops.place = "p1";
    troops.function = "air defence";
    troops.when = {"2021-11-01", ""};
    troops.history = {{"2021-11-01", 4000.0}, {"2022-01-15T06:30", 10000.0}};
    Figure undated = troops;
    undated.id = "f2", undated.function = "", undated.when = {}, undated.history = {};
    s.figures = {troops, undated};
    s.movements.push_back({"m1", "p1", "p2", "f1", Mention{"s1", {7, 12}}, {"2022-01-20", "2022-02-05"}});
    Annotation arrow;
    arrow.id = "a1", arrow.kind = "arrow", arrow.text = "axis", arrow.places = {"p1", "p2"}, arrow.actor = "RU";
    arrow.when = {"", "2022-02-24"};
    arrow.mention = Mention{"s1", {0, 6}};
    Annotation area;
    area.id = "a2", area.kind = "area", area.colour = "#7f3fbf";
    area.geometry = {"MultiPolygon",
                     {{{{51.6, 27.0}, {51.6, 30.5}, {52.6, 30.5}, {51.6, 27.0}}},
                      {{{40.0, 10.0}, {40.0, 11.0}, {41.0, 11.0}, {40.0, 10.0}},
                       {{40.2, 10.2}, {40.2, 10.4}, {40.4, 10.4}, {40.2, 10.2}}}}};
    Annotation label;
    label.id = "a3", label.kind = "label", label.text = "marshes";
    label.geometry = {"Point", {{{{52.0, 27.5}}}}};
    Annotation front;
    front.id = "a4", front.kind = "line";
    front.geometry = {"MultiLineString", {{{{50.0, 36.0}, {49.0, 37.5}}}, {{{48.0, 38.0}, {47.5, 38.5}, {47.0, 39.0}}}}};
    Annotation route;
    route.id = "a5", route.kind = "arrow";
    route.geometry = {"LineString", {{{{54.0, 33.0}, {53.0, 30.0}}}}};
    Annotation spots;
    spots.id = "a6", spots.kind = "label", spots.text = "depots";
    spots.geometry = {"MultiPoint", {{{{51.0, 30.0}}}, {{{51.5, 31.0}}}}};
    Annotation zone;
    zone.id = "a7", zone.kind = "area";
    zone.geometry = {"Polygon", {{{{44.0, 33.0}, {46.0, 33.0}, {46.0, 36.0}, {44.0, 33.0}}}}};
    s.annotations = {arrow, area, label, front, route, spots, zone};
    s.camera = MapView{muster::LatLon{52.0, 30.0}, 5.5, std::array<double, 4>{170.0, -50.0, -170.0, -30.0}, "EPSG:3035"};
    s.layers["graticule"] = {false, 1.0};
    s.layers["city_labels"] = {true, 0.25};
    s.layers["areas"] = {};
    s.style.colours = {{"hostile", "#C8102E"}, {"arrow", "#000000"}};
    s.style.symbol_scale = 1.5;
    s.time = {"2021-11-01", "2022-02-24", "2022-01-15"};
    return s;
}

// The message parse_scenario() gives for `text`, or "(no error)".
std::string error_reading(const std::string& text, Resolver* resolver = nullptr) {
    try {
        parse_scenario(text, "in.json", nullptr, resolver);
    } catch (const muster::Error& e) {
        return e.what();
    }
    return "(no error)";
}

// A document of `lines`, one JSON line each, so that tests can say which line.
std::string lines(const std::vector<std::string>& rows) {
    std::string out;
    for (const std::string& row : rows) out += row + "\n";
    return out;
}

// Answers from a small table, counting what it was asked.
class TableResolver : public Resolver {
public:
    std::map<std::string, Place> places;
    std::map<std::string, std::string> files;
    int asked = 0;

    std::optional<Place> place_named(std::string_view name, std::string_view country, std::string_view) override {
        ++asked;
        const auto it = places.find(std::string(name));
        if (it == places.end() || (!country.empty() && it->second.country != country)) return std::nullopt;
        return it->second;
    }
    std::optional<BorderLines> border_between(std::string_view a, std::string_view b) override {
        if (a == "BY" && b == "UA") return BorderLines{1111.5, {{{51.5, 23.6}, {51.9, 30.9}}}};
        return std::nullopt;
    }
    std::string source_text(const std::string& path, std::vector<std::string>*) override {
        const auto it = files.find(path);
        if (it == files.end()) throw muster::Error("cannot read (No such file or directory)");
        return it->second;
    }
};

TableResolver kyiv_table() {
    TableResolver table;
    Place kyiv;
    kyiv.name = "Kyiv", kyiv.country = "UA", kyiv.feature = "city", kyiv.gazetteer_id = "703448";
    kyiv.geonameid = 703448, kyiv.point = {50.45466, 30.5238};
    table.places["Kyiv"] = kyiv;
    return table;
}

}  // namespace

// ================================================================ round trip

TEST_CASE("scenario format: every newer field survives save and load, and a second save writes the same text") {
    const Scenario s = dated_scenario();
    const json j = to_json(s);
    CHECK(j["figures"][0]["when"] == json({{"start", "2021-11-01"}}));  // the open end is left out
    CHECK_FALSE(j["figures"][1].contains("when"));                      // always: no "when"
    CHECK_FALSE(j["figures"][1].contains("history"));
    CHECK(j["annotations"][2]["geometry"] == json({{"type", "Point"}, {"coordinates", {27.5, 52.0}}}));  // [lon, lat]
    CHECK(j["layers"]["areas"] == json::object());  // listed at its default look
    CHECK(j["layers"]["graticule"] == json({{"visible", false}}));
    CHECK_FALSE(j["style"].contains("label_scale"));  // 1: the default
    CHECK(j["camera"]["bbox"] == json({170.0, -50.0, -170.0, -30.0}));

    CHECK(scenario_from_json(j, "mem") == s);
    const std::string text = scenario_text(s);
    const Scenario loaded = parse_scenario(text, "mem");
    CHECK(loaded == s);
    CHECK(scenario_text(loaded) == text);

    muster::test::Scratch scratch("scenario-format-round-trip");
    const fs::path file = scratch.folder() / "dated.json";
    save_scenario(s, file);
    std::vector<std::string> warnings;
    const Scenario from_file = load_scenario(file, &warnings);
    CHECK(warnings.empty());
    CHECK(from_file == s);
    save_scenario(from_file, scratch.folder() / "again.json");
    CHECK(slurp(scratch.folder() / "again.json") == slurp(file));
}

TEST_CASE("scenario format: a scenario without the newer parts is written as before") {
    Scenario s;
    s.title = "Plain";
    const std::string text = scenario_text(s);
    for (const char* key : {"annotations", "camera", "layers", "style", "time"}) {
        CAPTURE(key);
        CHECK(text.find(std::string("\"") + key + "\"") == std::string::npos);
    }
    // An empty camera is still a camera.
    s.camera = MapView{};
    CHECK(parse_scenario(scenario_text(s), "mem").camera == MapView{});
}

TEST_CASE("scenario format: keys come in a readable order") {
    const std::string text = scenario_text(dated_scenario());
    // Top level: the map's settings after the title, the long lists after them.
    CHECK(text.find("\"time\"") < text.find("\"camera\""));
    CHECK(text.find("\"style\"") < text.find("\"sources\""));
    CHECK(text.find("\"movements\"") < text.find("\"annotations\""));
    CHECK(text.find("\"function\": \"air defence\",\n      \"when\": {\"start\": \"2021-11-01\"},\n      \"history\": [\n"
                    "        {\"date\": \"2021-11-01\", \"value\": 4000.0},") != std::string::npos);
    CHECK(text.find("\"kind\": \"arrow\",\n      \"id\": \"a1\",\n      \"text\": \"axis\",\n      \"actor\": \"RU\"") !=
          std::string::npos);
}

// ================================================================ line numbers

TEST_CASE("scenario format: the line of a JSON pointer") {
    const std::string text = lines({
        R"({"muster": 1,)",                                     // 1
        R"( "title": "a \"}]\" b",)",                           // 2
        R"( "pla\u0063es": [)",                                 // 3: "places", escaped
        R"(  {"id": "p1", "name": "{[",)",                      // 4
        R"(   "mentions": [[1, 2], {"a/b": 3, "c~d": )",        // 5
        R"(    4}]},)",                                         // 6
        R"(  {"id": "p2"})",                                    // 7
        R"( ])",                                                // 8
        R"(})",                                                 // 9
    });
    REQUIRE(json::accept(text));
    CHECK(json_pointer_line(text, "") == 1);
    CHECK(json_pointer_line(text, "/title") == 2);
    CHECK(json_pointer_line(text, "/places") == 3);
    CHECK(json_pointer_line(text, "/places/0") == 4);
    CHECK(json_pointer_line(text, "/places/0/name") == 4);
    CHECK(json_pointer_line(text, "/places/0/mentions/1/a~1b") == 5);
    CHECK(json_pointer_line(text, "/places/0/mentions/1/c~0d") == 6);
    CHECK(json_pointer_line(text, "/places/1/id") == 7);
    // What is not there: the line of the deepest value that is.
    CHECK(json_pointer_line(text, "/places/1/lat") == 7);
    CHECK(json_pointer_line(text, "/places/5") == 3);
    CHECK(json_pointer_line(text, "/camera/zoom") == 1);
    // Text that is no JSON gives some line, not a crash.
    CHECK(json_pointer_line("{\"a\": [1, \n", "/a/7/b") == 1);
    CHECK(json_pointer_line("", "/a") == 1);
}

TEST_CASE("scenario format: each kind of problem names file, line and pointer") {
    const std::string place_row = R"(  {"id": "p1", "name": "Kyiv", "lat": 50.45, "lon": 30.52})";
    auto scenario = [&](const std::vector<std::string>& rows) {
        std::vector<std::string> all = {R"({"muster": 1,)", R"( "places": [)", place_row + ","};
        all.insert(all.end(), rows.begin(), rows.end());
        all.push_back(" ]");
        all.push_back("}");
        return lines(all);
    };
    // Broken JSON: line and column.
    CHECK(error_reading(lines({R"({"muster": 1,)", R"( "title": "x",)", R"( "places": [,]})"})) ==
          "in.json:3:13: syntax error while parsing value - unexpected ','; expected '[', '{', or a literal");
    // A wrong type.
    CHECK(error_reading(scenario({R"(  {"id": "p2", "name": "Lviv",)", R"(   "lat": "49.8", "lon": 24.0})"})) ==
          "in.json:5: /places/1/lat: expected a number");
    // An out-of-range coordinate.
    CHECK(error_reading(scenario({R"(  {"id": "p2", "name": "Lviv",)", R"(   "lat": 149.8, "lon": 24.0})"})) ==
          "in.json:5: /places/1/lat: expected a number from -90 to 90");
    // A missing field: the line of its object.
    CHECK(error_reading(scenario({R"(  {"name": "Lviv", "lat": 49.8, "lon": 24.0})"})) ==
          "in.json:4: /places/1/id: missing (expected a string)");
    // A future version.
    CHECK(error_reading(lines({"{", R"(  "muster": 2})"})) ==
          "in.json:2: /muster: muster format 2 is newer than this muster supports (1)");
    CHECK(error_reading("[1]") == "in.json:1: expected a JSON object (a muster scenario)");
}

TEST_CASE("scenario format: unknown fields, layers and colour names are warnings with their line") {
    const std::string text = lines({
        R"({"muster": 1,)",
        R"( "units": [],)",
        R"( "layers": {)",
        R"(   "graticule": {"visible": false, "blink": true},)",
        R"(   "roads": {"visible": false}},)",
        R"( "style": {"colours": {"hostile": "#FF0000",)",
        R"(   "enemy": "#00FF00"}})",
        R"(})",
    });
    std::vector<std::string> warnings;
    const Scenario s = parse_scenario(text, "in.json", &warnings);
    CHECK(warnings == std::vector<std::string>{
                          "in.json:2: /units: unknown field, ignored",
                          "in.json:4: /layers/graticule/blink: unknown field, ignored",
                          "in.json:5: /layers/roads: unknown layer, ignored (known: graticule, countries, "
                          "country_borders, country_names, city_labels, border_features, areas, deployments, "
                          "place_labels, annotations)",
                          "in.json:7: /style/colours/enemy: unknown colour name, ignored (known: friend, hostile, "
                          "neutral, unknown, host, actor_friend, actor_hostile, actor_other, border, area, arrow)",
                      });
    CHECK(s.layers.size() == 1);
    CHECK_FALSE(s.layers.at("graticule").visible);
    CHECK(s.style.colours == std::map<std::string, std::string>{{"hostile", "#FF0000"}});
}

TEST_CASE("scenario format: past 100 warnings the rest are counted") {
    json doc = {{"muster", 1}};
    for (int i = 0; i < 150; ++i) doc["x" + std::to_string(1000 + i)] = i;
    std::vector<std::string> warnings;
    parse_scenario(doc.dump(1), "in.json", &warnings);
    REQUIRE(warnings.size() == 101);
    CHECK(warnings[99] == "in.json:102: /x1099: unknown field, ignored");
    CHECK(warnings[100] == "in.json: 50 more warnings not listed");
}

TEST_CASE("scenario format: bad times, colours, geometries and settings") {
    auto error_of = [](const json& extra) {
        json doc = {{"muster", 1}, {"places", {{{"id", "p1"}, {"name", "Kyiv"}, {"lat", 50.45}, {"lon", 30.52}}}}};
        doc.update(extra);
        return error_reading(doc.dump(1));  // one key per line
    };
    const std::string forms = R"(expected a time such as "2022", "2021-11", "2021-11-10" or "2022-02-24T03:40", got )";
    CHECK(error_of({{"figures", {{{"id", "f1"}, {"when", {{"start", "10/11/2021"}}}}}}}) ==
          "in.json:6: /figures/0/when/start: " + forms + "\"10/11/2021\"");
    CHECK(error_of({{"time", {{"current", "2022-02-30"}}}}) == "in.json:12: /time/current: " + forms + "\"2022-02-30\"");
    CHECK(error_of({{"movements", {{{"id", "m1"}, {"from", "p1"}, {"to", "p1"},
                                    {"when", {{"start", "2022-02-01"}, {"end", "2022-01-01"}}}}}}}) ==
          R"(in.json:8: /movements/0/when/end: "2022-01-01" is before "2022-02-01")");
    CHECK(error_of({{"figures", {{{"id", "f1"}, {"history", {{{"date", "2022-02"}, {"value", 1}},
                                                            {{"date", "2022-01"}, {"value", 2}}}}}}}}) ==
          R"(in.json:10: /figures/0/history/1/date: "2022-01" is before "2022-02")");
    CHECK(error_of({{"figures", {{{"id", "f1"}, {"function", "cavalry"}}}}}) ==
          "in.json:4: /figures/0/function: expected one of none, infantry, airborne, armour, artillery, "
          "air defence, fixed wing, rotary wing, missile, got \"cavalry\"");

    auto annotation = [&](const json& fields) {
        json a = {{"id", "a1"}, {"kind", "label"}};
        a.update(fields);
        return error_of({{"annotations", {a}}});
    };
    CHECK(annotation({{"places", {"p1"}}, {"colour", "red"}}) ==
          R"(in.json:4: /annotations/0/colour: expected a colour as "#RRGGBB", got "red")");
    CHECK(annotation({{"kind", "circle"}, {"places", {"p1"}}}) ==
          R"(in.json:5: /annotations/0/kind: expected one of label, arrow, line, area, got "circle")");
    CHECK(annotation({{"places", {"p1", "p7"}}}) == R"(in.json:8: /annotations/0/places/1: no place with id "p7")");
    CHECK(annotation(json::object()) == "in.json:3: /annotations/0: expected places or a geometry for the label");
    CHECK(annotation({{"kind", "arrow"}, {"places", {"p1"}}}) ==
          "in.json:6: /annotations/0/places: an arrow runs through at least 2 places");
    CHECK(annotation({{"geometry", {{"type", "Polygon"}, {"coordinates", {{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}}}}}) ==
          R"(in.json:25: /annotations/0/geometry/type: a label stands on a Point or MultiPoint, got "Polygon")");
    CHECK(annotation({{"geometry", {{"type", "Point"}, {"coordinates", {30.5, 95.0}}}}}) ==
          "in.json:7: /annotations/0/geometry/coordinates/1: expected a latitude from -90 to 90");
    CHECK(annotation({{"geometry", {{"type", "Point"}, {"coordinates", {50.4, 30.5, 120.0}}}}}) ==
          "in.json:5: /annotations/0/geometry/coordinates: expected a [lon, lat] pair of numbers");
    CHECK(annotation({{"kind", "area"}, {"geometry", {{"type", "Polygon"}, {"coordinates", {{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}}}}}) ==
          "in.json:6: /annotations/0/geometry/coordinates/0: expected a closed ring: at least 4 positions, the last "
          "the same as the first");
    CHECK(annotation({{"kind", "line"}, {"geometry", {{"type", "LineString"}, {"coordinates", {{0, 0}}}}}}) ==
          "in.json:5: /annotations/0/geometry/coordinates: expected a line of at least 2 positions");

    CHECK(error_of({{"camera", {{"zoom", 15}}}}) == "in.json:3: /camera/zoom: expected a number from 0 to 14");
    CHECK(error_of({{"camera", {{"lat", 50}}}}) == "in.json:2: /camera/lon: missing (expected a number)");
    CHECK(error_of({{"camera", {{"bbox", {20, 55, 40, 44}}}}}) == "in.json:7: /camera/bbox/3: north must be above south");
    CHECK(error_of({{"camera", {{"bbox", {170, -50, -170, -30}}}}}) == "(no error)");  // across the antimeridian
    CHECK(error_of({{"layers", {{"areas", {{"opacity", 1.5}}}}}}) ==
          "in.json:4: /layers/areas/opacity: expected a number from 0 to 1");
    CHECK(error_of({{"layers", {{"areas", {{"visible", "no"}}}}}}) ==
          "in.json:4: /layers/areas/visible: expected true or false");
    CHECK(error_of({{"style", {{"symbol_scale", 0}}}}) ==
          "in.json:12: /style/symbol_scale: expected a number from 0.1 to 10");
}

// ================================================================ looked up at load

TEST_CASE("scenario format: a place by name is filled in by the resolver, an unknown name is an error") {
    TableResolver table = kyiv_table();
    const std::string text = lines({
        R"({"muster": 1,)",
        R"( "places": [)",
        R"(  {"id": "p1", "name": "Kyiv", "confidence": 0.5},)",
        R"(  {"id": "p2", "name": "Lviv", "feature": "city", "lat": 49.84, "lon": 24.03})",
        R"( ]})",
    });
    const Scenario s = parse_scenario(text, "in.json", nullptr, &table);
    CHECK(table.asked == 1);  // the place with coordinates is not looked up
    const Place& kyiv = s.places[0];
    CHECK(kyiv.id == "p1");
    CHECK(kyiv.point == muster::LatLon{50.45466, 30.5238});
    CHECK(kyiv.gazetteer_id == "703448");
    CHECK(kyiv.geonameid == 703448);
    CHECK(kyiv.country == "UA");
    CHECK(kyiv.confidence == 0.5);  // as written
    // Saved, it opens without the gazetteer.
    CHECK(parse_scenario(scenario_text(s), "saved.json") == s);

    const std::string atlantis = lines({R"({"muster": 1,)", R"( "places": [)", R"(  {"id": "p1",)",
                                        R"(   "name": "Atlantis"}]})"});
    CHECK(error_reading(atlantis, &table) == R"(in.json:4: /places/0/name: no place named "Atlantis" in the gazetteer)");
    const std::string in_poland = lines({R"({"muster": 1, "places": [)", R"(  {"id": "p1", "name": "Kyiv", "country": "PL"}]})"});
    CHECK(error_reading(in_poland, &table) == R"(in.json:2: /places/0/name: no place named "Kyiv" in PL in the gazetteer)");
    CHECK(error_reading(atlantis) ==
          R"(in.json:3: /places/0: no lat and lon; looking up "Atlantis" needs the gazetteer, which this reader was not given)");
}

TEST_CASE("scenario format: a border by its countries is drawn from the resolver") {
    TableResolver table;
    const Scenario s = parse_scenario(R"({"muster": 1, "borders": [{"id": "b1", "a": "BY", "b": "UA", "claimed_km": 1084}]})",
                                      "in.json", nullptr, &table);
    REQUIRE(s.borders.size() == 1);
    CHECK(s.borders[0].measured_km == 1111.5);
    CHECK(s.borders[0].claimed_km == 1084.0);
    CHECK(s.borders[0].lines.size() == 1);
    CHECK(error_reading(lines({R"({"muster": 1, "borders": [)", R"(  {"id": "b1", "a": "RU", "b": "FR"}]})"}), &table) ==
          "in.json:2: /borders/0/b: RU and FR share no land border");
}

TEST_CASE("scenario format: a source by its path reads the file") {
    TableResolver table;
    table.files["a.txt"] = "Troops massed.";
    const Scenario s = parse_scenario(R"({"muster": 1, "sources": [{"id": "s1", "path": "a.txt"}],
        "places": [{"id": "p1", "name": "X", "lat": 1, "lon": 2, "mentions": [{"source": "s1", "start": 0, "end": 6}]}]})",
                                      "in.json", nullptr, &table);
    CHECK(s.sources[0].text == "Troops massed.");
    CHECK(s.mention_text(s.places[0].mentions[0]) == "Troops");
    // A text given, even empty, is the text.
    CHECK(parse_scenario(R"({"muster": 1, "sources": [{"id": "s1", "path": "a.txt", "text": ""}]})", "in.json", nullptr,
                         &table)
              .sources[0]
              .text.empty());
    CHECK(error_reading(lines({R"({"muster": 1, "sources": [)", R"(  {"id": "s1", "path": "gone.txt"}]})"}), &table) ==
          R"(in.json:2: /sources/0/path: "gone.txt": cannot read (No such file or directory))");
}

TEST_CASE("scenario format: muster's gazetteer, geodata and article reader answer at load") {
    muster::test::Scratch scratch("scenario-format-geodata");
    fs::create_directories(scratch.folder() / "articles");
    // Invalid UTF-8 and HTML, as articles come.
    write(scratch.folder() / "articles" / "note.html", "<p>Troops near Kyiv \xff.</p>");
    const fs::path file = scratch.folder() / "hand.json";
    write(file, lines({
                    R"({"muster": 1,)",
                    R"( "sources": [{"id": "s1", "path": "articles/note.html"}],)",
                    R"( "places": [)",
                    R"(  {"id": "p1", "name": "Kyiv"},)",
                    R"(  {"id": "p2", "name": "Paris", "country": "US"},)",
                    R"(  {"id": "p3", "name": "Crimea", "feature": "region"}],)",
                    R"( "borders": [{"id": "b1", "a": "BY", "b": "UA"}]})",
                }));
    std::vector<std::string> warnings;
    const Scenario s = muster::extract::load_scenario_file(file, &warnings);

    const muster::Candidate kyiv = muster::test::gazetteer().lookup("Kyiv", 1).at(0);
    CHECK(s.places[0].point == kyiv.point);
    CHECK(s.places[0].gazetteer_id == kyiv.id());
    CHECK(s.places[0].name == "Kyiv");
    CHECK(s.places[1].country == "US");
    CHECK(s.places[1].feature == "city");
    CHECK(s.places[2].feature == "region");
    CHECK_FALSE(s.places[2].members.empty());  // what the region covers, as extraction gives it

    const auto shared = muster::test::border_cache().get("BY", "UA");
    REQUIRE(shared);
    CHECK(s.borders[0].measured_km == shared->length_km);
    CHECK(s.borders[0].lines == shared->lines);

    CHECK(s.sources[0].text == "Troops near Kyiv \xEF\xBF\xBD.");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == (scratch.folder() / "articles" / "note.html").string() +
                             ": replaced 1 invalid UTF-8 sequence with U+FFFD");

    // Atlantis is in South Africa and Florida, not Greece.
    write(file, lines({R"({"muster": 1, "places": [)", R"(  {"id": "p1", "name": "Atlantis", "country": "GR"}]})"}));
    CHECK_THROWS_WITH_AS(muster::extract::load_scenario_file(file, nullptr),
                         (file.string() + R"(:2: /places/0/name: no place named "Atlantis" in GR in the gazetteer)").c_str(),
                         muster::Error);
}

TEST_CASE("scenario format: muster extract and render geocode a scenario written by hand") {
    muster::test::Scratch scratch("scenario-format-cli");
    write(scratch.folder() / "hand.json", R"({"muster": 1, "places": [{"id": "p1", "name": "Kyiv"}]})");
    const auto run = scratch.muster("extract '" + (scratch.folder() / "hand.json").string() + "' --format scenario -o '" +
                                    (scratch.folder() / "out.json").string() + "'");
    CHECK(run.exit_code == 0);
    const Scenario out = load_scenario(scratch.folder() / "out.json");
    REQUIRE(out.places.size() == 1);
    CHECK(out.places[0].point == muster::test::gazetteer().lookup("Kyiv", 1).at(0).point);

    write(scratch.folder() / "bad.json", "{\"muster\": 1,\n \"places\": [{\"id\": \"p1\", \"name\": \"Qwertyville\"}]}");
    const auto bad = scratch.muster("render '" + (scratch.folder() / "bad.json").string() + "' -o '" +
                                    (scratch.folder() / "bad.png").string() + "'");
    CHECK(bad.exit_code != 0);
    CHECK(bad.err.find("bad.json:2: /places/0/name: no place named \"Qwertyville\" in the gazetteer") != std::string::npos);
    CHECK_FALSE(fs::exists(scratch.folder() / "bad.png"));
}

TEST_CASE("scenario format: the hand-written example in docs/scenario.md opens") {
    const std::string doc = slurp(fs::path(MUSTER_SOURCE_DIR) / "docs" / "scenario.md");
    const std::size_t open = doc.find("```json\n", doc.find("## Writing a scenario by hand"));
    REQUIRE(open != std::string::npos);
    const std::size_t close = doc.find("```", open + 8);
    muster::extract::GeodataResolver resolver(".");
    std::vector<std::string> warnings;
    const Scenario s = parse_scenario(doc.substr(open + 8, close - open - 8), "docs/scenario.md", &warnings, &resolver);
    CHECK(warnings.empty());
    CHECK(s.places.size() == 3);
    CHECK(s.places[0].country == "RU");
    CHECK(s.borders[0].measured_km > 500.0);  // Belarus and Ukraine touch
    CHECK(s.figures[0].history.size() == 2);
    CHECK(s.annotations.size() == 3);
    REQUIRE(s.camera);
    CHECK(s.camera->zoom == 5.0);
    CHECK(s.time.current == "2022-01-15");
}

TEST_CASE("scenario format: the viewer looks names up on open, reload and merge") {
    muster::test::Scratch scratch("scenario-format-viewer");
    const fs::path file = scratch.folder() / "hand.json";
    write(file, R"({"muster": 1, "places": [{"id": "p1", "name": "Kyiv"}]})");
    muster::ui::ViewState state;
    muster::ui::request_open(state, file);
    REQUIRE(state.document.error.empty());
    REQUIRE(state.scenario.places.size() == 1);
    CHECK(state.scenario.places[0].point == muster::test::gazetteer().lookup("Kyiv", 1).at(0).point);
    CHECK_FALSE(muster::ui::watch_document_file(state, 0.0));

    write(file, R"({"muster": 1, "places": [{"id": "p1", "name": "Kharkiv", "country": "UA"}]})");
    CHECK(muster::ui::watch_document_file(state, 1.5));
    CHECK(state.scenario.places[0].point == muster::test::gazetteer().lookup("Kharkiv", 1).at(0).point);

    write(file, "{\"muster\": 1,\n \"places\": [{\"id\": \"p1\", \"name\": \"Qwertyville\"}]}");
    CHECK_FALSE(muster::ui::watch_document_file(state, 3.0));
    CHECK(state.document.error ==
          file.string() + R"(:2: /places/0/name: no place named "Qwertyville" in the gazetteer)");
    CHECK(state.scenario.places[0].name == "Kharkiv");  // nothing half-loaded

    const fs::path other = scratch.folder() / "other.json";
    write(other, R"({"muster": 1, "places": [{"id": "p1", "name": "Minsk"}]})");
    muster::ui::merge_document(state, other);
    REQUIRE(state.scenario.places.size() == 2);
    CHECK(state.scenario.places[1].point == muster::test::gazetteer().lookup("Minsk", 1).at(0).point);
}

// ================================================================ merging

TEST_CASE("scenario format: merging carries annotations and keeps the first's view") {
    Scenario first = dated_scenario();
    first.annotations.resize(1);  // a1
    Scenario second = dated_scenario();
    second.places[0].id = "p-yelnya";  // set by hand: not merged with the first's p1
    second.annotations[0].places = {"p-yelnya", "p2"};
    second.camera->zoom = 9.0;
    merge_into(first, second);
    REQUIRE(first.annotations.size() == 8);
    CHECK(first.annotations[1].id == "a2");
    CHECK(first.annotations[1].places == std::vector<std::string>{"p3", "p4"});
    CHECK(first.annotations[1].mention->source == "s2");
    CHECK(first.annotations[7].id == "a8");
    CHECK(first.camera->zoom == 5.5);  // the first's

    Scenario bare;
    merge_into(bare, second);
    CHECK(bare.camera == second.camera);
    CHECK(bare.layers == second.layers);
    CHECK(bare.style == second.style);
    CHECK(bare.time == second.time);
    CHECK(bare.annotations[0].places == std::vector<std::string>{"p1", "p2"});
}

TEST_CASE("scenario format: a source path outside the scenario's folder is refused, links included") {
    muster::test::Scratch scratch("scenario-format-outside");
    fs::create_directories(scratch.folder() / "inbox");
    write(scratch.folder() / "private.txt", "my notes");
    fs::create_symlink(scratch.folder() / "private.txt", scratch.folder() / "inbox" / "link.txt");
    const fs::path file = scratch.folder() / "inbox" / "from-a-stranger.json";
    for (const std::string& path :
         std::vector<std::string>{"../private.txt", (scratch.folder() / "private.txt").string(), "link.txt"}) {
        write(file, lines({R"({"muster": 1, "sources": [)", R"(  {"id": "s1", "path": )" + nlohmann::json(path).dump() + "}]}"}));
        CHECK_THROWS_WITH_AS(muster::extract::load_scenario_file(file, nullptr),
                             (file.string() + ":2: /sources/0/path: " + nlohmann::json(path).dump() +
                              ": outside the scenario file's folder (a scenario reads articles only from its folder and below)")
                                 .c_str(),
                             muster::Error);
    }
}
