// vanthu: Vietnamese official documents (Decree 30/2020/NĐ-CP) from data and templates.
//
//   vanthu::Engine engine;                       // fonts and templates from the install
//   auto result = engine.render({.data_file = "samples/cong-van-576/data.yaml"});
//   // result.pdf holds the PDF's bytes; result.warnings what was worth saying.
//
// Errors are thrown as vanthu::Error, which carries every diagnostic found (each with its
// file:line:column where there is one). An Engine is not thread-safe: use one per thread.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/diagnostics.hpp"
#include "input/catalogue.hpp"
#include "layout/pages.hpp"
#include "model/document.hpp"
#include "render/pdf_finish.hpp"

namespace vanthu {

using Diagnostic = core::Diagnostic;
using Error = core::Failure;
using core::format;
using TemplateSummary = input::TemplateSummary;
using TemplateField = input::FieldInfo;

// Keeps fontconfig from loading the system's font configuration, which the engine never uses
// (it sets its fonts from fonts.json and font folders only) but which Pango would otherwise
// load in every process before the first document: about 6 ms. Makes an empty configuration
// fontconfig's process-wide default, so call it first, and only in a program that uses
// fontconfig through vanthu alone (the vanthu command does).
void skip_system_fonts();

struct EngineOptions {
    // Folder holding templates/ and fonts/fonts.json. Empty: the VANTHU_DATA_DIR environment
    // variable, else the folder the engine was built from.
    std::filesystem::path data_dir;
    // Extra folders of font files (an office's own Times New Roman, for instance).
    std::vector<std::filesystem::path> font_dirs;
    // Font family to use; empty: the first available of fonts.json's "preference".
    std::string font_family;
    // How many shaped paragraphs to keep for reuse by later documents (0: none). Identical
    // paragraphs at identical widths give identical lines, so a batch lays its common text
    // out once.
    size_t reuse_shaped_text = 0;
};

// Signing an issued document with a PAdES baseline B-B signature, B-T with a timestamp
// authority (docs/cli.md, "vanthu sign"): the key, and the time claimed. Passwords given here are
// never logged or written.
struct SignOptions {
    // The key in a file: PKCS#12 (.p12, .pfx) with the key and certificate, and its password.
    std::filesystem::path p12_file;
    std::string p12_password;
    // Or the key in a PKCS#11 token (a USB key): the vendor's module, the token's label, the
    // key's label and the user PIN. Used when pkcs11_module is set.
    std::filesystem::path pkcs11_module;
    std::string token;
    std::string key_label;
    std::string pin;
    // The claimed signing time, seconds since 1970 UTC; -1: SOURCE_DATE_EPOCH when set, else now.
    long long time = -1;
    // Shown by PDF readers with the signature; empty: the certificate's name and organisation.
    std::string signer_name;
    std::string organisation;
    std::string location;
    // The look (nd30.md ô 7c, ô 8): the signer's image (a blue, transparent PNG) centred in the
    // signature space, and the organisation's seal (red PNG) `seal_width_mm` wide over about
    // its left third. Files of the key holder, read as the key file is (a regular PNG file
    // within limits::kImageFileBytes and kImagePixels); empty: none (an image-less signature).
    std::filesystem::path signature_image;
    std::filesystem::path seal_image;
    double seal_width_mm = 40;
    // sign_pdf without a place: the empty signature field of that name ("Chữ ký 2"); empty:
    // the file's first empty one (invisible on page 1 when it has none).
    std::string field;
    // sign_pdf: the organisation's signature of an appendix or a copy in a file of its own
    // (nd30.md §2.13, §2.14; Mẫu 2.2, 3.2): this text (the number and symbol, e.g. "Số:
    // 620/CTPH-LĐLĐ-HLHPN", or the copy form, "SAO Y"), the organisation (`organisation`, else
    // the certificate's) and the signing time at the top right of page 1 in 10 pt, no image.
    std::string organisation_text;
    // A timestamp authority's RFC 3161 address (http:// or https://): the signature gets its
    // timestamp (PAdES B-T), proof that it existed at the authority's time; empty: none (B-B).
    std::string tsa_url;
};

// Where a signature shows on a page, in millimetres from the page's top-left corner; a zero
// width makes an invisible signature (still listed by readers).
struct SignPlace {
    int page = 1;
    double x_mm = 0, y_mm = 0, width_mm = 0, height_mm = 0;
};

// `pdf` with a signature added as an incremental update, so that what was there (an earlier
// signature too) stays valid. A place of zero width: in an empty signature field
// (SignOptions::field). Throws Error: sign.key (the key file or its password), sign.pdf
// (a PDF that cannot be signed: protected, damaged, no such page or field), sign.image.
std::string sign_pdf(std::string pdf, const SignOptions& options, const SignPlace& place = {});

// Opens the key `options` names and closes it again: throws Error (sign.key) as signing would,
// for a wrong password or PIN, a missing key file, token or key.
void check_signing_key(const SignOptions& options);

// One signature of a PDF as `verify_pdf` found it (`vanthu verify`).
struct SignatureStatus {
    std::string field;         // the signature field's name, e.g. "Chữ ký 1"
    std::string signer;        // the certificate's common name
    std::string organisation;  // the certificate's organisation
    std::string time;          // claimed signing time, ISO 8601 ("2026-12-07T15:00:00+07:00")
    std::string sub_filter;    // "ETSI.CAdES.detached" for PAdES
    bool intact = false;       // the bytes it signed are unchanged
    std::string problem;       // why not intact; empty when intact
    // What the file gained after it: "nothing", "signatures" (later signatures only) or
    // "changes" (the document was altered after it was signed).
    std::string after;
    // "trusted" (its certificate leads to an authority of ca_file), "not checked" (no
    // ca_file), or why not.
    std::string chain;
    // The RFC 3161 timestamp the signature carries (PAdES B-T): its time, ISO 8601 in Vietnam's
    // time; empty when it has none. timestamp_problem says why it does not vouch for this
    // signature (its imprint is not this signature's); empty when it does.
    std::string timestamp;
    std::string timestamp_authority;  // the authority's common name, when the token names it
    std::string timestamp_problem;
    bool ok(bool chain_checked) const {
        return intact && after != "changes" && (!chain_checked || chain == "trusted") &&
               timestamp_problem.empty();
    }
};

// Every signature of `pdf`, checked; `ca_file` (PEM, may be empty) holds the trusted
// authorities. Throws Error (sign.pdf, sign.ca) for a file it cannot read.
std::vector<SignatureStatus> verify_pdf(const std::string& pdf,
                                        const std::filesystem::path& ca_file = {});

struct RenderRequest {
    std::filesystem::path data_file;  // .json, .yaml or .yml
    // Template name (a folder of templates/) or a path to a template folder. Empty: the data's
    // own "template" field.
    std::string template_name;
    // Draft: names missing from the data become visible placeholders ("[ngay]") instead of
    // errors, and page 1 carries the boxed DỰ THẢO mark (unless the data gives its own, such
    // as "Dự thảo lần 2"). The mark sits in the top margin: nothing else moves.
    bool draft = false;
    // Data already in memory (a batch row merged over common data), used instead of reading
    // data_file; data_file then names it in messages and relative image paths start from its
    // folder. Must stay alive during the call.
    const nlohmann::json* data = nullptr;
    // Passwords and permissions (AES-256) for an issued document; none by default.
    render::Protection protection;
    // The PDF writer: Cairo (the default), or libharu, a second writer over the same pages
    // (docs/architecture.md says what it cannot do).
    enum class Writer { cairo, haru };
    Writer writer = Writer::cairo;
    // A copy (bản sao, Mẫu 3.1): "sao-y", "sao-luc" or "trich-sao"; empty: the data's
    // ban_sao.hinh_thuc when it has a ban_sao, else no copy block. The copying body's data comes
    // from the data's ban_sao, or from copy_data_file (YAML or JSON, the fields of ban_sao at its
    // top level), which replaces it.
    std::string copy;
    std::filesystem::path copy_data_file;
    // Folders besides the data file's folder that files named by the data (signature images, a
    // template named by path) may come from, and besides a template's own folder that its files
    // (manifest.json, main.mustache, partials) may be links into (--allow-path DIR). Symbolic
    // links are resolved before the check; anything else is refused with data.path or
    // template.path. Data handed over in `data` takes its folder from data_file's name; data
    // read from a pipe, or without a data_file, has no folder: only these.
    std::vector<std::filesystem::path> allowed_paths;
    // false (--no-fit): keep the default spacing and size even where tightening them would save
    // a page; true: as the data's vua_trang says (default: tighten).
    bool fit = true;
    // Sign the PDF (--sign): every signer's signature space (ô 7c) of the main document gets
    // an empty signature field ("Chữ ký 1", "Chữ ký 2" … in page order) and the document's own
    // signer's (nguoi_ky: the host's of a joint document, on the right) is signed; the other
    // bodies sign theirs later (sign_pdf). Not together with protection.
    std::optional<SignOptions> sign;
    // Without `sign`: only the empty signature fields (--signature-fields), for a document each
    // body signs in turn.
    bool signature_fields = false;
};

// The mark a draft carries when its data names none.
inline constexpr const char* kDraftMark = "DỰ THẢO";

struct RenderResult {
    std::string pdf;  // the PDF file's bytes
    int page_count = 0;
    std::vector<Diagnostic> warnings;
};

class Engine {
  public:
    explicit Engine(EngineOptions options = {});
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Starts, on another thread, the work every first render does whatever the request: the
    // font family is opened and loaded, then its character sets are read, the Vietnamese
    // text rules compiled and Cairo's PDF writer set up. The first render() overlaps it with
    // reading and expanding its data instead of waiting for it (the vanthu command's render
    // and preview call it). Optional: without it the same work happens on first use, and the
    // output is the same either way. The thread goes on for a few ms after the first layout
    // has its fonts; the destructor waits for it. After warm_up(), do not fork() until the
    // engine is destroyed.
    void warm_up();

