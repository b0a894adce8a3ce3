// Merging a second article's scenario into the first: ids follow on,
// shared places become one, provenance stays with each source.
#include "extract/extract.hpp"
#include "scenario/merge.hpp"
#include "shared_resources.hpp"

#include <doctest/doctest.h>

#include <string>

namespace sc = muster::scenario;
using muster::extract::ExtractResources;
using muster::extract::ExtractSource;

namespace {

sc::Scenario extracted(const std::string& text, const std::string& title) {
    ExtractSource source;
    source.title = title;
    const ExtractResources resources{muster::test::gazetteer(), muster::test::lexicon(), muster::test::border_cache()};
    return muster::extract::extract_scenario(text, source, resources);
}

const sc::Place* named(const sc::Scenario& s, const std::string& name) {
    for (const auto& place : s.places)
        if (place.name == name) return &place;
    return nullptr;
}

}  // namespace

TEST_CASE("merge: a second article adds its facts with their own provenance") {
    sc::Scenario first = extracted("Russia has deployed 30,000 troops to Belarus.", "First report");
    const sc::Scenario second = extracted(
        "Belarus now hosts 5,000 more Russian troops, and Russia has massed 100,000 troops along its border with "
        "Ukraine.",
        "Second report");
    const std::size_t first_places = first.places.size();
    sc::merge_into(first, second);

    REQUIRE(first.sources.size() == 2);
    CHECK(first.sources[1].id == "s2");
    CHECK(first.sources[1].title == "Second report");
    CHECK(first.title == "First report");

    // Belarus is one place, mentioned in both articles.
    const sc::Place* belarus = named(first, "Belarus");
    REQUIRE(belarus);
    bool in_first = false, in_second = false;
    for (const auto& mention : belarus->mentions) {
        in_first = in_first || mention.source == "s1";
        in_second = in_second || mention.source == "s2";
        CHECK(first.mention_text(mention) == "Belarus");
    }
    CHECK(in_first);
    CHECK(in_second);
    CHECK(first.places.size() == first_places + 1);  // only Ukraine is new (Russia and Belarus were known)

    // Figures follow on (f1 from the first, f2... from the second), point at
    // the merged places and quote their own article.
    REQUIRE(first.figures.size() == 3);
    CHECK(first.figures[0].id == "f1");
    CHECK(first.figures[1].id == "f2");
    CHECK(first.figures[1].place == belarus->id);
    REQUIRE(first.figures[2].mention);
    CHECK(first.figures[2].mention->source == "s2");
    CHECK(first.mention_text(*first.figures[2].mention) == "100,000 troops");
    // The second article's border comes along.
    REQUIRE(first.borders.size() == 1);
    CHECK(first.borders[0].id == "b1");
    CHECK(first.borders[0].mention->source == "s2");
}

TEST_CASE("merge: a border both name stays one, the first claim kept, a missing one filled") {
    sc::Scenario a, b;
    sc::Border ab;
    ab.id = "b1";
    ab.a = "RU";
    ab.b = "UA";
    a.borders.push_back(ab);
    sc::Border ba = ab;
    ba.a = "UA";
    ba.b = "RU";
    ba.claimed_km = 2000.0;
    b.borders.push_back(ba);
    sc::merge_into(a, b);
    REQUIRE(a.borders.size() == 1);
    CHECK(a.borders[0].claimed_km == 2000.0);
    sc::Border again = ba;
    again.claimed_km = 1900.0;
    sc::Scenario c;
    c.borders.push_back(again);
    sc::merge_into(a, c);
    REQUIRE(a.borders.size() == 1);
    CHECK(a.borders[0].claimed_km == 2000.0);
}

TEST_CASE("merge: places set by hand are never merged, and ids skip past those in use") {
    sc::Scenario a, b;
    sc::Place hand;
    hand.id = "p7";
    hand.name = "Forward base";
    hand.feature = "site";
    a.places.push_back(hand);
    sc::Place other = hand;
    other.id = "p1";
    b.places.push_back(other);
    sc::Figure figure;
    figure.id = "f1";
    figure.place = "p1";
    b.figures.push_back(figure);
    sc::merge_into(a, b);
    REQUIRE(a.places.size() == 2);
    CHECK(a.places[1].id == "p8");
    REQUIRE(a.figures.size() == 1);
    CHECK(a.figures[0].place == "p8");
}
