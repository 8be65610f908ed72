#include "core/diagnostics.hpp"

#include <gtest/gtest.h>

using namespace vanthu::core;

TEST(Locate, CountsLinesAndCodePointColumns) {
    const std::string text = "một\nhai ba\nbốn";
    auto loc = locate("f.txt", text, text.find("ba"));
    EXPECT_EQ(loc.line, 2);
    EXPECT_EQ(loc.column, 5);
    EXPECT_EQ(loc.line_text, "hai ba");
    // Columns count code points: "ố" is 3 bytes but one column.
    loc = locate("f.txt", text, text.find("n", text.find("bốn")));
    EXPECT_EQ(loc.line, 3);
    EXPECT_EQ(loc.column, 3);
}

TEST(Locate, ClampsPastTheEnd) {
    auto loc = locate("f", "ab", 99);
    EXPECT_EQ(loc.line, 1);
    EXPECT_EQ(loc.column, 3);
}

TEST(Format, ShowsFileLineColumnCodeAndCaret) {
    Diagnostic d{Severity::error,
                 "data.syntax",
                 "bad thing",
                 SourceLocation{"a.yaml", 3, 5, "x: [1, 2"},
                 {"close the list"}};
    EXPECT_EQ(
        format(d),
        "a.yaml:3:5: error[data.syntax]: bad thing\n  x: [1, 2\n      ^\n  hint: close the list\n");
}

TEST(Format, WithoutLocation) {
    Diagnostic d{Severity::warning, "", "careful", std::nullopt, {}};
    EXPECT_EQ(format(d), "warning: careful\n");
}

TEST(Diagnostics, ThrowsOnlyWithErrors) {
    Diagnostics ds;
    ds.warning("w", "just a warning");
    EXPECT_NO_THROW(throw_if_errors(ds));
    ds.error("e", "an error");
    try {
        throw_if_errors(ds);
        FAIL() << "expected a Failure";
    } catch (const Failure& f) {
        EXPECT_EQ(f.diagnostics().size(), 2u);
    }
}

TEST(Diagnostics, SameProblemAtTheSamePlaceIsReportedOnce) {
    Diagnostics ds;
    SourceLocation at{"t.mustache", 4, 2, ""};
    ds.error("markup.unknown-element", "unknown element <x>", at);
    ds.error("markup.unknown-element", "unknown element <x>", at);
    at.line = 5;
    ds.error("markup.unknown-element", "unknown element <x>", at);
    EXPECT_EQ(ds.items().size(), 2u);
}
