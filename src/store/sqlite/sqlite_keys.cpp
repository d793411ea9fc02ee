// API keys and stale providers: the accounts half of SqliteStore.
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

namespace {

// api_keys.schemes holds a funder key's scheme ids comma-separated (ids have no commas).
std::vector<std::string> SplitSchemeList(const std::string& text) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start < text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) ids.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return ids;
}

std::string JoinSchemeList(const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text += (text.empty() ? "" : ",") + id;
  return text;
}

constexpr const char* kKeyColumns =
    "SELECT id, provider_id, key_id, secret_hash, label, created_at, created_by, revoked_at, "
    "revoked_by, schemes FROM api_keys ";

ApiKeyRecord KeyFromRow(const SqliteStatement& row) {
  ApiKeyRecord k;
  k.id = row.ColumnInt(0);
  if (!row.ColumnIsNull(1)) k.provider_id = row.ColumnInt(1);
  k.key_id = row.ColumnText(2);
  k.secret_hash = row.ColumnText(3);
  k.label = row.ColumnText(4);
  k.created_at = row.ColumnInt(5);
  k.created_by = row.ColumnText(6);
  if (!row.ColumnIsNull(7)) k.revoked_at = row.ColumnInt(7);
  k.revoked_by = row.ColumnText(8);
  k.schemes = SplitSchemeList(row.ColumnText(9));
  return k;
}

}  // namespace

Result<int64_t> SqliteStore::CreateApiKey(const ApiKeyRecord& key, const Actor& actor) {
  if (key.key_id.empty()) return InvalidArgument("key_id", "is empty");
  if (key.secret_hash.empty()) return InvalidArgument("secret_hash", "is empty");
  if (key.provider_id && !key.schemes.empty()) {
    return InvalidArgument("schemes", "a provider's key cannot publish funding schemes");
  }
  for (const std::string& id : key.schemes) {
    if (id.empty() || id.find(',') != std::string::npos) {
      return InvalidArgument("schemes", "'" + id + "' is not a scheme id");
    }
  }
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  // Checked here rather than left to the constraints, so the caller gets NotFound or Conflict
  // with a plain message instead of an SQLite constraint error.
  if (key.provider_id) {
    VERDER_ASSIGN_OR_RETURN(SqliteStatement * provider,
                            Stmt("SELECT 1 FROM providers WHERE id = ?"));
    provider->Bind(1, *key.provider_id);
    VERDER_ASSIGN_OR_RETURN(bool found, provider->Step());
    provider->Reset();
    if (!found) return NotFound("no provider with id " + std::to_string(*key.provider_id));
  }
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * taken, Stmt("SELECT 1 FROM api_keys WHERE key_id = ?"));
  taken->Bind(1, key.key_id);
  VERDER_ASSIGN_OR_RETURN(bool is_taken, taken->Step());
  taken->Reset();
  if (is_taken) return Error{ErrorCode::kConflict, "key_id", "an API key with this id exists"};

  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * insert,
      Stmt("INSERT INTO api_keys(provider_id, key_id, secret_hash, label, created_at, "
           "created_by, schemes) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  if (key.provider_id) {
    insert->Bind(1, *key.provider_id);
  } else {
    insert->BindNull(1);
  }
  insert->Bind(2, key.key_id);
  insert->Bind(3, key.secret_hash);
  insert->Bind(4, key.label);
  insert->Bind(5, clock_->NowUnixSeconds());
  insert->Bind(6, actor.name);
  insert->Bind(7, JoinSchemeList(key.schemes));
  VERDER_RETURN_IF_ERROR(insert->Run());
  const int64_t id = db_.LastInsertRowId();
  VERDER_RETURN_IF_ERROR(tx.Commit());
  return id;
}

Result<std::optional<ApiKeyRecord>> SqliteStore::FindApiKey(std::string_view key_id) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find,
                          Stmt(std::string(kKeyColumns) + "WHERE key_id = ?"));
  find->Bind(1, key_id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return std::optional<ApiKeyRecord>();
  ApiKeyRecord key = KeyFromRow(*find);
  find->Reset();
  return std::optional<ApiKeyRecord>(std::move(key));
}

Status SqliteStore::RevokeApiKey(int64_t id, const Actor& actor) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find, Stmt("SELECT 1 FROM api_keys WHERE id = ?"));
  find->Bind(1, id);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  find->Reset();
  if (!found) return NotFound("no API key with id " + std::to_string(id));
  // A second revocation changes nothing: the first one is when the key stopped working.
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * revoke,
      Stmt("UPDATE api_keys SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS "
           "NULL"));
  revoke->Bind(1, clock_->NowUnixSeconds());
  revoke->Bind(2, actor.name);
  revoke->Bind(3, id);
  VERDER_RETURN_IF_ERROR(revoke->Run());
  return tx.Commit();
}

Result<std::vector<ApiKeyRecord>> SqliteStore::ListApiKeys(std::optional<ProviderId> provider) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * list,
                          Stmt(std::string(kKeyColumns) +
                               (provider ? "WHERE provider_id = ? ORDER BY id" : "ORDER BY id")));
  if (provider) list->Bind(1, *provider);
  return AllRows<ApiKeyRecord>(list, KeyFromRow);
}

Result<std::vector<StaleProvider>> SqliteStore::StaleProviders(int64_t older_than_utc_seconds) {
  std::lock_guard lock(mu_);
  // updated_at moves only when something really changed (an identical upsert leaves it), so it
  // is "last changed", not "last sent". The courses' unique (provider_id, external_id) index
  // serves the inner MAX.
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * list,
      Stmt("SELECT id, doc, last_change FROM (SELECT p.id AS id, p.doc AS doc, "
           "MAX(p.updated_at, COALESCE((SELECT MAX(c.updated_at) FROM courses c "
           "WHERE c.provider_id = p.id), 0)) AS last_change FROM providers p) "
           "WHERE last_change < ? ORDER BY last_change, id"));
  list->Bind(1, older_than_utc_seconds);
  std::vector<StaleProvider> stale;
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, list->Step());
    if (!row) break;
    VERDER_ASSIGN_OR_RETURN(Provider p, ProviderFromRow(list->ColumnInt(0), list->ColumnText(1)));
    stale.push_back({std::move(p), list->ColumnInt(2)});
  }
  return stale;
}

}  // namespace verder
