// muster bench NAME [--json]: speed and memory measurements against targets.
//
// Each benchmark is one function in kBenchmarks; add extract, render, export,
// scenario, ... there. A benchmark prints its measures beside their targets
// with PASS/FAIL each and returns 0 when every target is met, else 1.
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/bench_util.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "geodata/gazetteer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace muster::cli {

namespace {

using namespace bench;  // NOLINT: the shared bench helpers


// ------------------------------------------------------------------ gazetteer

constexpr double kLoadTargetMs = 300.0;
constexpr double kMemoryTargetMb = 300.0;
constexpr double kLookupTargetPerSecond = 1'000'000.0;
constexpr double kMinimumRunSeconds = 1.0;

// Words an article feeds the geoparser that are not places (or are, but
// should not cost more): the misses of a realistic lookup stream.
constexpr std::array<const char*, 40> kNewsWords{
    "Tuesday",   "troops",      "Ministry",  "said",       "Defence",     "the",          "President",
    "brigade",   "artillery",   "Council",   "Court",      "One",         "Minister",     "Reuters",
    "Pentagon",  "according to", "officials", "satellite", "images",      "battalion",    "Xyzzyplace",
    "Colonel",   "NATO",        "units",     "David Jones", "the border", "thousands of", "tanks",
    "Thursday",  "spokesman",   "Kremlin",   "offensive",  "army",        "war",          "Qwertzland",
    "reported",  "convoy",      "drones",    "ceasefire",  "frontline"};

struct NameMix {
    std::vector<std::string> names;
    std::size_t known = 0;
};

// A fixed pseudo-random mix: places drawn uniformly from the index (their
// canonical names, in every script), every country and admin1 name, and news
// words, so that about a quarter of lookups miss.
NameMix gazetteer_names(const Gazetteer& gazetteer) {
    NameMix mix;
    std::mt19937 random(20240101u);
    std::uniform_int_distribution<std::size_t> any_entry(0, gazetteer.size() - 1);
    for (int i = 0; i < 3000; ++i) mix.names.push_back(gazetteer.entry(any_entry(random)).name);
    for (std::size_t i = 0; i < gazetteer.size(); ++i) {
        const Place place = gazetteer.entry(i);
        if (place.kind == PlaceKind::city) break;  // countries and regions come first
        if (i % 4 == 0) mix.names.push_back(place.name);
    }
    for (int copy = 0; copy < 30; ++copy)
        for (const char* word : kNewsWords) mix.names.emplace_back(word);
    std::shuffle(mix.names.begin(), mix.names.end(), random);
    for (const auto& name : mix.names) mix.known += gazetteer.count(name) > 0 ? 1 : 0;
    return mix;
}

struct LookupRun {
    std::uint64_t lookups = 0;
    std::uint64_t candidates = 0;  // consumed so the work cannot be optimised away
    double seconds = 0.0;
};

LookupRun run_lookups(const Gazetteer& gazetteer, const std::vector<std::string>& names) {
    LookupRun run;
    const auto start = Clock::now();
    do {
        for (const auto& name : names) run.candidates += gazetteer.lookup(name).size();
        run.lookups += names.size();
        run.seconds = seconds_since(start);
    } while (run.seconds < kMinimumRunSeconds);
    return run;
}

int bench_gazetteer(const Words& words) {
    if (print_help_if_asked(words,
                            "usage: muster bench gazetteer [--json]\n"
                            "Loads the gazetteer as muster does (Gazetteer::load(): memory-maps the\n"
                            "derived index), then measures: load time (the first load in this process;\n"
                            "the file may already be in the page cache), resident memory (VmRSS) after\n"
                            "load and after the lookups, and lookup() calls per second (limit 10) over\n"
                            "a mix of indexed names and news words, repeated for at least 1 s.\n"
                            "Targets: load <= 300 ms, memory <= 300 MB, >= 1,000,000 lookups/s.\n"
                            "Exit status 0 when every target is met, 1 otherwise.\n"))
        return 0;
    Args args("bench gazetteer", words);
    args.flag("--json").positionals(0, 0);
    args.parse();

    const double memory_before_mb = resident_mb();
    const auto load_start = Clock::now();
    const Gazetteer gazetteer = Gazetteer::load();
    const double load_ms = seconds_since(load_start) * 1000.0;
    const double memory_after_load_mb = resident_mb();

    const NameMix mix = gazetteer_names(gazetteer);
    const LookupRun run = run_lookups(gazetteer, mix.names);
    const double memory_after_lookups_mb = resident_mb();
    const double per_second = static_cast<double>(run.lookups) / run.seconds;
    const double memory_mb = std::max(memory_after_load_mb, memory_after_lookups_mb);

    const bool load_ok = load_ms <= kLoadTargetMs;
    const bool memory_ok = memory_mb <= kMemoryTargetMb;
    const bool speed_ok = per_second >= kLookupTargetPerSecond;
    const bool all_ok = load_ok && memory_ok && speed_ok;

    if (args.has("--json")) {
        const nlohmann::json report = {
            {"benchmark", "gazetteer"},
            {"index", gazetteer.origin()},
            {"entries", gazetteer.size()},
            {"keys", gazetteer.key_count()},
            {"load_ms", load_ms},
            {"rss_mb_before_load", memory_before_mb},
            {"rss_mb_after_load", memory_after_load_mb},
            {"rss_mb_after_lookups", memory_after_lookups_mb},
            {"names", mix.names.size()},
            {"names_known", mix.known},
            {"lookups", run.lookups},
            {"candidates", run.candidates},
            {"seconds", run.seconds},
            {"lookups_per_second", per_second},
            {"targets", {{"load_ms", kLoadTargetMs}, {"rss_mb", kMemoryTargetMb},
                         {"lookups_per_second", kLookupTargetPerSecond}}},
            {"pass", {{"load", load_ok}, {"memory", memory_ok}, {"lookups", speed_ok}}},
            {"passed", all_ok}};
        std::printf("%s\n", report.dump(2).c_str());
        return all_ok ? 0 : 1;
    }

    char text[64];
    std::printf("muster bench gazetteer\n");
    std::printf("  index    %s (%s entries, %s keys)\n", gazetteer.origin().c_str(),
                grouped(static_cast<long long>(gazetteer.size())).c_str(),
                grouped(static_cast<long long>(gazetteer.key_count())).c_str());
    std::printf("  names    %s (%s in the index, %s not), %s lookups in %.2f s\n",
                grouped(static_cast<long long>(mix.names.size())).c_str(),
                grouped(static_cast<long long>(mix.known)).c_str(),
                grouped(static_cast<long long>(mix.names.size() - mix.known)).c_str(),
                grouped(static_cast<long long>(run.lookups)).c_str(), run.seconds);
    std::vector<Measure> measures;
    std::snprintf(text, sizeof text, "%.1f ms", load_ms);
    measures.push_back({"cold load", text, "<= 300 ms", load_ok});
    std::snprintf(text, sizeof text, "%.1f MB", memory_after_load_mb);
    measures.push_back({"memory after load", text, "<= 300 MB", memory_after_load_mb <= kMemoryTargetMb});
    std::snprintf(text, sizeof text, "%.1f MB", memory_after_lookups_mb);
    measures.push_back({"memory after lookups", text, "<= 300 MB", memory_after_lookups_mb <= kMemoryTargetMb});
    measures.push_back({"lookups per second", grouped(static_cast<long long>(per_second)), ">= 1,000,000", speed_ok});
    print_measures(measures);
    std::printf("\n  %s\n", all_ok ? "PASS: all targets met" : "FAIL: see the measures above");
    return all_ok ? 0 : 1;
}

// ------------------------------------------------------------------ registry

struct Benchmark {
    const char* name;
    const char* summary;
    int (*run)(const Words& words);
};

constexpr std::array<Benchmark, 6> kBenchmarks{{
    {"gazetteer", "gazetteer load time, memory and lookups per second", bench_gazetteer},
    {"extract", "geoparsing speed over a corpus (default: ../shared LGL), load included", bench_extract},
    {"render", "map frame times along a scripted camera path, 1920x1080 headless", bench_render},
    {"export", "render + PNG encode of 1:10m countries at 3840x2160 beside Mapnik", bench_export},
    {"timeline", "frame times while a generated 10,000-unit dated scenario plays, 1920x1080 headless", bench_timeline},
    {"scenario", "load, geocoding and first frame of a generated 10,000-unit scenario file, 1920x1080 headless",
     bench_scenario},
}};

std::string known_benchmarks() {
    std::string names;
    for (const auto& b : kBenchmarks) names += (names.empty() ? "" : ", ") + std::string(b.name);
    return names;
}

std::string usage() {
    std::string text = "usage: muster bench NAME [--json]\nMeasures speed and memory against targets.\n\nbenchmarks:\n";
    for (const auto& b : kBenchmarks) text += "  " + std::string(b.name) + "  " + b.summary + "\n";
    text += "\n'muster bench NAME --help' describes one.\n";
    return text;
}

}  // namespace

int cmd_bench(const Words& words) {
    if (words.empty()) throw Error("muster bench: which benchmark? (known: " + known_benchmarks() + ")");
    if (words[0] == "--help" || words[0] == "-h") {
        std::fputs(usage().c_str(), stdout);
        return 0;
    }
    for (const auto& b : kBenchmarks)
        if (words[0] == b.name) return b.run(Words(words.begin() + 1, words.end()));
    throw Error("muster bench: unknown benchmark '" + words[0] + "' (known: " + known_benchmarks() + ")");
}

}  // namespace muster::cli
