// Writing files so that a reader never sees half of one: the content goes to a
// temporary file beside the target, is flushed to disk, and is renamed into
// place. On any failure the temporary file is removed and the previous target,
// if any, is left untouched.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace muster {

// Calls write(temp_path) to produce the file, then renames temp_path onto target.
// write() may throw; errors come out as muster::Error naming target.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(const std::filesystem::path& temp_path)>& write);

// Convenience for small text or binary content.
void write_bytes_atomically(const std::filesystem::path& target, std::string_view bytes);

// Throws muster::Error("PATH: cannot write (REASON)") when target's folder does
// not exist or is not writable; lets commands fail before expensive work.
void check_writable(const std::filesystem::path& target);

}  // namespace muster
