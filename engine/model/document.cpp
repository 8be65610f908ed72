#include "model/document.hpp"

namespace vanthu::model {

std::string Paragraph::plain_text() const {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
}

std::string TableCell::plain_text() const {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
}

}  // namespace vanthu::model
