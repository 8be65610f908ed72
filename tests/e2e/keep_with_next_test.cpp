// Headings never end a page (nd30.md §2.7.1, "keep a heading with its following paragraph"): a
// heading goes to the next page unless two lines of what follows fit under it, and headings
// that follow each other ("III. TỔ CHỨC THỰC HIỆN" over "1. Liên đoàn Lao động tỉnh", seed 001)
// move together.
#include <gtest/gtest.h>

#include <optional>

#include "tools/page_lines.hpp"
#include "tools/pdf_probe.hpp"
#include "vanthu/engine.hpp"

namespace fs = std::filesystem;
using namespace vanthu;
using namespace vanthu::testing;

namespace {

// A kế hoạch whose first section has `items` one-line items, then a mục over a khoản over a
// paragraph of several lines.
std::string plan(int items) {
    std::string yaml =
        "template: ke-hoach\nco_quan_ban_hanh: Liên đoàn Lao động tỉnh An Giang\nso: \"620\"\n"
        "ky_hieu: KH-LĐLĐ\ndia_danh: An Giang\nngay: 2022-12-30\n"
        "trich_yeu: Tổ chức các hoạt động trong nữ công nhân lao động\nnoi_dung:\n"
        "  - muc: Mục đích, yêu cầu\n";
    for (int i = 0; i < items; ++i)
        yaml += "  - gach: Nội dung phối hợp số " + std::to_string(i + 1) + ".\n";
    yaml +=
        "  - muc: Tổ chức thực hiện\n  - khoan: Liên đoàn Lao động tỉnh An Giang\n"
        "  - doan: >-\n      Giao Ban Tuyên giáo - Nữ công là đơn vị giúp việc, đầu mối tham mưu "
        "triển khai thực hiện nội dung Chương trình phối hợp; định kỳ hoặc theo yêu cầu đột xuất "
        "trao đổi, cập nhật, thông tin với Hội Liên hiệp Phụ nữ tỉnh về kết quả tổ chức thi hành "
        "Điều lệ Hội, công tác tập hợp, phát triển hội viên.\n"
        "noi_nhan: [Như trên]\nluu: VT\nchuc_danh: [TM. Ban Thường vụ, Chủ tịch]\n"
        "nguoi_ky: Nguyễn Thiện Phú\n";
    return yaml;
}

std::optional<size_t> page_of(const layout::Pages& pages, const std::string& prefix) {
    for (size_t p = 0; p < pages.pages.size(); ++p)
        if (find_line(lines_of(pages, p), prefix)) return p;
    return std::nullopt;
}

TEST(KeepWithNext, HeadingsThatFollowEachOtherMoveTogether) {
    const fs::path dir = temp_dir("keep-with-next");
    Engine engine;
    // Enough item counts that the break falls at every line around the two headings.
    for (int items = 18; items <= 34; ++items) {
        write_file(dir / "d.yaml", plan(items));
        const auto pages = engine.layout({.data_file = dir / "d.yaml"});
        const auto muc = page_of(pages, "II. TỔ CHỨC THỰC HIỆN");
        const auto khoan = page_of(pages, "1. Liên đoàn Lao động tỉnh An Giang");
        const auto text = page_of(pages, "Giao Ban Tuyên giáo");
        ASSERT_TRUE(muc && khoan && text) << items << " items";
        EXPECT_EQ(*muc, *khoan) << items << " items: the mục ends a page alone";
        EXPECT_EQ(*khoan, *text) << items << " items: the khoản ends a page alone";
    }
    fs::remove_all(dir);
}

}  // namespace
