// muster reads files on this machine only. GDAL would also take a path to
// its virtual file systems (/vsicurl/http://..., /vsis3/..., /vsizip/ of
// either) or a URL and fetch it; such paths are refused before any reader
// sees them, for every file a user or a stranger's script hands muster.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace muster {

// "/vsi..." (any GDAL virtual file system) or anything with "://" in it.
bool is_remote_or_virtual(std::string_view path);

// Throws muster::Error "SHOWN: not a local file (muster reads KIND on this
// machine, never over a network)" for such paths; KIND: "vector files",
// "articles and scenario files", "scripts".
void require_local_path(std::string_view path, const std::string& shown, std::string_view kind);

// require_local_path, then that path is a file muster may open for reading:
// "SHOWN: cannot read (Is a directory)", "SHOWN: cannot read (No such file
// or directory)", ... before GDAL sees it, so its message is the system's.
void require_readable_local_file(const std::filesystem::path& path, const std::string& shown, std::string_view kind);

}  // namespace muster
