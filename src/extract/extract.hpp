// The extraction pipeline: a news text in, a Scenario out.
//
//   bytes ─repair_utf8─▶ text ─(strip_html for .html/.htm)─▶ tokenize
//        ─▶ recognise_toponyms + resolve_toponyms ─▶ find_figures
//        ─▶ link_relations ─▶ shared borders (1:10m, geodesic)
//        ─▶ find_movements ─▶ Scenario
//
// What the Scenario gets (see scenario/scenario.hpp and docs/scenario.md):
//   sources  one, id "s1": title = the first non-empty line, trimmed (or the
//            caller's), path, date, and the text the offsets index: the
//            repaired text, or for HTML the readable text strip_html() makes
//   places   one per distinct gazetteer entry chosen (Place::id()), ids p1,
//            p2, ... in order of first mention, each with every mention's
//            code-point span; its confidence is the best of its mentions'
//   figures  ids f1, f2, ... in text order, with actor and place (relations.hpp)
//   borders  ids b1, b2, ... one per pair of countries, in order of first
//            mention, only where the two countries touch at 1:10m; the claimed
//            length is the first one the text gives for the pair
//   movements ids m1, m2, ... one per route (from place, to place) in order
//            of first statement (movements.hpp), with the first figure any
//            statement of the route links
// Offsets everywhere are Unicode code points into Source::text.
#pragma once

#include "extract/lexicon.hpp"
#include "geodata/borders.hpp"
#include "geodata/gazetteer.hpp"
#include "scenario/scenario.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace muster::extract {

// Texts longer than this are refused: news articles are kilobytes, and a
// mistaken multi-gigabyte input should fail at once, not after minutes.
inline constexpr std::size_t kMaxTextBytes = 50'000'000;

// What the caller knows about a text.
struct ExtractSource {
    std::string path;   // the file it was read from ("" or "-" for standard input); .html/.htm are stripped
    std::string title;  // when empty, the first non-empty line of the text
    std::string date;   // ISO 8601, when known
};

// Shared boundaries of country pairs, computed once per pair (a 1:10m
// intersection takes a noticeable fraction of a second) and kept for the
// life of the cache. Safe to use from several threads.
class BorderCache {
public:
    explicit BorderCache(std::filesystem::path gpkg);

    // shared_border(gpkg, a, b), with a and b as asked; nothing when the two do
    // not touch. Throws muster::Error as shared_border() does (an unreadable
    // GeoPackage, a code that is not a country in it); failures are not cached.
    std::optional<SharedBorder> get(std::string_view a, std::string_view b);

    [[nodiscard]] std::size_t computed() const;  // pairs computed so far (for tests)

private:
    std::filesystem::path gpkg_;
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, std::optional<SharedBorder>> pairs_;  // key: codes in order
};

// The data an extraction needs, loaded once per process.
struct ExtractResources {
    const Gazetteer& gazetteer;
    const Lexicon& lexicon;
    BorderCache& borders;
};

// The scenario of one text. `text` may be any bytes: ill-formed UTF-8 is
// repaired (every bad sequence becomes U+FFFD) and, when `warnings` is given,
// one line is appended that names the file and the count, e.g.
// "article.txt: replaced 3 invalid UTF-8 sequences with U+FFFD". A border
// whose geometry cannot be computed is left out with a warning.
// Throws muster::Error "PATH: too large (N bytes; muster extracts texts up to
// 50 MB)" for texts over kMaxTextBytes.
scenario::Scenario extract_scenario(std::string_view text, const ExtractSource& source,
                                    const ExtractResources& resources, std::vector<std::string>* warnings = nullptr);

// The text extraction reads from an article's bytes: ill-formed UTF-8
// repaired (with the warning extract_scenario() gives), HTML (by the path's
// .html/.htm) made readable text. Offsets of a source index this text.
std::string article_text(std::string_view bytes, std::string_view path, std::vector<std::string>* warnings);

// The name messages use for a source path: "<stdin>" for "" and "-".
std::string display_name(std::string_view path);

// The first non-empty line of a text, trimmed of white space ("" when none).
std::string first_line(std::string_view text);

}  // namespace muster::extract
