#include "funding/internal/scheme_json.h"

#include <algorithm>

#include "funding/internal/json_reader.h"
#include "funding/vocabulary.h"

namespace verder::funding::internal {
namespace {

using nlohmann::json;

NumberRange ReadRange(const json& j, const std::string& path, Problems* p) {
  NumberRange r;
  if (!CheckObject(j, path, {"min", "max"}, p)) return r;
  r.min = ReadInteger(j, "min", path, false, p);
  r.max = ReadInteger(j, "max", path, false, p);
  if (!j.contains("min") && !j.contains("max")) p->Add(path, "give min, max or both");
  if (r.min && r.max && *r.min > *r.max) p->Add(path, "min is above max");
  return r;
}

// The values of a text or yes/no field; "*" (any valid answer) only where `star_allowed`.
std::vector<std::string> ReadValues(const json& j, std::string_view key, const FieldSpec& spec,
                                    const std::string& path, bool star_allowed, Problems* p) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  const std::string here = Join(path, key);
  const json& v = j.at(std::string(key));
  if (!v.is_array()) {
    p->Add(here, "expected a list of values");
    return out;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    const json& e = v[i];
    if (spec.type == FieldType::kBool) {
      if (!e.is_boolean()) {
        p->Add(Index(here, i), "expected true or false");
        continue;
      }
      out.emplace_back(e.get<bool>() ? "true" : "false");
      continue;
    }
    if (!e.is_string()) {
      p->Add(Index(here, i), "expected a text value");
      continue;
    }
    const std::string value = e.get<std::string>();
    if (value == "*" && star_allowed) {
      out.push_back(value);
    } else if (value == "unknown") {
      p->Add(Index(here, i), "'unknown' is always maybe; do not list it");
    } else if (spec.values != nullptr && !IsAllowed(*spec.values, value)) {
      p->Add(Index(here, i),
             "'" + value + "' is not an allowed value of " + std::string(spec.name));
    } else if (spec.values == nullptr && value != "*") {
      p->Add(Index(here, i), std::string(spec.name) + " only accepts \"*\" (any valid answer)");
    } else {
      out.push_back(value);
    }
  }
  return out;
}

void ReadFieldCriterion(const json& j, const std::string& path, Criterion* c, Problems* p) {
  c->field = ReadText(j, "field", path, true, p).value_or("");
  const FieldSpec* spec = FindField(c->field);
  if (spec == nullptr) {
    p->Add(Join(path, "field"), "unknown field '" + c->field + "'");
    return;
  }
  if (spec->type == FieldType::kNumber) {
    if (j.contains("yes")) c->yes_range = ReadRange(j.at("yes"), Join(path, "yes"), p);
    if (j.contains("maybe")) c->maybe_range = ReadRange(j.at("maybe"), Join(path, "maybe"), p);
    if (!c->yes_range && !c->maybe_range) p->Add(path, "give a yes or maybe range");
    return;
  }
  c->yes_values = ReadValues(j, "yes", *spec, path, true, p);
  c->maybe_values = ReadValues(j, "maybe", *spec, path, false, p);
  if (c->yes_values.empty() && c->maybe_values.empty()) p->Add(path, "give yes or maybe values");
  for (const std::string& v : c->maybe_values) {
    if (std::find(c->yes_values.begin(), c->yes_values.end(), v) != c->yes_values.end()) {
      p->Add(path, "'" + v + "' is both yes and maybe");
    }
  }
}

// Whether some valid value falls outside the yes and maybe lists: only then is reason_no shown.
bool CanSayNo(const Criterion& c) {
  const FieldSpec* spec = FindField(c.field);
  const auto listed = [&c](const std::string& v) {
    return std::find(c.yes_values.begin(), c.yes_values.end(), v) != c.yes_values.end() ||
           std::find(c.maybe_values.begin(), c.maybe_values.end(), v) != c.maybe_values.end();
  };
  if (spec == nullptr || listed("*")) return false;
  switch (spec->type) {
    case FieldType::kNumber:
    case FieldType::kTextList:  // a course may be in no register at all
      return true;
    case FieldType::kBool:
      return !listed("true") || !listed("false");
    case FieldType::kText:
      if (spec->values == nullptr) return true;
      return std::any_of(spec->values->begin(), spec->values->end(),
                         [&](const std::string& v) { return v != "unknown" && !listed(v); });
  }
  return true;
}

Criterion ReadCriterion(const json& j, const std::string& path, bool nested, Problems* p);

// Members of an "any_of" may leave out their reasons and sources: the group's are shown.
void ReadAnyOf(const json& j, const std::string& path, Criterion* c, Problems* p) {
  const std::string here = Join(path, "any_of");
  const json& list = j.at("any_of");
  if (!list.is_array() || list.size() < 2) {
    p->Add(here, "expected a list of at least two criteria");
    return;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    c->any_of.push_back(ReadCriterion(list[i], Index(here, i), true, p));
  }
}

Criterion::Kind KindOf(const json& j, const std::string& path, Problems* p) {
  if (j.contains("field")) return Criterion::Kind::kField;
  if (j.contains("any_of")) return Criterion::Kind::kAnyOf;
  const std::string kind = ReadText(j, "kind", path, true, p).value_or("");
  if (kind == "min-cost-excl-vat") return Criterion::Kind::kMinCostExclVat;
  if (kind == "start-window") return Criterion::Kind::kStartWindow;
  if (kind == "not-asked") return Criterion::Kind::kNotAsked;
  if (!kind.empty()) {
    p->Add(Join(path, "kind"),
           "unknown kind '" + kind + "' (min-cost-excl-vat, start-window, not-asked)");
  }
  return Criterion::Kind::kNotAsked;
}

Criterion ReadCriterion(const json& j, const std::string& path, bool nested, Problems* p) {
  Criterion c;
  if (!CheckObject(
          j, path,
          {"field", "yes", "maybe", "any_of", "kind", "min_cents", "max_vat_percent",
           "months_before", "months_after", "question", "reason_no", "reason_maybe", "source"},
          p)) {
    return c;
  }
  c.kind = KindOf(j, path, p);
  bool can_say_no = true;
  bool can_say_maybe = false;
  switch (c.kind) {
    case Criterion::Kind::kField:
      ReadFieldCriterion(j, path, &c, p);
      can_say_no = CanSayNo(c);
      can_say_maybe = !c.maybe_values.empty() || c.maybe_range.has_value();
      break;
    case Criterion::Kind::kAnyOf:
      ReadAnyOf(j, path, &c, p);
      break;
    case Criterion::Kind::kMinCostExclVat:
      c.min_cents = ReadInteger(j, "min_cents", path, true, p).value_or(0);
      c.max_vat_percent =
          static_cast<int>(ReadInteger(j, "max_vat_percent", path, true, p).value_or(0));
      if (c.min_cents <= 0) p->Add(Join(path, "min_cents"), "must be above 0");
      if (c.max_vat_percent < 0 || c.max_vat_percent > 100) {
        p->Add(Join(path, "max_vat_percent"), "must be 0-100");
      }
      can_say_maybe = c.max_vat_percent > 0;
      break;
    case Criterion::Kind::kStartWindow:
      c.months_before =
          static_cast<int>(ReadInteger(j, "months_before", path, true, p).value_or(0));
      c.months_after = static_cast<int>(ReadInteger(j, "months_after", path, true, p).value_or(0));
      if (c.months_before < 0 || c.months_after < 0) p->Add(path, "months cannot be negative");
      break;
    case Criterion::Kind::kNotAsked:
      c.question = ReadText(j, "question", path, true, p).value_or("");
      can_say_no = false;
      can_say_maybe = true;
      break;
  }
  c.reason_no = ReadLocalized(j, "reason_no", path, can_say_no && !nested, p);
  c.reason_maybe = ReadLocalized(j, "reason_maybe", path, can_say_maybe, p);
  if (!nested || j.contains("source")) c.sources = ReadSources(j, path, p);
  return c;
}

// Criteria in a share's "when" only select; they need no reasons or sources of their own.
std::vector<Criterion> ReadCriteria(const json& j, std::string_view key, const std::string& path,
                                    bool selecting, Problems* p) {
  std::vector<Criterion> out;
  if (!j.contains(key)) return out;
  const std::string here = Join(path, key);
  const json& list = j.at(std::string(key));
  if (!list.is_array()) {
    p->Add(here, "expected a list of criteria");
    return out;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    out.push_back(ReadCriterion(list[i], Index(here, i), selecting, p));
  }
  return out;
}

ShareRule ReadShare(const json& j, const std::string& path, Problems* p) {
  ShareRule s;
  if (!CheckObject(j, path, {"when", "from", "to", "numerator", "denominator", "source"}, p)) {
    return s;
  }
  s.when = ReadCriteria(j, "when", path, true, p);
  s.from = ReadDate(j, "from", path, false, p);
  s.to = ReadDate(j, "to", path, false, p);
  s.numerator = ReadInteger(j, "numerator", path, true, p).value_or(0);
  s.denominator = ReadInteger(j, "denominator", path, true, p).value_or(1);
  if (s.denominator <= 0) p->Add(Join(path, "denominator"), "must be above 0");
  if (s.numerator <= 0 || s.numerator > s.denominator) {
    p->Add(Join(path, "numerator"), "must be above 0 and at most the denominator");
  }
  if (s.from && s.to && *s.from > *s.to) p->Add(path, "from is after to");
  s.sources = ReadSources(j, path, p);
  return s;
}

Ceiling ReadCeiling(const json& j, const std::string& path, Problems* p) {
  Ceiling c;
  if (!CheckObject(j, path, {"period", "cents", "used_answer", "reason_used_up", "source"}, p)) {
    return c;
  }
  const std::string period = ReadText(j, "period", path, true, p).value_or("");
  if (period == "calendar-year") {
    c.period = Period::kCalendarYear;
  } else if (period == "rolling-12-months") {
    c.period = Period::kRolling12Months;
  } else if (!period.empty()) {
    p->Add(Join(path, "period"), "expected calendar-year or rolling-12-months");
  }
  c.cents = ReadInteger(j, "cents", path, true, p).value_or(0);
  if (c.cents <= 0) p->Add(Join(path, "cents"), "must be above 0");
  c.used_answer = ReadText(j, "used_answer", path, true, p).value_or("");
  if (!c.used_answer.empty() && c.used_answer != "used_this_year_cents" &&
      c.used_answer != "ppo_cofinanced_last_12m_cents") {
    p->Add(Join(path, "used_answer"),
           "expected used_this_year_cents or ppo_cofinanced_last_12m_cents");
  }
  c.reason_used_up = ReadLocalized(j, "reason_used_up", path, true, p);
  c.sources = ReadSources(j, path, p);
  return c;
}

template <typename T>
std::vector<T> ReadList(const json& j, std::string_view key, const std::string& path, Problems* p,
                        T (*read)(const json&, const std::string&, Problems*)) {
  std::vector<T> out;
  if (!j.contains(key)) return out;
  const std::string here = Join(path, key);
  const json& list = j.at(std::string(key));
  if (!list.is_array()) {
    p->Add(here, "expected a list");
    return out;
  }
  for (size_t i = 0; i < list.size(); ++i) out.push_back(read(list[i], Index(here, i), p));
  return out;
}

PaymentKind ReadPaymentKind(const json& j, const std::string& path, Problems* p) {
  const std::string kind = ReadText(j, "kind", path, true, p).value_or("");
  if (kind == "course") return PaymentKind::kCourse;
  if (kind == "unpublished") return PaymentKind::kUnpublished;
  if (kind == "loan") return PaymentKind::kLoan;
  if (kind == "tax-deduction") return PaymentKind::kTaxDeduction;
  if (kind == "advice") return PaymentKind::kAdvice;
  if (kind == "compartment") return PaymentKind::kCompartment;
  if (!kind.empty()) {
    p->Add(Join(path, "kind"),
           "expected course, unpublished, loan, tax-deduction, advice or compartment");
  }
  return PaymentKind::kAdvice;
}

Payment ReadPayment(const json& j, const std::string& path, Problems* p) {
  Payment pay;
  if (!CheckObject(j, path,
                   {"kind", "cost_parts", "shares", "ceilings", "compartment_of", "value_cents",
                    "reason", "source"},
                   p)) {
    return pay;
  }
  pay.kind = ReadPaymentKind(j, path, p);
  const bool course = pay.kind == PaymentKind::kCourse;
  pay.cost_parts = ReadTexts(j, "cost_parts", path, course, p);
  for (const std::string& part : pay.cost_parts) {
    if (!IsAllowed(CostPartNames(), part)) {
      p->Add(Join(path, "cost_parts"), "unknown cost part '" + part + "'");
    }
  }
  pay.shares = ReadList<ShareRule>(j, "shares", path, p, ReadShare);
  pay.ceilings = ReadList<Ceiling>(j, "ceilings", path, p, ReadCeiling);
  if (course && pay.shares.empty()) p->Add(Join(path, "shares"), "a course payment needs shares");
  if (course && !pay.shares.empty() &&
      (!pay.shares.back().when.empty() || pay.shares.back().from || pay.shares.back().to)) {
    p->Add(Join(path, "shares"), "the last share must apply always (no when, from or to)");
  }
  if (!course && (!pay.cost_parts.empty() || !pay.shares.empty() || !pay.ceilings.empty())) {
    p->Add(path, "only a course payment has cost_parts, shares or ceilings");
  }
  const bool compartment = pay.kind == PaymentKind::kCompartment;
  pay.compartment_of = ReadText(j, "compartment_of", path, compartment, p).value_or("");
  if (!compartment && !pay.compartment_of.empty()) {
    p->Add(Join(path, "compartment_of"), "only for kind compartment");
  }
  pay.value_cents = ReadInteger(j, "value_cents", path, false, p).value_or(0);
  if (pay.value_cents < 0) p->Add(Join(path, "value_cents"), "cannot be negative");
  pay.reason = ReadLocalized(j, "reason", path, pay.kind == PaymentKind::kUnpublished, p);
  pay.sources = ReadSources(j, path, p);
  return pay;
}

StackingRule ReadStacking(const json& j, const std::string& path, Problems* p) {
  StackingRule s;
  if (!CheckObject(j, path, {"kind", "schemes", "funders", "cents", "reason", "source"}, p)) {
    return s;
  }
  const std::string kind = ReadText(j, "kind", path, true, p).value_or("");
  if (kind == "not-with") {
    s.kind = StackingRule::Kind::kNotWith;
  } else if (kind == "undecided-with") {
    s.kind = StackingRule::Kind::kUndecidedWith;
  } else if (kind == "others-only-above") {
    s.kind = StackingRule::Kind::kOthersOnlyAbove;
  } else if (!kind.empty()) {
    p->Add(Join(path, "kind"), "expected not-with, undecided-with or others-only-above");
  }
  const bool above = s.kind == StackingRule::Kind::kOthersOnlyAbove;
  s.schemes = ReadTexts(j, "schemes", path, !above, p);
  s.funders = ReadTexts(j, "funders", path, above, p);
  s.cents = ReadInteger(j, "cents", path, above, p).value_or(0);
  if (above && s.cents <= 0) p->Add(Join(path, "cents"), "must be above 0");
  s.reason = ReadLocalized(j, "reason", path, true, p);
  s.sources = ReadSources(j, path, p);
  return s;
}

bool IsFunder(std::string_view f) { return f == "public" || f == "private" || f == "regional"; }

void ReadValidity(const json& j, Scheme* s, Problems* p) {
  if (!j.contains("valid")) return;
  const json& v = j.at("valid");
  if (!CheckObject(v, "valid", {"from", "to", "source"}, p)) return;
  s->valid_from = ReadDate(v, "from", "valid", false, p);
  s->valid_to = ReadDate(v, "to", "valid", false, p);
  if (!s->valid_from && !s->valid_to) p->Add("valid", "give from, to or both");
  if (s->valid_from && s->valid_to && *s->valid_from > *s->valid_to) {
    p->Add("valid", "from is after to");
  }
  s->validity_sources = ReadSources(v, "valid", p);
}

}  // namespace

