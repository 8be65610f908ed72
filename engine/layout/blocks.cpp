#include "layout/blocks.hpp"

#include <algorithm>

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

double place_lines(LayoutContext& cx, const TextSpec& spec, double x, double top, double pitch,
                   double* widest) {
    // Forced line breaks ('\n' from <br/>) start new lines of their own.
    double baseline = top;
    double line_top = top;
    std::string all;
    for (const auto& r : spec.runs) all += r.text;
    size_t start = 0;
    while (start <= all.size()) {
        size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        TextSpec piece = spec;
        piece.runs = {{all.substr(start, end - start), {}, false}};
        if (spec.runs.size() != 1) piece.runs = spec.runs;  // styled text has no forced breaks
        auto shaped = cx.shaper.shape(piece, cx.diags);
        for (const auto& line : shaped.lines) {
            baseline = baseline_in_box(line_top, pitch, spec.size);
            cx.flow.place(line, x, baseline);
            if (widest) *widest = std::max(*widest, line.width);
            line_top += pitch;
        }
        if (spec.runs.size() != 1) break;
        start = end + 1;
    }
    return baseline;
}

}  // namespace vanthu::layout
