// Signing inside the Engine: from SignOptions to a Signer, and where on a rendered document the
// signature goes.
#pragma once

#include <string>

#include "layout/pages.hpp"
#include "vanthu/engine.hpp"

namespace vanthu {

// `pdf` (the document of `pages`) with an empty signature field over every signer's signature
// space of the main document, the document's own signer's (the host's) signed. Throws Error:
// sign.place when the document has no signature block, sign.image when the data draws a
// signature image there and `options` bring images too (they would show twice).
std::string sign_rendered(std::string pdf, const layout::Pages& pages, const SignOptions& options);

// `pdf` with only the empty signature fields (RenderRequest::signature_fields).
std::string add_signature_fields(std::string pdf, const layout::Pages& pages);

}  // namespace vanthu
