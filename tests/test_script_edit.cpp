// What scripts do to a scenario, in-process (script/scenario_edit.hpp): ids,
// figure texts, checks with the messages scripts show, and the folders the
// sandbox lets a script read and write (script/sandbox_folders.hpp).
#include "shared_resources.hpp"

#include "core/error.hpp"
#include "export/geojson.hpp"
#include "script/sandbox_folders.hpp"
#include "script/scenario_edit.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace muster;
using namespace muster::script;
namespace fs = std::filesystem;
namespace sc = muster::scenario;

namespace {

const GazetteerSource kGazetteer = [] () -> const Gazetteer& { return test::gazetteer(); };

const GazetteerSource kNoGazetteer = []() -> const Gazetteer& { throw Error("the gazetteer was asked"); };

PlaceSpec by_name(std::string name, std::string country = "") {
    PlaceSpec spec;
    spec.name = std::move(name);
    spec.country = std::move(country);
    return spec;
}

PlaceSpec by_point(std::string name, double lat, double lon) {
    PlaceSpec spec;
    spec.name = std::move(name);
    spec.lat = lat;
    spec.lon = lon;
    return spec;
}

FigureSpec troops(double value, std::string place = "") {
    FigureSpec spec;
    spec.value = value;
    spec.actor = "RU";
    spec.place = std::move(place);
    return spec;
}

}  // namespace

TEST_CASE("figure texts say the amount as the map does") {
    CHECK(figure_text({30000.0, std::nullopt, std::nullopt, "exact"}, "troops") == "30,000 troops");
    CHECK(figure_text({30000.0, std::nullopt, std::nullopt, "approx"}, "troops") == "about 30,000 troops");
    CHECK(figure_text({std::nullopt, 10000.0, 15000.0, "range"}, "troops") == "10,000\u201315,000 troops");
    CHECK(figure_text({std::nullopt, 2.0, std::nullopt, "at_least"}, "battalions") == "at least 2 battalions");
    CHECK(figure_text({std::nullopt, std::nullopt, 500.0, "at_most"}, "tanks") == "up to 500 tanks");
    CHECK(figure_text({}, "S-400 systems") == "S-400 systems");
}

TEST_CASE("places by name come from the gazetteer, once per entry") {
    sc::Scenario s;
    const sc::Place& minsk = add_place(s, by_name("Minsk"), kGazetteer);
    CHECK(minsk.id == "p1");
    CHECK(minsk.name == "Minsk");
    CHECK(minsk.country == "BY");
    CHECK(minsk.feature == "city");
    CHECK(minsk.gazetteer_id == "625144");
    CHECK(add_place(s, by_name("minsk"), kGazetteer).id == "p1");
    CHECK(s.places.size() == 1);
    // A country narrows an ambiguous name: Brest, Belarus, not Brest, France.
    CHECK(add_place(s, by_name("Brest", "BY"), kGazetteer).country == "BY");
    CHECK(add_place(s, by_name("Brest", "FR"), kGazetteer).country == "FR");
    CHECK_THROWS_WITH_AS(add_place(s, by_name("Qwertzuiopland"), kGazetteer),
                         "no place named 'Qwertzuiopland' in the gazetteer", Error);
    CHECK_THROWS_WITH_AS(add_place(s, by_name("Minsk", "FR"), kGazetteer),
                         "no place named 'Minsk' in the gazetteer in FR", Error);
}

TEST_CASE("places by coordinates need no gazetteer and are checked") {
    sc::Scenario s;
    const sc::Place& camp = add_place(s, by_point("Field camp", 51.9, 29.1), kNoGazetteer);
    CHECK(camp.feature == "site");
    CHECK(camp.gazetteer_id.empty());
    CHECK(camp.point == LatLon{51.9, 29.1});
    CHECK_THROWS_WITH_AS(add_place(s, by_point("North", 91.0, 0.0), kNoGazetteer),
                         "lat must be a number from -90 to 90, got 91", Error);
    PlaceSpec half = by_name("Half");
    half.lat = 50.0;
    CHECK_THROWS_WITH_AS(add_place(s, half, kNoGazetteer), "give both lat and lon, or neither", Error);
    PlaceSpec taken = by_point("Again", 50.0, 30.0);
    taken.id = "p1";
    CHECK_THROWS_WITH_AS(add_place(s, taken, kNoGazetteer), "id 'p1' is taken", Error);
    CHECK_THROWS_WITH_AS(edit_place(s, "p1", PlaceEdit{.country = "Belarus"}),
                         "country must be an ISO 3166-1 alpha-2 code such as 'BY', got 'Belarus'", Error);
}

