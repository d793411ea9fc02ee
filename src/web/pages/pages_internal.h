// web/pages/pages_internal.h — private: the page renderers shared by site_pages.cpp.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/help_desks.h"
#include "funding/engine.h"
#include "web/funding_params.h"

#include "search/search_query.h"
#include "store/store.h"
#include "web/pages/page_context.h"
#include "web/pages/site_pages.h"

namespace verder {

struct PopularCourses;
std::string RenderHome(const PageContext& ctx, const PopularCourses& popular);
void WriteSearchForm(const PageContext& ctx, const std::string& query, const std::string& postcode,
                     HtmlWriter* w);
struct ResultsFunding;
std::string RenderResults(const PageContext& ctx, const SearchQuery& query,
                          const SearchResult& result, const ResultsFunding& funding);
// Other courses shown on a course page, as search hits.
struct RelatedCourses {
  std::vector<SearchHit> similar;
  std::vector<SearchHit> also_viewed;
};
// The funding block of a course page: the person's answers (from the URL) and, when given,
// what each scheme pays and the net cost.
struct CourseFunding {
  const funding::FundingEngine* engine = nullptr;
  const FundingAnswers* answers = nullptr;
  std::optional<funding::CourseCheck> cost;
};
PageContext Context(const SiteDeps& deps, Lang lang, const std::string& other_url);
// A positive id written in digits only, else nullopt.
std::optional<int64_t> ParseId(std::string_view text);
// GET and POST /opleiding/{id}/melden (/en/course/{id}/report).
void AddComplaintPages(const SiteDeps& deps, Router* router);

// What a form that changes state sent along to prove itself (auth/form_tokens.h).
struct FormPost {
  std::string token;             // the hidden field
  std::string purpose;           // what the token was issued for: "complaint:42"
  RateLimiter* limit = nullptr;  // per client address; null: none
  std::string words;             // i18n prefix of its messages: "<words>.error.token", ".too_many"
};
// Why a form POST is refused before its fields are looked at: the status, the message in the
// page's language, and how long to wait.
struct FormRefusal {
  int status = 403;
  std::string message;
  std::optional<int> retry_after_seconds;
  HttpResponse Apply(HttpResponse page) const;  // adds Retry-After when there is a wait
};
// The checks every form that changes state makes first: it comes from our pages (Origin), with
// our fresh token for its purpose, and the address is within its limit. Empty: go on.
std::optional<FormRefusal> CheckFormPost(const SiteDeps& deps, const PageContext& ctx,
                                         const HttpRequest& r, const FormPost& post);

// The saved-answers pages: POST /betalen/bewaren (/en/funding/save), GET and POST
// /betalen/ophalen (/en/funding/restore).
void AddSavedAnswersPages(const SiteDeps& deps, Router* router);
// Under the funding results: save these answers, with consent, and get a code.
void WriteSaveAnswersForm(const PageContext& ctx, const FundingAnswers& answers,
                          const std::string& token, HtmlWriter* w);
std::string SaveAnswersPath(const PageContext& ctx);
std::string RestoreAnswersPath(const PageContext& ctx);
constexpr const char* kSaveAnswersPurpose = "saved-answers";

// The complaint form under a course: what was filled in, and what was wrong with it.
struct ComplaintForm {
  std::string token;  // FormTokens, for "complaint:<course id>"
  std::string category;
  std::string message;
  std::string category_error;  // in the page's language; empty: fine
  std::string message_error;
  std::string form_error;  // expired token, too many complaints
  bool sent = false;       // thank the person instead of showing the form
};
const std::vector<std::string>& ComplaintCategories();
std::string ComplaintPath(const PageContext& ctx, CourseId course);
void WriteComplaintForm(const PageContext& ctx, CourseId course, const ComplaintForm& form,
                        HtmlWriter* w);
std::string RenderComplaintPage(const PageContext& ctx, const CourseRecord& record,
                                const ComplaintForm& form);

// `history`: the course's changes, oldest first (Store::History).
// The developers' page, from the OpenAPI document (data/openapi.yaml, in JSON syntax).
std::string RenderApiDocs(const PageContext& ctx, const nlohmann::json& openapi);

std::string RenderCourse(const PageContext& ctx, const CourseRecord& record,
                         const std::vector<Change>& history, const RelatedCourses& related,
                         const CourseFunding& funding, Date today,
                         const std::string& complaint_token);
void WriteCourseFunding(const PageContext& ctx, const CourseFunding& f, CourseId course,
                        HtmlWriter* w);

// "What can be paid for me?": the answers, their problems, and the verdicts once answered.
struct FundingPage {
  FundingAnswers answers;
  std::vector<funding::AnswerError> errors;
  std::optional<funding::PersonCheck> check;
  CourseId course = 0;     // the course page to go back to, when the person came from one
  std::string save_token;  // for the form that saves the answers (FormTokens)
};
std::string RenderFunding(const PageContext& ctx, const funding::FundingEngine& engine,
                          const FundingPage& page);

// Net cost per result for a person who answered the funding questions.
struct ResultsFunding {
  std::string answers_query;  // "&age=..": appended to every link so the answers stay with them
  const FundingAnswers* answers = nullptr;
  std::unordered_map<CourseId, std::optional<Cents>> net_cost;
};
// What a person's funding answers add to the compare page: a "costs you" row, and the answers
// kept in its links. Empty when no answers were given.
struct CompareFunding {
  std::string answers_query;
  std::vector<std::optional<Cents>> net_costs;  // per course, in the page's order
};
std::string RenderCompare(const PageContext& ctx, const std::vector<CourseRecord>& courses,
                          const std::vector<CourseId>& ids, bool too_many,
                          const CompareFunding& funding, Date today);

// What the home page shows under "popular": in a region when a postcode was given.
struct PopularCourses {
  std::string postcode;         // as typed; empty when none
  std::string error;            // why the postcode was not understood
  std::string region;           // the region's name, when known
  bool by_views = false;        // true: most viewed; false: starting soon (too few views yet)
  std::vector<SearchHit> hits;  // empty: show nothing
};

// The help page: a postcode or region chosen, or nothing yet.
struct HelpAnswer {
  std::string postcode;
  std::string error;
  const Municipality* municipality = nullptr;
  const LabourMarketRegion* region = nullptr;
  const HelpDesk* desk = nullptr;
};
std::string RenderHelp(const PageContext& ctx, const HelpAnswer& answer, const GeoIndex& geo,
                       const HelpDesks& desks);

// A short list of course links (title, provider, place); `via` marks where the person came from,
// so following a link counts the two courses as seen together (anonymously).
void WriteCourseLinks(const PageContext& ctx, const std::vector<SearchHit>& hits, CourseId via,
                      HtmlWriter* w);
std::string RenderError(const PageContext& ctx, int status, const std::string& detail);

// Dutch date for people: "3 februari 2026" / "3 February 2026".
std::string HumanDate(const PageContext& ctx, Date date);
// Opens <div class="field"> with the label, the hint and the error (when not empty) and points
// the control's aria-describedby at them; the caller writes the control and closes the div.
void OpenFormField(const std::string& id, const std::string& label, const std::string& hint,
                   const std::string& error, HtmlAttributes* control, HtmlWriter* w);
// "€ 1.250,50" (nl) / "€1,250.50" (en).
std::string HumanEuros(const PageContext& ctx, Cents cents);

}  // namespace verder
