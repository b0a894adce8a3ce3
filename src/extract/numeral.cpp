#include "extract/numeral.hpp"

#include "extract/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace muster::extract {

namespace {

using WordValues = std::unordered_map<std::string_view, double>;

// Folded (lower-case) text of word token i, for table lookups; "" for other tokens.
std::string folded_word(const TokenView& t, std::size_t i) {
    std::string out;
    if (t.is_kind(i, TokenKind::word)) fold_into(t.str(i), out, 24);
    return out;
}

std::optional<double> lookup(const WordValues& table, const TokenView& t, std::size_t i) {
    const std::string word = folded_word(t, i);
    if (word.empty()) return std::nullopt;
    const auto found = table.find(word);
    if (found == table.end()) return std::nullopt;
    return found->second;
}

const WordValues kSmallNumbers = {
    {"zero", 0},     {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}};

const WordValues kTens = {{"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fourty", 40}, {"fifty", 50},
                          {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90}};

const WordValues kScaleWords = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};

// Joined after digits: "10k", "2.3bn", "4mn", "2million".
const WordValues kScaleSuffixes = {{"k", 1e3},   {"bn", 1e9},       {"mn", 1e6},       {"mln", 1e6},
                                   {"tn", 1e12}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};

// Words after which a joined "m" means metres, not million ("500m from the border").
const WordSet kMetreContext = {"from", "away", "of", "long", "wide", "high", "deep", "tall", "in", "into",
                               "to", "on", "at", "off", "north", "south", "east", "west", "and", "or",
                               "above", "below", "beyond", "behind", "ahead", "inland", "offshore", "radius",
                               "range", "stretch", "apart", "across", "along", "up", "down", "under", "over"};

struct VagueScale {
    double min, max, scale;
    bool needs_of;  // only as "tens of thousands", "scores of ..."
};

const std::unordered_map<std::string_view, VagueScale> kVaguePlurals = {
    {"dozens", {24, 99, 12, false}},
    {"hundreds", {200, 999, 100, false}},
    {"thousands", {2000, 9999, 1e3, false}},
    {"millions", {2e6, 1e7 - 1, 1e6, false}},
    {"billions", {2e9, 1e10 - 1, 1e9, false}},
    {"tens", {20, 99, 10, true}},
    {"scores", {40, 99, 20, true}},
};

const WordSet kChangeVerbs = {"rose",     "risen",    "rise",    "rises",   "rising",   "increased", "increase",
                              "increases", "grew",    "grown",   "grow",    "grows",    "growing",   "climbed",
                              "jumped",   "fell",     "fallen",  "falls",   "dropped",  "declined",  "decreased",
                              "swelled",  "swollen",  "reduced", "cut",     "boosted",  "raised",    "expanded",
                              "doubled",  "tripled",  "went",    "surged",  "soared",   "shrank",    "shrunk",
                              "slashed",  "upped",    "lowered", "revised", "changed",  "moved",     "up",
                              "down"};

// Best estimate of a vague amount: the geometric middle (the words name an order
// of magnitude), rounded to two significant digits, whole numbers below 100.
double vague_estimate(double min, double max) {
    const double middle = std::sqrt(min * max);
    if (middle < 100) return std::round(middle);
    const double step = std::pow(10.0, std::floor(std::log10(middle)) - 1);
    return std::round(middle / step) * step;
}

Numeral make_vague(std::size_t first, std::size_t last, double min, double max, double scale) {
    Numeral n;
    n.first = first;
    n.last = last;
    n.min = min;
    n.max = max;
    n.value = vague_estimate(min, max);
    n.scale = scale;
    n.vague = true;
    n.spelled = true;
    return n;
}

// ================================================================ numerals

