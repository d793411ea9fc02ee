// web/pages/pages_internal.h — private: the page renderers shared by site_pages.cpp.
#pragma once

#include <string>
#include <vector>

#include "catalog/help_desks.h"

#include "search/search_query.h"
#include "store/store.h"
#include "web/pages/page_context.h"
#include "web/pages/site_pages.h"

namespace verder {

struct PopularCourses;
std::string RenderHome(const PageContext& ctx, const PopularCourses& popular);
void WriteSearchForm(const PageContext& ctx, const std::string& query, const std::string& postcode,
                     HtmlWriter* w);
std::string RenderResults(const PageContext& ctx, const SearchQuery& query,
                          const SearchResult& result);
// Other courses shown on a course page, as search hits.
struct RelatedCourses {
  std::vector<SearchHit> similar;
  std::vector<SearchHit> also_viewed;
};
std::string RenderCourse(const PageContext& ctx, const CourseRecord& record,
                         const RelatedCourses& related, Date today);
std::string RenderCompare(const PageContext& ctx, const std::vector<CourseRecord>& courses,
                          const std::vector<CourseId>& ids, bool too_many, Date today);

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
// "€ 1.250,50" (nl) / "€1,250.50" (en).
std::string HumanEuros(const PageContext& ctx, Cents cents);

}  // namespace verder
