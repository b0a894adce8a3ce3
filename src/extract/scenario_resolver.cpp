#include "extract/scenario_resolver.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "extract/open_document.hpp"
#include "scenario/scenario_json.hpp"

namespace muster::extract {

scenario::Place place_from_candidate(const Candidate& candidate) {
    scenario::Place place;
    place.name = candidate.name;
    place.country = candidate.country;
    place.feature = candidate.feature();
    place.gazetteer_id = candidate.id();
    place.geonameid = candidate.geonameid;
    place.point = candidate.point;
    place.members = candidate.members;
    return place;
}

std::optional<Candidate> best_candidate(const Gazetteer& gazetteer, std::string_view name, std::string_view country,
                                        std::string_view feature) {
    // Without hints the best is the answer; with them, enough candidates that
    // a hint finds a lesser entry of a common name ("Paris", "US").
    const std::size_t candidates = country.empty() && feature.empty() ? 1 : 100;
    for (Candidate& candidate : gazetteer.lookup(name, candidates)) {
        if (!country.empty() && candidate.country != country) continue;
        if (!feature.empty() && candidate.feature() != feature) continue;
        return std::move(candidate);
    }
    return std::nullopt;
}

GeodataResolver::GeodataResolver(std::filesystem::path folder) : folder_(std::move(folder)) {}

GeodataResolver::~GeodataResolver() = default;

std::optional<scenario::Place> GeodataResolver::place_named(std::string_view name, std::string_view country,
                                                            std::string_view feature) {
    if (!gazetteer_) gazetteer_ = std::make_unique<Gazetteer>(Gazetteer::load());
    const std::optional<Candidate> found = best_candidate(*gazetteer_, name, country, feature);
    if (!found) return std::nullopt;
    return place_from_candidate(*found);
}

std::optional<scenario::BorderLines> GeodataResolver::border_between(std::string_view a, std::string_view b) {
    if (!borders_) borders_ = std::make_unique<BorderCache>(default_geopackage());
    std::optional<SharedBorder> shared = borders_->get(a, b);
    if (!shared) return std::nullopt;
    return scenario::BorderLines{shared->length_km, std::move(shared->lines)};
}

std::string GeodataResolver::source_text(const std::string& path, std::vector<std::string>* warnings) {
    const std::filesystem::path file = folder_ / path;  // an absolute path stays itself
    // A scenario from a stranger must not pull the user's other files into
    // view (and into a save, or an export): it reads articles beside it only.
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::weakly_canonical(std::filesystem::absolute(folder_), ec);
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(file), ec);
    if (ec || !is_within(resolved, folder) || resolved == folder)
        throw Error("outside the scenario file's folder (a scenario reads articles only from its folder and below)");
    std::string bytes;
    try {
        bytes = read_document_bytes(file.string());
    } catch (const Error& e) {
        // "FILE: cannot read (...)": the loader names the path as written.
        const std::string message = e.what();
        const std::string prefix = display_name(file.string()) + ": ";
        throw Error(message.starts_with(prefix) ? message.substr(prefix.size()) : message);
    }
    return article_text(bytes, file.string(), warnings);
}

scenario::Scenario load_scenario_file(const std::filesystem::path& path, std::vector<std::string>* warnings) {
    GeodataResolver resolver(path.parent_path());
    return scenario::load_scenario(path, warnings, &resolver);
}

}  // namespace muster::extract
