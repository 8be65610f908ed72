#include "batch/row_store.hpp"

namespace vanthu::batch {

void RowStore::add(const nlohmann::json& row) {
    nlohmann::json::to_cbor(row, bytes_);  // appends
    ends_.push_back(bytes_.size());
}

nlohmann::json RowStore::operator[](size_t index) const {
    const size_t begin = index == 0 ? 0 : ends_.at(index - 1);
    return nlohmann::json::from_cbor(bytes_.begin() + static_cast<std::ptrdiff_t>(begin),
                                     bytes_.begin() + static_cast<std::ptrdiff_t>(ends_.at(index)));
}

}  // namespace vanthu::batch
