// Relations between figures, sides and places; see relations.hpp for the rules.
#include "extract/relations.hpp"

#include "extract/text.hpp"
#include "extract/token_cover.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

namespace muster::extract {

namespace {

constexpr int kNone = -1;

// ================================================================ word lists

// What makes the toponym after it an object, not a subject ("troops in Russia").
const WordSet kLocative = {"in",     "into",   "to",     "near",   "along",   "at",      "on",      "across",
                           "inside", "around", "from",   "toward", "towards", "within",  "off"};

// What introduces a figure's place. "from" is left out: it names where
// something comes from ("withdraw troops from Crimea"), not where it is.
const WordSet kPlacePrepositions = {"in",     "into",       "to",         "near",    "along",   "at",
                                   "on",     "across",     "inside",     "around",  "toward",  "towards",
                                   "within", "off",        "alongside",  "outside", "through", "throughout",
                                   "over",   "beside",     "surrounding"};

const WordSet kDeterminers = {"the",   "a",   "an",    "its",    "their",  "his",   "her",  "our",
                              "your",  "this", "that", "these",  "those",  "both",  "each", "either",
                              "whole", "entire"};

// Adjectives between a preposition and its place ("in allied Belarus", "the
// occupied Crimean Peninsula", "its long land border"). Lower-case words
// ending in -ed are accepted besides these.
const WordSet kPlaceAdjectives = {
    "allied",  "neighbouring", "neighboring", "nearby",      "breakaway",   "rebel",       "separatist",
    "southern", "northern",    "eastern",     "western",     "central",     "north",       "south",
    "east",     "west",        "northeastern", "northwestern", "southeastern", "southwestern", "far",
    "upper",    "lower",       "coastal",     "frontline",   "long",        "shared",      "common",
    "land",     "porous",      "lengthy",     "de",          "facto",       "self",        "so",
    "pro",      "whole",       "entire",      "mainland",    "rest",        "sea",         "maritime"};

// Nouns that lead to the place they belong to: "the Donbas region of
// Ukraine", "on the outskirts of Kyiv", "along the borders of Ukraine".
const WordSet kPlaceNouns = {
    "region",    "regions",  "province",  "provinces", "city",     "town",     "village",  "port",
    "area",      "areas",    "district",  "oblast",    "republic", "capital",  "peninsula", "territory",
    "territories", "coast",  "shores",    "outskirts", "edge",     "north",    "south",    "east",
    "west",      "northeast", "northwest", "southeast", "southwest", "part",   "parts",    "rest",
    "heart",     "centre",   "center",    "side",      "sides",    "skies",    "airspace", "waters",
    "border",    "borders",  "frontier",  "frontiers", "boundary", "boundaries"};

const WordSet kBorderNouns = {"border", "borders", "frontier", "frontiers", "boundary", "boundaries"};

// Words between "borders" (the verb) and the countries it names: "which
// borders NATO members Poland, Lithuania and Latvia".
const WordSet kBorderVerbFillers = {"the",    "nato",    "eu",       "members", "member",    "states",
                                    "state",  "countries", "country", "fellow",  "neighbours", "neighbors",
                                    "allies", "ally",    "both",     "its",     "two",       "three",
                                    "four",   "five",    "also",     "directly"};

// Adjectives of the "alliance" that means NATO: "the Western alliance".
const WordSet kAllianceAdjectives = {"western", "nato", "atlantic", "transatlantic", "north", "military", "defence",
                                     "defense"};

// Verbs that report speech: what follows is a clause with a subject of its
// own ("Ukraine's defence ministry said Russian forces had massed ...").
const WordSet kReportingVerbs = {"said", "says", "say", "told", "warned", "claimed", "reported", "stated",
                                 "added", "believes", "believe", "estimated", "estimates", "announced"};

// Conjunctions that, after a comma, start a clause with a subject of its own.
const WordSet kCoordinators = {"and", "but", "while", "whereas", "although", "though", "yet"};

// Nouns for a body of forces that a demonym before them assigns to a side:
// "the Russian force massed near Ukraine at 100,000 troops".
const WordSet kForceNouns = {"force",     "forces",  "army",      "armies",    "military", "troops",
                             "units",     "unit",    "contingent", "buildup",  "build",    "deployment",
                             "grouping",  "navy",    "fleet",     "battalions", "brigades", "divisions"};

// Words that open a new clause after a comma: the forward search for a place
// stops there (", which borders Poland" is not where the troops are).
const WordSet kClauseWords = {"which", "where",   "while",   "but", "although", "though", "whereas",
                              "who",   "whose",   "when",    "after", "before",  "as",     "because",
                              "since", "despite", "according"};

// ================================================================ the linker

class Linker {
public:
    Linker(std::string_view text, const Tokenized& tokens, const std::vector<Toponym>& toponyms,
           const std::vector<Figure>& figures)
        : t_(text, tokens.tokens), tokens_(tokens), toponyms_(toponyms), figures_(figures),
          toponym_at_(tokens.tokens.size(), toponyms), figure_at_(tokens.tokens.size(), figures),
          nato_(tokens.tokens.size(), 0) {
        mark_nato_phrases();
    }

