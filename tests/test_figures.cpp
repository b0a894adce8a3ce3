// Figures: every example of every corpus in src/extract/figures/ (the corpus is
// the test), plus numerals, amounts and robustness.
//
// Corpus notation (src/extract/figures/<kind>.corpus):
//
//   # a comment
//   About 3,000 soldiers arrived on Tuesday.
//     => text="About 3,000 soldiers" value=3000 qualifier=approx unit=troops category=personnel
//   In 2014 the peninsula was annexed.
//     => none
//
// An example is a line that does not start with '#' or "=>" (after blanks). The
// "=>" lines after it list, in order, every figure find_figures() must report
// for it; "=> none" says it has none. Fields: text (the exact phrase, quoted),
// value, min, max (absent means the figure must have none; a number matches at
// the precision it is written with: value=9012.33 accepts 9012.3264), qualifier,
// unit (quoted when it has spaces), category.
#include "extract/figure.hpp"
#include "extract/numeral.hpp"
#include "extract/text.hpp"
#include "extract/tokenizer.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace muster::extract;

namespace {

// ================================================================ corpus files

struct Expected {
    int line = 0;
    std::map<std::string, std::string> fields;
};

struct Example {
    std::string file;
    int line = 0;
    std::string text;
    bool says_none = false;
    std::vector<Expected> figures;
};

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

// Parses `key=value key="quoted value" ...`; returns false on a malformed field.
bool parse_fields(const std::string& s, std::map<std::string, std::string>& fields, std::string& error) {
    std::size_t p = 0;
    while (p < s.size()) {
        while (p < s.size() && s[p] == ' ') ++p;
        if (p >= s.size()) break;
        const std::size_t eq = s.find('=', p);
        if (eq == std::string::npos) {
            error = "field without '=': " + s.substr(p);
            return false;
        }
        const std::string key = s.substr(p, eq - p);
        std::string value;
        p = eq + 1;
        if (p < s.size() && s[p] == '"') {
            const std::size_t close = s.find('"', p + 1);
            if (close == std::string::npos) {
                error = "unclosed quote after " + key;
                return false;
            }
            value = s.substr(p + 1, close - p - 1);
            p = close + 1;
        } else {
            const std::size_t space = s.find(' ', p);
            value = s.substr(p, space == std::string::npos ? std::string::npos : space - p);
            p = space == std::string::npos ? s.size() : space;
        }
        if (fields.count(key) != 0) {
            error = "field given twice: " + key;
            return false;
        }
        fields[key] = value;
    }
    return true;
}

std::vector<Example> read_corpus(const fs::path& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot read " << path.string());
    std::vector<Example> examples;
    std::string raw;
    int line = 0;
    const std::string file = path.filename().string();
    while (std::getline(in, raw)) {
        ++line;
        const std::string text = trim(raw);
        if (text.empty() || text[0] == '#') continue;
        if (text.rfind("=>", 0) == 0) {
            const std::string rest = trim(text.substr(2));
            if (examples.empty()) {
                FAIL_CHECK(file << ":" << line << ": expectation before any example");
                continue;
            }
            Example& example = examples.back();
            if (rest == "none") {
                example.says_none = true;
                continue;
            }
            Expected expected;
            expected.line = line;
            std::string error;
            if (!parse_fields(rest, expected.fields, error)) {
                FAIL_CHECK(file << ":" << line << ": " << error);
                continue;
            }
            for (const auto& [key, value] : expected.fields) {
                const bool known = key == "text" || key == "value" || key == "min" || key == "max" ||
                                   key == "qualifier" || key == "unit" || key == "category";
                if (!known) FAIL_CHECK(file << ":" << line << ": unknown field " << key);
            }
            for (const char* required : {"text", "qualifier", "unit", "category"}) {
                if (expected.fields.count(required) == 0) FAIL_CHECK(file << ":" << line << ": missing " << required);
            }
            example.figures.push_back(std::move(expected));
            continue;
        }
        Example example;
        example.file = file;
        example.line = line;
        example.text = text;
        examples.push_back(std::move(example));
    }
    for (const Example& example : examples) {
        if (example.says_none == !example.figures.empty()) {
            FAIL_CHECK(example.file << ":" << example.line << ": an example needs figure lines or '=> none', not both");
        }
    }
    return examples;
}

// A number written with d decimals matches what rounds to it at d decimals.
bool number_matches(const std::string& written, double actual) {
    char* end = nullptr;
    const double expected = std::strtod(written.c_str(), &end);
    if (end == written.c_str() || *end != '\0') return false;
    const std::size_t dot = written.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(written.size() - dot - 1);
    const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9 * std::fabs(expected);
    return std::fabs(actual - expected) <= tolerance;
}

// What differs between the expected and the found figure; empty when they agree.
std::string difference(const Expected& expected, const Figure& figure, const std::string& text) {
    std::ostringstream out;
    const auto& f = expected.fields;
    const std::string found_text = text.substr(figure.begin, figure.end - figure.begin);
    if (f.at("text") != found_text) out << " text";
    for (const auto& [key, number] : {std::pair{"value", figure.value}, std::pair{"min", figure.min},
                                      std::pair{"max", figure.max}}) {
        const auto given = f.find(key);
        if (given == f.end() ? number.has_value() : (!number || !number_matches(given->second, *number))) {
            out << " " << key;
        }
    }
    if (f.at("qualifier") != to_string(figure.qualifier)) out << " qualifier";
    if (f.at("unit") != figure.unit) out << " unit";
    if (f.at("category") != to_string(figure.category)) out << " category";
    return out.str();
}

std::string found_list(const std::vector<Figure>& figures, const std::string& text) {
    std::string out;
    for (const Figure& figure : figures) out += "\n    found: " + describe(figure, text);
    if (figures.empty()) out += "\n    found: none";
    return out;
}

std::vector<Figure> figures_in(const std::string& text) { return find_figures(text, tokenize(text)); }

void check_example(const Example& example) {
    const std::vector<Figure> found = figures_in(example.text);
    const std::string where = example.file + ":" + std::to_string(example.line) + ": " + example.text;
    if (found.size() != example.figures.size()) {
        FAIL_CHECK(where << "\n    expected " << example.figures.size() << " figure(s)" << found_list(found, example.text));
        return;
    }
    for (std::size_t k = 0; k < found.size(); ++k) {
        const std::string diff = difference(example.figures[k], found[k], example.text);
        if (!diff.empty()) {
            FAIL_CHECK(where << "\n    line " << example.figures[k].line << " differs in:" << diff
                             << found_list(found, example.text));
        }
    }
}

const fs::path kCorpusDir = fs::path(MUSTER_SOURCE_DIR) / "src" / "extract" / "figures";

}  // namespace

