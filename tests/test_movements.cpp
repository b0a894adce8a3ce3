// Movements: the extraction corpus (src/extract/movements.corpus), the
// geodesic they are drawn along, the scenario file and the GeoJSON output.
#include "core/error.hpp"
#include "export/geojson.hpp"
#include "extract/extract.hpp"
#include "geodata/great_circle.hpp"
#include "scenario/scenario_json.hpp"
#include "cli_scratch.hpp"
#include "shared_resources.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace muster;
namespace fs = std::filesystem;
namespace sc = muster::scenario;

namespace {

// ================================================================ corpus

struct Expected {
    std::string from, to, figure, text;
};

struct Example {
    std::string text;
    int line = 0;
    std::vector<Expected> movements;  // empty: "=> none"
};

// The value of `key="..."` or `key=word` in an expectation line.
std::string field(const std::string& line, const std::string& key) {
    const std::string quoted = key + "=\"";
    if (const auto at = line.find(quoted); at != std::string::npos) {
        const auto begin = at + quoted.size();
        return line.substr(begin, line.find('"', begin) - begin);
    }
    const std::string bare = " " + key + "=";
    const auto at = line.find(bare);
    if (at == std::string::npos) return {};
    const auto begin = at + bare.size();
    // A bare value runs to the next " key=" (names may hold spaces: "Fort Bragg").
    const auto next = line.find('=', begin);
    auto end = next == std::string::npos ? line.size() : line.rfind(' ', next);
    return line.substr(begin, end - begin);
}

std::vector<Example> read_corpus(const fs::path& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::vector<Example> examples;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line.front() == '#') continue;
        if (line.rfind("  => ", 0) == 0) {
            REQUIRE(!examples.empty());
            if (line == "  => none") continue;
            examples.back().movements.push_back(
                {field(line, "from"), field(line, "to"), field(line, "figure"), field(line, "text")});
            continue;
        }
        examples.push_back({line, number, {}});
    }
    return examples;
}

sc::Scenario extract_text(const std::string& text) {
    return extract::extract_scenario(text, {"corpus.txt", "", ""}, test::extract_resources());
}

std::string describe(const sc::Scenario& s) {
    std::string out;
    for (const sc::Movement& m : s.movements) {
        const sc::Place* from = s.place(m.from);
        const sc::Place* to = s.place(m.to);
        const sc::Figure* figure = s.figure(m.figure);
        out += "\n  from=" + (from ? from->name : "?") + " to=" + (to ? to->name : "?") + " figure=\"" +
               (figure ? figure->text : "") + "\" text=\"" +
               (m.mention ? std::string(s.mention_text(*m.mention)) : "") + "\"";
    }
    return out.empty() ? "\n  none" : out;
}

const fs::path kCorpus = fs::path(MUSTER_SOURCE_DIR) / "src" / "extract" / "movements.corpus";

// Khabarovsk and Minsk: a route across most of Russia.
constexpr LatLon khabarovsk{48.48, 135.08};
constexpr LatLon minsk{53.9, 27.5667};

sc::Scenario route_scenario() {
    sc::Scenario s;
    sc::Source source;
    source.id = "s1";
    source.text = "Moscow moved 5,000 troops from Khabarovsk to Minsk.";
    s.sources.push_back(source);
    sc::Place from;
    from.id = "p1", from.name = "Khabarovsk", from.country = "RU", from.feature = "city", from.point = khabarovsk;
    sc::Place to;
    to.id = "p2", to.name = "Minsk", to.country = "BY", to.feature = "city", to.point = minsk;
    s.places = {from, to};
    sc::Figure figure;
    figure.id = "f1", figure.text = "5,000 troops", figure.amount = {5000.0, {}, {}, "exact"};
    figure.unit = "troops", figure.category = "personnel", figure.actor = "RU", figure.place = "p2";
    s.figures.push_back(figure);
    s.movements.push_back({"m1", "p1", "p2", "f1", sc::Mention{"s1", {26, 50}}});
    return s;
}

