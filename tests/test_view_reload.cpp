// Reload on change (ui/file_watch.hpp): the open scenario file rewritten on
// disk is reloaded keeping camera and selection; with unsaved edits only a
// notice is shown until File -> Reload; a broken file leaves the document
// and shows the loader's error. Time is passed in, so the once-a-second
// polling is tested without waiting.
#include "ui/document.hpp"
#include "ui/file_watch.hpp"
#include "ui/view_state.hpp"

#include "cli_scratch.hpp"
#include "scenario/scenario_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace muster::ui;
namespace scn = muster::scenario;
using muster::test::Scratch;

namespace {

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Kyiv (p1), and Kharkiv (p2) unless `with_kharkiv` is false.
scn::Scenario two_places(const std::string& title, bool with_kharkiv = true) {
    scn::Scenario s;
    s.title = title;
    s.sources.push_back({"s1", title, "", "", "Troops are in Kyiv and Kharkiv."});
    scn::Place kyiv;
    kyiv.id = "p1", kyiv.name = "Kyiv", kyiv.country = "UA", kyiv.feature = "city", kyiv.point = {50.45466, 30.5238};
    s.places.push_back(kyiv);
    if (with_kharkiv) {
        scn::Place kharkiv = kyiv;
        kharkiv.id = "p2", kharkiv.name = "Kharkiv", kharkiv.point = {49.98081, 36.25272};
        s.places.push_back(kharkiv);
    }
    return s;
}

// The file opened as the document, with the watch started at t = 0 and the
// first framing done (as the viewer does on its first frame).
ViewState opened(const fs::path& file, const std::string& title) {
    write_file(file, scn::scenario_text(two_places(title)));
    ViewState state;
    request_open(state, file);
    REQUIRE(state.document.error.empty());
    CHECK_FALSE(watch_document_file(state, 0.0));
    state.reset_view_requested = false;
    state.notice.clear();
    return state;
}

}  // namespace

TEST_CASE("reload on change: a rewritten file is reloaded with camera and selection kept") {
    Scratch scratch("reload-change");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Before");
    state.selected = place_ref("p2");

    write_file(file, scn::scenario_text(two_places("After the rewrite")));
    // Within the second since the last look: not looked at yet.
    CHECK_FALSE(watch_document_file(state, 0.5));
    CHECK(state.scenario.title == "Before");

    CHECK(watch_document_file(state, 1.2));
    CHECK(state.scenario.title == "After the rewrite");
    CHECK(state.selected == place_ref("p2"));
    CHECK_FALSE(state.reset_view_requested);  // the camera stays where the user put it
    CHECK_FALSE(state.camera_target.has_value());
    CHECK_FALSE(state.document.dirty);
    CHECK(state.document.status == "Reloaded " + file.string());

    // Unchanged since: nothing happens.
    CHECK_FALSE(watch_document_file(state, 2.5));

    // The selected place gone from the file: the selection goes with it.
    write_file(file, scn::scenario_text(two_places("Kharkiv dropped", false)));
    CHECK(watch_document_file(state, 4.0));
    CHECK(state.scenario.places.size() == 1);
    CHECK(state.selected.empty());
}

TEST_CASE("reload on change: unsaved edits are not replaced, a notice points to File -> Reload") {
    Scratch scratch("reload-dirty");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Before");
    state.scenario.places[0].name = "Kiev (edited)";
    track_edits(state, 0);
    REQUIRE(state.document.dirty);

    write_file(file, scn::scenario_text(two_places("Changed elsewhere")));
    CHECK_FALSE(watch_document_file(state, 1.5));
    CHECK(state.scenario.title == "Before");
    CHECK(state.scenario.places[0].name == "Kiev (edited)");
    CHECK(state.document.dirty);
    CHECK(state.notice ==
          "kyiv.muster.json changed on disk \u2014 File \u2192 Reload to load it (your edits would be lost)");

    // File -> Reload: the file's version, the edits dropped, the notice gone.
    CHECK(reload_document(state));
    CHECK(state.scenario.title == "Changed elsewhere");
    CHECK(state.scenario.places[0].name == "Kyiv");
    CHECK_FALSE(state.document.dirty);
    CHECK_FALSE(can_undo(state));
    CHECK(state.notice.empty());
    // The reload itself is not seen as another change.
    CHECK_FALSE(watch_document_file(state, 3.0));
}

TEST_CASE("reload on change: a file that became invalid keeps the document and shows the loader's error") {
    Scratch scratch("reload-broken");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Before");

    write_file(file, "{\"muster\": 1,\n  \"places\": [\n");
    CHECK_FALSE(watch_document_file(state, 1.5));
    CHECK(state.scenario.title == "Before");
    CHECK(state.scenario.places.size() == 2);
    CHECK(state.document.error.rfind(file.string() + ":3:1: syntax error while parsing value", 0) == 0);

    // Shown once, not every second.
    state.document.error.clear();
    CHECK_FALSE(watch_document_file(state, 3.0));
    CHECK(state.document.error.empty());

    // Fixed on disk: loaded.
    write_file(file, scn::scenario_text(two_places("Fixed")));
    CHECK(watch_document_file(state, 4.5));
    CHECK(state.scenario.title == "Fixed");
}

TEST_CASE("reload on change: the viewer's own save is not taken for a change") {
    Scratch scratch("reload-own-save");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Before");
    state.scenario.title = "Edited and saved here";
    track_edits(state, 0);
    REQUIRE(save_document(state));

    CHECK_FALSE(watch_document_file(state, 1.5));
    CHECK(state.scenario.title == "Edited and saved here");
    CHECK(can_undo(state));  // the history survives: nothing was reloaded
    CHECK(state.notice.empty());
}
