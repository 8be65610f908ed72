// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3, RFC 5652):
// detached, SHA-256, signed attributes content-type, message-digest and
// signing-certificate-v2, and no signing-time (PAdES puts the claimed time in the signature
// dictionary's /M). OpenSSL's CMS_final always adds signing-time, so the attributes are
// signed here, which also lets a token that keeps its key sign them.
#pragma once

#include <array>
#include <string>

#include "sign/signer.hpp"

namespace vanthu::sign {

using Sha256 = std::array<unsigned char, 32>;

// The DER bytes of the ContentInfo holding the SignedData over content whose SHA-256 is
// `content_digest`. Throws core::Failure (sign.cms) if OpenSSL refuses.
std::string pades_signed_data(const Signer& signer, const Sha256& content_digest);

}  // namespace vanthu::sign
