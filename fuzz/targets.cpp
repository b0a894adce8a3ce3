#include "fuzz/targets.hpp"

#include "cli/args.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "extract/document_date.hpp"
#include "extract/extract.hpp"
#include "extract/figure.hpp"
#include "extract/lexicon.hpp"
#include "extract/numeral.hpp"
#include "extract/open_document.hpp"
#include "extract/text.hpp"
#include "extract/tokenizer.hpp"
#include "geodata/gazetteer.hpp"
#include "geodata/normalize.hpp"
#include "render/projection.hpp"
#include "render/view_spec.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario/timeline.hpp"
#include "script/lua_state.hpp"
#include "script/script_api.hpp"
#include "script/script_services.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace muster::fuzz {
namespace fs = std::filesystem;

void check(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "muster fuzz: broken invariant: %s\n", what);
    std::abort();
}

namespace {

// ------------------------------------------------------------------ extract

// The data an extraction needs, loaded once for the whole run as muster's
// commands load it once per file.
struct ExtractWorld {
    Gazetteer gazetteer = Gazetteer::load();
    extract::Lexicon lexicon = extract::Lexicon::load_default();
    extract::BorderCache borders{default_geopackage()};
};
std::unique_ptr<ExtractWorld> extract_world;

void initialize_extract() { extract_world = std::make_unique<ExtractWorld>(); }

// What a saved scenario must do: open again, equal to what was saved.
void check_round_trip(const scenario::Scenario& scenario, const char* what) {
    scenario::Scenario reread;
    try {
        reread = scenario::parse_scenario(scenario::scenario_text(scenario), "round-trip");
    } catch (const Error& error) {
        std::fprintf(stderr, "%s\n", error.what());
        check(false, what);
    }
    check(reread == scenario, what);
}

// Article bytes as `muster extract` and the viewer take them (open_document):
// a scenario file when it looks like one, otherwise an article, read as
// HTML when the first byte is odd, so both readers get fuzzed.
void run_extract(std::string_view bytes) {
    std::vector<std::string> warnings;
    if (extract::looks_like_scenario(std::string(bytes))) {
        try {
            scenario::parse_scenario(bytes, "fuzz.json", &warnings);
        } catch (const Error&) {
        }
        return;
    }
    extract::ExtractSource source;
    source.path = !bytes.empty() && (bytes[0] & 1) ? "fuzz.html" : "fuzz.txt";
    const ExtractWorld& world = *extract_world;
    const scenario::Scenario scenario = extract::extract_scenario(
        bytes, source, {world.gazetteer, world.lexicon, extract_world->borders}, &warnings);
    check_round_trip(scenario, "an extracted scenario saves and reopens unchanged");
}

// ------------------------------------------------------------------ scenario

void run_scenario(std::string_view bytes) {
    std::vector<std::string> warnings;
    scenario::Scenario scenario;
    try {
        scenario = scenario::parse_scenario(bytes, "fuzz.muster.json", &warnings);
    } catch (const Error&) {
        return;
    }
    check_round_trip(scenario, "a scenario that opens saves and reopens unchanged");
}

// ------------------------------------------------------------------ script

// A folder of its own for the script file (the sandbox's script folder) and
// no output folder: a fuzzed script can read only itself and write nothing.
fs::path script_folder;

void initialize_script() {
    std::string pattern = (fs::temp_directory_path() / "muster-fuzz-script-XXXXXX").string();
    check(mkdtemp(pattern.data()) != nullptr, "a temporary folder for the script");
    script_folder = pattern;
}

void run_script(std::string_view bytes) {
    const fs::path file = script_folder / "fuzz.lua";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    try {
        // Small limits: a loop or a memory bomb is stopped quickly, and the
        // fuzzer's own timeout and RSS limit never fire first.
        script::ScriptServices services;
        script::LuaSandbox sandbox(script::SandboxFolders(script_folder, std::nullopt),
                                   script::ScriptLimits{.seconds = 0.25, .memory_bytes = 32u << 20}, nullptr);
        script::install_muster_api(sandbox, services, std::nullopt);
        sandbox.run_file(file, "fuzz.lua", {"a", "b"});
        script::final_scenario(sandbox);
    } catch (const Error&) {
    }
}

// ------------------------------------------------------------------ numerals and figures

void check_figures(std::string_view text, const extract::Tokenized& tokens) {
    const std::vector<extract::Figure> figures = extract::find_figures(text, tokens);
    std::size_t previous_end = 0;
    for (const extract::Figure& figure : figures) {
        check(figure.begin <= figure.end && figure.end <= text.size(), "a figure lies inside the text");
        check(figure.begin >= previous_end, "figures are in order and do not overlap");
        check(figure.first_token < figure.last_token && figure.last_token <= tokens.tokens.size(),
              "a figure covers tokens of the text");
        if (figure.min && figure.max) check(*figure.min <= *figure.max, "a figure's min is not above its max");
        previous_end = figure.end;
    }
}

void check_amounts(std::string_view text, const extract::Tokenized& tokens) {
    for (const extract::Sentence& sentence : tokens.sentences) {
        const extract::TokenView view(
            text, std::span(tokens.tokens).subspan(sentence.first_token, sentence.token_count));
        for (std::size_t i = 0; i < view.size(); ++i) {
            if (const auto numeral = extract::match_numeral(view, i))
                check(numeral->first == i && numeral->first < numeral->last && numeral->last <= view.size(),
                      "a numeral covers tokens from where it was asked for");
            if (const auto amount = extract::match_amount(view, i)) {
                check(amount->first == i && amount->first < amount->last && amount->last <= view.size(),
                      "an amount covers tokens from where it was asked for");
                if (amount->min && amount->max) check(*amount->min <= *amount->max, "an amount's min is not above its max");
            }
        }
    }
}

void run_numeral(std::string_view bytes) {
    if (const auto number = extract::parse_decimal(bytes))
        check(std::isfinite(*number) && *number >= 0 && *number <= 1e15, "a decimal is finite and in range");
    const std::string text = extract::repair_utf8(bytes);
    const extract::Tokenized tokens = extract::tokenize(text);
    check_amounts(text, tokens);
    check_figures(text, tokens);
}

// ------------------------------------------------------------------ document dates

// The file name, up to the first line break, and the text after it.
void run_document_date(std::string_view bytes) {
    const std::size_t newline = bytes.find('\n');
    const std::string_view path = bytes.substr(0, newline);
    const std::string_view text = newline == std::string_view::npos ? std::string_view() : bytes.substr(newline + 1);
    const std::string date = extract::document_date(path, extract::repair_utf8(text));
    if (date.empty()) return;
    check(date.size() == 10 && date[4] == '-' && date[7] == '-', "a document date is YYYY-MM-DD");
    check(scenario::parse_time(date).has_value(), "a document date is a real day");
}

// ------------------------------------------------------------------ timeline times

void run_time(std::string_view bytes) {
    const auto days = scenario::parse_time(bytes);
    scenario::holds(scenario::TimeSpan{std::string(bytes), std::string(bytes)}, days.value_or(0.0));
    if (!days) return;
    check(std::isfinite(*days), "a time is a finite count of days");
    const std::string written = scenario::format_time(*days);
    const auto reread = scenario::parse_time(written);
    check(reread.has_value(), "a formatted time parses");
    check(std::abs(*reread - *days) < 1.0 / (24 * 60), "a formatted time reads back to the minute");
}

// ------------------------------------------------------------------ gazetteer query normaliser

void run_normalize(std::string_view bytes) {
    const std::string key = normalize_name(bytes);
    check(extract::is_valid_utf8(key), "a key is valid UTF-8");
    check(key.empty() || (key.front() != ' ' && key.back() != ' '), "a key has no spaces at its ends");
    check(key.find("  ") == std::string::npos, "a key has no runs of spaces");
    std::string reused = "left over";
    normalize_name_into(bytes, reused);
    check(reused == key, "normalize_name_into() agrees with normalize_name()");
}

// ------------------------------------------------------------------ projection option strings

void run_projection(std::string_view bytes) {
    if (bytes.size() > 4096) return;  // PROJ's own string limits are not muster's parser
    try {
        const ProjectionPtr projection = make_projection(std::string(bytes));
        check(projection != nullptr, "a projection that does not throw exists");
    } catch (const Error&) {
    }
}

// ------------------------------------------------------------------ command-line arguments

// Words separated by NUL bytes, read as `muster render` declares its options.
void run_args(std::string_view bytes) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        const std::size_t end = std::min(bytes.find('\0', start), bytes.size());
        words.emplace_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    try {
        cli::Args args("render", words);
        args.flag("--fit").flag("--no-legend").option("-o").option("--size").option("--scale").option("--layer");
        args.positionals(0, 1);
        args.parse();
        const int scale = args.int_value("--scale", 1, 1, 4);
        check(scale >= 1 && scale <= 4, "an int option is within its bounds");
        if (const auto size = args.value("--size"))
            if (const auto pixels = parse_pixel_size(*size, 16384))
                check(pixels->width >= 1 && pixels->width <= 16384 && pixels->height >= 1 && pixels->height <= 16384,
                      "a pixel size is within its bounds");
        check(args.positional().size() <= 1, "no more positionals than declared");
        check(args.values("--layer").size() <= words.size(), "no more values than words");
    } catch (const Error&) {
    }
}

constexpr Target all_targets[] = {
    {"extract", initialize_extract, run_extract},
    {"scenario", nullptr, run_scenario},
    {"script", initialize_script, run_script},
    {"numeral", nullptr, run_numeral},
    {"document_date", nullptr, run_document_date},
    {"time", nullptr, run_time},
    {"normalize", nullptr, run_normalize},
    {"projection", nullptr, run_projection},
    {"args", nullptr, run_args},
};

}  // namespace

std::span<const Target> targets() { return all_targets; }

const Target* find_target(std::string_view name) {
    for (const Target& target : all_targets)
        if (target.name == name) return &target;
    return nullptr;
}

}  // namespace muster::fuzz
