// A small file browser for File -> Open and Save As (Dear ImGui has none),
// as a modal dialog driven from the keyboard:
//
//   the path field   has the keyboard when the dialog opens. Typing a name
//                    filters the folder listing; Up/Down move the highlight;
//                    Enter opens the highlighted entry (a folder is entered,
//                    a file opened). A path typed in full ("~/briefings/",
//                    "../kyiv.txt", "/tmp/x.muster.json") is followed as is.
//                    Backspace in the empty field goes up a folder; Esc
//                    closes the dialog.
//   the listing      ".." first, then folders, then the files muster opens:
//                    articles (.txt .html .htm), scenarios and GeoJSON
//                    (.json .muster.json .geojson) and the vector files and
//                    rasters that become user layers (.gpkg .shp .kml .fgb
//                    .csv .tif .tiff .png .jpg .jpeg); "All
//                    files" lists the rest too. Hidden entries are left out.
//                    A click highlights, a double click opens.
//   Save As          the field holds the file name (the document's, or the
//                    article's with .muster.json) and the listing is not
//                    filtered; a name without an extension gets
//                    .muster.json; an existing file is replaced only after a
//                    second Enter; an empty field enters the highlighted folder.
//
// The listing and the decisions are plain functions, so tests drive them
// without a window; draw_file_browser() draws the dialog.
#pragma once

#include "ui/view_state.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace muster::ui {

// Whether the file browser lists a file of this name without "All files".
bool muster_opens(const std::filesystem::path& name);

// ".." (unless `folder` is the root), the folders, then the files (those
// muster_opens(), or all with show_all), each group by name ignoring case;
// names that start with '.' are left out. Empty when the folder cannot be read.
std::vector<BrowserEntry> list_folder(const std::filesystem::path& folder, bool show_all);

// Indices of the entries whose name contains `filter` ignoring ASCII case
// (every entry for an empty filter); ".." only for an empty filter.
std::vector<std::size_t> filter_entries(const std::vector<BrowserEntry>& entries, std::string_view filter);

// Opens the dialog: Open in the opened file's folder (else the current
// one), Save As with suggested_save_path() (document.hpp) in the field.
void open_file_browser(ViewState& state, BrowserMode mode);

// Reads the browser's folder listing again if the folder or show_all changed.
void refresh_listing(FileBrowserState& browser);

// What Enter does with the field and the highlight (see the header comment):
// enters a folder, or chooses a file, which closes the dialog and opens it
// (request_open) or saves to it (save_document_as); or sets browser.problem.
void browser_enter(ViewState& state);

// Closes the dialog without choosing (Cancel, Esc); a Save As that waited
// on it is dropped.
void close_file_browser(ViewState& state);

void draw_file_browser(ViewState& state);

}  // namespace muster::ui
