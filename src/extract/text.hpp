// Text plumbing for extraction: making arbitrary bytes into valid UTF-8, mapping
// byte offsets to the code-point offsets of the output contract, stripping HTML,
// and comparing words across typographic variants.
//
// Offsets: everything in src/extract works in byte offsets into one UTF-8 string
// (cheap, exact, what std::string_view slices by). The output contract speaks in
// Unicode code points; CodePointIndex converts at the edge.
//
// Typographic variants ("Ukraine’s" / "Ukraine's", "3,000–5,000" / "3,000-5,000")
// are never rewritten in the text, which would shift offsets; they are folded
// only when a token is compared with a word (equals_folded, WordSet).
#pragma once

#include "core/utf8.hpp"

#include <bitset>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace muster::extract {

// ---------------------------------------------------------------- UTF-8

// Returns `bytes` as valid UTF-8: every ill-formed sequence becomes U+FFFD, one
// replacement per maximal ill-formed subpart (the Unicode / WHATWG practice, so
// a truncated 3-byte sequence gives one U+FFFD, an overlong "C0 AF" gives two).
// Surrogates (ED A0..BF ..) and code points above U+10FFFF are ill-formed.
// When bad_sequences is not null it receives the number of replacements made.
// Never throws on content; valid input comes back byte-for-byte unchanged.
std::string repair_utf8(std::string_view bytes, std::size_t* bad_sequences = nullptr);

// True when `bytes` is well-formed UTF-8 (repair_utf8 would change nothing).
bool is_valid_utf8(std::string_view bytes);

// Decodes the code point that starts at bytes[pos] (pos < bytes.size()) into cp
// and returns its length in bytes, 1 to 4. An ill-formed or truncated sequence
// decodes as U+FFFD with length 1, so a loop over a string always advances.
std::size_t decode_utf8(std::string_view bytes, std::size_t pos, char32_t& cp);

// append_utf8: core/utf8.hpp.

// ---------------------------------------------------------------- offsets

// Maps byte offsets of a UTF-8 string to code-point offsets and back in O(1)
// amortised time: it keeps the code-point count at the start of every 64-byte
// block and counts lead bytes inside one block per query. Pure-ASCII text maps
// by identity. Holds a view: the string must outlive the index.
//
// A byte offset inside a multi-byte sequence maps to the code point after it;
// offsets past the end clamp to the end. Built on ill-formed UTF-8 it still
// answers monotonically and within bounds, just not meaningfully.
class CodePointIndex {
public:
    explicit CodePointIndex(std::string_view utf8);

    // Number of code points that start before byte_offset.
    [[nodiscard]] std::size_t code_point_offset(std::size_t byte_offset) const;
    // Byte offset at which code point number `code_point` starts (size in bytes at or past the end).
    [[nodiscard]] std::size_t byte_offset(std::size_t code_point) const;
    // Code points in the whole string.
    [[nodiscard]] std::size_t size() const { return code_points_; }

private:
    static constexpr std::size_t kBlock = 64;
    std::string_view text_;
    std::vector<std::size_t> before_block_;  // code points before each block
    std::size_t code_points_ = 0;
    bool ascii_ = true;
};

// ---------------------------------------------------------------- HTML

// The readable text of an HTML document, in one linear pass that tolerates
// malformed markup:
//   - the content of <script>, <style>, <head>, <noscript>, <template>, <svg>
//     and comments is dropped (an unterminated one drops the rest);
//   - other tags are dropped; block tags (<p>, <div>, <h1>..<h6>, <li>, <tr>,
//     <blockquote>, <section>, ...) become a paragraph break (a blank line),
//     <br> a line break; table cells become a space;
//   - entities are decoded: the common named ones (&amp; &nbsp; &rsquo; &mdash;
//     &eacute; ...), decimal &#8217; and hex &#x2019; (NUL, surrogates and
//     values past U+10FFFF give U+FFFD; 128..159 are read as Windows-1252, as
//     browsers do); an unknown entity stays as written;
//   - runs of white space collapse to one space, as a browser renders them.
// A '<' that does not start a tag ("a < b") is kept as text. The input should
// be valid UTF-8 (see repair_utf8); the output then is too.
std::string strip_html(std::string_view html);

// ---------------------------------------------------------------- comparison

// Folds a code point to the form used for comparison: curly and prime
// apostrophes to '\'', curly and angle double quotes to '"', hyphens, dashes and
// the minus sign to '-', no-break and other spaces to ' ', ASCII letters to
// lower case. Other code points are returned unchanged.
char32_t fold_typography(char32_t cp);

// True when `token` equals `ascii_lower` after folding each of its code points:
// equals_folded("Ukraine’s", "ukraine's"), equals_folded("–", "-").
// ascii_lower must be lower-case ASCII.
bool equals_folded(std::string_view token, std::string_view ascii_lower);

// Writes the folded form of `token` into `out` (cleared first); code points
// that do not fold to ASCII are copied as they are. Returns false, leaving out
// empty, when token is longer than max_bytes (no word list holds such tokens).
bool fold_into(std::string_view token, std::string& out, std::size_t max_bytes = 48);

// A set of lower-case ASCII words (or phrases) looked up with folding, for the
// many small word lists of the rules. Lookup does not allocate for tokens of up
// to 48 bytes, hashes once, and turns most tokens away before hashing by their
// first letter and length (every word of a text meets several such sets).
class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words);
    [[nodiscard]] bool contains(std::string_view token) const;

private:
    std::unordered_set<std::string_view> words_;
    std::bitset<128> first_bytes_;  // folded first bytes of the words (ASCII ones)
    bool non_ascii_first_ = false;  // some word starts with a non-ASCII byte
    std::size_t min_size_ = 0;
    std::size_t max_size_ = 0;
};

}  // namespace muster::extract
