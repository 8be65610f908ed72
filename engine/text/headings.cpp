// Automatic heading numbers: each <h1>-<h5> gets the label of its level's style ("I.", "1.",
// "1.1.", "A.", "a)"), counted through the document, deeper counters restarting under a new
// parent. Titles numbered "I" or "A" are written in capitals (Decree 30, Phụ lục I), unless
// the heading is plain or keeps its case.
#include <algorithm>
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

void number_headings(std::vector<model::Block>& blocks, const std::vector<std::string>& numbering) {
    std::array<int, 7> counters{};  // index 1..6
    for (auto& block : blocks) {
        auto* p = std::get_if<model::Paragraph>(&block);
        if (!p || p->heading_level == 0) continue;
        const int level = std::min(p->heading_level, 6);
        ++counters[level];
        for (int deeper = level + 1; deeper <= 6; ++deeper) counters[deeper] = 0;
        if (static_cast<size_t>(level) > numbering.size()) continue;
        const std::string& token = numbering[level - 1];
        if ((token == "I" || token == "A") && !p->plain_heading && !p->keep_case)
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

void number_headings(model::Document& doc) {
    number_headings(doc.body, doc.numbering);
    for (auto& appendix : doc.appendices) number_headings(appendix.body, appendix.numbering);
}

}  // namespace vanthu::text
