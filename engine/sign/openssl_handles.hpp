// Owning handles for the OpenSSL objects signing uses, so every path out frees them.
#pragma once

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace vanthu::sign {

template <auto Free>
struct OpenSslDeleter {
    template <typename T>
    void operator()(T* p) const {
        Free(p);
    }
};

using PkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, OpenSslDeleter<CMS_ContentInfo_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;

inline void free_x509_stack(STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); }
using X509StackPtr = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<free_x509_stack>>;

// OpenSSL's queued error messages, oldest first, cleared; for the end of a diagnostic.
std::string openssl_errors();

// The entry `nid` (NID_commonName, NID_organizationName) of `certificate`'s subject, in UTF-8;
// empty when the subject has none.
std::string subject_entry(X509* certificate, int nid);

}  // namespace vanthu::sign
