// Tables in the content (ô 6): columns from table_widths.hpp (the full text width unless every
// column is fixed), 13 pt single-spaced cell text with word-processor padding, 0.5 pt borders
// around every cell. A row moves to the next page whole unless it is taller than a page's room,
// then it is cut between lines and continues there; rows tied by a rowspan move (and are cut)
// together; the header rows are repeated at the top of every page the table reaches.
#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include "layout/blocks.hpp"
#include "layout/table_widths.hpp"

namespace vanthu::layout {
namespace {

Align to_align(model::TableCell::Align a) {
    switch (a) {
        case model::TableCell::Align::center:
            return Align::center;
        case model::TableCell::Align::right:
            return Align::right;
        case model::TableCell::Align::justify:
            return Align::justify;
        case model::TableCell::Align::left:
            break;
    }
    return Align::left;
}

struct CellBox {
    const model::TableCell* cell = nullptr;
    ShapedText text;
    double height = 0;  // lines plus top and bottom padding
};

class TablePlacer {
  public:
    TablePlacer(LayoutContext& cx, const model::Table& table)
        : table_(table),
          size_(table.font_size > 0 ? table.font_size : cx.type().table_size),
          pitch_(cx.type().single(size_)),
          pad_x_(cx.type().table_padding_x),
          pad_y_(cx.type().table_padding_y),
          rule_(cx.type().table_rule) {}

    // The rows as units: the header rows first, each body row tied to the rows a rowspan from it
    // reaches; each with the notes its cells' markers show.
    Block measure(LayoutContext& cx) {
        Block block;
        block.kind = Block::Kind::table;
        const size_t rows = table_.rows.size();
        if (table_.columns <= 0 || rows == 0) return block;
        block.after = cx.type().paragraph_after;
        edges_ = table_column_edges(cx, table_, size_, pad_x_);
        shape_cells(cx);
        row_heights();
        head_ = std::min<size_t>(static_cast<size_t>(table_.header_rows), rows);
        // Header rows taller than half a page are not repeated (as Word does): they would leave
        // the rows too little room on each page; they are then rows like the others.
        const auto& g = cx.geometry();
        if (height(0, head_) > (g.text_bottom() - g.top) / 2) head_ = 0;
        block.header_rows = head_;
        for (size_t r = 0; r < rows; ++r) {
            std::vector<int> notes;
            for (const auto& cell : table_.rows[r].cells)
                for (const auto& run : cell.runs)
                    if (run.note > 0) notes.push_back(run.note);
            block.units.push_back({heights_[r], known_notes(cx, std::move(notes)), false});
        }
        for (const auto& [first, end] : row_groups()) {
            for (size_t r = first + 1; r < end; ++r) block.units[r].tied = true;
            block.units[first].cuts = cuts(first, end);
        }
        return block;
    }

    // Draws the rows where the paginator put them: the header rows again at the top of each
    // page, and the bottom rule under the last row of each page.
    void emit(LayoutContext& cx, const Pagination& pagination, size_t index) {
        const auto& at = pagination.units[index];
        const auto& heads = pagination.headers[index];
        if (at.empty()) return;
        for (const auto& [block, unit] : pagination.overfull)
            if (block == index)
                cx.diags.error("layout.row-too-tall",
                               "row " + std::to_string(unit + 1) +
                                   " of the table does not fit on a page, even cut between its "
                                   "lines (its header rows or notes leave no room): its text "
                                   "would run off the page",
                               table_.rows[unit].where);
        auto& flow = cx.flow;
        const auto groups = row_groups();
        size_t next_head = 0;
        double y = 0;
        std::optional<size_t> page;
        auto open = [&](size_t p, double top) {
            if (page) {
                flow.select(*page);
                bottom_rule(flow, y);
            }
            page = p;
            flow.select(p);
            y = top;
            if (head_ > 0 && next_head < heads.size())
                y = draw_rows(flow, 0, head_, heads[next_head++].top);
        };
        if (groups.empty())
            open(heads.empty() ? at.front().page : heads.front().page, at.front().top);
        for (const auto& [first, end] : groups) {
            const auto cut = pagination.cut_rows.find({index, first});
            if (cut != pagination.cut_rows.end()) {
                for (const auto& piece : cut->second) {
                    if (!page || *page != piece.page) open(piece.page, piece.top);
                    y = draw_piece(flow, first, end, piece);
                }
                continue;
            }
            if (!page || *page != at[first].page) open(at[first].page, at[first].top);
            y = draw_rows(flow, first, end, y);
        }
        flow.select(*page);
        bottom_rule(flow, y);
    }

  private:
    double left(const model::TableCell& c) const { return edges_[static_cast<size_t>(c.column)]; }
    double right(const model::TableCell& c) const {
        const auto end = std::min(static_cast<size_t>(c.column + c.colspan), edges_.size() - 1);
        return edges_[end];
    }

