#include "extract/text.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace muster::extract {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// ================================================================ UTF-8 validation
//
// Table 3-7 of the Unicode standard: a lead byte fixes the sequence length and
// the range of the first continuation byte (which is what excludes overlongs,
// surrogates and values past U+10FFFF); later continuation bytes are 80..BF.

struct LeadByte {
    unsigned length;        // 0: never a valid lead byte
    unsigned char low, high;  // range of the second byte
};

constexpr LeadByte lead_byte(unsigned char b) {
    if (b < 0x80) return {1, 0, 0};
    if (b >= 0xC2 && b <= 0xDF) return {2, 0x80, 0xBF};
    if (b == 0xE0) return {3, 0xA0, 0xBF};
    if (b == 0xED) return {3, 0x80, 0x9F};
    if (b >= 0xE1 && b <= 0xEF) return {3, 0x80, 0xBF};
    if (b == 0xF0) return {4, 0x90, 0xBF};
    if (b >= 0xF1 && b <= 0xF3) return {4, 0x80, 0xBF};
    if (b == 0xF4) return {4, 0x80, 0x8F};
    return {0, 0, 0};
}

// Length of the well-formed sequence at pos, or 0 when it is ill-formed; then
// `bad_length` is the length of its maximal ill-formed subpart (at least 1).
std::size_t sequence_length(std::string_view s, std::size_t pos, std::size_t& bad_length) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    const LeadByte info = lead_byte(lead);
    if (info.length == 1) return 1;
    if (info.length == 0) {
        bad_length = 1;
        return 0;
    }
    for (std::size_t i = 1; i < info.length; ++i) {
        if (pos + i >= s.size()) {
            bad_length = i;
            return 0;
        }
        const auto c = static_cast<unsigned char>(s[pos + i]);
        const unsigned char low = i == 1 ? info.low : 0x80;
        const unsigned char high = i == 1 ? info.high : 0xBF;
        if (c < low || c > high) {
            bad_length = i;
            return 0;
        }
    }
    return info.length;
}

// Length of the run of ASCII bytes starting at pos (the common case, copied in bulk).
std::size_t ascii_run(std::string_view s, std::size_t pos) {
    std::size_t end = pos;
    while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80) ++end;
    return end - pos;
}

}  // namespace

std::string repair_utf8(std::string_view bytes, std::size_t* bad_sequences) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t bad = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        if (const std::size_t run = ascii_run(bytes, pos); run > 0) {
            out.append(bytes.data() + pos, run);
            pos += run;
            continue;
        }
        std::size_t bad_length = 0;
        if (const std::size_t length = sequence_length(bytes, pos, bad_length); length > 0) {
            out.append(bytes.data() + pos, length);
            pos += length;
        } else {
            append_utf8(out, kReplacement);
            ++bad;
            pos += bad_length;
        }
    }
    if (bad_sequences != nullptr) *bad_sequences = bad;
    return out;
}

bool is_valid_utf8(std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        pos += ascii_run(bytes, pos);
        if (pos >= bytes.size()) break;
        std::size_t bad_length = 0;
        const std::size_t length = sequence_length(bytes, pos, bad_length);
        if (length == 0) return false;
        pos += length;
    }
    return true;
}

std::size_t decode_utf8(std::string_view bytes, std::size_t pos, char32_t& cp) {
    const auto lead = static_cast<unsigned char>(bytes[pos]);
    if (lead < 0x80) {
        cp = lead;
        return 1;
    }
    std::size_t bad_length = 0;
    const std::size_t length = sequence_length(bytes, pos, bad_length);
    if (length == 0) {
        cp = kReplacement;
        return 1;
    }
    static constexpr std::array<unsigned char, 5> kLeadMask = {0, 0x7F, 0x1F, 0x0F, 0x07};
    char32_t value = lead & kLeadMask[length];
    for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (static_cast<unsigned char>(bytes[pos + i]) & 0x3F);
    cp = value;
    return length;
}

// ================================================================ CodePointIndex

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points starting in s: every byte that is not a continuation byte starts one.
std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += is_continuation(c) ? 0 : 1;
    return n;
}

}  // namespace

