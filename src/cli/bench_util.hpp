// Shared pieces of the muster bench subcommands: timing, memory, and the
// table of measures beside their targets.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace muster::cli::bench {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start);

// Resident set size of this process in MB (VmRSS of /proc/self/status); 0
// where /proc is not available.
double resident_mb();

// The p-th percentile (0..100) of values, interpolating between ranks; 0
// for none.
double percentile(std::vector<double> values, double p);

// "1234567" -> "1,234,567"
std::string grouped(long long value);

struct Measure {
    std::string label;
    std::string value;
    std::string target;
    bool pass = false;
};

void print_measures(const std::vector<Measure>& measures);

}  // namespace muster::cli::bench
