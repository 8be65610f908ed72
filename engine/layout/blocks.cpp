#include "layout/blocks.hpp"
#include "layout/signature.hpp"

#include <algorithm>
#include <cstring>

#include "text/text.hpp"

namespace vanthu::layout {

TextSpec plain(const std::string& text, double size, bool bold, bool italic, double width,
               Align align, const core::SourceLocation& where) {
    TextSpec spec;
    spec.runs = {{text, {}, false}};
    spec.size = size;
    spec.bold = bold;
    spec.italic = italic;
    spec.width = width;
    spec.align = align;
    spec.where = where;
    return spec;
}

// Shapes centred text at the narrowest width that keeps its number of lines, so that a long
// name wraps into lines of similar length ("LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HÀ NỘI") instead of
// a full line and a stub. Returns the lines and the x offset that centres them in `spec.width`.
ShapedText balanced_lines(LayoutContext& cx, TextSpec spec, double& offset) {
    const double full = spec.width;
    offset = 0;
    auto shaped = cx.shaper.shape(spec, cx.diags);
    const size_t n = shaped.lines.size();
    if (n < 2) return shaped;
    core::Diagnostics probe;  // trial widths only; the real messages came from the first pass
    double lo = full / static_cast<double>(n) * 0.9, hi = full;
    for (int i = 0; i < 14; ++i) {
        const double mid = (lo + hi) / 2;
        spec.width = mid;
        if (cx.shaper.shape(spec, probe).lines.size() == n)
            hi = mid;
        else
            lo = mid;
    }
    spec.width = hi;
    offset = (full - hi) / 2;
    return cx.shaper.shape(spec, probe);
}

// Where a name that ends in an administrative unit ("… THÀNH PHỐ HÀ NỘI", "… tỉnh An Giang",
// "… XÃ ĐA TỐN") starts its place, when the name is too wide for one line: the name then breaks
// there ("LIÊN ĐOÀN LAO ĐỘNG / TỈNH AN GIANG"), the way a văn thư types it, and not inside either
// part (nd30.md §2.2). npos when the name fits on a line or either part is too wide for one.
static size_t place_break(LayoutContext& cx, const std::string& line, double size, bool bold,
                          bool italic, double width) {
    static const char* const kUnits[] = {
        "THÀNH PHỐ ", "Thành phố ", "thành phố ", "TỈNH ", "Tỉnh ", "tỉnh ", "QUẬN ", "Quận ",
        "quận ", "HUYỆN ", "Huyện ", "huyện ", "THỊ XÃ ", "Thị xã ", "thị xã ",
        // Communes and wards: "ỦY BAN NHÂN DÂN / XÃ ĐA TỐN" (a biên bản of a commune).
        "XÃ ", "Xã ", "xã ", "PHƯỜNG ", "Phường ", "phường ", "THỊ TRẤN ", "Thị trấn ",
        "thị trấn "};
    if (cx.shaper.measure(line, size, bold, italic) <= width) return std::string::npos;
    size_t best = std::string::npos;
    for (const char* unit : kUnits) {
        const size_t at = line.rfind(unit);
        // "XÃ HỘI" is no commune ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI").
        const std::string_view after = std::string_view(line).substr(
            at == std::string::npos ? line.size() : at + std::strlen(unit));
        if (after.starts_with("HỘI") || after.starts_with("Hội") || after.starts_with("hội"))
            continue;
        if (at != std::string::npos && at > 0 && line[at - 1] == ' ' &&
            (best == std::string::npos || at < best))
            best = at;
    }
    if (best == std::string::npos) return best;
    if (cx.shaper.measure(line.substr(0, best - 1), size, bold, italic) > width ||
        cx.shaper.measure(line.substr(best), size, bold, italic) > width)
        return std::string::npos;
    return best;
}

ColumnText centred_column(LayoutContext& cx, Column& out, const std::string& text, double size,
                          bool bold, bool italic, double x, double width, double top,
                          const core::SourceLocation& where) {
    ColumnText result{top, 0, x};
    double line_top = top;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        double offset = 0;
        std::string line = text.substr(start, end - start);
        const size_t place = place_break(cx, line, size, bold, italic, width);
        if (place != std::string::npos) {
            line.resize(place - 1);
            end = start + place - 1;  // the place starts the next line; its space is dropped
        }
        auto spec = plain(line, size, bold, italic, width, Align::center, where);
        // Symbols, dates and year ranges stay whole here too (§7.6), as in an appendix's
        // "(Kèm theo … số 620/CTPH-LĐLĐ-HLHPN ngày …)".
        spec.keep_together = text::unbreakable_ranges(line);
        auto shaped = balanced_lines(cx, std::move(spec), offset);
        for (const auto& line : shaped.lines) {
            result.last_baseline = baseline_in_box(line_top, cx.type().single(size), size);
            out.lines.push_back({line, x + offset, result.last_baseline});
            out.height = std::max(out.height, result.last_baseline + kDescent * size);
            if (line.width > result.widest) {
                result.widest = line.width;
                result.widest_left = x + offset + line.left;
            }
            line_top += cx.type().single(size);
        }
        start = end + 1;
    }
    return result;
}

// Places centred lines in a column; '\n' in `text` forces a break.
ColumnText centred(LayoutContext& cx, const std::string& text, double size, bool bold, bool italic,
                   double x, double width, double top, const core::SourceLocation& where) {
    Column lines;
    const ColumnText out =
        centred_column(cx, lines, text, size, bold, italic, x, width, top, where);
    place_column(cx, lines, 0, 0);
    return out;
}

}  // namespace vanthu::layout
