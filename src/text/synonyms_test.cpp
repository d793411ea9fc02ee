#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/analysis.h"

namespace verder {
namespace {

using Entries = std::vector<std::string>;

std::string SourceDir() {
  const char* dir = std::getenv("VERDER_SOURCE_DIR");  // set by ctest
  if (dir != nullptr) return dir;
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().string();
}

SynonymTable ParseOrDie(std::string_view text) {
  Result<SynonymTable> t = SynonymTable::Parse(text);
  EXPECT_TRUE(t.ok()) << t.error().ToString();
  return t.ok() ? std::move(t).value() : SynonymTable();
}

TEST(SynonymTest, GroupsWorkInEveryDirection) {
  const SynonymTable t = ParseOrDie("ict, informatica, it\n");
  EXPECT_EQ(t.Lookup("ict"), (Entries{"informatica", "it"}));
  EXPECT_EQ(t.Lookup("informatica"), (Entries{"ict", "it"}));
  EXPECT_EQ(t.Lookup("it"), (Entries{"ict", "informatica"}));
}

TEST(SynonymTest, PhrasesAreFoldedAndNormalised) {
  const SynonymTable t =
      ParseOrDie("VVE,   Voorschoolse \t Educatie  \nHBO-V, hbo verpleegkunde\nCafé, koffiehuis\n");
  EXPECT_EQ(t.Lookup("voorschoolse educatie"), (Entries{"vve"}));
  EXPECT_EQ(t.Lookup("vve"), (Entries{"voorschoolse educatie"}));
  // An entry is its tokens, as the query "hbo-v" reaches the table: "hbo v".
  EXPECT_EQ(t.Lookup("hbo v"), (Entries{"hbo verpleegkunde"}));
  EXPECT_EQ(t.Lookup("cafe"), (Entries{"koffiehuis"}));
  EXPECT_EQ(t.max_phrase_tokens(), 2U);
}

TEST(SynonymTest, AWordInSeveralGroupsGetsAllOthersOnce) {
  const SynonymTable t = ParseOrDie(
      "programmer, programmeur, softwareontwikkelaar\n"
      "programmeur, applicatieontwikkelaar, softwareontwikkelaar\n");
  EXPECT_EQ(t.Lookup("programmeur"),
            (Entries{"programmer", "softwareontwikkelaar", "applicatieontwikkelaar"}));
  EXPECT_EQ(t.Lookup("programmer"), (Entries{"programmeur", "softwareontwikkelaar"}));
}

TEST(SynonymTest, CommentsBlankLinesAndCrlfAreIgnored) {
  const SynonymTable t =
      ParseOrDie("# a comment, with a comma\r\n\r\n   \r\n  # indented\r\nkok, cook\r\n");
  EXPECT_EQ(t.Lookup("kok"), (Entries{"cook"}));
  EXPECT_TRUE(t.Lookup("a comment").empty());
}

TEST(SynonymTest, AbsentPhrasesGetOneSharedEmptyList) {
  const SynonymTable t = ParseOrDie("kok, cook\n");
  EXPECT_TRUE(t.Lookup("bakker").empty());
  EXPECT_TRUE(t.Lookup("").empty());
  EXPECT_EQ(&t.Lookup("bakker"), &t.Lookup("slager"));
  EXPECT_TRUE(SynonymTable().Lookup("kok").empty());
  EXPECT_EQ(SynonymTable().max_phrase_tokens(), 1U);
}

TEST(SynonymTest, ErrorsNameTheLine) {
  struct Case {
    const char* text;
    const char* expected;
  };
  for (const Case& c : {
           Case{"a, b\nalone\n", "line 2: a group needs at least two entries"},
           Case{"# c\n\na, , b\n", "line 3: an entry is empty"},
           Case{"a, b,\n", "line 1: an entry is empty"},
           Case{"kok, Kok\n", "line 1: a group needs at least two entries"},
           Case{"x, ?!\n", "line 1: an entry is empty"},
           Case{"x, a b c d e f g h i\n", "line 1: an entry has more than 8 words"},
       }) {
    const Result<SynonymTable> t = SynonymTable::Parse(c.text);
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(t.error().message.find(c.expected), std::string::npos) << t.error().message;
  }
}

TEST(SynonymTest, LoadFileNamesTheFile) {
  const std::string path = testing::TempDir() + "/verder_synonyms_test.txt";
  std::ofstream(path) << "kok, cook\nlonely\n";
  const Result<SynonymTable> bad = SynonymTable::LoadFile(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find(path), std::string::npos);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
  std::filesystem::remove(path);

  const Result<SynonymTable> missing = SynonymTable::LoadFile("/nonexistent/synonyms.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
}

// The English golden queries (tests/golden/search) must each reach a Dutch word: as a whole
// phrase, or word by word.
TEST(SynonymTest, RepositoryFileCoversTheEnglishGoldenQueries) {
  const Result<SynonymTable> loaded = SynonymTable::LoadFile(SourceDir() + "/data/synonyms.txt");
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const SynonymTable& t = loaded.value();
  EXPECT_EQ(t.Lookup("ict"), (Entries{"informatica", "it"}));
  EXPECT_EQ(t.Lookup("voorschoolse educatie"), (Entries{"vve"}));

  std::ifstream golden(SourceDir() + "/tests/golden/search/queries.jsonl");
  ASSERT_TRUE(golden.good());
  size_t english = 0;
  for (std::string line; std::getline(golden, line);) {
    if (line.find(R"("class": "english")") == std::string::npos) continue;
    const size_t start = line.find(R"("query": ")") + 10;
    const std::string query = line.substr(start, line.find('"', start) - start);
    std::string phrase;
    bool every_word = true;
    for (const std::string& token : Tokenize(query)) {
      phrase += (phrase.empty() ? "" : " ") + token;
      every_word = every_word && !t.Lookup(token).empty();
    }
    EXPECT_TRUE(!t.Lookup(phrase).empty() || every_word) << query;
    ++english;
  }
  EXPECT_GE(english, 10U);
}

}  // namespace
}  // namespace verder
