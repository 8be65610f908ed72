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

// A timestamp authority of the test CA (`openssl ts -reply`): its key, its certificate with the
// critical timeStamping extended key usage (RFC 3161 §2.3), and the openssl ts configuration.
struct TestTsaKeys {
    std::filesystem::path config;  // tsa.cnf, section tsa_config1
    std::filesystem::path cert;    // tsa.pem
    std::string name = "vanthu test TSA";
};

// Makes the authority under `dir` (the folder make_test_pki used, holding ca.pem and ca.key).
inline bool make_test_tsa_keys(const std::filesystem::path& dir, TestTsaKeys& tsa,
                               std::string& log) {
    const std::string d = shell_quote(dir.string());
    tsa.config = dir / "tsa.cnf";
    tsa.cert = dir / "tsa.pem";
    write_file(tsa.config,
               "[ tsa ]\ndefault_tsa = tsa_config1\n[ tsa_config1 ]\ndir = " + dir.string() +
                   "\nserial = $dir/tsaserial\ncrypto_device = builtin\n"
                   "signer_cert = $dir/tsa.pem\ncerts = $dir/ca.pem\n"
                   "signer_key = $dir/tsa.key\nsigner_digest = sha256\n"
                   "default_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\n"
                   "accuracy = secs:1\nordering = yes\ntsa_name = yes\n"
                   "ess_cert_id_chain = no\ness_cert_id_alg = sha256\n");
    write_file(dir / "tsaserial", "01\n");
    const std::string script =
        "set -e; cd " + d +
        "; openssl req -newkey rsa:2048 -nodes -keyout tsa.key -out tsa.csr -subj '/CN=" +
        tsa.name +
        "'; printf 'extendedKeyUsage=critical,timeStamping\\nkeyUsage=critical,digitalSignature\\n'"
        " > tsa-ext.cnf"
        "; openssl x509 -req -in tsa.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out tsa.pem"
        " -days 30 -extfile tsa-ext.cnf";
    const auto r = run("sh -c " + shell_quote(script), true);
    log = r.output;
    return r.status == 0;
}

}  // namespace vanthu::testing
