// The extraction pipeline: a text in, a Scenario out (places, figures with
// actors and places, borders with claimed and measured lengths).
#include "core/error.hpp"
#include "shared_resources.hpp"
#include "core/paths.hpp"
#include "extract/extract.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using muster::Gazetteer;
using namespace muster::extract;
namespace scenario = muster::scenario;

namespace {

using muster::test::gazetteer;
using muster::test::lexicon;

using muster::test::border_cache;

ExtractResources resources() { return {gazetteer(), lexicon(), border_cache()}; }

std::string fixture_path(const std::string& name) { return std::string(MUSTER_TEST_FIXTURES) + "/extract/" + name; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

scenario::Scenario extract_text(const std::string& text, std::vector<std::string>* warnings = nullptr,
                                const std::string& path = "") {
    ExtractSource source;
    source.path = path;
    return extract_scenario(text, source, resources(), warnings);
}

const scenario::Place* place_named(const scenario::Scenario& s, const std::string& name) {
    for (const auto& place : s.places)
        if (place.name == name) return &place;
    return nullptr;
}

// "TEXT|ACTOR|PLACE NAME" of a figure.
std::string figure_summary(const scenario::Scenario& s, const scenario::Figure& f) {
    const scenario::Place* place = f.place.empty() ? nullptr : s.place(f.place);
    return f.text + "|" + f.actor + "|" + (place ? place->name : "");
}

}  // namespace

TEST_CASE("extract_scenario: the fixture article") {
    const std::string path = fixture_path("buildup.txt");
    const std::string text = slurp(path);
    std::vector<std::string> warnings;
    const scenario::Scenario s = extract_text(text, &warnings, path);
    CHECK(warnings.empty());

    REQUIRE(s.sources.size() == 1);
    CHECK(s.sources[0].id == "s1");
    CHECK(s.sources[0].title == "Forces gather on two fronts");
    CHECK(s.sources[0].path == path);
    CHECK(s.sources[0].text == text);
    CHECK(s.title == "Forces gather on two fronts");

    // Places: one per gazetteer entry, ids in order of first mention.
    for (std::size_t i = 0; i < s.places.size(); ++i) CHECK(s.places[i].id == "p" + std::to_string(i + 1));
    CHECK(s.places[0].name == "Moscow");
    const scenario::Place* ukraine = place_named(s, "Ukraine");
    REQUIRE(ukraine);
    CHECK(ukraine->id == "p2");
    CHECK(ukraine->country == "UA");
    CHECK(ukraine->feature == "country");
    CHECK(ukraine->gazetteer_id == "UA");
    CHECK(ukraine->geonameid == 0);
    REQUIRE(ukraine->mentions.size() == 2);
    for (const auto& mention : ukraine->mentions) CHECK(s.mention_text(mention) == "Ukraine");
    const scenario::Place* kyiv = place_named(s, "Kyiv");
    REQUIRE(kyiv);
    CHECK(kyiv->feature == "city");
    CHECK(kyiv->geonameid == 703448);
    CHECK(kyiv->gazetteer_id == "703448");
    CHECK(kyiv->confidence > 0.0);
    CHECK(kyiv->confidence <= 1.0);

    // Figures, with their actors and places.
    std::vector<std::string> figures;
    for (const auto& f : s.figures) figures.push_back(figure_summary(s, f));
    CHECK(figures == std::vector<std::string>{
                         "an estimated 90,000 soldiers|RU|Ukraine",
                         "2,000-kilometre||Ukraine",
                         "1,084-kilometre||Ukraine",
                         "thousands of troops|RU|Belarus",
                         "hundreds of aircraft|RU|Belarus",
                         "S-400 systems|RU|Belarus",
                         "4,000 troops|NATO|Romania",
                         "5,000 helmets|DE|",
                         "killed more than 14,000 people||Donbas",
                     });
    REQUIRE(s.figures.size() == 9);
    for (std::size_t i = 0; i < s.figures.size(); ++i) {
        CHECK(s.figures[i].id == "f" + std::to_string(i + 1));
        REQUIRE(s.figures[i].mention);
        CHECK(s.mention_text(*s.figures[i].mention) == s.figures[i].text);
    }
    const scenario::Figure& soldiers = s.figures[0];
    CHECK(soldiers.amount.value == 90000);
    CHECK(soldiers.amount.qualifier == "approx");
    CHECK(soldiers.unit == "troops");
    CHECK(soldiers.category == "personnel");
    const scenario::Figure& troops = s.figures[3];
    CHECK(troops.amount.value == 4500);
    CHECK(troops.amount.min == 2000);
    CHECK(troops.amount.max == 9999);
    CHECK(troops.amount.qualifier == "range");
    CHECK_FALSE(s.figures[5].amount.value);  // "S-400 systems": a mention without a number
    CHECK(s.figures[8].category == "casualties");

    // Borders: claimed from the text, measured on the 1:10m polygons.
    REQUIRE(s.borders.size() == 2);
    const scenario::Border& ru_ua = s.borders[0];
    CHECK(ru_ua.id == "b1");
    CHECK(ru_ua.a == "RU");
    CHECK(ru_ua.b == "UA");
    CHECK(ru_ua.claimed_km == 2000);
    CHECK(ru_ua.measured_km > 1450);  // 1,524.1 km measured (Crimea in Ukraine)
    CHECK(ru_ua.measured_km < 1600);
    CHECK_FALSE(ru_ua.lines.empty());
    REQUIRE(ru_ua.mention);
    CHECK(s.mention_text(*ru_ua.mention) == "2,000-kilometre border with Ukraine");
    const scenario::Border& by_ua = s.borders[1];
    CHECK(by_ua.id == "b2");
    CHECK(by_ua.a == "BY");
    CHECK(by_ua.b == "UA");
    CHECK(by_ua.claimed_km == 1084);
    CHECK(by_ua.measured_km > 800);  // 863.0 km at 1:10m
    CHECK(by_ua.measured_km < 950);
}

TEST_CASE("extract_scenario: one border per pair, the first claim kept") {
    const scenario::Scenario s = extract_text(
        "Russia has 100,000 troops on Ukraine's borders. Russia has a 2,000-kilometre border with Ukraine. "
        "Ukraine's border of 1,900 km with Russia is long.");
    REQUIRE(s.borders.size() == 1);
    CHECK(s.borders[0].a == "RU");
    CHECK(s.borders[0].b == "UA");
    CHECK(s.borders[0].claimed_km == 2000);
}

TEST_CASE("extract_scenario: no border where the countries do not touch") {
    const scenario::Scenario s = extract_text("Poland has a border with Russia.");  // Kaliningrad touches Poland
    CHECK(s.borders.size() == 1);
    CHECK(extract_text("Germany shares a border with Ukraine.").borders.empty());
}

TEST_CASE("BorderCache computes each pair once, whatever the order") {
    BorderCache cache(muster::default_geopackage());
    const auto first = cache.get("BY", "PL");
    REQUIRE(first);
    CHECK(first->a == "BY");
    CHECK(first->b == "PL");
    const auto second = cache.get("PL", "BY");
    REQUIRE(second);
    CHECK(second->a == "PL");
    CHECK(second->length_km == first->length_km);
    CHECK(cache.computed() == 1);
    CHECK_FALSE(cache.get("DE", "UA"));
    CHECK(cache.computed() == 2);
    CHECK_THROWS_AS(cache.get("RU", "QQ"), muster::Error);
}

TEST_CASE("extract_scenario: invalid UTF-8 is repaired with one warning") {
    std::vector<std::string> warnings;
    const scenario::Scenario s =
        extract_text("Russia moved 300 tanks into Belarus.\xff\xfe Then \xc3 more.", &warnings, "bad.txt");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "bad.txt: replaced 3 invalid UTF-8 sequences with U+FFFD");
    REQUIRE(s.figures.size() == 1);
    CHECK(figure_summary(s, s.figures[0]) == "300 tanks|RU|Belarus");
    CHECK(s.sources[0].text.find("\xef\xbf\xbd") != std::string::npos);

