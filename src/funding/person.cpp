#include "funding/person.h"

#include "funding/vocabulary.h"

namespace verder::funding {
namespace {

AnswerError Problem(std::string field, AnswerErrorCode code, std::string nl, std::string en) {
  return AnswerError{std::move(field), code, {std::move(nl), std::move(en)}};
}

// An answer chosen from a list: empty is missing, anything off the list is unknown.
void CheckChoice(const std::string& field, const std::string& value,
                 const std::vector<std::string>& allowed, std::vector<AnswerError>* out) {
  const FieldLabel label = LabelOf(field);
  if (value.empty()) {
    out->push_back(Problem(field, AnswerErrorCode::kMissing,
                           "Vul " + std::string(label.nl) + " in.",
                           "Please fill in " + std::string(label.en) + "."));
  } else if (!IsAllowed(allowed, value)) {
    out->push_back(Problem(field, AnswerErrorCode::kUnknown,
                           "Kies " + std::string(label.nl) + " uit de lijst.",
                           "Please choose " + std::string(label.en) + " from the list."));
  }
}

void CheckAmount(const std::string& field, Cents cents, std::vector<AnswerError>* out) {
  if (cents < 0) {
    out->push_back(Problem(field, AnswerErrorCode::kInvalid,
                           "Een bedrag kan niet kleiner zijn dan 0.",
                           "An amount cannot be less than 0."));
  }
}

}  // namespace

const char* AnswerErrorCodeName(AnswerErrorCode code) {
  switch (code) {
    case AnswerErrorCode::kInvalid:
      return "invalid";
    case AnswerErrorCode::kUnknown:
      return "unknown";
    case AnswerErrorCode::kMissing:
      return "missing";
  }
  return "invalid";
}

bool IsPostcode4(std::string_view text) {
  if (text.size() != 4 || text[0] < '1' || text[0] > '9') return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::vector<AnswerError> ValidatePerson(const Person& person) {
  std::vector<AnswerError> out;
  if (!person.age.has_value()) {
    out.push_back(Problem("age", AnswerErrorCode::kMissing, "Vul je leeftijd in.",
                          "Please fill in your age."));
  } else if (*person.age < 0 || *person.age > 130) {
    out.push_back(Problem("age", AnswerErrorCode::kInvalid,
                          "Je leeftijd moet een getal zijn van 0 tot 130.",
                          "Your age must be a number from 0 to 130."));
  }
  CheckChoice("education", person.education, EducationValues(), &out);
  CheckChoice("work", person.work, WorkValues(), &out);
  CheckChoice("sector", person.sector, SectorValues(), &out);
  if (person.postcode.has_value() && !IsPostcode4(*person.postcode)) {
    out.push_back(Problem("postcode", AnswerErrorCode::kInvalid,
                          "Vul de 4 cijfers van je postcode in, bijvoorbeeld 1012.",
                          "Please fill in the 4 digits of your postcode, for example 1012."));
  }
  for (const auto& [scheme, cents] : person.used_this_year_cents) {
    CheckAmount("used_this_year_cents." + scheme, cents, &out);
  }
  CheckAmount("ppo_cofinanced_last_12m_cents", person.ppo_cofinanced_last_12m_cents, &out);
  return out;
}

}  // namespace verder::funding
