#include "cli/commands.hpp"

#include "core/error.hpp"

#include <cstdio>
#include <functional>
#include <map>

namespace muster::cli {

namespace {

struct Command {
    std::function<int(const Words&)> run;
    const char* summary;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"view", {cmd_view, "open the map window (an article, a scenario, or the bundled sample)"}},
        {"render", {cmd_render, "draw the map headless and write a PNG, JPEG or GeoTIFF"}},
        {"geocode", {cmd_geocode, "look a place name up in the offline gazetteer"}},
        {"geoparse", {cmd_geoparse, "find and resolve the place names of texts (JSON Lines for corpora)"}},
        {"extract", {cmd_extract, "places, figures and borders of an article as GeoJSON, GeoPackage, KML or a scenario"}},
        {"script", {cmd_script, "run a Lua script (sandboxed) that builds, edits and renders scenarios"}},
        {"bench", {cmd_bench, "measure speed and memory (gazetteer, ...)"}},
        {"derive", {cmd_derive, "derive the gazetteer index and meshes from geodata (build step)"}},
    };
    return table;
}

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: muster COMMAND [OPTIONS]\n\ncommands:\n");
    for (const auto& [name, command] : commands())
        std::fprintf(out, "  %-9s %s\n", name.c_str(), command.summary);
    std::fprintf(out, "\n'muster COMMAND --help' describes a command's options.\n");
}

}  // namespace

int run_cli(const Words& words) {
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        print_usage(words.empty() ? stderr : stdout);
        return words.empty() ? 2 : 0;
    }
    if (words[0] == "--version") {
        std::printf("muster %s\n", MUSTER_VERSION);
        return 0;
    }
    auto it = commands().find(words[0]);
    if (it == commands().end()) {
        std::fprintf(stderr, "muster: unknown command '%s' (see 'muster --help')\n", words[0].c_str());
        return 2;
    }
    try {
        return it->second.run(Words(words.begin() + 1, words.end()));
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "muster %s: internal error: %s\n", words[0].c_str(), e.what());
        return 3;
    }
}

}  // namespace muster::cli
