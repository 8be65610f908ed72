#include "sign_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/limits.hpp"
#include "exit_status.hpp"
#include "output.hpp"
#include "secret_prompt.hpp"

namespace vanthu::cli {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& code, const std::string& message,
                       const std::string& hint) {
    throw Error(Diagnostic{core::Severity::error, code, message, std::nullopt, {hint}});
}

// The key file's password: VANTHU_P12_PASSWORD (even empty: a key may have none), else typed.
std::string p12_password(const std::string& p12) {
    if (const char* env = std::getenv("VANTHU_P12_PASSWORD")) return env;
    if (auto typed = read_secret("Mật khẩu của tệp khóa " + p12 + ": ")) return *typed;
    fail("cli.password", "the key file's password is needed and there is no terminal to ask it",
         "set VANTHU_P12_PASSWORD in the environment of the program that runs vanthu");
}

}  // namespace

std::string read_pdf_file(const std::string& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        fail("sign.pdf", "cannot read " + file + ": there is no such file",
             "give the path of the PDF to sign");
    if (fs::file_size(file, ec) > core::limits::kInputFileBytes)
        fail("sign.pdf", "cannot read " + file + ": it is larger than 256 MB",
             "sign the document vanthu made");
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail("sign.pdf", "cannot read " + file, "check the file");
    return bytes;
}

void KeyFlags::add_to(CLI::App* cmd) {
    cmd->add_option("--p12", p12,
                    "The signing key: a PKCS#12 file (.p12/.pfx); its password from "
                    "VANTHU_P12_PASSWORD or typed")
        ->envname("VANTHU_P12");
    cmd->add_option("--pkcs11-module", pkcs11_module,
                    "Or a key in a token: the vendor's PKCS#11 module (.so); PIN from VANTHU_PIN "
                    "or typed")
        ->envname("VANTHU_PKCS11_MODULE");
    cmd->add_option("--token", token, "With --pkcs11-module: the token's label");
    cmd->add_option("--key", key, "With --pkcs11-module: the key's label on the token");
    cmd->add_option("--tsa", tsa,
                    "Timestamp the signature (PAdES B-T) at this RFC 3161 authority, e.g. "
                    "http://tsa.example.vn/tsa")
        ->envname("VANTHU_TSA");
}

SignOptions KeyFlags::options() const {
    SignOptions o;
    o.tsa_url = tsa;
    if (!pkcs11_module.empty()) {
        if (!p12.empty())
            fail("cli.sign", "--p12 and --pkcs11-module both name a key", "give one of them");
        if (token.empty() || key.empty())
            fail("cli.sign", "--pkcs11-module needs --token and --key",
                 "list the token's labels with: pkcs11-tool --module " + pkcs11_module +
                     " --list-token-slots --login --list-objects");
        o.pkcs11_module = pkcs11_module;
        o.token = token;
        o.key_label = key;
        if (const char* env = std::getenv("VANTHU_PIN")) {
            o.pin = env;
        } else if (auto typed = read_secret("Mã PIN của thiết bị ký số " + token + ": ")) {
            o.pin = *typed;
        } else {
            fail("cli.password", "the token's PIN is needed and there is no terminal to ask it",
                 "set VANTHU_PIN in the environment of the program that runs vanthu");
        }
        return o;
    }
    if (p12.empty())
        fail("cli.sign", "no signing key is named",
             "give --p12 FILE (a .p12 or .pfx file), or --pkcs11-module LIB --token LABEL --key "
             "LABEL for a key in a token");
    o.p12_file = p12;
    o.p12_password = p12_password(p12);
    return o;
}

void AppearanceFlags::add_to(CLI::App* cmd) {
    cmd->add_option("--signature-image", signature_image,
                    "The signer's image in the signature: a blue, transparent PNG, centred "
                    "between the title lines and the name");
    cmd->add_option("--seal-image", seal_image,
                    "The organisation's seal in the signature: a red, transparent PNG over the "
                    "left third of the signer's image");
    cmd->add_option("--seal-size", seal_size, "The seal's real width in millimetres (default 40)")
        ->check(CLI::Range(10.0, 80.0));
}

void AppearanceFlags::apply_to(SignOptions& options) const {
    options.signature_image = signature_image;
    options.seal_image = seal_image;
    options.seal_width_mm = seal_size;
}

