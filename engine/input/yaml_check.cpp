// The checks of check_yaml_text(), made on yaml-cpp's events: one pass over the text, in which
// an alias counts as the size of what it names, so that a "billion laughs" is measured
// without being expanded.
#include "input/yaml_check.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <vector>

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"

namespace vanthu::input::detail {

namespace {

namespace limits = core::limits;

core::Diagnostic problem(std::string code, std::string message, core::SourceLocation where,
                         std::vector<std::string> hints = {}) {
    return core::Diagnostic{core::Severity::error, std::move(code), std::move(message),
                            std::move(where), std::move(hints)};
}

// "1 MiB", "50 MiB" (whole mebibytes, rounded down), or "1048577 bytes" when that would hide
// how far past a limit a size is.
std::string mebibytes(size_t bytes) {
    if (bytes % (size_t{1} << 20) != 0 && bytes < (size_t{10} << 20))
        return std::to_string(bytes) + " bytes";
    return std::to_string(bytes >> 20) + " MiB";
}

const std::string kStringLimit = mebibytes(limits::kStringBytes);

// A line longer than a text value may be can only hold such a value (or, rarely, a long list
// written [a, b, …] on one line): refused before yaml-cpp, which reads about 6 MB a second.
void check_line_lengths(const std::string& text, const std::string& file) {
    int line = 1;
    for (size_t start = 0; start < text.size(); ++line) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end - start > limits::kStringBytes)
            throw core::Failure(problem(
                "data.limit",
                "line " + std::to_string(line) + " is longer than " + kStringLimit + " (" +
                    mebibytes(end - start) + "); a text in the data may hold at most " +
                    kStringLimit,
                core::SourceLocation{file, line, 0, {}},
                {"a text this long is not the text of a document: check that the right file "
                 "was given"}));
        start = end + 1;
    }
}

// The size of a value once its aliases are expanded.
struct Size {
    uint64_t values = 0;
    uint64_t bytes = 0;
};

bool key_like(std::string_view line, size_t key_column) {
    size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i > key_column || i == line.size()) return false;
    if (line.compare(i, 2, "- ") == 0 || line.substr(i) == "-") return true;  // a list item
    const size_t start = i;
    while (i < line.size() && line[i] != ':' && line[i] != ' ' && line[i] != '\t' &&
           line[i] != '"' && line[i] != '\'' && line[i] != '#')
        ++i;
    return i > start && i < line.size() && line[i] == ':' &&
           (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t' ||
            line[i + 1] == '\r');
}

class Checker : public YAML::EventHandler {
  public:
    Checker(const std::string& text, const std::string& file) : text_(text), file_(file) {}

