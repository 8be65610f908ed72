// The paginator: one pass over the measured blocks with a cursor down the page, deciding each
// break by the format's rules. The closing's rule looks back (the last body lines go with it):
// the pass then runs again with a break forced before those lines, so placed units never move.
#include "layout/paginate.hpp"

#include <algorithm>
#include <optional>

namespace vanthu::layout {
namespace {

// How many of a paragraph's `total` lines go on the current page when `fit` lines fit there,
// keeping at least two lines on each side of the break (no orphan, no widow).
size_t lines_here(size_t total, size_t fit) {
    if (fit >= total) return total;
    if (total < 4) return 0;  // a paragraph of 2-3 lines cannot be split without a lone line
    if (fit < 2) return 0;
    if (total - fit < 2) fit = total - 2;
    return fit;
}

// A page break forced before unit `unit` of block `block`, for the closing block `by`.
struct Forced {
    size_t block = 0;
    size_t unit = 0;
    size_t by = 0;
};

// A placed paragraph line, for the closing's look back.
struct LineMark {
    size_t block = 0;
    size_t unit = 0;
    size_t page = 0;
    bool heading = false;
};

class Paginator {
  public:
    Paginator(const PaginateInput& in, const std::vector<Forced>& forced)
        : in_(in), forced_(forced) {
        out_.units.resize(in.blocks.size());
        out_.headers.resize(in.blocks.size());
        frame_ = in.frame;
        out_.pages.push_back({0, frame_, {}, 0});
        y_ = in.start;
        reserved_ = in.first_reserve;
    }

    // Runs the pass; returns the forced break the closing asks for, if it does not fit.
    std::optional<Forced> run() {
        for (block_ = 0; block_ < in_.blocks.size(); ++block_) {
            const Block& b = in_.blocks[block_];
            switch (b.kind) {
                case Block::Kind::paragraph:
                    paragraph(b);
                    break;
                case Block::Kind::lines:
                    lines(b);
                    break;
                case Block::Kind::table:
                    table(b);
                    break;
                case Block::Kind::keep:
                    if (auto carry = keep(b)) return carry;
                    break;
                case Block::Kind::section:
                    section(b);
                    break;
            }
            last_kind_ = b.kind;
        }
        return std::nullopt;
    }

    Pagination result() && { return std::move(out_); }

  private:
    double bottom() const { return frame_.bottom - reserved_; }
    double remaining() const { return bottom() - y_; }
    bool at_top() const { return y_ <= frame_.top + 0.01; }
    size_t page() const { return out_.pages.size() - 1; }

    void new_page() {
        out_.pages.push_back({section_, frame_, {}, 0});
        y_ = frame_.top;
        reserved_ = 0;
    }

    void place(double height) {
        out_.units[block_].push_back({page(), y_});
        y_ += height;
    }

    bool forced_at(size_t unit) const {
        return std::any_of(forced_.begin(), forced_.end(),
                           [&](const Forced& f) { return f.block == block_ && f.unit == unit; });
    }

    // The first forced break in this block after `from` and before `end`, or `end`.
    size_t forced_before(size_t from, size_t end) const {
        for (const auto& f : forced_)
            if (f.block == block_ && f.unit > from && f.unit < end) end = f.unit;
        return end;
    }

    bool carried_for(size_t closing) const {
        return std::any_of(forced_.begin(), forced_.end(),
                           [&](const Forced& f) { return f.by == closing; });
    }

    // Footnotes: what `notes` would add to this page's note area (the separator too when the
    // page has none yet; nothing for notes it carries already).
    double notes_height(const std::vector<int>& notes) const {
        const auto& carried = out_.pages.back().notes;
        double height = 0;
        for (size_t i = 0; i < notes.size(); ++i) {
            const int n = notes[i];
            if (std::find(carried.begin(), carried.end(), n) != carried.end() ||
                std::find(notes.begin(), notes.begin() + static_cast<ptrdiff_t>(i), n) !=
                    notes.begin() + static_cast<ptrdiff_t>(i))
                continue;
            height += in_.note_height(n, frame_);
        }
        if (height > 0 && carried.empty()) height += in_.note_separator;
        return height;
    }

    // Takes the notes' height off this page's foot, for content of height `needed` that shows
    // their markers; notes that do not fit with it are reported (and printed anyway).
    void reserve_notes(const std::vector<int>& notes, double needed) {
        const double height = notes_height(notes);
        if (height <= 0) return;
        if (remaining() + 0.01 < needed + height)
            for (int n : notes) out_.notes_too_tall.push_back(n);
        auto& info = out_.pages.back();
        if (info.notes.empty()) info.below = reserved_;
        for (int n : notes)
            if (std::find(info.notes.begin(), info.notes.end(), n) == info.notes.end())
                info.notes.push_back(n);
        reserved_ += height;
    }

