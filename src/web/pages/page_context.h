// web/pages/page_context.h — what every page needs: the language, the words, and where the same
// page lives in the other language (for the language switch).
#pragma once

#include <string>
#include <string_view>

#include "catalog/course.h"
#include "web/html.h"
#include "web/http.h"
#include "web/i18n.h"

namespace verder {

struct PageContext {
  Lang lang = Lang::kNl;
  const Translations* words = nullptr;
  std::string other_language_url;  // the same page in the other language

  const std::string& T(std::string_view key) const { return words->Get(lang, key); }
  // A text from the data in the page's language; Dutch when there is no English.
  const std::string& Text(const LocalizedText& t) const {
    return lang == Lang::kEn && !t.en.empty() ? t.en : t.nl;
  }
  // "/zoeken" or "/en/search": the site's paths per language.
  std::string Path(std::string_view page) const;
};

// The complete HTML document around `main_html` (already escaped markup from an HtmlWriter).
std::string RenderPage(const PageContext& ctx, std::string_view title, const std::string& main_html,
                       bool with_suggest_script = false);

HttpResponse HtmlResponse(int status, std::string body);

}  // namespace verder
