// No lost work: the viewer's autosave of an edited, unsaved document, and
// the offer to restore it after a run that ended without saving (ui/autosave.hpp).
// Pure functions over ViewState with a made-up clock first, then the
// question answered through Dear ImGui, then the window under Xvfb.
#include "ui/autosave.hpp"
#include "ui/document.hpp"
#include "ui/view_state.hpp"

#include "cli_scratch.hpp"
#include "headless_imgui.hpp"
#include "render/style.hpp"
#include "scenario/scenario_json.hpp"

#include <SDL_scancode.h>
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <csignal>
#include <fstream>
#include <sys/wait.h>
#include <thread>

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

// A scenario file opened as the document, autosaving into FOLDER/autosave.
ViewState opened(const fs::path& file, const std::string& title, const fs::path& settings_folder) {
    write_file(file, scn::scenario_text(small_scenario(title)));
    ViewState state;
    request_open(state, file);
    REQUIRE(state.document.error.empty());
    state.autosave.folder = autosave_folder(settings_folder);
    return state;
}

// An edit as the Inspector makes one: the scenario changes, the frame ends.
void edit_title(ViewState& state, const std::string& title) {
    state.scenario.title = title;
    track_edits(state, 0);
}

std::size_t files_in(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

// Sets a file's modification time `offset` from now.
void touch(const fs::path& file, std::chrono::seconds offset) {
    fs::last_write_time(file, fs::file_time_type::clock::now() + offset);
}

}  // namespace

TEST_CASE("the autosave copy is named after the document, with a hash of its folder") {
    DocumentState doc;
    CHECK(autosave_file("/s/autosave", doc) == "/s/autosave/untitled.muster.json");
    doc.path = doc.origin = "/work/a/kyiv.muster.json";
    const fs::path first = autosave_file("/s/autosave", doc);
    CHECK(first.parent_path() == "/s/autosave");
    CHECK(first.filename().string().starts_with("kyiv-"));
    CHECK(first.filename().string().ends_with(".muster.json"));
    CHECK(first.filename().string().size() == std::string("kyiv-12345678.muster.json").size());
    doc.path = doc.origin = "/work/b/kyiv.muster.json";  // same name, another folder
    CHECK(autosave_file("/s/autosave", doc) != first);
    doc.path.clear();
    doc.origin = "/work/a/kyiv.txt";  // an article: its copy until it is saved as a scenario
    CHECK(autosave_file("/s/autosave", doc).filename().string().starts_with("kyiv.txt-"));
    CHECK(autosave_folder("").empty());  // no settings folder: no autosave
}

TEST_CASE("unsaved edits are copied after 30 s, not before, not mid-drag, and again after further edits") {
    Scratch scratch("autosave-tick");
    ViewState state = opened(scratch.folder() / "kyiv.muster.json", "Build-up", scratch.folder() / "settings");
    const fs::path copy = autosave_file(state.autosave.folder, state.document);

    CHECK_FALSE(autosave_tick(state, 100.0, false));  // nothing edited
    edit_title(state, "Edited");
    CHECK_FALSE(autosave_tick(state, 101.0, false));  // the edit starts the interval
    CHECK_FALSE(autosave_tick(state, 130.5, false));
    CHECK_FALSE(fs::exists(copy));
    CHECK_FALSE(autosave_tick(state, 131.5, true));  // a drag under way waits
    CHECK(autosave_tick(state, 132.0, false));
    REQUIRE(fs::exists(copy));
    CHECK(scn::load_scenario(copy).title == "Edited");
    CHECK(slurp(scratch.folder() / "kyiv.muster.json").find("Edited") == std::string::npos);  // the document untouched

    CHECK_FALSE(autosave_tick(state, 500.0, false));  // unchanged: not written again
    edit_title(state, "Edited twice");
    CHECK_FALSE(autosave_tick(state, 501.0, false));
    CHECK(autosave_tick(state, 531.0, false));
    CHECK(scn::load_scenario(copy).title == "Edited twice");
    CHECK(files_in(state.autosave.folder) == 1);  // one copy per document, no temporary left
}

TEST_CASE("saving, or undoing back to the saved state, removes the copy") {
    Scratch scratch("autosave-clear");
    ViewState state = opened(scratch.folder() / "kyiv.muster.json", "Build-up", scratch.folder() / "settings");
    const fs::path copy = autosave_file(state.autosave.folder, state.document);
    edit_title(state, "Edited");
    autosave_tick(state, 0.0, false);
    REQUIRE(autosave_tick(state, 31.0, false));
    REQUIRE(save_document(state));
    autosave_tick(state, 32.0, false);
    CHECK_FALSE(fs::exists(copy));

    edit_title(state, "Again");
    autosave_tick(state, 40.0, false);
    REQUIRE(autosave_tick(state, 71.0, false));
    undo(state);
    CHECK_FALSE(state.document.dirty);
    autosave_tick(state, 72.0, false);
    CHECK_FALSE(fs::exists(copy));
}

