// The rule kit: lexicon lookup, modifiers, and finding the noun an amount counts.
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

#include <algorithm>

namespace muster::extract::figures {

namespace {

// Words that end a noun phrase after a number: articles, pronouns,
// prepositions, conjunctions, auxiliaries, and the casualty words that the
// casualty rules read after a noun ("one soldier killed").
const WordSet kStopWords = {
    "the", "a", "an", "and", "or", "but", "nor", "to", "in", "on", "at", "from", "by", "with", "for", "into",
    "onto", "near", "along", "as", "of", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "will", "would", "could", "should", "may", "might", "can", "must", "shall", "do", "does", "did", "that",
    "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "they", "them", "their", "he", "him",
    "his", "she", "her", "we", "us", "our", "you", "your", "i", "me", "my", "not", "no", "than", "also", "said",
    "says", "say", "since", "until", "after", "before", "during", "over", "under", "about", "around", "per",
    "each", "every", "all", "while", "when", "where", "if", "then", "so", "yet", "just", "only", "still",
    "already", "now", "here", "there", "across", "against", "between", "among", "through", "toward",
    "towards", "within", "without", "including", "like", "via", "amid", "despite", "up", "down", "out", "off",
    "away", "back", "ago", "later", "earlier", "inside", "outside", "behind", "beyond", "above", "below",
    "killed", "wounded", "injured", "dead", "died", "hurt", "missing", "left", "less", "fewer",
    "some", "any", "both", "either", "neither", "such", "what", "how", "why", "very", "too", "again",
    "apiece", "total", "altogether", "respectively"};

// Lower-case words that may stand between a number and what it counts
// ("5,000 additional troops", "300 main battle tanks", "40 attack helicopters").
const WordSet kModifierWords = {
    "additional", "extra", "fresh", "new", "other", "active", "combat", "elite", "regular", "reserve", "armed",
    "military", "foreign", "enemy", "allied", "rebel", "heavy", "light", "main", "battle", "modern", "advanced",
    "upgraded", "old", "older", "attack", "ballistic", "cruise", "air", "naval", "navy", "ground", "land", "sea",
    "special", "airborne", "infantry", "marine", "army", "tactical", "strategic", "nuclear", "armoured",
    "armored", "mechanised", "mechanized", "motorised", "motorized", "motor", "rifle", "tank", "artillery",
    "missile", "rocket", "fighter", "bomber", "transport", "cargo", "reconnaissance", "surveillance",
    "assault", "landing", "amphibious", "western", "eastern", "northern", "southern", "government",
    "opposition", "separatist", "insurgent", "militia", "volunteer", "frontline", "border", "defence",
    "defense", "security", "police", "peacekeeping", "medical", "support", "logistics", "civilian",
    "unarmed", "captured", "paratroop", "mountain", "coastal", "multiple", "combined", "arms", "guided",
    "precision", "surface", "drone", "helicopter", "jet", "multirole", "multi", "stealth", "submarine",
    "patrol", "coast", "guard", "national", "troop", "ukrainian", "russian", "american", "british",
    "french", "german", "polish", "belarusian", "chinese", "more", "uniformed", "spare", "operational",
    "serviceable", "brand", "second", "first", "third", "fourth", "latest", "front", "line", "short", "long",
    "medium", "range", "high", "low", "altitude", "self", "propelled", "towed", "wheeled", "tracked"};

const WordSet kDeterminers = {"the", "its", "their", "his", "her", "our", "these", "those", "whose", "my", "your"};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Suffixes of adjectives and participles ("deployed", "Ukrainian", "tactical",
// "offensive"); only used on words that are not stop words.
bool has_adjective_suffix(std::string_view word) {
    if (word.size() < 5) return false;
    for (const std::string_view suffix : {"ed", "ian", "ean", "ese", "ish", "ic", "al", "ary", "ive", "ous", "ful"}) {
        if (ends_with(word, suffix)) return true;
    }
    return false;
}

constexpr int kMaxModifiers = 4;

}  // namespace

// ================================================================ lexicon

NounLexicon::NounLexicon(std::span<const Noun> nouns) {
    for (const Noun& noun : nouns) {
        const std::string_view first_word = noun.words.substr(0, noun.words.find(' '));
        by_first_word_[first_word].push_back(&noun);
    }
}

std::optional<LexiconMatch> NounLexicon::match(const TokenView& t, std::size_t i) const {
    if (!t.is_kind(i, TokenKind::word)) return std::nullopt;
    std::string key;
    if (!fold_into(t.str(i), key, 32)) return std::nullopt;
    const auto found = by_first_word_.find(key);
    if (found == by_first_word_.end()) return std::nullopt;
    std::optional<LexiconMatch> best;
    for (const Noun* noun : found->second) {
        const std::size_t end = t.match(i, noun->words);
        if (end != 0 && (!best || end > best->last)) best = LexiconMatch{end, noun};
    }
    return best;
}

// ================================================================ noun phrases

bool is_stop_word(std::string_view word) { return kStopWords.contains(word); }

bool noun_continues(const TokenView& t, std::size_t i) {
    if (!t.is_kind(i, TokenKind::word) || t.joined(i)) return false;
    // Plain nouns only, never named systems: those look further ahead again, and a
    // chain of them ("S-400 system S-400 system ...") would recurse without bound.
    return unit_head(t, i, i).has_value() || equipment_noun_head(t, i).has_value() ||
           personnel_head(t, i, i).has_value() || plural_noun_end(t, i, nullptr).has_value();
}

bool is_one(const Amount& amount) {
    return !amount.numeral.vague && amount.qualifier != Qualifier::range && amount.value == 1;
}

bool hyphen_joined(const TokenView& t, std::size_t i) {
    return i >= 1 && t.is_hyphen(i - 1) && t.joined(i - 1) && t.joined(i);
}

std::optional<std::size_t> skip_modifier(const TokenView& t, std::size_t i) {
    if (!t.is_kind(i, TokenKind::word)) return std::nullopt;
    const std::string_view word = t.str(i);
    if (is_stop_word(word)) return std::nullopt;
    // Hyphenated compounds are one modifier: "Russian-backed", "combat-ready", "T-72B3".
    std::size_t k = i + 1;
    while (t.is_hyphen(k) && t.joined(k) && t.joined(k + 1) &&
           (t.is_kind(k + 1, TokenKind::word) || t.is_kind(k + 1, TokenKind::number))) {
        k += 2;
        if (t.is_kind(k, TokenKind::word) && t.joined(k) && t.is_kind(k - 1, TokenKind::number)) ++k;
    }
    if (k > i + 1) return k;
    if (t[i].capitalised || t[i].all_caps) return i + 1;  // demonyms and names: "Russian", "U.S.", "NATO"
    if (kModifierWords.contains(word) || has_adjective_suffix(word)) return i + 1;
    return std::nullopt;
}

std::size_t skip_of_determiner(const TokenView& t, std::size_t i) {
    if (!t.is(i, "of")) return i;
    return kDeterminers.contains(t.str(i + 1)) ? i + 2 : i + 1;
}

std::optional<Head> head_at(const TokenView& t, std::size_t i, std::size_t modifiers_first) {
    std::optional<Head> best;
    for (auto* kind : {&unit_head, &equipment_head, &personnel_head}) {
        std::optional<Head> head = (*kind)(t, i, modifiers_first);
        if (head && (!best || head->last > best->last)) best = std::move(head);
    }
    return best;
}

std::optional<Head> find_head(const TokenView& t, std::size_t from, bool one) {
    // "a 40,000-troop force": glued by a hyphen, a singular noun is what is counted.
    if (hyphen_joined(t, from + 1)) return head_at(t, from + 1, from + 1);
    std::size_t j = skip_of_determiner(t, from);
    const std::size_t modifiers_first = j;
    for (int modifiers = 0; modifiers <= kMaxModifiers; ++modifiers) {
        std::optional<Head> head = head_at(t, j, modifiers_first);
        if (head && (!head->singular || (one && !noun_continues(t, head->last)))) return head;
        const std::optional<std::size_t> next = skip_modifier(t, j);
        if (!next) break;
        j = *next;
    }
    return std::nullopt;
}

Figure make_figure(const TokenView& t, std::size_t first, std::size_t last, const Amount* amount, std::string unit,
                   FigureCategory category) {
    Figure figure;
    figure.begin = t[first].begin;
    figure.end = t[last - 1].end;
    figure.first_token = first;
    figure.last_token = last;
    if (amount != nullptr) {
        figure.value = amount->value;
        figure.min = amount->min;
        figure.max = amount->max;
        figure.qualifier = amount->qualifier;
    }
    figure.unit = std::move(unit);
    figure.category = category;
    return figure;
}

std::optional<RuleMatch> match_counted(const TokenView& t, const Amount& amount) {
    std::optional<Head> head = find_head(t, amount.last, is_one(amount));
    if (!head) return std::nullopt;
    return RuleMatch{head->last,
                     make_figure(t, amount.first, head->last, &amount, std::move(head->unit), head->category)};
}

}  // namespace muster::extract::figures
