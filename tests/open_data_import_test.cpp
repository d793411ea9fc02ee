// The real open data from ../shared/data through every importer into a real SQLite store,
// checked against counts computed independently from the source files (see each PROVENANCE.md).
#include <gtest/gtest.h>

#include <algorithm>

#include "app/catalog_setup.h"
#include "ingest/duo_import.h"
#include "ingest/reference_import.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/test_paths.h"

namespace verder {
namespace {

const ImportReport* Find(const std::vector<ImportReport>& reports, const std::string& file) {
  for (const ImportReport& r : reports) {
    if (r.file == file) return &r;
  }
  return nullptr;
}

class OpenDataImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reports_ = new std::vector<ImportReport>();
    Result<ReferenceData> ref = ReadReferenceData(testing::SharedDataDir(), reports_);
    ASSERT_TRUE(ref.ok()) << ref.error().ToString();
    geo_ = new GeoIndex(std::move(ref).value());
    Result<ImportedCatalog> duo = ReadDuoCatalog(testing::SharedDataDir(), *geo_, reports_);
    ASSERT_TRUE(duo.ok()) << duo.error().ToString();
    catalog_ = new ImportedCatalog(std::move(duo).value());
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete geo_;
    delete reports_;
  }
  static std::vector<ImportReport>* reports_;
  static GeoIndex* geo_;
  static ImportedCatalog* catalog_;
};
std::vector<ImportReport>* OpenDataImportTest::reports_ = nullptr;
GeoIndex* OpenDataImportTest::geo_ = nullptr;
ImportedCatalog* OpenDataImportTest::catalog_ = nullptr;

TEST_F(OpenDataImportTest, ThirtyFiveRegionsOver342Municipalities) {
  const ReferenceData& d = geo_->data();
  EXPECT_EQ(d.regions.size(), 35U);
  EXPECT_EQ(d.municipalities.size(), 342U);
  const Municipality* utrecht = geo_->FindMunicipality("0344");
  ASSERT_NE(utrecht, nullptr);
  EXPECT_EQ(utrecht->name, "Utrecht");
  EXPECT_EQ(utrecht->province, "Utrecht");
  EXPECT_EQ(geo_->FindRegion(utrecht->region_id)->name, "Midden-Utrecht");
  for (const Municipality& m : d.municipalities) EXPECT_NE(geo_->FindRegion(m.region_id), nullptr);
}

TEST_F(OpenDataImportTest, PostcodesHaveCoordinatesAndPlaces) {
  // NL.txt has 4334 rows for 4086 distinct PC4s (a PC4 spanning two places is listed twice).
  EXPECT_EQ(geo_->data().postcodes.size(), 4086U);
  const Postcode4* assen = geo_->FindPostcode("9401");
  ASSERT_NE(assen, nullptr);
  EXPECT_EQ(assen->place, "Assen");
  EXPECT_EQ(assen->municipality_code, "0106");
  EXPECT_NEAR(assen->lat, 52.9939, 1e-9);
}

TEST_F(OpenDataImportTest, VocabularyCountsMatchTheSources) {
  // ESCO 3039 occupations + CompetentNL 3262 distinct occupation URIs; 640 ESCO skill groups +
  // 112 CompetentNL capabilities.
  EXPECT_EQ(geo_->data().occupations.size(), 3039U + 3262U);
  EXPECT_EQ(geo_->data().skills.size(), 640U + 112U);
  const auto& occ = geo_->data().occupations;
  const auto stage_manager = std::find_if(occ.begin(), occ.end(), [](const VocabularyTerm& t) {
    return t.source == "esco" && t.label == "inspiciënt";
  });
  ASSERT_NE(stage_manager, occ.end());
  EXPECT_EQ(stage_manager->isco_code, "2654");
  EXPECT_FALSE(stage_manager->alt_labels.empty());
}

TEST_F(OpenDataImportTest, DuoStrayLinesAreCountedNotFatal) {
  const ImportReport* mbo = Find(*reports_, "duo-ho-mbo-2019/mbo_inscriptions_2019.csv");
  ASSERT_NE(mbo, nullptr);
  EXPECT_EQ(mbo->kept, 19229);  // PROVENANCE.md: 19229 data rows
  EXPECT_EQ(mbo->skipped, 29);  // and 29 stray `""` lines
  EXPECT_EQ(mbo->courses, 14029);
  EXPECT_EQ(mbo->offerings, 18884);
  const ImportReport* hbo = Find(*reports_, "duo-ho-mbo-2019/hbo_inscriptions_2019.csv");
  ASSERT_NE(hbo, nullptr);
  EXPECT_EQ(hbo->kept, 3815);
  const ImportReport* wo = Find(*reports_, "duo-ho-mbo-2019/wo_inscriptions_2019.csv");
  ASSERT_NE(wo, nullptr);
  EXPECT_EQ(wo->kept, 3225);
}

