// Geoparsing: the places a text names, resolved to gazetteer entries, with
// Unicode code-point offsets (what muster geoparse and the GeoJSON output
// report). Builds on tokenize() and the toponym recogniser.
#pragma once

#include "extract/lexicon.hpp"
#include "extract/toponyms.hpp"
#include "geodata/gazetteer.hpp"

#include <string_view>
#include <vector>

namespace muster::extract {

struct PlaceMention {
    std::size_t start = 0;  // code points into the text
    std::size_t end = 0;
    std::string text;       // the words as written
    Candidate place;        // the chosen gazetteer entry
    double confidence = 0.0;
    bool adjectival = false;  // a demonym ("Russian troops")
};

// The gazetteer and word lists a geoparse needs, loaded once per process.
struct GeoparseResources {
    const Gazetteer& gazetteer;
    const Lexicon& lexicon;
};

// The place mentions of valid UTF-8 text (see repair_utf8), in text order.
std::vector<PlaceMention> geoparse(std::string_view text, const GeoparseResources& resources);

}  // namespace muster::extract
