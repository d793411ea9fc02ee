// Courses, offerings and providers: the catalogue half of SqliteStore.
#include <algorithm>
#include <map>

#include "catalog/course_document.h"
#include "catalog/course_json.h"
#include "core/parallel.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

using nlohmann::json;

namespace {

// A course `c` no standing hold takes off the site (see 004_moderation.sql).
constexpr const char* kNotHidden =
    "NOT EXISTS (SELECT 1 FROM holds h WHERE h.lifted_at IS NULL AND ((h.entity = 'course' AND "
    "h.entity_id = c.id) OR (h.entity = 'provider' AND h.entity_id = c.provider_id)))";

struct StoredOffering {
  int64_t id = 0;
  std::string doc;
};

}  // namespace

Result<int64_t> SqliteStore::UpsertOneCourse(const CourseWithOfferings& input, CourseDocs docs,
                                             const Actor& actor, int64_t now,
                                             UpsertReport* report) {
  const Course& course = input.course;
  const std::string& text = docs.course;
  const std::string status = CourseStatusName(course.status);

  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * find,
      Stmt("SELECT id, doc FROM courses WHERE provider_id = ? AND external_id = ?"));
  find->Bind(1, course.provider_id);
  find->Bind(2, course.external_id);
  VERDER_ASSIGN_OR_RETURN(bool exists, find->Step());
  int64_t id = exists ? find->ColumnInt(0) : 0;
  const std::string old_text = exists ? find->ColumnText(1) : std::string();
  find->Reset();

  // The offerings as they are and as they will be, by the provider's offering id.
  std::map<std::string, StoredOffering> before;
  if (exists) {
    VERDER_ASSIGN_OR_RETURN(
        SqliteStatement * list,
        Stmt("SELECT id, external_id, doc FROM offerings WHERE course_id = ? ORDER BY id"));
    list->Bind(1, id);
    while (true) {
      VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
      if (!row) break;
      before[list->ColumnText(1)] = StoredOffering{list->ColumnInt(0), list->ColumnText(2)};
    }
  }
  std::map<std::string, OfferingText> after = std::move(docs.offerings);
  for (const auto& [external_id, stored] : before) {
    if (after.count(external_id) != 0) continue;
    // An offering that disappeared is cancelled, not deleted: its history stays visible.
    json cancelled = json::parse(stored.doc);
    const std::string cancelled_status = OfferingStatusName(OfferingStatus::kCancelled);
    cancelled["status"] = cancelled_status;
    after[external_id] = {cancelled.dump(), cancelled_status};
  }
  bool offerings_changed = before.size() != after.size();
  for (const auto& [external_id, text_after] : after) {
    const auto it = before.find(external_id);
    if (it == before.end() || it->second.doc != text_after.doc) offerings_changed = true;
  }
  if (exists && old_text == text && !offerings_changed) {
    ++report->unchanged;
    return id;
  }

  std::string diff;
  if (exists) {
    json d = DiffDocs(json::parse(old_text), json::parse(text));
    if (offerings_changed) {
      json old_list = json::array();
      json new_list = json::array();
      for (const auto& [external_id, stored] : before) old_list.push_back(json::parse(stored.doc));
      for (const auto& [external_id, t] : after) new_list.push_back(json::parse(t.doc));
      d["offerings"] = json::array({old_list, new_list});
    }
    diff = d.dump();
    VERDER_ASSIGN_OR_RETURN(
        int64_t seq, AppendChange(actor, EntityKind::kCourse, id, ChangeAction::kUpdate, diff));
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * update,
                            Stmt("UPDATE courses SET status = ?, is_demo = ?, doc = ?, "
                                 "updated_at = ?, change_seq = ? WHERE id = ?"));
    update->Bind(1, status);
    update->Bind(2, static_cast<int64_t>(course.is_demo));
    update->Bind(3, text);
    update->Bind(4, now);
    update->Bind(5, seq);
    update->Bind(6, id);
    VERDER_RETURN_IF_ERROR(update->Run());
  } else {
    // A new course is written once, with its change already known: the id it will get (the
    // rowid SQLite would choose, as the caller holds the write transaction) goes into the audit
    // row first. Writing it and then its change sequence cost a second write of the whole row.
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * next,
                            Stmt("SELECT COALESCE(MAX(id), 0) + 1 FROM courses"));
    VERDER_ASSIGN_OR_RETURN(bool row, next->Step());
    id = row ? next->ColumnInt(0) : 1;
    next->Reset();
    VERDER_ASSIGN_OR_RETURN(
        int64_t seq, AppendChange(actor, EntityKind::kCourse, id, ChangeAction::kCreate, ""));
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * insert,
                            Stmt("INSERT INTO courses(id, provider_id, external_id, status, "
                                 "is_demo, doc, updated_at, change_seq) VALUES (?, ?, ?, ?, ?, ?, "
                                 "?, ?)"));
    insert->Bind(1, id);
    insert->Bind(2, course.provider_id);
    insert->Bind(3, course.external_id);
    insert->Bind(4, status);
    insert->Bind(5, static_cast<int64_t>(course.is_demo));
    insert->Bind(6, text);
    insert->Bind(7, now);
    insert->Bind(8, seq);
    VERDER_RETURN_IF_ERROR(insert->Run());
  }

  for (const auto& [external_id, text_after] : after) {
    const auto it = before.find(external_id);
    if (it != before.end() && it->second.doc == text_after.doc) continue;
    const std::string& offering_status = text_after.status;
    if (it == before.end()) {
      VERDER_ASSIGN_OR_RETURN(SqliteStatement * ins,
                              Stmt("INSERT INTO offerings(course_id, external_id, status, doc) "
                                   "VALUES (?, ?, ?, ?)"));
      ins->Bind(1, id);
      ins->Bind(2, external_id);
      ins->Bind(3, offering_status);
      ins->Bind(4, text_after.doc);
      VERDER_RETURN_IF_ERROR(ins->Run());
    } else {
      VERDER_ASSIGN_OR_RETURN(SqliteStatement * upd,
                              Stmt("UPDATE offerings SET status = ?, doc = ? WHERE id = ?"));
      upd->Bind(1, offering_status);
      upd->Bind(2, text_after.doc);
      upd->Bind(3, it->second.id);
      VERDER_RETURN_IF_ERROR(upd->Run());
    }
  }
  exists ? ++report->updated : ++report->created;
  return id;
}