// Digits, with a scale word or suffix: "127,000", "1.5 million", "2.3bn", "2 dozen".
std::optional<Numeral> digits_numeral(const TokenView& t, std::size_t i) {
    const std::string_view digits = t.str(i);
    const std::optional<double> parsed = parse_decimal(digits);
    if (!parsed) return std::nullopt;
    Numeral n;
    n.first = i;
    n.last = i + 1;
    n.value = *parsed;
    n.plain_digits = digits.find_first_of(",.") == std::string_view::npos;

    const std::size_t next = i + 1;
    std::optional<double> scale;
    if (t.joined(next)) {
        scale = lookup(kScaleSuffixes, t, next);
        // A joined "m" is million only before a noun: "2.3m people", not "500m from".
        if (!scale && t.is(next, "m") && t.is_kind(next + 1, TokenKind::word) &&
            !kMetreContext.contains(t.str(next + 1))) {
            scale = 1e6;
        }
    } else {
        scale = lookup(kScaleWords, t, next);
        if (!scale && t.is(next, "dozen")) scale = 12;
    }
    if (scale) {
        n.value *= *scale;
        n.scale = *scale;
        n.last = next + 1;
        n.plain_digits = false;
    }
    return n;
}

// "several", "a few", "a couple", plural scales and their products.
std::optional<Numeral> vague_numeral(const TokenView& t, std::size_t i) {
    double min = 0;
    double max = 0;
    std::size_t j = i;
    if (t.is(i, "several")) {
        min = 3, max = 9, j = i + 1;
    } else if (const std::size_t end = t.match(i, "a few"); end != 0) {
        min = 2, max = 5, j = end;
    } else if (const std::size_t end2 = t.match(i, "a couple"); end2 != 0) {
        min = 2, max = 3, j = end2;
    } else {
        const std::string word = folded_word(t, i);
        const auto found = kVaguePlurals.find(word);
        if (found == kVaguePlurals.end()) return std::nullopt;
        const VagueScale& plural = found->second;
        min = plural.min, max = plural.max;
        double scale = plural.scale;
        j = i + 1;
        bool chained = false;
        // "tens of thousands", "hundreds of thousands", "tens of millions"
        while (t.is(j, "of")) {
            const auto next = kVaguePlurals.find(folded_word(t, j + 1));
            if (next == kVaguePlurals.end() || next->second.needs_of || next->first == "dozens") break;
            min *= next->second.scale;
            max = (max + 1) * next->second.scale - 1;
            scale = next->second.scale;
            j += 2;
            chained = true;
        }
        if (plural.needs_of && !chained && !(word == "scores" && t.is(j, "of"))) return std::nullopt;
        return make_vague(i, j, min, max, scale);
    }
    // A multiplier word times singular scales: "several hundred", "a few thousand", "several dozen".
    double scale = 1;
    while (true) {
        std::optional<double> s = lookup(kScaleWords, t, j);
        if (!s && t.is(j, "hundred")) s = 100;
        if (!s && t.is(j, "dozen")) s = 12;
        if (!s) break;
        min *= *s, max *= *s, scale = *s;
        ++j;
    }
    return make_vague(i, j, min, max, scale);
}

// "half a million", "half a dozen".
std::optional<Numeral> half_numeral(const TokenView& t, std::size_t i) {
    if (!t.is(i, "half") || !t.is(i + 1, "a")) return std::nullopt;
    std::optional<double> scale = lookup(kScaleWords, t, i + 2);
    if (!scale && t.is(i + 2, "hundred")) scale = 100;
    if (!scale && t.is(i + 2, "dozen")) scale = 12;
    if (!scale) return std::nullopt;
    Numeral n;
    n.first = i;
    n.last = i + 3;
    n.value = *scale / 2;
    n.scale = *scale;
    n.spelled = true;
    return n;
}

