// Units: formations counted by echelon ("two battalion tactical groups", "three
// brigades", "a dozen BTGs"); the renderer draws them with echelon marks.
// Examples: units.corpus.
//
// "Companies" are businesses as often as sub-units, so they count only with a
// military word before them ("two infantry companies") or of troops after them
// ("three companies of paratroopers").
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

#include <array>

namespace muster::extract::figures {

namespace {

constexpr std::array kUnits = {
    Noun{"battalion tactical groups", "battalion tactical groups"},
    Noun{"battalion tactical group", "battalion tactical groups", true},
    Noun{"battalion task groups", "battalion tactical groups"},
    Noun{"battalion groups", "battalion tactical groups"},
    Noun{"btgs", "battalion tactical groups"},
    Noun{"btg", "battalion tactical groups", true},
    Noun{"battlegroups", "battle groups"},
    Noun{"battle groups", "battle groups"},
    Noun{"battalions", "battalions"},
    Noun{"battalion", "battalions", true},
    Noun{"brigades", "brigades"},
    Noun{"brigade", "brigades", true},
    Noun{"divisions", "divisions"},
    Noun{"division", "divisions", true},
    Noun{"regiments", "regiments"},
    Noun{"regiment", "regiments", true},
    Noun{"companies", "companies"},
    Noun{"company", "companies", true},
    Noun{"squadrons", "squadrons"},
    Noun{"squadron", "squadrons", true},
    Noun{"platoons", "platoons"},
    Noun{"platoon", "platoons", true},
    Noun{"corps", "corps"},
    Noun{"armies", "armies"},
    Noun{"combined arms armies", "armies"},
    Noun{"army", "armies", true},
};

const NounLexicon& lexicon() {
    static const NounLexicon units(kUnits);
    return units;
}

const WordSet kMilitaryCompanyWords = {
    "infantry", "rifle", "tank", "paratroop", "paratrooper", "airborne", "marine", "mechanised", "mechanized",
    "motorised", "motorized", "motor", "artillery", "engineer", "sapper", "reconnaissance", "special", "commando",
    "assault", "mortar", "sniper", "military", "army", "combat", "armoured", "armored", "guards"};

bool is_military_company(const TokenView& t, std::size_t head, std::size_t head_last, std::size_t modifiers_first) {
    for (std::size_t k = modifiers_first; k < head; ++k) {
        if (kMilitaryCompanyWords.contains(t.str(k))) return true;
    }
    if (!t.is(head_last, "of")) return false;
    const std::size_t noun = skip_of_determiner(t, head_last);
    return personnel_head(t, noun, noun).has_value() ||
           (skip_modifier(t, noun) && personnel_head(t, *skip_modifier(t, noun), noun).has_value());
}

}  // namespace

std::optional<Head> unit_head(const TokenView& t, std::size_t i, std::size_t modifiers_first) {
    const std::optional<LexiconMatch> match = lexicon().match(t, i);
    if (!match) return std::nullopt;
    if (match->noun->unit == "companies" && !is_military_company(t, i, match->last, modifiers_first)) {
        return std::nullopt;
    }
    return Head{i, match->last, std::string(match->noun->unit), FigureCategory::unit, match->noun->singular};
}

}  // namespace muster::extract::figures