    Relations run() {
        Relations out;
        out.figures.resize(figures_.size());
        std::vector<int> actor_mentions(figures_.size(), kNone);
        std::size_t next_figure = 0;  // figures come in text order
        for (const Sentence& sentence : tokens_.sentences) {
            sb_ = sentence.first_token;
            se_ = std::min(sentence.first_token + sentence.token_count, t_.size());
            while (next_figure < figures_.size() && figures_[next_figure].first_token < sb_) ++next_figure;
            fb_ = next_figure;
            while (next_figure < figures_.size() && figures_[next_figure].first_token < se_) ++next_figure;
            fe_ = next_figure;
            for (std::size_t k = fb_; k < fe_; ++k) {
                const Side actor = actor_of(k);
                out.figures[k].actor = actor.country;
                actor_mentions[k] = actor.mention;
            }
            for (std::size_t k = fb_; k < fe_; ++k) {
                if (auto place = place_of(k, out.figures[k].actor, actor_mentions[k])) out.figures[k].place = *place;
            }
            find_borders(out);
        }
        // A border's length is placed on the border's other side.
        for (const BorderLink& border : out.borders) {
            if (border.length_figure && border.b_toponym) out.figures[*border.length_figure].place = *border.b_toponym;
        }
        return out;
    }

private:
    // A side and the mention that named it (kNone for "its", "NATO").
    struct Side {
        std::string country;
        int mention = kNone;
    };

    // ------------------------------------------------------------ NATO

    // The end of "NATO", "North Atlantic Treaty Organization" or "the
    // (Western) alliance" at token i; 0 when none starts there.
    std::size_t nato_phrase(std::size_t i) const {
        if (t_.is(i, "nato")) return i + 1;
        if (const std::size_t end = t_.match(i, "north atlantic treaty organization")) return end;
        if (const std::size_t end = t_.match(i, "north atlantic treaty organisation")) return end;
        if (!t_.is(i, "the")) return 0;
        std::size_t k = i + 1;
        while (k < i + 4 && kAllianceAdjectives.contains(t_.str(k))) ++k;
        return t_.is(k, "alliance") ? k + 1 : 0;
    }

    void mark_nato_phrases() {
        for (std::size_t i = 0; i < t_.size();) {
            const std::size_t end = nato_phrase(i);
            if (end == 0) {
                ++i;
                continue;
            }
            for (std::size_t k = i; k < end; ++k) nato_[k] = 1;
            i = end;
        }
    }

    // ------------------------------------------------------------ token tests

    int toponym_starting(std::size_t i) const { return toponym_at_.starting(i); }
    // The toponym whose last token is i.
    int toponym_ending(std::size_t i) const { return toponym_at_.ending(i); }
    const Toponym& toponym(int k) const { return toponyms_[static_cast<std::size_t>(k)]; }

    // Not part of "NATO" or "the Western alliance".
    bool usable(int k) const {
        const Toponym& tp = toponym(k);
        for (std::size_t i = tp.first_token; i < tp.last_token; ++i)
            if (nato_[i]) return false;
        return true;
    }

    // "Moscow-backed", "Russian-occupied", "Ukraine-based": the mention modifies
    // a word glued to it by a hyphen.
    bool is_compound(int k) const {
        const std::size_t after = toponym(k).last_token;
        return t_.is_hyphen(after) && t_.joined(after) && t_.joined(after + 1) && t_.is_kind(after + 1, TokenKind::word);
    }

    bool is_clitic(std::size_t i) const { return t_.is_kind(i, TokenKind::clitic); }
    bool is_word(std::size_t i, const WordSet& words) const {
        return t_.is_kind(i, TokenKind::word) && words.contains(t_.str(i));
    }

