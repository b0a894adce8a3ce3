// Toponym recognition and resolution: which words of a text name places, and
// which places they name.
//
// Recognition (recognise_toponyms) walks each sentence and, at every
// capitalised word, looks up the longest run of up to kMaxPlaceTokens tokens
// that the gazetteer knows ("Rostov-on-Don", "Bosnia and Herzegovina",
// "U.S.", "Calif."). A match is then tested against what merely looks like a
// place name; the first rule that applies rejects it:
//
//   person      a title before it ("Mr.", "Gen.", "President"), a first name
//               followed by a surname ("Antony Blinken", "Georgia Whitfield"), a
//               surname after a first name ("David Jones"), or a surname seen
//               earlier in the document as part of a person's name ("Sullivan")
//   title       part of the name of an organisation, publication or facility:
//               a following head word ("Washington Post", "Normandy Format",
//               "Ohio State University"), a capitalised "The" before it
//               mid-sentence ("The Globe and Mail"), a following "newspaper",
//               or a preceding "told" for small places ("told Bild")
//   common word a capitalised dictionary word ("Court", "Council", "One"): at
//               the start of a sentence it counts only when it names a country,
//               region or first-level division; elsewhere also when it names a
//               large city
//   code        ISO codes match only when written in capitals or with periods
//               ("US", "U.K."), never "in" or "by"
//
// Demonyms ("Russian troops") resolve to their country and are kept, flagged
// as adjectival; metonyms ("the Kremlin") resolve to the seat of government.
//
// Resolution (resolve_toponyms) chooses among each mention's gazetteer
// candidates with the document as context: a prior from the gazetteer's
// ranking (feature type, population, how the name matched) plus support from
// the other mentions — places in the same country, the same first- and
// second-level division, or nearby — iterated a few times so that
// unambiguous mentions settle the ambiguous ones ("Paris" beside "Texas" is
// Paris, Texas; "Brest" beside "Belarus" is Brest, Belarus).
#pragma once

#include "extract/lexicon.hpp"
#include "extract/tokenizer.hpp"
#include "geodata/gazetteer.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace muster::extract {

inline constexpr std::size_t kMaxPlaceTokens = 6;
inline constexpr std::size_t kMaxCandidates = 12;

struct Toponym {
    std::size_t begin = 0;        // byte offsets of the mention in the text
    std::size_t end = 0;
    std::size_t first_token = 0;  // tokens [first_token, last_token)
    std::size_t last_token = 0;
    std::vector<Candidate> candidates;  // gazetteer ranking, best first; never empty
    std::size_t chosen = 0;             // index into candidates, set by resolve_toponyms
    double confidence = 0.0;            // 0..1, how clearly the chosen candidate won
    bool adjectival = false;            // a demonym: "Russian troops", "the Belarusians"
    // The mention this one is placed within by apposition: in "Paris, Texas"
    // the "Paris" mention points at the "Texas" one (an index into the list).
    std::optional<std::size_t> within;
    // A doubtful single word ("Douglas", "Mobile") that resolve_toponyms keeps
    // only when other mentions place it (same division, nearby, apposition).
    bool needs_context = false;
    // The words around it call it a first-level division: "Washington
    // state", "the state of Washington", "Punjab province".
    bool division_cue = false;

    [[nodiscard]] const Candidate& place() const { return candidates[chosen]; }
};

// Finds the place mentions of a text; candidates come in gazetteer order and
// chosen is 0 until resolve_toponyms runs.
std::vector<Toponym> recognise_toponyms(std::string_view text, const Tokenized& tokens, const Gazetteer& gazetteer,
                                        const Lexicon& lexicon);

// Picks each mention's candidate using the document's other mentions, sets
// its confidence, and drops doubtful mentions (needs_context) that nothing
// else in the document places.
void resolve_toponyms(std::vector<Toponym>& toponyms);

}  // namespace muster::extract
