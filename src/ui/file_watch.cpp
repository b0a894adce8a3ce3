#include "ui/file_watch.hpp"

#include "extract/scenario_resolver.hpp"
#include "scenario/scenario_json.hpp"
#include "ui/scenario_view.hpp"
#include "ui/view_state.hpp"

#include <algorithm>
#include <exception>
#include <system_error>
#include <utility>
#include <vector>

namespace muster::ui {
namespace fs = std::filesystem;

namespace {

bool entity_exists(const scenario::Scenario& s, const EntityRef& entity) {
    switch (entity.kind) {
        case EntityKind::place: return s.place(entity.id) != nullptr;
        case EntityKind::figure: return find_figure(s, entity.id) != nullptr;
        case EntityKind::movement: return find_movement(s, entity.id) != nullptr;
        case EntityKind::border: return find_border(s, entity.id) != nullptr;
        case EntityKind::none: break;
    }
    return false;
}

// The notice is ours to clear only while the status bar still shows it.
void clear_notice(ViewState& state) {
    if (!state.file_watch.notice.empty() && state.notice == state.file_watch.notice) state.notice.clear();
    state.file_watch.notice.clear();
}

// The document's file as it is now, or nothing with document.error set to
// the loader's one-line message.
std::optional<scenario::Scenario> load_document_file(ViewState& state, std::vector<std::string>& warnings) {
    try {
        return extract::load_scenario_file(state.document.path, &warnings);
    } catch (const std::exception& error) {
        state.document.error = error.what();
        return std::nullopt;
    }
}

// Makes `loaded` the document as a fresh open would, but leaves the camera
// where the user put it and keeps the selection when its id survived.
void replace_document(ViewState& state, scenario::Scenario loaded, const std::vector<std::string>& warnings) {
    DocumentState& doc = state.document;
    state.scenario = std::move(loaded);
    doc.saved = state.scenario;
    doc.last_seen = state.scenario;
    doc.dirty = false;
    // The history belongs to the version that was replaced.
    doc.undo.clear();
    doc.redo.clear();
    doc.editing_item = 0;
    if (!entity_exists(state.scenario, state.selected)) state.selected = {};
    state.hovered = {};
    state.inspector.dragging_place.clear();
    state.file_watch.stamp = file_stamp(doc.path);
    clear_notice(state);
    doc.status = warnings.empty() ? "Reloaded " + doc.path.string() : "warning: " + warnings.front();
}

// The file changed on disk since it was last seen.
bool on_file_changed(ViewState& state) {
    DocumentState& doc = state.document;
    if (doc.dirty) {
        state.file_watch.notice = changed_on_disk_notice(doc.path);
        state.notice = state.file_watch.notice;
        return false;
    }
    std::vector<std::string> warnings;
    std::optional<scenario::Scenario> loaded = load_document_file(state, warnings);
    if (!loaded) return false;
    clear_notice(state);
    // Our own save, or a rewrite with the same content: nothing to do (the
    // view in the file is where the map already is, or was just now).
    if (same_apart_from_view(*loaded, doc.saved) && state.scenario == doc.saved) return false;
    replace_document(state, std::move(*loaded), warnings);
    return true;
}

}  // namespace

std::optional<FileStamp> file_stamp(const fs::path& path) {
    std::error_code ec;
    const fs::file_time_type modified = fs::last_write_time(path, ec);
    if (ec) return std::nullopt;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    return FileStamp{modified, size};
}

bool watch_document_file(ViewState& state, double now_s) {
    FileWatchState& watch = state.file_watch;
    const fs::path& file = state.document.path;
    if (file != watch.file) {
        // Another document, or the same saved under a new name: watch it from
        // how it is now.
        watch.file = file;
        watch.stamp = file.empty() ? std::nullopt : file_stamp(file);
        watch.last_poll_s = now_s;
        clear_notice(state);
        return false;
    }
    if (file.empty()) return false;
    if (watch.last_poll_s && now_s - *watch.last_poll_s < file_poll_interval_s) return false;
    watch.last_poll_s = now_s;
    const std::optional<FileStamp> stamp = file_stamp(file);
    // Missing for a moment while an editor replaces it: wait until it is back.
    if (!stamp || stamp == watch.stamp) return false;
    watch.stamp = stamp;
    return on_file_changed(state);
}

bool reload_document(ViewState& state) {
    if (state.document.path.empty()) return false;
    std::vector<std::string> warnings;
    std::optional<scenario::Scenario> loaded = load_document_file(state, warnings);
    if (!loaded) return false;
    replace_document(state, std::move(*loaded), warnings);
    return true;
}

std::string changed_on_disk_notice(const fs::path& file) {
    return file.filename().string() + " changed on disk \u2014 File \u2192 Reload to load it (your edits would be lost)";
}

}  // namespace muster::ui
