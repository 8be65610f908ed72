#include "api/signing.hpp"

#include <cmath>
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
    details.field = options.field;
    details.stamp = options.organisation_text;
    details.images = {options.signature_image, options.seal_image, core::mm(options.seal_width_mm)};
    if (!options.tsa_url.empty())
        details.timestamp = [url = options.tsa_url](std::string_view signature) {
            return sign::timestamp_token(signature, url, [&url](const std::string& query) {
                return sign::post_to_tsa(url, query);
            });
        };
    return sign::sign_pdf(std::move(pdf), signer, details);
}

// Every signer's signature space of the main document, in page order (a row of a joint
// document left to right), and which of them is the document's own signer's: the right-hand
// block of the first row, where layout puts the host of a joint document (nd30.md §3) and the
// one signer of any other. A row's blocks share the name's baseline, so their spaces end level.
struct Places {
    std::vector<sign::WidgetPlace> places;
    size_t host = 0;
    bool host_image = false;  // the data draws a signature image in the host's space
};

Places signature_places(const layout::Pages& pages) {
    Places out;
    for (size_t i = 0; i < pages.pages.size(); ++i) {
        const auto& page = pages.pages[i];
        if (page.section != 0) continue;
        for (const auto& space : page.signature_spaces) {
            if (out.places.empty()) {
                out.host_image = space.image;
            } else {
                const auto& host = out.places[out.host];
                if (host.page == static_cast<int>(i) + 1 &&
                    std::abs(space.y + space.height - host.y - host.height) < 1 &&
                    space.x > host.x) {
                    out.host = out.places.size();
                    out.host_image = space.image;
                }
            }
            out.places.push_back(
                {static_cast<int>(i) + 1, space.x, space.y, space.width, space.height});
        }
    }
    if (out.places.empty())
        throw Error(
            Diagnostic{core::Severity::error,
                       "sign.place",
                       "the document has no signature block to put the signature on",
                       std::nullopt,
                       {"give the template's <signature> (chuc_danh and nguoi_ky in the data)"}});
    return out;
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
    if (!options.field.empty() && place.width_mm > 0)
        throw Error(Diagnostic{core::Severity::error,
                               "sign.place",
                               "the signature is given both a place and a field to fill",
                               std::nullopt,
                               {"give either --at or --field"}});
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

std::string add_signature_fields(std::string pdf, const layout::Pages& pages) {
    return sign::add_signature_fields(std::move(pdf), signature_places(pages).places);
}

std::string sign_rendered(std::string pdf, const layout::Pages& pages, const SignOptions& options,
                          SignerCache& keys) {
    // An empty field over every signer's block (a joint document has one per body); the
    // document's own signer (nguoi_ky; the host of a joint document, on the right) signs now,
    // the other bodies sign theirs after it, each with its own key.
    const Places places = signature_places(pages);
    if (places.host_image && (!options.signature_image.empty() || !options.seal_image.empty()))
        throw Error(Diagnostic{
            core::Severity::error,
            "sign.image",
            "the data already draws a signature image (anh_chu_ky) where the signature goes, "
            "so the images of --signature-image and --seal-image would show twice",
            std::nullopt,
            {"leave anh_chu_ky out of the data when signing with the key holder's images, or "
             "sign without --signature-image and --seal-image"}});
    SignOptions host = options;
    host.field = "Chữ ký " + std::to_string(places.host + 1);  // as add_signature_fields names
    return sign_at(sign::add_signature_fields(std::move(pdf), places.places), host, {},
                   keys.get(options));
}

}  // namespace vanthu
