// muster bench extract: geoparsing speed over a corpus, the way
// `muster geoparse --jsonl` runs it (load included), beside the targets of
// the extraction issue: a whole LGL-sized corpus in <= 1 s wall, and
// >= 10 MB/s per core once the gazetteer is loaded.
#include "cli/args.hpp"
#include "cli/bench_util.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

#include "core/error.hpp"
#include "extract/geoparse.hpp"
#include "extract/text.hpp"

#include <cpl_minixml.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace muster::cli {

namespace {

using namespace bench;  // NOLINT: the shared bench helpers

constexpr double kWallTargetSeconds = 1.0;
constexpr double kThroughputTargetMbPerSecond = 10.0;

constexpr const char* kUsage =
    "usage: muster bench extract [CORPUS] [--json]\n"
    "Geoparses every article of CORPUS (JSON Lines of {\"text\": ...}, as made by\n"
    "../shared/bench/corpus2jsonl.py, or a corpus XML file with <article><text>)\n"
    "on one core, as 'muster geoparse --jsonl' does, and reports: wall time with\n"
    "gazetteer and lexicon loading, throughput after loading, articles per second.\n"
    "CORPUS defaults to ../shared/corpora/lgl.xml beside the source tree.\n"
    "Targets: <= 1.0 s wall for the corpus, >= 10 MB/s after loading.\n";

std::vector<std::string> texts_from_jsonl(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(path.string() + ": cannot read");
    std::vector<std::string> texts;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        try {
            texts.push_back(extract::repair_utf8(nlohmann::json::parse(line).at("text").get<std::string>()));
        } catch (const nlohmann::json::exception& e) {
            throw Error(path.string() + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    return texts;
}

void collect_article_texts(const CPLXMLNode* node, std::vector<std::string>& texts) {
    for (; node; node = node->psNext) {
        if (node->eType != CXT_Element) continue;
        if (std::string_view(node->pszValue) == "article") {
            if (const char* text = CPLGetXMLValue(node, "text", nullptr)) texts.push_back(extract::repair_utf8(text));
            continue;
        }
        collect_article_texts(node->psChild, texts);
    }
}

std::vector<std::string> texts_from_xml(const std::filesystem::path& path) {
    CPLXMLNode* root = CPLParseXMLFile(path.c_str());
    if (!root) throw Error(path.string() + ": cannot read as corpus XML");
    std::vector<std::string> texts;
    collect_article_texts(root, texts);
    CPLDestroyXMLNode(root);
    if (texts.empty()) throw Error(path.string() + ": no <article><text> in it");
    return texts;
}

std::filesystem::path default_corpus() {
    return std::filesystem::path(MUSTER_SOURCE_DIR) / ".." / "shared" / "corpora" / "lgl.xml";
}

}  // namespace

int bench_extract(const Words& words) {
    if (print_help_if_asked(words, kUsage)) return 0;
    Args args("bench extract", words);
    args.flag("--json").positionals(0, 1);
    args.parse();
    const std::filesystem::path corpus =
        args.positional().empty() ? default_corpus() : std::filesystem::path(args.positional()[0]);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(corpus, ec))
        throw Error(corpus.string() + ": corpus not found (give a JSON Lines or corpus XML file)");
    const std::vector<std::string> texts =
        corpus.extension() == ".xml" ? texts_from_xml(corpus) : texts_from_jsonl(corpus);
    std::size_t bytes = 0;
    for (const auto& text : texts) bytes += text.size();

    const auto start = Clock::now();
    const Gazetteer gazetteer = Gazetteer::load();
    const extract::Lexicon lexicon = extract::Lexicon::load_default();
    const double load_seconds = seconds_since(start);
    const auto parse_start = Clock::now();
    std::size_t toponyms = 0;
    for (const auto& text : texts) toponyms += extract::geoparse(text, {gazetteer, lexicon}).size();
    const double parse_seconds = seconds_since(parse_start);
    const double wall = seconds_since(start);
    const double mb_per_second = static_cast<double>(bytes) / 1e6 / parse_seconds;
    const double articles_per_second = static_cast<double>(texts.size()) / wall;
    const bool wall_ok = wall <= kWallTargetSeconds;
    const bool speed_ok = mb_per_second >= kThroughputTargetMbPerSecond;

    if (args.has("--json")) {
        const nlohmann::json report = {{"benchmark", "extract"},
                                       {"corpus", corpus.string()},
                                       {"articles", texts.size()},
                                       {"bytes", bytes},
                                       {"toponyms", toponyms},
                                       {"load_seconds", load_seconds},
                                       {"geoparse_seconds", parse_seconds},
                                       {"wall_seconds", wall},
                                       {"mb_per_second", mb_per_second},
                                       {"articles_per_second", articles_per_second},
                                       {"rss_mb", resident_mb()},
                                       {"passed", wall_ok && speed_ok}};
        std::printf("%s\n", report.dump(2).c_str());
        return wall_ok && speed_ok ? 0 : 1;
    }
    std::printf("muster bench extract\n  corpus   %s: %zu articles, %.2f MB, %zu toponyms found\n",
                corpus.string().c_str(), texts.size(), static_cast<double>(bytes) / 1e6, toponyms);
    char value[64];
    std::vector<Measure> measures;
    std::snprintf(value, sizeof value, "%.3f s", wall);
    measures.push_back({"wall, load included", value, "<= 1.0 s", wall_ok});
    std::snprintf(value, sizeof value, "%.1f MB/s", mb_per_second);
    measures.push_back({"after load, 1 core", value, ">= 10 MB/s", speed_ok});
    std::snprintf(value, sizeof value, "%.0f", articles_per_second);
    measures.push_back({"articles per second", value, "(CLAVIN ~40)", true});
    std::snprintf(value, sizeof value, "%.1f ms", load_seconds * 1000.0);
    measures.push_back({"load", value, "-", true});
    std::snprintf(value, sizeof value, "%.0f MB", resident_mb());
    measures.push_back({"resident memory", value, "-", true});
    print_measures(measures);
    std::printf("\n  %s\n", wall_ok && speed_ok ? "PASS: all targets met" : "FAIL: see the measures above");
    return wall_ok && speed_ok ? 0 : 1;
}

}  // namespace muster::cli
