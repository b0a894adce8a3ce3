#include "extract/toponyms.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string>
#include <unordered_set>

namespace muster::extract {

namespace {

// ================================================================ word lists

// Lower-case words that may stand inside a multi-word place name between
// capitalised words: "Bosnia and Herzegovina", "Rostov-on-Don", "Isle of Man".
constexpr std::array<std::string_view, 31> kConnectors{
    "of", "the", "and", "de",  "du",  "des", "del", "della", "la", "le", "les", "los", "las", "upon", "on", "am",
    "an", "der", "den", "sur", "y",   "da",  "do",  "dos",   "al", "el", "en",  "au",  "aux", "di",   "im"};

// Words before a name that make it a person's: "Mr. Sullivan", "Gen. Jackson".
constexpr std::array<std::string_view, 58> kPersonTitles{
    "mr",        "mrs",       "ms",         "miss",      "dr",        "sen",        "rep",       "gov",
    "gen",       "lt",        "col",        "sgt",       "capt",      "adm",        "maj",       "cpl",
    "pvt",       "president", "secretary",  "minister",  "chancellor", "senator",   "representative",
    "governor",  "general",   "judge",      "justice",   "officer",   "deputy",     "sheriff",   "detective",
    "coach",     "rev",       "reverend",   "pastor",    "father",    "sister",     "brother",   "prince",
    "princess",  "king",      "queen",      "pope",      "mayor",     "councilman", "councilwoman",
    "commissioner", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "premier",
    "lieutenant", "sergeant", "captain",    "colonel",   "admiral"};

// Capitalised words after a place name that make the whole the name of an
// organisation, a publication, a facility or a street: "Washington Post",
// "Normandy Format", "Orchard Street". Chosen from how news text uses them:
// in "Gainesville Police" or "Dallas Fire" the town is still meant and stays.
constexpr std::array<std::string_view, 63> kOrganisationHeads{
    "university", "college",   "school",    "academy",    "institute",   "times",     "post",      "mail",
    "herald",     "tribune",   "journal",   "gazette",    "globe",       "press",     "chronicle", "observer",
    "telegraph",  "guardian",  "standard",  "review",     "daily",       "magazine",  "news",      "company",
    "corp",       "corporation", "inc",     "ltd",        "llc",         "group",     "bank",      "club",
    "party",      "council",   "committee", "commission", "board",       "format",    "forum",     "agency",
    "ministry",   "office",    "hospital",  "church",     "cathedral",   "stadium",   "arena",     "center",
    "centre",     "courthouse", "jail",     "prison",     "energy",      "street",    "st",        "road",
    "rd",         "avenue",    "ave",       "boulevard",  "blvd",        "stream",    "pipeline"};

// Capitalised words that continue a place name or a name derived from one.
constexpr std::array<std::string_view, 30> kPlaceCompoundHeads{
    "valley", "tech",  "city",    "county", "state",  "river",   "lake",   "beach", "island", "islands",
    "bay",    "harbor", "harbour", "springs", "falls", "heights", "park",   "hills", "mountains", "mountain",
    "sea",    "coast", "gulf",    "strait", "peninsula", "republic", "region", "province", "power", "airport"};

// Lower-case words that may end a place name after capitalised ones:
// "Rostov region", "Kuzminsky range", "Baltic states".
constexpr std::array<std::string_view, 14> kTrailingGenerics{
    "region", "oblast", "province", "peninsula", "range", "district", "krai", "republic", "states", "countries",
    "islands", "sea", "members", "member"};

// Lower-case nouns after a name that make it a publication, a broadcaster or
// a disease: "Germany's Bild newspaper", "the Marburg virus".
constexpr std::array<std::string_view, 19> kPublicationNouns{
    "newspaper", "daily",   "tabloid", "magazine", "broadcaster", "channel", "agency",
    "weekly",    "website", "radio",   "television", "outlet",
    // diseases named after where they were found: "Marburg virus", "Ebola fever"
    "virus",     "viruses", "fever",   "flu",      "disease",     "syndrome", "strain"};

// Names of days, months, holidays and religious figures: capitalised, often
// also GeoNames alternate names of some village ("Thursday", "June").
constexpr std::array<std::string_view, 45> kNeverPlaces{
    "monday",   "tuesday",  "wednesday", "thursday", "friday",   "saturday",  "sunday",    "january",  "february",
    "march",    "april",    "may",       "june",     "july",     "august",    "september", "october",  "november",
    "december", "jan",      "feb",       "mar",      "apr",      "jun",       "jul",       "aug",      "sep",
    "sept",     "oct",      "nov",       "dec",      "christmas", "easter",   "passover",  "thanksgiving",
    "halloween", "ramadan", "hanukkah",  "eid",      "jesus",    "christ",    "god",       "allah",    "lord"};

// Verbs of speech right after a name: "Jones said" is a person.
constexpr std::array<std::string_view, 7> kSpeechVerbs{"said", "says", "told", "added", "testified", "wrote",
                                                        "explained"};

// Two-letter codes written in capitals that are countries although the
// lower-case word is a common one.
constexpr std::array<std::string_view, 2> kCapitalCodesAllowed{"US", "UK"};

// A first name or dictionary word standing alone names a place without
// further evidence only when the place is prominent: "Lincoln" (Nebraska),
// "Oxford" yes; "David" (Panama), "Council" (Idaho) need support.
constexpr double kProminentPlace = 100000.0;
// A match through a GeoNames alternate name only, of a small place, is more
// often a coincidence ("Christian" for Moundridge, Kansas) than a mention.
constexpr double kSmallPlace = 20000.0;

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// ASCII lower-case copy without a trailing period: "Gen." -> "gen".
std::string folded_word(std::string_view word) {
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    std::string out(word);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}


// ================================================================ recogniser

class Recogniser {
public:
    Recogniser(std::string_view text, const Tokenized& tokens, const Gazetteer& gazetteer, const Lexicon& lexicon)
        : text_(text), tokens_(tokens), gazetteer_(gazetteer), lexicon_(lexicon) {}

