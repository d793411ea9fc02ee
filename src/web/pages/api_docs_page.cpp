// The developers' page: every endpoint of data/openapi.yaml with its parameters and an example
// answer, generated from the document itself so the page and the API cannot drift apart.
#include <nlohmann/json.hpp>

#include "web/pages/pages_internal.h"

namespace verder {
namespace {

using nlohmann::json;

std::string Text(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void WriteParameters(const PageContext& ctx, const std::string& operation, const json& op,
                     HtmlWriter* w) {
  const auto params = op.find("parameters");
  if (params == op.end() || params->empty()) return;
  // Focusable and named: on a phone the table scrolls inside its box, and keyboard users must
  // reach it.
  w->Open("div", {{"class", "table-scroll"},
                  {"tabindex", "0"},
                  {"role", "region"},
                  {"aria-label", ctx.T("api.parameters") + ": " + operation}});
  w->Open("table").Open("caption").Text(ctx.T("api.parameters")).Close("caption");
  w->Open("thead").Open("tr");
  for (const char* head : {"api.name", "api.where", "api.meaning"})
    w->Element("th", ctx.T(head), {{"scope", "col"}});
  w->Close("tr").Close("thead").Open("tbody");
  for (const json& p : *params) {
    w->Open("tr")
        .Open("th", {{"scope", "row"}})
        .Element("code", Text(p, "name"))
        .Close("th")
        .Element("td",
                 Text(p, "in") + (p.value("required", false) ? ", " + ctx.T("api.required") : ""))
        .Element("td", Text(p, "description"))
        .Close("tr");
  }
  w->Close("tbody").Close("table").Close("div");
}

// The first documented example answer of an operation, pretty-printed.
std::string ExampleAnswer(const json& op) {
  const auto responses = op.find("responses");
  if (responses == op.end()) return "";
  for (const auto& [status, response] : responses->items()) {
    const auto content = response.find("content");
    if (content == response.end()) continue;
    for (const auto& [type, body] : content->items()) {
      if (body.contains("example")) return body["example"].dump(2);
    }
  }
  return "";
}

}  // namespace

std::string RenderApiDocs(const PageContext& ctx, const json& openapi) {
  HtmlWriter w;
  w.Element("h1", ctx.T("api.title"));
  w.Element("p", ctx.T("api.p1"));
  w.Open("p")
      .Text(ctx.T("api.document") + " ")
      .Element("a", "/api/v1/openapi.yaml", {{"href", "/api/v1/openapi.yaml"}})
      .Close("p");
  w.Element("p", Text(openapi["info"], "description"), {{"lang", "en"}});
  for (const auto& [path, methods] : openapi["paths"].items()) {
    for (const auto& [method, op] : methods.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const std::string operation = upper.append(" ").append(path);
      w.Open("section", {{"lang", "en"}});
      w.Open("h2").Element("code", operation).Close("h2");
      w.Element("p", Text(op, "summary"));
      if (const std::string d = Text(op, "description"); !d.empty()) w.Element("p", d);
      if (op.contains("security")) w.Element("p", ctx.T("api.needs_key"), {{"class", "hint"}});
      WriteParameters(ctx, operation, op, &w);
      if (const std::string example = ExampleAnswer(op); !example.empty()) {
        w.Element("h3", ctx.T("api.example"));
        w.Open("pre", {{"tabindex", "0"}}).Element("code", example).Close("pre");
      }
      w.Close("section");
    }
  }
  return RenderPage(ctx, ctx.T("api.title"), w.Take());
}

}  // namespace verder
