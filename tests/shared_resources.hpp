// The gazetteer, lexicon and border cache that extraction tests share: loaded
// once per test process (each is read-only or internally locked).
#pragma once

#include "core/paths.hpp"
#include "extract/extract.hpp"
#include "extract/lexicon.hpp"
#include "geodata/gazetteer.hpp"

namespace muster::test {

inline const Gazetteer& gazetteer() {
    static const Gazetteer instance = Gazetteer::load();
    return instance;
}

inline const extract::Lexicon& lexicon() {
    static const extract::Lexicon instance = extract::Lexicon::load_default();
    return instance;
}

inline extract::BorderCache& border_cache() {
    static extract::BorderCache instance(default_geopackage());
    return instance;
}

inline extract::ExtractResources extract_resources() { return {gazetteer(), lexicon(), border_cache()}; }

}  // namespace muster::test
