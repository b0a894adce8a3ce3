// muster bench timeline: frame times while a large dated scenario plays, the
// timeline issue's bar (median frame <= 16.7 ms on llvmpipe while playing a
// 10,000-unit scenario).
//
// The scenario is generated (fixed seed): units of three sides at a few
// hundred places between Belarus, Russia and Ukraine, appearing between
// November 2021 and February 2022, some ending, some growing (strength
// history), some travelling to their place (dated movements), and dated
// labels. Each frame is what the window does for the map while playing: the
// timeline advances (ui::update_timeline: its frame for the table and the
// article), the renderer takes the moment (OverlayRenderer::set_scenario: a
// new layout only when what is drawn changed), MapCache gives the map and
// the laid-out symbols and labels (drawn again only when they changed, else
// copied from its images), the units under way are drawn over them through
// Dear ImGui, then glFinish.
#include "cli/args.hpp"
#include "cli/bench_util.hpp"
#include "cli/commands.hpp"
#include "cli/generated_scenario.hpp"
#include "cli/help.hpp"

#include "platform/offscreen_surface.hpp"
#include "render/map_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_fonts.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario/timeline.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/view_state.hpp"

#include <epoxy/gl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace muster::cli {

namespace {

using namespace bench;  // NOLINT: the shared bench helpers

constexpr double kMedianTargetMs = 16.7;
constexpr PixelSize kSize{1920, 1080};

constexpr const char* kUsage =
    "usage: muster bench timeline [--units N] [--frames N] [--speed DAYS] [--write-scenario FILE] [--json]\n"
    "Plays a generated dated scenario (N units, default 10000, at 300 places, with\n"
    "strength histories, movements and 1,000 dated labels; November 2021 to\n"
    "February 2022) headless at 1920x1080 over Belarus, Russia and Ukraine: each\n"
    "frame advances the timeline by DAYS per second at 60 frames a second\n"
    "(default 7), draws the map and the overlay's symbols and labels as the window\n"
    "does (the map and laid-out marks kept as images while they do not change),\n"
    "and waits for glFinish. --frames: how many (default 300). Reports the median\n"
    "and 99th percentile frame, how many frames laid the overlay out again or\n"
    "reused the kept images, and the first frame (the whole layout of the\n"
    "scenario). Target: median <= 16.7 ms.\n"
    "--write-scenario FILE: also writes the generated scenario there (to look at\n"
    "it with 'muster render' or 'muster view').\n";

}  // namespace

