// The viewer's document: opening, saving (atomic, Save As), the window
// title, unsaved edits with undo and "save changes?", dropped files, the
// settings file, the file browser and the paste box. Pure functions over
// ViewState first; the dialogs driven headless through Dear ImGui with
// synthesised keys and text.
#include "ui/document.hpp"
#include "ui/document_menu.hpp"
#include "ui/file_browser.hpp"
#include "ui/paste_article.hpp"
#include "ui/settings.hpp"
#include "ui/view_state.hpp"

#include "cli_scratch.hpp"
#include "headless_imgui.hpp"
#include "scenario/scenario_json.hpp"

#include <SDL_scancode.h>
#include <doctest/doctest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace muster::ui;
namespace scn = muster::scenario;
using muster::test::Scratch;
using muster::test::slurp;

namespace {

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

scn::Scenario small_scenario(const std::string& title) {
    scn::Scenario s;
    s.title = title;
    s.sources.push_back({"s1", title, "", "", title + " troops are in Kyiv."});
    scn::Place kyiv;
    kyiv.id = "p1", kyiv.name = "Kyiv", kyiv.country = "UA", kyiv.feature = "city";
    kyiv.gazetteer_id = "703448", kyiv.geonameid = 703448, kyiv.point = {50.45466, 30.5238};
    s.places.push_back(kyiv);
    return s;
}

// A scenario file in the scratch folder (written plainly, not through the
// atomic save under test), opened as the document.
ViewState opened(const fs::path& file, const std::string& title) {
    write_file(file, scn::scenario_text(small_scenario(title)));
    ViewState state;
    request_open(state, file);
    REQUIRE(state.document.error.empty());
    return state;
}

// Runs a frame of the document's dialogs with `key` (an SDL scancode, -1:
// none) held and `text` typed, as the viewer would after the panels.
class HeadlessDialogs : public muster::test::HeadlessImGuiContext {
public:
    void frame(ViewState& state, int key = -1, const char* text = nullptr, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        for (bool& down : io.KeysDown) down = false;
        if (key >= 0) io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        io.KeyShift = false;
        if (text) io.AddInputCharactersUTF8(text);
        ImGui::NewFrame();
        handle_document_shortcuts(state);
        draw_document_dialogs(state);
        ImGui::EndFrame();
    }
    // The key, then two quiet frames: focus moved by a key takes a frame to arrive.
    void press(ViewState& state, int key) {
        frame(state, key);
        frame(state);
        frame(state);
    }
    void type(ViewState& state, const char* text) {
        frame(state, -1, text);
        frame(state);
    }
};

}  // namespace

// ------------------------------------------------------------------ open, save, title

TEST_CASE("opening a scenario file makes it the document: its name in the title, Save writes it") {
    Scratch scratch("doc-open");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    CHECK(state.document.path == file);
    CHECK(state.scenario.title == "Build-up");
    CHECK(window_title(state) == "kyiv.muster.json - muster");
    CHECK(state.reset_view_requested);  // the map frames the new document
    REQUIRE(state.document.recent_files.size() == 1);
    CHECK(state.document.recent_files[0] == fs::absolute(file));
}

TEST_CASE("an edit marks the document dirty, undo takes it back, redo again") {
    Scratch scratch("doc-undo");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    track_edits(state, 0);
    CHECK_FALSE(state.document.dirty);
    CHECK_FALSE(can_undo(state));

    state.scenario.places[0].point = {49.0, 31.0};  // as the Inspector would
    track_edits(state, 0);
    CHECK(state.document.dirty);
    CHECK(window_title(state) == "kyiv.muster.json* - muster");
    CHECK(can_undo(state));

    undo(state);
    CHECK(state.scenario.places[0].point.lat == doctest::Approx(50.45466));
    CHECK_FALSE(state.document.dirty);  // back to what the file holds
    CHECK(window_title(state) == "kyiv.muster.json - muster");
    redo(state);
    CHECK(state.scenario.places[0].point.lat == doctest::Approx(49.0));
    CHECK(state.document.dirty);
}

