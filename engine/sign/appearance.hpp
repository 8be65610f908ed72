// The look of a signature (nd30.md §2.8 ô 7c and ô 8): the signer's image (blue, transparent)
// centred in the signature space, the organisation's seal (red, at its real size) over about
// the left third of it. Built as the widget's appearance form and the images it draws, each
// PNG an /Image XObject (DeviceRGB, Flate) with an /SMask for its transparency.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "render/pdf_update.hpp"

namespace vanthu::sign {

// A rectangle in PDF user space (points, origin at the page's bottom-left corner).
struct Box {
    double x = 0, y = 0, width = 0, height = 0;
};

struct AppearanceImages {
    std::filesystem::path signature;  // the signer's image; empty: none
    std::filesystem::path seal;       // the organisation's seal; empty: none
    double seal_width = 0;            // the seal's real width, points
    bool empty() const { return signature.empty() && seal.empty(); }
};

struct Appearance {
    Box rect;                                    // the widget's /Rect: the space and the seal
    int form = 0;                                // the appearance form's object number
    std::vector<render::UpdatedObject> objects;  // the form and its images
};

// The appearance of a signature over `space`, its objects numbered from `next` (advanced past
// them). No images: an empty form as big as the space. Throws core::Failure (sign.image) when
// an image cannot be read as a PNG.
Appearance build_appearance(const Box& space, const AppearanceImages& images, int& next);

}  // namespace vanthu::sign
