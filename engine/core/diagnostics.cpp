#include "core/diagnostics.hpp"

#include <map>
#include <sstream>
#include <string_view>

#include "core/utf8.hpp"

namespace vanthu::core {

static bool same_place(const std::optional<SourceLocation>& a,
                       const std::optional<SourceLocation>& b) {
    if (!a || !b) return !a && !b;
    return a->file == b->file && a->line == b->line && a->column == b->column;
}

static size_t place_hash(const Diagnostic& d) {
    const std::hash<std::string> h;
    size_t seed = h(d.code) ^ (h(d.message) * 31) ^ static_cast<size_t>(d.severity);
    if (d.where)
        seed ^= (h(d.where->file) * 131) ^ (static_cast<size_t>(d.where->line) << 20) ^
                static_cast<size_t>(d.where->column);
    return seed;
}

void Diagnostics::add(Diagnostic d) {
    const size_t hash = place_hash(d);
    const auto [first, last] = index_.equal_range(hash);
    for (auto it = first; it != last; ++it) {
        const Diagnostic& x = items_[it->second];
        if (x.severity == d.severity && x.code == d.code && x.message == d.message &&
            same_place(x.where, d.where))
            return;
    }
    index_.emplace(hash, items_.size());
    items_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, std::string message,
                        std::optional<SourceLocation> where) {
    add({Severity::error, std::move(code), std::move(message), std::move(where), {}});
}

void Diagnostics::warning(std::string code, std::string message,
                          std::optional<SourceLocation> where) {
    add({Severity::warning, std::move(code), std::move(message), std::move(where), {}});
}

bool Diagnostics::has_errors() const {
    for (const auto& d : items_)
        if (d.severity == Severity::error) return true;
    return false;
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) {
        index_.emplace(place_hash(d), items_.size());
        items_.push_back(d);
    }
}

static std::string summary(const std::vector<Diagnostic>& ds) {
    return ds.empty() ? std::string("failure") : ds.front().message;
}

Failure::Failure(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_(std::move(diagnostics)) {}

Failure::Failure(Diagnostic diagnostic) : Failure(std::vector<Diagnostic>{std::move(diagnostic)}) {}

void throw_if_errors(const Diagnostics& diagnostics) {
    if (diagnostics.has_errors()) throw Failure(diagnostics.items());
}

static const char* severity_name(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "note";
    }
    return "error";
}

