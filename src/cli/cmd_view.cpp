// muster view: the interactive map window.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"
#include "cli/projection_option.hpp"

#include "core/error.hpp"
#include "extract/open_document.hpp"
#include "geodata/layer_file.hpp"
#include "render/view_spec.hpp"
#include "ui/viewer.hpp"

#include <filesystem>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace muster::cli {
namespace {

constexpr const char* usage =
    "usage: muster view [FILE] [--bbox MINLON,MINLAT,MAXLON,MAXLAT] [--projection CRS]\n"
    "                   [--layer FILE]...\n"
    "Opens the map window. Drag to pan; scroll, pinch or double-click (Shift: out)\n"
    "to zoom about the pointer; +/- and arrow keys; Home frames the scenario (or\n"
    "the whole world); Ctrl+F to search for a place,\n"
    "M to measure (click A, then B), F12 for a screenshot (saved in ~/Pictures, or\n"
    "here without one), File -> Export image/data, Ctrl+Q to quit. View -> Layers shows and\n"
    "fades each layer; drop a vector or raster file on the window to add it as a layer.\n"
    "Ctrl+O opens an article, scenario, vector or raster file (or drop one on the\n"
    "window), Ctrl+Shift+V pastes an article, Ctrl+S / Ctrl+Shift+S save the scenario,\n"
    "Ctrl+Z / Ctrl+Shift+Z undo and redo edits made in View -> Inspector.\n"
    "Settings and window layout: $XDG_CONFIG_HOME/muster (else ~/.config/muster);\n"
    "unsaved edits are kept in its autosave/ folder every 30 s and offered back\n"
    "after a crash.\n"
    "\n"
    "  FILE             article (.txt/.html: extracted) or scenario file to show;\n"
    "                   the first view frames what it holds\n"
    "  --bbox W,S,E,N   area to show first, degrees (default: the whole world)\n"
    "  --projection CRS the map's projection: EPSG:3857 Web Mercator (default),\n"
    "                   EPSG:3035 LAEA Europe, EPSG:4326 plate carree, or any\n"
    "                   other CRS PROJ knows; View > Projection switches\n"
    "  --layer FILE     your own vector file as a layer (GeoJSON, GeoPackage, Shapefile,\n"
    "                   KML, FlatGeobuf, CSV with lon/lat columns), or a georeferenced\n"
    "                   image (GeoTIFF, PNG or JPEG with a world file); repeatable\n";

constexpr const char* no_display_message =
    "muster view: no display (DISPLAY/WAYLAND_DISPLAY unset); use 'muster render -o map.png' for a headless image";

// Frames drawn before a --screenshot is taken when --frames is not given.
constexpr int screenshot_default_frames = 5;

}  // namespace

int cmd_view(const Words& words) {
    if (print_help_if_asked(words, usage)) return 0;
    Args args("view", words);
    // Hidden, for tests and screenshots under xvfb-run: --frames N (quit after
    // N frames), --screenshot FILE.png (save the last frame), --window WxH
    // (window size in points), --no-vsync, --timing (frame times on stderr),
    // --about (open the About box), --search NAME (run that search in the
    // search box), --measure LAT,LON,LAT,LON (measure tool on, A and B set),
    // --layers-panel (open View -> Layers), --select KIND:ID (select a
    // place, figure or border: the Inspector shows it), --dialog
    // open|save-as|paste (open that dialog), --script FILE.lua
    // [--script-out DIR] (Script -> Run script at start), --export-dialog
    // (File -> Export image open), --export-map FILE (the map alone
    // exported at 2x after the first frame), --restore-autosave
    // restore|discard (answer "Restore unsaved changes?" at start).
    args.option("--bbox").option("--frames").option("--screenshot").option("--window").option("--projection");
    args.option("--search").option("--measure").option("--layer").option("--select").option("--dialog");
    args.option("--script").option("--script-out").option("--export-map").option("--restore-autosave");
    args.flag("--export-dialog");
    args.flag("--no-vsync").flag("--timing").flag("--about").flag("--layers-panel").positionals(0, 1);
    args.parse();

    ui::ViewerOptions options;
    if (const auto text = args.value("--bbox")) {
        options.bbox = parse_extent(*text);
        if (!options.bbox)
            throw Error(args.message("option '--bbox' expects MINLON,MINLAT,MAXLON,MAXLAT in degrees with min < max, "
                                     "latitudes within -90..90, got '" + *text + "'"));
    }
    if (const auto text = args.value("--window")) {
        const auto size = parse_pixel_size(*text, 16384);
        if (!size) throw Error(args.message("option '--window' expects WIDTHxHEIGHT, got '" + *text + "'"));
        options.window = *size;
    }
    options.projection = projection_option(args);
    options.frames = args.int_value("--frames", 0, 1, 1000000);
    if (const auto shot = args.value("--screenshot")) {
        options.screenshot = std::filesystem::path(*shot);
        if (!args.value("--frames")) options.frames = screenshot_default_frames;
    }
    options.vsync = !args.has("--no-vsync");
    options.timing = args.has("--timing");
    options.show_about = args.has("--about");
    options.show_export_dialog = args.has("--export-dialog");
    if (const auto file = args.value("--export-map")) options.export_map = std::filesystem::path(*file);
    if (const auto text = args.value("--search")) options.search = *text;
    if (const auto text = args.value("--select")) {
        if (!text->starts_with("place:") && !text->starts_with("figure:") && !text->starts_with("border:"))
            throw Error(args.message("option '--select' expects place:ID, figure:ID or border:ID, got '" + *text + "'"));
        options.select = *text;
    }
    if (const auto text = args.value("--dialog")) {
        if (*text != "open" && *text != "save-as" && *text != "paste")
            throw Error(args.message("option '--dialog' expects open, save-as or paste, got '" + *text + "'"));
        options.dialog = *text;
    }
    if (const auto text = args.value("--restore-autosave")) {
        if (*text != "restore" && *text != "discard")
            throw Error(args.message("option '--restore-autosave' expects restore or discard, got '" + *text + "'"));
        options.restore_autosave = *text;
    }
    options.script = args.value_or("--script", "");
    options.script_output = args.value_or("--script-out", "");
    if (const auto text = args.value("--measure")) {
        LatLon a, b;
        if (std::sscanf(text->c_str(), "%lf,%lf,%lf,%lf", &a.lat, &a.lon, &b.lat, &b.lon) != 4)
            throw Error(args.message("option '--measure' expects LAT,LON,LAT,LON, got '" + *text + "'"));
        options.measure = std::pair(a, b);
    }
    options.show_layers = args.has("--layers-panel");
    if (!ui::display_available()) throw Error(no_display_message);
    for (const std::string& path : args.values("--layer")) options.layers.add_user_layer(read_layer_file(path));
    if (!args.positional().empty()) {
        std::vector<std::string> warnings;
        options.scenario = extract::open_document(args.positional()[0], &warnings);
        if (const std::string& file = args.positional()[0]; file != "-") {  // standard input has no file to save to
            options.opened_file = file;
            options.opened_is_scenario = extract::looks_like_scenario(extract::read_document_bytes(file));
        }
        for (const std::string& warning : warnings) std::fprintf(stderr, "muster view: warning: %s\n", warning.c_str());
    }
    return ui::run_viewer(options);
}

}  // namespace muster::cli
