// Dates for what extraction finds, so that articles of different days merged
// into one scenario build a timeline of the build-up.
//
//   date_from_sources   a figure or movement with no date of its own starts
//                       on its source's date (the day the article reported it)
//   supersede_reports   when a later report gives a figure for the same
//                       actor, place and unit as an earlier one, the earlier
//                       one ends the day before the later one starts: the
//                       newer report replaces the older on the map
//
// date_extracted() does both; extraction calls it on each article, and
// merge_into() on the merged scenario.
#pragma once

#include "scenario/scenario.hpp"

namespace muster::scenario {

void date_from_sources(Scenario& scenario);
void supersede_reports(Scenario& scenario);
void date_extracted(Scenario& scenario);

}  // namespace muster::scenario
