#include "verify_command.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

#include "exit_status.hpp"
#include "sign_command.hpp"
#include "vanthu/engine.hpp"

namespace vanthu::cli {
namespace {

std::string after_text(const std::string& after) {
    if (after == "nothing") return "nothing was changed";
    if (after == "signatures") return "only later signatures were added";
    return "THE DOCUMENT WAS CHANGED after this signature";
}

std::string chain_text(const std::string& chain) {
    if (chain == "trusted") return "trusted (issued under an authority of --ca-file)";
    if (chain == "not checked") return "not checked (give --ca-file with the trusted authorities)";
    return "NOT TRUSTED: " + chain;
}

std::string timestamp_text(const SignatureStatus& c, bool chain_checked) {
    if (c.timestamp.empty() && c.timestamp_problem.empty()) return "none";
    std::string out = c.timestamp.empty() ? "?" : c.timestamp;
    if (!c.timestamp_authority.empty()) out += " by " + c.timestamp_authority;
    if (!c.timestamp_problem.empty()) return out + " NOT GOOD: " + c.timestamp_problem;
    return out + (chain_checked ? " (it stamps this signature; its authority is trusted)"
                                : " (it stamps this signature)");
}

void print_text(const std::string& file, const std::vector<SignatureStatus>& checks,
                bool chain_checked) {
    std::cout << file << ": " << checks.size()
              << (checks.size() == 1 ? " signature\n" : " signatures\n");
    for (const auto& c : checks) {
        std::cout << (c.field.empty() ? std::string("(unnamed)") : c.field) << ": "
                  << (c.ok(chain_checked) ? "good" : "NOT GOOD") << '\n';
        std::cout << "  signer:       " << c.signer;
        if (!c.organisation.empty()) std::cout << " (" << c.organisation << ')';
        std::cout << "\n  signed at:    " << (c.time.empty() ? "not given" : c.time) << '\n';
        std::cout << "  timestamp:    " << timestamp_text(c, chain_checked) << '\n';
        std::cout << "  type:         " << c.sub_filter << '\n';
        std::cout << "  signed bytes: " << (c.intact ? "intact" : "BROKEN: " + c.problem) << '\n';
        std::cout << "  after it:     " << after_text(c.after) << '\n';
        std::cout << "  certificate:  " << chain_text(c.chain) << '\n';
    }
}

}  // namespace

struct VerifyCommand::Options {
    std::string input;
    std::string ca_file;
    bool json = false;
};

VerifyCommand::VerifyCommand(CLI::App& app) : o_(std::make_unique<Options>()) {
    cmd_ = app.add_subcommand("verify", "Check the signatures of a PDF: vanthu verify FILE.pdf");
    cmd_->add_option("file", o_->input, "The signed PDF")->required();
    cmd_->add_option("--ca-file", o_->ca_file,
                     "PEM file of the trusted authorities (root certificates); without it the "
                     "certificates are not checked");
    cmd_->add_flag("--json", o_->json, "Print the result as JSON");
}

VerifyCommand::~VerifyCommand() = default;

bool VerifyCommand::parsed() const { return cmd_->parsed(); }

int VerifyCommand::run() {
    try {
        const auto checks = verify_pdf(read_pdf_file(o_->input), o_->ca_file);
        const bool chain_checked = !o_->ca_file.empty();
        bool all_good = !checks.empty();
        for (const auto& c : checks) all_good = all_good && c.ok(chain_checked);
        if (o_->json) {
            nlohmann::json out = {
                {"file", o_->input}, {"ok", all_good}, {"signatures", nlohmann::json::array()}};
            for (const auto& c : checks)
                out["signatures"].push_back({{"field", c.field},
                                             {"signer", c.signer},
                                             {"organisation", c.organisation},
                                             {"time", c.time},
                                             {"sub_filter", c.sub_filter},
                                             {"intact", c.intact},
                                             {"problem", c.problem},
                                             {"after", c.after},
                                             {"chain", c.chain},
                                             {"timestamp", c.timestamp},
                                             {"timestamp_authority", c.timestamp_authority},
                                             {"timestamp_problem", c.timestamp_problem},
                                             {"ok", c.ok(chain_checked)}});
            std::cout << out.dump(2) << '\n';
        } else if (checks.empty()) {
            std::cout << o_->input << ": no signature\n";
        } else {
            print_text(o_->input, checks, chain_checked);
        }
        return all_good ? kOk : kCheckFailed;
    } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << format(d);
        return kInputError;
    } catch (const std::exception& e) {
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }
}

}  // namespace vanthu::cli
