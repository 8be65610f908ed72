// What a PDF gets after a writer made it: the catalog's language and the XMP metadata with the
// Decree 30 record (an incremental update, render/pdf_update.hpp), and optional AES-256
// protection (qpdf, render/qpdf_protect.hpp). Writers leave these out (Cairo cannot write
// them); every writer's output goes through here.
#pragma once

#include <string>
#include <vector>

#include "layout/pages.hpp"

namespace vanthu::render {

// Passwords and permissions for an issued document (PDF 2.0 security, AES-256).
struct Protection {
    std::string owner_password;  // needed to change the permissions; required to protect
    std::string user_password;   // needed to open the file; empty: anyone may open it
    // What a reader may do without the owner password: any of print, copy, modify, annotate,
    // form, assemble, accessibility. Empty: print and accessibility only.
    std::vector<std::string> permissions;
    bool enabled() const { return !owner_password.empty() || !user_password.empty(); }
};

// The permission names `Protection::permissions` accepts.
const std::vector<std::string>& permission_names();

// The XMP packet for `metadata` and `page_count` (also used by tests to check fields).
std::string xmp_packet(const layout::Metadata& metadata, size_t page_count);

// `pdf` with /Lang, the XMP metadata stream and, if `protection.enabled()`, encryption.
// Deterministic unless encrypted (encryption draws random salts). Throws core::Failure:
// render.protect for an unknown permission, a user password without an owner password or
// qpdf missing; render.pdf when `pdf` is not a file the update can extend.
std::string finish_pdf(const std::string& pdf, const layout::Metadata& metadata, size_t page_count,
                       const Protection& protection = {});

}  // namespace vanthu::render
