// Fuzz targets: one function per parser muster runs on bytes it did not
// write. libFuzzer drives them in build-fuzz/ (MUSTER_FUZZ=ON, clang,
// fuzz/libfuzzer_entry.cpp); muster_fuzz_replay runs them over the seed
// corpora and kept crashers of tests/fuzz/ in the ordinary build, so the
// regular test suite guards every finding without clang.
//
// A target returns normally for any input: a muster::Error (a one-line
// message for the user) is the expected answer to bad bytes and is
// swallowed. Anything else escaping — another exception type, a crash, a
// broken invariant (check() aborts) — is a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace muster::fuzz {

struct Target {
    std::string_view name;    // tests/fuzz/<name>/ holds its corpus
    void (*initialize)();     // loads what every input shares (gazetteer, ...); may be null
    void (*run)(std::string_view bytes);
};

// Every target, in the order fuzz.sh runs them.
std::span<const Target> targets();

// The target of that name, or null.
const Target* find_target(std::string_view name);

// Aborts with "muster fuzz: broken invariant: WHAT" when `holds` is false:
// what a sanitizer would report for memory errors, for wrong answers.
void check(bool holds, const char* what);

}  // namespace muster::fuzz
