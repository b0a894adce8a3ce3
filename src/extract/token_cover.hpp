// Which item of a text (a toponym, a figure) covers each token, for the rule
// code that walks tokens and asks "is there a place here, does one start or
// end at this token" (relations.cpp, movements.cpp).
#pragma once

#include <cstddef>
#include <vector>

namespace muster::extract {

// Items are anything with first_token and last_token (a half-open range):
// Toponym, Figure. Indices are ints so that kNoItem can mark "none".
template <typename Item>
class TokenCover {
public:
    static constexpr int kNoItem = -1;

    TokenCover(std::size_t token_count, const std::vector<Item>& items) : items_(items), at_(token_count, kNoItem) {
        for (std::size_t k = 0; k < items.size(); ++k)
            for (std::size_t i = items[k].first_token; i < items[k].last_token && i < at_.size(); ++i)
                at_[i] = static_cast<int>(k);
    }

    // The item covering token i, or kNoItem (also past the end).
    [[nodiscard]] int operator[](std::size_t i) const { return i < at_.size() ? at_[i] : kNoItem; }
    // The item whose first token is i, or kNoItem.
    [[nodiscard]] int starting(std::size_t i) const {
        const int k = (*this)[i];
        return k != kNoItem && items_[static_cast<std::size_t>(k)].first_token == i ? k : kNoItem;
    }
    // The item whose last token is i, or kNoItem.
    [[nodiscard]] int ending(std::size_t i) const {
        const int k = (*this)[i];
        return k != kNoItem && items_[static_cast<std::size_t>(k)].last_token == i + 1 ? k : kNoItem;
    }

private:
    const std::vector<Item>& items_;
    std::vector<int> at_;
};

}  // namespace muster::extract