    void shape_cells(LayoutContext& cx) {
        boxes_.resize(table_.rows.size());
        for (size_t r = 0; r < table_.rows.size(); ++r) {
            for (const auto& cell : table_.rows[r].cells) {
                TextSpec spec;
                spec.runs = cell.runs;
                spec.size = size_;
                spec.bold = cell.header;
                spec.width = std::max(1.0, right(cell) - left(cell) - 2 * pad_x_);
                spec.align = to_align(cell.align);
                spec.keep_together = cell.keep_together;
                spec.where = cell.where;
                CellBox box{&cell, {}, 0};
                if (!cell.runs.empty()) box.text = cx.shaper.shape(spec, cx.diags);
                const auto lines = std::max<size_t>(1, box.text.lines.size());
                box.height = static_cast<double>(lines) * pitch_ + 2 * pad_y_;
                boxes_[r].push_back(std::move(box));
            }
        }
    }

    // Last row (exclusive) a cell of row r reaches.
    size_t span_end(size_t r, const model::TableCell& c) const {
        return std::min(table_.rows.size(), r + static_cast<size_t>(std::max(1, c.rowspan)));
    }

    // Row heights: the tallest one-row cell; a rowspan cell that needs more than its rows give
    // adds the difference to its last row (cells ending earlier are settled first).
    void row_heights() {
        const size_t rows = table_.rows.size();
        heights_.assign(rows, pitch_ + 2 * pad_y_);
        std::vector<std::pair<size_t, const CellBox*>> spanning;  // (end row, cell)
        for (size_t r = 0; r < rows; ++r)
            for (const auto& box : boxes_[r]) {
                if (span_end(r, *box.cell) == r + 1)
                    heights_[r] = std::max(heights_[r], box.height);
                else
                    spanning.emplace_back(span_end(r, *box.cell), &box);
            }
        std::stable_sort(spanning.begin(), spanning.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [end, box] : spanning) {
            const size_t first = end - static_cast<size_t>(box->cell->rowspan);
            const double have = height(first, end);
            if (have < box->height) heights_[end - 1] += box->height - have;
        }
    }

    double height(size_t first, size_t end) const {
        double h = 0;
        for (size_t r = first; r < end; ++r) h += heights_[r];
        return h;
    }

    // Runs of rows that must stay on one page: the header rows together, then each body row
    // with every row a rowspan from it reaches.
    std::vector<std::pair<size_t, size_t>> row_groups() const {
        std::vector<std::pair<size_t, size_t>> groups;
        const size_t rows = table_.rows.size();
        size_t r = head_;
        while (r < rows) {
            size_t end = r + 1;
            for (size_t k = r; k < end; ++k)
                for (const auto& c : table_.rows[k].cells) end = std::max(end, span_end(k, c));
            groups.emplace_back(r, end);
            r = end;
        }
        return groups;
    }

    // The top of the text of `box` (a cell of a row starting at `y1` and ending at `y2`).
    double text_offset(const CellBox& box, double y1, double y2) const {
        const double content = static_cast<double>(box.text.lines.size()) * pitch_;
        return box.cell->header ? std::max(pad_y_, (y2 - y1 - content) / 2) : pad_y_;
    }

    // Where rows [first, end) may be cut (Unit::cuts), offsets from their top: under a line of
    // a cell where no line of another cell is cut through, and at the boundaries between the
    // rows; at least two lines of text on each side when there are such places.
    std::vector<Cut> cuts(size_t first, size_t end) const {
        std::vector<double> tops{0};
        for (size_t r = first; r < end; ++r) tops.push_back(tops.back() + heights_[r]);
        std::vector<std::pair<double, double>> lines;  // each line's top and bottom
        std::vector<Cut> places;
        for (size_t r = first + 1; r < end; ++r) places.push_back({tops[r - first], 0});
        for (size_t r = first; r < end; ++r)
            for (const auto& box : boxes_[r]) {
                const double y1 = tops[r - first];
                const double y2 = tops[std::min(span_end(r, *box.cell), end) - first];
                double top = y1 + text_offset(box, y1, y2);
                for (size_t i = 0; i < box.text.lines.size(); ++i, top += pitch_) {
                    lines.emplace_back(top, top + pitch_);
                    places.push_back({top + pitch_, pad_y_});
                }
            }
        if (lines.empty()) return {};
        std::sort(lines.begin(), lines.end());
        std::sort(places.begin(), places.end(), [](const Cut& a, const Cut& b) {
            return a.at < b.at || (a.at == b.at && a.pad < b.pad);
        });
        const double eps = 1e-6;
        const double text_top = lines.front().first;
        double text_bottom = 0;
        for (const auto& l : lines) text_bottom = std::max(text_bottom, l.second);
        // A place is good when no line starts above it and ends below it.
        std::vector<Cut> all, kept;
        size_t next = 0;
        double reach = -1;  // the lowest bottom of the lines starting above the place
        for (const auto& c : places) {
            while (next < lines.size() && lines[next].first < c.at - eps)
                reach = std::max(reach, lines[next++].second);
            if (reach > c.at + eps || c.at <= text_top + eps || c.at >= text_bottom - eps) continue;
            if (!all.empty() && std::abs(all.back().at - c.at) < eps) continue;  // least pad first
            all.push_back(c);
            if (c.at >= text_top + 2 * pitch_ - eps && c.at <= text_bottom - 2 * pitch_ + eps)
                kept.push_back(c);
        }
        return kept.empty() ? all : kept;
    }

