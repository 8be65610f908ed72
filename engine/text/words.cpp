// Numbers and amounts of money in words, with ICU's "vi" spell-out rules (platform Q5: northern
// forms "lẻ", "nghìn", "tư", "lăm", "mốt"; the result is lower case and has no "đồng").
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>

#include <memory>
#include <stdexcept>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

// ICU's "vi" rules spell numbers below 10^18 and fall back to digits from there.
constexpr long long spell_limit = 1'000'000'000'000'000'000LL;

const icu::RuleBasedNumberFormat& spellout() {
    // One formatter per thread: ICU does not promise that sharing one is safe.
    thread_local const auto rbnf = [] {
        UErrorCode status = U_ZERO_ERROR;
        auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                              icu::Locale("vi"), status);
        // "vi" reports U_USING_DEFAULT_WARNING although it is used (platform Q5).
        if (U_FAILURE(status)) throw std::runtime_error("ICU: Vietnamese spell-out unavailable");
        return f;
    }();
    return *rbnf;
}

icu::UnicodeString words(long long n) {
    if (n <= -spell_limit || n >= spell_limit)
        throw std::out_of_range("number_in_words: |n| must be below 10^18");
    icu::UnicodeString out;
    icu::FieldPosition pos;
    spellout().format(static_cast<int64_t>(n), out, pos);
    return out;
}

}  // namespace

std::string number_in_words(long long n) { return detail::to_utf8(words(n)); }

std::string amount_in_words(long long dong) {
    icu::UnicodeString u = words(dong);
    const UChar32 first = u.char32At(0);
    u.replace(0, U16_LENGTH(first), u_totitle(first));
    u.append(icu::UnicodeString(u" đồng"));
    return nfc(detail::to_utf8(u));
}

}  // namespace vanthu::text