TEST_CASE("changes while one widget stays active are one undo step") {
    ViewState state;
    start_document(state, small_scenario("x"), {}, false);
    for (int frame = 0; frame < 5; ++frame) {
        state.scenario.places[0].point.lat += 0.5;  // a drag: the same item every frame
        track_edits(state, 42);
    }
    track_edits(state, 0);  // released
    state.scenario.places[0].point.lon = 10.0;  // a separate edit
    track_edits(state, 0);
    CHECK(state.document.undo.size() == 2);
    undo(state);
    undo(state);
    CHECK(state.scenario.places[0].point.lat == doctest::Approx(50.45466));
}

TEST_CASE("a save and reload keeps an edit: the exact field in the file") {
    Scratch scratch("doc-save");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    state.scenario.places[0].point = {48.5, 35.25};
    state.scenario.places[0].confidence = 1.0;
    track_edits(state, 0);
    REQUIRE(save_document(state));
    CHECK_FALSE(state.document.dirty);
    CHECK(state.document.status == "Saved " + file.string());

    const nlohmann::json saved = nlohmann::json::parse(slurp(file));
    CHECK(saved["places"][0]["lat"] == 48.5);
    CHECK(saved["places"][0]["lon"] == 35.25);
    ViewState reopened;
    request_open(reopened, file);
    REQUIRE(reopened.document.error.empty());
    // Everything the file format holds of the document (Save also put the
    // view into it: ui/scenario_view.hpp) comes back.
    CHECK(reopened.scenario == scn::parse_scenario(scn::scenario_text(state.scenario), "saved"));
}

TEST_CASE("Save puts the view and the layer looks into the scenario, they are no edit and Home returns there") {
    Scratch scratch("doc-view");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    state.camera = muster::Camera({1600, 900});
    state.camera.set_zoom(7.0);
    state.camera.set_centre({50.0, 31.0});
    state.pixel_ratio = 2.0f;  // a high-DPI window: zoom 7 in pixels is zoom 6 in points
    state.map_left_px = 400.0;  // the side column: the view's middle is right of the window's
    state.layers.city_labels.visible = false;
    state.scenario.title = "Edited";
    track_edits(state, 0);
    const std::size_t undo_steps = state.document.undo.size();
    const muster::LatLon middle = state.camera.to_lonlat({1000.0, 450.0});
    REQUIRE(save_document(state));
    REQUIRE(state.scenario.camera);
    CHECK(state.scenario.camera->zoom == doctest::Approx(6.0));
    CHECK(state.scenario.camera->center->lat == doctest::Approx(middle.lat).epsilon(1e-4));
    CHECK(state.scenario.camera->center->lon == doctest::Approx(middle.lon).epsilon(1e-4));
    CHECK(state.scenario.camera->projection.empty());
    CHECK(state.scenario.layers.at("city_labels") == scn::LayerState{false, 1.0});
    CHECK(state.scenario.layers.size() == 1);
    CHECK_FALSE(state.document.dirty);
    track_edits(state, 0);
    CHECK(state.document.undo.size() == undo_steps);  // no undo step of its own

    // Panning after the save is no unsaved edit.
    state.camera.pan_by_pixels(200, 0);
    track_edits(state, 0);
    CHECK_FALSE(state.document.dirty);

    // Opened again (in LAEA, as a file may say): the projection switches, the layer looks apply.
    scn::Scenario kept = state.scenario;
    kept.camera->projection = "EPSG:3035";
    ViewState other;
    start_document(other, kept, file, true);
    CHECK(other.camera.projection().id() == "EPSG:3035");
    CHECK_FALSE(other.layers.city_labels.visible);
}

TEST_CASE("a failed save leaves the old file intact, names the path and keeps the edits unsaved") {
    Scratch scratch("doc-fail");
    // A name of 250 bytes: the file exists, but the temporary name beside it
    // ('.' + name + ".tmp-PID-N") is too long for the file system, so the
    // write fails even for root, which an unwritable folder would not stop.
    const fs::path file = scratch.folder() / (std::string(238, 'k') + ".muster.json");
    ViewState state = opened(file, "Build-up");
    const std::string before = slurp(file);
    state.scenario.title = "Changed";
    track_edits(state, 0);

    CHECK_FALSE(save_document(state));
    CHECK(state.document.error.rfind(file.string() + ": cannot write (", 0) == 0);
    CHECK(slurp(file) == before);
    CHECK(state.document.dirty);

    // Save As into a folder that does not exist: the document keeps its file.
    state.document.error.clear();
    const fs::path nowhere = scratch.folder() / "missing" / "x.muster.json";
    CHECK_FALSE(save_document_as(state, nowhere));
    CHECK(state.document.error == nowhere.string() + ": cannot write (folder " + nowhere.parent_path().string() +
                                      " does not exist)");
    CHECK(state.document.path == file);
    CHECK(slurp(file) == before);
    for (const auto& entry : fs::directory_iterator(scratch.folder()))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);  // no temporary left behind
}

