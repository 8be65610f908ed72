#include "sign/pdf_signature.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <optional>

#include "core/diagnostics.hpp"
#include "render/pdf_update.hpp"
#include "sign/appearance.hpp"
#include "sign/cms.hpp"
#include "sign/openssl_handles.hpp"
#include "sign/pdf_objects.hpp"
#include "sign/text_appearance.hpp"

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

// The page's /MediaBox [x0 y0 x1 y1], which Cairo writes on every page.
Box media_box(const Entries& page) {
    const auto box = entry(page, "MediaBox");
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!box || std::sscanf(box->c_str(), "[ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1) != 4)
        fail_pdf("its page has no /MediaBox of its own");
    return {x0, y0, x1 - x0, y1 - y0};
}

double page_height(const Entries& page) {
    const Box b = media_box(page);
    return b.y + b.height;
}

// "D:20261207070000+07'00'" -> "2026-12-07T07:00:00+07:00".
std::string iso_time(const std::string& pdf_time) {
    if (pdf_time.size() < 22) return pdf_time;
    const std::string d = pdf_time.substr(2);
    return d.substr(0, 4) + '-' + d.substr(4, 2) + '-' + d.substr(6, 2) + 'T' + d.substr(8, 2) +
           ':' + d.substr(10, 2) + ':' + d.substr(12, 2) + d.substr(14, 3) + ':' + d.substr(18, 2);
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

// The /AcroForm of `catalog`: its object number and entries. A file without one gets one, and
// the catalog's new version goes to `objects`.
int form_of(const std::string& pdf, const render::PdfTail& tail, Entries& catalog, Entries& form,
            int& next, std::vector<render::UpdatedObject>& objects) {
    if (const auto value = entry(catalog, "AcroForm")) {
        const int number = reference_number(*value);
        if (!number) fail_pdf("its form dictionary is not an object of its own");
        form = render::dictionary_entries(render::object_dictionary(pdf, tail, number));
        return number;
    }
    const int number = next++;
    set_entry(catalog, "AcroForm", ref(number));
    objects.push_back({tail.root, tail.root_generation, dictionary(catalog)});
    return number;
}

std::string ref_array(const std::vector<int>& numbers) {
    std::string out = "[";
    for (int n : numbers) out += ' ' + ref(n);
    return out + " ]";
}

// `page`'s new version with `widgets` added to its /Annots.
render::UpdatedObject with_annotations(const std::string& pdf, const render::PdfTail& tail,
                                       int page, const std::vector<int>& widgets) {
    Entries entries = render::dictionary_entries(render::object_dictionary(pdf, tail, page));
    const auto annots = entry(entries, "Annots");
    if (annots && !annots->starts_with("[")) fail_pdf("its page annotations are not a plain list");
    auto refs = references(annots.value_or("[]"));
    refs.insert(refs.end(), widgets.begin(), widgets.end());
    set_entry(entries, "Annots", ref_array(refs));
    return {page, 0, dictionary(entries)};
}

// The object number of page `number` (1-based) and its entries.
int page_object(const std::string& pdf, const render::PdfTail& tail, const Entries& catalog,
                int number) {
    const auto pages = entry(catalog, "Pages");
    if (!pages || !reference_number(*pages)) fail_pdf("its catalog has no page tree");
    int wanted = number;
    const int page = wanted >= 1 ? find_page(pdf, tail, reference_number(*pages), wanted, 0) : 0;
    if (!page) fail_pdf("it has no page " + std::to_string(number) + " to put the signature on");
    return page;
}

// `place` (from the page's top-left corner) in the page's PDF user space.
Box page_box(const std::string& pdf, const render::PdfTail& tail, int page,
             const WidgetPlace& place) {
    const double top =
        page_height(render::dictionary_entries(render::object_dictionary(pdf, tail, page)));
    return {place.x, top - place.y - place.height, place.width, place.height};
}

std::string rect_of(const Box& b) {
    return "[" + number_text(b.x) + ' ' + number_text(b.y) + ' ' + number_text(b.x + b.width) +
           ' ' + number_text(b.y + b.height) + "]";
}

// A signature field of the form and its widget (vanthu writes them as one object).
struct Field {
    int number = 0;
    std::string name;
    bool is_signed = false;
    int page = 0;
    Box rect;
};

std::vector<Field> signature_fields(const std::string& pdf, const render::PdfTail& tail,
                                    const Entries& form) {
    std::vector<Field> out;
    for (int number : references(entry(form, "Fields").value_or("[]"))) {
        const Entries f = render::dictionary_entries(render::object_dictionary(pdf, tail, number));
        if (entry(f, "FT") != "/Sig") continue;
        Field field;
        field.number = number;
        if (const auto t = entry(f, "T")) field.name = text_string_utf8(*t);
        field.is_signed = entry(f, "V").has_value();
        field.page = reference_number(entry(f, "P").value_or(""));
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (const auto r = entry(f, "Rect");
            r && std::sscanf(r->c_str(), "[ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1) == 4)
            field.rect = {std::min(x0, x1), std::min(y0, y1), std::abs(x1 - x0), std::abs(y1 - y0)};
        out.push_back(std::move(field));
    }
    return out;
}

// The empty field to fill: the one named `name`, else the first empty one; nullopt when the
// file has none and no name was asked for.
std::optional<Field> field_to_fill(const std::vector<Field>& fields, const std::string& name) {
    if (name.empty()) {
        for (const auto& f : fields)
            if (!f.is_signed && f.page) return f;
        return std::nullopt;
    }
    std::string names;
    for (const auto& f : fields) {
        if (f.name != name) {
            if (!f.is_signed) names += (names.empty() ? "" : ", ") + ('"' + f.name + '"');
            continue;
        }
        if (f.is_signed) fail_pdf("its signature field \"" + name + "\" is already signed");
        if (!f.page) fail_pdf("its signature field \"" + name + "\" is on no page");
        return f;
    }
    fail_pdf("it has no signature field \"" + name + "\" (" +
             (names.empty() ? std::string("it has no empty one") : "its empty ones: " + names) +
             ")");
}

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
    int next = static_cast<int>(tail.size);
    const int sig = next++;
    std::vector<render::UpdatedObject> objects;
    Entries form;
    const int form_number = form_of(pdf, tail, catalog, form, next, objects);
    const auto fields = signature_fields(pdf, tail, form);

    // Without a place of its own, the signature fills an empty field the file was given.
    const bool stamp = !details.stamp.empty();
    const bool placed = details.place.width > 0 && details.place.height > 0;
    if (stamp && (placed || !details.field.empty() || !details.images.empty()))
        fail_pdf(
            "the organisation's signature of an appendix or a copy shows no image and stands at "
            "the top right of page 1 (nd30.md ô 14): give it no place, field or image");
    std::optional<Field> fill;
    if (!placed && !stamp) fill = field_to_fill(fields, details.field);
    if (!placed && !fill && !details.images.empty())
        fail_pdf(
            "the signature has no place on a page to show its images: give its place "
            "(--at) or sign a PDF with an empty signature field");

    Entries widget_entries;
    int widget = 0, page = 0;
    Box space;
    if (fill) {
        widget = fill->number;
        page = fill->page;
        space = fill->rect;
        widget_entries = render::dictionary_entries(render::object_dictionary(pdf, tail, widget));
    } else {
        widget = next++;
        page = page_object(pdf, tail, catalog, stamp ? 1 : details.place.page);
        if (!stamp) space = page_box(pdf, tail, page, details.place);
        widget_entries = {
            {"Type", "/Annot"},
            {"Subtype", "/Widget"},
            {"FT", "/Sig"},
            {"F", "132"},  // printed, locked
            {"T", render::pdf_text_string("Chữ ký " + std::to_string(fields.size() + 1))},
            {"P", ref(page)}};
        auto all = references(entry(form, "Fields").value_or("[]"));
        all.push_back(widget);
        set_entry(form, "Fields", ref_array(all));
        objects.push_back(with_annotations(pdf, tail, page, {widget}));
    }
    set_entry(form, "SigFlags", "3");  // signatures exist; append only
    objects.push_back({form_number, 0, dictionary(form)});

    Appearance look;
    if (stamp) {
        const Box box =
            media_box(render::dictionary_entries(render::object_dictionary(pdf, tail, page)));
        const std::string organisation =
            details.organisation.empty() ? subject_entry(signer.certificate(), NID_organizationName)
                                         : details.organisation;
        std::vector<std::string> lines{details.stamp};
        if (!organisation.empty()) lines.push_back(organisation);
        lines.push_back(iso_time(details.pdf_time));
        look = build_text_appearance(lines, box.x + box.width, box.y + box.height, next);
    } else {
        look = build_appearance(space, details.images, next);
    }
    set_entry(widget_entries, "V", ref(sig));
    set_entry(widget_entries, "Rect", rect_of(look.rect));
    set_entry(widget_entries, "AP", "<< /N " + ref(look.form) + " >>");
    objects.push_back({widget, 0, dictionary(widget_entries)});
    for (auto& o : look.objects) objects.push_back(std::move(o));

    // /Contents sized for the largest CMS this signer makes, in hex.
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

std::string add_signature_fields(std::string pdf, const std::vector<WidgetPlace>& places) {
    try {
        const render::PdfTail tail = render::read_tail_chain(pdf);
        if (tail.encrypted) fail_pdf("it is protected with a password");
        Entries catalog =
            render::dictionary_entries(render::object_dictionary(pdf, tail, tail.root));
        int next = static_cast<int>(tail.size);
        std::vector<render::UpdatedObject> objects;
        Entries form;
        const int form_number = form_of(pdf, tail, catalog, form, next, objects);
        auto all = references(entry(form, "Fields").value_or("[]"));
        std::map<int, std::vector<int>> on_page;  // page object -> its new widgets
        for (const auto& place : places) {
            const int page = page_object(pdf, tail, catalog, place.page);
            const int widget = next++;
            all.push_back(widget);
            on_page[page].push_back(widget);
            objects.push_back({widget, 0,
                               "<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /T " +
                                   render::pdf_text_string("Chữ ký " + std::to_string(all.size())) +
                                   " /P " + ref(page) + " /Rect " +
                                   rect_of(page_box(pdf, tail, page, place)) + " >>"});
        }
        for (const auto& [page, widgets] : on_page)
            objects.push_back(with_annotations(pdf, tail, page, widgets));
        set_entry(form, "Fields", ref_array(all));
        objects.push_back({form_number, 0, dictionary(form)});
        return render::append_update(std::move(pdf), tail, std::move(objects));
    } catch (const core::Failure& f) {
        if (f.diagnostics().empty() || f.diagnostics().front().code != "render.pdf") throw;
        fail_pdf(unreadable_reason(pdf, f));
    }
}

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
