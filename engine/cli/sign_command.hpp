// "vanthu sign" (a finished PDF) and the signing flags of "vanthu render" (--sign): the key
// from a PKCS#12 file, its password from VANTHU_P12_PASSWORD or typed at the terminal
// (docs/cli.md, "vanthu sign").
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

#include "vanthu/engine.hpp"

namespace vanthu::cli {

// The bytes of a PDF to sign or check. Throws vanthu::Error (sign.pdf) for a missing file, one
// that is not a regular file, or one over the input size limit.
std::string read_pdf_file(const std::string& file);

// Where the signing key is: --p12 FILE, or --pkcs11-module LIB --token LABEL --key LABEL; and
// --tsa URL, the timestamp authority.
struct KeyFlags {
    std::string p12, pkcs11_module, token, key;
    std::string tsa;  // --tsa URL: a timestamp (PAdES B-T)
    void add_to(CLI::App* cmd);
    // The key part of SignOptions, the password or PIN read now (environment, else typed).
    // Throws vanthu::Error when no key is named or its secret cannot be had.
    SignOptions options() const;
};

// The signature's look: --signature-image PNG, --seal-image PNG, --seal-size MM.
struct AppearanceFlags {
    std::string signature_image, seal_image;
    double seal_size = 40;
    void add_to(CLI::App* cmd);
    void apply_to(SignOptions& options) const;
};

// --sign (with the key and look flags) and --signature-fields on a command that renders.
struct SignFlags {
    bool sign = false;
    bool fields = false;
    KeyFlags key;
    AppearanceFlags look;
    void add_to(CLI::App* cmd);
    // The options for RenderRequest::sign when --sign was given.
    std::optional<SignOptions> options() const;
};

class SignCommand {
  public:
    explicit SignCommand(CLI::App& app);
    ~SignCommand();
    bool parsed() const;
    int run();  // the exit status (docs/cli.md); prints every message itself

  private:
    struct Options;
    std::unique_ptr<Options> o_;
    CLI::App* cmd_ = nullptr;
};

}  // namespace vanthu::cli
