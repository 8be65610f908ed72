// A PAdES signature added to a finished PDF as an incremental update (ISO 32000-2 §12.8,
// ETSI EN 319 142-1): a signature field with its widget on a page, the signature dictionary
// (/SubFilter /ETSI.CAdES.detached) whose /Contents holds the CMS over every byte of the file
// but the /Contents itself. What was there stays byte for byte, so an earlier signature
// stays valid.
#pragma once

#include <string>
#include <vector>

#include "sign/appearance.hpp"
#include "sign/cms.hpp"
#include "sign/signer.hpp"

namespace vanthu::sign {

// Where the signature shows, in points from the page's top-left corner (as layout measures);
// an empty rectangle (width 0) makes an invisible signature, still listed by readers.
struct WidgetPlace {
    int page = 1;  // 1-based
    double x = 0, y = 0, width = 0, height = 0;
};

struct SignatureDetails {
    std::string signer_name;   // /Name; empty: the certificate's common name
    std::string organisation;  // into /Reason as "Ký thay mặt …" when given
    std::string location;      // /Location (the place name of the document)
    // The claimed signing time, "D:YYYYMMDDHHmmSS+07'00'" (PAdES puts it in /M, not in the CMS).
    std::string pdf_time;
    // Where it shows. An empty place (no --at): in the empty signature field named `field`, or
    // when that is empty in the file's first empty one; invisible on page 1 when it has none.
    WidgetPlace place;
    std::string field;
    // The signer's image and the seal drawn in the widget (sign/appearance.hpp).
    AppearanceImages images;
    // An organisation's signature of an appendix or a copy in a file of its own (nd30.md
    // §2.13, §2.14): when set, no image and no place; this line (the number and symbol, or the
    // copy form), the organisation (`organisation`, else the certificate's) and the signing
    // time (ISO 8601, +07:00) at the top right of page 1 in 10 pt (sign/text_appearance.hpp).
    std::string stamp;
    // PAdES B-T: the timestamp token over the signature value (sign/timestamp.hpp); empty: B-B.
    Timestamper timestamp;
};

// `pdf` with the signature appended. Throws core::Failure: sign.pdf when the file cannot be
// signed (not a PDF vanthu can read, encrypted, no such field), sign.image for an image that
// cannot be used, sign.key / sign.cms from the signer, sign.tsa from the timestamp.
std::string sign_pdf(std::string pdf, const Signer& signer, const SignatureDetails& details);

// `pdf` with an empty signature field ("Chữ ký N", numbered on from the fields it has) over
// each of `places`, in their order, as one incremental update: for a document each body signs
// in turn. Throws core::Failure (sign.pdf) as sign_pdf does.
std::string add_signature_fields(std::string pdf, const std::vector<WidgetPlace>& places);

// "D:20261207153000+07'00'" for `unix_seconds`, in Vietnam's time (UTC+7, no summer time).
std::string pdf_time_vietnam(long long unix_seconds);

}  // namespace vanthu::sign
