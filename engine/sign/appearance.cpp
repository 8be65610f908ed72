#include "sign/appearance.hpp"

#include <cairo.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include "core/diagnostics.hpp"
#include "core/image_file.hpp"

namespace vanthu::sign {
namespace {

[[noreturn]] void fail_image(const std::filesystem::path& file, const std::string& why) {
    throw core::Failure(core::Diagnostic{
        core::Severity::error,
        "sign.image",
        "cannot use the image \"" + file.string() + "\" in the signature: " + why,
        {},
        {"give a PNG file (a transparent one, so the text under the seal shows) after "
         "--signature-image or --seal-image"}});
}

// A PNG's pixels, straight (not premultiplied) colour and alpha rows.
struct Pixels {
    int width = 0, height = 0;
    std::string rgb, alpha;
    bool opaque = true;
};

struct PngReader {
    const std::string& bytes;
    size_t at = 0;
};

cairo_status_t read_chunk(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, r->bytes.data() + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

Pixels decode(const std::filesystem::path& file) {
    core::ImageFile png;
    std::string why;
    if (!core::read_png(file, png, why)) fail_image(file, why);
    PngReader reader{png.bytes};
    const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create_from_png_stream(read_chunk, &reader), cairo_surface_destroy);
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        fail_image(file, "it is not a PNG image that can be read (damaged or cut short)");
    cairo_surface_flush(surface.get());
    Pixels p;
    p.width = cairo_image_surface_get_width(surface.get());
    p.height = cairo_image_surface_get_height(surface.get());
    const cairo_format_t format = cairo_image_surface_get_format(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    const unsigned char* data = cairo_image_surface_get_data(surface.get());
    const bool has_alpha = format == CAIRO_FORMAT_ARGB32;
    p.rgb.reserve(static_cast<size_t>(p.width) * p.height * 3);
    p.alpha.reserve(static_cast<size_t>(p.width) * p.height);
    for (int y = 0; y < p.height; ++y) {
        const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
        for (int x = 0; x < p.width; ++x) {
            const uint32_t px = row[x];  // Cairo's native-endian 0xAARRGGBB, premultiplied
            const unsigned a = has_alpha ? px >> 24 : 255;
            unsigned c[3] = {(px >> 16) & 255, (px >> 8) & 255, px & 255};
            for (unsigned& v : c) {
                if (a == 0)
                    v = 255;  // hidden anyway; white keeps the stream compressible
                else if (a < 255)
                    v = std::min(255u, (v * 255 + a / 2) / a);
                p.rgb += static_cast<char>(v);
            }
            p.alpha += static_cast<char>(a);
            if (a != 255) p.opaque = false;
        }
    }
    return p;
}

std::string deflate(const std::string& raw) {
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                  reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                  Z_BEST_COMPRESSION) != Z_OK)
        throw core::Failure(core::Diagnostic{
            core::Severity::error, "sign.image", "cannot compress a signature image", {}, {}});
    out.resize(size);
    return out;
}

std::string image_object(const Pixels& p, const std::string& colour_space,
                         const std::string& samples, const std::string& extra) {
    const std::string data = deflate(samples);
    return "<< /Type /XObject /Subtype /Image /Width " + std::to_string(p.width) + " /Height " +
           std::to_string(p.height) + " /ColorSpace " + colour_space +
           " /BitsPerComponent 8 /Filter /FlateDecode" + extra + " /Length " +
           std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// The image's objects (its /SMask first when it has transparency); returns its number.
int add_image(const Pixels& p, std::vector<render::UpdatedObject>& objects, int& next) {
    std::string extra;
    if (!p.opaque) {
        const int mask = next++;
        objects.push_back({mask, 0, image_object(p, "/DeviceGray", p.alpha, "")});
        extra = " /SMask " + std::to_string(mask) + " 0 R";
    }
    const int image = next++;
    objects.push_back({image, 0, image_object(p, "/DeviceRGB", p.rgb, extra)});
    return image;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// "q w 0 0 h x y cm /Name Do Q": the image drawn into box (x, y, w, h) of the form.
std::string draw(const std::string& name, const Box& b) {
    return "q " + number(b.width) + " 0 0 " + number(b.height) + ' ' + number(b.x) + ' ' +
           number(b.y) + " cm /" + name + " Do Q\n";
}

}  // namespace

Appearance build_appearance(const Box& space, const AppearanceImages& images, int& next) {
    Appearance a;
    a.rect = space;
    Box signature, seal;
    std::optional<Pixels> signature_pixels, seal_pixels;
    const double centre_x = space.x + space.width / 2, centre_y = space.y + space.height / 2;
    double seal_centre_x = centre_x;
    if (!images.signature.empty()) {
        signature_pixels = decode(images.signature);
        // As large as the space allows, keeping its proportions, centred (ô 7c).
        const double scale = std::min(space.width / signature_pixels->width,
                                      space.height / signature_pixels->height);
        signature.width = signature_pixels->width * scale;
        signature.height = signature_pixels->height * scale;
        signature.x = centre_x - signature.width / 2;
        signature.y = centre_y - signature.height / 2;
        seal_centre_x = signature.x + signature.width / 6;  // over its left third (ô 8)
    }
    if (!images.seal.empty()) {
        seal_pixels = decode(images.seal);
        seal.width = images.seal_width;
        seal.height = seal.width * seal_pixels->height / seal_pixels->width;
        seal.x = seal_centre_x - seal.width / 2;
        seal.y = centre_y - seal.height / 2;
        // A seal larger than the space reaches over the title lines and the name, as a stamp
        // does on paper: the widget grows to hold it.
        const double right = std::max(space.x + space.width, seal.x + seal.width);
        const double top = std::max(space.y + space.height, seal.y + seal.height);
        a.rect.x = std::min(space.x, seal.x);
        a.rect.y = std::min(space.y, seal.y);
        a.rect.width = right - a.rect.x;
        a.rect.height = top - a.rect.y;
    }

    std::string resources, content;
    auto place = [&](const std::string& name, const Pixels& p, Box b) {
        const int number_of = add_image(p, a.objects, next);
        resources += " /" + name + ' ' + std::to_string(number_of) + " 0 R";
        b.x -= a.rect.x;
        b.y -= a.rect.y;
        content += draw(name, b);
    };
    // The seal is stamped over the signature, so it is drawn last.
    if (signature_pixels) place("ChuKy", *signature_pixels, signature);
    if (seal_pixels) place("Dau", *seal_pixels, seal);

    a.form = next++;
    std::string form = "<< /Type /XObject /Subtype /Form /BBox [0 0 " + number(a.rect.width) + ' ' +
                       number(a.rect.height) + ']';
    if (!resources.empty()) form += " /Resources << /XObject <<" + resources + " >> >>";
    form +=
        " /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
    a.objects.push_back({a.form, 0, std::move(form)});
    return a;
}

}  // namespace vanthu::sign
