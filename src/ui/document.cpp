#include "ui/document.hpp"

#include "extract/open_document.hpp"
#include "scenario/merge.hpp"
#include "scenario/scenario_json.hpp"
#include "ui/file_browser.hpp"
#include "ui/scenario_view.hpp"
#include "ui/settings.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <fstream>
#include <string_view>

namespace muster::ui {
namespace fs = std::filesystem;

namespace {

// Enough of a file to tell a scenario or GeoJSON from other JSON: muster
// writes "muster" first, GeoJSON writers put "type" near the top.
constexpr std::size_t head_bytes = 64 * 1024;
constexpr std::size_t max_title_chars = 40;  // of a pasted text's title in the window title

constexpr std::array<std::string_view, 6> vector_extensions = {".geojson", ".gpkg", ".shp", ".kml", ".fgb", ".csv"};
constexpr std::array<std::string_view, 5> raster_extensions = {".tif", ".tiff", ".png", ".jpg", ".jpeg"};

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// The first bytes of a file; empty when it cannot be read (opening it then
// reports why).
std::string file_head(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(head_bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

// Text cut to at most `limit` code points, with "..." when cut (ASCII, as
// the window title needs: see window_title()).
std::string shortened(const std::string& text, std::size_t limit) {
    const std::size_t cut = scenario::code_point_to_byte(text, limit);
    return cut >= text.size() ? text : text.substr(0, cut) + "...";
}

// "first warning (and 2 more)": warnings fit the one-line status bar.
std::string summarise(const std::vector<std::string>& warnings) {
    if (warnings.empty()) return {};
    std::string line = "warning: " + warnings.front();
    if (warnings.size() > 1) line += " (and " + std::to_string(warnings.size() - 1) + " more)";
    return line;
}

void remember(ViewState& state, const fs::path& file) {
    remember_recent(state.document.recent_files, file);
    state.document.settings_changed = true;
}

void open_now(ViewState& state, const fs::path& path) {
    DocumentState& doc = state.document;
    try {
        std::vector<std::string> warnings;
        scenario::Scenario opened = extract::open_document(path.string(), &warnings);
        const bool is_scenario_file = extract::looks_like_scenario(file_head(path));
        start_document(state, std::move(opened), path, is_scenario_file);
        remember(state, path);
        doc.status = warnings.empty() ? "Opened " + path.string() : summarise(warnings);
    } catch (const std::exception& error) {
        doc.error = error.what();
    }
}

void extract_now(ViewState& state, const std::string& text) {
    DocumentState& doc = state.document;
    try {
        std::vector<std::string> warnings;
        extract::ExtractSource source;  // no file: the source is titled by its first line
        scenario::Scenario extracted = extract::extract_article(text, source, &warnings);
        start_document(state, std::move(extracted), {}, false);
        doc.status = warnings.empty() ? "Extracted the pasted article" : summarise(warnings);
    } catch (const std::exception& error) {
        doc.error = std::string("pasted article: ") + error.what();
    }
}

void drop_pending(DocumentState& doc) {
    doc.pending = {};
    doc.save_then_continue = false;
}

// Carries out what waited for "save changes?".
void continue_pending(ViewState& state) {
    const PendingAction action = std::move(state.document.pending);
    drop_pending(state.document);
    switch (action.kind) {
        case PendingAction::Kind::open_file: open_now(state, action.path); break;
        case PendingAction::Kind::extract_text: extract_now(state, action.text); break;
        case PendingAction::Kind::quit:
            state.document.close_confirmed = true;
            state.quit_requested = true;
            break;
        case PendingAction::Kind::none: break;
    }
}

// Runs the action now, or asks first when it would drop unsaved edits.
void run_or_ask(ViewState& state, PendingAction action) {
    state.document.pending = std::move(action);
    if (state.document.dirty)
        state.document.ask_to_save = true;
    else
        continue_pending(state);
}

}  // namespace

FileKind classify_file(const fs::path& path) {
    const std::string ext = lower_extension(path);
    if (std::find(vector_extensions.begin(), vector_extensions.end(), ext) != vector_extensions.end())
        return FileKind::vector_layer;
    if (std::find(raster_extensions.begin(), raster_extensions.end(), ext) != raster_extensions.end())
        return FileKind::raster_layer;
    if (ext != ".json") return FileKind::document;
    const std::string head = file_head(path);
    if (head.empty() || extract::looks_like_scenario(head)) return FileKind::document;
    if (head.find("\"Feature") != std::string::npos) return FileKind::vector_layer;  // FeatureCollection, Feature
    return FileKind::unsupported;
}

void start_document(ViewState& state, scenario::Scenario scenario, const fs::path& origin, bool is_scenario_file) {
    DocumentState& doc = state.document;
    state.scenario = std::move(scenario);
    doc.path = is_scenario_file ? origin : fs::path();
    doc.origin = origin;
    doc.saved = state.scenario;
    doc.last_seen = state.scenario;
    doc.dirty = false;
    doc.undo.clear();
    doc.redo.clear();
    doc.editing_item = 0;
    doc.close_confirmed = false;
    state.selected = {};
    state.hovered = {};
    state.camera_target.reset();
    state.zoom_target.reset();
    state.inspector.dragging_place.clear();
    adopt_scenario_look(state);  // its projection and layer looks; Home is its camera
    state.timeline.current.reset(), state.timeline.playing = false;  // the new document's own moment
    state.reset_view_requested = true;
}

void request_open(ViewState& state, const fs::path& path) {
    switch (classify_file(path)) {
        case FileKind::vector_layer:
        case FileKind::raster_layer:
            // A layer adds to the map; the document and its edits stay.
            state.dropped_vector_files.push_back(path);
            state.document.status = "Adding layer " + path.string();
            return;
        case FileKind::unsupported:
            state.document.error = path.string() + ": not a muster scenario or GeoJSON (no \"muster\" or \"Feature\" in it)";
            return;
        case FileKind::document: break;
    }
    run_or_ask(state, {PendingAction::Kind::open_file, path, {}});
}

void merge_document(ViewState& state, const fs::path& path) {
    DocumentState& doc = state.document;
    try {
        std::vector<std::string> warnings;
        const scenario::Scenario other = extract::open_document(path.string(), &warnings);
        scenario::merge_into(state.scenario, other);  // track_edits makes it one undo step
        remember(state, path);
        state.reset_view_requested = true;
        doc.status = warnings.empty() ? "Merged " + path.string() : summarise(warnings);
    } catch (const std::exception& error) {
        doc.error = error.what();
    }
}

void request_extract_text(ViewState& state, std::string text) {
    run_or_ask(state, {PendingAction::Kind::extract_text, {}, std::move(text)});
}

bool may_close(ViewState& state) {
    DocumentState& doc = state.document;
    if (!doc.dirty || doc.close_confirmed) return true;
    doc.pending = {PendingAction::Kind::quit, {}, {}};
    doc.ask_to_save = true;
    return false;
}

bool save_document(ViewState& state) {
    if (state.document.path.empty()) {
        open_file_browser(state, BrowserMode::save_as);
        return false;
    }
    return save_document_as(state, state.document.path);
}

bool save_document_as(ViewState& state, const fs::path& path) {
    DocumentState& doc = state.document;
    store_view_in_scenario(state);  // the view as it is goes into the file
    apply_timeline_time(state);  // the moment shown is saved as the scenario's time
    try {
        scenario::save_scenario(state.scenario, path);
    } catch (const std::exception& error) {
        doc.error = error.what();
        drop_pending(doc);
        return false;
    }
    doc.path = path;
    doc.saved = state.scenario;
    doc.dirty = false;
    doc.status = "Saved " + path.string();
    remember(state, path);
    if (doc.save_then_continue) continue_pending(state);
    return true;
}

fs::path suggested_save_path(const ViewState& state) {
    const DocumentState& doc = state.document;
    if (!doc.path.empty()) return doc.path;
    if (!doc.origin.empty()) return doc.origin.parent_path() / (doc.origin.stem().string() + ".muster.json");
    std::error_code ec;
    const fs::path here = fs::current_path(ec);
    return (ec ? fs::path() : here) / "scenario.muster.json";
}

void answer_save_prompt(ViewState& state, SaveAnswer answer) {
    DocumentState& doc = state.document;
    switch (answer) {
        case SaveAnswer::save:
            doc.save_then_continue = true;
            save_document(state);  // continues after saving, or after Save As picks a file
            break;
        case SaveAnswer::discard: continue_pending(state); break;
        case SaveAnswer::cancel: drop_pending(doc); break;
    }
}

void track_edits(ViewState& state, unsigned active_item) {
    DocumentState& doc = state.document;
    if (state.scenario == doc.last_seen) {
        if (active_item != doc.editing_item) doc.editing_item = 0;
        return;
    }
    // A change by a new widget (or a new press of the same one) starts a step.
    if (active_item == 0 || active_item != doc.editing_item) {
        doc.undo.push_back(std::move(doc.last_seen));
        if (doc.undo.size() > max_undo_steps) doc.undo.erase(doc.undo.begin());
        doc.redo.clear();
    }
    doc.editing_item = active_item;
    doc.last_seen = state.scenario;
    doc.dirty = !(state.scenario == doc.saved);
}

bool can_undo(const ViewState& state) { return !state.document.undo.empty(); }
bool can_redo(const ViewState& state) { return !state.document.redo.empty(); }

namespace {

void step_history(ViewState& state, std::vector<scenario::Scenario>& from, std::vector<scenario::Scenario>& to) {
    if (from.empty()) return;
    DocumentState& doc = state.document;
    to.push_back(std::move(state.scenario));
    state.scenario = std::move(from.back());
    from.pop_back();
    doc.last_seen = state.scenario;
    doc.editing_item = 0;
    doc.dirty = !(state.scenario == doc.saved);
}

}  // namespace

void undo(ViewState& state) { step_history(state, state.document.undo, state.document.redo); }
void redo(ViewState& state) { step_history(state, state.document.redo, state.document.undo); }

std::string document_name(const ViewState& state) {
    const DocumentState& doc = state.document;
    if (!doc.path.empty()) return doc.path.filename().string();
    if (!doc.origin.empty()) return doc.origin.filename().string();
    const scenario::Scenario& s = state.scenario;
    if (s.sources.empty() && s.places.empty() && s.figures.empty() && s.borders.empty()) return {};
    const std::string& title = !s.title.empty() ? s.title : s.sources.empty() ? s.title : s.sources.front().title;
    return title.empty() ? std::string("untitled") : shortened(title, max_title_chars);
}

std::string window_title(const ViewState& state) {
    const std::string name = document_name(state);
    if (name.empty()) return "muster";
    // ASCII: SDL leaves a title it cannot convert to the locale's encoding
    // unset on X11, and in the C locale an em dash is such a character.
    return name + (state.document.dirty ? "*" : "") + " - muster";
}

void accept_dropped_file(ViewState& state, const fs::path& path) { request_open(state, path); }

}  // namespace muster::ui
