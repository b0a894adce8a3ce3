#include "ui/export_dialog.hpp"

#include "core/error.hpp"
#include "export/vector_export.hpp"
#include "ui/view_state.hpp"

#include <imgui.h>
#include <SDL_scancode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <system_error>

namespace muster::ui {
namespace {

constexpr ImGuiWindowFlags dialog_flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoCollapse;

template <std::size_t N>
void copy_into(std::array<char, N>& buffer, const std::string& text) {
    buffer.fill('\0');
    std::copy_n(text.begin(), std::min(text.size(), N - 1), buffer.begin());
}

bool is_folder(const std::filesystem::path& path) {
    std::error_code ec;
    return !path.empty() && std::filesystem::is_directory(path, ec);
}

void centre_next_window() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

// Keeps the file name's extension in step with the format radio buttons.
void set_extension(std::array<char, 1024>& path, const char* extension) {
    std::filesystem::path file(path.data());
    file.replace_extension(extension);
    copy_into(path, file.string());
}

void format_choice(ExportDialogState& dialog) {
    const auto format = image_format_for(dialog.path.data());
    int chosen = format == ImageFormat::jpeg ? 1 : format == ImageFormat::geotiff ? 2 : 0;
    ImGui::TextUnformatted("Format");
    ImGui::SameLine(110.0f);
    if (ImGui::RadioButton("PNG", &chosen, 0)) set_extension(dialog.path, ".png");
    ImGui::SameLine();
    if (ImGui::RadioButton("JPEG", &chosen, 1)) set_extension(dialog.path, ".jpg");
    if (dialog.content == ExportContent::map) {
        ImGui::SameLine();
        if (ImGui::RadioButton("GeoTIFF (EPSG:3857)", &chosen, 2)) set_extension(dialog.path, ".tif");
    }
    if (chosen == 1) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90.0f);
        ImGui::SliderInt("quality", &dialog.jpeg_quality, 50, 100);
    }
}

void size_choice(ExportDialogState& dialog, PixelSize map) {
    int sizing = dialog.sizing == ExportSizing::scale ? 0 : 1;
    ImGui::TextUnformatted("Size");
    ImGui::SameLine(110.0f);
    ImGui::RadioButton("Scale", &sizing, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Pixels", &sizing, 1);
    dialog.sizing = sizing == 0 ? ExportSizing::scale : ExportSizing::pixels;
    ImGui::Indent(110.0f);
    if (dialog.sizing == ExportSizing::scale) {
        ImGui::SetNextItemWidth(180.0f);
        ImGui::SliderInt("\u00d7 the map on screen", &dialog.scale, 1, 4, "%d\u00d7");
    } else {
        ImGui::SetNextItemWidth(90.0f);
        ImGui::InputInt("wide", &dialog.width, 0, 0);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90.0f);
        ImGui::InputInt("high (up to 16384)", &dialog.height, 0, 0);
    }
    const PixelSize size = export_image_size(dialog, map);
    ImGui::TextDisabled("%d \u00d7 %d pixels", size.width, size.height);
    ImGui::Unindent(110.0f);
}

void furniture_choice(ExportDialogState& dialog) {
    ImGui::TextUnformatted("On the map");
    ImGui::SameLine(110.0f);
    ImGui::Checkbox("Title", &dialog.title);
    if (dialog.title) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(260.0f);
        ImGui::InputText("##title", dialog.title_text.data(), dialog.title_text.size());
    }
    ImGui::Indent(110.0f);
    ImGui::Checkbox("Legend", &dialog.legend);
    ImGui::SameLine();
    ImGui::Checkbox("Scale bar", &dialog.scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox("North arrow", &dialog.north_arrow);
    bool attribution = true;  // CC-BY: not optional
    ImGui::BeginDisabled();
    ImGui::Checkbox("Attribution: Natural Earth \u00b7 GeoNames (CC-BY), required", &attribution);
    ImGui::EndDisabled();
    ImGui::Unindent(110.0f);
}

}  // namespace

std::filesystem::path pictures_folder() {
    if (const char* xdg = std::getenv("XDG_PICTURES_DIR"); xdg && is_folder(xdg)) return xdg;
    if (const char* home = std::getenv("HOME"); home && *home) {
        const std::filesystem::path pictures = std::filesystem::path(home) / "Pictures";
        if (is_folder(pictures)) return pictures;
    }
    return std::filesystem::path(".");
}

std::string timestamped_name(std::chrono::system_clock::time_point when, const char* extension) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&seconds, &local);
    char name[64];
    std::strftime(name, sizeof name, "muster-%Y%m%d-%H%M%S", &local);
    return std::string(name) + extension;
}

PixelSize export_image_size(const ExportDialogState& dialog, PixelSize map) {
    if (dialog.content == ExportContent::window) return map;
    if (dialog.sizing == ExportSizing::pixels) return {dialog.width, dialog.height};
    return {map.width * dialog.scale, map.height * dialog.scale};
}

