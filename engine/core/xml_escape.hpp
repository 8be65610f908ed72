// XML escaping, for text put into XML: template output and fontconfig configurations.
#pragma once

#include <string>

namespace vanthu::core {

// `text` with & < > " ' as entities.
std::string xml_escape(const std::string& text);

}  // namespace vanthu::core
