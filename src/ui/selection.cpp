#include "ui/selection.hpp"

#include <algorithm>

namespace muster::ui {

ImU32 entity_colour(EntityKind kind, float alpha) {
    const int a = static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
    switch (kind) {
    case EntityKind::place: return IM_COL32(86, 180, 233, a);   // sky blue
    case EntityKind::figure: return IM_COL32(230, 159, 0, a);   // orange
    case EntityKind::movement: return IM_COL32(204, 121, 167, a);  // reddish purple
    case EntityKind::border: return IM_COL32(204, 121, 167, a);    // reddish purple, near the border line's
    case EntityKind::none: break;
    }
    return IM_COL32(128, 128, 128, a);
}

const scenario::Figure* find_figure(const scenario::Scenario& scenario, std::string_view id) {
    for (const scenario::Figure& figure : scenario.figures)
        if (figure.id == id) return &figure;
    return nullptr;
}

const scenario::Movement* find_movement(const scenario::Scenario& scenario, std::string_view id) {
    for (const scenario::Movement& movement : scenario.movements)
        if (movement.id == id) return &movement;
    return nullptr;
}

const scenario::Border* find_border(const scenario::Scenario& scenario, std::string_view id) {
    for (const scenario::Border& border : scenario.borders)
        if (border.id == id) return &border;
    return nullptr;
}

std::optional<LatLon> entity_position(const scenario::Scenario& scenario, const EntityRef& entity) {
    if (entity.kind == EntityKind::border) {
        const scenario::Border* border = find_border(scenario, entity.id);
        if (!border) return std::nullopt;
        const std::vector<LatLon>* longest = nullptr;
        for (const auto& line : border->lines)
            if (!longest || line.size() > longest->size()) longest = &line;
        if (!longest || longest->empty()) return std::nullopt;
        return (*longest)[longest->size() / 2];
    }
    std::string_view place_id;
    if (entity.kind == EntityKind::place) place_id = entity.id;
    if (entity.kind == EntityKind::figure)
        if (const scenario::Figure* figure = find_figure(scenario, entity.id)) place_id = figure->place;
    if (entity.kind == EntityKind::movement)
        if (const scenario::Movement* movement = find_movement(scenario, entity.id)) place_id = movement->to;
    if (place_id.empty()) return std::nullopt;
    const scenario::Place* place = scenario.place(place_id);
    if (!place) return std::nullopt;
    return place->point;
}

std::optional<scenario::Mention> entity_mention(const scenario::Scenario& scenario, const EntityRef& entity) {
    if (entity.kind == EntityKind::place)
        if (const scenario::Place* place = scenario.place(entity.id); place && !place->mentions.empty())
            return place->mentions.front();
    if (entity.kind == EntityKind::figure)
        if (const scenario::Figure* figure = find_figure(scenario, entity.id)) return figure->mention;
    if (entity.kind == EntityKind::movement)
        if (const scenario::Movement* movement = find_movement(scenario, entity.id)) return movement->mention;
    if (entity.kind == EntityKind::border)
        if (const scenario::Border* border = find_border(scenario, entity.id)) return border->mention;
    return std::nullopt;
}

namespace {

// A full stop, question or exclamation mark followed by a space ends a
// sentence; so does a line break (headlines, paragraphs). "U.S. troops" is
// cut short, which a tooltip survives.
bool ends_sentence(std::string_view text, std::size_t i) {
    if (text[i] == '\n') return true;
    const bool mark = text[i] == '.' || text[i] == '!' || text[i] == '?';
    return mark && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::string_view sentence_around(std::string_view text, std::size_t begin, std::size_t end) {
    begin = std::min(begin, text.size());
    end = std::clamp(end, begin, text.size());
    std::size_t first = begin;
    while (first > 0 && !ends_sentence(text, first - 1)) --first;
    std::size_t last = end;
    while (last < text.size() && !ends_sentence(text, last)) ++last;
    if (last < text.size() && text[last] != '\n') ++last;  // keep the full stop
    return trim(text.substr(first, last - first));
}

std::string entity_sentence(const scenario::Scenario& scenario, const EntityRef& entity) {
    const auto mention = entity_mention(scenario, entity);
    if (!mention) return {};
    const scenario::Source* source = scenario.source(mention->source);
    if (!source) return {};
    const std::size_t begin = code_point_to_byte(source->text, mention->span.start);
    const std::size_t end = code_point_to_byte(source->text, mention->span.end);
    return std::string(sentence_around(source->text, begin, end));
}

Camera camera_centred_on(Camera camera, LatLon target, double left_px, double right_px) {
    camera.set_centre(target);
    // Content moves right by half the strip covered on the left (left by
    // half the right one): the target sits in the middle of what is still visible.
    camera.pan_by_pixels((left_px - right_px) / 2.0, 0.0);
    return camera;
}

}  // namespace muster::ui
