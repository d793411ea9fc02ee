// web/funding_params.h — a person's funding answers from a query string, and back into links.
//
// The answers live only in the URL or form (never stored): age, education, work, sector,
// postcode, stap_used (euros of STAP-budget received this calendar year) and ppo_used (euros of
// PPO co-financing over the last twelve months). Values that are not even numbers become
// AnswerErrors here; the engine (funding/person.h) judges the rest. A wrong answer never fails
// the request: it is shown beside its question and makes the verdicts it decides "maybe".
//
//   FundingAnswers a = ParseFundingParams(request.query);
//   if (a.given) check = engine.CheckPerson(a.person, today);
//   link += FundingQueryString(a);   // "&age=34&work=self-employed..."
#pragma once

#include <string>
#include <vector>

#include "funding/person.h"
#include "web/search_params.h"

namespace verder {

struct FundingAnswers {
  funding::Person person;
  std::vector<funding::AnswerError> errors;  // answers that are not numbers where one is needed
  bool given = false;                        // at least one answer was given
  QueryParams raw;                           // the answers as typed, in a fixed order
};

// The parameter names, in the order links write them.
const std::vector<std::string>& FundingParamNames();

FundingAnswers ParseFundingParams(const QueryParams& params);

// "&age=34&education=mbo2..." (URL-encoded), or "" when no answer was given.
std::string FundingQueryString(const FundingAnswers& answers);

}  // namespace verder
