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

// Data can reach a message: control characters are shown escaped, never sent to the terminal
// (issue 17: ESC sequences and CR from the data drove it).
TEST(Format, ControlCharactersAreShownEscaped) {
    Diagnostic d{Severity::error,
                 "data.schema",
                 "so: got \"\x1b[31mđỏ\r\xc2\x9b\x7f\"",
                 SourceLocation{"a.yaml", 1, 1, "so: \x1b[2J"},
                 {"hint\x07"}};
    EXPECT_EQ(format(d),
              "a.yaml:1:1: error[data.schema]: so: got \"\\x1b[31mđỏ\\x0d\\u009b\\x7f\"\n"
              "  so: \\x1b[2J\n  ^\n  hint: hint\\x07\n");
}

// A direction control quoted from the data would turn the message line around in the terminal:
// shown escaped too, the marks as well.
TEST(Format, DirectionControlsAreShownEscaped) {
    Diagnostic d{Severity::error,
                 "text.bidi-control",
                 "after \"a\u202Eb\u2066c\u200Fd\u061Ce\"",
                 SourceLocation{"a.yaml", 1, 1, "x: a\u202Eb"},
                 {}};
    EXPECT_EQ(format(d),
              "a.yaml:1:1: error[text.bidi-control]: after \"a\\u202eb\\u2066c\\u200fd\\u061ce\"\n"
              "  x: a\\u202eb\n  ^\n");
}

// A long source line is shown as a window around the column, the caret under the same
// character; a long message is cut with the count of what was left out.
TEST(Format, LongLinesAndMessagesAreCut) {
    std::string text = std::string(600, 'a') + "X" + std::string(600, 'b');
    Diagnostic d{Severity::error,
                 "data.syntax",
                 std::string(5000, 'm'),
                 SourceLocation{"a.json", 1, 601, text},
                 {}};
    const std::string out = format(d);
    EXPECT_LT(out.size(), 2000u) << "a 5,000-character message and a 1,201-character line";
    EXPECT_NE(out.find("… (4000 more bytes)"), std::string::npos);
    // The window: "…", then the line from 80 characters before the column, "…" at the end.
    const size_t line_start = out.find("\n  …") + 3;
    const size_t caret_line = out.find('\n', line_start) + 1;
    const std::string shown = out.substr(line_start, caret_line - 1 - line_start);
    EXPECT_EQ(shown, "…" + std::string(80, 'a') + "X" + std::string(79, 'b') + "…");
    const size_t caret = out.find('^', caret_line);
    // The caret stands under the X: "…" is one column, then 80 a's.
    EXPECT_EQ(caret - caret_line, 2u + 1u + 80u);
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

TEST(Diagnostics, TheSameProblemAtTheSamePlaceIsKeptOnceAmongMany) {
    Diagnostics diags;
    for (int round = 0; round < 2; ++round)
        for (int k = 0; k < 50000; ++k)
            diags.error("data.schema", "unknown field \"k" + std::to_string(k) + "\"",
                        SourceLocation{"d.yaml", 0, 0, {}});
    diags.error("data.schema", "unknown field \"k7\"", SourceLocation{"d.yaml", 3, 0, {}});
    diags.warning("data.schema", "unknown field \"k7\"", SourceLocation{"d.yaml", 0, 0, {}});
    ASSERT_EQ(diags.items().size(), 50002u);  // another place, another severity: both kept
    Diagnostics more;
    more.append(diags);
    more.error("data.schema", "unknown field \"k9\"", SourceLocation{"d.yaml", 0, 0, {}});
    EXPECT_EQ(more.items().size(), 50002u);  // append() keeps the index up to date
}

TEST(FormatAll, PrintsTheFirstAndCountsTheRestByCode) {
    std::vector<Diagnostic> ds;
    for (int k = 0; k < 25; ++k)
        ds.push_back({Severity::error,
                      "data.schema",
                      "unknown field " + std::to_string(k),
                      SourceLocation{"d.yaml", 0, 0, {}},
                      {}});
    ds.push_back({Severity::error, "data.encoding", "bad", std::nullopt, {}});
    ds.push_back({Severity::warning, "data.missing", "missing", std::nullopt, {}});
    const std::string out = format_all(ds, 20);
    EXPECT_NE(out.find("unknown field 19\n"), std::string::npos) << out;
    EXPECT_EQ(out.find("unknown field 20\n"), std::string::npos) << out;
    EXPECT_TRUE(
        out.ends_with("… and 6 more errors and 1 more warning not shown (data.encoding: "
                      "1, data.missing: 1, data.schema: 5); correct the ones above "
                      "first\n"))
        << out;
    EXPECT_EQ(format_each(ds, 20).size(), 21u);
}

TEST(FormatAll, AllShownWithinTheCapAndTheFirstErrorAlwaysShown) {
    std::vector<Diagnostic> ds;
    for (int k = 0; k < 3; ++k)
        ds.push_back({Severity::warning, "font.fallback", "w" + std::to_string(k), {}, {}});
    EXPECT_EQ(format_all(ds, 20).find("not shown"), std::string::npos);
    ds.push_back({Severity::error, "data.schema", "the error", {}, {}});
    const std::string out = format_all(ds, 2);
    EXPECT_NE(out.find("error[data.schema]: the error"), std::string::npos) << out;
    EXPECT_NE(out.find("… and 1 more warning not shown (font.fallback: 1)"), std::string::npos)
        << out;
}
