#include "ui/layers_panel.hpp"

#include "core/error.hpp"
#include "geodata/layer_file.hpp"
#include "render/overlay.hpp"

#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <utility>

namespace muster::ui {
namespace {

constexpr float panel_width = 310.0f;  // points; the height fits the rows
constexpr float opacity_width = 80.0f;
constexpr float action_width = 22.0f;   // the remove button's column
constexpr double frame_margin_px = 60.0;

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Every layer table has the same columns, so the rows of the three
// sections line up: visible, name, opacity, action.
bool begin_layer_table(const char* id) {
    if (!ImGui::BeginTable(id, 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return false;
    ImGui::TableSetupColumn("visible", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("opacity", ImGuiTableColumnFlags_WidthFixed, opacity_width);
    ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthFixed, action_width);
    return true;
}

void opacity_slider(LayerLook& look) {
    int percent = static_cast<int>(std::lround(look.opacity * 100.0f));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::SliderInt("##opacity", &percent, 0, 100, "%d%%", ImGuiSliderFlags_AlwaysClamp))
        look.opacity = static_cast<float>(percent) / 100.0f;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Opacity (Ctrl+click to type)");
}

// The name dimmed when the layer is hidden; hint on hover.
void layer_name(const std::string& name, const LayerLook& look, const std::string& hint) {
    if (look.visible)
        ImGui::TextUnformatted(name.c_str());
    else
        ImGui::TextDisabled("%s", name.c_str());
    if (!hint.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", hint.c_str());
}

void layer_row(const char* name, LayerLook& look, const char* hint) {
    ImGui::PushID(name);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Checkbox("##visible", &look.visible);
    ImGui::TableNextColumn();
    layer_name(name, look, hint);
    ImGui::TableNextColumn();
    opacity_slider(look);
    ImGui::TableNextColumn();
    ImGui::PopID();
}

// A vector layer's colour swatch (click to change it); a raster has its own
// colours, so its name only keeps the swatch's room, to line up with the others.
void layer_swatch(UserLayer& layer) {
    if (layer.raster) {
        ImGui::Dummy(ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
    } else {
        float rgb[3] = {layer.colour.r, layer.colour.g, layer.colour.b};
        if (ImGui::ColorEdit3("##colour", rgb, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
            layer.colour = Rgba{rgb[0], rgb[1], rgb[2], 1.0f};
    }
    ImGui::SameLine();
}

// Path, format and contents, for the name's tooltip.
std::string layer_hint(const UserLayer& layer) {
    if (layer.raster) return layer.raster->path.string() + "\n" + describe_raster(*layer.raster);
    return layer.file->path.string() + "\n" + layer.file->format + ": " + describe_contents(*layer.file);
}

// Returns whether the user asked to remove the layer.
bool user_layer_row(UserLayer& layer) {
    ImGui::PushID(static_cast<int>(layer.id));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Checkbox("##visible", &layer.look.visible);
    ImGui::TableNextColumn();
    layer_swatch(layer);
    layer_name(layer.name(), layer.look, layer_hint(layer));
    ImGui::TableNextColumn();
    opacity_slider(layer.look);
    ImGui::TableNextColumn();
    const bool remove = ImGui::SmallButton("\u00d7");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s from the map", layer.name().c_str());
    ImGui::PopID();
    return remove;
}

// "~/x.geojson" as a shell would read it.
std::filesystem::path expand_home(const std::string& typed) {
    const char* home = std::getenv("HOME");
    if (home && (typed == "~" || typed.rfind("~/", 0) == 0)) return std::string(home) + typed.substr(1);
    return typed;
}

void draw_user_layers(ViewState& state) {
    ImGui::TextDisabled("Your layers");
    if (begin_layer_table("user")) {
        std::uint64_t removed = 0;
        // Stacked as the map draws them, top down: vector files over rasters,
        // the newest of each first.
        for (const bool rasters : {false, true})
            for (auto layer = state.layers.user_layers.rbegin(); layer != state.layers.user_layers.rend(); ++layer)
                if ((rasters ? layer->raster != nullptr : layer->file != nullptr) && user_layer_row(*layer))
                    removed = layer->id;
        ImGui::EndTable();
        if (removed) state.layers.remove_user_layer(removed);
    }
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Add").x - ImGui::GetStyle().FramePadding.x * 2 -
                            ImGui::GetStyle().ItemSpacing.x);
    const bool entered = ImGui::InputTextWithHint("##path", "path of a vector or raster file", state.layer_path.data(),
                                                  state.layer_path.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Drop a file on the map or type its path:\n%s", supported_layer_formats().c_str());
    ImGui::SameLine();
    if ((ImGui::Button("Add") || entered) && state.layer_path[0] != '\0') {
        state.dropped_vector_files.push_back(expand_home(state.layer_path.data()));
        state.layer_path.fill('\0');
    }
    // Until the first file arrives, say how files arrive.
    if (state.layers.user_layers.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("Drop a file on the map or type its path: %s.", supported_layer_formats().c_str());
        ImGui::PopStyleColor();
    }
}

bool overlaps_view(const Camera& camera, const Extent& extent) {
    const Extent visible = camera.visible_extent();
    for (const double shift : {-360.0, 0.0, 360.0})
        if (extent.min_lon + shift <= visible.max_lon && visible.min_lon <= extent.max_lon + shift &&
            extent.min_lat <= visible.max_lat && visible.min_lat <= extent.max_lat)
            return true;
    return false;
}

// A new layer nowhere in sight: fly there and zoom to show it whole.
void bring_into_view(ViewState& state, const std::optional<Extent>& extent) {
    if (!extent || overlaps_view(state.camera, *extent)) return;
    const PixelSize view = state.camera.viewport();
    const PixelSize free_area{std::max(view.width - static_cast<int>(state.map_left_px), 1), view.height};
    const Camera fitted = fit_extent(*extent, free_area, frame_margin_px, 1.0, state.camera.projection_ptr());
    state.camera_target = extent->centre();
    state.zoom_target = ZoomTarget{extent->centre(), fitted.zoom()};
}

std::string pixels(int width, int height) {
    return std::to_string(width) + " \u00d7 " + std::to_string(height) + " px";
}

}  // namespace

std::string describe_contents(const VectorFile& file) {
    std::string parts;
    auto add = [&parts](std::size_t n, const char* one, const char* many) {
        if (n == 0) return;
        parts += (parts.empty() ? "" : ", ") + counted(n, one, many);
    };
    add(file.geometry.polygons.size(), "polygon", "polygons");
    add(file.geometry.lines.size(), "line", "lines");
    add(file.geometry.points.size(), "point", "points");
    return parts + " (" + counted(file.features, "feature", "features") + ")";
}

std::string describe_raster(const RasterFile& file) {
    std::string text = file.format + ": " + pixels(file.source_width, file.source_height) + ", " +
                       counted(static_cast<std::size_t>(file.source_bands), "band", "bands") + " of " +
                       file.source_type;
    if (file.stretched) {
        char range[96];
        std::snprintf(range, sizeof range, " (%g to %g drawn black to white)", file.stretch_min, file.stretch_max);
        text += range;
    }
    if (!file.crs.empty()) text += "\n" + file.crs;
    return text + "\ndrawn as " + pixels(file.width, file.height) + " in WGS 84";
}

void add_dropped_vector_files(ViewState& state) {
    if (state.dropped_vector_files.empty()) return;
    const std::vector<std::filesystem::path> files = std::exchange(state.dropped_vector_files, {});
    for (const std::filesystem::path& path : files) {
        try {
            const UserLayer& layer = state.layers.add_user_layer(read_layer_file(path));
            bring_into_view(state, layer.extent());
        } catch (const Error& error) {
            state.notice = error.what();
        } catch (const std::exception& error) {  // out of memory, say: still one line naming the file
            state.notice = path.string() + ": cannot read (" + error.what() + ")";
        }
    }
}

void draw_layers_panel(ViewState& state) {
    if (!state.show_layers) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - panel_width - 12.0f,
                                   viewport->WorkPos.y + 12.0f),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(panel_width, 0.0f), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Layers", &state.show_layers, ImGuiWindowFlags_NoCollapse)) {
        LayerSettings& layers = state.layers;
        ImGui::TextDisabled("Scenario");
        if (begin_layer_table("scenario")) {
            layer_row("Annotations", layers.annotations, "Your labels, arrows, lines and areas");
            layer_row("Deployments", layers.deployments, "Unit symbols, strengths and halos");
            layer_row("Place labels", layers.place_labels, "The article's places: dots and names");
            layer_row("Border features", layers.border_features, "Borders the article names, with their lengths");
            layer_row("Areas", layers.areas, "Areas hosting deployments, hatched");
            ImGui::EndTable();
        }
        ImGui::Spacing();
        draw_user_layers(state);
        ImGui::Spacing();
        ImGui::TextDisabled("Base map");
        if (begin_layer_table("base")) {
            layer_row("City labels", layers.city_labels, "Populated places (GeoNames), by population");
            layer_row("Country names", layers.country_names, "");
            layer_row("Borders and coastlines", layers.country_borders, "Natural Earth");
            layer_row("Countries", layers.countries, "Land, coloured by each country's role in the scenario");
            layer_row("Graticule", layers.graticule, "Lines of latitude and longitude");
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace muster::ui
