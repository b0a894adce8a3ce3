#include "extract/document_date.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace muster::extract {
namespace {

struct Date {
    int year = 0, month = 0, day = 0;
};

constexpr std::array<std::string_view, 12> kMonths{"january", "february", "march",     "april",   "may",      "june",
                                                   "july",    "august",   "september", "october", "november", "december"};

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// A real day of the years news is dated in: "2022-02-29" is not one (the
// timeline and the scenario loader would refuse it).
bool plausible(const Date& d) {
    constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1900 || d.year > 2199 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return d.day <= kDays[d.month - 1] + (d.month == 2 && leap_year(d.year) ? 1 : 0);
}

std::string iso(const Date& d) {
    char out[11];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits at text[pos..pos+count), all of them; -1 otherwise.
int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!is_digit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// "2022-01-26" at pos, not inside a longer number.
std::optional<Date> iso_at(std::string_view text, std::size_t pos) {
    if (pos > 0 && is_digit(text[pos - 1])) return std::nullopt;
    if (pos + 10 > text.size() || text[pos + 4] != '-' || text[pos + 7] != '-') return std::nullopt;
    if (pos + 10 < text.size() && is_digit(text[pos + 10])) return std::nullopt;
    const Date d{digits_at(text, pos, 4), digits_at(text, pos + 5, 2), digits_at(text, pos + 8, 2)};
    return plausible(d) ? std::optional<Date>(d) : std::nullopt;
}

std::optional<Date> first_iso_date(std::string_view text) {
    for (std::size_t pos = 0; pos + 10 <= text.size(); ++pos)
        if (auto d = iso_at(text, pos)) return d;
    return std::nullopt;
}

// A month name (full, or its first three letters with an optional period)
// starting at pos; its number and where it ends.
std::optional<std::pair<int, std::size_t>> month_at(std::string_view text, std::size_t pos) {
    if (pos > 0 && std::isalpha(static_cast<unsigned char>(text[pos - 1]))) return std::nullopt;
    std::size_t end = pos;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
    std::string word(text.substr(pos, end - pos));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        const bool full = word == kMonths[m];
        const bool short_form = word.size() == 3 && kMonths[m].starts_with(word) && m != 4;
        if (full || short_form) return std::pair{static_cast<int>(m) + 1, end + (short_form && end < text.size() && text[end] == '.' ? 1 : 0)};
    }
    return std::nullopt;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    return pos;
}

// A number of 1..maxlen digits at pos; its value and end.
std::optional<std::pair<int, std::size_t>> number_at(std::string_view text, std::size_t pos, std::size_t maxlen) {
    std::size_t end = pos;
    while (end < text.size() && is_digit(text[end]) && end - pos < maxlen + 1) ++end;
    if (end == pos || end - pos > maxlen) return std::nullopt;
    return std::pair{digits_at(text, pos, end - pos), end};
}

// "January 26, 2022" or "26 January 2022" starting at pos.
std::optional<Date> written_date_at(std::string_view text, std::size_t pos) {
    if (auto month = month_at(text, pos)) {
        auto day = number_at(text, skip_spaces(text, month->second), 2);
        if (!day) return std::nullopt;
        std::size_t at = day->second;
        if (at < text.size() && text[at] == ',') ++at;
        auto year = number_at(text, skip_spaces(text, at), 4);
        const Date d{year ? year->first : 0, month->first, day->first};
        return year && plausible(d) ? std::optional<Date>(d) : std::nullopt;
    }
    if (pos > 0 && is_digit(text[pos - 1])) return std::nullopt;
    auto day = number_at(text, pos, 2);
    if (!day) return std::nullopt;
    auto month = month_at(text, skip_spaces(text, day->second));
    if (!month) return std::nullopt;
    auto year = number_at(text, skip_spaces(text, month->second), 4);
    const Date d{year ? year->first : 0, month->first, day->first};
    return year && plausible(d) ? std::optional<Date>(d) : std::nullopt;
}

std::optional<Date> first_written_date(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        if (auto d = iso_at(text, pos)) return d;
        if (auto d = written_date_at(text, pos)) return d;
    }
    return std::nullopt;
}

}  // namespace

std::string document_date(std::string_view path, std::string_view text) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (auto d = first_iso_date(name)) return iso(*d);
    if (auto d = first_written_date(text.substr(0, std::min(text.size(), kDatelineBytes)))) return iso(*d);
    return {};
}

}  // namespace muster::extract
