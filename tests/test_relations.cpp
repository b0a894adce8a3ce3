// Relations: whose forces a figure counts, where it is, and the borders a
// sentence names. Sentences written for these tests.
#include "extract/figure.hpp"
#include "shared_resources.hpp"
#include "extract/lexicon.hpp"
#include "extract/relations.hpp"
#include "extract/tokenizer.hpp"
#include "extract/toponyms.hpp"
#include "geodata/gazetteer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using muster::Gazetteer;
using namespace muster::extract;

namespace {

using muster::test::gazetteer;
using muster::test::lexicon;

// One text through the pipeline up to the relations.
struct Linked {
    std::string text;
    Tokenized tokens;
    std::vector<Toponym> toponyms;
    std::vector<Figure> figures;
    Relations relations;

    explicit Linked(std::string s) : text(std::move(s)), tokens(tokenize(text)) {
        toponyms = recognise_toponyms(text, tokens, gazetteer(), lexicon());
        resolve_toponyms(toponyms);
        figures = find_figures(text, tokens);
        relations = link_relations(text, tokens, toponyms, figures);
    }

    // "ACTOR@PLACE" of the figure whose words are `words` ("@" parts empty
    // when unknown); "(no figure 'words')" when there is none.
    [[nodiscard]] std::string link(std::string_view words) const {
        for (std::size_t k = 0; k < figures.size(); ++k) {
            if (std::string_view(text).substr(figures[k].begin, figures[k].end - figures[k].begin) != words) continue;
            const FigureLink& l = relations.figures[k];
            return l.actor + "@" + (l.place ? toponyms[*l.place].place().name : std::string());
        }
        return "(no figure '" + std::string(words) + "')";
    }

    // "A-B CLAIMED" per border, joined by "; " ("A-B" without a claim).
    [[nodiscard]] std::string borders() const {
        std::string out;
        for (const BorderLink& b : relations.borders) {
            out += (out.empty() ? "" : "; ") + b.a + "-" + b.b;
            if (b.claimed_km) out += " " + std::to_string(static_cast<long>(*b.claimed_km));
        }
        return out;
    }
};

std::string linked(const std::string& text, std::string_view words) { return Linked(text).link(words); }

}  // namespace

// ================================================================ actors

TEST_CASE("actor: a demonym or country modifying the figure's noun") {
    CHECK(linked("About 30,000 Russian troops arrived in Belarus last week.", "About 30,000 Russian troops") ==
          "RU@Belarus");
    CHECK(linked("Officials said 3,000 U.S. soldiers will go to Poland.", "3,000 U.S. soldiers") == "US@Poland");
    // A demonym before the figure outranks the sentence's subject.
    CHECK(linked("Ukraine says 127,000 Russian troops are near Kharkiv.", "127,000 Russian troops") == "RU@Kharkiv");
    // "Russian-backed" says who backs them, not whose forces they are.
    CHECK(linked("More than 10,000 Russian-backed separatists hold positions near Donetsk.",
               "More than 10,000 Russian-backed separatists") == "@Donetsk");
}

TEST_CASE("actor: a possessive country") {
    CHECK(linked("Russia's 127,000 troops remain near Kharkiv.", "127,000 troops") == "RU@Kharkiv");
    CHECK(linked("Officials say Poland’s 2,000 soldiers stayed in Lithuania.", "2,000 soldiers") == "PL@Lithuania");
}

