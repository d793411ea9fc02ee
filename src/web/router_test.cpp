#include "web/router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace verder {
namespace {

HttpRequest Get(const std::string& target, const std::string& method = "GET") {
  HttpRequest r;
  r.method = method;
  r.target = target;
  return r;
}

Router MakeRouter() {
  Router router;
  router.Add("GET", "/api/v1/courses/{id}", [](const HttpRequest& r, const PathParams& p) {
    const std::string* lang = r.Query("lang");
    return HttpResponse::Text(200, p.at("id") + "|" + (lang != nullptr ? *lang : "-"));
  });
  router.Add("POST", "/api/v1/courses/{id}",
             [](const HttpRequest&, const PathParams&) { return HttpResponse::Text(201, "made"); });
  return router;
}

TEST(RouterTest, CapturesPathParametersAndDecodesQuery) {
  const HttpResponse r = MakeRouter().Handle(Get("/api/v1/courses/42?lang=en%20GB"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "42|en GB");
}

TEST(RouterTest, UnknownPathIs404WithJsonError) {
  const HttpResponse r = MakeRouter().Handle(Get("/nope"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "not_found");
}

TEST(RouterTest, EncodedSlashStaysInsideItsSegment) {
  const HttpResponse r = MakeRouter().Handle(Get("/api/v1/courses/bk%2F2026"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "bk/2026|-");
  EXPECT_EQ(MakeRouter().Handle(Get("/api/v1/courses/bk/2026")).status, 404);
}

TEST(RouterTest, UnknownApiPathsAre404JsonEvenWithAPageForOthers) {
  Router router = MakeRouter();
  router.SetNotFound([](const HttpRequest&) { return HttpResponse::Text(404, "<html>"); });
  EXPECT_EQ(router.Handle(Get("/nope")).body, "<html>");
  for (const char* api : {"/api/v1/nope", "/ooapi/v5/nope"}) {
    const HttpResponse r = router.Handle(Get(api));
    EXPECT_EQ(r.status, 404) << api;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "not_found") << api;
  }
}

TEST(RouterTest, WrongMethodIs405WithAllow) {
  const HttpResponse r = MakeRouter().Handle(Get("/api/v1/courses/1", "DELETE"));
  EXPECT_EQ(r.status, 405);
  ASSERT_EQ(r.headers.size(), 1U);
  EXPECT_EQ(r.headers[0].first, "Allow");
  EXPECT_EQ(r.headers[0].second, "GET, POST, HEAD");
}

TEST(RouterTest, MalformedTargetIs400) {
  EXPECT_EQ(MakeRouter().Handle(Get("/api/v1/courses/1?q=%zz")).status, 400);
  EXPECT_EQ(MakeRouter().Handle(Get("no-slash")).status, 400);
}

TEST(RouterTest, ErrorCodesMapToStatuses) {
  EXPECT_EQ(ErrorResponse(InvalidArgument("q", "x")).status, 400);
  EXPECT_EQ(ErrorResponse(NotFound("x")).status, 404);
  EXPECT_EQ(ErrorResponse(Unavailable("x")).status, 503);
  const auto body = nlohmann::json::parse(ErrorResponse(InvalidArgument("price_min", "m")).body);
  EXPECT_EQ(body["error"]["field"], "price_min");
}

}  // namespace
}  // namespace verder
