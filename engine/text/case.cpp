// Case mapping with ICU's Vietnamese locale (ND30 §7.3: NFC, map, NFC again).
#include <unicode/locid.h>
#include <unicode/uchar.h>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

const icu::Locale& vietnamese() {
    static const icu::Locale vi("vi");
    return vi;
}

}  // namespace

std::string upper(std::string_view s) {
    icu::UnicodeString u = detail::to_utf16(nfc(s)).text;
    u.toUpper(vietnamese());
    // Mapping can leave a letter + combining mark that NFC composes again.
    return nfc(detail::to_utf8(u));
}

std::string title_case(std::string_view s) {
    const icu::UnicodeString in = detail::to_utf16(nfc(s)).text;
    icu::UnicodeString out;
    bool at_syllable_start = true;
    for (int32_t i = 0; i < in.length();) {
        const UChar32 c = in.char32At(i);
        i += U16_LENGTH(c);
        if (u_isUWhiteSpace(c)) {
            at_syllable_start = true;
            out.append(c);
            continue;
        }
        if (at_syllable_start && u_isalpha(c)) {
            // Only the first letter changes; "(đã" becomes "(Đã", the rest stays as typed.
            out.append(u_totitle(c));
            at_syllable_start = false;
            continue;
        }
        // Opening punctuation does not end the search for the first letter; anything else does.
        if (!(u_ispunct(c) && at_syllable_start)) at_syllable_start = false;
        out.append(c);
    }
    return nfc(detail::to_utf8(out));
}

std::string sentence_case(std::string_view s) {
    icu::UnicodeString u = detail::to_utf16(nfc(s)).text;
    u.toLower(vietnamese());
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        if (u_isalpha(c)) {
            u.replace(i, U16_LENGTH(c), icu::UnicodeString(u_totitle(c)));
            break;
        }
        i += U16_LENGTH(c);
    }
    return nfc(detail::to_utf8(u));
}

}  // namespace vanthu::text
