// "--help" for subcommands: prints the usage text and tells the caller to stop.
#pragma once

#include "cli/commands.hpp"

#include <algorithm>
#include <cstdio>

namespace muster::cli {

inline bool print_help_if_asked(const Words& words, const char* usage) {
    if (std::find(words.begin(), words.end(), "--help") == words.end() &&
        std::find(words.begin(), words.end(), "-h") == words.end())
        return false;
    std::fputs(usage, stdout);
    return true;
}

}  // namespace muster::cli
