#include "extract/tokenizer.hpp"

#include "extract/text.hpp"

#include <unicode/uchar.h>

#include <array>
#include <cstring>
#include <unordered_set>

namespace muster::extract {

namespace {

// ================================================================ character classes

enum class CharClass : std::uint8_t {
    space,       // skipped
    newline,     // skipped, counted for paragraph breaks
    letter,      // starts or continues a word
    digit,       // ASCII digit: starts a number, continues a word
    apostrophe,  // ' ’ ʼ: inside a word between letters, else a clitic or punctuation
    joiner,      // combining marks, soft hyphen, ZWJ/ZWNJ: continue a word, never start one
    stop,        // . ! ? …: sentence-ending punctuation, runs merge
    hyphen,      // ASCII '-': runs merge ("--")
    punct,       // other punctuation, one token per code point
    symbol,      // everything else, one token per code point
};

constexpr std::array<CharClass, 128> make_ascii_classes() {
    std::array<CharClass, 128> table{};
    for (auto& c : table) c = CharClass::symbol;
    for (int c = 0; c < 32; ++c) table[c] = CharClass::space;  // controls read as spaces
    table['\n'] = CharClass::newline;
    table['\r'] = CharClass::newline;
    table[' '] = CharClass::space;
    table[127] = CharClass::space;
    for (int c = 'a'; c <= 'z'; ++c) table[c] = CharClass::letter;
    for (int c = 'A'; c <= 'Z'; ++c) table[c] = CharClass::letter;
    for (int c = '0'; c <= '9'; ++c) table[c] = CharClass::digit;
    table['\''] = CharClass::apostrophe;
    table['.'] = CharClass::stop;
    table['!'] = CharClass::stop;
    table['?'] = CharClass::stop;
    table['-'] = CharClass::hyphen;
    for (const char c : std::string_view(",;:\"()[]{}/\\")) table[static_cast<unsigned char>(c)] = CharClass::punct;
    return table;
}

constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

CharClass classify_non_ascii(char32_t cp) {
    switch (cp) {
        case 0x2019: case 0x02BC: return CharClass::apostrophe;
        case 0x00AD: case 0x200C: case 0x200D: return CharClass::joiner;
        case 0x2026: return CharClass::stop;
        case 0x0085: case 0x2028: case 0x2029: return CharClass::newline;
        case 0xFEFF: case 0x200B: case 0x2060: return CharClass::space;
        case 0xFFFD: return CharClass::symbol;
        default: break;
    }
    switch (u_charType(static_cast<UChar32>(cp))) {
        case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
        case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER:
            return CharClass::letter;
        case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
            return CharClass::joiner;
        case U_SPACE_SEPARATOR: case U_CONTROL_CHAR: case U_FORMAT_CHAR:
            return CharClass::space;
        case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
            return CharClass::newline;
        case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION: case U_CONNECTOR_PUNCTUATION:
        case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION:
            return CharClass::punct;
        default:
            return CharClass::symbol;
    }
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return u_islower(static_cast<UChar32>(cp)) != 0;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// ================================================================ abbreviations

// Abbreviations written with a period that news text uses mid-sentence: titles,
// months and days, US state and street abbreviations, company suffixes. Case
// matters ("No." is an abbreviation, "no." ends a sentence).
bool is_known_abbreviation(std::string_view word) {
    static const std::unordered_set<std::string_view> kAbbreviations = {
        // titles and ranks
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Hon", "Sen", "Rep", "Gov", "Pres", "Gen", "Lt", "Col", "Maj",
        "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Supt", "Det", "Insp", "Jr", "Sr", "Sens",
        "Reps", "Amb", "Atty", "Fr", "St", "Ste", "Mt", "Ft", "Pt",
        // months and days
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
        "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        // US states (AP style)
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La",
        "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va",
        "Vt", "Wash", "Wis", "Wyo",
        // addresses, organisations, references
        "Ave", "Blvd", "Rd", "Hwy", "Ln", "Pl", "Sq", "Co", "Corp", "Inc", "Ltd", "Bros", "Dept", "Univ", "Assn",
        "Govt", "No", "Nos", "Vol", "Fig", "Ch", "Art", "Op", "Mk",
        // lower-case
        "etc", "vs", "approx", "est", "al", "cf", "ca", "incl"};
    return kAbbreviations.count(word) != 0;
}

// Capitalised words that usually open a sentence; after an abbreviation's period
// only these make a sentence break ("in the U.S. The ..." but not "U.S. Army").
bool opens_sentence(std::string_view word) {
    static const std::unordered_set<std::string_view> kOpeners = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My",
        "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So", "Yet", "In", "On", "At", "As",
        "If", "When", "While", "After", "Before", "Since", "Although", "Though", "However", "Meanwhile", "Earlier",
        "Later", "Last", "For", "With", "What", "Who", "Why", "How", "Where", "Some", "Many", "Most", "All", "Both",
        "Each", "According", "Officials", "Police", "Authorities", "Then", "Now", "Still", "Also", "Instead",
        "Despite", "During", "Under", "Other", "Another", "One", "Two", "Three"};
    return kOpeners.count(word) != 0;
}

// ================================================================ scanner

class Scanner {
public:
    explicit Scanner(std::string_view text) : s_(text) {
        paragraph_newlines_ = has_blank_line(text) ? 2 : 1;
        tokens_.reserve(text.size() / 5 + 16);
    }

