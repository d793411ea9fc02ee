#include "web/funding_params.h"

#include <algorithm>
#include <charconv>

#include "core/money.h"
#include "web/html.h"

namespace verder {
namespace {

funding::AnswerError NotANumber(const std::string& field, const char* nl, const char* en) {
  return {field, funding::AnswerErrorCode::kInvalid, {nl, en}};
}

}  // namespace

const std::vector<std::string>& FundingParamNames() {
  static const std::vector<std::string> kNames = {"age",      "education", "work",    "sector",
                                                  "postcode", "stap_used", "ppo_used"};
  return kNames;
}

FundingAnswers ParseFundingParams(const QueryParams& params) {
  FundingAnswers a;
  for (const std::string& name : FundingParamNames()) {
    const auto it = std::find_if(params.begin(), params.end(),
                                 [&name](const auto& p) { return p.first == name; });
    if (it == params.end() || it->second.empty()) continue;
    const std::string& value = it->second;
    a.given = true;
    a.raw.emplace_back(name, value);
    if (name == "age") {
      int age = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), age);
      if (ec != std::errc() || end != value.data() + value.size()) {
        a.errors.push_back(NotANumber("age", "Vul je leeftijd in met cijfers, bijvoorbeeld 34.",
                                      "Enter your age in digits, for example 34."));
      } else {
        a.person.age = age;  // the engine judges the range (negative, 17, ...)
      }
    } else if (name == "education") {
      a.person.education = value;
    } else if (name == "work") {
      a.person.work = value;
      // Employees are tied to an employer (SLIM); the self-employed and job seekers are not
      // known to be, so SLIM stays a maybe for them rather than a guess.
      if (value.rfind("employee-", 0) == 0 || value == "agency-worker")
        a.person.employer_tied = true;
    } else if (name == "sector") {
      a.person.sector = value;
    } else if (name == "postcode") {
      a.person.postcode = value;
    } else {
      const Result<Cents> cents = ParseEuros(value);
      if (!cents.ok()) {
        a.errors.push_back(NotANumber(name, "Vul een bedrag in euro's in, bijvoorbeeld 250.",
                                      "Enter an amount in euros, for example 250."));
      } else if (name == "stap_used") {
        a.person.used_this_year_cents["stap-budget"] = cents.value();
      } else {
        a.person.ppo_cofinanced_last_12m_cents = cents.value();
      }
    }
  }
  // Without an age the engine reports "missing"; only when the person answered nothing at all
  // is there nothing to say yet.
  return a;
}

std::string FundingQueryString(const FundingAnswers& answers) {
  std::string out;
  for (const auto& [key, value] : answers.raw) out += "&" + UrlEncode(key) + "=" + UrlEncode(value);
  return out;
}

}  // namespace verder
