// Numbers as news text writes them, and the amounts they make with qualifiers.
//
// Numerals (match_numeral):
//   digits       "127,000", "1.5", "2014"; with a scale word or suffix: "1.5 million",
//                "2.3bn", "10k", "3 thousand", "2.3m people" (a joined "m" is read as
//                million only when a noun other than a preposition follows, since
//                "500m from the border" means metres)
//   words        "two", "twelve", "forty-five", "twenty one", "a hundred", "three
//                thousand", "two hundred and fifty", "a dozen", "two dozen",
//                "half a million", "half a dozen"
//   vague        ranges with a best estimate (the geometric middle rounded to two
//                significant digits, since such words name an order of magnitude):
//                  dozens                  24 .. 99          49
//                  hundreds                200 .. 999        450
//                  thousands               2,000 .. 9,999    4,500
//                  millions                2e6 .. 9,999,999  4.5e6
//                  tens of thousands       20,000 .. 99,999  45,000
//                  hundreds of thousands   200,000 .. 999,999
//                  (X of Y multiplies: min X.min*Y, max (X.max+1)*Y-1; "tens" and
//                  "scores" (40 .. 99) only in such a phrase or before "of")
//                  a couple (of)           2 .. 3
//                  a few                   2 .. 5
//                  several                 3 .. 9
//                  several/a few + scale   multiplied: "a few hundred" 200 .. 500,
//                                          "several thousand" 3,000 .. 9,000,
//                                          "several dozen" 36 .. 108
//
// Amounts (match_amount) add what the text says about the number:
//   approx    about, around, roughly, approximately, some, an estimated, estimated,
//             close to, circa, in the region of; "or so", "-odd" after it
//   at_least  more than, over, at least, upwards of, in excess of, no fewer/less
//             than, well/just over, north of, a minimum of; "or more", "+", "-plus"
//   at_most   up to, as many as, as much as, fewer than, less than, nearly, almost,
//             just under, no more than, at most, a maximum of, within ("within
//             50 km"); "or fewer/less"
//             ("nearly 3,000" is read as at most 3,000: the text says it falls short)
//   range     between X and Y, from X to Y, X to Y, X-Y, X–Y, X or Y; the value is
//             the arithmetic mean, a scale word is shared ("two to three thousand").
//             "rose from X to Y" is a change, not a range: no amount starts at X.
// A bound after the number overrides "about" before it ("about 100,000-plus" is
// at_least). A vague numeral is a range whatever approx word comes before it; with an
// at_least word only its minimum counts, with an at_most word only its maximum.
#pragma once

#include "extract/figure.hpp"
#include "extract/tokenizer.hpp"

#include <cstddef>
#include <optional>
#include <string_view>

namespace muster::extract {

struct Numeral {
    std::size_t first = 0;  // tokens [first, last) of the view
    std::size_t last = 0;
    double value = 0;             // the number, or a vague numeral's best estimate
    std::optional<double> min;    // vague numerals only
    std::optional<double> max;
    double scale = 1;             // the last scale word's multiplier ("three thousand": 1000)
    bool vague = false;           // "thousands", "several hundred", "dozens"
    bool spelled = false;         // in words ("two", "a dozen", "dozens")
    bool plain_digits = false;    // digits only, no separator, decimal or scale ("2014")
};

struct Amount {
    std::size_t first = 0;  // tokens [first, last): qualifiers included
    std::size_t last = 0;
    double value = 0;       // best estimate (range: the mean)
    std::optional<double> min;
    std::optional<double> max;
    Qualifier qualifier = Qualifier::exact;
    Numeral numeral;        // the number itself (for a range, its upper end)
};

// "127,000" -> 127000, "1.5" -> 1.5, "2014" -> 2014. Thousands separators must be
// well placed; nullopt for anything else, or above 1e15.
std::optional<double> parse_decimal(std::string_view digits);

// The numeral that starts at token i of the view, longest match; nullopt when none.
std::optional<Numeral> match_numeral(const TokenView& tokens, std::size_t i);

// The amount (qualifiers, numeral, range) that starts at token i; nullopt when none.
std::optional<Amount> match_amount(const TokenView& tokens, std::size_t i);

}  // namespace muster::extract
