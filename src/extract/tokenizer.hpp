// Tokens and sentences of news text, in one linear pass.
//
// Decisions, made for English news about places and forces:
//
//   Words      Letters, combining marks and digits after the first letter ("G7",
//              "T72", "Київ"). An apostrophe between letters stays inside the word
//              ("O'Brien", "don’t"), except the clitic 's / ’s, which becomes a token
//              of its own (TokenKind::clitic), so "Ukraine’s" is "Ukraine" + "’s" and a
//              gazetteer sees the bare name.
//   Hyphens    Always a token of their own: "Russian-backed" is Russian, -, backed;
//              "S-400" is S, -, 400; "co-operation" is co, -, operation. Rules rejoin
//              them with TokenView::joined(), which says that no space separates two
//              tokens. (A joined word list would have to guess where compounds end;
//              splitting loses nothing.) Soft hyphens (U+00AD) stay inside a word.
//   Numbers    ASCII digits with thousands separators (a comma followed by exactly
//              three digits) and one decimal point followed by a digit: "127,000",
//              "1.5", "2,000,000". Letters that follow are a separate, joined word:
//              "2.3bn" is 2.3 + bn, "Su-35s" is Su, -, 35, s, "5th" is 5 + th.
//   Periods    Part of a word only in abbreviations, which are marked: initialisms of
//              short dotted segments ("U.S.", "D.C.", "W.Va.", "e.g.", "a.m.") and a
//              list of known ones ("Mr.", "Gen.", "Jan.", "St.", "Calif.", "Inc."), plus
//              a single capital letter as an initial ("John F. Kennedy").
//   Punctuation  One token per character, except that runs of . ! ? (ellipsis,
//              "?!") and runs of '-' are one token each. Curly quotes are punctuation.
//   Symbols    Currency signs, %, emoji, math and anything else that is not a
//              letter, digit, space or punctuation: one token per code point.
//
// Sentences end
//   - after . ! ? or … (with any closing quotes or brackets that follow it) when
//     white space follows and the next token starts with a capital letter, a digit
//     or an opening quote or bracket ("...either way,” he told" does not split);
//   - after an abbreviation only when the next word is a capitalised function word
//     that typically opens a sentence ("... to the U.S. The next day" splits,
//     "U.S. Secretary of State" and "Mr. Blinken" do not);
//   - at paragraph breaks: a blank line; in text that has no blank line at all, every
//     line break (headlines, one-paragraph-per-line feeds). Single line breaks inside
//     text that does use blank lines are taken as hard wrapping.
//
// Input should be valid UTF-8 (see repair_utf8); ill-formed bytes are tolerated and
// become symbol tokens. Offsets are byte offsets into the tokenized string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace muster::extract {

enum class TokenKind : std::uint8_t {
    word,    // letters (and digits after a letter), with abbreviation periods
    number,  // ASCII digits with grouping commas and a decimal point
    punct,   // punctuation, quotes, hyphens and dashes
    symbol,  // currency, %, emoji, other symbols, ill-formed bytes
    clitic,  // 's or ’s split from the word before it (possessive, or "is"/"has")
};

struct Token {
    std::size_t begin = 0;  // byte offsets of the token in the text
    std::size_t end = 0;
    TokenKind kind = TokenKind::word;
    bool capitalised = false;      // a word whose first letter is upper or title case
    bool all_caps = false;         // a word with two or more letters and no lower-case one ("NATO", "U.S.")
    bool abbreviation = false;     // a word that includes its period(s): "U.S.", "Mr.", "Jan."
    bool sentence_start = false;   // the first word or number of its sentence (leading quotes skipped)
    bool paragraph_start = false;  // the first token of the text or after a paragraph break

    [[nodiscard]] std::size_t size() const { return end - begin; }
};

struct Sentence {
    std::size_t begin = 0;  // byte offsets: first token's begin, last token's end
    std::size_t end = 0;
    std::size_t first_token = 0;
    std::size_t token_count = 0;
};

struct Tokenized {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;  // cover all tokens, in order, none empty
};

// Splits text into tokens and sentences. Linear in the text; never throws on content.
Tokenized tokenize(std::string_view text);

inline std::string_view token_text(std::string_view text, const Token& token) {
    return text.substr(token.begin, token.end - token.begin);
}

// A window on some of the tokens of a text (typically one sentence), for rules
// that match token patterns. Indices are relative to the window; every accessor
// is bounds-checked and answers "no" or "" outside it, so rules can look ahead
// and behind freely.
class TokenView {
public:
    TokenView(std::string_view text, std::span<const Token> tokens) : text_(text), tokens_(tokens) {}

    [[nodiscard]] std::size_t size() const { return tokens_.size(); }
    [[nodiscard]] bool in_range(std::size_t i) const { return i < tokens_.size(); }
    // Precondition: in_range(i).
    [[nodiscard]] const Token& operator[](std::size_t i) const { return tokens_[i]; }
    [[nodiscard]] std::string_view text() const { return text_; }

    // The token's text; "" outside the window.
    [[nodiscard]] std::string_view str(std::size_t i) const {
        return in_range(i) ? token_text(text_, tokens_[i]) : std::string_view{};
    }
    // The token equals `word` (lower-case ASCII) ignoring case and typographic variants.
    [[nodiscard]] bool is(std::size_t i, std::string_view word) const;
    [[nodiscard]] bool is_kind(std::size_t i, TokenKind kind) const {
        return in_range(i) && tokens_[i].kind == kind;
    }
    // A hyphen or dash token (any of - ‐ ‑ – — −).
    [[nodiscard]] bool is_hyphen(std::size_t i) const;
    // Token i starts exactly where token i-1 ends (no space between them).
    [[nodiscard]] bool joined(std::size_t i) const {
        return i > 0 && in_range(i) && tokens_[i - 1].end == tokens_[i].begin;
    }
    // The end of `words` (lower-case words separated by single spaces) matched
    // from token i, or 0 when they do not match there. A hyphen joined on both
    // sides may stand between two words: "air defence" matches "air-defence".
    [[nodiscard]] std::size_t match(std::size_t i, std::string_view words) const;
    // Bytes of text from the start of token first to the end of token last-1.
    [[nodiscard]] std::string_view span_text(std::size_t first, std::size_t last) const;

private:
    std::string_view text_;
    std::span<const Token> tokens_;
};

}  // namespace muster::extract