    std::vector<Toponym> run() {
        for (const Sentence& sentence : tokens_.sentences) scan_sentence(sentence);
        link_appositions();
        return std::move(found_);
    }

private:
    struct Match {
        std::size_t first = 0;  // window-relative token range [first, last)
        std::size_t last = 0;
        std::vector<Candidate> candidates;
    };

    void scan_sentence(const Sentence& sentence) {
        const TokenView view(text_, std::span<const Token>(tokens_.tokens).subspan(sentence.first_token,
                                                                                   sentence.token_count));
        std::size_t i = 0;
        while (i < view.size()) {
            if (!starts_name(view, i)) {
                ++i;
                continue;
            }
            Match match = longest_match(view, i);
            if (match.candidates.empty()) {
                i = lexicon_.is_first_name(view.str(i)) ? skip_person_name(view, i) : i + 1;
                continue;
            }
            if (const std::size_t skip_to = rejection(view, match); skip_to > 0) {
                i = skip_to;
                continue;
            }
            accept(view, sentence.first_token, std::move(match));
            i = found_.back().last_token - sentence.first_token;
        }
    }

    // ------------------------------------------------------------ matching

    static bool is_capitalised_word(const TokenView& view, std::size_t i) {
        return view.is_kind(i, TokenKind::word) && (view[i].capitalised || view[i].all_caps);
    }

    static bool starts_name(const TokenView& view, std::size_t i) {
        return is_capitalised_word(view, i) && view.str(i).size() > 1;
    }

    static bool is_connector(const TokenView& view, std::size_t i) {
        return view.is_kind(i, TokenKind::word) && !view[i].capitalised && contains(kConnectors, view.str(i));
    }

    // Where a name starting at `first` may end (exclusive token indices),
    // shortest first: after each capitalised word reachable through
    // capitalised words, connectors and joined hyphens.
    static std::vector<std::size_t> possible_ends(const TokenView& view, std::size_t first) {
        std::vector<std::size_t> ends;
        std::size_t words = 0;
        for (std::size_t k = first; view.in_range(k) && words < kMaxPlaceTokens; ++k) {
            if (is_capitalised_word(view, k)) {
                ends.push_back(k + 1);
                ++words;
            } else if (!ends.empty() && view.is_kind(k, TokenKind::word) && !view[k].capitalised &&
                       contains(kTrailingGenerics, view.str(k))) {
                ends.push_back(k + 1);
                break;
            } else if (is_connector(view, k)) {
                ++words;
            } else if (!(view.is_hyphen(k) && view.joined(k) && view.joined(k + 1))) {
                break;
            }
        }
        return ends;
    }

