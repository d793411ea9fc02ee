#include "web/pages/pages_internal.h"

namespace verder {

void OpenFormField(const std::string& id, const std::string& label, const std::string& hint,
                   const std::string& error, HtmlAttributes* control, HtmlWriter* w) {
  w->Open("div", {{"class", "field"}});
  w->Element("label", label, {{"for", id}});
  std::string described;
  if (!hint.empty()) {
    w->Element("p", hint, {{"class", "hint"}, {"id", id + "-hint"}});
    described = id + "-hint";
  }
  if (!error.empty()) {
    w->Element("p", error, {{"class", "error"}, {"id", id + "-error"}});
    described = id + "-error" + (described.empty() ? "" : " " + described);
    control->emplace_back("aria-invalid", "true");
  }
  if (!described.empty()) control->emplace_back("aria-describedby", described);
}

}  // namespace verder
