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
// open to the past, an empty end to the future. An end written without a
// time of day includes the whole period it names: "end": "2022-01-25" holds
// through that day, "2021-11" through November, so that a report that ends
// the day before the next one starts leaves no gap on the map.
//
// What the map shows at a moment (frame_at, Timeline): which figures,
// movements and annotations are on it, where each figure stands (at its
// place, or along the geodesic of a movement under way) and how strong it is
// (its strength history, interpolated). The renderer, the entity table and
// the article panel all read this one answer.
#pragma once

#include "core/geo.hpp"
#include "scenario/scenario.hpp"

#include <GeographicLib/GeodesicLine.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// ------------------------------------------------------------------ range

// The timeline's extent: from its first to its last dated moment.
struct TimelineRange {
    Days start = 0.0;
    Days end = 0.0;
    friend bool operator==(const TimelineRange&, const TimelineRange&) = default;
};

// scenario.time's start and end where given, else the earliest and latest
// date of anything dated: figures' spans and strength history, movements'
// and annotations' spans, sources' dates. Nothing when nothing is dated.
std::optional<TimelineRange> timeline_range(const Scenario& scenario);

// Whether the timeline has something to play: some figure, movement or
// annotation is dated (or has a strength history), or scenario.time gives a
// range. Sources' dates alone are not enough.
bool has_timeline(const Scenario& scenario);

// The moment the map shows: scenario.time.current, else the range's end
// (everything that is still on the map at the last date); nothing when
// nothing is dated.
std::optional<Days> current_time(const Scenario& scenario);

// A strength history at `now`: linear between two dated values, the first
// before the first date, the last after the last. Entries with no real date
// are skipped; nothing when none is left.
std::optional<double> strength_at(const std::vector<StrengthAt>& history, Days now);

// ------------------------------------------------------------------ frames

// One figure at a moment.
struct FigureAt {
    bool shown = true;
    // Index into Scenario::places where it stands; -1 while under way
    // between places, or when it has no place.
    int place = -1;
    // Where it is while a movement is under way (place is then -1).
    std::optional<LatLon> en_route;
    // From its strength history; nothing: its amount as given.
    std::optional<double> strength;
    friend bool operator==(const FigureAt&, const FigureAt&) = default;
};

// What the map shows at one moment; vectors by index into the scenario's
// figures, movements and annotations.
struct TimelineFrame {
    Days time = 0.0;
    std::vector<FigureAt> figures;
    std::vector<bool> movements;    // shown
    std::vector<bool> annotations;  // shown
    friend bool operator==(const TimelineFrame&, const TimelineFrame&) = default;

    [[nodiscard]] bool figure_shown(std::size_t index) const {
        return index >= figures.size() || figures[index].shown;
    }
    [[nodiscard]] bool movement_shown(std::size_t index) const {
        return index >= movements.size() || movements[index];
    }
    [[nodiscard]] bool annotation_shown(std::size_t index) const {
        return index >= annotations.size() || annotations[index];
    }
};

// A scenario's dates, parsed once, ready to answer frame_at() for any moment
// cheaply (no text is parsed per frame). Holds no reference to the scenario:
// build a new one when the scenario changes.
class Timeline {
public:
    explicit Timeline(const Scenario& scenario);

    [[nodiscard]] TimelineFrame frame_at(Days now) const;
    [[nodiscard]] const std::optional<TimelineRange>& range() const { return range_; }

    // A span's bounds as moments; empty or unreadable bounds are open (±inf).
    struct Bounds {
        Days start;
        Days end;           // the last moment included (or, with end_exclusive, the first not)
        bool end_exclusive; // the end named a period (a date, a month, a year)
        [[nodiscard]] bool holds(Days now) const { return now >= start && (end_exclusive ? now < end : now <= end); }
    };

private:
    // A movement that carries a figure from one place to another.
    struct Leg {
        Days start = 0.0, end = 0.0;
        int from = -1, to = -1;  // place indices
        GeographicLib::GeodesicLine line;
        double length_m = 0.0;
    };
    struct FigureTimes {
        Bounds when;
        std::vector<std::pair<Days, double>> history;  // sorted by date
        int place = -1;
        std::vector<Leg> legs;  // sorted by start
    };
    std::vector<FigureTimes> figures_;
    std::vector<Bounds> movements_;
    std::vector<Bounds> annotations_;
    std::optional<TimelineRange> range_;
};

// Timeline(scenario).frame_at(now): for one look; keep a Timeline to ask often.
TimelineFrame frame_at(const Scenario& scenario, Days now);

// The frame the scenario shows at its current_time(); nothing when nothing
// is dated (then everything is shown as it is).
std::optional<TimelineFrame> current_frame(const Scenario& scenario);

}  // namespace muster::scenario
