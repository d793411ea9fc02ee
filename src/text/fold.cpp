// FoldText and Tokenize. utf8proc does the Unicode work; plain ASCII, most of a Dutch catalogue,
// takes a path of its own because for it NFKC, case folding and mark stripping only lower A-Z.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "text/analysis.h"

namespace verder {
namespace {

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);

const utf8proc_uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const utf8proc_uint8_t*>(s.data());
}

bool IsPlainAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

constexpr std::array<bool, 128> kAsciiWordChar = [] {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  return table;
}();

bool IsWordCodePoint(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// Whether the character at s[i] (valid UTF-8) is a letter or digit; sets *len to its length.
bool IsWordCharAt(std::string_view s, size_t i, size_t* len) {
  const auto byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x80) {
    *len = 1;
    return kAsciiWordChar[byte];
  }
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(Bytes(s) + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  *len = n > 0 ? static_cast<size_t>(n) : 1;
  return n > 0 && IsWordCodePoint(cp);
}

// Appends the letter-and-digit runs of `text` (valid UTF-8) to `tokens`, each cut to
// kMaxTokenBytes at a character boundary. `lower_ascii` folds A-Z for the ASCII path.
void AppendTokens(std::string_view text, size_t max_tokens, bool lower_ascii,
                  std::vector<std::string>* tokens) {
  size_t i = 0;
  size_t len = 0;
  while (i < text.size() && tokens->size() < max_tokens) {
    if (!IsWordCharAt(text, i, &len)) {
      i += len;
      continue;
    }
    const size_t start = i;
    size_t kept_end = i;
    while (i < text.size() && IsWordCharAt(text, i, &len)) {
      i += len;
      if (i - start <= kMaxTokenBytes) kept_end = i;
    }
    std::string& token = tokens->emplace_back(text.substr(start, kept_end - start));
    if (lower_ascii) {
      for (char& c : token) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
  }
}

// A Hangul jamo sequence composes into syllables under NFKC, which takes utf8proc_map; nothing else
// can compose once every mark is stripped (fold_test checks this against utf8proc's own tables).
bool IsConjoiningJamo(utf8proc_int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

// Appends the fold of the non-ASCII code point `cp`; false when it needs utf8proc_map.
bool AppendFoldedCodePoint(utf8proc_int32_t cp, std::string* out) {
  constexpr auto kOptions =
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  std::array<utf8proc_int32_t, 32> folded{cp};  // the longest utf8proc mapping is 18 code points
  utf8proc_ssize_t n = 1;
  // A precomposed Hangul syllable is its own fold; decomposed, it would have to be composed again.
  if (cp < 0xAC00 || cp > 0xD7A3) {
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    n = utf8proc_decompose_char(cp, folded.data(), folded.size(), kOptions, &boundclass);
    if (n < 0 || static_cast<size_t>(n) > folded.size()) return false;
  }
  std::array<utf8proc_uint8_t, 4> bytes{};
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    if (IsConjoiningJamo(folded[k])) return false;
    const utf8proc_ssize_t len = utf8proc_encode_char(folded[k], bytes.data());
    out->append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(len));
  }
  return true;
}

// The whole text through utf8proc_map, which refuses any invalid sequence: those go first.
std::string FoldWithMap(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(Bytes(text) + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    valid.append(text.substr(i, static_cast<size_t>(n)));
    i += static_cast<size_t>(n);
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(Bytes(valid), static_cast<utf8proc_ssize_t>(valid.size()),
                                          &mapped, kFoldOptions);
  if (n < 0) return {};  // only out of memory: the input is valid by now
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);  // NOLINT(cppcoreguidelines-no-malloc): utf8proc allocates with malloc
  return out;
}

}  // namespace

std::string FoldText(std::string_view text) {
  // Character by character rather than utf8proc_map, which makes two passes and two allocations:
  // a description with a few accents folds eight times faster. The result is the same because
  // with every mark stripped nothing is left to reorder or compose, except Hangul jamo.
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : text[i]);
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(Bytes(text) + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {  // an invalid sequence: drop its first byte and resynchronise
      ++i;
      continue;
    }
    if (!AppendFoldedCodePoint(cp, &out)) return FoldWithMap(text);
    i += static_cast<size_t>(n);
  }
  return out;
}

std::vector<std::string> Tokenize(std::string_view text, size_t max_tokens) {
  std::vector<std::string> tokens;
  if (max_tokens == 0) return tokens;
  // At most one token per two bytes: one allocation up front instead of regrowing; the vector is
  // short-lived, so the unused capacity costs little.
  tokens.reserve(std::min(max_tokens, text.size() / 2 + 1));
  if (IsPlainAscii(text)) {
    AppendTokens(text, max_tokens, /*lower_ascii=*/true, &tokens);
  } else {
    AppendTokens(FoldText(text), max_tokens, /*lower_ascii=*/false, &tokens);
  }
  return tokens;
}

}  // namespace verder
