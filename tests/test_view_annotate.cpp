// Edit -> Add label / Add arrow (ui/annotate_tool.hpp): clicks on the map
// become annotations of the open scenario, one undo step each.
#include "ui/annotate_tool.hpp"
#include "ui/document.hpp"
#include "ui/view_state.hpp"

#include <doctest/doctest.h>

using namespace muster;
using namespace muster::ui;

TEST_CASE("Add label: one click puts a label there, Add arrow: two clicks, from and to") {
    ViewState state;
    state.scenario.title = "Drawn";
    track_edits(state, 0);

    start_annotating(state, "label");
    CHECK(add_annotation_point(state, {50.45, 30.52}) == "a1");
    REQUIRE(state.scenario.annotations.size() == 1);
    const scenario::Annotation& label = state.scenario.annotations[0];
    CHECK(label.kind == "label");
    CHECK(label.text == "Label");
    CHECK(label.geometry == scenario::Geometry{"Point", {{{LatLon{50.45, 30.52}}}}});
    CHECK(state.annotate.kind.empty());  // one label per menu choice
    track_edits(state, 0);  // as the window does every frame
    CHECK(add_annotation_point(state, {51.0, 31.0}).empty());
    CHECK(state.scenario.annotations.size() == 1);

    start_annotating(state, "arrow");
    CHECK(add_annotation_point(state, {53.9, 27.57}).empty());  // the start: nothing yet
    CHECK(state.scenario.annotations.size() == 1);
    CHECK(add_annotation_point(state, {50.45, 30.52}) == "a2");
    REQUIRE(state.scenario.annotations.size() == 2);
    const scenario::Annotation& arrow = state.scenario.annotations[1];
    CHECK(arrow.kind == "arrow");
    CHECK(arrow.geometry.type == "LineString");
    CHECK(arrow.geometry.parts == std::vector<std::vector<std::vector<LatLon>>>{{{{53.9, 27.57}, {50.45, 30.52}}}});
    CHECK(state.show_inspector);  // where its text and colour are edited

    // An edit like any other: dirty, and undone in one step.
    track_edits(state, 0);
    CHECK(state.document.dirty);
    undo(state);
    CHECK(state.scenario.annotations.size() == 1);
}
