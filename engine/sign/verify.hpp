// Checking the signatures of a PDF (vanthu verify): for each, whether the bytes it signed are
// intact, who signed and when, what changed in the file after it, and whether its certificate
// leads to a trusted authority.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sign/timestamp.hpp"

namespace vanthu::sign {

struct SignatureCheck {
    std::string field;         // the signature field's name ("Chữ ký 1")
    std::string signer;        // the certificate's common name
    std::string organisation;  // the certificate's organisation, if it names one
    std::string time;          // the claimed time (/M) as ISO 8601, e.g. 2026-12-07T15:00:00+07:00
    std::string sub_filter;    // "ETSI.CAdES.detached", "adbe.pkcs7.detached"
    // The signed bytes are what was signed: the CMS verifies over /ByteRange, which covers the
    // whole file as it was but /Contents.
    bool intact = false;
    std::string problem;  // why not intact, in words; empty when intact
    // What the file gained after the signature: "nothing", "signatures" (later signatures and
    // their fields only) or "changes" (anything else: the document was altered after signing).
    std::string after;
    // Against the authorities of verify_pdf's ca_file: "trusted", "not checked" (no file), or
    // OpenSSL's reason ("unable to get local issuer certificate").
    std::string chain;
    // The RFC 3161 timestamp in the SignerInfo's unsigned attributes (PAdES B-T), if any.
    TimestampInfo timestamp;
};

// Every signature field's signature, in the order of the form's fields. Throws core::Failure
// (sign.pdf) for a file that is not a PDF this can read; a file without signatures gives none.
std::vector<SignatureCheck> verify_pdf(std::string_view pdf, const std::filesystem::path& ca_file);

}  // namespace vanthu::sign