// Cardinal numbers in words: "two", "forty-five", "a hundred", "two hundred and
// fifty", "three thousand", "a dozen". Stops at the first word that cannot
// continue the number ("two three" is two).
std::optional<Numeral> spelled_cardinal(const TokenView& t, std::size_t i) {
    enum class Last { none, unit, teen, tens, hundred, scale, conjunction };
    double total = 0;
    double group = 0;
    double last_scale = 1;
    Last last = Last::none;
    bool any = false;
    std::size_t j = i;

    auto is_scale_next = [&](std::size_t k) {
        return t.is(k, "hundred") || t.is(k, "dozen") || lookup(kScaleWords, t, k).has_value();
    };
    if ((t.is(j, "a") || t.is(j, "one")) && is_scale_next(j + 1)) {
        group = 1, any = true, last = Last::unit, ++j;
    }
    while (t.in_range(j)) {
        if (const auto small = lookup(kSmallNumbers, t, j)) {
            if (last == Last::unit || last == Last::teen || (last == Last::tens && *small >= 10)) break;
            group += *small;
            last = *small < 10 ? Last::unit : Last::teen;
        } else if (const auto tens = lookup(kTens, t, j)) {
            if (last == Last::unit || last == Last::teen || last == Last::tens) break;
            group += *tens;
            last = Last::tens;
            // "forty-five"
            if (t.is_hyphen(j + 1) && t.joined(j + 1) && t.joined(j + 2)) {
                if (const auto unit = lookup(kSmallNumbers, t, j + 2); unit && *unit >= 1 && *unit <= 9) {
                    group += *unit;
                    last = Last::unit;
                    j += 2;
                }
            }
        } else if (t.is(j, "hundred")) {
            if (!any || last == Last::hundred || group == 0 || group >= 100) break;
            group *= 100;
            last = Last::hundred;
            last_scale = 100;
        } else if (const auto scale = lookup(kScaleWords, t, j)) {
            if (!any || group == 0 || last == Last::conjunction) break;
            total += group * *scale;
            group = 0;
            last = Last::scale;
            last_scale = *scale;
        } else if (t.is(j, "and") && (last == Last::hundred || last == Last::scale) &&
                   (lookup(kSmallNumbers, t, j + 1) || lookup(kTens, t, j + 1))) {
            last = Last::conjunction;
        } else {
            break;
        }
        any = true;
        ++j;
    }
    if (!any) return std::nullopt;
    Numeral n;
    n.first = i;
    n.last = j;
    n.value = total + group;
    n.scale = last_scale;
    n.spelled = true;
    if (t.is(j, "dozen")) {
        n.value *= 12;
        n.scale = 12;
        n.last = j + 1;
    }
    return n;
}

// ================================================================ amounts

struct PrefixQualifier {
    std::string_view words;
    Qualifier qualifier;
};

constexpr std::array kPrefixQualifiers = {
    PrefixQualifier{"about", Qualifier::approx},
    PrefixQualifier{"around", Qualifier::approx},
    PrefixQualifier{"roughly", Qualifier::approx},
    PrefixQualifier{"approximately", Qualifier::approx},
    PrefixQualifier{"approx.", Qualifier::approx},
    PrefixQualifier{"some", Qualifier::approx},
    PrefixQualifier{"an estimated", Qualifier::approx},
    PrefixQualifier{"estimated", Qualifier::approx},
    PrefixQualifier{"close to", Qualifier::approx},
    PrefixQualifier{"circa", Qualifier::approx},
    PrefixQualifier{"in the region of", Qualifier::approx},
    PrefixQualifier{"more than", Qualifier::at_least},
    PrefixQualifier{"over", Qualifier::at_least},
    PrefixQualifier{"at least", Qualifier::at_least},
    PrefixQualifier{"upwards of", Qualifier::at_least},
    PrefixQualifier{"in excess of", Qualifier::at_least},
    PrefixQualifier{"no fewer than", Qualifier::at_least},
    PrefixQualifier{"no less than", Qualifier::at_least},
    PrefixQualifier{"not less than", Qualifier::at_least},
    PrefixQualifier{"not fewer than", Qualifier::at_least},
    PrefixQualifier{"well over", Qualifier::at_least},
    PrefixQualifier{"just over", Qualifier::at_least},
    PrefixQualifier{"well above", Qualifier::at_least},
    PrefixQualifier{"north of", Qualifier::at_least},
    PrefixQualifier{"a minimum of", Qualifier::at_least},
    PrefixQualifier{"up to", Qualifier::at_most},
    PrefixQualifier{"as many as", Qualifier::at_most},
    PrefixQualifier{"as much as", Qualifier::at_most},
    PrefixQualifier{"fewer than", Qualifier::at_most},
    PrefixQualifier{"less than", Qualifier::at_most},
    PrefixQualifier{"nearly", Qualifier::at_most},
    PrefixQualifier{"almost", Qualifier::at_most},
    PrefixQualifier{"just under", Qualifier::at_most},
    PrefixQualifier{"no more than", Qualifier::at_most},
    PrefixQualifier{"not more than", Qualifier::at_most},
    PrefixQualifier{"at most", Qualifier::at_most},
    PrefixQualifier{"a maximum of", Qualifier::at_most},
    PrefixQualifier{"within", Qualifier::at_most},
};

