// The rows of a batch, kept as CBOR one after another in one buffer: about a quarter of the
// memory of parsed JSON values, so that a batch of many rows stays small. Rows are read back
// one at a time, as a document needs its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

namespace vanthu::batch {

class RowStore {
  public:
    void add(const nlohmann::json& row);
    nlohmann::json operator[](size_t index) const;  // a copy, decoded
    size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }
    size_t bytes() const { return bytes_.size(); }

  private:
    std::vector<std::uint8_t> bytes_;
    std::vector<size_t> ends_;  // where each row's bytes end
};

}  // namespace vanthu::batch
