// Figures: the quantities a deployment article is about ("an estimated 127,000
// Russian troops", "a 2,000-kilometre-long border", "hundreds of aircraft",
// "S-400 air defence systems", "killed more than 14,000 people").
//
// find_figures() runs the rules of src/extract/figures/, one file per kind beside
// its corpus of examples (the Duckling pattern; tests/test_figures.cpp runs every
// corpus). What a figure holds follows the output contract in
// docs/design-brief.md:
//
//   value      best estimate in base units: persons for personnel and casualties,
//              km for distances, items for everything else. Absent only for an
//              equipment mention without a number ("deploying S-400 systems").
//   min, max   bounds the text gives: both for ranges ("3,000 to 5,000") and vague
//              amounts ("thousands" = 2,000..9,999); min alone for at_least ("more
//              than 14,000"), max alone for at_most ("up to 175,000"); neither for
//              exact and approx amounts.
//   qualifier  exact ("127,000"), approx ("about", "an estimated", "some", "or so"),
//              at_least ("more than", "over", "at least", "or more", "-plus"),
//              at_most ("up to", "as many as", "fewer than", "nearly", "almost"),
//              range (explicit ranges and vague amounts). A figure without a value
//              is "exact": nothing qualifies it.
//   unit       canonical plural noun: "troops" (soldiers, servicemen, personnel and
//              forces all count as troops), "paratroopers", "battalion tactical
//              groups", "tanks", "S-400 systems", "km", "people killed", "helmets".
//   category   personnel | unit | equipment | distance | casualties | count | other.
//
// Not figures: years, dates, ages, durations, percentages, money, clock times,
// ordinals, and numbers that belong to names ("Nord Stream 2", "Article 5",
// "COVID-19"); see figures/non_figures.cpp.
#pragma once

#include "extract/tokenizer.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::extract {

enum class Qualifier { exact, approx, at_least, at_most, range };

enum class FigureCategory { personnel, unit, equipment, distance, casualties, count, other };

// The output contract's names: "exact", "approx", "at_least", "at_most", "range".
std::string_view to_string(Qualifier qualifier);
// "personnel", "unit", "equipment", "distance", "casualties", "count", "other".
std::string_view to_string(FigureCategory category);
std::optional<Qualifier> parse_qualifier(std::string_view name);
std::optional<FigureCategory> parse_category(std::string_view name);

struct Figure {
    std::size_t begin = 0;  // byte offsets of the whole phrase: "about 3,000 soldiers"
    std::size_t end = 0;
    std::size_t first_token = 0;  // tokens [first_token, last_token) of the Tokenized it came from
    std::size_t last_token = 0;
    std::optional<double> value;
    std::optional<double> min;
    std::optional<double> max;
    Qualifier qualifier = Qualifier::exact;
    std::string unit;
    FigureCategory category = FigureCategory::other;
};

// Every figure in the text, in order, none overlapping another. `tokens` must be
// tokenize(text). Never throws on content.
std::vector<Figure> find_figures(std::string_view text, const Tokenized& tokens);

// One line in the corpus notation: text="about 3,000 soldiers" value=3000
// qualifier=approx unit=troops category=personnel (value, min and max only when
// present; numbers with two decimals, or four significant digits below one).
// For test messages and debugging.
std::string describe(const Figure& figure, std::string_view text);

}  // namespace muster::extract