    static std::vector<int> notes_of(const Block& b, size_t from, size_t count) {
        std::vector<int> out;
        for (size_t i = from; i < from + count && i < b.units.size(); ++i)
            out.insert(out.end(), b.units[i].notes.begin(), b.units[i].notes.end());
        return out;
    }

    // Keep with next: the height of the headings that directly follow this block, each with its
    // spacing, which go on the same page as it.
    double headings_after() const {
        double height = 0;
        for (size_t j = block_ + 1; j < in_.blocks.size(); ++j) {
            const Block& next = in_.blocks[j];
            if (next.kind != Block::Kind::paragraph || !next.heading || next.units.empty()) break;
            height +=
                static_cast<double>(next.units.size()) * next.units.front().height + next.after;
        }
        return height;
    }

    // Keep with next: how many lines of the text after this heading (and the headings right
    // under it) must come with it: two, or all of a paragraph of three lines, which cannot be
    // split (a heading must not stay behind when that paragraph moves whole).
    double lines_after(double pitch) const {
        for (size_t j = block_ + 1; j < in_.blocks.size(); ++j) {
            const Block& next = in_.blocks[j];
            if (next.kind == Block::Kind::paragraph && next.heading) continue;
            const bool whole = next.kind == Block::Kind::paragraph && next.units.size() == 3;
            return (whole ? 3 : 2) * pitch;
        }
        return 2 * pitch;
    }

    void paragraph(const Block& b) {
        y_ += b.before;
        const size_t total = b.units.size();
        if (total == 0) {
            y_ += b.after;
            return;
        }
        const double pitch = b.units.front().height;
        if (b.heading && !at_top() && !forced_at(0) &&
            remaining() < static_cast<double>(total) * pitch + lines_after(pitch) + b.after +
                              notes_height(notes_of(b, 0, total)) + headings_after())
            new_page();

        size_t placed = 0;
        while (placed < total) {
            if (forced_at(placed) && !at_top()) new_page();
            const size_t rest = total - placed;
            auto fit = static_cast<size_t>(std::max(0.0, remaining() / pitch + 1e-6));
            // A line showing a note marker fits only with its note at the foot of the page.
            size_t with_notes = std::min(rest, fit);
            while (with_notes > 0 && static_cast<double>(with_notes) * pitch +
                                             notes_height(notes_of(b, placed, with_notes)) >
                                         remaining() + 1e-6 * pitch)
                --with_notes;
            if (with_notes < std::min(rest, fit)) fit = with_notes;
            size_t here = placed == 0 ? lines_here(rest, fit) : std::min(rest, fit);
            if (placed > 0 && here < rest && rest - here < 2) here = rest >= 2 ? rest - 2 : 0;
            if (here == 0) {
                if (at_top())
                    here = std::min(rest, std::max<size_t>(fit, 1));
                else {
                    new_page();
                    continue;
                }
            }
            here = forced_before(placed, placed + here) - placed;
            for (size_t i = 0; i < here; ++i) {
                const size_t u = placed + i;
                if (!b.units[u].notes.empty()) reserve_notes(b.units[u].notes, pitch);
                marks_.push_back({block_, u, page(), b.heading});
                place(pitch);
            }
            placed += here;
            if (placed < total && !forced_at(placed)) new_page();
        }
        y_ += b.after;
    }

    void lines(const Block& b) {
        y_ += b.before;
        for (size_t u = 0; u < b.units.size(); ++u) {
            if (remaining() < b.units[u].height && !at_top()) new_page();
            place(b.units[u].height);
        }
        y_ += b.after;
    }

    // Height of units [first, end) of `b`, added up in order.
    static double height(const Block& b, size_t first, size_t end) {
        double h = 0;
        for (size_t u = first; u < end; ++u) h += b.units[u].height;
        return h;
    }

    void header(const Block& b, size_t head) {
        if (head == 0) return;
        out_.headers[block_].push_back({page(), y_});
        for (size_t u = 0; u < head; ++u) y_ += b.units[u].height;
    }

    // Notes' height on a page that has none yet (the separator too).
    double fresh_notes_height(const std::vector<int>& notes) const {
        double height = 0;
        for (size_t i = 0; i < notes.size(); ++i)
            if (std::find(notes.begin(), notes.begin() + static_cast<ptrdiff_t>(i), notes[i]) ==
                notes.begin() + static_cast<ptrdiff_t>(i))
                height += in_.note_height(notes[i], frame_);
        return height > 0 ? height + in_.note_separator : 0;
    }

