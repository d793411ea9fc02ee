#include "ingest/feed_test_support.h"

#include <cstdlib>

#include "core/file.h"

namespace verder::feed_test {

ReferenceData Reference() {
  ReferenceData d;
  d.municipalities = {{"0344", "Utrecht", "Utrecht", 1},
                      {"0014", "Groningen", "Groningen", 2},
                      {"0363", "Amsterdam", "Noord-Holland", 3},
                      {"0935", "Maastricht", "Limburg", 4}};
  d.postcodes = {{"3511", 52.09, 5.11, "Utrecht", "0344"},
                 {"9711", 53.22, 6.57, "Groningen", "0014"},
                 {"1012", 52.37, 4.89, "Amsterdam", "0363"},
                 {"6211", 50.85, 5.69, "Maastricht", "0935"}};
  for (int i = 0; i < 50; ++i) {
    d.occupations.push_back(
        {"esco", "o" + std::to_string(i), "beroep " + std::to_string(i), {}, ""});
    d.skills.push_back(
        {"esco", "s" + std::to_string(i), "vaardigheid " + std::to_string(i), {}, ""});
  }
  return d;
}

nlohmann::json ValidCourse() {
  return nlohmann::json::parse(R"({
    "courseId": "c-1",
    "primaryCode": {"codeType": "identifier", "code": "BK-101"},
    "name": [{"language": "nl-NL", "value": "Basiscursus boekhouden"},
             {"language": "en-GB", "value": "Bookkeeping basics"}],
    "abbreviation": "BK-101",
    "description": [{"language": "nl-NL", "value": "Je leert een administratie bijhouden."}],
    "admissionRequirements": [{"language": "nl-NL", "value": "Geen vooropleiding nodig."}],
    "assessment": [{"language": "nl-NL", "value": "Praktijkopdracht"}],
    "teachingLanguage": "nld",
    "level": "secondary vocational education 3",
    "modeOfDelivery": ["on campus"],
    "studyLoad": {"studyLoadUnit": "hour", "value": 40},
    "duration": "P8W",
    "link": "https://opleider.example.nl/boekhouden",
    "ext": {
      "nlqf": 3,
      "sector": "Financiële dienstverlening",
      "skills": ["boekhouden", "btw-aangifte"],
      "occupations": ["boekhoudkundig medewerker"],
      "qualityMarks": ["NRTO-keurmerk"],
      "funding": ["stap", "nlqf"],
      "credential": "certificate",
      "pePoints": 4,
      "theoryPercent": 60,
      "goal": [{"language": "nl-NL", "value": "Zelf de boeken bijhouden."}],
      "costs": {"registration": "25.00", "tuition": "495.00", "materials": "0", "other": "0",
                "vatIncluded": true, "vatExempt": false}
    },
    "offerings": [
      {"offeringId": "o-1", "offeringType": "course",
       "startDate": "2026-09-01", "endDate": "2026-10-27",
       "enrollStartDate": "2026-05-01", "enrollEndDate": "2026-08-25",
       "addresses": [{"addressType": "teaching", "street": "Oudegracht", "streetNumber": "12",
                      "postalCode": "3511ab", "city": "Utrecht", "countryCode": "NL",
                      "geolocation": {"latitude": 52.09, "longitude": 5.12}}],
       "priceInformation": [{"costType": "total costs", "amount": "560.00", "currency": "EUR",
                             "vatAmount": "97.19", "amountWithoutVat": "462.81"}],
       "minNumberStudents": 4, "maxNumberStudents": 12,
       "registrationStatus": "open",
       "ext": {"daypart": "evening"}},
      {"offeringId": "o-2", "startDate": "2027-01-11", "endDate": "2027-03-08",
       "addresses": [{"addressType": "teaching", "postalCode": "9711", "city": "Groningen"}],
       "link": "https://opleider.example.nl/boekhouden/groningen"}
    ]
  })");
}

std::string SourceFile(const std::string& relative) {
  const char* dir = std::getenv("VERDER_SOURCE_DIR");  // set by ctest
  const std::string root = dir != nullptr ? dir : VERDER_SOURCE_DIR_DEFAULT;
  Result<std::string> text = ReadFile(root + "/" + relative);
  return text.ok() ? std::move(text).value() : "";
}

std::string Describe(const FeedParse& parse) {
  std::string out = std::to_string(parse.records.size()) + " kept, " +
                    std::to_string(parse.records_rejected) + " rejected\n";
  for (const FeedRejection& r : parse.rejected) {
    out += (r.index ? "index " + std::to_string(*r.index) : "") +
           (r.line ? " line " + std::to_string(*r.line) : "") + " id=" + r.id + " " + r.field +
           " [" + r.code + "] " + r.message + "\n";
  }
  return out;
}

}  // namespace verder::feed_test
