// Reload on change: the viewer notices when the open scenario file changes
// on disk (another editor, a script, `muster extract -o` run again) and
// reloads it, keeping the camera and, when its id is still there, the
// selection.
//
// The main loop calls watch_document_file() every frame; it looks at the
// file's modification time and size at most once a second. A document with
// unsaved edits is never replaced silently: a one-line notice says the file
// changed and File -> Reload loads it. A file that no longer loads (broken
// JSON, a bad field) leaves the document as it is and shows the loader's
// error once.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace muster::ui {

struct ViewState;

// What tells one version of a file from the next without reading it.
struct FileStamp {
    std::filesystem::file_time_type modified;
    std::uintmax_t size = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// The file's stamp; nothing when it does not exist or cannot be examined.
std::optional<FileStamp> file_stamp(const std::filesystem::path& path);

inline constexpr double file_poll_interval_s = 1.0;

struct FileWatchState {
    std::filesystem::path file;       // the file the stamp is of (the document's path when last polled)
    std::optional<FileStamp> stamp;   // as last seen; a change to it is a change on disk
    std::optional<double> last_poll_s;
    std::string notice;               // the "changed on disk" line while it stands, else ""
};

// Once per frame, `now_s` a monotonic clock in seconds. Polls the document's
// file when a second has passed since the last poll; on a change it reloads
// (no unsaved edits), or shows the notice (unsaved edits), or shows the
// loader's error (the file no longer loads). Returns true when it reloaded.
bool watch_document_file(ViewState& state, double now_s);

// File -> Reload: loads the document's file again, dropping unsaved edits,
// keeping camera and selection. Failures set document.error and keep the
// document. Returns true when it reloaded.
bool reload_document(ViewState& state);

// "FILE changed on disk — File → Reload to load it (your edits would be lost)"
std::string changed_on_disk_notice(const std::filesystem::path& file);

}  // namespace muster::ui
