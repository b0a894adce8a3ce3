// The rule kit shared by the figure kinds, and each kind's entry points.
//
// One file per kind, each beside its corpus of examples (the Duckling pattern):
//
//   personnel.cpp    troops, soldiers, paratroopers, separatists ... ; "40,000-strong"
//   units.cpp        battalions, battalion tactical groups, brigades, divisions ...
//   equipment.cpp    aircraft, tanks, howitzers, warships, drones; named systems
//                    ("S-400", "Su-35s", "Iskander"), which are figures even without
//                    a number
//   distance.cpp     km, kilometres, miles, nautical miles, metres; "2,000-kilometre-
//                    long"; "5,600 miles (9,000 kilometers)" is one figure
//   casualties.cpp   "killed more than 14,000 people", "14,000 dead", "death toll"
//   count.cpp        any other counted plural noun ("5,000 helmets")
//   non_figures.cpp  what looks like an amount but is not a figure: years, dates,
//                    ages, durations, percentages, money, times, ordinals, names
//
// figure.cpp walks each sentence and, at each token, asks the rules in a fixed
// order: casualty phrases that start with a verb, named equipment without a
// number, then, when an amount starts there, non-figures, casualties, distance,
// "-strong", the counted nouns of personnel/units/equipment, and the generic count.
// The first rule that answers wins and the walk continues after what it covered.
//
// Internal to src/extract: nothing outside includes this header.
#pragma once

#include "extract/figure.hpp"
#include "extract/numeral.hpp"
#include "extract/tokenizer.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace muster::extract::figures {

// ================================================================ rule kit

// What a rule decided about the tokens from where it was asked up to `last`.
struct RuleMatch {
    std::size_t last = 0;          // first token after the match
    std::optional<Figure> figure;  // empty: these tokens are known not to be a figure
};

// The noun phrase that says what an amount counts ("Russian troops", "S-400 air
// defence systems"); first..last excludes the modifiers before it.
struct Head {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string unit;
    FigureCategory category = FigureCategory::other;
    bool singular = false;  // a singular noun ("tank"): see find_head()
};

// One entry of a kind's lexicon: the words as lower-case text separated by
// spaces (a joined hyphen in the text may stand for a space: "air-defence"), the
// unit it counts as, and whether it is a singular form ("tank", "a 40,000-troop
// force"), which only counts as a head when it is not itself a modifier.
struct Noun {
    std::string_view words;
    std::string_view unit;
    bool singular = false;
};

struct LexiconMatch {
    std::size_t last = 0;
    const Noun* noun = nullptr;
};

// A kind's nouns indexed by their first word, so that a lookup costs one hash
// whatever the size of the lexicon.
class NounLexicon {
public:
    explicit NounLexicon(std::span<const Noun> nouns);
    // The longest entry whose words start at token i.
    [[nodiscard]] std::optional<LexiconMatch> match(const TokenView& t, std::size_t i) const;

private:
    std::unordered_map<std::string_view, std::vector<const Noun*>> by_first_word_;
};

// Another counted noun starts at token i, so that a singular noun before it is
// its modifier ("tank battalions", "missile strikes"), not what is counted.
bool noun_continues(const TokenView& t, std::size_t i);

// Token i starts a word glued to the one before by a hyphen ("2,000-kilometre").
bool hyphen_joined(const TokenView& t, std::size_t i);

// Function words and verbs that end a noun phrase; never modifiers.
bool is_stop_word(std::string_view word);

// When token i is a modifier a counted noun may carry ("Russian", "U.S.",
// "combat-ready", "additional", "armoured", "T-72"), the token after it.
std::optional<std::size_t> skip_modifier(const TokenView& t, std::size_t i);

// After an amount: "of" and an optional determiner ("thousands of troops",
// "2,000 of its soldiers"); returns where the noun phrase starts.
std::size_t skip_of_determiner(const TokenView& t, std::size_t i);

// The head noun of personnel, units or equipment at token i (longest wins; on a
// tie units, then equipment, then personnel). modifiers_first is where the
// modifiers before i begin, for rules that inspect them.
std::optional<Head> head_at(const TokenView& t, std::size_t i, std::size_t modifiers_first);

// The head after an amount ending at `from`: directly, hyphen-joined
// ("40,000-troop"), after "of", or after up to four modifiers. A singular noun
// counts only hyphen-joined or after an amount of one (`one`: "one tank was
// hit"); after other amounts it is a modifier ("300 tank crews").
std::optional<Head> find_head(const TokenView& t, std::size_t from, bool one);

// The amount is a single item ("one", "1", "a single"), not a range or vague.
bool is_one(const Amount& amount);

// A figure over tokens [first, last) carrying the amount's numbers (none for
// an amount-less mention).
Figure make_figure(const TokenView& t, std::size_t first, std::size_t last, const Amount* amount, std::string unit,
                   FigureCategory category);

// The amount followed by a personnel, units or equipment head.
std::optional<RuleMatch> match_counted(const TokenView& t, const Amount& amount);

// ================================================================ kinds

// personnel.cpp
std::optional<Head> personnel_head(const TokenView& t, std::size_t i, std::size_t modifiers_first);
std::optional<RuleMatch> match_strength(const TokenView& t, const Amount& amount);  // "40,000-strong"

// units.cpp
std::optional<Head> unit_head(const TokenView& t, std::size_t i, std::size_t modifiers_first);

// equipment.cpp
std::optional<Head> equipment_head(const TokenView& t, std::size_t i, std::size_t modifiers_first);
std::optional<Head> equipment_noun_head(const TokenView& t, std::size_t i);            // nouns only, no names
std::optional<RuleMatch> match_named_equipment(const TokenView& t, std::size_t at);  // no number needed
bool may_name_equipment(const TokenView& t, std::size_t i);                         // cheap pre-check

// distance.cpp
std::optional<RuleMatch> match_distance(const TokenView& t, const Amount& amount);
bool is_distance_unit(const TokenView& t, std::size_t i);

// casualties.cpp
std::optional<RuleMatch> match_casualties_lead(const TokenView& t, std::size_t at);  // "killed ...", "death toll ..."
std::optional<RuleMatch> match_casualties_after(const TokenView& t, const Amount& amount);
bool may_lead_casualties(const TokenView& t, std::size_t i);  // cheap pre-check

// count.cpp
std::optional<RuleMatch> match_count(const TokenView& t, const Amount& amount);
// The end of a counted plural noun at token i ("helmets", "people") and its unit.
std::optional<std::size_t> plural_noun_end(const TokenView& t, std::size_t i, std::string* unit);
bool is_people_noun(const TokenView& t, std::size_t i, std::string* unit);

// non_figures.cpp
// When the amount is a year, date, age, duration, percentage, sum of money,
// time, ordinal or part of a name, the first token after that phrase.
std::optional<std::size_t> non_figure_end(const TokenView& t, const Amount& amount);
// Units that make a number something other than a count ("years", "percent", "dollars", "tonnes").
bool is_measure_word(std::string_view word);

}  // namespace muster::extract::figures
