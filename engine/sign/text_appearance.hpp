// The look of an organisation's signature on an appendix or a copy in a file of its own
// (nd30.md §2.13, §2.14 ô 14; forms.md Mẫu 2.2, 3.2): no image, its data (the number and
// symbol or the copy form, the organisation, the signing time) in 10 pt Times New Roman
// (fontconfig's Liberation Serif where it is missing), upright, black, at the top right of
// page 1. The glyphs are drawn as outlines, so the appearance needs no font of its own.
#pragma once

#include <string>
#include <vector>

#include "sign/appearance.hpp"

namespace vanthu::sign {

// The appearance of `lines` at the top right of a page `page_width` × `page_height` points,
// its objects numbered from `next`.
Appearance build_text_appearance(const std::vector<std::string>& lines, double page_width,
                                 double page_height, int& next);

}  // namespace vanthu::sign