    Match longest_match(const TokenView& view, std::size_t first) const {
        const std::vector<std::size_t> ends = possible_ends(view, first);
        for (auto end = ends.rbegin(); end != ends.rend(); ++end) {
            const std::string_view phrase = view.span_text(first, *end);
            if (gazetteer_.count(phrase) == 0) continue;
            std::vector<Candidate> candidates = gazetteer_.lookup(phrase, kMaxCandidates);
            drop_unwritten_codes(view, first, *end, candidates);
            if (!candidates.empty()) return {first, *end, std::move(candidates)};
        }
        return {};
    }

    // ISO codes count only as written in capitals or with periods: "US",
    // "U.K.", never "in" (India) or "by" (Belarus); a capitalised code that is
    // also a common word ("IT", "ME") only where it is known to be a country.
    void drop_unwritten_codes(const TokenView& view, std::size_t first, std::size_t last,
                              std::vector<Candidate>& candidates) const {
        const bool single = last - first == 1;
        const std::string_view word = view.str(first);
        const bool dotted = view[first].abbreviation;
        // "U.S.", "U.K.": capitals with periods between them ("Co." is not Colombia).
        const bool initialism = dotted && view[first].all_caps && word.find('.') < word.size() - 1;
        const bool capitals = single && view[first].all_caps && !dotted;
        const bool plain_code_ok = capitals && (word.size() == 3 ? !lexicon_.is_common_word(word)
                                                                  : contains(kCapitalCodesAllowed, word));
        std::erase_if(candidates, [&](const Candidate& c) {
            // "SRT" is not Sirte; the curated names of regions ("EU") are meant.
            if (c.match != NameMatch::code)
                return capitals && c.match == NameMatch::alternate && c.kind != PlaceKind::region;
            // Country codes as written above; state abbreviations ("Calif.",
            // "Ga.") come from the gazetteer's dotted keys and keep their period.
            return c.kind == PlaceKind::country ? !(initialism || plain_code_ok) : !dotted;
        });
    }

    // ------------------------------------------------------------ rejection

    // 0 when the match stands; otherwise the token index to continue from.
    std::size_t rejection(const TokenView& view, const Match& match) {
        const Candidate& top = match.candidates.front();
        const bool single = match.last - match.first == 1;
        const std::string_view word = view.str(match.first);

        if (single && !is_plausible_single_word(view, match.first, top)) return match.last;
        if (single && top.match != NameMatch::demonym && is_hyphenated_compound(view, match.last))
            return skip_capitalised_run(view, match.last + 2);

        if (top.match != NameMatch::demonym && top.kind != PlaceKind::country && follows_title(view, match.first))
            return skip_person_name(view, match.first);
        if (single && top.match != NameMatch::demonym && starts_person_name(view, match.first, top))
            return skip_person_name(view, match.first);
        if (single && top.kind != PlaceKind::country && top.match != NameMatch::demonym &&
            follows_first_name(view, match.first)) {
            surnames_.insert(folded_word(word));
            return match.last;
        }
        if (single && surnames_.count(folded_word(word)) && top.kind != PlaceKind::country) return match.last;
        if (single && top.kind != PlaceKind::country && follows_unknown_given_name(view, match.first)) {
            surnames_.insert(folded_word(word));
            return match.last;
        }
        if (names_organisation(view, match, top)) return skip_capitalised_run(view, match.last);
        if (single && !is_common_word_acceptable(view, match.first, top)) return match.last;
        return 0;
    }

    // Single words that are never places: names of days and months, titles,
    // contractions, and abbreviations that are not place abbreviations.
    bool is_plausible_single_word(const TokenView& view, std::size_t first, const Candidate& top) const {
        const std::string_view word = view.str(first);
        const std::string folded = folded_word(word);
        if (contains(kNeverPlaces, folded) || contains(kPersonTitles, folded)) return false;
        if (word.find_first_of("'") != std::string_view::npos || word.find("\u2019") != std::string_view::npos)
            return false;  // contractions: "I've", "I’ll"
        const bool trailing_period = view[first].abbreviation && word.back() == '.';
        const bool initialism = word.find('.') < word.size() - 1;  // "U.S.", "W.Va."
        if (trailing_period && !initialism && top.match != NameMatch::code) return false;  // "St.", "Co."
        // An acronym in a sentence of ordinary case ("NATO", "SWAT", "EU", "UN") is no
        // town that happens to share its letters; headlines in capitals and
        // datelines ("GAINESVILLE, Ga. -") are.
        const bool dateline = view[first].sentence_start && (view.str(first + 1) == "," || view.is_hyphen(first + 1));
        const bool acronym = view[first].all_caps && !view[first].abbreviation && word.size() >= 2 && !dateline;
        return !(acronym && !sentence_in_capitals(view) && top.kind == PlaceKind::city &&
                 static_cast<double>(top.population) < kProminentPlace);
    }

