#include "batch/sha256.hpp"

#include <glib.h>

#include <array>
#include <fstream>
#include <stdexcept>

namespace vanthu::batch {

struct Sha256::Ctx {
    GChecksum* sum = nullptr;
};

Sha256::Sha256() : ctx_(std::make_unique<Ctx>()) {
    ctx_->sum = g_checksum_new(G_CHECKSUM_SHA256);
    if (!ctx_->sum) throw std::runtime_error("GLib cannot start a SHA-256 hash");
}

Sha256::~Sha256() { g_checksum_free(ctx_->sum); }

Sha256& Sha256::add(std::string_view bytes) {
    // g_checksum_update takes a gssize: feed very large inputs in slices.
    constexpr size_t kSlice = size_t{1} << 30;
    for (size_t at = 0; at < bytes.size(); at += kSlice) {
        const auto part = bytes.substr(at, kSlice);
        g_checksum_update(ctx_->sum, reinterpret_cast<const guchar*>(part.data()),
                          static_cast<gssize>(part.size()));
    }
    return *this;
}

Sha256& Sha256::field(std::string_view bytes) {
    const std::string length = std::to_string(bytes.size()) + ":";
    return add(length).add(bytes);
}

std::string Sha256::hex() { return g_checksum_get_string(ctx_->sum); }  // lower-case hex

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
