// muster render: the map drawn headless into a PNG, JPEG or GeoTIFF.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/projection_option.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/geotiff.hpp"
#include "export/image_file.hpp"
#include "extract/open_document.hpp"
#include "geodata/layer_file.hpp"
#include "platform/offscreen_surface.hpp"
#include "render/headless_render.hpp"
#include "render/scenario_look.hpp"
#include "render/view_spec.hpp"
#include "scenario/timeline.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace muster::cli {
namespace {

constexpr const char* usage =
    "usage: muster render [INPUT] -o OUT.png|OUT.jpg|OUT.tif [--size WxH] [--scale N]\n"
    "                     [--bbox MINLON,MINLAT,MAXLON,MAXLAT | --fit] [--projection CRS]\n"
    "                     [--title TEXT] [--no-legend] [--no-scale-bar] [--north-arrow]\n"
    "                     [--world-file] [--layer FILE]... [--time DATE]\n"
    "Draws the map without a window (no display, no GPU needed) and writes an image;\n"
    "the path is printed. Images up to 16384x16384 are drawn in tiles and streamed to\n"
    "the file, so memory stays bounded.\n"
    "\n"
    "  INPUT            article (.txt/.html: extracted) or scenario file to draw;\n"
    "                   without --bbox the map frames what it holds\n"
    "  -o OUT           where to write, by extension: .png, .jpg/.jpeg (quality 90)\n"
    "                   or .tif/.tiff (GeoTIFF in the map's CRS, tiled, DEFLATE,\n"
    "                   with the exact geotransform: opens in QGIS on top of\n"
    "                   Natural Earth); written atomically, never half a file\n"
    "  --size WxH       image size in pixels before --scale (default 1920x1080)\n"
    "  --scale N        multiply the image's pixels by N (1 to 4, e.g. 2 for a\n"
    "                   high-DPI copy): same view, symbols and text N times larger;\n"
    "                   the result must stay within 16384x16384\n"
    "  --bbox W,S,E,N   area to fit, degrees; the image's aspect is kept, so one\n"
    "                   direction shows more\n"
    "  --fit            frame INPUT's places and borders (the default with INPUT,\n"
    "                   unless a scenario file keeps a camera of its own)\n"
    "  --projection CRS the map's projection: EPSG:3857 Web Mercator (default),\n"
    "                   EPSG:3035 LAEA Europe, EPSG:4326 plate carree, or any\n"
    "                   other CRS PROJ knows (default: the scenario's camera's)\n"
    "  --title TEXT     a title plate at the top left\n"
    "  --no-legend      leave out the legend (the country roles, areas, symbols,\n"
    "                   movements, border line and halos this map shows; bottom left)\n"
    "  --no-scale-bar   leave out the scale bar (geodesic, at the map's centre)\n"
    "  --north-arrow    add a north arrow (top right)\n"
    "  --world-file     with a PNG or JPEG: also write OUT.pgw/.jgw (world file),\n"
    "                   OUT.prj (the map's CRS as ESRI WKT) and OUT.png.aux.xml (the\n"
    "                   CRS as GDAL and QGIS read it) so GIS tools can place the image\n"
    "  --layer FILE     your own vector file drawn over the map, in a colour of its\n"
    "                   own (GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV\n"
    "                   with lon/lat columns), or a georeferenced image drawn on the\n"
    "                   land under the borders (GeoTIFF, PNG or JPEG with a world\n"
    "                   file); repeatable, the last on top; without INPUT and\n"
    "                   --bbox the map frames the layers\n"
    "  --time DATE      draw a dated scenario as it stands on DATE (ISO 8601:\n"
    "                   2022-02-24, 2022-02, 2022-02-24T03:40): only what is on\n"
    "                   the map then, units where their movements have brought\n"
    "                   them, strengths from their history; default: the\n"
    "                   scenario's own time, else its last date\n"
    "\n"
    "Every image carries the attribution \"Natural Earth \xc2\xb7 GeoNames (CC-BY)\". A GeoTIFF,\n"
    "placed in a GIS that draws its own, gets no legend or scale bar.\n";

constexpr const char* size_syntax = "WIDTHxHEIGHT with each side from 1 to 16384";
constexpr const char* bbox_syntax =
    "MINLON,MINLAT,MAXLON,MAXLAT in degrees with min < max, latitudes within -90..90";

PixelSize parse_size(const Args& args) {
    const auto text = args.value("--size");
    if (!text) return {1920, 1080};
    if (auto size = parse_pixel_size(*text, OffscreenSurface::max_side)) return *size;
    throw Error(args.message("option '--size' expects " + std::string(size_syntax) + ", got '" + *text + "'"));
}

double parse_scale(const Args& args) {
    const auto text = args.value("--scale");
    if (!text) return 1.0;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || !(value >= 1.0 && value <= 4.0))
        throw Error(args.message("option '--scale' expects a number from 1 to 4, got '" + *text + "'"));
    return value;
}

PixelSize scaled_size(const Args& args, PixelSize size, double scale) {
    const PixelSize result{static_cast<int>(std::lround(size.width * scale)),
                           static_cast<int>(std::lround(size.height * scale))};
    if (result.width > OffscreenSurface::max_side || result.height > OffscreenSurface::max_side)
        throw Error(args.message(std::to_string(size.width) + "x" + std::to_string(size.height) + " at --scale " +
                                 *args.value("--scale") + " is " + std::to_string(result.width) + "x" +
                                 std::to_string(result.height) + ", beyond the 16384x16384 limit"));
    return result;
}

