// Who signs: a certificate (with the chain up to its authority) and a private key that can
// sign bytes. The key may live in a file (PKCS#12) or in a token that never lets it out
// (PKCS#11); the CMS is built the same way for both, only the signing of the attributes differs.
#pragma once

#include <openssl/x509.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanthu::sign {

class Signer {
  public:
    virtual ~Signer() = default;
    // The signer's certificate; owned by the Signer.
    virtual X509* certificate() const = 0;
    // Certificates between it and the root (may be empty); owned by the Signer.
    virtual std::vector<X509*> chain() const = 0;
    // The signature over `bytes` with SHA-256 and the key's own scheme (RSA PKCS#1 v1.5,
    // ECDSA), as CMS carries it.
    virtual std::string sign_sha256(std::string_view bytes) const = 0;
};

// The key and certificates of a PKCS#12 file (.p12, .pfx). Throws core::Failure (sign.key)
// when the file cannot be read, the password is wrong, or it holds no key with its certificate.
std::unique_ptr<Signer> open_pkcs12(const std::filesystem::path& file, const std::string& password);

// The key labelled `key_label` on the PKCS#11 token labelled `token`, through `module` (the
// token vendor's library), after logging in with `pin`; the certificate is the token's object
// with the key's CKA_ID. Throws core::Failure (sign.key) naming what is wrong: the module, no
// such token (listing those present), a wrong or locked PIN, no such key or certificate.
std::unique_ptr<Signer> open_pkcs11(const std::filesystem::path& module, const std::string& token,
                                    const std::string& key_label, const std::string& pin);

}  // namespace vanthu::sign
