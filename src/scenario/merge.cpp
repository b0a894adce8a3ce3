#include "scenario/merge.hpp"
#include "scenario/dating.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <string>

namespace muster::scenario {
namespace {

// The next free id "<prefix><n>" after every id of that shape already used.
class IdSequence {
public:
    template <typename Items>
    IdSequence(std::string prefix, const Items& items) : prefix_(std::move(prefix)) {
        for (const auto& item : items) {
            if (!item.id.starts_with(prefix_)) continue;
            try {
                next_ = std::max(next_, std::stoi(item.id.substr(prefix_.size())) + 1);
            } catch (const std::exception&) {
                // "p-kyiv": not numbered, nothing to skip past
            }
        }
    }
    std::string next() { return prefix_ + std::to_string(next_++); }

private:
    std::string prefix_;
    int next_ = 1;
};

using Renames = std::map<std::string, std::string>;

std::string renamed(const Renames& renames, const std::string& id) {
    const auto it = renames.find(id);
    return it == renames.end() ? id : it->second;
}

Mention renamed(const Renames& sources, Mention mention) {
    mention.source = renamed(sources, mention.source);
    return mention;
}

Renames merge_sources(Scenario& into, const Scenario& other) {
    IdSequence ids("s", into.sources);
    Renames renames;
    for (Source source : other.sources) {
        const std::string old_id = source.id;
        renames[old_id] = source.id = ids.next();
        into.sources.push_back(std::move(source));
    }
    return renames;
}

Renames merge_places(Scenario& into, const Scenario& other, const Renames& sources) {
    IdSequence ids("p", into.places);
    std::map<std::string, std::size_t> by_entry;
    for (std::size_t i = 0; i < into.places.size(); ++i)
        if (!into.places[i].gazetteer_id.empty()) by_entry.emplace(into.places[i].gazetteer_id, i);
    Renames renames;
    for (const Place& place : other.places) {
        std::vector<Mention> mentions;
        for (const Mention& mention : place.mentions) mentions.push_back(renamed(sources, mention));
        const auto same = place.gazetteer_id.empty() ? by_entry.end() : by_entry.find(place.gazetteer_id);
        if (same != by_entry.end()) {
            Place& known = into.places[same->second];
            renames[place.id] = known.id;
            known.mentions.insert(known.mentions.end(), mentions.begin(), mentions.end());
            known.confidence = std::max(known.confidence, place.confidence);
            continue;
        }
        Place copy = place;
        copy.id = ids.next();
        renames[place.id] = copy.id;
        copy.mentions = std::move(mentions);
        if (!copy.gazetteer_id.empty()) by_entry.emplace(copy.gazetteer_id, into.places.size());
        into.places.push_back(std::move(copy));
    }
    return renames;
}

Renames merge_figures(Scenario& into, const Scenario& other, const Renames& sources, const Renames& places) {
    IdSequence ids("f", into.figures);
    Renames renames;
    for (Figure figure : other.figures) {
        const std::string old_id = figure.id;
        renames[old_id] = figure.id = ids.next();
        if (!figure.place.empty()) figure.place = renamed(places, figure.place);
        if (figure.mention) figure.mention = renamed(sources, *figure.mention);
        into.figures.push_back(std::move(figure));
    }
    return renames;
}

bool same_pair(const Border& a, const Border& b) {
    return (a.a == b.a && a.b == b.b) || (a.a == b.b && a.b == b.a);
}

void merge_borders(Scenario& into, const Scenario& other, const Renames& sources) {
    IdSequence ids("b", into.borders);
    for (Border border : other.borders) {
        bool merged = false;
        for (Border& known : into.borders) {
            if (!same_pair(known, border)) continue;
            if (!known.claimed_km) known.claimed_km = border.claimed_km;
            merged = true;
            break;
        }
        if (merged) continue;
        border.id = ids.next();
        if (border.mention) border.mention = renamed(sources, *border.mention);
        into.borders.push_back(std::move(border));
    }
}

void merge_movements(Scenario& into, const Scenario& other, const Renames& sources, const Renames& places,
                     const Renames& figures) {
    IdSequence ids("m", into.movements);
    for (Movement movement : other.movements) {
        movement.id = ids.next();
        movement.from = renamed(places, movement.from);
        movement.to = renamed(places, movement.to);
        if (!movement.figure.empty()) movement.figure = renamed(figures, movement.figure);
        if (movement.mention) movement.mention = renamed(sources, *movement.mention);
        into.movements.push_back(std::move(movement));
    }
}

void merge_annotations(Scenario& into, const Scenario& other, const Renames& sources, const Renames& places) {
    IdSequence ids("a", into.annotations);
    for (Annotation annotation : other.annotations) {
        annotation.id = ids.next();
        for (std::string& place : annotation.places) place = renamed(places, place);
        if (annotation.mention) annotation.mention = renamed(sources, *annotation.mention);
        into.annotations.push_back(std::move(annotation));
    }
}

// How the map looks is the first scenario's; the second's fills what it lacks.
void merge_view(Scenario& into, const Scenario& other) {
    if (!into.camera) into.camera = other.camera;
    if (into.layers.empty()) into.layers = other.layers;
    if (into.style == Style{}) into.style = other.style;
    if (into.time == TimeRange{}) into.time = other.time;
}

}  // namespace

void merge_into(Scenario& into, const Scenario& other) {
    if (into.title.empty()) into.title = other.title;
    if (into.date.empty()) into.date = other.date;
    const Renames sources = merge_sources(into, other);
    const Renames places = merge_places(into, other, sources);
    const Renames figures = merge_figures(into, other, sources, places);
    merge_borders(into, other, sources);
    merge_movements(into, other, sources, places, figures);
    merge_annotations(into, other, sources, places);
    merge_view(into, other);
    date_extracted(into);  // scenario/dating.hpp: later reports supersede earlier ones
}

}  // namespace muster::scenario
