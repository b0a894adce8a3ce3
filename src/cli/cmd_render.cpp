// muster render: the map drawn headless into a PNG.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/png_writer.hpp"
#include "extract/open_document.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/headless_render.hpp"
#include "render/view_spec.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muster::cli {
namespace {

constexpr const char* usage =
    "usage: muster render [INPUT] -o OUT.png [--size WxH] [--bbox MINLON,MINLAT,MAXLON,MAXLAT]\n"
    "Draws the map without a window and writes a PNG (the path is printed).\n"
    "\n"
    "  INPUT            article (.txt/.html: extracted) or scenario file to draw;\n"
    "                   without --bbox the map frames what it holds\n"
    "  -o OUT.png       where to write; written atomically, never half a file\n"
    "  --size WxH       image size in pixels, each side 1..16384 (default 1920x1080)\n"
    "  --bbox W,S,E,N   area to fit, degrees (default: the whole world); the\n"
    "                   image's aspect is kept, so one direction shows more\n";

constexpr const char* size_syntax = "WIDTHxHEIGHT with each side from 1 to 16384";
constexpr const char* bbox_syntax =
    "MINLON,MINLAT,MAXLON,MAXLAT in degrees with min < max, latitudes within -90..90";

PixelSize parse_size(const Args& args) {
    const auto text = args.value("--size");
    if (!text) return {1920, 1080};
    if (auto size = parse_pixel_size(*text, OffscreenSurface::max_side)) return *size;
    throw Error(args.message("option '--size' expects " + std::string(size_syntax) + ", got '" + *text + "'"));
}

std::optional<Extent> parse_bbox(const Args& args) {
    const auto text = args.value("--bbox");
    if (!text) return std::nullopt;
    if (auto extent = parse_extent(*text)) return extent;
    throw Error(args.message("option '--bbox' expects " + std::string(bbox_syntax) + ", got '" + *text + "'"));
}

// The scenario to draw: INPUT's, or none for the plain map.
std::optional<scenario::Scenario> open_input(const Args& args) {
    if (args.positional().empty()) return std::nullopt;
    std::vector<std::string> warnings;
    scenario::Scenario scenario = extract::open_document(args.positional()[0], &warnings);
    for (const std::string& warning : warnings) std::fprintf(stderr, "muster render: warning: %s\n", warning.c_str());
    return scenario;
}

}  // namespace

int cmd_render(const Words& words) {
    if (print_help_if_asked(words, usage)) return 0;
    Args args("render", words);
    // --samples N (multisampling, 1 = off) and --timing (milliseconds on
    // stderr) are for benchmarks and tests; not in the usage text.
    args.option("-o").option("--size").option("--bbox").option("--samples").flag("--timing").positionals(0, 1);
    args.parse();

    const auto output = args.value("-o");
    if (!output) throw Error(args.message("-o OUT.png is required (see 'muster render --help')"));
    HeadlessRenderRequest request;
    request.size = parse_size(args);
    request.bbox = parse_bbox(args);
    request.samples = args.int_value("--samples", request.samples, 1, 16);
    const std::filesystem::path target(*output);
    check_writable(target);  // fail before seconds of rendering, not after
    const std::optional<scenario::Scenario> scenario = open_input(args);
    request.scenario = scenario ? &*scenario : nullptr;

    const HeadlessRender render = render_map_headless(request);
    const auto encode_start = std::chrono::steady_clock::now();
    write_png(render.image, target);
    const double encode_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - encode_start).count();

    if (args.has("--timing"))
        std::fprintf(stderr, "muster render: setup %.1f ms, draw+read-back %.1f ms, PNG %.1f ms (%dx%d)\n",
                     render.setup_ms, render.draw_ms, encode_ms, request.size.width, request.size.height);
    std::printf("%s\n", target.string().c_str());
    return 0;
}

}  // namespace muster::cli
