// Reading the expanded markup (an XML dialect) into model::Document.
#pragma once

#include "core/diagnostics.hpp"
#include "expand/expand.hpp"
#include "model/document.hpp"

namespace vanthu::parse {

// Parses the markup of `expanded`. Every problem (malformed XML, unknown element or attribute,
// text where a block is expected, a missing required element) is reported at the template
// file:line:column that produced it; throws core::Failure if any is an error.
model::Document parse(const expand::Expanded& expanded, core::Diagnostics& diags);

}  // namespace vanthu::parse
