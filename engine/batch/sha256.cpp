#include "batch/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <stdexcept>

namespace vanthu::batch {

struct Sha256::Ctx {
    EVP_MD_CTX* md = nullptr;
};

Sha256::Sha256() : ctx_(std::make_unique<Ctx>()) {
    ctx_->md = EVP_MD_CTX_new();
    if (!ctx_->md || EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL cannot start a SHA-256 hash");
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_->md); }

Sha256& Sha256::add(std::string_view bytes) {
    if (EVP_DigestUpdate(ctx_->md, bytes.data(), bytes.size()) != 1)
        throw std::runtime_error("OpenSSL cannot hash");
    return *this;
}

Sha256& Sha256::field(std::string_view bytes) {
    const std::string length = std::to_string(bytes.size()) + ":";
    return add(length).add(bytes);
}

std::string Sha256::hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int n = 0;
    if (EVP_DigestFinal_ex(ctx_->md, digest.data(), &n) != 1)
        throw std::runtime_error("OpenSSL cannot finish a hash");
    static const char* const digits = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) { return Sha256().add(bytes).hex(); }

std::string sha256_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    Sha256 h;
    std::array<char, 1 << 16> buf;
    while (in) {
        in.read(buf.data(), buf.size());
        h.add(std::string_view(buf.data(), static_cast<size_t>(in.gcount())));
    }
    if (in.bad()) return {};
    return h.hex();
}

}  // namespace vanthu::batch
