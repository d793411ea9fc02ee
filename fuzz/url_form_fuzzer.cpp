// fuzz/url_form_fuzzer.cpp — a query string or a form body (application/x-www-form-urlencoded),
// as any bytes: percent-decoding (web/http.h), the split into parameters, the search parameters
// with their validation (web/search_params.h), the funding answers (web/funding_params.h), the id
// parser of the pages and APIs, and the complaint form's token. Round trips are checked too: what
// UrlEncode writes decodes to the same text, and the links the site writes for a valid search or
// a set of answers parse back to the same search and answers.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "auth/form_tokens.h"
#include "fuzz/fuzz_support.h"
#include "web/api_support.h"
#include "web/funding_params.h"
#include "web/html.h"
#include "web/http.h"
#include "web/search_params.h"

namespace verder {
namespace {

struct UrlWorld {
  GeoIndex geo{fuzz::Reference()};
  FormTokens tokens;
  Date today = Date::Parse("2026-06-01").value();
};

UrlWorld* world = nullptr;  // built once in LLVMFuzzerInitialize, never freed

// The parameters as the site writes them into a link, parsed back.
QueryParams Reparse(const QueryParams& params) {
  std::string link;
  for (const auto& [key, value] : params) {
    link += (link.empty() ? "" : "&") + UrlEncode(key) + "=" + UrlEncode(value);
  }
  QueryParams again;
  if (!ParseQueryString(link, &again)) fuzz::Fail("a link we write does not parse: " + link);
  return again;
}

void CheckDecoding(std::string_view text) {
  std::string decoded;
  for (const bool plus_is_space : {false, true}) {
    if (PercentDecode(text, plus_is_space, &decoded) && decoded.find('\0') != std::string::npos) {
      fuzz::Fail("PercentDecode let a NUL through");
    }
  }
  std::string plain(text);
  plain.erase(std::remove(plain.begin(), plain.end(), '\0'), plain.end());
  if (!PercentDecode(UrlEncode(plain), true, &decoded) || decoded != plain)
    fuzz::Fail("UrlEncode does not decode back");
}

void CheckSearchParams(const QueryParams& params) {
  const Result<SearchQuery> query =
      ParseSearchParams(params, world->geo, world->today, FundingParamNames());
  if (!query.ok()) return;
  const QueryParams link = SearchParamsOf(query.value());
  const Result<SearchQuery> again = ParseSearchParams(Reparse(link), world->geo, world->today);
  if (!again.ok()) fuzz::Fail("the link of a valid search is refused: " + again.error().ToString());
  if (SearchParamsOf(again.value()) != link) fuzz::Fail("the link of a search reads back changed");
}

void CheckFundingParams(const QueryParams& params) {
  const FundingAnswers answers = ParseFundingParams(params);
  if (!answers.given) return;
  const FundingAnswers again = ParseFundingParams(Reparse(answers.raw));
  if (again.raw != answers.raw || again.errors.size() != answers.errors.size())
    fuzz::Fail("the link of the funding answers reads back changed");
}

}  // namespace
}  // namespace verder

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  verder::world = new verder::UrlWorld();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace verder;  // NOLINT(google-build-using-namespace)
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckDecoding(text);
  QueryParams params;
  if (!ParseQueryString(text, &params)) return 0;
  for (const auto& [key, value] : params) {
    if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos)
      fuzz::Fail("ParseQueryString let a NUL through");
    if (key == "id") (void)ParsePositiveId(value, "id");
    if (key == "token") (void)world->tokens.Verify(value, "complaint:1", 1'780'000'000);
  }
  CheckSearchParams(params);
  CheckFundingParams(params);
  return 0;
}
