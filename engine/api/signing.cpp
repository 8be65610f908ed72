#include "api/signing.hpp"

#include <cstdlib>
#include <ctime>

#include "core/units.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/timestamp.hpp"
#include "sign/verify.hpp"

namespace vanthu {
namespace {

long long signing_time(const SignOptions& options) {
    if (options.time >= 0) return options.time;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
        return std::strtoll(epoch, nullptr, 10);
    return static_cast<long long>(std::time(nullptr));
}

std::unique_ptr<sign::Signer> open_key(const SignOptions& options) {
    return options.pkcs11_module.empty() ? sign::open_pkcs12(options.p12_file, options.p12_password)
                                         : sign::open_pkcs11(options.pkcs11_module, options.token,
                                                             options.key_label, options.pin);
}

std::string sign_at(std::string pdf, const SignOptions& options, const sign::WidgetPlace& place,
                    const sign::Signer& signer) {
    sign::SignatureDetails details;
    details.signer_name = options.signer_name;
    details.organisation = options.organisation;
    details.location = options.location;
    details.pdf_time = sign::pdf_time_vietnam(signing_time(options));
    details.place = place;
    if (!options.tsa_url.empty())
        details.timestamp = [url = options.tsa_url](std::string_view signature) {
            return sign::timestamp_token(signature, url, [&url](const std::string& query) {
                return sign::post_to_tsa(url, query);
            });
        };
    return sign::sign_pdf(std::move(pdf), signer, details);
}

}  // namespace

void check_signing_key(const SignOptions& options) { open_key(options); }

SignerCache::SignerCache() = default;
SignerCache::~SignerCache() = default;

const sign::Signer& SignerCache::get(const SignOptions& o) {
    // NUL cannot occur in a path, a label or a secret: the parts cannot run into each other.
    const std::string identity = o.p12_file.string() + '\0' + o.p12_password + '\0' +
                                 o.pkcs11_module.string() + '\0' + o.token + '\0' + o.key_label +
                                 '\0' + o.pin;
    if (!signer_ || identity != identity_) {
        signer_.reset();
        identity_.clear();
        signer_ = open_key(o);
        identity_ = identity;
        ++opened_;
    }
    return *signer_;
}

std::string sign_pdf(std::string pdf, const SignOptions& options, const SignPlace& place) {
    return sign_at(std::move(pdf), options,
                   {place.page, core::mm(place.x_mm), core::mm(place.y_mm),
                    core::mm(place.width_mm), core::mm(place.height_mm)},
                   *open_key(options));
}

std::vector<SignatureStatus> verify_pdf(const std::string& pdf,
                                        const std::filesystem::path& ca_file) {
    std::vector<SignatureStatus> out;
    for (auto& c : sign::verify_pdf(pdf, ca_file))
        out.push_back({std::move(c.field), std::move(c.signer), std::move(c.organisation),
                       std::move(c.time), std::move(c.sub_filter), c.intact, std::move(c.problem),
                       std::move(c.after), std::move(c.chain), std::move(c.timestamp.time),
                       std::move(c.timestamp.authority), std::move(c.timestamp.problem)});
    return out;
}

std::string sign_rendered(std::string pdf, const layout::Pages& pages, const SignOptions& options,
                          SignerCache& keys) {
    // The main document's first signer: the right-hand block of a single signer, or the first
    // body's of a joint document (the others sign after it, each with its own key).
    for (size_t i = 0; i < pages.pages.size(); ++i) {
        const auto& page = pages.pages[i];
        if (page.section != 0 || page.signature_spaces.empty()) continue;
        const auto& space = page.signature_spaces.front();
        return sign_at(std::move(pdf), options,
                       {static_cast<int>(i) + 1, space.x, space.y, space.width, space.height},
                       keys.get(options));
    }
    throw Error(
        Diagnostic{core::Severity::error,
                   "sign.place",
                   "the document has no signature block to put the signature on",
                   std::nullopt,
                   {"give the template's <signature> (chuc_danh and nguoi_ky in the data)"}});
}

}  // namespace vanthu
