// File -> Export image… and File -> Export data…, and F12's quick screenshot.
//
// Export image: the map alone (drawn again at the size asked, with its own
// title, legend, scale bar, north arrow and the required attribution;
// render/map_image.hpp) or the whole window as it is on screen; size as a
// scale factor (1x-4x of the map on screen) or exact pixels up to
// 16384x16384; PNG, JPEG or (map alone) GeoTIFF. The dialog only records the
// request: the main loop runs it after the next frame, so the dialog itself
// is never in the picture (run_image_export in viewer.cpp's loop).
//
// Export data: the scenario's places, figures and borders as GeoJSON,
// GeoPackage or KML by extension (export/vector_export.hpp), written at once.
//
// F12: the window as it is, as PNG, named muster-YYYYMMDD-HHMMSS.png in the
// user's Pictures folder ($XDG_PICTURES_DIR, else ~/Pictures) when there is
// one, else the current folder; the status bar says where it went.
#pragma once

#include "core/geo.hpp"
#include "export/image_file.hpp"

#include <array>
#include <chrono>
#include <filesystem>
#include <string>

namespace muster::ui {

struct ViewState;

enum class ExportContent { map, window };
enum class ExportSizing { scale, pixels };

struct ExportDialogState {
    bool open = false;
    ExportContent content = ExportContent::map;
    ExportSizing sizing = ExportSizing::scale;
    int scale = 2;                    // 1..4, times the map on screen
    int width = 3840, height = 2160;  // ExportSizing::pixels, each 1..16384
    int jpeg_quality = 90;
    bool title = false;
    std::array<char, 160> title_text{};
    bool legend = true;
    bool scale_bar = true;
    bool north_arrow = false;
    std::array<char, 1024> path{};
    std::string error;  // why the last export failed, shown in the dialog
    // Export pressed: the main loop exports once this many more frames have
    // begun (the window alone: 1, a frame without the dialog; the map alone:
    // 2, so a frame saying "Exporting…" is shown first), then clears it.
    bool requested = false;
    int frames_to_wait = 1;
};

struct DataExportState {
    bool open = false;
    std::array<char, 1024> path{};
    std::string error;
};

inline constexpr int export_max_side = 16384;

// Where F12 and the dialogs put files: $XDG_PICTURES_DIR or ~/Pictures when
// it exists, else the current folder.
std::filesystem::path pictures_folder();

// "muster-20261126-171500.png" for that local time.
std::string timestamped_name(std::chrono::system_clock::time_point when, const char* extension);

// The image size the dialog's choices give for a map area of `map` pixels.
PixelSize export_image_size(const ExportDialogState& dialog, PixelSize map);

// Checks a request before drawing: a known image extension (and GeoTIFF only
// for the map alone), sizes within 1..16384. "" when fine, else the reason.
std::string export_request_problem(const ExportDialogState& dialog, PixelSize map);

// Opens the dialogs with a fresh file name (File menu).
void open_image_export(ViewState& state);
void open_data_export(ViewState& state);

// The dialogs, drawn when open.
void draw_export_dialog(ViewState& state, PixelSize map);
void draw_data_export_dialog(ViewState& state);

// F12 (when no text field has the keyboard): state.screenshot_requested.
void handle_export_keys(ViewState& state);

}  // namespace muster::ui