    // Whether most words of the sentence are in capitals (a headline).
    static bool sentence_in_capitals(const TokenView& view) {
        std::size_t words = 0, capitals = 0;
        for (std::size_t k = 0; k < view.size(); ++k) {
            if (!view.is_kind(k, TokenKind::word) || view.str(k).size() < 2) continue;
            ++words;
            capitals += view[k].all_caps ? 1 : 0;
        }
        return words > 0 && capitals * 2 > words;
    }

    // Single words that name a local place only if the rest of the document
    // bears it out (resolve_toponyms drops them otherwise): a first name
    // ("Douglas", "Logan"), a small place matched only through an alternate
    // name ("Christian" for Moundridge), a name followed by "said", a
    // capitalised dictionary word ("Mobile").
    bool needs_context(const TokenView& view, std::size_t first, const std::vector<Candidate>& candidates) const {
        const Candidate& top = candidates.front();
        if (top.kind != PlaceKind::city && top.kind != PlaceKind::admin2) return false;
        double largest = 0.0;
        for (const Candidate& c : candidates) largest = std::max(largest, static_cast<double>(c.population));
        const std::string_view word = view.str(first);
        if (top.match == NameMatch::alternate && largest < kSmallPlace) return true;
        if (largest >= kProminentPlace) return false;
        return lexicon_.is_first_name(word) || lexicon_.is_common_word(word) ||
               (view.in_range(first + 1) && contains(kSpeechVerbs, folded_word(view.str(first + 1))));
    }

    // "Wal-Mart", "Coca-Cola": a hyphen joined to a capitalised word after it
    // that is no place itself ("Egyptian-US", "Watertown-ML" stay); "Su-35",
    // "S-400", "MiG-29": a hyphen joined to a number makes a designation.
    bool is_hyphenated_compound(const TokenView& view, std::size_t after) const {
        if (!view.is_hyphen(after) || !view.joined(after) || !view.joined(after + 1)) return false;
        if (view.is_kind(after + 1, TokenKind::number)) return true;
        return is_capitalised_word(view, after + 1) && !view[after + 1].all_caps &&
               gazetteer_.count(view.str(after + 1)) == 0;
    }

    // "Barack Obama", "Mahmoud Abbas": a capitalised word that is neither a
    // place, a dictionary word nor a title stands right before, mid-sentence.
    bool follows_unknown_given_name(const TokenView& view, std::size_t first) const {
        if (first == 0 || !is_capitalised_word(view, first - 1) || view[first - 1].sentence_start) return false;
        const std::string_view previous = view.str(first - 1);
        if (view[first - 1].all_caps || view[first - 1].abbreviation) return false;
        if (lexicon_.is_common_word(previous) || contains(kPersonTitles, folded_word(previous))) return false;
        return gazetteer_.count(previous) == 0;
    }

    bool follows_title(const TokenView& view, std::size_t first) const {
        return first > 0 && view.is_kind(first - 1, TokenKind::word) &&
               contains(kPersonTitles, folded_word(view.str(first - 1)));
    }

    // "Antony Blinken", "Georgia Smith": a first name, then a capitalised word
    // that does not continue a place or an organisation ("Jordan Valley",
    // "Georgia Tech", "Virginia Beach" stay places).
    // A state or country name needs a stronger case: "Georgia Bureau of
    // Investigation" is not a person, so the next word must not be a common one.
    bool starts_person_name(const TokenView& view, std::size_t first, const Candidate& top) const {
        const std::size_t next = first + 1;
        if (!lexicon_.is_first_name(view.str(first)) || !is_capitalised_word(view, next)) return false;
        if (view[next].all_caps || view[next].abbreviation) return false;
        if (top.kind != PlaceKind::city && top.kind != PlaceKind::admin2 && lexicon_.is_common_word(view.str(next)))
            return false;
        const std::string folded = folded_word(view.str(next));
        return !contains(kPlaceCompoundHeads, folded) && !contains(kOrganisationHeads, folded);
    }

