// A Signer whose key stays in a PKCS#11 token (a USB key of a certification authority, or
// SoftHSM in the tests): the token signs the CMS's attributes; the certificate is read from it.
#include <dlfcn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <p11-kit/pkcs11.h>

#include <algorithm>
#include <cstring>

#include "core/diagnostics.hpp"
#include "sign/openssl_handles.hpp"
#include "sign/signer.hpp"

namespace vanthu::sign {
namespace {

[[noreturn]] void fail_token(const std::string& why, const std::string& hint) {
    throw core::Failure(core::Diagnostic{
        core::Severity::error, "sign.key", "cannot use the signing token: " + why, {}, {hint}});
}

std::string trimmed(const unsigned char* text, size_t size) {
    std::string s(reinterpret_cast<const char*>(text), size);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
    return s;
}

class TokenSigner final : public Signer {
  public:
    TokenSigner(const std::filesystem::path& module, const std::string& token,
                const std::string& key_label, const std::string& pin) {
        library_ = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!library_)
            fail_token("the PKCS#11 module " + module.string() + " cannot be loaded",
                       "give the module the token's vendor installed, e.g. "
                       "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
        auto get_list =
            reinterpret_cast<CK_C_GetFunctionList>(dlsym(library_, "C_GetFunctionList"));
        if (!get_list || get_list(&f_) != CKR_OK || !f_)
            fail_token(module.string() + " is not a PKCS#11 module", "check --pkcs11-module");
        const CK_RV init = f_->C_Initialize(nullptr);
        if (init != CKR_OK && init != CKR_CRYPTOKI_ALREADY_INITIALIZED)
            fail_token("the module does not start (" + hex(init) + ")", "is the token plugged in?");
        initialized_ = init == CKR_OK;
        open_session(token);
        const CK_RV login = f_->C_Login(
            session_, CKU_USER, reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char*>(pin.data())),
            pin.size());
        if (login == CKR_PIN_INCORRECT)
            fail_token("the PIN is wrong (VANTHU_PIN or the one typed)",
                       "type it again; a token locks itself after a few wrong PINs");
        if (login == CKR_PIN_LOCKED)
            fail_token("the token is locked", "ask the authority that issued it");
        if (login != CKR_OK && login != CKR_USER_ALREADY_LOGGED_IN)
            fail_token("login refused (" + hex(login) + ")", "check the PIN");
        logged_in_ = true;
        find_key_and_certificate(key_label);
    }

    ~TokenSigner() override {
        if (f_) {
            if (logged_in_) f_->C_Logout(session_);
            if (session_) f_->C_CloseSession(session_);
            if (initialized_) f_->C_Finalize(nullptr);
        }
        if (library_) dlclose(library_);
    }

    X509* certificate() const override { return cert_.get(); }
    std::vector<X509*> chain() const override { return {}; }

    std::string sign_sha256(std::string_view bytes) const override {
        CK_MECHANISM mechanism{ec_ ? CKM_ECDSA_SHA256 : CKM_SHA256_RSA_PKCS, nullptr, 0};
        CK_ULONG size = 0;
        auto* data = reinterpret_cast<CK_BYTE_PTR>(const_cast<char*>(bytes.data()));
        if (f_->C_SignInit(session_, &mechanism, key_) != CKR_OK ||
            f_->C_Sign(session_, data, bytes.size(), nullptr, &size) != CKR_OK)
            fail_token("the token refused to sign", "does the key allow signing?");
        std::string out(size, '\0');
        if (f_->C_Sign(session_, data, bytes.size(), reinterpret_cast<CK_BYTE_PTR>(out.data()),
                       &size) != CKR_OK)
            fail_token("the token refused to sign", "does the key allow signing?");
        out.resize(size);
        return ec_ ? ecdsa_der(out) : out;
    }

