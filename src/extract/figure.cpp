// find_figures(): walks each sentence and asks the figure rules of
// src/extract/figures/ in a fixed order (see figures/rules.hpp).
#include "extract/figure.hpp"

#include "extract/figures/rules.hpp"
#include "extract/numeral.hpp"
#include "extract/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace muster::extract {

// ================================================================ names

std::string_view to_string(Qualifier qualifier) {
    switch (qualifier) {
        case Qualifier::exact: return "exact";
        case Qualifier::approx: return "approx";
        case Qualifier::at_least: return "at_least";
        case Qualifier::at_most: return "at_most";
        case Qualifier::range: return "range";
    }
    return "exact";
}

std::string_view to_string(FigureCategory category) {
    switch (category) {
        case FigureCategory::personnel: return "personnel";
        case FigureCategory::unit: return "unit";
        case FigureCategory::equipment: return "equipment";
        case FigureCategory::distance: return "distance";
        case FigureCategory::casualties: return "casualties";
        case FigureCategory::count: return "count";
        case FigureCategory::other: return "other";
    }
    return "other";
}

std::optional<Qualifier> parse_qualifier(std::string_view name) {
    for (const Qualifier q :
         {Qualifier::exact, Qualifier::approx, Qualifier::at_least, Qualifier::at_most, Qualifier::range}) {
        if (to_string(q) == name) return q;
    }
    return std::nullopt;
}

std::optional<FigureCategory> parse_category(std::string_view name) {
    for (const FigureCategory c : {FigureCategory::personnel, FigureCategory::unit, FigureCategory::equipment,
                                   FigureCategory::distance, FigureCategory::casualties, FigureCategory::count,
                                   FigureCategory::other}) {
        if (to_string(c) == name) return c;
    }
    return std::nullopt;
}

// ================================================================ the walk

namespace {

using figures::RuleMatch;

// Words that can begin an amount: numerals, vague amounts and qualifiers.
const WordSet kAmountStarters = {
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
    "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety", "zero", "half", "several", "dozens",
    "hundreds", "thousands", "millions", "billions", "tens", "scores", "between", "from", "about", "around",
    "roughly", "approximately", "approx.", "some", "estimated", "close", "circa", "in", "more", "over", "at",
    "upwards", "no", "not", "well", "just", "north", "up", "as", "fewer", "less", "nearly", "almost", "within"};

bool could_start_figure(const TokenView& t, std::size_t i) {
    const Token& token = t[i];
    if (token.kind == TokenKind::number) return true;
    if (token.kind != TokenKind::word) return false;
    if (token.size() <= 13 && kAmountStarters.contains(t.str(i))) return true;
    if (figures::may_lead_casualties(t, i)) return true;
    return figures::may_name_equipment(t, i);
}

// The amount rules, in order: the first that answers wins.
using AmountRule = std::optional<RuleMatch> (*)(const TokenView&, const Amount&);
constexpr AmountRule kAmountRules[] = {
    &figures::match_casualties_after,
    &figures::match_distance,
    &figures::match_strength,
    &figures::match_counted,
    &figures::match_count,
};

std::optional<RuleMatch> match_at(const TokenView& t, std::size_t i) {
    if (auto casualties = figures::match_casualties_lead(t, i)) return casualties;
    if (auto equipment = figures::match_named_equipment(t, i)) return equipment;
    const std::optional<Amount> amount = match_amount(t, i);
    if (!amount) return std::nullopt;
    if (const std::optional<std::size_t> end = figures::non_figure_end(t, *amount)) return RuleMatch{*end, std::nullopt};
    for (const AmountRule rule : kAmountRules) {
        if (auto match = rule(t, *amount)) return match;
    }
    // An amount that counts nothing ("more than 3,000 of them"): skip it whole,
    // so that its bare number is not read again without its qualifier.
    return RuleMatch{amount->last, std::nullopt};
}

void scan_sentence(const TokenView& t, std::size_t first_token, std::vector<Figure>& out) {
    std::size_t i = 0;
    while (i < t.size()) {
        std::optional<RuleMatch> match;
        if (could_start_figure(t, i)) match = match_at(t, i);
        if (!match) {
            ++i;
            continue;
        }
        if (match->figure) {
            Figure& figure = out.emplace_back(std::move(*match->figure));
            figure.first_token += first_token;
            figure.last_token += first_token;
        }
        i = std::max(match->last, i + 1);
    }
}

}  // namespace

std::vector<Figure> find_figures(std::string_view text, const Tokenized& tokens) {
    std::vector<Figure> figures;
    for (const Sentence& sentence : tokens.sentences) {
        if (sentence.first_token + sentence.token_count > tokens.tokens.size()) break;  // not from this text
        const TokenView view(text, std::span<const Token>(tokens.tokens).subspan(sentence.first_token, sentence.token_count));
        scan_sentence(view, sentence.first_token, figures);
    }
    return figures;
}

// ================================================================ describe

namespace {

std::string format_number(double value) {
    char buffer[64];
    if (std::fabs(value) < 1e15 && value == std::floor(value)) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
    }
    // Two decimals, or four significant digits below one (0.4572 km, not 0.46).
    std::snprintf(buffer, sizeof buffer, std::fabs(value) < 1 ? "%.4g" : "%.2f", value);
    std::string s = buffer;
    if (s.find('.') == std::string::npos) return s;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

}  // namespace

std::string describe(const Figure& figure, std::string_view text) {
    std::string out = "text=\"";
    if (figure.begin <= figure.end && figure.end <= text.size()) out += text.substr(figure.begin, figure.end - figure.begin);
    out += '"';
    if (figure.value) out += " value=" + format_number(*figure.value);
    if (figure.min) out += " min=" + format_number(*figure.min);
    if (figure.max) out += " max=" + format_number(*figure.max);
    out += " qualifier=";
    out += to_string(figure.qualifier);
    out += " unit=";
    if (figure.unit.find(' ') != std::string::npos) out += '"' + figure.unit + '"';
    else out += figure.unit;
    out += " category=";
    out += to_string(figure.category);
    return out;
}

}  // namespace muster::extract
