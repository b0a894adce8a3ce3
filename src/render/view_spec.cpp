#include "render/view_spec.hpp"

#include <charconv>
#include <string>
#include <vector>

namespace muster {
namespace {

std::optional<int> parse_whole(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

std::optional<double> parse_decimal(std::string_view text) {
    // from_chars for double is locale-independent: "30.5" never means 305.
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::optional<PixelSize> parse_pixel_size(std::string_view text, int max_side) {
    const auto cross = text.find_first_of("xX");
    if (cross == std::string_view::npos) return std::nullopt;
    const auto width = parse_whole(text.substr(0, cross));
    const auto height = parse_whole(text.substr(cross + 1));
    if (!width || !height || *width < 1 || *height < 1 || *width > max_side || *height > max_side) return std::nullopt;
    return PixelSize{*width, *height};
}

std::optional<Extent> parse_extent(std::string_view text) {
    std::vector<double> numbers;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const auto part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        const auto number = parse_decimal(part);
        if (!number) return std::nullopt;
        numbers.push_back(*number);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (numbers.size() != 4) return std::nullopt;
    const Extent extent{numbers[0], numbers[1], numbers[2], numbers[3]};
    if (!extent.valid()) return std::nullopt;
    return extent;
}

}  // namespace muster
