#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

namespace verder {
namespace {

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("verder-store-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = Open();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Store> Open() {
    auto s = OpenSqliteStore({(dir_ / "verder.db").string()}, &clock_);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().ToString());
    return s.ok() ? std::move(s).value() : nullptr;
  }
  ProviderId AddProvider(const std::string& key) {
    Provider p;
    p.key = key;
    p.name = "Aanbieder " + key;
    return store_->UpsertProviders({p}, Actor{"test"}).value().ids.at(0);
  }
  static CourseWithOfferings MakeCourse(ProviderId provider, const std::string& id) {
    CourseWithOfferings c;
    c.course.provider_id = provider;
    c.course.external_id = id;
    c.course.title.nl = "Cursus " + id;
    c.course.costs.tuition_cents = 10000;
    Offering o;
    o.external_id = id + "-a";
    o.start = Date::Parse("2026-03-01").value();
    o.location.postcode = "3511";
    c.offerings.push_back(o);
    return c;
  }

  std::filesystem::path dir_;
  FixedClock clock_{1'750'000'000};
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, CourseRoundTripsWithProviderAndOfferings) {
  const ProviderId p = AddProvider("kvk:12345678");
  CourseWithOfferings in = MakeCourse(p, "c1");
  in.course.description = {"Beschrijving", "Description"};
  in.course.funding_flags = kFundingStapRegister;
  const UpsertReport r = store_->UpsertCourses({in}, Actor{"test"}).value();
  EXPECT_EQ(r.created, 1);
  const CourseRecord got = store_->GetCourse(r.ids[0]).value();
  EXPECT_EQ(got.course.title.nl, "Cursus c1");
  EXPECT_EQ(got.course.description.en, "Description");
  EXPECT_EQ(got.course.funding_flags, kFundingStapRegister);
  EXPECT_EQ(got.course.updated_at, 1'750'000'000);
  EXPECT_EQ(got.provider.key, "kvk:12345678");
  ASSERT_EQ(got.offerings.size(), 1U);
  EXPECT_EQ(got.offerings[0].start->ToString(), "2026-03-01");
  EXPECT_EQ(store_->GetCourse(9999).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, SameInputTwiceChangesNothingAndWritesNoAudit) {
  const ProviderId p = AddProvider("demo:1");
  const int64_t before = store_->Counts().value().last_seq;
  ASSERT_TRUE(store_->UpsertCourses({MakeCourse(p, "c1")}, Actor{"feed"}).ok());
  const int64_t after_first = store_->Counts().value().last_seq;
  const UpsertReport again = store_->UpsertCourses({MakeCourse(p, "c1")}, Actor{"feed"}).value();
  EXPECT_EQ(again.unchanged, 1);
  EXPECT_EQ(again.created + again.updated, 0);
  EXPECT_EQ(store_->Counts().value().last_seq, after_first);
  EXPECT_EQ(after_first, before + 1);
}

TEST_F(SqliteStoreTest, UpdateWritesAuditWithOldAndNewValues) {
  const ProviderId p = AddProvider("demo:1");
  clock_.Advance(10);
  const CourseId id = store_->UpsertCourses({MakeCourse(p, "c1")}, Actor{"feed"}).value().ids[0];
  CourseWithOfferings changed = MakeCourse(p, "c1");
  changed.course.costs.tuition_cents = 12500;
  clock_.Advance(60);
  ASSERT_EQ(store_->UpsertCourses({changed}, Actor{"provider:1"}).value().updated, 1);
  const std::vector<Change> history = store_->History(EntityKind::kCourse, id).value();
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[0].action, ChangeAction::kCreate);
  EXPECT_EQ(history[1].action, ChangeAction::kUpdate);
  EXPECT_EQ(history[1].actor, "provider:1");
  EXPECT_EQ(history[1].at, 1'750'000'070);
  const auto diff = nlohmann::json::parse(history[1].diff_json);
  EXPECT_EQ(diff["costs"][0]["tuition_cents"], 10000);
  EXPECT_EQ(diff["costs"][1]["tuition_cents"], 12500);
  EXPECT_FALSE(diff.contains("title"));
  EXPECT_EQ(store_->GetCourse(id).value().course.updated_at, 1'750'000'070);
}

TEST_F(SqliteStoreTest, MissingOfferingIsCancelledNotDeleted) {
  const ProviderId p = AddProvider("demo:1");
  CourseWithOfferings c = MakeCourse(p, "c1");
  Offering second = c.offerings[0];
  second.external_id = "c1-b";
  c.offerings.push_back(second);
  const CourseId id = store_->UpsertCourses({c}, Actor{"feed"}).value().ids[0];
  c.offerings.pop_back();
  ASSERT_EQ(store_->UpsertCourses({c}, Actor{"feed"}).value().updated, 1);
  const CourseRecord got = store_->GetCourse(id).value();
  ASSERT_EQ(got.offerings.size(), 2U);
  EXPECT_EQ(got.offerings[0].status, OfferingStatus::kOpen);
  EXPECT_EQ(got.offerings[1].status, OfferingStatus::kCancelled);
  // Sending the shorter list again is now a no-op.
  EXPECT_EQ(store_->UpsertCourses({c}, Actor{"feed"}).value().unchanged, 1);
}

// The index's catch-up reads large batches at once: GetCourses reads them under the lock and
// parses them on every core afterwards. Each record must be what GetCourse gives, in id order.
TEST_F(SqliteStoreTest, GetCoursesReadsABatchAsGetCourseDoesInIdOrder) {
  const ProviderId a = AddProvider("kvk:11111111");
  const ProviderId b = AddProvider("kvk:22222222");
  std::vector<CourseWithOfferings> batch;
  for (int i = 0; i < 700; ++i) {
    CourseWithOfferings c = MakeCourse(i % 2 == 0 ? a : b, "c" + std::to_string(i));
    Offering second = c.offerings[0];
    second.external_id += "-2";
    c.offerings.push_back(second);
    batch.push_back(c);
  }
  std::vector<CourseId> ids = store_->UpsertCourses(batch, Actor{"feed"}).value().ids;
  // Every seventh course loses its second offering, which is cancelled (doc and column).
  std::vector<CourseWithOfferings> shorter;
  for (size_t i = 0; i < batch.size(); i += 7) {
    shorter.push_back(batch[i]);
    shorter.back().offerings.pop_back();
  }
  ASSERT_EQ(store_->UpsertCourses(shorter, Actor{"feed"}).value().updated, 100);
  ASSERT_TRUE(store_->HideEntity(EntityKind::kCourse, ids[3], "Misleidend", Actor{"op"}).ok());

  std::vector<CourseId> asked(ids.rbegin(), ids.rend());
  asked.push_back(999999);  // no such course: left out
  const std::vector<CourseRecord> got = store_->GetCourses(asked).value();
  ASSERT_EQ(got.size(), ids.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const CourseRecord one = store_->GetCourse(ids[i]).value();
    ASSERT_EQ(got[i].course.id, ids[i]);
    EXPECT_EQ(got[i].course.external_id, one.course.external_id);
    EXPECT_EQ(got[i].course.title.nl, "Cursus c" + std::to_string(i));
    EXPECT_EQ(got[i].provider.key, i % 2 == 0 ? "kvk:11111111" : "kvk:22222222");
    EXPECT_EQ(got[i].hold_reason, one.hold_reason);
    ASSERT_EQ(got[i].offerings.size(), 2U);
    for (size_t o = 0; o < 2; ++o) {
      EXPECT_EQ(got[i].offerings[o].id, one.offerings[o].id);
      EXPECT_EQ(got[i].offerings[o].status, one.offerings[o].status);
    }
    const bool cancelled = i % 7 == 0;
    EXPECT_EQ(got[i].offerings[1].status,
              cancelled ? OfferingStatus::kCancelled : OfferingStatus::kOpen);
  }
  EXPECT_EQ(got[3].hold_reason, "Misleidend");
  EXPECT_FALSE(got[4].hold_reason.has_value());

  // The status column (what the site filters on) says what the documents say.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "verder.db").string().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT COUNT(*) FROM offerings WHERE status = 'cancelled' AND "
                               "json_extract(doc, '$.status') = 'cancelled'",
                               -1, &count, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 100);
  sqlite3_finalize(count);
  sqlite3_close(db);
}

TEST_F(SqliteStoreTest, ChangeSequenceIsMonotonicAndAnswersWhatChangedSince) {
  const ProviderId p = AddProvider("demo:1");
  const int64_t mark = store_->Counts().value().last_seq;
  const UpsertReport r =
      store_->UpsertCourses({MakeCourse(p, "a"), MakeCourse(p, "b")}, Actor{"x"}).value();
  ASSERT_TRUE(store_->WithdrawCourse(r.ids[0], Actor{"operator"}).ok());
  const std::vector<Change> changes = store_->ChangesSince(mark, 100).value();
  ASSERT_EQ(changes.size(), 3U);
  EXPECT_LT(changes[0].seq, changes[1].seq);
  EXPECT_LT(changes[1].seq, changes[2].seq);
  EXPECT_EQ(changes[2].entity_id, r.ids[0]);
  EXPECT_EQ(changes[2].action, ChangeAction::kWithdraw);
  EXPECT_EQ(store_->GetCourse(r.ids[0]).value().course.status, CourseStatus::kWithdrawn);
  EXPECT_EQ(store_->ChangesSince(changes[2].seq, 100).value().size(), 0U);
  EXPECT_EQ(store_->ChangesSince(mark, 2).value().size(), 2U);
}

// The count of public courses is kept between changes; every kind of change that moves a course
// in or out of the public catalogue must show in the next count, here checked against a count
// made fresh by reopening the store.
TEST_F(SqliteStoreTest, ActiveCountFollowsEveryChangeThatMovesACourse) {
  const ProviderId a = AddProvider("kvk:1");
  const ProviderId b = AddProvider("kvk:2");
  const auto fresh = [&] {
    store_.reset();
    store_ = Open();
    return store_->CountActiveCourses().value();
  };
  const auto ids = store_
                       ->UpsertCourses({MakeCourse(a, "x"), MakeCourse(a, "y"), MakeCourse(b, "z")},
                                       Actor{"test"})
                       .value()
                       .ids;
  EXPECT_EQ(store_->CountActiveCourses().value(), 3);
  EXPECT_EQ(store_->CountActiveCourses().value(), 3);  // kept
  const int64_t hold =
      store_->HideEntity(EntityKind::kCourse, ids[0], "Misleidend", Actor{"op"}).value();
  EXPECT_EQ(store_->CountActiveCourses().value(), 2);
  const int64_t provider_hold =
      store_->HideEntity(EntityKind::kProvider, b, "Onbereikbaar", Actor{"op"}).value();
  EXPECT_EQ(store_->CountActiveCourses().value(), 1);
  ASSERT_TRUE(store_->LiftHold(hold, Actor{"op"}).ok());
  EXPECT_EQ(store_->CountActiveCourses().value(), 2);
  ASSERT_TRUE(store_->LiftHold(provider_hold, Actor{"op"}).ok());
  EXPECT_EQ(store_->CountActiveCourses().value(), 3);
  ASSERT_TRUE(store_->WithdrawCourse(ids[1], Actor{"op"}).ok());
  EXPECT_EQ(store_->CountActiveCourses().value(), 2);
  ASSERT_TRUE(store_->UpsertCourses({MakeCourse(b, "w")}, Actor{"test"}).ok());
  EXPECT_EQ(store_->CountActiveCourses().value(), 3);
  EXPECT_EQ(fresh(), 3);
}

TEST_F(SqliteStoreTest, FailedBatchLeavesNothingBehind) {
  const ProviderId p = AddProvider("demo:1");
  CourseWithOfferings orphan = MakeCourse(p + 100, "orphan");  // no such provider: FK fails
  const Result<UpsertReport> r = store_->UpsertCourses({MakeCourse(p, "good"), orphan}, Actor{"x"});
  ASSERT_FALSE(r.ok());
  const StoreCounts counts = store_->Counts().value();
  EXPECT_EQ(counts.courses, 0);
  EXPECT_EQ(counts.offerings, 0);
  EXPECT_EQ(counts.last_seq, 1);  // only the provider's creation
}

TEST_F(SqliteStoreTest, ReopenKeepsDataAndAppliesNoMigrationTwice) {
  const ProviderId p = AddProvider("demo:1");
  ASSERT_TRUE(store_->UpsertCourses({MakeCourse(p, "a")}, Actor{"x"}).ok());
  ASSERT_TRUE(store_->SetMeta("import.done", "yes").ok());
  store_.reset();
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(store_->Counts().value().courses, 1);
  EXPECT_EQ(store_->GetMeta("import.done").value().value_or(""), "yes");
  EXPECT_FALSE(store_->GetMeta("nothing").value().has_value());
}

TEST_F(SqliteStoreTest, ForEachCourseVisitsCoursesWithTheirOwnOfferings) {
  const ProviderId p = AddProvider("demo:1");
  CourseWithOfferings none = MakeCourse(p, "none");
  none.offerings.clear();
  ASSERT_TRUE(
      store_->UpsertCourses({MakeCourse(p, "a"), none, MakeCourse(p, "c")}, Actor{"x"}).ok());
  std::vector<std::pair<std::string, size_t>> seen;
  ASSERT_TRUE(store_
                  ->ForEachCourse([&](const Course& c, const std::vector<Offering>& o) {
                    seen.emplace_back(c.external_id, o.size());
                    if (!o.empty()) {
                      EXPECT_EQ(o[0].external_id, c.external_id + "-a");
                    }
                    return Status();
                  })
                  .ok());
  const std::vector<std::pair<std::string, size_t>> expected{{"a", 1}, {"none", 0}, {"c", 1}};
  EXPECT_EQ(seen, expected);
}

TEST_F(SqliteStoreTest, ReferenceDataReplacesWhole) {
  ReferenceData d;
  d.regions = {{1, "Midden-Utrecht"}};
  d.municipalities = {{"0344", "Utrecht", "Utrecht", 1}};
  d.postcodes = {{"3511", 52.09, 5.11, "Utrecht", "0344"}};
  d.occupations = {{"esco", "http://x/1", "verpleegkundige", {"verpleger"}, "2221"}};
  ASSERT_TRUE(store_->ReplaceReferenceData(d).ok());
  ASSERT_TRUE(store_->ReplaceReferenceData(d).ok());
  const ReferenceData back = store_->LoadReferenceData().value();
  ASSERT_EQ(back.municipalities.size(), 1U);
  EXPECT_EQ(back.municipalities[0].region_id, 1);
  EXPECT_DOUBLE_EQ(back.postcodes[0].lat, 52.09);
  ASSERT_EQ(back.occupations.size(), 1U);
  EXPECT_EQ(back.occupations[0].alt_labels, std::vector<std::string>{"verpleger"});
}

TEST_F(SqliteStoreTest, CorruptFileGivesAClearError) {
  store_.reset();
  const std::string path = (dir_ / "corrupt.db").string();
  std::ofstream(path) << std::string(8192, 'x');
  const auto r = OpenSqliteStore({path}, &clock_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find(path), std::string::npos);
  EXPECT_NE(r.error().message.find("damaged"), std::string::npos);
}

TEST_F(SqliteStoreTest, FullDiskRollsBackTheBatchWithAClearError) {
  const ProviderId p = AddProvider("demo:1");
  store_.reset();
  auto capped = OpenSqliteStore({(dir_ / "verder.db").string(), 64}, &clock_);
  ASSERT_TRUE(capped.ok());
  std::vector<CourseWithOfferings> batch;
  for (int i = 0; i < 2000; ++i) {
    batch.push_back(MakeCourse(p, "c" + std::to_string(i)));
    batch.back().course.description.nl = std::string(400, 'x');
  }
  const auto r = capped.value()->UpsertCourses(batch, Actor{"x"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(r.error().message.find("full"), std::string::npos);
  EXPECT_EQ(capped.value()->Counts().value().courses, 0);
}

TEST_F(SqliteStoreTest, LockedDatabaseGivesAClearError) {
  // Another connection holds the write lock for longer than the busy timeout allows.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "verder.db").string().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  Provider p;
  p.key = "k";
  p.name = "n";
  const auto r = store_->UpsertProviders({p}, Actor{"x"});
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(r.error().message.find("locked"), std::string::npos);
}

TEST_F(SqliteStoreTest, ViewCountersAddUpAcrossFlushesAndRestarts) {
  ASSERT_TRUE(store_->AddViewCounts({{{7, 2}, {9, 1}}, {{7, 9, 1}}}).ok());
  ASSERT_TRUE(store_->AddViewCounts({{{7, 3}}, {{7, 9, 2}}}).ok());
  store_ = Open();  // the counters survive a restart
  const ViewCounts counts = store_->LoadViewCounts().value();
  std::map<CourseId, int64_t> views(counts.views.begin(), counts.views.end());
  EXPECT_EQ(views, (std::map<CourseId, int64_t>{{7, 5}, {9, 1}}));
  ASSERT_EQ(counts.pairs.size(), 1U);
  EXPECT_EQ(counts.pairs[0].a, 7);
  EXPECT_EQ(counts.pairs[0].b, 9);
  EXPECT_EQ(counts.pairs[0].together, 3);
  // A pair out of order breaks the table's rule and lands nothing: the batch is one transaction.
  EXPECT_FALSE(store_->AddViewCounts({{{7, 1}}, {{9, 7, 1}}}).ok());
  const ViewCounts after = store_->LoadViewCounts().value();
  EXPECT_EQ((std::map<CourseId, int64_t>(after.views.begin(), after.views.end())),
            (std::map<CourseId, int64_t>{{7, 5}, {9, 1}}));
}

}  // namespace
}  // namespace verder
