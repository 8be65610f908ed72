// Diagnostics: user-facing problems as data, with the place they came from.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace vanthu::core {

// A place in a source file (data file, template, font list). Lines and columns count from 1;
// a column counts Unicode code points, not bytes.
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string line_text;  // the whole source line, for the caret display
};

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // stable identifier, e.g. "data.syntax", "markup.unknown-element"
    std::string message;
    std::optional<SourceLocation> where;
    std::vector<std::string> hints;
};

// Collects diagnostics so a stage can report every problem of one pass at once.
class Diagnostics {
  public:
    // Adds `d` unless the same problem is already recorded at the same place (a template line
    // inside a repeated section would otherwise report it once per repetition).
    void add(Diagnostic d);
    void error(std::string code, std::string message,
               std::optional<SourceLocation> where = std::nullopt);
    void warning(std::string code, std::string message,
                 std::optional<SourceLocation> where = std::nullopt);
    bool has_errors() const;
    const std::vector<Diagnostic>& items() const { return items_; }
    void append(const Diagnostics& other);

  private:
    std::vector<Diagnostic> items_;
    // The items by a hash of what add() compares: 100,000 problems are checked against each
    // other in linear time, not quadratic.
    std::unordered_multimap<size_t, size_t> index_;
};

// Thrown when a stage cannot go on; carries everything it found.
class Failure : public std::runtime_error {
  public:
    explicit Failure(std::vector<Diagnostic> diagnostics);
    explicit Failure(Diagnostic diagnostic);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  private:
    std::vector<Diagnostic> diagnostics_;
};

// Throws Failure if `diagnostics` holds an error.
void throw_if_errors(const Diagnostics& diagnostics);

// "file:line:col: error[code]: message", then the source line and a caret, then hints.
std::string format(const Diagnostic& d);

// format() of the first `shown` diagnostics (and of the first error, if none of them is one),
// then one line that counts the rest by severity and code: "… and 19980 more errors not shown
// (data.schema: 19980); correct the ones above first". A command prints
// core::limits::kPrintedDiagnostics of them; the API still returns them all.
std::vector<std::string> format_each(const std::vector<Diagnostic>& diagnostics, size_t shown);

// The texts of format_each() one after the other.
std::string format_all(const std::vector<Diagnostic>& diagnostics, size_t shown);

// The text of 1-based line `line` of `text` (without its line break), or "" if there is none.
std::string line_of(const std::string& text, int line);

// Line and column (1-based, column in code points) of a byte offset in `text`, with the line.
SourceLocation locate(const std::string& file, const std::string& text, size_t offset);

// The same when the caller knows the line: `offset` is on line `line`, which starts at byte
// `line_start` (for a caller stepping through a long text, which would otherwise be counted
// from its start at every call).
SourceLocation locate_on_line(const std::string& file, const std::string& text, size_t offset,
                              int line, size_t line_start);

}  // namespace vanthu::core
