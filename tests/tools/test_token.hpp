// Test support: a SoftHSM2 token of the test's own holding the test signer's key and
// certificate (tools/test_pki.hpp), for the PKCS#11 path. Made with softhsm2-util and OpenSC's
// pkcs11-tool in the test's folder; removed with it.
#pragma once

#include <filesystem>
#include <string>

#include "tools/pdf_probe.hpp"
#include "tools/test_pki.hpp"

namespace vanthu::testing {

struct TestToken {
    std::filesystem::path conf;  // SOFTHSM2_CONF for every process that opens the token
    std::string module = "/usr/lib/softhsm/libsofthsm2.so";
    std::string label = "vanthu-test";
    std::string key_label = "ky-so";
    std::string pin = "246810";
    // "SOFTHSM2_CONF='…' " to put before a command.
    std::string env() const { return "SOFTHSM2_CONF=" + shell_quote(conf.string()) + " "; }
};

inline bool make_test_token(const std::filesystem::path& dir, const TestPki& pki, TestToken& t,
                            std::string& log) {
    std::filesystem::create_directories(dir / "tokens");
    t.conf = dir / "softhsm2.conf";
    write_file(t.conf, "directories.tokendir = " + (dir / "tokens").string() +
                           "\nobjectstore.backend = file\nlog.level = ERROR\n");
    const std::string script =
        t.env() + "softhsm2-util --init-token --free --label " + t.label + " --pin " + t.pin +
        " --so-pin 13579111 && " + t.env() + "softhsm2-util --import " +
        shell_quote(pki.key.string()) + " --token " + t.label + " --label " + t.key_label +
        " --id 01 --pin " + t.pin + " && openssl x509 -in " + shell_quote(pki.cert.string()) +
        " -outform DER -out " + shell_quote((dir / "signer.der").string()) + " && " + t.env() +
        "pkcs11-tool --module " + t.module + " --token-label " + t.label + " --login --pin " +
        t.pin + " --write-object " + shell_quote((dir / "signer.der").string()) +
        " --type cert --id 01 --label " + t.key_label;
    const auto r = run("sh -c " + shell_quote(script), true);
    log = r.output;
    return r.status == 0;
}

}  // namespace vanthu::testing
