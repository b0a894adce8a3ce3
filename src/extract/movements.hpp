// Movements: forces going from one place to another, as a text states it
// ("redeployed 5,000 troops from Khabarovsk to Belarus"). Sentence by
// sentence, on word patterns, like relations.hpp.
//
// A movement needs both ends named in one clause:
//   from X to Y     "from Khabarovsk to Belarus", "from X into Y",
//                   "from X toward(s) Y", "from X onto Y"
//   to Y from X     "sent to Belarus from the Far East", "into Y from X",
//                   "arriving in Belarus from Siberia" ("in" only after
//                   arrive/arrived/arriving/arrives/landed/landing)
// where X and Y are toponyms, perhaps after determiners, adjectives and place
// nouns ("from the city of Khabarovsk", "into allied Belarus"); "Russia's
// Rostov region" gives Rostov; a demonym counts only before territory, soil,
// side or base(s) ("from Russian territory"). "the border", "the front" and
// other places the gazetteer does not hold end nothing: "moved from the Far
// East to the border" draws no arrow, nor does "heading toward Kyiv" or
// "withdrew troops from Crimea" (one end only: muster does not guess the
// other).
// The clause must also be about forces: it holds a deployment figure
// (personnel, unit, equipment) or a force noun (troops, forces, units,
// tanks, convoys, ...), and a motion verb (moved, redeployed, sent, deployed,
// transferred, arriving, ...) unless the figure or force noun stands right
// before "from" ("5,000 troops from Khabarovsk to Belarus"). So "from 2014 to
// 2022", "from Monday to Friday" (no places), "talks from Paris to Berlin"
// and "flights from Moscow to Minsk" (no forces) give none.
// The figure that moves: the clause's deployment figure nearest before
// "from", else its first one after; none when the clause has none. Clauses
// end at ; : ( ) dashes and at a comma before and, but, which, while, ...
// Both ends must be different places.
#pragma once

#include "extract/figure.hpp"
#include "extract/tokenizer.hpp"
#include "extract/toponyms.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace muster::extract {

struct MovementLink {
    std::size_t from = 0;  // index into the toponyms
    std::size_t to = 0;
    std::optional<std::size_t> figure;  // index into the figures
    std::size_t begin = 0;  // byte offsets of the words that state it: "from Khabarovsk to Belarus"
    std::size_t end = 0;
};

// The movements of a text, in text order. `tokens` is tokenize(text);
// `toponyms` come from recognise_toponyms and resolve_toponyms on it;
// `figures` from find_figures on it. Never throws on content.
std::vector<MovementLink> find_movements(std::string_view text, const Tokenized& tokens,
                                         const std::vector<Toponym>& toponyms, const std::vector<Figure>& figures);

}  // namespace muster::extract
