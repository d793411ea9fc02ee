// Reference data (regions, municipalities, postcodes, vocabulary), meta values and counts.
#include "store/sqlite/sqlite_store_impl.h"

namespace verder {

using nlohmann::json;

namespace {

Status InsertVocabulary(SqliteStatement* insert, const char* kind,
                        const std::vector<VocabularyTerm>& terms) {
  for (const VocabularyTerm& t : terms) {
    insert->Bind(1, std::string_view(kind));
    insert->Bind(2, t.source);
    insert->Bind(3, t.uri);
    insert->Bind(4, t.label);
    insert->Bind(5, json(t.alt_labels).dump());
    insert->Bind(6, t.isco_code);
    VERDER_RETURN_IF_ERROR(insert->Run());
  }
  return Status();
}

}  // namespace

Status SqliteStore::ReplaceReferenceData(const ReferenceData& data) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::Begin(&db_));
  VERDER_RETURN_IF_ERROR(
      db_.Exec("DELETE FROM vocabulary; DELETE FROM postcodes; "
               "DELETE FROM municipalities; DELETE FROM regions;"));
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * region,
                          Stmt("INSERT INTO regions(id, name) VALUES (?, ?)"));
  for (const LabourMarketRegion& r : data.regions) {
    region->Bind(1, static_cast<int64_t>(r.id));
    region->Bind(2, r.name);
    VERDER_RETURN_IF_ERROR(region->Run());
  }
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * municipality,
      Stmt("INSERT INTO municipalities(code, name, province, region_id) VALUES (?, ?, ?, ?)"));
  for (const Municipality& m : data.municipalities) {
    municipality->Bind(1, m.code);
    municipality->Bind(2, m.name);
    municipality->Bind(3, m.province);
    municipality->Bind(4, static_cast<int64_t>(m.region_id));
    VERDER_RETURN_IF_ERROR(municipality->Run());
  }
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * postcode,
                          Stmt("INSERT INTO postcodes(pc4, lat, lon, place, municipality_code) "
                               "VALUES (?, ?, ?, ?, ?)"));
  for (const Postcode4& p : data.postcodes) {
    postcode->Bind(1, p.pc4);
    postcode->Bind(2, p.lat);
    postcode->Bind(3, p.lon);
    postcode->Bind(4, p.place);
    postcode->Bind(5, p.municipality_code);
    VERDER_RETURN_IF_ERROR(postcode->Run());
  }
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * vocab,
                          Stmt("INSERT INTO vocabulary(kind, source, uri, label, alt_labels, "
                               "isco_code) VALUES (?, ?, ?, ?, ?, ?)"));
  VERDER_RETURN_IF_ERROR(InsertVocabulary(vocab, "occupation", data.occupations));
  VERDER_RETURN_IF_ERROR(InsertVocabulary(vocab, "skill", data.skills));
  return tx.Commit();
}

Result<ReferenceData> SqliteStore::LoadReferenceData() {
  std::lock_guard lock(mu_);
  ReferenceData data;
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * regions,
                          Stmt("SELECT id, name FROM regions ORDER BY id"));
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, regions->Step());
    if (!row) break;
    data.regions.push_back({static_cast<int>(regions->ColumnInt(0)), regions->ColumnText(1)});
  }
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * municipalities,
      Stmt("SELECT code, name, province, region_id FROM municipalities ORDER BY code"));
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, municipalities->Step());
    if (!row) break;
    data.municipalities.push_back({municipalities->ColumnText(0), municipalities->ColumnText(1),
                                   municipalities->ColumnText(2),
                                   static_cast<int>(municipalities->ColumnInt(3))});
  }
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * postcodes,
      Stmt("SELECT pc4, lat, lon, place, municipality_code FROM postcodes ORDER BY pc4"));
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, postcodes->Step());
    if (!row) break;
    data.postcodes.push_back({postcodes->ColumnText(0), postcodes->ColumnDouble(1),
                              postcodes->ColumnDouble(2), postcodes->ColumnText(3),
                              postcodes->ColumnText(4)});
  }
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * vocab,
                          Stmt("SELECT kind, source, uri, label, alt_labels, isco_code FROM "
                               "vocabulary ORDER BY kind, uri"));
  while (true) {
    VERDER_ASSIGN_OR_RETURN(bool row, vocab->Step());
    if (!row) break;
    VocabularyTerm t{
        vocab->ColumnText(1), vocab->ColumnText(2), vocab->ColumnText(3), {}, vocab->ColumnText(5)};
    const json alt = json::parse(vocab->ColumnText(4), nullptr, false);
    if (alt.is_array()) {
      for (const auto& a : alt) {
        if (a.is_string()) t.alt_labels.push_back(a.get<std::string>());
      }
    }
    (vocab->ColumnText(0) == "occupation" ? data.occupations : data.skills).push_back(std::move(t));
  }
  return data;
}

Result<std::optional<std::string>> SqliteStore::GetMeta(const std::string& key) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(SqliteStatement * find, Stmt("SELECT value FROM meta WHERE key = ?"));
  find->Bind(1, key);
  VERDER_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return std::optional<std::string>();
  std::string value = find->ColumnText(0);
  find->Reset();
  return std::optional<std::string>(std::move(value));
}

Status SqliteStore::SetMeta(const std::string& key, const std::string& value) {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * upsert,
      Stmt("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
           "excluded.value"));
  upsert->Bind(1, key);
  upsert->Bind(2, value);
  return upsert->Run();
}

Result<StoreCounts> SqliteStore::Counts() {
  std::lock_guard lock(mu_);
  VERDER_ASSIGN_OR_RETURN(
      SqliteStatement * count,
      Stmt("SELECT (SELECT COUNT(*) FROM providers), (SELECT COUNT(*) FROM courses), "
           "(SELECT COUNT(*) FROM offerings), (SELECT COUNT(*) FROM courses WHERE is_demo = 1), "
           "(SELECT COUNT(*) FROM municipalities), (SELECT COUNT(*) FROM postcodes), "
           "(SELECT COUNT(*) FROM vocabulary WHERE kind = 'occupation'), "
           "(SELECT COUNT(*) FROM vocabulary WHERE kind = 'skill'), "
           "(SELECT COALESCE(MAX(seq), 0) FROM audit)"));
  VERDER_ASSIGN_OR_RETURN(bool row, count->Step());
  if (!row) return Internal("count query returned nothing");
  StoreCounts c{count->ColumnInt(0), count->ColumnInt(1), count->ColumnInt(2),
                count->ColumnInt(3), count->ColumnInt(4), count->ColumnInt(5),
                count->ColumnInt(6), count->ColumnInt(7), count->ColumnInt(8)};
  count->Reset();
  return c;
}

}  // namespace verder
