// core/utf8.h — checks on UTF-8 text from outside.
//
// Every text that arrives from a feed, a form or a URL passes IsValidUtf8 before it is stored or
// analysed, so the rest of the program may assume valid UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace verder {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// `text` with every byte that starts no well-formed sequence replaced by U+FFFD: for output that
// must be UTF-8 whatever a request brought (web pages echo addresses and form fields).
std::string ReplaceInvalidUtf8(std::string_view text);

// The length of the well-formed sequence that starts at text[i] (i < text.size()), or 0 when
// none does: for a reader that checks and copies in one pass.
size_t Utf8SequenceLength(std::string_view text, size_t i);

// Number of code points in valid UTF-8 text.
size_t CountCodePoints(std::string_view text);

}  // namespace verder
