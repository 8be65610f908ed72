#include "render/pdf_finish.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "render/pdf_update.hpp"
#include "render/qpdf_protect.hpp"

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
    for (const auto* password : {&protection.owner_password, &protection.user_password})
        if (password->size() > core::limits::kPasswordBytes)
            fail("a password is " + std::to_string(password->size()) +
                 " bytes long: PDF readers use only its first " +
                 std::to_string(core::limits::kPasswordBytes) +
                 " bytes, so the file would not open with it as typed; choose a shorter one");

    // The catalog again, with /Lang and /Metadata, and the XMP stream, as an incremental update.
    const PdfTail tail = read_tail(pdf);
    auto entries = dictionary_entries(object_dictionary(pdf, tail, tail.root));
    std::erase_if(entries,
                  [](const auto& e) { return e.first == "Lang" || e.first == "Metadata"; });
    const int xmp_number = static_cast<int>(tail.size);
    std::string catalog = "<<";
    for (const auto& [key, value] : entries) catalog += " /" + key + ' ' + value;
    if (!metadata.language.empty()) catalog += " /Lang " + pdf_text_string(metadata.language);
    catalog += " /Metadata " + std::to_string(xmp_number) + " 0 R >>";
    // Uncompressed, as XMP should be, so that tools that do not parse PDF can still find it.
    const std::string xmp = xmp_packet(metadata, page_count);
    std::string stream = "<< /Type /Metadata /Subtype /XML /Length " + std::to_string(xmp.size()) +
                         " >>\nstream\n" + xmp + "\nendstream";
    std::string out = append_update(pdf, tail,
                                    {{tail.root, tail.root_generation, std::move(catalog)},
                                     {xmp_number, 0, std::move(stream)}});
    // Encryption rewrites the whole file (and draws random salts: no longer deterministic).
    if (protection.enabled()) out = protect_with_qpdf(out, protection);
    return out;
}

}  // namespace vanthu::render
