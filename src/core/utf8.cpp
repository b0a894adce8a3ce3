#include "core/utf8.hpp"

#include <unicode/utf8.h>

#include <cstdint>

namespace muster {

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(cp));
    out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace muster
