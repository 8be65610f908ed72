#include "layout/shape_cache.hpp"

namespace vanthu::layout {
namespace {

template <typename T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_text(std::string& out, const std::string& text) {
    put(out, text.size());
    out += text;
}

}  // namespace

std::string ShapeCache::key(const TextSpec& spec) {
    // Binary and length-prefixed, so no two different specs can give the same key.
    std::string k;
    put(k, spec.size);
    put(k, spec.width);
    put(k, spec.indent);
    put(k, static_cast<int>(spec.align));
    put(k, static_cast<unsigned char>((spec.bold ? 1 : 0) | (spec.italic ? 2 : 0)));
    put(k, spec.keep_together.size());
    for (const auto& r : spec.keep_together) {
        put(k, r.begin);
        put(k, r.end);
    }
    put(k, spec.runs.size());
    for (const auto& r : spec.runs) {
        const auto& s = r.style;
        put(k, static_cast<unsigned char>((s.bold ? 1 : 0) | (s.italic ? 2 : 0) |
                                          (s.underline ? 4 : 0) | (s.superscript ? 8 : 0)));
        put_text(k, r.text);
    }
    return k;
}

const ShapedText* ShapeCache::find(const std::string& key) {
    auto it = index_.find(key);
    if (it == index_.end()) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    entries_.splice(entries_.begin(), entries_, it->second);
    return &it->second->second;
}

void ShapeCache::insert(std::string key, ShapedText lines) {
    if (capacity_ == 0 || index_.count(key)) return;
    entries_.emplace_front(std::move(key), std::move(lines));
    index_.emplace(entries_.front().first, entries_.begin());
    if (index_.size() > capacity_) {
        index_.erase(entries_.back().first);
        entries_.pop_back();
    }
}

}  // namespace vanthu::layout
