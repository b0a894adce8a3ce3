// Casualties: people killed or wounded, counted in persons. Examples:
// casualties.corpus.
//
// The phrase includes the words that make it a casualty figure, so that the map
// can show what the number means:
//   verb first     "killed more than 14,000 people", "wounding at least 12 civilians",
//                  "left 50 people dead", "claimed the lives of 300 soldiers",
//                  "cost 2,000 lives"
//   number first   "14,000 dead", "300 wounded", "50 civilian casualties",
//                  "20 soldiers were killed", "12 people died", "300 wounded troops"
//   death toll     "the death toll rose to 200"
// The unit says who and what: "people killed", "troops wounded", "civilians
// killed"; "casualties" (killed and wounded together) stands alone. Without a
// noun for the victims they are "people".
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

namespace muster::extract::figures {

namespace {

enum class Outcome { killed, wounded, casualties };

std::string_view outcome_name(Outcome outcome) {
    switch (outcome) {
        case Outcome::killed: return "killed";
        case Outcome::wounded: return "wounded";
        case Outcome::casualties: return "casualties";
    }
    return "casualties";
}

const WordSet kKillVerbs = {"killed", "killing", "kills", "kill"};
const WordSet kWoundVerbs = {"wounded", "wounding", "wounds", "wound", "injured", "injuring", "injures", "injure"};
const WordSet kLeaveVerbs = {"left", "leaving", "leaves", "leave"};
const WordSet kClaimVerbs = {"claimed", "claiming", "claims", "claim", "cost", "costing", "costs",
                             "took", "taken", "taking", "takes"};
const WordSet kLeadWords = {"killed", "killing", "kills",   "kill",    "wounded", "wounding", "wounds",  "wound",
                            "injured", "injuring", "injures", "injure", "left",    "leaving",  "leaves",  "leave",
                            "claimed", "claiming", "claims",  "claim",  "cost",    "costing",  "costs",   "took",
                            "taken",   "taking",   "takes",   "death"};
const WordSet kAuxiliaries = {"were", "was", "are", "is", "been", "being", "got", "get", "have", "has", "had"};
const WordSet kAdverbs = {"reportedly", "also", "all", "allegedly", "now", "later", "since", "subsequently",
                          "confirmed", "officially", "already", "believed", "either", "both"};
const WordSet kTollLinks = {"of", "at", "to", "reached", "rose", "risen", "rising", "has", "had", "have",
                            "climbed", "climbing", "stands", "stood", "hit", "is", "was", "now", "topped",
                            "passed", "exceeded", "jumped", "increased", "officially", "reportedly"};

// "killed", "dead" / "wounded", "injured", "hurt".
std::optional<Outcome> participle(const TokenView& t, std::size_t i) {
    if (t.is(i, "killed") || t.is(i, "dead")) return Outcome::killed;
    if (t.is(i, "wounded") || t.is(i, "injured") || t.is(i, "hurt")) return Outcome::wounded;
    return std::nullopt;
}

std::optional<Outcome> outcome_noun(const TokenView& t, std::size_t i) {
    if (t.is(i, "casualties")) return Outcome::casualties;
    if (t.is(i, "deaths") || t.is(i, "fatalities")) return Outcome::killed;
    if (t.is(i, "injuries")) return Outcome::wounded;
    return std::nullopt;
}

struct OutcomeMatch {
    std::size_t last;
    Outcome outcome;
};

// A participle at i, widened by "or wounded" / "and injured" to casualties.
OutcomeMatch participle_pair(const TokenView& t, std::size_t i, Outcome first) {
    if (t.is(i + 1, "or") || t.is(i + 1, "and")) {
        if (const auto second = participle(t, i + 2); second && *second != first) return {i + 3, Outcome::casualties};
    }
    return {i + 1, first};
}

// What follows the number (and its victims): "dead", "were killed", "have been
// wounded", "were reportedly killed", "died", "casualties".
std::optional<OutcomeMatch> outcome_after(const TokenView& t, std::size_t k) {
    if (const auto direct = participle(t, k)) return participle_pair(t, k, *direct);
    if (const auto noun = outcome_noun(t, k)) return OutcomeMatch{k + 1, *noun};
    std::size_t j = k;
    for (int auxiliaries = 0; auxiliaries < 2 && kAuxiliaries.contains(t.str(j)); ++auxiliaries) ++j;
    if (t.is(j, "died")) return OutcomeMatch{j + 1, Outcome::killed};
    if (j == k) return std::nullopt;
    if (kAdverbs.contains(t.str(j))) ++j;
    if (const auto clause = participle(t, j)) return participle_pair(t, j, *clause);
    return std::nullopt;
}

struct Victims {
    std::size_t last;
    std::string unit;
};

// Who was hit: personnel ("Ukrainian soldiers") or people ("civilians").
std::optional<Victims> victims_at(const TokenView& t, std::size_t i, bool one) {
    if (std::optional<Head> head = find_head(t, i, one); head && head->category == FigureCategory::personnel) {
        return Victims{head->last, std::move(head->unit)};
    }
    std::size_t j = skip_of_determiner(t, i);
    for (int modifiers = 0; modifiers <= 2; ++modifiers) {
        std::string unit;
        if (is_people_noun(t, j, &unit)) return Victims{j + 1, std::move(unit)};
        const std::optional<std::size_t> next = skip_modifier(t, j);
        if (!next) break;
        j = *next;
    }
    return std::nullopt;
}

std::string casualty_unit(const std::optional<Victims>& victims, Outcome outcome) {
    if (outcome == Outcome::casualties) return "casualties";
    std::string unit = victims ? victims->unit : std::string("people");
    unit += ' ';
    unit += outcome_name(outcome);
    return unit;
}

RuleMatch casualty_match(const TokenView& t, std::size_t first, std::size_t last, const Amount& amount,
                         const std::optional<Victims>& victims, Outcome outcome) {
    return RuleMatch{last, make_figure(t, first, last, &amount, casualty_unit(victims, outcome), FigureCategory::casualties)};
}

// An amount right after a lead word that is a real count (not a year, not a distance).
std::optional<Amount> amount_at(const TokenView& t, std::size_t i) {
    std::optional<Amount> amount = match_amount(t, i);
    if (!amount || non_figure_end(t, *amount)) return std::nullopt;
    const std::size_t k = amount->last;
    if (is_distance_unit(t, k) || (hyphen_joined(t, k + 1) && is_distance_unit(t, k + 1))) return std::nullopt;
    return amount;
}

// "killed more than 14,000 people", "killed or wounded 300", "wounding 12".
std::optional<RuleMatch> verb_first(const TokenView& t, std::size_t at) {
    Outcome outcome = kKillVerbs.contains(t.str(at)) ? Outcome::killed : Outcome::wounded;
    std::size_t next = at + 1;
    if ((t.is(next, "or") || t.is(next, "and")) && (kKillVerbs.contains(t.str(next + 1)) || kWoundVerbs.contains(t.str(next + 1)))) {
        outcome = Outcome::casualties;
        next += 2;
    }
    const std::optional<Amount> amount = amount_at(t, next);
    if (!amount) return std::nullopt;
    const std::optional<Victims> victims = victims_at(t, amount->last, is_one(*amount));
    if (!victims) {
        // "killed 300 cattle", "wounded two tanks": not people.
        const std::size_t noun = skip_of_determiner(t, amount->last);
        if (plural_noun_end(t, noun, nullptr) || find_head(t, amount->last, is_one(*amount))) return std::nullopt;
    }
    const std::size_t last = victims ? victims->last : amount->last;
    return casualty_match(t, at, last, *amount, victims, outcome);
}

// "left 50 people dead", "leaving 12 wounded".
std::optional<RuleMatch> left_dead(const TokenView& t, std::size_t at) {
    const std::optional<Amount> amount = amount_at(t, at + 1);
    if (!amount) return std::nullopt;
    const std::optional<Victims> victims = victims_at(t, amount->last, is_one(*amount));
    const std::size_t k = victims ? victims->last : amount->last;
    const std::optional<Outcome> outcome = participle(t, k);
    if (!outcome) return std::nullopt;
    const OutcomeMatch match = participle_pair(t, k, *outcome);
    return casualty_match(t, at, match.last, *amount, victims, match.outcome);
}

// "claimed the lives of 300 soldiers", "cost 2,000 lives".
std::optional<RuleMatch> lives_claimed(const TokenView& t, std::size_t at) {
    if (const std::size_t of = t.match(at + 1, "the lives of"); of != 0) {
        const std::optional<Amount> amount = amount_at(t, of);
        if (!amount) return std::nullopt;
        const std::optional<Victims> victims = victims_at(t, amount->last, is_one(*amount));
        const std::size_t last = victims ? victims->last : amount->last;
        return casualty_match(t, at, last, *amount, victims, Outcome::killed);
    }
    const std::optional<Amount> amount = amount_at(t, at + 1);
    if (!amount || !t.is(amount->last, "lives")) return std::nullopt;
    return casualty_match(t, at, amount->last + 1, *amount, std::nullopt, Outcome::killed);
}

// "the death toll rose to 200", "a death toll of at least 30 civilians".
std::optional<RuleMatch> death_toll(const TokenView& t, std::size_t at) {
    const std::size_t toll_end = t.match(at, "death toll");
    if (toll_end == 0) return std::nullopt;
    std::size_t j = toll_end;
    for (int links = 0; links <= 4; ++links) {
        if (const std::optional<Amount> amount = amount_at(t, j)) {
            const std::optional<Victims> victims = victims_at(t, amount->last, is_one(*amount));
            const std::size_t last = victims ? victims->last : amount->last;
            return casualty_match(t, at, last, *amount, victims, Outcome::killed);
        }
        if (!kTollLinks.contains(t.str(j))) break;
        ++j;
    }
    return std::nullopt;
}

}  // namespace

bool may_lead_casualties(const TokenView& t, std::size_t i) {
    return t.is_kind(i, TokenKind::word) && kLeadWords.contains(t.str(i));
}

std::optional<RuleMatch> match_casualties_lead(const TokenView& t, std::size_t at) {
    if (!may_lead_casualties(t, at)) return std::nullopt;
    const std::string_view word = t.str(at);
    if (kKillVerbs.contains(word) || kWoundVerbs.contains(word)) return verb_first(t, at);
    if (kLeaveVerbs.contains(word)) return left_dead(t, at);
    if (kClaimVerbs.contains(word)) return lives_claimed(t, at);
    return death_toll(t, at);
}

std::optional<RuleMatch> match_casualties_after(const TokenView& t, const Amount& amount) {
    const std::size_t k = amount.last;
    // "300 wounded soldiers", "14 dead civilians"
    if (const auto outcome = participle(t, k)) {
        if (const std::optional<Victims> victims = victims_at(t, k + 1, is_one(amount))) {
            return casualty_match(t, amount.first, victims->last, amount, victims, *outcome);
        }
    }
    const std::optional<Victims> victims = victims_at(t, k, is_one(amount));
    if (!victims) {
        // "300 civilian casualties", "14,000 combat deaths"
        std::size_t j = k;
        for (int modifiers = 0; modifiers <= 2; ++modifiers) {
            if (const auto noun = outcome_noun(t, j)) return casualty_match(t, amount.first, j + 1, amount, std::nullopt, *noun);
            const std::optional<std::size_t> next = skip_modifier(t, j);
            if (!next) break;
            j = *next;
        }
    }
    const std::size_t j = victims ? victims->last : k;
    if (const std::optional<OutcomeMatch> outcome = outcome_after(t, j)) {
        return casualty_match(t, amount.first, outcome->last, amount, victims, outcome->outcome);
    }
    return std::nullopt;
}

}  // namespace muster::extract::figures