void SignFlags::add_to(CLI::App* cmd) {
    cmd->add_flag("--sign", sign,
                  "Sign the PDF (PAdES) over the signer's block, with the key of --p12 or "
                  "--pkcs11-module; every other signer's block gets an empty signature field");
    cmd->add_flag("--signature-fields", fields,
                  "Without --sign: only an empty signature field over every signer's block, for "
                  "each body to sign later with vanthu sign");
    key.add_to(cmd);
    look.add_to(cmd);
}

std::optional<SignOptions> SignFlags::options() const {
    if (!sign) {
        if (!look.signature_image.empty() || !look.seal_image.empty())
            fail("cli.sign", "--signature-image and --seal-image go with --sign",
                 "add --sign and the key (--p12 or --pkcs11-module), or sign later with vanthu "
                 "sign");
        return std::nullopt;
    }
    SignOptions o = key.options();
    look.apply_to(o);
    return o;
}

struct SignCommand::Options {
    std::string input, output;
    KeyFlags key;
    std::vector<double> at;  // PAGE, X, Y, W, H (mm)
    AppearanceFlags look;
    SignOptions sign;
};

SignCommand::SignCommand(CLI::App& app) : o_(std::make_unique<Options>()) {
    cmd_ =
        app.add_subcommand("sign", "Sign a finished PDF: vanthu sign IN.pdf -o OUT.pdf --p12 KEY");
    cmd_->add_option("input", o_->input, "The PDF to sign")->required();
    cmd_->add_option("-o,--output", o_->output, "The signed PDF, or - for standard output")
        ->required();
    o_->key.add_to(cmd_);
    cmd_->add_option("--at", o_->at,
                     "Where the signature shows: PAGE,X,Y,W,H (millimetres from the page's "
                     "top-left corner); default: the PDF's first empty signature field, else "
                     "invisible on page 1")
        ->delimiter(',')
        ->expected(5);
    cmd_->add_option("--field", o_->sign.field,
                     "The empty signature field to sign: \"Chữ ký 1\", \"Chữ ký 2\" … in page "
                     "order; not with --at");
    o_->look.add_to(cmd_);
    cmd_->add_option("--organisation-text", o_->sign.organisation_text,
                     "The organisation's signature of an appendix or a copy in a file of its "
                     "own: this text (the number and symbol, or the copy form such as SAO Y), "
                     "the organisation and the time at the top right of page 1 in 10 pt, no "
                     "image");
    cmd_->add_option("--name", o_->sign.signer_name,
                     "The signer's name readers show (default: from the certificate)");
    cmd_->add_option("--organisation", o_->sign.organisation, "The signing organisation");
    cmd_->add_option("--location", o_->sign.location, "Where it is signed, e.g. Hà Nội");
}

SignCommand::~SignCommand() = default;

bool SignCommand::parsed() const { return cmd_->parsed(); }

int SignCommand::run() {
    try {
        std::error_code ec;
        if (o_->output != "-" && fs::equivalent(o_->output, o_->input, ec))
            fail("cli.output", "the output " + o_->output + " is the PDF being signed",
                 "give the signed PDF a name of its own after -o");
        SignPlace place;
        if (!o_->at.empty()) {
            if (o_->at[0] < 1 || o_->at[3] < 0 || o_->at[4] < 0)
                fail("cli.sign", "--at PAGE,X,Y,W,H needs a page from 1 and no negative size",
                     "for example --at 1,110,230,70,30");
            place = {static_cast<int>(o_->at[0]), o_->at[1], o_->at[2], o_->at[3], o_->at[4]};
        }
        SignOptions options = o_->key.options();
        options.signer_name = o_->sign.signer_name;
        options.organisation = o_->sign.organisation;
        options.location = o_->sign.location;
        options.field = o_->sign.field;
        options.organisation_text = o_->sign.organisation_text;
        o_->look.apply_to(options);
        write_output(o_->output, sign_pdf(read_pdf_file(o_->input), options, place));
        return kOk;
    } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format(d);
        return kInputError;
    } catch (const OutputError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kOutputError;
    } catch (const std::exception& e) {
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }
}

}  // namespace vanthu::cli
