#include "extract/tokenizer.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using muster::extract::Token;
using muster::extract::TokenKind;
using muster::extract::tokenize;
using muster::extract::Tokenized;
using muster::extract::TokenView;

namespace {

std::vector<std::string> texts(const std::string& text, const Tokenized& tokenized) {
    std::vector<std::string> out;
    for (const Token& token : tokenized.tokens) out.emplace_back(text.substr(token.begin, token.size()));
    return out;
}

std::vector<std::string> words_of(const std::string& text) { return texts(text, tokenize(text)); }

std::vector<std::string> sentences_of(const std::string& text) {
    const Tokenized tokenized = tokenize(text);
    std::vector<std::string> out;
    for (const auto& sentence : tokenized.sentences) out.emplace_back(text.substr(sentence.begin, sentence.end - sentence.begin));
    return out;
}

const Token& token_named(const std::string& text, const Tokenized& tokenized, const std::string& word) {
    for (const Token& token : tokenized.tokens) {
        if (text.substr(token.begin, token.size()) == word) return token;
    }
    FAIL("no token " << word);
    return tokenized.tokens.front();
}

}  // namespace

// ---------------------------------------------------------------- words

TEST_CASE("possessive 's is split from the name, with straight or curly apostrophe") {
    CHECK(words_of("Ukraine\xE2\x80\x99s border") == std::vector<std::string>{"Ukraine", "\xE2\x80\x99s", "border"});
    CHECK(words_of("Russia's troops") == std::vector<std::string>{"Russia", "'s", "troops"});
    const std::string text = "Canada\xE2\x80\x99s embassy";
    const Tokenized tokenized = tokenize(text);
    CHECK(tokenized.tokens[1].kind == TokenKind::clitic);
    // Other apostrophes inside a word stay there; a trailing one is punctuation.
    CHECK(words_of("O'Brien doesn\xE2\x80\x99t") == std::vector<std::string>{"O'Brien", "doesn\xE2\x80\x99t"});
    CHECK(words_of("the soldiers' camp") == std::vector<std::string>{"the", "soldiers", "'", "camp"});
}

TEST_CASE("hyphens are tokens of their own, glued to their neighbours") {
    const std::string text = "Russian-backed co-operation";
    const Tokenized tokenized = tokenize(text);
    CHECK(texts(text, tokenized) == std::vector<std::string>{"Russian", "-", "backed", "co", "-", "operation"});
    const TokenView view(text, tokenized.tokens);
    CHECK(view.joined(1));
    CHECK(view.joined(2));
    CHECK_FALSE(view.joined(3));
    CHECK(view.is_hyphen(1));
    CHECK(view.match(0, "russian backed") == 3);
}

TEST_CASE("weapon designators keep their parts") {
    CHECK(words_of("S-400 systems") == std::vector<std::string>{"S", "-", "400", "systems"});
    CHECK(words_of("Su-35s") == std::vector<std::string>{"Su", "-", "35", "s"});
    CHECK(words_of("T-72B3 tanks") == std::vector<std::string>{"T", "-", "72", "B3", "tanks"});
}

TEST_CASE("abbreviations keep their periods") {
    const std::string text = "U.S. and W.Va. officials met Mr. Smith in Washington, D.C., on Jan. 26.";
    const Tokenized tokenized = tokenize(text);
    for (const std::string word : {"U.S.", "W.Va.", "Mr.", "D.C.", "Jan."}) {
        CAPTURE(word);
        CHECK(token_named(text, tokenized, word).abbreviation);
    }
    CHECK(token_named(text, tokenized, "U.S.").all_caps);
    CHECK(tokenized.sentences.size() == 1);
    CHECK(words_of("John F. Kennedy")[1] == "F.");
    CHECK(words_of("e.g. tanks")[0] == "e.g.");
}

TEST_CASE("numbers keep thousands separators and decimals") {
    CHECK(words_of("127,000 troops") == std::vector<std::string>{"127,000", "troops"});
    CHECK(words_of("1.5 million") == std::vector<std::string>{"1.5", "million"});
    CHECK(words_of("2,000,000") == std::vector<std::string>{"2,000,000"});
    CHECK(words_of("2,000-kilometre") == std::vector<std::string>{"2,000", "-", "kilometre"});
    CHECK(words_of("numbered 5,000.") == std::vector<std::string>{"numbered", "5,000", "."});
    CHECK(words_of("1,2 and 1,23") == std::vector<std::string>{"1", ",", "2", "and", "1", ",", "23"});
    CHECK(words_of("2.3bn") == std::vector<std::string>{"2.3", "bn"});
    CHECK(words_of("10:30") == std::vector<std::string>{"10", ":", "30"});
    const Tokenized tokenized = tokenize("127,000");
    CHECK(tokenized.tokens[0].kind == TokenKind::number);
}

TEST_CASE("word flags: capitalised, all caps, sentence start") {
    const std::string text = "\xE2\x80\x9CThere is NATO,\xE2\x80\x9D said Stoltenberg.";
    const Tokenized tokenized = tokenize(text);
    CHECK(tokenized.tokens[0].kind == TokenKind::punct);
    CHECK_FALSE(tokenized.tokens[0].sentence_start);
    CHECK(token_named(text, tokenized, "There").sentence_start);
    CHECK(token_named(text, tokenized, "There").capitalised);
    CHECK_FALSE(token_named(text, tokenized, "There").all_caps);
    CHECK(token_named(text, tokenized, "NATO").all_caps);
    CHECK(token_named(text, tokenized, "Stoltenberg").capitalised);
    CHECK_FALSE(token_named(text, tokenized, "said").capitalised);
}

