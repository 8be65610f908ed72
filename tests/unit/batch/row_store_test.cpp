// The batch's compact row store gives back every row as it was added.
#include "batch/row_store.hpp"

#include <gtest/gtest.h>

namespace vanthu::batch {
namespace {

using nlohmann::json;

TEST(RowStore, GivesBackEachRowAsAdded) {
    const std::vector<json> rows = {
        {{"ma", "ba-dinh"}, {"so", "61"}, {"noi_nhan", {"Quận ủy Ba Đình", "Lưu: VT"}}},
        json::object(),
        {{"so", 62}, {"khan", true}, {"ty_le", 81.3}, {"ghi_chu", nullptr}},
    };
    RowStore store;
    EXPECT_TRUE(store.empty());
    for (const auto& r : rows) store.add(r);
    ASSERT_EQ(store.size(), rows.size());
    for (size_t i = rows.size(); i-- > 0;) EXPECT_EQ(store[i], rows[i]) << "row " << i;
    EXPECT_THROW(store[rows.size()], std::out_of_range);
}

TEST(RowStore, SmallerThanTheRowsAsText) {
    RowStore store;
    size_t text = 0;
    for (int i = 0; i < 1000; ++i) {
        const json row = {{"ma", "don-vi-" + std::to_string(i)},
                          {"so", std::to_string(61 + i)},
                          {"noi_nhan", {"Quận ủy", "Hội LHPN quận", "Lưu: VT, TC"}}};
        text += row.dump().size();
        store.add(row);
    }
    EXPECT_LT(store.bytes(), text);
}

}  // namespace
}  // namespace vanthu::batch
