#include "render/pdf_finish.hpp"

// qpdf 11: no PointerHolder compatibility (std::shared_ptr throughout).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "core/diagnostics.hpp"

namespace vanthu::render {
namespace {

constexpr const char* kRecordNs = "https://vanthu.dev/ns/nd30/1.0/";

[[noreturn]] void fail(const std::string& message) {
    throw core::Failure(core::Diagnostic{core::Severity::error, "render.protect", message, {}, {}});
}

// <dc:title><rdf:Alt><rdf:li xml:lang="x-default">…</rdf:li></rdf:Alt></dc:title> and kin.
void add_list(pugi::xml_node parent, const char* name, const char* kind, const std::string& value,
              bool default_lang) {
    if (value.empty()) return;
    auto li = parent.append_child(name).append_child(kind).append_child("rdf:li");
    if (default_lang) li.append_attribute("xml:lang") = "x-default";
    li.text() = value.c_str();
}

void add_text(pugi::xml_node parent, const char* name, const std::string& value) {
    if (!value.empty()) parent.append_child(name).text() = value.c_str();
}

}  // namespace

const std::vector<std::string>& permission_names() {
    static const std::vector<std::string> names{"print", "copy",     "modify",       "annotate",
                                                "form",  "assemble", "accessibility"};
    return names;
}

std::string xmp_packet(const layout::Metadata& m, size_t page_count) {
    pugi::xml_document xml;
    auto meta = xml.append_child("x:xmpmeta");
    meta.append_attribute("xmlns:x") = "adobe:ns:meta/";
    auto rdf = meta.append_child("rdf:RDF");
    rdf.append_attribute("xmlns:rdf") = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    auto d = rdf.append_child("rdf:Description");
    d.append_attribute("rdf:about") = "";
    d.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    d.append_attribute("xmlns:pdf") = "http://ns.adobe.com/pdf/1.3/";
    d.append_attribute("xmlns:xmp") = "http://ns.adobe.com/xap/1.0/";
    d.append_attribute("xmlns:nd30") = kRecordNs;
    add_text(d, "dc:format", "application/pdf");
    add_list(d, "dc:title", "rdf:Alt", m.title, true);
    add_list(d, "dc:creator", "rdf:Seq", m.author, false);
    add_list(d, "dc:description", "rdf:Alt", m.subject, true);
    add_list(d, "dc:language", "rdf:Bag", m.language, false);
    add_text(d, "pdf:Keywords", m.keywords);
    const std::string date = m.creation_date.empty() ? "" : m.creation_date + "T00:00:00";
    add_text(d, "xmp:CreateDate", date);
    add_text(d, "xmp:ModifyDate", date);
    add_text(d, "xmp:CreatorTool", "vanthu");
    const auto& r = m.record;
    add_text(d, "nd30:Number", r.number);
    add_text(d, "nd30:Symbol", r.symbol);
    add_text(d, "nd30:Date", r.date);
    add_text(d, "nd30:Issuer", r.issuer);
    add_text(d, "nd30:Type", r.type);
    add_text(d, "nd30:Summary", r.summary);
    add_text(d, "nd30:Signer", r.signer);
    add_text(d, "nd30:Urgency", r.urgency);
    add_text(d, "nd30:Secrecy", r.secrecy);
    add_text(d, "nd30:PageCount", std::to_string(page_count));
    std::ostringstream out;
    out << "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    xml.save(out, " ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
    out << "<?xpacket end=\"w\"?>";
    return out.str();
}

std::string finish_pdf(const std::string& pdf, const layout::Metadata& metadata, size_t page_count,
                       const Protection& protection) {
    const auto& names = permission_names();
    for (const auto& p : protection.permissions)
        if (std::find(names.begin(), names.end(), p) == names.end())
            fail("unknown permission \"" + p +
                 "\" (known: print, copy, modify, annotate, form, assemble, accessibility)");
    if (protection.enabled() && protection.owner_password.empty())
        fail("a user password needs an owner password too");

    QPDF q;
    q.processMemoryFile("vanthu.pdf", pdf.data(), pdf.size());
    auto root = q.getRoot();
    if (!metadata.language.empty())
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(metadata.language));
    auto xmp = QPDFObjectHandle::newStream(&q, xmp_packet(metadata, page_count));
    xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", xmp);

    QPDFWriter w(q);
    w.setOutputMemory();
    if (protection.enabled()) {
        const auto allowed = [&](const char* name) {
            const auto& p = protection.permissions;
            return std::find(p.begin(), p.end(), name) != p.end();
        };
        const bool none = protection.permissions.empty();
        w.setR6EncryptionParameters(
            protection.user_password.c_str(), protection.owner_password.c_str(),
            none || allowed("accessibility"), allowed("copy"), allowed("assemble"),
            allowed("annotate"), allowed("form") || allowed("annotate"), allowed("modify"),
            none || allowed("print") ? qpdf_r3p_full : qpdf_r3p_none, true);
    } else {
        w.setDeterministicID(true);  // the /ID from the content: same input, same bytes
    }
    w.write();
    auto buffer = w.getBufferSharedPointer();
    return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

}  // namespace vanthu::render
