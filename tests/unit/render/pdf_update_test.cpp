// The incremental update that finishes every PDF: what it reads of a writer's file, what it
// appends, and the files it refuses. The results are checked with qpdf and poppler.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/diagnostics.hpp"
#include "core/limits.hpp"
#include "render/pdf_finish.hpp"
#include "render/pdf_update.hpp"
#include "tools/hand_made_pdf.hpp"
#include "tools/pdf_probe.hpp"

using namespace vanthu;
using namespace vanthu::render;
namespace fs = std::filesystem;
namespace probe = vanthu::testing;

namespace {

// Trailer without /ID, spread over lines as some writers do.
std::string hand_made_pdf() {
    return probe::hand_made_pdf("<< /Size 5\n   /Root 1 0 R\n   /Info 4 0 R\n>>");
}

TEST(PdfUpdate, ReadsTheTrailerAndTheTable) {
    const auto pdf = hand_made_pdf();
    const auto tail = read_tail(pdf);
    EXPECT_EQ(tail.size, 5u);
    EXPECT_EQ(tail.root, 1);
    EXPECT_EQ(tail.info, 4);
    EXPECT_TRUE(tail.first_id.empty());
    EXPECT_EQ(tail.offsets.size(), 4u);
    EXPECT_EQ(pdf.substr(tail.offsets.at(3), 7), "3 0 obj");
}

TEST(PdfUpdate, SplitsADictionaryIntoItsTopLevelEntries) {
    const auto pdf = hand_made_pdf();
    const auto entries = dictionary_entries(object_dictionary(pdf, read_tail(pdf), 1));
    ASSERT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries[0], (std::pair<std::string, std::string>{"Type", "/Catalog"}));
    EXPECT_EQ(entries[1], (std::pair<std::string, std::string>{"Pages", "2 0 R"}));
    EXPECT_EQ(entries[2].first, "PageLabels");
    EXPECT_EQ(entries[2].second, "<< /Nums [0 << /S /D /P (a>>b\\)c) >>] >>");
    EXPECT_EQ(entries[3], (std::pair<std::string, std::string>{"Lang", "(en)"}));
}

TEST(PdfUpdate, TextStringsAreLiteralForAsciiAndUtf16Otherwise) {
    EXPECT_EQ(pdf_text_string("vi-VN"), "(vi-VN)");
    EXPECT_EQ(pdf_text_string("a(b)\\"), "(a\\(b\\)\\\\)");
    EXPECT_EQ(pdf_text_string("Hà"), "<feff004800e0>");
    EXPECT_EQ(pdf_text_string("𝐀"), "<feffd835dc00>");  // outside the BMP: a surrogate pair
}

TEST(PdfUpdate, FinishedFileIsValidAndCarriesLanguageAndXmp) {
    const auto dir = probe::temp_dir("pdf-update");
    layout::Metadata m;
    m.language = "vi-VN";
    m.title = "Kế hoạch";
    m.record.number = "60";
    const auto finished = finish_pdf(hand_made_pdf(), m, 1);
    EXPECT_TRUE(finished.starts_with(hand_made_pdf())) << "the writer's bytes stay as they are";
    const auto file = dir / "finished.pdf";
    probe::write_file(file, finished);
    const auto check = probe::run("qpdf --check " + probe::shell_quote(file.string()), true);
    EXPECT_EQ(check.status, 0) << check.output;
    const auto catalog =
        probe::run("qpdf --show-object=trailer " + probe::shell_quote(file.string())).output;
    EXPECT_NE(catalog.find("/Prev"), std::string::npos) << catalog;
    const auto root =
        probe::run("qpdf --show-object=1 " + probe::shell_quote(file.string())).output;
    EXPECT_NE(root.find("/Lang (vi-VN)"), std::string::npos) << root;
    EXPECT_EQ(root.find("(en)"), std::string::npos) << "the old /Lang is replaced: " << root;
    EXPECT_NE(root.find("/PageLabels"), std::string::npos) << root;
    const auto xmp = probe::run("pdfinfo -meta " + probe::shell_quote(file.string())).output;
    EXPECT_NE(xmp.find("<nd30:Number>60</nd30:Number>"), std::string::npos) << xmp;
    EXPECT_EQ(finish_pdf(hand_made_pdf(), m, 1), finished) << "same input, same bytes";
    fs::remove_all(dir);
}

TEST(PdfUpdate, KeepsTheFirstIdOfTheWriter) {
    auto pdf = hand_made_pdf();
    const auto trailer = pdf.find("   /Info 4 0 R\n");
    pdf.insert(trailer,
               "   /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]\n");
    const auto tail = read_tail(pdf);
    EXPECT_EQ(tail.first_id, "00112233445566778899aabbccddeeff");
    const auto out = append_update(pdf, tail, {{1, 0, "<< /Type /Catalog /Pages 2 0 R >>"}});
    EXPECT_NE(out.find("/ID [<00112233445566778899aabbccddeeff> <"), std::string::npos);
}

void expect_refused(const std::string& pdf, const std::string& why) {
    try {
        read_tail(pdf);
        FAIL() << "expected a refusal: " << why;
    } catch (const core::Failure& e) {
        ASSERT_FALSE(e.diagnostics().empty());
        EXPECT_EQ(e.diagnostics().front().code, "render.pdf");
        EXPECT_NE(e.diagnostics().front().message.find(why), std::string::npos)
            << e.diagnostics().front().message;
    }
}

TEST(PdfUpdate, RefusesWhatItCannotExtend) {
    expect_refused("%PDF-1.5\nnothing here\n", "no startxref");
    expect_refused(
        "%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\n"
        "startxref\n9\n%%EOF\n",
        "no classic cross-reference table");
    auto updated = hand_made_pdf();
    updated.insert(updated.find("   /Info"), "   /Prev 10\n");
    expect_refused(updated, "already an incremental update");
    auto encrypted = hand_made_pdf();
    encrypted.insert(encrypted.find("   /Info"), "   /Encrypt 9 0 R\n");
    expect_refused(encrypted, "encrypted");
}

// Arrays nested 100,000 deep in the trailer overflowed the stack (found by fuzz_pdf_update);
// the limit's own depth is read, one more is refused.
TEST(PdfUpdate, NestingPastTheLimitIsRefusedNotACrash) {
    const auto nested = [](int depth) {
        return probe::hand_made_pdf("<< /Size 5\n   /Root 1 0 R\n   /Info 4 0 R\n   /X " +
                                    std::string(depth, '[') + std::string(depth, ']') + "\n>>");
    };
    EXPECT_EQ(read_tail(nested(core::limits::kPdfNesting)).root, 1);
    expect_refused(nested(core::limits::kPdfNesting + 1), "nested more than");
    expect_refused(nested(100'000), "nested more than");
}

}  // namespace