TEST_CASE("an unwritable folder: the save fails with the path and the old file stays") {
    Scratch scratch("doc-readonly");
    const fs::path folder = scratch.folder() / "locked";
    fs::create_directories(folder);
    const fs::path file = folder / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    const std::string before = slurp(file);
    fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
    if (::access(folder.c_str(), W_OK) == 0) {
        fs::permissions(folder, fs::perms::owner_all);
        MESSAGE("running as root: permissions do not stop writing, case skipped");
        return;
    }
    state.scenario.title = "Changed";
    track_edits(state, 0);
    CHECK_FALSE(save_document(state));
    CHECK(state.document.error == file.string() + ": cannot write (Permission denied)");
    fs::permissions(folder, fs::perms::owner_all);
    CHECK(slurp(file) == before);
}

TEST_CASE("an article saves as a new scenario file beside it") {
    Scratch scratch("doc-article");
    ViewState state;
    const fs::path article = scratch.folder() / "report.txt";
    start_document(state, small_scenario("Report"), article, false);
    CHECK(state.document.path.empty());
    CHECK(window_title(state) == "report.txt - muster");
    CHECK(suggested_save_path(state) == scratch.folder() / "report.muster.json");
    CHECK_FALSE(save_document(state));  // no file yet: Save As opens
    CHECK(state.file_browser.open);
    CHECK(state.file_browser.mode == BrowserMode::save_as);
    CHECK(state.file_browser.field == "report.muster.json");
}

// ------------------------------------------------------------------ unsaved edits

TEST_CASE("opening another file with unsaved edits asks first, Cancel keeps, Don't save opens") {
    Scratch scratch("doc-ask");
    const fs::path first = scratch.folder() / "first.muster.json";
    const fs::path second = scratch.folder() / "second.muster.json";
    scn::save_scenario(small_scenario("Second"), second);
    ViewState state = opened(first, "First");
    state.scenario.title = "First, edited";
    track_edits(state, 0);

    request_open(state, second);
    CHECK(state.document.ask_to_save);
    CHECK(state.scenario.title == "First, edited");
    answer_save_prompt(state, SaveAnswer::cancel);
    CHECK(state.scenario.title == "First, edited");
    CHECK(state.document.pending.kind == PendingAction::Kind::none);

    request_open(state, second);
    answer_save_prompt(state, SaveAnswer::discard);
    CHECK(state.scenario.title == "Second");
    CHECK(state.document.path == second);
    CHECK_FALSE(state.document.dirty);
    CHECK(scn::load_scenario(first).title == "First");  // nothing was written
}

TEST_CASE("quitting with unsaved edits asks, Save writes the file, then quits") {
    Scratch scratch("doc-quit");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    CHECK(may_close(state));  // nothing to lose
    state.scenario.title = "Edited";
    track_edits(state, 0);
    CHECK_FALSE(may_close(state));
    CHECK(state.document.ask_to_save);
    answer_save_prompt(state, SaveAnswer::save);
    CHECK(state.quit_requested);
    CHECK(may_close(state));
    CHECK(scn::load_scenario(file).title == "Edited");
}

TEST_CASE("the save-changes dialog: Enter saves, Escape cancels") {
    HeadlessDialogs imgui;
    Scratch scratch("doc-prompt");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up");
    state.scenario.title = "Edited";
    track_edits(state, 0);
    CHECK_FALSE(may_close(state));
    imgui.frame(state);  // the dialog opens
    imgui.frame(state);
    imgui.press(state, SDL_SCANCODE_ESCAPE);
    CHECK_FALSE(state.quit_requested);
    CHECK(state.document.dirty);

    CHECK_FALSE(may_close(state));
    imgui.frame(state);
    imgui.frame(state);
    imgui.press(state, SDL_SCANCODE_RETURN);
    CHECK(state.quit_requested);
    CHECK(scn::load_scenario(file).title == "Edited");
}

