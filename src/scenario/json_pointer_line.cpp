#include "scenario/json_pointer_line.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <string>

namespace muster::scenario {
namespace {

// A position in JSON text that moves over whitespace, strings and values.
// Every step stops at the end of the text, so broken text cannot run it off.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    [[nodiscard]] std::size_t position() const { return pos_; }
    [[nodiscard]] bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
    void step() { pos_ = std::min(pos_ + 1, text_.size()); }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    // The string at the cursor (on its opening quote), escapes decoded.
    std::string read_string() {
        std::string out;
        step();
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\') read_escape(out);
            else out += text_[pos_++];
        }
        step();
        return out;
    }

    // Skips one value; objects and arrays by counting brackets (no recursion,
    // so deep nesting costs no stack).
    void skip_value() {
        skip_space();
        if (at('"')) {
            read_string();
            return;
        }
        if (!at('{') && !at('[')) {
            while (pos_ < text_.size() && std::string_view(",}] \t\r\n").find(text_[pos_]) == std::string_view::npos) ++pos_;
            return;
        }
        std::size_t depth = 0;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '"') {
                read_string();
                continue;
            }
            ++pos_;
            if (c == '{' || c == '[') ++depth;
            if ((c == '}' || c == ']') && --depth == 0) return;
        }
    }

    // Moves onto the member `key` of the object at the cursor; false when
    // there is none (the cursor is then somewhere inside the object).
    bool enter_member(const std::string& key) {
        step();  // '{'
        for (;;) {
            skip_space();
            if (!at('"')) return false;
            const bool match = read_string() == key;
            skip_space();
            if (at(':')) step();
            skip_space();
            if (match) return true;
            if (!next_element()) return false;
        }
    }

    // Moves onto element `index` of the array at the cursor.
    bool enter_element(std::size_t index) {
        step();  // '['
        for (std::size_t i = 0;; ++i) {
            skip_space();
            if (at(']') || pos_ >= text_.size()) return false;
            if (i == index) return true;
            if (!next_element()) return false;
        }
    }

private:
    // Past the value at the cursor and the comma after it.
    bool next_element() {
        skip_value();
        skip_space();
        if (!at(',')) return false;
        step();
        return true;
    }

    void read_escape(std::string& out) {
        ++pos_;  // the backslash
        if (pos_ >= text_.size()) return;
        const char c = text_[pos_++];
        switch (c) {
            case 'b': out += '\b'; return;
            case 'f': out += '\f'; return;
            case 'n': out += '\n'; return;
            case 'r': out += '\r'; return;
            case 't': out += '\t'; return;
            case 'u': break;
            default: out += c; return;  // \" \\ \/
        }
        char32_t cp = hex4();
        if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
        }
        append_utf8(out, cp);
    }

    char32_t hex4() {
        char32_t value = 0;
        for (int i = 0; i < 4 && pos_ < text_.size(); ++i, ++pos_) {
            const char c = text_[pos_];
            const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
            value = value * 16 + static_cast<char32_t>(digit);
        }
        return value;
    }


    std::string_view text_;
    std::size_t pos_ = 0;
};

// RFC 6901: "~1" stands for '/', "~0" for '~'.
std::string unescape_token(std::string_view token) {
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[++i] == '0' ? '~' : '/';
        } else {
            out += token[i];
        }
    }
    return out;
}

bool is_index(std::string_view token) {
    return !token.empty() && token.size() < 19 && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Byte offset where the deepest value the pointer reaches starts.
std::size_t pointer_offset(std::string_view text, std::string_view pointer) {
    Cursor cursor(text);
    cursor.skip_space();
    std::size_t reached = cursor.position();
    std::size_t from = 0;
    while (from < pointer.size() && pointer[from] == '/') {
        const std::size_t end = std::min(pointer.find('/', from + 1), pointer.size());
        const std::string token = unescape_token(pointer.substr(from + 1, end - from - 1));
        from = end;
        bool entered = false;
        if (cursor.at('{')) entered = cursor.enter_member(token);
        else if (cursor.at('[') && is_index(token)) entered = cursor.enter_element(std::stoull(token));
        if (!entered) break;
        reached = cursor.position();
    }
    return reached;
}

}  // namespace

std::size_t json_pointer_line(std::string_view json_text, std::string_view pointer) {
    const std::size_t offset = pointer_offset(json_text, pointer);
    return 1 + static_cast<std::size_t>(std::count(json_text.begin(), json_text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

}  // namespace muster::scenario
