// Counts of anything else an article numbers: "5,000 helmets", "thousands of
// refugees", "two million people". Examples: count.corpus.
//
// The fallback after personnel, units, equipment, distances and casualties: an
// amount followed (directly, after "of", or after one modifier) by a plural noun
// that is not a measure ("years", "percent", "tonnes"). Small counts spelled in
// words are left out ("the two sides", "all four parties"), and so are small
// vague ones ("several calls"): in news prose they are discourse, not data. "people" and "persons" count as "people"; other
// nouns are the unit as written, in lower case unless capitalised
// ("Ukrainians").
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

#include <unordered_map>

namespace muster::extract::figures {

namespace {

const WordSet kIrregularPlurals = {"people", "children", "men", "women", "police", "cattle", "sheep",
                                   "livestock", "deer", "fish", "mice", "geese", "clergy", "staff"};

// Plural-looking words that are not counted things.
const WordSet kNotCounted = {
    "times", "ways", "things", "sides", "parts", "ones", "others", "lots", "bits", "kinds", "sorts", "types",
    "terms", "means", "odds", "thanks", "news", "series", "species", "basis", "crisis", "status", "bus", "gas",
    "campus", "virus", "focus", "bonus", "census", "chaos", "atlas", "canvas", "corpus", "alias", "axis",
    "analysis", "thesis", "this", "his", "its", "yes", "less", "was", "has", "is", "does", "goes", "says", "as",
    "thus", "plus", "minus", "across", "unless", "always", "perhaps", "besides", "towards", "afterwards",
    "sometimes", "nevertheless", "whereas", "nowadays", "overseas", "series", "whereabouts", "headquarters",
    "means", "arms", "politics", "economics", "tactics", "logistics", "forces", "hours", "respects", "regards",
    "lengths", "occasions", "instances", "cases", "aboard", "onboard", "abroad", "anyways"};

const WordSet kPeople = {
    "people", "persons", "civilians", "children", "kids", "women", "men", "residents", "villagers", "protesters",
    "protestors", "demonstrators", "policemen", "officers", "workers", "journalists", "migrants", "refugees",
    "passengers", "students", "patients", "worshippers", "miners", "firefighters", "doctors", "nurses",
    "teenagers", "bystanders", "pedestrians", "prisoners", "detainees", "hostages", "citizens", "inhabitants",
    "adults", "babies", "infants", "families", "civilian", "person", "child", "woman", "man", "officer",
    "journalist", "resident", "villager", "policeman", "worker", "student", "nationals", "settlers", "evacuees",
    "volunteers", "guards", "employees", "staff", "crew"};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "Ukrainians", "Israelis", "Russians": capitalised plurals that name people.
bool is_demonym_plural(std::string_view word) {
    return word.size() >= 5 && (ends_with(word, "ans") || ends_with(word, "is"));
}

std::string lower_case(std::string_view word) {
    std::string lower;
    fold_into(word, lower, 64);
    return lower;
}

// Units are plural: "one policeman was killed" counts "policemen killed".
std::string people_unit(std::string_view word) {
    static const std::unordered_map<std::string_view, std::string_view> kPlurals = {
        {"people", "people"},   {"persons", "people"},     {"person", "people"},       {"civilian", "civilians"},
        {"child", "children"},  {"woman", "women"},        {"man", "men"},             {"officer", "officers"},
        {"journalist", "journalists"}, {"resident", "residents"}, {"villager", "villagers"},
        {"policeman", "policemen"}, {"worker", "workers"}, {"student", "students"}};
    const std::string lower = lower_case(word);
    const auto plural = kPlurals.find(lower);
    return plural == kPlurals.end() ? lower : std::string(plural->second);
}

}  // namespace

bool is_people_noun(const TokenView& t, std::size_t i, std::string* unit) {
    if (!t.is_kind(i, TokenKind::word)) return false;
    const std::string_view word = t.str(i);
    if (kPeople.contains(word)) {
        // Singular forms only as victims of one ("one civilian was killed") and not as modifiers.
        if (!ends_with(word, "s") && word != "men" && word != "women" && word != "children" && word != "people" &&
            word != "police" && word != "staff" && word != "crew" && noun_continues(t, i + 1)) {
            return false;
        }
        if (unit != nullptr) *unit = people_unit(word);
        return true;
    }
    if (t[i].capitalised && !t[i].all_caps && is_demonym_plural(word)) {
        if (unit != nullptr) *unit = std::string(word);
        return true;
    }
    return false;
}

std::optional<std::size_t> plural_noun_end(const TokenView& t, std::size_t i, std::string* unit) {
    if (!t.is_kind(i, TokenKind::word) || t[i].abbreviation) return std::nullopt;
    const std::string_view word = t.str(i);
    if (is_stop_word(word) || is_measure_word(word) || kNotCounted.contains(word) || is_distance_unit(t, i)) {
        return std::nullopt;
    }
    const bool capitalised = t[i].capitalised;
    bool plural = kIrregularPlurals.contains(word);
    if (!plural && word.size() >= 4 && word.back() == 's') {
        const bool ss_us_is = ends_with(word, "ss") || ends_with(word, "us") || ends_with(word, "is");
        if (!capitalised) plural = !ss_us_is;
        // Proper nouns are not counted things, except peoples and acronyms ("IEDs").
        else plural = is_demonym_plural(word) || (word.size() <= 6 && t[i].capitalised && word[1] >= 'A' && word[1] <= 'Z');
    }
    if (!plural) return std::nullopt;
    if (unit != nullptr) {
        if (capitalised) *unit = std::string(word);
        else *unit = people_unit(word);
    }
    return i + 1;
}

std::optional<RuleMatch> match_count(const TokenView& t, const Amount& amount) {
    const Numeral& n = amount.numeral;
    if (n.spelled && !n.vague && n.value < 10) return std::nullopt;
    if (n.vague && n.max && *n.max < 10) return std::nullopt;  // "several calls", "a few friends"
    std::size_t j = skip_of_determiner(t, amount.last);
    for (int modifiers = 0; modifiers <= 1; ++modifiers) {
        std::string unit;
        if (std::optional<std::size_t> end = plural_noun_end(t, j, &unit)) {
            // "75 police officers": the last noun of a compound is what is counted.
            std::string next_unit;
            if (const auto next = plural_noun_end(t, *end, &next_unit)) end = next, unit = std::move(next_unit);
            return RuleMatch{*end, make_figure(t, amount.first, *end, &amount, std::move(unit), FigureCategory::count)};
        }
        const std::optional<std::size_t> next = skip_modifier(t, j);
        if (!next) break;
        j = *next;
    }
    return std::nullopt;
}

}  // namespace muster::extract::figures
