#include "input/document_fields.hpp"

#include <nlohmann/json.hpp>

#include "input/schema.hpp"

namespace vanthu::input {

using nlohmann::json;

namespace {}  // namespace

// ban_sao and vua_trang as a schema, so that they are checked with the manifest's rules and
// messages (the data is checked as {"ban_sao": …, "vua_trang": …}: paths read `ban_sao.so`).
const json& document_fields_schema() {
    static const json schema = json::parse(R"json({
      "type": "object",
      "properties": {
        "ban_sao": {
          "type": "object",
          "additionalProperties": false,
          "required": ["co_quan", "ky_hieu", "chuc_danh", "nguoi_ky"],
          "description": "Bản sao (Mẫu 3.1): thông tin của cơ quan sao, in dưới văn bản sau đường kẻ ngang — the copying body, for a copy",
          "properties": {
            "hinh_thuc": { "type": "string", "enum": ["sao-y", "sao-luc", "trich-sao"],
              "description": "Hình thức sao; --copy trong lệnh được ưu tiên — the copy's form; --copy wins" },
            "co_quan_chu_quan": { "type": "string",
              "description": "Cơ quan chủ quản của cơ quan sao (nếu có); viết in hoa — the copying body's parent" },
            "co_quan": { "type": "string", "minLength": 1,
              "description": "Cơ quan sao văn bản; viết in hoa — the copying body" },
            "so": { "type": "string",
              "description": "Số của bản sao; để trống thì chừa chỗ — the copy's number" },
            "ky_hieu": { "type": "string", "minLength": 1,
              "description": "Chữ viết tắt tên cơ quan sao: Số: 05/SY-<ky_hieu> (SL, TrS) — the copying body's abbreviation" },
            "dia_danh": { "type": "string", "description": "Địa danh — place name" },
            "ngay": { "type": "string", "format": "date",
              "description": "Ngày sao, YYYY-MM-DD (YYYY-MM, YYYY khi chưa biết ngày) — date of the copy" },
            "noi_nhan": { "type": "array", "items": { "type": "string" },
              "description": "Nơi nhận bản sao — recipients" },
            "luu": { "type": "string", "description": "Phần sau Lưu:, ví dụ VT — what follows Lưu:" },
            "chuc_danh": { "type": ["string", "array"], "items": { "type": "string" },
              "description": "Chức danh người ký, mỗi dòng một mục, ví dụ TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG — the signer's title lines" },
            "nguoi_ky": { "type": "string", "minLength": 1, "description": "Họ tên người ký — the signer" },
            "ghi_chu_ky": { "type": "string", "description": "Ghi chú ở chỗ ký, ví dụ (Đã ký) — a note in the signature space" },
            "trich": { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 },
              "description": "Chỉ với trích sao: các phần được trích, gọi theo đề mục như khi in (Điều 2, II) — the parts copied" }
          }
        },
        "vua_trang": { "type": ["string", "boolean"],
          "enum": ["co", "có", "khong", "không", true, false],
          "description": "khong: giữ khoảng cách mặc định, không thu hẹp để vừa trang (mặc định: co) — khong keeps the default spacing" }
      }
    })json");
    return schema;
}

