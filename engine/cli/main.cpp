// vanthu: the command-line shell over vanthu::Engine.
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include "batch_command.hpp"
#include "core/allocator.hpp"
#include "core/atomic_file.hpp"
#include "core/limits.hpp"
#include "engine_flags.hpp"
#include "exit_status.hpp"
#include "output.hpp"
#include "preview_command.hpp"
#include "sign_command.hpp"
#include "templates_command.hpp"
#include "vanthu/engine.hpp"
#include "verify_command.hpp"

namespace {

using vanthu::cli::kInputError;
using vanthu::cli::kInternalError;
using vanthu::cli::kOk;
using vanthu::cli::kOutputError;

struct CommonOptions {
    vanthu::cli::EngineFlags engine;
    bool quiet = false;
};

// The first problems, then a count of the rest: thousands of them would bury the first.
void print(const std::vector<vanthu::Diagnostic>& diagnostics) {
    std::cerr << vanthu::core::format_all(diagnostics, vanthu::core::limits::kPrintedDiagnostics);
}

void add_common(CLI::App* cmd, CommonOptions& c) {
    c.engine.add_to(cmd);
    cmd->add_flag("-q,--quiet", c.quiet, "Print no warnings");
}

// Protection of an issued PDF (AES-256). Passwords may come from the environment, so that they
// do not show in the process list.
void add_protection(CLI::App* cmd, vanthu::render::Protection& p) {
    // Given but empty is a mistake (an unset shell variable), not a wish for no protection:
    // the PDF would go out unencrypted.
    const CLI::Validator not_empty(
        [](const std::string& v) {
            return v.empty() ? std::string("a password given must not be empty") : std::string();
        },
        "PASSWORD");
    cmd->add_option("--owner-password", p.owner_password,
                    "Protect the PDF: the password that allows changing it")
        ->envname("VANTHU_OWNER_PASSWORD")
        ->check(not_empty);
    cmd->add_option("--user-password", p.user_password,
                    "The password needed to open the PDF (needs --owner-password)")
        ->envname("VANTHU_USER_PASSWORD")
        ->check(not_empty);
    cmd->add_option("--permissions", p.permissions,
                    "What readers may do in a protected PDF: print,copy,modify,annotate,form,"
                    "assemble,accessibility (default: print,accessibility)")
        ->delimiter(',')
        ->check(CLI::IsMember(vanthu::render::permission_names()));
}

// The output must not be one of the inputs (`-o data.yaml` overwrote the data): checked on the
// files themselves, so another name for the same file (a link, "./d.yaml") is caught too.
void refuse_output_over_input(const std::string& output, const vanthu::RenderRequest& request) {
    namespace fs = std::filesystem;
    if (output == "-") return;
    for (const fs::path& input : {request.data_file, request.copy_data_file}) {
        std::error_code ec;
        if (input.empty() || !fs::equivalent(output, input, ec)) continue;
        throw vanthu::Error(
            vanthu::Diagnostic{vanthu::core::Severity::error,
                               "cli.output",
                               "the output " + output + " is the input file " + input.string() +
                                   ": writing the PDF would destroy it",
                               std::nullopt,
                               {"give the PDF a name of its own after -o, such as " +
                                fs::path(input).replace_extension(".pdf").filename().string()}});
    }
}

[[noreturn]] void run_render(const std::vector<std::string>& args, const std::string& output,
                             vanthu::RenderRequest request, const CommonOptions& common) {
    if (args.size() == 2) {
        request.template_name = args[0];
        request.data_file = args[1];
    } else {
        request.data_file = args[0];
    }
    refuse_output_over_input(output, request);
    // CLI11 takes an empty variable for an unset one; set but empty is a mistake all the same.
    for (const char* name : {"VANTHU_OWNER_PASSWORD", "VANTHU_USER_PASSWORD"})
        if (const char* value = std::getenv(name); value != nullptr && *value == '\0')
            throw vanthu::Error(vanthu::Diagnostic{
                vanthu::core::Severity::error,
                "cli.password",
                std::string(name) + " is set but empty: the PDF would go out unprotected",
                std::nullopt,
                {"give the password, or unset the variable to issue the PDF without protection"}});
    vanthu::core::HeapPrefault prefault(4 << 20);
    vanthu::Engine engine(common.engine.options());
    engine.warm_up();
    auto result = engine.render(request);
    if (!common.quiet) print(result.warnings);
    vanthu::cli::write_output(output, result.pdf);
    // Done: end the process here rather than free the engine's fonts, caches and templates
    // for the system to drop a moment later (about 1 ms of a 50 ms render; compilers do the
    // same). Nothing but standard output needs flushing; the warm-up thread may be dropped.
    std::fflush(nullptr);
    std::_Exit(kOk);
}

}  // namespace

int main(int argc, char** argv) {
    vanthu::core::keep_freed_memory();
    vanthu::skip_system_fonts();
    CLI::App app{"vanthu: Vietnamese official documents (Decree 30/2020/NĐ-CP) as PDF"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "vanthu 0.1.0");

    CommonOptions common;
    std::vector<std::string> render_args;
    std::string output;
    vanthu::RenderRequest request;
    auto* render = app.add_subcommand(
        "render", "Render one document: vanthu render [TEMPLATE] DATA -o OUT.pdf");
    render->add_option("args", render_args, "[TEMPLATE] DATA (.json, .yaml or .yml)")
        ->required()
        ->expected(1, 2);
    render->add_option("-o,--output", output, "Output PDF file, or - for standard output")
        ->required();
    render->add_flag("--draft", request.draft,
                     "Mark the document DỰ THẢO; missing data becomes visible placeholders");
    add_protection(render, request.protection);
    vanthu::cli::add_document_flags(render, request);
    using Writer = vanthu::RenderRequest::Writer;
    render
        ->add_option("--writer", request.writer,
                     "PDF writer: cairo (default) or haru (libharu, a second writer)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Writer>{{"cairo", Writer::cairo}, {"haru", Writer::haru}}));
    vanthu::cli::SignFlags sign_flags;
    sign_flags.add_to(render);
    add_common(render, common);
    vanthu::cli::BatchCommand batch(app);
    vanthu::cli::PreviewCommand preview(app);
    vanthu::cli::TemplatesCommand templates(app);
    vanthu::cli::SignCommand sign(app);
    vanthu::cli::VerifyCommand verify(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? kOk : kInputError;
    }

    if (batch.parsed()) return batch.run();
    if (preview.parsed()) return preview.run();
    if (templates.parsed()) return templates.run();
    if (sign.parsed()) return sign.run();
    if (verify.parsed()) return verify.run();
    try {
        request.sign = sign_flags.options();
        request.signature_fields = sign_flags.fields;
        if (render->parsed()) run_render(render_args, output, request, common);
    } catch (const vanthu::Error& e) {
        print(e.diagnostics());
        return kInputError;
    } catch (const vanthu::cli::OutputError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return kOutputError;
    } catch (const std::exception& e) {
        std::cerr << "internal error (a bug in vanthu, please report it): " << e.what() << '\n';
        return kInternalError;
    }
    return kInternalError;
}
