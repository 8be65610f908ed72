// Characters that document text may not hold: invisible direction controls and other code
// points with no place in a printed document (docs/cli.md, "Characters refused in text").
#include <unicode/uchar.h>

#include <cstdio>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {
namespace {

char32_t decode(std::string_view s, size_t i, size_t n) {
    const auto b = [&](size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(s[k]));
    };
    switch (n) {
        case 1:
            return b(i);
        case 2:
            return ((b(i) & 0x1F) << 6) | (b(i + 1) & 0x3F);
        case 3:
            return ((b(i) & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
        default:
            return ((b(i) & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
                   (b(i + 3) & 0x3F);
    }
}

// Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they turn the
// text after them around until a closing control that may never come, so the same bytes read
// differently in different programs ("Trojan Source", CVE-2021-42574). The marks LRM, RLM and
// ALM (U+200E, U+200F, U+061C) only settle the direction of the punctuation next to them and
// are allowed.
bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Invisible characters that have no use inside text: the byte-order mark (a zero-width
// no-break space only by accident; U+2060 WORD JOINER is the real one) and the tag characters,
// which can hide a whole message inside a word.
bool is_invisible(char32_t c) {
    return c == 0xFEFF || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F);
}

bool is_private_use(char32_t c) {
    return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
           (c >= 0x100000 && c <= 0x10FFFD);
}

bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

constexpr const char* kRetype =
    "it is invisible: delete the text around it and type it again, or remove the character in "
    "an editor that shows hidden characters";

// Up to 20 characters before byte `offset`, for the message.
std::string text_before(std::string_view s, size_t offset) {
    size_t begin = offset;
    for (int n = 0; n < 20 && begin > 0; ++n) {
        --begin;
        while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
    }
    std::string before(s.substr(begin, offset - begin));
    if (const size_t nl = before.rfind('\n'); nl != std::string::npos) before.erase(0, nl + 1);
    return before;
}

}  // namespace

std::string character_label(char32_t c) {
    char number[16];
    std::snprintf(number, sizeof number, "U+%04X", static_cast<unsigned>(c));
    UErrorCode status = U_ZERO_ERROR;
    char name[128];
    const int32_t n =
        u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_FAILURE(status) || n <= 0 || n >= static_cast<int32_t>(sizeof name)) return number;
    return std::string(number) + " " + std::string(name, static_cast<size_t>(n));
}

std::optional<RefusedCharacter> first_refused_character(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // controls are data.encoding's
            ++i;
            continue;
        }
        const size_t n = detail::utf8_sequence_length(s, i);
        if (n == 0) {  // invalid UTF-8 has its own message (text.utf8, data.encoding)
            ++i;
            continue;
        }
        const char32_t c = decode(s, i, n);
        RefusedCharacter r;
        if (is_bidi_control(c)) {
            r.code = "text.bidi-control";
            r.problem =
                "an invisible character that turns the text after it around, so the "
                "document would not read as it was typed";
            r.hints = {kRetype,
                       "such characters usually come with text copied from a web page, an "
                       "e-mail or a PDF; Hebrew and Arabic names are set right to left without "
                       "them"};
        } else if (is_invisible(c)) {
            r.code = "text.invisible";
            r.problem = "an invisible character that has no use inside text";
            r.hints = {kRetype, "it usually comes with text copied from another program"};
        } else if (c == 0xFFFD) {
            r.code = "text.replacement-character";
            r.problem =
                "the mark a program leaves where it could not read a character (\xEF\xBF\xBD): "
                "the character that stood there is lost";
            r.hints = {"type the text around it again from the original document"};
        } else if (is_private_use(c)) {
            r.code = "text.private-use";
            r.problem =
                "a private-use character: it means something only in the font it was "
                "typed with (a symbol font such as Wingdings), not in the document's font";
            r.hints = {
                "replace it with the real character (for example \xE2\x9C\x93 or "
                "\xE2\x80\xA2) or with words"};
        } else if (is_noncharacter(c) || u_charType(static_cast<UChar32>(c)) == U_UNASSIGNED) {
            r.code = "text.unassigned";
            r.problem = "not a character (Unicode gives it no meaning)";
            r.hints = {
                "delete it; the file was probably damaged, or converted with the wrong "
                "encoding"};
        } else {
            i += n;
            continue;
        }
        r.offset = i;
        r.code_point = c;
        r.label = character_label(c);
        r.before = text_before(s, i);
        return r;
    }
    return std::nullopt;
}

std::string describe(const RefusedCharacter& r) {
    return r.label +
           (r.before.empty() ? std::string(" at its start") : " after \"" + r.before + "\"") +
           ": " + r.problem;
}

}  // namespace vanthu::text
