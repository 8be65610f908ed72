// Signature blocks (ô 7a–7c, 8) and the Nơi nhận column (ô 9b, 12) of the closing, each built
// relative to its own top-left corner; closing.cpp arranges and places them.
#include "layout/signature.hpp"

#include <algorithm>

#include "core/image_file.hpp"

namespace vanthu::layout {
namespace {

void add_lines(Column& col, const ShapedText& shaped, double x, double& top, double pitch,
               double size) {
    for (const auto& line : shaped.lines) {
        const double baseline = baseline_in_box(top, pitch, size);
        col.lines.push_back({line, x, baseline});
        top += pitch;
        col.height = std::max(col.height, baseline + kDescent * size);
    }
}

// The signature and seal image (one PNG, as offices have it) centred on `axis` and in the space
// [space_top, space_bottom]: `image_width_mm` wide when given, else as tall as the space (and no
// wider than `max_width`). A file that cannot be read as a PNG is an error at the <signature>.
void add_image(LayoutContext& cx, const model::Signature& s, Column& block, double axis,
               double space_top, double space_bottom, double max_width) {
    const std::string& file = s.image.value;
    // Only the header: the size is all layout needs, and it is checked before anything decodes.
    core::ImageFile png;
    std::string why;
    if (!core::read_png(file, png, why, core::ImageRead::header)) {
        core::Diagnostic d;
        d.code = "layout.image";
        d.message = "cannot use the signature image \"" + file + "\": " + why;
        d.where = s.where;
        d.hints = {
            "a relative image path is taken from the data file's folder; the image must be "
            "a PNG (a transparent one, so the text under the seal shows)"};
        cx.diags.add(std::move(d));
        return;
    }
    const double pixels_w = static_cast<double>(png.width);
    const double pixels_h = static_cast<double>(png.height);
    const double aspect = pixels_h / pixels_w;
    const double space = space_bottom - space_top;
    double width = 0, height = 0;
    if (s.image_width_mm > 0) {
        width = core::mm(s.image_width_mm);
        height = width * aspect;
    } else {
        height = space;
        width = height / aspect;
        if (width > max_width) {
            width = max_width;
            height = width * aspect;
        }
    }
    const double centre_y = (space_top + space_bottom) / 2;
    block.images.push_back({file, axis - width / 2, centre_y - height / 2, width, height});
    block.height = std::max(block.height, centre_y + height / 2);  // a large seal may reach lower
}

}  // namespace

void Column::add(const Column& other, double dx, double dy) {
    for (auto p : other.lines) {
        p.x += dx;
        p.baseline += dy;
        lines.push_back(std::move(p));
    }
    for (auto image : other.images) {
        image.x += dx;
        image.y += dy;
        images.push_back(std::move(image));
    }
    for (auto rule : other.rules) {
        rule.x1 += dx;
        rule.x2 += dx;
        rule.y1 += dy;
        rule.y2 += dy;
        rules.push_back(rule);
    }
    for (auto space : other.signature_spaces) {
        space.x += dx;
        space.y += dy;
        signature_spaces.push_back(std::move(space));
    }
    if (!other.lines.empty() || !other.images.empty() || !other.rules.empty())
        height = std::max(height, dy + other.height);
}

void place_column(LayoutContext& cx, const Column& column, double x, double top) {
    for (const auto& p : column.lines) cx.flow.place(p.line, x + p.x, top + p.baseline);
    for (const auto& r : column.rules)
        cx.flow.page().items.emplace_back(
            Rule{r.x1 + x, r.y1 + top, r.x2 + x, r.y2 + top, r.thickness});
    for (auto image : column.images) {
        image.x += x;
        image.y += top;
        cx.flow.page().items.emplace_back(std::move(image));
    }
    for (auto space : column.signature_spaces) {
        space.x += x;
        space.y += top;
        cx.flow.page().signature_spaces.push_back(std::move(space));
    }
}

Column signature_titles(LayoutContext& cx, const model::Signature& s, double x, double width) {
    const auto& t = cx.type();
    const double size = t.signature_size;
    Column col;
    double top = 0;
    for (const auto& title : s.titles) {
        size_t start = 0;
        while (start <= title.value.size()) {  // '\n' forces a break inside a title
            size_t end = title.value.find('\n', start);
            if (end == std::string::npos) end = title.value.size();
            double offset = 0;
            auto shaped = balanced_lines(cx,
                                         plain(title.value.substr(start, end - start), size, true,
                                               false, width, Align::center, title.where),
                                         offset);
            add_lines(col, shaped, x + offset, top, t.single(size), size);
            start = end + 1;
        }
    }
    return col;
}

double last_title_baseline(const Column& titles) {
    return titles.lines.empty() ? 0 : titles.lines.back().baseline;
}

void finish_signature(LayoutContext& cx, const model::Signature& s, Column& block, double x,
                      double width, double name_baseline) {
    const auto& t = cx.type();
    const double size = t.signature_size;
    const double pitch = t.single(size);
    const double last_title = last_title_baseline(block);
    if (!s.note.empty()) {
        double note_top = (last_title + name_baseline) / 2 - pitch / 2;
        add_lines(block,
                  cx.shaper.shape(
                      plain(s.note.value, size, false, true, width, Align::center, s.note.where),
                      cx.diags),
                  x, note_top, pitch, size);
    }
    double name_top = name_baseline - (pitch - kDescent * size);
    add_lines(
        block,
        cx.shaper.shape(plain(s.name.value, size, true, false, width, Align::center, s.name.where),
                        cx.diags),
        x, name_top, pitch, size);
    // The space runs from the last title's descent to the top of the name's capitals.
    const double space_top = last_title + kDescent * size;
    const double space_bottom = name_baseline - kAscent * size;
    block.signature_spaces.push_back(
        {x, space_top, width, space_bottom - space_top, s.name.value, !s.image.empty()});
    if (!s.image.empty()) add_image(cx, s, block, x + width / 2, space_top, space_bottom, width);
}

Column signer_column(LayoutContext& cx, const model::Signature& s) {
    const auto& t = cx.type();
    const double x = t.left_column;
    const double width = cx.geometry().text_width() - t.left_column;
    Column block = signature_titles(cx, s, x, width);
    finish_signature(cx, s, block, x, width, last_title_baseline(block) + t.signature_space);
    return block;
}

Column recipients_column(LayoutContext& cx, const model::Document& doc, double width) {
    return recipients_column(cx, doc.recipients, doc.drafter, width);
}

Column recipients_column(LayoutContext& cx, const std::vector<model::Text>& recipients,
                         const model::Text& drafter, double width) {
    const auto& t = cx.type();
    Column col;
    if (recipients.empty() && drafter.empty()) return col;
    // The label sits on the same baseline as the first signature title line.
    const double label_baseline = baseline_in_box(0, t.single(t.signature_size), t.signature_size);
    double top = label_baseline + kDescent * t.recipients_label_size;
    if (!recipients.empty()) {
        auto label = cx.shaper.shape(
            plain("Nơi nhận:", t.recipients_label_size, true, true, 0, Align::left), cx.diags);
        col.lines.push_back({label.lines.front(), 0, label_baseline});
        col.height = top;
    } else {
        top = 0;
    }
    const double hang = cx.shaper.measure("- ", t.recipients_size, false, false);
    for (const auto& r : recipients) {
        TextSpec spec =
            plain(r.value, t.recipients_size, false, false, width, Align::left, r.where);
        spec.indent = -hang;
        // Negative indent: the first line starts at 0, later lines under the text after "- ".
        add_lines(col, cx.shaper.shape(spec, cx.diags), 0, top, t.single(t.recipients_size),
                  t.recipients_size);
    }
    // Ô 12: the drafter's initials and the number of copies, right under the Lưu line.
    if (!drafter.empty())
        add_lines(col,
                  cx.shaper.shape(plain(drafter.value, t.recipients_size, false, false, width,
                                        Align::left, drafter.where),
                                  cx.diags),
                  0, top, t.single(t.recipients_size), t.recipients_size);
    return col;
}

}  // namespace vanthu::layout
