#include "render/unit_groups.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

namespace muster {
namespace {

// Grid cells are numbered from the plane's origin, so they stay put under
// panning.
struct CellKey {
    long long row = 0, column = 0;
    int side = 0;
    friend auto operator<=>(const CellKey&, const CellKey&) = default;
};

struct Accumulating {
    UnitGroup group;
    double sum_x = 0.0, sum_y = 0.0;
};

std::vector<UnitGroup> group_by_cell(const std::vector<GroupMember>& members, ScreenPoint origin, double cell) {
    std::map<CellKey, Accumulating> cells;  // ordered: row by row, then by side
    for (const GroupMember& member : members) {
        const CellKey key{static_cast<long long>(std::floor((member.at.y - origin.y) / cell)),
                          static_cast<long long>(std::floor((member.at.x - origin.x) / cell)),
                          static_cast<int>(member.side)};
        Accumulating& into = cells[key];
        into.group.side = member.side;
        into.group.figures.push_back(member.figure);
        into.group.persons += member.persons;
        into.sum_x += member.at.x;
        into.sum_y += member.at.y;
    }
    std::vector<UnitGroup> groups;
    groups.reserve(cells.size());
    for (auto& [key, cell_group] : cells) {
        const auto n = static_cast<double>(cell_group.group.figures.size());
        cell_group.group.at = {cell_group.sum_x / n, cell_group.sum_y / n};
        groups.push_back(std::move(cell_group.group));
    }
    return groups;
}

// "RU, BY" or "RU, BY, UA, +2": actors by how many of the units are theirs.
std::string actors_text(const std::vector<std::size_t>& figures, const scenario::Scenario& scenario) {
    std::map<std::string, std::size_t> count;
    for (const std::size_t f : figures)
        if (f < scenario.figures.size() && !scenario.figures[f].actor.empty()) ++count[scenario.figures[f].actor];
    std::vector<std::pair<std::string, std::size_t>> ranked(count.begin(), count.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    constexpr std::size_t shown = 3;
    std::string text;
    for (std::size_t i = 0; i < ranked.size() && i < shown; ++i) text += (i ? ", " : "") + ranked[i].first;
    if (ranked.size() > shown) text += ", +" + std::to_string(ranked.size() - shown);
    return text;
}

UnitFunction shared_function(const std::vector<std::size_t>& figures, const scenario::Scenario& scenario) {
    std::optional<UnitFunction> shared;
    for (const std::size_t f : figures) {
        if (f >= scenario.figures.size()) continue;
        const UnitFunction function = figure_function(scenario.figures[f]);
        if (shared && *shared != function) return UnitFunction::none;
        shared = function;
    }
    return shared.value_or(UnitFunction::none);
}

}  // namespace

std::vector<UnitGroup> group_units(const std::vector<GroupMember>& members, std::size_t symbols,
                                   ScreenPoint grid_origin, float cell_px, std::size_t max_symbols,
                                   std::size_t max_groups) {
    if (symbols <= max_symbols || members.empty() || !(cell_px > 0.0f)) return {};
    double cell = cell_px;
    // Coarser cells until few enough remain; a bounded number of tries (1.5^30
    // cells span any screen, leaving one group per side).
    for (int attempt = 0;; ++attempt, cell *= 1.5) {
        std::vector<UnitGroup> groups = group_by_cell(members, grid_origin, cell);
        if (groups.size() <= std::max<std::size_t>(max_groups, 1) || attempt == 30) return groups;
    }
}

double group_persons(const std::vector<std::size_t>& figures, const scenario::Scenario& scenario,
                     const scenario::TimelineFrame* frame) {
    double persons = 0.0;
    for (const std::size_t f : figures) {
        if (f >= scenario.figures.size()) continue;
        const scenario::FigureAt* at = frame && f < frame->figures.size() ? &frame->figures[f] : nullptr;
        persons += halo_persons(scenario.figures[f], at);
    }
    return persons;
}

SymbolSpec group_spec(const UnitGroup& group, const scenario::Scenario& scenario,
                      const scenario::TimelineFrame* frame, float halo_pt_per_sqrt) {
    SymbolSpec spec;
    spec.affiliation = group.side;
    spec.function = shared_function(group.figures, scenario);
    const double persons = group_persons(group.figures, scenario, frame);
    if (persons > 0.0) spec.strength = "~" + format_thousands(rounded_strength(persons));
    const std::size_t n = group.figures.size();
    spec.what = std::to_string(n) + (n == 1 ? " unit" : " units");
    if (const std::string actors = actors_text(group.figures, scenario); !actors.empty())
        spec.what += " \u00b7 " + actors;
    if (persons > 0.0)
        spec.halo_fill_pt = std::min(halo_pt_per_sqrt * static_cast<float>(std::sqrt(persons)), group_halo_cap_pt);
    return spec;
}

std::string group_note_text(std::size_t groups, std::size_t units, double capped_persons) {
    std::string text = "Units grouped by side at this zoom: " + format_thousands(static_cast<double>(groups)) +
                       (groups == 1 ? " symbol stands for " : " symbols stand for ") +
                       format_thousands(static_cast<double>(units)) + " units.\n";
    if (capped_persons > 0.0)
        text += "Halos over ~" + format_thousands(rounded_strength(capped_persons)) + " troops are drawn at that size. ";
    return text + "Zoom in to see them.";
}

double group_halo_cap_persons(float halo_pt_per_sqrt) {
    if (!(halo_pt_per_sqrt > 0.0f)) return 0.0;
    const double root = group_halo_cap_pt / halo_pt_per_sqrt;
    return root * root;
}

}  // namespace muster
