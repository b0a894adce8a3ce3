// The timeline panel: a strip along the bottom of the map that steps through
// a dated scenario (scenario/timeline.hpp) — a slider over its range showing
// the date, jump to start, a day back, play/pause, a day forward, jump to the
// end, and the playing speed in days per second (1, 3, 7, 30).
//
// It shows by itself when the scenario's dates span more than one day;
// View -> Timeline shows or hides it either way. Keys, when no text field
// has the keyboard: Space plays and pauses, comma and full stop step a day
// back and forward (the arrow keys pan the map).
//
// The moment shown is view state: moving it never marks the document edited,
// but Save writes it as the scenario's time.current (apply_timeline_time).
// Playing stops at the end of the range.
//
// update_timeline() runs once a frame before anything draws: it keeps the
// parsed Timeline in step with the scenario, advances playback and computes
// the frame the map, the entity table and the article all follow.
#pragma once

#include "scenario/timeline.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace muster::ui {

struct ViewState;

struct TimelineState {
    std::optional<scenario::Days> current;  // the moment shown; none: the scenario's own (current_time)
    bool playing = false;
    double days_per_second = 7.0;
    std::optional<bool> show;  // View -> Timeline; none: shown when the dates span more than a day
    bool only_on_map = false;  // the entity table hides what is not on the map

    // Kept by update_timeline().
    std::uint64_t fingerprint = 0;  // of the scenario's dated content the timeline was built for
    std::optional<scenario::Timeline> timeline;
    bool dated = false;  // has_timeline()
    std::string file_current;  // scenario.time.current as last seen: a new one (reload, script) is adopted
    std::optional<scenario::TimelineFrame> frame;  // what the map shows now; none: undated, all shown
};

// The playing speeds offered, in days per second.
inline constexpr double timeline_speeds[] = {1.0, 3.0, 7.0, 30.0};

// Rebuilds the timeline when the scenario's dates changed, advances a
// playing timeline by `seconds` of wall time, and computes the frame.
void update_timeline(ViewState& state, double seconds);

// The moment the map shows; none for an undated scenario.
std::optional<scenario::Days> shown_time(const ViewState& state);

// Whether the panel is on screen, and its height in points (0 when not).
bool timeline_panel_visible(const ViewState& state);
float timeline_panel_height();

// The panel as a window along the bottom of the map's free part (above the
// status bar), and its contents alone (for tests and other hosts).
void draw_timeline_panel(ViewState& state);
void draw_timeline_controls(ViewState& state);

// Space, comma and full stop, when no widget has the keyboard.
void handle_timeline_keys(ViewState& state);

// Whether a figure (index into the scenario's figures) is on the map at the
// moment shown.
bool figure_on_map(const ViewState& state, std::size_t figure);

// Writes the moment shown into state.scenario.time.current, as the file
// stores it, without counting it as an edit (called by Save).
void apply_timeline_time(ViewState& state);

// Moves to a moment (clamped to the range) or by days; stops playing.
void seek_timeline(ViewState& state, scenario::Days to);

}  // namespace muster::ui
