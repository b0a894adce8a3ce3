#include "ui/entities_panel.hpp"

#include "ui/map_links.hpp"
#include "ui/timeline_panel.hpp"
#include "render/symbols.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace muster::ui {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string place_text(const scenario::Scenario& scenario, const scenario::Place& place) {
    return place.mentions.empty() ? std::string() : std::string(scenario.mention_text(place.mentions.front()));
}

std::string figure_place_name(const scenario::Scenario& scenario, const scenario::Figure& figure) {
    const scenario::Place* place = scenario.place(figure.place);
    return place ? place->name : std::string();
}

std::optional<double> sort_value(const scenario::Amount& amount) {
    if (amount.value) return amount.value;
    if (amount.min) return amount.min;
    return amount.max;
}

// "127000" -> "127,000"; fractions are kept to one decimal.
std::string group_thousands(double value) {
    const double whole = std::floor(std::abs(value));
    std::string digits = std::to_string(static_cast<long long>(whole));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    if (value < 0) digits.insert(0, "-");
    const double fraction = std::abs(value) - whole;
    if (fraction >= 0.05) digits += "." + std::to_string(static_cast<int>(std::lround(fraction * 10.0)) % 10);
    return digits;
}

// Compares two rows on one column; `less` returns a strict weak order.
template <typename Key>
void stable_sort_by(std::vector<std::size_t>& rows, Key key, bool ascending) {
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        return ascending ? key(a) < key(b) : key(b) < key(a);
    });
}

// Highlights a row that another view (map, article) hovers or selected.
void tint_row(const ViewState& state, const EntityRef& entity) {
    if (entity == state.selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, entity_colour(entity.kind, 0.55f));
    else if (entity == state.hovered)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, entity_colour(entity.kind, 0.30f));
}

// The row's first cell: a selectable spanning the row, which carries hover and click.
void row_selectable(ViewState& state, const EntityRef& entity, const std::string& label) {
    ImGui::TableNextColumn();
    ImGui::PushID(entity.id.c_str());
    ImGui::Selectable(label.empty() ? "\u2014" : label.c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
    if (ImGui::IsItemHovered()) state.hovered = entity;
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) select_entity(state, entity);
    ImGui::PopID();
}

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
}

constexpr ImGuiTableFlags table_flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                        ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings;

// The table's sort column (its user id) and direction; the default when unsorted.
template <typename Column>
std::pair<Column, bool> sort_spec(Column fallback) {
    const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || specs->SpecsCount == 0) return {fallback, true};
    const ImGuiTableColumnSortSpecs& first = specs->Specs[0];
    return {static_cast<Column>(first.ColumnUserID), first.SortDirection != ImGuiSortDirection_Descending};
}

void places_table(ViewState& state, std::string_view filter) {
    const scenario::Scenario& scenario = state.scenario;
    if (!ImGui::BeginTable("places", 5, table_flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Text", ImGuiTableColumnFlags_DefaultSort, 0.0f, ImGuiID(PlaceColumn::text));
    ImGui::TableSetupColumn("Name", 0, 0.0f, ImGuiID(PlaceColumn::name));
    ImGui::TableSetupColumn("Feature", 0, 0.0f, ImGuiID(PlaceColumn::feature));
    ImGui::TableSetupColumn("Country", 0, 0.0f, ImGuiID(PlaceColumn::country));
    ImGui::TableSetupColumn("Conf.", ImGuiTableColumnFlags_PreferSortDescending, 0.0f,
                            ImGuiID(PlaceColumn::confidence));
    ImGui::TableHeadersRow();
    std::vector<std::size_t> rows = filter_places(scenario, filter);
    const auto [column, ascending] = sort_spec(PlaceColumn::text);
    sort_places(rows, scenario, column, ascending);
    for (std::size_t row : rows) {
        const scenario::Place& place = scenario.places[row];
        const EntityRef entity = place_ref(place.id);
        ImGui::TableNextRow();
        tint_row(state, entity);
        row_selectable(state, entity, place_text(scenario, place));
        cell(place.name);
        cell(place.feature);
        cell(place.country);
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", place.confidence);
    }
    ImGui::EndTable();
}

// The figure's amount, or at the timeline's moment the strength its
// history gives then.
std::string amount_now(const ViewState& state, std::size_t figure) {
    const auto& frame = state.timeline.frame;
    if (!frame || figure >= frame->figures.size() || !frame->figures[figure].strength)
        return format_amount(state.scenario.figures[figure].amount);
    scenario::FigureAt at = frame->figures[figure];
    at.strength = rounded_strength(*at.strength);
    return symbol_spec_at(state.scenario.figures[figure], at, 0.0f).strength;  // as the map writes it
}

void figures_table(ViewState& state, std::string_view filter) {
    const scenario::Scenario& scenario = state.scenario;
    if (!ImGui::BeginTable("figures", 6, table_flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Text", 0, 0.0f, ImGuiID(FigureColumn::text));
    // Largest first by default: the biggest deployments are what a reader looks for.
    ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending,
                            0.0f, ImGuiID(FigureColumn::value));
    ImGui::TableSetupColumn("Category", 0, 0.0f, ImGuiID(FigureColumn::category));
    ImGui::TableSetupColumn("Unit", 0, 0.0f, ImGuiID(FigureColumn::unit));
    ImGui::TableSetupColumn("Actor", 0, 0.0f, ImGuiID(FigureColumn::actor));
    ImGui::TableSetupColumn("Place", 0, 0.0f, ImGuiID(FigureColumn::place));
    ImGui::TableHeadersRow();
    std::vector<std::size_t> rows = filter_figures(scenario, filter);
    const auto [column, ascending] = sort_spec(FigureColumn::value);
    sort_figures(rows, scenario, column, ascending);
    for (std::size_t row : rows) {
        const scenario::Figure& figure = scenario.figures[row];
        // Off the map at the timeline's moment: greyed, or left out.
        const bool on_map = figure_on_map(state, row);
        if (!on_map && state.timeline.only_on_map) continue;
        const EntityRef entity = figure_ref(figure.id);
        ImGui::TableNextRow();
        tint_row(state, entity);
        if (!on_map) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        row_selectable(state, entity, figure.text);
        cell(amount_now(state, row));
        cell(figure.category);
        cell(figure.unit);
        cell(figure.actor);
        cell(figure_place_name(scenario, figure));
        if (!on_map) ImGui::PopStyleColor();
    }
    ImGui::EndTable();
}

}  // namespace

bool contains_folded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                [](char a, char b) { return fold(a) == fold(b); });
    return it != haystack.end();
}

