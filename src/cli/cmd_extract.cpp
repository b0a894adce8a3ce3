// muster extract: an article in, its places, figures and borders out, as
// GeoJSON (the output contract of docs/design-brief.md) or as a scenario file.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "export/geojson.hpp"
#include "export/vector_export.hpp"
#include "extract/extract.hpp"
#include "extract/open_document.hpp"
#include "scenario/scenario_json.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

namespace muster::cli {
namespace {

constexpr const char* kUsage =
    "usage: muster extract FILE|- [--format geojson|scenario] [-o OUT]\n"
    "Finds the places, figures (troops, units, equipment, distances, casualties)\n"
    "and borders of an article, geocoded offline, and writes them with the\n"
    "code-point offsets of the words they came from.\n"
    "\n"
    "  FILE|-          UTF-8 text (invalid bytes are repaired, with a warning), or\n"
    "                  HTML when the name ends in .html or .htm; '-' reads stdin\n"
    "  --format F      geojson (default): a GeoJSON FeatureCollection of place,\n"
    "                  figure and border features; scenario: a muster scenario\n"
    "                  file (docs/scenario.md)\n"
    "  -o OUT          write to OUT, atomically, instead of standard output; the\n"
    "                  extension may choose the format: .geojson (GeoJSON), .gpkg\n"
    "                  (GeoPackage: layers places, figures, borders) or .kml (KML:\n"
    "                  folders of the same names; offsets are text_start/text_end\n"
    "                  there, as KML keeps begin/end for time spans); every format\n"
    "                  keeps every property and the source sentence\n";

enum class Format { geojson, scenario, geopackage, kml };

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// --format, or what OUT's extension implies; conflicts are errors rather than
// a file whose content does not match its name.
Format choose_format(const Args& args) {
    const std::optional<std::string> named = args.value("--format");
    if (named && *named != "geojson" && *named != "scenario")
        throw Error(args.message("option '--format' expects geojson or scenario, got '" + *named + "'"));
    const std::optional<std::string> out = args.value("-o");
    const std::string ext = out ? lower_extension(*out) : std::string();
    const std::optional<VectorFormat> vector = out ? vector_format_for(*out) : std::nullopt;
    if (vector && named && *named == "scenario")
        throw Error(args.message("--format scenario does not suit " + *out + " (a " + to_string(*vector) +
                                 " name; use .json)"));
    if (vector == VectorFormat::geopackage) return Format::geopackage;
    if (vector == VectorFormat::kml) return Format::kml;
    return named && *named == "scenario" ? Format::scenario : Format::geojson;
}

}  // namespace

int cmd_extract(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("extract", words);
    args.option("--format").option("-o").positionals(1, 1);
    args.parse();
    const Format format = choose_format(args);
    const std::optional<std::string> out = args.value("-o");
    if (out) check_writable(*out);  // before the work, not after it

    const std::string input = args.positional()[0];
    std::vector<std::string> warnings;
    const scenario::Scenario scenario = extract::open_document(input, &warnings);
    for (const std::string& warning : warnings) std::fprintf(stderr, "muster extract: warning: %s\n", warning.c_str());

    if (format == Format::geopackage || format == Format::kml) {
        write_vector_file(scenario, *out, format == Format::kml ? VectorFormat::kml : VectorFormat::geopackage);
        return 0;
    }
    const std::string text =
        format == Format::scenario ? scenario::scenario_text(scenario) : scenario::dump_json(to_geojson(scenario));
    if (out) {
        write_bytes_atomically(*out, text);
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
        if (std::fflush(stdout) != 0) throw Error("<stdout>: cannot write (" + std::string(std::strerror(errno)) + ")");
    }
    return 0;
}

}  // namespace muster::cli