// ------------------------------------------------------------------ dropped files

TEST_CASE("dropped files: vector files become layers, scenarios and articles open, other JSON is refused") {
    Scratch scratch("doc-drop");
    const fs::path geojson = scratch.folder() / "gap.geojson";
    const fs::path collection = scratch.folder() / "areas.json";
    const fs::path other = scratch.folder() / "package.json";
    const fs::path scenario_file = scratch.folder() / "s.json";
    write_file(geojson, R"({"type": "FeatureCollection", "features": []})");
    write_file(collection, R"({"type": "FeatureCollection", "features": []})");
    write_file(other, R"({"name": "left-pad", "version": "1.3.0"})");
    scn::save_scenario(small_scenario("Dropped"), scenario_file);
    CHECK(classify_file(geojson) == FileKind::vector_layer);
    CHECK(classify_file(scratch.folder() / "x.gpkg") == FileKind::vector_layer);
    CHECK(classify_file(scratch.folder() / "roads.SHP") == FileKind::vector_layer);
    CHECK(classify_file(collection) == FileKind::vector_layer);
    CHECK(classify_file(scenario_file) == FileKind::document);
    CHECK(classify_file(scratch.folder() / "article.txt") == FileKind::document);
    CHECK(classify_file(other) == FileKind::unsupported);

    ViewState state;
    accept_dropped_file(state, geojson);
    accept_dropped_file(state, collection);
    CHECK(state.dropped_vector_files == std::vector<fs::path>{geojson, collection});
    CHECK(state.scenario.places.empty());
    accept_dropped_file(state, scenario_file);
    CHECK(state.scenario.title == "Dropped");
    CHECK(state.document.path == scenario_file);
    accept_dropped_file(state, other);
    CHECK(state.document.error == other.string() + ": not a muster scenario or GeoJSON (no \"muster\" or \"Feature\" in it)");
    state.document.error.clear();
    accept_dropped_file(state, scratch.folder() / "gone.txt");
    CHECK(state.document.error == (scratch.folder() / "gone.txt").string() + ": cannot read (No such file or directory)");
    CHECK(state.scenario.title == "Dropped");  // a failed open keeps the document
}

// ------------------------------------------------------------------ settings

TEST_CASE("settings: saved and read back, recent files newest first, once each, at most ten") {
    Scratch scratch("settings-roundtrip");
    const fs::path folder = scratch.folder() / "config" / "muster";
    Settings settings;
    for (int i = 0; i < 12; ++i) remember_recent(settings.recent_files, scratch.folder() / ("f" + std::to_string(i) + ".txt"));
    remember_recent(settings.recent_files, scratch.folder() / "f5.txt");
    CHECK(settings.recent_files.size() == max_recent_files);
    CHECK(settings.recent_files[0] == scratch.folder() / "f5.txt");
    CHECK(settings.recent_files[1] == scratch.folder() / "f11.txt");
    settings.side_panel_width = 512.0f;
    settings.show_side_panels = false;
    settings.graticule = false;
    save_settings(settings, folder);
    std::vector<std::string> warnings;
    CHECK(load_settings(folder, warnings) == settings);
    CHECK(warnings.empty());
    const nlohmann::json json = nlohmann::json::parse(slurp(folder / "settings.json"));
    CHECK(json["side_panel_width"] == 512.0);
    CHECK(json["graticule"] == false);
}

TEST_CASE("settings: a broken file gives the defaults and one warning naming it") {
    Scratch scratch("settings-broken");
    const fs::path folder = scratch.folder();
    std::vector<std::string> warnings;
    CHECK(load_settings(folder, warnings) == Settings{});  // missing: defaults, silently
    CHECK(warnings.empty());

    write_file(folder / "settings.json", "{\"recent_files\": [\"/a.txt\",");
    CHECK(load_settings(folder, warnings) == Settings{});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].rfind((folder / "settings.json").string() + ": not valid JSON (", 0) == 0);
    CHECK(warnings[0].find("; using defaults") != std::string::npos);

    warnings.clear();
    write_file(folder / "settings.json", R"({"side_panel_width": "wide", "graticule": false})");
    const Settings partly = load_settings(folder, warnings);
    CHECK(partly.side_panel_width == Settings{}.side_panel_width);
    CHECK_FALSE(partly.graticule);  // what is right is kept
    CHECK(warnings == std::vector<std::string>{(folder / "settings.json").string() +
                                               ": /side_panel_width: expected a number; using the default"});
}

