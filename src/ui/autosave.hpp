// No lost work: while the document has unsaved edits the viewer keeps a copy
// of it in the settings folder ($XDG_CONFIG_HOME/muster/autosave/, beside
// settings.json, so whatever redirects the settings redirects this too),
// one scenario file per document, named after it:
//
//   kyiv-3f2a9c01.muster.json      (kyiv.muster.json: the document's name
//                                  and a hash of its full path, so two
//                                  kyiv.muster.json in different folders
//                                  do not collide)
//   kyiv.txt-0b91d2e4.muster.json  (an article opened and edited)
//   untitled.muster.json           (pasted text, a blank window)
//
// The copy is written (atomically) once edits have stood unsaved for
// autosave_interval_s and no edit is under way (a drag, typing), again after
// further edits, and removed when the edits are saved, undone, discarded at
// quit or dropped by opening another file. A run that ends with edits nobody
// saved or discarded (killed, crashed, or `--frames` ending it) leaves the
// copy, and the next viewer to open that document (or, for untitled, a blank
// window) asks "Restore unsaved changes from HH:MM?" while the copy is newer
// than the document's file. Restoring is one undoable edit over the file's
// version; discarding deletes the copy.
//
// Nothing is written from a crash signal: serialising a scenario is not
// async-signal-safe, and the last periodic copy is at most an interval old.
#pragma once

#include "scenario/scenario.hpp"
#include "ui/editor_state.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace muster::ui {

struct ViewState;

inline constexpr double autosave_interval_s = 30.0;

struct AutosaveState {
    std::filesystem::path folder;          // where copies go; empty: autosave is off
    std::filesystem::path written;         // the copy this session last wrote (or restored from); "" none
    scenario::Scenario written_scenario;   // what that copy holds
    std::optional<double> unsaved_since_s; // when the scenario first differed from its copy
    std::string failure;                   // why the last write failed (shown once), "" when it worked

    // The question at start: the copy found and its time ("14:05", or
    // "3 Mar 14:05" when not from today); `ask` opens the dialog.
    std::filesystem::path offered;
    std::string offered_time;
    bool ask = false;
};

// FOLDER/autosave, or empty for an empty settings folder (no autosave).
std::filesystem::path autosave_folder(const std::filesystem::path& settings_folder);

// The copy's path for the document as `doc` describes it (see above).
std::filesystem::path autosave_file(const std::filesystem::path& folder, const DocumentState& doc);

// At start, after the document is opened: offers the document's copy when
// it exists and is newer than the document's file (or the document has no
// file). Returns whether it did.
bool offer_restore(ViewState& state);

// The answers. Restore loads the copy as an edit of the open document
// (document.error names the copy when it does not load); discard deletes it.
void restore_autosave(ViewState& state);
void discard_autosave(ViewState& state);

// Once per frame after track_edits(); `now_s` a monotonic clock in seconds,
// `editing` whether an edit is under way. Writes, replaces or removes the
// copy as described above. Returns whether it wrote one.
bool autosave_tick(ViewState& state, double now_s, bool editing);

// When the viewer ends: with unsaved edits the user did not discard, the
// copy is brought up to date and kept; otherwise it is removed.
void autosave_at_exit(ViewState& state);

// "Restore unsaved changes from 14:05?" (Restore / Discard), while asked.
void draw_restore_prompt(ViewState& state);

}  // namespace muster::ui
