#include "extract/text.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using muster::extract::CodePointIndex;
using muster::extract::decode_utf8;
using muster::extract::equals_folded;
using muster::extract::is_valid_utf8;
using muster::extract::repair_utf8;
using muster::extract::strip_html;
using muster::extract::WordSet;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

// ---------------------------------------------------------------- repair_utf8

TEST_CASE("repair_utf8 leaves valid text alone and counts nothing") {
    const std::string text = "Kyiv \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x9A\x80 \xE2\x80\x99s";  // Київ 🚀 ’s
    std::size_t bad = 99;
    CHECK(repair_utf8(text, &bad) == text);
    CHECK(bad == 0);
    CHECK(is_valid_utf8(text));
    CHECK(repair_utf8("", &bad).empty());
    CHECK(bad == 0);
}

TEST_CASE("repair_utf8 replaces stray and invalid bytes one by one") {
    std::size_t bad = 0;
    CHECK(repair_utf8("a\xFF" "b", &bad) == "a" + kReplacement + "b");
    CHECK(bad == 1);
    CHECK(repair_utf8("\x80\x80", &bad) == kReplacement + kReplacement);
    CHECK(bad == 2);
    CHECK_FALSE(is_valid_utf8("a\xFF"));
}

TEST_CASE("repair_utf8 replaces a truncated sequence once") {
    std::size_t bad = 0;
    // The first two bytes of "€" (E2 82 AC), then plain text.
    CHECK(repair_utf8("x\xE2\x82y", &bad) == "x" + kReplacement + "y");
    CHECK(bad == 1);
    // Three bytes of a four-byte emoji at the very end.
    CHECK(repair_utf8("go \xF0\x9F\x9A", &bad) == "go " + kReplacement);
    CHECK(bad == 1);
    CHECK_FALSE(is_valid_utf8("\xF0\x9F\x9A"));
}

TEST_CASE("repair_utf8 rejects overlongs, surrogates and values past U+10FFFF") {
    std::size_t bad = 0;
    CHECK(repair_utf8("\xC0\xAF", &bad) == kReplacement + kReplacement);  // overlong '/'
    CHECK(bad == 2);
    CHECK(repair_utf8("\xE0\x80\xAF", &bad) == repeat(kReplacement, 3));  // overlong 3-byte
    CHECK(bad == 3);
    CHECK(repair_utf8("\xED\xA0\x80", &bad) == repeat(kReplacement, 3));  // U+D800
    CHECK(bad == 3);
    CHECK(repair_utf8("\xF4\x90\x80\x80", &bad) == repeat(kReplacement, 4));  // U+110000
    CHECK(bad == 4);
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF itself is fine
}

TEST_CASE("repair_utf8 always yields valid UTF-8 from random bytes") {
    std::mt19937 random(42);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 200; ++round) {
        std::string junk;
        for (int i = 0; i < 64; ++i) junk += static_cast<char>(byte(random));
        const std::string repaired = repair_utf8(junk);
        CHECK(is_valid_utf8(repaired));
        CHECK(repair_utf8(repaired) == repaired);
    }
}

TEST_CASE("decode_utf8 always advances") {
    char32_t cp = 0;
    CHECK(decode_utf8("\xD0\x9A", 0, cp) == 2);
    CHECK(cp == U'\u041A');
    CHECK(decode_utf8("\xF0\x9F\x9A\x80", 0, cp) == 4);
    CHECK(cp == U'\U0001F680');
    CHECK(decode_utf8("\xE2\x82", 0, cp) == 1);
    CHECK(cp == 0xFFFD);
}

// ---------------------------------------------------------------- CodePointIndex

TEST_CASE("code point offsets count Cyrillic and emoji as one each") {
    // "Київ 🚀 x": К и ї в are two bytes each, the rocket four.
    const std::string text = "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x9A\x80 x";
    const CodePointIndex index(text);
    CHECK(index.size() == 8);
    CHECK(index.code_point_offset(0) == 0);
    CHECK(index.code_point_offset(8) == 4);   // after "Київ"
    CHECK(index.code_point_offset(9) == 5);   // the rocket
    CHECK(index.code_point_offset(13) == 6);  // the space after it
    CHECK(index.code_point_offset(text.size()) == 8);
    CHECK(index.code_point_offset(text.size() + 100) == 8);
    CHECK(index.byte_offset(5) == 9);
    CHECK(index.byte_offset(7) == 14);
    CHECK(index.byte_offset(8) == text.size());
}

