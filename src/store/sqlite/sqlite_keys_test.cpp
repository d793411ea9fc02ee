// API keys and stale providers in the SQLite store.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/sqlite/sqlite_store.h"

namespace verder {
namespace {

constexpr int64_t kStart = 1'750'000'000;
constexpr int64_t kDay = 86'400;

class SqliteKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("verder-keys-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = OpenSqliteStore({(dir_ / "verder.db").string()}, &clock_);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  ProviderId AddProvider(const std::string& key) {
    Provider p;
    p.key = key;
    p.name = "Aanbieder " + key;
    return store_->UpsertProviders({p}, Actor{"test"}).value().ids.at(0);
  }
  CourseId AddCourse(ProviderId provider, const std::string& id, const std::string& title) {
    CourseWithOfferings c;
    c.course.provider_id = provider;
    c.course.external_id = id;
    c.course.title.nl = title;
    return store_->UpsertCourses({c}, Actor{"test"}).value().ids.at(0);
  }
  static ApiKeyRecord Key(std::optional<ProviderId> provider, const std::string& key_id) {
    ApiKeyRecord k;
    k.provider_id = provider;
    k.key_id = key_id;
    k.secret_hash = "hash-of-" + key_id;
    k.label = "label " + key_id;
    return k;
  }

  std::filesystem::path dir_;
  FixedClock clock_{kStart};
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteKeysTest, CreatedKeyIsFoundWithWhoAndWhen) {
  const ProviderId p = AddProvider("kvk:12345678");
  const int64_t id = store_->CreateApiKey(Key(p, "aaaaaaaaaaaa"), Actor{"operator:cli"}).value();
  const std::optional<ApiKeyRecord> got = store_->FindApiKey("aaaaaaaaaaaa").value();
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->provider_id, p);
  EXPECT_EQ(got->secret_hash, "hash-of-aaaaaaaaaaaa");
  EXPECT_EQ(got->label, "label aaaaaaaaaaaa");
  EXPECT_EQ(got->created_at, kStart);
  EXPECT_EQ(got->created_by, "operator:cli");
  EXPECT_FALSE(got->revoked_at.has_value());
  EXPECT_FALSE(store_->FindApiKey("bbbbbbbbbbbb").value().has_value());
}

TEST_F(SqliteKeysTest, OperatorKeyHasNoProvider) {
  ASSERT_TRUE(store_->CreateApiKey(Key(std::nullopt, "operator0001"), Actor{"t"}).ok());
  EXPECT_FALSE(store_->FindApiKey("operator0001").value()->provider_id.has_value());
}

