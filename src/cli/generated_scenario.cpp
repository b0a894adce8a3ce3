#include "cli/generated_scenario.hpp"

#include "extract/scenario_resolver.hpp"
#include "scenario/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <string>

namespace muster::cli {

scenario::Scenario generated_buildup(int units, int labels, const std::vector<scenario::Place>& places) {
    std::mt19937 random(20211101u);
    auto uniform = [&random](double low, double high) { return std::uniform_real_distribution<double>(low, high)(random); };
    auto chance = [&](double p) { return uniform(0.0, 1.0) < p; };
    const scenario::Days first = *scenario::parse_time("2021-11-01");
    const scenario::Days last = *scenario::parse_time("2022-02-20");
    const bool named = places.size() >= static_cast<std::size_t>(kGeneratedPlaces);

    scenario::Scenario s;
    s.title = "Generated build-up";
    constexpr int place_count = kGeneratedPlaces;
    for (int i = 0; i < place_count; ++i) {
        scenario::Place p;
        p.id = "p" + std::to_string(i + 1);
        p.name = "Garrison " + std::to_string(i + 1);
        p.feature = "city";
        p.point = {uniform(46.0, 56.0), uniform(23.5, 41.0)};
        p.country = p.point.lon > 36.5 ? "RU" : p.point.lat > 51.6 ? "BY" : "UA";
        if (named) {
            const scenario::Place& real = places[static_cast<std::size_t>(i)];
            p.name = real.name;
            p.country = real.country;
            p.feature = real.feature;
            p.point = real.point;
        }
        s.places.push_back(p);
    }
    const char* const actors[] = {"RU", "RU", "RU", "RU", "BY", "UA", "UA"};
    for (int i = 0; i < units; ++i) {
        scenario::Figure f;
        f.id = "f" + std::to_string(i + 1);
        f.actor = actors[random() % std::size(actors)];
        f.unit = chance(0.3) ? "battalion tactical groups" : "troops";
        f.category = f.unit == "troops" ? "personnel" : "unit";
        const double strength = f.category == "unit" ? std::round(uniform(1, 6)) : std::round(uniform(5, 80)) * 100;
        f.amount.value = strength;
        f.text = std::to_string(static_cast<int>(strength)) + " " + f.unit;
        f.place = s.places[random() % place_count].id;
        const scenario::Days start = std::floor(uniform(first, last));
        f.when.start = scenario::format_time(start);
        if (chance(0.2)) f.when.end = scenario::format_time(start + std::floor(uniform(10, 40)));
        if (f.category == "personnel" && chance(0.3))
            f.history = {{f.when.start, strength}, {scenario::format_time(start + 30), strength * 2.5}};
        if (chance(0.05)) {
            scenario::Movement m;
            m.id = "m" + std::to_string(s.movements.size() + 1);
            m.figure = f.id;
            m.from = s.places[random() % place_count].id;
            m.to = f.place;
            m.when = {scenario::format_time(start + 3), scenario::format_time(start + 12)};
            s.movements.push_back(m);
        }
        s.figures.push_back(std::move(f));
    }
    for (int i = 0; i < labels; ++i) {
        scenario::Annotation a;
        a.id = "a" + std::to_string(i + 1);
        a.kind = "label";
        a.text = "Report " + std::to_string(i + 1);
        a.places = {s.places[random() % place_count].id};
        a.when.start = scenario::format_time(std::floor(uniform(first, last)));
        s.annotations.push_back(a);
    }
    return s;
}

std::vector<scenario::Place> theatre_places(const Gazetteer& gazetteer) {
    std::vector<Place> cities;
    for (std::size_t i = 0; i < gazetteer.size(); ++i) {
        Place entry = gazetteer.entry(i);
        if (entry.kind != PlaceKind::city) continue;
        if (entry.country != "BY" && entry.country != "RU" && entry.country != "UA") continue;
        if (entry.point.lat < 46.0 || entry.point.lat > 56.0 || entry.point.lon < 23.5 || entry.point.lon > 41.0)
            continue;
        cities.push_back(std::move(entry));
    }
    std::stable_sort(cities.begin(), cities.end(), [](const Place& a, const Place& b) { return a.population > b.population; });
    std::vector<scenario::Place> chosen;
    std::set<std::string> names;
    for (const Place& city : cities) {
        if (chosen.size() >= static_cast<std::size_t>(kGeneratedPlaces)) break;
        // Only towns their name finds again: the file gives name and country.
        const auto found = extract::best_candidate(gazetteer, city.name, city.country, "city");
        if (!found || found->geonameid != city.geonameid) continue;
        if (!names.insert(city.name).second) continue;
        scenario::Place p;
        p.name = city.name;
        p.country = city.country;
        p.feature = "city";
        p.point = city.point;
        chosen.push_back(std::move(p));
    }
    return chosen;
}

}  // namespace muster::cli