    RenderResult render(const RenderRequest& request);
    // The document as the text stage leaves it for layout (the copy block, the fit switch …),
    // for tools and tests.
    model::Document document(const RenderRequest& request,
                             std::vector<Diagnostic>* warnings = nullptr);
    // The laid-out pages, for previews, checks and tests.
    layout::Pages layout(const RenderRequest& request, std::vector<Diagnostic>* warnings = nullptr);
    // PNG images of the pages at `dpi`, one file's bytes per page; the warnings go to
    // `warnings` when given.
    std::vector<std::string> render_png(const RenderRequest& request, double dpi,
                                        std::vector<Diagnostic>* warnings = nullptr);
    // SVG images of the pages (glyphs as outlines), one file's bytes per page.
    std::vector<std::string> render_svg(const RenderRequest& request,
                                        std::vector<Diagnostic>* warnings = nullptr);

    // Loads template `name` (as RenderRequest::template_name) and returns its text with partials
    // inlined and its manifest, which together decide what it makes of data. Throws Error for
    // an unknown or broken template. `allowed`: as RenderRequest::allowed_paths.
    std::string template_source(const std::string& name,
                                const std::vector<std::filesystem::path>& allowed = {});
    // The top-level fields template `name`'s manifest declares ("properties"); empty when it
    // declares none (then it checks no field names).
    std::vector<std::string> template_fields(
        const std::string& name, const std::vector<std::filesystem::path>& allowed = {});
    // The built-in templates (the templates/ folder of the data dir), sorted by name, each with
    // its manifest's description (`vanthu templates`).
    std::vector<TemplateSummary> templates() const;
    // Every field template `name` declares, nested fields after their parent, with an example
    // value from the example.yaml beside its manifest when there is one (`vanthu templates
    // NAME`). Throws Error for an unknown or broken template, as render() does.
    std::vector<TemplateField> template_field_info(const std::string& name);

    // How many times this engine opened a signing key for RenderRequest::sign: it keeps the
    // key open for the next documents signed with the same key (a batch worker opens it once).
    int signing_keys_opened() const;

    const std::filesystem::path& data_dir() const;
    // The font family in use (after resolving preferences).
    std::string font_family();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace vanthu
