// Fields every template takes, whatever its manifest says, because the engine, not the
// template, acts on them: `ban_sao` (the copy block of Mẫu 3.1, Điều 25-27) and `vua_trang`
// (whether layout may tighten the spacing so that pages fit). They are taken out of the data
// before the manifest check and checked here, with the manifest check's messages.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/diagnostics.hpp"
#include "model/document.hpp"

namespace vanthu::input {

// The data names of the document-level fields.
inline constexpr const char* kCopyField = "ban_sao";
inline constexpr const char* kFitField = "vua_trang";

struct DocumentFields {
    // From ban_sao: the copy block, its form from ban_sao.hinh_thuc (the command's --copy wins
    // over it); its strings as written, the text stage finishes them.
    std::optional<model::CopyBlock> copy;
    std::optional<bool> fit;  // vua_trang: co / khong / true / false; empty when not given
};

// Takes `ban_sao` and `vua_trang` out of `data` (an object), unless `manifest` declares them
// itself, and checks them: problems are "data.schema" errors at `file` with the path
// (`ban_sao.so: expected a text, got a list`, `vua_trang: expected one of …`). `copy_form` is
// the command's --copy ("sao-y", "sao-luc", "trich-sao"; empty: none); a form without ban_sao
// is an error, since the copy needs the copying body.
DocumentFields take_document_fields(nlohmann::json& data, const nlohmann::json& manifest,
                                    const std::string& copy_form, const std::string& file,
                                    core::Diagnostics& diags);

// The document-level fields as a manifest would declare them (`vanthu templates NAME` lists
// them after the template's own).
const nlohmann::json& document_fields_schema();

// The copy forms the command and ban_sao.hinh_thuc accept.
bool is_copy_form(const std::string& form);

}  // namespace vanthu::input
