// Place-name key normalisation: the one function that turns a name as written
// ("Kyiv", "KYIV", "Київ", "Zürich", "Washington, D.C.", "Kharkiv’s") into the
// key the gazetteer index is built on and looked up by. Index build and lookup
// both go through normalize_name(), so only its own consistency matters; the
// rules are chosen so that spelling variants found in news text meet.
//
// Rules, applied in this order:
//   1. Bytes that are not valid UTF-8 are dropped (never a crash, never UB).
//   2. Apostrophes and single-quote variants are deleted, joining the word:
//      ' ` ´ ‘ ’ ‛ ′ ʹ ʻ ʼ ʽ ՚ ＇  ("Kharkiv’s" -> "kharkivs", "O'Brien" -> "obrien").
//   3. Compatibility normalisation with Unicode case folding (NFKC_Casefold:
//      "ＫＹＩＶ" -> "kyiv", "Straße" -> "strasse"), then canonical decomposition
//      with every nonspacing mark (Mn) removed: "Zürich" -> "zurich",
//      "КИЇВ" == "Київ" -> "киів". Scripts are kept:
//      Cyrillic stays Cyrillic, nothing is transliterated. The mark removal
//      applies to every script, so "й" and "и" meet too (consistently).
//   4. Every other character that is not a letter, a digit or a spacing mark
//      becomes a space: hyphens, dots, underscores, commas, slashes, brackets,
//      double quotes, guillemets, symbols, controls ("Rostov-on-Don" ->
//      "rostov on don"); invisible format characters (soft hyphen, ZWJ) go.
//      Dots are not special: "U.S." -> "u s" and "D.C." -> "d c"; the index
//      adds spaced variants of short upper-case codes ("US" -> "u s") so that
//      dotted abbreviations meet their codes.
//   5. Runs of spaces collapse to one; leading and trailing spaces go.
//
// Pure-ASCII input takes a table-driven fast path with no ICU call and no
// allocation beyond the result (lookups must reach millions per second);
// anything else goes through ICU.
#pragma once

#include <string>
#include <string_view>

namespace muster {

// The normalised key of a UTF-8 name; empty when nothing name-like is left.
std::string normalize_name(std::string_view utf8);

// Same as normalize_name() but writes into `out` (cleared first), reusing its
// capacity: the allocation-free form for hot loops.
void normalize_name_into(std::string_view utf8, std::string& out);

}  // namespace muster