std::string error_of(const std::string& json_text) {
    try {
        sc::parse_scenario(json_text, "route.json");
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

// ================================================================ extraction

TEST_CASE("movements corpus: every example gives exactly the movements listed") {
    const std::vector<Example> examples = read_corpus(kCorpus);
    CHECK(examples.size() >= 20);
    for (const Example& example : examples) {
        const sc::Scenario s = extract_text(example.text);
        INFO("movements.corpus:" << example.line << ": " << example.text << "\ngot:" << describe(s));
        REQUIRE(s.movements.size() == example.movements.size());
        for (std::size_t i = 0; i < example.movements.size(); ++i) {
            const sc::Movement& got = s.movements[i];
            const Expected& want = example.movements[i];
            REQUIRE(s.place(got.from));
            REQUIRE(s.place(got.to));
            CHECK(s.place(got.from)->name == want.from);
            CHECK(s.place(got.to)->name == want.to);
            const sc::Figure* figure = s.figure(got.figure);
            CHECK((figure ? figure->text : std::string()) == want.figure);
            REQUIRE(got.mention);
            CHECK(s.mention_text(*got.mention) == want.text);
        }
    }
}

TEST_CASE("movements: ids in order, the figure linked by id, the same route stated twice is one movement") {
    const sc::Scenario s =
        extract_text("Russia moved 5,000 troops from Khabarovsk to Belarus. Later 200 tanks went from Kursk to Belarus, "
                "and 4,000 more troops were moved from Khabarovsk to Belarus.");
    REQUIRE(s.movements.size() == 2);
    CHECK(s.movements[0].id == "m1");
    CHECK(s.movements[1].id == "m2");
    CHECK(s.place(s.movements[0].from)->name == "Khabarovsk");
    CHECK(s.place(s.movements[1].from)->name == "Kursk");
    CHECK(s.figure(s.movements[0].figure)->text == "5,000 troops");
    CHECK(s.figure(s.movements[1].figure)->text == "200 tanks");
}

// ================================================================ geodesic

TEST_CASE("geodesic path: dense points along the great circle, ends exact") {
    const auto path = geodesic_path(minsk, khabarovsk, 50.0);
    REQUIRE(path.size() == 1);
    const auto& line = path.front();
    CHECK(line.front() == minsk);
    CHECK(line.back().lat == doctest::Approx(khabarovsk.lat));
    CHECK(line.back().lon == doctest::Approx(khabarovsk.lon));
    const double km = geodesic_distance_km(minsk, khabarovsk);
    CHECK(km == doctest::Approx(6785).epsilon(0.01));
    CHECK(line.size() == static_cast<std::size_t>(std::ceil(km / 50.0)) + 1);
    // A great circle from Minsk to Khabarovsk bows north of the straight
    // line on the map: half way it passes well north of both ends.
    CHECK(line[line.size() / 2].lat > 60.0);
}

TEST_CASE("geodesic path: split in two at the antimeridian") {
    const LatLon anchorage{61.22, -149.90};
    const auto east = geodesic_path(khabarovsk, anchorage, 100.0);
    REQUIRE(east.size() == 2);
    CHECK(east[0].back().lon == 180.0);
    CHECK(east[1].front().lon == -180.0);
    CHECK(east[0].back().lat == east[1].front().lat);
    for (const auto& piece : east)
        for (std::size_t i = 1; i < piece.size(); ++i) CHECK(std::fabs(piece[i].lon - piece[i - 1].lon) < 10.0);
    const auto west = geodesic_path(anchorage, khabarovsk, 100.0);
    REQUIRE(west.size() == 2);
    CHECK(west[0].back().lon == -180.0);
    CHECK(west[1].front().lon == 180.0);
}

// ================================================================ scenario file

TEST_CASE("scenario file: movements survive a save and load unchanged") {
    const sc::Scenario s = route_scenario();
    const std::string text = sc::scenario_text(s);
    CHECK(text.find(R"("movements": [)") != std::string::npos);
    CHECK(text.find(R"("id": "m1",)") != std::string::npos);
    CHECK(text.find(R"("from": "p1",)") != std::string::npos);
    CHECK(sc::parse_scenario(text, "route.json") == s);

    sc::Scenario bare = s;
    bare.movements[0].figure.clear();
    bare.movements[0].mention.reset();
    const std::string bare_text = sc::scenario_text(bare);
    CHECK(bare_text.find(R"("figure")") == std::string::npos);
    CHECK(sc::parse_scenario(bare_text, "route.json") == bare);
}

TEST_CASE("scenario file: broken movements are named by their JSON pointer") {
    auto with_movement = [](const std::string& movement) {
        nlohmann::json j = sc::to_json(route_scenario());
        j["movements"] = nlohmann::json::array({nlohmann::json::parse(movement)});
        return j.dump();
    };
    CHECK(error_of(with_movement(R"({"id": "m1", "from": "p1", "to": "p9"})")) ==
          R"(route.json:1: /movements/0/to: no place with id "p9")");
    CHECK(error_of(with_movement(R"({"id": "m1", "to": "p2"})")) ==
          "route.json:1: /movements/0/from: missing (expected a string)");
    CHECK(error_of(with_movement(R"({"id": "m1", "from": "p1", "to": "p2", "figure": "f7"})")) ==
          R"(route.json:1: /movements/0/figure: no figure with id "f7")");
    CHECK(error_of(with_movement(R"({"id": "m1", "from": 3, "to": "p2"})")) ==
          "route.json:1: /movements/0/from: expected a string");
    CHECK(error_of(with_movement(R"({"id": "m1", "from": "p1", "to": "p2", "mention": {"source": "s1", "start": 0, "end": 999}})")) ==
          R"(route.json:1: /movements/0/mention/end: past the end of source "s1" (51 code points))");
}

// ================================================================ GeoJSON

TEST_CASE("GeoJSON: a movement is a LineString along the geodesic with its figure and sentence") {
    const nlohmann::json features = to_geojson(route_scenario())["features"];
    const nlohmann::json* movement = nullptr;
    for (const nlohmann::json& f : features)
        if (f["properties"]["kind"] == "movement") movement = &f;
    REQUIRE(movement);
    const nlohmann::json& p = (*movement)["properties"];
    CHECK(p["from"] == "Khabarovsk");
    CHECK(p["to"] == "Minsk");
    CHECK(p["from_country"] == "RU");
    CHECK(p["to_country"] == "BY");
    CHECK(p["figure"] == "5,000 troops");
    CHECK(p["actor"] == "RU");
    CHECK(p["text"] == "from Khabarovsk to Minsk");
    CHECK(p["start"] == 26);
    CHECK(p["end"] == 50);
    CHECK(p["sentence"] == "Moscow moved 5,000 troops from Khabarovsk to Minsk.");
    CHECK(p["distance_km"].get<double>() == doctest::Approx(6785).epsilon(0.01));
    const nlohmann::json& geometry = (*movement)["geometry"];
    CHECK(geometry["type"] == "LineString");
    const nlohmann::json& coordinates = geometry["coordinates"];
    REQUIRE(coordinates.size() > 100);
    CHECK(coordinates.front() == nlohmann::json::array({135.08, 48.48}));
    CHECK(coordinates.back() == nlohmann::json::array({27.5667, 53.9}));
}

TEST_CASE("GeoJSON: a movement across the antimeridian is a MultiLineString of two lines") {
    sc::Scenario s = route_scenario();
    s.places[1].name = "Anchorage", s.places[1].country = "US", s.places[1].point = {61.22, -149.90};
    const nlohmann::json features = to_geojson(s)["features"];
    const nlohmann::json& movement = features.back();
    REQUIRE(movement["properties"]["kind"] == "movement");
    CHECK(movement["geometry"]["type"] == "MultiLineString");
    REQUIRE(movement["geometry"]["coordinates"].size() == 2);
    CHECK(movement["geometry"]["coordinates"][0].back()[0] == 180.0);
    CHECK(movement["geometry"]["coordinates"][1].front()[0] == -180.0);
}

// ================================================================ command line

TEST_CASE("muster extract: an article's movements as GeoJSON features, the talks and the title left out") {
    const test::Scratch scratch("movements-cli");
    const fs::path article = fs::path(MUSTER_TEST_FIXTURES) / "movements" / "redeployments.txt";
    const test::Run run = scratch.muster("extract '" + article.string() + "'");
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    std::vector<std::string> routes;
    const nlohmann::json geojson = nlohmann::json::parse(run.out);
    for (const nlohmann::json& f : geojson["features"])
        if (f["properties"]["kind"] == "movement")
            routes.push_back(f["properties"]["from"].get<std::string>() + " -> " +
                             f["properties"]["to"].get<std::string>() + " (" +
                             f["properties"].value("figure", std::string()) + ")");
    std::string listed;
    for (const std::string& route : routes) listed += "\n  " + route;
    INFO("routes:" << listed);
    CHECK(routes == std::vector<std::string>{"Khabarovsk -> Belarus (about 10,000 troops)",
                                             "Kursk -> Crimea (2,000 soldiers)",
                                             "Fort Bragg -> Poland (3,000 soldiers)",
                                             "Germany -> Romania (1,000 troops)"});
}
