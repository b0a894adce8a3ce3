#include "scenario/timeline.hpp"

#include <doctest/doctest.h>

using namespace muster::scenario;

TEST_CASE("timeline times: ISO dates of every precision name their first moment") {
    REQUIRE(parse_time("1970-01-01"));
    CHECK(*parse_time("1970-01-01") == 0.0);
    CHECK(*parse_time("2022-02-24") == 19047.0);
    CHECK(*parse_time("2022") == *parse_time("2022-01-01"));
    CHECK(*parse_time("2021-11") == *parse_time("2021-11-01"));
    CHECK(*parse_time("2022-02-24T12:00") == doctest::Approx(19047.5));
    CHECK(*parse_time("2022-02-24T06:00:00Z") == doctest::Approx(19047.25));
}

TEST_CASE("timeline times: what is no date is refused, impossible days included") {
    for (const char* bad : {"", "22-02-24", "2022-2-24", "2022-02-30", "2022-13-01", "2022-02-24T25:00",
                            "2022-02-24 03:40", "February 2022", "2022-02-24T03", "2022/02/24"})
        CHECK_MESSAGE(!parse_time(bad), bad);
}

TEST_CASE("timeline times: formatting gives the date, and the minute when not midnight") {
    CHECK(format_time(19047.0) == "2022-02-24");
    CHECK(format_time(19047.5) == "2022-02-24T12:00");
    CHECK(format_time(*parse_time("2021-12-31T23:59")) == "2021-12-31T23:59");
    CHECK(format_time(*parse_time("1999-12-31T23:59:59")) == "2000-01-01");
}

TEST_CASE("timeline times: a span holds between its bounds, both included, open where empty") {
    const TimeSpan november{"2021-11-01", "2021-11-30"};
    CHECK_FALSE(holds(november, *parse_time("2021-10-31")));
    CHECK(holds(november, *parse_time("2021-11-01")));
    CHECK(holds(november, *parse_time("2021-11-30")));
    CHECK_FALSE(holds(november, *parse_time("2021-12-01")));
    CHECK(holds(TimeSpan{}, 0.0));
    CHECK(holds(TimeSpan{"", "2022-01-01"}, *parse_time("1900-01-01")));
    CHECK_FALSE(holds(TimeSpan{"2022-01-01", ""}, *parse_time("2021-12-31")));
}