    void table(const Block& b) {
        y_ += b.before;
        if (b.units.empty()) {
            y_ += b.after;
            return;
        }
        const size_t head = std::min(b.header_rows, b.units.size());
        // Groups of rows that stay on one page: a row and the rows tied to it.
        std::vector<std::pair<size_t, size_t>> groups;
        for (size_t u = head; u < b.units.size();) {
            size_t end = u + 1;
            while (end < b.units.size() && b.units[end].tied) ++end;
            groups.emplace_back(u, end);
            u = end;
        }
        // The last row keeps with a closing block right after the table.
        double keep_after = 0;
        if (block_ + 1 < in_.blocks.size() && in_.blocks[block_ + 1].closing) {
            const Block& closing = in_.blocks[block_ + 1];
            keep_after = b.after + closing.before + height(closing, 0, closing.units.size());
        }
        const double head_h = height(b, 0, head);
        const auto group_notes = [&](size_t g) {
            auto notes = notes_of(b, groups[g].first, groups[g].second - groups[g].first);
            if (g == 0) {
                const auto head_notes = notes_of(b, 0, head);
                notes.insert(notes.begin(), head_notes.begin(), head_notes.end());
            }
            return notes;
        };
        // A group taller than the room a new page has for it under the header is cut; its
        // first piece is what must fit where it starts.
        const auto cut = [&](size_t g) {
            const auto& cuts = b.units[groups[g].first].cuts;
            return !cuts.empty() && height(b, groups[g].first, groups[g].second) +
                                            fresh_notes_height(group_notes(g)) >
                                        frame_.bottom - frame_.top - head_h + 1e-6;
        };
        const auto start_h = [&](size_t g) {
            const auto& first = b.units[groups[g].first];
            return cut(g) ? first.cuts.front().at + first.cuts.front().pad
                          : height(b, groups[g].first, groups[g].second);
        };

        // The header never stands alone at the foot of a page: it goes with the first body row.
        const double first_h = head_h + (groups.empty() ? 0 : start_h(0));
        const double first_notes = groups.empty() ? 0 : notes_height(group_notes(0));
        if (!at_top() && remaining() < first_h + first_notes - 1e-6) new_page();
        header(b, head);
        if (groups.empty()) {
            for (size_t u = 0; u < head; ++u) out_.units[block_].push_back({page(), 0});
        }
        bool page_has_body = false;
        for (size_t g = 0; g < groups.size(); ++g) {
            const auto [first, end] = groups[g];
            const double h = height(b, first, end);
            const bool last = g + 1 == groups.size();
            const bool cut_here = cut(g);
            const double need = cut_here ? start_h(g) : last ? h + keep_after : h;
            const auto notes = group_notes(g);
            if (y_ + need + notes_height(notes) > bottom() + 1e-6 && page_has_body) {
                new_page();
                header(b, head);
                page_has_body = false;
            }
            reserve_notes(notes, need);
            if (g == 0)  // the header rows' first placement
                for (size_t u = 0; u < head; ++u)
                    out_.units[block_].push_back(out_.headers[block_].front());
            if (cut_here)
                cut_rows(b, first, end, head, last ? keep_after : 0);
            else {
                if (y_ + h > bottom() + 1e-6) out_.overfull.emplace_back(block_, first);
                for (size_t u = first; u < end; ++u) place(b.units[u].height);
            }
            page_has_body = true;
        }
        y_ += b.after;
    }

    // The largest cut of `cuts` after `from` whose piece (from `from`, `pad_above` lower) fits in
    // `room`; null when none does.
    static const Cut* last_cut_in(const std::vector<Cut>& cuts, double from, double pad_above,
                                  double room) {
        const Cut* best = nullptr;
        for (const auto& c : cuts)
            if (c.at > from + 1e-6 && pad_above + (c.at - from) + c.pad <= room + 1e-6) best = &c;
        return best;
    }