TEST_F(SqliteKeysTest, KeyForUnknownProviderIsNotFoundAndTakenIdIsConflict) {
  const ProviderId p = AddProvider("kvk:12345678");
  EXPECT_EQ(store_->CreateApiKey(Key(p + 100, "aaaaaaaaaaaa"), Actor{"t"}).error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(store_->CreateApiKey(Key(p, "aaaaaaaaaaaa"), Actor{"t"}).ok());
  EXPECT_EQ(store_->CreateApiKey(Key(p, "aaaaaaaaaaaa"), Actor{"t"}).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(store_->ListApiKeys(std::nullopt).value().size(), 1U);
}

TEST_F(SqliteKeysTest, RevokeKeepsTheFirstTimeAndUnknownIsNotFound) {
  const int64_t id =
      store_->CreateApiKey(Key(std::nullopt, "aaaaaaaaaaaa"), Actor{"operator:cli"}).value();
  clock_.Advance(60);
  ASSERT_TRUE(store_->RevokeApiKey(id, Actor{"operator:anna"}).ok());
  clock_.Advance(60);
  ASSERT_TRUE(store_->RevokeApiKey(id, Actor{"operator:bob"}).ok());
  const ApiKeyRecord got = store_->FindApiKey("aaaaaaaaaaaa").value().value();
  EXPECT_EQ(got.revoked_at, kStart + 60);
  EXPECT_EQ(got.revoked_by, "operator:anna");
  EXPECT_EQ(store_->RevokeApiKey(id + 1, Actor{"t"}).error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteKeysTest, KeyEventsStayOutOfTheChangeSequence) {
  const int64_t before = store_->Counts().value().last_seq;
  const int64_t id = store_->CreateApiKey(Key(std::nullopt, "aaaaaaaaaaaa"), Actor{"t"}).value();
  ASSERT_TRUE(store_->RevokeApiKey(id, Actor{"t"}).ok());
  EXPECT_EQ(store_->Counts().value().last_seq, before);
}

TEST_F(SqliteKeysTest, ListsAllKeysOrOneProvidersInIdOrder) {
  const ProviderId a = AddProvider("kvk:11111111");
  const ProviderId b = AddProvider("kvk:22222222");
  ASSERT_TRUE(store_->CreateApiKey(Key(a, "a00000000001"), Actor{"t"}).ok());
  ASSERT_TRUE(store_->CreateApiKey(Key(b, "b00000000001"), Actor{"t"}).ok());
  ASSERT_TRUE(store_->CreateApiKey(Key(std::nullopt, "o00000000001"), Actor{"t"}).ok());
  ASSERT_TRUE(store_->CreateApiKey(Key(a, "a00000000002"), Actor{"t"}).ok());

  const std::vector<ApiKeyRecord> all = store_->ListApiKeys(std::nullopt).value();
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[0].key_id, "a00000000001");
  EXPECT_EQ(all[2].key_id, "o00000000001");
  const std::vector<ApiKeyRecord> of_a = store_->ListApiKeys(a).value();
  ASSERT_EQ(of_a.size(), 2U);
  EXPECT_EQ(of_a[0].key_id, "a00000000001");
  EXPECT_EQ(of_a[1].key_id, "a00000000002");
  EXPECT_TRUE(store_->ListApiKeys(b + 10).value().empty());
}

TEST_F(SqliteKeysTest, StaleProvidersCountCourseChangesOldestFirst) {
  // Day 0: three providers. Day 100: a course for `fresh`. Day 200: `renamed` is renamed.
  const ProviderId quiet = AddProvider("kvk:11111111");
  const ProviderId fresh = AddProvider("kvk:22222222");
  const ProviderId renamed = AddProvider("kvk:33333333");
  clock_.Advance(100 * kDay);
  AddCourse(fresh, "c1", "Cursus");
  clock_.Advance(100 * kDay);
  Provider p = store_->GetProvider(renamed).value();
  p.name = "Nieuwe naam";
  ASSERT_TRUE(store_->UpsertProviders({p}, Actor{"test"}).ok());
  // Sending the same course again is not a change and must not make `fresh` look recent.
  clock_.Advance(100 * kDay);
  AddCourse(fresh, "c1", "Cursus");

  const auto ids_before = [&](int64_t cutoff) {
    const std::vector<StaleProvider> stale = store_->StaleProviders(cutoff).value();
    std::vector<ProviderId> ids;
    ids.reserve(stale.size());
    for (const StaleProvider& s : stale) {
      ids.push_back(s.provider.id);
    }
    return ids;
  };
  EXPECT_TRUE(ids_before(kStart).empty());
  EXPECT_EQ(ids_before(kStart + 1), std::vector<ProviderId>({quiet}));
  EXPECT_EQ(ids_before(kStart + 150 * kDay), std::vector<ProviderId>({quiet, fresh}));
  EXPECT_EQ(ids_before(kStart + 300 * kDay), std::vector<ProviderId>({quiet, fresh, renamed}));

  const std::vector<StaleProvider> all = store_->StaleProviders(kStart + 300 * kDay).value();
  EXPECT_EQ(all[0].last_change_at, kStart);
  EXPECT_EQ(all[1].last_change_at, kStart + 100 * kDay);
  EXPECT_EQ(all[2].last_change_at, kStart + 200 * kDay);
  EXPECT_EQ(all[2].provider.name, "Nieuwe naam");
}

TEST_F(SqliteKeysTest, WithdrawingACourseCountsAsAChange) {
  const ProviderId p = AddProvider("kvk:11111111");
  const CourseId c = AddCourse(p, "c1", "Cursus");
  clock_.Advance(10 * kDay);
  ASSERT_TRUE(store_->WithdrawCourse(c, Actor{"t"}).ok());
  EXPECT_TRUE(store_->StaleProviders(kStart + 5 * kDay).value().empty());
}

TEST_F(SqliteKeysTest, FunderKeysKeepTheirSchemesAndProviderKeysCannotHaveAny) {
  ApiKeyRecord funder = Key(std::nullopt, "ffffffffffff");
  funder.schemes = {"stap-budget", "sector-fund:metal"};
  ASSERT_TRUE(store_->CreateApiKey(funder, Actor{"operator:cli"}).ok());
  const ApiKeyRecord found = store_->FindApiKey("ffffffffffff").value().value();
  EXPECT_EQ(found.schemes, (std::vector<std::string>{"stap-budget", "sector-fund:metal"}));
  EXPECT_FALSE(found.provider_id.has_value());
  // The operator's key has no list.
  ASSERT_TRUE(store_->CreateApiKey(Key(std::nullopt, "oooooooooooo"), Actor{"operator:cli"}).ok());
  EXPECT_TRUE(store_->FindApiKey("oooooooooooo").value()->schemes.empty());
  // A provider's key publishes no schemes; a list with a comma or an empty id is refused.
  ApiKeyRecord provider = Key(AddProvider("kvk:12345678"), "pppppppppppp");
  provider.schemes = {"stap-budget"};
  EXPECT_EQ(store_->CreateApiKey(provider, Actor{"operator:cli"}).error().field, "schemes");
  ApiKeyRecord comma = Key(std::nullopt, "cccccccccccc");
  comma.schemes = {"a,b"};
  EXPECT_EQ(store_->CreateApiKey(comma, Actor{"operator:cli"}).error().field, "schemes");
  EXPECT_FALSE(store_->FindApiKey("cccccccccccc").value().has_value());
}

TEST_F(SqliteKeysTest, SchemeVersionsCountUpPerSchemeAndKeepEveryVersion) {
  EXPECT_TRUE(store_->LatestSchemeVersions().value().empty());
  EXPECT_TRUE(store_->SchemeHistory("stap-budget").value().empty());
  const SchemeVersion first =
      store_->PublishSchemeVersion("stap-budget", "{\"v\": 1}", Actor{"funder/key:f"}).value();
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.published_at, kStart);
  EXPECT_EQ(first.published_by, "funder/key:f");
  clock_.Advance(kDay);
  ASSERT_TRUE(store_->PublishSchemeVersion("ppo", "{\"p\": 1}", Actor{"operator"}).ok());
  const SchemeVersion second =
      store_->PublishSchemeVersion("stap-budget", "{\"v\": 2}", Actor{"operator"}).value();
  EXPECT_EQ(second.version, 2);
  // The latest of each, in order of first publication.
  const std::vector<SchemeVersion> latest = store_->LatestSchemeVersions().value();
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_EQ(latest[0].scheme_id, "stap-budget");
  EXPECT_EQ(latest[0].definition, "{\"v\": 2}");
  EXPECT_EQ(latest[1].scheme_id, "ppo");
  const std::vector<SchemeVersion> history = store_->SchemeHistory("stap-budget").value();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].definition, "{\"v\": 1}");
  EXPECT_EQ(history[1].published_at, kStart + kDay);
  EXPECT_EQ(store_->PublishSchemeVersion("", "{}", Actor{"operator"}).error().field, "id");
}

