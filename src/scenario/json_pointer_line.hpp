// Where a JSON pointer points in the text it was parsed from, so that a
// scenario file's messages can name the line ("FILE:12: /places/4/lat: ...").
// nlohmann::json keeps no positions for values, so this walks the text once
// more, skipping what the pointer does not lead into.
#pragma once

#include <cstddef>
#include <string_view>

namespace muster::scenario {

// The 1-based line on which the value at `pointer` (RFC 6901, "" for the
// whole document) starts in `json_text`. When the pointer leads to nothing
// (a missing member, an index past the end), the line of the deepest value
// it does reach: a missing field is reported on its object's line. For a
// key written twice the first is taken. `json_text` should be valid JSON;
// on text that is not, the answer is some line of it, never a crash.
std::size_t json_pointer_line(std::string_view json_text, std::string_view pointer);

}  // namespace muster::scenario
