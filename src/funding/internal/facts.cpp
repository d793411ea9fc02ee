#include "funding/internal/facts.h"

namespace verder::funding::internal {
namespace {

Fact Known(std::string text) {
  Fact f;
  f.state = Fact::State::kKnown;
  f.text = std::move(text);
  return f;
}

Fact KnownNumber(std::optional<int64_t> n) {
  Fact f;
  f.state = Fact::State::kKnown;
  f.number = n;
  return f;
}

// "unknown" is the answer a person may give when they do not know or do not want to say.
Fact Choice(const std::string& value) {
  if (value == "unknown") return Fact{};
  return Known(value);
}

const char* Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

Facts::Facts(const Person& person, const FundingCourse* course,
             const std::vector<AnswerError>& errors)
    : person_(person), course_(course), errors_(errors) {}

const AnswerError* Facts::ErrorOn(std::string_view field) const {
  for (const AnswerError& e : errors_) {
    const std::string_view f = e.field;
    if (f == field ||
        (f.size() > field.size() && f.substr(0, field.size()) == field && f[field.size()] == '.')) {
      return &e;
    }
  }
  return nullptr;
}

bool Facts::Wrong(std::string_view field) const { return ErrorOn(field) != nullptr; }

Fact Facts::Get(std::string_view field) const {
  if (const AnswerError* e = ErrorOn(field)) {
    Fact f;
    // A missing answer is simply not known; any other error means the answer cannot be used.
    if (e->code != AnswerErrorCode::kMissing) f.state = Fact::State::kWrong;
    return f;
  }
  const Person& p = person_;
  if (field == "age") return p.age ? KnownNumber(*p.age) : Fact{};
  if (field == "education") return Choice(p.education);
  if (field == "work") return Choice(p.work);
  if (field == "sector") return Choice(p.sector);
  if (field == "postcode") return p.postcode ? Known(*p.postcode) : Fact{};
  if (field == "newcomer") return Known(Bool(p.newcomer));
  if (field == "employer_tied") return p.employer_tied ? Known(Bool(*p.employer_tied)) : Fact{};
  if (course_ == nullptr) return Fact{};
  const FundingCourse& c = *course_;
  if (field == "course.registers") {
    Fact f = Known("");
    f.list = c.registers;
    return f;
  }
  if (field == "course.recognised_ocw") return Known(Bool(c.recognised_ocw));
  if (field == "course.nlqf") return KnownNumber(c.nlqf);
  if (field == "course.level") return Known(c.level);
  if (field == "course.sector") return Choice(c.sector);
  return Fact{};
}

}  // namespace verder::funding::internal
