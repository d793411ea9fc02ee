#include "store/sqlite/sqlite_backup.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"

namespace verder {
namespace {

class SqliteBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("verder-backup-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<Store> OpenAt(const std::string& path) {
    auto s = OpenSqliteStore({path}, &clock_);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().ToString());
    return s.ok() ? std::move(s).value() : nullptr;
  }

  // A store at `path` with one provider and `courses` courses.
  void Fill(Store* store, int first, int courses) {
    Provider p;
    p.key = "kvk:1";
    p.name = "Leerhuis";
    const ProviderId provider = store->UpsertProviders({p}, Actor{"test"}).value().ids.at(0);
    std::vector<CourseWithOfferings> batch;
    for (int i = first; i < first + courses; ++i) {
      CourseWithOfferings c;
      c.course.provider_id = provider;
      c.course.external_id = "c-" + std::to_string(i);
      c.course.title.nl = "Cursus " + std::to_string(i);
      batch.push_back(c);
    }
    ASSERT_TRUE(store->UpsertCourses(batch, Actor{"test"}).ok());
  }

  static int64_t CoursesIn(Store* store) { return store->Counts().value().courses; }

  std::filesystem::path dir_;
  FixedClock clock_{1'750'000'000};
};

TEST_F(SqliteBackupTest, BackupHoldsEverythingCommittedAndRestoreBringsItBack) {
  const std::string db = PathOf("verder.db");
  const std::string backup = PathOf("backup.db");
  {
    std::unique_ptr<Store> store = OpenAt(db);
    Fill(store.get(), 0, 50);
    // Taken while the store is open, as from a running server.
    ASSERT_TRUE(BackupDatabase(db, backup).ok());
    Fill(store.get(), 50, 25);  // after the backup: must be gone after the restore
    EXPECT_EQ(CoursesIn(store.get()), 75);
  }
  EXPECT_FALSE(std::filesystem::exists(backup + ".partial"));
  EXPECT_EQ(CoursesIn(OpenAt(backup).get()), 50);

  const Status restored = RestoreDatabase(backup, db);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  std::unique_ptr<Store> store = OpenAt(db);
  EXPECT_EQ(CoursesIn(store.get()), 50);
  EXPECT_EQ(store->GetCourse(store->Counts().value().courses).value().course.title.nl, "Cursus 49");
}

TEST_F(SqliteBackupTest, BackupNeverOverwritesAFile) {
  const std::string db = PathOf("verder.db");
  Fill(OpenAt(db).get(), 0, 3);
  const std::string existing = PathOf("existing.db");
  std::ofstream(existing) << "keep me";
  const Status s = BackupDatabase(db, existing);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("exists"), std::string::npos) << s.error().message;
  std::ifstream in(existing);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "keep me");
  EXPECT_FALSE(BackupDatabase(PathOf("missing.db"), PathOf("b.db")).ok());
  EXPECT_FALSE(std::filesystem::exists(PathOf("b.db")));
}

TEST_F(SqliteBackupTest, RestoreRefusesDamagedOrForeignFilesAndKeepsTheDatabase) {
  const std::string db = PathOf("verder.db");
  const std::string backup = PathOf("backup.db");
  Fill(OpenAt(db).get(), 0, 200);
  ASSERT_TRUE(BackupDatabase(db, backup).ok());

  // Cut off halfway, as a copy interrupted by a full disk.
  const std::string truncated = PathOf("truncated.db");
  std::filesystem::copy_file(backup, truncated);
  std::filesystem::resize_file(truncated, std::filesystem::file_size(backup) / 2);
  // Some other program's SQLite database.
  const std::string foreign = PathOf("foreign.db");
  {
    SqliteDb other = SqliteDb::Open(foreign).value();
    ASSERT_TRUE(other.Exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')").ok());
  }
  // Not a database at all.
  const std::string text = PathOf("text.db");
  std::ofstream(text) << "this is not a database\n";

  for (const std::string& bad : {truncated, foreign, text, PathOf("missing.db")}) {
    const Status s = RestoreDatabase(bad, db);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_EQ(CoursesIn(OpenAt(db).get()), 200) << bad;
  }
}

}  // namespace
}  // namespace verder
