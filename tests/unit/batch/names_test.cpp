// Output names of a batch: the pattern, and the checks made before any work starts.
#include "batch/names.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>

#include <fstream>

#include "batch/sha256.hpp"

using namespace vanthu;
using namespace vanthu::batch;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string name_of(const std::string& pattern, const json& data, std::string* why = nullptr,
                    std::string* field_out = nullptr) {
    NamePattern p(pattern);
    std::string problem, field;
    std::string name = p.render(data, problem, field);
    if (why) *why = problem;
    if (field_out) *field_out = field;
    return name;
}

}  // namespace

TEST(NamePattern, FillsFieldsAsTheyAre) {
    EXPECT_EQ(name_of("{{ma}}-ke-hoach.pdf", {{"ma", "ba-dinh"}}), "ba-dinh-ke-hoach.pdf");
    // No HTML escaping in names, Vietnamese kept, folders allowed in the pattern itself.
    EXPECT_EQ(name_of("{{loai}}/{{ten}} & co.pdf", {{"loai", "quan"}, {"ten", "Hoàn Kiếm"}}),
              "quan/Hoàn Kiếm & co.pdf");
    EXPECT_EQ(name_of("{{so}}.pdf", {{"so", 61}}), "61.pdf");
    EXPECT_EQ(name_of("a/./b/{{x}}.pdf", {{"x", "c"}}), "a/b/c.pdf");
}

TEST(NamePattern, MissingFieldIsNamed) {
    std::string why, field;
    EXPECT_EQ(name_of("{{ma}}.pdf", {{"ten", "x"}}, &why, &field), "");
    EXPECT_EQ(field, "ma");
    EXPECT_NE(why.find("\"ma\""), std::string::npos) << why;
}

TEST(NamePattern, ValueWithSlashIsRefused) {
    std::string why;
    EXPECT_EQ(name_of("{{so}}.pdf", {{"so", "60/KH-BTV"}}, &why), "");
    EXPECT_NE(why.find("60/KH-BTV"), std::string::npos) << why;
    EXPECT_EQ(name_of("{{so}}.pdf", {{"so", "../../etc/x"}}, &why), "");
}

TEST(NamePattern, NamesThatLeaveTheFolderAreRefused) {
    std::string why;
    EXPECT_EQ(name_of("../{{ma}}.pdf", {{"ma", "a"}}, &why), "");
    EXPECT_NE(why.find("leaves the output folder"), std::string::npos) << why;
    EXPECT_EQ(name_of("/tmp/{{ma}}.pdf", {{"ma", "a"}}, &why), "");
    EXPECT_EQ(name_of("a/../../{{ma}}.pdf", {{"ma", "a"}}, &why), "");
    EXPECT_EQ(name_of("a/../{{ma}}.pdf", {{"ma", "b"}}), "b.pdf");  // stays inside
}

TEST(NamePattern, NameMustEndInPdf) {
    std::string why;
    EXPECT_EQ(name_of("{{ma}}", {{"ma", "a"}}, &why), "");
    EXPECT_NE(why.find(".pdf"), std::string::npos);
    EXPECT_EQ(name_of("{{ma}}.PDF", {{"ma", "a"}}), "a.PDF");
}

TEST(NamePattern, BadMustacheIsAnError) { EXPECT_THROW(NamePattern("{{#ma}}.pdf"), core::Failure); }

TEST(CheckNames, CollisionsNameBothRows) {
    const std::vector<NamedRow> rows = {{"a.pdf", 1, 2}, {"b.pdf", 2, 3}, {"a.pdf", 3, 4}};
    auto problems = check_names(rows, "manifest.json", "rows.csv");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].code, "batch.name");
    EXPECT_EQ(problems[0].where->file, "rows.csv");
    EXPECT_EQ(problems[0].where->line, 4);
    EXPECT_NE(problems[0].message.find("row 1 and row 3"), std::string::npos)
        << problems[0].message;
}

TEST(CheckNames, CaseOnlyDifferenceCollides) {
    const std::vector<NamedRow> rows = {{"Đống Đa.pdf", 1, 2}, {"đống đa.pdf", 2, 3}};
    auto problems = check_names(rows, "manifest.json", "rows.csv");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].message.find("case"), std::string::npos) << problems[0].message;
}