std::vector<Error> ParseSchemeJson(std::string_view text, const std::string& file, Scheme* s) {
  std::vector<Error> out;
  Problems p(file, &out);
  s->file = file;
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    p.Add("", "not valid JSON");
    return out;
  }
  // Sorted keys, fixed indentation: two publications of the same rules compare equal.
  s->definition = j.dump(2);
  if (!CheckObject(j, "",
                   {"id", "name", "goal", "operator", "apply_url", "funder", "sector", "valid",
                    "criteria", "payment", "stacking", "pay_order", "reason_yes", "obligations"},
                   &p)) {
    return out;
  }
  s->id = ReadText(j, "id", "", true, &p).value_or("");
  if (!s->id.empty() && !funding::IsSchemeId(s->id)) p.Add("id", "use a-z, 0-9, '-' and ':' only");
  s->name = ReadLocalized(j, "name", "", true, &p);
  s->goal = ReadLocalized(j, "goal", "", true, &p);
  s->operator_name = ReadLocalized(j, "operator", "", true, &p);
  s->apply_url = ReadText(j, "apply_url", "", false, &p).value_or("");
  if (!s->apply_url.empty() &&
      (s->apply_url.rfind("https://", 0) != 0 || s->apply_url.size() <= 8 ||
       s->apply_url.find(' ') != std::string::npos)) {
    p.Add("apply_url", "expected an https:// address");
  }
  s->funder = ReadText(j, "funder", "", true, &p).value_or("");
  if (!s->funder.empty() && !IsFunder(s->funder)) {
    p.Add("funder", "expected public, private or regional");
  }
  s->sector = ReadText(j, "sector", "", false, &p).value_or("");
  if (!s->sector.empty() && (!IsAllowed(SectorValues(), s->sector) || s->sector == "unknown")) {
    p.Add("sector", "'" + s->sector + "' is not a sector");
  }
  ReadValidity(j, s, &p);
  s->criteria = ReadCriteria(j, "criteria", "", false, &p);
  if (j.contains("payment")) {
    s->payment = ReadPayment(j.at("payment"), "payment", &p);
  } else {
    p.Add("payment", "required");
  }
  s->stacking = ReadList<StackingRule>(j, "stacking", "", &p, ReadStacking);
  s->pay_order = static_cast<int>(ReadInteger(j, "pay_order", "", false, &p).value_or(100));
  s->reason_yes = ReadLocalized(j, "reason_yes", "", true, &p);
  s->obligations = ReadLocalized(j, "obligations", "", true, &p);
  return out;
}

}  // namespace verder::funding::internal