    // "David Jones", "Jake Sullivan": the word before is a first name (and not a
    // sentence-opening common word such as "Will" or "May").
    bool follows_first_name(const TokenView& view, std::size_t first) const {
        if (first == 0 || !is_capitalised_word(view, first - 1)) return false;
        const std::string_view previous = view.str(first - 1);
        if (!lexicon_.is_first_name(previous)) return false;
        return !(view[first - 1].sentence_start && lexicon_.is_common_word(previous));
    }

    // Skips a person's name starting at `first`: the first name, initials and
    // every following capitalised word, remembering the last as a surname.
    std::size_t skip_person_name(const TokenView& view, std::size_t first) {
        std::size_t k = first + 1;
        std::size_t last_word = first;
        while (is_capitalised_word(view, k) && !lexicon_.is_common_word(view.str(k))) {
            last_word = k;
            ++k;
        }
        if (last_word > first && lexicon_.is_first_name(view.str(first))) surnames_.insert(folded_word(view.str(last_word)));
        return k;
    }

    static std::size_t skip_capitalised_run(const TokenView& view, std::size_t from) {
        while (is_capitalised_word(view, from)) ++from;
        return from;
    }

    bool names_organisation(const TokenView& view, const Match& match, const Candidate& top) const {
        const std::size_t next = match.last;
        if (is_capitalised_word(view, next) && contains(kOrganisationHeads, folded_word(view.str(next)))) return true;
        if (top.kind == PlaceKind::country || top.match == NameMatch::demonym) return false;
        const std::size_t previous = match.first - 1;
        if (match.first > 0 && view.str(previous) == "The" && !view[previous].sentence_start &&
            top.kind != PlaceKind::region)
            return true;
        if (view.is_kind(next, TokenKind::word) && !view[next].capitalised &&
            contains(kPublicationNouns, view.str(next)))
            return true;
        return match.first > 0 && view.is(previous, "told") && top.kind == PlaceKind::city;
    }

    // A capitalised dictionary word ("Court", "Council", "Reading") is a
    // place only when the place is prominent enough to be meant.
    bool is_common_word_acceptable(const TokenView& view, std::size_t first, const Candidate& top) const {
        const std::string_view word = view.str(first);
        if (!lexicon_.is_common_word(word)) return true;
        if (top.match == NameMatch::code || top.match == NameMatch::demonym || top.match == NameMatch::metonym)
            return true;
        if (top.match != NameMatch::name) return false;  // "Man" for the Isle of Man
        if (top.kind == PlaceKind::country || top.kind == PlaceKind::region) return true;
        if (first > 0 && is_capitalised_word(view, first - 1)) return false;  // "Medical Center", "Trade Union"
        return !view[first].sentence_start && top.kind != PlaceKind::admin1;  // "South" (Cameroon)
    }

    // "Washington state", "Punjab province", "the state of Washington":
    // words that make a name a first-level division (lower case only:
    // "Ohio State" is a university, rejected as a title before this).
    static bool has_division_cue(const TokenView& view, std::size_t first, std::size_t last) {
        const auto is_division_word = [](std::string_view word) {
            return word == "state" || word == "province" || word == "State" || word == "Province";
        };
        if (last < view.size() && !view[last].capitalised && is_division_word(view.str(last))) return true;
        return first >= 2 && view.str(first - 1) == "of" && is_division_word(view.str(first - 2));
    }

    // ------------------------------------------------------------ output

    // "Paris, Texas", "Brest, Belarus": a mention followed by a comma and a
    // first-level division or country is placed within it. Not in a list:
    // in "Armenia, Iraq, Iran" or "California, Missouri and Oregon" no name
    // is placed within the next (Iraq is no town in Iran). A list shows as
    // a mention that itself follows "<place>,", or as a would-be container
    // followed by ", <place>" or "and <place>" ("Paris, Texas, and Dallas"
    // keeps its apposition: the comma before "and" closes it).
    void link_appositions() {
        for (std::size_t t = 0; t + 1 < found_.size(); ++t) {
            const Toponym& next = found_[t + 1];
            if (!comma_between(found_[t], next)) continue;
            const bool listed = (t > 0 && comma_between(found_[t - 1], found_[t])) ||
                                (t + 2 < found_.size() && (comma_between(next, found_[t + 2]) ||
                                                           word_between(next, found_[t + 2], "and")));
            if (listed) continue;
            const PlaceKind kind = next.candidates.front().kind;
            if (kind == PlaceKind::admin1 || kind == PlaceKind::country || kind == PlaceKind::admin2)
                found_[t].within = t + 1;
        }
    }

