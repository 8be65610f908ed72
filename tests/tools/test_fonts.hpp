// Test support: the Liberation Serif family (Debian fonts-liberation2) as a FontSet, for unit
// tests and benchmarks that shape text without the engine's fonts/fonts.json.
#pragma once

#include <string>

#include "layout/font_set.hpp"

namespace vanthu::testing {

inline const std::string kLiberationDir = "/usr/share/fonts/truetype/liberation2/";

inline layout::FontSet liberation_serif() {
    const std::string& dir = kLiberationDir;
    layout::FontSet fonts;
    fonts.add_family("Liberation Serif",
                     {dir + "LiberationSerif-Regular.ttf", dir + "LiberationSerif-Bold.ttf",
                      dir + "LiberationSerif-Italic.ttf", dir + "LiberationSerif-BoldItalic.ttf"},
                     "test");
    return fonts;
}

}  // namespace vanthu::testing
