// Equipment: aircraft, armour, artillery, missiles, ships, drones, and named
// weapon systems. Examples: equipment.corpus.
//
// Named systems are figures even without a number ("deploying S-400 air defence
// systems"): a deployment of them is news whatever their count. They are
//   model designators  a known prefix, a hyphen and a number, with an optional
//                      suffix and plural s: S-400, Su-35s, T-72B3, MiG-29, F-16s,
//                      Tu-22M3, Ka-52, BMP-2, Kh-101
//   named systems      Iskander, Kalibr, Kinzhal, Pantsir, HIMARS, Bayraktar, NLAW
//                      (with an optional "-M" or "TB2" model), and names that are
//                      also ordinary words or surnames (Patriot, Javelin, Stinger,
//                      Leopard 2, Abrams, Tor, Buk), which count only before an
//                      equipment noun ("Patriot missile batteries")
// A designator with a one-letter prefix and a one-digit number (B-2, E-3) also
// needs a noun after it; S- takes three digits (S-300, S-400), so that a
// Chevrolet "S-10" is no missile system. The unit joins the name and the noun's last word:
// "S-400 air defence systems" is counted in "S-400 systems"; a name alone is
// made plural: "12 Su-35s" and "an Su-35" both count "Su-35s".
//
// Ordinary nouns lose their military sense after some words: "fuel tanks",
// "think tanks", "private jets", "fishing vessels" are not equipment.
#include "extract/figures/rules.hpp"

#include "extract/text.hpp"

#include <array>