    std::vector<Token> run() {
        while (pos_ < s_.size()) {
            char32_t cp = 0;
            std::size_t length = 0;
            const CharClass cls = class_at(pos_, cp, length);
            switch (cls) {
                case CharClass::space: pos_ += length; break;
                case CharClass::newline: newline(length); break;
                case CharClass::letter: word(); break;
                case CharClass::digit: number(); break;
                case CharClass::apostrophe: apostrophe(length); break;
                case CharClass::stop: run_of(CharClass::stop); break;
                case CharClass::hyphen: run_of(CharClass::hyphen); break;
                case CharClass::punct: emit(pos_, pos_ + length, TokenKind::punct); break;
                case CharClass::joiner:  // a mark with no letter before it
                case CharClass::symbol: emit(pos_, pos_ + length, TokenKind::symbol); break;
            }
        }
        return std::move(tokens_);
    }

private:
    static bool has_blank_line(std::string_view s) {
        for (std::size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
            std::size_t p = nl + 1;
            while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r')) ++p;
            if (p < s.size() && s[p] == '\n') return true;
        }
        return false;
    }

    CharClass class_at(std::size_t pos, char32_t& cp, std::size_t& length) const {
        const auto byte = static_cast<unsigned char>(s_[pos]);
        if (byte < 0x80) {
            cp = byte;
            length = 1;
            return kAsciiClasses[byte];
        }
        length = decode_utf8(s_, pos, cp);
        return classify_non_ascii(cp);
    }

    CharClass class_at(std::size_t pos) const {
        if (pos >= s_.size()) return CharClass::space;
        char32_t cp = 0;
        std::size_t length = 0;
        return class_at(pos, cp, length);
    }

    void newline(std::size_t length) {
        // "\r\n" is one line break.
        if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++length;
        pos_ += length;
        ++newlines_;
    }

    Token& emit(std::size_t begin, std::size_t end, TokenKind kind) {
        Token token;
        token.begin = begin;
        token.end = end;
        token.kind = kind;
        token.paragraph_start = tokens_.empty() || newlines_ >= paragraph_newlines_;
        newlines_ = 0;
        pos_ = end;
        tokens_.push_back(token);
        return tokens_.back();
    }

    // A clitic 's starts at pos: apostrophe, s or S, then no further word character.
    bool clitic_s_at(std::size_t pos, std::size_t apostrophe_length) const {
        const std::size_t s_pos = pos + apostrophe_length;
        if (s_pos >= s_.size() || (s_[s_pos] != 's' && s_[s_pos] != 'S')) return false;
        const CharClass after = class_at(s_pos + 1);
        return after != CharClass::letter && after != CharClass::digit && after != CharClass::joiner;
    }

