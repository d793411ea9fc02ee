#include "ingest/internal/ooapi_offering.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "catalog/validation.h"
#include "core/money.h"

namespace verder::ingest_internal {

std::optional<Cents> ReadOoapiAmount(JsonFields& r, std::string_view key) {
  const std::optional<JsonValue> v = r.Get(key);
  if (!v) return std::nullopt;
  const std::string path = r.Path(key);
  const std::optional<std::string_view> given = TextOf(*v);
  if (!given) {
    r.problems()->Add(path, "price", path + " must be a text like \"495.00\", not a number.");
    return std::nullopt;
  }
  const std::string text(*given);
  const Result<Cents> cents = ParseEuros(text);
  if (!cents.ok()) {
    r.problems()->Add(path, "price", path + " '" + text + "': " + cents.error().message + ".");
    return std::nullopt;
  }
  return cents.value();
}

namespace {

OoapiPrice ReadPrices(JsonFields& offering) {
  OoapiPrice out;
  const std::optional<JsonValue> list = offering.Array("priceInformation");
  if (!list) return out;
  RecordProblems* p = offering.problems();
  const std::vector<JsonValue> items = ElementsOf(*list);
  for (size_t i = 0; i < items.size(); ++i) {
    JsonFields cost(items[i], Indexed(offering.Path("priceInformation"), i), p);
    const std::string type = cost.String("costType", true);
    const std::optional<Cents> amount = ReadOoapiAmount(cost, "amount");
    const std::string currency = cost.String("currency");
    if (!currency.empty() && currency != "EUR") {
      p->Add(cost.Path("currency"), "enum", cost.Path("currency") + " must be EUR.");
    }
    const std::optional<Cents> vat = ReadOoapiAmount(cost, "vatAmount");
    const std::optional<Cents> without_vat = ReadOoapiAmount(cost, "amountWithoutVat");
    if (amount && vat && without_vat && std::abs(*vat + *without_vat - *amount) > 1) {
      p->Add(cost.Path("vatAmount"), "price",
             "vatAmount and amountWithoutVat must add up to amount (within one cent).");
    }
    if (type == "total costs" || type == "total_costs") {
      if (!cost.Get("amount")) {
        p->Add(cost.Path("amount"), "required", cost.Path("amount") + " is required.");
      } else if (out.total) {
        p->Add(cost.Path("costType"), "price", "An offering has one \"total costs\" entry only.");
      } else if (amount) {
        out = {amount, cost.Path("amount")};
      }
    } else if (!type.empty() && type != "STAP eligible" && type.rfind("x-", 0) != 0) {
      p->Add(cost.Path("costType"), "enum",
             "costType '" + type + "' is not \"total costs\", \"STAP eligible\" or an x- type.");
    }
  }
  return out;
}

}  // namespace

std::optional<AddressInput> ReadOoapiAddresses(JsonFields& r) {
  const std::optional<JsonValue> list = r.Array("addresses");
  const std::vector<JsonValue> items = list ? ElementsOf(*list) : std::vector<JsonValue>{};
  if (items.empty()) return std::nullopt;
  // Where the teaching happens is what a learner needs; a visit address is the next best.
  size_t pick = 0;
  int best = 3;
  for (size_t i = 0; i < items.size(); ++i) {
    simdjson::dom::object a;
    JsonValue given;
    const bool typed = items[i].get_object().get(a) == simdjson::SUCCESS &&
                       a.at_key("addressType").get(given) == simdjson::SUCCESS;
    const std::string_view type = typed ? TextOf(given).value_or("") : "";
    const int rank = type == "teaching" ? 0 : type == "visit" ? 1 : 2;
    if (rank < best) {
      best = rank;
      pick = i;
    }
  }
  RecordProblems* p = r.problems();
  JsonFields a(items[pick], Indexed(r.Path("addresses"), pick), p);
  const std::string type = a.String("addressType");
  static constexpr std::string_view kTypes[] = {"postal", "visit", "deliveries", "billing",
                                                "teaching"};
  if (!type.empty() && type.rfind("x-", 0) != 0 &&
      std::find(std::begin(kTypes), std::end(kTypes), type) == std::end(kTypes)) {
    p->Add(a.Path("addressType"), "enum", "addressType '" + type + "' is not an OOAPI type.");
  }
  const std::string country = a.String("countryCode");
  if (!country.empty() && country != "NL") {
    p->Add(a.Path("countryCode"), "postcode",
           "Verder lists courses in the Netherlands: countryCode must be NL.");
  }
  JsonFields geo(a.Object("geolocation"), a.Path("geolocation"), p);
  const std::optional<double> lat = geo.Number("latitude");
  const std::optional<double> lon = geo.Number("longitude");
  if ((lat && std::abs(*lat) > 90) || (lon && std::abs(*lon) > 180)) {
    p->Add(geo.path(), "range", "latitude must be within ±90 and longitude within ±180.");
  }
  std::string street = a.String("street");
  const std::string number = a.String("streetNumber");
  if (!number.empty()) street += (street.empty() ? "" : " ") + number;
  return AddressInput{a.String("postalCode"), a.String("city"), street,
                      a.Path("postalCode"),   a.Path("city"),   a.Path("street")};
}

namespace {

void ReadOfferingDates(JsonFields& r, const std::string& model, Offering* o) {
  RecordProblems* p = r.problems();
  o->start = r.DateValue("startDate");
  o->end = r.DateValue("endDate");
  p->Source(model + ".start", r.Path("startDate"));
  p->Source(model + ".end", r.Path("endDate"));
  const std::optional<Date> enroll_start = r.DateValue("enrollStartDate");
  const std::optional<Date> enroll_end = r.DateValue("enrollEndDate");
  if (enroll_start && enroll_end && *enroll_end < *enroll_start) {
    p->Add(r.Path("enrollEndDate"), "date", "enrollEndDate is before enrollStartDate.");
  }
  if (enroll_end && o->end && *o->end < *enroll_end) {
    p->Add(r.Path("enrollEndDate"), "date", "enrollEndDate is after endDate.");
  }
  const std::optional<Date> flex_start = r.DateValue("flexibleEntryPeriodStart");
  const std::optional<Date> flex_end = r.DateValue("flexibleEntryPeriodEnd");
  if (flex_start.has_value() != flex_end.has_value()) {
    p->Add(r.Path(flex_start ? "flexibleEntryPeriodEnd" : "flexibleEntryPeriodStart"), "date",
           "flexibleEntryPeriodStart and flexibleEntryPeriodEnd come together: give both or "
           "neither.");
  } else if (flex_start && *flex_end < *flex_start) {
    p->Add(r.Path("flexibleEntryPeriodEnd"), "date",
           "flexibleEntryPeriodEnd is before flexibleEntryPeriodStart.");
  }
}

void ReadOfferingStatus(JsonFields& r, JsonFields& ext, Offering* o) {
  const std::string registration = r.String("registrationStatus");
  if (registration == "open" || registration == "closed") {
    o->status = registration == "open" ? OfferingStatus::kOpen : OfferingStatus::kClosed;
  } else if (!registration.empty()) {
    r.problems()->Add(r.Path("registrationStatus"), "enum",
                      "registrationStatus must be open or closed.");
  }
  // OOAPI has no word for a cancelled run; ext.status carries it.
  const std::string status = ext.String("status");
  if (!status.empty()) {
    if (const auto s = ParseOfferingStatus(status)) {
      o->status = *s;
    } else {
      r.problems()->Add(ext.Path("status"), "enum",
                        "ext.status must be open, closed or cancelled.");
    }
  }
  const std::string daypart = ext.String("daypart");
  if (!daypart.empty()) {
    if (const auto d = ParseDaypart(daypart)) {
      o->daypart = *d;
    } else {
      r.problems()->Add(ext.Path("daypart"), "enum",
                        "ext.daypart must be any, daytime, evening or weekend.");
    }
  }
}

}  // namespace

OoapiOfferingRead ReadOoapiOffering(JsonValue j, size_t i, const OoapiCourseDefaults& defaults,
                                    const GeoIndex* geo, RecordProblems* p) {
  OoapiOfferingRead out;
  Offering& o = out.offering;
  const std::string model = Indexed("offerings", i);
  JsonFields r(j, model, p);
  o.external_id = r.String("offeringId", true);
  p->Source(model + ".external_id", r.Path("offeringId"));
  const std::string type = r.String("offeringType");
  if (!type.empty() && type != "course") {
    p->Add(r.Path("offeringType"), "enum", "offeringType must be \"course\" in a course feed.");
  }
  ReadOfferingDates(r, model, &o);
  const std::optional<int64_t> min = r.Integer("minNumberStudents");
  const std::optional<int64_t> max = r.Integer("maxNumberStudents");
  if (max) o.seats = Clamped(*max);
  p->Source(model + ".seats", r.Path("maxNumberStudents"));
  if (min && max && *min > *max) {
    p->Add(r.Path("minNumberStudents"), "range",
           "minNumberStudents is larger than maxNumberStudents.");
  }
  // enrollUrl is not OOAPI but some senders use it; OOAPI's own field is link.
  const char* link_key = r.Get("enrollUrl") ? "enrollUrl" : "link";
  o.enrol_url = r.String(link_key);
  p->Source(model + ".enrol_url", r.Path(link_key));
  if (!r.Get(link_key) && !defaults.link.empty()) {
    o.enrol_url = defaults.link;
    p->Source(model + ".enrol_url", defaults.link_path);
  }
  std::optional<AddressInput> address = ReadOoapiAddresses(r);
  if (!address) address = defaults.address;
  if (address) ResolveLocation(*address, model + ".location", geo, &o.location, p);
  JsonFields ext(r.Object("ext"), r.Path("ext"), p);
  ReadOfferingStatus(r, ext, &o);
  out.price = ReadPrices(r);
  return out;
}

}  // namespace verder::ingest_internal
