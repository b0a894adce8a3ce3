#include "script/scenario_edit.hpp"

#include "core/error.hpp"
#include "extract/scenario_resolver.hpp"
#include "geodata/gazetteer.hpp"
#include "render/symbols.hpp"
#include "script/view_edit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace muster::script {
namespace sc = muster::scenario;

namespace {

// ------------------------------------------------------------------ checks

constexpr std::array kCategories = {"personnel", "unit", "equipment", "distance", "casualties", "count", "other"};
constexpr std::array kQualifiers = {"exact", "approx", "at_least", "at_most", "range"};
constexpr std::array kFeatures = {"country", "admin1", "city", "region", "site", "water"};

template <std::size_t N>
void check_one_of(const char* field, const std::string& value, const std::array<const char*, N>& names) {
    if (std::find_if(names.begin(), names.end(), [&](const char* n) { return value == n; }) != names.end()) return;
    std::string list;
    for (const char* name : names) list += (list.empty() ? "" : ", ") + std::string(name);
    throw Error(std::string(field) + " must be one of " + list + ", got '" + value + "'");
}

bool is_iso_code(const std::string& code) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void check_country(const std::string& country) {
    if (!country.empty() && !is_iso_code(country))
        throw Error("country must be an ISO 3166-1 alpha-2 code such as 'BY', got '" + country + "'");
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

void check_point(double lat, double lon) {
    if (!std::isfinite(lat) || lat < -90.0 || lat > 90.0)
        throw Error("lat must be a number from -90 to 90, got " + number_text(lat));
    if (!std::isfinite(lon) || lon < -180.0 || lon > 180.0)
        throw Error("lon must be a number from -180 to 180, got " + number_text(lon));
}

void check_amount(const sc::Amount& amount) {
    for (const auto& [field, value] : {std::pair{"value", amount.value}, {"min", amount.min}, {"max", amount.max}})
        if (value && (!std::isfinite(*value) || *value < 0.0))
            throw Error(std::string(field) + " must be a number of 0 or more");
    if (amount.min && amount.max && *amount.min > *amount.max) throw Error("min must not be more than max");
    check_one_of("qualifier", amount.qualifier, kQualifiers);
}

void check_id_free(const std::string& id, bool taken) {
    if (id.empty()) throw Error("id must not be empty");
    if (taken) throw Error("id '" + id + "' is taken");
}

template <typename Item>
std::string next_free_id(const std::vector<Item>& items, char prefix) {
    for (std::size_t n = items.size() + 1;; ++n) {
        std::string id = prefix + std::to_string(n);
        if (std::none_of(items.begin(), items.end(), [&](const Item& item) { return item.id == id; })) return id;
    }
}

template <typename Item>
Item* find_by_id(std::vector<Item>& items, const std::string& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

template <typename Item>
Item& existing(std::vector<Item>& items, const std::string& id, const char* kind) {
    if (Item* item = find_by_id(items, id)) return *item;
    throw Error(std::string("no ") + kind + " with id '" + id + "'");
}

void check_room(std::size_t count, const char* kind) {
    if (count >= kMaxItems)
        throw Error("the scenario already has " + std::to_string(kMaxItems) + " " + kind + ", the most a script may add");
}

// ------------------------------------------------------------------ gazetteer

// The gazetteer's best candidate for a name, in `country` when given.
Candidate look_up(const Gazetteer& gazetteer, const std::string& name, const std::string& country) {
    if (std::optional<Candidate> found = extract::best_candidate(gazetteer, name, country, "")) return std::move(*found);
    throw Error("no place named '" + name + "' in the gazetteer" + (country.empty() ? "" : " in " + country));
}

// ------------------------------------------------------------------ amounts

sc::Amount amount_of(const std::optional<double>& value, const std::optional<double>& min,
                     const std::optional<double>& max, const std::string& qualifier) {
    sc::Amount amount{value, min, max, qualifier};
    if (amount.qualifier.empty()) {
        if (value) amount.qualifier = "exact";
        else if (min && max) amount.qualifier = "range";
        else if (min) amount.qualifier = "at_least";
        else if (max) amount.qualifier = "at_most";
        else amount.qualifier = "exact";
    }
    return amount;
}

}  // namespace

void check_actor(const std::string& actor) {
    if (!actor.empty() && actor != "NATO" && !is_iso_code(actor))
        throw Error("actor must be an ISO 3166-1 alpha-2 code such as 'RU', or 'NATO', got '" + actor + "'");
}

std::string figure_text(const sc::Amount& amount, const std::string& unit) {
    auto with_unit = [&](std::string number) { return unit.empty() ? number : number + " " + unit; };
    const auto& q = amount.qualifier;
    if (q == "range" && amount.min && amount.max)
        return with_unit(format_thousands(*amount.min) + "\u2013" + format_thousands(*amount.max));
    if (q == "at_least" && (amount.min || amount.value))
        return with_unit("at least " + format_thousands(amount.min ? *amount.min : *amount.value));
    if (q == "at_most" && (amount.max || amount.value))
        return with_unit("up to " + format_thousands(amount.max ? *amount.max : *amount.value));
    if (amount.value) return with_unit((q == "approx" ? "about " : "") + format_thousands(*amount.value));
    return unit;
}

void check_date(const std::string& date) {
    int year = 0, month = 0, day = 0;
    char tail = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
        date[4] != '-' || date[7] != '-' || month < 1 || month > 12 || day < 1 || day > 31)
        throw Error("date must be an ISO 8601 date such as '2022-02-10', got '" + date + "'");
}

// ------------------------------------------------------------------ places

const sc::Place& add_place(sc::Scenario& scenario, const PlaceSpec& spec, const GazetteerSource& gazetteer) {
    if (spec.name.empty()) throw Error("name must not be empty");
    check_country(spec.country);
    if (spec.lat.has_value() != spec.lon.has_value()) throw Error("give both lat and lon, or neither");
    if (!spec.id.empty()) check_id_free(spec.id, scenario.place(spec.id) != nullptr);

    sc::Place place;
    if (spec.lat) {
        check_point(*spec.lat, *spec.lon);
        place.name = spec.name;
        place.country = spec.country;
        place.feature = spec.feature.empty() ? "site" : spec.feature;
        check_one_of("feature", place.feature, kFeatures);
        place.point = {*spec.lat, *spec.lon};
    } else {
        if (!spec.feature.empty()) throw Error("feature goes with lat and lon (a place looked up keeps its own)");
        place = extract::place_from_candidate(look_up(gazetteer(), spec.name, spec.country));
        for (const sc::Place& known : scenario.places)
            if (known.gazetteer_id == place.gazetteer_id) return known;
    }
    check_room(scenario.places.size(), "places");
    place.id = spec.id.empty() ? next_free_id(scenario.places, 'p') : spec.id;
    scenario.places.push_back(std::move(place));
    return scenario.places.back();
}

const sc::Place& edit_place(sc::Scenario& scenario, const std::string& id, const PlaceEdit& edit) {
    sc::Place changed = existing(scenario.places, id, "place");
    if (edit.name) {
        if (edit.name->empty()) throw Error("name must not be empty");
        changed.name = *edit.name;
    }
    if (edit.country) {
        check_country(*edit.country);
        changed.country = *edit.country;
    }
    if (edit.feature) {
        check_one_of("feature", *edit.feature, kFeatures);
        changed.feature = *edit.feature;
    }
    if (edit.lat) changed.point.lat = *edit.lat;
    if (edit.lon) changed.point.lon = *edit.lon;
    check_point(changed.point.lat, changed.point.lon);
    sc::Place& place = existing(scenario.places, id, "place");
    place = std::move(changed);
    return place;
}

void remove_place(sc::Scenario& scenario, const std::string& id) {
    existing(scenario.places, id, "place");
    std::string users;
    for (const sc::Figure& figure : scenario.figures)
        if (figure.place == id) users += (users.empty() ? "" : ", ") + figure.id;
    if (!users.empty()) throw Error("place '" + id + "' is where figures " + users + " are; move or remove them first");
    std::erase_if(scenario.places, [&](const sc::Place& place) { return place.id == id; });
}

std::string resolve_place(sc::Scenario& scenario, const std::string& id_or_name, const GazetteerSource& gazetteer) {
    if (scenario.place(id_or_name)) return id_or_name;
    for (const sc::Place& place : scenario.places)
        if (place.name == id_or_name) return place.id;
    PlaceSpec spec;
    spec.name = id_or_name;
    return add_place(scenario, spec, gazetteer).id;
}

// ------------------------------------------------------------------ figures

const sc::Figure& add_figure(sc::Scenario& scenario, const FigureSpec& spec) {
    if (!spec.id.empty()) check_id_free(spec.id, find_by_id(scenario.figures, spec.id) != nullptr);
    check_room(scenario.figures.size(), "figures");
    sc::Figure figure;
    figure.amount = amount_of(spec.value, spec.min, spec.max, spec.qualifier);
    check_amount(figure.amount);
    check_one_of("category", spec.category, kCategories);
    check_actor(spec.actor);
    if (!spec.place.empty() && !scenario.place(spec.place)) throw Error("no place with id '" + spec.place + "'");
    if (!spec.function.empty() && !function_named(spec.function))
        throw Error("function must be one of none, infantry, airborne, armour, artillery, air defence, fixed wing, "
                    "rotary wing, missile, got '" + spec.function + "'");
    check_time_span(spec.when, "when");
    for (const sc::StrengthAt& at : spec.history) check_time(at.date, "history date");
    figure.function = spec.function;
    figure.when = spec.when;
    figure.history = spec.history;
    figure.unit = spec.unit;
    figure.category = spec.category;
    figure.actor = spec.actor;
    figure.place = spec.place;
    figure.text = spec.text.empty() ? figure_text(figure.amount, figure.unit) : spec.text;
    figure.id = spec.id.empty() ? next_free_id(scenario.figures, 'f') : spec.id;
    scenario.figures.push_back(std::move(figure));
    return scenario.figures.back();
}

namespace {

template <typename T>
void apply(const Change<T>& change, std::optional<T>& target) {
    if (change.clear) target.reset();
    else if (change.value) target = *change.value;
}

void apply(const Change<std::string>& change, std::string& target) {
    if (change.clear) target.clear();
    else if (change.value) target = *change.value;
}

}  // namespace

const sc::Figure& edit_figure(sc::Scenario& scenario, const std::string& id, const FigureEdit& edit) {
    sc::Figure changed = existing(scenario.figures, id, "figure");
    const bool text_was_written = changed.text == figure_text(changed.amount, changed.unit);
    apply(edit.value, changed.amount.value);
    apply(edit.min, changed.amount.min);
    apply(edit.max, changed.amount.max);
    if (edit.qualifier) changed.amount.qualifier = *edit.qualifier;
    check_amount(changed.amount);
    if (edit.unit) changed.unit = *edit.unit;
    if (edit.category) {
        check_one_of("category", *edit.category, kCategories);
        changed.category = *edit.category;
    }
    apply(edit.actor, changed.actor);
    check_actor(changed.actor);
    apply(edit.place, changed.place);
    if (!changed.place.empty() && !scenario.place(changed.place))
        throw Error("no place with id '" + changed.place + "'");
    if (edit.text) changed.text = *edit.text;
    else if (text_was_written) changed.text = figure_text(changed.amount, changed.unit);
    sc::Figure& figure = existing(scenario.figures, id, "figure");
    figure = std::move(changed);
    return figure;
}

void remove_figure(sc::Scenario& scenario, const std::string& id) {
    existing(scenario.figures, id, "figure");
    std::erase_if(scenario.figures, [&](const sc::Figure& figure) { return figure.id == id; });
}

}  // namespace muster::script
