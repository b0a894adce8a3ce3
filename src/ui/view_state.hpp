// Everything the map window shows, in one place. Panels are functions that
// draw from this state each frame and write the user's intent back into it;
// no widget keeps its own copy (Dear ImGui's model).
#pragma once

#include "core/geo.hpp"
#include "render/camera.hpp"
#include "render/country_mesh.hpp"
#include "render/layers.hpp"
#include "render/style.hpp"
#include "scenario/scenario.hpp"
#include "ui/autosave.hpp"
#include "ui/editor_state.hpp"
#include "ui/export_dialog.hpp"
#include "ui/file_watch.hpp"
#include "ui/selection.hpp"
#include "ui/timeline_panel.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace muster::ui {

// The measure tool (measure_tool.hpp): while active, clicks on the map set
// a, then b; a third click starts again from a.
struct MeasureState {
    bool active = false;
    std::optional<LatLon> a;
    std::optional<LatLon> b;
};

// Edit -> Add label / Add arrow (annotate_tool.hpp): the kind being drawn
// ("" off) and the points clicked so far.
struct AnnotateState {
    std::string kind;  // "", "label", "arrow"
    std::vector<LatLon> points;
};

// One place the search box offers (search_box.hpp), already reduced to what
// the list shows and what picking it does.
struct SearchHit {
    std::string id;       // Place::id(): "703448", "UA", "RU.61"
    std::string name;
    std::string kind;     // "city", "country", ...
    std::string country;  // ISO alpha-2, may be empty
    LatLon point;
    double zoom = 0.0;    // how close to fly in, by kind
};

// The search box's state: the text, the last search's hits and which one
// Enter picks.
struct SearchState {
    std::array<char, 128> text{};
    std::string searched;           // the text the hits are for
    std::vector<SearchHit> hits;
    bool open = false;              // the hit list (or "no match") is showing
    int highlighted = 0;
};

// A zoom change that waits for a fly-to to arrive: then the map zooms about
// `at`, so the place stays where the fly-to put it.
struct ZoomTarget {
    LatLon at;
    double zoom = 0.0;
};

// Script → Run script… (script_menu.hpp): the dialog's fields, a run for
// the main loop to do between frames, and what the last run left to show.
struct ScriptRunState {
    bool window_open = false;
    std::array<char, 512> path{};    // the .lua file
    std::array<char, 512> output{};  // the output folder, as --out; empty: no writes
    bool run_requested = false;
    std::vector<std::string> printed;  // the last run's print() lines
    std::string error;                 // its error, "FILE:LINE: MESSAGE", or ""
    std::string finished;              // "belarus.lua ran: 6 places, 6 figures", or ""
};

struct ViewState {
    Camera camera;
    MapStyle style;
    // What the map shows over the base map; empty: the plain map. The
    // renderer copies what it draws, so edits here show on the next frame.
    scenario::Scenario scenario;

    // Linked highlighting: what the pointer is on (cleared every frame, set
    // by whichever of map, article or table has the pointer) and what the
    // user clicked (kept until another click).
    EntityRef hovered;
    EntityRef selected;
    // Fly-to request: the main loop moves the camera there over a few frames.
    std::optional<LatLon> camera_target;
    std::optional<ZoomTarget> zoom_target;  // after camera_target: the search's zoom by kind
    // Set with a selection made outside the article (map, table): the
    // article scrolls the selected span into view once, then clears it.
    bool reveal_in_article = false;

    // The side column (article over entities), in points; the map stays
    // visible to its right. map_left_px: the same in camera pixels, for
    // framing and centring the map on the visible part.
    bool show_side_panels = true;
    float side_panel_width = 440.0f;
    double map_left_px = 0.0;
    // Pixels a panel docked at the right edge covers (the Inspector, while it
    // stands there); fly-to and Home centre on what is left between.
    double map_right_px = 0.0;
    // Camera pixels per point (the display's), kept for Save: a scenario's
    // camera zoom is stored at one pixel per point (ui/scenario_view.hpp).
    float pixel_ratio = 1.0f;
    AnnotateState annotate;
    std::array<char, 128> entity_filter{};  // the entities table's filter box

    // Pointer over the map (not over a panel), in lon/lat.
    std::optional<LatLon> cursor;
    // A drag that began on the map keeps panning even over panels.
    bool dragging_map = false;
    // Pinch gestures since the last frame: zoom levels to add, about this
    // point (camera pixels); handle_map_input applies and clears them.
    double pinch_zoom = 0.0;
    std::optional<ScreenPoint> pinch_centre;

    // What the renderer did last frame, for the status bar.
    Lod detail_wanted = Lod::coarse_110m;
    Lod detail_drawn = Lod::coarse_110m;
    bool detail_loading = false;
    bool overlay_loading = false;  // base-map city labels still being read
    double frame_ms = 0.0;  // mean over recent frames: map + UI + present

    // Requests from menus and shortcuts, acted on by the main loop.
    bool show_about = false;
    bool quit_requested = false;
    bool reset_view_requested = false;

    MeasureState measure;
    SearchState search;
    ScriptRunState script;

    // What each layer of the map shows, and the user's vector files (the
    // Layers panel, View -> Layers, edits it; the renderer reads it).
    LayerSettings layers;
    bool show_layers = false;
    std::array<char, 512> layer_path{};  // the Layers panel's "add a file" field
    std::string notice;  // one-line message shown in the status bar (e.g. a failed detail level)

    // The open file, unsaved edits and undo, the file browser and paste box
    // (editor_state.hpp, document.hpp).
    DocumentState document;
    FileWatchState file_watch;  // reload on change (file_watch.hpp)
    AutosaveState autosave;     // unsaved edits kept across a crash (autosave.hpp)
    FileBrowserState file_browser;
    PasteArticleState paste;
    // The Inspector (inspector_panel.hpp): View -> Inspector.
    bool show_inspector = true;
    InspectorState inspector;
    // Vector files (GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, CSV)
    // and rasters (GeoTIFF, PNG, JPEG) dropped on the window or opened from
    // File -> Open, waiting to become user layers; the main loop takes them
    // each frame.
    std::vector<std::filesystem::path> dropped_vector_files;
    // Exports (export_dialog.hpp): the dialogs, F12's request, what was
    // last saved (shown in the status bar), and the map furniture shown in
    // the window (View -> Legend, Scale bar).
    ExportDialogState export_dialog;
    DataExportState data_export;
    bool screenshot_requested = false;
    std::string status_message;
    bool show_legend = true;
    bool show_scale_bar = true;
    // The moment of a dated scenario the map shows, and playback
    // (timeline_panel.hpp): view state, not an edit.
    TimelineState timeline;
};

}  // namespace muster::ui
