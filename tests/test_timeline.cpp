// The timeline: what the map shows at a moment (scenario/timeline.hpp) and
// the dates extraction gives what it finds (scenario/dating.hpp).
#include "extract/extract.hpp"
#include "scenario/dating.hpp"
#include "scenario/merge.hpp"
#include "scenario/timeline.hpp"
#include "shared_resources.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <doctest/doctest.h>

#include <string>

namespace sc = muster::scenario;
using muster::LatLon;

namespace {

sc::Days day(const char* text) {
    const auto parsed = sc::parse_time(text);
    REQUIRE(parsed);
    return *parsed;
}

sc::Place place(std::string id, LatLon point) {
    sc::Place p;
    p.id = std::move(id);
    p.name = p.id;
    p.feature = "city";
    p.point = point;
    return p;
}

sc::Figure figure(std::string id, std::string place, sc::TimeSpan when = {}) {
    sc::Figure f;
    f.id = std::move(id);
    f.text = "10,000 troops";
    f.amount.value = 10000.0;
    f.unit = "troops";
    f.category = "personnel";
    f.actor = "RU";
    f.place = std::move(place);
    f.when = std::move(when);
    return f;
}

constexpr LatLon khabarovsk{48.48, 135.08};
constexpr LatLon minsk{53.90, 27.57};

// A figure that travels from Khabarovsk to Minsk over January 2022.
sc::Scenario redeployment() {
    sc::Scenario s;
    s.places = {place("p1", khabarovsk), place("p2", minsk)};
    s.figures = {figure("f1", "")};
    sc::Movement m;
    m.id = "m1", m.from = "p1", m.to = "p2", m.figure = "f1";
    m.when = {"2022-01-01", "2022-01-31"};
    s.movements = {m};
    return s;
}

}  // namespace

TEST_CASE("timeline: strength is interpolated between its dates and held outside them") {
    const std::vector<sc::StrengthAt> history{{"2021-11-01", 70000}, {"2022-01-01", 100000}, {"2022-02-01", 130000}};
    CHECK(*sc::strength_at(history, day("2021-11-01")) == 70000);
    CHECK(*sc::strength_at(history, day("2022-01-01")) == 100000);
    CHECK(*sc::strength_at(history, day("2022-02-01")) == 130000);
    // 2021-12-01 is 30 of the 61 days from November 1 to January 1.
    CHECK(*sc::strength_at(history, day("2021-12-01")) == doctest::Approx(70000 + 30000.0 * 30 / 61));
    CHECK(*sc::strength_at(history, day("2022-01-16T12:00")) == doctest::Approx(115000));
    CHECK(*sc::strength_at(history, day("2020-06-01")) == 70000);  // before: the first
    CHECK(*sc::strength_at(history, day("2023-01-01")) == 130000);  // after: the last
    CHECK_FALSE(sc::strength_at({}, day("2022-01-01")));
    // Given out of order, it is the dates that count.
    CHECK(*sc::strength_at({{"2022-02-01", 130000}, {"2022-01-01", 100000}}, day("2022-01-16T12:00")) ==
          doctest::Approx(115000));
}

TEST_CASE("timeline: a frame gives each figure's strength from its history, else none") {
    sc::Scenario s;
    s.places = {place("p1", minsk)};
    s.figures = {figure("f1", "p1"), figure("f2", "p1")};
    s.figures[0].history = {{"2022-01-01", 20000}, {"2022-01-11", 30000}};
    const sc::TimelineFrame frame = sc::frame_at(s, day("2022-01-06"));
    CHECK(*frame.figures[0].strength == doctest::Approx(25000));
    CHECK_FALSE(frame.figures[1].strength);
}

