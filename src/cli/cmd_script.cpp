// muster script: runs a Lua script against muster's API, sandboxed.
#include "cli/args.hpp"
#include "cli/commands.hpp"

#include "core/error.hpp"
#include "script/run_script.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

namespace muster::cli {
namespace {

constexpr const char* usage =
    "usage: muster script FILE.lua [ARGS...] [--out DIR] [--time-limit SECONDS] [--memory-limit MB]\n"
    "Runs a Lua 5.4 script with muster's API (docs/scripting.md): open articles and\n"
    "scenarios, add and edit places and figures, render PNG or GeoTIFF images, save\n"
    "scenarios and GeoJSON. Scripts are sandboxed: they read files only in their own\n"
    "folder and the output folder, write only into the output folder, and cannot run\n"
    "programs or load C code. Errors are one line: FILE.lua:LINE: MESSAGE.\n"
    "\n"
    "  FILE.lua            the script; ARGS become arg[1], arg[2], ... and its '...'\n"
    "                      (put '--' before arguments that start with '-')\n"
    "  --out DIR           the output folder, created if missing: relative paths the\n"
    "                      script writes land here (relative reads are beside the\n"
    "                      script); without it the script writes nothing\n"
    "  --time-limit S      stop the script after S seconds (1 to 86400, default 60)\n"
    "  --memory-limit MB   stop the script when Lua holds more than MB megabytes\n"
    "                      (16 to 65536, default 256)\n";

// A script stuck inside one long library call (a pathological string
// pattern) never reaches the instruction hook that enforces the time
// limit; past the limit and this grace the process ends itself.
constexpr std::chrono::seconds kWatchdogGrace{5};

class Watchdog {
public:
    Watchdog(std::chrono::duration<double> limit, std::string message) : message_(std::move(message)) {
        const auto deadline = std::chrono::steady_clock::now() +
                              std::chrono::duration_cast<std::chrono::steady_clock::duration>(limit) + kWatchdogGrace;
        thread_ = std::thread([this, deadline] {
            std::unique_lock lock(mutex_);
            if (done_changed_.wait_until(lock, deadline, [this] { return done_; })) return;
            std::fflush(stdout);  // what the script printed before it got stuck
            std::fprintf(stderr, "%s\n", message_.c_str());
            std::fflush(stderr);
            std::_Exit(1);
        });
    }
    ~Watchdog() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        done_changed_.notify_one();
        thread_.join();
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    std::string message_;
    std::mutex mutex_;
    std::condition_variable done_changed_;
    bool done_ = false;
    std::thread thread_;
};

// --help before the script's name; after it, words are the script's.
bool help_asked(const Words& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word == "--help" || word == "-h") return true;
        if (word == "--out" || word == "--time-limit" || word == "--memory-limit") ++i;
        else if (word == "--" || word.empty() || word[0] != '-') return false;
    }
    return false;
}

std::filesystem::path output_folder(const Args& args, const std::string& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!std::filesystem::is_directory(folder, ec))
        throw Error(args.message("--out " + folder + ": cannot create the folder" + (ec ? " (" + ec.message() + ")" : "")));
    return folder;
}

}  // namespace

int cmd_script(const Words& words) {
    if (help_asked(words)) {
        std::fputs(usage, stdout);
        return 0;
    }
    Args args("script", words);
    args.option("--out").option("--time-limit").option("--memory-limit").positionals(1, 10000);
    args.parse();

    script::ScriptRequest request;
    request.file = args.positional()[0];
    request.args.assign(args.positional().begin() + 1, args.positional().end());
    if (const auto out = args.value("--out")) request.output = output_folder(args, *out);
    request.limits.seconds = args.int_value("--time-limit", 60, 1, 86400);
    request.limits.memory_bytes = static_cast<std::size_t>(args.int_value("--memory-limit", 256, 16, 65536)) << 20;
    request.print = [](const std::string& line) {
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fputc('\n', stdout);
    };

    const std::string display = request.file.string();
    const Watchdog watchdog(std::chrono::duration<double>(request.limits.seconds),
                            "muster script: " + display + ": time limit exceeded (" +
                                std::to_string(static_cast<int>(request.limits.seconds)) +
                                " s) inside a library call; stopped");
    try {
        script::run_script(request);
    } catch (const Error& e) {
        std::fflush(stdout);
        throw Error(args.message(e.what()));
    }
    std::fflush(stdout);
    return 0;
}

}  // namespace muster::cli