namespace {

Result<Course> CourseFromRow(int64_t id, int64_t provider_id, const std::string& doc,
                             int64_t updated_at) {
  Result<Course> read = CourseFromDocument(doc);
  if (!read.ok()) {
    return Internal("stored course " + std::to_string(id) + ": " + read.error().ToString());
  }
  Course c = std::move(read).value();
  c.id = id;
  c.provider_id = provider_id;
  c.updated_at = updated_at;
  return c;
}

Result<Offering> OfferingFromRow(int64_t id, const std::string& doc) {
  Result<Offering> read = OfferingFromDocument(doc);
  if (!read.ok()) {
    return Internal("stored offering " + std::to_string(id) + ": " + read.error().ToString());
  }
  Offering o = std::move(read).value();
  o.id = id;
  return o;
}

}  // namespace

Result<Provider> ProviderFromRow(int64_t id, const std::string& doc) {
  json j = json::parse(doc, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Internal("stored provider " + std::to_string(id) + " is not JSON");
  VERDER_ASSIGN_OR_RETURN(Provider p, ProviderFromJson(j));
  p.id = id;
  return p;
}

Result<std::vector<Offering>> SqliteStore::LoadOfferings(CourseId id) {
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * list,
                          Stmt("SELECT id, doc FROM offerings WHERE course_id = ? ORDER BY id"));
  list->Bind(1, id);
  std::vector<Offering> offerings;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
    if (!row) break;
    VERDER_ASSIGN_OR_RETURN(Offering o, OfferingFromRow(list->ColumnInt(0), list->ColumnText(1)));
    offerings.push_back(std::move(o));
  }
  return offerings;
}

Result<CourseRecord> SqliteStore::GetCourse(CourseId id) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * find,
      Stmt("SELECT c.provider_id, c.doc, c.updated_at, p.doc FROM courses c JOIN providers p ON "
           "p.id = c.provider_id WHERE c.id = ?"));
  find->Bind(1, id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return NotFound("no course with id " + std::to_string(id));
  CourseRecord record;
  const int64_t provider_id = find->ColumnInt(0);
  VERDER_ASSIGN_OR_RETURN(record.course,
                          CourseFromRow(id, provider_id, find->ColumnText(1), find->ColumnInt(2)));
  VERDER_ASSIGN_OR_RETURN(record.provider, ProviderFromRow(provider_id, find->ColumnText(3)));
  find->Reset();
  VERDER_ASSIGN_OR_RETURN(record.offerings, LoadOfferings(id));
  VERDER_ASSIGN_OR_RETURN(record.hold_reason, HoldReason(id, provider_id));
  return record;
}