TEST_CASE("timeline: a figure is on the map only within its span, undated things always") {
    sc::Scenario s;
    s.places = {place("p1", minsk)};
    s.figures = {figure("f1", "p1", {"2021-11-10", "2022-01-25"}), figure("f2", "p1")};
    sc::Annotation label;
    label.id = "a1", label.kind = "label", label.when = {"2022-02-24", ""};
    s.annotations = {label};
    sc::Movement m;
    m.id = "m1", m.from = "p1", m.to = "p1", m.when = {"2022-01-01", "2022-01-31"};
    s.movements = {m};

    const sc::Timeline timeline(s);
    CHECK_FALSE(timeline.frame_at(day("2021-11-09")).figures[0].shown);
    CHECK(timeline.frame_at(day("2021-11-10")).figures[0].shown);
    // An end given as a date includes that whole day, and no more.
    CHECK(timeline.frame_at(day("2022-01-25T23:00")).figures[0].shown);
    CHECK_FALSE(timeline.frame_at(day("2022-01-26")).figures[0].shown);
    for (const char* when : {"1900-01-01", "2022-01-26", "2100-01-01"})
        CHECK_MESSAGE(timeline.frame_at(day(when)).figures[1].shown, when);
    CHECK_FALSE(timeline.frame_at(day("2022-02-23")).annotations[0]);
    CHECK(timeline.frame_at(day("2022-02-24")).annotations[0]);
    CHECK_FALSE(timeline.frame_at(day("2021-12-31")).movements[0]);
    CHECK(timeline.frame_at(day("2022-01-15")).movements[0]);
    CHECK_FALSE(timeline.frame_at(day("2022-02-01")).movements[0]);
    // A month or a year as the end holds through it.
    CHECK(sc::holds({"", "2021-11"}, day("2021-11-30T12:00")));
    CHECK_FALSE(sc::holds({"", "2021-11"}, day("2021-12-01")));
    CHECK(sc::holds({"", "2021"}, day("2021-12-31T23:59")));
    CHECK_FALSE(sc::holds({"", "2021"}, day("2022-01-01")));
    // A date-time end is that moment.
    CHECK(sc::holds({"", "2022-02-24T03:40"}, day("2022-02-24T03:40")));
    CHECK_FALSE(sc::holds({"", "2022-02-24T03:40"}, day("2022-02-24T03:41")));
}

TEST_CASE("timeline: a moving figure travels the geodesic, waiting at its origin and staying at its destination") {
    const sc::Scenario s = redeployment();
    const sc::Timeline timeline(s);
    const auto before = timeline.frame_at(day("2021-12-15")).figures[0];
    CHECK(before.place == 0);  // no place of its own: where it sets out from
    CHECK_FALSE(before.en_route);

    // Half way in time is half way along the geodesic, as GeographicLib puts it.
    const auto halfway = timeline.frame_at(day("2022-01-16")).figures[0];
    REQUIRE(halfway.en_route);
    CHECK(halfway.place == -1);
    const GeographicLib::Geodesic& earth = GeographicLib::Geodesic::WGS84();
    const GeographicLib::GeodesicLine line = earth.InverseLine(khabarovsk.lat, khabarovsk.lon, minsk.lat, minsk.lon);
    double lat = 0, lon = 0;
    line.Position(line.Distance() / 2, lat, lon);
    double metres = 0;
    earth.Inverse(lat, lon, halfway.en_route->lat, halfway.en_route->lon, metres);
    CHECK(metres < 1.0);
    // Far from the straight line in degrees: a great circle bends north.
    CHECK(halfway.en_route->lat > (khabarovsk.lat + minsk.lat) / 2 + 5);

    const auto after = timeline.frame_at(day("2022-02-01")).figures[0];
    CHECK(after.place == 1);
    CHECK_FALSE(after.en_route);

    // A figure with a place of its own stands there until it sets out.
    sc::Scenario placed = redeployment();
    placed.places.push_back(place("p3", {55.75, 37.62}));
    placed.figures[0].place = "p3";
    CHECK(sc::frame_at(placed, day("2021-12-15")).figures[0].place == 2);
    CHECK(sc::frame_at(placed, day("2022-02-15")).figures[0].place == 1);
}

