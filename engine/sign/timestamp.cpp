#include "sign/timestamp.hpp"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ts.h>

#include <ctime>

#include "core/diagnostics.hpp"
#include "sign/openssl_handles.hpp"

namespace vanthu::sign {
namespace {

using TsReqPtr = std::unique_ptr<TS_REQ, OpenSslDeleter<TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, OpenSslDeleter<TS_RESP_free>>;
using TsVerifyPtr = std::unique_ptr<TS_VERIFY_CTX, OpenSslDeleter<TS_VERIFY_CTX_free>>;
using ImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, OpenSslDeleter<TS_MSG_IMPRINT_free>>;
using AlgorPtr = std::unique_ptr<X509_ALGOR, OpenSslDeleter<X509_ALGOR_free>>;
using BnPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, OpenSslDeleter<PKCS7_free>>;
using TstInfoPtr = std::unique_ptr<TS_TST_INFO, OpenSslDeleter<TS_TST_INFO_free>>;

[[noreturn]] void fail_tsa(const std::string& message, const std::string& hint) {
    ERR_clear_error();
    throw core::Failure(
        core::Diagnostic{core::Severity::error, "sign.tsa", message, std::nullopt, {hint}});
}

std::string sha256(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        fail_tsa("SHA-256 is not available", "reinstall OpenSSL (libssl3)");
    return std::string(reinterpret_cast<char*>(digest), size);
}

// TimeStampReq (RFC 3161 §2.4.1): version 1, SHA-256 imprint, a 64-bit random nonce, certReq.
TsReqPtr make_request(std::string_view signature_value) {
    TsReqPtr req(TS_REQ_new());
    ImprintPtr imprint(TS_MSG_IMPRINT_new());
    AlgorPtr algorithm(X509_ALGOR_new());
    BnPtr random(BN_new());
    std::string digest = sha256(signature_value);
    if (!req || !imprint || !algorithm || !random || TS_REQ_set_version(req.get(), 1) != 1 ||
        X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr) != 1 ||
        TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) != 1 ||
        TS_MSG_IMPRINT_set_msg(imprint.get(), reinterpret_cast<unsigned char*>(digest.data()),
                               static_cast<int>(digest.size())) != 1 ||
        TS_REQ_set_msg_imprint(req.get(), imprint.get()) != 1 ||
        BN_rand(random.get(), 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        fail_tsa("cannot make the timestamp request: " + openssl_errors(),
                 "this is a bug in vanthu, please report it");
    IntegerPtr nonce(BN_to_ASN1_INTEGER(random.get(), nullptr));
    if (!nonce || TS_REQ_set_nonce(req.get(), nonce.get()) != 1 ||
        TS_REQ_set_cert_req(req.get(), 1) != 1)
        fail_tsa("cannot make the timestamp request: " + openssl_errors(),
                 "this is a bug in vanthu, please report it");
    return req;
}

std::string der(TS_REQ* req) {
    unsigned char* out = nullptr;
    const int size = i2d_TS_REQ(req, &out);
    if (size <= 0)
        fail_tsa("cannot encode the timestamp request",
                 "this is a bug in vanthu, please report it");
    std::string bytes(reinterpret_cast<char*>(out), static_cast<size_t>(size));
    OPENSSL_free(out);
    return bytes;
}

std::string asn1_text(const ASN1_STRING* s) {
    unsigned char* utf8 = nullptr;
    const int n = s ? ASN1_STRING_to_UTF8(&utf8, s) : -1;
    if (n < 0) return {};
    std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
    OPENSSL_free(utf8);
    return out;
}

// The PKIStatusInfo of a reply that was not granted, in words (RFC 3161 §2.4.2).
std::string status_text(TS_RESP* resp) {
    const TS_STATUS_INFO* info = TS_RESP_get_status_info(resp);
    const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(info));
    static const char* const kStatus[] = {"granted", "granted with changes", "rejected",
                                          "waiting", "revocation warning",   "revoked"};
    std::string out = status >= 0 && status <= 5 ? kStatus[status] : "an unknown status";
    if (const auto* texts = TS_STATUS_INFO_get0_text(info))
        for (int i = 0; i < sk_ASN1_UTF8STRING_num(texts); ++i)
            out += ": " + asn1_text(sk_ASN1_UTF8STRING_value(texts, i));
    if (const ASN1_BIT_STRING* failure = TS_STATUS_INFO_get0_failure_info(info)) {
        static const std::pair<int, const char*> kFailures[] = {
            {TS_INFO_BAD_ALG, "it does not take SHA-256"},
            {TS_INFO_BAD_REQUEST, "it did not understand the request"},
            {TS_INFO_BAD_DATA_FORMAT, "bad data format"},
            {TS_INFO_TIME_NOT_AVAILABLE, "its time source is not available"},
            {TS_INFO_UNACCEPTED_POLICY, "policy not accepted"},
            {TS_INFO_UNACCEPTED_EXTENSION, "extension not accepted"},
            {TS_INFO_ADD_INFO_NOT_AVAILABLE, "additional information not available"},
            {TS_INFO_SYSTEM_FAILURE, "a failure of its own system"}};
        for (const auto& [bit, text] : kFailures)
            if (ASN1_BIT_STRING_get_bit(failure, bit)) out += std::string(" (") + text + ")";
    }
    return out;
}

// The token's signature, and its signer's certificate (with the timeStamping purpose, RFC 3161
// §2.3) up to an authority of `store`: "trusted", else OpenSSL's reason.
std::string token_chain(PKCS7* token, X509_STORE* store) {
    TsVerifyPtr check(TS_VERIFY_CTX_new());
    if (!check || X509_STORE_up_ref(store) != 1) return "cannot be checked";
    TS_VERIFY_CTX_set_store(check.get(), store);  // the context frees it: one more reference
    TS_VERIFY_CTX_set_flags(check.get(), TS_VFY_SIGNATURE);
    if (TS_RESP_verify_token(check.get(), token) == 1) return "trusted";
    std::string why = "not trusted";
    const char* data = nullptr;
    int flags = 0;
    while (const unsigned long e = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
        if (data && (flags & ERR_TXT_STRING) && *data) {
            why = data;
            if (why.starts_with("Verify error:")) why.erase(0, 13);
        } else if (const char* reason = ERR_reason_error_string(e))
            why = reason;
    }
    return why;
}

}  // namespace

