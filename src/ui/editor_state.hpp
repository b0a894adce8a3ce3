// The state of working on a document in the viewer: which file is open,
// unsaved edits and their undo history, the file browser, the paste box and
// the Inspector. Plain data held in ViewState (view_state.hpp); the functions
// that act on it are in document.hpp, file_browser.hpp, paste_article.hpp and
// inspector_panel.hpp.
#pragma once

#include "core/geo.hpp"
#include "scenario/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace muster::ui {

// What waits for the answer to "save changes?": opening a file, extracting
// pasted text, or quitting.
struct PendingAction {
    enum class Kind { none, open_file, extract_text, quit };
    Kind kind = Kind::none;
    std::filesystem::path path;  // open_file
    std::string text;            // extract_text
};

struct DocumentState {
    // The scenario file the document is saved to; empty until it is saved
    // (an article, pasted text).
    std::filesystem::path path;
    // The file it was opened from (an article or a scenario file); empty for
    // pasted text and a blank window.
    std::filesystem::path origin;
    scenario::Scenario saved;  // as last opened or saved
    bool dirty = false;        // ViewState::scenario differs from `saved`

    // Undo: the scenario before each edit, oldest first, bounded; redo: the
    // undone states, most recent last. An edit that spans frames (typing in
    // a field, dragging a place) is one step.
    std::vector<scenario::Scenario> undo;
    std::vector<scenario::Scenario> redo;
    scenario::Scenario last_seen;   // the scenario as the previous frame left it
    unsigned editing_item = 0;      // the widget whose ongoing edit the last step belongs to; 0: none

    PendingAction pending;       // waits for the answer to "save changes?"
    bool ask_to_save = false;    // open the "save changes?" dialog
    bool close_confirmed = false;  // quitting may go ahead despite unsaved edits
    bool save_then_continue = false;  // a Save As chosen from "save changes?": go on after saving

    std::vector<std::filesystem::path> recent_files;  // most recent first (settings.hpp)
    bool settings_changed = false;                    // recent files changed: write settings.json

    std::string error;   // one line, shown in a dialog until dismissed
    std::string status;  // one line for the status bar: "Saved kyiv.muster.json"
};

enum class BrowserMode { open, save_as };

// One row of the file browser's folder listing.
struct BrowserEntry {
    std::string name;
    bool folder = false;
    friend bool operator==(const BrowserEntry&, const BrowserEntry&) = default;
};

struct FileBrowserState {
    bool open = false;
    bool appearing = false;       // opened this frame: focus the path field
    BrowserMode mode = BrowserMode::open;
    std::filesystem::path folder;  // whose entries are listed
    std::string field;             // a name, a filter or a path, as typed
    int highlighted = 0;           // index into the filtered entries
    bool show_all = false;         // list every file, not just the ones muster opens
    std::string problem;           // one line under the field: "no such file", "exists: Enter again to replace"
    std::filesystem::path replace; // Save As: the existing file a second Enter replaces
    bool refocus_field = false;    // give the path field the keyboard again (its text may have changed under it)

    // The listing of `folder`, read when the folder or show_all changes.
    std::vector<BrowserEntry> entries;
    std::filesystem::path listed_folder;
    bool listed_all = false;
    bool listed = false;
};

struct PasteArticleState {
    bool open = false;
    bool appearing = false;
    std::string text;
};

struct InspectorState {
    // While on, pressing on the selected place's mark and dragging moves the
    // place instead of panning the map.
    bool move_on_map = false;
    std::string dragging_place;  // Place::id being dragged; "" when none
    double grab_dx = 0.0, grab_dy = 0.0;  // pixels from the pointer to the mark when grabbed
    // The gazetteer candidate under the pointer in the Inspector's list (its
    // id, "" when none) and where it is: the map marks it as a preview.
    std::string hovered_candidate;
    LatLon hovered_candidate_at;
};

}  // namespace muster::ui
