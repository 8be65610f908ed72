#include "core/utf8.hpp"

namespace vanthu::core {

static bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (const char c : s) n += !continuation(c);
    return n;
}

size_t code_point_offset(std::string_view s, size_t n) {
    size_t i = 0;
    for (; i < s.size() && n > 0; --n) {
        ++i;
        while (i < s.size() && continuation(s[i])) ++i;
    }
    return i;
}

}  // namespace vanthu::core
