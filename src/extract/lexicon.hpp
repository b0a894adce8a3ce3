// English words and first names, for telling places from what merely looks
// like one: a capitalised common word ("Court", "Council", "Reading" at the
// start of a sentence) or part of a person's name ("David Jones", "Georgia
// Smith"). Loaded from geodata/lexicon.tsv (built by tools/build-lexicon.sh
// from Debian's wamerican word list and the @stdlib first-name data sets).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace muster::extract {

class Lexicon {
public:
    // Reads the lexicon file; throws muster::Error naming it when it cannot be
    // read or a line is malformed.
    static Lexicon load(const std::filesystem::path& file);
    // geodata/lexicon.tsv of this installation.
    static Lexicon load_default();
    // An empty lexicon (every word unknown): for tests and degraded runs.
    Lexicon() = default;

    // A lower-case dictionary word, compared case-insensitively for ASCII:
    // "court", "Court" and "COURT" all are.
    [[nodiscard]] bool is_common_word(std::string_view word) const;
    // A first name, compared case-insensitively: "David", "Georgia".
    [[nodiscard]] bool is_first_name(std::string_view word) const;

    [[nodiscard]] std::size_t size() const { return flags_.size(); }

    // Adds an entry (used by load and by tests).
    void add(std::string_view word, bool common_word, bool given_name);

private:
    enum Flag : std::uint8_t { common = 1, first_name = 2 };
    [[nodiscard]] std::uint8_t flags_of(std::string_view word) const;
    std::unordered_map<std::string, std::uint8_t> flags_;  // keys ASCII-lower-cased
};

}  // namespace muster::extract
