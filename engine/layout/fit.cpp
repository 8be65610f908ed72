// Pages that fit (issue 16): when the main document spills a few lines onto its last page, the
// body may be set tighter within Decree 30's limits (nd30.md §1: line spacing from single, 13 or
// 14 pt, paragraph spacing at least 6 pt) if that saves the page. layout.cpp tries the steps in
// order and keeps the first that saves one.
#include <charconv>

#include "layout/blocks.hpp"

namespace vanthu::layout {
namespace {

constexpr double kSpillLines = 6;  // at most this many body lines' height on the last page
constexpr double kMinBodySize = 13;
constexpr double kHalfBlank = 0.5;

// 1.15 → "1,15", 1 → "1,0" (or "1" without `point`): a decimal comma, as a clerk writes it.
std::string decimal(double v, bool point = true) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    std::string s(buffer, ec == std::errc() ? end : buffer);
    if (point && s.find('.') == std::string::npos) s += ".0";
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}

}  // namespace

bool fit_worth_trying(const Pagination& pagination, const std::vector<Part>& main,
                      const Typography& type) {
    const size_t pages = pagination.main_pages();
    if (pages < 2) return false;
    const size_t last = pages - 1;  // the main document's pages come first
    double body = 0;
    for (size_t b = 0; b < main.size() && b < pagination.units.size(); ++b) {
        // The closing and the blocks kept under it (a giấy nghỉ phép's confirmation) are not
        // body text: they move whole.
        if (main[b].block.closing || main[b].block.kind == Block::Kind::keep) continue;
        for (size_t u = 0; u < pagination.units[b].size(); ++u)
            if (pagination.units[b][u].page == last) body += main[b].block.units[u].height;
    }
    return body <= kSpillLines * type.body_pitch() + 1e-6;
}

std::vector<Typography> fit_steps(const Typography& type) {
    std::vector<Typography> steps;
    Typography t = type;
    for (double factor : {1.1, 1.05, 1.0})
        if (factor < t.body_line_factor) {
            t.body_line_factor = factor;
            steps.push_back(t);
        }
    if (t.blank_line > kHalfBlank) {
        t.blank_line = kHalfBlank;
        steps.push_back(t);
    }
    if (t.body_size > kMinBodySize) {
        t.body_size = kMinBodySize;
        steps.push_back(t);
    }
    return steps;
}

core::Diagnostic fit_note(const model::Document& doc, const Typography& from, const Typography& to,
                          size_t pages) {
    std::vector<std::string> changes;
    if (to.body_line_factor < from.body_line_factor)
        changes.push_back("giãn dòng xuống " + decimal(to.body_line_factor) + " dòng");
    if (to.blank_line < from.blank_line)
        changes.push_back("dòng trống trên phần nội dung và trên khối chữ ký xuống nửa dòng");
    if (to.body_size < from.body_size)
        changes.push_back("cỡ chữ phần nội dung xuống " + decimal(to.body_size, false) + " pt");
    std::string message = "Đã giảm ";
    for (size_t i = 0; i < changes.size(); ++i)
        message += (i == 0 ? "" : i + 1 == changes.size() ? " và " : ", ") + changes[i];
    message += " để văn bản vừa " + std::to_string(pages) +
               " trang; ghi vua_trang: khong trong dữ liệu (hoặc --no-fit) để giữ mặc định";
    core::Diagnostic d;
    d.severity = core::Severity::note;
    d.code = "layout.fit";
    d.message = std::move(message);
    if (!doc.source_file.empty()) d.where = core::SourceLocation{doc.source_file, 0, 0, {}};
    return d;
}

}  // namespace vanthu::layout
