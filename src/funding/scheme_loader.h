// funding/scheme_loader.h — reads and checks the scheme files in data/schemes/.
//
// One JSON file per scheme, edited by people (format: data/schemes/README.md). Loading checks
// every file completely and reports every problem at once, each an Error whose field names the
// file and the place in it ("ppo.json:payment.shares[0].denominator"), then checks the files
// together (unique ids; stacking rules and compartments that name schemes which exist).
//
//   Result<std::vector<Scheme>> schemes = LoadSchemes(source_dir + "/data/schemes");
//   if (!schemes.ok()) return schemes.error();  // the message lists every problem, one a line
//   FundingEngine engine(std::move(schemes).value());
//
// Thread-safety: the functions share no state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "funding/scheme.h"

namespace verder::funding {

// Reads one file's text; `file` names it in problems. Empty result: `*scheme` is complete.
std::vector<Error> ParseScheme(std::string_view text, const std::string& file, Scheme* scheme);

// Checks that only show across files.
std::vector<Error> CheckSchemeSet(const std::vector<Scheme>& schemes);

struct SchemeFiles {
  std::vector<Scheme> schemes;  // the files without problems, in file-name order
  std::vector<Error> problems;  // every problem of every file
};

// Every *.json file in `dir`, in file-name order.
SchemeFiles ReadSchemeFiles(const std::string& dir);

// As ReadSchemeFiles, but a single problem fails the whole load: the program must not answer
// people from half a rule set. The Error lists every problem, one a line.
Result<std::vector<Scheme>> LoadSchemes(const std::string& dir);

}  // namespace verder::funding