// ================================================================ corpora

TEST_CASE("figure corpora: every kind has a corpus of at least 15 examples") {
    for (const char* kind : {"personnel", "units", "equipment", "distance", "casualties", "count", "non_figures"}) {
        CAPTURE(kind);
        const fs::path corpus = kCorpusDir / (std::string(kind) + ".corpus");
        REQUIRE(fs::exists(corpus));
        CHECK(read_corpus(corpus).size() >= 15);
    }
}

TEST_CASE("figure corpora: every example finds exactly its figures") {
    int examples = 0;
    for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
        if (entry.path().extension() != ".corpus") continue;
        for (const Example& example : read_corpus(entry.path())) {
            check_example(example);
            ++examples;
        }
    }
    MESSAGE(examples << " corpus examples");
    CHECK(examples > 100);
}

// ================================================================ numerals

namespace {

std::optional<Numeral> numeral(const std::string& text) {
    const Tokenized tokenized = tokenize(text);
    return match_numeral(TokenView(text, tokenized.tokens), 0);
}

std::optional<Amount> amount(const std::string& text) {
    const Tokenized tokenized = tokenize(text);
    return match_amount(TokenView(text, tokenized.tokens), 0);
}

}  // namespace

TEST_CASE("parse_decimal reads digits with well-placed separators") {
    CHECK(parse_decimal("127,000") == 127000);
    CHECK(parse_decimal("1.5") == 1.5);
    CHECK(parse_decimal("2,000,000.25") == 2000000.25);
    CHECK_FALSE(parse_decimal("12,34"));
    CHECK_FALSE(parse_decimal("1234,567"));
    CHECK_FALSE(parse_decimal("1."));
    CHECK_FALSE(parse_decimal(""));
    CHECK_FALSE(parse_decimal("9999999999999999999999"));
}

TEST_CASE("numerals in digits and words") {
    CHECK(numeral("1.5 million")->value == 1.5e6);
    CHECK(numeral("2.3bn")->value == doctest::Approx(2.3e9));
    CHECK(numeral("10k")->value == 10000);
    CHECK(numeral("2.3m people")->value == doctest::Approx(2.3e6));
    CHECK(numeral("500m from")->value == 500);
    CHECK(numeral("twelve")->value == 12);
    CHECK(numeral("forty-five")->value == 45);
    CHECK(numeral("twenty one")->value == 21);
    CHECK(numeral("a hundred")->value == 100);
    CHECK(numeral("three thousand")->value == 3000);
    CHECK(numeral("two hundred and fifty")->value == 250);
    CHECK(numeral("a dozen")->value == 12);
    CHECK(numeral("two dozen")->value == 24);
    CHECK(numeral("half a million")->value == 500000);
    CHECK(numeral("one hundred thousand")->value == 100000);
    CHECK(numeral("two three")->last == 1);
    CHECK_FALSE(numeral("troops"));
}

