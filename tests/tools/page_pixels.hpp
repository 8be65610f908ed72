// Test support: a PDF page as pixels (poppler's pdftoppm, one pixel per point at 72 dpi), to
// check what a reader really shows, such as the signature's images.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tools/pdf_probe.hpp"

namespace vanthu::testing {

struct PagePixels {
    int width = 0, height = 0;
    std::string rgb;  // rows from the top, 3 bytes a pixel

    // How many pixels in the box (points from the page's top-left corner) `is` accepts.
    template <class Test>
    int count(double x0, double y0, double x1, double y1, Test is) const {
        int n = 0;
        for (int y = std::max(0, static_cast<int>(y0)); y < std::min(height, static_cast<int>(y1));
             ++y)
            for (int x = std::max(0, static_cast<int>(x0));
                 x < std::min(width, static_cast<int>(x1)); ++x) {
                const auto* p = reinterpret_cast<const unsigned char*>(rgb.data()) +
                                (static_cast<size_t>(y) * width + x) * 3;
                if (is(p[0], p[1], p[2])) ++n;
            }
        return n;
    }

    // The smallest box (x0, y0, x1, y1) holding every pixel of the box `in` that `is` accepts;
    // x0 > x1 when there is none.
    struct Box {
        double x0 = 1e9, y0 = 1e9, x1 = -1, y1 = -1;
    };
    template <class Test>
    Box extent(double x0, double y0, double x1, double y1, Test is) const {
        Box out;
        for (int y = std::max(0, static_cast<int>(y0)); y < std::min(height, static_cast<int>(y1));
             ++y)
            for (int x = std::max(0, static_cast<int>(x0));
                 x < std::min(width, static_cast<int>(x1)); ++x) {
                const auto* p = reinterpret_cast<const unsigned char*>(rgb.data()) +
                                (static_cast<size_t>(y) * width + x) * 3;
                if (!is(p[0], p[1], p[2])) continue;
                out.x0 = std::min(out.x0, static_cast<double>(x));
                out.y0 = std::min(out.y0, static_cast<double>(y));
                out.x1 = std::max(out.x1, x + 1.0);
                out.y1 = std::max(out.y1, y + 1.0);
            }
        return out;
    }
};

inline bool is_blue(int r, int g, int b) { return b > 140 && r < 90 && g < 120; }
inline bool is_red(int r, int g, int b) { return r > 140 && g < 90 && b < 90; }

// Page `page` of `pdf` at 72 dpi; empty (width 0) when pdftoppm fails.
inline PagePixels page_pixels(const std::filesystem::path& pdf, int page,
                              const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto stem = dir / ("page-" + std::to_string(page));
    run("pdftoppm -r 72 -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) +
        ' ' + shell_quote(pdf.string()) + ' ' + shell_quote(stem.string()));
    const std::string ppm = read_file(stem.string() + ".ppm");
    PagePixels out;
    int max = 0, used = 0;
    if (std::sscanf(ppm.c_str(), "P6 %d %d %d%n", &out.width, &out.height, &max, &used) != 3 ||
        max != 255)
        return {};
    out.rgb = ppm.substr(static_cast<size_t>(used) + 1);
    if (out.rgb.size() < static_cast<size_t>(out.width) * out.height * 3) return {};
    return out;
}

}  // namespace vanthu::testing
