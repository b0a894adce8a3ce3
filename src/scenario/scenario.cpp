#include "scenario/scenario.hpp"

#include <algorithm>

namespace muster::scenario {

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::size_t code_point_to_byte(std::string_view text, std::size_t index) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
        if (seen == index) return i;
        ++seen;
    }
    return text.size();
}

const Place* Scenario::place(std::string_view id) const { return find_by_id(places, id); }
const Source* Scenario::source(std::string_view id) const { return find_by_id(sources, id); }
const Figure* Scenario::figure(std::string_view id) const { return find_by_id(figures, id); }

std::string_view Scenario::mention_text(const Mention& mention) const {
    const Source* src = source(mention.source);
    if (!src || mention.span.end < mention.span.start) return {};
    const std::string_view text = src->text;
    const std::size_t begin = code_point_to_byte(text, mention.span.start);
    const std::size_t end = code_point_to_byte(text, mention.span.end);
    return text.substr(begin, end - begin);
}

}  // namespace muster::scenario
