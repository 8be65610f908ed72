#include "sign/verify.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <set>

#include "core/diagnostics.hpp"
#include "render/pdf_update.hpp"
#include "sign/openssl_handles.hpp"
#include "sign/pdf_objects.hpp"

namespace vanthu::sign {
namespace {

using StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE_free>>;

[[noreturn]] void fail_pdf(const std::string& why) {
    throw core::Failure(core::Diagnostic{
        core::Severity::error, "sign.pdf", "cannot check the signatures: " + why, {}, {}});
}

Entries dict_of(std::string_view pdf, const render::PdfTail& tail, int number) {
    return render::dictionary_entries(render::object_dictionary(pdf, tail, number));
}

// "D:20261207150000+07'00'" -> "2026-12-07T15:00:00+07:00"; as written when it is not one.
std::string iso_time(const std::string& pdf_date) {
    const std::string d = pdf_date.starts_with("D:") ? pdf_date.substr(2) : pdf_date;
    if (d.size() < 14) return pdf_date;
    std::string out = d.substr(0, 4) + '-' + d.substr(4, 2) + '-' + d.substr(6, 2) + 'T' +
                      d.substr(8, 2) + ':' + d.substr(10, 2) + ':' + d.substr(12, 2);
    if (d.size() >= 20 && (d[14] == '+' || d[14] == '-'))
        out += d.substr(14, 3) + ':' + d.substr(18, 2);
    else if (d.size() >= 15 && d[14] == 'Z')
        out += 'Z';
    return out;
}

// Where each revision of the file ends: after every "%%EOF" and its line end.
std::vector<size_t> revision_ends(std::string_view pdf) {
    std::vector<size_t> ends;
    for (size_t at = pdf.find("%%EOF"); at != std::string_view::npos;
         at = pdf.find("%%EOF", at + 5)) {
        size_t end = at + 5;
        if (end < pdf.size() && pdf[end] == '\r') ++end;
        if (end < pdf.size() && pdf[end] == '\n') ++end;
        ends.push_back(end);
    }
    return ends;
}

// Whether the revisions after `signed_end` only add signatures: each object they write is a
// signature dictionary, a signature field's widget, a new appearance form or image, the form
// dictionary, or the catalog or a page changed only in /AcroForm or /Annots.
bool only_signatures_after(std::string_view pdf, size_t signed_end) {
    const render::PdfTail before = render::read_tail_chain(pdf.substr(0, signed_end));
    const render::PdfTail after = render::read_tail_chain(pdf);
    for (const auto& [number, offset] : after.offsets) {
        const auto old = before.offsets.find(number);
        if (old != before.offsets.end() && old->second == offset) continue;
        Entries now;
        try {
            now = dict_of(pdf, after, number);
        } catch (const core::Failure&) {
            return false;  // not a dictionary: content of some kind
        }
        const auto type = entry(now, "Type").value_or("");
        const auto subtype = entry(now, "Subtype").value_or("");
        if (type == "/Sig" || (subtype == "/Widget" && entry(now, "FT") == "/Sig") ||
            (type == "/XObject" && (subtype == "/Form" || subtype == "/Image") &&
             old == before.offsets.end()) ||
            (entry(now, "Fields") && entry(now, "SigFlags")))
            continue;
        if (old == before.offsets.end()) return false;
        Entries was = dict_of(pdf, before, number);
        for (const char* key : {"AcroForm", "Annots"}) {
            std::erase_if(now, [&](const auto& e) { return e.first == key; });
            std::erase_if(was, [&](const auto& e) { return e.first == key; });
        }
        if (now != was) return false;
    }
    return true;
}

// The signature-time-stamp attribute of the first SignerInfo (PAdES B-T), read and matched
// against its signature value.
TimestampInfo timestamp_of(CMS_ContentInfo* cms, X509_STORE* store) {
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
    if (!infos || sk_CMS_SignerInfo_num(infos) < 1) return {};
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
    const int at = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    if (at < 0) return {};
    const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, at), 0);
    if (!value || value->type != V_ASN1_SEQUENCE) {
        TimestampInfo bad;
        bad.present = true;
        bad.problem = "its timestamp cannot be read";
        return bad;
    }
    const ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(si);
    return read_timestamp(
        std::string_view(
            reinterpret_cast<const char*>(ASN1_STRING_get0_data(value->value.sequence)),
            static_cast<size_t>(ASN1_STRING_length(value->value.sequence))),
        std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
                         static_cast<size_t>(ASN1_STRING_length(signature))),
        store);
}

