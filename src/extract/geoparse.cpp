#include "extract/geoparse.hpp"

#include "extract/text.hpp"
#include "extract/tokenizer.hpp"

namespace muster::extract {

std::vector<PlaceMention> geoparse(std::string_view text, const GeoparseResources& resources) {
    const Tokenized tokens = tokenize(text);
    std::vector<Toponym> toponyms = recognise_toponyms(text, tokens, resources.gazetteer, resources.lexicon);
    resolve_toponyms(toponyms);

    const CodePointIndex code_points(text);
    std::vector<PlaceMention> mentions;
    mentions.reserve(toponyms.size());
    for (const Toponym& toponym : toponyms) {
        PlaceMention mention;
        mention.start = code_points.code_point_offset(toponym.begin);
        mention.end = code_points.code_point_offset(toponym.end);
        mention.text = std::string(text.substr(toponym.begin, toponym.end - toponym.begin));
        mention.place = toponym.place();
        mention.confidence = toponym.confidence;
        mention.adjectival = toponym.adjectival;
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

}  // namespace muster::extract
