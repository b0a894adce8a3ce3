// muster_fuzz_replay TARGET FOLDER...: runs a fuzz target (fuzz/targets.hpp)
// over every file under the folders — its seed corpus and the crashers kept
// in crashers/ — as the regular test suite does, without clang or libFuzzer.
// Exit status 0 when every input passes; a crash or broken invariant names
// the input that caused it.
#include "fuzz/targets.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The input being run, for the crash handler (a fixed buffer: nothing is
// allocated in a signal handler).
char current_input[4096];

void name_input_and_die(int signal_number) {
    static const char prefix[] = "muster_fuzz_replay: crashed on ";
    [[maybe_unused]] auto ignored = write(STDERR_FILENO, prefix, sizeof prefix - 1);
    ignored = write(STDERR_FILENO, current_input, std::strlen(current_input));
    ignored = write(STDERR_FILENO, "\n", 1);
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

std::vector<fs::path> inputs_under(const std::vector<fs::path>& folders) {
    std::vector<fs::path> files;
    for (const fs::path& folder : folders)
        for (const auto& entry : fs::recursive_directory_iterator(folder))
            if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: muster_fuzz_replay TARGET FOLDER...\n");
        return 2;
    }
    const muster::fuzz::Target* target = muster::fuzz::find_target(argv[1]);
    if (!target) {
        std::fprintf(stderr, "muster_fuzz_replay: no target named '%s'\n", argv[1]);
        return 2;
    }
    for (int signal_number : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(signal_number, name_input_and_die);

    const std::vector<fs::path> inputs = inputs_under({argv + 2, argv + argc});
    if (inputs.empty()) {
        std::fprintf(stderr, "muster_fuzz_replay: no inputs under the folders given\n");
        return 2;
    }
    if (target->initialize) target->initialize();
    for (const fs::path& input : inputs) {
        std::snprintf(current_input, sizeof current_input, "%s", input.c_str());
        try {
            target->run(bytes_of(input));
        } catch (const std::exception& error) {
            std::fprintf(stderr, "muster_fuzz_replay: %s: uncaught exception: %s\n", input.c_str(), error.what());
            return 1;
        }
    }
    std::printf("%s: %zu inputs replayed\n", argv[1], inputs.size());
    return 0;
}
