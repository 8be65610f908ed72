#include "expand/mustache_data.hpp"

namespace vanthu::expand {

using kainjow::mustache::data;
using nlohmann::json;

data to_mustache_data(const json& value) {
    switch (value.type()) {
        case json::value_t::object: {
            data object{data::type::object};
            // operator[] + move assignment avoids the deep copy that set() makes.
            for (const auto& [key, child] : value.items()) object[key] = to_mustache_data(child);
            return object;
        }
        case json::value_t::array: {
            data list{data::type::list};
            for (const auto& item : value) list.push_back(to_mustache_data(item));
            return list;
        }
        case json::value_t::string:
            return data{value.get_ref<const std::string&>()};
        case json::value_t::boolean:
            return data{value.get<bool>()};
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return data{value.dump()};
        case json::value_t::null:
        case json::value_t::binary:
        case json::value_t::discarded:
            break;
    }
    return data{data::type::list};
}

}  // namespace vanthu::expand
