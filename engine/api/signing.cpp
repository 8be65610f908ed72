#include "api/signing.hpp"

#include <cstdlib>
#include <ctime>

#include "core/units.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/verify.hpp"

namespace vanthu {
namespace {

long long signing_time(const SignOptions& options) {
    if (options.time >= 0) return options.time;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
        return std::strtoll(epoch, nullptr, 10);
    return static_cast<long long>(std::time(nullptr));
}

std::string sign_at(std::string pdf, const SignOptions& options, const sign::WidgetPlace& place) {
    const auto signer = options.pkcs11_module.empty()
                            ? sign::open_pkcs12(options.p12_file, options.p12_password)
                            : sign::open_pkcs11(options.pkcs11_module, options.token,
                                                options.key_label, options.pin);
    sign::SignatureDetails details;
    details.signer_name = options.signer_name;
    details.organisation = options.organisation;
    details.location = options.location;
    details.pdf_time = sign::pdf_time_vietnam(signing_time(options));
    details.place = place;
    return sign::sign_pdf(std::move(pdf), *signer, details);
}

}  // namespace

std::string sign_pdf(std::string pdf, const SignOptions& options, const SignPlace& place) {
    return sign_at(std::move(pdf), options,
                   {place.page, core::mm(place.x_mm), core::mm(place.y_mm),
                    core::mm(place.width_mm), core::mm(place.height_mm)});
}

std::vector<SignatureStatus> verify_pdf(const std::string& pdf,
                                        const std::filesystem::path& ca_file) {
    std::vector<SignatureStatus> out;
    for (auto& c : sign::verify_pdf(pdf, ca_file))
        out.push_back({std::move(c.field), std::move(c.signer), std::move(c.organisation),
                       std::move(c.time), std::move(c.sub_filter), c.intact, std::move(c.problem),
                       std::move(c.after), std::move(c.chain)});
    return out;
}

std::string sign_rendered(std::string pdf, const layout::Pages& pages, const SignOptions& options) {
    // The main document's first signer: the right-hand block of a single signer, or the first
    // body's of a joint document (the others sign after it, each with its own key).
    for (size_t i = 0; i < pages.pages.size(); ++i) {
        const auto& page = pages.pages[i];
        if (page.section != 0 || page.signature_spaces.empty()) continue;
        const auto& space = page.signature_spaces.front();
        return sign_at(std::move(pdf), options,
                       {static_cast<int>(i) + 1, space.x, space.y, space.width, space.height});
    }
    throw Error(
        Diagnostic{core::Severity::error,
                   "sign.place",
                   "the document has no signature block to put the signature on",
                   std::nullopt,
                   {"give the template's <signature> (chuc_danh and nguoi_ky in the data)"}});
}

}  // namespace vanthu
