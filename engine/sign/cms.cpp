#include "sign/cms.hpp"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <algorithm>

#include "core/diagnostics.hpp"
#include "sign/openssl_handles.hpp"

namespace vanthu::sign {
namespace {

[[noreturn]] void fail_cms(const std::string& what) {
    throw core::Failure(
        core::Diagnostic{core::Severity::error,
                         "sign.cms",
                         "cannot build the signature (" + what + "): " + openssl_errors(),
                         {},
                         {}});
}

std::string der(X509_ATTRIBUTE* attribute) {
    unsigned char* out = nullptr;
    const int size = i2d_X509_ATTRIBUTE(attribute, &out);
    if (size <= 0) fail_cms("attribute encoding");
    std::string bytes(reinterpret_cast<const char*>(out), static_cast<size_t>(size));
    OPENSSL_free(out);
    return bytes;
}

std::string der_length(size_t n) {
    if (n < 0x80) return std::string(1, static_cast<char>(n));
    std::string digits;
    for (; n; n >>= 8) digits.insert(digits.begin(), static_cast<char>(n & 0xff));
    return std::string(1, static_cast<char>(0x80 | digits.size())) + digits;
}

// What the signature covers (RFC 5652 §5.4): the signed attributes as a DER SET OF, whose
// members are sorted by their encodings, as OpenSSL also writes them into the SignerInfo.
std::string signed_attributes_der(CMS_SignerInfo* si) {
    std::vector<std::string> members;
    for (int i = 0; i < CMS_signed_get_attr_count(si); ++i)
        members.push_back(der(CMS_signed_get_attr(si, i)));
    std::sort(members.begin(), members.end());
    std::string content;
    for (const auto& m : members) content += m;
    return "\x31" + der_length(content.size()) + content;
}

}  // namespace

std::string pades_signed_data(const Signer& signer, const Sha256& content_digest,
                              const Timestamper* timestamper) {
    constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags));
    if (!cms) fail_cms("SignedData");
    X509* cert = signer.certificate();
    // CMS_add1_signer checks the key against the certificate; with CMS_PARTIAL it signs
    // nothing, so the certificate's own public key stands in for a key the signer may keep
    // in a token. CMS_CADES adds signing-certificate-v2 (ESS, SHA-256).
    EVP_PKEY* public_key = X509_get0_pubkey(cert);
    CMS_SignerInfo* si =
        CMS_add1_signer(cms.get(), cert, public_key, EVP_sha256(), kFlags | CMS_CADES);
    if (!si) fail_cms("signer");
    for (X509* c : signer.chain())
        if (CMS_add1_cert(cms.get(), c) != 1) fail_cms("certificate chain");
    if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                    OBJ_nid2obj(NID_pkcs7_data), -1) != 1 ||
        CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING,
                                    content_digest.data(),
                                    static_cast<int>(content_digest.size())) != 1)
        fail_cms("signed attributes");
    const std::string signature = signer.sign_sha256(signed_attributes_der(si));
    if (ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature.data(),
                        static_cast<int>(signature.size())) != 1)
        fail_cms("signature value");
    if (timestamper && *timestamper) {
        // id-aa-signatureTimeStampToken (RFC 3161 Appendix A): the token is a ContentInfo,
        // a SEQUENCE written as it came.
        const std::string token = (*timestamper)(signature);
        if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                          token.data(), static_cast<int>(token.size())) != 1)
            fail_cms("timestamp attribute");
    }
    unsigned char* out = nullptr;
    const int size = i2d_CMS_ContentInfo(cms.get(), &out);
    if (size <= 0) fail_cms("encoding");
    std::string bytes(reinterpret_cast<const char*>(out), static_cast<size_t>(size));
    OPENSSL_free(out);
    return bytes;
}

}  // namespace vanthu::sign
