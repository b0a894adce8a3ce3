// Movements between places; see movements.hpp for the rules.
#include "extract/movements.hpp"

#include "extract/text.hpp"
#include "extract/token_cover.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace muster::extract {

namespace {

constexpr int kNone = -1;

// ================================================================ word lists

const WordSet kMotionVerbs = {
    "move",       "moved",       "moves",       "moving",     "redeploy",    "redeployed",  "redeploying",
    "redeploys",  "deploy",      "deployed",    "deploying",  "deploys",     "send",        "sent",
    "sending",    "sends",       "transfer",    "transferred", "transferring", "transfers", "shift",
    "shifted",    "shifting",    "relocate",    "relocated",  "relocating",  "dispatch",    "dispatched",
    "dispatching", "rolled",     "rolling",     "travelled",  "traveled",    "travelling",  "traveling",
    "shipped",    "shipping",    "flown",       "flew",       "flying",      "airlifted",   "ferried",
    "marched",    "headed",      "heading",     "arrive",     "arrived",     "arriving",    "arrives",
    "brought",    "bringing",    "transported", "transporting", "driven",    "drove",       "advanced",
    "advancing",  "poured",      "pouring",     "streamed",   "streaming",   "carrying",    "carried",
    "redeployment", "withdrew",  "withdrawn",   "pulled",     "reinforced",  "reinforcing", "went",
    "gone",       "going",       "came",        "coming",     "returned",    "returning"};

// Nouns for forces and their kit: a clause with one of these is about forces.
const WordSet kForceNouns = {
    "troops",    "troop",      "forces",     "force",      "soldiers",   "servicemen", "units",     "unit",
    "battalions", "battalion", "brigades",   "brigade",    "divisions",  "division",   "regiments", "regiment",
    "tanks",     "armour",     "armor",      "artillery",  "equipment",  "convoys",    "convoy",    "reinforcements",
    "paratroopers", "marines", "aircraft",   "jets",       "helicopters", "warships",  "missiles",  "army",
    "contingent", "vehicles",  "hardware",   "weaponry",   "weapons",    "personnel"};

// Prepositions that introduce where forces go.
const WordSet kToward = {"to", "into", "toward", "towards", "onto"};

// After these, "in" is a destination too: "arriving in Belarus".
const WordSet kArrivalVerbs = {"arrive", "arrived", "arriving", "arrives", "landed", "landing"};

const WordSet kDeterminers = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"};

// Adjectives between a preposition and its place: "into allied Belarus".
const WordSet kPlaceAdjectives = {"allied",  "neighbouring", "neighboring", "nearby",   "occupied", "annexed",
                                  "southern", "northern",    "eastern",     "western",  "central",  "far",
                                  "north",    "south",       "east",        "west",     "breakaway", "separatist"};

// "from the city of Khabarovsk", "the region of Rostov".
const WordSet kPlaceNouns = {"region", "city", "town", "village", "port", "area", "district", "province",
                             "oblast", "republic", "peninsula", "territory"};

// What makes a demonym a place: "from Russian territory".
const WordSet kDemonymPlaceNouns = {"territory", "soil", "side", "base", "bases"};

// Words that open a new clause after a comma.
const WordSet kClauseWords = {"which", "where",  "while", "but",   "although", "though", "whereas", "who",  "whose",
                              "when",  "after",  "before", "because", "since",  "despite", "according", "and", "yet"};

bool is_deployment(const Figure& figure) {
    return figure.category == FigureCategory::personnel || figure.category == FigureCategory::unit ||
           figure.category == FigureCategory::equipment;
}

// ================================================================ the finder

class Finder {
public:
    Finder(std::string_view text, const Tokenized& tokens, const std::vector<Toponym>& toponyms,
           const std::vector<Figure>& figures)
        : t_(text, tokens.tokens), tokens_(tokens), toponyms_(toponyms), figures_(figures),
          toponym_at_(tokens.tokens.size(), toponyms), figure_at_(tokens.tokens.size(), figures) {
    }

    std::vector<MovementLink> run() {
        std::vector<MovementLink> out;
        for (const Sentence& sentence : tokens_.sentences) {
            sb_ = sentence.first_token;
            se_ = std::min(sentence.first_token + sentence.token_count, t_.size());
            for (std::size_t i = sb_; i < se_; ++i)
                if (t_.is(i, "from"))
                    if (auto link = movement_at(i)) out.push_back(*link);
        }
        return out;
    }

private:
    // A place phrase: the toponym it names and the token after it.
    struct Object {
        int toponym = kNone;
        std::size_t end = 0;
    };

    bool is_word(std::size_t i, const WordSet& words) const {
        return t_.is_kind(i, TokenKind::word) && words.contains(t_.str(i));
    }
    int toponym_starting(std::size_t i) const { return toponym_at_.starting(i); }
    int toponym_ending(std::size_t i) const { return toponym_at_.ending(i); }
    const Toponym& toponym(int k) const { return toponyms_[static_cast<std::size_t>(k)]; }

    // "Russian-occupied": a hyphenated compound before the place.
    bool is_compound_glue(std::size_t i) const {
        return (t_.is_hyphen(i) && t_.joined(i) && t_.joined(i + 1)) ||
               (t_.is_kind(i, TokenKind::word) && !t_[i].capitalised && t_.joined(i) && t_.is_hyphen(i - 1));
    }
    bool is_premodifier(std::size_t i) const {
        return is_word(i, kDeterminers) || is_word(i, kPlaceAdjectives) || is_compound_glue(i);
    }

