#include "ingest/catalog_loader.h"

#include <map>
#include <memory>

#include "catalog/validation.h"

namespace verder {

CourseSource SourceOf(const std::vector<ImportedCourse>& courses) {
  auto position = std::make_shared<size_t>(0);
  return [&courses, position](size_t max, std::vector<ImportedCourse>* batch) {
    batch->clear();
    while (*position < courses.size() && batch->size() < max)
      batch->push_back(courses[(*position)++]);
    return !batch->empty();
  };
}

Status LoadCatalog(Store* store, const std::vector<Provider>& providers, const CourseSource& next,
                   const LoadOptions& options, ImportReport* report) {
  std::vector<Provider> valid_providers;
  for (const Provider& p : providers) {
    const std::vector<Error> problems = ValidateProvider(p);
    if (problems.empty()) {
      valid_providers.push_back(p);
    } else {
      report->Skip(0, "provider " + p.key + ": " + problems[0].ToString());
    }
  }
  std::map<std::string, ProviderId> provider_ids;
  for (size_t start = 0; start < valid_providers.size(); start += options.batch_size) {
    const std::vector<Provider> chunk(
        valid_providers.begin() + static_cast<std::ptrdiff_t>(start),
        valid_providers.begin() + static_cast<std::ptrdiff_t>(std::min(
                                      valid_providers.size(), start + options.batch_size)));
    VERDER_ASSIGN_OR_RETURN(UpsertReport r, store->UpsertProviders(chunk, options.actor));
    for (size_t i = 0; i < chunk.size(); ++i) provider_ids[chunk[i].key] = r.ids[i];
  }
  report->providers += static_cast<int64_t>(valid_providers.size());

  std::vector<ImportedCourse> batch;
  std::vector<CourseWithOfferings> valid;
  int64_t done = 0;
  while (next(options.batch_size, &batch)) {
    valid.clear();
    for (ImportedCourse& c : batch) {
      const auto provider = provider_ids.find(c.provider_key);
      if (provider == provider_ids.end()) {
        report->Skip(0, "course " + c.course.course.external_id + ": provider " + c.provider_key +
                            " was not stored");
        continue;
      }
      c.course.course.provider_id = provider->second;
      const std::vector<Error> problems = ValidateCourse(c.course);
      if (!problems.empty()) {
        report->Skip(0, "course " + c.provider_key + "/" + c.course.course.external_id + ": " +
                            problems[0].ToString());
        continue;
      }
      report->offerings += static_cast<int64_t>(c.course.offerings.size());
      valid.push_back(std::move(c.course));
    }
    VERDER_RETURN_IF_ERROR(store->UpsertCourses(valid, options.actor).status());
    report->courses += static_cast<int64_t>(valid.size());
    done += static_cast<int64_t>(batch.size());
    if (options.progress) options.progress(done);
  }
  return Status();
}

}  // namespace verder