SignatureCheck check_one(std::string_view pdf, const Entries& sig, X509_STORE* store,
                         const std::vector<size_t>& ends) {
    SignatureCheck c;
    c.chain = "not checked";  // until the signature can be read
    c.sub_filter = entry(sig, "SubFilter").value_or("");
    if (!c.sub_filter.empty() && c.sub_filter.front() == '/') c.sub_filter.erase(0, 1);
    if (const auto m = entry(sig, "M")) c.time = iso_time(string_bytes(*m));
    const auto range = entry(sig, "ByteRange");
    const auto contents = entry(sig, "Contents");
    long long a = -1, b = -1, cc = -1, d = -1;
    if (!range || !contents ||
        std::sscanf(range->c_str(), "[ %lld %lld %lld %lld ]", &a, &b, &cc, &d) != 4) {
        c.problem = "the signature has no /ByteRange or /Contents";
        return c;
    }
    const auto size = static_cast<long long>(pdf.size());
    // The gap must be exactly the /Contents hex string, so that nothing unsigned hides there.
    if (a != 0 || b <= 0 || cc <= b || d < 0 || cc > size || d > size - cc || pdf[b] != '<' ||
        pdf[cc - 1] != '>') {
        c.problem = "its /ByteRange does not cover the file but for the signature itself";
        return c;
    }
    const size_t signed_end = static_cast<size_t>(cc + d);
    const std::string der = string_bytes(*contents);
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
    if (!cms) {
        ERR_clear_error();
        c.problem = "its /Contents is not a CMS signature";
        return c;
    }
    ERR_clear_error();
    std::string content(pdf.substr(0, static_cast<size_t>(b)));
    content.append(pdf.substr(static_cast<size_t>(cc), static_cast<size_t>(d)));
    auto verify = [&](X509_STORE* with, unsigned flags) {
        BioPtr bio(BIO_new_mem_buf(content.data(), static_cast<int>(content.size())));
        const bool ok = CMS_verify(cms.get(), nullptr, with, bio.get(), nullptr,
                                   flags | CMS_BINARY | CMS_DETACHED) == 1;
        std::string why;
        if (!ok) {
            const unsigned long e = ERR_peek_last_error();
            why =
                e ? ERR_reason_error_string(e) ? ERR_reason_error_string(e) : "refused" : "refused";
        }
        ERR_clear_error();
        return std::make_pair(ok, why);
    };
    const auto [intact, why] = verify(nullptr, CMS_NO_SIGNER_CERT_VERIFY);
    c.intact = intact;
    // CMS_verify has matched the signer's certificate among those the CMS carries.
    if (STACK_OF(X509)* signers = CMS_get0_signers(cms.get())) {
        if (sk_X509_num(signers) > 0) {
            X509* certificate = sk_X509_value(signers, 0);
            c.signer = subject_entry(certificate, NID_commonName);
            c.organisation = subject_entry(certificate, NID_organizationName);
        }
        sk_X509_free(signers);
    }
    if (!intact) c.problem = "the signed bytes were changed (" + why + ")";
    c.timestamp = timestamp_of(cms.get(), store);
    if (c.timestamp.present && c.timestamp.problem.empty() && store &&
        c.timestamp.chain != "trusted")
        c.timestamp.problem =
            "its authority's certificate is not trusted (" + c.timestamp.chain + ")";
    if (!store) {
        c.chain = "not checked";
    } else {
        const auto [trusted, chain_why] = verify(store, 0);
        c.chain = trusted ? "trusted" : chain_why;
    }
    if (signed_end == pdf.size()) {
        c.after = "nothing";
    } else {
        const bool at_revision = std::find(ends.begin(), ends.end(), signed_end) != ends.end();
        c.after = at_revision && only_signatures_after(pdf, signed_end) ? "signatures" : "changes";
    }
    return c;
}

std::vector<SignatureCheck> verify_readable(std::string_view pdf,
                                            const std::filesystem::path& ca_file) {
    const render::PdfTail tail = render::read_tail_chain(pdf);
    StorePtr store;
    if (!ca_file.empty()) {
        store.reset(X509_STORE_new());
        if (!store || X509_STORE_load_file(store.get(), ca_file.c_str()) != 1) {
            ERR_clear_error();
            throw core::Failure(core::Diagnostic{
                core::Severity::error,
                "sign.ca",
                "cannot read the authorities' certificates in " + ca_file.string(),
                {},
                {"give a PEM file of the trusted root certificates after --ca-file"}});
        }
        // Office certificates rarely carry the e-mail protection purpose OpenSSL checks by
        // default for CMS.
        X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
    }
    std::vector<SignatureCheck> out;
    const Entries catalog = dict_of(pdf, tail, tail.root);
    const auto form_ref = entry(catalog, "AcroForm");
    if (!form_ref || !reference_number(*form_ref)) return out;
    const Entries form = dict_of(pdf, tail, reference_number(*form_ref));
    const auto ends = revision_ends(pdf);
    std::set<int> seen;
    for (int field : references(entry(form, "Fields").value_or("[]"))) {
        if (!seen.insert(field).second || seen.size() > 10000) continue;
        const Entries f = dict_of(pdf, tail, field);
        if (entry(f, "FT") != "/Sig") continue;
        const auto value = entry(f, "V");
        if (!value || !reference_number(*value)) continue;  // an empty signature field
        SignatureCheck c =
            check_one(pdf, dict_of(pdf, tail, reference_number(*value)), store.get(), ends);
        if (const auto t = entry(f, "T")) c.field = text_string_utf8(*t);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::vector<SignatureCheck> verify_pdf(std::string_view pdf, const std::filesystem::path& ca_file) {
    try {
        return verify_readable(pdf, ca_file);
    } catch (const core::Failure& f) {
        // The reader's syntax errors, wherever in the file they are, name the file's structure.
        if (f.diagnostics().empty() || f.diagnostics().front().code != "render.pdf") throw;
        fail_pdf(unreadable_reason(pdf, f));
    }
}

}  // namespace vanthu::sign