    // The place a phrase starting at token j names (after its preposition).
    Object place_object(std::size_t j) const {
        for (int steps = 0; j < se_ && steps < 8; ++steps) {
            if (const int k = toponym_starting(j); k != kNone) {
                const std::size_t after = toponym(k).last_token;
                // "Russian-occupied Crimea": the demonym is part of an adjective.
                if (t_.is_hyphen(after) && t_.joined(after) && t_.joined(after + 1)) {
                    j = after;
                    continue;
                }
                if (toponym(k).adjectival)
                    return is_word(after, kDemonymPlaceNouns) ? Object{k, after + 1} : Object{};
                if (t_.is_kind(after, TokenKind::clitic)) {  // "Russia's Rostov region": the place owned
                    std::size_t next = after + 1;
                    while (next < se_ && is_premodifier(next)) ++next;
                    if (const int owned = toponym_starting(next); owned != kNone && !toponym(owned).adjectival)
                        return {owned, toponym(owned).last_token};
                }
                return {k, after};
            }
            if (is_word(j, kPlaceNouns) && t_.is(j + 1, "of")) {
                j += 2;
                continue;
            }
            if (!is_premodifier(j)) return {};
            ++j;
        }
        return {};
    }

    // Tokens [begin, end) of the clause around token i: the sentence, cut at
    // ; : ( ) dashes between words and ", which" / ", while" ...
    std::pair<std::size_t, std::size_t> clause(std::size_t i) const {
        auto breaks = [this](std::size_t k) {
            const std::string_view s = t_.str(k);
            if (s == ";" || s == ":" || s == "(" || s == ")") return true;
            if (t_.is_hyphen(k) && !(t_.joined(k) && t_.joined(k + 1))) return true;
            return s == "," && is_word(k + 1, kClauseWords);
        };
        std::size_t begin = i;
        while (begin > sb_ && !breaks(begin - 1)) --begin;
        std::size_t end = i;
        while (end < se_ && !breaks(end)) ++end;
        return {begin, end};
    }

    // "to Y" / "into Y" / "arriving in Y" ending right before token `from`.
    Object destination_before(std::size_t from, std::size_t clause_begin) const {
        if (from == 0) return {};
        std::size_t last = from - 1;
        if (t_.str(last) == "," && last > clause_begin) --last;  // "to Belarus, from Siberia"
        int k = toponym_ending(last);
        if (k == kNone || toponym(k).adjectival) return {};
        // Back over the place's premodifiers to its preposition.
        std::size_t p = toponym(k).first_token;
        while (p > clause_begin && is_premodifier(p - 1)) --p;
        if (p <= clause_begin) return {};
        const std::size_t preposition = p - 1;
        const bool toward = is_word(preposition, kToward);
        const bool arrived_in =
            t_.is(preposition, "in") && preposition > clause_begin && is_word(preposition - 1, kArrivalVerbs);
        if (!toward && !arrived_in) return {};
        return {k, preposition};  // end: where the words that state it begin
    }

    // Forces in the clause: a deployment figure or a force noun; and
    // whether one stands right before `from` ("5,000 troops from X").
    struct Cues {
        int figure = kNone;  // the deployment figure nearest before "from", else the first after it
        bool forces = false;
        bool motion = false;
        bool forces_before_from = false;
    };
    Cues cues(std::size_t begin, std::size_t end, std::size_t from) const {
        Cues c;
        for (std::size_t i = begin; i < end; ++i) {
            if (const int g = figure_at_[i]; g != kNone && is_deployment(figures_[static_cast<std::size_t>(g)])) {
                if (c.figure == kNone || i < from) c.figure = g;
                c.forces = true;
                if (figures_[static_cast<std::size_t>(g)].last_token == from) c.forces_before_from = true;
            }
            if (is_word(i, kForceNouns)) {
                c.forces = true;
                if (i + 1 == from) c.forces_before_from = true;
            }
            if (is_word(i, kMotionVerbs)) c.motion = true;
        }
        return c;
    }

    std::optional<MovementLink> movement_at(std::size_t from) const {
        const auto [begin, end] = clause(from);
        const Object origin = place_object(from + 1);
        if (origin.toponym == kNone) return std::nullopt;
        MovementLink link;
        link.from = static_cast<std::size_t>(origin.toponym);
        // "from X to Y"
        Object destination;
        std::size_t first = from, last = 0;
        if (origin.end < end && is_word(origin.end, kToward)) {
            destination = place_object(origin.end + 1);
            last = destination.end;
        }
        // "to Y from X"
        if (destination.toponym == kNone) {
            destination = destination_before(from, begin);
            first = destination.end;
            last = origin.end;
        }
        if (destination.toponym == kNone) return std::nullopt;
        link.to = static_cast<std::size_t>(destination.toponym);
        if (toponym(destination.toponym).place().id() == toponym(origin.toponym).place().id()) return std::nullopt;

        const Cues c = cues(begin, end, from);
        if (!c.forces || !(c.motion || c.forces_before_from)) return std::nullopt;
        if (c.figure != kNone) link.figure = static_cast<std::size_t>(c.figure);
        link.begin = t_[first].begin;
        link.end = t_[last - 1].end;
        return link;
    }

    TokenView t_;
    const Tokenized& tokens_;
    const std::vector<Toponym>& toponyms_;
    const std::vector<Figure>& figures_;
    TokenCover<Toponym> toponym_at_;  // token -> the toponym covering it
    TokenCover<Figure> figure_at_;  // token -> the figure covering it
    std::size_t sb_ = 0;           // tokens [sb_, se_) of the current sentence
    std::size_t se_ = 0;
};

}  // namespace

std::vector<MovementLink> find_movements(std::string_view text, const Tokenized& tokens,
                                         const std::vector<Toponym>& toponyms, const std::vector<Figure>& figures) {
    return Finder(text, tokens, toponyms, figures).run();
}

}  // namespace muster::extract
