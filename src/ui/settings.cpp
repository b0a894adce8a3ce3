#include "ui/settings.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace muster::ui {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* settings_name = "settings.json";
constexpr const char* layout_name = "imgui.ini";
// Outside these the side column is unusable or hides the map; a hand-edited
// value beyond them is clamped rather than refused.
constexpr float min_panel_width = 200.0f;
constexpr float max_panel_width = 2000.0f;

fs::path absolute_env(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return {};
    const fs::path path(value);
    return path.is_absolute() ? path : fs::path();
}

// Reads one field when present and of the right type; a wrong type is
// reported and the default kept.
template <typename T, typename Check>
void read_field(const json& root, const char* key, T& out, Check is_type, const char* expected, const fs::path& file,
                std::vector<std::string>& warnings) {
    const auto it = root.find(key);
    if (it == root.end()) return;
    if (!is_type(*it)) {
        warnings.push_back(file.string() + ": /" + key + ": expected " + expected + "; using the default");
        return;
    }
    out = it->template get<T>();
}

void read_recent(const json& root, const fs::path& file, Settings& settings, std::vector<std::string>& warnings) {
    const auto it = root.find("recent_files");
    if (it == root.end()) return;
    if (!it->is_array()) {
        warnings.push_back(file.string() + ": /recent_files: expected an array of paths; using none");
        return;
    }
    for (const json& entry : *it) {
        if (!entry.is_string() || entry.get<std::string>().empty()) continue;  // a stray entry is just skipped
        if (settings.recent_files.size() < max_recent_files) settings.recent_files.emplace_back(entry.get<std::string>());
    }
}

}  // namespace

fs::path config_folder() {
    if (fs::path xdg = absolute_env("XDG_CONFIG_HOME"); !xdg.empty()) return xdg / "muster";
    if (fs::path home = absolute_env("HOME"); !home.empty()) return home / ".config" / "muster";
    return {};
}

Settings load_settings(const fs::path& folder, std::vector<std::string>& warnings) {
    Settings settings;
    if (folder.empty()) return settings;
    const fs::path file = folder / settings_name;
    std::error_code ec;
    if (!fs::exists(file, ec)) return settings;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        warnings.push_back(file.string() + ": cannot read; using defaults");
        return settings;
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {  // a syntax error, or a number past a double (1e999)
        // nlohmann's message carries its own position; keep its last part.
        std::string what = e.what();
        const std::size_t cut = what.find("] ");
        if (cut != std::string::npos) what = what.substr(cut + 2);
        warnings.push_back(file.string() + ": not valid JSON (" + what + "); using defaults");
        return settings;
    }
    if (!root.is_object()) {
        warnings.push_back(file.string() + ": expected a JSON object; using defaults");
        return settings;
    }
    const auto is_number = [](const json& j) { return j.is_number(); };
    const auto is_bool = [](const json& j) { return j.is_boolean(); };
    read_recent(root, file, settings, warnings);
    read_field(root, "side_panel_width", settings.side_panel_width, is_number, "a number", file, warnings);
    settings.side_panel_width = std::clamp(settings.side_panel_width, min_panel_width, max_panel_width);
    read_field(root, "show_side_panels", settings.show_side_panels, is_bool, "true or false", file, warnings);
    read_field(root, "graticule", settings.graticule, is_bool, "true or false", file, warnings);
    read_field(root, "show_inspector", settings.show_inspector, is_bool, "true or false", file, warnings);
    return settings;
}

void save_settings(const Settings& settings, const fs::path& folder) {
    if (folder.empty()) return;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(folder.string() + ": cannot create (" + ec.message() + ")");
    json recent = json::array();
    for (const fs::path& file : settings.recent_files) recent.push_back(file.string());
    const json root = {{"recent_files", recent},
                       {"side_panel_width", settings.side_panel_width},
                       {"show_side_panels", settings.show_side_panels},
                       {"graticule", settings.graticule},
                       {"show_inspector", settings.show_inspector}};
    write_bytes_atomically(folder / settings_name, root.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

void load_window_layout(const fs::path& folder) {
    if (folder.empty()) return;
    std::error_code ec;
    const fs::path file = folder / layout_name;
    if (fs::is_regular_file(file, ec)) ImGui::LoadIniSettingsFromDisk(file.c_str());
}

void save_window_layout(const fs::path& folder) {
    ImGui::GetIO().WantSaveIniSettings = false;
    if (folder.empty()) return;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(folder.string() + ": cannot create (" + ec.message() + ")");
    std::size_t size = 0;
    const char* text = ImGui::SaveIniSettingsToMemory(&size);
    write_bytes_atomically(folder / layout_name, std::string_view(text, size));
}

void remember_recent(std::vector<fs::path>& recent, const fs::path& file) {
    std::error_code ec;
    fs::path absolute = fs::absolute(file, ec);
    if (ec) absolute = file;
    absolute = absolute.lexically_normal();
    std::erase(recent, absolute);
    recent.insert(recent.begin(), absolute);
    if (recent.size() > max_recent_files) recent.resize(max_recent_files);
}

}  // namespace muster::ui
