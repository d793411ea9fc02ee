// auth/answer_vault.h — a person's funding answers, kept only when they ask, and readable only
// with the code they are given (issue 7: "never stored unless they choose to save").
//
// The code is the only key. The store keeps a lookup hash of it and the answers encrypted with
// a key derived from it (libsodium secretbox), so a copy of the database reveals no one's
// answers, and we cannot read them either without the code. A code is 16 base32 characters,
// 80 random bits, shown as four groups of four ("k7qf-2m9x-…"); typing it in capitals, with
// spaces or without dashes works too.
//
//   SaveCode code = NewSaveCode();
//   store->SaveAnswers(SaveCodeLookup(code.text), SealAnswers(code.text, "age=30&…"), expires);
//   std::optional<std::string> code = ParseSaveCode(typed);       // nullopt: not a code
//   std::optional<std::string> answers = OpenAnswers(*code, sealed); // nullopt: tampered
//
// Thread-safety: the functions share no state.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace verder {

constexpr size_t kSaveCodeChars = 16;

// A fresh random code, written as people see it: "abcd-efgh-ijkl-mnop".
std::string NewSaveCode();
// What a person typed, as a code ("abcdefghijklmnop"): lowercase, without spaces or dashes,
// 0 read as o and 1 as l (look-alikes the alphabet does not have). nullopt when it cannot be one.
std::optional<std::string> ParseSaveCode(std::string_view typed);
// The code in groups of four, for showing.
std::string FormatSaveCode(std::string_view code);
// Finds the saved answers in the store without being the code (64 hex digits).
std::string SaveCodeLookup(std::string_view code);
// The answers encrypted for the code (hex); a fresh nonce each time.
std::string SealAnswers(std::string_view code, std::string_view answers);
// The answers, or nullopt when `sealed` was not sealed with this code or was changed.
std::optional<std::string> OpenAnswers(std::string_view code, std::string_view sealed);

}  // namespace verder
