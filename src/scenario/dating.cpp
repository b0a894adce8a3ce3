#include "scenario/dating.hpp"

#include "scenario/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace muster::scenario {
namespace {

// The date of the source a mention quotes, or "" when it has none.
std::string source_date(const Scenario& scenario, const std::optional<Mention>& mention) {
    if (!mention) return {};
    const Source* source = scenario.source(mention->source);
    return source && parse_time(source->date) ? source->date : std::string();
}

void date_span(TimeSpan& when, const std::string& date) {
    if (when.always() && !date.empty()) when.start = date;
}

}  // namespace

void date_from_sources(Scenario& scenario) {
    for (Figure& figure : scenario.figures) date_span(figure.when, source_date(scenario, figure.mention));
    for (Movement& movement : scenario.movements) date_span(movement.when, source_date(scenario, movement.mention));
}

void supersede_reports(Scenario& scenario) {
    // Reports of one thing: the same actor's forces of one unit at one place.
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::vector<std::pair<Days, Figure*>>> reports;
    for (Figure& figure : scenario.figures) {
        if (figure.place.empty() || figure.unit.empty()) continue;
        if (const auto start = parse_time(figure.when.start))
            reports[{figure.actor, figure.place, figure.unit}].emplace_back(*start, &figure);
    }
    for (auto& entry : reports) {
        auto& dated = entry.second;  // a plain reference: clang 14 cannot capture structured bindings
        std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < dated.size(); ++i) {
            // The next report of a later day (reports of the same day stand side by side).
            const auto later = std::find_if(dated.begin() + static_cast<std::ptrdiff_t>(i) + 1, dated.end(),
                                            [&](const auto& other) { return other.first > dated[i].first; });
            if (later == dated.end()) continue;
            const Days day_before = std::floor(later->first) - 1.0;
            if (day_before < dated[i].first) continue;  // the same day: nothing to end
            TimeSpan& when = dated[i].second->when;
            const auto end = parse_time(when.end);
            if (!end || *end > day_before) when.end = format_time(day_before);
        }
    }
}

void date_extracted(Scenario& scenario) {
    date_from_sources(scenario);
    supersede_reports(scenario);
}

}  // namespace muster::scenario
