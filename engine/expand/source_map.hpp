// Mapping positions in expanded text back to the template line that produced them.
//
// load_template() puts a marker "\x01<file index>:<line>\x02" at the start of every template
// line that does not begin inside a mustache tag. Mustache copies the markers to the output
// like any other text (data can never contain them: control characters are rejected in data).
// expand() then removes them and records, for each marker, the offset in the clean output where
// the template line begins. A parse error at an offset is thereby reported at the template line
// that produced it; the column is the distance from that line start in the expanded text, which
// is exact unless a substituted value precedes it on the same line.
//
// Additions to the plain "\x01<file>:<line>\x02" marker (kept exact for line starts):
// - "\x01<file>:<line>:<column>\x02" marks text that resumes in the middle of a template line:
//   after a tag spanning several lines ends (e.g. a multi-line {{! comment }}) and after an
//   inlined {{> partial}}, so text following them is still located at its true column.
// - locate_in_source() maps an offset in Template::source (the marked, partial-inlined text
//   kainjow parses) to a template file:line:column; used for mustache syntax errors, whose
//   messages carry only byte offsets, and for the position of {{tags}}.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.hpp"

namespace vanthu::expand {

struct TemplateFile;

struct LineMark {
    size_t offset = 0;  // in the clean expanded text
    int file = 0;       // index into the template's files
    int line = 0;       // 1-based line in that file
    int column = 1;     // 1-based column (code points) in that line where the marked text starts
};

class SourceMap {
  public:
    SourceMap() = default;
    SourceMap(std::vector<LineMark> marks, std::vector<TemplateFile> const* files)
        : marks_(std::move(marks)), files_(files) {}

    // The template file, line and column that produced byte `offset` of the expanded text.
    core::SourceLocation locate(const std::string& expanded, size_t offset) const;
    const std::vector<LineMark>& marks() const { return marks_; }

  private:
    std::vector<LineMark> marks_;
    std::vector<TemplateFile> const* files_ = nullptr;
};

// Inserts the line markers into one file's text (file index `file`). Lines that begin inside a
// tag get no marker; after an unclosed tag no markers are added at all (kainjow reports the
// error at the tag's start, which the marker of its line covers).
std::string add_line_markers(const std::string& text, int file);
// Removes markers from `marked`, returning the clean text and filling `marks` (appended, in
// order of offset; of several marks at one offset only the last is kept).
std::string strip_line_markers(const std::string& marked, std::vector<LineMark>& marks);

// The template file:line:column of byte `offset` in a marked text (a marked file or
// Template::source). Unlike SourceMap::locate, newlines between the marker and `offset` count
// as template lines. Without a marker before `offset`, falls back to core::locate on `marked`
// with the file name `fallback_file`.
core::SourceLocation locate_in_source(const std::string& marked, size_t offset,
                                      const std::vector<TemplateFile>& files,
                                      const std::string& fallback_file = "<template>");

}  // namespace vanthu::expand
