// Tokens a line breaker must keep on one line (ND30 §7.6), found with ICU regular expressions.
// Each pattern runs on its own so that overlapping tokens ("ngày 26" and "26/12/2016") are all
// found; the ranges are merged afterwards.
#include <unicode/regex.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

// Fragments, in ICU regex syntax. Patterns work on NFC text (the literal words are NFC).
// A word character is ICU's \w: a letter, mark or decimal digit (or "_", a joiner). ICU builds
// \w once per process; each spelled-out [\p{L}\p{M}\p{Nd}] was built anew, which made
// compiling the rules take twice as long (docs/performance.md, "One render").
#define NOT_AFTER_WORD R"((?<!\w))"
#define NOT_BEFORE_WORD R"((?!\w))"
#define SP R"([ \t\u00A0])"
#define GROUP R"(\w+)"
// "KH-BTV", "CTrLT-LĐLĐ-HLHPN", "NĐ-CP": a capital, then groups joined by single hyphens.
#define SYMBOL_BODY R"(\p{Lu}\w*(?:-)" GROUP ")*"
// "576/LĐLĐ", "6b/NQ-BCH", "30/2020/NĐ-CP" (legal style with the year).
#define ADMIN_SYMBOL R"(\d+\p{Ll}?(?:/\d{4})?/)" SYMBOL_BODY
// "26-NQ/TW" (Party style).
#define PARTY_SYMBOL R"(\d+-\p{Lu}\w*/)" SYMBOL_BODY
// The same typed with stray spaces around "/" or "-" ("6b/NQ - BCH", "21- CT/TW", "03/C -TLĐ" in
// seed 002): a group after a spaced hyphen must be all capitals, so prose after a dash is not
// taken in.
#define CAPS_GROUP R"(\p{Lu}[\p{Lu}\p{Nd}]*(?!\w))"
#define SPACED_BODY R"(\p{Lu}\w*(?:)" SP "*-" SP "*" CAPS_GROUP ")*"
#define SPACED_ADMIN R"(\d+\p{Ll}?)" SP "*/" SP "*" SPACED_BODY
#define SPACED_PARTY R"(\d+)" SP "*-" SP R"(*\p{Lu}\w*)" SP "*/" SP "*" SPACED_BODY

// Characters a rule cannot match without. A paragraph is scanned once for them, and a rule is
// run only on paragraphs that have all it needs: most rules need a digit or a "/", which most
// paragraphs of a plan lack, and an ICU search tries every position of the text.
enum Needs : unsigned {
    kNothing = 0,
    kDigit = 1,        // \d: any Unicode decimal digit (\p{Nd})
    kSlash = 2,        // "/"
    kDash = 4,         // "-", "–" or "—"
    kDot = 8,          // "."
    kDotOrComma = 16,  // "." or ","
    kAt = 32,          // "@"
    kUrlStart = 64,    // ":" (of "://") or "w"/"W" (of "www.")
};

struct Rule {
    const char* name;
    const char* pattern;
    int group = 0;  // the capture group that is the token (0: the whole match)
    unsigned needs = kNothing;
};

