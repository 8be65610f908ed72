// <table>: its attributes, header and body rows and cells; the column grid is built in
// table_grid.cpp.
#include <algorithm>
#include <cstdlib>

#include "parse/parser.hpp"

namespace vanthu::parse::detail {

void Parser::read_table(const pugi::xml_node& n, std::vector<model::Block>& body) {
    check_attributes(n, {"widths", "size", "stt", "stt-title", "align"});
    TableDraft draft;
    model::Table& table = draft.table;
    table.where = where(n);
    read_widths(n.attribute("widths").as_string(), table.where, draft, diags_);
    read_aligns(n.attribute("align").as_string(), table.where, draft, diags_);
    if (auto a = n.attribute("size")) {
        const std::string v = trim(a.as_string());
        char* end = nullptr;
        const double size = std::strtod(v.c_str(), &end);
        if (v.empty() || end != v.c_str() + v.size() || size < 6 || size > 20)
            diags_.error("markup.table-size",
                         "table size=\"" + v + "\" is not a font size from 6 to 20 (pt)", where(n));
        else
            table.font_size = size;
    }
    if (auto a = n.attribute("stt")) {
        table.stt = trim(a.as_string());
        if (table.stt != "1." && table.stt != "1") {
            diags_.error("markup.table-stt",
                         "stt=\"" + table.stt +
                             "\" is not an STT numbering: \"1.\" (1., 2., …) or \"1\" (1, 2, …)",
                         where(n));
            table.stt.clear();
        }
    }
    const auto title = n.attribute("stt-title");
    if (title && !n.attribute("stt"))
        diags_.error("markup.table-stt", "stt-title needs stt=\"1.\" or stt=\"1\" on <table>",
                     where(n));
    bool body_rows = false;
    for (auto c : n.children()) {
        if (skip_blank(c)) continue;
        std::string_view name = c.name();
        if (name == "thead") {
            check_attributes(c, {});
            if (body_rows)
                diags_.error("markup.table-head", "<thead> must come before the table's body rows",
                             where(c));
            read_table_rows(c, true, draft);
        } else if (name == "tbody") {
            check_attributes(c, {});
            read_table_rows(c, false, draft);
            body_rows = true;
        } else if (name == "tr") {
            read_row(c, false, draft);
            body_rows = true;
        } else {
            unknown_element(c, "<table>");
        }
    }
    if (!table.stt.empty())
        add_stt_column(draft, title ? trim(collapse_spaces(title.as_string())) : "STT");
    place_cells(table, diags_);
    apply_column_attributes(draft, diags_);
    body.emplace_back(std::move(table));
}

void Parser::read_table_rows(const pugi::xml_node& n, bool header, TableDraft& draft) {
    for (auto c : n.children()) {
        if (skip_blank(c)) continue;
        if (std::string_view(c.name()) == "tr")
            read_row(c, header, draft);
        else
            unknown_element(c, "<" + std::string(n.name()) + ">");
    }
}

int Parser::read_span(const pugi::xml_node& cell, const char* name) {
    auto a = cell.attribute(name);
    if (!a) return 1;
    const std::string v = trim(a.as_string());
    const bool digits = !v.empty() && v.size() <= 3 && std::all_of(v.begin(), v.end(), [](char ch) {
        return ch >= '0' && ch <= '9';
    });
    const int span = digits ? std::stoi(v) : 0;
    if (span < 1) {
        diags_.error("markup.table-span",
                     std::string(name) + "=\"" + v + "\" is not a whole number from 1 to 999",
                     where(cell));
        return 1;
    }
    return span;
}

void Parser::read_row(const pugi::xml_node& n, bool header, TableDraft& draft) {
    check_attributes(n, {"stt"});
    model::TableRow row;
    row.header = header;
    row.where = where(n);
    bool numbered = true;
    if (auto a = n.attribute("stt")) {
        const std::string_view v = a.as_string();
        if (draft.table.stt.empty() || header)
            diags_.error("markup.table-stt",
                         header ? "stt on a <thead> row: header rows are never numbered"
                                : "stt on <tr> needs stt=\"1.\" or stt=\"1\" on <table>",
                         row.where);
        else if (v == "no")
            numbered = false;
        else if (v != "yes")
            diags_.error("markup.attribute",
                         "stt=\"" + std::string(v) + "\" on <tr> must be yes or no", row.where);
    }
    std::vector<bool> aligned;
    for (auto c : n.children()) {
        if (skip_blank(c)) continue;
        std::string_view name = c.name();
        if (name != "td" && name != "th") {
            unknown_element(c, "<tr>");
            continue;
        }
        check_attributes(c, {"colspan", "rowspan", "align"});
        model::TableCell cell;
        cell.where = where(c);
        cell.header = name == "th";
        cell.align = cell.header ? model::TableCell::Align::center : model::TableCell::Align::left;
        cell.colspan = read_span(c, "colspan");
        cell.rowspan = read_span(c, "rowspan");
        if (auto a = c.attribute("align")) {
            const std::string_view v = a.as_string();
            if (!parse_align(v, cell.align))
                diags_.error(
                    "markup.table-align",
                    "align=\"" + std::string(v) + "\" is not one of left, center, right, justify",
                    where(c));
        }
        aligned.push_back(static_cast<bool>(c.attribute("align")));
        read_inline(c, {}, false, cell.runs, false);
        normalise_spaces(cell.runs);
        row.cells.push_back(std::move(cell));
    }
    if (header) ++draft.table.header_rows;
    draft.table.rows.push_back(std::move(row));
    draft.aligned.push_back(std::move(aligned));
    draft.numbered.push_back(numbered);
}

}  // namespace vanthu::parse::detail