TEST_CASE("settings live in $XDG_CONFIG_HOME/muster, else ~/.config/muster") {
    const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
    const std::string saved_xdg = old_xdg ? old_xdg : "";
    ::setenv("XDG_CONFIG_HOME", "/tmp/muster-xdg", 1);
    CHECK(config_folder() == fs::path("/tmp/muster-xdg/muster"));
    ::setenv("XDG_CONFIG_HOME", "relative/ignored", 1);  // the spec: only absolute paths count
    const char* home = std::getenv("HOME");
    if (home && *home) CHECK(config_folder() == fs::path(home) / ".config" / "muster");
    if (old_xdg)
        ::setenv("XDG_CONFIG_HOME", saved_xdg.c_str(), 1);
    else
        ::unsetenv("XDG_CONFIG_HOME");
}

// ------------------------------------------------------------------ file browser

TEST_CASE("the file browser lists folders, then the files muster opens, by name") {
    Scratch scratch("browser-list");
    const fs::path folder = scratch.folder();
    fs::create_directories(folder / "Zeta");
    fs::create_directories(folder / "alpha");
    fs::create_directories(folder / ".hidden");
    for (const char* name : {"b.TXT", "a.muster.json", "c.gpkg", "notes.docx", "page.html", ".secret.txt"})
        write_file(folder / name, "x");
    using E = BrowserEntry;
    CHECK(list_folder(folder, false) == std::vector<E>{{"..", true},
                                                        {"alpha", true},
                                                        {"Zeta", true},
                                                        {"a.muster.json", false},
                                                        {"b.TXT", false},
                                                        {"c.gpkg", false},
                                                        {"page.html", false}});
    CHECK(list_folder(folder, true).size() == 8);  // notes.docx too
    const std::vector<E> entries = list_folder(folder, false);
    CHECK(filter_entries(entries, "TXT") == std::vector<std::size_t>{4});
    CHECK(filter_entries(entries, "a").size() == 4);  // alpha, Zeta, a.muster.json, page.html
    CHECK(filter_entries(entries, "").size() == entries.size());
}

TEST_CASE("file browser, keyboard only: type a filter, Down, Enter opens the file") {
    HeadlessDialogs imgui;
    Scratch scratch("browser-keys");
    fs::create_directories(scratch.folder() / "briefings");
    scn::save_scenario(small_scenario("Alpha"), scratch.folder() / "briefings" / "alpha.muster.json");
    scn::save_scenario(small_scenario("Kyiv one"), scratch.folder() / "briefings" / "kyiv-1.muster.json");
    scn::save_scenario(small_scenario("Kyiv two"), scratch.folder() / "briefings" / "kyiv-2.muster.json");
    ViewState state;
    start_document(state, {}, scratch.folder() / "start.txt", false);  // Open starts in the document's folder
    imgui.frame(state, SDL_SCANCODE_O, nullptr, true);  // Ctrl+O
    REQUIRE(state.file_browser.open);
    CHECK(state.file_browser.folder == fs::weakly_canonical(scratch.folder()));
    imgui.frame(state);
    imgui.type(state, "brief");
    imgui.press(state, SDL_SCANCODE_RETURN);  // the only match: the folder
    CHECK(state.file_browser.folder == fs::weakly_canonical(scratch.folder() / "briefings"));
    CHECK(state.file_browser.field.empty());
    imgui.type(state, "kyiv");
    imgui.press(state, SDL_SCANCODE_DOWN);  // kyiv-1 -> kyiv-2
    imgui.press(state, SDL_SCANCODE_RETURN);
    CHECK_FALSE(state.file_browser.open);
    CHECK(state.scenario.title == "Kyiv two");
    CHECK(state.document.path == fs::weakly_canonical(scratch.folder() / "briefings") / "kyiv-2.muster.json");
}

