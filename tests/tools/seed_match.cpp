// Seed word match: seed and PDF words, and their longest common subsequence.
#include "tools/seed_match.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "tools/pdf_probe.hpp"

namespace vanthu::testing {

namespace {

std::string nfc(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFC normaliser");
    const icu::UnicodeString out = n->normalize(icu::UnicodeString::fromUTF8(text), status);
    if (U_FAILURE(status)) throw std::runtime_error("NFC normalisation failed");
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

bool is_space(UChar32 c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool is_invisible(UChar32 c) {
    return c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

// "¹" -> '1' …; 0 for any other character.
char superscript_digit(UChar32 c) {
    if (c == 0xB9) return '1';
    if (c == 0xB2) return '2';
    if (c == 0xB3) return '3';
    if (c == 0x2070) return '0';
    if (c >= 0x2074 && c <= 0x2079) return static_cast<char>('4' + (c - 0x2074));
    return 0;
}

bool is_ascii_punct(char c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

// Heading marks ("## ") at the start of each line.
std::string drop_heading_marks(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    size_t line = 0;
    while (line <= text.size()) {
        size_t end = text.find('\n', line);
        if (end == std::string::npos) end = text.size();
        size_t i = line;
        while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
        size_t j = i;
        while (j < end && text[j] == '#') ++j;
        if (j > i && (j == end || text[j] == ' ' || text[j] == '\t')) i = j;
        out.append(text, i, end - i);
        if (end < text.size()) out += '\n';
        line = end + 1;
    }
    return out;
}

// Length of the tag at `pos` if it is one of the conversion's inline tags, else 0; `br` is set
// for <br>.
size_t markup_tag(const std::string& s, size_t pos, bool& br) {
    size_t i = pos + 1;
    if (i < s.size() && s[i] == '/') ++i;
    const size_t start = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string name = s.substr(start, i - start);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] == '/') ++i;
    if (i >= s.size() || s[i] != '>') return 0;
    static const char* const kTags[] = {"i", "b", "u", "em", "strong", "sup", "sub", "br"};
    if (std::find_if(std::begin(kTags), std::end(kTags),
                     [&name](const char* t) { return name == t; }) == std::end(kTags))
        return 0;
    br = name == "br";
    return i + 1 - pos;
}

std::string strip_inline(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
            out += s[++i];
        } else if (c == '*') {
            continue;
        } else if (c == '<') {
            bool br = false;
            const size_t n = markup_tag(s, i, br);
            if (n == 0) {
                out += c;
                continue;
            }
            if (br) out += ' ';
            i += n - 1;
        } else if (c == '[') {
            // A Markdown link "[text](url)" on one line keeps its text.
            const size_t close = s.find(']', i + 1);
            const size_t eol = s.find('\n', i + 1);
            const size_t url_end = close == std::string::npos ? close : s.find(')', close);
            if (close != std::string::npos && close + 1 < s.size() && s[close + 1] == '(' &&
                url_end != std::string::npos && (eol == std::string::npos || url_end < eol)) {
                out += strip_inline(s.substr(i + 1, close - i - 1));
                i = url_end;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> words_of_text(const std::string& text) {
    const std::string s = nfc(text);
    std::vector<std::string> words;
    std::string word;
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || is_space(c)) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else if (const char d = superscript_digit(c)) {
            word += d;
        } else if (!is_invisible(c)) {
            word.append(s, static_cast<size_t>(start), static_cast<size_t>(i - start));
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::string strip_seed_markup(const std::string& seed) {
    return strip_inline(drop_heading_marks(seed));
}

std::vector<std::string> words_of_seed(const std::string& seed) {
    return words_of_text(strip_seed_markup(seed));
}

SeedWords seed_words(const std::string& seed) {
    SeedWords out;
    std::istringstream lines(seed);
    std::string line;
    while (std::getline(lines, line)) {
        size_t i = line.find_first_not_of(" \t");
        bool note = false;
        if (i != std::string::npos) {
            UChar32 c = 0;
            const auto* bytes = reinterpret_cast<const uint8_t*>(line.data());
            auto at = static_cast<int32_t>(i);
            U8_NEXT(bytes, at, static_cast<int32_t>(line.size()), c);
            note = superscript_digit(c) != 0;
        }
        for (auto& w : words_of_seed(line)) {
            out.words.push_back(std::move(w));
            out.in_note.push_back(note);
        }
    }
    return out;
}

std::vector<std::string> words_of_pdf(const std::filesystem::path& pdf) {
    const CommandResult r = run("pdftotext -raw -enc UTF-8 " + shell_quote(pdf.string()) + " -");
    if (r.status != 0)
        throw std::runtime_error("pdftotext failed on " + pdf.string() + " (status " +
                                 std::to_string(r.status) + ")");
    return words_of_text(r.output);
}

Match lcs_match(const std::vector<std::string>& seed, const std::vector<std::string>& pdf) {
    Match m;
    m.total = seed.size();
    // Words as numbers; a PDF word absent from the seed never matches anything.
    constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
    std::unordered_map<std::string_view, uint32_t> ids;
    std::vector<uint32_t> a, b;
    a.reserve(seed.size());
    b.reserve(pdf.size());
    for (const auto& w : seed) a.push_back(ids.try_emplace(w, ids.size()).first->second);
    for (const auto& w : pdf) {
        const auto it = ids.find(w);
        b.push_back(it == ids.end() ? kNone : it->second);
    }
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const size_t n = a.size() - prefix - suffix;
    const size_t w = b.size() - prefix - suffix;
    if (n > 0 && w > 0 && n > (size_t{1} << 30) / w)
        throw std::length_error("lcs_match: " + std::to_string(n) + " × " + std::to_string(w) +
                                " words is too many");
    const uint32_t* x = a.data() + prefix;
    const uint32_t* y = b.data() + prefix;
    // up[i*w + j]: cell (i+1, j+1) took its length from the row above (seed word i skipped).
    std::vector<uint64_t> up((n * w + 63) / 64);
    std::vector<uint32_t> prev(w + 1, 0), cur(w + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        cur[0] = 0;
        const uint32_t xi = x[i];
        size_t bit = i * w;
        for (size_t j = 0; j < w; ++j, ++bit) {
            if (xi == y[j]) {
                cur[j + 1] = prev[j] + 1;
            } else if (prev[j + 1] >= cur[j]) {
                cur[j + 1] = prev[j + 1];
                up[bit >> 6] |= uint64_t{1} << (bit & 63);
            } else {
                cur[j + 1] = cur[j];
            }
        }
        std::swap(prev, cur);
    }
    // The way back, from the last cell.
    size_t i = n, j = w;
    while (i > 0 && j > 0) {
        const size_t bit = (i - 1) * w + (j - 1);
        if (x[i - 1] == y[j - 1]) {
            --i;
            --j;
        } else if (up[bit >> 6] >> (bit & 63) & 1) {
            m.missing.push_back(prefix + --i);
        } else {
            --j;
        }
    }
    while (i > 0) m.missing.push_back(prefix + --i);
    std::reverse(m.missing.begin(), m.missing.end());
    m.matched = m.total - m.missing.size();
    return m;
}

Match seed_match(const SeedWords& seed, const std::vector<std::string>& pdf) {
    Match all;
    all.total = seed.words.size();
    // Runs of words of one kind: the running text is one part, each footnote its own.
    std::vector<std::vector<size_t>> parts(1);
    for (size_t k = 0; k < seed.words.size(); ++k) {
        if (!seed.in_note[k])
            parts.front().push_back(k);
        else if (k == 0 || !seed.in_note[k - 1])
            parts.push_back({k});
        else
            parts.back().push_back(k);
    }
    for (const auto& part : parts) {
        std::vector<std::string> words;
        words.reserve(part.size());
        for (size_t k : part) words.push_back(seed.words[k]);
        for (size_t miss : lcs_match(words, pdf).missing) all.missing.push_back(part[miss]);
    }
    std::sort(all.missing.begin(), all.missing.end());
    all.matched = all.total - all.missing.size();
    return all;
}

std::string summary(const Match& m) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.1f", m.percent());
    return "matched " + std::to_string(m.matched) + "/" + std::to_string(m.total) + " (" + percent +
           " %)";
}

std::string describe_missing(const std::vector<std::string>& seed, const Match& m,
                             size_t max_words) {
    std::ostringstream out;
    for (size_t k = 0; k < m.missing.size();) {
        size_t end = k + 1;
        while (end < m.missing.size() && m.missing[end] == m.missing[end - 1] + 1) ++end;
        const size_t first = m.missing[k], count = end - k;
        out << "  words " << first + 1;
        if (count > 1) out << "–" << first + count;
        out << " (" << count << ")";
        if (first > 0) out << ", after \"" << seed[first - 1] << "\"";
        out << ":";
        for (size_t i = 0; i < std::min(count, max_words); ++i) out << " " << seed[first + i];
        if (count > max_words) out << " … [" << count - max_words << " more]";
        out << "\n";
        k = end;
    }
    return out.str();
}

}  // namespace vanthu::testing
