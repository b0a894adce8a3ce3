// muster bench scenario: the scale bar of the scenario issue, (a) a
// generated scenario of 10,000 units and 1,000 annotations loads, geocodes
// and renders its first frame in <= 1 s.
//
// The scenario is the timeline benchmark's generated build-up
// (generated_scenario.hpp) at 300 real towns of Belarus, Russia and Ukraine,
// written to a JSON file with its places given by name and country only, so
// that loading it geocodes every place, as a hand-written file would be.
// Then, timed: load_scenario_file() (read, parse, validate, geocode), and the
// first frame headless at 1920x1080 as `muster render` makes it (GL context,
// shaders and font atlas; meshes, the whole overlay layout, drawing and
// read-back).
#include "cli/args.hpp"
#include "cli/bench_util.hpp"
#include "cli/commands.hpp"
#include "cli/generated_scenario.hpp"
#include "cli/help.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "extract/scenario_resolver.hpp"
#include "platform/gl_surface.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/headless_render.hpp"
#include "scenario/scenario_json.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace muster::cli {

namespace {

using namespace bench;  // NOLINT: the shared bench helpers

constexpr double kTotalTargetMs = 1000.0;
constexpr PixelSize kSize{1920, 1080};

constexpr const char* kUsage =
    "usage: muster bench scenario [--units N] [--labels N] [--write-scenario FILE] [--json]\n"
    "Writes a generated dated scenario (N units, default 10000, at 300 towns of\n"
    "Belarus, Russia and Ukraine given by name only; 1,000 dated labels) to a\n"
    "temporary JSON file, then times loading it as 'muster view' does (read, parse,\n"
    "validate, geocode every place) and its first frame headless at 1920x1080 as\n"
    "'muster render' draws it (context, shaders, font atlas, meshes, the overlay's\n"
    "layout, drawing, read-back). Target: load + first frame <= 1 s.\n"
    "--write-scenario FILE: write the file there and keep it.\n";

// The file as a person would write it: places by name and country, the
// gazetteer finds where they are.
nlohmann::json places_by_name(nlohmann::json file) {
    for (nlohmann::json& place : file["places"])
        for (const char* key : {"lat", "lon", "gazetteer_id", "geonameid", "confidence"}) place.erase(key);
    return file;
}

// A file name of this process in the temporary folder.
std::filesystem::path temporary_file() {
    return std::filesystem::temp_directory_path() / ("muster-bench-scenario-" + std::to_string(::getpid()) + ".json");
}

}  // namespace

int bench_scenario(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("bench scenario", words);
    args.flag("--json").option("--units").option("--labels").option("--write-scenario").positionals(0, 0);
    args.parse();
    const int units = args.int_value("--units", 10000, 1, 1'000'000);
    const int labels = args.int_value("--labels", 1000, 0, 1'000'000);

    const std::vector<scenario::Place> towns = theatre_places(Gazetteer::load());
    if (towns.size() < static_cast<std::size_t>(kGeneratedPlaces))
        throw Error("muster bench scenario: the gazetteer has only " + std::to_string(towns.size()) +
                    " towns in the theatre (needs " + std::to_string(kGeneratedPlaces) + ")");
    const scenario::Scenario generated = generated_buildup(units, labels, towns);
    const bool keep = args.has("--write-scenario");
    const std::filesystem::path file = keep ? std::filesystem::path(*args.value("--write-scenario")) : temporary_file();
    const std::string text = scenario::dump_json(places_by_name(scenario::to_json(generated)));
    write_bytes_atomically(file, text);

    std::vector<std::string> warnings;
    auto start = Clock::now();
    const scenario::Scenario loaded = extract::load_scenario_file(file, &warnings);
    const double load_ms = seconds_since(start) * 1000.0;

    HeadlessRenderRequest request;
    request.size = kSize;
    request.scenario = &loaded;
    start = Clock::now();
    const HeadlessRender frame = render_map_headless(request);
    const double frame_ms = seconds_since(start) * 1000.0;
    if (!keep) {
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
    }

    const double total_ms = load_ms + frame_ms;
    // The render's context is gone: a small one like it says what drew.
    OffscreenSurface probe(PixelSize{16, 16}, 1);
    probe.make_current();
    const std::string context = GlSurface::describe_context();
    const bool pass = total_ms <= kTotalTargetMs;
    if (args.has("--json")) {
        const nlohmann::json report = {
            {"benchmark", "scenario"}, {"size", {kSize.width, kSize.height}},
            {"context", context}, {"units", loaded.figures.size()},
            {"annotations", loaded.annotations.size()}, {"places_geocoded", loaded.places.size()},
            {"movements", loaded.movements.size()}, {"file_bytes", text.size()}, {"warnings", warnings.size()},
            {"load_ms", load_ms}, {"first_frame_ms", frame_ms},
            {"first_frame_split_ms", {{"setup", frame.setup_ms}, {"draw", frame.draw_ms}}},
            {"symbols_drawn", frame.overlay.symbols.size()}, {"groups", frame.overlay.groups.size()},
            {"total_ms", total_ms}, {"target_total_ms", kTotalTargetMs}, {"passed", pass}};
        std::printf("%s\n", report.dump(2).c_str());
        return pass ? 0 : 1;
    }
    std::printf("muster bench scenario\n  surface  %dx%d, %s\n", kSize.width, kSize.height, context.c_str());
    std::printf("  file     %s units, %s annotations, %zu movements, %zu places by name; %s bytes%s%s\n",
                grouped(static_cast<long long>(loaded.figures.size())).c_str(),
                grouped(static_cast<long long>(loaded.annotations.size())).c_str(), loaded.movements.size(),
                loaded.places.size(), grouped(static_cast<long long>(text.size())).c_str(), keep ? ", kept at " : "",
                keep ? file.string().c_str() : "");
    std::printf("  frame    setup (context, shaders, fonts) %.1f ms, draw (meshes, overlay, read-back) %.1f ms; "
                "%zu symbols, %zu of them groups\n",
                frame.setup_ms, frame.draw_ms, frame.overlay.symbols.size(), frame.overlay.groups.size());
    char value[64];
    std::vector<Measure> measures;
    std::snprintf(value, sizeof value, "%.1f ms", load_ms);
    measures.push_back({"load and geocode", value, "(reported)", true});
    std::snprintf(value, sizeof value, "%.1f ms", frame_ms);
    measures.push_back({"first frame", value, "(reported)", true});
    std::snprintf(value, sizeof value, "%.1f ms", total_ms);
    measures.push_back({"total", value, "<= 1000 ms", pass});
    print_measures(measures);
    return pass ? 0 : 1;
}

}  // namespace muster::cli