    // A lower-case word ending in -ed: an adjective between a preposition and
    // its place ("occupied", "annexed", "contested").
    bool is_ed_adjective(std::size_t i) const {
        if (!t_.is_kind(i, TokenKind::word) || t_[i].capitalised) return false;
        const std::string_view word = t_.str(i);
        return word.size() > 4 && word.ends_with("ed");
    }

    // Determiners, adjectives and the glue of hyphenated compounds, which may
    // stand between a preposition and its place.
    bool is_premodifier(std::size_t i) const {
        if (is_word(i, kDeterminers) || is_word(i, kPlaceAdjectives) || is_ed_adjective(i)) return true;
        if (t_.is_hyphen(i) && t_.joined(i) && t_.joined(i + 1)) return true;
        // The second half of a compound: "rebel-held", "Russian-controlled".
        return t_.is_kind(i, TokenKind::word) && !t_[i].capitalised && t_.joined(i) && t_.is_hyphen(i - 1);
    }

    // A piece of punctuation or a word that starts a new clause.
    bool is_clause_break(std::size_t i) const {
        const std::string_view s = t_.str(i);
        if (s == ";" || s == ":" || s == "(" || s == ")" || s == "[" || s == "]") return true;
        if (t_.is_hyphen(i) && !(t_.joined(i) && t_.joined(i + 1))) return true;  // a dash between words
        return s == "," && is_word(i + 1, kClauseWords);
    }

    // Tokens [from, to) only join items of a list: ",", "and", "or", "plus",
    // "as well as".
    bool is_list_gap(std::size_t from, std::size_t to) const {
        for (std::size_t i = from; i < to;) {
            if (t_.str(i) == "," || t_.is(i, "and") || t_.is(i, "or") || t_.is(i, "plus")) {
                ++i;
            } else if (const std::size_t end = t_.match(i, "as well as")) {
                i = end;
            } else {
                return false;
            }
        }
        return true;
    }

    bool is_distance_figure(int k) const {
        return k != kNone && figures_[static_cast<std::size_t>(k)].category == FigureCategory::distance;
    }

    // A border noun follows token i, perhaps after "long" or other adjectives:
    // "2,000-kilometre border", "1,084 km long border".
    bool border_noun_follows(std::size_t i) const {
        for (std::size_t k = i; k < se_ && k < i + 4; ++k) {
            if (is_word(k, kBorderNouns)) return true;
            if (!is_premodifier(k)) return false;
        }
        return false;
    }

    // ------------------------------------------------------------ sides

    // The country a mention stands for as a grammatical subject: a country,
    // capital or metonym, not a demonym.
    std::string subject_country(int k) const {
        const Toponym& tp = toponym(k);
        return tp.adjectival ? std::string() : side_country(tp);
    }

    // The toponym at i is the object of a locative preposition, perhaps after
    // determiners and adjectives ("in allied Belarus"), an owner ("in Russia's
    // Rostov region") or as a later item of a list ("in Ukraine, Belarus and
    // Crimea").
    bool after_locative(std::size_t first) const {
        std::size_t j = first;
        for (int guard = 0; guard < 16 && j > sb_; ++guard) {
            const std::size_t p = j - 1;
            if (is_word(p, kLocative)) return true;
            if (is_clitic(p) && p > sb_ && toponym_ending(p - 1) != kNone) {
                j = toponym(toponym_ending(p - 1)).first_token;
                continue;
            }
            if (const int compound = toponym_ending(p); compound != kNone && is_compound(compound)) {
                j = toponym(compound).first_token;
                continue;
            }
            if (is_premodifier(p)) {
                j = p;
                continue;
            }
            // A later item of a list: only when the list goes on after this
            // item too, or is joined by "and"/"or" ("In Ukraine, Russia has"
            // is not a list).
            const bool joiner = t_.is(p, "and") || t_.is(p, "or");
            if ((joiner || t_.str(p) == ",") && p > sb_) {
                const int item = toponym_ending(p - 1);
                if (item != kNone && (joiner || mid_list(first))) {
                    j = toponym(item).first_token;
                    continue;
                }
            }
            return false;
        }
        return false;
    }

    // The toponym starting at `first` is followed by more list items.
    bool mid_list(std::size_t first) const {
        const int k = toponym_starting(first);
        if (k == kNone) return false;
        const std::size_t after = toponym(k).last_token;
        return t_.str(after) == "," || t_.is(after, "and") || t_.is(after, "or");
    }

