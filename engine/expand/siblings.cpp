// Sibling elements of a section's output: found once (split), then sorted or punctuated. Only
// character data changes, so the markup and the line markers of the source map stay intact.
#include "expand/siblings.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "expand/rendered_markup.hpp"
#include "text/text.hpp"

namespace vanthu::expand::siblings {

namespace {

using namespace rendered;  // tokenize, split_value, decode_entity, shown

// "<name …>" / "</name>" / "<name/>": the element name and the tag's kind.
enum class TagKind { open, close, empty, other };

TagKind tag_kind(std::string_view tag, std::string& name) {
    if (tag.size() < 3 || tag[1] == '!' || tag[1] == '?') return TagKind::other;
    const bool close = tag[1] == '/';
    size_t i = close ? 2 : 1;
    const size_t start = i;
    while (i < tag.size() && !is_space(tag[i]) && tag[i] != '>' && tag[i] != '/') ++i;
    name.assign(tag.substr(start, i - start));
    if (close) return TagKind::close;
    return tag[tag.size() - 2] == '/' ? TagKind::empty : TagKind::open;
}

struct Item {
    size_t begin = 0;
    size_t end = 0;
    std::string text;  // its character data, entities decoded
};

// The top-level elements of `s` and what lies between them: gaps[i] comes before items[i],
// gaps.back() after the last.
struct Split {
    std::vector<Item> items;
    std::vector<std::string> gaps = std::vector<std::string>(1);
    std::string problem;
};

Split split(const std::string& s, const char* what) {
    Split out;
    std::vector<std::string> open;  // element names, innermost last
    std::string name;
    const auto fail = [&out](std::string why) {
        out.problem = std::move(why);
        return out;
    };
    for (const Token& t : tokenize(s)) {
        const std::string_view piece(s.data() + t.begin, t.end - t.begin);
        if (open.empty()) {
            if (t.kind == Kind::marker) {
                out.gaps.back() += piece;
                continue;
            }
            if (t.kind == Kind::text || t.kind == Kind::entity) {
                if (std::all_of(piece.begin(), piece.end(), is_space)) {
                    out.gaps.back() += piece;
                    continue;
                }
                return fail("text " + shown(split_value(std::string(piece)).value) +
                            " is outside the elements to " + what);
            }
            const TagKind kind = tag_kind(piece, name);
            if (kind == TagKind::other) {
                out.gaps.back() += piece;
                continue;
            }
            if (kind == TagKind::close) return fail("</" + name + "> closes no element");
            out.items.push_back({t.begin, t.end, {}});
            if (kind == TagKind::open) open.push_back(name);
            if (open.empty()) out.gaps.emplace_back();
            continue;
        }
        if (t.kind == Kind::tag) {
            const TagKind kind = tag_kind(piece, name);
            if (kind == TagKind::open) open.push_back(name);
            if (kind == TagKind::close) {
                if (open.back() != name)
                    return fail("</" + name + "> does not close <" + open.back() + ">");
                open.pop_back();
            }
        } else if (t.kind == Kind::text) {
            out.items.back().text += piece;
        } else if (t.kind == Kind::entity) {
            const auto c = decode_entity(piece);
            out.items.back().text += c ? *c : std::string(piece);
        }
        out.items.back().end = t.end;
        if (open.empty()) out.gaps.emplace_back();
    }
    if (!open.empty()) return fail("<" + open.back() + "> is not closed");
    return out;
}

// Spaces collapsed, so indentation inside an element does not change its place.
std::string collapsed(const std::string& text) {
    std::string key;
    for (const char c : text) {
        if (is_space(c)) {
            if (!key.empty() && key.back() != ' ') key += ' ';
        } else {
            key += c;
        }
    }
    if (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
}

// One element's markup with its text ending in `mark`: the last text token loses its trailing
// spaces and end marks and gets `mark`; after a last entity ("&quot;") the mark is added.
std::string end_with(std::string element, const std::string& mark) {
    const auto tokens = tokenize(element);
    for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) {
        const std::string_view piece(element.data() + t->begin, t->end - t->begin);
        if (t->kind == Kind::entity) return element.insert(t->end, mark);
        if (t->kind != Kind::text || std::all_of(piece.begin(), piece.end(), is_space)) continue;
        size_t end = t->end;
        while (end > t->begin &&
               (is_space(element[end - 1]) ||
                std::string_view(";.,:").find(element[end - 1]) != std::string_view::npos))
            --end;
        return element.replace(end, t->end - end, mark);
    }
    return element;
}

std::string join(const std::string& s, const Split& parts, const std::vector<std::string>& items) {
    std::string out;
    out.reserve(s.size() + items.size());
    for (size_t i = 0; i < items.size(); ++i) out += parts.gaps[i] + items[i];
    return out + parts.gaps[items.size()];
}

}  // namespace

Result sort_elements(const std::string& s) {
    Split parts = split(s, "sort");
    if (!parts.problem.empty()) return {s, parts.problem};
    if (parts.items.size() < 2) return {s, {}};
    for (auto& item : parts.items) item.text = collapsed(item.text);
    std::vector<size_t> order(parts.items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&parts](size_t a, size_t b) {
        return text::compare_vi(parts.items[a].text, parts.items[b].text) < 0;
    });
    std::vector<std::string> items;
    for (const size_t i : order) {
        const Item& item = parts.items[i];
        items.push_back(s.substr(item.begin, item.end - item.begin));
    }
    return {join(s, parts, items), {}};
}

Result punctuate_elements(const std::string& s) {
    Split parts = split(s, "punctuate");
    if (!parts.problem.empty()) return {s, parts.problem};
    std::vector<std::string> items;
    for (size_t i = 0; i < parts.items.size(); ++i) {
        const Item& item = parts.items[i];
        items.push_back(end_with(s.substr(item.begin, item.end - item.begin),
                                 i + 1 == parts.items.size() ? "." : ";"));
    }
    return {join(s, parts, items), {}};
}

}  // namespace vanthu::expand::siblings
