// The private fontconfig configuration a Shaper matches in: only its family's four files, so
// nothing can fall back to a font the machine happens to have (platform-facts Q2).
#pragma once

#include <fontconfig/fontconfig.h>

#include <array>
#include <string>

namespace vanthu::layout {

struct PrivateFontConfig {
    FcConfig* config = nullptr;  // a reference the caller owns
    bool from_cache = false;     // the patterns came from fontconfig's folder caches
};

// A new configuration holding exactly `files`. Their patterns come from fontconfig's cache of
// their folders when every folder has a valid one (fc-cache keeps one for the system's font
// folders): about a third of the time it takes to read the four files, which is what happens
// otherwise (a folder without a valid cache is never scanned).
PrivateFontConfig private_font_config(const std::array<std::string, 4>& files);

// A copy of the character set `config` holds for `file` (the caller owns it), or null.
FcCharSet* charset_in(FcConfig* config, const std::string& file);

}  // namespace vanthu::layout
