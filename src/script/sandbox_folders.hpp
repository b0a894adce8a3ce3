// The folders a script may touch, and the check every file access of a
// script goes through (io.open, io.lines, require, muster.open, save,
// export, render).
//
//   script folder  the script's own folder and everything under it: read
//                  (data beside the script, modules for require)
//   output folder  the folder given with --out, and everything under it:
//                  read and written; without one a script writes nothing
//
// Relative paths read from the script's folder and write into the output
// folder, whatever the current directory, so a script behaves the same from
// wherever it is run. Symbolic links are followed before the check: a link
// inside the output folder that points elsewhere is outside.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace muster::script {

class SandboxFolders {
public:
    // Both folders must exist; they are made absolute and canonical here.
    // Throws muster::Error "FOLDER: not a folder" otherwise.
    SandboxFolders(const std::filesystem::path& script_folder,
                   const std::optional<std::filesystem::path>& output_folder);

    // The file to read for a path as the script wrote it. Throws
    // muster::Error "cannot read 'PATH': outside the script's folder and the
    // output folder (sandbox)".
    [[nodiscard]] std::filesystem::path readable(std::string_view path) const;

    // The file to write for a path as the script wrote it, with the folders
    // between the output folder and the file created. Throws muster::Error
    // "cannot write 'PATH': no output folder (run with --out DIR)" or
    // "cannot write 'PATH': outside the output folder DIR (sandbox)".
    [[nodiscard]] std::filesystem::path writable(std::string_view path) const;

    [[nodiscard]] const std::filesystem::path& script_folder() const { return script_folder_; }
    [[nodiscard]] const std::optional<std::filesystem::path>& output_folder() const { return output_folder_; }

private:
    std::filesystem::path script_folder_;
    std::optional<std::filesystem::path> output_folder_;
};

}  // namespace muster::script
