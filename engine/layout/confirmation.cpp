// The confirmation block of a giấy nghỉ phép (Mẫu 1.10): "Xác nhận của cơ quan (tổ chức) hoặc
// chính quyền địa phương nơi nghỉ phép (nếu cần)" in bold upright as the decree's model prints it,
// "(Chữ ký, dấu)" in italic under it, a signing space as a signature block's and the name, all
// centred in the left half of the text block, one blank line under the closing.
#include <algorithm>

#include "layout/kept_blocks.hpp"

namespace vanthu::layout {

Column confirmation_column(LayoutContext& cx, const model::Signature& c) {
    const auto& t = cx.type();
    const double size = t.signature_size;
    const double width = cx.geometry().text_width() / 2;
    Column block = signature_titles(cx, c, 0, width);
    if (!c.note.empty())
        centred_column(cx, block, c.note.value, size, false, true, 0, width, block.height,
                       c.note.where);
    // The space is left for the confirming body's signature and seal, from the note (the
    // last line above it) down to the name; finish_signature must not place the note again.
    model::Signature rest = c;
    rest.note = {};
    const double name_baseline = last_title_baseline(block) + t.signature_space;
    if (!rest.name.empty()) finish_signature(cx, rest, block, 0, width, name_baseline);
    block.height = std::max(block.height, name_baseline + kDescent * size);
    return block;
}

}  // namespace vanthu::layout
