// Signing inside the Engine: from SignOptions to a Signer, and where on a rendered document the
// signature goes.
#pragma once

#include <memory>
#include <string>

#include "layout/pages.hpp"
#include "vanthu/engine.hpp"

namespace vanthu {

namespace sign {
class Signer;
}

// The signing key an Engine keeps open between documents signed with the same key, so that a
// batch worker opens its PKCS#12 file or logs in to its token once, not once per document.
class SignerCache {
  public:
    SignerCache();
    ~SignerCache();
    // The key `options` names, opened now if it is not the one held.
    const sign::Signer& get(const SignOptions& options);
    int opened() const { return opened_; }

  private:
    std::string identity_;  // the key's file, module, token, label and secret
    std::unique_ptr<sign::Signer> signer_;
    int opened_ = 0;
};

// `pdf` (the document of `pages`) with an empty signature field over every signer's signature
// space of the main document, the document's own signer's (the host's) signed with the key of
// `keys`. Throws Error: sign.place when the document has no signature block, sign.image when
// the data draws a signature image there and `options` bring images too (they would show twice).
std::string sign_rendered(std::string pdf, const layout::Pages& pages, const SignOptions& options,
                          SignerCache& keys);

// `pdf` with only the empty signature fields (RenderRequest::signature_fields).
std::string add_signature_fields(std::string pdf, const layout::Pages& pages);

}  // namespace vanthu