    // Where the clause that holds token `limit` starts: after the last ";",
    // ", and" / ", but" / ", while" ... or reporting verb ("said that")
    // before it, else the sentence start.
    std::size_t clause_start(std::size_t limit) const {
        for (std::size_t p = limit; p > sb_ + 1; --p) {
            const std::size_t i = p - 1;
            if (t_.str(i) == ";") return i + 1;
            if (t_.str(i - 1) == "," && is_word(i, kCoordinators)) return i + 1;
            if (is_word(i, kReportingVerbs)) return t_.is(i + 1, "that") ? i + 2 : i + 1;
        }
        return sb_;
    }

    // Where the clause holding `limit` starts when it is coordinated after a
    // comma (", and ...", ", while ...") or a semicolon; the sentence start
    // otherwise.
    std::size_t coordinated_clause_start(std::size_t limit) const {
        for (std::size_t p = limit; p > sb_ + 1; --p) {
            const std::size_t i = p - 1;
            if (t_.str(i) == ";") return i + 1;
            if (t_.str(i - 1) == "," && is_word(i, kCoordinators)) return i + 1;
        }
        return sb_;
    }

    // The subject of the clause that holds token `limit`, else of the
    // sentence: NATO or a side country before `limit`, not after a locative
    // preposition. "Belarus has 5,000 troops, and Russia is deploying 300
    // tanks" gives Russia for the tanks.
    Side subject_before(std::size_t limit, bool allow_nato) const {
        const std::size_t clause = clause_start(limit);
        if (clause > sb_) {
            if (Side side = subject_between(clause, limit, allow_nato); !side.country.empty()) return side;
            // "... said Russian forces had massed": a demonym heading the
            // clause's force is its subject.
            if (Side side = force_demonym_between(clause, limit); !side.country.empty()) return side;
        }
        return subject_between(sb_, limit, allow_nato);
    }

    Side subject_between(std::size_t from, std::size_t limit, bool allow_nato) const {
        for (std::size_t i = from; i < limit; ++i) {
            if (nato_[i]) {
                if (allow_nato && (i == from || !nato_[i - 1]) && !after_locative(i)) return {std::string(kNatoActor)};
                continue;
            }
            const int k = toponym_starting(i);
            if (k == kNone) continue;
            const Toponym& tp = toponym(k);
            if (tp.last_token > limit) break;
            const std::string country = subject_country(k);
            if (!country.empty() && !is_compound(k) && !after_locative(i)) return {country, k};
            i = tp.last_token - 1;
        }
        return {};
    }

    // The first demonym of the sentence before `limit` that qualifies a force
    // ("the Russian force", "Belarusian army units"), not the object of a
    // locative preposition; "a Ukrainian official said ..." names no side.
    Side demonym_before(std::size_t limit) const { return force_demonym_between(sb_, limit); }

    Side force_demonym_between(std::size_t from, std::size_t limit) const {
        for (std::size_t i = from; i < limit; ++i) {
            const int k = toponym_starting(i);
            if (k == kNone) continue;
            const Toponym& tp = toponym(k);
            if (tp.last_token > limit) break;
            if (tp.adjectival && !after_locative(i) && is_word(tp.last_token, kForceNouns)) {
                if (Side side = modifier_side(k); !side.country.empty()) return side;
            }
            i = tp.last_token - 1;
        }
        return {};
    }

    // A side named by the mention k when it modifies a figure: a country or
    // demonym, not a compound.
    Side modifier_side(int k) const {
        if (k == kNone || !usable(k) || is_compound(k)) return {};
        return {side_country(toponym(k)), k};
    }

