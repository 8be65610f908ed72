// Test support for tables: the rules and cell text of tables on a laid-out page.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/units.hpp"
#include "layout/pages.hpp"
#include "tools/page_lines.hpp"

namespace vanthu::testing {

inline constexpr double kTextLeft = core::mm(30);
inline constexpr double kTextWidth = core::mm(210 - 30 - 15);

// The table's rules on a page: those that start at the text block's left edge or lie inside it
// and are horizontal; the vertical ones anywhere between the table's left and right edges.
inline std::vector<layout::Rule> horizontal_rules(const layout::Page& page) {
    std::vector<layout::Rule> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (std::abs(r->y1 - r->y2) < 1e-6 && r->x1 >= kTextLeft - 1 &&
                r->x2 <= kTextLeft + kTextWidth + 1 && r->x2 - r->x1 > 5)
                out.push_back(*r);
    return out;
}

inline std::vector<layout::Rule> vertical_rules(const layout::Page& page) {
    std::vector<layout::Rule> out;
    for (const auto& item : page.items)
        if (const auto* r = std::get_if<layout::Rule>(&item))
            if (std::abs(r->x1 - r->x2) < 1e-6 && r->y2 > r->y1) out.push_back(*r);
    return out;
}

// Sorted distinct y of the full-width table rules (the ones every row boundary has at its left
// edge, i.e. starting at the table's left edge).
inline std::vector<double> row_boundaries(const layout::Page& page) {
    std::vector<double> ys;
    for (const auto& r : horizontal_rules(page))
        if (std::abs(r.x1 - kTextLeft) < 1) ys.push_back(r.y1);
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end(),
                         [](double a, double b) { return std::abs(a - b) < 0.01; }),
             ys.end());
    return ys;
}

// Which gap between row boundaries holds `baseline`: 1 for the first row, 0 above the table.
inline size_t interval(const std::vector<double>& ys, double baseline) {
    return static_cast<size_t>(
        std::count_if(ys.begin(), ys.end(), [&](double y) { return y < baseline; }));
}

// Sorted distinct x of the vertical rules lying between y_top and y_bottom on a page.
inline std::vector<double> edges_between(const layout::Page& page, double y_top, double y_bottom) {
    std::vector<double> xs;
    for (const auto& r : vertical_rules(page))
        if (r.y1 >= y_top - 0.5 && r.y2 <= y_bottom + 0.5) xs.push_back(r.x1);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end(),
                         [](double a, double b) { return std::abs(a - b) < 0.01; }),
             xs.end());
    return xs;
}

// Lines whose centre lies in [x1, x2] and whose baseline lies in [y_top, y_bottom].
inline std::vector<Line> lines_in(const std::vector<Line>& lines, double x1, double x2,
                                  double y_top, double y_bottom) {
    std::vector<Line> out;
    for (const auto& l : lines)
        if (l.centre() > x1 && l.centre() < x2 && l.baseline > y_top && l.baseline < y_bottom)
            out.push_back(l);
    return out;
}

}  // namespace vanthu::testing
