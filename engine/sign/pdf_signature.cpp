#include "sign/pdf_signature.hpp"

#include <openssl/evp.h>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>

#include "core/diagnostics.hpp"
#include "render/pdf_update.hpp"
#include "sign/cms.hpp"
#include "sign/pdf_objects.hpp"

namespace vanthu::sign {
namespace {

[[noreturn]] void fail_pdf(const std::string& why) {
    throw core::Failure(core::Diagnostic{
        core::Severity::error, "sign.pdf", "cannot sign this PDF: " + why, {}, {}});
}

// The object number of page `wanted` (1-based), walking the page tree (§7.7.3).
int find_page(const std::string& pdf, const render::PdfTail& tail, int node, int& wanted,
              int depth) {
    if (depth > 64) fail_pdf("its page tree is nested too deeply");
    const Entries e = render::dictionary_entries(render::object_dictionary(pdf, tail, node));
    const auto type = entry(e, "Type");
    if (type && *type == "/Page") return --wanted == 0 ? node : 0;
    const auto kids = entry(e, "Kids");
    if (!kids) fail_pdf("a node of its page tree has no /Kids");
    for (int kid : references(*kids))
        if (const int found = find_page(pdf, tail, kid, wanted, depth + 1)) return found;
    return 0;
}

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Signs once with the largest signature the key can make, to size /Contents exactly: a real
// signature is never longer (an ECDSA one may be a few bytes shorter).
class SizeProbe final : public Signer {
  public:
    explicit SizeProbe(const Signer& real) : real_(real) {}
    X509* certificate() const override { return real_.certificate(); }
    std::vector<X509*> chain() const override { return real_.chain(); }
    std::string sign_sha256(std::string_view) const override {
        return std::string(
            static_cast<size_t>(EVP_PKEY_get_size(X509_get0_pubkey(real_.certificate()))), '\xff');
    }

