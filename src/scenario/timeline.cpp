#include "scenario/timeline.hpp"

#include <GeographicLib/Geodesic.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace muster::scenario {

namespace {

// Reads exactly `digits` decimal digits at text[at...]; nothing otherwise.
std::optional<int> digits_at(std::string_view text, std::size_t at, std::size_t digits) {
    if (at + digits > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// "T03:40" or "T03:40:00" (the 'T' at `at`), as a fraction of a day.
std::optional<double> time_of_day(std::string_view text, std::size_t at) {
    if (text.size() > at && text.back() == 'Z') text.remove_suffix(1);
    if (text.size() != at + 6 && text.size() != at + 9) return std::nullopt;
    if (text[at] != 'T' || text[at + 3] != ':') return std::nullopt;
    const auto hour = digits_at(text, at + 1, 2);
    const auto minute = digits_at(text, at + 4, 2);
    int second = 0;
    if (text.size() == at + 9) {
        if (text[at + 6] != ':') return std::nullopt;
        const auto s = digits_at(text, at + 7, 2);
        if (!s || *s > 59) return std::nullopt;
        second = *s;
    }
    if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
    return (*hour * 3600.0 + *minute * 60.0 + second) / 86400.0;
}

}  // namespace

std::optional<Days> parse_time(std::string_view text) {
    const auto year = digits_at(text, 0, 4);
    if (!year) return std::nullopt;
    int month = 1;
    int day = 1;
    double fraction = 0.0;
    if (text.size() > 4) {
        if (text[4] != '-') return std::nullopt;
        const auto m = digits_at(text, 5, 2);
        if (!m) return std::nullopt;
        month = *m;
        if (text.size() > 7) {
            if (text[7] != '-') return std::nullopt;
            const auto d = digits_at(text, 8, 2);
            if (!d) return std::nullopt;
            day = *d;
            if (text.size() > 10) {
                const auto t = time_of_day(text, 10);
                if (!t) return std::nullopt;
                fraction = *t;
            }
        } else if (text.size() != 7) {
            return std::nullopt;
        }
    }
    const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(month)},
                                           std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) return std::nullopt;
    return static_cast<double>(std::chrono::sys_days{date}.time_since_epoch().count()) + fraction;
}

std::string format_time(Days days) {
    const double whole = std::floor(days);
    const auto minutes = static_cast<int>(std::lround((days - whole) * 1440.0));
    const int day_carry = minutes / 1440;  // 23:59:59.9 rounds to the next midnight
    const std::chrono::year_month_day date{
        std::chrono::sys_days{std::chrono::days{static_cast<long long>(whole) + day_carry}}};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    std::string out = text;
    const int minute_of_day = minutes % 1440;
    if (minute_of_day != 0) {
        std::snprintf(text, sizeof text, "T%02d:%02d", minute_of_day / 60, minute_of_day % 60);
        out += text;
    }
    return out;
}

namespace {

constexpr Days kForever = std::numeric_limits<Days>::infinity();

// The first moment after the period an end bound names: the next year,
// month or day for "2022", "2022-01", "2022-01-25"; nothing for a date-time
// (that end is a moment, included) or no time at all.
std::optional<Days> after_period(std::string_view text) {
    const auto first = parse_time(text);
    if (!first) return std::nullopt;
    if (text.size() == 10) return *first + 1.0;
    const std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::days{static_cast<long long>(*first)}}};
    if (text.size() == 7) return double((std::chrono::sys_days{day + std::chrono::months{1}}).time_since_epoch().count());
    if (text.size() == 4) return double((std::chrono::sys_days{day + std::chrono::years{1}}).time_since_epoch().count());
    return std::nullopt;
}

Timeline::Bounds bounds_of(const TimeSpan& span) {
    Timeline::Bounds bounds{-kForever, kForever, false};
    if (const auto start = parse_time(span.start)) bounds.start = *start;
    if (const auto period_end = after_period(span.end)) {
        bounds.end = *period_end;
        bounds.end_exclusive = true;
    } else if (const auto end = parse_time(span.end)) {
        bounds.end = *end;
    }
    return bounds;
}

// Widens range by every readable time in texts.
void widen(std::optional<TimelineRange>& range, std::initializer_list<std::string_view> texts) {
    for (const std::string_view text : texts) {
        const auto at = parse_time(text);
        if (!at) continue;
        if (!range) range = TimelineRange{*at, *at};
        range->start = std::min(range->start, *at);
        range->end = std::max(range->end, *at);
    }
}

bool dated(const TimeSpan& span) { return parse_time(span.start) || parse_time(span.end); }

}  // namespace

bool holds(const TimeSpan& span, Days now) { return bounds_of(span).holds(now); }

// ------------------------------------------------------------------ range

std::optional<TimelineRange> timeline_range(const Scenario& scenario) {
    std::optional<TimelineRange> dates;
    for (const Figure& figure : scenario.figures) {
        widen(dates, {figure.when.start, figure.when.end});
        for (const StrengthAt& at : figure.history) widen(dates, {at.date});
    }
    for (const Movement& movement : scenario.movements) widen(dates, {movement.when.start, movement.when.end});
    for (const Annotation& annotation : scenario.annotations)
        widen(dates, {annotation.when.start, annotation.when.end});
    for (const Source& source : scenario.sources) widen(dates, {source.date});

    const auto start = parse_time(scenario.time.start);
    const auto end = parse_time(scenario.time.end);
    if (!dates && !start && !end) return std::nullopt;
    TimelineRange range;
    range.start = start ? *start : dates ? dates->start : *end;
    range.end = end ? *end : dates ? dates->end : *start;
    range.end = std::max(range.end, range.start);
    return range;
}

