#include "ui/script_menu.hpp"

#include "core/error.hpp"
#include "script/run_script.hpp"
#include "ui/scenario_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>

#include <filesystem>
#include <string>
#include <system_error>

namespace muster::ui {
namespace {

// The dialog keeps the most recent lines a script printed, no more.
constexpr std::size_t kMaxPrintedLines = 200;

const ImVec4 kErrorColour(0.75f, 0.25f, 0.15f, 1.0f);

std::optional<std::filesystem::path> output_folder(const ScriptRunState& script) {
    const std::string folder = script.output.data();
    if (folder.empty()) return std::nullopt;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!std::filesystem::is_directory(folder, ec)) throw Error(folder + ": cannot create the output folder");
    return std::filesystem::path(folder);
}

std::string summary(const std::string& file, const scenario::Scenario& scenario) {
    return std::filesystem::path(file).filename().string() + " ran: " + std::to_string(scenario.places.size()) +
           " places, " + std::to_string(scenario.figures.size()) + " figures";
}

void draw_outcome(const ScriptRunState& script) {
    if (!script.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        ImGui::TextWrapped("%s", script.error.c_str());
        ImGui::PopStyleColor();
    } else if (!script.finished.empty()) {
        ImGui::TextUnformatted(script.finished.c_str());
    }
    if (script.printed.empty()) return;
    ImGui::Separator();
    // As tall as the lines, up to eight; then it scrolls.
    const float lines = static_cast<float>(std::min<std::size_t>(script.printed.size(), 8));
    const float height = ImGui::GetTextLineHeightWithSpacing() * lines + ImGui::GetStyle().ScrollbarSize;
    ImGui::BeginChild("printed", ImVec2(0.0f, height), false, ImGuiWindowFlags_HorizontalScrollbar);
    for (const std::string& line : script.printed) ImGui::TextUnformatted(line.c_str());
    ImGui::EndChild();
}

}  // namespace

void draw_script_menu(ViewState& state) {
    if (!ImGui::BeginMenu("Script")) return;
    if (ImGui::MenuItem("Run script...")) state.script.window_open = true;
    if (ImGui::MenuItem("Run again", nullptr, false, state.script.path[0] != '\0')) state.script.run_requested = true;
    ImGui::EndMenu();
}

void draw_script_window(ViewState& state) {
    ScriptRunState& script = state.script;
    if (!script.window_open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + 60.0f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(560.0f, 0.0f), ImGuiCond_Appearing);
    if (ImGui::Begin("Run script", &script.window_open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::InputTextWithHint("Script", "path/to/script.lua", script.path.data(), script.path.size());
        ImGui::InputTextWithHint("Output folder", "none: the script writes nothing", script.output.data(),
                                 script.output.size());
        ImGui::BeginDisabled(script.path[0] == '\0');
        if (ImGui::Button("Run")) script.run_requested = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("runs against the open scenario (muster.scenario)");
        draw_outcome(script);
    }
    ImGui::End();
}

void request_script_run(ViewState& state, const std::string& path, const std::string& output_folder) {
    auto copy = [](const std::string& text, std::array<char, 512>& field) {
        field.fill('\0');
        text.copy(field.data(), field.size() - 1);
    };
    copy(path, state.script.path);
    copy(output_folder, state.script.output);
    state.script.window_open = true;
    state.script.run_requested = true;
}

bool run_requested_script(ViewState& state) {
    ScriptRunState& script = state.script;
    if (!script.run_requested) return false;
    script.run_requested = false;
    script.printed.clear();
    script.error.clear();
    script.finished.clear();

    script::ScriptRequest request;
    request.file = script.path.data();
    request.scenario = state.scenario;
    request.print = [&script](const std::string& line) {
        if (script.printed.size() == kMaxPrintedLines) script.printed.erase(script.printed.begin());
        script.printed.push_back(line);
    };
    // A render inside the script sets up its own ImGui context, which it
    // can only do while none is current.
    ImGuiContext* window_context = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(nullptr);
    try {
        request.output = output_folder(script);
        script::ScriptResult result = script::run_script(request);
        if (result.scenario) {
            // New places: frame them; a changed figure: leave the view be.
            if (result.scenario->places != state.scenario.places) state.reset_view_requested = true;
            // A new camera or layer looks (muster.set_camera, set_layer): go there.
            const bool new_look = result.scenario->camera != state.scenario.camera ||
                                  result.scenario->layers != state.scenario.layers;
            state.scenario = std::move(*result.scenario);
            if (new_look) adopt_scenario_look(state), state.reset_view_requested = true;
        }
        script.finished = summary(request.file.string(), state.scenario);
    } catch (const Error& e) {
        script.error = e.what();
    }
    ImGui::SetCurrentContext(window_context);
    return true;
}

}  // namespace muster::ui
