// API keys: their shape, what is stored, and who a header authenticates as.
#include "auth/api_keys.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "auth/accounts.h"
#include "store/sqlite/sqlite_store.h"

namespace verder {
namespace {

class ApiKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("verder-auth-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = OpenSqliteStore({DbPath()}, &clock_);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
    store_ = std::move(s).value();
    Provider a;
    a.key = "kvk:11111111";
    a.name = "Aanbieder A";
    Provider b = a;
    b.key = "kvk:22222222";
    b.name = "Aanbieder B";
    const UpsertReport r = store_->UpsertProviders({a, b}, Actor{"test"}).value();
    provider_a_ = r.ids.at(0);
    provider_b_ = r.ids.at(1);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string DbPath() const { return (dir_ / "verder.db").string(); }
  // Makes and stores a key; returns it with its store id.
  std::pair<GeneratedKey, int64_t> MakeKey(std::optional<ProviderId> provider) {
    GeneratedKey k = GenerateApiKey();
    ApiKeyRecord record;
    record.provider_id = provider;
    record.key_id = k.key_id;
    record.secret_hash = k.secret_hash;
    const int64_t id = store_->CreateApiKey(record, Actor{"test"}).value();
    return {k, id};
  }
  Result<Principal> Auth(const std::string& header) {
    return ApiKeyAuthenticator(store_.get()).Authenticate(header);
  }
  static void ExpectUnauthenticated(const Result<Principal>& r) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }

  std::filesystem::path dir_;
  FixedClock clock_{1'750'000'000};
  std::unique_ptr<Store> store_;
  ProviderId provider_a_ = 0;
  ProviderId provider_b_ = 0;
};

TEST_F(ApiKeysTest, GeneratedKeysDifferAndParseIntoTheirParts) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const GeneratedKey k = GenerateApiKey();
    EXPECT_TRUE(seen.insert(k.plaintext).second);
    ASSERT_EQ(k.plaintext.size(), 3 + kApiKeyIdChars + 1 + kApiKeySecretChars);
    EXPECT_EQ(k.plaintext.substr(0, 3), "vk_");
    const std::optional<ParsedApiKey> parsed = ParseApiKey(k.plaintext);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(parsed->key_id, k.key_id);
    EXPECT_EQ(k.plaintext, "vk_" + parsed->key_id + "_" + parsed->secret);
    EXPECT_TRUE(ApiKeySecretMatches(k.key_id, parsed->secret, k.secret_hash));
  }
}

TEST_F(ApiKeysTest, HashIsNeitherTheKeyNorContainsItsSecret) {
  const GeneratedKey k = GenerateApiKey();
  const ParsedApiKey parsed = ParseApiKey(k.plaintext).value();
  EXPECT_EQ(k.secret_hash.size(), 64U);
  EXPECT_NE(k.secret_hash, k.plaintext);
  EXPECT_EQ(k.secret_hash.find(parsed.secret), std::string::npos);
  EXPECT_EQ(HashApiKeySecret(k.key_id, parsed.secret), k.secret_hash);
  // Bound to its key id: the same secret under another id hashes differently.
  EXPECT_NE(HashApiKeySecret("aaaaaaaaaaaa", parsed.secret), k.secret_hash);
}

TEST_F(ApiKeysTest, ParseRejectsWhatIsNotShapedLikeAKey) {
  const std::string good = GenerateApiKey().plaintext;
  EXPECT_FALSE(ParseApiKey("").has_value());
  EXPECT_FALSE(ParseApiKey("vk_").has_value());
  EXPECT_FALSE(ParseApiKey("xk" + good.substr(2)).has_value());
  EXPECT_FALSE(ParseApiKey(good + "a").has_value());
  EXPECT_FALSE(ParseApiKey(good.substr(0, good.size() - 1)).has_value());
  std::string upper = good;
  upper[20] = 'A';
  EXPECT_FALSE(ParseApiKey(upper).has_value());
  std::string no_separator = good;
  no_separator[15] = 'a';
  EXPECT_FALSE(ParseApiKey(no_separator).has_value());
}

