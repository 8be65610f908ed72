#include "layout/table_widths.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace vanthu::layout {
namespace {

using Kind = model::ColumnWidth::Kind;

// Width of a cell's text: min is its widest unbreakable stretch (every break taken), max its
// length set on one line. Padding is not included.
struct Extent {
    double min = 0;
    double max = 0;
};

Extent measure(LayoutContext& cx, const model::TableCell& cell, double size) {
    Extent e;
    if (cell.runs.empty()) return e;
    TextSpec spec;
    spec.runs = cell.runs;
    spec.size = size;
    spec.bold = cell.header;
    spec.keep_together = cell.keep_together;
    spec.where = cell.where;
    core::Diagnostics probe;  // trial shapes only: the real messages come when the cell is set
    for (const auto& line : cx.shaper.shape(spec, probe).lines) e.max = std::max(e.max, line.width);
    spec.width = 1;  // narrower than any word: a line at every break opportunity
    for (const auto& line : cx.shaper.shape(spec, probe).lines) e.min = std::max(e.min, line.width);
    return e;
}

std::string mm_text(double points) {
    const double tenths = std::round(core::to_mm(points) * 10) / 10;
    std::string s = std::to_string(tenths);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s + " mm";
}

}  // namespace

std::vector<double> table_column_edges(LayoutContext& cx, const model::Table& table, double size,
                                       double pad_x) {
    const auto n = static_cast<size_t>(table.columns);
    const double total = cx.geometry().text_width();
    std::vector<model::ColumnWidth> spec = table.widths;
    if (spec.size() != n) spec.assign(n, {});

    // Fixed columns first.
    std::vector<double> width(n, 0);
    double fixed = 0;
    size_t others = 0;
    for (size_t i = 0; i < n; ++i) {
        if (spec[i].kind == Kind::fixed)
            fixed += width[i] = core::mm(spec[i].value);
        else
            ++others;
    }
    // Every other column needs at least its padding and a letter.
    const double least = static_cast<double>(others) * (2 * pad_x + size);
    if (fixed > total + 0.01 || (others > 0 && total - fixed < least)) {
        const std::string what = "the fixed column widths add up to " + mm_text(fixed);
        cx.diags.error("markup.table-widths",
                       fixed > total + 0.01
                           ? what + ", more than the text width (" + mm_text(total) + ")"
                           : what + " and leave " + mm_text(std::max(0.0, total - fixed)) +
                                 " of the text width (" + mm_text(total) + ") for " +
                                 std::to_string(others) + " other column" +
                                 (others == 1 ? "" : "s"),
                       table.where);
        spec.assign(n, {});  // go on with equal columns; the error stops the render
        width.assign(n, 0);
        fixed = 0;
    }

    // Natural widths of the automatic columns, and the least the relative ones need, from the
    // cells that sit in one column.
    const bool any_auto = std::any_of(spec.begin(), spec.end(),
                                      [](const auto& w) { return w.kind == Kind::automatic; });
    std::vector<Extent> extent(n);
    if (any_auto)
        for (const auto& row : table.rows)
            for (const auto& cell : row.cells) {
                const auto c = static_cast<size_t>(cell.column);
                if (cell.colspan != 1 || c >= n || spec[c].kind == Kind::fixed) continue;
                const Extent e = measure(cx, cell, size);
                extent[c].min = std::max(extent[c].min, e.min);
                extent[c].max = std::max(extent[c].max, e.max);
            }
    // A little slack so that the text set at exactly its own width stays on one line.
    const double slack = 0.05;
    double weights = 0, relative_min = 0, auto_min = 0, auto_max = 0;
    for (size_t i = 0; i < n; ++i) {
        if (spec[i].kind == Kind::relative) {
            weights += spec[i].value;
            relative_min += extent[i].min + 2 * pad_x;
        } else if (spec[i].kind == Kind::automatic) {
            auto_min += extent[i].min + 2 * pad_x + slack;
            auto_max += extent[i].max + 2 * pad_x + slack;
        }
    }
    const double remaining = total - fixed;

    // Automatic columns: their natural width when the relative columns keep their min-content
    // width; otherwise between their own min-content and natural widths, as far as room allows.
    const double room = weights > 0 ? remaining - relative_min : remaining;
    const double t = auto_max <= room + 1e-9 ? 1
                     : auto_max > auto_min
                         ? std::clamp((room - auto_min) / (auto_max - auto_min), 0.0, 1.0)
                         : 0;
    double automatic = 0;
    for (size_t i = 0; i < n; ++i)
        if (spec[i].kind == Kind::automatic) {
            const double lo = extent[i].min + 2 * pad_x + slack;
            const double hi = extent[i].max + 2 * pad_x + slack;
            automatic += width[i] = lo + (hi - lo) * t;
        }

    // Relative columns share what is left; without them, the automatic columns take it.
    const double left = std::max(0.0, remaining - automatic);
    for (size_t i = 0; i < n; ++i) {
        if (weights > 0 && spec[i].kind == Kind::relative)
            width[i] = left * spec[i].value / weights;
        else if (weights <= 0 && automatic > 0 && spec[i].kind == Kind::automatic)
            width[i] += left * width[i] / automatic;
    }

    std::vector<double> edges(n + 1, cx.geometry().text_left());
    for (size_t i = 0; i < n; ++i) edges[i + 1] = edges[i] + width[i];
    return edges;
}

}  // namespace vanthu::layout