    warnings.clear();
    extract_text("One bad byte: \x80.", &warnings, "-");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "<stdin>: replaced 1 invalid UTF-8 sequence with U+FFFD");
}

TEST_CASE("extract_scenario: HTML is stripped and offsets index the readable text") {
    const std::string path = fixture_path("buildup.html");
    const scenario::Scenario s = extract_text(slurp(path), nullptr, path);
    const std::string& text = s.sources[0].text;
    CHECK(text.find('<') == std::string::npos);
    CHECK(text.find("color") == std::string::npos);
    CHECK(s.title == "Forces gather & wait");
    REQUIRE(s.figures.size() == 2);
    CHECK(figure_summary(s, s.figures[0]) == "127,000 troops|RU|Kharkiv");
    CHECK(figure_summary(s, s.figures[1]) == "300 tanks|RU|Belarus");
    for (const auto& f : s.figures) CHECK(s.mention_text(*f.mention) == f.text);
    // Not HTML by name: the markup stays text.
    CHECK(extract_text("<p>Russia moved 300 tanks into Belarus.</p>", nullptr, "a.txt").sources[0].text.front() == '<');
}

TEST_CASE("extract_scenario: titles, and texts past the size limit are refused") {
    CHECK(first_line("\n  \r\n\t Troops gather \t\r\nmore") == "Troops gather");
    CHECK(first_line(" \n\n") == "");
    ExtractSource named;
    named.title = "Given";
    named.date = "2022-01-26";
    const scenario::Scenario s = extract_scenario("Text here.", named, resources());
    CHECK(s.title == "Given");
    CHECK(s.date == "2022-01-26");
    CHECK(s.sources[0].date == "2022-01-26");
    CHECK(s.sources[0].path == "");

    const std::string big(kMaxTextBytes + 1, 'a');
    ExtractSource source;
    source.path = "big.txt";
    CHECK_THROWS_WITH_AS(extract_scenario(big, source, resources()),
                         "big.txt: too large (50000001 bytes; muster extracts texts up to 50 MB)", muster::Error);
}