TEST(CheckNames, ManifestNameAndFileFolderClashesAreRefused) {
    auto problems = check_names({{"manifest.json", 1, 2}}, "manifest.json", "r");
    EXPECT_EQ(problems.size(), 1u);
    problems = check_names({{"a.pdf", 1, 2}, {"a.pdf/b.pdf", 2, 3}}, "manifest.json", "r");
    EXPECT_EQ(problems.size(), 1u);
}

TEST(CheckNames, SymbolicLinkOutOfTheFolderIsRefused) {
    const fs::path dir = fs::temp_directory_path() / ("vanthu-names-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "out");
    fs::create_directories(dir / "elsewhere");
    fs::create_directory_symlink(dir / "elsewhere", dir / "out" / "link");
    FolderGuard guard(dir / "out");
    const auto problem = guard.check({"link/a.pdf", 1, 2}, "rows.csv");
    EXPECT_FALSE(guard.check({"ok.pdf", 2, 3}, "rows.csv"));
    EXPECT_FALSE(guard.check({"sub/ok.pdf", 3, 4}, "rows.csv"));  // not made yet: fine
    fs::remove_all(dir);
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->where->line, 2);
    EXPECT_NE(problem->message.find("leads out of the output folder"), std::string::npos);
}

// The index points at every row a clash involves, and at no other when names differ.
TEST(NameIndex, SuspectsAreTheRowsThatMayClash) {
    NameIndex index;
    const std::vector<std::string> names = {"a.pdf",   "b.pdf",        "Đống Đa.pdf", "c/d.pdf",
                                            "c/e.pdf", "đống đa.pdf",  "c",           "f.pdf",
                                            "g/h.pdf", "manifest.json"};
    for (size_t i = 0; i < names.size(); ++i) index.add(names[i], i);
    EXPECT_EQ(index.suspects("manifest.json"), (std::vector<size_t>{2, 3, 5, 6, 9}));
    EXPECT_TRUE(index.has_name("b.pdf"));
    EXPECT_TRUE(index.has_name("./c/../c/d.pdf"));
    EXPECT_FALSE(index.has_name("x.pdf"));
    EXPECT_TRUE(index.has_folder("g"));
    EXPECT_TRUE(index.has_folder("C"));
    EXPECT_FALSE(index.has_folder("a.pdf"));

    NameIndex distinct;
    for (size_t i = 0; i < 10000; ++i) distinct.add("x/" + std::to_string(i) + ".pdf", i);
    EXPECT_TRUE(distinct.suspects("manifest.json").empty());
}

TEST(Sha256, KnownValues) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_NE(Sha256().field("ab").field("c").hex(), Sha256().field("a").field("bc").hex());
}

// A name must name something: a row whose value is empty, or only spaces or dots, gives a name
// with an empty part; an empty pattern names nothing at all (issue 17).
TEST(NamePattern, EmptyOrDotOnlyPartsAreRefused) {
    for (const char* value : {"", "  ", ".", "..", " . "}) {
        std::string why;
        EXPECT_EQ(name_of("{{ma}}.pdf", {{"ma", value}}, &why), "") << "\"" << value << "\"";
        EXPECT_FALSE(why.empty());
        EXPECT_EQ(name_of("out/{{ma}}/ke-hoach.pdf", {{"ma", value}}, &why), "")
            << "\"" << value << "\"";
        EXPECT_FALSE(why.empty());
    }
    std::string why;
    EXPECT_EQ(name_of("{{ma}}.pdf", {{"ma", ""}}, &why), "");
    EXPECT_NE(why.find("empty part"), std::string::npos) << why;
    EXPECT_EQ(name_of("{{ma}}.pdf", {{"ma", ".an"}}, &why), "");  // a hidden file
    EXPECT_EQ(name_of("{{ma}}.pdf", {{"ma", "a.b"}}, &why), "a.b.pdf") << why;
    EXPECT_EQ(name_of("{{ma}} .pdf", {{"ma", "a"}}, &why), "a .pdf") << why;
}

TEST(NamePattern, AnEmptyPatternIsRefusedUpFront) {
    for (const char* pattern : {"", "  "}) {
        try {
            NamePattern p(pattern);
            ADD_FAILURE() << "accepted \"" << pattern << "\"";
        } catch (const core::Failure& f) {
            EXPECT_EQ(f.diagnostics().front().code, "batch.name");
            EXPECT_NE(f.diagnostics().front().message.find("empty"), std::string::npos);
        }
    }
}