TEST_CASE("code point offsets agree with a naive count across many blocks") {
    std::string text;
    for (int i = 0; i < 300; ++i) text += (i % 3 == 0) ? "\xD0\x9A" : (i % 7 == 0) ? "\xF0\x9F\x9A\x80" : "ab";
    const CodePointIndex index(text);
    std::size_t code_points = 0;
    for (std::size_t byte = 0; byte <= text.size(); ++byte) {
        const bool starts = byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
        if (byte == text.size() || starts) {
            REQUIRE(index.code_point_offset(byte) == code_points);
            REQUIRE(index.byte_offset(code_points) == byte);
        }
        if (starts) ++code_points;
    }
    CHECK(index.size() == code_points);
}

TEST_CASE("code point offsets of ASCII text are byte offsets") {
    const std::string text = "127,000 troops";
    const CodePointIndex index(text);
    CHECK(index.code_point_offset(7) == 7);
    CHECK(index.byte_offset(7) == 7);
    CHECK(index.size() == text.size());
    const CodePointIndex empty("");
    CHECK(empty.size() == 0);
    CHECK(empty.code_point_offset(5) == 0);
    CHECK(empty.byte_offset(5) == 0);
}

// ---------------------------------------------------------------- strip_html

TEST_CASE("strip_html keeps the text and turns blocks into paragraphs") {
    const std::string html =
        "<html><head><title>Ignored</title><style>p { color: red }</style></head>"
        "<body><h1>Troops  gather</h1><p>Russia has   moved<br>more troops.</p>"
        "<script>var x = '<p>not text</p>';</script><div>Kyiv &amp; Minsk</div></body></html>";
    CHECK(strip_html(html) == "Troops gather\n\nRussia has moved\nmore troops.\n\nKyiv & Minsk");
}

TEST_CASE("strip_html decodes named and numeric entities") {
    CHECK(strip_html("Ukraine&#8217;s &ldquo;border&rdquo; &mdash; 2&nbsp;km") ==
          "Ukraine\xE2\x80\x99s \xE2\x80\x9C" "border\xE2\x80\x9D \xE2\x80\x94 2 km");
    CHECK(strip_html("it&#x2019;s") == "it\xE2\x80\x99s");
    CHECK(strip_html("it&#146;s") == "it\xE2\x80\x99s");  // Windows-1252, as browsers read it
    CHECK(strip_html("&lt;b&gt; &quot;q&quot; &eacute;") == "<b> \"q\" \xC3\xA9");
    CHECK(strip_html("&#0; &#xD800; &#x110000;") == kReplacement + " " + kReplacement + " " + kReplacement);
    CHECK(strip_html("AT&T &unknown; & co") == "AT&T &unknown; & co");
}

TEST_CASE("strip_html survives malformed markup") {
    CHECK(strip_html("a < b and c > d") == "a < b and c > d");
    CHECK(strip_html("<p>unterminated <b") == "unterminated");
    CHECK(strip_html("text <!-- never closed") == "text");
    CHECK(strip_html("<a title=\"x > y\">link</a> after") == "link after");
    CHECK(strip_html("<a title=\"never closed>link</a> after <b>bold</b>") == "link after bold");
    CHECK(strip_html("<script>unterminated") == "");
    CHECK(strip_html("<head><meta charset=utf-8><body><p>Body text") == "Body text");
    CHECK(strip_html("<![CDATA[raw <text>]]> done") == "raw <text> done");
    CHECK(strip_html("").empty());
}

TEST_CASE("strip_html is linear on pathological input") {
    const std::string nasty = repeat("<a \"", 20000) + repeat("<", 20000) + repeat("&#", 20000);
    const std::string text = strip_html(nasty);
    CHECK(text.size() <= nasty.size());
}

// ---------------------------------------------------------------- comparison

TEST_CASE("tokens compare across typographic variants") {
    CHECK(equals_folded("Ukraine\xE2\x80\x99s", "ukraine's"));
    CHECK(equals_folded("\xE2\x80\x93", "-"));  // en dash
    CHECK(equals_folded("TROOPS", "troops"));
    CHECK_FALSE(equals_folded("troop", "troops"));
    CHECK_FALSE(equals_folded("", "a"));
    const WordSet words = {"about", "'s", "u.s."};
    CHECK(words.contains("About"));
    CHECK(words.contains("\xE2\x80\x99s"));
    CHECK(words.contains("U.S."));
    CHECK_FALSE(words.contains("abou"));
    CHECK_FALSE(words.contains(std::string(200, 'a')));
}
