// Test support: the text lines of a laid-out page, with their extents and style, for layout
// assertions on layout::Pages.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "layout/pages.hpp"

namespace vanthu::testing {

// A run with its extent; runs that continue each other on one baseline are merged.
struct Line {
    std::string text;
    double left = 0, right = 0, baseline = 0, size = 0;
    bool bold = false, italic = false;
    double centre() const { return (left + right) / 2; }
    double width() const { return right - left; }
};

inline std::vector<Line> lines_of(const layout::Pages& pages, size_t page_index) {
    std::vector<Line> lines;
    for (const auto& item : pages.pages.at(page_index).items) {
        const auto* run = std::get_if<layout::GlyphRun>(&item);
        if (!run) continue;
        const auto& face = pages.faces.at(run->face);
        if (!lines.empty() && std::abs(lines.back().baseline - run->baseline) < 0.01 &&
            std::abs(lines.back().right - run->x) < 0.5) {
            lines.back().text += run->text;
            lines.back().right = run->x + run->width;
            continue;
        }
        lines.push_back({run->text, run->x, run->x + run->width, run->baseline, run->size,
                         face.bold, face.italic});
    }
    for (auto& l : lines)  // a line's trailing space is not part of its visible width
        while (!l.text.empty() && l.text.back() == ' ') l.text.pop_back();
    return lines;
}

// Every line of every page, in order.
inline std::vector<Line> all_lines(const layout::Pages& pages) {
    std::vector<Line> lines;
    for (size_t p = 0; p < pages.pages.size(); ++p) {
        auto more = lines_of(pages, p);
        lines.insert(lines.end(), more.begin(), more.end());
    }
    return lines;
}

// The text of all lines joined by spaces: a sentence that wraps is found whole.
inline std::string joined(const std::vector<Line>& lines) {
    std::string all;
    for (const auto& l : lines) all += l.text + " ";
    return all;
}

// The first line that starts with `prefix`.
inline std::optional<Line> find_line(const std::vector<Line>& lines, const std::string& prefix) {
    for (const auto& l : lines)
        if (l.text.rfind(prefix, 0) == 0) return l;
    return std::nullopt;
}

// The first line whose text is exactly `text`.
inline std::optional<Line> find_exact_line(const std::vector<Line>& lines,
                                           const std::string& text) {
    for (const auto& l : lines)
        if (l.text == text) return l;
    return std::nullopt;
}

}  // namespace vanthu::testing
