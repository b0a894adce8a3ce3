#include "ui/file_browser.hpp"

#include "ui/document.hpp"

#include <SDL_scancode.h>
#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID, ClearActiveID: the path field lets go when the folder changes
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>

namespace muster::ui {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 15> listed_extensions = {
    ".txt", ".html", ".htm", ".json", ".geojson", ".gpkg", ".shp", ".kml", ".fgb", ".csv",
    ".tif", ".tiff", ".png", ".jpg", ".jpeg"};
constexpr const char* default_save_extension = ".muster.json";

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "~" and "~/x" as the shell reads them.
fs::path expand_home(const std::string& typed) {
    if (typed.empty() || typed[0] != '~' || (typed.size() > 1 && typed[1] != '/')) return typed;
    const char* home = std::getenv("HOME");
    if (!home || !*home) return typed;
    return fs::path(home) / (typed.size() > 2 ? typed.substr(2) : std::string());
}

fs::path normal_folder(const fs::path& folder) {
    std::error_code ec;
    fs::path out = fs::weakly_canonical(folder, ec);
    return ec ? folder.lexically_normal() : out;
}

// A typed text that names a place in the file system rather than filtering
// the listing.
bool is_path_like(const std::string& typed) {
    return typed.find('/') != std::string::npos || typed == "~" || typed == "." || typed == "..";
}

void enter_folder(ViewState& state, const fs::path& folder) {
    FileBrowserState& browser = state.file_browser;
    browser.folder = normal_folder(folder);
    browser.field = browser.mode == BrowserMode::save_as ? suggested_save_path(state).filename().string() : "";
    browser.refocus_field = true;
    browser.highlighted = 0;
    browser.problem.clear();
    browser.replace.clear();
    refresh_listing(browser);
}

void choose(ViewState& state, const fs::path& file) {
    const BrowserMode mode = state.file_browser.mode;
    state.file_browser.open = false;
    if (mode == BrowserMode::open)
        request_open(state, file);
    else if (mode == BrowserMode::merge)
        merge_document(state, file);
    else
        save_document_as(state, file);
}

void choose_save_target(ViewState& state, fs::path target) {
    FileBrowserState& browser = state.file_browser;
    if (!target.has_extension()) target += default_save_extension;
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec)) {
        browser.problem = "no such folder: " + target.parent_path().string();
        return;
    }
    if (fs::exists(target, ec) && browser.replace != target) {
        browser.replace = target;
        browser.problem = target.filename().string() + " exists: Enter again to replace it";
        return;
    }
    choose(state, target);
}

// The highlighted entry of the filtered listing: enter or choose it.
void activate_highlighted(ViewState& state, const std::string& filter) {
    FileBrowserState& browser = state.file_browser;
    const std::vector<std::size_t> visible = filter_entries(browser.entries, filter);
    if (visible.empty()) {
        browser.problem = "nothing here matches \u201c" + filter + "\u201d";
        return;
    }
    const std::size_t row = static_cast<std::size_t>(std::clamp(browser.highlighted, 0, int(visible.size()) - 1));
    const BrowserEntry& entry = browser.entries[visible[row]];
    if (entry.folder) {
        enter_folder(state, entry.name == ".." ? browser.folder.parent_path() : browser.folder / entry.name);
    } else if (browser.mode != BrowserMode::save_as) {
        choose(state, browser.folder / entry.name);
    } else {
        choose_save_target(state, browser.folder / entry.name);
    }
}

}  // namespace

bool muster_opens(const fs::path& name) {
    const std::string ext = lower(name.extension().string());
    return std::find(listed_extensions.begin(), listed_extensions.end(), ext) != listed_extensions.end();
}

std::vector<BrowserEntry> list_folder(const fs::path& folder, bool show_all) {
    std::vector<BrowserEntry> folders, files;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_ec;
        if (it->is_directory(type_ec))
            folders.push_back({name, true});
        else if (show_all || muster_opens(name))
            files.push_back({name, false});
    }
    const auto by_name = [](const BrowserEntry& a, const BrowserEntry& b) {
        const std::string la = lower(a.name), lb = lower(b.name);
        return la != lb ? la < lb : a.name < b.name;
    };
    std::sort(folders.begin(), folders.end(), by_name);
    std::sort(files.begin(), files.end(), by_name);
    std::vector<BrowserEntry> entries;
    if (folder.has_relative_path()) entries.push_back({"..", true});
    entries.insert(entries.end(), folders.begin(), folders.end());
    entries.insert(entries.end(), files.begin(), files.end());
    return entries;
}