TEST_CASE("figures get the next free id, a text and a checked amount") {
    sc::Scenario s;
    add_place(s, by_point("Camp", 51.9, 29.1), kNoGazetteer);
    const sc::Figure& first = add_figure(s, troops(30000, "p1"));
    CHECK(first.id == "f1");
    CHECK(first.text == "30,000 troops");
    CHECK(first.category == "personnel");
    CHECK(first.amount.qualifier == "exact");
    FigureSpec range = troops(0);
    range.value.reset();
    range.min = 10000;
    range.max = 15000;
    CHECK(add_figure(s, range).amount.qualifier == "range");
    remove_figure(s, "f1");
    CHECK(add_figure(s, troops(5)).id == "f3");  // ids are never reused while f2 is there
    CHECK_THROWS_WITH_AS(add_figure(s, troops(-1)), "value must be a number of 0 or more", Error);
    FigureSpec nato = troops(1);
    nato.actor = "Russia";
    CHECK_THROWS_WITH_AS(add_figure(s, nato),
                         "actor must be an ISO 3166-1 alpha-2 code such as 'RU', or 'NATO', got 'Russia'", Error);
    CHECK_THROWS_WITH_AS(add_figure(s, troops(1, "p9")), "no place with id 'p9'", Error);
}

TEST_CASE("editing a figure rewrites a written text and keeps a quoted one") {
    sc::Scenario s;
    add_figure(s, troops(30000));
    FigureSpec quoted = troops(100000);
    quoted.text = "some 100,000 soldiers";
    add_figure(s, quoted);

    FigureEdit more;
    more.value.value = 40000;
    CHECK(edit_figure(s, "f1", more).text == "40,000 troops");
    CHECK(edit_figure(s, "f2", more).text == "some 100,000 soldiers");
    FigureEdit clear;
    clear.actor.clear = true;
    clear.value.clear = true;
    clear.max.value = 50000;
    const sc::Figure& cleared = edit_figure(s, "f1", clear);
    CHECK(cleared.actor.empty());
    CHECK_FALSE(cleared.amount.value.has_value());
    FigureEdit inverted;
    inverted.min.value = 60000;
    CHECK_THROWS_WITH_AS(edit_figure(s, "f1", inverted), "min must not be more than max", Error);
    CHECK(s.figures[0].amount.max == 50000.0);  // a refused edit changes nothing
    CHECK_FALSE(s.figures[0].amount.min.has_value());
}

TEST_CASE("a place with figures on it is not removed") {
    sc::Scenario s;
    add_place(s, by_point("Camp", 51.9, 29.1), kNoGazetteer);
    add_figure(s, troops(1, "p1"));
    add_figure(s, troops(2, "p1"));
    CHECK_THROWS_WITH_AS(remove_place(s, "p1"), "place 'p1' is where figures f1, f2 are; move or remove them first",
                         Error);
    CHECK(resolve_place(s, "Camp", kNoGazetteer) == "p1");
    CHECK(resolve_place(s, "p1", kNoGazetteer) == "p1");
}

TEST_CASE("dates are ISO 8601 calendar dates") {
    CHECK_NOTHROW(check_date("2022-02-10"));
    CHECK_THROWS_WITH_AS(check_date("10 February 2022"),
                         "date must be an ISO 8601 date such as '2022-02-10', got '10 February 2022'", Error);
    CHECK_THROWS_AS(check_date("2022-13-01"), Error);
}

TEST_CASE("GeoJSON of a scripted scenario has its hand-placed places") {
    sc::Scenario s;
    add_place(s, by_point("Camp", 51.9, 29.1), kNoGazetteer);
    const auto json = to_geojson(s);
    REQUIRE(json["features"].size() == 1);
    CHECK(json["features"][0]["properties"]["kind"] == "place");
    CHECK(json["features"][0]["properties"]["name"] == "Camp");
    CHECK_FALSE(json["features"][0]["properties"].contains("start"));
    CHECK(json["features"][0]["geometry"]["coordinates"] == nlohmann::json::array({29.1, 51.9}));
}

TEST_CASE("sandbox folders: reads beside the script, writes in the output folder") {
    const fs::path root = fs::temp_directory_path() / ("muster-test-folders-" + std::to_string(getpid()));
    fs::create_directories(root / "scripts" / "data");
    fs::create_directories(root / "out");
    const SandboxFolders folders(root / "scripts", root / "out");
    const fs::path scripts = fs::canonical(root / "scripts"), out = fs::canonical(root / "out");
    CHECK(folders.readable("data/a.csv") == scripts / "data" / "a.csv");
    CHECK(folders.readable((out / "map.png").string()) == out / "map.png");
    CHECK(folders.writable("frames/001.png") == out / "frames" / "001.png");
    CHECK(fs::is_directory(out / "frames"));
    CHECK_THROWS_WITH_AS(folders.readable("../secret"),
                         "cannot read '../secret': outside the script's folder and the output folder (sandbox)", Error);
    const std::string outside =
        "cannot write 'data/../../scripts/x.lua': outside the output folder " + out.string() + " (sandbox)";
    CHECK_THROWS_WITH_AS(folders.writable("data/../../scripts/x.lua"), outside.c_str(), Error);
    CHECK_THROWS_AS(folders.writable("."), Error);  // the folder itself is no file
    const SandboxFolders read_only(root / "scripts", std::nullopt);
    CHECK_THROWS_WITH_AS(read_only.writable("x.png"), "cannot write 'x.png': no output folder (run with --out DIR)",
                         Error);
    CHECK(is_within("/a/b/c", "/a/b"));
    CHECK_FALSE(is_within("/a/bc", "/a/b"));
    fs::remove_all(root);
}
