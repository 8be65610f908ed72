// Layout: model::Document (text finished) -> layout::Pages.
#pragma once

#include "core/diagnostics.hpp"
#include "layout/pages.hpp"
#include "layout/shaper.hpp"
#include "layout/style.hpp"
#include "model/document.hpp"

namespace vanthu::layout {

struct LayoutOptions {
    PageGeometry geometry;
    Typography type;
};

// Lays `doc` out on A4 pages in the Decree-30 format. Problems (missing glyphs, tokens wider
// than their column) go to `diags`; throws core::Failure if any is an error.
Pages layout_document(const model::Document& doc, Shaper& shaper, const LayoutOptions& options,
                      core::Diagnostics& diags);

}  // namespace vanthu::layout
