// The generated build-up that `muster bench timeline` plays and `muster bench
// scenario` loads: everything dated, as a large build-up file would be.
//
// Fixed seed: units of three sides at 300 places between Belarus, Russia and
// Ukraine, appearing between November 2021 and February 2022, some ending,
// some growing (strength history), some travelling to their place (dated
// movements), and dated labels.
#pragma once

#include "geodata/gazetteer.hpp"
#include "scenario/scenario.hpp"

#include <vector>

namespace muster::cli {

// How many places the generated scenario spreads its units over.
inline constexpr int kGeneratedPlaces = 300;

// units figures and `labels` dated label annotations. places: real places to
// use (at least kGeneratedPlaces; name, country, feature and point are taken
// from them); empty: "Garrison N" at random points of the theatre. The
// random draws are the same either way, so both give the same units.
scenario::Scenario generated_buildup(int units, int labels = 1000,
                                     const std::vector<scenario::Place>& places = {});

// The kGeneratedPlaces most populous gazetteer cities of Belarus, Russia and
// Ukraine inside the theatre (46..56 N, 23.5..41 E), one per name, most
// populous first, each the town its name and country find again at load;
// as scenario places with a name, country, feature and point.
// Fewer when the gazetteer has fewer.
std::vector<scenario::Place> theatre_places(const Gazetteer& gazetteer);

}  // namespace muster::cli
