#include "extract/alliances.hpp"

#include <array>

namespace muster::extract {
namespace {

struct Accession {
    std::string_view country;  // ISO alpha-2
    std::string_view date;     // ISO 8601
};

// When each member joined: for the founders the day the North Atlantic
// Treaty entered into force, for the others the day their instrument of
// accession was deposited. Source: NATO, "NATO member countries"
// (nato.int), public facts; Germany joined as West Germany.
constexpr std::array<Accession, 32> kNatoAccessions{{
    {"BE", "1949-08-24"}, {"CA", "1949-08-24"}, {"DK", "1949-08-24"}, {"FR", "1949-08-24"},
    {"IS", "1949-08-24"}, {"IT", "1949-08-24"}, {"LU", "1949-08-24"}, {"NL", "1949-08-24"},
    {"NO", "1949-08-24"}, {"PT", "1949-08-24"}, {"GB", "1949-08-24"}, {"US", "1949-08-24"},
    {"GR", "1952-02-18"}, {"TR", "1952-02-18"}, {"DE", "1955-05-06"}, {"ES", "1982-05-30"},
    {"CZ", "1999-03-12"}, {"HU", "1999-03-12"}, {"PL", "1999-03-12"}, {"BG", "2004-03-29"},
    {"EE", "2004-03-29"}, {"LV", "2004-03-29"}, {"LT", "2004-03-29"}, {"RO", "2004-03-29"},
    {"SK", "2004-03-29"}, {"SI", "2004-03-29"}, {"AL", "2009-04-01"}, {"HR", "2009-04-01"},
    {"ME", "2017-06-05"}, {"MK", "2020-03-27"}, {"FI", "2023-04-04"}, {"SE", "2024-03-07"},
}};

bool is_iso_date(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

}  // namespace

std::vector<std::string> nato_members_on(std::string_view iso_date) {
    // ISO dates compare as strings; a date with a time keeps its first ten characters.
    const bool dated = is_iso_date(iso_date);
    const std::string_view day = dated ? iso_date.substr(0, 10) : std::string_view{};
    std::vector<std::string> members;
    for (const Accession& accession : kNatoAccessions)
        if (!dated || accession.date <= day) members.emplace_back(accession.country);
    return members;
}

}  // namespace muster::extract
