#include "cli/args.hpp"

#include "core/error.hpp"

#include <charconv>

namespace muster::cli {

Args::Args(std::string command, std::vector<std::string> words)
    : command_(std::move(command)), words_(std::move(words)) {}

Args& Args::flag(const std::string& name) {
    flags_.insert(name);
    return *this;
}

Args& Args::option(const std::string& name) {
    options_.insert(name);
    return *this;
}

Args& Args::positionals(std::size_t min_count, std::size_t max_count) {
    min_positional_ = min_count;
    max_positional_ = max_count;
    return *this;
}

std::string Args::message(const std::string& text) const { return "muster " + command_ + ": " + text; }

void Args::parse() {
    const std::string help_hint = " (see 'muster " + command_ + " --help')";
    bool only_positionals = false;
    for (std::size_t i = 0; i < words_.size(); ++i) {
        const std::string& word = words_[i];
        if (only_positionals || word == "-" || word.size() < 2 || word[0] != '-') {
            positional_.push_back(word);
            continue;
        }
        if (word == "--") {
            only_positionals = true;
            continue;
        }
        std::string name = word;
        std::optional<std::string> inline_value;
        if (auto eq = word.find('='); eq != std::string::npos) {
            name = word.substr(0, eq);
            inline_value = word.substr(eq + 1);
        }
        if (flags_.count(name) && !inline_value) {
            seen_flags_.insert(name);
        } else if (options_.count(name)) {
            if (inline_value) {
                values_[name] = *inline_value;
            } else if (i + 1 < words_.size()) {
                values_[name] = words_[++i];
            } else {
                throw Error(message("option '" + name + "' needs a value" + help_hint));
            }
            all_values_[name].push_back(values_[name]);
        } else {
            throw Error(message("unknown option '" + word + "'" + help_hint));
        }
    }
    if (positional_.size() < min_positional_)
        throw Error(message("missing argument" + help_hint));
    if (positional_.size() > max_positional_)
        throw Error(message("unexpected argument '" + positional_[max_positional_] + "'" + help_hint));
}

bool Args::has(const std::string& name) const { return seen_flags_.count(name) || values_.count(name); }

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = all_values_.find(name);
    return it == all_values_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::value_or(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

int Args::int_value(const std::string& name, int fallback, int min_value, int max_value) const {
    auto text = value(name);
    if (!text) return fallback;
    int result = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), result);
    if (ec != std::errc() || end != text->data() + text->size() || result < min_value || result > max_value)
        throw Error(message("option '" + name + "' expects a whole number from " + std::to_string(min_value) +
                            " to " + std::to_string(max_value) + ", got '" + *text + "'"));
    return result;
}

}  // namespace muster::cli