constexpr Rule kRules[] = {
    {"document symbol", NOT_AFTER_WORD "(?:" ADMIN_SYMBOL "|" PARTY_SYMBOL ")", 0, kDigit | kSlash},
    {"spaced document symbol", NOT_AFTER_WORD "(?:" SPACED_ADMIN "|" SPACED_PARTY ")", 0,
     kDigit | kSlash},
    // "số 576/LĐLĐ", "Số: 05/KH-BTV", a draft's "Số:      /KH-BTV", a sloppy "số 60 /KH-BTV".
    {"số + symbol",
     NOT_AFTER_WORD "(?i:số):?" SP "*(?:(?:\\d+\\p{Ll}?" SP "*)?/(?:\\d{4}/)?[\\p{L}\\p{Nd}]"
                    "\\w*(?:-" GROUP ")*|" PARTY_SYMBOL ")",
     0, kSlash},
    // "26/12/2016", "15/11", "6/2020".
    {"short date", R"((?<![\p{Nd}/])\d{1,2}/(?:\d{1,2}(?:/\d{4})?|\d{4})(?![\p{Nd}/]))", 0,
     kDigit | kSlash},
    // "ngày 14", "tháng 10", "năm 2021" in any letter case.
    {"long date pair", NOT_AFTER_WORD "(?i:ngày|tháng|năm)" SP R"(+\d{1,4}(?!\p{Nd}))", 0, kDigit},
    // "2022 - 2027", "2017 – 2021".
    {"year range", R"((?<!\p{Nd})\d{4})" SP "{0,2}[\\-\\u2013\\u2014]" SP R"({0,2}\d{4}(?!\p{Nd}))",
     0, kDigit | kDash},
    // Holiday dates "2-9", "20-10", also "20-10-2020" and "2017-2021".
    {"digits with hyphens", R"((?<!\p{Nd})\d+(?:-\d+)+(?!\p{Nd}))", 0, kDigit | kDash},
    // "1.234.567", "81,3", "1.234.567,5", phone numbers "02963.852141".
    {"number with separators", R"((?<!\p{Nd})\d+(?:[.,]\d+)+)", 0, kDigit | kDotOrComma},
    {"number + unit",
     R"((?<![\p{Nd}.,])\d+(?:[.,]\d+)*)" SP
     "+(?:đồng|đ|VNĐ|VND|USD|triệu|tỷ|nghìn|ngàn|°C|%|mm|cm|km²|km|m²|m2|m|ha|"
     "kg|g|tấn|lít)" NOT_BEFORE_WORD,
     0, kDigit},
    {"citation label", NOT_AFTER_WORD "(?:Tiểu mục|tiểu mục|Điều|điều|Khoản|khoản|Điểm|điểm|"
                                      "Chương|chương|Mục|mục|Phần|phần)" SP
                                      R"(+(?:\d+\p{Ll}?|[IVXLC]+|\p{Ll}))" NOT_BEFORE_WORD},
    // At the start of a paragraph: "I. MỤC ĐÍCH", "1.1. Cấp tỉnh", "a) Đối với", "- Như".
    {"heading marker",
     "^" SP R"(*((?:[IVXLC]+\.|\p{Lu}\.|\d+(?:\.\d+)+\.?|\d+[.)]|\p{Ll}\)|[\-+*•]))" SP
     R"(+[^\s]+))",
     1},
    {"authority prefix", NOT_AFTER_WORD "(?:TM|KT|TL|TUQ|Q|TP)\\." SP R"(*[^\s]+)", 0, kDot},
    {"V/v + word", NOT_AFTER_WORD "[Vv]/[Vv]" SP R"(+[^\s]+)", 0, kSlash},
    // Short abbreviations with a slash, letters on both sides in either case: "B/c", "Đ/c",
    // "V/v", "k/g", and "ph/h", "th/h" (phối hợp, thực hiện), which Pango would otherwise break
    // after the slash ("(để ph/h th/" | "h);"). Not a part of a longer chain ("a/b/c", a path).
    {"short letters/letters", R"((?<![\w/])(?:\p{L}\p{M}*){1,4}/(?:\p{L}\p{M}*){1,4}(?![\w/]))", 0,
     kSlash},
    // A spaced hyphen or dash used as a divider ("Trung hậu - Sáng tạo", "Hà Nội – 2024") stays
    // with the word before it: a line that starts with "- " would read as a list item.
    {"word + spaced dash", R"([^\s]+)" SP R"(+[\-\u2013\u2014](?=)" SP ")", 0, kDash},
    // "./." with the word before it, with or without a space between.
    {"end mark", R"([^\s]*)" SP R"(*\./\.)", 0, kDot | kSlash},
    {"e-mail", R"([\p{L}\p{Nd}._%+\-]+@[\p{L}\p{Nd}\-]+(?:\.[\p{L}\p{Nd}\-]+)+)", 0, kAt | kDot},
    // A URL without the sentence punctuation that may follow it.
    {"url", R"((?i:https?://|ftp://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]}'»”])", 0, kUrlStart},
};

#undef NOT_AFTER_WORD
#undef NOT_BEFORE_WORD
#undef SP
#undef GROUP
#undef SYMBOL_BODY
#undef ADMIN_SYMBOL
#undef PARTY_SYMBOL
#undef CAPS_GROUP
#undef SPACED_BODY
#undef SPACED_ADMIN
#undef SPACED_PARTY

constexpr size_t kRuleCount = std::size(kRules);

// Each rule compiled once, on first use, by whichever thread needs it first; a RegexPattern is
// immutable and may be shared by threads (each search makes its own matcher). Compiling all
// of them takes several ms, so two threads may share the work: searches compile first to
// last, compile_unbreakable_rules() last to first.
struct CompiledRule {
    std::once_flag once;
    std::unique_ptr<icu::RegexPattern> pattern;
};