Result<CourseRecord> SqliteStore::ParseRawCourse(const RawCourse& raw, const Provider& provider) {
  CourseRecord r;
  VERDER_ASSIGN_OR_RETURN(r.course,
                          CourseFromRow(raw.id, raw.provider_id, raw.doc, raw.updated_at));
  r.provider = provider;
  r.hold_reason = raw.hold_reason;
  r.offerings.reserve(raw.offerings.size());
  for (const auto& [id, doc] : raw.offerings) {
    VERDER_ASSIGN_OR_RETURN(Offering o, OfferingFromRow(id, doc));
    r.offerings.push_back(std::move(o));
  }
  return r;
}

Result<std::vector<CourseRecord>> SqliteStore::GetCourses(const std::vector<CourseId>& ids) {
  std::vector<RawCourse> raw;
  std::map<ProviderId, Provider> providers;  // most batches come from one provider
  {
    std::lock_guard lock(mu_);
    VERDER_RETURN_IF_ERROR(ReadRawCourses(ids, &raw, &providers));
  }
  std::vector<CourseRecord> records(raw.size());
  std::vector<std::optional<Error>> failed(SliceCount(raw.size(), 256));
  ForEachSlice(raw.size(), 256, [&](size_t slice, size_t begin, size_t end) {
    for (size_t i = begin; i < end && !failed[slice]; ++i) {
      Result<CourseRecord> r = ParseRawCourse(raw[i], providers.at(raw[i].provider_id));
      if (!r.ok()) {
        failed[slice] = r.error();
        break;
      }
      records[i] = std::move(r).value();
    }
  });
  for (const std::optional<Error>& e : failed) {
    if (e) return *e;
  }
  return records;
}

Status SqliteStore::ReadRawCourses(const std::vector<CourseId>& ids, std::vector<RawCourse>* raw,
                                   std::map<ProviderId, Provider>* providers) {
  // The ids travel as one JSON array parameter (json_each): no SQL is built from values.
  const std::string id_list = json(ids).dump();
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * courses,
      Stmt("SELECT c.id, c.provider_id, c.doc, c.updated_at, (SELECT h.reason FROM holds h WHERE "
           "h.lifted_at IS NULL AND ((h.entity = 'course' AND h.entity_id = c.id) OR (h.entity = "
           "'provider' AND h.entity_id = c.provider_id)) ORDER BY h.id LIMIT 1) FROM courses c "
           "WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id"));
  courses->Bind(1, id_list);
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, courses->Step());
    if (!row) break;
    RawCourse r;
    r.id = courses->ColumnInt(0);
    r.provider_id = courses->ColumnInt(1);
    r.doc = courses->ColumnText(2);
    r.updated_at = courses->ColumnInt(3);
    if (!courses->ColumnIsNull(4)) r.hold_reason = courses->ColumnText(4);
    providers->emplace(r.provider_id, Provider{});
    raw->push_back(std::move(r));
  }
  courses->Reset();
  for (auto& [id, provider] : *providers) {
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * find, Stmt("SELECT doc FROM providers WHERE id = ?"));
    find->Bind(1, id);
    VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
    if (!found) return Internal("course of a missing provider " + std::to_string(id));
    Result<Provider> parsed = ProviderFromRow(id, find->ColumnText(0));
    find->Reset();
    if (!parsed.ok()) return parsed.error();
    provider = std::move(parsed).value();
  }

  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * offerings,
      Stmt("SELECT course_id, id, doc FROM offerings WHERE course_id IN (SELECT value FROM "
           "json_each(?)) ORDER BY course_id, id"));
  offerings->Bind(1, id_list);
  size_t next = 0;  // courses and offerings are both in course id order: one merged walk
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, offerings->Step());
    if (!row) break;
    const CourseId course_id = offerings->ColumnInt(0);
    while (next < raw->size() && (*raw)[next].id < course_id) ++next;
    if (next == raw->size()) break;
    if ((*raw)[next].id != course_id) continue;
    (*raw)[next].offerings.emplace_back(offerings->ColumnInt(1), offerings->ColumnText(2));
  }
  offerings->Reset();
  return Status();
}

Result<std::vector<CourseRecord>> SqliteStore::ActiveCourses(CourseId after, int64_t offset,
                                                             int limit) {
  std::lock_guard lock(mu_);
  // "+c.status": walk the courses in id order from `after` (keyset paging) rather than take
  // courses_by_status, which would sort every active course again for each page.
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * list,
      Stmt("SELECT c.id, c.provider_id, c.doc, c.updated_at, p.doc FROM courses c JOIN providers "
           "p ON p.id = c.provider_id WHERE +c.status = ? AND c.id > ? AND " +
           std::string(kNotHidden) + " ORDER BY c.id LIMIT ? OFFSET ?"));
  list->Bind(1, std::string(CourseStatusName(CourseStatus::kActive)));
  list->Bind(2, after);
  list->Bind(3, static_cast<int64_t>(std::max(0, limit)));
  list->Bind(4, std::max<int64_t>(0, offset));
  std::vector<CourseRecord> records;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
    if (!row) break;
    CourseRecord r;
    const int64_t provider_id = list->ColumnInt(1);
    VERDER_ASSIGN_OR_RETURN(r.course, CourseFromRow(list->ColumnInt(0), provider_id,
                                                    list->ColumnText(2), list->ColumnInt(3)));
    VERDER_ASSIGN_OR_RETURN(r.provider, ProviderFromRow(provider_id, list->ColumnText(4)));
    records.push_back(std::move(r));
  }
  list->Reset();
  for (CourseRecord& r : records) {
    VERDER_ASSIGN_OR_RETURN(r.offerings, LoadOfferings(r.course.id));
  }
  return records;
}