TEST_CASE("an edited article has a copy of its own, dropped once it is saved as a scenario") {
    Scratch scratch("autosave-saveas");
    const fs::path article = scratch.folder() / "kyiv.txt";
    write_file(article, "Russian troops are in Kyiv.\n");
    ViewState state;
    start_document(state, small_scenario("Article"), article, false);
    state.autosave.folder = autosave_folder(scratch.folder() / "settings");
    edit_title(state, "Edited");
    autosave_tick(state, 0.0, false);
    REQUIRE(autosave_tick(state, 31.0, false));
    const fs::path article_copy = autosave_file(state.autosave.folder, state.document);
    CHECK(article_copy.filename().string().starts_with("kyiv.txt-"));
    REQUIRE(save_document_as(state, scratch.folder() / "kyiv.muster.json"));
    autosave_tick(state, 32.0, false);
    CHECK(files_in(state.autosave.folder) == 0);
}

TEST_CASE("at exit the copy is kept up to date while edits stand unsaved, and removed once discarded") {
    Scratch scratch("autosave-exit");
    ViewState state = opened(scratch.folder() / "kyiv.muster.json", "Build-up", scratch.folder() / "settings");
    const fs::path copy = autosave_file(state.autosave.folder, state.document);
    edit_title(state, "Unsaved");
    autosave_at_exit(state);  // killed or ended by --frames: nobody answered
    REQUIRE(fs::exists(copy));
    CHECK(scn::load_scenario(copy).title == "Unsaved");

    state.document.close_confirmed = true;  // "Don't save" at quit
    autosave_at_exit(state);
    CHECK_FALSE(fs::exists(copy));
}

TEST_CASE("a copy newer than its document is offered at start, an older one is not") {
    Scratch scratch("autosave-offer");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    const fs::path settings = scratch.folder() / "settings";
    fs::path copy;
    {
        ViewState before = opened(file, "Build-up", settings);
        edit_title(before, "Unsaved");
        autosave_at_exit(before);
        copy = autosave_file(before.autosave.folder, before.document);
    }
    touch(file, std::chrono::seconds(-120));
    touch(copy, std::chrono::seconds(-60));
    {
        ViewState state;
        request_open(state, file);
        state.autosave.folder = autosave_folder(settings);
        REQUIRE(offer_restore(state));
        CHECK(state.autosave.offered == copy);
        CHECK(state.autosave.ask);
        CHECK(state.autosave.offered_time.size() == 5);  // "HH:MM": written today
        CHECK(state.autosave.offered_time[2] == ':');
        // While the question stands the copy is not touched.
        edit_title(state, "Something else");
        CHECK_FALSE(autosave_tick(state, 1000.0, false));
        CHECK_FALSE(autosave_tick(state, 2000.0, false));
        CHECK(scn::load_scenario(copy).title == "Unsaved");
    }
    touch(file, std::chrono::seconds(-10));  // saved by someone after the copy was made
    ViewState state;
    request_open(state, file);
    state.autosave.folder = autosave_folder(settings);
    CHECK_FALSE(offer_restore(state));
    CHECK(state.autosave.offered.empty());
}

TEST_CASE("Restore makes the copy an undoable edit of the document, Discard deletes it") {
    Scratch scratch("autosave-answer");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    const fs::path settings = scratch.folder() / "settings";
    auto leave_copy = [&] {
        ViewState before = opened(file, "Build-up", settings);
        edit_title(before, "Unsaved");
        autosave_at_exit(before);
        touch(autosave_file(before.autosave.folder, before.document), std::chrono::seconds(5));
    };
    auto reopen = [&] {
        ViewState state;
        request_open(state, file);
        state.autosave.folder = autosave_folder(settings);
        REQUIRE(offer_restore(state));
        return state;
    };

    leave_copy();
    ViewState state = reopen();
    restore_autosave(state);
    track_edits(state, 0);  // the next frame's end
    CHECK(state.scenario.title == "Unsaved");
    CHECK(state.document.dirty);
    CHECK(state.document.status == "Restored unsaved changes from " + state.autosave.offered_time);
    CHECK(state.document.path == file);  // Save writes the document's own file
    undo(state);
    CHECK(state.scenario.title == "Build-up");
    CHECK(files_in(state.autosave.folder) == 1);  // kept until saved or discarded

    ViewState again = reopen();
    discard_autosave(again);
    CHECK(again.scenario.title == "Build-up");
    CHECK_FALSE(again.document.dirty);
    CHECK(files_in(again.autosave.folder) == 0);
}