    Side actor_of(std::size_t figure_index) const {
        const Figure& f = figures_[figure_index];
        if (f.category == FigureCategory::distance) return {};
        // 1. A modifier inside the figure's words: "30,000 Russian troops".
        for (std::size_t i = f.first_token; i < f.last_token; ++i) {
            if (nato_[i]) return {std::string(kNatoActor)};
            if (Side side = modifier_side(toponym_starting(i)); !side.country.empty()) return side;
        }
        // ... or a "-led" demonym right after them: "a 1,600-strong
        // German-led battlegroup".
        if (const int k = toponym_starting(f.last_token); k != kNone && usable(k) && toponym(k).adjectival) {
            const std::size_t after = toponym(k).last_token;
            if (is_compound(k) && t_.is(after + 1, "led")) return {side_country(toponym(k)), k};
        }
        if (f.first_token > sb_) {
            const std::size_t before = f.first_token - 1;
            // ... or a demonym just before them: "Russian | troops numbering ...".
            if (const int k = toponym_ending(before); k != kNone && toponym(k).adjectival) {
                if (Side side = modifier_side(k); !side.country.empty()) return side;
            }
            // 2. A possessive: "Russia's 127,000 troops", "NATO's 5,000 troops".
            if (is_clitic(before) && before > sb_) {
                if (nato_[before - 1]) return {std::string(kNatoActor)};
                if (const int k = toponym_ending(before - 1); k != kNone && usable(k)) {
                    if (std::string country = side_country(toponym(k)); !country.empty()) return {country, k};
                }
            }
        }
        if (f.category == FigureCategory::casualties) return {};
        // 3. The sentence's subject.
        if (Side subject = subject_before(f.first_token, true); !subject.country.empty()) return subject;
        // 3b. Else a demonym earlier in the sentence names the side: "put the
        // Russian force massed near Ukraine at about 100,000 troops".
        if (Side side = demonym_before(f.first_token); !side.country.empty()) return side;
        // 4. "5,000 helmets from Germany".
        if (t_.is(f.last_token, "from")) {
            std::size_t k = f.last_token + 1;
            while (is_word(k, kDeterminers)) ++k;
            if (const int from = toponym_starting(k); from != kNone && usable(from)) {
                if (std::string country = subject_country(from); !country.empty()) return {country, from};
            }
        }
        return {};
    }

    // ------------------------------------------------------------ places

    // The toponym that a locative phrase starting at token j (after its
    // preposition) names; kNone when the phrase names none.
    int locative_object(std::size_t j, const std::string& actor) const {
        for (int steps = 0; j < se_ && steps < 12; ++steps) {
            if (const int k = toponym_starting(j); k != kNone) {
                if (!usable(k)) return kNone;  // "to NATO"
                const std::size_t after = toponym(k).last_token;
                if (is_compound(k)) {  // "Russian-occupied Crimea", "the Russia-Ukraine border"
                    j = after + 1;
                    continue;
                }
                if (is_clitic(after)) {
                    // "in Russia's Rostov region": the place owned; "on
                    // Ukraine's borders": the owner.
                    std::size_t next = after + 1;
                    while (next < se_ && is_premodifier(next)) ++next;
                    if (const int owned = toponym_starting(next); owned != kNone && usable(owned)) {
                        j = next;
                        continue;
                    }
                }
                return k;
            }
            if (const int g = figure_at_[j]; g != kNone) {
                // Only a length inside the phrase: "along its 2,000-km border".
                const Figure& length = figures_[static_cast<std::size_t>(g)];
                if (!is_distance_figure(g) || length.first_token != j || !border_noun_follows(length.last_token))
                    return kNone;
                j = length.last_token;
                continue;
            }
            if (is_word(j, kBorderNouns) && t_.is(j + 1, "between")) return between_object(j + 2, actor);
            if (is_word(j, kPlaceNouns) && (t_.is(j + 1, "of") || (is_word(j, kBorderNouns) && t_.is(j + 1, "with")))) {
                j += 2;
                continue;
            }
            if (!is_premodifier(j)) return kNone;
            ++j;
        }
        return kNone;
    }

    // "the border between Russia and Ukraine": the side that is not the actor.
    int between_object(std::size_t j, const std::string& actor) const {
        while (j < se_ && is_word(j, kDeterminers)) ++j;
        const int first = toponym_starting(j);
        if (first == kNone || !usable(first)) return kNone;
        const std::size_t after = toponym(first).last_token;
        const int second = t_.is(after, "and") ? toponym_starting(after + 1) : kNone;
        if (second != kNone && usable(second) && !actor.empty() && side_country(toponym(first)) == actor)
            return second;
        return first;
    }

    // What follows the figure: the first place a locative phrase names, and
    // separately the first demonym one, up to a clause boundary or a figure
    // that is not in a list with this one.
    std::pair<int, int> forward_places(std::size_t figure_index, const std::string& actor) const {
        const Figure& f = figures_[figure_index];
        int demonym = kNone;
        // A distance is measured from the place after it: "within 50 km of
        // Kharkiv", "30 km from Belgorod".
        if (f.category == FigureCategory::distance && (t_.is(f.last_token, "of") || t_.is(f.last_token, "from"))) {
            if (const int k = locative_object(f.last_token + 1, actor); k != kNone && !toponym(k).adjectival)
                return {k, demonym};
        }
        std::size_t list_end = f.last_token;
        for (std::size_t i = f.last_token; i < se_; ++i) {
            if (const int g = figure_at_[i]; g != kNone && static_cast<std::size_t>(g) != figure_index) {
                const Figure& other = figures_[static_cast<std::size_t>(g)];
                if (!is_list_gap(list_end, other.first_token)) break;
                list_end = other.last_token;
                i = other.last_token - 1;
                continue;
            }
            if (is_clause_break(i)) break;
            if (!is_word(i, kPlacePrepositions) || t_.is(i + 1, "with")) continue;  // "along with"
            const int k = locative_object(i + 1, actor);
            if (k == kNone) continue;
            if (!toponym(k).adjectival) return {k, demonym};
            if (demonym == kNone) demonym = k;
        }
        return {kNone, demonym};
    }

