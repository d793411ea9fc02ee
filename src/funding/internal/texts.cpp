#include "funding/internal/texts.h"

#include <algorithm>
#include <array>

#include "funding/vocabulary.h"

namespace verder::funding::internal {
namespace {

std::string S(std::string_view v) { return std::string(v); }

}  // namespace

LocalizedText FormatDate(Date date) {
  static constexpr std::array<std::string_view, 12> kNl{
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  static constexpr std::array<std::string_view, 12> kEn{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto m = static_cast<size_t>(date.month() - 1);
  const std::string day = std::to_string(date.day());
  const std::string year = std::to_string(date.year());
  return {day + " " + S(kNl[m]) + " " + year, day + " " + S(kEn[m]) + " " + year};
}

LocalizedText FormatMoney(Cents cents) {
  const std::string nl = FormatEuros(cents);  // "1.250,50"
  std::string en = nl;
  for (char& c : en) c = c == '.' ? ',' : (c == ',' ? '.' : c);
  return {"€ " + nl, "€" + en};
}

LocalizedText EndedText(Date last_day) {
  const LocalizedText d = FormatDate(last_day);
  return {"Deze regeling is gestopt. De laatste dag was " + d.nl + ".",
          "This scheme has ended. Its last day was " + d.en + "."};
}

LocalizedText NotStartedText(Date first_day) {
  const LocalizedText d = FormatDate(first_day);
  return {"Deze regeling begint pas op " + d.nl + ".", "This scheme only starts on " + d.en + "."};
}

LocalizedText DateUnknownText() {
  return {"De datum klopt niet. Daarom weten we niet of deze regeling dan geldt.",
          "The date is not right, so we cannot tell whether this scheme applies then."};
}

LocalizedText AnswerUnknownText(std::string_view field) {
  const FieldLabel l = LabelOf(field);
  return {"Dit hangt af van " + S(l.nl) + ". Vul dat in, dan weten we het zeker.",
          "This depends on " + S(l.en) + ". Fill it in and we can tell for sure."};
}

LocalizedText AnswerWrongText(std::string_view field) {
  const FieldLabel l = LabelOf(field);
  return {"Je antwoord over " + S(l.nl) + " klopt niet. Daarom weten we dit nog niet zeker.",
          "Your answer about " + S(l.en) + " is not right, so we cannot tell for sure yet."};
}

LocalizedText PriceUnknownText() {
  return {"We weten de prijs van deze cursus niet. Daarom weten we niet wat je krijgt.",
          "We do not know the price of this course, so we cannot tell what you get."};
}

LocalizedText PriceWrongText() {
  return {"De prijs van deze cursus klopt niet. Daarom weten we niet wat je krijgt.",
          "The price of this course is not right, so we cannot tell what you get."};
}

LocalizedText StartUnknownText() {
  return {"We weten niet wanneer deze cursus begint. Dat is hier belangrijk.",
          "We do not know when this course starts, and that matters here."};
}

LocalizedText PaysText(Cents cents) {
  const LocalizedText m = FormatMoney(cents);
  return {"Je krijgt " + m.nl + " voor deze cursus.", "You get " + m.en + " for this course."};
}

LocalizedText BudgetLeftText(Cents cents) {
  const LocalizedText m = FormatMoney(cents);
  return {"Je hebt nog " + m.nl + " over.", "You have " + m.en + " left."};
}

LocalizedText AlreadyPaidText() {
  return {"Andere regelingen betalen deze cursus al. Je krijgt niet twee keer geld.",
          "Other schemes already pay for this course. You are not paid twice."};
}

LocalizedText JoinSentences(const std::vector<LocalizedText>& sentences) {
  LocalizedText out;
  std::vector<std::string> seen;
  for (const LocalizedText& s : sentences) {
    if (s.nl.empty() || std::find(seen.begin(), seen.end(), s.nl) != seen.end()) continue;
    seen.push_back(s.nl);
    out.nl += (out.nl.empty() ? "" : " ") + s.nl;
    out.en += (out.en.empty() ? "" : " ") + s.en;
  }
  return out;
}

}  // namespace verder::funding::internal
