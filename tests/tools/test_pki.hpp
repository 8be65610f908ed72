// Test support: a throw-away certificate authority and a signer made with the openssl command,
// in a folder of the test's own, for signing tests (nothing here is fit for real use).
#pragma once

#include <filesystem>
#include <string>

#include "tools/pdf_probe.hpp"

namespace vanthu::testing {

struct TestPki {
    std::filesystem::path ca_cert;  // ca.pem: the root the checks trust
    std::filesystem::path p12;      // signer.p12: key, certificate and the CA, password below
    std::filesystem::path cert;     // signer.pem
    std::filesystem::path key;      // signer.key: the signer's key, PKCS#8 PEM
    std::string password = "mat-khau-thu";
    std::string signer_name = "Nguyễn Văn An";
    std::string organisation = "Liên đoàn Lao động thành phố Hà Nội";
};

// Makes the CA and an RSA-2048 signer under `dir`; "ec" makes a P-256 signer instead.
// Returns false (with the openssl output in `log`) if a step fails.
inline bool make_test_pki(const std::filesystem::path& dir, TestPki& pki, std::string& log,
                          const std::string& key_type = "rsa") {
    const std::string d = shell_quote(dir.string());
    const std::string key_opt =
        key_type == "ec" ? "-newkey ec -pkeyopt ec_paramgen_curve:P-256" : "-newkey rsa:2048";
    const std::string script =
        "set -e; cd " + d +
        "; openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30"
        " -subj '/CN=vanthu test CA' -addext basicConstraints=critical,CA:TRUE"
        " -addext keyUsage=critical,keyCertSign,cRLSign"
        "; openssl req " +
        key_opt +
        " -nodes -keyout signer.key -out signer.csr"
        " -subj '/CN=" +
        pki.signer_name + "/O=" + pki.organisation +
        "' -utf8"
        "; printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' > ext.cnf"
        "; openssl x509 -req -in signer.csr -CA ca.pem -CAkey ca.key -CAcreateserial"
        " -out signer.pem -days 30 -extfile ext.cnf"
        "; openssl pkcs12 -export -inkey signer.key -in signer.pem -certfile ca.pem"
        " -out signer.p12 -passout pass:" +
        pki.password;
    const auto r = run("sh -c " + shell_quote(script), true);
    log = r.output;
    pki.ca_cert = dir / "ca.pem";
    pki.p12 = dir / "signer.p12";
    pki.cert = dir / "signer.pem";
    pki.key = dir / "signer.key";
    return r.status == 0;
}

}  // namespace vanthu::testing
