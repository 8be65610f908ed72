// Numbers with Vietnamese separators (ND30 §7.4): ICU's "vi" number formatter for output, a
// small hand-written reader for numbers that data files give as strings.
#include <unicode/numberformatter.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text {

namespace {

constexpr int max_supported_decimals = 15;

const icu::number::LocalizedNumberFormatter& formatter(int max_decimals) {
    // LocalizedNumberFormatter is immutable and safe to share between threads.
    static const auto all = [] {
        std::array<std::unique_ptr<icu::number::LocalizedNumberFormatter>,
                   max_supported_decimals + 1>
            out;
        for (int d = 0; d <= max_supported_decimals; ++d)
            out[d] = std::make_unique<icu::number::LocalizedNumberFormatter>(
                icu::number::NumberFormatter::withLocale(icu::Locale("vi"))
                    .precision(icu::number::Precision::maxFraction(d))
                    .roundingMode(UNUM_ROUND_HALFUP)
                    .grouping(UNUM_GROUPING_ON_ALIGNED));
        return out;
    }();
    return *all[max_decimals];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits of `s` split at `sep`, checked as thousands groups: 1-3 digits, then groups of 3.
std::optional<std::string> ungroup(std::string_view s, char sep) {
    std::string out;
    size_t group = 0;
    bool first = true;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            if (first ? (group < 1 || group > 3) : group != 3) return std::nullopt;
            first = false;
            group = 0;
            continue;
        }
        if (!is_digit(s[i])) return std::nullopt;
        out += s[i];
        ++group;
    }
    return out;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)
        if (!is_digit(c)) return false;
    return true;
}

}  // namespace

std::string format_number(double value, int max_decimals) {
    if (!std::isfinite(value)) throw std::invalid_argument("format_number: not a finite number");
    if (max_decimals < 0 || max_decimals > max_supported_decimals)
        throw std::invalid_argument("format_number: max_decimals must be 0..15");
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u =
        formatter(max_decimals).formatDouble(value, status).toString(status);
    // The "vi" formatter reports U_USING_DEFAULT_WARNING; only failures count (platform Q5).
    if (U_FAILURE(status)) throw std::runtime_error("ICU: number formatting failed");
    std::string out = detail::to_utf8(u);
    if (out == "-0") out = "0";  // -0.0, or a small negative rounded away
    return out;
}

std::optional<double> parse_number(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string canonical;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        if (s.front() == '-') canonical += '-';
        s.remove_prefix(1);
    }
    const size_t last_dot = s.rfind('.');
    const size_t last_comma = s.rfind(',');
    const bool has_dot = last_dot != std::string_view::npos;
    const bool has_comma = last_comma != std::string_view::npos;

    std::string_view int_part = s;
    std::string_view frac_part;
    bool has_frac = false;
    char group_sep = 0;
    if (has_dot && has_comma) {
        const size_t dec = std::max(last_dot, last_comma);
        group_sep = dec == last_dot ? ',' : '.';
        int_part = s.substr(0, dec);
        frac_part = s.substr(dec + 1);
        has_frac = true;
    } else if (has_comma) {
        if (s.find(',') == last_comma) {
            int_part = s.substr(0, last_comma);
            frac_part = s.substr(last_comma + 1);
            has_frac = true;
        } else {
            group_sep = ',';
        }
    } else if (has_dot) {
        if (s.find('.') == last_dot) {
            const std::string_view before = s.substr(0, last_dot);
            const std::string_view after = s.substr(last_dot + 1);
            const bool looks_grouped = after.size() == 3 && before.size() >= 1 &&
                                       before.size() <= 3 && before.front() != '0';
            if (looks_grouped) {
                group_sep = '.';
            } else {
                int_part = before;
                frac_part = after;
                has_frac = true;
            }
        } else {
            group_sep = '.';
        }
    }

    if (group_sep != 0) {
        const auto digits = ungroup(int_part, group_sep);
        if (!digits) return std::nullopt;
        canonical += *digits;
    } else {
        if (!all_digits(int_part)) return std::nullopt;
        canonical += int_part;
    }
    if (has_frac) {
        if (!all_digits(frac_part)) return std::nullopt;
        canonical += '.';
        canonical += frac_part;
    }

    double value = 0;
    const char* end = canonical.data() + canonical.size();
    const auto [ptr, ec] = std::from_chars(canonical.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

}  // namespace vanthu::text
