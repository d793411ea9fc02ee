#include "catalog/validation.h"

#include <cctype>
#include <set>
#include <string>

#include "core/utf8.h"

namespace verder {
namespace {

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

class FieldProblems {
 public:
  explicit FieldProblems(std::string prefix) : prefix_(std::move(prefix)) {}

  void Add(const std::string& field, std::string message) {
    errors_.push_back(InvalidArgument(prefix_ + field, std::move(message)));
  }
  void Text(const std::string& field, std::string_view text, size_t max_chars, bool required) {
    if (text.empty()) {
      if (required) Add(field, "is required");
      return;
    }
    if (!IsValidUtf8(text)) return Add(field, "is not valid UTF-8 text");
    if (CountCodePoints(text) > max_chars) {
      return Add(field, "is longer than " + std::to_string(max_chars) + " characters");
    }
    if (ContainsMarkup(text)) Add(field, "may not contain HTML or other markup");
  }
  void Url(const std::string& field, std::string_view url) {
    if (!IsValidUtf8(url)) return Add(field, "is not valid UTF-8 text");
    if (!url.empty() && !IsHttpUrl(url)) Add(field, "must be a web address starting with https://");
  }
  void Range(const std::string& field, int64_t value, int64_t lo, int64_t hi) {
    if (value < lo || value > hi) {
      Add(field, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    }
  }
  std::vector<Error> Take() { return std::move(errors_); }
  void Append(std::vector<Error> more) {
    for (Error& e : more) errors_.push_back(std::move(e));
  }

 private:
  std::string prefix_;
  std::vector<Error> errors_;
};

std::vector<Error> ValidateOffering(const Offering& o, const std::string& prefix) {
  FieldProblems p(prefix);
  p.Text("external_id", o.external_id, 100, true);
  if (o.start && o.end && *o.end < *o.start) p.Add("end", "the end date is before the start date");
  if (o.end && !o.start) p.Add("start", "an offering with an end date needs a start date");
  if (!o.location.postcode.empty() && !IsDutchPostcode(o.location.postcode)) {
    p.Add("location.postcode", "must be a Dutch postcode like 1234 or 1234 AB");
  }
  if (!o.location.municipality_code.empty() &&
      (o.location.municipality_code.size() != 4 || !IsDigits(o.location.municipality_code))) {
    p.Add("location.municipality_code", "must be a 4-digit CBS municipality code");
  }
  p.Text("location.place", o.location.place, 100, false);
  p.Text("location.address", o.location.address, 200, false);
  p.Range("seats", o.seats, 0, 100000);
  if (o.price_cents) p.Range("price_cents", *o.price_cents, 0, kMaxCourseCostCents);
  p.Url("enrol_url", o.enrol_url);
  return p.Take();
}

}  // namespace

bool IsHttpUrl(std::string_view url) {
  std::string_view rest;
  if (url.substr(0, 8) == "https://") {
    rest = url.substr(8);
  } else if (url.substr(0, 7) == "http://") {
    rest = url.substr(7);
  } else {
    return false;
  }
  if (url.size() > 2048 || rest.empty() || rest[0] == '/' || rest[0] == '.') return false;
  // Bytes that are not UTF-8 would make every JSON document holding the address unwritable.
  if (!IsValidUtf8(url)) return false;
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
  }
  return true;
}

bool ContainsMarkup(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '<') continue;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (std::isalpha(next) != 0 || next == '/' || next == '!' || next == '?') return true;
  }
  return false;
}

bool IsDutchPostcode(std::string_view text) {
  if (text.size() < 4 || !IsDigits(text.substr(0, 4)) || text[0] == '0') return false;
  std::string_view rest = text.substr(4);
  if (rest.empty()) return true;
  if (rest[0] == ' ') rest = rest.substr(1);
  return rest.size() == 2 && std::isupper(static_cast<unsigned char>(rest[0])) != 0 &&
         std::isupper(static_cast<unsigned char>(rest[1])) != 0;
}