TEST_CASE("Cyrillic words, emoji and junk") {
    const std::string text = "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x9A\x80 \xFF ok";  // Київ 🚀 <junk> ok
    const Tokenized tokenized = tokenize(text);
    REQUIRE(tokenized.tokens.size() == 4);
    CHECK(tokenized.tokens[0].kind == TokenKind::word);
    CHECK(tokenized.tokens[0].capitalised);
    CHECK(tokenized.tokens[0].size() == 8);
    CHECK(tokenized.tokens[1].kind == TokenKind::symbol);
    CHECK(tokenized.tokens[2].kind == TokenKind::symbol);
}

// ---------------------------------------------------------------- sentences

TEST_CASE("sentences end at . ! ? before a capital") {
    CHECK(sentences_of("Troops arrived. Tanks followed! Why? Nobody knows.") ==
          std::vector<std::string>{"Troops arrived.", "Tanks followed!", "Why?", "Nobody knows."});
    CHECK(sentences_of("It rose to 5,000. 3,000 more came.") ==
          std::vector<std::string>{"It rose to 5,000.", "3,000 more came."});
    CHECK(sentences_of("the value is 1.5 and rising. ok") == std::vector<std::string>{"the value is 1.5 and rising. ok"});
}

TEST_CASE("closing quotes stay with their sentence") {
    CHECK(sentences_of("He said \xE2\x80\x9Cthere is no change.\xE2\x80\x9D Then he left.") ==
          std::vector<std::string>{"He said \xE2\x80\x9Cthere is no change.\xE2\x80\x9D", "Then he left."});
    CHECK(sentences_of("\xE2\x80\x9CWe are ready,\xE2\x80\x9D he told reporters.").size() == 1);
    CHECK(sentences_of("\xE2\x80\x9CPillows?\xE2\x80\x9D he asked.").size() == 1);
    CHECK(sentences_of("It ended. \xE2\x80\x9CNo,\xE2\x80\x9D he said.").size() == 2);
}

TEST_CASE("abbreviations end sentences only before a sentence opener") {
    CHECK(sentences_of("Mr. Blinken met U.S. Secretary Austin.").size() == 1);
    CHECK(sentences_of("Troops flew to the U.S. The next day they left.") ==
          std::vector<std::string>{"Troops flew to the U.S.", "The next day they left."});
    CHECK(sentences_of("He lives in Alexandria, La. He was arrested.").size() == 2);
    CHECK(sentences_of("It happened on Jan. 26 at night.").size() == 1);
    CHECK(sentences_of("on Jan. 26.SERGEY PIVOT/Reuters").size() == 1);
}

TEST_CASE("paragraphs and headlines are sentences") {
    const std::string text = "Russia masses troops\n\nThe build-up continues. Officials worry.\n\nKyiv";
    CHECK(sentences_of(text) ==
          std::vector<std::string>{"Russia masses troops", "The build-up continues.", "Officials worry.", "Kyiv"});
    const Tokenized tokenized = tokenize(text);
    CHECK(tokenized.tokens[0].paragraph_start);
    CHECK(token_named(text, tokenized, "The").paragraph_start);
    CHECK_FALSE(token_named(text, tokenized, "Officials").paragraph_start);
}

TEST_CASE("single line breaks split only text without blank lines") {
    CHECK(sentences_of("Headline one\nHeadline two") == std::vector<std::string>{"Headline one", "Headline two"});
    CHECK(sentences_of("A wrapped\nline.\n\nNext paragraph") ==
          std::vector<std::string>{"A wrapped\nline.", "Next paragraph"});
    CHECK(sentences_of("Windows\r\n\r\nline ends") == std::vector<std::string>{"Windows", "line ends"});
}

TEST_CASE("sentences cover every token in order") {
    const std::string text = "One. Two!\n\n\xE2\x80\x9CThree?\xE2\x80\x9D Four \xE2\x80\xA6 five. (Six.) Seven";
    const Tokenized tokenized = tokenize(text);
    std::size_t next = 0;
    for (const auto& sentence : tokenized.sentences) {
        CHECK(sentence.first_token == next);
        CHECK(sentence.token_count > 0);
        next += sentence.token_count;
    }
    CHECK(next == tokenized.tokens.size());
}

TEST_CASE("empty, blank and junk text") {
    CHECK(tokenize("").tokens.empty());
    CHECK(tokenize("").sentences.empty());
    CHECK(tokenize(" \n\n\t ").tokens.empty());
    std::mt19937 random(7);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 100; ++round) {
        std::string junk;
        for (int i = 0; i < 200; ++i) junk += static_cast<char>(byte(random));
        const Tokenized tokenized = tokenize(junk);
        std::size_t covered = 0;
        for (const auto& sentence : tokenized.sentences) covered += sentence.token_count;
        CHECK(covered == tokenized.tokens.size());
        for (const Token& token : tokenized.tokens) CHECK(token.end <= junk.size());
    }
}

TEST_CASE("TokenView answers no outside its window") {
    const std::string text = "about 3,000 soldiers";
    const Tokenized tokenized = tokenize(text);
    const TokenView view(text, tokenized.tokens);
    CHECK(view.is(0, "about"));
    CHECK_FALSE(view.is(3, "about"));
    CHECK(view.str(99).empty());
    CHECK_FALSE(view.joined(0));
    CHECK_FALSE(view.joined(99));
    CHECK(view.match(2, "soldiers arrived") == 0);
    CHECK(view.span_text(0, 3) == text);
    CHECK(view.span_text(2, 1).empty());
}
