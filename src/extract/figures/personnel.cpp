// Personnel: people under arms, counted in persons. Examples: personnel.corpus.
//
// Soldiers, servicemen, service members, military personnel and forces all
// count as "troops" (what a map legend says); bare "personnel" stays
// "personnel" (it may be medical or civilian staff); kinds of fighters keep their
// own name ("paratroopers", "marines", "separatists", "mercenaries") because who
// they are matters to the reader. "A 40,000-strong force" is 40,000 troops.
// Volunteers are counted as such (count.cpp): in local news they fill sandbags.
#include "extract/figures/rules.hpp"

#include <array>

namespace muster::extract::figures {

namespace {

constexpr std::array kPersonnel = {
    Noun{"troops", "troops"},
    Noun{"troop", "troops", true},
    Noun{"soldiers", "troops"},
    Noun{"soldier", "troops", true},
    Noun{"servicemen", "troops"},
    Noun{"serviceman", "troops", true},
    Noun{"servicewomen", "troops"},
    Noun{"servicemembers", "troops"},
    Noun{"service members", "troops"},
    Noun{"service member", "troops", true},
    Noun{"service personnel", "troops"},
    Noun{"military personnel", "troops"},
    Noun{"personnel", "personnel"},
    Noun{"forces", "troops"},
    Noun{"infantrymen", "troops"},
    Noun{"guardsmen", "troops"},
    Noun{"national guard members", "troops"},
    Noun{"combatants", "troops"},
    Noun{"paratroopers", "paratroopers"},
    Noun{"paratrooper", "paratroopers", true},
    Noun{"paratroops", "paratroopers"},
    Noun{"airborne troops", "paratroopers"},
    Noun{"marines", "marines"},
    Noun{"marine", "marines", true},
    Noun{"sailors", "sailors"},
    Noun{"sailor", "sailors", true},
    Noun{"airmen", "airmen"},
    Noun{"reservists", "reservists"},
    Noun{"reservist", "reservists", true},
    Noun{"conscripts", "conscripts"},
    Noun{"conscript", "conscripts", true},
    Noun{"recruits", "recruits"},
    Noun{"separatists", "separatists"},
    Noun{"separatist fighters", "separatists"},
    Noun{"rebels", "rebels"},
    Noun{"rebel fighters", "rebels"},
    Noun{"fighters", "fighters"},
    Noun{"fighter", "fighters", true},
    Noun{"militants", "militants"},
    Noun{"insurgents", "insurgents"},
    Noun{"mercenaries", "mercenaries"},
    Noun{"militiamen", "militiamen"},
    Noun{"militia members", "militiamen"},
    Noun{"militia fighters", "militiamen"},
    Noun{"gunmen", "gunmen"},
    Noun{"commandos", "commandos"},
    Noun{"special forces", "special forces"},
    Noun{"special operations forces", "special forces"},
    Noun{"special forces troops", "special forces"},
    Noun{"special forces soldiers", "special forces"},
    Noun{"peacekeepers", "peacekeepers"},
    Noun{"military advisers", "military advisers"},
    Noun{"military advisors", "military advisers"},
    Noun{"military instructors", "military instructors"},
    Noun{"military trainers", "military instructors"},
    Noun{"crew members", "crew"},
    Noun{"crewmen", "crew"},
    Noun{"pilots", "pilots"},
    Noun{"snipers", "snipers"},
    Noun{"border guards", "border guards"},
};

const NounLexicon& lexicon() {
    static const NounLexicon personnel(kPersonnel);
    return personnel;
}

}  // namespace

std::optional<Head> personnel_head(const TokenView& t, std::size_t i, std::size_t /*modifiers_first*/) {
    const std::optional<LexiconMatch> match = lexicon().match(t, i);
    if (!match) return std::nullopt;
    return Head{i, match->last, std::string(match->noun->unit), FigureCategory::personnel, match->noun->singular};
}

std::optional<RuleMatch> match_strength(const TokenView& t, const Amount& amount) {
    std::size_t last = 0;
    if (hyphen_joined(t, amount.last + 1) && t.is(amount.last + 1, "strong")) last = amount.last + 2;
    else if (t.is(amount.last, "strong") && t.is_kind(amount.last + 1, TokenKind::word)) last = amount.last + 1;
    if (last == 0) return std::nullopt;
    return RuleMatch{last, make_figure(t, amount.first, last, &amount, "troops", FigureCategory::personnel)};
}

}  // namespace muster::extract::figures