TEST_CASE("file browser: a typed path opens, a wrong one says so and stays open") {
    Scratch scratch("browser-path");
    scn::save_scenario(small_scenario("By path"), scratch.folder() / "p.muster.json");
    ViewState state;
    open_file_browser(state, BrowserMode::open);
    state.file_browser.field = (scratch.folder() / "nothing" / "here.txt").string();
    browser_enter(state);
    CHECK(state.file_browser.open);
    CHECK(state.file_browser.problem == "no such file or folder: " + (scratch.folder() / "nothing" / "here.txt").string());
    state.file_browser.field = (scratch.folder() / "p.muster.json").string();
    browser_enter(state);
    CHECK_FALSE(state.file_browser.open);
    CHECK(state.scenario.title == "By path");
}

TEST_CASE("Save As: a bare name gets .muster.json, an existing file is replaced only on a second Enter") {
    Scratch scratch("browser-save");
    ViewState state;
    start_document(state, small_scenario("Saved"), scratch.folder() / "article.txt", false);
    state.scenario.title = "Saved, edited";
    track_edits(state, 0);
    open_file_browser(state, BrowserMode::save_as);
    state.file_browser.field = "mine";
    browser_enter(state);
    CHECK_FALSE(state.file_browser.open);
    const fs::path mine = fs::weakly_canonical(scratch.folder()) / "mine.muster.json";
    CHECK(state.document.path == mine);
    CHECK(scn::load_scenario(mine).title == "Saved, edited");
    CHECK(window_title(state) == "mine.muster.json - muster");

    state.scenario.title = "Again";
    track_edits(state, 0);
    open_file_browser(state, BrowserMode::save_as);
    CHECK(state.file_browser.field == "mine.muster.json");
    browser_enter(state);
    CHECK(state.file_browser.open);
    CHECK(state.file_browser.problem == "mine.muster.json exists: Enter again to replace it");
    CHECK(scn::load_scenario(mine).title == "Saved, edited");
    browser_enter(state);
    CHECK_FALSE(state.file_browser.open);
    CHECK(scn::load_scenario(mine).title == "Again");
}

// ------------------------------------------------------------------ paste

TEST_CASE("a pasted article becomes the document, its source titled by its first line") {
    HeadlessDialogs imgui;
    ViewState state;
    imgui.frame(state);
    open_paste_article(state);
    state.paste.text = "\n  Troops near Kharkiv  \nRussia has massed 10,000 troops near Kharkiv.\n";
    imgui.frame(state);
    imgui.frame(state, SDL_SCANCODE_RETURN, nullptr, true);  // Ctrl+Enter extracts
    imgui.frame(state);
    CHECK_FALSE(state.paste.open);
    CHECK(state.document.error.empty());
    REQUIRE(state.scenario.sources.size() == 1);
    CHECK(state.scenario.sources[0].title == "Troops near Kharkiv");
    CHECK(state.scenario.sources[0].path.empty());
    CHECK(state.document.path.empty());
    CHECK(window_title(state) == "Troops near Kharkiv - muster");
    bool kharkiv = false;
    for (const scn::Place& place : state.scenario.places) kharkiv = kharkiv || place.name == "Kharkiv";
    CHECK(kharkiv);
    CHECK_FALSE(has_article_text(" \n\t "));
}

TEST_CASE("File -> Merge: an article's facts join the open scenario with their own source, as one undo step") {
    Scratch scratch("doc-merge");
    ViewState state = opened(scratch.folder() / "base.muster.json", "Base");
    const std::size_t places = state.scenario.places.size();
    const std::size_t sources = state.scenario.sources.size();
    const fs::path article = scratch.folder() / "second.txt";
    write_file(article, "Second report\nRussia has moved 10,000 troops into Belarus.\n");
    merge_document(state, article);
    CHECK(state.document.error.empty());
    REQUIRE(state.scenario.sources.size() == sources + 1);
    CHECK(state.scenario.sources.back().title == "Second report");
    CHECK(state.scenario.places.size() > places);
    REQUIRE_FALSE(state.scenario.figures.empty());
    CHECK(state.scenario.figures.back().mention->source == state.scenario.sources.back().id);
    track_edits(state, 0);
    CHECK(state.document.dirty);
    undo(state);
    CHECK(state.scenario.sources.size() == sources);
    // A file that cannot be read names itself and changes nothing.
    merge_document(state, scratch.folder() / "missing.txt");
    CHECK(state.document.error.find("missing.txt") != std::string::npos);
    CHECK(state.scenario.sources.size() == sources);
}