    // The actor's own mention or country is not where its figure is.
    bool is_actor_itself(int k, const std::string& actor, int actor_mention) const {
        if (k == actor_mention) return true;
        const Toponym& tp = toponym(k);
        if (actor.empty() || side_country(tp) != actor) return false;
        const Candidate& place = tp.place();
        return tp.adjectival || place.kind == PlaceKind::country || place.match == NameMatch::metonym;
    }

    // "the Donbas region of Ukraine", "the Rostov region, Russia": the inner
    // place rather than the country or division that contains it.
    int more_specific(int k) const {
        const Toponym& outer = toponym(k);
        const PlaceKind kind = outer.place().kind;
        if (outer.adjectival || (kind != PlaceKind::country && kind != PlaceKind::admin1)) return k;
        const std::size_t first = outer.first_token;
        if (first < sb_ + 2) return k;
        if (!t_.is(first - 1, "of") && t_.str(first - 1) != ",") return k;
        std::size_t end = first - 2;  // the last token of the inner place
        int inner = toponym_ending(end);
        if (inner == kNone && is_word(end, kPlaceNouns) && end > sb_) inner = toponym_ending(end - 1);
        if (inner == kNone || inner == k || !usable(inner) || toponym(inner).adjectival) return k;
        if (toponym(inner).place().country != outer.place().country) return k;
        return inner;
    }

    std::optional<std::size_t> place_of(std::size_t figure_index, const std::string& actor, int actor_mention) const {
        const Figure& f = figures_[figure_index];
        const auto [forward, forward_demonym] = forward_places(figure_index, actor);
        if (forward != kNone) return static_cast<std::size_t>(forward);
        int backward_demonym = kNone;
        // Not into an earlier clause: in "... to Kyiv, and Lithuania hosts a
        // battlegroup", Kyiv is the other clause's place.
        const std::size_t clause = coordinated_clause_start(f.first_token);
        for (std::size_t i = f.first_token; i > clause; --i) {
            const int k = toponym_ending(i - 1);
            if (k == kNone) continue;
            i = toponym(k).first_token + 1;  // the loop's --i lands on the token before it
            if (!usable(k) || is_compound(k) || is_actor_itself(k, actor, actor_mention)) continue;
            if (toponym(k).adjectival) {
                if (backward_demonym == kNone) backward_demonym = k;
                continue;
            }
            return static_cast<std::size_t>(more_specific(k));
        }
        if (forward_demonym != kNone) return static_cast<std::size_t>(forward_demonym);
        if (backward_demonym != kNone) return static_cast<std::size_t>(backward_demonym);
        return std::nullopt;
    }

    // ------------------------------------------------------------ borders

    // A mention that can be a side of a border: a country or a demonym.
    std::string border_side(int k) const {
        if (k == kNone || !usable(k)) return {};
        const Toponym& tp = toponym(k);
        if (!tp.adjectival && tp.place().kind != PlaceKind::country) return {};
        return side_country(tp);
    }

    // Toponyms listed from token k: "Poland, Lithuania and Latvia"; k ends
    // after the last one.
    std::vector<int> country_list(std::size_t& k) const {
        std::vector<int> items;
        std::size_t i = k;
        while (i < se_) {
            while (i < se_ && is_word(i, kDeterminers)) ++i;
            const int item = toponym_starting(i);
            if (item == kNone || border_side(item).empty() || is_compound(item)) break;
            items.push_back(item);
            i = toponym(item).last_token;
            k = i;
            // ", and" continues only a list of three or more ("Poland,
            // Lithuania, and Latvia"); after one item it starts a clause
            // ("a border with Ukraine, and Russia is ...").
            if (t_.str(i) == "," && (t_.is(i + 1, "and") || t_.is(i + 1, "or"))) {
                if (items.size() < 2) break;
                i += 2;
            }
            else if (t_.str(i) == "," || t_.is(i, "and") || t_.is(i, "or")) ++i;
            else if (const std::size_t end = t_.match(i, "as well as")) i = end;
            else break;
        }
        return items;
    }