    // Places rows [first, end) of `b` (a row and the rows tied to it) cut into pieces: each page
    // takes what fits down to a cut, the next page repeats the `head` header rows and goes on.
    // The last piece keeps with `keep_after` (the closing) when a cut allows it.
    void cut_rows(const Block& b, size_t first, size_t end, size_t head, double keep_after) {
        const auto& cuts = b.units[first].cuts;
        const double total = height(b, first, end);
        const double fresh_room = frame_.bottom - frame_.top - height(b, 0, head);
        std::vector<RowPiece> pieces;
        double from = 0, pad_above = 0;
        // Nothing of the table's body on this page yet: a cut that does not fit here fits nowhere.
        bool fresh = y_ <= frame_.top + height(b, 0, head) + 0.01;
        while (true) {
            const double rest = pad_above + total - from;
            const Cut* c = nullptr;
            if (rest <= remaining() + 1e-6) {
                // The rest fits here; with the closing too, or cut once more so that the closing
                // has the last piece with it on the next page.
                if (keep_after <= 0 || rest + keep_after <= remaining() + 1e-6) {
                    pieces.push_back({page(), y_, from, total, pad_above, 0});
                    y_ += rest;
                    break;
                }
                for (const auto& k : cuts)
                    if (k.at > from + 1e-6 &&
                        pad_above + (k.at - from) + k.pad <= remaining() + 1e-6 &&
                        k.pad + total - k.at + keep_after <= fresh_room + 1e-6)
                        c = &k;
                if (!c) {
                    pieces.push_back({page(), y_, from, total, pad_above, 0});
                    y_ += rest;
                    break;
                }
            } else {
                c = last_cut_in(cuts, from, pad_above, remaining());
            }
            if (!c) {
                if (fresh) {  // not even one cut's piece fits an empty page: runs into the margin
                    out_.overfull.emplace_back(block_, first);
                    pieces.push_back({page(), y_, from, total, pad_above, 0});
                    y_ += rest;
                    break;
                }
                new_page();
                header(b, head);
                fresh = true;
                continue;
            }
            pieces.push_back({page(), y_, from, c->at, pad_above, c->pad});
            from = c->at;
            pad_above = c->pad;
            new_page();
            header(b, head);
            fresh = true;
        }
        // Each row goes where its top falls.
        double offset = 0;
        for (size_t u = first; u < end; ++u) {
            const RowPiece* in = &pieces.front();
            for (const auto& piece : pieces)
                if (piece.from <= offset + 1e-6) in = &piece;
            out_.units[block_].push_back(
                {in->page, in->top + in->pad_above + std::max(0.0, offset - in->from)});
            offset += b.units[u].height;
        }
        out_.cut_rows[{block_, first}] = std::move(pieces);
    }

    std::optional<Forced> keep(const Block& b) {
        const bool top = at_top();
        y_ += b.before;
        const double h = height(b, 0, b.units.size());
        if (remaining() < h) {
            // A closing carries lines once; on the pass after, it goes where it is, or alone to
            // the next page when it does not fit under them either.
            const bool carried = b.closing && carried_for(block_);
            if (b.closing && !carried)
                if (auto carry = carried_lines()) return carry;
            if (!top && (!carried || remaining() < h)) new_page();
        }
        // Taller than an empty page: it would run off the page.
        if (remaining() + 1e-6 < h) out_.keeps_too_tall.push_back(block_);
        for (size_t u = 0; u < b.units.size(); ++u) place(b.units[u].height);
        y_ += b.after;
        return std::nullopt;
    }

    // The closing moves to a new page: the first line that goes with it — two lines, or the
    // whole part of the paragraph on this page when one would stay behind, with the headings
    // right above a whole paragraph unless they open the page. None after a table, or when no
    // body line is on this page.
    std::optional<Forced> carried_lines() const {
        if (last_kind_ != Block::Kind::paragraph || marks_.empty() || marks_.back().page != page())
            return std::nullopt;
        const size_t paragraph = marks_.back().block;
        size_t on_page = 0;
        for (auto it = marks_.rbegin();
             it != marks_.rend() && it->page == page() && it->block == paragraph; ++it)
            ++on_page;
        size_t move = std::min<size_t>(2, on_page);
        if (on_page - move == 1) move = on_page;
        if (move == on_page) {
            size_t with_heading = move;
            while (with_heading < marks_.size() &&
                   marks_[marks_.size() - with_heading - 1].page == page() &&
                   marks_[marks_.size() - with_heading - 1].heading)
                ++with_heading;
            const size_t before = marks_.size() - with_heading;
            if (with_heading > move && before > 0 && marks_[before - 1].page == page())
                move = with_heading;
        }
        const LineMark& first = marks_[marks_.size() - move];
        return Forced{first.block, first.unit, block_};
    }

    void section(const Block& b) {
        section_ = b.section;
        frame_ = b.frame;
        new_page();
        out_.units[block_].push_back({page(), y_});
        y_ += b.head + b.after;
    }

    const PaginateInput& in_;
    const std::vector<Forced>& forced_;
    Pagination out_;
    size_t block_ = 0;
    Frame frame_;
    int section_ = 0;
    double y_ = 0;
    double reserved_ = 0;
    Block::Kind last_kind_ = Block::Kind::section;
    std::vector<LineMark> marks_;
};

}  // namespace

size_t Pagination::main_pages() const {
    return static_cast<size_t>(std::count_if(pages.begin(), pages.end(),
                                             [](const PageInfo& p) { return p.section == 0; }));
}

Pagination paginate(const PaginateInput& input) {
    // Each pass that meets a closing with lines to carry runs again with one more break forced;
    // each closing asks once, so the passes end.
    std::vector<Forced> forced;
    while (true) {
        Paginator pass(input, forced);
        const auto more = pass.run();
        if (!more) return std::move(pass).result();
        forced.push_back(*more);
    }
}

}  // namespace vanthu::layout