std::vector<std::size_t> filter_places(const scenario::Scenario& scenario, std::string_view filter) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < scenario.places.size(); ++i) {
        const scenario::Place& place = scenario.places[i];
        for (const std::string& field : {place_text(scenario, place), place.name, place.feature, place.country})
            if (contains_folded(field, filter)) {
                rows.push_back(i);
                break;
            }
    }
    return rows;
}

std::vector<std::size_t> filter_figures(const scenario::Scenario& scenario, std::string_view filter) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < scenario.figures.size(); ++i) {
        const scenario::Figure& figure = scenario.figures[i];
        for (const std::string& field : {figure.text, figure.unit, figure.category, figure.actor,
                                         figure_place_name(scenario, figure)})
            if (contains_folded(field, filter)) {
                rows.push_back(i);
                break;
            }
    }
    return rows;
}

void sort_places(std::vector<std::size_t>& rows, const scenario::Scenario& scenario, PlaceColumn column,
                 bool ascending) {
    const auto& places = scenario.places;
    switch (column) {
    case PlaceColumn::text:
        return stable_sort_by(rows, [&](std::size_t i) { return place_text(scenario, places[i]); }, ascending);
    case PlaceColumn::name: return stable_sort_by(rows, [&](std::size_t i) { return places[i].name; }, ascending);
    case PlaceColumn::feature:
        return stable_sort_by(rows, [&](std::size_t i) { return places[i].feature; }, ascending);
    case PlaceColumn::country:
        return stable_sort_by(rows, [&](std::size_t i) { return places[i].country; }, ascending);
    case PlaceColumn::confidence:
        return stable_sort_by(rows, [&](std::size_t i) { return places[i].confidence; }, ascending);
    }
}

void sort_figures(std::vector<std::size_t>& rows, const scenario::Scenario& scenario, FigureColumn column,
                  bool ascending) {
    const auto& figures = scenario.figures;
    switch (column) {
    case FigureColumn::text:
        return stable_sort_by(rows, [&](std::size_t i) { return figures[i].text; }, ascending);
    case FigureColumn::value: {
        // Numbers first in the chosen order, then the figures without one.
        const auto has_value = [&](std::size_t i) { return sort_value(figures[i].amount).has_value(); };
        const auto numbered_end = std::stable_partition(rows.begin(), rows.end(), has_value);
        std::stable_sort(rows.begin(), numbered_end, [&](std::size_t a, std::size_t b) {
            const double x = *sort_value(figures[a].amount), y = *sort_value(figures[b].amount);
            return ascending ? x < y : y < x;
        });
        return;
    }
    case FigureColumn::category:
        return stable_sort_by(rows, [&](std::size_t i) { return figures[i].category; }, ascending);
    case FigureColumn::unit: return stable_sort_by(rows, [&](std::size_t i) { return figures[i].unit; }, ascending);
    case FigureColumn::actor:
        return stable_sort_by(rows, [&](std::size_t i) { return figures[i].actor; }, ascending);
    case FigureColumn::place:
        return stable_sort_by(rows, [&](std::size_t i) { return figure_place_name(scenario, figures[i]); },
                              ascending);
    }
}

std::string format_amount(const scenario::Amount& amount) {
    if (amount.qualifier == "range" && amount.min && amount.max)
        return group_thousands(*amount.min) + "\u2013" + group_thousands(*amount.max);
    const std::optional<double> value = sort_value(amount);
    if (!value) return {};
    if (amount.qualifier == "approx") return "~" + group_thousands(*value);
    // ASCII: the UI font's glyph ranges have no \u2265 or \u2264.
    if (amount.qualifier == "at_least") return group_thousands(*value) + "+";
    if (amount.qualifier == "at_most") return "max " + group_thousands(*value);
    return group_thousands(*value);
}

void draw_entities_tables(ViewState& state) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##filter", "Filter places and figures", state.entity_filter.data(),
                             state.entity_filter.size());
    const std::string_view filter(state.entity_filter.data());
    if (state.timeline.frame) ImGui::Checkbox("Only what is on the map", &state.timeline.only_on_map);
    if (!ImGui::BeginTabBar("entities")) return;
    // Figures first: they are what the article is about; places serve them.
    const std::string figures_tab =
        "Figures (" + std::to_string(filter_figures(state.scenario, filter).size()) + ")###figures";
    if (ImGui::BeginTabItem(figures_tab.c_str())) {
        figures_table(state, filter);
        ImGui::EndTabItem();
    }
    const std::string places_tab = "Places (" + std::to_string(filter_places(state.scenario, filter).size()) + ")###places";
    if (ImGui::BeginTabItem(places_tab.c_str())) {
        places_table(state, filter);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace muster::ui
