// The date an article was published, when its file name or its opening
// lines give it: "globe-2022-01-26.txt", "January 26, 2022", "26 January
// 2022", "2022-01-26". What an article says depends on it ("NATO members"
// were 30 in January 2022), and a scenario records it.
#pragma once

#include <string>
#include <string_view>

namespace muster::extract {

// How far into the text a dateline or byline date is looked for.
inline constexpr std::size_t kDatelineBytes = 600;

// ISO 8601 "YYYY-MM-DD", or "" when neither the file name nor the first
// kDatelineBytes of the text hold a valid date.
std::string document_date(std::string_view path, std::string_view text);

}  // namespace muster::extract
