#include "extract/open_document.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "extract/extract.hpp"
#include "extract/scenario_resolver.hpp"
#include "scenario/scenario_json.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace muster::extract {

std::string read_document_bytes(const std::string& path) {
    const std::string name = extract::display_name(path);
    const std::size_t limit = extract::kMaxTextBytes;
    auto too_large = [&](std::uintmax_t size) {
        return Error(name + ": too large (" + std::to_string(size) + " bytes; muster extracts texts up to 50 MB)");
    };
    std::FILE* in = stdin;
    if (path != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw Error(name + ": cannot read (" + std::strerror(EISDIR) + ")");
        in = std::fopen(path.c_str(), "rb");
        if (!in) throw Error(name + ": cannot read (" + std::strerror(errno) + ")");
        const std::uintmax_t size = std::filesystem::file_size(path, ec);
        if (!ec && size > limit) {
            std::fclose(in);
            throw too_large(size);
        }
    }
    std::string bytes;
    char buffer[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
        bytes.append(buffer, got);
        if (bytes.size() > limit) break;
    }
    const bool failed = std::ferror(in) != 0;
    const int error = errno;
    if (in != stdin) std::fclose(in);
    if (failed) throw Error(name + ": cannot read (" + std::strerror(error) + ")");
    if (bytes.size() > limit) throw too_large(bytes.size());
    return bytes;
}

bool looks_like_scenario(const std::string& bytes) {
    const std::size_t start = bytes.find_first_not_of(" \t\r\n");
    if (start == std::string::npos || bytes[start] != '{') return false;
    // The version field is what marks a scenario; a small window suffices,
    // since muster writes it first.
    return bytes.find("\"muster\"", start) != std::string::npos;
}

scenario::Scenario open_document(const std::string& path, std::vector<std::string>* warnings) {
    // Source paths in a scenario file start from its folder ("-": the working folder).
    GeodataResolver resolver(path == "-" ? std::filesystem::path() : std::filesystem::path(path).parent_path());
    return open_document(path, warnings, resolver);
}

scenario::Scenario open_document(const std::string& path, std::vector<std::string>* warnings,
                                 scenario::Resolver& resolver) {
    const std::string bytes = read_document_bytes(path);
    if (looks_like_scenario(bytes)) return scenario::parse_scenario(bytes, display_name(path), warnings, &resolver);
    ExtractSource source;
    source.path = path;
    return extract_article(bytes, source, warnings);
}

scenario::Scenario extract_article(const std::string& text, const ExtractSource& source,
                                   std::vector<std::string>* warnings) {
    const Gazetteer gazetteer = Gazetteer::load();
    const Lexicon lexicon = Lexicon::load_default();
    BorderCache borders(default_geopackage());
    return extract_scenario(text, source, {gazetteer, lexicon, borders}, warnings);
}

}  // namespace muster::extract