    // The side whose border a sentence speaks of when the text names only the
    // other: the subject country, else the actor of the nearest figure.
    std::string implicit_side(std::size_t at, const Relations& out) const {
        if (Side subject = subject_before(at, false); !subject.country.empty()) return subject.country;
        std::string nearest;
        std::size_t best = SIZE_MAX;
        for (std::size_t k = fb_; k < fe_; ++k) {
            const Figure& f = figures_[k];
            const std::string& actor = out.figures[k].actor;
            if (actor.empty() || actor == kNatoActor) continue;
            const std::size_t distance = f.first_token < at ? at - f.first_token : f.first_token - at;
            if (distance < best) {
                best = distance;
                nearest = actor;
            }
        }
        return nearest;
    }

    void add_border(Relations& out, const std::string& a, int b_mention, std::size_t first, std::size_t last,
                    int length) const {
        const std::string b = border_side(b_mention);
        if (a.empty() || b.empty() || a == b) return;
        BorderLink link;
        link.a = a;
        link.b = b;
        link.b_toponym = static_cast<std::size_t>(b_mention);
        if (length != kNone) {
            link.length_figure = static_cast<std::size_t>(length);
            link.claimed_km = figures_[static_cast<std::size_t>(length)].value;
        }
        link.first_token = first;
        link.last_token = std::max(last, first + 1);
        link.begin = t_[first].begin;
        link.end = t_[link.last_token - 1].end;
        out.borders.push_back(std::move(link));
    }

    // "Belarus, which borders NATO members Poland, Lithuania and Latvia",
    // "Belarus borders Ukraine": the verb.
    bool is_border_verb(std::size_t i) const {
        if (!t_.is(i, "borders") && !t_.is(i, "bordering")) return false;
        std::size_t p = i;
        while (p > sb_ && (t_.is(p - 1, "also") || t_.is(p - 1, "directly"))) --p;
        if (p == sb_) return false;
        if (t_.is(p - 1, "which") || t_.is(p - 1, "that") || t_.is(p - 1, "it")) return true;
        if (t_.is(i, "bordering")) return true;
        // "Belarus borders Ukraine", not "the Ukraine borders".
        const int k = toponym_ending(p - 1);
        return k != kNone && !border_side(k).empty() && !is_word(toponym(k).first_token - 1, kDeterminers);
    }

    void verb_borders(std::size_t i, Relations& out) const {
        // The side: the nearest country before the verb.
        int a = kNone;
        for (std::size_t p = i; p > sb_ && a == kNone; --p) {
            const int k = toponym_ending(p - 1);
            if (k != kNone && !toponym(k).adjectival && !border_side(k).empty()) a = k;
        }
        if (a == kNone) return;
        std::size_t k = i + 1;
        while (k < se_ && (is_word(k, kBorderVerbFillers) || nato_[k])) ++k;
        std::size_t end = k;
        for (const int b : country_list(end))
            add_border(out, border_side(a), b, toponym(a).first_token, toponym(b).last_token, kNone);
    }

    // A distance figure whose last token is `end`: the length before a border noun.
    int length_ending_at(std::size_t end) const {
        if (end == 0) return kNone;
        const int g = figure_at_[end - 1];
        if (!is_distance_figure(g) || figures_[static_cast<std::size_t>(g)].last_token != end) return kNone;
        return g;
    }