CompiledRule& compiled_rule(size_t index) {
    static std::array<CompiledRule, kRuleCount> rules;
    CompiledRule& c = rules[index];
    std::call_once(c.once, [&] {
        const Rule& rule = kRules[index];
        UErrorCode status = U_ZERO_ERROR;
        UParseError where{};
        c.pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(rule.pattern), 0,
                                                   where, status));
        if (U_FAILURE(status))
            throw std::logic_error(std::string("unbreakable rule \"") + rule.name +
                                   "\" does not compile: " + u_errorName(status) + " at offset " +
                                   std::to_string(where.offset));
    });
    return c;
}

}  // namespace

void compile_unbreakable_rules() {
    for (size_t i = kRuleCount; i-- > 0;) compiled_rule(i);
}

std::vector<model::ByteRange> merge_ranges(std::vector<model::ByteRange> ranges) {
    std::erase_if(ranges, [](const model::ByteRange& r) { return r.end <= r.begin; });
    std::sort(ranges.begin(), ranges.end(), [](const auto& a, const auto& b) {
        return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
    std::vector<model::ByteRange> out;
    for (const auto& r : ranges) {
        // Touching ranges merge too: no break is wanted between two glued tokens.
        if (!out.empty() && r.begin <= out.back().end)
            out.back().end = std::max(out.back().end, r.end);
        else
            out.push_back(r);
    }
    return out;
}

namespace {

// Paragraphs repeat (every document of a batch has the plan's body): remember what was found.
struct Memo {
    std::unordered_map<std::string, std::vector<model::ByteRange>> ranges;
    size_t hits = 0;
};
constexpr size_t kMemoLimit = 4096;  // paragraphs; then it starts again, so memory stays flat

Memo& memo() {
    thread_local Memo m;
    return m;
}

std::vector<model::ByteRange> find_ranges(std::string_view s, bool every_rule = false);

}  // namespace

size_t detail::unbreakable_memo_hits() { return memo().hits; }

void detail::clear_unbreakable_memo() { memo().ranges.clear(); }

std::vector<model::ByteRange> unbreakable_ranges(std::string_view s) {
    if (s.empty()) return {};
    Memo& m = memo();
    std::string key(s);
    if (auto it = m.ranges.find(key); it != m.ranges.end()) {
        ++m.hits;
        return it->second;
    }
    auto found = find_ranges(s);
    if (m.ranges.size() >= kMemoLimit) m.ranges.clear();
    m.ranges.emplace(std::move(key), found);
    return found;
}

namespace {

// What `text` has of the characters rules need (Needs).
unsigned needs_met(const icu::UnicodeString& text) {
    unsigned has = kNothing;
    const int32_t n = text.length();
    for (int32_t i = 0; i < n;) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        switch (c) {
            case '/':
                has |= kSlash;
                break;
            case '-':
            case 0x2013:
            case 0x2014:
                has |= kDash;
                break;
            case '.':
                has |= kDot | kDotOrComma;
                break;
            case ',':
                has |= kDotOrComma;
                break;
            case '@':
                has |= kAt;
                break;
            case ':':
            case 'w':
            case 'W':
                has |= kUrlStart;
                break;
            default:
                if (c >= '0' && c <= '9')
                    has |= kDigit;
                else if (c >= 0x80 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
                    has |= kDigit;
        }
    }
    return has;
}

}  // namespace

std::vector<model::ByteRange> detail::unbreakable_ranges_of_every_rule(std::string_view s) {
    return find_ranges(s, true);
}

namespace {

std::vector<model::ByteRange> find_ranges(std::string_view s, bool every_rule) {
    const detail::Utf16Text u = detail::to_utf16(s);
    const unsigned has = every_rule ? ~0u : needs_met(u.text);
    std::vector<model::ByteRange> found;
    for (size_t i = 0; i < kRuleCount; ++i) {
        if ((kRules[i].needs & has) != kRules[i].needs) continue;
        const icu::RegexPattern* pattern = compiled_rule(i).pattern.get();
        const int group = kRules[i].group;
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u.text, status));
        if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot create a regex matcher");
        while (m->find(status) && U_SUCCESS(status)) {
            const int32_t begin = m->start(group, status);
            const int32_t end = m->end(group, status);
            if (U_FAILURE(status)) break;
            if (end > begin) found.push_back({u.byte_at[begin], u.byte_at[end]});
        }
        if (U_FAILURE(status)) throw std::runtime_error("ICU: regex search failed");
    }
    return merge_ranges(std::move(found));
}

}  // namespace

}  // namespace vanthu::text
