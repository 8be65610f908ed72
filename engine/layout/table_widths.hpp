// Column widths of a table (internal to layout).
#pragma once

#include <vector>

#include "layout/blocks.hpp"

namespace vanthu::layout {

// The x of every grid column's left edge, then the table's right edge, from the table's
// widths (model::ColumnWidth) at text size `size` with `pad_x` padding on each side of a cell:
//
// - fixed columns get their width in millimetres;
// - automatic columns get their content's natural width (the widest one-line text of their
//   one-column cells, plus padding), but when the automatic columns together would leave the
//   relative columns less than their min-content width (their widest unbreakable word), they
//   shrink towards their own min-content width to make room;
// - relative columns share what remains by weight. With no relative column, what remains is
//   shared by the automatic columns in proportion to their widths; a table of fixed columns
//   only is as wide as they are, from the text block's left edge.
//
// Fixed widths adding up to more than the text width, or leaving no room for the other columns,
// are markup.table-widths errors at the table.
std::vector<double> table_column_edges(LayoutContext& cx, const model::Table& table, double size,
                                       double pad_x);

}  // namespace vanthu::layout
