// muster render: the map drawn headless into a PNG or a GeoTIFF.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/projection_option.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/geotiff.hpp"
#include "export/png_writer.hpp"
#include "extract/open_document.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/headless_render.hpp"
#include "render/view_spec.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace muster::cli {
namespace {

constexpr const char* usage =
    "usage: muster render [INPUT] -o OUT.png|OUT.tif [--size WxH] [--bbox MINLON,MINLAT,MAXLON,MAXLAT]\n"
    "                     [--projection CRS] [--world-file]\n"
    "Draws the map without a window and writes a PNG or a GeoTIFF (the path is printed).\n"
    "\n"
    "  INPUT            article (.txt/.html: extracted) or scenario file to draw;\n"
    "                   without --bbox the map frames what it holds\n"
    "  -o OUT           where to write, by extension: .png (image) or .tif/.tiff\n"
    "                   (GeoTIFF in the map's CRS, tiled, DEFLATE, with the exact\n"
    "                   geotransform: opens in QGIS on top of Natural Earth);\n"
    "                   written atomically, never half a file\n"
    "  --size WxH       image size in pixels, each side 1..16384 (default 1920x1080)\n"
    "  --bbox W,S,E,N   area to fit, degrees (default: the whole world); the\n"
    "                   image's aspect is kept, so one direction shows more\n"
    "  --projection CRS the map's projection: EPSG:3857 Web Mercator (default),\n"
    "                   EPSG:3035 LAEA Europe, EPSG:4326 plate carree, or any\n"
    "                   other CRS PROJ knows\n"
    "  --world-file     with a PNG: also write OUT.pgw (world file), OUT.prj\n"
    "                   (the CRS as ESRI WKT) and OUT.png.aux.xml (the CRS as\n"
    "                   GDAL and QGIS read it) so GIS tools can place the image\n";

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

enum class OutputFormat { png, geotiff };

// The writer, chosen by OUT's extension (any case), so "-o map.tif" just works.
OutputFormat output_format(const Args& args, const std::filesystem::path& target) {
    std::string extension = target.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".png") return OutputFormat::png;
    if (extension == ".tif" || extension == ".tiff") return OutputFormat::geotiff;
    const std::string problem = extension.empty() ? "output '" + target.string() + "' has no extension"
                                                  : "unsupported output extension '" + target.extension().string() + "'";
    throw Error(args.message(problem + " (supported: .png, .tif, .tiff)"));
}

// The .pgw and .prj beside a PNG just written. If they cannot be written the
// PNG goes too: a georeferenced PNG without its georeference is the partial
// result the user asked us not to leave.
void write_png_side_cars(const Camera& camera, const std::filesystem::path& png) {
    try {
        write_world_files(camera, png);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(png, ignored);
        throw;
    }
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
    args.option("-o").option("--size").option("--bbox").option("--samples").option("--projection");
    args.flag("--timing").flag("--world-file").positionals(0, 1);
    args.parse();

    const auto output = args.value("-o");
    if (!output) throw Error(args.message("-o OUT.png is required (see 'muster render --help')"));
    HeadlessRenderRequest request;
    request.size = parse_size(args);
    request.bbox = parse_bbox(args);
    request.projection = projection_option(args);
    request.samples = args.int_value("--samples", request.samples, 1, 16);
    const std::filesystem::path target(*output);
    const OutputFormat format = output_format(args, target);
    const bool world_file = args.has("--world-file");
    if (world_file && format != OutputFormat::png)
        throw Error(args.message("--world-file goes with a PNG; a GeoTIFF carries its georeference inside"));
    // Fail before seconds of rendering, not after.
    check_writable(target);
    if (world_file) check_writable(world_file_path(target));
    const std::optional<scenario::Scenario> scenario = open_input(args);
    request.scenario = scenario ? &*scenario : nullptr;

    const HeadlessRender render = render_map_headless(request);
    const auto encode_start = std::chrono::steady_clock::now();
    if (format == OutputFormat::geotiff) {
        write_geotiff(render.image, render.camera, target);
    } else {
        write_png(render.image, target);
        if (world_file) write_png_side_cars(render.camera, target);
    }
    const double encode_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - encode_start).count();

    if (args.has("--timing"))
        std::fprintf(stderr, "muster render: setup %.1f ms, draw+read-back %.1f ms, %s %.1f ms (%dx%d)\n",
                     render.setup_ms, render.draw_ms, format == OutputFormat::geotiff ? "GeoTIFF" : "PNG", encode_ms,
                     request.size.width, request.size.height);
    std::printf("%s\n", target.string().c_str());
    return 0;
}

}  // namespace muster::cli
