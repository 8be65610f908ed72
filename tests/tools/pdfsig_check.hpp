// Test support: poppler's pdfsig, the independent validator of signed PDFs, with an NSS
// database of the test's own that trusts the test CA (tools/test_pki.hpp).
#pragma once

#include <filesystem>
#include <string>

#include "tools/pdf_probe.hpp"

namespace vanthu::testing {

// Makes an NSS database in `dir` that trusts `ca_pem` for signing; false with the output in
// `log` if certutil fails.
inline bool make_nss_db(const std::filesystem::path& dir, const std::filesystem::path& ca_pem,
                        std::string& log) {
    std::filesystem::create_directories(dir);
    const auto r = run("certutil -N -d sql:" + shell_quote(dir.string()) +
                           " --empty-password && certutil -A -d sql:" + shell_quote(dir.string()) +
                           " -n test-ca -t CT,C,C -i " + shell_quote(ca_pem.string()),
                       true);
    log = r.output;
    return r.status == 0;
}

// Adds another authority to the database of make_nss_db.
inline bool add_trusted_ca(const std::filesystem::path& dir, const std::filesystem::path& ca_pem,
                           const std::string& nickname, std::string& log) {
    const auto r = run("certutil -A -d sql:" + shell_quote(dir.string()) + " -n " +
                           shell_quote(nickname) + " -t CT,C,C -i " + shell_quote(ca_pem.string()),
                       true);
    log = r.output;
    return r.status == 0;
}

// pdfsig's report. Note: poppler 22.12 reports the certificate of a second signature made with
// the same certificate as the first as "Unknown issue with Certificate" (its NSS import of a
// certificate it already holds fails); tests of two signatures use two signers, as a joint
// document has. of `pdf` against the database in `nss_dir`.
inline CommandResult pdfsig(const std::filesystem::path& pdf,
                            const std::filesystem::path& nss_dir) {
    return run(
        "pdfsig -nssdir sql:" + shell_quote(nss_dir.string()) + " " + shell_quote(pdf.string()),
        true);
}

// How many times `needle` occurs in `haystack`.
inline int occurrences(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

}  // namespace vanthu::testing
