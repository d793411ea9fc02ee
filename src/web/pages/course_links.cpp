// A short list of links to courses, for "similar", "others also viewed" and "popular".
#include "web/pages/pages_internal.h"

namespace verder {

void WriteCourseLinks(const PageContext& ctx, const std::vector<SearchHit>& hits, CourseId via,
                      HtmlWriter* w) {
  w->Open("ul", {{"class", "course-links"}});
  for (const SearchHit& h : hits) {
    std::string href = ctx.Path("course") + std::to_string(h.id);
    if (via > 0) href += "?via=" + std::to_string(via);
    w->Open("li").Element("a", h.title, {{"href", href}}).Text(" ");
    std::string detail = h.provider;
    if (!h.place.empty()) detail += " · " + h.place;
    w->Element("span", detail, {{"class", "hint"}});
    if (h.is_demo) w->Element("span", ctx.T("result.demo"), {{"class", "badge"}});
    w->Close("li");
  }
  w->Close("ul");
}

}  // namespace verder