std::string export_request_problem(const ExportDialogState& dialog, PixelSize map) {
    const std::filesystem::path path(dialog.path.data());
    if (path.empty()) return "Name a file to write.";
    const auto format = image_format_for(path);
    if (!format) return std::string("Unknown image type; use one of ") + supported_image_extensions + ".";
    if (*format == ImageFormat::geotiff && dialog.content == ExportContent::window)
        return "A GeoTIFF holds the map alone: choose Map only, or PNG or JPEG.";
    const PixelSize size = export_image_size(dialog, map);
    if (size.width < 1 || size.height < 1 || size.width > export_max_side || size.height > export_max_side)
        return "The image would be " + std::to_string(size.width) + " \u00d7 " + std::to_string(size.height) +
               " pixels; each side must be 1 to 16384.";
    return {};
}

void open_image_export(ViewState& state) {
    ExportDialogState& dialog = state.export_dialog;
    dialog.open = true;
    dialog.error.clear();
    copy_into(dialog.path, (pictures_folder() / timestamped_name(std::chrono::system_clock::now(), ".png")).string());
    if (!state.scenario.title.empty() && dialog.title_text[0] == '\0') copy_into(dialog.title_text, state.scenario.title);
}

void open_data_export(ViewState& state) {
    state.data_export.open = true;
    state.data_export.error.clear();
    // Data goes beside the work (the current folder), not among pictures.
    copy_into(state.data_export.path, timestamped_name(std::chrono::system_clock::now(), ".gpkg"));
}

void draw_export_dialog(ViewState& state, PixelSize map) {
    ExportDialogState& dialog = state.export_dialog;
    if (!dialog.open) return;
    centre_next_window();
    if (!ImGui::Begin("Export image", &dialog.open, dialog_flags)) {
        ImGui::End();
        return;
    }
    int content = dialog.content == ExportContent::map ? 0 : 1;
    ImGui::TextUnformatted("Picture");
    ImGui::SameLine(110.0f);
    ImGui::RadioButton("Map only", &content, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Whole window, as on screen", &content, 1);
    dialog.content = content == 0 ? ExportContent::map : ExportContent::window;
    if (dialog.content == ExportContent::window && image_format_for(dialog.path.data()) == ImageFormat::geotiff)
        set_extension(dialog.path, ".png");
    if (dialog.content == ExportContent::map) {
        size_choice(dialog, map);
        furniture_choice(dialog);
    } else {
        ImGui::Indent(110.0f);
        ImGui::TextDisabled("%d \u00d7 %d pixels: the window's own size", map.width, map.height);
        ImGui::Unindent(110.0f);
    }
    format_choice(dialog);
    ImGui::TextUnformatted("File");
    ImGui::SameLine(110.0f);
    ImGui::SetNextItemWidth(420.0f);
    ImGui::InputText("##file", dialog.path.data(), dialog.path.size());
    const std::string problem = export_request_problem(dialog, map);
    if (!problem.empty()) ImGui::TextColored(ImVec4(0.75f, 0.25f, 0.15f, 1.0f), "%s", problem.c_str());
    if (!dialog.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.25f, 0.15f, 1.0f), "%s", dialog.error.c_str());
    ImGui::BeginDisabled(!problem.empty());
    if (ImGui::Button("Export", ImVec2(100.0f, 0.0f))) {
        dialog.requested = true;
        dialog.open = false;  // out of the next frame, and so out of a whole-window picture
        dialog.error.clear();
        // A large map takes seconds, with the window still: say so first
        // (not for the window itself, whose picture would show the words).
        const bool map_only = dialog.content == ExportContent::map;
        dialog.frames_to_wait = map_only ? 2 : 1;
        if (map_only) state.status_message = "Exporting " + std::string(dialog.path.data()) + "\u2026";
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100.0f, 0.0f))) dialog.open = false;
    ImGui::End();
}

void draw_data_export_dialog(ViewState& state) {
    DataExportState& dialog = state.data_export;
    if (!dialog.open) return;
    centre_next_window();
    if (!ImGui::Begin("Export data", &dialog.open, dialog_flags)) {
        ImGui::End();
        return;
    }
    const std::size_t places = state.scenario.places.size(), figures = state.scenario.figures.size(),
                      borders = state.scenario.borders.size();
    ImGui::Text("%zu places, %zu figures, %zu borders, each with the sentence it came from.", places, figures, borders);
    ImGui::TextDisabled("GeoJSON (.geojson), GeoPackage (.gpkg) or KML (.kml), by the file's extension.");
    ImGui::SetNextItemWidth(480.0f);
    ImGui::InputText("##file", dialog.path.data(), dialog.path.size());
    const std::filesystem::path path(dialog.path.data());
    const auto format = vector_format_for(path);
    if (!format)
        ImGui::TextColored(ImVec4(0.75f, 0.25f, 0.15f, 1.0f), "Unknown data type; use one of %s.",
                           supported_vector_extensions);
    if (!dialog.error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.25f, 0.15f, 1.0f), "%s", dialog.error.c_str());
    ImGui::BeginDisabled(!format);
    if (ImGui::Button("Export", ImVec2(100.0f, 0.0f))) {
        try {
            write_vector_file(state.scenario, path, *format);
            state.status_message = "Saved " + std::string(to_string(*format)) + " " + path.string();
            dialog.open = false;
            dialog.error.clear();
        } catch (const Error& e) {
            dialog.error = e.what();
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100.0f, 0.0f))) dialog.open = false;
    ImGui::End();
}

void handle_export_keys(ViewState& state) {
    if (ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_F12, false)) state.screenshot_requested = true;
}

}  // namespace muster::ui