TEST_CASE("actor: the subject of the sentence or clause") {
    CHECK(linked("Poland has sent 3,000 soldiers to Lithuania.", "3,000 soldiers") == "PL@Lithuania");
    // Capitals and metonyms stand for their country.
    CHECK(linked("Berlin announced it would send 500 soldiers to Lithuania.", "500 soldiers") == "DE@Lithuania");
    CHECK(linked("The Kremlin has moved 300 tanks into Belarus.", "300 tanks") == "RU@Belarus");
    // A country after a locative preposition is not the subject.
    CHECK(linked("In Poland, Germany has stationed 1,000 soldiers.", "1,000 soldiers") == "DE@Poland");
    // Each clause has its own subject.
    const Linked two("Russia sent 2,000 troops, and Belarus moved 300 tanks into Minsk.");
    CHECK(two.link("2,000 troops") == "RU@");  // Minsk is the tanks' place, not the troops'
    CHECK(two.link("300 tanks") == "BY@Minsk");
    // A demonym is no subject: "a Ukrainian official" says nothing about whose troops.
    CHECK(linked("A Ukrainian official said 5,000 troops were near Kharkiv.", "5,000 troops") == "@Kharkiv");
    // Reported speech has a subject of its own: the speaker is not the actor.
    CHECK(linked("Ukraine's defence ministry said Russian forces had massed 90 battalion tactical groups near Kharkiv.",
                 "90 battalion tactical groups") == "RU@Kharkiv");
    CHECK(linked("Estonia said that Britain would send 800 soldiers to Tapa.", "800 soldiers") == "GB@Tapa");
    // With no subject in the reported clause, the speaker's stands.
    CHECK(linked("Britain said it would send 1,000 troops to Estonia.", "1,000 troops") == "GB@Estonia");
}

TEST_CASE("actor: a -led demonym after the figure") {
    CHECK(linked("Lithuania hosts a 1,600-strong German-led battlegroup.", "1,600-strong") == "DE@Lithuania");
}

TEST_CASE("actor: NATO and the alliance") {
    CHECK(linked("NATO will deploy 4,000 troops in Romania.", "4,000 troops") == "NATO@Romania");
    CHECK(linked("The alliance has put 40,000 troops on high alert.", "40,000 troops") == "NATO@");
    CHECK(linked("NATO's 5,000 troops in Estonia train daily.", "5,000 troops") == "NATO@Estonia");
}

TEST_CASE("actor: a supplier after from") {
    CHECK(linked("The army received 5,000 helmets from Germany.", "5,000 helmets") == "DE@");
    // The subject comes first when there is one.
    CHECK(linked("Berlin is sending 5,000 helmets to the Ukrainian army.", "5,000 helmets") == "DE@Ukraine");
}

TEST_CASE("actor: distances have none, casualties only from a modifier") {
    CHECK(linked("Russia keeps its tanks within 50 kilometres of Kharkiv.", "within 50 kilometres") == "@Kharkiv");
    CHECK(linked("Russia said fighting in Donbas has killed more than 14,000 people.",
               "killed more than 14,000 people") == "@Donbas");
}

// ================================================================ places

TEST_CASE("place: a locative phrase after the figure") {
    CHECK(linked("Russia moved 300 tanks into Belarus.", "300 tanks") == "RU@Belarus");
    CHECK(linked("Ukraine keeps 8,000 soldiers near Kharkiv.", "8,000 soldiers") == "UA@Kharkiv");
    CHECK(linked("Russia has 20,000 soldiers along the border with Belarus.", "20,000 soldiers") == "RU@Belarus");
    CHECK(linked("Russia keeps 10,000 soldiers in allied Belarus.", "10,000 soldiers") == "RU@Belarus");
    // "in Russia's Rostov region": the region, not its owner.
    CHECK(linked("About 5,000 paratroopers landed in Russia's Rostov region.", "About 5,000 paratroopers") ==
          "@Rostov");
    // Demonyms are places only when nothing else is: the forward "Ukrainian"
    // loses to nothing here, and wins.
    CHECK(linked("Canada is sending 200 instructors to the Ukrainian army.", "200 instructors") == "CA@Ukraine");
}

TEST_CASE("place: a list of figures shares the place that follows it") {
    const Linked l("Russia is deploying thousands of troops, hundreds of aircraft and S-400 systems into Belarus.");
    CHECK(l.link("thousands of troops") == "RU@Belarus");
    CHECK(l.link("hundreds of aircraft") == "RU@Belarus");
    CHECK(l.link("S-400 systems") == "RU@Belarus");
}

