// ingest/internal/ooapi_names.h — OOAPI's names for the things our catalogue names its own way.
//
// Shared by the feed readers and the OOAPI writer so both directions use one table: what the
// writer writes, the reader reads back to the same value. Where OOAPI is coarser than our model
// (one "bachelor" for hbo and wo; one "crohoCreboCode" for crebo and croho) the writer adds the
// detail (ext.level; codeType x-crebo / x-croho) and the reader uses it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "catalog/course.h"

namespace verder::ingest_internal {

// "secondary vocational education 2" → kMbo2, "bachelor" → kHboBachelor, "doctoral" → kNone.
// nullopt for a value OOAPI does not define (x- extensions are kNone).
std::optional<Level> LevelFromOoapi(std::string_view level);
const char* OoapiLevel(Level level);
// True when OOAPI's level alone cannot say which of our levels it is (bachelor, master).
bool OoapiLevelIsAmbiguous(Level level);

// "on campus" → kClassroom, "hybrid" → kBlended, "distance-learning" → kSelfPaced.
std::optional<DeliveryMode> ModeFromOoapi(std::string_view mode);
const char* OoapiMode(DeliveryMode mode);

// ISO 639-2 ("nld", "dut") or ISO 639-1 ("nl") → ISO 639-1; nullopt when unknown.
std::optional<std::string> LanguageFromOoapi(std::string_view language);
// ISO 639-1 → ISO 639-2 ("nl" → "nld"); a code we have no table entry for is returned as is.
std::string OoapiLanguage(std::string_view iso639_1);

// An OOAPI (or our own) code type and code → our CourseCode; `level` tells crebo from croho.
CourseCode CodeFromOoapi(std::string_view code_type, std::string_view code, Level level);
std::string OoapiCodeType(const CourseCode& code, Level level);

bool IsMboLevel(Level level);

}  // namespace verder::ingest_internal