    // Whether mention b follows mention a after a single comma.
    bool comma_between(const Toponym& a, const Toponym& b) const { return word_between(a, b, ","); }

    // Whether mention b follows mention a with exactly `word` between them.
    bool word_between(const Toponym& a, const Toponym& b, std::string_view word) const {
        const std::size_t between = a.last_token;
        return b.first_token == between + 1 && token_text(text_, tokens_.tokens[between]) == word;
    }

    void accept(const TokenView& view, std::size_t sentence_first_token, Match match) {
        Toponym toponym;
        toponym.needs_context = match.last - match.first == 1 && needs_context(view, match.first, match.candidates);
        toponym.first_token = sentence_first_token + match.first;
        toponym.last_token = sentence_first_token + match.last;
        toponym.begin = view[match.first].begin;
        toponym.end = view[match.last - 1].end;
        toponym.adjectival = match.candidates.front().match == NameMatch::demonym;
        toponym.division_cue = has_division_cue(view, match.first, match.last);
        toponym.candidates = std::move(match.candidates);
        found_.push_back(std::move(toponym));
    }

    std::string_view text_;
    const Tokenized& tokens_;
    const Gazetteer& gazetteer_;
    const Lexicon& lexicon_;
    std::vector<Toponym> found_;
    std::unordered_set<std::string> surnames_;
};

// ================================================================ resolution

constexpr double kCountryPrior = 4.0;      // a country over a same-named city of similar weight
constexpr double kAlternatePenalty = 1.5;  // see prior()
constexpr double kExonymBonus = 1.0;       // the gazetteer's bonus for a place's own name
constexpr double kOutrankedAlternate = 3.0;  // an alternate name beside a bigger place of that name
constexpr double kCountrySupport = 1.0;    // per other mention in the same country
constexpr double kAdmin1First = 3.0;       // the first other mention in the same first-level division
constexpr double kAdmin1More = 1.0;        // each further one
constexpr double kAdmin1Sibling = 1.0;     // a division beside other divisions of its country
constexpr double kAdmin2Support = 1.5;     // per other mention in the same county / district
constexpr double kNearbySupport = 1.5;     // per other mention within kNearbyKm
constexpr double kNearbyKm = 120.0;
constexpr double kAppositionSupport = 8.0; // "Paris, Texas": decisive
constexpr int kSupportCap = 3;             // no single kind of support runs away
constexpr int kResolutionRounds = 3;

double distance_km(LatLon a, LatLon b) {
    constexpr double kEarthRadiusKm = 6371.0088;
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dlat = (b.lat - a.lat) * kRad;
    const double dlon = (b.lon - a.lon) * kRad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// The gazetteer's score without its country tier, plus a fixed country
// bonus, so that context can overturn a country reading ("Georgia" the US
// state in a story about Atlanta).
double prior(const Candidate& c, bool names_a_country, double largest_named) {
    double score = c.score;
    if (c.kind == PlaceKind::country) score = score - 100.0 + kCountryPrior;
    // A town that merely lists the name among its alternates ("New Mexico"
    // for Mexico, Missouri) is a weaker reading than a place called so.
    // Exonyms of prominent cities ("Geneva" for Genève, "Kiev") are as good
    // as their own names.
    // ("Mexico" as another name of Mexico City is not, beside the country.)
    if (c.match == NameMatch::alternate && (c.kind == PlaceKind::city || c.kind == PlaceKind::admin2)) {
        if (static_cast<double>(c.population) < kProminentPlace)
            score -= kAlternatePenalty;
        else if (!names_a_country)
            score += kExonymBonus;
        // "Iraq" is also an old name of Arak, Iran, and "Rome" one of
        // Washington: beside the country, or a bigger place that bears the
        // name itself, an alternate name is a poor reading whatever the
        // context says.
        if (names_a_country || largest_named >= static_cast<double>(c.population)) score -= kOutrankedAlternate;
    }
    return score;
}

// Mentions with the same surface text name the same place (one sense per
// discourse), so resolution works on groups of mentions.
struct Group {
    std::vector<std::size_t> members;  // indices into the toponym list
    std::vector<std::size_t> containers;  // groups this one is placed within ("Paris, Texas")
    const std::vector<Candidate>* candidates = nullptr;
    std::size_t chosen = 0;
    double best = 0.0;
    double runner_up = -1e9;
    double local_support = 0.0;  // of the chosen candidate
    bool needs_context = false;  // every member is a doubtful single word
    bool names_a_country = false;  // a country is among the candidates by its own name
    bool names_a_division = false;  // so is a first-level division ("California", "New Brunswick")
    bool division_cue = false;      // a member is called a division ("Washington state")
    double largest_named = 0.0;     // population of the largest city called so by its own name
};

bool same_entry(const Candidate& a, const Candidate& b) { return a.kind == b.kind && a.id() == b.id(); }

// Whether place p lies within the division or country `container`.
bool lies_within(const Candidate& p, const Candidate& container) {
    if (p.country != container.country || same_entry(p, container)) return false;
    switch (container.kind) {
        case PlaceKind::country: return true;
        case PlaceKind::admin1: return p.admin1 == container.admin1;
        case PlaceKind::admin2: return p.admin1 == container.admin1 && p.admin2 == container.admin2;
        default: return false;
    }
}

struct Support {
    double total = 0.0;
    // From nearby places, the same county or apposition: what tells which of
    // the many towns called "Douglas" or "Center" a text means, if any.
    double local = 0.0;
};

// A small town named after a state or province ("California", Missouri;
// "New Brunswick", New Jersey) is not made likelier by other places in its
// state: a list of states names Missouri beside California. Only apposition
// ("California, Mo.") or neighbours read it as the town.
bool shadowed_by_division(const Candidate& c, const Group& group) {
    return group.names_a_division && (c.kind == PlaceKind::city || c.kind == PlaceKind::admin2) &&
           static_cast<double>(c.population) < kProminentPlace;
}

Support support(const Candidate& c, const Group& group, const std::vector<Group>& groups, std::size_t self) {
    int same_country = 0, same_admin1 = 0, same_admin2 = 0, nearby = 0, sibling_divisions = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g == self) continue;
        const Candidate& other = (*groups[g].candidates)[groups[g].chosen];
        // Another name for the very same place ("Mexico City" beside "Mexico"),
        // or a namesake containing it (the Kremlin's Moscow beside the region
        // of Moscow), is no evidence for reading this name as that place.
        if (same_entry(other, c) || other.name == c.name || other.country.empty() || other.country != c.country)
            continue;
        ++same_country;
        if (c.kind == PlaceKind::country || other.kind == PlaceKind::country) continue;
        if (c.kind == PlaceKind::admin1 && other.kind == PlaceKind::admin1) ++sibling_divisions;
        if (!c.admin1.empty() && other.admin1 == c.admin1) {
            ++same_admin1;
            if (!c.admin2.empty() && other.admin2 == c.admin2) ++same_admin2;
        }
        if (other.kind == PlaceKind::city && c.kind == PlaceKind::city && distance_km(c.point, other.point) < kNearbyKm)
            ++nearby;
    }
    Support result;
    if (shadowed_by_division(c, group)) same_admin1 = 0;
    const double admin1 = (same_admin1 == 0 ? 0.0 : kAdmin1First + kAdmin1More * (std::min(same_admin1, kSupportCap) - 1)) +
                          kAdmin1Sibling * std::min(sibling_divisions, kSupportCap);
    result.local = kAdmin2Support * std::min(same_admin2, kSupportCap) + kNearbySupport * std::min(nearby, kSupportCap);
    for (const std::size_t container : group.containers) {
        const Candidate& place = (*groups[container].candidates)[groups[container].chosen];
        if (lies_within(c, place)) result.local += kAppositionSupport;
    }
    result.total = result.local + admin1 + kCountrySupport * std::min(same_country, kSupportCap + 1);
    return result;
}

void choose(Group& group, const std::vector<Group>& groups, std::size_t self, bool with_context) {
    group.best = -1e9;
    group.runner_up = -1e9;
    for (std::size_t k = 0; k < group.candidates->size(); ++k) {
        const Candidate& c = (*group.candidates)[k];
        const Support context = with_context ? support(c, group, groups, self) : Support{};
        double score = prior(c, group.names_a_country, group.largest_named) + context.total;
        if (group.division_cue && c.kind == PlaceKind::admin1) score += kAppositionSupport;
        if (score > group.best) {
            group.runner_up = group.best;
            group.best = score;
            group.chosen = k;
            group.local_support = context.local;
        } else if (score > group.runner_up) {
            group.runner_up = score;
        }
    }
}

// Mentions with identical candidate lists (the same name) form one group.
std::vector<Group> group_by_name(std::vector<Toponym>& toponyms) {
    std::map<std::string, std::size_t> index;
    std::vector<Group> groups;
    for (std::size_t t = 0; t < toponyms.size(); ++t) {
        std::string key;
        for (const auto& c : toponyms[t].candidates) key += c.id() + ';';
        auto [it, inserted] = index.try_emplace(std::move(key), groups.size());
        if (inserted) groups.push_back(Group{{}, {}, &toponyms[t].candidates});
        Group& group = groups[it->second];
        if (inserted)
            group.names_a_country = std::any_of(toponyms[t].candidates.begin(), toponyms[t].candidates.end(),
                                                [](const Candidate& c) {
                                                    return c.kind == PlaceKind::country && c.match == NameMatch::name;
                                                });
        if (inserted)
            group.names_a_division = std::any_of(toponyms[t].candidates.begin(), toponyms[t].candidates.end(),
                                                 [](const Candidate& c) {
                                                     return c.kind == PlaceKind::admin1 && c.match == NameMatch::name;
                                                 });
        if (inserted)
            for (const Candidate& c : toponyms[t].candidates)
                if (c.match == NameMatch::name && c.kind == PlaceKind::city)
                    group.largest_named = std::max(group.largest_named, static_cast<double>(c.population));
        group.division_cue = group.division_cue || toponyms[t].division_cue;
        group.needs_context = (inserted || group.needs_context) && toponyms[t].needs_context;
        group.members.push_back(t);
    }
    return groups;
}

// Removes the dropped mentions, keeping `within` links pointing right.
void drop_unplaced(std::vector<Toponym>& toponyms, const std::vector<bool>& dropped) {
    std::vector<std::size_t> new_index(toponyms.size(), 0);
    std::size_t kept = 0;
    for (std::size_t t = 0; t < toponyms.size(); ++t) new_index[t] = dropped[t] ? toponyms.size() : kept++;
    std::vector<Toponym> result;
    result.reserve(kept);
    for (std::size_t t = 0; t < toponyms.size(); ++t) {
        if (dropped[t]) continue;
        Toponym toponym = std::move(toponyms[t]);
        if (toponym.within) {
            const std::size_t target = new_index[*toponym.within];
            toponym.within = target < kept ? std::optional<std::size_t>(target) : std::nullopt;
        }
        result.push_back(std::move(toponym));
    }
    toponyms = std::move(result);
}

}  // namespace