  private:
    const Signer& real_;
};

// The top of the page's /MediaBox [x0 y0 x1 y1], which Cairo writes on every page.
double page_height(const Entries& page) {
    const auto box = entry(page, "MediaBox");
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!box || std::sscanf(box->c_str(), "[ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1) != 4)
        fail_pdf("its page has no /MediaBox of its own");
    return y1;
}

constexpr std::string_view kByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

}  // namespace

std::string pdf_time_vietnam(long long unix_seconds) {
    const std::time_t local = static_cast<std::time_t>(unix_seconds + 7 * 3600);
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%S+07'00'", &tm);
    return buf;
}

namespace {

// The timestamp token came out larger than the room left for it: sign again with `needed`.
struct TokenRoom {
    size_t needed;
};

std::string sign_readable(std::string pdf, const Signer& signer, const SignatureDetails& details,
                          size_t token_room) {
    const render::PdfTail tail = render::read_tail_chain(pdf);
    if (tail.encrypted)
        fail_pdf("it is protected with a password; sign the document before protecting it");

    Entries catalog = render::dictionary_entries(render::object_dictionary(pdf, tail, tail.root));
    const auto pages = entry(catalog, "Pages");
    if (!pages || !reference_number(*pages)) fail_pdf("its catalog has no page tree");
    int wanted = details.place.page;
    const int page = wanted >= 1 ? find_page(pdf, tail, reference_number(*pages), wanted, 0) : 0;
    if (!page)
        fail_pdf("it has no page " + std::to_string(details.place.page) +
                 " to put the signature on");

    int next = static_cast<int>(tail.size);
    const int sig = next++, widget = next++, appearance = next++;
    std::vector<render::UpdatedObject> objects;

    // The form: the catalog's /AcroForm (an object of its own, as this writes it) gains the
    // field; a file without one gets one.
    int field_count = 0;
    const auto acroform_value = entry(catalog, "AcroForm");
    Entries acroform;
    int acroform_number = 0;
    if (acroform_value) {
        acroform_number = reference_number(*acroform_value);
        if (!acroform_number) fail_pdf("its form dictionary is not an object of its own");
        acroform =
            render::dictionary_entries(render::object_dictionary(pdf, tail, acroform_number));
    } else {
        acroform_number = next++;
        set_entry(catalog, "AcroForm", ref(acroform_number));
        objects.push_back({tail.root, tail.root_generation, dictionary(catalog)});
    }
    auto fields = references(entry(acroform, "Fields").value_or("[]"));
    field_count = static_cast<int>(fields.size());
    fields.push_back(widget);
    std::string field_array = "[";
    for (int f : fields) field_array += ' ' + ref(f);
    set_entry(acroform, "Fields", field_array + " ]");
    set_entry(acroform, "SigFlags", "3");  // signatures exist; append only
    objects.push_back({acroform_number, 0, dictionary(acroform)});

    // The page lists the widget among its annotations.
    Entries page_entries = render::dictionary_entries(render::object_dictionary(pdf, tail, page));
    const auto annots = entry(page_entries, "Annots");
    if (annots && !annots->starts_with("[")) fail_pdf("its page annotations are not a plain list");
    auto annot_refs = references(annots.value_or("[]"));
    annot_refs.push_back(widget);
    std::string annot_array = "[";
    for (int a : annot_refs) annot_array += ' ' + ref(a);
    set_entry(page_entries, "Annots", annot_array + " ]");
    objects.push_back({page, 0, dictionary(page_entries)});

    const auto& place = details.place;
    const double page_top = page_height(page_entries);
    const double bottom = page_top - place.y - place.height;
    const std::string rect = "[" + number_text(place.x) + ' ' + number_text(bottom) + ' ' +
                             number_text(place.x + place.width) + ' ' +
                             number_text(bottom + place.height) + "]";
    objects.push_back({widget, 0,
                       "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /T " +
                           render::pdf_text_string("Chữ ký " + std::to_string(field_count + 1)) +
                           " /V " + ref(sig) + " /P " + ref(page) + " /Rect " + rect +
                           " /AP << /N " + ref(appearance) + " >> >>"});
    objects.push_back({appearance, 0,
                       "<< /Type /XObject /Subtype /Form /BBox [0 0 " + number_text(place.width) +
                           ' ' + number_text(place.height) +
                           "] /Length 0 >>\nstream\n\nendstream"});

    // /Contents sized for the largest CMS this signer makes, in hex, and the timestamp token.
    const Sha256 no_digest{};
    const size_t probe_bytes = pades_signed_data(SizeProbe(signer), no_digest).size();
    const size_t contents_bytes = probe_bytes + token_room;
    std::string sig_dict = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached";
    sig_dict += " /ByteRange " + std::string(kByteRangePlaceholder);
    sig_dict += " /Contents <" + std::string(2 * contents_bytes, '0') + ">";
    if (!details.signer_name.empty())
        sig_dict += " /Name " + render::pdf_text_string(details.signer_name);
    if (!details.organisation.empty())
        sig_dict += " /Reason " + render::pdf_text_string(details.organisation);
    if (!details.location.empty())
        sig_dict += " /Location " + render::pdf_text_string(details.location);
    if (!details.pdf_time.empty()) sig_dict += " /M (" + details.pdf_time + ")";
    objects.push_back({sig, 0, sig_dict + " >>"});

    const size_t old_size = pdf.size();
    std::string out = render::append_update(std::move(pdf), tail, std::move(objects));

    const size_t range_at = out.find(kByteRangePlaceholder, old_size);
    const size_t contents_at = out.find("/Contents <", range_at);
    if (range_at == std::string::npos || contents_at == std::string::npos)
        fail_pdf("the signature's place was not written");      // cannot happen: written above
    const size_t hex_begin = contents_at + 10;                  // the '<'
    const size_t hex_end = hex_begin + 2 + 2 * contents_bytes;  // after the '>'
    std::string range = "[0 " + std::to_string(hex_begin) + ' ' + std::to_string(hex_end) + ' ' +
                        std::to_string(out.size() - hex_end) + "]";
    range.resize(kByteRangePlaceholder.size(), ' ');
    out.replace(range_at, range.size(), range);

    Sha256 digest;
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                      EVP_MD_CTX_free);
    unsigned digest_size = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), out.data(), hex_begin) != 1 ||
        EVP_DigestUpdate(ctx.get(), out.data() + hex_end, out.size() - hex_end) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest.data(), &digest_size) != 1)
        fail_pdf("SHA-256 is not available");
    const std::string cms =
        pades_signed_data(signer, digest, details.timestamp ? &details.timestamp : nullptr);
    if (cms.size() > contents_bytes) {
        if (details.timestamp) throw TokenRoom{cms.size() - probe_bytes};
        fail_pdf("the signature came out larger than its place");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < cms.size(); ++i) {
        const auto byte = static_cast<unsigned char>(cms[i]);
        out[hex_begin + 1 + 2 * i] = kHex[byte >> 4];
        out[hex_begin + 2 + 2 * i] = kHex[byte & 15];
    }
    return out;
}

}  // namespace

std::string sign_pdf(std::string pdf, const Signer& signer, const SignatureDetails& details) {
    // The token's size is known only once it is made, over the final bytes. The room is the
    // size of the last token this process was given (an authority's tokens differ by a few
    // bytes: nonce, serial, fractions of seconds), else 6 kB; a token that does not fit has
    // the document signed again with room for it, so /Contents never overflows.
    static std::atomic<size_t> last_token{0};
    // The attribute's header (about 20 bytes), longer lengths, a longer serial or time.
    constexpr size_t kSlack = 64;
    try {
        if (!details.timestamp) return sign_readable(pdf, signer, details, 0);
        SignatureDetails measured = details;
        measured.timestamp = [&](std::string_view signature) {
            std::string token = details.timestamp(signature);
            last_token.store(token.size());
            return token;
        };
        for (int attempt = 0;; ++attempt) {
            const size_t room = last_token.load() ? last_token.load() + kSlack : 6144;
            try {
                return sign_readable(pdf, signer, measured, room);
            } catch (const TokenRoom& r) {
                last_token.store(r.needed);
                if (attempt == 2)
                    fail_pdf("the timestamp authority's tokens keep growing (" +
                             std::to_string(r.needed) + " bytes)");
            }
        }
    } catch (const core::Failure& f) {
        // The reader's syntax errors, wherever in the file they are, name the file's structure.
        if (f.diagnostics().empty() || f.diagnostics().front().code != "render.pdf") throw;
        fail_pdf(unreadable_reason(pdf, f));
    }
}

}  // namespace vanthu::sign
