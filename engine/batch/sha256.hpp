// SHA-256 through GLib's GChecksum (GLib is loaded anyway, by Pango), as lower-case hex.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace vanthu::batch {

class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    Sha256& add(std::string_view bytes);
    // A length-prefixed field, so that ("ab", "c") and ("a", "bc") hash differently.
    Sha256& field(std::string_view bytes);
    std::string hex();  // finishes the hash

  private:
    struct Ctx;
    std::unique_ptr<Ctx> ctx_;
};

std::string sha256_hex(std::string_view bytes);

// The hash of a file's bytes; empty if it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace vanthu::batch