const WordSet kQualifierFirstWords = {"about", "around", "roughly", "approximately", "approx.", "some", "an",
                                      "estimated", "close", "circa", "in", "more", "over", "at", "upwards",
                                      "no", "not", "well", "just", "north", "a", "up", "as", "fewer",
                                      "less", "nearly", "almost", "within"};

struct PrefixMatch {
    std::size_t end;
    Qualifier qualifier;
};

// The qualifier phrases by their first word, so that common words ("in", "a",
// "at") are checked against their two or three phrases only.
const std::unordered_map<std::string_view, std::vector<const PrefixQualifier*>>& qualifiers_by_first_word() {
    static const auto index = [] {
        std::unordered_map<std::string_view, std::vector<const PrefixQualifier*>> by_first;
        for (const PrefixQualifier& prefix : kPrefixQualifiers) {
            by_first[prefix.words.substr(0, prefix.words.find(' '))].push_back(&prefix);
        }
        return by_first;
    }();
    return index;
}

std::optional<PrefixMatch> prefix_qualifier(const TokenView& t, std::size_t i) {
    if (!kQualifierFirstWords.contains(t.str(i))) return std::nullopt;
    const auto found = qualifiers_by_first_word().find(folded_word(t, i));
    if (found == qualifiers_by_first_word().end()) return std::nullopt;
    std::optional<PrefixMatch> best;
    for (const PrefixQualifier* prefix : found->second) {
        const std::size_t end = t.match(i, prefix->words);
        if (end != 0 && (!best || end > best->end)) best = PrefixMatch{end, prefix->qualifier};
    }
    return best;
}

// "rose from X to Y": X is where a change started, not a figure of its own.
bool starts_a_change(const TokenView& t, std::size_t numeral_first) {
    if (numeral_first < 2 || !t.is(numeral_first - 1, "from")) return false;
    for (std::size_t back = 2; back <= 4 && back <= numeral_first; ++back) {
        if (kChangeVerbs.contains(t.str(numeral_first - back))) return true;
    }
    return false;
}

struct RangeEnd {
    double low;    // X, with Y's scale when it had none ("two to three thousand")
    Numeral high;  // Y
};

// Y of "X to Y", "X or Y", "X-Y" after numeral X, when Y is larger.
std::optional<RangeEnd> range_after(const TokenView& t, const Numeral& x, bool allow_and) {
    if (x.vague) return std::nullopt;
    const std::size_t k = x.last;
    const bool word_link = t.is(k, "to") || t.is(k, "or") || (allow_and && t.is(k, "and"));
    const bool dash_link = t.is_hyphen(k) && t.is_kind(x.last - 1, TokenKind::number) && t.is_kind(k + 1, TokenKind::number);
    if (!word_link && !dash_link) return std::nullopt;
    const std::optional<Numeral> y = match_numeral(t, k + 1);
    if (!y || y->vague) return std::nullopt;
    double low = x.value;
    if (x.scale == 1 && y->scale > 1 && low <= y->value / y->scale) low *= y->scale;
    if (low >= y->value) return std::nullopt;
    return RangeEnd{low, *y};
}

Amount range_amount(std::size_t first, double low, const Numeral& high) {
    Amount a;
    a.first = first;
    a.last = high.last;
    a.value = (low + high.value) / 2;
    a.min = low;
    a.max = high.value;
    a.qualifier = Qualifier::range;
    a.numeral = high;
    return a;
}

Amount single_amount(std::size_t first, std::size_t last, const Numeral& n, Qualifier q) {
    Amount a;
    a.first = first;
    a.last = last;
    a.numeral = n;
    a.value = n.value;
    a.qualifier = q;
    if (n.vague) {
        if (q == Qualifier::at_least) {
            a.value = *n.min;
            a.min = n.min;
        } else if (q == Qualifier::at_most) {
            a.value = *n.max;
            a.max = n.max;
        } else {
            a.qualifier = Qualifier::range;
            a.min = n.min;
            a.max = n.max;
        }
    } else if (q == Qualifier::at_least) {
        a.min = n.value;
    } else if (q == Qualifier::at_most) {
        a.max = n.value;
    }
    return a;
}

