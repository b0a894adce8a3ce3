// Distances, always in km. Examples: distance.corpus.
//
//   "250 kilometres", "30km", "2,000-kilometre-long border", "a 1,000-mile front",
//   "hundreds of kilometres", "30 nautical miles", "500m from the border"
//
// Miles convert at 1.609344 km, nautical miles at 1.852. Feet and yards are
// left out: news gives them for heights, depths and the size of things (river
// crests, altitudes, trailers), not for distances on a map.
// When the text gives both systems, "5,600 miles (9,000 kilometers)", it is one
// figure whose value is the metric one the writer gave (not our conversion),
// and whose text covers both. "m" counts as metres only glued to the number
// ("500m"); spaced, it is too often million. Areas ("square kilometres", "km²")
// and speeds ("km/h", "miles per hour") are not distances and are skipped.
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

#include <array>

namespace muster::extract::figures {

namespace {

struct DistanceUnit {
    std::string_view words;
    double km;
    bool metric;
    bool glued_only;  // only directly after the number: "500m"
};

constexpr double kMile = 1.609344;
constexpr double kNauticalMile = 1.852;

constexpr std::array kDistanceUnits = {
    DistanceUnit{"kilometres", 1, true, false},      DistanceUnit{"kilometre", 1, true, false},
    DistanceUnit{"kilometers", 1, true, false},      DistanceUnit{"kilometer", 1, true, false},
    DistanceUnit{"km", 1, true, false},              DistanceUnit{"km.", 1, true, false},
    DistanceUnit{"kms", 1, true, false},             DistanceUnit{"klicks", 1, true, false},
    DistanceUnit{"metres", 0.001, true, false},      DistanceUnit{"metre", 0.001, true, false},
    DistanceUnit{"meters", 0.001, true, false},      DistanceUnit{"meter", 0.001, true, false},
    DistanceUnit{"m", 0.001, true, true},            DistanceUnit{"miles", kMile, false, false},
    DistanceUnit{"mile", kMile, false, false},       DistanceUnit{"mi", kMile, false, true},
    DistanceUnit{"nautical miles", kNauticalMile, false, false},
    DistanceUnit{"nautical mile", kNauticalMile, false, false},
};

// "-long", "-wide" after the unit belong to the figure: "2,000-kilometre-long".
const WordSet kExtentWords = {"long", "wide", "deep", "high", "tall", "thick", "range"};

struct UnitMatch {
    std::size_t last;
    const DistanceUnit* unit;
};

std::optional<UnitMatch> unit_at(const TokenView& t, std::size_t i) {
    if (!t.is_kind(i, TokenKind::word)) return std::nullopt;
    // Capitalised inside a sentence, the unit is part of a name: "Ten Mile", "Three Mile Island".
    if (t[i].capitalised && !t[i].all_caps && !t[i].sentence_start) return std::nullopt;
    std::optional<UnitMatch> best;
    for (const DistanceUnit& unit : kDistanceUnits) {
        const std::size_t end = t.match(i, unit.words);
        if (end == 0 || (unit.glued_only && !t.joined(i))) continue;
        if (!best || end > best->last) best = UnitMatch{end, &unit};
    }
    return best;
}

// The unit after an amount ending at k, allowing "of" after a vague amount
// ("hundreds of kilometres") and a hyphen ("2,000-kilometre"); its start in *at.
std::optional<UnitMatch> unit_after(const TokenView& t, const Amount& amount, std::size_t* at) {
    std::size_t j = amount.last;
    if (amount.numeral.vague && t.is(j, "of")) ++j;
    if (hyphen_joined(t, j + 1)) ++j;
    *at = j;
    return unit_at(t, j);
}

bool is_area_word(const TokenView& t, std::size_t i) {
    return t.is(i, "square") || t.is(i, "sq") || t.is(i, "sq.") || t.is(i, "cubic");
}

// Speeds ("km/h", "miles per hour", "kilometres an hour") and areas ("km²",
// "km2") after a unit ending at k: the end of that phrase, or 0.
std::size_t rate_or_area_end(const TokenView& t, std::size_t k) {
    for (const std::string_view rate : {"per hour", "an hour", "a hour", "per second", "per minute", "a day", "per day"}) {
        if (const std::size_t end = t.match(k, rate); end != 0) return end;
    }
    if (t.str(k) == "/" && t.joined(k) && t.is_kind(k + 1, TokenKind::word)) return k + 2;
    const std::string_view next = t.str(k);
    if (t.joined(k) && (next == "\xC2\xB2" /* ² */ || next == "\xC2\xB3" /* ³ */ || next == "2" || next == "3")) {
        return k + 1;
    }
    return 0;
}

std::size_t extent_end(const TokenView& t, std::size_t k) {
    if (hyphen_joined(t, k + 1) && kExtentWords.contains(t.str(k + 1))) return k + 2;
    return k;
}

Figure distance_figure(const TokenView& t, std::size_t first, std::size_t last, const Amount& amount, double km) {
    Figure figure = make_figure(t, first, last, &amount, "km", FigureCategory::distance);
    figure.value = amount.value * km;
    if (amount.min) figure.min = *amount.min * km;
    if (amount.max) figure.max = *amount.max * km;
    return figure;
}

// "approximately 1.9 miles (3km)": the bracket restates the number, so the
// qualifier written before the first one applies to it too.
Amount with_outer_qualifier(Amount inner, const Amount& outer) {
    if (inner.qualifier != Qualifier::exact || outer.qualifier == Qualifier::range) return inner;
    inner.qualifier = outer.qualifier;
    if (outer.qualifier == Qualifier::at_least) inner.min = inner.value;
    if (outer.qualifier == Qualifier::at_most) inner.max = inner.value;
    return inner;
}

}  // namespace

bool is_distance_unit(const TokenView& t, std::size_t i) { return unit_at(t, i).has_value(); }

std::optional<RuleMatch> match_distance(const TokenView& t, const Amount& amount) {
    std::size_t at = 0;
    // "5,000 square kilometres": an area, not a figure.
    if (is_area_word(t, amount.last)) {
        if (const auto area = unit_at(t, amount.last + 1)) return RuleMatch{area->last, std::nullopt};
        return std::nullopt;
    }
    const std::optional<UnitMatch> unit = unit_after(t, amount, &at);
    if (!unit) return std::nullopt;
    if (const std::size_t rate_end = rate_or_area_end(t, unit->last); rate_end != 0) {
        return RuleMatch{rate_end, std::nullopt};
    }
    std::size_t last = extent_end(t, unit->last);
    Figure figure = distance_figure(t, amount.first, last, amount, unit->unit->km);

    // "5,600 miles (9,000 kilometers)": one figure; the writer's metric value wins.
    if (t.str(last) == "(") {
        if (const std::optional<Amount> inner = match_amount(t, last + 1)) {
            std::size_t inner_at = 0;
            const std::optional<UnitMatch> inner_unit = unit_after(t, *inner, &inner_at);
            if (inner_unit) {
                const std::size_t inner_last = extent_end(t, inner_unit->last);
                if (t.str(inner_last) == ")") {
                    last = inner_last + 1;
                    if (!unit->unit->metric && inner_unit->unit->metric) {
                        figure = distance_figure(t, amount.first, last, with_outer_qualifier(*inner, amount),
                                                 inner_unit->unit->km);
                    } else {
                        figure = distance_figure(t, amount.first, last, amount, unit->unit->km);
                    }
                }
            }
        }
    }
    return RuleMatch{last, std::move(figure)};
}

}  // namespace muster::extract::figures
