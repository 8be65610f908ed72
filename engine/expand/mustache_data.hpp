// Converting JSON data into kainjow mustache data.
#pragma once

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace vanthu::expand {

// Objects become objects, arrays lists, strings strings, numbers their JSON text ("12", "1.5"),
// booleans booleans. null becomes an empty list: false-like in {{#x}} / {{^x}} exactly like
// false, but {{x}} writes nothing (while expand() writes a boolean as "true"/"false").
//
// The result for a JSON object is a kainjow object, so helpers can be added to the root later:
//     auto root = to_mustache_data(data);
//     root.set("upper_vi", kainjow::mustache::lambda2{...});
// (lambda2 only: a type-1 lambda's output is parsed again as a template.)
kainjow::mustache::data to_mustache_data(const nlohmann::json& value);

}  // namespace vanthu::expand
