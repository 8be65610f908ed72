// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3, RFC 5652):
// detached, SHA-256, signed attributes content-type, message-digest and
// signing-certificate-v2, and no signing-time (PAdES puts the claimed time in the signature
// dictionary's /M). OpenSSL's CMS_final always adds signing-time, so the attributes are
// signed here, which also lets a token that keeps its key sign them.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>

#include "sign/signer.hpp"

namespace vanthu::sign {

using Sha256 = std::array<unsigned char, 32>;

// The DER TimeStampToken over a signature value (sign/timestamp.hpp), for PAdES B-T.
using Timestamper = std::function<std::string(std::string_view signature_value)>;

// The DER bytes of the ContentInfo holding the SignedData over content whose SHA-256 is
// `content_digest`; with `timestamper`, its token becomes the SignerInfo's unsigned attribute
// signature-time-stamp. Throws core::Failure (sign.cms) if OpenSSL refuses; whatever the
// timestamper throws (sign.tsa).
std::string pades_signed_data(const Signer& signer, const Sha256& content_digest,
                              const Timestamper* timestamper = nullptr);

}  // namespace vanthu::sign
