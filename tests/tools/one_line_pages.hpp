// Test support: a one-page layout::Pages holding one shaped line at (100, 100) of an A4 page,
// for the writers' unit tests.
#pragma once

#include <string>

#include "layout/pages.hpp"
#include "layout/shaper.hpp"

namespace vanthu::testing {

inline layout::Pages one_line_pages(layout::Shaper& shaper, const std::string& text,
                                    bool bold = false) {
    core::Diagnostics diags;
    layout::TextSpec spec;
    spec.runs = {{text, {}, false}};
    spec.bold = bold;
    auto shaped = shaper.shape(spec, diags);
    layout::Pages pages;
    layout::Page page{595.2756, 841.8898, "1", {}};
    for (auto run : shaped.lines.at(0).runs) {
        run.x += 100;
        run.baseline = 100;
        for (auto& g : run.glyphs) g.x += 100, g.y += 100;
        page.items.emplace_back(run);
    }
    pages.pages.push_back(page);
    pages.faces = shaper.faces();
    pages.metadata.creation_date = "2024-05-10";
    return pages;
}

}  // namespace vanthu::testing
