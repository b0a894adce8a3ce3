// How large a scenario file muster opens. Extraction writes kilobytes to a
// few megabytes (the source texts are kept in full); a file beyond this is
// a mistake or an attack, refused before it is read rather than after
// minutes of parsing and gigabytes of memory.
#pragma once

#include <cstdint>

namespace muster::scenario {

inline constexpr std::uintmax_t kMaxScenarioBytes = 200'000'000;

// The refusal's wording after "FILE: too large (N bytes; ".
inline constexpr const char* kScenarioLimitText = "muster opens scenario files up to 200 MB)";

}  // namespace muster::scenario
