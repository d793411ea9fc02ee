// Black-box test of `verder admin`: the operator adds a provider, makes, lists and revokes its
// API key, and asks for stale providers — through the real binary and its real database.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <regex>

#include "tests/test_paths.h"
#include "tests/verder_process.h"

namespace verder {
namespace {

using testing::QueryInt;
using testing::QueryText;
using testing::ReadAll;

struct CliRun {
  int exit_code = 0;
  std::string output;  // stdout and stderr, in order
};

class AdminCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = (dir_ / "verder.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  CliRun Admin(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--db", db_, "admin"};
    all.insert(all.end(), args.begin(), args.end());
    const std::string log = (dir_ / ("run" + std::to_string(++runs_) + ".log")).string();
    const int code = testing::WaitExit(testing::Spawn(all, log));
    return {code, ReadAll(log)};
  }
  void Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  static bool Has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  std::filesystem::path dir_;
  std::string db_;
  int runs_ = 0;
};

TEST_F(AdminCliTest, ProviderKeyLifecycleAndStaleList) {
  const CliRun added = Admin({"provider-add", "--key", "kvk:12345678", "--name", "Leerhuis Utrecht",
                              "--website", "https://leerhuis.example"});
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_EQ(added.output, "1\n");
  EXPECT_EQ(QueryText(db_, "SELECT json_extract(doc, '$.kvk') FROM providers"), "12345678");

  const CliRun listed = Admin({"providers"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_TRUE(Has(listed.output, "kvk:12345678")) << listed.output;
  EXPECT_TRUE(Has(listed.output, "Leerhuis Utrecht")) << listed.output;

  const CliRun created = Admin({"key-create", "--provider", "1", "--label", "feed server"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(created.output, m, std::regex("^vk_([a-z2-7]{12})_([a-z2-7]{52})\n")))
      << created.output;
  const std::string key_id = m[1];
  const std::string secret = m[2];
  EXPECT_TRUE(Has(created.output, "only time it is shown")) << created.output;
  const std::string hash = QueryText(db_, "SELECT secret_hash FROM api_keys");
  EXPECT_EQ(QueryText(db_, "SELECT key_id FROM api_keys"), key_id);
  EXPECT_FALSE(Has(hash, secret));
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM api_keys WHERE secret_hash LIKE '%" + secret +
                              "%' OR label LIKE '%" + secret + "%'"),
            0);

  const CliRun keys = Admin({"keys"});
  ASSERT_EQ(keys.exit_code, 0) << keys.output;
  EXPECT_TRUE(Has(keys.output, key_id)) << keys.output;
  EXPECT_TRUE(Has(keys.output, "provider 1 kvk:12345678")) << keys.output;
  EXPECT_TRUE(Has(keys.output, "feed server")) << keys.output;
  EXPECT_FALSE(Has(keys.output, hash)) << keys.output;
  EXPECT_FALSE(Has(keys.output, secret)) << keys.output;

  const CliRun revoked = Admin({"key-revoke", key_id});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.output;
  EXPECT_TRUE(Has(revoked.output, "Revoked API key " + key_id)) << revoked.output;
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM api_keys WHERE revoked_at IS NOT NULL"), 1);
  const CliRun again = Admin({"key-revoke", key_id});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(Has(again.output, "revoked already")) << again.output;
  const CliRun after = Admin({"keys", "--provider", "1"});
  EXPECT_TRUE(Has(after.output, key_id)) << after.output;
  EXPECT_FALSE(Has(after.output, "  -\n")) << "the revoked column is filled: " << after.output;

  const CliRun fresh = Admin({"stale", "--years", "2"});
  ASSERT_EQ(fresh.exit_code, 0) << fresh.output;
  EXPECT_TRUE(Has(fresh.output, "No provider")) << fresh.output;
  // 2001-09-09: long enough ago for any --years the test may be run with.
  Exec("UPDATE providers SET updated_at = 1000000000");
  const CliRun stale = Admin({"stale", "--years", "2"});
  ASSERT_EQ(stale.exit_code, 0) << stale.output;
  EXPECT_TRUE(Has(stale.output, "kvk:12345678")) << stale.output;
  EXPECT_TRUE(Has(stale.output, "2001-09-09")) << stale.output;
  EXPECT_TRUE(Has(stale.output, "1 providers unchanged since")) << stale.output;
}

TEST_F(AdminCliTest, OperatorKeyHasNoProvider) {
  const CliRun created = Admin({"key-create", "--operator"});
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM api_keys WHERE provider_id IS NULL"), 1);
  const CliRun keys = Admin({"keys"});
  EXPECT_TRUE(Has(keys.output, "operator")) << keys.output;
}

TEST_F(AdminCliTest, MistakesFailWithAReasonAndChangeNothing) {
  ASSERT_EQ(Admin({"provider-add", "--key", "kvk:12345678", "--name", "A"}).exit_code, 0);

  const CliRun twice = Admin({"provider-add", "--key", "kvk:12345678", "--name", "B"});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_TRUE(Has(twice.output, "exists already, with id 1")) << twice.output;
  const CliRun no_scheme = Admin({"provider-add", "--key", "12345678", "--name", "B"});
  EXPECT_EQ(no_scheme.exit_code, 1);
  EXPECT_TRUE(Has(no_scheme.output, "scheme:value")) << no_scheme.output;
  const CliRun bad_kvk = Admin({"provider-add", "--key", "kvk:123", "--name", "B"});
  EXPECT_EQ(bad_kvk.exit_code, 1);
  EXPECT_TRUE(Has(bad_kvk.output, "8 digits")) << bad_kvk.output;
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM providers"), 1);

  const CliRun no_owner = Admin({"key-create"});
  EXPECT_NE(no_owner.exit_code, 0);
  const CliRun both = Admin({"key-create", "--provider", "1", "--operator"});
  EXPECT_NE(both.exit_code, 0);
  const CliRun unknown_provider = Admin({"key-create", "--provider", "99"});
  EXPECT_EQ(unknown_provider.exit_code, 1);
  EXPECT_TRUE(Has(unknown_provider.output, "no provider with id 99")) << unknown_provider.output;
  EXPECT_EQ(QueryInt(db_, "SELECT COUNT(*) FROM api_keys"), 0);

  const CliRun unknown_key = Admin({"key-revoke", "aaaaaaaaaaaa"});
  EXPECT_EQ(unknown_key.exit_code, 1);
  EXPECT_TRUE(Has(unknown_key.output, "no API key with id aaaaaaaaaaaa")) << unknown_key.output;
}

}  // namespace
}  // namespace verder
