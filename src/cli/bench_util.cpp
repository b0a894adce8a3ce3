#include "cli/bench_util.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace muster::cli::bench {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Resident set size of this process in MB (VmRSS of /proc/self/status); 0
// where /proc is not available.
double resident_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // "VmRSS:  1234 kB"
    }
    return 0.0;
}

// "1234567" -> "1,234,567"
std::string grouped(long long value) {
    const std::string digits = std::to_string(value);
    const std::size_t sign = digits[0] == '-' ? 1 : 0;
    std::string out = digits.substr(0, sign);
    for (std::size_t i = sign; i < digits.size(); ++i) {
        if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void print_measures(const std::vector<Measure>& measures) {
    std::printf("\n  %-20s  %-14s  %-14s  %s\n", "measure", "value", "target", "result");
    for (const auto& m : measures)
        std::printf("  %-20s  %-14s  %-14s  %s\n", m.label.c_str(), m.value.c_str(), m.target.c_str(),
                    m.pass ? "PASS" : "FAIL");
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * static_cast<double>(values.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(rank));
    const std::size_t high = std::min(low + 1, values.size() - 1);
    return values[low] + (values[high] - values[low]) * (rank - static_cast<double>(low));
}

}  // namespace muster::cli::bench
