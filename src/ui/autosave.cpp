#include "ui/autosave.hpp"

#include "core/atomic_file.hpp"
#include "scenario/scenario_json.hpp"
#include "ui/view_state.hpp"

#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#include <string_view>
#include <sys/stat.h>
#include <utility>

namespace muster::ui {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view scenario_suffix = ".muster.json";

// FNV-1a: stable across runs and builds (std::hash need not be).
std::uint32_t path_hash(const std::string& text) {
    std::uint32_t hash = 2166136261u;
    for (const unsigned char c : text) hash = (hash ^ c) * 16777619u;
    return hash;
}

// The file the document stands for: its scenario file, else the article it
// was opened from; empty for pasted text and a blank window.
fs::path document_file(const DocumentState& doc) { return doc.path.empty() ? doc.origin : doc.path; }

std::string without_suffix(std::string name) {
    if (name.size() > scenario_suffix.size() && name.ends_with(scenario_suffix))
        name.resize(name.size() - scenario_suffix.size());
    return name;
}

// "14:05" for a time today, "3 Mar 14:05" for an older one.
std::string clock_time(std::time_t when) {
    std::tm then{}, today{};
    const std::time_t now = std::time(nullptr);
    localtime_r(&when, &then);
    localtime_r(&now, &today);
    const bool same_day = then.tm_year == today.tm_year && then.tm_yday == today.tm_yday;
    char text[32];
    std::strftime(text, sizeof text, same_day ? "%H:%M" : "%e %b %H:%M", &then);
    std::string result = text;
    if (!result.empty() && result.front() == ' ') result.erase(0, 1);  // %e pads single-digit days
    return result;
}

std::optional<std::time_t> modified_at(const fs::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return std::nullopt;
    return info.st_mtime;
}

// The copy was written after the document's file last changed (to the
// nanosecond: a save and an autosave may fall within one second).
bool newer_than_document(const fs::path& copy, const fs::path& document) {
    std::error_code ec;
    const auto document_time = fs::last_write_time(document, ec);
    if (ec) return true;  // the document's file is gone: only the copy has the work
    const auto copy_time = fs::last_write_time(copy, ec);
    return !ec && copy_time > document_time;
}

void remove_quietly(const fs::path& file) {
    std::error_code ignored;
    fs::remove(file, ignored);
}

void forget_written(AutosaveState& autosave) {
    if (!autosave.written.empty()) remove_quietly(autosave.written);
    autosave.written.clear();
    autosave.written_scenario = {};
}

// Writes the scenario to its copy; a failure is reported once in the status
// bar and tried again after another interval.
bool write_copy(ViewState& state, const fs::path& target, double now_s) {
    AutosaveState& autosave = state.autosave;
    try {
        std::error_code ec;
        fs::create_directories(autosave.folder, ec);
        write_bytes_atomically(target, scenario::scenario_text(state.scenario));
    } catch (const std::exception& error) {
        if (autosave.failure.empty()) state.document.status = std::string("warning: autosave failed: ") + error.what();
        autosave.failure = error.what();
        autosave.unsaved_since_s = now_s;  // not every frame
        return false;
    }
    if (!autosave.written.empty() && autosave.written != target) remove_quietly(autosave.written);
    autosave.written = target;
    autosave.written_scenario = state.scenario;
    autosave.unsaved_since_s.reset();
    autosave.failure.clear();
    return true;
}

}  // namespace

fs::path autosave_folder(const fs::path& settings_folder) {
    return settings_folder.empty() ? fs::path() : settings_folder / "autosave";
}

fs::path autosave_file(const fs::path& folder, const DocumentState& doc) {
    const fs::path file = document_file(doc);
    if (file.empty()) return folder / "untitled.muster.json";
    std::error_code ec;
    fs::path full = fs::absolute(file, ec);
    if (ec) full = file;
    char hash[9];
    std::snprintf(hash, sizeof hash, "%08x", static_cast<unsigned>(path_hash(full.lexically_normal().string())));
    return folder / (without_suffix(file.filename().string()) + "-" + hash + std::string(scenario_suffix));
}

bool offer_restore(ViewState& state) {
    AutosaveState& autosave = state.autosave;
    if (autosave.folder.empty()) return false;
    const fs::path copy = autosave_file(autosave.folder, state.document);
    std::error_code ec;
    if (!fs::is_regular_file(copy, ec)) return false;
    const fs::path document = document_file(state.document);
    if (!document.empty() && !newer_than_document(copy, document)) return false;  // saved since: nothing to offer
    autosave.offered = copy;
    autosave.offered_time = clock_time(modified_at(copy).value_or(std::time(nullptr)));
    autosave.ask = true;
    return true;
}

void restore_autosave(ViewState& state) {
    AutosaveState& autosave = state.autosave;
    const fs::path copy = std::exchange(autosave.offered, {});
    autosave.ask = false;
    if (copy.empty()) return;
    try {
        scenario::Scenario restored = scenario::load_scenario(copy);
        autosave.written = copy;  // still the only saved form of these edits
        autosave.written_scenario = restored;
        state.scenario = std::move(restored);  // track_edits makes it one undoable edit
        state.selected = {};
        state.reset_view_requested = true;
        state.document.status = "Restored unsaved changes from " + autosave.offered_time;
    } catch (const std::exception& error) {
        state.document.error = std::string("cannot restore unsaved changes: ") + error.what();
    }
}

void discard_autosave(ViewState& state) {
    AutosaveState& autosave = state.autosave;
    if (!autosave.offered.empty()) remove_quietly(autosave.offered);
    autosave.offered.clear();
    autosave.ask = false;
}

bool autosave_tick(ViewState& state, double now_s, bool editing) {
    AutosaveState& autosave = state.autosave;
    // While the question stands, the copy it offers must not be replaced.
    if (autosave.folder.empty() || !autosave.offered.empty()) return false;
    const fs::path target = autosave_file(autosave.folder, state.document);
    // Saved, undone to the saved state, discarded, or another document opened.
    if (!state.document.dirty || (!autosave.written.empty() && autosave.written != target)) forget_written(autosave);
    if (!state.document.dirty) {
        autosave.unsaved_since_s.reset();
        return false;
    }
    if (!autosave.written.empty() && state.scenario == autosave.written_scenario) {
        autosave.unsaved_since_s.reset();
        return false;
    }
    if (!autosave.unsaved_since_s) autosave.unsaved_since_s = now_s;
    if (editing || now_s - *autosave.unsaved_since_s < autosave_interval_s) return false;
    return write_copy(state, target, now_s);
}

void autosave_at_exit(ViewState& state) {
    AutosaveState& autosave = state.autosave;
    // An unanswered question keeps the copy it offers, as it is.
    if (autosave.folder.empty() || !autosave.offered.empty()) return;
    if (!state.document.dirty || state.document.close_confirmed) {
        forget_written(autosave);
        return;
    }
    const fs::path target = autosave_file(autosave.folder, state.document);
    if (autosave.written == target && state.scenario == autosave.written_scenario) return;
    if (!write_copy(state, target, 0.0))
        std::fprintf(stderr, "muster view: warning: unsaved changes not kept: %s\n", autosave.failure.c_str());
}

}  // namespace muster::ui