namespace muster::extract::figures {

namespace {

constexpr std::array kEquipment = {
    Noun{"aircraft carriers", "aircraft carriers"},
    Noun{"aircraft carrier", "aircraft carriers", true},
    Noun{"aircraft", "aircraft"},
    Noun{"warplanes", "aircraft"},
    Noun{"warplane", "aircraft", true},
    Noun{"planes", "aircraft"},
    Noun{"plane", "aircraft", true},
    Noun{"airplanes", "aircraft"},
    Noun{"fighter jets", "fighter jets"},
    Noun{"fighter jet", "fighter jets", true},
    Noun{"fighter aircraft", "fighter jets"},
    Noun{"fighter planes", "fighter jets"},
    Noun{"fighter bombers", "fighter jets"},
    Noun{"jets", "jets"},
    Noun{"jet", "jets", true},
    Noun{"bombers", "bombers"},
    Noun{"bomber", "bombers", true},
    Noun{"helicopters", "helicopters"},
    Noun{"helicopter", "helicopters", true},
    Noun{"choppers", "helicopters"},
    Noun{"gunships", "helicopters"},
    Noun{"tanks", "tanks"},
    Noun{"tank", "tanks", true},
    Noun{"armoured vehicles", "armoured vehicles"},
    Noun{"armored vehicles", "armoured vehicles"},
    Noun{"armoured vehicle", "armoured vehicles", true},
    Noun{"armored vehicle", "armoured vehicles", true},
    Noun{"armoured personnel carriers", "armoured vehicles"},
    Noun{"armored personnel carriers", "armoured vehicles"},
    Noun{"personnel carriers", "armoured vehicles"},
    Noun{"troop carriers", "armoured vehicles"},
    Noun{"apcs", "armoured vehicles"},
    Noun{"infantry fighting vehicles", "armoured vehicles"},
    Noun{"ifvs", "armoured vehicles"},
    Noun{"armoured cars", "armoured vehicles"},
    Noun{"armored cars", "armoured vehicles"},
    Noun{"combat vehicles", "armoured vehicles"},
    Noun{"military vehicles", "military vehicles"},
    Noun{"howitzers", "howitzers"},
    Noun{"howitzer", "howitzers", true},
    Noun{"artillery pieces", "artillery pieces"},
    Noun{"artillery systems", "artillery pieces"},
    Noun{"artillery guns", "artillery pieces"},
    Noun{"mortars", "mortars"},
    Noun{"rocket launchers", "rocket launchers"},
    Noun{"rocket systems", "rocket launchers"},
    Noun{"launchers", "launchers"},
    Noun{"launcher", "launchers", true},
    Noun{"missiles", "missiles"},
    Noun{"missile", "missiles", true},
    Noun{"rockets", "rockets"},
    Noun{"air defence systems", "air defence systems"},
    Noun{"air defense systems", "air defence systems"},
    Noun{"air defence system", "air defence systems", true},
    Noun{"air defense system", "air defence systems", true},
    Noun{"anti aircraft systems", "air defence systems"},
    Noun{"missile systems", "missile systems"},
    Noun{"missile system", "missile systems", true},
    Noun{"missile defence systems", "missile systems"},
    Noun{"missile defense systems", "missile systems"},
    Noun{"batteries", "batteries"},
    Noun{"missile batteries", "batteries"},
    Noun{"warships", "warships"},
    Noun{"warship", "warships", true},
    Noun{"naval vessels", "warships"},
    Noun{"navy ships", "warships"},
    Noun{"frigates", "warships"},
    Noun{"destroyers", "warships"},
    Noun{"corvettes", "warships"},
    Noun{"cruisers", "warships"},
    Noun{"landing ships", "landing ships"},
    Noun{"ships", "ships"},
    Noun{"ship", "ships", true},
    Noun{"vessels", "ships"},
    Noun{"boats", "boats"},
    Noun{"submarines", "submarines"},
    Noun{"submarine", "submarines", true},
    Noun{"drones", "drones"},
    Noun{"drone", "drones", true},
    Noun{"uavs", "drones"},
    Noun{"unmanned aerial vehicles", "drones"},
};

// Nouns that count equipment only after a named system: "S-400 systems",
// "Su-35 fighters", "Iskander complexes".
constexpr std::array kAfterSystemName = {
    Noun{"systems", "systems"},
    Noun{"system", "systems", true},
    Noun{"fighters", "jets"},
    Noun{"fighter", "jets", true},
    Noun{"units", "units"},
    Noun{"complexes", "systems"},
};

const NounLexicon& lexicon() {
    static const NounLexicon equipment(kEquipment);
    return equipment;
}

const NounLexicon& after_system_name() {
    static const NounLexicon nouns(kAfterSystemName);
    return nouns;
}

// Prefixes of model designators (case as written is checked by capitalisation).
const WordSet kModelPrefixes = {"s",  "su", "mig", "tu", "il", "an",  "ka", "mi", "yak", "t",  "bmp", "btr",
                                "bmd", "mt", "f",  "fa", "b",  "a",   "c",  "ah", "uh",  "ch", "mh",  "kc",
                                "mq", "rq", "e",  "p",  "ea", "av",  "m",  "kh",  "kn", "df",  "j",
                                "tos", "bm", "zsu", "sa", "ss", "mim", "agm", "aim"};

// Named systems that cannot mean anything else.
const WordSet kDistinctNames = {"iskander", "iskanders", "kalibr", "kalibrs", "kinzhal", "kinzhals", "pantsir",
                                "himars", "bayraktar", "bayraktars", "nlaw", "nlaws", "zircon", "tochka",
                                "avangard", "sarmat", "krasukha", "manpads"};

// Named systems that are also words or surnames: only before an equipment noun.
const WordSet kAmbiguousNames = {"patriot", "patriots", "javelin", "javelins", "stinger", "stingers", "tor",
                                 "buk", "grad", "smerch", "uragan", "harpoon", "harpoons", "onyx", "leopard",
                                 "leopards", "challenger", "abrams", "bradley", "bradleys", "marder", "gepard",
                                 "stryker", "strykers", "caesar", "tornado", "excalibur", "switchblade",
                                 "switchblades", "starstreak", "krab", "piorun", "bastion"};

// Plurals too ambiguous to stand alone ("the Patriots" play football).
const WordSet kAmbiguousPlurals = {"patriots", "leopards"};

// Names with a model number after a space: "Leopard 2", "Challenger 2".
const WordSet kNumberedNames = {"leopard", "leopards", "challenger"};

const WordSet kNotTanks = {"fuel", "think", "septic", "water", "oil", "gas", "storage", "fish", "petrol",
                           "propane", "diesel", "oxygen", "shark", "holding", "ink", "toner"};
const WordSet kNotMilitaryAircraft = {"private", "business", "passenger", "commercial", "jumbo", "corporate",
                                      "civilian", "airline", "charter", "model", "paper", "toy"};
const WordSet kNotMilitaryShips = {"fishing", "cruise", "container", "cargo", "merchant", "passenger", "tourist",
                                   "pleasure", "rescue", "migrant"};

struct SystemName {
    std::size_t last = 0;     // after the name (and its plural s)
    std::string name;         // "S-400", "Su-35", "Iskander-M"
    bool standalone = false;  // a figure without a noun after it
};

// The text of tokens [first, last) with dashes written as '-'.
std::string joined_name(const TokenView& t, std::size_t first, std::size_t last) {
    std::string name;
    for (std::size_t k = first; k < last; ++k) {
        if (t.is_hyphen(k)) name += '-';
        else {
            if (k > first && !t.joined(k)) name += ' ';
            name += t.str(k);
        }
    }
    return name;
}

bool is_model_suffix(std::string_view s) {
    // "B3", "M3", "K", "SM", "PMU": short, upper case or digits.
    if (s.empty() || s.size() > 4) return false;
    for (const char c : s) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

// "S-400", "Su-35s", "T-72B3".
std::optional<SystemName> model_designator(const TokenView& t, std::size_t i) {
    if (!kModelPrefixes.contains(t.str(i)) || !t.is_hyphen(i + 1) || !t.joined(i + 1) ||
        !t.is_kind(i + 2, TokenKind::number) || !t.joined(i + 2)) {
        return std::nullopt;
    }
    // Air defence systems are S-75 .. S-500; "S-10" is a pick-up truck.
    if (t.str(i) == "S" && t.str(i + 2).size() != 3) return std::nullopt;
    std::size_t k = i + 3;
    if (t.is_kind(k, TokenKind::word) && t.joined(k) && is_model_suffix(t.str(k))) ++k;
    SystemName system;
    system.name = joined_name(t, i, k);
    const bool plural = t.is_kind(k, TokenKind::word) && t.joined(k) && t.str(k) == "s";
    if (plural) ++k;
    if (t.is_kind(k, TokenKind::word) && t.joined(k)) return std::nullopt;  // "S-400abc": not a designator
    system.last = k;
    const std::size_t digits = t.str(i + 2).size();
    system.standalone = plural || t.str(i).size() >= 2 || digits >= 2;
    return system;
}

// "Iskander", "Iskander-M", "Bayraktar TB2", "Leopard 2", "HIMARS".
std::optional<SystemName> named_system(const TokenView& t, std::size_t i) {
    const std::string_view word = t.str(i);
    const bool distinct = kDistinctNames.contains(word);
    if (!distinct && !kAmbiguousNames.contains(word)) return std::nullopt;
    std::size_t k = i + 1;
    if (t.is_hyphen(k) && t.joined(k) && t.joined(k + 1) && is_model_suffix(t.str(k + 1))) {
        k += 2;  // "Iskander-M", "Tochka-U"
    } else if (t.is_kind(k, TokenKind::word) && t[k].all_caps && is_model_suffix(t.str(k))) {
        k += 1;  // "Bayraktar TB2"
    } else if (kNumberedNames.contains(word) && t.is_kind(k, TokenKind::number) && t.str(k).size() == 1) {
        k += 1;  // "Leopard 2"
        if (t.is_kind(k, TokenKind::word) && t.joined(k) && is_model_suffix(t.str(k))) ++k;  // "Leopard 2A6"
    }
    SystemName system;
    system.last = k;
    std::string name = joined_name(t, i, k);
    // "Iskanders" -> "Iskander", "NLAWs" -> "NLAW"; not "Abrams", not "HIMARS".
    const bool plural = k == i + 1 && word.size() > 3 && word.back() == 's' && !t[i].all_caps &&
                        word != "Abrams" && word != "abrams";
    if (plural) name.pop_back();
    system.name = std::move(name);
    // "2,000 Javelins" stands alone; "Javelin" needs its noun.
    system.standalone = distinct || (plural && !kAmbiguousPlurals.contains(word));
    return system;
}

// "M777", "TB2", "M142", or their plural "M777s": a noun must follow unless plural.
std::optional<SystemName> single_token_model(const TokenView& t, std::size_t i) {
    std::string_view s = t.str(i);
    const bool plural = s.size() > 2 && s.back() == 's';
    if (plural) s.remove_suffix(1);
    if (s.size() < 2 || s.size() > 6 || !(s[0] >= 'A' && s[0] <= 'Z')) return std::nullopt;
    std::size_t letters = 0;
    while (letters < s.size() && s[letters] >= 'A' && s[letters] <= 'Z') ++letters;
    if (letters == 0 || letters > 2 || letters == s.size() || !(s[letters] >= '0' && s[letters] <= '9')) {
        return std::nullopt;
    }
    if (!is_model_suffix(s.substr(letters))) return std::nullopt;
    return SystemName{i + 1, std::string(s), plural};
}

std::optional<SystemName> system_name_at(const TokenView& t, std::size_t i) {
    if (!t.is_kind(i, TokenKind::word) || !(t[i].capitalised || t[i].all_caps)) return std::nullopt;
    if (auto model = model_designator(t, i)) return model;
    if (auto named = named_system(t, i)) return named;
    return single_token_model(t, i);
}

std::string_view last_word(std::string_view unit) { return unit.substr(unit.rfind(' ') + 1); }

// Units are plural nouns: "Su-35" counts "Su-35s"; "HIMARS" is already plural.
std::string plural_of(const std::string& name) {
    if (name.empty() || name.back() == 's' || name.back() == 'S') return name;
    return name + "s";
}

bool rejected_by_previous_word(const TokenView& t, std::size_t i, std::string_view unit) {
    if (i == 0) return false;
    const std::string_view before = t.str(i - 1);
    if (unit == "tanks") return kNotTanks.contains(before);
    if (unit == "aircraft" || unit == "jets" || unit == "fighter jets") return kNotMilitaryAircraft.contains(before);
    if (unit == "ships" || unit == "boats") return kNotMilitaryShips.contains(before);
    return false;
}

// An ordinary equipment noun at i ("tanks", "air defence systems").
std::optional<Head> equipment_noun(const TokenView& t, std::size_t i, bool after_system) {
    std::optional<LexiconMatch> match = lexicon().match(t, i);
    if (after_system) {
        const std::optional<LexiconMatch> special = after_system_name().match(t, i);
        if (special && (!match || special->last > match->last)) match = special;
    }
    if (!match || rejected_by_previous_word(t, i, match->noun->unit)) return std::nullopt;
    return Head{i, match->last, std::string(match->noun->unit), FigureCategory::equipment, match->noun->singular};
}

// A named system and the equipment noun after it, if any (up to two modifiers
// between them: "Su-35 multirole fighters").
std::optional<Head> system_head(const TokenView& t, std::size_t i, const SystemName& system) {
    std::size_t j = system.last;
    for (int modifiers = 0; modifiers <= 2; ++modifiers) {
        if (auto noun = equipment_noun(t, j, true); noun && (!noun->singular || !noun_continues(t, noun->last))) {
            std::string unit = system.name;
            unit += ' ';
            unit += last_word(noun->unit);
            return Head{i, noun->last, std::move(unit), FigureCategory::equipment, false};
        }
        const std::optional<std::size_t> next = skip_modifier(t, j);
        if (!next) break;
        j = *next;
    }
    // "two S-400 battalions": the name is a modifier of the unit.
    if (unit_head(t, system.last, system.last)) return std::nullopt;
    if (!system.standalone) return std::nullopt;
    return Head{i, system.last, plural_of(system.name), FigureCategory::equipment, false};
}

}  // namespace

std::optional<Head> equipment_head(const TokenView& t, std::size_t i, std::size_t /*modifiers_first*/) {
    if (const std::optional<SystemName> system = system_name_at(t, i)) {
        if (auto head = system_head(t, i, *system)) return head;
    }
    return equipment_noun(t, i, false);
}

std::optional<Head> equipment_noun_head(const TokenView& t, std::size_t i) { return equipment_noun(t, i, false); }

bool may_name_equipment(const TokenView& t, std::size_t i) {
    if (!t.is_kind(i, TokenKind::word) || !(t[i].capitalised || t[i].all_caps)) return false;
    if (t.is_hyphen(i + 1) && t.joined(i + 1)) return true;
    const std::string_view word = t.str(i);
    if (kDistinctNames.contains(word) || kAmbiguousNames.contains(word)) return true;
    // "M777", "TB2": a capital letter, then a digit within the first three bytes.
    return word.size() >= 2 && word.size() <= 7 &&
           ((word[1] >= '0' && word[1] <= '9') || (word.size() > 2 && word[2] >= '0' && word[2] <= '9'));
}

std::optional<RuleMatch> match_named_equipment(const TokenView& t, std::size_t at) {
    if (!may_name_equipment(t, at)) return std::nullopt;
    const std::optional<SystemName> system = system_name_at(t, at);
    if (!system) return std::nullopt;
    std::optional<Head> head = system_head(t, at, *system);
    if (!head) return std::nullopt;
    return RuleMatch{head->last, make_figure(t, at, head->last, nullptr, std::move(head->unit), FigureCategory::equipment)};
}

}  // namespace muster::extract::figures