TEST_CASE("a damaged copy is an error naming it, and the document opens as saved") {
    Scratch scratch("autosave-damaged");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    ViewState state = opened(file, "Build-up", scratch.folder() / "settings");
    const fs::path copy = autosave_file(state.autosave.folder, state.document);
    fs::create_directories(copy.parent_path());
    write_file(copy, "{\"muster\": 1, \"title\": ");  // cut short by a full disk
    touch(copy, std::chrono::seconds(5));
    REQUIRE(offer_restore(state));
    restore_autosave(state);
    CHECK(state.document.error.starts_with("cannot restore unsaved changes: " + copy.string() + ":1:"));
    CHECK(state.scenario.title == "Build-up");
    CHECK_FALSE(state.document.dirty);
}

TEST_CASE("an autosave that cannot be written warns once in the status bar and keeps the edits") {
    Scratch scratch("autosave-fail");
    ViewState state = opened(scratch.folder() / "kyiv.muster.json", "Build-up", scratch.folder() / "settings");
    write_file(scratch.folder() / "settings", "a file where the folder should be");
    edit_title(state, "Edited");
    autosave_tick(state, 0.0, false);
    CHECK_FALSE(autosave_tick(state, 31.0, false));
    CHECK(state.document.status.starts_with("warning: autosave failed: " +
                                            autosave_file(state.autosave.folder, state.document).string() +
                                            ": cannot write ("));
    state.document.status.clear();
    CHECK_FALSE(autosave_tick(state, 62.0, false));
    CHECK(state.document.status.empty());  // once
    CHECK(state.document.dirty);
    CHECK(state.scenario.title == "Edited");
}

namespace {

class HeadlessPrompt : public muster::test::HeadlessImGuiContext {
public:
    void frame(ViewState& state, int key = -1) {
        ImGuiIO& io = ImGui::GetIO();
        for (bool& down : io.KeysDown) down = false;
        if (key >= 0) io.KeysDown[key] = true;
        ImGui::NewFrame();
        draw_restore_prompt(state);
        ImGui::EndFrame();
    }
};

}  // namespace

