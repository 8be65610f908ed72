// "Did you mean …?": the known name nearest to a mistyped one (data fields, schema keywords,
// template names).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vanthu::input {

// Edit distance between two names, in bytes.
size_t edit_distance(const std::string& a, const std::string& b);

// The known name nearest to `word`: at most 2 edits away, or extending it ("ghi_chu" ->
// "ghi_chu_ky") or cut short from it, when the shorter of the two has 3 characters or more.
std::optional<std::string> nearest_name(const std::string& word,
                                        const std::vector<std::string>& known);

}  // namespace vanthu::input