    void noun_border(std::size_t i, Relations& out) const {
        // Before the noun: adjectives, a length, an owner.
        int length = kNone;
        std::size_t lead = i;
        while (lead > sb_) {
            if (const int g = length_ending_at(lead); g != kNone && length == kNone) {
                length = g;
                lead = figures_[static_cast<std::size_t>(g)].first_token;
            } else if (is_premodifier(lead - 1) && !is_word(lead - 1, kDeterminers)) {
                --lead;
            } else if (lead - 1 > sb_ && (t_.is(lead - 1, "and") || t_.is(lead - 1, "or")) &&
                       is_premodifier(lead - 2) && !is_word(lead - 2, kDeterminers)) {
                --lead;  // "Ukraine's northern and eastern borders"
            } else {
                break;
            }
        }
        int owner = kNone;    // "Ukraine's border", "the Ukrainian border"
        int first_of = kNone; // "the Russia-Ukraine border": Russia
        std::size_t first = lead;
        if (lead > sb_ + 1 && is_clitic(lead - 1)) {
            owner = toponym_ending(lead - 2);
        } else if (lead > sb_) {
            owner = toponym_ending(lead - 1);
            if (owner != kNone) {
                const std::size_t before = toponym(owner).first_token;
                if (before > sb_ + 1 && t_.is_hyphen(before - 1) && t_.joined(before - 1) && t_.joined(before))
                    first_of = toponym_ending(before - 2);
            }
        }
        if (first_of != kNone) first = toponym(first_of).first_token;
        else if (owner != kNone) first = toponym(owner).first_token;

        // After the noun: a length ("of 1,084 km", "1,084 km long"), then the
        // other side(s).
        std::size_t k = i + 1;
        if (t_.is(k, "of") && is_distance_figure(figure_at_[k + 1]) && length == kNone) {
            length = figure_at_[k + 1];
            k = figures_[static_cast<std::size_t>(length)].last_token;
        } else if (const int g = figure_at_[k]; is_distance_figure(g) && length == kNone &&
                                                 figures_[static_cast<std::size_t>(g)].first_token == k &&
                                                 t_.is(figures_[static_cast<std::size_t>(g)].last_token, "long")) {
            length = g;
            k = figures_[static_cast<std::size_t>(g)].last_token + 1;
        }
        std::vector<int> partners;
        int between_a = kNone;
        std::size_t last = std::max(k, i + 1);
        if (t_.is(k, "with") || t_.is(k, "of")) {
            std::size_t end = k + 1;
            partners = country_list(end);
            if (!partners.empty()) last = end;
        } else if (t_.is(k, "between")) {
            std::size_t end = k + 1;
            const std::vector<int> pair = country_list(end);
            if (pair.size() == 2) {
                between_a = pair[0];
                partners = {pair[1]};
                last = end;
            }
        }

        if (first_of != kNone) {
            add_border(out, border_side(first_of), owner, first, std::max(last, i + 1), length);
        } else if (between_a != kNone) {
            add_border(out, border_side(between_a), partners[0], first, last, length);
        } else if (owner != kNone && !partners.empty()) {
            for (const int b : partners) add_border(out, border_side(owner), b, first, last, length);
        } else if (owner != kNone) {
            add_border(out, implicit_side(first, out), owner, first, last, length);
        } else if (!partners.empty()) {
            const std::string a = implicit_side(first, out);
            for (const int b : partners) add_border(out, a, b, first, last, length);
        }
    }

    void find_borders(Relations& out) const {
        for (std::size_t i = sb_; i < se_; ++i) {
            // "Border" in a name ("State Border Guard Service") is no border.
            if (!is_word(i, kBorderNouns) || (t_[i].capitalised && !t_[i].sentence_start)) continue;
            if (is_border_verb(i)) verb_borders(i, out);
            else noun_border(i, out);
        }
    }

    TokenView t_;
    const Tokenized& tokens_;
    const std::vector<Toponym>& toponyms_;
    const std::vector<Figure>& figures_;
    TokenCover<Toponym> toponym_at_;  // token -> the toponym covering it
    TokenCover<Figure> figure_at_;  // token -> the figure covering it
    std::vector<char> nato_;       // token belongs to "NATO" or "the alliance"
    std::size_t sb_ = 0;           // tokens [sb_, se_) of the current sentence
    std::size_t se_ = 0;
    std::size_t fb_ = 0;           // figures [fb_, fe_) of the current sentence
    std::size_t fe_ = 0;
};

}  // namespace

std::string side_country(const Toponym& toponym) {
    const Candidate& place = toponym.place();
    if (toponym.adjectival || place.match == NameMatch::demonym || place.match == NameMatch::metonym ||
        place.kind == PlaceKind::country)
        return place.country;
    auto is_capital = [](const Candidate& c) {
        return c.kind == PlaceKind::city && (c.feature_code == "PPLC" || c.feature_code == "PPLG");
    };
    if (is_capital(place)) return place.country;
    // A name that is also its country's capital stands for the government
    // whichever same-country entry won: "Moscow" the federal city (admin1),
    // "Washington" the state.
    if (place.kind == PlaceKind::admin1 || place.kind == PlaceKind::city) {
        for (const Candidate& c : toponym.candidates)
            if (is_capital(c) && c.country == place.country) return c.country;
    }
    return {};
}

Relations link_relations(std::string_view text, const Tokenized& tokens, const std::vector<Toponym>& toponyms,
                         const std::vector<Figure>& figures) {
    return Linker(text, tokens, toponyms, figures).run();
}

}  // namespace muster::extract
