// A Lua 5.4 interpreter for scripts muster did not write: only what a map
// script needs, nothing that reaches the rest of the machine.
//
// Opened: the base library (without dofile and loadfile; load takes text
// only), string (without string.dump), table, math, utf8; os.time, os.date,
// os.clock and os.difftime; an io that opens files only through the
// SandboxFolders check (io.open, io.lines, io.write, io.close, io.type,
// io.stdout, io.stderr); a require that loads Lua files from the script's
// folder and nothing else; print, which goes to the host's PrintSink.
// setmetatable refuses __gc (finalizers run with hooks off, out of reach of
// the time limit). Everything else — os.execute, io.popen, package, debug,
// C modules, binary chunks — is refused with a one-line error that names it.
//
// Limits. A count hook looks at the clock every few thousand VM
// instructions and stops the script once `seconds` have passed; past the
// deadline it fires on every instruction, so a script that catches the
// error with pcall is stopped at its next instruction outside it. A custom
// allocator refuses memory beyond `memory_bytes`. Both errors carry the
// script's file and line.
//
// Errors come out of run_file() as muster::Error with one line
// "FILE:LINE: MESSAGE" (FILE as the caller displays it): Lua's own messages,
// errors raised without a position (error("x", 0), assert) given the line
// that raised them, and the limits' messages.
#pragma once

#include "script/sandbox_folders.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct lua_State;

namespace muster::script {

struct ScriptLimits {
    double seconds = 60.0;                      // wall clock, from the start of the run
    std::size_t memory_bytes = 256u << 20;      // what Lua itself allocates
};

// Where print() writes, one call per line (without the newline).
using PrintSink = std::function<void(const std::string& line)>;

class LuaSandbox {
public:
    // Throws muster::Error when Lua cannot start.
    LuaSandbox(SandboxFolders folders, ScriptLimits limits, PrintSink print);
    ~LuaSandbox();
    LuaSandbox(const LuaSandbox&) = delete;
    LuaSandbox& operator=(const LuaSandbox&) = delete;

    // Runs a script as the main chunk: `display` names it in messages and in
    // arg[0]; args become arg[1..n] and the chunk's `...`. The time limit
    // counts from here. Throws muster::Error "DISPLAY:LINE: MESSAGE".
    void run_file(const std::filesystem::path& file, const std::string& display, const std::vector<std::string>& args);

    [[nodiscard]] lua_State* state() const { return lua_; }
    [[nodiscard]] const SandboxFolders& folders() const { return folders_; }
    [[nodiscard]] const ScriptLimits& limits() const { return limits_; }
    // A line for print() (the host's sink; nothing without one).
    void print(const std::string& line) const {
        if (print_) print_(line);
    }
    // How require names modules in messages: the script's display folder.
    [[nodiscard]] const std::filesystem::path& display_folder() const { return display_folder_; }

    // The sandbox a lua_State belongs to (kept in its extra space).
    static LuaSandbox& of(lua_State* lua);

    struct Budget;  // the allocator's account (lua_state.cpp)

private:
    friend struct SandboxHook;
    void open_libraries();

    SandboxFolders folders_;
    ScriptLimits limits_;
    PrintSink print_;
    std::filesystem::path display_folder_;
    std::unique_ptr<Budget> budget_;
    std::chrono::steady_clock::time_point deadline_;
    bool past_deadline_ = false;
    lua_State* lua_ = nullptr;
};

// Loads a Lua source file as a text chunk named "@DISPLAY" and leaves the
// function on the stack; throws muster::Error "DISPLAY:LINE: ..." for syntax
// errors and "DISPLAY: cannot read (...)" when it cannot be read.
void load_lua_file(lua_State* lua, const std::filesystem::path& file, const std::string& display);

}  // namespace muster::script
