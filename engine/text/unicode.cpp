// UTF-8 validation and NFC normalisation.
#include <unicode/normalizer2.h>
#include <unicode/utypes.h>

#include <stdexcept>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace detail {

size_t utf8_sequence_length(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto is_cont = [&](size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return 1;
    // C0, C1 would only encode overlong ASCII; F5..FF would go beyond U+10FFFF.
    if (b0 < 0xC2 || b0 > 0xF4) return 0;
    if (b0 < 0xE0) return is_cont(i + 1) ? 2 : 0;
    if (!is_cont(i + 1)) return 0;
    const unsigned char b1 = byte(i + 1);
    if (b0 < 0xF0) {
        if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
        if (b0 == 0xED && b1 >= 0xA0) return 0;  // UTF-16 surrogates D800..DFFF
        return is_cont(i + 2) ? 3 : 0;
    }
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return is_cont(i + 2) && is_cont(i + 3) ? 4 : 0;
}

Utf16Text to_utf16(std::string_view s) {
    Utf16Text out;
    out.byte_at.reserve(s.size() + 1);
    size_t i = 0;
    while (i < s.size()) {
        const size_t n = utf8_sequence_length(s, i);
        if (n == 0) {
            out.text.append(static_cast<char16_t>(0xFFFD));
            out.byte_at.push_back(i);
            ++i;
            continue;
        }
        const auto b = [&](size_t k) {
            return static_cast<UChar32>(static_cast<unsigned char>(s[k]));
        };
        UChar32 c = 0;
        switch (n) {
            case 1:
                c = b(i);
                break;
            case 2:
                c = ((b(i) & 0x1F) << 6) | (b(i + 1) & 0x3F);
                break;
            case 3:
                c = ((b(i) & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
                break;
            default:
                c = ((b(i) & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
                    (b(i + 3) & 0x3F);
        }
        out.text.append(c);
        // A supplementary character takes two UTF-16 units; both map to its first byte.
        out.byte_at.push_back(i);
        if (c > 0xFFFF) out.byte_at.push_back(i);
        i += n;
    }
    out.byte_at.push_back(s.size());
    return out;
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const size_t n = utf8_sequence_length(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string_view trim(std::string_view s) {
    // Only ASCII whitespace and NBSP: these are what people type around short fields.
    const auto is_space_at_front = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        const char c = v.front();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.substr(0, 2) == "\xC2\xA0") return 2;
        return 0;
    };
    const auto is_space_at_back = [](std::string_view v) -> size_t {
        if (v.empty()) return 0;
        const char c = v.back();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
        if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xA0") return 2;
        return 0;
    };
    for (size_t n; (n = is_space_at_front(s)) > 0;) s.remove_prefix(n);
    for (size_t n; (n = is_space_at_back(s)) > 0;) s.remove_suffix(n);
    return s;
}

}  // namespace detail

size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const size_t n = detail::utf8_sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

std::string nfc(std::string_view s) {
    // ASCII is always NFC; most header fields and many runs take this path.
    bool ascii = true;
    for (const char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return std::string(s);

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* norm = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normaliser unavailable");
    const icu::UnicodeString in = detail::to_utf16(s).text;
    if (norm->isNormalized(in, status) && U_SUCCESS(status) && is_valid_utf8(s))
        return std::string(s);
    status = U_ZERO_ERROR;
    const icu::UnicodeString out = norm->normalize(in, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: NFC normalisation failed");
    return detail::to_utf8(out);
}

}  // namespace vanthu::text
