// What a scenario file leaves to be looked up at load (scenario/resolver.hpp),
// answered from muster's data: places by name from the gazetteer, borders
// from the 1:10m country polygons, source texts from their files through the
// article reader. Every command and window that opens a scenario file reads
// it through this (open_document(), load_scenario_file()).
#pragma once

#include "extract/extract.hpp"
#include "scenario/resolver.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace muster::extract {

// A scenario place for a gazetteer entry: name, country, feature, ids, point
// and members; no id or mentions, confidence 1.
scenario::Place place_from_candidate(const Candidate& candidate);

// The best-ranked entry of that name in `country` and of `feature` (a
// scenario feature: "city", "admin1", ...), each only when not empty.
std::optional<Candidate> best_candidate(const Gazetteer& gazetteer, std::string_view name, std::string_view country,
                                        std::string_view feature);

// Loads the gazetteer and reads the geodata only when a file asks for them,
// so opening a scenario that gives every coordinate costs nothing more.
class GeodataResolver final : public scenario::Resolver {
public:
    // `folder`: where relative source paths start (the scenario file's folder).
    explicit GeodataResolver(std::filesystem::path folder);
    ~GeodataResolver() override;

    std::optional<scenario::Place> place_named(std::string_view name, std::string_view country,
                                               std::string_view feature) override;
    std::optional<scenario::BorderLines> border_between(std::string_view a, std::string_view b) override;
    std::string source_text(const std::string& path, std::vector<std::string>* warnings) override;

private:
    std::filesystem::path folder_;
    std::unique_ptr<Gazetteer> gazetteer_;
    std::unique_ptr<BorderCache> borders_;
};

// scenario::load_scenario() with a GeodataResolver for the file's folder.
scenario::Scenario load_scenario_file(const std::filesystem::path& path, std::vector<std::string>* warnings);

}  // namespace muster::extract