// "or more", "or so", "or fewer", "+", "-plus", "-odd" after a number.
std::optional<PrefixMatch> postfix_qualifier(const TokenView& t, std::size_t k) {
    if (std::size_t e = t.match(k, "or more"); e != 0) return PrefixMatch{e, Qualifier::at_least};
    if (std::size_t e = t.match(k, "or so"); e != 0) return PrefixMatch{e, Qualifier::approx};
    if (std::size_t e = t.match(k, "or fewer"); e != 0) return PrefixMatch{e, Qualifier::at_most};
    if (std::size_t e = t.match(k, "or less"); e != 0) return PrefixMatch{e, Qualifier::at_most};
    if (t.joined(k) && t.str(k) == "+") return PrefixMatch{k + 1, Qualifier::at_least};
    if (t.joined(k) && t.is_hyphen(k) && t.joined(k + 1)) {
        if (t.is(k + 1, "plus")) return PrefixMatch{k + 2, Qualifier::at_least};
        if (t.is(k + 1, "odd")) return PrefixMatch{k + 2, Qualifier::approx};
    }
    if (t.is(k, "plus") && t.is_kind(k + 1, TokenKind::word)) return PrefixMatch{k + 1, Qualifier::at_least};
    return std::nullopt;
}

}  // namespace

std::optional<double> parse_decimal(std::string_view s) {
    if (s.empty() || s.size() > 24) return std::nullopt;
    std::array<char, 32> digits{};
    std::size_t length = 0;
    std::size_t p = 0;
    auto digit_run = [&]() {
        const std::size_t start = p;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') digits[length++] = s[p++];
        return p - start;
    };
    const std::size_t lead = digit_run();
    if (lead == 0) return std::nullopt;
    if (p < s.size() && s[p] == ',') {
        if (lead > 3) return std::nullopt;
        while (p < s.size() && s[p] == ',') {
            ++p;
            if (digit_run() != 3) return std::nullopt;
        }
    }
    if (p < s.size() && s[p] == '.') {
        digits[length++] = s[p++];
        if (digit_run() == 0) return std::nullopt;
    }
    if (p != s.size()) return std::nullopt;
    double value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + length, value);
    if (result.ec != std::errc{} || !std::isfinite(value) || value > 1e15) return std::nullopt;
    return value;
}

std::optional<Numeral> match_numeral(const TokenView& t, std::size_t i) {
    if (t.is_kind(i, TokenKind::number)) return digits_numeral(t, i);
    if (!t.is_kind(i, TokenKind::word)) return std::nullopt;
    if (auto vague = vague_numeral(t, i)) return vague;
    if (auto half = half_numeral(t, i)) return half;
    return spelled_cardinal(t, i);
}

std::optional<Amount> match_amount(const TokenView& t, std::size_t i) {
    Qualifier qualifier = Qualifier::exact;
    std::size_t j = i;
    if (const auto prefix = prefix_qualifier(t, i)) {
        qualifier = prefix->qualifier;
        j = prefix->end;
    }
    // "between X and Y", "from X to Y"
    if (qualifier == Qualifier::exact && (t.is(j, "between") || t.is(j, "from"))) {
        const bool between = t.is(j, "between");
        if (const auto x = match_numeral(t, j + 1)) {
            const bool linked = between ? t.is(x->last, "and") : t.is(x->last, "to");
            if (linked && !starts_a_change(t, j + 1)) {
                if (const auto range = range_after(t, *x, between)) return range_amount(i, range->low, range->high);
            }
        }
        return std::nullopt;
    }
    const std::optional<Numeral> x = match_numeral(t, j);
    if (!x) return std::nullopt;
    if (const auto range = range_after(t, *x, false)) {
        if (starts_a_change(t, x->first)) return std::nullopt;
        return range_amount(i, range->low, range->high);
    }
    std::size_t last = x->last;
    if (const auto postfix = postfix_qualifier(t, last)) {
        // A bound after the number says more than "about" before it: "about 100,000-plus".
        if (qualifier == Qualifier::exact || qualifier == Qualifier::approx) qualifier = postfix->qualifier;
        last = postfix->end;
    }
    return single_amount(i, last, *x, qualifier);
}

}  // namespace muster::extract
