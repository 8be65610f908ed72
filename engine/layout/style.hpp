// The format's numbers (Decree 30/2020, Phụ lục I; see shared/spec/nd30.md), in one place.
#pragma once

#include <vector>

#include "core/units.hpp"

namespace vanthu::layout {

struct PageGeometry {
    double width = core::kA4Width;
    double height = core::kA4Height;
    double top = core::mm(20);
    double bottom = core::mm(20);
    double left = core::mm(30);
    double right = core::mm(15);

    double text_left() const { return left; }
    double text_width() const { return width - left - right; }
    double text_bottom() const { return height - bottom; }
};

// Liberation Serif / Times New Roman vertical metrics, as fractions of the em.
constexpr double kAscent = 1825.0 / 2048;
constexpr double kDescent = 443.0 / 2048;
constexpr double kLineGap = 87.0 / 2048;
// A word processor's "single" line for Times New Roman: ascent + descent + line gap.
constexpr double kSinglePitch = kAscent + kDescent + kLineGap;

struct Typography {
    // Header block (§2.1–2.5): 12 pt parent and issuer, 12/13 pt national title and motto.
    double parent_size = 12;
    double issuer_size = 12;
    double title_size = 12;    // Quốc hiệu
    double motto_size = 13;    // Tiêu ngữ
    double number_size = 13;   // "Số: …"
    double date_size = 14;     // falls back to 13 when the line does not fit its column
    double subject_size = 12;  // công văn "V/v …"
    double type_size = 14;     // type name of a named document ("KẾ HOẠCH")
    double summary_size = 14;  // its summary, bold
    double summary_rule_ratio = 0.4;
    double left_column = core::mm(62);  // header and closing tables: 62 mm / 103 mm
    double issuer_rule_ratio = 0.4;     // rule under the issuing body: 1/3–1/2 of its line
    double rule_thickness = 0.5;

    // Body (§1, §2.7): 14 pt, 1.15 lines, 6 pt after, first-line indent 10 mm, justified.
    double body_size = 14;
    double body_line_factor = 1.15;  // times the single pitch
    double paragraph_after = 6;
    double first_indent = core::mm(10);
    // The blank lines above "Kính gửi", the content and the closing, in body lines (not regulated:
    // fitting a document on fewer pages may halve them).
    double blank_line = 1;

    // Tables (§2.7 end): 13 pt text (12 pt for dense forms via <table size>), single lines,
    // 0.5 pt borders, cell padding as a word processor's default table.
    double table_size = 13;
    double table_padding_x = 2;
    double table_padding_y = 1.5;
    double table_rule = 0.5;

    // Closing blocks (§2.8, §2.9).
    double recipients_label_size = 12;
    double recipients_size = 11;
    double signature_size = 14;
    double signature_space = core::mm(30);  // last title baseline to the signer's name baseline

    double page_number_size = 14;
    double page_number_top = core::mm(10);  // top of the page number's line box

    // Marks (§2.10): bold capitals in single-line boxes with 0.5 pt sides. Urgency boxes have
    // the decree's sizes (HỎA TỐC 30 × 8, THƯỢNG KHẨN 40 × 8, KHẨN 20 × 8 mm); the others are
    // fitted to their text.
    double mark_size = 13;
    double mark_box_height = core::mm(8);
    double mark_padding = core::mm(2.5);  // each side of a fitted box
    double mark_gap = 6;                  // Số / V/v line to the first box, and between boxes
    double top_mark_gap = core::mm(4);    // a top-margin box's bottom to the text block's top
    double urgency_flash_width = core::mm(30);      // HỎA TỐC
    double urgency_immediate_width = core::mm(40);  // THƯỢNG KHẨN
    double urgency_urgent_width = core::mm(20);     // KHẨN
    double circulation_centre = 0.71;  // ô 11's centre, as a share of the text width (§2.15)

    // First-page footer (§2.11): 11 pt lines under a full-width rule, ending on the text
    // block's bottom.
    double footer_size = 11;
    double footer_gap = 6;       // the body's last line box to the rule
    double footer_rule_gap = 2;  // the rule to the first line's box

    // Footnotes (§2.7 end: 10–11 pt): 11 pt, single lines, justified, under a short rule at the
    // text block's left; the note area ends on the text block's bottom (above the footer).
    double footnote_size = 11;
    double footnote_rule_length = core::mm(50);
    double footnote_gap = 6;       // the body's last line box to the rule
    double footnote_rule_gap = 3;  // the rule to the first note's line box

    double single(double size) const { return size * kSinglePitch; }
    double body_pitch() const { return single(body_size) * body_line_factor; }
    double blank() const { return body_pitch() * blank_line; }

    // Sizes and styles that nearly every document's parts are set in besides the body's
    // (header, number, recipients, tables, footer): the fonts a warm-up loads ahead
    // (Shaper::load_faces), so that the first layout does not stop to make them.
    struct FontUse {
        double size;
        bool bold, italic;
    };
    std::vector<FontUse> part_fonts() const {
        return {{body_size, false, false},
                {body_size, true, false},
                {body_size, false, true},
                {body_size, true, true},
                {motto_size, true, false},
                {number_size, false, false},
                {parent_size, false, false},
                {issuer_size, true, false},
                {recipients_label_size, true, true},
                {recipients_size, false, false}};
    }
};

}  // namespace vanthu::layout
