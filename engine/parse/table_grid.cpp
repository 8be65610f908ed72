#include "parse/table_grid.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>

namespace vanthu::parse {
namespace {

using model::ColumnWidth;
using model::TableCell;

// A plain decimal number: digits with at most one '.', at least one digit ("2", "1.5", ".5").
// strtod alone would also take "inf", "1e3" and hexadecimal.
bool decimal(std::string_view s, double& out) {
    if (s.empty() || std::count(s.begin(), s.end(), '.') > 1 ||
        !std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) ||
        s == ".")
        return false;
    out = std::strtod(std::string(s).c_str(), nullptr);
    return true;
}

std::vector<std::string> tokens(std::string_view spec) {
    std::istringstream in{std::string(spec)};
    std::vector<std::string> out;
    for (std::string t; in >> t;) out.push_back(t);
    return out;
}

std::string count_of(size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

bool parse_align(std::string_view word, TableCell::Align& out) {
    if (word == "left")
        out = TableCell::Align::left;
    else if (word == "center")
        out = TableCell::Align::center;
    else if (word == "right")
        out = TableCell::Align::right;
    else if (word == "justify")
        out = TableCell::Align::justify;
    else
        return false;
    return true;
}

void read_widths(std::string_view spec, const core::SourceLocation& where, TableDraft& draft,
                 core::Diagnostics& diags) {
    for (const auto& token : tokens(spec)) {
        ColumnWidth w;
        double value = 0;
        const bool mm = token.size() > 2 && token.ends_with("mm");
        if (token == "auto") {
            w = {ColumnWidth::Kind::automatic, 0};
        } else if (mm && decimal(std::string_view(token).substr(0, token.size() - 2), value) &&
                   value > 0 && value <= 1000) {
            w = {ColumnWidth::Kind::fixed, value};
        } else if (!mm && decimal(token, value) && value > 0 && value <= 1e6) {
            w = {ColumnWidth::Kind::relative, value};
        } else {
            diags.error("markup.table-widths",
                        "table width \"" + token +
                            "\" is not a column width: a relative weight (2, 1.5), a fixed "
                            "width in millimetres (25mm) or auto",
                        where);
            draft.widths_ok = false;
            continue;
        }
        draft.widths.push_back(w);
    }
}

void read_aligns(std::string_view spec, const core::SourceLocation& where, TableDraft& draft,
                 core::Diagnostics& diags) {
    for (const auto& token : tokens(spec)) {
        TableCell::Align a{};
        if (parse_align(token, a)) {
            draft.aligns.push_back(a);
            continue;
        }
        diags.error("markup.table-align",
                    "table align=\"…" + token + "…\": \"" + token +
                        "\" is not one of left, center, right, justify",
                    where);
        draft.aligns_ok = false;
    }
}

void add_stt_column(TableDraft& draft, std::string_view title) {
    auto& table = draft.table;
    const bool dot = table.stt == "1.";
    int number = 0;
    bool head_done = false;
    for (size_t r = 0; r < table.rows.size(); ++r) {
        auto& row = table.rows[r];
        TableCell cell;
        cell.align = TableCell::Align::center;
        if (row.header) {
            if (head_done) continue;  // the first header row's cell spans all of them
            head_done = true;
            cell.header = true;
            cell.rowspan = std::max(1, table.header_rows);
            cell.where = table.where;
            if (!title.empty()) cell.runs.push_back({std::string(title), {}, false});
        } else {
            cell.where = row.where;
            if (r >= draft.numbered.size() || draft.numbered[r])
                cell.runs.push_back({std::to_string(++number) + (dot ? "." : ""), {}, false});
        }
        row.cells.insert(row.cells.begin(), std::move(cell));
        if (r < draft.aligned.size()) draft.aligned[r].insert(draft.aligned[r].begin(), false);
    }
}

void place_cells(model::Table& table, core::Diagnostics& diags) {
    if (table.rows.empty()) {
        diags.error("markup.table-shape", "the table has no rows", table.where);
        return;
    }
    std::vector<int> pending;  // per grid column: rows still covered by a rowspan above
    int columns = -1;
    for (size_t r = 0; r < table.rows.size(); ++r) {
        auto& row = table.rows[r];
        const std::string name = "row " + std::to_string(r + 1) + " of the table";
        if (r > 0 && row.header != table.rows[r - 1].header &&
            std::any_of(pending.begin(), pending.end(), [](int p) { return p > 0; }))
            diags.error("markup.table-shape",
                        "a rowspan in the table header runs into the body rows (at " + name + ")",
                        row.where);
        std::vector<bool> used(pending.size(), false);
        for (size_t c = 0; c < pending.size(); ++c) used[c] = pending[c] > 0;
        size_t col = 0;
        bool overlap = false;
        for (auto& cell : row.cells) {
            while (col < used.size() && used[col]) ++col;
            cell.column = static_cast<int>(col);
            const size_t end = col + static_cast<size_t>(cell.colspan);
            if (used.size() < end) {
                used.resize(end, false);
                pending.resize(end, 0);
            }
            for (size_t k = col; k < end; ++k) {
                if (used[k]) overlap = true;
                used[k] = true;
                pending[k] = std::max(pending[k], cell.rowspan);
            }
            col = end;
        }
        // Rowspans of this row start counting down from the next row.
        for (auto& p : pending)
            if (p > 0) --p;
        const auto covered = static_cast<int>(std::count(used.begin(), used.end(), true));
        const auto reach = static_cast<int>(used.size());
        if (overlap)
            diags.error("markup.table-shape",
                        name + " has cells that overlap a rowspan from a row above", row.where);
        else if (covered != reach)
            diags.error("markup.table-shape",
                        name + " leaves a gap: it covers " + std::to_string(covered) + " of its " +
                            std::to_string(reach) + " grid columns",
                        row.where);
        else if (columns < 0)
            columns = reach;
        else if (reach != columns)
            diags.error("markup.table-shape",
                        name + " covers " + std::to_string(reach) +
                            " grid columns, the first row covers " + std::to_string(columns),
                        row.where);
    }
    if (std::any_of(pending.begin(), pending.end(), [](int p) { return p > 0; }))
        diags.error("markup.table-shape", "a rowspan runs past the last row of the table",
                    table.rows.back().where);
    table.columns = std::max(columns, 0);
}

void apply_column_attributes(TableDraft& draft, core::Diagnostics& diags) {
    auto& table = draft.table;
    const auto columns = static_cast<size_t>(table.columns);
    if (columns == 0) return;
    const bool stt = !table.stt.empty();
    const size_t authors = stt ? columns - 1 : columns;
    // The author's columns, or every column; with an STT column the first may be left out.
    auto fits = [&](size_t n) { return n == columns || (stt && n == authors); };
    auto expected = [&] {
        return stt ? std::to_string(authors) + " (or " + std::to_string(columns) +
                         " with the STT column)"
                   : std::to_string(columns);
    };

    if (draft.widths_ok && !draft.widths.empty() && !fits(draft.widths.size())) {
        diags.error("markup.table-widths",
                    "widths gives " + count_of(draft.widths.size(), "column width") +
                        ", the table has " + count_of(columns, "column") + ": give " + expected(),
                    table.where);
    } else if (draft.widths_ok) {
        table.widths = draft.widths;
        if (stt && table.widths.empty()) table.widths.assign(authors, {});
        if (stt && table.widths.size() == authors)
            table.widths.insert(table.widths.begin(), {model::ColumnWidth::Kind::automatic, 0});
    }

    if (draft.aligns.empty() || !draft.aligns_ok) return;
    if (!fits(draft.aligns.size())) {
        diags.error("markup.table-align",
                    "align gives " + count_of(draft.aligns.size(), "column alignment") +
                        ", the table has " + count_of(columns, "column") + ": give " + expected(),
                    table.where);
        return;
    }
    const size_t first = draft.aligns.size() == columns ? 0 : 1;  // grid column of aligns[0]
    for (size_t r = 0; r < table.rows.size(); ++r)
        for (size_t c = 0; c < table.rows[r].cells.size(); ++c) {
            auto& cell = table.rows[r].cells[c];
            const bool own =
                r < draft.aligned.size() && c < draft.aligned[r].size() && draft.aligned[r][c];
            const auto col = static_cast<size_t>(cell.column);
            if (cell.header || own || col < first) continue;
            cell.align = draft.aligns[col - first];
        }
}

}  // namespace vanthu::parse
