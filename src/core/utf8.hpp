// Writing code points as UTF-8, for the readers that decode text themselves
// (the article reader, the JSON pointer scanner).
#pragma once

#include <string>

namespace muster {

// Appends cp as UTF-8; surrogates and values above U+10FFFF append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

}  // namespace muster
