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

std::optional<Date> parse_partial_date(std::string_view s) {
    if (s.size() == 10) return parse_iso_date(s);
    if (s.size() != 4 && !(s.size() == 7 && s[4] == '-')) return std::nullopt;
    const auto year = digits(s.substr(0, 4));
    if (!year || *year < 1) return std::nullopt;
    if (s.size() == 4) return Date{*year, 0, 0};
    const auto month = digits(s.substr(5, 2));
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    return Date{*year, *month, 0};
}

std::string date_problem(std::string_view s) {
    if (parse_partial_date(s)) return {};
    const bool digits_and_dashes =
        (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(8, 2))) ||
        (s.size() == 7 && s[4] == '-');
    if (digits_and_dashes && digits(s.substr(0, 4)) && digits(s.substr(5, 2))) {
        const int month = *digits(s.substr(5, 2));
        if (month < 1 || month > 12) return "there is no month " + std::string(s.substr(5, 2));
        if (*digits(s.substr(0, 4)) < 1) return "there is no year 0000";
        return "no such day in the calendar";
    }
    if (s.size() == 4 && digits(s)) return "there is no year 0000";
    return "expected a date like 2024-05-10, 2024-05 or 2024";
}

// A part not known yet is left blank for the clerk to write in, five spaces wide as in the
// draft's blank date line.
std::string date_long(const Date& d) {
    const std::string blank = "     ";
    return "ngày" + (d.day ? " " + two_digits(d.day) + " " : blank) + "tháng" +
           (d.month ? " " + month_text(d.month) + " " : blank) + "năm " + std::to_string(d.year);
}

std::string date_short(const Date& d) {
    return two_digits(d.day) + "/" + month_text(d.month) + "/" + std::to_string(d.year);
}

}  // namespace vanthu::text