std::string timestamp_token(std::string_view signature_value, const std::string& url,
                            const TsaPost& post) {
    const TsReqPtr req = make_request(signature_value);
    const std::string reply = post(der(req.get()));
    const auto* p = reinterpret_cast<const unsigned char*>(reply.data());
    TsRespPtr resp(d2i_TS_RESP(nullptr, &p, static_cast<long>(reply.size())));
    if (!resp || p != reinterpret_cast<const unsigned char*>(reply.data()) + reply.size())
        fail_tsa("the timestamp authority " + url + " did not answer with a timestamp",
                 "check the --tsa address: it should be the authority's RFC 3161 address");
    const long status =
        ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(resp.get())));
    if (status != TS_STATUS_GRANTED && status != TS_STATUS_GRANTED_WITH_MODS)
        fail_tsa("the timestamp authority " + url + " refused to timestamp the signature (" +
                     status_text(resp.get()) + ")",
                 "try again later, or ask your certificate provider about the refusal");
    // Version, the imprint and the nonce of this very request; the authority's signature is
    // checked below without a chain (a verifier checks it against its trusted authorities).
    TsVerifyPtr check(TS_REQ_to_TS_VERIFY_CTX(req.get(), nullptr));
    if (check) TS_VERIFY_CTX_set_flags(check.get(), TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_NONCE);
    if (!check || TS_RESP_verify_response(check.get(), resp.get()) != 1)
        fail_tsa("the timestamp authority " + url +
                     " answered with a timestamp that is not for this signature (" +
                     openssl_errors() + ")",
                 "check the --tsa address; if it is right, the authority is not working as it "
                 "should: ask your certificate provider");
    PKCS7* token = TS_RESP_get_token(resp.get());
    BioPtr content(BIO_new(BIO_s_mem()));
    if (!token || !content ||
        PKCS7_verify(token, nullptr, nullptr, nullptr, content.get(),
                     PKCS7_NOVERIFY | PKCS7_NOCHAIN) != 1)
        fail_tsa("the timestamp authority " + url + " sent a token whose signature is broken (" +
                     openssl_errors() + ")",
                 "sign again; if it happens again, ask your certificate provider");
    unsigned char* out = nullptr;
    const int size = i2d_PKCS7(token, &out);
    if (size <= 0)
        fail_tsa("cannot encode the timestamp token", "this is a bug in vanthu, please report it");
    std::string bytes(reinterpret_cast<char*>(out), static_cast<size_t>(size));
    OPENSSL_free(out);
    return bytes;
}

TimestampInfo read_timestamp(std::string_view token_der, std::string_view signature_value,
                             X509_STORE* store) {
    TimestampInfo info;
    info.present = true;
    const auto* p = reinterpret_cast<const unsigned char*>(token_der.data());
    Pkcs7Ptr token(d2i_PKCS7(nullptr, &p, static_cast<long>(token_der.size())));
    TstInfoPtr tst(token ? PKCS7_to_TS_TST_INFO(token.get()) : nullptr);
    if (!tst) {
        ERR_clear_error();
        info.problem = "its timestamp cannot be read";
        return info;
    }
    std::tm tm{};
    if (ASN1_TIME_to_tm(TS_TST_INFO_get_time(tst.get()), &tm) == 1) {
        // In Vietnam's time, as the signing time is shown (UTC+7, no summer time).
        std::time_t t = timegm(&tm) + 7 * 3600;
        gmtime_r(&t, &tm);
        char buf[40];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
        info.time = buf;
    }
    const TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(tst.get());
    const X509_ALGOR* algorithm = TS_MSG_IMPRINT_get_algo(const_cast<TS_MSG_IMPRINT*>(imprint));
    const ASN1_OBJECT* oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, algorithm);
    const EVP_MD* md = EVP_get_digestbyobj(oid);
    const ASN1_OCTET_STRING* stamped = TS_MSG_IMPRINT_get_msg(const_cast<TS_MSG_IMPRINT*>(imprint));
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    info.imprint_matches =
        md &&
        EVP_Digest(signature_value.data(), signature_value.size(), digest, &size, md, nullptr) ==
            1 &&
        static_cast<int>(size) == ASN1_STRING_length(stamped) &&
        std::string_view(reinterpret_cast<char*>(digest), size) ==
            std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(stamped)), size);
    if (!info.imprint_matches)
        info.problem = "its timestamp is for other bytes than this signature";
    if (STACK_OF(X509)* signers = PKCS7_get0_signers(token.get(), nullptr, 0)) {
        if (sk_X509_num(signers) > 0) {
            X509_NAME* name = X509_get_subject_name(sk_X509_value(signers, 0));
            const int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
            if (at >= 0)
                info.authority = asn1_text(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
        }
        sk_X509_free(signers);
    }
    info.chain = store ? token_chain(token.get(), store) : "not checked";
    ERR_clear_error();
    return info;
}

}  // namespace vanthu::sign
