#include "core/diagnostics.hpp"

#include <sstream>

namespace vanthu::core {

static bool same_place(const std::optional<SourceLocation>& a,
                       const std::optional<SourceLocation>& b) {
    if (!a || !b) return !a && !b;
    return a->file == b->file && a->line == b->line && a->column == b->column;
}

void Diagnostics::add(Diagnostic d) {
    for (const auto& x : items_)
        if (x.severity == d.severity && x.code == d.code && x.message == d.message &&
            same_place(x.where, d.where))
            return;
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
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
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
    out << ": " << d.message << '\n';
    if (d.where && !d.where->line_text.empty()) {
        out << "  " << d.where->line_text << '\n';
        if (d.where->column > 0) out << "  " << std::string(d.where->column - 1, ' ') << "^\n";
    }
    for (const auto& h : d.hints) out << "  hint: " << h << '\n';
    return out.str();
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
    int column = 1;
    for (size_t i = line_start; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    loc.column = column;
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    loc.line_text = text.substr(line_start, line_end - line_start);
    if (!loc.line_text.empty() && loc.line_text.back() == '\r') loc.line_text.pop_back();
    return loc;
}

}  // namespace vanthu::core