    // yaml-cpp 0.7 reports a document starting with "," again and again without reading on
    // (jbeder/yaml-cpp#1040): a document starting where the one before did ends the check,
    // and load_documents reports it at its place.
    void OnDocumentStart(const YAML::Mark& mark) override {
        stuck = mark.pos == last_start_;
        last_start_ = mark.pos;
    }
    bool stuck = false;
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        add({1, 0}, mark, nullptr);
        if (anchor) sizes_[anchor] = {1, 0};
        done();
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto named = sizes_.find(anchor);
        if (named == sizes_.end())  // the alias is inside what it names: a loop
            throw core::Failure(
                problem("data.limit",
                        "the alias " + alias_name(mark) +
                            " is inside the value it names, so the data would never end",
                        where(mark)));
        add(named->second, mark, &named->second);
        done();
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        const bool key = !frames_.empty() && frames_.back().map && frames_.back().key_next;
        if (value.size() > limits::kStringBytes) {
            const std::string path = this->path();
            throw core::Failure(
                problem("data.limit",
                        std::string(key ? "a key" : "the text") +
                            (path.empty() || key ? "" : " of " + path) + " is longer than " +
                            kStringLimit + " (" + mebibytes(value.size()) + ")",
                        where(mark),
                        {"a text in the data may hold at most " + kStringLimit +
                         " (about 150,000 words); check that the right text was given"}));
        }
        check_quote(mark, tag);
        if (key) frames_.back().key = value;
        const Size size{1, value.size()};
        add(size, mark, nullptr);
        if (anchor) sizes_[anchor] = size;
        done();
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        begin(false, mark, anchor);
    }
    void OnSequenceEnd() override { end(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        begin(true, mark, anchor);
    }
    void OnMapEnd() override { end(); }

  private:
    struct Frame {
        bool map = false;
        bool key_next = true;  // a map's next event is a key
        std::string key;       // a map's key being read or last read
        size_t index = 0;      // a list's item being read
        YAML::anchor_t anchor = 0;
        Size before;  // the totals when it began
    };

    const std::string& text_;
    const std::string& file_;
    std::vector<Frame> frames_;
    std::map<YAML::anchor_t, Size> sizes_;  // of every anchored value already read
    int last_start_ = -1;                   // where the last document started
    Size total_;

    core::SourceLocation where(const YAML::Mark& mark) const {
        if (mark.pos < 0 || static_cast<size_t>(mark.pos) > text_.size())
            return {file_, mark.line + 1, mark.column + 1, {}};
        return core::locate(file_, text_, static_cast<size_t>(mark.pos));
    }

    std::string alias_name(const YAML::Mark& mark) const {
        size_t i = mark.pos < 0 ? text_.size() : static_cast<size_t>(mark.pos);
        const size_t start = i;
        while (i < text_.size() && text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\n' &&
               text_[i] != '\r' && text_[i] != ',' && text_[i] != ']' && text_[i] != '}')
            ++i;
        return text_.substr(start, std::min<size_t>(i - start, 80));
    }

    // The path of the value being read: `noi_dung[2].doan`.
    std::string path() const {
        std::string out;
        for (const auto& f : frames_) {
            if (f.map)
                out += (out.empty() ? "" : ".") + f.key;
            else
                out += "[" + std::to_string(f.index) + "]";
        }
        return out;
    }

    // Counts a value (`named`: what an alias names), refusing the data past the limits.
    void add(const Size& size, const YAML::Mark& mark, const Size* named) {
        total_.values += size.values;
        total_.bytes += size.bytes;
        if (total_.values <= limits::kDataNodes && total_.bytes <= limits::kInputFileBytes) return;
        const bool values = total_.values > limits::kDataNodes;
        const std::string what =
            values ? "more than " + std::to_string(limits::kDataNodes) + " values"
                   : "more than " + mebibytes(limits::kInputFileBytes) + " of text";
        if (named)
            throw core::Failure(problem(
                "data.limit",
                "aliases expand to too much data: with the alias " + alias_name(mark) +
                    " (a copy of " + std::to_string(named->values) + " values) the data holds " +
                    what,
                where(mark),
                {"an alias (*name) repeats the value marked &name; write the values out, or "
                 "check that the right file was given"}));
        throw core::Failure(problem("data.limit", "the data holds " + what, where(mark)));
    }

    void begin(bool map, const YAML::Mark& mark, YAML::anchor_t anchor) {
        Frame f;
        f.map = map;
        f.anchor = anchor;
        f.before = total_;
        add({1, 0}, mark, nullptr);
        frames_.push_back(std::move(f));
    }

    void end() {
        const Frame f = std::move(frames_.back());
        frames_.pop_back();
        if (f.anchor)
            sizes_[f.anchor] = {total_.values - f.before.values, total_.bytes - f.before.bytes};
        done();
    }

    // A value (or a key) is read: its container moves on.
    void done() {
        if (frames_.empty()) return;
        Frame& f = frames_.back();
        if (f.map)
            f.key_next = !f.key_next;
        else
            ++f.index;
    }

    // A quoted text is closed at its first unescaped quote. yaml-cpp takes a quote left open
    // up to the end of the file, or up to the next quote of another value: the lines between,
    // which look like the entries of the mapping (`do_khan: KHẨN`) or list around it, vanish
    // into the text. A text over several lines indents its next lines further, so a line at
    // the name's indentation or less that looks like an entry is such a lost line.
    void check_quote(const YAML::Mark& mark, const std::string& tag) {
        if (mark.pos < 0 || tag == "?") return;  // "?": a plain text, without quotes
        size_t open = static_cast<size_t>(mark.pos);
        // Past an anchor (&name) or a tag (!name) before the text.
        while (open < text_.size() && (text_[open] == '&' || text_[open] == '!')) {
            while (open < text_.size() && text_[open] != ' ' && text_[open] != '\n') ++open;
            while (open < text_.size() && text_[open] == ' ') ++open;
        }
        if (open >= text_.size() || (text_[open] != '"' && text_[open] != '\'')) return;
        const char quote = text_[open];
        size_t close = open + 1;
        for (; close < text_.size(); ++close) {
            if (quote == '"' && text_[close] == '\\') {
                ++close;
            } else if (text_[close] == quote) {
                if (quote == '\'' && close + 1 < text_.size() && text_[close + 1] == '\'')
                    ++close;  // '' in a single-quoted text
                else
                    break;
            }
        }
        const size_t line_start = text_.rfind('\n', open) + 1;  // npos + 1 == 0
        // The column of the entries around the text: of the name that holds it ("- " of a list
        // item left out), or of the "-" when the text is itself a list item.
        const bool item = !frames_.empty() && !frames_.back().map;
        size_t key_column = 0, dash = std::string::npos;
        for (size_t i = line_start; i < open && (text_[i] == ' ' || text_[i] == '-'); ++i) {
            if (text_[i] == '-') dash = i - line_start;
            key_column = i + 1 - line_start;
        }
        if (item && dash != std::string::npos) key_column = dash;
        bool lost = close >= text_.size();
        for (size_t at = text_.find('\n', open); !lost && at < close;
             at = text_.find('\n', at + 1)) {
            size_t next = text_.find('\n', at + 1);
            if (next == std::string::npos) next = text_.size();
            lost = key_like(std::string_view(text_).substr(at + 1, next - at - 1), key_column);
        }
        if (!lost) return;
        throw core::Failure(problem(
            "data.syntax", "this quote is never closed; the lines after it became part of the text",
            core::locate(file_, text_, open),
            {std::string("close it: ") + quote + "…" + quote +
             " on the same line; a text over several lines must indent its next lines further "
             "than its name"}));
    }
};

}  // namespace

void check_yaml_text(const std::string& text, const std::string& file) {
    check_line_lengths(text, file);
    std::istringstream in(text);
    YAML::Parser parser(in);
    Checker checker(text, file);
    try {
        while (!checker.stuck && parser.HandleNextDocument(checker)) {
        }
    } catch (const YAML::Exception&) {
        // The caller's parse reports it, at its place.
    }
}

}  // namespace vanthu::input::detail