CodePointIndex::CodePointIndex(std::string_view utf8) : text_(utf8) {
    ascii_ = ascii_run(utf8, 0) == utf8.size();
    if (ascii_) {
        code_points_ = utf8.size();
        return;
    }
    before_block_.reserve(utf8.size() / kBlock + 1);
    std::size_t count = 0;
    for (std::size_t start = 0; start < utf8.size(); start += kBlock) {
        before_block_.push_back(count);
        count += count_code_points(utf8.substr(start, kBlock));
    }
    code_points_ = count;
}

std::size_t CodePointIndex::code_point_offset(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, text_.size());
    if (ascii_) return byte_offset;
    if (byte_offset == text_.size()) return code_points_;
    const std::size_t block = byte_offset / kBlock;
    const std::size_t block_start = block * kBlock;
    return before_block_[block] + count_code_points(text_.substr(block_start, byte_offset - block_start));
}

std::size_t CodePointIndex::byte_offset(std::size_t code_point) const {
    if (code_point >= code_points_) return text_.size();
    if (ascii_) return code_point;
    // The last block that starts at or before the code point, then a walk within it.
    const auto after = std::upper_bound(before_block_.begin(), before_block_.end(), code_point);
    const std::size_t block = static_cast<std::size_t>(after - before_block_.begin()) - 1;
    std::size_t remaining = code_point - before_block_[block];
    std::size_t pos = block * kBlock;
    // Skip continuation bytes that belong to a sequence begun in the previous block.
    while (pos < text_.size() && is_continuation(text_[pos])) ++pos;
    while (remaining > 0 && pos < text_.size()) {
        ++pos;
        while (pos < text_.size() && is_continuation(text_[pos])) ++pos;
        --remaining;
    }
    return pos;
}

// ================================================================ strip_html

namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Position of `needle` (lower-case ASCII) in s at or after from, ignoring ASCII
// case; npos when absent. The needles are short tag names, so this stays linear.
std::size_t find_ignoring_case(std::string_view s, std::string_view needle, std::size_t from) {
    if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && ascii_lower(s[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return i;
    }
    return std::string_view::npos;
}

struct NamedEntity {
    std::string_view name;
    char32_t cp;
};

// The entities news pages actually use; anything else is left as written.
constexpr std::array kNamedEntities = {
    NamedEntity{"amp", U'&'},       NamedEntity{"lt", U'<'},        NamedEntity{"gt", U'>'},
    NamedEntity{"quot", U'"'},      NamedEntity{"apos", U'\''},     NamedEntity{"nbsp", 0xA0},
    NamedEntity{"ndash", 0x2013},   NamedEntity{"mdash", 0x2014},   NamedEntity{"lsquo", 0x2018},
    NamedEntity{"rsquo", 0x2019},   NamedEntity{"sbquo", 0x201A},   NamedEntity{"ldquo", 0x201C},
    NamedEntity{"rdquo", 0x201D},   NamedEntity{"bdquo", 0x201E},   NamedEntity{"hellip", 0x2026},
    NamedEntity{"laquo", 0xAB},     NamedEntity{"raquo", 0xBB},     NamedEntity{"lsaquo", 0x2039},
    NamedEntity{"rsaquo", 0x203A},  NamedEntity{"copy", 0xA9},      NamedEntity{"reg", 0xAE},
    NamedEntity{"trade", 0x2122},   NamedEntity{"deg", 0xB0},       NamedEntity{"middot", 0xB7},
    NamedEntity{"bull", 0x2022},    NamedEntity{"shy", 0xAD},       NamedEntity{"euro", 0x20AC},
    NamedEntity{"pound", 0xA3},     NamedEntity{"yen", 0xA5},       NamedEntity{"cent", 0xA2},
    NamedEntity{"times", 0xD7},     NamedEntity{"minus", 0x2212},   NamedEntity{"prime", 0x2032},
    NamedEntity{"thinsp", 0x2009},  NamedEntity{"ensp", 0x2002},    NamedEntity{"emsp", 0x2003},
    NamedEntity{"zwj", 0x200D},     NamedEntity{"zwnj", 0x200C},    NamedEntity{"eacute", 0xE9},
    NamedEntity{"egrave", 0xE8},    NamedEntity{"ecirc", 0xEA},     NamedEntity{"euml", 0xEB},
    NamedEntity{"aacute", 0xE1},    NamedEntity{"agrave", 0xE0},    NamedEntity{"acirc", 0xE2},
    NamedEntity{"auml", 0xE4},      NamedEntity{"iacute", 0xED},    NamedEntity{"iuml", 0xEF},
    NamedEntity{"oacute", 0xF3},    NamedEntity{"ograve", 0xF2},    NamedEntity{"ocirc", 0xF4},
    NamedEntity{"ouml", 0xF6},      NamedEntity{"uacute", 0xFA},    NamedEntity{"uuml", 0xFC},
    NamedEntity{"ccedil", 0xE7},    NamedEntity{"ntilde", 0xF1},    NamedEntity{"szlig", 0xDF},
    NamedEntity{"Eacute", 0xC9},    NamedEntity{"Auml", 0xC4},      NamedEntity{"Ouml", 0xD6},
    NamedEntity{"Uuml", 0xDC},      NamedEntity{"oslash", 0xF8},    NamedEntity{"aring", 0xE5},
};

// Windows-1252 meanings of numeric references 128..159, which pages use for
// curly quotes and dashes ("&#146;") and browsers honour.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

char32_t numeric_entity_value(unsigned long long value) {
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return kReplacement;
    if (value >= 0x80 && value <= 0x9F) return kWindows1252[value - 0x80];
    return static_cast<char32_t>(value);
}

// Decodes the entity starting at s[pos] == '&'. Returns its length (0 when it
// is not a recognised entity) and the code point in cp.
std::size_t decode_entity(std::string_view s, std::size_t pos, char32_t& cp) {
    constexpr std::size_t kMaxEntity = 12;
    const std::size_t limit = std::min(s.size(), pos + kMaxEntity);
    const std::size_t semicolon = s.substr(0, limit).find(';', pos + 1);
    if (semicolon == std::string_view::npos) return 0;
    const std::string_view body = s.substr(pos + 1, semicolon - pos - 1);
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        unsigned long long value = 0;
        for (const char c : digits) {
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) return 0;
            value = value * (hex ? 16 : 10) + static_cast<unsigned>(d);
            if (value > 0x10FFFF) value = 0x110000;  // saturate: still one U+FFFD
        }
        cp = numeric_entity_value(value);
        return semicolon - pos + 1;
    }
    for (const NamedEntity& entity : kNamedEntities) {
        if (entity.name == body) {
            cp = entity.cp;
            return semicolon - pos + 1;
        }
    }
    return 0;
}

