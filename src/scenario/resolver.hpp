// What a scenario file may leave for the loader to look up: a place given by
// name alone (no lat and lon), a border given by its two countries alone (no
// lines), a source given by its path alone (no text). The scenario library
// knows no gazetteer, geodata or article reader; whoever loads a file passes
// an implementation (extract/scenario_resolver.hpp), or none, and then such
// a file is refused with a message saying what it needs.
#pragma once

#include "scenario/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::scenario {

// The shared boundary of two countries, as the geodata draws it.
struct BorderLines {
    double measured_km = 0.0;
    std::vector<std::vector<LatLon>> lines;
};

class Resolver {
public:
    virtual ~Resolver() = default;

    // The gazetteer's best place of that name: name, country, feature,
    // gazetteer_id, geonameid, point and members filled (id, confidence and
    // mentions are the loader's). `country` (ISO alpha-2) and `feature`
    // ("city", "admin1", ...), when not empty, pick the best candidate that
    // has them. Nothing when there is none. Throws muster::Error when the
    // gazetteer cannot be loaded.
    virtual std::optional<Place> place_named(std::string_view name, std::string_view country,
                                             std::string_view feature) = 0;

    // The boundary countries a and b (ISO alpha-2) share, or nothing when
    // they do not touch. Throws muster::Error when the geodata cannot be read
    // or a code is no country in it.
    virtual std::optional<BorderLines> border_between(std::string_view a, std::string_view b) = 0;

    // The text of the article at `path` (relative paths from the scenario
    // file's folder) as extraction reads it: UTF-8 repaired, HTML made
    // readable. Throws muster::Error "cannot read (REASON)" or similar, without
    // the path, which the loader adds.
    virtual std::string source_text(const std::string& path, std::vector<std::string>* warnings) = 0;
};

}  // namespace muster::scenario
