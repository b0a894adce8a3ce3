// Opening what a user hands muster — an article (.txt, .html, or any text) or
// a scenario file (JSON with a "muster" version field) — as a Scenario. The
// one entry point that `muster extract`, `muster render` and `muster view`
// share, so each accepts the same inputs with the same errors.
#pragma once

#include "extract/extract.hpp"
#include "scenario/resolver.hpp"
#include "scenario/scenario.hpp"

#include <string>
#include <vector>

namespace muster::extract {

// The bytes of a file, or of standard input for "-", refusing an article
// past kMaxTextBytes and a scenario file past scenario::kMaxScenarioBytes,
// by its size before reading it where the size is known. Errors: "NAME:
// cannot read (REASON)", "NAME: not a local file (...)" for /vsi paths and
// URLs, "NAME: too large (N bytes; muster extracts texts up to 50 MB)",
// "NAME: too large (N bytes; muster opens scenario files up to 200 MB)".
std::string read_document_bytes(const std::string& path);

// Whether bytes look like a scenario file rather than an article: a JSON
// object whose first key is "muster" or that has one.
bool looks_like_scenario(const std::string& bytes);

// An article is extracted (gazetteer, lexicon and borders loaded for the
// call); a scenario file is parsed and validated, its place names, bare
// borders and source paths looked up (extract/scenario_resolver.hpp). Warnings (repaired UTF-8,
// unknown scenario fields) are appended to `warnings`.
scenario::Scenario open_document(const std::string& path, std::vector<std::string>* warnings);

// As above, with the caller's resolver for a scenario file (a script's keeps
// source paths inside its sandbox).
scenario::Scenario open_document(const std::string& path, std::vector<std::string>* warnings,
                                 scenario::Resolver& resolver);

// Extracts an article's text (read from a file, or pasted in the viewer),
// loading the gazetteer, lexicon and borders for the call.
scenario::Scenario extract_article(const std::string& text, const ExtractSource& source,
                                   std::vector<std::string>* warnings);

}  // namespace muster::extract
