#include "geodata/gazetteer_regions.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <system_error>

namespace muster::gazetteer_regions {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Turns "[json.exception.parse_error.101] parse error at line 3, column 4:
// ..." into "parse error at line 3, column 4: ...": the bracketed id means
// nothing to whoever edits the file.
std::string without_exception_id(const std::string& message) {
    if (!message.starts_with('[')) return message;
    const auto close = message.find("] ");
    return close == std::string::npos ? message : message.substr(close + 2);
}

std::string read_text(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw Error(file.string() + ": not found (it lies beside the GeoPackage)");
    std::ifstream in(file, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad() || !in.is_open()) throw Error(file.string() + ": cannot read");
    return text;
}

// Shape checks of one JSON value, each failure an Error naming the file,
// the item ("regions[3] (Crimea)") and the key.
class Checker {
public:
    explicit Checker(const fs::path& file) : file_(file) {}

    [[nodiscard]] Error error(const std::string& where, const std::string& what) const {
        return Error(file_.string() + ": " + where + ": " + what);
    }

    const json& field(const json& object, const std::string& where, const char* key) const {
        const auto it = object.find(key);
        if (it == object.end()) throw error(where, std::string("no '") + key + "'");
        return *it;
    }

    std::string text(const json& object, const std::string& where, const char* key, bool may_be_empty) const {
        const json& value = field(object, where, key);
        if (!value.is_string() || (!may_be_empty && value.get_ref<const std::string&>().empty()))
            throw error(where, std::string("'") + key + "' must be a " + (may_be_empty ? "" : "non-empty ") +
                                   "string");
        return value.get<std::string>();
    }

    double number(const json& object, const std::string& where, const char* key, int limit) const {
        const json& value = field(object, where, key);
        if (!value.is_number() || !(std::abs(value.get<double>()) <= limit))
            throw error(where, std::string("'") + key + "' must be a number from -" + std::to_string(limit) +
                                   " to " + std::to_string(limit));
        return value.get<double>();
    }

    std::vector<std::string> texts(const json& value, const std::string& where, const char* key) const {
        if (!value.is_array()) throw error(where, std::string("'") + key + "' must be a list of strings");
        std::vector<std::string> out;
        for (const json& item : value) {
            if (!item.is_string() || item.get_ref<const std::string&>().empty())
                throw error(where, std::string("'") + key + "' must hold non-empty strings");
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    std::vector<std::string> names(const json& object, const std::string& where) const {
        std::vector<std::string> list = texts(field(object, where, "names"), where, "names");
        if (list.empty()) throw error(where, "'names' is empty");
        return list;
    }

    std::int64_t geonameid(const json& value, const std::string& where) const {
        if (!value.is_number_integer() || value.get<std::int64_t>() <= 0)
            throw error(where, "'geonameid' must be a positive whole number");
        return value.get<std::int64_t>();
    }

    const json& array(const json& root, const char* key) const {
        const json& value = field(root, "top level", key);
        if (!value.is_array()) throw error("top level", std::string("'") + key + "' must be a list");
        return value;
    }

    void require_object(const json& value, const std::string& where) const {
        if (!value.is_object()) throw error(where, "must be an object");
    }

private:
    const fs::path& file_;
};

std::string item_name(const char* list, std::size_t index, const json& item) {
    std::string where = std::string(list) + "[" + std::to_string(index) + "]";
    const json* label = nullptr;
    if (item.is_object()) {
        if (auto name = item.find("name"); name != item.end()) label = &*name;
        else if (auto names = item.find("names"); names != item.end() && names->is_array() && !names->empty())
            label = &names->front();
    }
    if (label && label->is_string()) where += " (" + label->get<std::string>() + ")";
    return where;
}

std::string feature_code_of(const Checker& check, const json& item, const std::string& where) {
    const std::string feature = check.text(item, where, "feature", false);
    if (feature == "region") return "RGN";
    if (feature == "water") return "WTR";
    if (feature == "site") return "SITE";
    throw check.error(where, "'feature' must be \"region\", \"water\" or \"site\", not \"" + feature + "\"");
}

bool is_country_code(std::string_view code) {
    return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

Region read_region(const Checker& check, const json& item, const std::string& where) {
    check.require_object(item, where);
    Region region;
    region.where = where;
    region.name = check.text(item, where, "name", false);
    region.names = check.names(item, where);
    region.country = check.text(item, where, "country", true);
    if (!region.country.empty() && !is_country_code(region.country))
        throw check.error(where, "'country' must be empty or an ISO alpha-2 code, not \"" + region.country + "\"");
    region.feature_code = feature_code_of(check, item, where);
    region.lat = check.number(item, where, "lat", 90);
    region.lon = check.number(item, where, "lon", 180);
    if (auto members = item.find("members"); members != item.end())
        region.members = check.texts(*members, where, "members");
    for (const auto& member : region.members)
        if (member.find(',') != std::string::npos)  // ',' joins them in the index
            throw check.error(where, "member \"" + member + "\" is not a country or admin1 code");
    return region;
}

Metonym read_metonym(const Checker& check, const json& item, const std::string& where) {
    check.require_object(item, where);
    Metonym metonym;
    metonym.where = where;
    metonym.names = check.names(item, where);
    metonym.geonameid = check.geonameid(check.field(item, where, "geonameid"), where);
    return metonym;
}

Abbreviation read_abbreviation(const Checker& check, const json& item, const std::string& where) {
    check.require_object(item, where);
    Abbreviation abbreviation;
    abbreviation.where = where;
    abbreviation.names = check.names(item, where);
    for (const auto& name : abbreviation.names)
        if (!name.ends_with('.'))  // only the dotted form is indexed (gazetteer.hpp)
            throw check.error(where, "abbreviation \"" + name + "\" must end with a period");
    const bool by_admin1 = item.contains("admin1"), by_geonameid = item.contains("geonameid");
    if (by_admin1 == by_geonameid) throw check.error(where, "needs exactly one of 'admin1' and 'geonameid'");
    if (by_admin1) abbreviation.admin1 = check.text(item, where, "admin1", false);
    else abbreviation.geonameid = check.geonameid(item.at("geonameid"), where);
    return abbreviation;
}

}  // namespace

fs::path regions_file_for(const fs::path& gpkg) { return gpkg.parent_path() / "regions.json"; }

Contents read_regions(const fs::path& file) {
    json root;
    try {
        root = json::parse(read_text(file));
    } catch (const json::exception& e) {  // a syntax error, or a number past a double (1e999)
        throw Error(file.string() + ": " + without_exception_id(e.what()));
    }
    const Checker check(file);
    check.require_object(root, "top level");
    Contents contents;
    const json& regions = check.array(root, "regions");
    for (std::size_t i = 0; i < regions.size(); ++i)
        contents.regions.push_back(read_region(check, regions[i], item_name("regions", i, regions[i])));
    const json& metonyms = check.array(root, "metonyms");
    for (std::size_t i = 0; i < metonyms.size(); ++i)
        contents.metonyms.push_back(read_metonym(check, metonyms[i], item_name("metonyms", i, metonyms[i])));
    const json& abbreviations = check.array(root, "abbreviations");
    for (std::size_t i = 0; i < abbreviations.size(); ++i)
        contents.abbreviations.push_back(
            read_abbreviation(check, abbreviations[i], item_name("abbreviations", i, abbreviations[i])));
    return contents;
}

}  // namespace muster::gazetteer_regions
