// Automatic heading numbers: each <h1>-<h5> gets the label of its level's style ("I.", "1.",
// "1.1.", "A.", "a)"), counted through the document, deeper counters restarting under a new
// parent. Titles numbered "I" or "A" are written in capitals (Decree 30, Phụ lục I), unless
// the heading is plain or keeps its case.
//
// The structure of legal texts (ND30 §2.7.1) has styles of its own: "Phần I", "Chương I" and
// "Mục 1" are a label over a title in capitals, both bold and centred; "Điều 1." is counted
// through the whole document (never restarted under a chapter) and its label is always bold,
// also before an article's upright text ("**Điều 1.** Phê duyệt …").
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

// "Phần", "Chương", "Mục": a label line over a centred title.
bool is_division(const std::string& token) {
    return token == "Phần" || token == "Chương" || token == "Mục";
}

bool is_article(const std::string& token) { return token == "Điều"; }

// Roman numerals stop at 3999 (MMMCMXCIX): later counters are written in digits.
bool roman_fits(int counter) { return counter <= 3999; }

// "Phần II", "Chương IV", "Mục 3".
std::string division_label(const std::string& token, int counter) {
    return token + " " +
           (token == "Mục" || !roman_fits(counter) ? std::to_string(counter) : roman(counter));
}

// Puts the label in front of the heading's runs, in `style`.
void prepend(model::Paragraph& p, std::string label, model::InlineStyle style) {
    p.runs.insert(p.runs.begin(), model::InlineRun{std::move(label), style, false});
}

// "Chương I" + '\n' + the title in capitals, centred.
void label_division(model::Paragraph& p, const std::string& token, int counter) {
    if (!p.keep_case)
        for (auto& run : p.runs) run.text = upper(run.text);
    p.align = model::Paragraph::Align::center;
    const auto style = p.runs.empty() ? model::InlineStyle{} : p.runs.front().style;
    prepend(p, division_label(token, counter) + (p.runs.empty() ? "" : "\n"), style);
}

}  // namespace

void number_headings(std::vector<model::Block>& blocks, const std::vector<std::string>& numbering) {
    std::array<int, 7> counters{};  // index 1..6
    const auto token_of = [&numbering](int level) {
        return static_cast<size_t>(level) <= numbering.size() ? numbering[level - 1]
                                                              : std::string();
    };
    for (auto& block : blocks) {
        auto* p = std::get_if<model::Paragraph>(&block);
        if (!p || p->heading_level == 0) continue;
        const int level = std::min(p->heading_level, 6);
        ++counters[level];
        // Articles run on through chapters and sections: their counter never restarts.
        for (int deeper = level + 1; deeper <= 6; ++deeper)
            if (!is_article(token_of(deeper))) counters[deeper] = 0;
        if (static_cast<size_t>(level) > numbering.size()) continue;
        const std::string& token = numbering[level - 1];
        if (is_division(token)) {
            label_division(*p, token, counters[level]);
            continue;
        }
        auto style = p->runs.empty() ? model::InlineStyle{} : p->runs.front().style;
        if (is_article(token)) {
            style.bold = true;  // bold also before the upright text of a plain article
            prepend(*p, "Điều " + std::to_string(counters[level]) + ". ", style);
            continue;
        }
        if ((token == "I" || token == "A") && !p->plain_heading && !p->keep_case)
            for (auto& run : p->runs) run.text = upper(run.text);
        auto label_style = style_of(token);
        if (!label_style) continue;
        if (*label_style == LabelStyle::roman && !roman_fits(counters[level]))
            label_style = LabelStyle::arabic;
        std::vector<int> path{counters[level]};
        // "1.1" under a heading of the level above; a heading that skips that level (an <h3>
        // straight after an <h1>) has no parent number to show and takes its own alone.
        if (*label_style == LabelStyle::decimal && level > 1 && counters[level - 1] > 0)
            path = {counters[level - 1], counters[level]};
        prepend(*p, numbering_label(*label_style, path) + " ", style);
    }
}

void number_headings(model::Document& doc) {
    number_headings(doc.body, doc.numbering);
    for (auto& appendix : doc.appendices) number_headings(appendix.body, appendix.numbering);
}

}  // namespace vanthu::text