TEST_F(SqliteKeysTest, SavedAnswersLastUntilTheyExpireOrAreDeleted) {
  ASSERT_TRUE(store_->SaveAnswers("lookup-a", "sealed-a", kStart + kDay).ok());
  ASSERT_TRUE(store_->SaveAnswers("lookup-b", "sealed-b", kStart + 3 * kDay).ok());
  EXPECT_EQ(store_->SaveAnswers("lookup-a", "other", kStart + kDay).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(store_->LoadAnswers("lookup-a").value(), "sealed-a");
  EXPECT_FALSE(store_->LoadAnswers("lookup-c").value().has_value());
  // Expired answers are not given out, and the next save removes them from the file.
  clock_.Advance(2 * kDay);
  EXPECT_FALSE(store_->LoadAnswers("lookup-a").value().has_value());
  ASSERT_TRUE(store_->SaveAnswers("lookup-c", "sealed-c", kStart + 9 * kDay).ok());
  EXPECT_FALSE(store_->DeleteAnswers("lookup-a").value());  // already gone
  EXPECT_TRUE(store_->DeleteAnswers("lookup-b").value());
  EXPECT_FALSE(store_->LoadAnswers("lookup-b").value().has_value());
  EXPECT_EQ(store_->LoadAnswers("lookup-c").value(), "sealed-c");
}

}  // namespace
}  // namespace verder
