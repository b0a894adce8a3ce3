#include "ui/about_panel.hpp"

#include <imgui.h>

namespace muster::ui {
namespace {

struct Credit {
    const char* source;
    const char* licence;
    const char* used_for;
};

constexpr Credit data_credits[] = {
    {"Natural Earth", "public domain", "country borders, coastlines and land at 1:10m, 1:50m, 1:110m"},
    {"GeoNames", "CC-BY 4.0", "populated places, alternate names, admin-1 names"},
    {"world-countries (mledoze)", "ODbL", "country names, ISO codes, capitals, demonyms"},
};

}  // namespace

void draw_about_panel(ViewState& state) {
    if (!state.show_about) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("About muster", &state.show_about, flags)) {
        ImGui::Text("muster %s", MUSTER_VERSION);
        ImGui::TextUnformatted("News text about military deployments, turned into maps.");
        ImGui::Separator();
        ImGui::TextUnformatted("Data");
        if (ImGui::BeginTable("credits", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            for (const Credit& credit : data_credits) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(credit.source);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(credit.licence);
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", credit.used_for);
            }
            ImGui::EndTable();
        }
        ImGui::Separator();
        ImGui::TextDisabled("Built with SDL2, Dear ImGui, GDAL, GeographicLib, libepoxy.");
        if (ImGui::Button("Close")) state.show_about = false;
    }
    ImGui::End();
}

}  // namespace muster::ui