Result<int64_t> SqliteStore::CountActiveCourses() {
  std::lock_guard lock(mu_);
  // Counting checks every active course for a standing hold: 30 ms at 200,000 courses, on every
  // OOAPI page. The count is kept with the change sequence it was made at; every write that
  // changes a course's status or a hold appends to that sequence (in its transaction, under
  // this lock), so an unchanged sequence means an unchanged count.
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * latest,
                          Stmt("SELECT COALESCE(MAX(seq), 0) FROM audit"));
  VERDER_ASSIGN_OR_RETURN(bool latest_row, latest->Step());
  const int64_t seq = latest_row ? latest->ColumnInt(0) : 0;
  latest->Reset();
  if (active_count_ && active_count_->first == seq) return active_count_->second;
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * count,
      Stmt("SELECT COUNT(*) FROM courses c WHERE c.status = ? AND " + std::string(kNotHidden)));
  count->Bind(1, std::string(CourseStatusName(CourseStatus::kActive)));
  VERDER_ASSIGN_OR_RETURN(bool row, count->Step());
  const int64_t n = row ? count->ColumnInt(0) : 0;
  count->Reset();
  active_count_ = {seq, n};
  return n;
}

Result<Provider> SqliteStore::GetProvider(ProviderId id) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find, Stmt("SELECT doc FROM providers WHERE id = ?"));
  find->Bind(1, id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return NotFound("no provider with id " + std::to_string(id));
  Result<Provider> p = ProviderFromRow(id, find->ColumnText(0));
  find->Reset();
  return p;
}

Result<std::optional<ProviderId>> SqliteStore::FindProviderByKey(const std::string& key) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find, Stmt("SELECT id FROM providers WHERE key = ?"));
  find->Bind(1, key);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return std::optional<ProviderId>();
  const ProviderId id = find->ColumnInt(0);
  find->Reset();
  return std::optional<ProviderId>(id);
}

Result<std::vector<Provider>> SqliteStore::AllProviders() {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * list,
                          Stmt("SELECT id, doc FROM providers ORDER BY id"));
  std::vector<Provider> providers;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
    if (!row) break;
    VERDER_ASSIGN_OR_RETURN(Provider p, ProviderFromRow(list->ColumnInt(0), list->ColumnText(1)));
    providers.push_back(std::move(p));
  }
  return providers;
}

Status SqliteStore::ForEachCourse(
    const std::function<Status(const Course&, const std::vector<Offering>&)>& visit) {
  std::lock_guard lock(mu_);
  // Two ordered scans merged, instead of one offerings query per course.
  VERDER_ASSIGN_OR_RETURN(SqliteStatement courses,
                          db_.Prepare("SELECT id, provider_id, doc, updated_at FROM courses "
                                      "ORDER BY id"));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement offerings,
                          db_.Prepare("SELECT course_id, id, doc FROM offerings "
                                      "ORDER BY course_id, id"));
  VERDER_ASSIGN_OR_RETURN(bool have_offering, offerings.Step());
  std::vector<Offering> batch;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, courses.Step());
    if (!row) break;
    const int64_t id = courses.ColumnInt(0);
    VERDER_ASSIGN_OR_RETURN(
        Course course,
        CourseFromRow(id, courses.ColumnInt(1), courses.ColumnText(2), courses.ColumnInt(3)));
    batch.clear();
    while (have_offering && offerings.ColumnInt(0) <= id) {
      if (offerings.ColumnInt(0) == id) {
        VERDER_ASSIGN_OR_RETURN(Offering o,
                                OfferingFromRow(offerings.ColumnInt(1), offerings.ColumnText(2)));
        batch.push_back(std::move(o));
      }
      VERDER_ASSIGN_OR_RETURN(have_offering, offerings.Step());
    }
    VERDER_RETURN_IF_ERROR(visit(course, batch));
  }
  return Status();
}

}  // namespace verder