TEST_CASE("the restore question opens at start and Enter restores") {
    Scratch scratch("autosave-prompt");
    const fs::path file = scratch.folder() / "kyiv.muster.json";
    const fs::path settings = scratch.folder() / "settings";
    {
        ViewState before = opened(file, "Build-up", settings);
        edit_title(before, "Unsaved");
        autosave_at_exit(before);
        touch(autosave_file(before.autosave.folder, before.document), std::chrono::seconds(5));
    }
    ViewState state;
    request_open(state, file);
    state.autosave.folder = autosave_folder(settings);
    REQUIRE(offer_restore(state));
    HeadlessPrompt ui;
    ui.frame(state);
    CHECK(ImGui::IsPopupOpen("###autosave_prompt", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    CHECK(state.scenario.title == "Build-up");
    ui.frame(state, SDL_SCANCODE_RETURN);
    CHECK(state.scenario.title == "Unsaved");
    CHECK(state.autosave.offered.empty());
}

// ------------------------------------------------------------------ the window

namespace {

bool have_xvfb() { return std::system("command -v xvfb-run >/dev/null 2>&1") == 0; }

// Red channel of row `y`, x from 0 to `width`.
std::vector<std::uint8_t> red_row(const fs::path& png, int y, int width) {
    GDALAllRegister();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(dataset);
    std::vector<std::uint8_t> red(static_cast<std::size_t>(width));
    REQUIRE(dataset->GetRasterBand(1)->RasterIO(GF_Read, 0, y, width, 1, red.data(), width, 1, GDT_Byte, 0, 0) ==
            CE_None);
    return red;
}

}  // namespace

TEST_CASE("the window restores or discards the copy a killed run left behind") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    Scratch scratch("autosave-window");
    const fs::path config = scratch.folder() / "config";
    const fs::path file = scratch.folder() / "plain.muster.json";
    // The document as saved: a title and nothing to list, so no side column.
    write_file(file, "{\"muster\": 1, \"title\": \"Plain\"}\n");
    ViewState saved;
    request_open(saved, file);
    const fs::path copy = autosave_file(autosave_folder(config / "muster"), saved.document);
    // The copy the killed run left: an article's source and a place, which
    // bring up the Article and Entities column down the left.
    auto leave_copy = [&] {
        fs::create_directories(copy.parent_path());
        write_file(copy, scn::scenario_text(small_scenario("Unsaved")));
        touch(copy, std::chrono::seconds(5));
    };
    auto view = [&](const std::string& answer, const fs::path& shot) {
        const std::string command = "XDG_CONFIG_HOME='" + config.string() + "' xvfb-run -a -s '-screen 0 1024x768x24' '" +
                                    std::string(MUSTER_BINARY) + "' view '" + file.string() +
                                    "' --window 800x500 --frames 3 --restore-autosave " + answer + " --screenshot '" +
                                    shot.string() + "' >/dev/null 2>&1";
        const int status = std::system(command.c_str());
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    };
    const muster::MapStyle style;
    auto ocean_pixels_on_the_left = [&](const fs::path& shot) {
        int ocean = 0;
        for (const std::uint8_t red : red_row(shot, 250, 300)) ocean += red == style.ocean.red8() ? 1 : 0;
        return ocean;
    };

    leave_copy();
    const fs::path discarded = scratch.folder() / "discarded.png";
    view("discard", discarded);
    CHECK_FALSE(fs::exists(copy));
    CHECK(ocean_pixels_on_the_left(discarded) > 50);  // the world map, the Pacific on the left

    leave_copy();
    const fs::path restored = scratch.folder() / "restored.png";
    view("restore", restored);
    CHECK(ocean_pixels_on_the_left(restored) == 0);  // the side column covers it
    CHECK(slurp(file) == "{\"muster\": 1, \"title\": \"Plain\"}\n");  // the document is not saved over
    REQUIRE(fs::exists(copy));  // ended by --frames with the edits unsaved: still kept
    CHECK(scn::load_scenario(copy).title == "Unsaved");
}

namespace {

// Waits up to `limit` for `ready`, checking twice a second.
template <typename Ready>
bool wait_for(Ready ready, std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!ready()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    return true;
}

}  // namespace

TEST_CASE("a window killed with SIGKILL leaves the copy of its unsaved edit, offered at the next start") {
    if (!have_xvfb()) {
        MESSAGE("xvfb-run not installed: window test skipped");
        return;
    }
    Scratch scratch("autosave-kill");
    const fs::path config = scratch.folder() / "config";
    const fs::path file = scratch.folder() / "plain.muster.json";
    const std::string saved_text = "{\"muster\": 1, \"title\": \"Plain\"}\n";
    write_file(file, saved_text);
    const fs::path script = scratch.folder() / "edit.lua";
    write_file(script, "muster.scenario.title = \"Edited, never saved\"\n");
    ViewState saved;
    request_open(saved, file);
    const fs::path copy = autosave_file(autosave_folder(config / "muster"), saved.document);

    // The window runs until it is killed; the shell execs into muster so
    // that the pid written is muster's own, not xvfb-run's.
    const fs::path pid_file = scratch.folder() / "muster.pid";
    const std::string command = "XDG_CONFIG_HOME='" + config.string() + "' xvfb-run -a -s '-screen 0 1024x768x24' sh -c " +
                                "'echo $$ > \"$0\"; exec \"$1\" view \"$2\" --window 800x500 --script \"$3\"' '" +
                                pid_file.string() + "' '" + std::string(MUSTER_BINARY) + "' '" + file.string() + "' '" +
                                script.string() + "' >/dev/null 2>&1 &";
    REQUIRE(std::system(command.c_str()) == 0);
    pid_t pid = 0;
    REQUIRE(wait_for([&] { return (std::ifstream(pid_file) >> pid) && pid > 0; }, std::chrono::seconds(60)));
    // The copy is due 30 s after the edit; the window is killed as soon as it is there.
    const bool copied = wait_for([&] { return fs::exists(copy); }, std::chrono::seconds(120));
    ::kill(pid, SIGKILL);
    REQUIRE(wait_for([&] { return ::kill(pid, 0) != 0; }, std::chrono::seconds(30)));
    REQUIRE(copied);

    CHECK(slurp(file) == saved_text);  // the document is not saved over
    CHECK(scn::load_scenario(copy).title == "Edited, never saved");
    ViewState next;
    request_open(next, file);
    next.autosave.folder = autosave_folder(config / "muster");
    REQUIRE(offer_restore(next));
    CHECK(next.autosave.offered == copy);
}