std::vector<Error> ValidateProvider(const Provider& provider) {
  FieldProblems p("");
  p.Text("key", provider.key, 100, true);
  p.Text("name", provider.name, kMaxTitleChars, true);
  if (!provider.kvk.empty() && (provider.kvk.size() != 8 || !IsDigits(provider.kvk))) {
    p.Add("kvk", "a KvK number has 8 digits");
  }
  if (!provider.brin.empty()) {
    const bool ok = provider.brin.size() == 4 && IsDigits(provider.brin.substr(0, 2)) &&
                    std::isalnum(static_cast<unsigned char>(provider.brin[2])) != 0 &&
                    std::isalnum(static_cast<unsigned char>(provider.brin[3])) != 0;
    if (!ok) p.Add("brin", "a BRIN code is two digits and two letters or digits, like 25BE");
  }
  p.Url("website", provider.website);
  for (size_t i = 0; i < provider.quality_marks.size(); ++i) {
    p.Text("quality_marks[" + std::to_string(i) + "]", provider.quality_marks[i], 100, true);
  }
  if (!provider.contact.email.empty() &&
      (provider.contact.email.find('@') == std::string::npos ||
       provider.contact.email.size() > 254 || !IsValidUtf8(provider.contact.email) ||
       ContainsMarkup(provider.contact.email))) {
    p.Add("contact.email", "is not an e-mail address");
  }
  p.Text("contact.phone", provider.contact.phone, 30, false);
  return p.Take();
}

std::vector<Error> ValidateCourse(const CourseWithOfferings& input) {
  const Course& c = input.course;
  FieldProblems p("");
  p.Text("external_id", c.external_id, 100, true);
  p.Text("primary_code.type", c.primary_code.type, 50, false);
  p.Text("primary_code.code", c.primary_code.code, 100, false);
  p.Text("title.nl", c.title.nl, kMaxTitleChars, true);
  p.Text("title.en", c.title.en, kMaxTitleChars, false);
  p.Text("description.nl", c.description.nl, kMaxDescriptionChars, false);
  p.Text("description.en", c.description.en, kMaxDescriptionChars, false);
  p.Text("goal.nl", c.goal.nl, kMaxShortTextChars, false);
  p.Text("goal.en", c.goal.en, kMaxShortTextChars, false);
  p.Text("prerequisites.nl", c.prerequisites.nl, kMaxShortTextChars, false);
  p.Text("prerequisites.en", c.prerequisites.en, kMaxShortTextChars, false);
  p.Text("sector", c.sector, 100, false);
  p.Text("exam", c.exam, kMaxShortTextChars, false);
  const auto list = [&](const char* name, const std::vector<std::string>& items) {
    if (items.size() > 50) p.Add(name, "has more than 50 entries");
    for (size_t i = 0; i < items.size(); ++i) {
      p.Text(std::string(name) + "[" + std::to_string(i) + "]", items[i], kMaxTitleChars, true);
    }
  };
  list("follow_up", c.follow_up);
  list("occupations", c.occupations);
  list("skills", c.skills);
  list("quality_marks", c.quality_marks);
  p.Range("nlqf", c.nlqf, 0, 8);
  p.Range("study_load_hours", c.study_load_hours, 0, 20000);
  p.Range("duration_weeks", c.duration_weeks, 0, 520);
  p.Range("theory_percent", c.theory_percent, -1, 100);
  p.Range("pe_points", c.pe_points, 0, 1000);
  p.Range("costs.registration_cents", c.costs.registration_cents, 0, kMaxCourseCostCents);
  p.Range("costs.tuition_cents", c.costs.tuition_cents, 0, kMaxCourseCostCents);
  p.Range("costs.materials_cents", c.costs.materials_cents, 0, kMaxCourseCostCents);
  p.Range("costs.other_cents", c.costs.other_cents, 0, kMaxCourseCostCents);
  if (c.language.size() != 2 || std::islower(static_cast<unsigned char>(c.language[0])) == 0 ||
      std::islower(static_cast<unsigned char>(c.language[1])) == 0) {
    p.Add("language", "must be a two-letter language code like nl or en");
  }
  if (input.offerings.size() > 1000) p.Add("offerings", "has more than 1000 offerings");
  std::set<std::string> seen;
  for (size_t i = 0; i < input.offerings.size(); ++i) {
    const std::string prefix = "offerings[" + std::to_string(i) + "].";
    p.Append(ValidateOffering(input.offerings[i], prefix));
    if (!seen.insert(input.offerings[i].external_id).second) {
      p.Add(prefix + "external_id", "appears twice in this course");
    }
  }
  return p.Take();
}

}  // namespace verder
