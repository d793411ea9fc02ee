#include "ingest/demo_catalog.h"

#include "core/rng.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace verder {
namespace {

std::vector<size_t> Permutation(size_t n, uint64_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  Rng rng(seed);
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
  return order;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

constexpr std::array<std::string_view, 12> kProviderKinds{
    "Opleidingscentrum", "Leerhuis",           "Trainingsbureau", "Academie",
    "Kennisinstituut",   "Scholingshuis",      "Vakschool",       "Leerwerkplaats",
    "Studiecentrum",     "Bureau Bijscholing", "Instituut",       "Volksuniversiteit"};
constexpr std::array<std::string_view, 14> kSectors{"Zorg en welzijn",
                                                    "Techniek",
                                                    "ICT",
                                                    "Bouw en infra",
                                                    "Handel",
                                                    "Logistiek",
                                                    "Horeca",
                                                    "Onderwijs",
                                                    "Cultuur",
                                                    "Financiële dienstverlening",
                                                    "Overheid",
                                                    "Landbouw en groen",
                                                    "Schoonmaak",
                                                    "Veiligheid"};
constexpr std::array<std::string_view, 8> kAudiences{"mensen die net beginnen",
                                                     "medewerkers die verder willen groeien",
                                                     "zzp'ers",
                                                     "mensen die een nieuw vak willen leren",
                                                     "leidinggevenden",
                                                     "werkzoekenden",
                                                     "iedereen met interesse in het onderwerp",
                                                     "professionals met ervaring"};
constexpr std::array<std::string_view, 5> kQualityMarks{"NRTO-keurmerk", "CEDEO-erkend", "ISO 9001",
                                                        "Erkend leerbedrijf SBB",
                                                        "Register Beroepsopleidingen"};

}  // namespace

DemoCatalog::DemoCatalog(const ReferenceData& reference, const DemoOptions& options)
    : reference_(reference), options_(options) {
  Rng rng(options.seed ^ 0xD1B54A32D192ED03ULL);
  for (int i = 0; i < options.providers; ++i) {
    const size_t pc = reference.postcodes.empty() ? 0 : rng.Below(reference.postcodes.size());
    const std::string place =
        reference.postcodes.empty() ? "Nederland" : reference.postcodes[pc].place;
    provider_seeds_.push_back({std::string(rng.Pick(kProviderKinds)) + " " + place, pc});
  }
  provider_cdf_ = ZipfCdf(provider_seeds_.size(), 0.8);
  occupation_order_ = Permutation(reference.occupations.size(), options.seed + 1);
  skill_order_ = Permutation(reference.skills.size(), options.seed + 2);
  occupation_cdf_ = ZipfCdf(reference.occupations.size(), 1.0);
  skill_cdf_ = ZipfCdf(reference.skills.size(), 1.0);
}

std::vector<Provider> DemoCatalog::Providers() const {
  std::vector<Provider> out;
  for (size_t i = 0; i < provider_seeds_.size(); ++i) {
    Rng rng(options_.seed * 1000003 + i);
    Provider p;
    p.key = "demo:" + std::to_string(i + 1);
    p.name = provider_seeds_[i].name + " " + std::to_string(i + 1);
    p.kvk = std::to_string(90000000 + static_cast<int>(i));
    p.website = "https://aanbieder-" + std::to_string(i + 1) + ".demo.verder.example";
    if (rng.Chance(0.35)) p.quality_marks.emplace_back(rng.Pick(kQualityMarks));
    p.contact.email = "info@aanbieder-" + std::to_string(i + 1) + ".demo.verder.example";
    p.is_demo = true;
    out.push_back(std::move(p));
  }
  return out;
}

ImportedCourse DemoCatalog::CourseAt(int64_t index) const {
  Rng rng((options_.seed << 32) ^ static_cast<uint64_t>(index) * 0x9E3779B97F4A7C15ULL);
  const size_t provider = SampleCdf(provider_cdf_, &rng);
  ImportedCourse out;
  out.provider_key = "demo:" + std::to_string(provider + 1);
  Course& c = out.course.course;
  c.external_id = "demo-" + std::to_string(index + 1);
  c.is_demo = true;
  c.primary_code = {"provider", c.external_id};

  const auto occupation = [&]() -> const VocabularyTerm& {
    return reference_.occupations[occupation_order_[SampleCdf(occupation_cdf_, &rng)]];
  };
  const auto skill = [&]() -> const VocabularyTerm& {
    return reference_.skills[skill_order_[SampleCdf(skill_cdf_, &rng)]];
  };
  const VocabularyTerm& job = occupation();
  const VocabularyTerm& main_skill = skill();
  const std::string job_label = Lower(job.label);
  const std::string skill_label = Lower(main_skill.label);
  switch (rng.Below(8)) {
    case 0:
      c.title.nl = "Cursus " + skill_label;
      break;
    case 1:
      c.title.nl = Capitalised(job_label) + ": de basis";
      break;
    case 2:
      c.title.nl = "Training " + skill_label + " voor beginners";
      break;
    case 3:
      c.title.nl = "Praktijkopleiding " + job_label;
      break;
    case 4:
      c.title.nl = Capitalised(skill_label) + " voor gevorderden";
      break;
    case 5:
      c.title.nl = "Workshop " + skill_label;
      break;
    case 6:
      c.title.nl = "Opleiding tot " + job_label;
      break;
    default:
      c.title.nl = "Masterclass " + skill_label;
      break;
  }
  if (c.title.nl.size() > 190) {
    // Cut before a character's first byte, never inside a UTF-8 sequence.
    size_t cut = 190;
    while (cut > 0 && (static_cast<unsigned char>(c.title.nl[cut]) & 0xC0) == 0x80) --cut;
    c.title.nl.resize(cut);
  }
  c.occupations.push_back(job.label);
  if (rng.Chance(0.4)) c.occupations.push_back(occupation().label);
  c.skills.push_back(main_skill.label);
  for (int k = 0, extra = static_cast<int>(rng.Below(4)); k < extra; ++k)
    c.skills.push_back(skill().label);
  std::sort(c.skills.begin(), c.skills.end());
  c.skills.erase(std::unique(c.skills.begin(), c.skills.end()), c.skills.end());
  std::sort(c.occupations.begin(), c.occupations.end());
  c.occupations.erase(std::unique(c.occupations.begin(), c.occupations.end()), c.occupations.end());

  std::string skills_text;
  for (size_t k = 0; k < c.skills.size(); ++k) {
    if (k > 0) skills_text += k + 1 == c.skills.size() ? " en " : ", ";
    skills_text += Lower(c.skills[k]);
  }
  c.description.nl = "In deze opleiding leer je " + skills_text + ". Ze is bedoeld voor " +
                     std::string(rng.Pick(kAudiences)) +
                     ". Wat je leert, gebruik je direct in je werk als " + job_label +
                     ". (Demo-aanbod, gemaakt voor tests.)";
  c.goal.nl = "Je kunt na afloop zelfstandig aan de slag met " + skill_label + ".";
  c.prerequisites.nl = rng.Chance(0.6) ? "Geen vooropleiding nodig." : "Ervaring in het vak helpt.";
  c.sector = std::string(rng.Pick(kSectors));

  const double hours = std::exp(1.4 + rng.Real() * 4.6);  // ~4 to ~400 hours, log-uniform
  c.study_load_hours = std::max(2, static_cast<int>(hours));
  c.duration_weeks = c.study_load_hours <= 8 ? 0 : std::max(1, c.study_load_hours / 6);
  c.theory_percent = 20 + static_cast<int>(rng.Below(61));
  constexpr std::array<Credential, 4> kCredentials{
      Credential::kCertificate, Credential::kProofOfParticipation, Credential::kPartialCertificate,
      Credential::kMicrocredential};
  c.credential =
      kCredentials[std::min<size_t>(3, static_cast<size_t>(rng.Real() * rng.Real() * 4))];
  if (rng.Chance(0.2)) c.pe_points = 2 + static_cast<int>(rng.Below(19));
  if (rng.Chance(0.06)) {
    c.nlqf = 2 + static_cast<int>(rng.Below(5));
    c.funding_flags |= kFundingNlqfPlaced;
  }
  const bool free = rng.Chance(0.04);
  c.costs.tuition_cents = free ? 0 : static_cast<Cents>(std::exp(3.9 + rng.Real() * 4.6)) * 100;
  c.costs.registration_cents =
      !free && rng.Chance(0.3) ? (25 + static_cast<Cents>(rng.Below(51))) * 100 : 0;
  c.costs.materials_cents = !free && rng.Chance(0.4) ? static_cast<Cents>(rng.Below(300)) * 100 : 0;
  c.costs.other_cents = !free && rng.Chance(0.15) ? static_cast<Cents>(rng.Below(150)) * 100 : 0;
  c.language = rng.Chance(0.08) ? "en" : "nl";
  const double mode = rng.Real();
  c.mode = mode < 0.45  ? DeliveryMode::kClassroom
           : mode < 0.7 ? DeliveryMode::kOnline
           : mode < 0.9 ? DeliveryMode::kBlended
                        : DeliveryMode::kSelfPaced;
  if (rng.Chance(0.15)) c.funding_flags |= kFundingStapRegister;
  if (rng.Chance(0.1)) c.funding_flags |= kFundingSectorRecognised;

  const std::string url = "https://aanbieder-" + std::to_string(provider + 1) +
                          ".demo.verder.example/cursus/" + std::to_string(index + 1);
  const size_t runs = c.mode == DeliveryMode::kSelfPaced ? 1 : 1 + rng.Below(4);
  for (size_t r = 0; r < runs; ++r) {
    Offering o;
    o.external_id = "run-" + std::to_string(r + 1);
    o.enrol_url = url;
    if (c.mode != DeliveryMode::kSelfPaced) {
      o.start = options_.today + static_cast<int32_t>(7 + rng.Below(365));
      o.end = *o.start + std::max(0, c.duration_weeks * 7 - 1);
      o.seats = 8 + static_cast<int>(rng.Below(17));
      o.daypart = static_cast<Daypart>(rng.Below(4));
    }
    if (c.mode != DeliveryMode::kOnline && c.mode != DeliveryMode::kSelfPaced &&
        !reference_.postcodes.empty()) {
      const size_t pc = rng.Chance(0.7) ? provider_seeds_[provider].home_postcode
                                        : rng.Below(reference_.postcodes.size());
      const Postcode4& p = reference_.postcodes[pc];
      o.location = {p.pc4, p.municipality_code, p.place, ""};
    }
    out.course.offerings.push_back(std::move(o));
  }
  return out;
}

CourseSource DemoCatalog::Source() const {
  auto next = std::make_shared<int64_t>(0);
  return [this, next](size_t max, std::vector<ImportedCourse>* batch) {
    batch->clear();
    while (*next < options_.courses && batch->size() < max) batch->push_back(CourseAt((*next)++));
    return !batch->empty();
  };
}

}  // namespace verder
