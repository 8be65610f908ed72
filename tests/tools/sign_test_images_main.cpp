// sign_test_images DIR: writes DIR/chu-ky.png (a blue signature) and DIR/dau.png (a red sample
// seal reading "MẪU"), the images the signing tests use, for trying the signature's look by
// hand and for scripts/sign-page-image.sh.
#include <filesystem>
#include <iostream>

#include "tools/test_images.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: sign_test_images DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    if (!vanthu::testing::write_signature_png(dir / "chu-ky.png") ||
        !vanthu::testing::write_seal_png(dir / "dau.png")) {
        std::cerr << "sign_test_images: cannot write the images in " << dir << '\n';
        return 1;
    }
    return 0;
}
