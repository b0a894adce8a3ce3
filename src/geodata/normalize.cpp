#include "geodata/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace muster {

namespace {

// What the ASCII fast path does with each byte: a character to emit, or one
// of the two markers below.
constexpr char kDrop = '\0';   // apostrophes: deleted, joining the word
constexpr char kSpace = ' ';   // everything else that is not a letter or digit

constexpr std::array<char, 128> make_ascii_table() {
    std::array<char, 128> table{};
    for (int c = 0; c < 128; ++c) {
        if (c >= 'a' && c <= 'z') table[c] = static_cast<char>(c);
        else if (c >= 'A' && c <= 'Z') table[c] = static_cast<char>(c - 'A' + 'a');
        else if (c >= '0' && c <= '9') table[c] = static_cast<char>(c);
        else if (c == '\'' || c == '`') table[c] = kDrop;
        else table[c] = kSpace;
    }
    return table;
}

constexpr std::array<char, 128> kAscii = make_ascii_table();

bool is_ascii(std::string_view text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

// Appends c unless it is a space that would lead or double up.
void append_char(std::string& out, char c) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) return;
    out.push_back(c);
}

void trim_trailing_space(std::string& out) {
    if (!out.empty() && out.back() == ' ') out.pop_back();
}

void normalize_ascii(std::string_view text, std::string& out) {
    for (unsigned char c : text) {
        const char mapped = kAscii[c];
        if (mapped != kDrop) append_char(out, mapped);
    }
    trim_trailing_space(out);
}

bool is_apostrophe(UChar32 c) {
    switch (c) {
        case 0x0027: case 0x0060: case 0x00B4: case 0x2018: case 0x2019: case 0x201B:
        case 0x2032: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD: case 0x055A:
        case 0xFF07:
            return true;
        default:
            return false;
    }
}

// UTF-8 to UTF-16, dropping ill-formed bytes and apostrophes in one pass.
icu::UnicodeString decode_dropping_invalid(std::string_view text) {
    icu::UnicodeString decoded;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || is_apostrophe(c)) continue;
        decoded.append(c);
    }
    return decoded;
}

// Casefolded compatibility form, then canonical decomposition so that marks
// stand alone and can be removed.
icu::UnicodeString fold_and_decompose(const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || !casefold || !nfd) return text;  // ICU data missing: best effort
    icu::UnicodeString folded = casefold->normalize(text, status);
    icu::UnicodeString decomposed = nfd->normalize(folded, status);
    return U_FAILURE(status) ? text : decomposed;
}

enum class Keep { character, drop, space };

Keep classify(UChar32 c) {
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER: case U_OTHER_LETTER:
        case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
            return Keep::character;
        case U_NON_SPACING_MARK: case U_FORMAT_CHAR:
            return Keep::drop;
        default:
            return Keep::space;
    }
}

void append_utf8(std::string& out, UChar32 c) {
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    out.append(buffer, static_cast<std::size_t>(length));
}

void normalize_unicode(std::string_view text, std::string& out) {
    const icu::UnicodeString decomposed = fold_and_decompose(decode_dropping_invalid(text));
    for (std::int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (c < 0x80) {
            const char mapped = kAscii[static_cast<std::size_t>(c)];
            if (mapped != kDrop) append_char(out, mapped);
            continue;
        }
        switch (classify(c)) {
            case Keep::character: append_utf8(out, c); break;
            case Keep::space: append_char(out, ' '); break;
            case Keep::drop: break;
        }
    }
    trim_trailing_space(out);
}

}  // namespace

void normalize_name_into(std::string_view utf8, std::string& out) {
    out.clear();
    if (is_ascii(utf8)) normalize_ascii(utf8, out);
    else normalize_unicode(utf8, out);
}

std::string normalize_name(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    normalize_name_into(utf8, out);
    return out;
}

}  // namespace muster
