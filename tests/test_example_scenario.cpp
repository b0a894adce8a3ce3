// The example scenario shipped in assets/scenarios/: it loads without a
// warning (every place name is found in the gazetteer, every border in the
// geodata), its timeline runs from October 2021 to the invasion, and the
// script beside it renders that timeline as frames.
#include "cli_scratch.hpp"

#include "extract/scenario_resolver.hpp"
#include "scenario/timeline.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace muster;

namespace {

fs::path example_folder() { return fs::path(MUSTER_TEST_FIXTURES).parent_path().parent_path() / "assets" / "scenarios"; }

}  // namespace

TEST_CASE("the 2021-22 build-up example loads cleanly, its places and borders looked up") {
    std::vector<std::string> warnings;
    const scenario::Scenario s = extract::load_scenario_file(example_folder() / "buildup-2021-22.json", &warnings);
    CHECK(warnings.empty());
    const scenario::Place* yelnya = s.place("yelnya");
    REQUIRE(yelnya);
    CHECK(yelnya->country == "RU");
    CHECK(yelnya->point.lat == doctest::Approx(54.58).epsilon(0.001));
    REQUIRE(s.borders.size() == 2);
    CHECK(s.borders[0].measured_km > 1000.0);  // measured from the geodata at load
    CHECK_FALSE(s.annotations.empty());

    const scenario::Timeline timeline(s);
    REQUIRE(timeline.range());
    CHECK(scenario::format_time(timeline.range()->start) == "2021-10-01");
    CHECK(scenario::format_time(timeline.range()->end) == "2022-02-24");
}

TEST_CASE("the example's timeline script renders one frame per step, the last on the invasion day") {
    test::Scratch scratch("example-timeline");
    const fs::path script = example_folder() / "buildup_timeline.lua";
    const test::Run run = scratch.muster("script '" + script.string() + "' 60 --out '" + (scratch.folder() / "out").string() + "'");
    INFO("stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    const fs::path frames = fs::canonical(scratch.folder() / "out") / "frames";
    CHECK(run.out == "4 frames in " + frames.parent_path().string() + "/frames\n");  // Oct 1, Nov 30, Jan 29, Feb 24
    for (const char* name : {"0001.png", "0002.png", "0003.png", "0004.png"}) {
        INFO(name);
        CHECK(fs::file_size(frames / name) > 100000);  // a map, not an empty image
    }
    CHECK_FALSE(fs::exists(frames / "0005.png"));
}