TEST_CASE("extract_scenario: the article's date comes from its file name or its dateline") {
    CHECK(extract_text("Troops moved.", nullptr, "/news/globe-2022-01-26.txt").date == "2022-01-26");
    CHECK(extract_text("KYIV, January 26, 2022 - Troops moved.").date == "2022-01-26");
    CHECK(extract_text("Published 3 March 2014\nTroops moved into Crimea.").date == "2014-03-03");
    CHECK(extract_text("Troops moved on February 30, 2022.").date == "");  // no such day
    CHECK(extract_text("Troops moved on February 29, 2022.").date == "");  // 2022 is no leap year (found by fuzzing)
    CHECK(extract_text("Troops moved on February 29, 2024.").date == "2024-02-29");
    CHECK(extract_text("Troops moved.", nullptr, "/news/globe-2100-02-29.txt").date == "");
    CHECK(extract_text("Troops moved.").date == "");
    const scenario::Scenario s = extract_text("Troops moved.", nullptr, "report-2021-11-10.txt");
    REQUIRE(s.sources.size() == 1);
    CHECK(s.sources[0].date == "2021-11-10");
}

TEST_CASE("extract_scenario: NATO members are the members on the article's date") {
    const std::string text = "Jets flew over NATO members in the east.";
    const scenario::Scenario in_2022 = extract_text(text, nullptr, "a-2022-01-26.txt");
    const scenario::Place* nato = place_named(in_2022, "NATO members");
    REQUIRE(nato);
    CHECK(nato->members.size() == 30);
    CHECK(std::find(nato->members.begin(), nato->members.end(), "FI") == nato->members.end());
    // Each scenario outlives the pointer into it (AddressSanitizer caught a
    // pointer into a temporary here).
    const scenario::Scenario in_2024 = extract_text(text, nullptr, "a-2024-06-01.txt");
    const scenario::Place* later = place_named(in_2024, "NATO members");
    REQUIRE(later);
    CHECK(later->members.size() == 32);
    const scenario::Scenario in_1990_scenario = extract_text(text, nullptr, "a-1990-06-01.txt");
    const scenario::Place* in_1990 = place_named(in_1990_scenario, "NATO members");
    REQUIRE(in_1990);
    CHECK(in_1990->members.size() == 16);
}

TEST_CASE("extract_scenario: regions carry the areas they cover") {
    const scenario::Scenario s = extract_text("Shelling went on in the Donbas and in Crimea.");
    const scenario::Place* donbas = place_named(s, "Donbas");
    REQUIRE(donbas);
    CHECK(donbas->members == std::vector<std::string>{"UA.05", "UA.14"});
    const scenario::Place* crimea = place_named(s, "Crimea");
    REQUIRE(crimea);
    CHECK(crimea->members == std::vector<std::string>{"UA.11", "UA.20"});
}

TEST_CASE("extract_scenario: a town's name inside a weapon's name is no place") {
    const scenario::Scenario s = extract_text("Russia moved Iskander missiles and S-400 batteries to Belarus.");
    CHECK_FALSE(place_named(s, "Iskandar"));
    REQUIRE(place_named(s, "Belarus"));
    CHECK(s.figures.size() == 2);
}
