#include "scenario/timeline.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

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

bool holds(const TimeSpan& span, Days now) {
    if (const auto start = parse_time(span.start); start && now < *start) return false;
    if (const auto end = parse_time(span.end); end && now > *end) return false;
    return true;
}

}  // namespace muster::scenario
