// search/edit_distance.h — how far apart two words are, for typo tolerance.
#pragma once

#include <string_view>

namespace verder {

// Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours: one edit
// each) on bytes, or max_edits + 1 as soon as it is certain to exceed max_edits.
int BoundedEditDistance(std::string_view a, std::string_view b, int max_edits);

}  // namespace verder
