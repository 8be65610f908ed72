// Signing inside the Engine: from SignOptions to a Signer, and where on a rendered document the
// signature goes.
#pragma once

#include <string>

#include "layout/pages.hpp"
#include "vanthu/engine.hpp"

namespace vanthu {

// `pdf` (the document of `pages`) signed over its first signer's signature space. Throws Error
// (sign.place) when the document has no signature block.
std::string sign_rendered(std::string pdf, const layout::Pages& pages, const SignOptions& options);

}  // namespace vanthu
