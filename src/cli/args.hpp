// A small command-line reader shared by every subcommand.
//
// Each subcommand declares its options up front, so an unknown flag, a missing
// value or a stray positional argument gets one clear line that names the
// subcommand and the offending word, e.g.
//   muster render: unknown option '--colour' (see 'muster render --help')
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace muster::cli {

class Args {
public:
    // command: subcommand name used in messages; words: everything after it.
    Args(std::string command, std::vector<std::string> words);

    // Declare before parse(): a boolean switch, or an option taking a value.
    Args& flag(const std::string& name);
    Args& option(const std::string& name);
    // How many positional arguments are accepted.
    Args& positionals(std::size_t min_count, std::size_t max_count);

    // Throws muster::Error on unknown options, missing values, wrong positional counts.
    void parse();

    [[nodiscard]] bool has(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    // Every value of a repeatable option, in order ("--layer a --layer b"); value() gives the last.
    [[nodiscard]] std::vector<std::string> values(const std::string& name) const;
    [[nodiscard]] std::string value_or(const std::string& name, const std::string& fallback) const;
    [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
    [[nodiscard]] const std::string& command() const { return command_; }

    // "--size 1920x1080" style values; throw muster::Error naming the option.
    [[nodiscard]] int int_value(const std::string& name, int fallback, int min_value, int max_value) const;

    // A muster::Error message prefixed with "muster COMMAND: ".
    [[nodiscard]] std::string message(const std::string& text) const;

private:
    std::string command_;
    std::vector<std::string> words_;
    std::set<std::string> flags_;
    std::set<std::string> options_;
    std::size_t min_positional_ = 0;
    std::size_t max_positional_ = 0;
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> all_values_;
    std::set<std::string> seen_flags_;
    std::vector<std::string> positional_;
};

}  // namespace muster::cli
