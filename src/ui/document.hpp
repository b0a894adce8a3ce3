// The document the viewer works on: opening files (articles are extracted,
// scenario files loaded, vector files handed to the layers), pasted text,
// saving (atomically; Save As through the file browser), the window title,
// unsaved-edit tracking with undo and redo, and the "save changes?" question
// before anything would throw unsaved edits away.
//
// Everything here changes ViewState only; dialogs are drawn by
// document_dialogs.hpp from the flags set here. Nothing calls Dear ImGui, so
// requests may come from SDL events (a dropped file) between frames.
//
// Edits need no bookkeeping by the panels that make them: once per frame the
// viewer calls track_edits(), which compares the scenario with the previous
// frame's and records an undo step when it changed.
#pragma once

#include "ui/view_state.hpp"

#include <filesystem>
#include <string>

namespace muster::ui {

// Undo steps kept; older ones are dropped.
inline constexpr std::size_t max_undo_steps = 50;

// How a file would open: as the document (an article or a scenario file),
// as a user layer (a GDAL vector file or raster), or not at all.
enum class FileKind { document, vector_layer, raster_layer, unsupported };

// By extension (.geojson .gpkg .shp .kml .fgb .csv are vector files, .tif
// .tiff .png .jpg .jpeg rasters) and, for
// .json, by content: a scenario file, a GeoJSON FeatureCollection, or
// neither (unsupported). Anything else is a document (open_document decides
// article or scenario).
FileKind classify_file(const std::filesystem::path& path);

// Makes `scenario` the document, opened from `origin` (a scenario file is
// also where it saves; an article saves elsewhere; empty: pasted). Clears the
// selection, the undo history and unsaved state, and asks the map to frame it.
void start_document(ViewState& state, scenario::Scenario scenario, const std::filesystem::path& origin,
                    bool is_scenario_file);

// Open (File -> Open, Open recent, a dropped file): a vector file goes to
// ViewState::dropped_vector_files; a document replaces the scenario, after
// "save changes?" when there are unsaved edits. Failures set document.error.
void request_open(ViewState& state, const std::filesystem::path& path);

// File -> Merge article or scenario: adds the file's facts (an article is
// extracted first) to the open scenario, each keeping its own source
// (scenario/merge.hpp); one undoable edit. Failures set document.error.
void merge_document(ViewState& state, const std::filesystem::path& path);

// File -> Paste article: extracts the text into a new document (its source
// titled by its first line), after "save changes?" when needed.
void request_extract_text(ViewState& state, std::string text);

// Whether the window may close now. With unsaved edits (and no answer yet)
// it asks "save changes?" and returns false; answering Save or Don't save
// sets ViewState::quit_requested again.
bool may_close(ViewState& state);

// Ctrl+S: writes document.path, or opens Save As when there is none. True
// when the file was written.
bool save_document(ViewState& state);

// Writes the scenario to `path` atomically; on success it is the document's
// file (title, recent files), on failure document.error names the path and
// the document, its file and its unsaved state stay as they were.
bool save_document_as(ViewState& state, const std::filesystem::path& path);

// The file name Save As proposes: the document's file, else the opened
// article's name with .muster.json beside it, else "scenario.muster.json" in
// the current folder.
std::filesystem::path suggested_save_path(const ViewState& state);

enum class SaveAnswer { save, discard, cancel };
// The answer to "save changes?": save (then carry on), carry on without
// saving, or drop the pending action.
void answer_save_prompt(ViewState& state, SaveAnswer answer);

// Once per frame, after the panels: records an undo step when the scenario
// changed since the last frame and updates document.dirty. active_item: the
// widget (or map tool) being edited, 0 when none; changes while the same
// item stays active join one step.
void track_edits(ViewState& state, unsigned active_item);

bool can_undo(const ViewState& state);
bool can_redo(const ViewState& state);
void undo(ViewState& state);
void redo(ViewState& state);

// What the document is called: its file's name, else the opened article's,
// else the pasted text's title (shortened); "" for a blank window.
std::string document_name(const ViewState& state);

// "kyiv.muster.json* - muster" (the star: unsaved edits), or "muster".
std::string window_title(const ViewState& state);

// A file dropped on the window: opened as request_open() does.
void accept_dropped_file(ViewState& state, const std::filesystem::path& path);

}  // namespace muster::ui
