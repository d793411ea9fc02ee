#include "web/html.h"

#include <gtest/gtest.h>

#include "web/i18n.h"

namespace verder {
namespace {

TEST(HtmlTest, EscapesTextAndAttributes) {
  HtmlWriter w;
  w.Open("a", {{"title", "\"><script>x</script>"}, {"href", "/zoeken?q=a&b"}})
      .Text("<b>'&'</b>")
      .Close("a");
  EXPECT_EQ(w.Take(),
            "<a title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\" href=\"/zoeken?q=a&amp;b\">"
            "&lt;b&gt;&#39;&amp;&#39;&lt;/b&gt;</a>");
}

TEST(HtmlTest, UnsafeUrlsBecomeHarmless) {
  EXPECT_EQ(SafeUrl("javascript:alert(1)"), "#");
  EXPECT_EQ(SafeUrl("JaVaScRiPt:alert(1)"), "#");
  EXPECT_EQ(SafeUrl("data:text/html,x"), "#");
  EXPECT_EQ(SafeUrl("//evil.example/x"), "#");
  EXPECT_EQ(SafeUrl("https://roc.nl/x\n"), "#");
  EXPECT_EQ(SafeUrl("https://roc.nl/inschrijven"), "https://roc.nl/inschrijven");
  EXPECT_EQ(SafeUrl("/opleiding/12"), "/opleiding/12");
  HtmlWriter w;
  w.Open("a", {{"href", "javascript:alert(1)"}}).Close("a");
  EXPECT_EQ(w.Take(), "<a href=\"#\"></a>");
}

// Found by fuzz/http_request_fuzzer (input in fuzz/corpus/http_request/target_not_utf8): bytes
// of the request target that are not UTF-8 reached the page in its language link, so the page
// was not the UTF-8 its Content-Type promised.
TEST(HtmlTest, PagesStayUtf8WhateverTheRequestBrought) {
  EXPECT_EQ(EscapeHtml("caf\xE9 <b>"), "caf\uFFFD &lt;b&gt;");
  EXPECT_EQ(SafeUrl("/en/funding?work=\xFF"), "#");
  HtmlWriter w;
  w.Open("a", {{"href", "/zoeken?q=\xC3"}, {"title", "\xFF"}}).Text("\xFEx").Close("a");
  EXPECT_EQ(w.Take(), "<a href=\"#\" title=\"\uFFFD\">\uFFFDx</a>");
}

TEST(HtmlTest, UrlEncodesQueryValues) {
  EXPECT_EQ(UrlEncode("zorg & welzijn/é"), "zorg%20%26%20welzijn%2F%C3%A9");
}

TEST(I18nTest, BothLanguagesMustHaveEveryKey) {
  const auto ok = Translations::FromJson(R"({"a": "Zoeken", "b": "{n} gevonden"})",
                                         R"({"a": "Search", "b": "{n} found"})");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().Get(Lang::kEn, "a"), "Search");
  EXPECT_EQ(ok.value().Format(Lang::kNl, "b", {{"n", "12"}}), "12 gevonden");
  EXPECT_EQ(ok.value().Get(Lang::kNl, "missing.key"), "missing.key");
  const auto bad = Translations::FromJson(R"({"a": "Zoeken", "b": "x"})", R"({"a": "Search"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "en.json:b");
}

TEST(I18nTest, TheRepositoryTranslationsAreComplete) {
  const char* src = std::getenv("VERDER_SOURCE_DIR");
  const auto t = Translations::LoadDir(std::string(src != nullptr ? src : ".") + "/data/i18n");
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  EXPECT_EQ(t.value().Get(Lang::kNl, "home.search.button"), "Zoeken");
  EXPECT_EQ(t.value().Get(Lang::kEn, "home.search.button"), "Search");
}

}  // namespace
}  // namespace verder
