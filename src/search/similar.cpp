#include "search/similar.h"

namespace verder {

std::vector<SearchHit> SimilarCourses(const SearchIndex& index, const Course& course, Date today,
                                      size_t wanted) {
  // From most to least specific: each query only fills the places the earlier ones left.
  std::vector<std::string> queries = {course.title.nl};
  if (!course.skills.empty()) queries.push_back(course.skills.front());
  if (!course.occupations.empty()) queries.push_back(course.occupations.front());
  if (!course.sector.empty()) queries.push_back(course.sector);

  std::vector<SearchHit> found;
  SearchQuery q;
  q.today = today;
  q.exclude_ids = {course.id};
  for (const std::string& text : queries) {
    if (found.size() >= wanted) break;
    q.text = text;
    q.per_page = static_cast<int>(wanted - found.size());
    for (SearchHit& hit : index.Search(q).hits) {
      q.exclude_ids.push_back(hit.id);
      found.push_back(std::move(hit));
    }
  }
  return found;
}

}  // namespace verder
