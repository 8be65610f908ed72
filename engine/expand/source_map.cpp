#include "expand/source_map.hpp"

#include <algorithm>
#include <charconv>

#include "expand/detail.hpp"
#include "expand/mustache_scan.hpp"
#include "expand/template.hpp"
#include "input/utf8.hpp"

namespace vanthu::expand {

namespace {

constexpr char kMarkBegin = '\x01';
constexpr char kMarkEnd = '\x02';

}  // namespace

std::string detail::make_marker(int file, int line, int column) {
    std::string m(1, kMarkBegin);
    m += std::to_string(file);
    m += ':';
    m += std::to_string(line);
    if (column > 0) {
        m += ':';
        m += std::to_string(column);
    }
    m += kMarkEnd;
    return m;
}

namespace {

// Parses the marker starting at marked[pos] (a kMarkBegin). On success sets `mark` (offset left
// alone) and `after` to the offset just past the marker.
bool parse_marker(const std::string& marked, size_t pos, LineMark& mark, size_t& after) {
    const size_t close = marked.find(kMarkEnd, pos + 1);
    if (close == std::string::npos) return false;
    int numbers[3] = {0, 0, 1};
    int count = 0;
    const char* p = marked.data() + pos + 1;
    const char* end = marked.data() + close;
    while (count < 3) {
        auto [next, ec] = std::from_chars(p, end, numbers[count]);
        if (ec != std::errc() || next == p) return false;
        ++count;
        p = next;
        if (p == end) break;
        if (*p != ':') return false;
        ++p;
    }
    if (p != end || count < 2) return false;
    mark.file = numbers[0];
    mark.line = numbers[1];
    mark.column = count == 3 ? numbers[2] : 1;
    after = close + 1;
    return true;
}

}  // namespace

std::string add_line_markers(const std::string& text, int file) {
    const detail::ScanResult scan = detail::scan_tags(text);
    // No markers after an unclosed or invalid tag: kainjow searches for its end through them.
    const size_t limit =
        (scan.unclosed || scan.bad_delimiter) ? scan.unclosed_at : std::string::npos;

    std::vector<size_t> line_starts{0};
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_starts.push_back(i + 1);

    struct Insertion {
        size_t pos;
        std::string text;
    };
    std::vector<Insertion> insertions;
    size_t tag = 0;
    const auto& tags = scan.tags;
    for (size_t l = 0; l < line_starts.size(); ++l) {
        const size_t pos = line_starts[l];
        if (pos >= text.size() || pos > limit) break;
        while (tag < tags.size() && tags[tag].end <= pos) ++tag;
        const bool inside = tag < tags.size() && tags[tag].start < pos;
        if (!inside)
            insertions.push_back({pos, detail::make_marker(file, static_cast<int>(l) + 1)});
    }
    // Text resuming after a tag that spans lines gets a marker with its column.
    for (const auto& t : tags) {
        if (t.end >= text.size() || t.end > limit) continue;
        if (text.find('\n', t.start) >= t.end) continue;  // single-line tag
        if (text[t.end] == '\n' || text.compare(t.end, 2, "\r\n") == 0) continue;
        const auto it = std::upper_bound(line_starts.begin(), line_starts.end(), t.end) - 1;
        const int line = static_cast<int>(it - line_starts.begin()) + 1;
        const int column = 1 + static_cast<int>(input::detail::count_code_points(text, *it, t.end));
        insertions.push_back({t.end, detail::make_marker(file, line, column)});
    }
    std::sort(insertions.begin(), insertions.end(),
              [](const Insertion& a, const Insertion& b) { return a.pos < b.pos; });

    std::string out;
    size_t extra = 0;
    for (const auto& ins : insertions) extra += ins.text.size();
    out.reserve(text.size() + extra);
    size_t copied = 0;
    for (const auto& ins : insertions) {
        out.append(text, copied, ins.pos - copied);
        out += ins.text;
        copied = ins.pos;
    }
    out.append(text, copied, std::string::npos);
    return out;
}

std::string strip_line_markers(const std::string& marked, std::vector<LineMark>& marks) {
    std::string out;
    out.reserve(marked.size());
    size_t pos = 0;
    while (pos < marked.size()) {
        const size_t next = marked.find(kMarkBegin, pos);
        if (next == std::string::npos) {
            out.append(marked, pos, std::string::npos);
            break;
        }
        out.append(marked, pos, next - pos);
        LineMark mark;
        size_t after = 0;
        if (parse_marker(marked, next, mark, after)) {
            mark.offset = out.size();
            if (!marks.empty() && marks.back().offset == mark.offset)
                marks.back() = mark;
            else
                marks.push_back(mark);
            pos = after;
        } else {
            pos = next + 1;  // a stray \x01 (never produced by load_template): drop it
        }
    }
    return out;
}

core::SourceLocation SourceMap::locate(const std::string& expanded, size_t offset) const {
    if (offset > expanded.size()) offset = expanded.size();
    auto it = std::upper_bound(marks_.begin(), marks_.end(), offset,
                               [](size_t off, const LineMark& m) { return off < m.offset; });
    if (it == marks_.begin() || files_ == nullptr)
        return core::locate("<expanded>", expanded, offset);
    const LineMark& mark = *(it - 1);
    if (mark.file < 0 || static_cast<size_t>(mark.file) >= files_->size())
        return core::locate("<expanded>", expanded, offset);
    const TemplateFile& file = (*files_)[mark.file];
    core::SourceLocation loc;
    loc.file = file.path;
    loc.line = mark.line;
    loc.column = mark.column +
                 static_cast<int>(input::detail::count_code_points(expanded, mark.offset, offset));
    loc.line_text = core::line_of(file.text, mark.line);
    return loc;
}

core::SourceLocation locate_in_source(const std::string& marked, size_t offset,
                                      const std::vector<TemplateFile>& files,
                                      const std::string& fallback_file) {
    if (offset > marked.size()) offset = marked.size();
    // The last marker that ends at or before `offset`.
    size_t search = offset;
    while (search > 0) {
        const size_t begin = marked.rfind(kMarkBegin, search - 1);
        if (begin == std::string::npos) break;
        LineMark mark;
        size_t after = 0;
        if (parse_marker(marked, begin, mark, after) && after <= offset && mark.file >= 0 &&
            static_cast<size_t>(mark.file) < files.size()) {
            const TemplateFile& file = files[mark.file];
            core::SourceLocation loc;
            loc.file = file.path;
            loc.line = mark.line;
            size_t line_start = after;
            int column = mark.column;
            for (size_t i = after; i < offset; ++i) {
                if (marked[i] == '\n') {
                    ++loc.line;
                    line_start = i + 1;
                    column = 1;
                }
            }
            loc.column = column + static_cast<int>(
                                      input::detail::count_code_points(marked, line_start, offset));
            loc.line_text = core::line_of(file.text, loc.line);
            return loc;
        }
        search = begin;
    }
    return core::locate(fallback_file, marked, offset);
}

}  // namespace vanthu::expand
