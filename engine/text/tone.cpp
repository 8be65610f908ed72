// Tone-mark placement in the glide clusters oa, oe, uy (ND30 §7.2): "hòa" (old, classic) <->
// "hoà" (new, on the main vowel). Only open syllables are affected: with a final consonant
// both conventions put the mark on the main vowel ("hoàn", "khoảng", "huyện").
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

// The five tone marks as combining characters (ngang has none).
bool is_tone_mark(UChar32 c) {
    return c == 0x0300 /* huyền */ || c == 0x0301 /* sắc */ || c == 0x0303 /* ngã */ ||
           c == 0x0309 /* hỏi */ || c == 0x0323 /* nặng */;
}

bool is_letter(UChar32 c) { return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

struct Normalizers {
    const icu::Normalizer2* nfd;
    const icu::Normalizer2* nfc;
};

const Normalizers& normalizers() {
    static const Normalizers n = [] {
        UErrorCode status = U_ZERO_ERROR;
        Normalizers out{icu::Normalizer2::getNFDInstance(status),
                        icu::Normalizer2::getNFCInstance(status)};
        if (U_FAILURE(status)) throw std::runtime_error("ICU: normalisers unavailable");
        return out;
    }();
    return n;
}

// A letter split into its base (with the quality marks of ă â ê ô ơ ư, and its case) and its
// tone mark (0 for none).
struct Letter {
    UChar32 base = 0;
    UChar32 tone = 0;
};

std::optional<Letter> split(UChar32 c) {
    const Normalizers& n = normalizers();
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString d = n.nfd->normalize(icu::UnicodeString(c), status);
    if (U_FAILURE(status) || d.isEmpty()) return std::nullopt;
    icu::UnicodeString base;
    Letter out;
    for (int32_t i = 0; i < d.length();) {
        const UChar32 m = d.char32At(i);
        i += U16_LENGTH(m);
        if (i > U16_LENGTH(d.char32At(0)) && is_tone_mark(m)) {
            if (out.tone != 0) return std::nullopt;  // two tone marks: not Vietnamese
            out.tone = m;
        } else {
            base.append(m);
        }
    }
    const icu::UnicodeString composed = n.nfc->normalize(base, status);
    if (U_FAILURE(status) || composed.countChar32() != 1) return std::nullopt;
    out.base = composed.char32At(0);
    return out;
}

UChar32 join(const Letter& l) {
    if (l.tone == 0) return l.base;
    icu::UnicodeString s(l.base);
    s.append(l.tone);
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString composed = normalizers().nfc->normalize(s, status);
    if (U_FAILURE(status) || composed.countChar32() != 1)
        throw std::runtime_error("convert_tone_style: cannot compose a Vietnamese letter");
    return composed.char32At(0);
}

// Initial consonants that can stand before a glide cluster. "q" is missing on purpose: in
// "quy" the u belongs to the initial "qu", so "quý", "quỳ" are not glide syllables.
bool is_initial(const icu::UnicodeString& s) {
    static const std::array<icu::UnicodeString, 27> initials = {
        u"",  u"b",  u"c",  u"ch", u"d", u"đ",  u"g",  u"gh",  u"gi",
        u"h", u"k",  u"kh", u"l",  u"m", u"n",  u"ng", u"ngh", u"nh",
        u"p", u"ph", u"r",  u"s",  u"t", u"th", u"tr", u"v",   u"x"};
    for (const auto& i : initials)
        if (s == i) return true;
    return false;
}

bool is_glide_cluster(UChar32 glide, UChar32 vowel) {
    return (glide == u'o' && (vowel == u'a' || vowel == u'e')) || (glide == u'u' && vowel == u'y');
}

// The syllable (NFC) with its tone moved, or nullopt when nothing changes.
std::optional<icu::UnicodeString> convert_syllable(const icu::UnicodeString& syllable,
                                                   ToneStyle style) {
    std::vector<Letter> letters;
    for (int32_t i = 0; i < syllable.length();) {
        const UChar32 c = syllable.char32At(i);
        i += U16_LENGTH(c);
        const auto l = split(c);
        if (!l) return std::nullopt;
        letters.push_back(*l);
    }
    const size_t n = letters.size();
    if (n < 2) return std::nullopt;
    Letter& glide = letters[n - 2];
    Letter& vowel = letters[n - 1];
    if (!is_glide_cluster(u_tolower(glide.base), u_tolower(vowel.base))) return std::nullopt;
    icu::UnicodeString initial;
    for (size_t k = 0; k + 2 < n; ++k) {
        if (letters[k].tone != 0) return std::nullopt;
        initial.append(u_tolower(letters[k].base));
    }
    if (!is_initial(initial)) return std::nullopt;

    if (style == ToneStyle::new_style && glide.tone != 0 && vowel.tone == 0) {
        std::swap(glide.tone, vowel.tone);
    } else if (style == ToneStyle::old_style && vowel.tone != 0 && glide.tone == 0) {
        std::swap(glide.tone, vowel.tone);
    } else {
        return std::nullopt;
    }
    icu::UnicodeString out;
    for (const Letter& l : letters) out.append(join(l));
    return out;
}

}  // namespace

std::string convert_tone_style(std::string_view text, ToneStyle style) {
    if (style == ToneStyle::keep) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    size_t run_start = 0;
    bool in_run = false;
    const auto flush_run = [&](size_t end) {
        const std::string_view run = text.substr(run_start, end - run_start);
        const auto changed = convert_syllable(detail::to_utf16(nfc(run)).text, style);
        if (changed)
            out += detail::to_utf8(*changed);
        else
            out.append(run);
        in_run = false;
    };
    for (int32_t i = 0; i < length;) {
        const auto at = static_cast<size_t>(i);
        const size_t n = detail::utf8_sequence_length(text, at);
        bool letter = false;
        if (n == 0) {
            ++i;
        } else {
            UChar32 c = 0;
            U8_NEXT(bytes, i, length, c);
            letter = c >= 0 && is_letter(c);
        }
        if (letter && !in_run) {
            run_start = at;
            in_run = true;
        } else if (!letter) {
            if (in_run) flush_run(at);
            out.append(text.substr(at, static_cast<size_t>(i) - at));
        }
    }
    if (in_run) flush_run(text.size());
    return out;
}

}  // namespace vanthu::text
