// Relations: whose forces a figure counts (its actor), where it is (its
// place), and which land borders a text speaks of. Sentence by sentence, on
// the tokens, toponyms and figures of one text; no parsing beyond word
// patterns, so every rule below is a cue a reader would use too.
//
// Actor (ISO alpha-2, "NATO" or ""), the first rule that answers:
//   1. modifier   a demonym or country inside the figure's words or just
//                 before them: "30,000 Russian troops", "4,000 U.S. troops",
//                 "2,000 NATO troops", "Russian | troops numbering 5,000".
//                 A hyphenated compound is not a modifier of whose forces they
//                 are: "Russian-backed separatists", "Ukraine-based staff".
//   2. possessive "Russia's 127,000 troops", "Moscow's", "NATO's".
//   3. subject    the first country, capital (PPLC/PPLG) or metonym ("the
//                 Kremlin", "the Pentagon") before the figure in its clause
//                 (after "; " or ", and" / ", but" / ", while" ...), else in its
//                 sentence, that is not the object of a locative preposition (in, into,
//                 to, near, along, at, on, across, inside, around, from,
//                 toward(s), within, off), nor a compound ("Moscow-backed");
//                 "NATO", "the alliance" as subject give "NATO". Capitals and
//                 metonyms give their country. Demonyms are not subjects ("a
//                 Ukrainian official said 10,000 troops ..." says nothing
//                 about whose troops).
//   4. from X     "5,000 helmets from Germany": the supplier.
// Distances have no actor (a length belongs to nobody's forces). Casualties
// take only rules 1 and 2: "fighting ... has killed 14,000 people" names no
// side, and the sentence's subject is rarely the side that lost them.
//
// Place (an index into the toponyms), the first rule that answers:
//   1. forward    the nearest toponym after the figure in its sentence that a
//                 locative preposition introduces ("from" is an origin, not a
//                 place, and is left out), allowing between them determiners
//                 and possessives ("in its"), adjectives ("allied",
//                 "occupied", "southern", "-ed" words, "Russian-occupied"),
//                 "the border(s) of/with/between", "the region/city/... of",
//                 a length ("along its 2,000-kilometre border with Ukraine")
//                 and "X's" ("on Ukraine's borders" -> Ukraine; "in Russia's
//                 Rostov region" -> Rostov region). The search passes over
//                 other figures only when they are in a list with this one
//                 ("thousands of troops, hundreds of aircraft and S-400
//                 systems into Belarus": Belarus for all three), and stops at
//                 a clause boundary (; : ( dashes, ", which", ", but", ...).
//                 A distance also takes "of"/"from": "within 50 km of Kharkiv".
//   2. backward   the nearest toponym before the figure in the sentence that
//                 is not the actor's own mention or country, nor a compound
//                 modifier; "the Donbas region of Ukraine" and "the Rostov
//                 region, Russia" give the more specific Donbas and Rostov.
//   3. demonyms   are places only when nothing else is: a forward one, then
//                 a backward one ("to the Ukrainian military" -> Ukraine).
//   A length of a border ("a 1,084-kilometre border with Ukraine") is placed
//   on the border's other country.
// Toponyms that are part of "NATO" or "the (Western) alliance" never count as
// places (a gazetteer may know a town called Nato).
//
// Borders: "border(s) with X[, Y and Z]", "X's border(s)", "the X border",
// "the borders of X", "the X-Y border", "the border between X and Y", the same
// with frontier(s) and boundary; and the verb: "Belarus, which borders NATO
// members Poland, Lithuania and Latvia". One side is named in the text; the
// other, when not, is the sentence's subject country ("Moscow ... along its
// border with Ukraine" -> RU, UA) or else the actor of the nearest figure of
// the sentence ("127,000 Russian troops on Ukraine's borders" -> RU, UA). Both
// sides must be countries (or demonyms) and differ. A distance figure attached
// to the border noun is its claimed length: "2,000-kilometre(-long) border",
// "a border of 1,084 km", "a border 1,084 km long".
#pragma once

#include "extract/figure.hpp"
#include "extract/tokenizer.hpp"
#include "extract/toponyms.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::extract {

inline constexpr std::string_view kNatoActor = "NATO";

struct FigureLink {
    std::string actor;                 // ISO alpha-2, "NATO", or "" when nothing says
    std::optional<std::size_t> place;  // index into the toponyms; none when nothing fits
};

struct BorderLink {
    std::string a;  // ISO alpha-2: the side whose border it is (often the subject)
    std::string b;  // ISO alpha-2: the other side
    std::optional<double> claimed_km;          // the length the text gives
    std::optional<std::size_t> length_figure;  // the distance figure that gave it
    std::optional<std::size_t> b_toponym;      // the mention of b, when the text names it
    std::size_t first_token = 0;               // tokens [first_token, last_token) of the phrase
    std::size_t last_token = 0;
    std::size_t begin = 0;                     // byte offsets of the phrase
    std::size_t end = 0;
};

struct Relations {
    std::vector<FigureLink> figures;  // one per figure, in the same order
    std::vector<BorderLink> borders;  // in text order; a pair may come more than once
};

// Links the figures of a text to actors and places and finds its borders.
// `tokens` is tokenize(text); `toponyms` come from recognise_toponyms and
// resolve_toponyms on it; `figures` from find_figures on it. Never throws on
// content.
Relations link_relations(std::string_view text, const Tokenized& tokens, const std::vector<Toponym>& toponyms,
                         const std::vector<Figure>& figures);

// The country (ISO alpha-2) a mention stands for when it names a side:
// countries, demonyms, capitals (PPLC, PPLG) and metonyms, and a name whose
// candidates include its country's capital ("Moscow" resolved to the federal
// city); "" for other places.
std::string side_country(const Toponym& toponym);

}  // namespace muster::extract
