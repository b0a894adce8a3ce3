// What looks like an amount but is not a figure. Examples: non_figures.corpus.
//
//   years        "in 2014", "since 2019", "the 2021 exercises" (a plain four-digit
//                number from 1800 to 2100, unless troops, units or equipment follow
//                it directly: "sent 2000 troops")
//   dates        "Jan. 26", "24 February", "February 24, 2022"
//   ages         "35-year-old", "aged 35", "35 years old"
//   durations    "three weeks", "eight years", "a 10-day exercise", "48 hours"
//   percentages  "40%", "40 percent", "40 per cent"
//   money        "$5 billion", "€300 million", "5 million dollars"
//   times        "10:30", "3 p.m.", "0600 GMT"
//   ordinals     "5th", "the 1st Guards Tank Army", decades "1990s"
//   names        "Nord Stream 2", "Article 5", "COVID-19", "No. 10", "Flight 17"
//   pronouns     "no one was hurt", "one of the soldiers", "the one killed"
// The rule answers with the end of the phrase so that nothing inside it is read
// as a figure either.
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

#include <cmath>

namespace muster::extract::figures {

namespace {

const WordSet kMonths = {"january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december", "jan", "jan.", "feb", "feb.",
                         "mar.", "apr", "apr.", "jun.", "jul.", "aug", "aug.", "sep", "sep.", "sept",
                         "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."};

const WordSet kTimeUnits = {"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
                            "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds",
                            "sec", "secs", "decade", "decades", "century", "centuries", "night", "nights",
                            "weekend", "weekends", "fortnight", "fortnights", "morning", "mornings", "evening",
                            "evenings", "afternoon", "afternoons", "millennium", "millennia", "season",
                            "seasons"};

const WordSet kPercentWords = {"%", "percent", "pct", "percentage", "per-cent"};

const WordSet kCurrencyWords = {"dollars", "dollar", "euros", "euro", "pounds", "sterling", "roubles", "rubles",
                                "rouble", "ruble", "hryvnias", "hryvnia", "hryvnas", "yuan", "yen", "rupees",
                                "francs", "cents", "pence", "usd", "eur", "gbp", "rub", "uah", "bucks"};

const WordSet kCurrencySymbols = {"$", "\xE2\x82\xAC" /* € */, "\xC2\xA3" /* £ */, "\xC2\xA5" /* ¥ */,
                                  "\xE2\x82\xBD" /* ₽ */, "\xE2\x82\xB4" /* ₴ */, "\xE2\x82\xB9" /* ₹ */};

const WordSet kClockWords = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "est", "edt", "pst", "cet",
                             "cest", "msk", "bst", "hrs", "local"};

const WordSet kOrdinalSuffixes = {"st", "nd", "rd", "th"};

// Words before a year. After these it is a year even when a noun follows ("In
// 2014 troops seized ..."):
const WordSet kYearLeads = {"in", "since", "until", "till", "during", "early", "late", "mid", "circa", "year",
                            "spring", "summer", "autumn", "fall", "winter", "c.", "ca.", ","};
// Elsewhere it is a year unless forces follow ("rose to 2000 troops").

// Words that label a number rather than count with it.
const WordSet kNumberLabels = {"no.", "nos.", "number", "#", "page", "p.", "pp.", "chapter", "article", "section",
                               "route", "flight", "line", "room", "gate", "platform", "level", "phase", "stage",
                               "grade", "rank", "size", "resolution", "paragraph", "clause", "highway",
                               "interstate", "channel", "version", "episode", "season", "tier", "category",
                               "class", "block", "unit", "building", "apartment", "suite", "box"};

const WordSet kMeasureWords = {"tonnes", "tons", "tonne", "ton", "kg", "kilograms", "kilogrammes", "kilos",
                               "grams", "litres", "liters", "gallons", "barrels", "acres", "hectares", "degrees",
                               "calories", "mph", "kph", "knots", "bytes", "megawatts", "watts", "volts",
                               "megatons", "kilotons", "pounds", "ounces", "cubic", "square", "inches", "inch",
                               "cm", "mm", "centimetres", "centimeters", "millimetres", "millimeters",
                               "feet", "foot", "ft", "yards", "yard",
                               "points", "votes", "seats", "goals", "runs", "games", "matches", "innings"};

// Words that make "one" a pronoun: "the one killed", "any one of them".
const WordSet kPronounOneLeads = {"the", "that", "this", "any", "every", "each", "which", "no"};

bool is_month(const TokenView& t, std::size_t i) {
    // "march" and "may" are verbs in lower case.
    return t.is_kind(i, TokenKind::word) && t[i].capitalised && kMonths.contains(t.str(i));
}

bool is_day_of_month(const Numeral& n) {
    return n.plain_digits && n.value >= 1 && n.value <= 31 && n.value == std::floor(n.value);
}

bool looks_like_year(const Numeral& n) {
    return n.plain_digits && n.value >= 1800 && n.value <= 2100 && n.value == std::floor(n.value);
}

// The end of "-year-old", "-years-old", "years old", "year-old" starting at k.
std::size_t age_end(const TokenView& t, std::size_t k) {
    std::size_t j = k;
    if (hyphen_joined(t, j + 1)) ++j;
    if (!(t.is(j, "year") || t.is(j, "years"))) return 0;
    ++j;
    if (hyphen_joined(t, j + 1)) ++j;
    return t.is(j, "old") ? j + 1 : 0;
}

// "three weeks", "a 10-day exercise", "48 hours": the end of the time unit.
std::size_t duration_end(const TokenView& t, std::size_t k) {
    std::size_t j = k;
    if (hyphen_joined(t, j + 1)) ++j;
    if (!kTimeUnits.contains(t.str(j))) return 0;
    ++j;
    if (hyphen_joined(t, j + 1) && (t.is(j + 1, "long") || t.is(j + 1, "old"))) j += 2;
    return j;
}

// A capitalised word that is part of a name: "Stream" in "Nord Stream 2".
bool names_the_number(const TokenView& t, std::size_t before, std::size_t after) {
    if (!t.is_kind(before, TokenKind::word)) return false;
    const Token& word = t[before];
    if (!word.capitalised || word.sentence_start || is_month(t, before)) return false;
    // Title case headlines capitalise the noun after the number too: "Russia Sends 3,000 Troops".
    return !(t.is_kind(after, TokenKind::word) && t[after].capitalised);
}

}  // namespace