TEST_F(ApiKeysTest, PlaintextIsStoredNowhere) {
  const auto [key, id] = MakeKey(provider_a_);
  const std::string secret = ParseApiKey(key.plaintext)->secret;
  store_.reset();  // close, so the whole database is in the main file

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(DbPath().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT * FROM api_keys", -1, &st, nullptr), SQLITE_OK);
  int rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    ++rows;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
      const std::string value = text != nullptr ? text : "";
      EXPECT_EQ(value.find(secret), std::string::npos) << sqlite3_column_name(st, c);
      EXPECT_NE(value, key.plaintext);
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_EQ(rows, 1);

  // Nor anywhere else in the file: not in another table, not in a freed page.
  std::ifstream file(DbPath(), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(secret), std::string::npos);
  EXPECT_NE(bytes.find(key.key_id), std::string::npos);
}

TEST_F(ApiKeysTest, GoodKeysAuthenticateAsTheirOwner) {
  const GeneratedKey provider_key = MakeKey(provider_a_).first;
  const GeneratedKey operator_key = MakeKey(std::nullopt).first;

  const Principal p = Auth("Bearer " + provider_key.plaintext).value();
  EXPECT_EQ(p.kind, PrincipalKind::kProvider);
  EXPECT_EQ(p.provider_id, provider_a_);
  EXPECT_EQ(p.key_id, provider_key.key_id);
  EXPECT_EQ(ActorFor(p).name, "provider:" + std::to_string(provider_a_) + "/key:" + p.key_id);

  const Principal o = Auth("Bearer " + operator_key.plaintext).value();
  EXPECT_EQ(o.kind, PrincipalKind::kOperator);
  EXPECT_EQ(o.provider_id, 0);
  EXPECT_EQ(o.key_id, operator_key.key_id);

  // The scheme is case-insensitive (RFC 7235) and surrounding blanks are allowed.
  EXPECT_TRUE(Auth("  bearer\t" + provider_key.plaintext + " ").ok());
  EXPECT_TRUE(Auth("BEARER " + provider_key.plaintext).ok());
}

TEST_F(ApiKeysTest, WrongUnknownAndRevokedKeysGetOneAnswer) {
  const auto [key, id] = MakeKey(provider_a_);
  const std::string key_id = key.key_id;

  std::string wrong_secret = key.plaintext;
  wrong_secret.back() = wrong_secret.back() == 'a' ? 'b' : 'a';
  const Result<Principal> wrong = Auth("Bearer " + wrong_secret);
  ExpectUnauthenticated(wrong);

  std::string unknown_id = key.plaintext;
  unknown_id[3] = unknown_id[3] == 'a' ? 'b' : 'a';
  const Result<Principal> unknown = Auth("Bearer " + unknown_id);
  ExpectUnauthenticated(unknown);

  ASSERT_TRUE(store_->RevokeApiKey(id, Actor{"test"}).ok());
  const Result<Principal> revoked = Auth("Bearer " + key.plaintext);
  ExpectUnauthenticated(revoked);

  EXPECT_EQ(wrong.error().message, unknown.error().message);
  EXPECT_EQ(wrong.error().message, revoked.error().message);
  // No answer repeats the key id or the secret.
  for (const auto* r : {&wrong, &unknown, &revoked}) {
    EXPECT_EQ(r->error().message.find(key_id), std::string::npos);
  }
}

TEST_F(ApiKeysTest, MissingOrMalformedHeaderIsUnauthenticated) {
  const GeneratedKey key = MakeKey(provider_a_).first;
  const std::vector<std::string> headers = {"",
                                            "   ",
                                            "Bearer",
                                            "Bearer ",
                                            "Basic " + key.plaintext,
                                            key.plaintext,
                                            "Bearer vk_short_key",
                                            "Bearer " + key.plaintext + " extra",
                                            "Bearer" + key.plaintext};
  for (const std::string& header : headers) {
    const Result<Principal> r = Auth(header);
    ExpectUnauthenticated(r);
    if (!r.ok()) {
      EXPECT_EQ(r.error().message.find(key.key_id), std::string::npos) << header;
    }
  }
}

TEST_F(ApiKeysTest, ProviderKeyMayTouchOnlyItsOwnProvider) {
  const Principal p = Auth("Bearer " + MakeKey(provider_a_).first.plaintext).value();
  EXPECT_TRUE(RequireProvider(p, provider_a_).ok());
  const Status other = RequireProvider(p, provider_b_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(ApiKeysTest, OperatorKeyMayTouchAnyProvider) {
  const Principal o = Auth("Bearer " + MakeKey(std::nullopt).first.plaintext).value();
  EXPECT_TRUE(RequireProvider(o, provider_a_).ok());
  EXPECT_TRUE(RequireProvider(o, provider_b_).ok());
  EXPECT_TRUE(RequireProvider(o, 999).ok());
}

TEST_F(ApiKeysTest, FunderKeyPublishesOnlyItsSchemesAndTouchesNoProvider) {
  const GeneratedKey made = MakeApiKey(store_.get(), std::nullopt, "UWV", Actor{"test"},
                                       {"stap-budget", "stap-ontwikkeladvies"})
                                .value();
  const Principal f = Auth("Bearer " + made.plaintext).value();
  EXPECT_EQ(f.kind, PrincipalKind::kFunder);
  EXPECT_EQ(f.schemes, (std::vector<std::string>{"stap-budget", "stap-ontwikkeladvies"}));
  EXPECT_EQ(ActorFor(f).name, "funder/key:" + f.key_id);
  EXPECT_TRUE(RequireSchemePublisher(f, "stap-budget").ok());
  EXPECT_TRUE(RequireSchemePublisher(f, "stap-ontwikkeladvies").ok());
  EXPECT_EQ(RequireSchemePublisher(f, "ppo").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(RequireProvider(f, provider_a_).error().code, ErrorCode::kPermissionDenied);
  // The operator publishes any scheme; a provider none.
  const Principal o = Auth("Bearer " + MakeKey(std::nullopt).first.plaintext).value();
  EXPECT_TRUE(RequireSchemePublisher(o, "ppo").ok());
  const Principal p = Auth("Bearer " + MakeKey(provider_a_).first.plaintext).value();
  EXPECT_EQ(RequireSchemePublisher(p, "stap-budget").error().code, ErrorCode::kPermissionDenied);
  // Scheme ids follow the scheme files' rule; a provider's key cannot be a funder's.
  EXPECT_EQ(MakeApiKey(store_.get(), std::nullopt, "x", Actor{"test"}, {"Bad Id"}).error().field,
            "schemes");
  EXPECT_EQ(MakeApiKey(store_.get(), provider_a_, "x", Actor{"test"}, {"ppo"}).error().field,
            "schemes");
}

}  // namespace
}  // namespace verder
