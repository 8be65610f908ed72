// The {{#inline}} helper's rule (expand/inline_markup.hpp) on rendered markup: it returns
// markup or throws std::length_error (marks nested too deep), and what it adds is always
// closed: well-formed input stays well-formed (checked with pugixml).
#include "expand/inline_markup.hpp"

#include <cstdlib>
#include <stdexcept>

#include <pugixml.hpp>

#include "fuzz_support.hpp"
#include "text/text.hpp"

using namespace vanthu;

namespace {

bool well_formed(const std::string& markup) {
    pugi::xml_document doc;
    return doc.load_string(("<r>" + markup + "</r>").c_str(), pugi::parse_default);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    const std::string markup = fuzz::text_of(bytes, size);
    // Rendered markup is always UTF-8 without NUL (data and templates are checked first).
    if (!text::is_valid_utf8(markup) || markup.find('\0') != std::string::npos) return 0;
    std::string out;
    try {
        out = expand::rendered::inline_markup(markup);
    } catch (const std::length_error&) {
        return 0;
    }
    if (well_formed(markup) && !well_formed(out)) std::abort();
    return 0;
}
