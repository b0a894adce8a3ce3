// Time on the scenario's timeline: dates as the file writes them, and
// whether a dated item is on the map at a given moment.
//
// Times are ISO 8601 in the proleptic Gregorian calendar, UTC:
//   "2022"                 the first of January
//   "2021-11"              the first of the month
//   "2021-11-10"           midnight starting the day
//   "2022-02-24T03:40"     and "2022-02-24T03:40:00", with or without a final "Z"
// Internally a time is a count of days since 1970-01-01 (fractions for the
// time of day), so the timeline can interpolate and step by days.
//
// A span holds from its start to its end, both included; an empty start is
// open to the past, an empty end to the future.
#pragma once

#include "scenario/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace muster::scenario {

using Days = double;  // days since 1970-01-01T00:00Z

// The moment a time names, or nothing when the text is no time above (or
// no real day, such as 2022-02-30).
std::optional<Days> parse_time(std::string_view text);

// "2022-02-24"; "2022-02-24T03:40" when the time of day is not midnight
// (to the minute).
std::string format_time(Days days);

// Whether the span holds at `now`. A bound that is no time (the loader
// refuses such files) is treated as open.
bool holds(const TimeSpan& span, Days now);

}  // namespace muster::scenario
