#include "render/symbols.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <vector>

namespace muster {
namespace {

// ------------------------------------------------------------------ affiliation

constexpr std::array<std::string_view, 2> hostile_actors = {"RU", "BY"};
// NATO's 32 members (Sweden joined in March 2024), the alliance itself, the
// EU, and Ukraine, which the articles treat as the allied side.
constexpr std::array<std::string_view, 35> friendly_actors = {
    "NATO", "EU", "UA", "AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT",
    "LV",   "LT", "LU", "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US"};
// States with a declared permanent neutrality or a standing policy of it.
constexpr std::array<std::string_view, 7> neutral_actors = {"AT", "CH", "IE", "MT", "CY", "TM", "MD"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& table, std::string_view code) {
    return std::find(table.begin(), table.end(), code) != table.end();
}

// ------------------------------------------------------------------ words

// Lower-case words of a text; letters, digits and hyphens stay together so
// "S-400" is one word.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || u >= 0x80) {
            word += static_cast<char>(std::tolower(u));
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool has_word_starting(const std::vector<std::string>& words, std::initializer_list<std::string_view> prefixes) {
    for (const std::string& word : words)
        for (std::string_view prefix : prefixes)
            if (word.rfind(prefix, 0) == 0) return true;
    return false;
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted) {
    for (const std::string& word : words)
        for (std::string_view w : wanted)
            if (word == w) return true;
    return false;
}

// Two words in a row ("air defence").
bool has_pair(const std::vector<std::string>& words, std::string_view first,
              std::initializer_list<std::string_view> seconds) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        if (words[i] == first)
            for (std::string_view second : seconds)
                if (words[i + 1].rfind(second, 0) == 0) return true;
    return false;
}

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The leading quantity words of a vague figure: "tens of thousands of
// troops" -> "tens of thousands", "several thousand troops" -> "several
// thousand", "Hundreds of aircraft" -> "hundreds".
std::string vague_words(std::string_view text) {
    static constexpr std::string_view vocabulary[] = {
        "dozens", "hundreds", "thousands", "millions", "tens",   "scores", "several", "many",  "numerous",
        "some",   "few",      "a",        "an",       "of",     "dozen",  "hundred", "thousand", "million",
        "up",     "to",       "at",       "least",    "more",   "than",   "over",    "nearly", "almost",
        "about",  "around",   "roughly",  "estimated", "perhaps", "possibly"};
    std::vector<std::string> kept;
    for (const std::string& word : words_of(text)) {
        if (std::find(std::begin(vocabulary), std::end(vocabulary), word) == std::end(vocabulary)) break;
        kept.push_back(word);
    }
    // Connectives and articles carry no amount at either end.
    auto connective = [](const std::string& w) { return w == "of" || w == "a" || w == "an" || w == "to"; };
    while (!kept.empty() && connective(kept.back())) kept.pop_back();
    while (!kept.empty() && (kept.front() == "a" || kept.front() == "an")) kept.erase(kept.begin());
    std::string joined;
    for (const std::string& word : kept) joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

bool is_personnel(const scenario::Figure& figure) {
    if (figure.category == "personnel") return true;
    const auto words = words_of(figure.unit);
    return has_word_starting(words, {"troop", "soldier", "personnel", "servicem", "paratroop", "marine", "reservist"});
}

}  // namespace

// ------------------------------------------------------------------ classification

Affiliation affiliation_of(std::string_view actor) {
    if (actor.empty()) return Affiliation::unknown;
    if (listed(hostile_actors, actor)) return Affiliation::hostile;
    if (listed(friendly_actors, actor)) return Affiliation::friend_;
    if (listed(neutral_actors, actor)) return Affiliation::neutral;
    return Affiliation::unknown;
}

UnitFunction unit_function_of(const scenario::Figure& figure) {
    std::vector<std::string> words = words_of(figure.unit);
    for (std::string& word : words_of(figure.text)) words.push_back(std::move(word));

    if (has_word_starting(words, {"s-300", "s-400", "s-500", "s300", "s400", "patriot", "pantsir", "anti-aircraft"}) ||
        has_word(words, {"buk", "tor", "sam", "sams", "nasams", "iris-t"}) ||
        has_pair(words, "air", {"defen"}) || has_pair(words, "surface-to-air", {"missile"}))
        return UnitFunction::air_defence;
    if (has_word_starting(words, {"helicopter", "rotorcraft", "gunship"})) return UnitFunction::rotary_wing;
    if (has_word_starting(words, {"aircraft", "jet", "fighter", "bomber", "warplane", "airplane", "plane", "f-16",
                                  "f-35", "su-", "mig-"}))
        return UnitFunction::fixed_wing;
    if (has_word_starting(words, {"missile", "iskander", "icbm"})) return UnitFunction::missile;
    if (has_word_starting(words, {"tank", "armour", "armor"})) return UnitFunction::armour;
    if (has_word_starting(words, {"artillery", "howitzer", "mlrs", "himars", "mortar"}) ||
        has_pair(words, "rocket", {"launcher", "system"}) || has_word(words, {"gun", "guns"}))
        return UnitFunction::artillery;
    if (has_word_starting(words, {"airborne", "paratroop", "parachut"})) return UnitFunction::airborne;
    if (is_personnel(figure) ||
        has_word_starting(words, {"troop", "soldier", "personnel", "infantry", "servicem", "forces", "marine"}))
        return UnitFunction::infantry;
    return UnitFunction::none;
}

Echelon echelon_of(std::string_view unit) {
    const auto words = words_of(unit);
    if (has_word_starting(words, {"compan"})) return Echelon::company;
    if (has_word_starting(words, {"battalion", "btg"})) return Echelon::battalion;
    if (has_word_starting(words, {"regiment"})) return Echelon::regiment;
    if (has_word_starting(words, {"brigade"})) return Echelon::brigade;
    if (has_word_starting(words, {"division"})) return Echelon::division;
    if (has_word_starting(words, {"corps"})) return Echelon::corps;
    if (has_word(words, {"army", "armies"})) return Echelon::army;
    return Echelon::none;
}

const char* echelon_mark(Echelon echelon) {
    switch (echelon) {
        case Echelon::company: return "I";
        case Echelon::battalion: return "II";
        case Echelon::regiment: return "III";
        case Echelon::brigade: return "X";
        case Echelon::division: return "XX";
        case Echelon::corps: return "XXX";
        case Echelon::army: return "XXXX";
        case Echelon::none: break;
    }
    return "";
}

const char* to_string(Affiliation affiliation) {
    switch (affiliation) {
        case Affiliation::friend_: return "friend";
        case Affiliation::hostile: return "hostile";
        case Affiliation::neutral: return "neutral";
        case Affiliation::unknown: break;
    }
    return "unknown";
}

const char* to_string(Echelon echelon) {
    switch (echelon) {
        case Echelon::company: return "company";
        case Echelon::battalion: return "battalion";
        case Echelon::regiment: return "regiment";
        case Echelon::brigade: return "brigade";
        case Echelon::division: return "division";
        case Echelon::corps: return "corps";
        case Echelon::army: return "army";
        case Echelon::none: break;
    }
    return "none";
}

std::optional<Affiliation> affiliation_named(std::string_view name) {
    for (const Affiliation a : {Affiliation::friend_, Affiliation::hostile, Affiliation::neutral, Affiliation::unknown})
        if (name == to_string(a)) return a;
    return std::nullopt;
}

std::optional<Echelon> echelon_named(std::string_view name) {
    for (const Echelon e : {Echelon::none, Echelon::company, Echelon::battalion, Echelon::regiment, Echelon::brigade,
                            Echelon::division, Echelon::corps, Echelon::army})
        if (name == to_string(e)) return e;
    return std::nullopt;
}

std::optional<UnitFunction> function_named(std::string_view name) {
    for (const UnitFunction f : {UnitFunction::none, UnitFunction::infantry, UnitFunction::airborne, UnitFunction::armour,
                                 UnitFunction::artillery, UnitFunction::air_defence, UnitFunction::fixed_wing,
                                 UnitFunction::rotary_wing, UnitFunction::missile})
        if (name == to_string(f)) return f;
    return std::nullopt;
}

Affiliation figure_affiliation(const scenario::Figure& figure) {
    return affiliation_named(figure.affiliation).value_or(affiliation_of(figure.actor));
}

Echelon figure_echelon(const scenario::Figure& figure) {
    return echelon_named(figure.echelon).value_or(echelon_of(figure.unit));
}

UnitFunction figure_function(const scenario::Figure& figure) {
    return function_named(figure.function).value_or(unit_function_of(figure));
}

const char* to_string(UnitFunction function) {
    switch (function) {
        case UnitFunction::infantry: return "infantry";
        case UnitFunction::airborne: return "airborne";
        case UnitFunction::armour: return "armour";
        case UnitFunction::artillery: return "artillery";
        case UnitFunction::air_defence: return "air defence";
        case UnitFunction::fixed_wing: return "fixed wing";
        case UnitFunction::rotary_wing: return "rotary wing";
        case UnitFunction::missile: return "missile";
        case UnitFunction::none: break;
    }
    return "none";
}

bool is_deployment(const scenario::Figure& figure) {
    return figure.category == "personnel" || figure.category == "unit" || figure.category == "equipment";
}

// ------------------------------------------------------------------ amplifiers

std::string format_thousands(double value) {
    const long long whole = std::llround(std::abs(value));
    std::string digits = std::to_string(whole);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return (value < 0 && whole != 0 ? "-" : "") + digits;
}

std::optional<double> strength_value(const scenario::Amount& amount) {
    if (amount.value) return amount.value;
    if (amount.max) return amount.max;
    return amount.min;
}

std::string strength_text(const scenario::Figure& figure) {
    const scenario::Amount& a = figure.amount;
    if (!a.value && !a.min && !a.max) return "";
    // "a battalion": the echelon mark already says one unit.
    if (figure.category == "unit" && a.value == 1.0 && figure_echelon(figure) != Echelon::none) return "";
    if (!has_digit(figure.text)) {
        if (std::string words = vague_words(figure.text); !words.empty()) return words;
    }
    if (a.qualifier == "range" && a.min && a.max)
        return format_thousands(*a.min) + "\u2013" + format_thousands(*a.max);
    if (a.qualifier == "at_most" && (a.max || a.value)) return "up to " + format_thousands(a.max ? *a.max : *a.value);
    if (a.qualifier == "at_least" && (a.min || a.value))
        return "at least " + format_thousands(a.min ? *a.min : *a.value);
    const double best = *strength_value(a);
    return (a.qualifier == "approx" ? "~" : "") + format_thousands(best);
}

SymbolSpec symbol_spec(const scenario::Figure& figure, float halo_pt_per_sqrt) {
    SymbolSpec spec;
    spec.affiliation = figure_affiliation(figure);
    spec.function = figure_function(figure);
    spec.echelon = figure_echelon(figure);
    spec.strength = strength_text(figure);
    const std::string& unit = figure.unit.empty() ? figure.text : figure.unit;
    spec.what = figure.actor.empty() ? unit : figure.actor + " " + unit;
    if (is_personnel(figure)) {
        auto radius = [&](std::optional<double> v) {
            return v && *v > 0 ? halo_pt_per_sqrt * static_cast<float>(std::sqrt(*v)) : 0.0f;
        };
        const scenario::Amount& a = figure.amount;
        if (a.qualifier == "at_most") {
            spec.halo_ring_pt = radius(a.max ? a.max : a.value);
        } else if (a.qualifier == "at_least") {
            spec.halo_fill_pt = radius(a.min ? a.min : a.value);
        } else if (a.min && a.max && *a.max > *a.min) {  // a range, given or vague
            spec.halo_fill_pt = radius(a.min);
            spec.halo_ring_pt = radius(a.max);
        } else {
            spec.halo_fill_pt = radius(strength_value(a));
        }
    }
    return spec;
}

double halo_persons(const scenario::Figure& figure, const scenario::FigureAt* at) {
    if (!is_personnel(figure)) return 0.0;
    if (at && at->strength) return std::max(*at->strength, 0.0);
    const scenario::Amount& a = figure.amount;
    std::optional<double> persons;
    if (a.qualifier == "at_most") persons = std::nullopt;
    else if (a.qualifier == "at_least") persons = a.min ? a.min : a.value;
    else if (a.min && a.max && *a.max > *a.min) persons = a.min;
    else persons = strength_value(a);
    return persons ? std::max(*persons, 0.0) : 0.0;
}

double rounded_strength(double value) {
    const double magnitude = std::abs(value);
    const double step = magnitude >= 10000 ? 1000 : magnitude >= 1000 ? 100 : magnitude >= 100 ? 10 : 1;
    return std::round(value / step) * step;
}

SymbolSpec symbol_spec_at(const scenario::Figure& figure, const scenario::FigureAt& at, float halo_pt_per_sqrt) {
    if (!at.strength) return symbol_spec(figure, halo_pt_per_sqrt);
    const double strength = *at.strength;
    // On a reported value the report's precision; between reports an estimate.
    const bool reported = std::any_of(figure.history.begin(), figure.history.end(),
                                      [&](const scenario::StrengthAt& entry) { return entry.value == strength; });
    scenario::Figure shown = figure;
    shown.amount = scenario::Amount{strength, std::nullopt, std::nullopt,
                                    reported && figure.amount.qualifier == "exact" ? "exact" : "approx"};
    SymbolSpec spec = symbol_spec(shown, halo_pt_per_sqrt);
    // Not strength_text(): the figure's own words may be vague ("thousands"),
    // the history is not.
    spec.strength = (shown.amount.qualifier == "approx" ? "~" : "") + format_thousands(strength);
    return spec;
}

}  // namespace muster
