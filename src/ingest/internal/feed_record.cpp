#include "ingest/internal/feed_record.h"

#include <cctype>
#include <utility>

#include "catalog/validation.h"
#include "core/money.h"

namespace verder::ingest_internal {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

std::string Describe(std::optional<size_t> index, std::optional<size_t> line) {
  if (line) return "line " + std::to_string(*line);
  if (index) return "index " + std::to_string(*index);
  return "an earlier record";
}

}  // namespace

void RecordProblems::Add(const std::string& field, std::string code, std::string message,
                         std::optional<size_t> line) {
  if (!fields_with_problems_.insert(field).second) return;
  problems_.push_back({field, std::move(code), std::move(message), line});
}

void RecordProblems::Source(std::string model_field, std::string feed_field,
                            std::optional<size_t> line) {
  if (sources_.empty()) sources_.reserve(kSourcesReserved);
  sources_.emplace_back(std::move(model_field), Origin{std::move(feed_field), line});
}

const RecordProblems::Origin* RecordProblems::FindSource(std::string_view model_field) const {
  // The latest mention wins; most records have no problem, so this is searched only for those
  // that do, and recording a source stays one append.
  for (auto it = sources_.rbegin(); it != sources_.rend(); ++it) {
    if (it->first == model_field) return &it->second;
  }
  return nullptr;
}

RecordProblems::Origin RecordProblems::Translate(const std::string& model_field) const {
  // Try the whole path, then ever shorter prefixes ending before a '.' or '[', and carry the
  // rest over: "offerings[1].location.postcode" may be known only as "offerings[1].location".
  for (size_t end = model_field.size(); end > 0;) {
    const Origin* found = FindSource(std::string_view(model_field).substr(0, end));
    if (found != nullptr) return {found->field + model_field.substr(end), found->line};
    const size_t cut = model_field.find_last_of(".[", end - 1);
    if (cut == std::string::npos || cut == 0) break;
    end = cut;
  }
  return {model_field, std::nullopt};
}

void RecordProblems::Validate(const CourseWithOfferings& course) {
  for (const Error& e : ValidateCourse(course)) {
    Origin origin = Translate(e.field);
    // The catalogue's messages continue its field name ("is required"); put the sender's in front.
    bool continues = false;
    for (std::string_view verb : {"is ", "has ", "must ", "may ", "appears "}) {
      continues = continues || e.message.rfind(verb, 0) == 0;
    }
    std::string message = continues ? origin.field + " " + e.message : e.message;
    if (!continues && !message.empty()) message[0] = static_cast<char>(std::toupper(message[0]));
    if (!message.empty() && message.back() != '.') message += '.';
    const std::string code = CodeForValidationError(e);
    if (code == "price") {  // the catalogue counts cents; a sender writes euros
      message = origin.field + " must be between 0.00 and " +
                FormatEurosPlain(kMaxCourseCostCents) + " euros; more is taken for a typo.";
    }
    Add(origin.field, code, std::move(message), origin.line);
  }
  // Sources serve only this translation. A large feed's records wait, validated, until they are
  // collected in feed order; without this, 100,000 records held 4 million source names.
  sources_ = {};
}

std::string CodeForValidationError(const Error& error) {
  const std::string& m = error.message;
  if (Contains(m, "UTF-8")) return "utf8";
  if (Contains(m, "markup")) return "markup";
  if (Contains(m, "longer than") || Contains(m, "more than")) return "length";
  if (Contains(m, "web address")) return "url";
  if (Contains(m, "is required")) return "required";
  if (Contains(m, "appears twice")) return "duplicate_id";
  if (Contains(m, "date")) return "date";
  if (Contains(m, "postcode") || Contains(m, "municipality")) return "postcode";
  if (Contains(m, "language code")) return "enum";
  if (Contains(m, "must be between")) {
    return EndsWith(error.field, "_cents") ? "price" : "range";
  }
  return "invalid";
}

std::string NormalisePostcode(std::string_view postcode) {
  std::string compact;
  for (char c : postcode) {
    if (c == ' ' || c == '\t') continue;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (compact.size() == 6) return compact.substr(0, 4) + " " + compact.substr(4);
  return compact;
}

void ResolveLocation(const AddressInput& input, const std::string& model_field, const GeoIndex* geo,
                     Location* location, RecordProblems* problems) {
  problems->Source(model_field + ".postcode", input.postcode_field, input.line);
  problems->Source(model_field + ".municipality_code", input.postcode_field, input.line);
  problems->Source(model_field + ".place", input.city_field, input.line);
  problems->Source(model_field + ".address", input.street_field, input.line);
  location->address = input.street;
  location->place = input.city;
  if (!input.postcode.empty()) {
    const std::string postcode = NormalisePostcode(input.postcode);
    if (!IsDutchPostcode(postcode)) {
      return problems->Add(input.postcode_field, "postcode",
                           "'" + input.postcode + "' is not a Dutch postcode like 1234 AB.",
                           input.line);
    }
    location->postcode = postcode;
    if (geo == nullptr) return;
    const Postcode4* pc = geo->FindPostcode(postcode.substr(0, 4));
    if (pc == nullptr) {
      return problems->Add(input.postcode_field, "unknown_postcode",
                           "Postcode " + postcode + " does not exist.", input.line);
    }
    location->municipality_code = pc->municipality_code;
    if (location->place.empty()) location->place = pc->place;
    return;
  }
  if (input.city.empty() || geo == nullptr) return;
  // Only the town is known: put the course at the municipality's first postcode, as the DUO
  // import does, so it can still be found by distance.
  const Municipality* m = geo->FindMunicipalityByPlace(input.city);
  const Postcode4* pc = m == nullptr ? nullptr : geo->FirstPostcodeOf(m->code);
  if (pc == nullptr) {
    return problems->Add(input.city_field, "unknown_postcode",
                         "'" + input.city + "' is not a Dutch town we know; add a postcode.",
                         input.line);
  }
  location->postcode = pc->pc4;
  location->municipality_code = m->code;
}

void FeedCollector::Finish(std::optional<size_t> index, std::optional<size_t> line,
                           const std::string& id, const std::string& id_field,
                           CourseWithOfferings course, RecordProblems problems) {
  problems.Validate(course);
  FinishValidated(index, line, id, id_field, std::move(course), std::move(problems));
}

void FeedCollector::FinishValidated(std::optional<size_t> index, std::optional<size_t> line,
                                    const std::string& id, const std::string& id_field,
                                    CourseWithOfferings course, RecordProblems problems) {
  if (!id.empty()) {
    const auto [it, first] = first_seen_.emplace(id, Describe(index, line));
    if (!first) {
      problems.Add(id_field, "duplicate_id",
                   "Course id '" + id + "' was already used at " + it->second +
                       "; ids must be unique within a feed, so only the first is read.");
    }
  }
  if (problems.empty()) {
    out_->records.push_back({index, line, id, std::move(course)});
    return;
  }
  ++out_->records_rejected;
  for (const RecordProblem& p : problems.problems()) {
    Reject({index, p.line ? p.line : line, id, p.field, p.code, p.message});
  }
}

void FeedCollector::RejectRecord(FeedRejection rejection) {
  ++out_->records_rejected;
  Reject(std::move(rejection));
}

void FeedCollector::Reject(FeedRejection rejection) {
  if (out_->rejected.size() >= limits_.max_rejections) {
    ++out_->more_rejected;
    return;
  }
  out_->rejected.push_back(std::move(rejection));
}

}  // namespace verder::ingest_internal