enum class TagEffect { none, space, line_break, paragraph_break };

TagEffect tag_effect(std::string_view name) {
    static const std::unordered_set<std::string_view> kParagraphTags = {
        "p",      "div",   "h1",     "h2",      "h3",     "h4",         "h5",      "h6",   "li",
        "ul",     "ol",    "tr",     "table",   "blockquote", "section", "article", "header",
        "footer", "nav",   "aside",  "figure",  "figcaption", "pre",     "hr",      "dl",   "dt",
        "dd",     "main",  "address", "caption", "summary", "details", "form",    "fieldset"};
    if (name == "br") return TagEffect::line_break;
    if (name == "td" || name == "th") return TagEffect::space;
    if (kParagraphTags.count(name) != 0) return TagEffect::paragraph_break;
    return TagEffect::none;
}

bool drops_content(std::string_view name) {
    return name == "script" || name == "style" || name == "head" || name == "noscript" || name == "template" ||
           name == "svg";
}

// Builds the output text, collapsing white space lazily: spaces and breaks are
// only written when the next visible character arrives, so the output never
// starts or ends with them and never holds more than one blank line in a row.
class TextSink {
public:
    explicit TextSink(std::size_t capacity) { out_.reserve(capacity); }

    void space() { pending_space_ = true; }
    void breaks(int count) { pending_breaks_ = std::max(pending_breaks_, count); }
    void text(std::string_view s) {
        flush_pending();
        out_.append(s);
    }
    void code_point(char32_t cp) {
        flush_pending();
        append_utf8(out_, cp);
    }
    std::string take() { return std::move(out_); }

private:
    void flush_pending() {
        if (!out_.empty()) {
            if (pending_breaks_ > 0) out_.append(static_cast<std::size_t>(pending_breaks_), '\n');
            else if (pending_space_) out_ += ' ';
        }
        pending_space_ = false;
        pending_breaks_ = 0;
    }

