// Running the built muster binary from tests, as users and scripts run it:
// a private scratch folder per test process, and captured stdout, stderr and
// exit status.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace muster::test {

struct Run {
    int exit_code = -1;
    std::string out, err;
};

inline std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A folder /tmp/muster-test-NAME-PID, removed afterwards.
class Scratch {
public:
    explicit Scratch(const std::string& name)
        : folder_(std::filesystem::temp_directory_path() / ("muster-test-" + name + "-" + std::to_string(getpid()))) {
        std::filesystem::create_directories(folder_);
    }
    ~Scratch() {
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }

    // Runs "env ENV muster ARGS" (ARGS shell-quoted by the caller).
    [[nodiscard]] Run muster(const std::string& args, const std::string& env = "") const {
        const std::filesystem::path out = folder_ / "stdout.txt", err = folder_ / "stderr.txt";
        const std::string command = "env " + env + " '" + std::string(MUSTER_BINARY) + "' " + args + " >'" +
                                    out.string() + "' 2>'" + err.string() + "'";
        const int status = std::system(command.c_str());
        Run run;
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.out = slurp(out);
        run.err = slurp(err);
        std::filesystem::remove(out);
        std::filesystem::remove(err);
        return run;
    }

private:
    std::filesystem::path folder_;
};

// The result of run_piped(): `status` rather than `exit_code`, as the tests
// that pipe output (and may redirect input in ARGS) name it.
struct PipedRun {
    int status = -1;
    std::string out, err;
};

// Runs `muster ARGS` (ARGS shell-quoted; may end in a redirection), reading
// stdout through a pipe and stderr through a file named after `tag`.
inline PipedRun run_piped(const std::string& args, const std::string& tag) {
    static int serial = 0;
    const std::filesystem::path err_file =
        std::filesystem::temp_directory_path() /
        ("muster-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".err");
    const std::string command = std::string("'") + MUSTER_BINARY + "' " + args + " 2>'" + err_file.string() + "'";
    PipedRun run;
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe) {
        std::array<char, 4096> buffer{};
        std::size_t got = 0;
        while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), got);
        const int status = ::pclose(pipe);
        run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    run.err = slurp(err_file);
    std::filesystem::remove(err_file);
    return run;
}

}  // namespace muster::test
