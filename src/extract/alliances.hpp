// Alliances whose membership changes over time, so that "NATO members" in
// an article means the members on the article's date: 30 countries in
// January 2022, 32 since Sweden joined in March 2024.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace muster::extract {

// The gazetteer id of the "NATO members" region (geodata/regions.json).
inline constexpr std::string_view kNatoMembersId = "nato-members";

// ISO alpha-2 codes of NATO's members on an ISO 8601 date ("2022-01-26"),
// in order of accession; every member to date when the date is empty or
// not a date.
std::vector<std::string> nato_members_on(std::string_view iso_date);

}  // namespace muster::extract