    std::string out_;
    bool pending_space_ = false;
    int pending_breaks_ = 0;
};

class HtmlStripper {
public:
    explicit HtmlStripper(std::string_view html) : s_(html), sink_(html.size()) {}

    std::string run() {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '<') {
                markup();
            } else if (c == '&') {
                entity();
            } else if (is_html_space(c)) {
                sink_.space();
                ++pos_;
            } else {
                plain_text();
            }
        }
        return sink_.take();
    }

private:
    void plain_text() {
        std::size_t end = pos_;
        while (end < s_.size() && s_[end] != '<' && s_[end] != '&' && !is_html_space(s_[end])) ++end;
        sink_.text(s_.substr(pos_, end - pos_));
        pos_ = end;
    }

    void entity() {
        char32_t cp = 0;
        const std::size_t length = decode_entity(s_, pos_, cp);
        if (length == 0) {
            sink_.text("&");
            ++pos_;
            return;
        }
        pos_ += length;
        if (cp == 0xA0) sink_.space();  // a rendered gap, like any other space
        else sink_.code_point(cp);
    }

    void markup() {
        const std::string_view rest = s_.substr(pos_);
        if (rest.starts_with("<!--")) {
            skip_past("-->", pos_ + 4);
        } else if (rest.starts_with("<![CDATA[")) {
            const std::size_t end = s_.find("]]>", pos_ + 9);
            const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
            sink_.text(s_.substr(pos_ + 9, stop - pos_ - 9));
            pos_ = end == std::string_view::npos ? s_.size() : end + 3;
        } else if (rest.size() >= 2 && (is_ascii_alpha(rest[1]) || rest[1] == '/' || rest[1] == '!' || rest[1] == '?')) {
            tag();
        } else {
            sink_.text("<");  // "a < b": not markup
            ++pos_;
        }
    }

    void tag() {
        std::size_t p = pos_ + 1;
        const bool closing = s_[p] == '/';
        if (closing) ++p;
        std::string name;
        while (p < s_.size() && is_ascii_alnum(s_[p]) && name.size() < 16) name += ascii_lower(s_[p++]);
        const std::size_t end = tag_end(p);
        const bool self_closing = end > pos_ && end <= s_.size() && s_[end - 1] == '/';
        pos_ = end == s_.size() ? end : end + 1;

        if (!closing && !self_closing && drops_content(name)) {
            skip_element_content(name);
            return;
        }
        switch (tag_effect(name)) {
            case TagEffect::paragraph_break: sink_.breaks(2); break;
            case TagEffect::line_break: sink_.breaks(1); break;
            case TagEffect::space: sink_.space(); break;
            case TagEffect::none: break;
        }
    }

    // Position of the '>' that ends the tag whose attributes start at p (or the
    // end of input). Quoted attribute values may hold '>'; once an unterminated
    // quote has run to the end of input, quotes are ignored for the rest of the
    // document so that malformed pages cannot make this quadratic.
    std::size_t tag_end(std::size_t p) {
        if (quotes_trusted_) {
            char quote = 0;
            for (std::size_t i = p; i < s_.size(); ++i) {
                const char c = s_[i];
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                }
            }
            quotes_trusted_ = false;
        }
        const std::size_t gt = s_.find('>', p);
        return gt == std::string_view::npos ? s_.size() : gt;
    }

    void skip_element_content(std::string_view name) {
        std::string closing = "</";
        closing += name;
        std::size_t end = find_ignoring_case(s_, closing, pos_);
        // Pages that never close <head> still open <body>.
        if (name == "head") end = std::min(end, find_ignoring_case(s_, "<body", pos_));
        if (end == std::string_view::npos) {
            pos_ = s_.size();
            return;
        }
        const std::size_t gt = s_.find('>', end);
        pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
    }

    void skip_past(std::string_view terminator, std::size_t from) {
        const std::size_t end = s_.find(terminator, from);
        pos_ = end == std::string_view::npos ? s_.size() : end + terminator.size();
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    TextSink sink_;
    bool quotes_trusted_ = true;
};

}  // namespace

std::string strip_html(std::string_view html) { return HtmlStripper(html).run(); }

