// search/indexed_course.h — what the index needs of a course: the course, its offerings and its
// provider's name (the provider is shown and searched with every course).
#pragma once

#include <string>
#include <vector>

#include "catalog/course.h"

namespace verder {

struct IndexedCourse {
  Course course;
  std::vector<Offering> offerings;
  std::string provider_name;
};

}  // namespace verder
