// The HTTP side of a timestamp request. libcurl is opened by its soname on the first request,
// as qpdf is for protection: a render or a signature without --tsa does not pay for loading
// it and the libraries it brings (TLS, HTTP/2, IDN).
#include <curl/curl.h>

#include <memory>
#include <string>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "core/shared_library.hpp"
#include "sign/timestamp.hpp"

namespace vanthu::sign {
namespace {

[[noreturn]] void fail_tsa(const std::string& message, const std::string& hint) {
    throw core::Failure(
        core::Diagnostic{core::Severity::error, "sign.tsa", message, std::nullopt, {hint}});
}

struct CurlApi {
    CURLcode (*global_init)(long) = nullptr;
    CURL* (*easy_init)() = nullptr;
    CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
    CURLcode (*easy_perform)(CURL*) = nullptr;
    CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
    void (*easy_cleanup)(CURL*) = nullptr;
    const char* (*easy_strerror)(CURLcode) = nullptr;
    curl_slist* (*slist_append)(curl_slist*, const char*) = nullptr;
    void (*slist_free_all)(curl_slist*) = nullptr;
    std::string problem;  // why libcurl cannot be used; empty when it can
};

const CurlApi& curl_api() {
    static const CurlApi api = [] {
        CurlApi a;
        void* library = core::open_shared_library(VANTHU_CURL_SONAME, a.problem);  // kept open
        if (!library) return a;
        core::bind_function(library, "curl_global_init", a.global_init, a.problem);
        core::bind_function(library, "curl_easy_init", a.easy_init, a.problem);
        core::bind_function(library, "curl_easy_setopt", a.easy_setopt, a.problem);
        core::bind_function(library, "curl_easy_perform", a.easy_perform, a.problem);
        core::bind_function(library, "curl_easy_getinfo", a.easy_getinfo, a.problem);
        core::bind_function(library, "curl_easy_cleanup", a.easy_cleanup, a.problem);
        core::bind_function(library, "curl_easy_strerror", a.easy_strerror, a.problem);
        core::bind_function(library, "curl_slist_append", a.slist_append, a.problem);
        core::bind_function(library, "curl_slist_free_all", a.slist_free_all, a.problem);
        // Once, before any thread could race on it (curl_easy_init would do it lazily).
        if (a.problem.empty() && a.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            a.problem = "curl_global_init failed";
        return a;
    }();
    return api;
}

struct Reply {
    std::string body;
    bool too_large = false;
};

size_t take(char* data, size_t size, size_t count, void* user) {
    auto& reply = *static_cast<Reply*>(user);
    const size_t n = size * count;
    if (reply.body.size() + n > core::limits::kTsaReplyBytes) {
        reply.too_large = true;
        return 0;  // libcurl stops with CURLE_WRITE_ERROR
    }
    reply.body.append(data, n);
    return n;
}

}  // namespace

std::string post_to_tsa(const std::string& url, const std::string& query) {
    const CurlApi& c = curl_api();
    if (!c.problem.empty())
        fail_tsa("cannot ask the timestamp authority " + url +
                     ": the HTTP library is missing (" VANTHU_CURL_SONAME "): " + c.problem,
                 "install the Debian package libcurl4");
    if (!url.starts_with("http://") && !url.starts_with("https://"))
        fail_tsa("the timestamp authority's address " + url + " is not an http:// or https:// URL",
                 "give the address your certificate provider publishes for timestamps, e.g. "
                 "--tsa http://tsa.example.vn/tsa");
    const std::unique_ptr<CURL, void (*)(CURL*)> curl(c.easy_init(), c.easy_cleanup);
    if (!curl) fail_tsa("cannot ask the timestamp authority " + url, "try again");
    curl_slist* headers = c.slist_append(nullptr, "Content-Type: application/timestamp-query");
    const std::unique_ptr<curl_slist, void (*)(curl_slist*)> header_list(headers, c.slist_free_all);
    Reply reply;
    char error[CURL_ERROR_SIZE] = {};
    CURL* h = curl.get();
    c.easy_setopt(h, CURLOPT_URL, url.c_str());
    c.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    c.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    c.easy_setopt(h, CURLOPT_CONNECTTIMEOUT, core::limits::kTsaSeconds);
    c.easy_setopt(h, CURLOPT_TIMEOUT, core::limits::kTsaSeconds);
    c.easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    c.easy_setopt(h, CURLOPT_POSTFIELDS, query.data());
    c.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(query.size()));
    c.easy_setopt(h, CURLOPT_WRITEFUNCTION, &take);
    c.easy_setopt(h, CURLOPT_WRITEDATA, &reply);
    c.easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    c.easy_setopt(h, CURLOPT_USERAGENT, "vanthu");
    const CURLcode done = c.easy_perform(h);
    if (reply.too_large)
        fail_tsa("the timestamp authority " + url + " sent a reply larger than " +
                     std::to_string(core::limits::kTsaReplyBytes >> 10) +
                     " kB; it is not a timestamp",
                 "check the --tsa address: it should be the authority's RFC 3161 address");
    if (done != CURLE_OK) {
        const std::string why = *error ? error : c.easy_strerror(done);
        const std::string hint =
            done == CURLE_OPERATION_TIMEDOUT
                ? "the authority did not answer within " +
                      std::to_string(core::limits::kTsaSeconds) +
                      " s; try again later, or ask your certificate provider"
                : "check the --tsa address and the network connection (a proxy is taken from "
                  "the environment: https_proxy, http_proxy), then sign again";
        fail_tsa("cannot reach the timestamp authority " + url + ": " + why, hint);
    }
    long status = 0;
    c.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200)
        fail_tsa("the timestamp authority " + url + " refused the request (HTTP status " +
                     std::to_string(status) + ")",
                 "check the --tsa address; an authority that needs an account or a password "
                 "is not supported yet");
    return std::move(reply.body);
}

}  // namespace vanthu::sign