// ================================================================ comparison

char32_t fold_typography(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp - 'A' + 'a' : cp;
    switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x02B9: case 0xFF07:
            return U'\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB: case 0xFF02:
            return U'"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE63:
        case 0xFF0D:
            return U'-';
        case 0xA0: case 0x2002: case 0x2003: case 0x2007: case 0x2009: case 0x200A: case 0x202F:
            return U' ';
        default:
            return cp;
    }
}

namespace {

// Folds token into buf (capacity n); returns the folded length or npos when it does not fit.
std::size_t fold_to_buffer(std::string_view token, char* buf, std::size_t n) {
    std::size_t length = 0;
    for (std::size_t pos = 0; pos < token.size();) {
        const auto byte = static_cast<unsigned char>(token[pos]);
        if (byte < 0x80) {
            if (length >= n) return std::string_view::npos;
            buf[length++] = (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte - 'A' + 'a') : static_cast<char>(byte);
            ++pos;
            continue;
        }
        char32_t cp = 0;
        const std::size_t step = decode_utf8(token, pos, cp);
        const char32_t folded = fold_typography(cp);
        if (folded < 0x80) {
            if (length >= n) return std::string_view::npos;
            buf[length++] = static_cast<char>(folded);
        } else {
            if (length + step > n) return std::string_view::npos;
            std::memcpy(buf + length, token.data() + pos, step);
            length += step;
        }
        pos += step;
    }
    return length;
}

}  // namespace

bool equals_folded(std::string_view token, std::string_view ascii_lower) {
    // Fast path: ASCII tokens compare byte by byte with case folding.
    if (token.size() == ascii_lower.size()) {
        bool all_ascii = true;
        for (std::size_t i = 0; i < token.size(); ++i) {
            const auto c = static_cast<unsigned char>(token[i]);
            if (c >= 0x80) {
                all_ascii = false;
                break;
            }
            if (static_cast<char>(fold_typography(c)) != ascii_lower[i]) return false;
        }
        if (all_ascii) return true;
    }
    std::array<char, 64> buf{};
    const std::size_t length = fold_to_buffer(token, buf.data(), buf.size());
    return length != std::string_view::npos && std::string_view(buf.data(), length) == ascii_lower;
}

bool fold_into(std::string_view token, std::string& out, std::size_t max_bytes) {
    out.clear();
    if (token.size() > max_bytes * 4) return false;
    out.resize(token.size());
    const std::size_t length = fold_to_buffer(token, out.data(), out.size());
    if (length == std::string_view::npos || length > max_bytes) {
        out.clear();
        return false;
    }
    out.resize(length);
    return true;
}

WordSet::WordSet(std::initializer_list<std::string_view> words) : words_(words) {
    min_size_ = words.size() == 0 ? 0 : static_cast<std::size_t>(-1);
    for (const std::string_view word : words) {
        if (word.empty()) continue;
        const auto first = static_cast<unsigned char>(word[0]);
        if (first < 0x80) first_bytes_.set(first);
        else non_ascii_first_ = true;
        min_size_ = std::min(min_size_, word.size());
        max_size_ = std::max(max_size_, word.size());
    }
}

bool WordSet::contains(std::string_view token) const {
    // Folding never lengthens ASCII and shortens a typographic character from
    // 2-3 bytes to 1, so a token shorter than the shortest word cannot match.
    if (token.empty() || token.size() < min_size_ || token.size() > max_size_ * 3) return false;
    const auto first = static_cast<unsigned char>(token[0]);
    if (first < 0x80) {
        const auto folded = static_cast<unsigned char>(fold_typography(first));
        if (!first_bytes_.test(folded)) return false;
    } else if (!non_ascii_first_ && first != 0xE2 && first != 0xCA && first != 0xC2 && first != 0xEF) {
        // Only these lead bytes start code points that fold to ASCII: typographic
        // punctuation (E2), modifier apostrophes (CA), Latin-1 quotes and spaces (C2)
        // and full-width forms (EF).
        return false;
    }
    std::array<char, 48> buf{};
    const std::size_t length = fold_to_buffer(token, buf.data(), buf.size());
    return length != std::string_view::npos && words_.count(std::string_view(buf.data(), length)) != 0;
}

}  // namespace muster::extract
