#include "cli/args.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

using muster::Error;
using muster::cli::Args;

TEST_CASE("unknown options are named in a one-line error") {
    Args args("render", {"-o", "out.png", "--colour", "red"});
    args.option("-o").positionals(0, 1);
    CHECK_THROWS_WITH_AS(args.parse(), "muster render: unknown option '--colour' (see 'muster render --help')",
                         Error);
}

TEST_CASE("options take values inline or as the next word") {
    Args args("render", {"--size=640x480", "-o", "x.png", "input.txt"});
    args.option("--size").option("-o").positionals(0, 1);
    args.parse();
    CHECK(args.value("--size") == "640x480");
    CHECK(args.value("-o") == "x.png");
    REQUIRE(args.positional().size() == 1);
    CHECK(args.positional()[0] == "input.txt");
}

TEST_CASE("an option without its value is an error") {
    Args args("geocode", {"Kyiv", "--limit"});
    args.option("--limit").positionals(1, 1);
    CHECK_THROWS_WITH_AS(args.parse(), "muster geocode: option '--limit' needs a value (see 'muster geocode --help')",
                         Error);
}

TEST_CASE("whole-number options are range checked") {
    Args args("geocode", {"Kyiv", "--limit", "zero"});
    args.option("--limit").positionals(1, 1);
    args.parse();
    CHECK_THROWS_WITH_AS(static_cast<void>(args.int_value("--limit", 5, 1, 100)),
                         "muster geocode: option '--limit' expects a whole number from 1 to 100, got 'zero'", Error);
}
