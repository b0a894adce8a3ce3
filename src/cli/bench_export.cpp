// muster bench export: image export speed beside Mapnik, the reference
// open-source map renderer, on the same data at the same size.
//
// Both draw the Natural Earth 1:10m countries (geodata/muster.gpkg, layer
// countries_10m: fills and outlines over a sea colour, anti-aliased) at
// 3840x2160 in two views, a whole-world one and the Ukraine region, and
// write a PNG. muster's time is what `muster render` spends after its
// renderer has its mesh: framebuffer, drawing, read-back (render_map_image
// in one tile here) and PNG encoding with the file write; the one-time
// set-up (shaders, the 1:10m mesh) is reported apart, as Mapnik's script
// opens its data source before timing.
// Mapnik's is ../shared/bench/mapnik_render.py's render plus its PNG save
// (Debian's python3-mapnik), run from here in the same session. Each is
// the best of 3 runs; the verdict compares the sums per view.
#include "cli/args.hpp"
#include "cli/bench_util.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "export/image_file.hpp"
#include "platform/gl_surface.hpp"
#include "platform/headless_context.hpp"
#include "render/map_image.hpp"
#include "render/map_renderer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <unistd.h>

namespace muster::cli {
namespace {

using namespace bench;  // NOLINT: the shared bench helpers

constexpr PixelSize kSize{3840, 2160};
constexpr int kRuns = 3;

constexpr const char* kUsage =
    "usage: muster bench export [--python PYTHON] [--samples N] [--no-mapnik] [--json]\n"
    "Renders the Natural Earth 1:10m countries at 3840x2160 to PNG, a world view and\n"
    "the Ukraine region, with muster (headless, the level of detail pinned to 1:10m,\n"
    "4x multisampling) and with Mapnik through ../shared/bench/mapnik_render.py (run\n"
    "with PYTHON, default /usr/bin/python3, which needs Debian's python3-mapnik).\n"
    "Times are the best of 3 runs: render (muster: framebuffer, drawing, read-back;\n"
    "the renderer and its 1:10m mesh are set up once before, and that time is\n"
    "reported apart) and PNG encoding with the file write. --samples: muster's\n"
    "multisampling (default that of exports). --no-mapnik: muster alone.\n"
    "Target: muster's render + encode <= Mapnik's, per view.\n";

struct View {
    const char* name;
    Extent bbox;
};

constexpr std::array<View, 2> kViews{{
    {"world", {-180.0, -60.0, 180.0, 85.0}},
    {"ukraine", {22.0, 44.0, 41.0, 53.0}},
}};

struct Timing {
    double render_s = 1e9;
    double encode_s = 1e9;
    [[nodiscard]] double total() const { return render_s + encode_s; }
    [[nodiscard]] bool measured() const { return render_s < 1e9; }
};

std::filesystem::path scratch_file(const char* view, const char* who) {
    return std::filesystem::temp_directory_path() /
           ("muster-bench-export-" + std::to_string(::getpid()) + "-" + view + "-" + who + ".png");
}

Timing time_muster(const View& view, MapRenderer& renderer, int samples) {
    MapImageJob job;
    job.camera = Camera::fit(view.bbox, kSize);
    job.detail = Lod::fine_10m;
    job.samples = samples;
    job.renderer = &renderer;
    job.furniture.attribution = false;    // Mapnik draws no text either,
    job.style.show_graticule = false;     // nor a graticule: polygons over the sea alone
    const std::filesystem::path out = scratch_file(view.name, "muster");
    Timing best;
    for (int run = 0; run < kRuns; ++run) {
        MapImageInfo info;
        write_image_file(out, ImageFormat::png, {}, [&](RowSink& sink) { info = render_map_image(job, sink); });
        best.render_s = std::min(best.render_s, (info.draw_ms + info.read_ms) / 1000.0);
        best.encode_s = std::min(best.encode_s, info.encode_ms / 1000.0);
    }
    std::filesystem::remove(out);
    return best;
}

// Runs mapnik_render.py and reads its JSON line; unmeasured (with the
// reason on stderr) when Python, Mapnik or the script is missing.
Timing time_mapnik(const View& view, const std::string& python) {
    const std::filesystem::path script =
        std::filesystem::path(MUSTER_SOURCE_DIR) / ".." / "shared" / "bench" / "mapnik_render.py";
    Timing timing;
    if (!std::filesystem::is_regular_file(script)) {
        std::fprintf(stderr, "muster bench export: %s not found; Mapnik not measured\n", script.c_str());
        return timing;
    }
    const std::filesystem::path out = scratch_file(view.name, "mapnik");
    char box[128];
    std::snprintf(box, sizeof box, "%g,%g,%g,%g", view.bbox.min_lon, view.bbox.min_lat, view.bbox.max_lon,
                  view.bbox.max_lat);
    const std::string command = "'" + python + "' '" + script.string() + "' '" + default_geopackage().string() +
                                "' countries_10m " + std::to_string(kSize.width) + " " + std::to_string(kSize.height) +
                                " " + box + " '" + out.string() + "'";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return timing;
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = ::pclose(pipe);
    std::error_code ignored;
    std::filesystem::remove(out, ignored);
    if (status != 0) {
        std::fprintf(stderr, "muster bench export: Mapnik run failed (is python3-mapnik installed for %s?)\n",
                     python.c_str());
        return timing;
    }
    const auto line = nlohmann::json::parse(output, nullptr, false);
    if (line.is_discarded() || !line.contains("render_s")) return timing;
    timing.render_s = line["render_s"].get<double>();
    timing.encode_s = line["png_s"].get<double>();
    return timing;
}

}  // namespace

int bench_export(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("bench export", words);
    args.option("--python").option("--samples").flag("--no-mapnik").flag("--json").positionals(0, 0);
    args.parse();
    const std::string python = args.value_or("--python", "/usr/bin/python3");

    const int samples = args.int_value("--samples", MapImageJob{Camera(kSize)}.samples, 1, 16);
    const auto context = platform::create_headless_context();
    context->make_current();
    // Once before timing, and reported apart: shaders and the 1:10m mesh
    // read, projected, chunked and uploaded, as Mapnik's script opens its
    // data source before it times. The timed runs reuse the renderer.
    const auto cold_start = Clock::now();
    MapRenderer renderer(MapStyle{}, DetailLoading::blocking);
    {
        MapImageJob warm;
        warm.camera = Camera::fit(kViews[1].bbox, {256, 144});
        warm.detail = Lod::fine_10m;
        warm.renderer = &renderer;
        ImageSink sink;
        render_map_image(warm, sink);
    }
    const double cold_s = seconds_since(cold_start);

    nlohmann::json report = nlohmann::json::object();
    std::vector<Measure> measures;
    bool all_ok = true;
    if (!args.has("--json"))
        std::printf("muster bench export: 1:10m countries, %dx%d PNG, best of %d, %dx multisampling (%s)\n"
                    "  set-up before timing: renderer and 1:10m mesh %.3f s\n\n",
                    kSize.width, kSize.height, kRuns, samples, GlSurface::describe_context().c_str(), cold_s);
    for (const View& view : kViews) {
        const Timing ours = time_muster(view, renderer, samples);
        const Timing theirs = args.has("--no-mapnik") ? Timing{} : time_mapnik(view, python);
        const double ratio = theirs.measured() ? ours.total() / theirs.total() : 0.0;
        report[view.name] = {{"muster", {{"render_s", ours.render_s}, {"png_s", ours.encode_s}}}};
        if (theirs.measured()) {
            report[view.name]["mapnik"] = {{"render_s", theirs.render_s}, {"png_s", theirs.encode_s}};
            report[view.name]["ratio"] = ratio;
        }
        if (args.has("--json")) continue;
        std::printf("  %-8s muster  render %6.3f s + PNG %6.3f s = %6.3f s\n", view.name, ours.render_s, ours.encode_s,
                    ours.total());
        if (theirs.measured())
            std::printf("  %-8s Mapnik  render %6.3f s + PNG %6.3f s = %6.3f s   (muster/Mapnik %.2f)\n", "",
                        theirs.render_s, theirs.encode_s, theirs.total(), ratio);
        char value[64];
        std::snprintf(value, sizeof value, "%.3f s vs %.3f s", ours.total(), theirs.measured() ? theirs.total() : 0.0);
        const bool ok = theirs.measured() && ours.total() <= theirs.total();
        if (theirs.measured()) {
            measures.push_back({std::string(view.name) + " render+PNG", value, "<= Mapnik", ok});
            all_ok = all_ok && ok;
        }
    }
    if (args.has("--json")) {
        std::printf("%s\n", report.dump(2).c_str());
        return all_ok ? 0 : 1;
    }
    if (!measures.empty()) {
        std::printf("\n");
        print_measures(measures);
        std::printf("\n  %s\n", all_ok ? "PASS: all targets met" : "FAIL: see the measures above");
    }
    return all_ok ? 0 : 1;
}

}  // namespace muster::cli