TEST_CASE("timeline: the range is the scenario's own, else that of everything dated") {
    sc::Scenario s;
    CHECK_FALSE(sc::timeline_range(s));
    CHECK_FALSE(sc::current_time(s));
    CHECK_FALSE(sc::has_timeline(s));
    s.places = {place("p1", minsk)};
    s.figures = {figure("f1", "p1", {"2021-11-10", ""}), figure("f2", "p1")};
    s.figures[1].history = {{"2021-10-01", 1000}, {"2021-12-01", 2000}};
    sc::Movement m;
    m.id = "m1", m.from = "p1", m.to = "p1", m.when = {"", "2022-02-24T03:40"};
    s.movements = {m};
    sc::Source source;
    source.id = "s1", source.date = "2022-01-26";
    s.sources = {source};
    CHECK(sc::has_timeline(s));
    auto range = sc::timeline_range(s);
    REQUIRE(range);
    CHECK(range->start == day("2021-10-01"));
    CHECK(range->end == day("2022-02-24T03:40"));
    CHECK(*sc::current_time(s) == range->end);  // everything that is still on the map

    s.time = {"2021-11-01", "", "2022-01-01"};
    range = sc::timeline_range(s);
    CHECK(range->start == day("2021-11-01"));
    CHECK(range->end == day("2022-02-24T03:40"));
    CHECK(*sc::current_time(s) == day("2022-01-01"));

    // A source's date alone gives a range, but nothing to play.
    sc::Scenario article;
    article.sources = {source};
    CHECK(sc::timeline_range(article) == sc::TimelineRange{day("2022-01-26"), day("2022-01-26")});
    CHECK_FALSE(sc::has_timeline(article));
}

TEST_CASE("dating: figures and movements start on their source's date, a later report supersedes an earlier one") {
    const muster::extract::ExtractResources resources{muster::test::gazetteer(), muster::test::lexicon(),
                                                      muster::test::border_cache()};
    auto extracted = [&](const std::string& text, const std::string& date) {
        muster::extract::ExtractSource source;
        source.date = date;
        return muster::extract::extract_scenario(text, source, resources);
    };
    sc::Scenario merged = extracted("Russia has deployed 30,000 troops to Belarus.", "2022-01-10");
    REQUIRE(merged.figures.size() == 1);
    CHECK(merged.figures[0].when == sc::TimeSpan{"2022-01-10", ""});

    sc::merge_into(merged, extracted("Russia now has 45,000 troops in Belarus, moved from Khabarovsk to Belarus.",
                                     "2022-02-01"));
    const sc::Figure* earlier = nullptr;
    const sc::Figure* later = nullptr;
    for (const sc::Figure& f : merged.figures)
        if (f.unit == "troops") (f.amount.value == 30000.0 ? earlier : later) = &f;
    REQUIRE(earlier);
    REQUIRE(later);
    CHECK(later->when == sc::TimeSpan{"2022-02-01", ""});
    CHECK(earlier->when == sc::TimeSpan{"2022-01-10", "2022-01-31"});
    for (const sc::Movement& m : merged.movements) CHECK(m.when.start == "2022-02-01");

    // On the map: the first report through January, the second from February.
    const sc::Timeline timeline(merged);
    const std::size_t first = static_cast<std::size_t>(earlier - merged.figures.data());
    const std::size_t second = static_cast<std::size_t>(later - merged.figures.data());
    CHECK(timeline.frame_at(day("2022-01-31T18:00")).figures[first].shown);
    CHECK_FALSE(timeline.frame_at(day("2022-01-31T18:00")).figures[second].shown);
    CHECK_FALSE(timeline.frame_at(day("2022-02-01")).figures[first].shown);
    CHECK(timeline.frame_at(day("2022-02-01")).figures[second].shown);
}

TEST_CASE("dating: reports of the same day, other actors, places or units stand side by side, undated sources date nothing") {
    sc::Scenario s;
    s.places = {place("p1", minsk), place("p2", khabarovsk)};
    s.sources = {{"s1", "", "", "2022-01-10", "x"}, {"s2", "", "", "2022-01-20", "x"}, {"s3", "", "", "", "x"}};
    auto reported = [](sc::Figure f, const char* source) {
        f.mention = sc::Mention{source, {0, 1}};
        return f;
    };
    s.figures = {reported(figure("f1", "p1"), "s1"), reported(figure("f2", "p1"), "s1"),
                 reported(figure("f3", "p2"), "s2"), reported(figure("f4", "p1"), "s3")};
    s.figures[2].place = "p2";
    sc::date_extracted(s);
    CHECK(s.figures[0].when == sc::TimeSpan{"2022-01-10", ""});
    CHECK(s.figures[1].when == sc::TimeSpan{"2022-01-10", ""});
    CHECK(s.figures[2].when == sc::TimeSpan{"2022-01-20", ""});
    CHECK(s.figures[3].when.always());
}
