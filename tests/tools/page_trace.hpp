// Test support: a deterministic text trace of layout::Pages, for golden files
// (tests/golden/*.trace, compared by tests/e2e/golden_test.cpp).
//
// One line per page and per item, in the order layout put them on the page:
//   page 2 595.3x841.9 label "2" section 0
//     text 85.0 56.7 w 102.4 12.0 B "TỔNG LĐLĐ VIỆT NAM"
//     rule 85.0 70.1 120.3 70.1 0.5
//     image 300.0 400.0 141.7 70.9 "chu-ky.png"
// Positions and sizes are points rounded to 0.1 (text: x and baseline of the run, its width,
// its size; R, B, I or BI for the face). Images name only their file, so the trace does not
// depend on where the data lives. The first line holds the PDF metadata.
#pragma once

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <type_traits>
#include <variant>

#include "layout/pages.hpp"

namespace vanthu::testing {

// A number rounded to 0.1, never "-0.0".
inline std::string trace_number(double v) {
    double r = std::round(v * 10) / 10;
    if (r == 0) r = 0;  // drops the sign of -0.0
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", r);
    return buf;
}

// A text in double quotes, with \ " and control characters escaped.
inline std::string trace_quote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

inline std::string trace_pages(const layout::Pages& pages) {
    const auto& m = pages.metadata;
    std::string out = "metadata title " + trace_quote(m.title) + " author " +
                      trace_quote(m.author) + " subject " + trace_quote(m.subject) + " date " +
                      trace_quote(m.creation_date) + "\n";
    for (size_t p = 0; p < pages.pages.size(); ++p) {
        const auto& page = pages.pages[p];
        out += "page " + std::to_string(p + 1) + " " + trace_number(page.width) + "x" +
               trace_number(page.height) + " label " + trace_quote(page.label) + " section " +
               std::to_string(page.section) + "\n";
        for (const auto& item : page.items) {
            std::visit(
                [&](const auto& x) {
                    using T = std::decay_t<decltype(x)>;
                    if constexpr (std::is_same_v<T, layout::GlyphRun>) {
                        std::string face = "?";
                        if (x.face >= 0 && static_cast<size_t>(x.face) < pages.faces.size()) {
                            const auto& f = pages.faces[static_cast<size_t>(x.face)];
                            face = f.bold ? (f.italic ? "BI" : "B") : (f.italic ? "I" : "R");
                        }
                        out += "  text " + trace_number(x.x) + " " + trace_number(x.baseline) +
                               " w " + trace_number(x.width) + " " + trace_number(x.size) + " " +
                               face + " " + trace_quote(x.text) + "\n";
                    } else if constexpr (std::is_same_v<T, layout::Rule>) {
                        out += "  rule " + trace_number(x.x1) + " " + trace_number(x.y1) + " " +
                               trace_number(x.x2) + " " + trace_number(x.y2) + " " +
                               trace_number(x.thickness) + "\n";
                    } else if constexpr (std::is_same_v<T, layout::Image>) {
                        out += "  image " + trace_number(x.x) + " " + trace_number(x.y) + " " +
                               trace_number(x.width) + " " + trace_number(x.height) + " " +
                               trace_quote(std::filesystem::path(x.file).filename().string()) +
                               "\n";
                    } else {
                        // A kind of item this trace does not know yet: still one line, so the
                        // golden changes when layout starts or stops drawing one.
                        out += "  item " + std::to_string(item.index()) + "\n";
                    }
                },
                item);
        }
    }
    return out;
}

}  // namespace vanthu::testing