bool is_measure_word(std::string_view word) {
    return kTimeUnits.contains(word) || kPercentWords.contains(word) || kCurrencyWords.contains(word) ||
           kMeasureWords.contains(word);
}

std::optional<std::size_t> non_figure_end(const TokenView& t, const Amount& amount) {
    const Numeral& n = amount.numeral;
    const std::size_t before = amount.first - 1;  // wraps past the window when first is 0: then nothing matches
    const std::size_t next = amount.last;

    // Money: "$5 billion", "€300 million", "5 million dollars"
    if (kCurrencySymbols.contains(t.str(before)) || kCurrencySymbols.contains(t.str(n.first - 1))) {
        return kCurrencyWords.contains(t.str(next)) ? next + 1 : next;
    }
    if (kCurrencyWords.contains(t.str(next))) return next + 1;

    // Percentages: "40%", "40 percent", "40 per cent"
    if (kPercentWords.contains(t.str(next))) return t.is(next + 1, "points") ? next + 2 : next + 1;
    if (const std::size_t end = t.match(next, "per cent"); end != 0) return end;

    // Ordinals and decades: "5th", "1990s", "'90s"
    if (t.joined(next) && t.is_kind(next, TokenKind::word)) {
        if (kOrdinalSuffixes.contains(t.str(next))) return next + 1;
        if (t.str(next) == "s" && n.plain_digits && (n.value >= 1000 || t.str(n.first - 1) == "'" ||
                                                     t.str(n.first - 1) == "\xE2\x80\x99")) {
            return next + 1;
        }
    }

    // Times: "10:30", "3 p.m.", "0600 GMT"
    if (t.str(next) == ":" && t.joined(next) && t.is_kind(next + 1, TokenKind::number) && t.joined(next + 1)) {
        return next + 2;
    }
    if (kClockWords.contains(t.str(next)) && n.plain_digits) return next + 1;

    // Dates: "Jan. 26", "24 February"
    if (is_day_of_month(n) && is_month(t, before)) return next;
    if (is_day_of_month(n) && is_month(t, next)) return next + 1;

    // Ages and durations: "35-year-old", "aged 35", "three weeks", "a 10-day exercise"
    if (const std::size_t end = age_end(t, next); end != 0) return end;
    if (t.is(before, "aged") || t.is(before, "age") || t.is(before, "ages")) return next;
    if (const std::size_t end = duration_end(t, next); end != 0) return end;

    // Years: "in 2014", "the 2021 exercises"; "2000 troops" still counts.
    if (looks_like_year(n)) {
        // Only forces and equipment come in such numbers often enough to read
        // "2000 troops" as a count; "the 2021 exercises" is a year.
        const bool forces_follow = head_at(t, next, next).has_value();
        if (kYearLeads.contains(t.str(before)) || is_month(t, before) || t.is(before, "the") || !forces_follow) {
            return next;
        }
    }

    // Names and labels: "Nord Stream 2", "Article 5", "No. 10", "COVID-19"
    if (amount.first == n.first) {
        if (kNumberLabels.contains(t.str(before))) return next;
        if (t.is_hyphen(before) && t.joined(n.first) && t.joined(before) && t.is_kind(before - 1, TokenKind::word)) {
            return next;
        }
        // "1,5 km": the decimal comma of another convention; the part after it is no number of its own.
        if ((t.str(before) == "," || t.str(before) == ".") && t.joined(n.first) && t.joined(before) &&
            t.is_kind(before - 1, TokenKind::number)) {
            return next;
        }
        if (names_the_number(t, before, next)) return next;
    }

    // "no one was hurt", "no two reports agree": a negation, not a count.
    if (n.spelled && amount.first == n.first && t.is(before, "no")) return next;
    // "one of the ...", "the one killed": a choice or a pronoun, not a count.
    if (n.spelled && n.value == 1 && !n.vague &&
        (t.is(next, "of") || kPronounOneLeads.contains(t.str(before)))) {
        return next;
    }
    return std::nullopt;
}

}  // namespace muster::extract::figures
