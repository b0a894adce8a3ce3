// The Article panel: the source text with every extracted span highlighted
// by kind (places blue, figures orange), wrapped to the panel's width.
// Hovering a span sets ViewState::hovered, clicking it selects the entity
// and flies the map there.
//
// The text is laid out word by word each frame from the Scenario (no copy is
// kept): a briefing of a few thousand words costs well under a millisecond.
#pragma once

#include "ui/selection.hpp"
#include "ui/view_state.hpp"

#include <vector>

namespace muster::ui {

// A stretch of the source text in bytes [begin, end): plain (entity empty)
// or one extracted span.
struct ArticleRun {
    std::size_t begin = 0;
    std::size_t end = 0;
    EntityRef entity;
    friend bool operator==(const ArticleRun&, const ArticleRun&) = default;
};

// The source split into runs that cover it without gaps, in order. Spans
// whose code points overlap an earlier (or, at the same start, longer) span
// are left plain rather than drawn twice.
std::vector<ArticleRun> article_runs(const scenario::Scenario& scenario, const scenario::Source& source);

// Draws the panel's contents into the current window (the caller owns
// Begin/End, so the panel can be docked or placed anywhere).
void draw_article_text(ViewState& state);

}  // namespace muster::ui
