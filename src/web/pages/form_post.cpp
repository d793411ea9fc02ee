// The checks every state-changing form of the site makes before it reads its fields.
#include "web/pages/pages_internal.h"

namespace verder {
namespace {

// A POST from another site carries its own Origin. Ours passes, and so do none (older
// browsers) and "null": our Referrer-Policy is no-referrer, under which browsers send "null"
// for our own forms too. The form token is the check that always applies.
bool FromOurPages(const HttpRequest& r) {
  const std::string origin = r.Header("origin");
  if (origin.empty() || origin == "null") return true;
  const std::string host = r.Header("host");
  return origin == "http://" + host || origin == "https://" + host;
}

}  // namespace

HttpResponse FormRefusal::Apply(HttpResponse page) const {
  if (retry_after_seconds)
    page.headers.emplace_back("Retry-After", std::to_string(*retry_after_seconds));
  return page;
}

std::optional<FormRefusal> CheckFormPost(const SiteDeps& deps, const PageContext& ctx,
                                         const HttpRequest& r, const FormPost& post) {
  const int64_t now = deps.clock->NowUnixSeconds();
  if (!FromOurPages(r) || deps.form_tokens == nullptr ||
      !deps.form_tokens->Verify(post.token, post.purpose, now)) {
    return FormRefusal{.status = 403, .message = ctx.T(post.words + ".error.token")};
  }
  if (post.limit != nullptr) {
    if (const std::optional<int> wait = post.limit->Check(r.client_address, now)) {
      return FormRefusal{
          .status = 429,
          .message = ctx.words->Format(ctx.lang, post.words + ".error.too_many",
                                       {{"minutes", std::to_string((*wait + 59) / 60)}}),
          .retry_after_seconds = *wait};
    }
  }
  return std::nullopt;
}

}  // namespace verder
