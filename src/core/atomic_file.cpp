#include "core/atomic_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <string>
#include <unistd.h>

namespace muster {
namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

fs::path temporary_sibling(const fs::path& target) {
    std::random_device rd;
    const auto tag = std::to_string(rd() % 1000000u);
    return folder_of(target) / ("." + target.filename().string() + ".tmp-" + std::to_string(getpid()) + "-" + tag);
}

void fsync_path(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void check_writable(const fs::path& target) {
    std::error_code ec;
    const fs::path folder = folder_of(target);
    if (!fs::is_directory(folder, ec))
        throw Error(target.string() + ": cannot write (folder " + folder.string() + " does not exist)");
    if (fs::is_directory(target, ec))
        throw Error(target.string() + ": cannot write (it is a folder)");
    if (::access(folder.c_str(), W_OK) != 0)
        throw Error(target.string() + ": cannot write (" + std::strerror(errno) + ")");
}

void write_file_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
    check_writable(target);
    const fs::path temp = temporary_sibling(target);
    auto discard = [&] {
        std::error_code ignored;
        fs::remove(temp, ignored);
    };
    try {
        write(temp);
    } catch (const Error&) {
        discard();
        throw;
    } catch (const std::exception& e) {
        discard();
        throw Error(target.string() + ": cannot write (" + e.what() + ")");
    }
    std::error_code ec;
    if (!fs::exists(temp, ec)) throw Error(target.string() + ": cannot write (nothing was produced)");
    fsync_path(temp);
    fs::rename(temp, target, ec);
    if (ec) {
        discard();
        throw Error(target.string() + ": cannot write (" + ec.message() + ")");
    }
    fsync_path(folder_of(target));
}

void write_bytes_atomically(const fs::path& target, std::string_view bytes) {
    write_file_atomically(target, [&](const fs::path& temp) {
        std::FILE* f = std::fopen(temp.c_str(), "wb");
        if (!f) throw Error(target.string() + ": cannot write (" + std::strerror(errno) + ")");
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        const bool closed = std::fclose(f) == 0;
        if (!ok || !closed) throw Error(target.string() + ": cannot write (" + std::strerror(errno) + ")");
    });
}

}  // namespace muster
