// Heading and list labels (ND30 §2.7.1): Roman numerals, the Vietnamese letter sequence of
// điểm, and the markers used at the deeper levels in practice.
#include <array>
#include <stdexcept>
#include <string>

#include "text/text.hpp"

namespace vanthu::text {

namespace {

// a b c d đ e g h i k l m n o p q r s t u v x y: the Vietnamese alphabet without the vowels
// with diacritics (ă â ê ô ơ ư), which are never used as labels.
constexpr std::array<const char*, 23> vietnamese_letters = {"a", "b", "c", "d", "đ", "e", "g", "h",
                                                            "i", "k", "l", "m", "n", "o", "p", "q",
                                                            "r", "s", "t", "u", "v", "x", "y"};

// Bijective numeration over `digits`: 1 -> first, ..., size -> last, size + 1 -> first first.
template <typename Digit>
std::string bijective(int n, const Digit& digit, int base) {
    std::string out;
    while (n > 0) {
        --n;
        out.insert(0, digit(n % base));
        n /= base;
    }
    return out;
}

int last_counter(const std::vector<int>& counters) {
    if (counters.empty()) throw std::invalid_argument("numbering_label: empty counter path");
    return counters.back();
}

}  // namespace

std::string roman(int n) {
    if (n < 1 || n > 3999) throw std::invalid_argument("roman: n must be 1..3999");
    static constexpr std::array<int, 13> values = {1000, 900, 500, 400, 100, 90, 50,
                                                   40,   10,  9,   5,   4,   1};
    static constexpr std::array<const char*, 13> symbols = {"M",  "CM", "D",  "CD", "C",  "XC", "L",
                                                            "XL", "X",  "IX", "V",  "IV", "I"};
    std::string out;
    for (size_t i = 0; i < values.size(); ++i)
        for (; n >= values[i]; n -= values[i]) out += symbols[i];
    return out;
}

std::string letter_label(int n) {
    if (n < 1) throw std::invalid_argument("letter_label: n must be >= 1");
    const int base = static_cast<int>(vietnamese_letters.size());
    return bijective(
        n, [](int d) { return std::string(vietnamese_letters[static_cast<size_t>(d)]); }, base);
}

std::string numbering_label(LabelStyle style, const std::vector<int>& counters) {
    if (style != LabelStyle::dash && style != LabelStyle::plus)
        for (const int c : counters)
            if (c < 1) throw std::invalid_argument("numbering_label: counters start at 1");
    switch (style) {
        case LabelStyle::upper_alpha:
            return bijective(
                       last_counter(counters),
                       [](int d) { return std::string(1, static_cast<char>('A' + d)); }, 26) +
                   ".";
        case LabelStyle::roman:
            return roman(last_counter(counters)) + ".";
        case LabelStyle::arabic:
            return std::to_string(last_counter(counters)) + ".";
        case LabelStyle::decimal: {
            if (counters.empty()) throw std::invalid_argument("numbering_label: empty path");
            std::string out;
            for (const int c : counters) out += std::to_string(c) + ".";
            return out;
        }
        case LabelStyle::letter:
            return letter_label(last_counter(counters)) + ")";
        case LabelStyle::dash:
            return "-";
        case LabelStyle::plus:
            return "+";
    }
    throw std::invalid_argument("numbering_label: unknown style");
}

}  // namespace vanthu::text