std::vector<std::size_t> filter_entries(const std::vector<BrowserEntry>& entries, std::string_view filter) {
    const std::string needle = lower(filter);
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (needle.empty() || (entries[i].name != ".." && lower(entries[i].name).find(needle) != std::string::npos))
            rows.push_back(i);
    }
    return rows;
}

void open_file_browser(ViewState& state, BrowserMode mode) {
    FileBrowserState& browser = state.file_browser;
    browser.open = true;
    browser.appearing = true;
    browser.mode = mode;
    std::error_code ec;
    fs::path folder = fs::current_path(ec);
    if (mode == BrowserMode::save_as) folder = suggested_save_path(state).parent_path();
    else if (!state.document.origin.empty()) folder = fs::absolute(state.document.origin, ec).parent_path();
    enter_folder(state, folder);
}

void refresh_listing(FileBrowserState& browser) {
    if (browser.listed && browser.listed_folder == browser.folder && browser.listed_all == browser.show_all) return;
    browser.entries = list_folder(browser.folder, browser.show_all);
    browser.listed_folder = browser.folder;
    browser.listed_all = browser.show_all;
    browser.listed = true;
}

void browser_enter(ViewState& state) {
    FileBrowserState& browser = state.file_browser;
    refresh_listing(browser);
    const std::string typed = trimmed(browser.field);
    if (!typed.empty()) {
        fs::path path = expand_home(typed);
        if (path.is_relative()) path = browser.folder / path;
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            enter_folder(state, path);
            return;
        }
        if (browser.mode == BrowserMode::save_as) {
            choose_save_target(state, path.lexically_normal());
            return;
        }
        if (fs::exists(path, ec)) {
            choose(state, path.lexically_normal());
            return;
        }
        if (is_path_like(typed)) {
            browser.problem = "no such file or folder: " + path.lexically_normal().string();
            return;
        }
    }
    activate_highlighted(state, browser.mode != BrowserMode::save_as ? typed : std::string());  // an empty field or a filter
}

void close_file_browser(ViewState& state) {
    const bool was_save = state.file_browser.mode == BrowserMode::save_as;
    state.file_browser.open = false;
    if (was_save) answer_save_prompt(state, SaveAnswer::cancel);  // nothing waits on a save that did not happen
}

// ------------------------------------------------------------------ drawing

namespace {

constexpr const char* open_title = "Open###file_browser";
constexpr const char* save_title = "Save scenario as###file_browser";
constexpr const char* merge_title = "Merge into the open scenario###file_browser";

// Up/Down move the highlight within the filtered rows.
void move_highlight(FileBrowserState& browser, int rows) {
    if (rows == 0) return;
    if (ImGui::IsKeyPressed(SDL_SCANCODE_DOWN)) browser.highlighted = std::min(browser.highlighted + 1, rows - 1);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_UP)) browser.highlighted = std::max(browser.highlighted - 1, 0);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_PAGEDOWN)) browser.highlighted = std::min(browser.highlighted + 10, rows - 1);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_PAGEUP)) browser.highlighted = std::max(browser.highlighted - 10, 0);
}

