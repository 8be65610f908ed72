// The parts of reading a <table> that need no XML: the widths and align tokens of <table>, the
// generated STT column, and placing the cells on the grid (internal to parse).
#pragma once

#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace vanthu::parse {

// A table while its markup is read: the model table, and what the table attributes still need
// once the grid is known.
struct TableDraft {
    model::Table table;
    std::vector<std::vector<bool>> aligned;  // per row and cell: the cell has its own align
    std::vector<bool> numbered;              // per row: counted in the STT column (stt="no": not)
    std::vector<model::ColumnWidth> widths;  // widths="…" as written
    bool widths_ok = true;                   // every widths token was valid
    std::vector<model::TableCell::Align> aligns;  // align="…" as written
    bool aligns_ok = true;
};

// One align value, or false for an unknown word.
bool parse_align(std::string_view word, model::TableCell::Align& out);

// widths="3 25mm auto 1.5": relative weights, fixed millimetres, automatic. Bad tokens are
// markup.table-widths errors at `where`.
void read_widths(std::string_view spec, const core::SourceLocation& where, TableDraft& draft,
                 core::Diagnostics& diags);

// align="center left right": one alignment per column (markup.table-align for a bad word).
void read_aligns(std::string_view spec, const core::SourceLocation& where, TableDraft& draft,
                 core::Diagnostics& diags);

// Puts the STT column first: a header cell `title` spanning every header row, and in each body
// row the row's number in `table.stt` style ("1." or "1"), centred, or an empty cell for a row
// that is not numbered. Call before place_cells.
void add_stt_column(TableDraft& draft, std::string_view title);

// Places every cell on the grid (setting its column) and checks that each row covers the same
// columns with no gap or overlap, and that no rowspan runs past its part of the table (<thead>
// or the body); markup.table-shape errors name the row.
void place_cells(model::Table& table, core::Diagnostics& diags);

// Fits the widths and align lists to the grid: each names the author's columns, or every grid
// column including the STT column (markup.table-widths / markup.table-align otherwise). Sets
// table.widths (the STT column is automatic unless named) and the align of every <td> without
// its own align.
void apply_column_attributes(TableDraft& draft, core::Diagnostics& diags);

}  // namespace vanthu::parse
