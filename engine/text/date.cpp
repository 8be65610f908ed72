// ISO date parsing and the Decree 30 date forms. Custom code: the padding rule (day < 10,
// month < 3) is not expressible as one ICU pattern (platform-facts Q5).
#include <string>

#include "text/text.hpp"

namespace vanthu::text {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

std::optional<int> digits(std::string_view s) {
    int v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string two_digits(int v) { return v < 10 ? "0" + std::to_string(v) : std::to_string(v); }

// Months 1 and 2 are padded, 3..9 are not (ND30 Phụ lục I: "tháng 02", "tháng 3").
std::string month_text(int month) { return month < 3 ? two_digits(month) : std::to_string(month); }

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const auto year = digits(s.substr(0, 4));
    const auto month = digits(s.substr(5, 2));
    const auto day = digits(s.substr(8, 2));
    if (!year || !month || !day) return std::nullopt;
    if (*year < 1 || *month < 1 || *month > 12) return std::nullopt;
    if (*day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    return Date{*year, *month, *day};
}

std::string date_long(const Date& d) {
    return "ngày " + two_digits(d.day) + " tháng " + month_text(d.month) + " năm " +
           std::to_string(d.year);
}

std::string date_short(const Date& d) {
    return two_digits(d.day) + "/" + month_text(d.month) + "/" + std::to_string(d.year);
}

}  // namespace vanthu::text
