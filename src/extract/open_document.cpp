#include "extract/open_document.hpp"

#include "core/error.hpp"
#include "core/local_path.hpp"
#include "core/paths.hpp"
#include "extract/extract.hpp"
#include "extract/scenario_resolver.hpp"
#include "scenario/scenario_json.hpp"
#include "scenario/scenario_limits.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace muster::extract {

namespace {

// How much of a file decides whether it is a scenario (muster writes the
// version field first; hand-written files have it near the top).
constexpr std::size_t kHeadBytes = 4096;

Error too_large(const std::string& name, std::uintmax_t size, bool scenario_file) {
    return Error(name + ": too large (" + std::to_string(size) + " bytes; " +
                 (scenario_file ? scenario::kScenarioLimitText : "muster extracts texts up to 50 MB)"));
}

// Refuses a file whose size alone is past its limit, before reading it:
// an article past 50 MB, a scenario file past 200 MB.
void check_size_before_reading(std::FILE* in, const std::string& path, const std::string& name) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size <= extract::kMaxTextBytes) return;
    std::string head(kHeadBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), in));
    std::rewind(in);
    const bool scenario_file = looks_like_scenario(head);
    if (size > (scenario_file ? scenario::kMaxScenarioBytes : extract::kMaxTextBytes)) {
        std::fclose(in);
        throw too_large(name, size, scenario_file);
    }
}

}  // namespace

std::string read_document_bytes(const std::string& path) {
    const std::string name = extract::display_name(path);
    std::FILE* in = stdin;
    if (path != "-") {
        require_local_path(path, name, "articles and scenario files");
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw Error(name + ": cannot read (" + std::strerror(EISDIR) + ")");
        in = std::fopen(path.c_str(), "rb");
        if (!in) throw Error(name + ": cannot read (" + std::strerror(errno) + ")");
        check_size_before_reading(in, path, name);
    }
    // Standard input (or a file that grew): read to the larger limit, then judge.
    std::string bytes;
    char buffer[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
        bytes.append(buffer, got);
        if (bytes.size() > scenario::kMaxScenarioBytes) break;
    }
    const bool failed = std::ferror(in) != 0;
    const int error = errno;
    if (in != stdin) std::fclose(in);
    if (failed) throw Error(name + ": cannot read (" + std::strerror(error) + ")");
    if (bytes.size() > extract::kMaxTextBytes) {
        const bool scenario_file = looks_like_scenario(bytes.substr(0, kHeadBytes));
        if (!scenario_file || bytes.size() > scenario::kMaxScenarioBytes) throw too_large(name, bytes.size(), scenario_file);
    }
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