  private:
    static std::string hex(CK_RV rv) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "CKR 0x%lx", static_cast<unsigned long>(rv));
        return buf;
    }

    void open_session(const std::string& token) {
        CK_ULONG count = 0;
        f_->C_GetSlotList(CK_TRUE, nullptr, &count);
        std::vector<CK_SLOT_ID> slots(count);
        if (count == 0 || f_->C_GetSlotList(CK_TRUE, slots.data(), &count) != CKR_OK)
            fail_token("no token is present", "plug the token in");
        std::string labels;
        for (CK_SLOT_ID slot : slots) {
            CK_TOKEN_INFO info{};
            if (f_->C_GetTokenInfo(slot, &info) != CKR_OK) continue;
            const std::string label = trimmed(info.label, sizeof info.label);
            if (label == token) {
                if (f_->C_OpenSession(slot, CKF_SERIAL_SESSION, nullptr, nullptr, &session_) !=
                    CKR_OK)
                    fail_token("the token " + token + " cannot be opened", "is it in use?");
                return;
            }
            labels += (labels.empty() ? "" : ", ") + label;
        }
        fail_token("no token is labelled \"" + token + "\"", "tokens present: " + labels);
    }

    // The objects of `cls` whose `type` attribute is `value`.
    std::vector<CK_OBJECT_HANDLE> find(CK_OBJECT_CLASS cls, CK_ATTRIBUTE_TYPE type,
                                       const std::string& value) {
        CK_ATTRIBUTE query[] = {{CKA_CLASS, &cls, sizeof cls},
                                {type, const_cast<char*>(value.data()), value.size()}};
        std::vector<CK_OBJECT_HANDLE> out;
        if (f_->C_FindObjectsInit(session_, query, 2) != CKR_OK) return out;
        CK_OBJECT_HANDLE h;
        CK_ULONG n = 0;
        while (out.size() < 16 && f_->C_FindObjects(session_, &h, 1, &n) == CKR_OK && n == 1)
            out.push_back(h);
        f_->C_FindObjectsFinal(session_);
        return out;
    }

    std::string attribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type) {
        CK_ATTRIBUTE a{type, nullptr, 0};
        if (f_->C_GetAttributeValue(session_, object, &a, 1) != CKR_OK ||
            a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
            return {};
        std::string value(a.ulValueLen, '\0');
        a.pValue = value.data();
        if (f_->C_GetAttributeValue(session_, object, &a, 1) != CKR_OK) return {};
        return value;
    }

    void find_key_and_certificate(const std::string& label) {
        const auto keys = find(CKO_PRIVATE_KEY, CKA_LABEL, label);
        if (keys.empty())
            fail_token("it holds no private key labelled \"" + label + "\"",
                       "list its objects with: pkcs11-tool --module MODULE --login --list-objects");
        key_ = keys.front();
        CK_KEY_TYPE type = 0;
        CK_ATTRIBUTE a{CKA_KEY_TYPE, &type, sizeof type};
        f_->C_GetAttributeValue(session_, key_, &a, 1);
        ec_ = type == CKK_EC;
        // The certificate has the key's CKA_ID (or, failing that, its label).
        auto certs = find(CKO_CERTIFICATE, CKA_ID, attribute(key_, CKA_ID));
        if (certs.empty()) certs = find(CKO_CERTIFICATE, CKA_LABEL, label);
        if (certs.empty())
            fail_token("it holds no certificate for the key \"" + label + "\"",
                       "the certificate must be on the token with the key's ID");
        const std::string der = attribute(certs.front(), CKA_VALUE);
        const auto* p = reinterpret_cast<const unsigned char*>(der.data());
        cert_.reset(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
        if (!cert_) {
            ERR_clear_error();
            fail_token("its certificate cannot be read", "the certificate on the token is damaged");
        }
    }

    // PKCS#11 gives ECDSA signatures as r || s; CMS carries them as DER ECDSA-Sig-Value.
    static std::string ecdsa_der(const std::string& raw) {
        const size_t half = raw.size() / 2;
        ECDSA_SIG* sig = ECDSA_SIG_new();
        BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()),
                              static_cast<int>(half), nullptr);
        BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + half,
                              static_cast<int>(half), nullptr);
        ECDSA_SIG_set0(sig, r, s);
        unsigned char* out = nullptr;
        const int n = i2d_ECDSA_SIG(sig, &out);
        std::string der(reinterpret_cast<const char*>(out), n > 0 ? static_cast<size_t>(n) : 0);
        OPENSSL_free(out);
        ECDSA_SIG_free(sig);
        return der;
    }

    void* library_ = nullptr;
    CK_FUNCTION_LIST_PTR f_ = nullptr;
    bool initialized_ = false, logged_in_ = false, ec_ = false;
    CK_SESSION_HANDLE session_ = 0;
    CK_OBJECT_HANDLE key_ = 0;
    X509Ptr cert_;
};

}  // namespace

std::unique_ptr<Signer> open_pkcs11(const std::filesystem::path& module, const std::string& token,
                                    const std::string& key_label, const std::string& pin) {
    return std::make_unique<TokenSigner>(module, token, key_label, pin);
}

}  // namespace vanthu::sign
