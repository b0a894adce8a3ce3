// muster extract: an article in, its places, figures and borders out, as
// GeoJSON (the output contract of docs/design-brief.md) or as a scenario file.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "export/geojson.hpp"
#include "extract/extract.hpp"
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
    "  -o OUT          write to OUT, atomically, instead of standard output; an\n"
    "                  OUT ending in .geojson implies --format geojson\n";

enum class Format { geojson, scenario };

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
    if (ext == ".gpkg" || ext == ".kml")
        throw Error(args.message(*out + ": " + (ext == ".gpkg" ? "GeoPackage" : "KML") +
                                 " output is not supported yet (write .geojson, or --format scenario)"));
    if (ext == ".geojson" && named && *named == "scenario")
        throw Error(args.message("--format scenario does not suit " + *out + " (a GeoJSON name; use .json)"));
    return named && *named == "scenario" ? Format::scenario : Format::geojson;
}

// The input's bytes, refusing more than the extractor takes before reading them all.
std::string read_input(const std::string& path) {
    const std::string name = extract::display_name(path);
    const std::size_t limit = extract::kMaxTextBytes;
    auto too_large = [&](std::uintmax_t size) {
        return Error(name + ": too large (" + std::to_string(size) + " bytes; muster extracts texts up to 50 MB)");
    };
    std::FILE* in = stdin;
    if (path != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw Error(name + ": cannot read (" + std::strerror(EISDIR) + ")");
        in = std::fopen(path.c_str(), "rb");
        if (!in) throw Error(name + ": cannot read (" + std::strerror(errno) + ")");
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (!ec && size > limit) {
            std::fclose(in);
            throw too_large(size);
        }
    }
    std::string bytes;
    char buffer[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
        bytes.append(buffer, got);
        if (bytes.size() > limit) break;
    }
    const bool failed = std::ferror(in) != 0;
    const int error = errno;
    if (in != stdin) std::fclose(in);
    if (failed) throw Error(name + ": cannot read (" + std::strerror(error) + ")");
    if (bytes.size() > limit) throw too_large(bytes.size());
    return bytes;
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
    const std::string bytes = read_input(input);

    const Gazetteer gazetteer = Gazetteer::load();
    const extract::Lexicon lexicon = extract::Lexicon::load_default();
    extract::BorderCache borders(default_geopackage());
    std::vector<std::string> warnings;
    extract::ExtractSource source;
    source.path = input;
    const scenario::Scenario scenario =
        extract::extract_scenario(bytes, source, {gazetteer, lexicon, borders}, &warnings);
    for (const std::string& warning : warnings) std::fprintf(stderr, "muster extract: warning: %s\n", warning.c_str());

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