// The direction controls and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
// starting at s[i], or 0: printed as they are, they would turn the message line around.
static unsigned bidi_control_at(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    if (b(i) == 0xD8 && b(i + 1) == 0x9C) return 0x061C;
    if (b(i) != 0xE2) return 0;
    const unsigned c = 0x2000 | ((b(i + 1) & 0x3Fu) << 6) | (b(i + 2) & 0x3Fu);
    if ((b(i + 1) & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80) return 0;
    const bool bidi =
        (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    return bidi ? c : 0;
}

// Text from the data can reach a message: control characters are shown escaped ("\x1b"), so
// that data never drives the user's terminal (ESC sequences, CR overwriting a line), and so are
// the direction controls ("\u202e"). Tabs and, where `keep_newlines`, line breaks are kept.
static std::string escaped(std::string_view s, bool keep_newlines) {
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c1 = c == 0xC2 && i + 1 < s.size() &&
                        static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                        static_cast<unsigned char>(s[i + 1]) <= 0x9F;
        if ((c < 0x20 && c != '\t' && !(keep_newlines && c == '\n')) || c == 0x7F) {
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else if (c1) {
            const auto code = static_cast<unsigned char>(s[++i]);
            out += "\\u00";
            out += kHex[code >> 4];
            out += kHex[code & 15];
        } else if (const unsigned bidi = bidi_control_at(s, i)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(bidi >> shift) & 15];
            i += bidi == 0x061C ? 1 : 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// A message or hint longer than this many code points is cut, with a marker saying so (a
// syntax error on a 5 MB line printed all of it).
constexpr size_t kMessageCodePoints = 1000;
// The source line under a message is shown as a window of this many code points around the
// column when it is longer.
constexpr size_t kLineCodePoints = 160;

static std::string cut(std::string_view s) {
    if (code_points(s) <= kMessageCodePoints) return std::string(s);
    const size_t end = code_point_offset(s, kMessageCodePoints);
    return std::string(s.substr(0, end)) + " … (" + std::to_string(s.size() - end) + " more bytes)";
}

std::string format(const Diagnostic& d) {
    std::ostringstream out;
    if (d.where && !d.where->file.empty()) {
        out << d.where->file;
        if (d.where->line > 0) {
            out << ':' << d.where->line;
            if (d.where->column > 0) out << ':' << d.where->column;
        }
        out << ": ";
    }
    out << severity_name(d.severity);
    if (!d.code.empty()) out << '[' << d.code << ']';
    out << ": " << escaped(cut(d.message), true) << '\n';
    if (d.where && !d.where->line_text.empty()) {
        // A long line is shown as a window around the column, "…" marking what is left out.
        std::string_view line = d.where->line_text;
        size_t column = d.where->column > 0 ? static_cast<size_t>(d.where->column) : 0;
        std::string before, after;
        if (code_points(line) > kLineCodePoints) {
            const size_t at = column > 0 ? column - 1 : 0;
            const size_t first = at > kLineCodePoints / 2 ? at - kLineCodePoints / 2 : 0;
            const size_t begin = code_point_offset(line, first);
            const size_t end = code_point_offset(line, first + kLineCodePoints);
            if (first > 0) before = "…";
            if (end < line.size()) after = "…";
            line = line.substr(begin, end - begin);
            if (column > 0) column = column - first + (first > 0 ? 1 : 0);
        }
        out << "  " << before << escaped(line, false) << after << '\n';
        if (column > 0) out << "  " << std::string(column - 1, ' ') << "^\n";
    }
    for (const auto& h : d.hints) out << "  hint: " << escaped(cut(h), true) << '\n';
    return out.str();
}

std::vector<std::string> format_each(const std::vector<Diagnostic>& diagnostics, size_t shown) {
    std::vector<std::string> out;
    bool error_shown = false;
    std::vector<const Diagnostic*> rest;
    for (size_t i = 0; i < diagnostics.size(); ++i) {
        const Diagnostic& d = diagnostics[i];
        const bool error = d.severity == Severity::error;
        // Past the cap, the first error still shows when only warnings came before it.
        if (i < shown || (error && !error_shown)) {
            out.push_back(format(d));
            error_shown = error_shown || error;
        } else {
            rest.push_back(&d);
        }
    }
    if (rest.empty()) return out;
    size_t counts[3] = {0, 0, 0};
    std::map<std::string, size_t> codes;  // ordered, so that the line is the same every time
    for (const Diagnostic* d : rest) {
        ++counts[static_cast<int>(d->severity)];
        ++codes[d->code.empty() ? std::string("other") : d->code];
    }
    std::string line;
    const char* const names[3] = {"error", "warning", "note"};
    for (int s = 0; s < 3; ++s) {
        if (counts[s] == 0) continue;
        line += (line.empty() ? "… and " : " and ") + std::to_string(counts[s]) + " more " +
                names[s] + (counts[s] == 1 ? "" : "s");
    }
    line += " not shown (";
    bool first = true;
    for (const auto& [code, n] : codes) {
        line += (first ? "" : ", ") + code + ": " + std::to_string(n);
        first = false;
    }
    out.push_back(line + "); correct the ones above first\n");
    return out;
}

std::string format_all(const std::vector<Diagnostic>& diagnostics, size_t shown) {
    std::string out;
    for (const auto& text : format_each(diagnostics, shown)) out += text;
    return out;
}

std::string line_of(const std::string& text, int line) {
    if (line < 1) return {};
    size_t start = 0;
    for (int l = 1; l < line; ++l) {
        start = text.find('\n', start);
        if (start == std::string::npos) return {};
        ++start;
    }
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string result = text.substr(start, end - start);
    if (!result.empty() && result.back() == '\r') result.pop_back();
    return result;
}

SourceLocation locate(const std::string& file, const std::string& text, size_t offset) {
    if (offset > text.size()) offset = text.size();
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    return locate_on_line(file, text, offset, line, line_start);
}

SourceLocation locate_on_line(const std::string& file, const std::string& text, size_t offset,
                              int line, size_t line_start) {
    if (offset > text.size()) offset = text.size();
    SourceLocation loc{file, line, 1, {}};
    loc.column = 1 + static_cast<int>(code_points(
                         std::string_view(text).substr(line_start, offset - line_start)));
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    loc.line_text = text.substr(line_start, line_end - line_start);
    if (!loc.line_text.empty() && loc.line_text.back() == '\r') loc.line_text.pop_back();
    return loc;
}

}  // namespace vanthu::core
