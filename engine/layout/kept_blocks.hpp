// The blocks of issue 16 that are never split, each built as a Column relative to its top-left
// corner on the text block's left edge (measured before it is placed; the paginator takes each as
// one unbreakable block, column_part): the head and signature of a document attached to a
// decision (Mẫu 1.3), the confirmation block of a giấy nghỉ phép (Mẫu 1.10) and the copy block
// (Mẫu 3.1). Internal to layout.
#pragma once

#include "layout/signature.hpp"

namespace vanthu::layout {

// The left rows of a header block (head_column.cpp): each body's parent (12 pt) over its name
// (bold 12 pt), centred in [x, x + width] from `top`, with one short rule under the names as
// place_header draws it. Returns the rule's y.
double issuer_rows(LayoutContext& cx, Column& out, const std::vector<model::Issuer>& bodies,
                   double x, double width, double top);

// The right rows of a header block: national title and motto with the motto's rule, centred in
// [x, x + width] from `top`. Returns the rule's y.
double national_rows(LayoutContext& cx, Column& out, double x, double width, double top);

// The issuing body's header block without the number and date line (Mẫu 1.3's attached
// document): parent, issuing body (and partners) and rule on the left; national title, motto
// and rule on the right; the geometry of place_header. Its height ends at the lower rule.
Column header_rows_column(LayoutContext& cx, const model::Header& h);

// Places header_rows_column at `top` and returns where the type name's line box starts: one
// blank line under the rules, as under a document's header.
double place_attached_header(LayoutContext& cx, const model::Header& h, double top);

// The confirmation block of a giấy nghỉ phép (confirmation.cpp): the title lines (bold, upright,
// as written), the italic note "(Chữ ký, dấu)" under them, the signing space and the name,
// centred in the left half of the text block.
Column confirmation_column(LayoutContext& cx, const model::Signature& c);

// The copy block (copy_block.cpp): a full-width rule, the copying body's header (left: parent,
// name and rule, "Số: …"; right: the copy form and the place-and-date line), then Nơi nhận on
// the left and the copy's signer on the right, as the closing.
Column copy_block_column(LayoutContext& cx, const model::CopyBlock& copy);

}  // namespace vanthu::layout