    void word() {
        const std::size_t start = pos_;
        std::size_t p = pos_;
        std::size_t letters = 0;
        bool capitalised = false;
        bool has_lower = false;
        bool ascii_only = true;
        while (p < s_.size()) {
            char32_t cp = 0;
            std::size_t length = 0;
            const CharClass cls = class_at(p, cp, length);
            if (cls == CharClass::letter) {
                if (p == start) capitalised = is_upper(cp);
                has_lower = has_lower || is_lower(cp);
                ++letters;
            } else if (cls == CharClass::apostrophe) {
                // Inside a word only between letters, and never as the clitic 's.
                if (class_at(p + length) != CharClass::letter || clitic_s_at(p, length)) break;
            } else if (cls != CharClass::digit && cls != CharClass::joiner) {
                break;
            }
            ascii_only = ascii_only && cp < 0x80;
            p += length;
        }
        std::size_t end = p;
        bool abbreviation = false;
        if (ascii_only && p < s_.size() && s_[p] == '.') {
            if (const std::size_t abbreviation_end = dotted_end(start, p); abbreviation_end != 0) {
                // Letters of the further segments ("U.S.") count for all_caps.
                for (std::size_t q = p; q < abbreviation_end; ++q) {
                    if (is_ascii_letter(s_[q])) {
                        ++letters;
                        has_lower = has_lower || (s_[q] >= 'a' && s_[q] <= 'z');
                    }
                }
                end = abbreviation_end;
                abbreviation = true;
            }
        }
        Token& token = emit(start, end, TokenKind::word);
        token.capitalised = capitalised;
        token.all_caps = letters >= 2 && !has_lower;
        token.abbreviation = abbreviation;
    }

    // The end of an abbreviation whose first segment is s_[start, dot) and is
    // followed by a period at dot, or 0 when it is a plain word before a period.
    std::size_t dotted_end(std::size_t start, std::size_t dot) const {
        const std::string_view first = s_.substr(start, dot - start);
        bool letters_only = true;
        for (const char c : first) letters_only = letters_only && is_ascii_letter(c);
        if (letters_only && first.size() <= 3) {
            // Initialism: two or more short letter segments, each closed by a period.
            std::size_t p = dot + 1;
            int segments = 1;
            while (true) {
                std::size_t q = p;
                while (q < s_.size() && is_ascii_letter(s_[q])) ++q;
                if (q == p || q - p > 3 || q >= s_.size() || s_[q] != '.') break;
                ++segments;
                p = q + 1;
            }
            if (segments >= 2) return p;
        }
        if (is_known_abbreviation(first)) return dot + 1;
        if (first.size() == 1 && first[0] >= 'A' && first[0] <= 'Z') return dot + 1;  // an initial
        return 0;
    }

    void number() {
        const std::size_t start = pos_;
        std::size_t p = pos_;
        while (p < s_.size() && is_ascii_digit(s_[p])) ++p;
        // Thousands separators: a comma followed by exactly three digits.
        while (p + 3 < s_.size() && s_[p] == ',' && is_ascii_digit(s_[p + 1]) && is_ascii_digit(s_[p + 2]) &&
               is_ascii_digit(s_[p + 3]) && (p + 4 >= s_.size() || !is_ascii_digit(s_[p + 4]))) {
            p += 4;
        }
        if (p + 1 < s_.size() && s_[p] == '.' && is_ascii_digit(s_[p + 1])) {
            p += 1;
            while (p < s_.size() && is_ascii_digit(s_[p])) ++p;
        }
        emit(start, p, TokenKind::number);
    }

    void apostrophe(std::size_t length) {
        const bool after_word = !tokens_.empty() && tokens_.back().end == pos_ && tokens_.back().kind == TokenKind::word;
        if (after_word && clitic_s_at(pos_, length)) {
            emit(pos_, pos_ + length + 1, TokenKind::clitic);
            return;
        }
        emit(pos_, pos_ + length, TokenKind::punct);
    }

    void run_of(CharClass cls) {
        const std::size_t start = pos_;
        std::size_t p = pos_;
        while (p < s_.size()) {
            char32_t cp = 0;
            std::size_t length = 0;
            if (class_at(p, cp, length) != cls) break;
            p += length;
        }
        emit(start, p, TokenKind::punct);
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    std::vector<Token> tokens_;
    int newlines_ = 0;
    int paragraph_newlines_ = 2;
};

// ================================================================ sentences

bool is_terminal(std::string_view token) {
    return token.starts_with(".") || token.starts_with("!") || token.starts_with("?") ||
           token.starts_with("\xE2\x80\xA6");  // …
}

bool is_closing(std::string_view token) {
    return token == "\"" || token == "'" || token == ")" || token == "]" || token == "\xE2\x80\x9D" /* ” */ ||
           token == "\xE2\x80\x99" /* ’ */ || token == "\xC2\xBB" /* » */;
}

bool is_opening(std::string_view token) {
    return token == "\"" || token == "'" || token == "(" || token == "[" || token == "\xE2\x80\x9C" /* “ */ ||
           token == "\xE2\x80\x98" /* ‘ */ || token == "\xC2\xAB" /* « */;
}

class SentenceSplitter {
public:
    SentenceSplitter(std::string_view text, std::vector<Token>& tokens) : text_(text), tokens_(tokens) {}

