// Automatic heading numbers: each <h1>-<h3> gets the label of its level's style ("I.", "1.",
// "1.1.", "A.", "a)"), counted through the document, deeper counters restarting under a new
// parent. First-level titles under "I" or "A" are written in capitals (Decree 30, Phụ lục I).
#include <array>

#include "text/text.hpp"

namespace vanthu::text {
namespace {

std::optional<LabelStyle> style_of(const std::string& token) {
    if (token == "A") return LabelStyle::upper_alpha;
    if (token == "I") return LabelStyle::roman;
    if (token == "1") return LabelStyle::arabic;
    if (token == "1.1") return LabelStyle::decimal;
    if (token == "a") return LabelStyle::letter;
    return std::nullopt;
}

}  // namespace

void number_headings(model::Document& doc) {
    std::array<int, 4> counters{};  // index 1..3
    for (auto& block : doc.body) {
        auto* p = std::get_if<model::Paragraph>(&block);
        if (!p || p->heading_level == 0) continue;
        const int level = p->heading_level;
        ++counters[level];
        for (int deeper = level + 1; deeper <= 3; ++deeper) counters[deeper] = 0;
        if (static_cast<size_t>(level) > doc.numbering.size()) continue;
        const std::string& token = doc.numbering[level - 1];
        if (level == 1 && (token == "I" || token == "A"))
            for (auto& run : p->runs) run.text = upper(run.text);
        const auto style = style_of(token);
        if (!style) continue;
        std::vector<int> path{counters[level]};
        if (*style == LabelStyle::decimal && level > 1)
            path = {counters[level - 1], counters[level]};
        const std::string label = numbering_label(*style, path) + " ";
        p->runs.insert(
            p->runs.begin(),
            model::InlineRun{label, p->runs.empty() ? model::InlineStyle{} : p->runs.front().style,
                             false});
    }
}

}  // namespace vanthu::text