TEST_F(OpenDataImportTest, DuoCatalogueHasTheKnownShape) {
  // Independently counted from the files: 69 mbo + 54 hbo/wo institutions; courses are
  // (BRIN, crebo) and (BRIN, CROHO); offerings (place, learning path or form).
  EXPECT_EQ(catalog_->providers.size(), 123U);
  EXPECT_EQ(catalog_->courses.size(), 16674U);
  size_t offerings = 0;
  for (const ImportedCourse& c : catalog_->courses) offerings += c.course.offerings.size();
  EXPECT_EQ(offerings, 22889U);
}

TEST_F(OpenDataImportTest, AnMboCourseCarriesLevelSectorAndPlace) {
  const auto it =
      std::find_if(catalog_->courses.begin(), catalog_->courses.end(), [](const ImportedCourse& c) {
        return c.provider_key == "brin:00GT" && c.course.course.external_id == "crebo:25250";
      });
  ASSERT_NE(it, catalog_->courses.end());
  const Course& c = it->course.course;
  EXPECT_EQ(c.title.nl, "Assistent bouwen, wonen en onderhoud");
  EXPECT_EQ(c.level, Level::kMbo1);
  EXPECT_EQ(c.nlqf, 1);
  EXPECT_FALSE(c.costs.stated);
  EXPECT_NE(c.funding_flags & kFundingOcwRecognised, 0U);
  ASSERT_FALSE(it->course.offerings.empty());
  EXPECT_EQ(it->course.offerings[0].location.municipality_code, "0599");  // Rotterdam
  EXPECT_EQ(it->course.offerings[0].location.postcode.size(), 4U);
}

TEST_F(OpenDataImportTest, HboTitlesLoseTheirPrefixAndKeepTheLevel) {
  const auto it =
      std::find_if(catalog_->courses.begin(), catalog_->courses.end(), [](const ImportedCourse& c) {
        return c.provider_key == "brin:25BE" && c.course.course.external_id == "croho:34267";
      });
  ASSERT_NE(it, catalog_->courses.end());
  EXPECT_EQ(it->course.course.title.nl, "Elektrotechniek");
  EXPECT_EQ(it->course.course.level, Level::kHboBachelor);
  EXPECT_EQ(it->course.course.nlqf, 6);
}

TEST(OpenDataStoreTest, ImportIntoStoreTwiceChangesNothingTheSecondTime) {
  const auto dir = testing::ScratchDir("open-data-store");
  FixedClock clock(1'750'000'000);
  auto store = OpenSqliteStore({(dir / "v.db").string()}, &clock);
  ASSERT_TRUE(store.ok());
  const ImportOptions options{.data_dir = testing::SharedDataDir(), .quiet = true};
  ASSERT_TRUE(ImportOpenData(store.value().get(), options).ok());
  const StoreCounts first = store.value()->Counts().value();
  EXPECT_EQ(first.courses, 16674);
  EXPECT_EQ(first.offerings, 22889);
  EXPECT_EQ(first.providers, 123);
  EXPECT_EQ(first.municipalities, 342);
  ASSERT_TRUE(ImportOpenData(store.value().get(), options).ok());
  const StoreCounts second = store.value()->Counts().value();
  EXPECT_EQ(second.last_seq, first.last_seq);  // no audit rows: nothing changed
  EXPECT_EQ(second.courses, first.courses);
  store.value().reset();
  std::filesystem::remove_all(dir);
}

TEST(OpenDataStoreTest, MissingDataFolderNamesTheFile) {
  const auto dir = testing::ScratchDir("open-data-missing");
  FixedClock clock(1'750'000'000);
  auto store = OpenSqliteStore({(dir / "v.db").string()}, &clock);
  ASSERT_TRUE(store.ok());
  const Status s =
      ImportOpenData(store.value().get(), {.data_dir = "/nonexistent/data", .quiet = true});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("/nonexistent/data/cbs-arbeidsmarktregio"), std::string::npos);
  EXPECT_EQ(store.value()->Counts().value().courses, 0);
  store.value().reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace verder
