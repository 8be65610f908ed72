// An RFC 3161 timestamp over a signature (PAdES baseline B-T, ETSI EN 319 142-1 §6.3): the
// authority signs the SHA-256 of the SignerInfo's signature value with its own time, and the
// token goes into the SignerInfo as the unsigned attribute signature-time-stamp
// (id-aa-signatureTimeStampToken, 1.2.840.113549.1.9.16.2.14).
#pragma once

#include <openssl/x509_vfy.h>

#include <functional>
#include <string>
#include <string_view>

namespace vanthu::sign {

// Sends a DER TimeStampReq and returns the authority's reply (a DER TimeStampResp). Throws
// core::Failure (sign.tsa) when the authority cannot be reached or answers with an error.
using TsaPost = std::function<std::string(const std::string& query)>;

// POST to `url` over HTTP(S) as RFC 3161 §3.4 says (application/timestamp-query), with libcurl,
// loaded only when a timestamp is asked for: at most limits::kTsaSeconds and
// limits::kTsaReplyBytes.
std::string post_to_tsa(const std::string& url, const std::string& query);

// The DER TimeStampToken (a CMS ContentInfo) for `signature_value`: a request with SHA-256, a
// random nonce and certReq, sent with `post`; the reply is checked (granted, version, the
// imprint and nonce of this request, a token whose signature verifies over its content).
// `url` names the authority in messages. Throws core::Failure (sign.tsa).
std::string timestamp_token(std::string_view signature_value, const std::string& url,
                            const TsaPost& post);

// What a timestamp token says, for vanthu verify.
struct TimestampInfo {
    bool present = false;
    std::string time;              // the authority's time, ISO 8601 in Vietnam's time (+07:00)
    bool imprint_matches = false;  // it stamps the SHA-2 digest of this signature value
    std::string authority;  // the common name of the token's signer, when it carries the cert
    std::string problem;    // why the token cannot be read or does not match; empty when fine
    // The authority's certificate against the trusted authorities: "trusted", "not checked"
    // (none given), or why not.
    std::string chain;
};

// Reads the token `token_der` (a CMS ContentInfo) and checks its imprint against
// `signature_value`; with `store`, its signature and its signer's certificate (the timeStamping
// purpose) up to an authority of `store`.
TimestampInfo read_timestamp(std::string_view token_der, std::string_view signature_value,
                             X509_STORE* store = nullptr);

}  // namespace vanthu::sign