namespace {

bool declared(const json& manifest, const char* field) {
    const auto properties = manifest.find("properties");
    return properties != manifest.end() && properties->is_object() && properties->contains(field);
}

model::Text text_of(const json& object, const char* key, const std::string& file) {
    model::Text t;
    t.where = core::SourceLocation{file, 0, 0, {}};
    const auto v = object.find(key);
    if (v == object.end() || v->is_null()) return t;
    t.value = v->is_string() ? v->get<std::string>() : v->dump();
    return t;
}

std::vector<model::Text> texts_of(const json& object, const char* key, const std::string& file) {
    std::vector<model::Text> out;
    const auto v = object.find(key);
    if (v == object.end()) return out;
    if (v->is_string()) out.push_back(text_of(object, key, file));
    if (v->is_array())
        for (const auto& item : *v)
            out.push_back({item.is_string() ? item.get<std::string>() : item.dump(),
                           core::SourceLocation{file, 0, 0, {}}});
    return out;
}

model::CopyBlock::Form form_of(const std::string& form) {
    if (form == "sao-luc") return model::CopyBlock::Form::sao_luc;
    if (form == "trich-sao") return model::CopyBlock::Form::trich_sao;
    return model::CopyBlock::Form::sao_y;
}

model::CopyBlock copy_block(const json& b, const std::string& form, const std::string& file) {
    model::CopyBlock c;
    c.form = form_of(form);
    c.body.parent = text_of(b, "co_quan_chu_quan", file);
    c.body.name = text_of(b, "co_quan", file);
    c.number = text_of(b, "so", file);
    c.symbol = text_of(b, "ky_hieu", file);
    c.place = text_of(b, "dia_danh", file);
    c.date = text_of(b, "ngay", file);
    c.recipients = texts_of(b, "noi_nhan", file);
    if (const auto luu = text_of(b, "luu", file); !luu.empty())
        c.recipients.push_back({"Lưu: " + luu.value, luu.where});
    c.signature.titles = texts_of(b, "chuc_danh", file);
    c.signature.name = text_of(b, "nguoi_ky", file);
    c.signature.note = text_of(b, "ghi_chu_ky", file);
    c.signature.where = core::SourceLocation{file, 0, 0, {}};
    c.parts = texts_of(b, "trich", file);
    return c;
}

core::Diagnostic problem(const std::string& message, const std::string& file,
                         std::vector<std::string> hints) {
    return {core::Severity::error, "data.schema", message, core::SourceLocation{file, 0, 0, {}},
            std::move(hints)};
}

// The fields out of `taken`, once it has passed the schema; problems the schema cannot say
// (a form without the body's data, parts of a copy that is no trích sao) go to `found`.
DocumentFields fields_from(const json& taken, const std::string& copy_form, const std::string& file,
                           core::Diagnostics& found) {
    DocumentFields out;
    if (!copy_form.empty() && !is_copy_form(copy_form))
        found.add(problem("unknown copy form \"" + copy_form + "\"", file,
                          {"the forms are sao-y, sao-luc and trich-sao"}));
    if (found.has_errors()) return out;
    if (const auto fit = taken.find(kFitField); fit != taken.end() && !fit->is_null()) {
        if (fit->is_boolean())
            out.fit = fit->get<bool>();
        else if (const auto s = fit->get<std::string>(); !s.empty())
            out.fit = s == "co" || s == "có";
    }

    const auto copy = taken.find(kCopyField);
    if (copy == taken.end() || copy->is_null()) {
        if (!copy_form.empty())
            found.add(problem("--copy " + copy_form +
                                  " needs the copying body's data, and the data has no ban_sao",
                              file,
                              {"add ban_sao: {co_quan, ky_hieu, so, dia_danh, ngay, noi_nhan, "
                               "chuc_danh, nguoi_ky} to the data, or give it with --copy-data "
                               "FILE"}));
        return out;
    }
    std::string form = copy_form;
    if (const auto h = copy->find("hinh_thuc"); form.empty() && h != copy->end() && h->is_string())
        form = h->get<std::string>();
    if (form.empty()) {
        found.add(problem("ban_sao.hinh_thuc: required but not given (the form of the copy)", file,
                          {"write hinh_thuc: sao-y, sao-luc or trich-sao, or give "
                           "--copy sao-y|sao-luc|trich-sao"}));
        return out;
    }
    const bool has_parts = copy->contains("trich") && !copy->at("trich").is_null();
    if (form == "trich-sao" && !has_parts)
        found.add(problem("ban_sao.trich: required but not given (a trích sao copies chosen parts)",
                          file, {"list the parts by their headings: trich: [Điều 2, Điều 3]"}));
    if (form != "trich-sao" && has_parts)
        found.add(problem("ban_sao.trich: only a trích sao copies parts, and this copy is " + form,
                          file, {"give --copy trich-sao, or leave trich out"}));
    if (found.has_errors()) return out;
    out.copy = copy_block(*copy, form, file);
    return out;
}

}  // namespace

bool is_copy_form(const std::string& form) {
    return form == "sao-y" || form == "sao-luc" || form == "trich-sao";
}

DocumentFields take_document_fields(json& data, const json& manifest, const std::string& copy_form,
                                    const std::string& file, core::Diagnostics& diags) {
    DocumentFields out;
    json taken = json::object();
    for (const char* field : {kCopyField, kFitField})
        if (data.is_object() && data.contains(field) && !declared(manifest, field)) {
            taken[field] = std::move(data[field]);
            data.erase(field);
        }
    core::Diagnostics found;
    check_data(document_fields_schema(), taken, file, found);
    out = fields_from(taken, copy_form, file, found);
    diags.append(found);
    return out;
}

}  // namespace vanthu::input