    // Draws the part of rows [first, end) that `piece` holds (a row cut across pages): the lines
    // whose middle is in it, each cell's edges down to the piece's bottom and its top edge at
    // the piece's top when it started above. Returns the piece's bottom.
    double draw_piece(Flow& flow, size_t first, size_t end, const RowPiece& piece) {
        const double eps = 1e-6;
        const double shift = piece.top + piece.pad_above - piece.from;  // row offset -> page y
        const double bottom = piece.top + piece.height();
        std::vector<double> tops{0};
        for (size_t r = first; r < end; ++r) tops.push_back(tops.back() + heights_[r]);
        for (size_t r = first; r < end; ++r)
            for (const auto& box : boxes_[r]) {
                const auto& cell = *box.cell;
                const double g1 = tops[r - first];
                const double g2 = tops[std::min(span_end(r, cell), end) - first];
                if (g2 <= piece.from + eps || g1 >= piece.to - eps) continue;
                const double x1 = left(cell), x2 = right(cell);
                double line_top = g1 + text_offset(box, g1, g2);
                for (const auto& line : box.text.lines) {
                    const double middle = line_top + pitch_ / 2;
                    if (middle >= piece.from && middle < piece.to)
                        flow.place(line, x1 + pad_x_,
                                   baseline_in_box(line_top + shift, pitch_, size_));
                    line_top += pitch_;
                }
                const double y1 = g1 >= piece.from - eps ? g1 + shift : piece.top;
                const double y2 = g2 <= piece.to + eps ? g2 + shift : bottom;
                flow.rule(x1 - rule_ / 2, x2 + rule_ / 2, y1, rule_);
                flow.page().items.emplace_back(Rule{x1, y1, x1, y2, rule_});
                if (cell.column + cell.colspan >= table_.columns)
                    flow.page().items.emplace_back(Rule{x2, y1, x2, y2, rule_});
            }
        return bottom;
    }

    // Draws rows [first, end) from `top`; returns their bottom. Each cell draws its text, its
    // top and left edges, and its right edge when it ends the row; the bottom rule of the last
    // row on a page is drawn by bottom_rule.
    double draw_rows(Flow& flow, size_t first, size_t end, double top) {
        std::vector<double> tops{top};
        for (size_t r = first; r < end; ++r) tops.push_back(tops.back() + heights_[r]);
        for (size_t r = first; r < end; ++r) {
            for (const auto& box : boxes_[r]) {
                const auto& cell = *box.cell;
                const double x1 = left(cell), x2 = right(cell);
                const double y1 = tops[r - first];
                const double y2 = tops[std::min(span_end(r, cell), end) - first];
                double line_top = y1 + text_offset(box, y1, y2);
                for (const auto& line : box.text.lines) {
                    flow.place(line, x1 + pad_x_, baseline_in_box(line_top, pitch_, size_));
                    line_top += pitch_;
                }
                // Horizontal rules reach half a rule past the corners so the corners are closed.
                flow.rule(x1 - rule_ / 2, x2 + rule_ / 2, y1, rule_);
                flow.page().items.emplace_back(Rule{x1, y1, x1, y2, rule_});
                if (cell.column + cell.colspan >= table_.columns)
                    flow.page().items.emplace_back(Rule{x2, y1, x2, y2, rule_});
            }
        }
        return tops.back();
    }

    void bottom_rule(Flow& flow, double y) {
        flow.rule(edges_.front() - rule_ / 2, edges_.back() + rule_ / 2, y, rule_);
    }

    const model::Table& table_;
    double size_, pitch_, pad_x_, pad_y_, rule_;
    std::vector<double> edges_;
    std::vector<std::vector<CellBox>> boxes_;
    std::vector<double> heights_;
    size_t head_ = 0;
};

}  // namespace

Part measure_table(LayoutContext& cx, const model::Table& table) {
    auto placer = std::make_shared<TablePlacer>(cx, table);
    Part part;
    part.block = placer->measure(cx);
    part.emit = [placer](LayoutContext& cx, const Pagination& pagination, size_t index) {
        placer->emit(cx, pagination, index);
    };
    return part;
}

}  // namespace vanthu::layout
