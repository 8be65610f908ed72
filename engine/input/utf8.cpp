#include "input/utf8.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace vanthu::input::detail {

size_t invalid_utf8_at(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string::npos;
}

size_t control_char_at(const std::string& s, bool allow_cr) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = p[i];
        if (c < 0x20) {
            if (c == '\n' || c == '\t' || (allow_cr && c == '\r')) continue;
            return i;
        }
        if (c == 0x7F) return i;
        if (c == 0xC2 && i + 1 < s.size() && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) return i;
    }
    return std::string::npos;
}

std::string code_point_name(const std::string& s, size_t offset) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    unsigned cp = p[offset];
    if (cp >= 0xC0 && offset + 1 < s.size()) cp = ((cp & 0x1F) << 6) | (p[offset + 1] & 0x3F);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", cp);
    return buf;
}

size_t count_code_points(const std::string& s, size_t begin, size_t end) {
    if (end > s.size()) end = s.size();
    return begin >= end ? 0 : core::code_points(std::string_view(s).substr(begin, end - begin));
}

}  // namespace vanthu::input::detail
