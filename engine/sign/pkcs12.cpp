#include <openssl/err.h>

#include <fstream>
#include <iterator>

#include "core/diagnostics.hpp"
#include "sign/openssl_handles.hpp"
#include "sign/signer.hpp"

namespace vanthu::sign {
namespace {

[[noreturn]] void fail_key(const std::filesystem::path& file, const std::string& why) {
    throw core::Failure(core::Diagnostic{core::Severity::error,
                                         "sign.key",
                                         "cannot use the signing key " + file.string() + ": " + why,
                                         {},
                                         {}});
}

// RSA keys sign with PKCS#1 v1.5, EC keys with ECDSA: what EVP_DigestSign does by default.
class KeyFileSigner final : public Signer {
  public:
    KeyFileSigner(PkeyPtr key, X509Ptr cert, X509StackPtr chain)
        : key_(std::move(key)), cert_(std::move(cert)), chain_(std::move(chain)) {}

    X509* certificate() const override { return cert_.get(); }

    std::vector<X509*> chain() const override {
        std::vector<X509*> out;
        for (int i = 0; chain_ && i < sk_X509_num(chain_.get()); ++i)
            out.push_back(sk_X509_value(chain_.get(), i));
        return out;
    }

    std::string sign_sha256(std::string_view bytes) const override {
        MdCtxPtr ctx(EVP_MD_CTX_new());
        size_t size = 0;
        if (!ctx ||
            EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
            EVP_DigestSign(ctx.get(), nullptr, &size,
                           reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 1)
            throw core::Failure(core::Diagnostic{core::Severity::error,
                                                 "sign.key",
                                                 "the key cannot sign: " + openssl_errors(),
                                                 {},
                                                 {}});
        std::string out(size, '\0');
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &size,
                           reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 1)
            throw core::Failure(core::Diagnostic{core::Severity::error,
                                                 "sign.key",
                                                 "the key cannot sign: " + openssl_errors(),
                                                 {},
                                                 {}});
        out.resize(size);
        return out;
    }

  private:
    PkeyPtr key_;
    X509Ptr cert_;
    X509StackPtr chain_;
};

}  // namespace

std::string openssl_errors() {
    std::string out;
    while (const unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out.empty() ? "no reason given" : out;
}

std::string subject_entry(X509* certificate, int nid) {
    X509_NAME* name = X509_get_subject_name(certificate);
    const int at = X509_NAME_get_index_by_NID(name, nid, -1);
    if (at < 0) return {};
    unsigned char* utf8 = nullptr;
    const int n =
        ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (n < 0) return {};
    std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
    OPENSSL_free(utf8);
    return out;
}

std::unique_ptr<Signer> open_pkcs12(const std::filesystem::path& file,
                                    const std::string& password) {
    // A key file is a few kilobytes; anything past 1 MB is not one.
    constexpr std::streamsize kMaxKeyFile = 1 << 20;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        fail_key(file, "there is no such file (is the path right?)");
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<size_t>(kMaxKeyFile) + 1, '\0');
    in.read(bytes.data(), kMaxKeyFile + 1);
    if (in.bad()) fail_key(file, "the file cannot be read");
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (bytes.size() > static_cast<size_t>(kMaxKeyFile))
        fail_key(file, "it is larger than 1 MB, too large for a key file");
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size())));
    if (!p12) {
        ERR_clear_error();
        fail_key(file, "it is not a PKCS#12 key file (.p12 or .pfx)");
    }
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* chain = nullptr;
    if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &chain) != 1) {
        ERR_clear_error();
        fail_key(file, "the password is wrong (VANTHU_P12_PASSWORD or the one typed)");
    }
    PkeyPtr key_owned(key);
    X509Ptr cert_owned(cert);
    X509StackPtr chain_owned(chain);
    if (!key_owned || !cert_owned)
        fail_key(file, "it holds no private key together with its certificate");
    if (X509_check_private_key(cert_owned.get(), key_owned.get()) != 1) {
        ERR_clear_error();
        fail_key(file, "its certificate does not belong to its private key");
    }
    return std::make_unique<KeyFileSigner>(std::move(key_owned), std::move(cert_owned),
                                           std::move(chain_owned));
}

}  // namespace vanthu::sign
