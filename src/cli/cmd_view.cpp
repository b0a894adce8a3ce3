// muster view: the interactive map window.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "render/view_spec.hpp"
#include "ui/viewer.hpp"

#include <filesystem>
#include <string>

namespace muster::cli {
namespace {

constexpr const char* usage =
    "usage: muster view [FILE] [--bbox MINLON,MINLAT,MAXLON,MAXLAT]\n"
    "Opens the map window. Drag to pan, scroll to zoom about the pointer,\n"
    "+/- and arrow keys, Home for the whole world, Ctrl+Q to quit.\n"
    "\n"
    "  FILE             article or scenario to show (not used yet: base map only)\n"
    "  --bbox W,S,E,N   area to show first, degrees (default: the whole world)\n";

constexpr const char* no_display_message =
    "muster view: no display (DISPLAY/WAYLAND_DISPLAY unset); use 'muster render -o map.png' for a headless image";

// Frames drawn before a --screenshot is taken when --frames is not given.
constexpr int screenshot_default_frames = 5;

void check_file(const Args& args) {
    if (args.positional().empty()) return;
    const std::filesystem::path file = args.positional()[0];
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw Error(file.string() + ": cannot read (" +
                    (std::filesystem::exists(file, ec) ? "not a file" : "no such file") + ")");
}

}  // namespace

int cmd_view(const Words& words) {
    if (print_help_if_asked(words, usage)) return 0;
    Args args("view", words);
    // Hidden, for tests and screenshots under xvfb-run: --frames N (quit after
    // N frames), --screenshot FILE.png (save the last frame), --window WxH
    // (window size in points), --no-vsync, --timing (frame times on stderr),
    // --about (open the About box).
    args.option("--bbox").option("--frames").option("--screenshot").option("--window");
    args.flag("--no-vsync").flag("--timing").flag("--about").positionals(0, 1);
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
    options.frames = args.int_value("--frames", 0, 1, 1000000);
    if (const auto shot = args.value("--screenshot")) {
        options.screenshot = std::filesystem::path(*shot);
        if (!args.value("--frames")) options.frames = screenshot_default_frames;
    }
    options.vsync = !args.has("--no-vsync");
    options.timing = args.has("--timing");
    options.show_about = args.has("--about");
    check_file(args);

    if (!ui::display_available()) throw Error(no_display_message);
    return ui::run_viewer(options);
}

}  // namespace muster::cli
