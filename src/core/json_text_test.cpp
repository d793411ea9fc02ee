#include "core/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/rng.h"

namespace verder {
namespace {

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

TEST(JsonTextTest, EscapesAsNlohmannDumpDoes) {
  EXPECT_EQ(Quoted("Kok"), "\"Kok\"");
  EXPECT_EQ(Quoted("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(Quoted("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(Quoted(std::string("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Quoted(std::string(1, '\0')), "\"\\u0000\"");
  EXPECT_EQ(Quoted("café €5 \xF0\x9F\x8E\x93"), "\"café €5 \xF0\x9F\x8E\x93\"");
}

TEST(JsonTextTest, ReplacesEachBadUtf8ByteWithTheReplacementCharacter) {
  // A lone continuation byte, a truncated sequence at the end: nlohmann would throw.
  EXPECT_EQ(Quoted("a\x80z"), "\"a\xEF\xBF\xBDz\"");
  EXPECT_EQ(Quoted("caf\xC3"), "\"caf\xEF\xBF\xBD\"");
  EXPECT_TRUE(nlohmann::json::accept(Quoted("\xFF\xFE\"\\")));
}

// Random text over the characters that matter (quotes, backslashes, control characters,
// multi-byte UTF-8) must come out as nlohmann writes it, and read back as the same text.
TEST(JsonTextTest, RandomValidTextMatchesNlohmann) {
  const std::array<std::string, 10> pieces = {
      "a", "\"", "\\", "\n", std::string(1, '\0'), "\x1b", "é", "€", "\xF0\x9F\x8E\x93", "/"};
  Rng rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t n = rng.Below(12);
    for (size_t i = 0; i < n; ++i) text += rng.Pick(pieces);
    const std::string ours = Quoted(text);
    ASSERT_EQ(ours, nlohmann::json(text).dump()) << "round " << round;
    ASSERT_EQ(nlohmann::json::parse(ours).get<std::string>(), text);
  }
}

TEST(JsonTextTest, WritesNestedContainersWithCommasInTheRightPlaces) {
  std::string out;
  JsonText w(&out);
  w.BeginObject()
      .Key("name")
      .String("Kok")
      .Key("hours")
      .Int(-400)
      .Key("online")
      .Bool(false)
      .Key("end")
      .Null()
      .Key("skills")
      .Strings({"koken", "hygiëne"})
      .Key("empty")
      .Strings({})
      .Key("costs")
      .BeginObject()
      .Key("total")
      .Int(INT64_MAX)
      .EndObject()
      .Key("list")
      .BeginArray()
      .BeginObject()
      .EndObject()
      .BeginArray()
      .EndArray()
      .Int(1)
      .EndArray()
      .EndObject();
  const nlohmann::json expected = {
      {"name", "Kok"},
      {"hours", -400},
      {"online", false},
      {"end", nullptr},
      {"skills", {"koken", "hygiëne"}},
      {"empty", nlohmann::json::array()},
      {"costs", {{"total", INT64_MAX}}},
      {"list", {nlohmann::json::object(), nlohmann::json::array(), 1}}};
  EXPECT_EQ(nlohmann::json::parse(out), expected);
  EXPECT_EQ(out.find(' '), std::string::npos);
  EXPECT_EQ(out.find(",,"), std::string::npos);
  EXPECT_EQ(out.find(",}"), std::string::npos);
}

}  // namespace
}  // namespace verder
