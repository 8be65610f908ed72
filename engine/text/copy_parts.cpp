// Trích sao (Decree 30, Điều 25): the copy holds only the parts named, each a heading with what
// follows it up to the next heading of its level or above.
#include <algorithm>
#include <string>

#include "text/detail.hpp"
#include "text/text.hpp"

namespace vanthu::text::detail {

namespace {

// The heading's label: its text up to the first ". ", "\n" or ")" ("Điều 2", "II", "a").
std::string label_of(const std::string& heading) {
    size_t end = heading.size();
    for (const char* mark : {". ", ".\n", "\n", ")"}) end = std::min(end, heading.find(mark));
    std::string label(trim(std::string_view(heading).substr(0, end)));
    while (!label.empty() && label.back() == '.') label.pop_back();
    return label;
}

// Whether heading text `text` is the part labelled `label`: it starts with it, followed by
// nothing, a full stop, a bracket, a colon or white space ("Điều 2" is not "Điều 21").
bool is_part(const std::string& text, const std::string& label) {
    const std::string t = upper(trim(text));
    const std::string l = upper(trim(label));
    if (l.empty() || !t.starts_with(l)) return false;
    if (t.size() == l.size()) return true;
    const char next = t[l.size()];
    return next == '.' || next == ')' || next == ':' || next == ' ' || next == '\n';
}

const model::Paragraph* heading(const model::Block& b) {
    const auto* p = std::get_if<model::Paragraph>(&b);
    return p && p->heading_level > 0 ? p : nullptr;
}

}  // namespace

std::vector<std::string> keep_parts(std::vector<model::Block>& body,
                                    const std::vector<model::Text>& parts,
                                    std::vector<std::string>& labels) {
    std::vector<bool> keep(body.size(), false);
    std::vector<std::string> missing;
    for (const auto& part : parts) {
        size_t start = body.size();
        for (size_t i = 0; i < body.size() && start == body.size(); ++i)
            if (const auto* h = heading(body[i]); h && is_part(h->plain_text(), part.value))
                start = i;
        if (start == body.size()) {
            missing.emplace_back(trim(part.value));
            continue;
        }
        const int level = heading(body[start])->heading_level;
        keep[start] = true;
        for (size_t i = start + 1; i < body.size(); ++i) {
            if (const auto* h = heading(body[i]); h && h->heading_level <= level) break;
            keep[i] = true;
        }
    }
    labels.clear();
    for (const auto& b : body)
        if (const auto* h = heading(b)) labels.push_back(label_of(h->plain_text()));
    if (!missing.empty()) return missing;
    std::vector<model::Block> kept;
    for (size_t i = 0; i < body.size(); ++i)
        if (keep[i]) kept.push_back(std::move(body[i]));
    body = std::move(kept);
    return missing;
}

void renumber_notes(model::Document& doc) {
    std::vector<int> new_number(doc.notes.size() + 1, 0);
    std::vector<model::Paragraph> kept;
    const auto visit = [&](std::vector<model::InlineRun>& runs) {
        for (auto& run : runs) {
            if (run.note <= 0 || static_cast<size_t>(run.note) > doc.notes.size()) continue;
            int& n = new_number[static_cast<size_t>(run.note)];
            if (n == 0) {
                kept.push_back(doc.notes[static_cast<size_t>(run.note) - 1]);
                n = static_cast<int>(kept.size());
            }
            run.note = n;
            run.text = std::to_string(n);
        }
    };
    const auto visit_blocks = [&](std::vector<model::Block>& blocks) {
        for (auto& b : blocks) {
            if (auto* p = std::get_if<model::Paragraph>(&b)) visit(p->runs);
            if (auto* t = std::get_if<model::Table>(&b))
                for (auto& row : t->rows)
                    for (auto& cell : row.cells) visit(cell.runs);
        }
    };
    visit_blocks(doc.body);
    for (auto& a : doc.appendices) visit_blocks(a.body);
    doc.notes = std::move(kept);
}

}  // namespace vanthu::text::detail
