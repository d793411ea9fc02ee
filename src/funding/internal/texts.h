// funding/internal/texts.h — the engine's own words: reasons that hold for every scheme.
//
// Scheme-specific reasons come from the scheme files; these are the general ones (a scheme has
// ended, an answer is missing, what a scheme pays). Plain Dutch at B1 level with English beside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/course.h"
#include "core/date.h"
#include "core/money.h"

namespace verder::funding::internal {

LocalizedText FormatDate(Date date);     // {"1 maart 2022", "1 March 2022"}
LocalizedText FormatMoney(Cents cents);  // {"€ 1.250,50", "€1,250.50"}

LocalizedText EndedText(Date last_day);
LocalizedText NotStartedText(Date first_day);
LocalizedText DateUnknownText();
LocalizedText AnswerUnknownText(std::string_view field);  // not answered
LocalizedText AnswerWrongText(std::string_view field);    // answered, but not usable
LocalizedText PriceUnknownText();
LocalizedText PriceWrongText();
LocalizedText StartUnknownText();
LocalizedText PaysText(Cents cents);
LocalizedText BudgetLeftText(Cents cents);
LocalizedText AlreadyPaidText();  // other schemes already pay the whole course

// Sentences joined by a space, each once.
LocalizedText JoinSentences(const std::vector<LocalizedText>& sentences);

}  // namespace verder::funding::internal
