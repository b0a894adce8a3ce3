#include "ui/inspector_panel.hpp"

#include "extract/scenario_resolver.hpp"

#include "render/annotations.hpp"
#include "render/symbols.hpp"
#include "render/symbols_draw.hpp"
#include "ui/entities_panel.hpp"
#include "ui/map_links.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: which widget an edit belongs to
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace muster::ui {
namespace {

constexpr float label_width = 96.0f;       // points: the field names' column
constexpr float grab_radius_pt = 12.0f;    // how near the mark a press must be to move it
constexpr float preview_symbol_pt = 30.0f; // the symbol preview's frame height
constexpr unsigned place_drag_item = 0x4D4F5645u;  // "MOVE": stands for the map drag, never an ImGui id in practice

constexpr std::array<const char*, 5> qualifiers = {"exact", "approx", "at_least", "at_most", "range"};
constexpr std::array<const char*, 7> categories = {"personnel", "unit",       "equipment", "distance",
                                                   "casualties", "count", "other"};
constexpr std::array<const char*, 4> affiliations = {"friend", "hostile", "neutral", "unknown"};
constexpr std::array<const char*, 8> echelons = {"none",     "company",  "battalion", "regiment",
                                                 "brigade",  "division", "corps",     "army"};
constexpr std::array<const char*, 9> functions = {"none",        "infantry",   "airborne",    "armour", "artillery",
                                                  "air defence", "fixed wing", "rotary wing", "missile"};

const ImVec4 problem_colour(0.75f, 0.25f, 0.15f, 1.0f);

template <typename T>
T* find_by_id(std::vector<T>& items, std::string_view id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

// ------------------------------------------------------------------ widgets

// The field's name in the left column; the widget that follows fills the rest.
void field_label(const char* label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(label_width);
    ImGui::SetNextItemWidth(-1.0f);
}

// A number that may be unknown: a checkbox says whether it is, the field holds it.
bool optional_number(const char* label, std::optional<double>& value, const char* format) {
    ImGui::PushID(label);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", label);
    ImGui::SameLine(label_width);
    bool known = value.has_value();
    bool changed = false;
    if (ImGui::Checkbox("##known", &known)) {
        value = known ? std::optional<double>(0.0) : std::nullopt;
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(known ? "Known: clear to leave it out" : "Not given: tick to set it");
    ImGui::SameLine();
    if (!known) {
        ImGui::TextDisabled("not given");
        ImGui::PopID();
        return changed;
    }
    ImGui::SetNextItemWidth(-1.0f);
    double number = value.value_or(0.0);
    if (ImGui::InputDouble("##value", &number, 0.0, 0.0, format) && std::isfinite(number)) {
        value = number;
        changed = true;
    }
    ImGui::PopID();
    return changed;
}

// A combo over fixed names; `automatic`, when given, is a first entry that
// stands for "" (derived), shown with what it derives to.
template <std::size_t N>
bool name_combo(const char* label, std::string& value, const std::array<const char*, N>& names,
                const char* automatic = nullptr) {
    field_label(label);
    const std::string shown = value.empty() && automatic ? std::string(automatic) : value;
    bool changed = false;
    if (ImGui::BeginCombo((std::string("##") + label).c_str(), shown.c_str())) {
        if (automatic && ImGui::Selectable(automatic, value.empty())) value.clear(), changed = true;
        for (const char* name : names)
            if (ImGui::Selectable(name, value == name)) value = name, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

void heading(EntityKind kind, const char* what, const std::string& title) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(entity_colour(kind)), "%s", what);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", title.c_str());
}

// Where the entity came from: the sentence of its first mention.
void draw_provenance(const ViewState& state, const EntityRef& entity) {
    const std::string sentence = entity_sentence(state.scenario, entity);
    if (sentence.empty()) {
        ImGui::TextDisabled("Entered by hand: no source sentence.");
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.30f, 0.30f, 0.30f, 1.0f));
    ImGui::TextWrapped("\u201c%s\u201d", sentence.c_str());
    ImGui::PopStyleColor();
}

void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextUnformatted(title);
    ImGui::Separator();
}

std::string population_text(std::int64_t population) {
    return population > 0 ? format_thousands(static_cast<double>(population)) : "\u2014";
}

// ------------------------------------------------------------------ place

void draw_candidates(ViewState& state, scenario::Place& place, const PlaceLookup& lookup) {
    const std::string key = candidate_key(state.scenario, place);
    section(("Gazetteer candidates for \u201c" + key + "\u201d").c_str());
    const std::vector<Candidate> candidates = place_candidates(state.scenario, place, lookup);
    if (candidates.empty()) {
        ImGui::TextDisabled("The gazetteer knows no place of this name.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("candidates", 4, flags)) return;
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Ctry", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Population", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& candidate = candidates[i];
        const bool current = !place.gazetteer_id.empty() && candidate.id() == place.gazetteer_id;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(candidate.name.c_str(), current, ImGuiSelectableFlags_SpanAllColumns) && !current) {
            switch_place_to(place, candidate);
            state.camera_target = candidate.point;  // show where it now is
        }
        if (ImGui::IsItemHovered()) {
            state.inspector.hovered_candidate = candidate.id();
            state.inspector.hovered_candidate_at = candidate.point;
            ImGui::SetTooltip("%s (%s) at %.4f, %.4f", candidate.name.c_str(), candidate.feature_code.c_str(),
                              candidate.point.lat, candidate.point.lon);
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(to_string(candidate.kind));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(candidate.country.empty() ? "\u2014" : candidate.country.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(population_text(candidate.population).c_str());
    }
    ImGui::EndTable();
}

void draw_place(ViewState& state, scenario::Place& place, const PlaceLookup& lookup) {
    heading(EntityKind::place, "PLACE", place.name);
    ImGui::TextDisabled("%s \u00b7 %s \u00b7 %s \u00b7 confidence %.2f", place.feature.c_str(),
                        place.country.empty() ? "no country" : place.country.c_str(),
                        place.gazetteer_id.empty() ? "set by hand" : ("gazetteer " + place.gazetteer_id).c_str(),
                        place.confidence);
    draw_provenance(state, place_ref(place.id));

    section("Position (WGS 84)");
    double lat = place.point.lat, lon = place.point.lon;
    field_label("Latitude");
    if (ImGui::InputDouble("##lat", &lat, 0.0, 0.0, "%.5f") && std::isfinite(lat)) move_place(place, {lat, place.point.lon});
    field_label("Longitude");
    if (ImGui::InputDouble("##lon", &lon, 0.0, 0.0, "%.5f") && std::isfinite(lon)) move_place(place, {place.point.lat, lon});
    ImGui::Checkbox("Move on map", &state.inspector.move_on_map);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("While on, drag the place's mark on the map to move it; the map pans everywhere else.");

    draw_candidates(state, place, lookup);

    std::vector<const scenario::Figure*> here;
    for (const scenario::Figure& figure : state.scenario.figures)
        if (figure.place == place.id) here.push_back(&figure);
    if (here.empty()) return;
    section("Figures here");
    for (const scenario::Figure* figure : here) {
        ImGui::PushID(figure->id.c_str());
        if (ImGui::Selectable(figure->text.c_str())) select_entity(state, figure_ref(figure->id));
        ImGui::PopID();
    }
}

// ------------------------------------------------------------------ figure

void draw_actor(scenario::Figure& figure) {
    field_label("Actor");
    // A buffer refilled from the model each frame: while the field is being
    // typed in, Dear ImGui keeps its own text, and only valid codes reach the model.
    std::array<char, 8> text{};
    std::strncpy(text.data(), figure.actor.c_str(), text.size() - 1);
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank;
    if (ImGui::InputTextWithHint("##actor", "ISO alpha-2 or NATO", text.data(), 5, flags) && valid_actor(text.data()))
        figure.actor = text.data();
    if (ImGui::IsItemActive() && !valid_actor(text.data())) {
        ImGui::Indent(label_width);
        ImGui::TextColored(problem_colour, "two letters (RU, UA, US) or NATO");
        ImGui::Unindent(label_width);
    }
}

void draw_figure_place(ViewState& state, scenario::Figure& figure) {
    field_label("Place");
    const scenario::Place* current = state.scenario.place(figure.place);
    const float inspect_width = ImGui::CalcTextSize("Inspect").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(current ? -(inspect_width + ImGui::GetStyle().ItemSpacing.x) : -1.0f);
    auto label = [](const scenario::Place& p) { return p.country.empty() ? p.name : p.name + " \u00b7 " + p.country; };
    if (ImGui::BeginCombo("##place", current ? label(*current).c_str() : "(none)")) {
        if (ImGui::Selectable("(none)", figure.place.empty())) figure.place.clear();
        for (const scenario::Place& place : state.scenario.places) {
            ImGui::PushID(place.id.c_str());
            if (ImGui::Selectable(label(place).c_str(), figure.place == place.id)) figure.place = place.id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (!current) return;
    ImGui::SameLine();
    const std::string place_id = current->id;
    if (ImGui::Button("Inspect")) select_entity(state, place_ref(place_id));
}

// The unit symbol as the map draws it, with its echelon mark above.
void draw_symbol_preview(const ViewState& state, const scenario::Figure& figure) {
    const OverlayStyle& style = state.style.overlay;
    const SymbolSpec spec = symbol_spec(figure, style.halo_pt_per_sqrt);
    const float h = preview_symbol_pt;
    const ImVec2 frame = symbol_frame_size(spec.affiliation, h);
    const float mark_height = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 centre(origin.x + label_width + frame.x / 2, origin.y + mark_height + frame.y / 2);
    ImDrawList* list = ImGui::GetWindowDrawList();
    draw_unit_symbol(list, centre, h, spec, style.symbols, 1.5f);
    if (const char* mark = echelon_mark(spec.echelon); *mark) {
        const ImVec2 size = ImGui::CalcTextSize(mark);
        list->AddText(ImVec2(centre.x - size.x / 2, origin.y), IM_COL32(0, 0, 0, 255), mark);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Preview");
    ImGui::SameLine(label_width + frame.x + 12.0f);
    ImGui::BeginGroup();
    ImGui::TextUnformatted(spec.strength.empty() ? " " : spec.strength.c_str());
    ImGui::TextDisabled("%s", spec.what.c_str());
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, std::max(ImGui::GetCursorScreenPos().y, origin.y + mark_height + frame.y + 4)));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));
}

void draw_figure(ViewState& state, scenario::Figure& figure) {
    heading(EntityKind::figure, "FIGURE", figure.text.empty() ? std::string("(no words)") : figure.text);
    draw_provenance(state, figure_ref(figure.id));

    section("Amount");
    const bool distance = figure.category == "distance";
    const char* format = distance ? "%.1f" : "%.0f";
    optional_number("Value", figure.amount.value, format);
    optional_number("Min", figure.amount.min, format);
    optional_number("Max", figure.amount.max, format);
    name_combo("Qualifier", figure.amount.qualifier, qualifiers);
    field_label("Unit");
    ImGui::InputText("##unit", &figure.unit);
    name_combo("Category", figure.category, categories);

    section("Whose and where");
    draw_actor(figure);
    draw_figure_place(state, figure);

    section("Symbol");
    const std::string derived_affiliation = std::string("auto: ") + to_string(affiliation_of(figure.actor));
    name_combo("Affiliation", figure.affiliation, affiliations, derived_affiliation.c_str());
    const std::string derived_echelon = std::string("auto: ") + to_string(echelon_of(figure.unit));
    name_combo("Echelon", figure.echelon, echelons, derived_echelon.c_str());
    const std::string derived_function = std::string("auto: ") + to_string(unit_function_of(figure));
    name_combo("Function", figure.function, functions, derived_function.c_str());
    draw_symbol_preview(state, figure);
}

// ------------------------------------------------------------------ border

void draw_border(ViewState& state, scenario::Border& border) {
    heading(EntityKind::border, "BORDER", border.a + "\u2013" + border.b);
    draw_provenance(state, border_ref(border.id));
    section("Length");
    optional_number("Claimed km", border.claimed_km, "%.1f");
    field_label("Measured");
    ImGui::Text("%s km", format_thousands(border.measured_km).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Geodesic length of the shared Natural Earth 1:10m boundary; the claim is the text's.");
    ImGui::PopStyleColor();
}

// ------------------------------------------------------------------ docking

// The pixels the window hides at the viewport's right when it stands at the
// right edge (within a few points: where it is first placed, or where the
// user pushed it); 0 when it floats elsewhere or is collapsed.
double docked_right_px(float window_left, bool collapsed, float pixel_ratio) {
    constexpr float snap_pt = 40.0f;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float right = viewport->Pos.x + viewport->Size.x;
    const float width = right - window_left;
    const float window_width = ImGui::GetWindowWidth();
    if (collapsed || width <= 0.0f || width - window_width > snap_pt) return 0.0;
    return static_cast<double>(width) * pixel_ratio;
}

// ------------------------------------------------------------------ nothing selected

// "#RRGGBB" <-> ImGui's colour floats.
std::array<float, 3> colour_floats(const std::string& hex) {
    const Rgba colour = parse_hex_colour(hex).value_or(Rgba::hex(0x3C3A36));
    return {colour.r, colour.g, colour.b};
}

std::string colour_hex(const std::array<float, 3>& rgb) {
    const Rgba colour{rgb[0], rgb[1], rgb[2], 1.0f};
    char text[8];
    std::snprintf(text, sizeof text, "#%02X%02X%02X", colour.red8(), colour.green8(), colour.blue8());
    return text;
}

// The analyst's labels, arrows, lines and areas: text, colour (their own,
// else their actor's side), removal.
void draw_annotations(ViewState& state) {
    auto& annotations = state.scenario.annotations;
    if (annotations.empty()) return;
    section("Annotations");
    std::optional<std::size_t> removed;
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        scenario::Annotation& a = annotations[i];
        ImGui::PushID(a.id.c_str());
        ImGui::TextDisabled("%s %s", a.id.c_str(), a.kind.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) removed = i;
        field_label("Text");
        ImGui::InputText("##text", &a.text);
        field_label("Colour");
        bool own = !a.colour.empty();
        if (ImGui::Checkbox("##own", &own)) a.colour = own ? std::string("#3C3A36") : std::string();
        ImGui::SameLine();
        if (own) {
            std::array<float, 3> rgb = colour_floats(a.colour);
            if (ImGui::ColorEdit3("##colour", rgb.data(), ImGuiColorEditFlags_NoInputs)) a.colour = colour_hex(rgb);
        } else {
            ImGui::TextDisabled(a.actor.empty() ? "ink" : "by actor's side");
        }
        ImGui::PopID();
    }
    if (removed) annotations.erase(annotations.begin() + static_cast<std::ptrdiff_t>(*removed));
}

void draw_nothing_selected(ViewState& state) {
    ImGui::TextWrapped("Select a place, figure or border to inspect and edit it: click its mark on the map, a "
                       "highlighted word in the article or a row of the table.");
    draw_annotations(state);
    if (state.scenario.borders.empty()) return;
    section("Borders");
    for (const scenario::Border& border : state.scenario.borders) {
        const std::string label = border.a + "\u2013" + border.b + " \u00b7 " + format_thousands(border.measured_km) + " km";
        ImGui::PushID(border.id.c_str());
        if (ImGui::Selectable(label.c_str())) select_entity(state, border_ref(border.id));
        ImGui::PopID();
    }
}

}  // namespace

// ------------------------------------------------------------------ API

std::string candidate_key(const scenario::Scenario& scenario, const scenario::Place& place) {
    if (!place.mentions.empty()) {
        const std::string_view words = scenario.mention_text(place.mentions.front());
        if (!words.empty()) return std::string(words);
    }
    return place.name;
}

std::vector<Candidate> place_candidates(const scenario::Scenario& scenario, const scenario::Place& place,
                                        const PlaceLookup& lookup) {
    return lookup ? lookup(candidate_key(scenario, place), max_place_candidates) : std::vector<Candidate>{};
}

void switch_place_to(scenario::Place& place, const Candidate& candidate) {
    // The candidate's identity, point and members; the place keeps its id and mentions.
    scenario::Place switched = extract::place_from_candidate(candidate);
    switched.id = std::move(place.id);
    switched.mentions = std::move(place.mentions);
    switched.confidence = 1.0;  // chosen by hand
    place = std::move(switched);
}

bool valid_actor(std::string_view actor) {
    if (actor.empty() || actor == "NATO") return true;
    return actor.size() == 2 && std::all_of(actor.begin(), actor.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void move_place(scenario::Place& place, LatLon to) {
    place.point = {std::clamp(to.lat, -90.0, 90.0), wrap_longitude(to.lon)};
    place.confidence = 1.0;
}

void handle_place_move(ViewState& state, float pixel_ratio) {
    InspectorState& inspector = state.inspector;
    const ImGuiIO& io = ImGui::GetIO();
    const ScreenPoint pointer{io.MousePos.x * static_cast<double>(pixel_ratio),
                              io.MousePos.y * static_cast<double>(pixel_ratio)};
    if (!inspector.dragging_place.empty()) {
        scenario::Place* place = find_by_id(state.scenario.places, inspector.dragging_place);
        if (!place || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            inspector.dragging_place.clear();
            return;
        }
        if (ImGui::IsMousePosValid())
            move_place(*place, state.camera.to_lonlat({pointer.x + inspector.grab_dx, pointer.y + inspector.grab_dy}));
        state.dragging_map = false;
        return;
    }
    if (!inspector.move_on_map || state.measure.active || state.selected.kind != EntityKind::place) return;
    if (io.WantCaptureMouse || !ImGui::IsMousePosValid() || !ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
    scenario::Place* place = find_by_id(state.scenario.places, state.selected.id);
    if (!place) return;
    const ScreenPoint mark = state.camera.to_screen(place->point);
    if (std::hypot(mark.x - pointer.x, mark.y - pointer.y) > grab_radius_pt * pixel_ratio) return;
    inspector.dragging_place = place->id;
    inspector.grab_dx = mark.x - pointer.x;
    inspector.grab_dy = mark.y - pointer.y;
    state.dragging_map = false;  // handle_map_input took the press for a pan; the mark has it
}

unsigned active_edit_item(const ViewState& state) {
    if (!state.inspector.dragging_place.empty()) return place_drag_item;
    return ImGui::GetCurrentContext() ? ImGui::GetActiveID() : 0u;
}

void draw_inspector_contents(ViewState& state, const PlaceLookup& lookup) {
    state.inspector.hovered_candidate.clear();  // set again below while the pointer is on one
    const EntityRef selected = state.selected;  // a copy: the panel may select something else
    ImGui::PushID(selected.id.c_str());
    scenario::Place* place = selected.kind == EntityKind::place ? find_by_id(state.scenario.places, selected.id) : nullptr;
    scenario::Figure* figure =
        selected.kind == EntityKind::figure ? find_by_id(state.scenario.figures, selected.id) : nullptr;
    scenario::Border* border =
        selected.kind == EntityKind::border ? find_by_id(state.scenario.borders, selected.id) : nullptr;
    if (place)
        draw_place(state, *place, lookup);
    else if (figure)
        draw_figure(state, *figure);
    else if (border)
        draw_border(state, *border);
    else
        draw_nothing_selected(state);  // nothing, or what an undo or another file took away
    ImGui::PopID();
}

void draw_candidate_preview(ImDrawList* list, const ViewState& state, float pixel_ratio) {
    if (state.inspector.hovered_candidate.empty()) return;
    const ScreenPoint at = state.camera.to_screen(state.inspector.hovered_candidate_at);
    const ImVec2 centre(static_cast<float>(at.x) / pixel_ratio, static_cast<float>(at.y) / pixel_ratio);
    // A hollow ring with a cross: "it would go here", unlike the filled marks of what is.
    const ImU32 colour = entity_colour(EntityKind::place);
    list->AddCircle(centre, 11.0f, IM_COL32(255, 255, 255, 230), 32, 5.0f);
    list->AddCircle(centre, 11.0f, colour, 32, 2.5f);
    list->AddLine(ImVec2(centre.x - 5, centre.y), ImVec2(centre.x + 5, centre.y), colour, 2.0f);
    list->AddLine(ImVec2(centre.x, centre.y - 5), ImVec2(centre.x, centre.y + 5), colour, 2.0f);
}

void draw_inspector(ViewState& state, const PlaceLookup& lookup, float pixel_ratio) {
    const scenario::Scenario& s = state.scenario;
    const bool anything = !s.sources.empty() || !s.places.empty() || !s.figures.empty() || !s.borders.empty() ||
                          !s.annotations.empty();
    if (!state.show_inspector || !anything) {  // a blank window has nothing to inspect
        state.inspector.hovered_candidate.clear();
        state.map_right_px = 0.0;
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // First placed at the right edge under the menu bar and the search box
    // (a frame's height each, the box with its window's padding and
    // margin); then where the user leaves it.
    const float below_search =
        2.0f * ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().WindowPadding.y + 20.0f;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - 10.0f, viewport->Pos.y + below_search),
                            ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(360.0f, 540.0f), ImGuiCond_FirstUseEver);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);  // fields and check boxes stand out from the panel
    if (ImGui::Begin("Inspector", &state.show_inspector)) draw_inspector_contents(state, lookup);
    state.map_right_px = docked_right_px(ImGui::GetWindowPos().x, ImGui::IsWindowCollapsed(), pixel_ratio);
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace muster::ui