// The listing; returns whether an entry was double-clicked (to be opened).
// A click highlights; in Save As a click on a file also takes its name.
bool draw_listing(FileBrowserState& browser, const std::vector<std::size_t>& rows, bool keys_moved) {
    bool activated = false;
    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    if (!ImGui::BeginChild("##listing", ImVec2(0.0f, -footer), true)) {
        ImGui::EndChild();
        return false;
    }
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const BrowserEntry& entry = browser.entries[rows[row]];
        const bool highlighted = static_cast<int>(row) == browser.highlighted;
        const std::string label = entry.folder ? entry.name + "/" : entry.name;
        ImGui::PushID(static_cast<int>(row));
        if (entry.folder) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.10f, 0.30f, 0.55f, 1.0f));
        if (ImGui::Selectable(label.c_str(), highlighted, ImGuiSelectableFlags_AllowDoubleClick)) {
            browser.highlighted = static_cast<int>(row);
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) activated = true;
            if (browser.mode == BrowserMode::save_as && !entry.folder) {
                browser.field = entry.name;
                browser.refocus_field = true;
            }
        }
        if (entry.folder) ImGui::PopStyleColor();
        if (highlighted && keys_moved) ImGui::SetScrollHereY();
        ImGui::PopID();
    }
    if (rows.empty()) ImGui::TextDisabled(browser.entries.empty() ? "(cannot read this folder)" : "(no match)");
    ImGui::EndChild();
    return activated;
}

}  // namespace

void draw_file_browser(ViewState& state) {
    FileBrowserState& browser = state.file_browser;
    const char* title = browser.mode == BrowserMode::open    ? open_title
                        : browser.mode == BrowserMode::merge ? merge_title
                                                             : save_title;
    if (browser.appearing) {
        ImGui::OpenPopup(title);
        browser.appearing = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(620.0f, 440.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoCollapse)) return;
    if (!browser.open) {  // closed by a choice made outside the frame
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    // On a white dialog, white fields and check boxes need their outline.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    refresh_listing(browser);

    ImGui::TextDisabled("Folder");
    ImGui::SameLine();
    ImGui::TextUnformatted(browser.folder.string().c_str());

    const bool was_empty = browser.field.empty();
    // An active text field keeps its own copy of the text: when the folder
    // changed under it, it lets go, and takes the keyboard (and the new
    // text) again on the next frame.
    if (browser.refocus_field || ImGui::IsWindowAppearing()) {
        if (ImGui::GetActiveID() == ImGui::GetID("##path")) ImGui::ClearActiveID();
        ImGui::SetKeyboardFocusHere();
        browser.refocus_field = false;
    }
    ImGui::SetNextItemWidth(-1.0f);
    const char* hint = browser.mode != BrowserMode::save_as ? "type to filter, or a path; Enter opens"
                                                         : "file name, or a path; Enter saves";
    const std::string before = browser.field;
    // Whole text selected on focus: typing replaces Save As's proposed name.
    const bool entered = ImGui::InputTextWithHint("##path", hint, &browser.field,
                                                  ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool typing = ImGui::IsItemActive();
    if (browser.field != before) {
        browser.highlighted = 0;
        browser.problem.clear();
        browser.replace.clear();
    }
    // Open filters the listing by what is typed; in Save As the field is the new file's name.
    const bool filtering = browser.mode == BrowserMode::open && !is_path_like(trimmed(browser.field));
    const std::string filter = filtering ? trimmed(browser.field) : std::string();
    const std::vector<std::size_t> rows = filter_entries(browser.entries, filter);
    const int before_highlight = browser.highlighted;
    if (typing) move_highlight(browser, static_cast<int>(rows.size()));
    if (typing && was_empty && ImGui::IsKeyPressed(SDL_SCANCODE_BACKSPACE)) enter_folder(state, browser.folder.parent_path());
    if (!browser.problem.empty()) ImGui::TextColored(ImVec4(0.75f, 0.25f, 0.15f, 1.0f), "%s", browser.problem.c_str());

    const bool activated = draw_listing(browser, rows, browser.highlighted != before_highlight);

    if (ImGui::Checkbox("All files", &browser.show_all)) refresh_listing(browser);
    ImGui::SameLine();
    const float buttons = ImGui::CalcTextSize("Cancel").x + ImGui::CalcTextSize("Save").x + 48.0f;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
    const bool confirm = ImGui::Button(browser.mode == BrowserMode::open ? "Open" : "Save");
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(SDL_SCANCODE_ESCAPE);

    if (cancel) {
        close_file_browser(state);
    } else if (activated) {
        activate_highlighted(state, filter);
        browser.refocus_field = true;
    } else if (entered || confirm) {
        browser_enter(state);
        browser.refocus_field = true;  // Enter leaves the field: keep typing there
    }
    ImGui::PopStyleVar();
    if (!browser.open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace muster::ui