std::vector<Toponym> recognise_toponyms(std::string_view text, const Tokenized& tokens, const Gazetteer& gazetteer,
                                        const Lexicon& lexicon) {
    return Recogniser(text, tokens, gazetteer, lexicon).run();
}

void resolve_toponyms(std::vector<Toponym>& toponyms) {
    if (toponyms.empty()) return;
    std::vector<Group> groups = group_by_name(toponyms);
    std::vector<std::size_t> group_of(toponyms.size());
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (std::size_t t : groups[g].members) group_of[t] = g;
    for (std::size_t t = 0; t < toponyms.size(); ++t)
        if (toponyms[t].within && group_of[*toponyms[t].within] != group_of[t])
            groups[group_of[t]].containers.push_back(group_of[*toponyms[t].within]);
    for (std::size_t g = 0; g < groups.size(); ++g) choose(groups[g], groups, g, false);
    for (int round = 0; round < kResolutionRounds; ++round)
        for (std::size_t g = 0; g < groups.size(); ++g) choose(groups[g], groups, g, true);

    std::vector<bool> dropped(toponyms.size(), false);
    for (const Group& group : groups) {
        const double margin = group.candidates->size() == 1 ? 3.0 : group.best - group.runner_up;
        const double confidence = std::clamp(1.0 - std::exp(-margin), 0.05, 0.99);
        for (std::size_t t : group.members) {
            toponyms[t].chosen = group.chosen;
            toponyms[t].confidence = confidence;
            dropped[t] = group.needs_context && group.local_support <= 0.0;
        }
    }
    drop_unplaced(toponyms, dropped);
}

}  // namespace muster::extract
