// search/similar.h — "similar courses" for a course page, found by the engine itself.
//
// A course is similar when it shares the words of its title (the same programme elsewhere, or a
// variant of it); when there are too few of those, when it teaches the same skill, leads to the
// same occupation, or sits in the same sector. The course itself never appears.
//
//   std::vector<SearchHit> hits = SimilarCourses(index, course, today, 4);
#pragma once

#include <vector>

#include "catalog/course.h"
#include "search/search_index.h"

namespace verder {

std::vector<SearchHit> SimilarCourses(const SearchIndex& index, const Course& course, Date today,
                                      size_t wanted);

}  // namespace verder