bool has_timeline(const Scenario& scenario) {
    if (parse_time(scenario.time.start) || parse_time(scenario.time.end)) return true;
    const auto figure_dated = [](const Figure& f) { return dated(f.when) || !f.history.empty(); };
    return std::any_of(scenario.figures.begin(), scenario.figures.end(), figure_dated) ||
           std::any_of(scenario.movements.begin(), scenario.movements.end(),
                       [](const Movement& m) { return dated(m.when); }) ||
           std::any_of(scenario.annotations.begin(), scenario.annotations.end(),
                       [](const Annotation& a) { return dated(a.when); });
}

std::optional<Days> current_time(const Scenario& scenario) {
    if (const auto current = parse_time(scenario.time.current)) return current;
    if (const auto range = timeline_range(scenario)) return range->end;
    return std::nullopt;
}

namespace {

std::optional<double> interpolate(const std::vector<std::pair<Days, double>>& history, Days now) {
    if (history.empty()) return std::nullopt;
    if (now <= history.front().first) return history.front().second;
    if (now >= history.back().first) return history.back().second;
    const auto after = std::upper_bound(history.begin(), history.end(), now,
                                        [](Days t, const std::pair<Days, double>& entry) { return t < entry.first; });
    const auto before = after - 1;
    const double fraction = (now - before->first) / (after->first - before->first);
    return before->second + (after->second - before->second) * fraction;
}

std::vector<std::pair<Days, double>> parsed_history(const std::vector<StrengthAt>& history) {
    std::vector<std::pair<Days, double>> parsed;
    for (const StrengthAt& at : history)
        if (const auto date = parse_time(at.date)) parsed.emplace_back(*date, at.value);
    std::stable_sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return parsed;
}

}  // namespace

std::optional<double> strength_at(const std::vector<StrengthAt>& history, Days now) {
    return interpolate(parsed_history(history), now);
}

// ------------------------------------------------------------------ frames

Timeline::Timeline(const Scenario& scenario) : range_(timeline_range(scenario)) {
    std::map<std::string_view, int> place_index;
    for (std::size_t i = 0; i < scenario.places.size(); ++i)
        place_index.emplace(scenario.places[i].id, static_cast<int>(i));
    const auto index_of = [&](const std::string& id) {
        const auto found = place_index.find(id);
        return found == place_index.end() ? -1 : found->second;
    };
    std::map<std::string_view, std::size_t> figure_index;
    figures_.reserve(scenario.figures.size());
    for (std::size_t i = 0; i < scenario.figures.size(); ++i) {
        const Figure& figure = scenario.figures[i];
        figure_index.emplace(figure.id, i);
        figures_.push_back({bounds_of(figure.when), parsed_history(figure.history), index_of(figure.place), {}});
    }
    const GeographicLib::Geodesic& earth = GeographicLib::Geodesic::WGS84();
    for (const Movement& movement : scenario.movements) {
        const Bounds when = bounds_of(movement.when);
        movements_.push_back(when);
        const auto figure = figure_index.find(movement.figure);
        const int from = index_of(movement.from), to = index_of(movement.to);
        if (figure == figure_index.end() || from < 0 || to < 0 || !dated(movement.when)) continue;
        // A movement with one date is a jump on that date.
        const auto start = parse_time(movement.when.start), end = parse_time(movement.when.end);
        Leg leg{start ? *start : *end, end ? *end : *start, from, to, {}, 0.0};
        leg.end = std::max(leg.end, leg.start);
        const LatLon a = scenario.places[from].point, b = scenario.places[to].point;
        leg.line = earth.InverseLine(a.lat, a.lon, b.lat, b.lon);
        leg.length_m = leg.line.Distance();
        figures_[figure->second].legs.push_back(std::move(leg));
    }
    for (FigureTimes& figure : figures_)
        std::stable_sort(figure.legs.begin(), figure.legs.end(),
                         [](const Leg& a, const Leg& b) { return a.start < b.start; });
    for (const Annotation& annotation : scenario.annotations) annotations_.push_back(bounds_of(annotation.when));
}

TimelineFrame Timeline::frame_at(Days now) const {
    TimelineFrame frame;
    frame.time = now;
    frame.figures.reserve(figures_.size());
    for (const FigureTimes& figure : figures_) {
        FigureAt at;
        at.shown = figure.when.holds(now);
        at.strength = interpolate(figure.history, now);
        at.place = figure.place;
        // The last movement begun decides: under way, or arrived.
        const auto begun = std::find_if(figure.legs.rbegin(), figure.legs.rend(),
                                        [now](const Leg& leg) { return leg.start <= now; });
        if (begun != figure.legs.rend()) {
            if (now < begun->end) {
                const double fraction = (now - begun->start) / (begun->end - begun->start);
                LatLon point;
                begun->line.Position(begun->length_m * fraction, point.lat, point.lon);
                at.en_route = point;
                at.place = -1;
            } else {
                at.place = begun->to;
            }
        } else if (at.place < 0 && !figure.legs.empty()) {
            at.place = figure.legs.front().from;  // waiting to leave
        }
        frame.figures.push_back(at);
    }
    for (const Bounds& when : movements_) frame.movements.push_back(when.holds(now));
    for (const Bounds& when : annotations_) frame.annotations.push_back(when.holds(now));
    return frame;
}

TimelineFrame frame_at(const Scenario& scenario, Days now) { return Timeline(scenario).frame_at(now); }

std::optional<TimelineFrame> current_frame(const Scenario& scenario) {
    const auto now = current_time(scenario);
    if (!now) return std::nullopt;
    return frame_at(scenario, *now);
}

}  // namespace muster::scenario
