// web/pages/pages_internal.h — private: the page renderers shared by site_pages.cpp.
#pragma once

#include <string>

#include "search/search_query.h"
#include "store/store.h"
#include "web/pages/page_context.h"
#include "web/pages/site_pages.h"

namespace verder {

std::string RenderHome(const PageContext& ctx);
void WriteSearchForm(const PageContext& ctx, const std::string& query, const std::string& postcode,
                     HtmlWriter* w);
std::string RenderResults(const PageContext& ctx, const SearchQuery& query,
                          const SearchResult& result);
std::string RenderCourse(const PageContext& ctx, const CourseRecord& record, Date today);
std::string RenderError(const PageContext& ctx, int status, const std::string& detail);

// Dutch date for people: "3 februari 2026" / "3 February 2026".
std::string HumanDate(const PageContext& ctx, Date date);
// "€ 1.250,50" (nl) / "€1,250.50" (en).
std::string HumanEuros(const PageContext& ctx, Cents cents);

}  // namespace verder
