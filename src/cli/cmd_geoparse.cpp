// muster geoparse: place mentions of texts, for corpus evaluation.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "extract/geoparse.hpp"
#include "extract/text.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace muster::cli {

namespace {

constexpr const char* kUsage =
    "usage: muster geoparse --jsonl < IN.jsonl > OUT.jsonl\n"
    "       muster geoparse FILE|-\n"
    "With --jsonl, reads one {\"text\": ...} object per line and writes one\n"
    "{\"toponyms\": [{\"start\", \"end\", \"lat\", \"lon\", \"name\", \"country\"}]} line per\n"
    "input line (offsets in Unicode code points). Otherwise reads a UTF-8 text\n"
    "and writes its toponyms as one JSON object.\n";

nlohmann::json toponyms_json(const std::string& text, const extract::GeoparseResources& resources) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& mention : extract::geoparse(text, resources)) {
        list.push_back({{"start", mention.start},
                        {"end", mention.end},
                        {"lat", mention.place.point.lat},
                        {"lon", mention.place.point.lon},
                        {"name", mention.place.name},
                        {"country", mention.place.country}});
    }
    return nlohmann::json{{"toponyms", std::move(list)}};
}

// One output line per input line, whatever happens, so that outputs stay
// aligned with their corpus; a bad line is reported on stderr.
int geoparse_jsonl(const extract::GeoparseResources& resources) {
    std::string line;
    std::size_t line_number = 0;
    int bad_lines = 0;
    while (std::getline(std::cin, line)) {
        ++line_number;
        nlohmann::json out{{"toponyms", nlohmann::json::array()}};
        try {
            const auto in = nlohmann::json::parse(line);
            const auto text = in.at("text").get<std::string>();
            out = toponyms_json(extract::repair_utf8(text), resources);
        } catch (const nlohmann::json::exception& e) {
            std::fprintf(stderr, "muster geoparse: <stdin>:%zu: %s\n", line_number, e.what());
            ++bad_lines;
        }
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return bad_lines == 0 ? 0 : 1;
}

std::string read_all(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

int cmd_geoparse(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("geoparse", words);
    args.flag("--jsonl").positionals(0, 1);
    args.parse();
    if (args.has("--jsonl") == !args.positional().empty())
        throw Error(args.message("give either --jsonl or one FILE (see 'muster geoparse --help')"));

    const Gazetteer gazetteer = Gazetteer::load();
    const extract::Lexicon lexicon = extract::Lexicon::load_default();
    const extract::GeoparseResources resources{gazetteer, lexicon};
    if (args.has("--jsonl")) return geoparse_jsonl(resources);

    const std::string text = extract::repair_utf8(read_all(args.positional()[0]));
    std::cout << toponyms_json(text, resources).dump(2) << '\n';
    return 0;
}

}  // namespace muster::cli
