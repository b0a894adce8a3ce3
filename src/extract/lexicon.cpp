#include "extract/lexicon.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"

#include <fstream>

namespace muster::extract {

namespace {

std::string ascii_lower(std::string_view word) {
    std::string lower(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

}  // namespace

void Lexicon::add(std::string_view word, bool common_word, bool given_name) {
    auto& flags = flags_[ascii_lower(word)];
    if (common_word) flags |= common;
    if (given_name) flags |= Flag::first_name;
}

Lexicon Lexicon::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw Error(file.string() + ": cannot read the lexicon (run tools/build-lexicon.sh)");
    Lexicon lexicon;
    lexicon.flags_.reserve(80000);
    std::string line;
    std::size_t line_number = 0;
    while (std::getline(in, line)) {
        ++line_number;
        if (line.empty()) continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos || tab == 0)
            throw Error(file.string() + ":" + std::to_string(line_number) + ": expected WORD<TAB>KINDS");
        const std::string_view word(line.data(), tab);
        const std::string_view kinds(line.data() + tab + 1, line.size() - tab - 1);
        lexicon.add(word, kinds.find("word") != std::string_view::npos,
                    kinds.find("male") != std::string_view::npos);  // "male" also matches "female"
    }
    return lexicon;
}

Lexicon Lexicon::load_default() { return load(geodata_path("lexicon.tsv")); }

std::uint8_t Lexicon::flags_of(std::string_view word) const {
    auto it = flags_.find(ascii_lower(word));
    return it == flags_.end() ? 0 : it->second;
}

bool Lexicon::is_common_word(std::string_view word) const { return flags_of(word) & common; }
bool Lexicon::is_first_name(std::string_view word) const { return flags_of(word) & Flag::first_name; }

}  // namespace muster::extract
