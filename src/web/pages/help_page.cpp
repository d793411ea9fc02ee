// "Help near you": postcode → municipality → labour-market region → the regional desk. The
// postcode is used for this answer only and stored nowhere; the 35 regions are also offered as
// plain links, for people who do not know or do not want to give their postcode.
#include "web/pages/pages_internal.h"

namespace verder {
namespace {

void WritePostcodeForm(const PageContext& ctx, const HelpAnswer& a, HtmlWriter* w) {
  w->Open("form", {{"action", ctx.Path("help")}, {"method", "get"}, {"class", "search-form"}});
  w->Open("div", {{"class", "field"}});
  w->Element("label", ctx.T("help.postcode.label"), {{"for", "postcode"}});
  w->Element("p", ctx.T("home.postcode.hint"), {{"class", "hint"}, {"id", "postcode-hint"}});
  HtmlAttributes input = {{"type", "text"},
                          {"id", "postcode"},
                          {"name", "postcode"},
                          {"value", a.postcode},
                          {"class", "short"},
                          {"inputmode", "numeric"},
                          {"maxlength", "7"},
                          {"autocomplete", "postal-code"},
                          {"aria-describedby", "postcode-hint"}};
  if (!a.error.empty()) {
    w->Element("p", a.error, {{"class", "error"}, {"id", "postcode-error"}});
    input.back().second = "postcode-error postcode-hint";
    input.emplace_back("aria-invalid", "true");
  }
  w->Void("input", input);
  w->Close("div");
  w->Element("button", ctx.T("help.button"), {{"class", "button"}, {"type", "submit"}});
  w->Close("form");
}

void WriteDesk(const PageContext& ctx, const HelpAnswer& a, const HelpDesks& desks, HtmlWriter* w) {
  if (a.municipality != nullptr) {
    w->Element("p", ctx.words->Format(ctx.lang, "help.where",
                                      {{"postcode", a.postcode},
                                       {"municipality", a.municipality->name},
                                       {"region", a.region->name}}));
  } else {
    w->Element("p", ctx.words->Format(ctx.lang, "help.region", {{"region", a.region->name}}));
  }
  const HelpDesk& d = *a.desk;
  w->Open("section", {{"class", "card"}, {"aria-labelledby", "desk-name"}});
  w->Element("h2", d.name, {{"id", "desk-name"}});
  w->Element("p", ctx.T("help.desk." + d.kind));
  w->Open("dl", {{"class", "facts"}});
  w->Element("dt", ctx.T("help.website"))
      .Open("dd")
      .Element("a", d.website, {{"href", d.website}, {"rel", "noopener noreferrer"}})
      .Close("dd");
  if (!d.phone.empty()) {
    w->Element("dt", ctx.T("help.phone"))
        .Open("dd")
        .Element("a", d.phone, {{"href", "tel:" + d.phone}})
        .Close("dd");
  }
  if (!d.email.empty()) w->Element("dt", ctx.T("help.email")).Element("dd", d.email);
  if (!d.address.empty()) w->Element("dt", ctx.T("help.address")).Element("dd", d.address);
  w->Close("dl");
  if (!d.verified) w->Element("p", ctx.T("help.unverified"), {{"class", "hint"}});
  w->Close("section");
  w->Element("h2", ctx.T("help.advice.title"));
  w->Element("p", ctx.T("help.advice.text"));
  w->Open("p")
      .Element("a", desks.national_name(),
               {{"href", desks.national_website()}, {"rel", "noopener noreferrer"}})
      .Close("p");
}

}  // namespace

std::string RenderHelp(const PageContext& ctx, const HelpAnswer& a, const GeoIndex& geo,
                       const HelpDesks& desks) {
  HtmlWriter w;
  w.Element("h1", ctx.T("help.title"));
  w.Element("p", ctx.T("help.intro"), {{"class", "lead"}});
  if (a.desk != nullptr) WriteDesk(ctx, a, desks, &w);
  WritePostcodeForm(ctx, a, &w);
  w.Element("h2", ctx.T("help.regions"));
  w.Open("ul", {{"class", "columns"}});
  for (const LabourMarketRegion& r : geo.data().regions) {
    w.Open("li")
        .Element("a", r.name, {{"href", ctx.Path("help") + "?regio=" + std::to_string(r.id)}})
        .Close("li");
  }
  w.Close("ul");
  return RenderPage(ctx, ctx.T("help.title"), w.Take());
}

}  // namespace verder