std::optional<Extent> parse_bbox(const Args& args) {
    const auto text = args.value("--bbox");
    if (!text) return std::nullopt;
    if (auto extent = parse_extent(*text)) return extent;
    throw Error(args.message("option '--bbox' expects " + std::string(bbox_syntax) + ", got '" + *text + "'"));
}

// The writer, chosen by OUT's extension (any case), so "-o map.tif" just works.
ImageFormat output_format(const Args& args, const std::filesystem::path& target) {
    if (const auto format = image_format_for(target)) return *format;
    const std::string extension = target.extension().string();
    const std::string problem = extension.empty() ? "output '" + target.string() + "' has no extension"
                                                  : "unsupported output extension '" + extension + "'";
    throw Error(args.message(problem + " (supported: " + supported_image_extensions + ")"));
}

// The .pgw and .prj beside an image just written. If they cannot be written
// the image goes too: a georeferenced PNG without its georeference is the
// partial result the user asked us not to leave.
void write_side_cars(const Camera& camera, const std::filesystem::path& image) {
    try {
        write_world_files(camera, image);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(image, ignored);
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

// --time: the moment to draw, checked before any input is read.
std::optional<std::string> time_option(const Args& args) {
    const auto text = args.value("--time");
    if (!text) return std::nullopt;
    if (!scenario::parse_time(*text))
        throw Error(args.message("option '--time' expects an ISO 8601 date such as 2022-02-24 or 2022-02-24T03:40, got '" +
                                 *text + "'"));
    if (args.positional().empty())
        throw Error(args.message("--time draws INPUT at a date; give an article or scenario"));
    return std::string(*text);
}

FurnitureOptions furniture_options(const Args& args, ImageFormat format) {
    FurnitureOptions furniture;
    furniture.title = args.value_or("--title", "");
    const bool gis = format == ImageFormat::geotiff;
    furniture.legend = !gis && !args.has("--no-legend");
    furniture.scale_bar = !gis && !args.has("--no-scale-bar");
    furniture.north_arrow = args.has("--north-arrow");
    return furniture;
}

}  // namespace

int cmd_render(const Words& words) {
    if (print_help_if_asked(words, usage)) return 0;
    Args args("render", words);
    // Not in the usage text: --samples N (multisampling, 1 = off), --tile N
    // (largest tile side: forces tiling, for tests and memory measurements)
    // and --timing (milliseconds on stderr), for benchmarks and tests.
    args.option("-o").option("--size").option("--scale").option("--bbox").option("--title").option("--projection");
    args.option("--time").option("--samples").option("--tile").option("--layer");
    args.flag("--fit").flag("--no-legend").flag("--no-scale-bar").flag("--north-arrow");
    args.flag("--timing").flag("--world-file").positionals(0, 1);
    args.parse();

    const auto output = args.value("-o");
    if (!output) throw Error(args.message("-o OUT.png is required (see 'muster render --help')"));
    const double scale = parse_scale(args);
    const PixelSize base_size = parse_size(args);
    HeadlessRenderRequest request;
    request.size = scaled_size(args, base_size, scale);
    request.scale = overlay_size_scale(base_size) * static_cast<float>(scale);
    request.bbox = parse_bbox(args);
    request.projection = projection_option(args);
    if (request.bbox && args.has("--fit"))
        throw Error(args.message("--bbox and --fit each choose the view; give one of them"));
    if (args.has("--fit") && args.positional().empty())
        throw Error(args.message("--fit frames INPUT's places; give an article or scenario to fit"));
    request.samples = args.int_value("--samples", request.samples, 1, 16);
    request.max_tile = args.int_value("--tile", 0, 16, OffscreenSurface::max_side);
    const std::optional<std::string> time = time_option(args);
    const std::filesystem::path target(*output);
    const ImageFormat format = output_format(args, target);
    request.furniture = furniture_options(args, format);
    const bool world_file = args.has("--world-file");
    if (world_file && format == ImageFormat::geotiff)
        throw Error(args.message("--world-file goes with a PNG or JPEG; a GeoTIFF carries its georeference inside"));
    // Fail before seconds of rendering, not after.
    check_writable(target);
    if (world_file) check_writable(world_file_path(target));
    std::optional<scenario::Scenario> scenario = open_input(args);
    if (scenario && time) scenario->time.current = *time;  // the renderer draws the scenario's current time
    request.scenario = scenario ? &*scenario : nullptr;
    // The scenario's own camera, layers and style; --bbox, --fit and --projection win.
    if (scenario) apply_scenario_look(*scenario, request, args.has("--fit"), args.has("--projection"));
    for (const std::string& path : args.values("--layer")) request.layers.add_user_layer(read_layer_file(path));

    const auto start = std::chrono::steady_clock::now();
    ImageFileOptions file_options;
    const Camera framed = request_camera(request);
    file_options.georeference = map_geotransform(framed);
    file_options.crs = framed.projection_ptr();
    Camera camera;
    MapImageInfo info;
    write_image_file(target, format, file_options,
                     [&](RowSink& sink) { info = render_map_headless_to(request, sink, &camera); });
    if (world_file) write_side_cars(camera, target);
    const double total_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    if (args.has("--timing"))
        std::fprintf(stderr,
                     "muster render: total %.1f ms: draw %.1f ms, read-back %.1f ms, %s %.1f ms (%dx%d, %d tile%s of "
                     "%dx%d, %d band%s, %dx multisampling)\n",
                     total_ms, info.draw_ms, info.read_ms, to_string(format), info.encode_ms, request.size.width,
                     request.size.height, info.tiles, info.tiles == 1 ? "" : "s", info.tile.width, info.tile.height,
                     info.bands, info.bands == 1 ? "" : "s", info.samples);
    std::printf("%s\n", target.string().c_str());
    return 0;
}

}  // namespace muster::cli