int bench_timeline(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("bench timeline", words);
    args.flag("--json").option("--units").option("--frames").option("--speed").option("--write-scenario");
    args.parse();
    const int units = args.int_value("--units", 10000, 1, 1'000'000);
    const int frames = args.int_value("--frames", 300, 1, 100'000);
    const int speed = args.int_value("--speed", 7, 1, 365);

    ui::ViewState state;
    state.scenario = generated_buildup(units);
    if (args.has("--write-scenario")) scenario::save_scenario(state.scenario, *args.value("--write-scenario"));
    state.timeline.days_per_second = speed;
    const Camera camera = Camera::fit(Extent{22.0, 45.0, 42.0, 57.0}, kSize);

    OffscreenSurface surface(kSize, 1);
    surface.make_current();
    MapRenderer renderer(MapStyle{}, DetailLoading::blocking);
    MapCache map_cache;  // as the window: the map drawn again only when it changes
    ui::ImGuiLayer imgui(13.0f);
    const OverlayFonts fonts = load_overlay_fonts(1.0f);
    std::uint64_t revision = 0;
    int vertices = 0, commands = 0;  // of the last frame's ImGui lists: the units under way
    int maps_kept = 0, marks_kept = 0;  // frames that copied the kept map, and the kept marks over it
    // Where a frame's time goes: the timeline and the renderer taking the
    // moment; the map with the laid-out marks (drawn when they changed, else
    // copied from MapCache's images), the units under way into ImGui's list;
    // rasterising that list.
    struct Split {
        std::vector<double> timeline, map, raster;
    } split;
    auto frame = [&](double seconds) {
        auto stage = Clock::now();
        auto lap = [&stage](std::vector<double>& into) {
            into.push_back(seconds_since(stage) * 1000.0);
            stage = Clock::now();
        };
        ui::update_timeline(state, seconds);
        renderer.set_scenario(&state.scenario, ui::shown_time(state));
        lap(split.timeline);
        imgui.begin_headless_frame(kSize);
        surface.bind_framebuffer();
        map_cache.draw_with_overlay(renderer, camera, 1.0f, ImGui::GetBackgroundDrawList(), fonts,
                                    OverlayScale{1.0f, 1.0f});
        glFinish();
        lap(split.map);
        maps_kept += map_cache.reused_map() ? 1 : 0;
        marks_kept += map_cache.reused_marks() ? 1 : 0;
        imgui.render();
        glFinish();
        lap(split.raster);
        const ImDrawData* drawn = ImGui::GetDrawData();
        vertices = drawn->TotalVtxCount;
        commands = 0;
        for (int i = 0; i < drawn->CmdListsCount; ++i) commands += drawn->CmdLists[i]->CmdBuffer.Size;
        const bool laid_out = renderer.overlay().revision() != revision;
        revision = renderer.overlay().revision();
        return laid_out;
    };

    // From the start of the range, as Play from |< does; the first frame
    // parses the scenario's dates and lays all of it out.
    ui::update_timeline(state, 0.0);
    ui::seek_timeline(state, state.timeline.timeline->range()->start);
    state.timeline.playing = true;
    auto start = Clock::now();
    frame(0.0);
    const double first_ms = seconds_since(start) * 1000.0;

    split = {};
    maps_kept = marks_kept = 0;
    std::vector<double> ms;
    int layouts = 0;
    for (int i = 0; i < frames && state.timeline.playing; ++i) {
        start = Clock::now();
        layouts += frame(1.0 / 60.0) ? 1 : 0;
        ms.push_back(seconds_since(start) * 1000.0);
    }
    const double median = percentile(ms, 50.0), p99 = percentile(ms, 99.0);
    const bool pass = median <= kMedianTargetMs;
    const std::string reached = scenario::format_time(*ui::shown_time(state));
    const std::size_t symbols = renderer.overlay().layout().symbols.size();

    if (args.has("--json")) {
        const nlohmann::json report = {{"benchmark", "timeline"}, {"size", {kSize.width, kSize.height}},
                                       {"context", GlSurface::describe_context()},
                                       {"units", units}, {"frames", ms.size()}, {"days_per_second", speed},
                                       {"reached", reached}, {"layouts", layouts}, {"symbols_drawn", symbols},
                                       {"overlay_vertices", vertices}, {"overlay_draw_calls", commands},
                                       {"first_frame_ms", first_ms}, {"median_ms", median}, {"p99_ms", p99},
                                       {"frames_map_kept", maps_kept}, {"frames_marks_kept", marks_kept},
                                       {"median_split_ms", {{"timeline", percentile(split.timeline, 50.0)},
                                                            {"map_and_marks", percentile(split.map, 50.0)},
                                                            {"under_way_raster", percentile(split.raster, 50.0)}}},
                                       {"target_median_ms", kMedianTargetMs}, {"passed", pass}};
        std::printf("%s\n", report.dump(2).c_str());
        return pass ? 0 : 1;
    }
    std::printf("muster bench timeline\n  surface  %dx%d, %s\n  scenario %d units, %zu movements, %zu labels\n"
                "  played   %zu frames at %d days/s, 2021-11-01 to %s; %d new layouts; %zu symbols drawn at the end\n",
                kSize.width, kSize.height, GlSurface::describe_context().c_str(), units, state.scenario.movements.size(),
                state.scenario.annotations.size(), ms.size(), speed, reached.c_str(), layouts, symbols);
    std::printf("  kept     map image reused in %d of %zu frames, laid-out marks in %d; %zu groups at the end\n",
                maps_kept, ms.size(), marks_kept, renderer.overlay().layout().groups.size());
    std::printf("  under way %d vertices in %d draw calls at the end\n", vertices, commands);
    std::printf("  medians  timeline %.2f ms, map and laid-out marks %.2f ms, units under way %.2f ms\n",
                percentile(split.timeline, 50.0), percentile(split.map, 50.0), percentile(split.raster, 50.0));
    char value[64];
    std::vector<Measure> measures;
    std::snprintf(value, sizeof value, "%.2f ms", median);
    measures.push_back({"median frame while playing", value, "<= 16.7 ms", pass});
    std::snprintf(value, sizeof value, "%.2f ms", p99);
    measures.push_back({"99th percentile frame", value, "(reported)", true});
    std::snprintf(value, sizeof value, "%.1f ms", first_ms);
    measures.push_back({"first frame (whole layout)", value, "(reported)", true});
    print_measures(measures);
    return pass ? 0 : 1;
}

}  // namespace muster::cli
