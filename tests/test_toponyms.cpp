// Toponym recognition and resolution on sentences written for these tests.
#include "extract/geoparse.hpp"
#include "shared_resources.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using muster::Gazetteer;
using muster::PlaceKind;
using muster::extract::GeoparseResources;
using muster::extract::Lexicon;
using muster::extract::PlaceMention;

namespace {

using muster::test::gazetteer;
using muster::test::lexicon;

std::vector<PlaceMention> places_in(const std::string& text) {
    return muster::extract::geoparse(text, GeoparseResources{gazetteer(), lexicon()});
}

// "words=id" for every mention, in text order, joined by "; ".
std::string summary(const std::string& text) {
    std::string out;
    for (const auto& m : places_in(text)) out += (out.empty() ? "" : "; ") + m.text + "=" + m.place.id();
    return out;
}

}  // namespace

TEST_CASE("places, demonyms and regions of a deployment sentence") {
    CHECK(summary("Russian troops have massed near Kyiv and in the Rostov region, officials in Moscow say.") ==
          "Russian=RU; Kyiv=703448; Rostov region=RU.61; Moscow=524901");
    CHECK(summary("Units crossed from Crimea into the Donbas.") == "Crimea=crimea; Donbas=donbas");
    const auto mentions = places_in("Belarusian and British officials met.");
    REQUIRE(mentions.size() == 2);
    CHECK(mentions[0].adjectival);
    CHECK(mentions[0].place.id() == "BY");
    CHECK(mentions[1].place.id() == "GB");
}

TEST_CASE("people are not places") {
    CHECK(summary("U.S. Secretary of State Antony Blinken met Jake Sullivan in Geneva on Friday. "
                  "Later, Sullivan said the talks in Geneva went well.") ==
          "U.S.=US; Geneva=2660646; Geneva=2660646");
    CHECK(summary("Mr. Lincoln and Gen. Jackson spoke.") == "");
    CHECK(summary("Georgia Whitfield, a teacher, moved to Austin.") == "Austin=4671654");
    CHECK(summary("The Georgia Bureau of Investigation opened an office in Atlanta.") ==
          "Georgia=US.GA; Atlanta=4180439");
}

TEST_CASE("organisations, publications and common words are not places") {
    CHECK(summary("The report in The Globe and Mail cited Germany's Bild newspaper.") == "Germany=DE");
    CHECK(summary("Leaders met under the Normandy Format in Paris.") == "Paris=2988507");
    CHECK(summary("Court officials met on Thursday in June with the Council.") == "");
    CHECK(summary("He went in by the back door.") == "");
    CHECK(summary("NATO allies discussed the Nord Stream pipeline with Germany.") == "Germany=DE");
}

TEST_CASE("metonyms stand for the seat of government") {
    CHECK(summary("The Kremlin denied it, and the Pentagon declined to comment.") ==
          "Kremlin=524901; Pentagon=4140963");
}

TEST_CASE("context chooses among places of the same name") {
    CHECK(summary("Officials in Paris, Texas, said the storm passed.") == "Paris=4717560; Texas=US.TX");
    CHECK(summary("Troops arrived in Brest and Gomel, in Belarus.") ==
          "Brest=629634; Gomel=627907; Belarus=BY");
    CHECK(summary("French officials hosted talks in Paris.") == "French=FR; Paris=2988507");
    CHECK(summary("The plant in Charleston, W.Va., closed.") == "Charleston=4801859; W.Va.=US.WV");
}

TEST_CASE("a list of states names the states, not towns named after them") {
    // California, Missouri and Oregon, Missouri are towns in a state the
    // list also names; the list means the states.
    CHECK(summary("Cases were reported in Arizona, California, Missouri, Oregon and Texas.") ==
          "Arizona=US.AZ; California=US.CA; Missouri=US.MO; Oregon=US.OR; Texas=US.TX");
    CHECK(summary("Illnesses in Canada occurred in Alberta, Manitoba, Ontario and New Brunswick.") ==
          "Canada=CA; Alberta=CA.01; Manitoba=CA.03; Ontario=CA.08; New Brunswick=CA.04");
    // Apposition still reads the town.
    CHECK(summary("The mill in California, Mo., closed.") == "California=4379545; Mo.=US.MO");
}

TEST_CASE("words that call a name a state or province choose the division") {
    CHECK(summary("The cow came from a Washington state farm.") == "Washington=US.WA");
    CHECK(summary("It was found in the state of Washington in 2003.") == "Washington=US.WA");
    CHECK(summary("Officials in Washington said the talks went well.") == "Washington=4140963");
}

TEST_CASE("an alternate name loses to the country or the bigger city that bears it") {
    // "Iraq" is among the alternate names of Arak, Iran; "Rome" among
    // those of Washington.
    CHECK(summary("Armenia, Iraq, Iran and Syria were told to watch for the virus.") ==
          "Armenia=AM; Iraq=IQ; Iran=IR; Syria=SY");
    CHECK(summary("The agency, based in Rome, briefed officials in Washington and Manila.") ==
          "Rome=3169070; Washington=4140963; Manila=1701668");
}

TEST_CASE("two-letter acronyms are not towns") {
    CHECK(summary("The UN and Sweden confirmed the outbreak.") == "Sweden=SE");
    CHECK(summary("Sweden is the ninth country in the EU to confirm it.") == "Sweden=SE; EU=european-union");
}

TEST_CASE("large islands are places") {
    CHECK(summary("Floods hit Java and Luzon this week.") == "Java=java; Luzon=luzon");
}

TEST_CASE("offsets are code points into the text") {
    const std::string text = "«Київ» — it’s Kyiv’s name in Ukrainian.";
    const auto mentions = places_in(text);
    REQUIRE(mentions.size() == 3);
    CHECK(mentions[0].text == "Київ");
    CHECK(mentions[0].start == 1);
    CHECK(mentions[0].end == 5);
    CHECK(mentions[1].text == "Kyiv");
    CHECK(mentions[1].start == 14);
    CHECK(mentions[1].end == 18);
    CHECK(mentions[0].place.geonameid == 703448);
    CHECK(mentions[1].place.geonameid == 703448);
    CHECK(mentions[2].place.id() == "UA");
}

TEST_CASE("weapon designations are not places") {
    CHECK(summary("A squadron of Su-35 fighters and S-400 batteries moved to Belarus.") == "Belarus=BY");
}

TEST_CASE("NATO members is an area, NATO allies an actor") {
    CHECK(summary("Jets flew over NATO members in the east.") == "NATO members=nato-members");
    CHECK(summary("NATO member states met in Brussels.") == "NATO member=nato-members; Brussels=2800866");
}