    std::vector<Sentence> run() {
        std::vector<Sentence> sentences;
        const std::size_t n = tokens_.size();
        std::size_t first = 0;
        while (first < n) {
            std::size_t last = first;
            while (last + 1 < n && !tokens_[last + 1].paragraph_start) {
                if (const std::size_t end = sentence_end_after(last); end != kNoEnd) {
                    last = end;
                    break;
                }
                ++last;
            }
            sentences.push_back(make_sentence(first, last));
            first = last + 1;
        }
        return sentences;
    }

private:
    static constexpr std::size_t kNoEnd = static_cast<std::size_t>(-1);

    std::string_view text(std::size_t i) const { return token_text(text_, tokens_[i]); }
    bool joined(std::size_t i) const { return tokens_[i - 1].end == tokens_[i].begin; }

    bool could_open_sentence(const Token& token) const {
        if (token.kind == TokenKind::number) return true;
        if (token.kind == TokenKind::word) return token.capitalised;
        return token.kind == TokenKind::punct && is_opening(token_text(text_, token));
    }

    // When a sentence ends with token i (plus closing quotes after it), the index of
    // its last token; kNoEnd otherwise.
    std::size_t sentence_end_after(std::size_t i) const {
        const Token& token = tokens_[i];
        const std::size_t n = tokens_.size();
        if (token.kind == TokenKind::punct && is_terminal(text(i))) {
            std::size_t last = i;
            while (last + 1 < n && joined(last + 1) && is_closing(text(last + 1))) ++last;
            if (last + 1 >= n) return last;
            const Token& next = tokens_[last + 1];
            if (joined(last + 1)) return kNoEnd;
            return (next.paragraph_start || could_open_sentence(next)) ? last : kNoEnd;
        }
        if (token.abbreviation && i + 1 < n && !joined(i + 1)) {
            const Token& next = tokens_[i + 1];
            if (next.kind == TokenKind::word && next.capitalised && opens_sentence(text(i + 1))) return i;
        }
        return kNoEnd;
    }

    Sentence make_sentence(std::size_t first, std::size_t last) {
        Sentence sentence;
        sentence.first_token = first;
        sentence.token_count = last - first + 1;
        sentence.begin = tokens_[first].begin;
        sentence.end = tokens_[last].end;
        for (std::size_t i = first; i <= last; ++i) {
            if (tokens_[i].kind == TokenKind::word || tokens_[i].kind == TokenKind::number) {
                tokens_[i].sentence_start = true;
                break;
            }
        }
        return sentence;
    }

    std::string_view text_;
    std::vector<Token>& tokens_;
};

}  // namespace

Tokenized tokenize(std::string_view text) {
    Tokenized result;
    result.tokens = Scanner(text).run();
    result.sentences = SentenceSplitter(text, result.tokens).run();
    return result;
}

// ================================================================ TokenView

bool TokenView::is(std::size_t i, std::string_view word) const {
    return in_range(i) && equals_folded(token_text(text_, tokens_[i]), word);
}

bool TokenView::is_hyphen(std::size_t i) const {
    if (!in_range(i) || tokens_[i].kind != TokenKind::punct) return false;
    const std::string_view s = token_text(text_, tokens_[i]);
    char32_t cp = 0;
    decode_utf8(s, 0, cp);
    return fold_typography(cp) == U'-';
}

std::size_t TokenView::match(std::size_t i, std::string_view words) const {
    std::size_t k = i;
    bool first_word = true;
    while (!words.empty()) {
        const std::size_t space = words.find(' ');
        const std::string_view word = words.substr(0, space);
        words = space == std::string_view::npos ? std::string_view{} : words.substr(space + 1);
        if (!first_word && is_hyphen(k) && joined(k) && joined(k + 1)) ++k;
        if (!is(k, word)) return 0;
        ++k;
        first_word = false;
    }
    return k;
}

std::string_view TokenView::span_text(std::size_t first, std::size_t last) const {
    if (first >= last || last > tokens_.size()) return {};
    return text_.substr(tokens_[first].begin, tokens_[last - 1].end - tokens_[first].begin);
}

}  // namespace muster::extract
