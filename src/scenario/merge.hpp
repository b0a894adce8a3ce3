// Combining scenarios: a second article's facts added to the open scenario,
// each keeping its own provenance (File -> Merge article… in the viewer).
//
// The second scenario's sources, figures, borders, movements and annotations
// are renamed to follow the first's ids (s2, f8, b3, m2, a4, ...), and what
// refers to them follows. A place both name through
// the same gazetteer entry (Place::gazetteer_id) becomes one place holding
// every mention; places set by hand (no gazetteer id) are never merged. A
// border between the same two countries stays one border: the first
// scenario's claimed length wins, the second's fills one that is missing.
// The title and date stay the first's, unless it has none; so do the camera,
// the layer looks, the style overrides and the timeline's range, each taken
// from the second only when the first has none.
#pragma once

#include "scenario/scenario.hpp"

namespace muster::scenario {

// Adds `other` into `into` as described above.
void merge_into(Scenario& into, const Scenario& other);

}  // namespace muster::scenario
