// Reuse of shaped paragraphs: in a batch most paragraphs are the same in every document, and
// the same text, style, size and width always break into the same lines.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include "layout/shaper.hpp"

namespace vanthu::layout {

// A bounded least-recently-used map from a TextSpec (everything that decides its lines, but
// not its source location) to the lines the Shaper made of it.
class ShapeCache {
  public:
    explicit ShapeCache(size_t capacity) : capacity_(capacity) {}

    static std::string key(const TextSpec& spec);

    const ShapedText* find(const std::string& key);
    void insert(std::string key, ShapedText lines);

    size_t hits() const { return hits_; }
    size_t misses() const { return misses_; }
    size_t size() const { return index_.size(); }

  private:
    using Entry = std::pair<std::string, ShapedText>;
    size_t capacity_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    size_t hits_ = 0, misses_ = 0;
};

}  // namespace vanthu::layout
