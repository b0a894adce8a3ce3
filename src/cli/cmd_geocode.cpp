// muster geocode NAME... [--limit N] [--json]: look a name up in the gazetteer.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "geodata/gazetteer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace muster::cli {

namespace {

const char* const kUsage =
    "usage: muster geocode NAME... [--limit N] [--json]\n"
    "Looks a place name up in the offline gazetteer and prints the candidates,\n"
    "best first. Several words are joined with spaces: 'muster geocode New York'\n"
    "is 'muster geocode \"New York\"'. Case, accents and punctuation do not matter.\n"
    "\n"
    "  --limit N   at most N candidates (1 to 1000, default 10)\n"
    "  --json      print a JSON array of objects {id, name, kind, feature,\n"
    "              feature_code, country, admin1, lat, lon, population}, with\n"
    "              admin2 (the admin2 code) and members (the countries or\n"
    "              admin1 codes a region covers) where there are any\n"
    "\n"
    "id is the GeoNames id of a place (\"703448\"), the code of an admin1 region\n"
    "(\"RU.61\") or admin2 area (\"US.LA.079\"), the ISO alpha-2 code of a country\n"
    "(\"GB\"), or the lower-case name of a region, sea or site (\"baltic-states\").\n"
    "kind is city, admin1, admin2, region or country; feature is what the\n"
    "entry is on a map: country, admin1, city, region, water or site. The\n"
    "population of divisions and countries is the sum over their GeoNames\n"
    "places (regions, seas and sites have none). Names ending in a period are\n"
    "tried as abbreviations first ('Calif.', 'W.Va.'). Exit status: 0 found,\n"
    "1 no match or error, 2 usage error.\n";

std::string join_words(const std::vector<std::string>& words) {
    std::string joined;
    for (const auto& word : words) {
        if (!joined.empty()) joined += ' ';
        joined += word;
    }
    return joined;
}

// Terminal columns a UTF-8 string takes, counting one per code point (close
// enough for aligning place names; wide CJK glyphs will overhang).
std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, std::size_t width) {
    const std::size_t used = display_width(text);
    return used >= width ? text : text + std::string(width - used, ' ');
}

void print_json(const std::vector<Candidate>& candidates) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& c : candidates) {
        nlohmann::json object = {{"id", c.id()},
                                 {"name", c.name},
                                 {"kind", to_string(c.kind)},
                                 {"feature", c.feature()},
                                 {"feature_code", c.feature_code},
                                 {"country", c.country},
                                 {"admin1", c.admin1},
                                 {"lat", c.point.lat},
                                 {"lon", c.point.lon},
                                 {"population", c.population}};
        // Only where present, so the common case stays as short as before.
        if (!c.admin2.empty()) object["admin2"] = c.admin2;
        if (!c.members.empty()) object["members"] = c.members;
        array.push_back(std::move(object));
    }
    // Invalid UTF-8 cannot come out of the index, but never abort on it.
    std::printf("%s\n", array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void print_table(const std::vector<Candidate>& candidates) {
    std::size_t id_width = 2, name_width = 4;
    for (const auto& c : candidates) {
        id_width = std::max(id_width, display_width(c.id()));
        name_width = std::max(name_width, display_width(c.name));
    }
    std::printf("%4s  %s  %s  %-7s  %-7s  %-7s  %9s  %10s  %11s\n", "rank", padded("id", id_width).c_str(),
                padded("name", name_width).c_str(), "kind", "feature", "country", "lat", "lon", "population");
    int rank = 0;
    for (const auto& c : candidates) {
        std::printf("%4d  %s  %s  %-7s  %-7s  %-7s  %9.5f  %10.5f  %11lld\n", ++rank,
                    padded(c.id(), id_width).c_str(), padded(c.name, name_width).c_str(), to_string(c.kind),
                    c.feature_code.c_str(), c.country.c_str(), c.point.lat, c.point.lon,
                    static_cast<long long>(c.population));
    }
}

}  // namespace

int cmd_geocode(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("geocode", words);
    args.flag("--json").option("--limit").positionals(0, 64);
    args.parse();
    const std::string name = join_words(args.positional());
    if (name.empty()) {
        std::fprintf(stderr, "%s\n", args.message("missing place name (see 'muster geocode --help')").c_str());
        return 2;
    }
    const int limit = args.int_value("--limit", 10, 1, 1000);

    const Gazetteer gazetteer = Gazetteer::load();
    const std::vector<Candidate> candidates = gazetteer.lookup(name, static_cast<std::size_t>(limit));
    if (candidates.empty()) {
        std::fprintf(stderr, "muster geocode: no match for '%s'\n", name.c_str());
        return 1;
    }
    if (args.has("--json")) print_json(candidates);
    else print_table(candidates);
    return 0;
}

}  // namespace muster::cli