TEST_CASE("place: backward to the nearest place before the figure") {
    CHECK(linked("The war in Donbas has killed more than 14,000 people.", "killed more than 14,000 people") ==
          "@Donbas");
    // The more specific place of "the Donbas region of Ukraine".
    CHECK(linked("Fighting in the Donbas region of Ukraine has killed more than 14,000 people.",
               "killed more than 14,000 people") == "@Donbas");
    // The actor's own mention is not the place.
    CHECK(linked("In Crimea, Russia has stationed 30,000 soldiers.", "30,000 soldiers") == "RU@Crimea");
    // Not from an earlier coordinated clause.
    CHECK(linked("Germany sent 500 helmets to Kyiv, and Lithuania hosts a 1,600-strong battlegroup.",
                 "1,600-strong") == "LT@");
}

TEST_CASE("place: X's border") {
    const Linked l("Russia has gathered 100,000 troops on Ukraine's borders.");
    CHECK(l.link("100,000 troops") == "RU@Ukraine");
    CHECK(l.borders() == "RU-UA");
}

TEST_CASE("place: never a town called NATO") {
    CHECK(linked("Poland sent 300 soldiers to NATO.", "300 soldiers") == "PL@");
}

// ================================================================ borders

TEST_CASE("borders: a length attached to the border noun is the claimed length") {
    const Linked l("Moscow has massed an estimated 90,000 soldiers along its 2,000-kilometre border with Ukraine.");
    CHECK(l.link("an estimated 90,000 soldiers") == "RU@Ukraine");
    CHECK(l.link("2,000-kilometre") == "@Ukraine");
    CHECK(l.borders() == "RU-UA 2000");
    REQUIRE(l.relations.borders.size() == 1);
    const BorderLink& b = l.relations.borders[0];
    CHECK(l.text.substr(b.begin, b.end - b.begin) == "2,000-kilometre border with Ukraine");

    CHECK(Linked("Belarus shares a 1,084-kilometre border with Ukraine.").borders() == "BY-UA 1084");
    CHECK(Linked("Belarus has a 1,084-kilometre-long border with Ukraine.").borders() == "BY-UA 1084");
    CHECK(Linked("Lithuania has a border of 227 km with Russia.").borders() == "LT-RU 227");
}

TEST_CASE("borders: the forms that name both sides") {
    CHECK(Linked("Troops crossed the Russia-Ukraine border near Belgorod.").borders() == "RU-UA");
    CHECK(Linked("The border between Poland and Belarus was closed.").borders() == "PL-BY");
    CHECK(Linked("Ukraine's border with Russia stayed open.").borders() == "UA-RU");
    CHECK(Linked("Belarus, which borders Poland, Lithuania and Latvia, hosts the drills.").borders() ==
          "BY-PL; BY-LT; BY-LV");
    CHECK(Linked("Finland shares borders with Norway, Sweden and Russia.").borders() == "FI-NO; FI-SE; FI-RU");
    // The owner from a figure's actor when the sentence has no subject.
    CHECK(Linked("Some 127,000 Russian troops sit on Ukraine's borders.").borders() == "RU-UA");
    // A clause after ", and" is not another side.
    CHECK(Linked("Belarus shares a border with Ukraine, and Russia has 300 tanks there.").borders() == "BY-UA");
}

TEST_CASE("borders: what is not a border between two countries") {
    CHECK(Linked("Russian troops stayed on the Russian border.").borders() == "");
    CHECK(Linked("The State Border Guard Service of Ukraine said nothing.").borders() == "");
    CHECK(Linked("Troops massed near the border.").borders() == "");
    CHECK(Linked("Russia has a long border with Moscow.").borders() == "");  // not a country
}

TEST_CASE("actor: a demonym qualifying a force earlier in the sentence") {
    CHECK(linked("Analysts put the Russian force massed near Kharkiv at about 90,000 troops.", "about 90,000 troops") ==
          "RU@Kharkiv");
    // A nationality of a person names no side for the troops.
    CHECK(linked("A Ukrainian official said 5,000 troops were near Kharkiv.", "5,000 troops") == "@Kharkiv");
}

TEST_CASE("borders: coordinated adjectives between the owner and the noun") {
    const Linked l("Analysts put the Russian force massed along Ukraine's northern and eastern borders at about "
                   "90,000 troops.");
    CHECK(l.borders() == "RU-UA");
    CHECK(l.link("about 90,000 troops") == "RU@Ukraine");
}