TEST_CASE("vague numerals are ranges with a geometric best estimate") {
    const auto thousands = numeral("thousands");
    REQUIRE(thousands);
    CHECK(thousands->vague);
    CHECK(*thousands->min == 2000);
    CHECK(*thousands->max == 9999);
    CHECK(thousands->value == 4500);
    const auto tens = numeral("tens of thousands");
    CHECK(*tens->min == 20000);
    CHECK(*tens->max == 99999);
    CHECK(tens->value == 45000);
    CHECK(*numeral("hundreds of thousands")->max == 999999);
    CHECK(*numeral("dozens")->min == 24);
    CHECK(numeral("dozens")->value == 49);
    CHECK(*numeral("several thousand")->min == 3000);
    CHECK(*numeral("a few hundred")->max == 500);
    CHECK(*numeral("several")->max == 9);
    CHECK_FALSE(numeral("tens"));
}

TEST_CASE("amounts carry their qualifiers and ranges") {
    CHECK(amount("about 3,000")->qualifier == Qualifier::approx);
    CHECK(amount("an estimated 127,000")->qualifier == Qualifier::approx);
    const auto more = amount("more than 14,000");
    CHECK(more->qualifier == Qualifier::at_least);
    CHECK(*more->min == 14000);
    CHECK_FALSE(more->max);
    const auto up_to = amount("up to 175,000");
    CHECK(up_to->qualifier == Qualifier::at_most);
    CHECK(*up_to->max == 175000);
    CHECK(amount("nearly 3,000")->qualifier == Qualifier::at_most);
    CHECK(amount("5,000 or more")->qualifier == Qualifier::at_least);
    CHECK(amount("100,000-plus")->qualifier == Qualifier::at_least);
    const auto between = amount("between 100,000 and 175,000");
    CHECK(between->qualifier == Qualifier::range);
    CHECK(between->value == 137500);
    const auto shared_scale = amount("two to three thousand");
    CHECK(*shared_scale->min == 2000);
    CHECK(*shared_scale->max == 3000);
    CHECK(amount("3,000-5,000")->qualifier == Qualifier::range);
    CHECK(amount("3,000\xE2\x80\x93" "5,000")->qualifier == Qualifier::range);
    CHECK(amount("two or three")->qualifier == Qualifier::range);
    CHECK(amount("some thousands")->qualifier == Qualifier::range);
    CHECK(amount("more than thousands")->qualifier == Qualifier::at_least);
    CHECK_FALSE(amount("about troops"));
}

// ================================================================ API and robustness

TEST_CASE("qualifier and category names follow the output contract") {
    CHECK(to_string(Qualifier::at_least) == "at_least");
    CHECK(to_string(FigureCategory::casualties) == "casualties");
    for (const char* name : {"exact", "approx", "at_least", "at_most", "range"}) CHECK(to_string(*parse_qualifier(name)) == name);
    for (const char* name : {"personnel", "unit", "equipment", "distance", "casualties", "count", "other"}) {
        CHECK(to_string(*parse_category(name)) == name);
    }
    CHECK_FALSE(parse_qualifier("about"));
    CHECK_FALSE(parse_category("troops"));
}

TEST_CASE("figures carry token ranges into the tokenized text") {
    const std::string text = "Intro line.\n\nRussia sent 3,000 troops.";
    const Tokenized tokenized = tokenize(text);
    const std::vector<Figure> figures = find_figures(text, tokenized);
    REQUIRE(figures.size() == 1);
    CHECK(tokenized.tokens[figures[0].first_token].begin == figures[0].begin);
    CHECK(tokenized.tokens[figures[0].last_token - 1].end == figures[0].end);
}

TEST_CASE("find_figures never crashes on odd input") {
    CHECK(figures_in("").empty());
    CHECK(figures_in("   \n\n").empty());
    CHECK(figures_in("999999999999999999999999999 troops").empty());
    CHECK(figures_in(std::string(5000, '9') + " troops").empty());
    CHECK(figures_in(std::string(3000, ',') + std::string(3000, '-')).empty());
    std::string numbers;
    std::string systems;
    std::string chain = "1 ";
    for (int i = 0; i < 2000; ++i) numbers += "1,000 to ";
    for (int i = 0; i < 20000; ++i) systems += "S-400 system ";  // once overflowed the stack
    for (int i = 0; i < 20000; ++i) chain += "a-";
    CHECK_NOTHROW(figures_in(numbers));
    CHECK(figures_in(systems).size() == 20000);
    CHECK(figures_in(chain).empty());
    std::mt19937 random(3);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> word(0, 9);
    const char* words[] = {"thousands", "of", "troops", "S-400", "killed", "more than", "2,000", "km", "(", "-"};
    for (int round = 0; round < 200; ++round) {
        std::string junk;
        for (int i = 0; i < 40; ++i) {
            if (round % 2 == 0) junk += static_cast<char>(byte(random));
            else junk += std::string(words[word(random)]) + " ";
        }
        const std::string text = repair_utf8(junk);
        for (const Figure& figure : figures_in(text)) {
            CHECK(figure.begin < figure.end);
            CHECK(figure.end <= text.size());
        }
    }
}
