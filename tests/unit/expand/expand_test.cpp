#include "expand/expand.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace vanthu::expand {
namespace {

using nlohmann::json;
using test::failure_of;
using test::make_template;
using test::TempDir;

std::string render(const std::string& main, const json& data, bool strict = true) {
    const Template t = make_template(main);
    core::Diagnostics diags;
    ExpandOptions options;
    options.strict = strict;
    return expand(t, data, "d.yaml", options, diags).text;
}

TEST(Expand, SubstitutesAndRemovesMarkers) {
    const std::string out =
        render("<p>{{a}}</p>\n<q>{{b.c}}</q>\n", {{"a", "x"}, {"b", {{"c", "y"}}}});
    EXPECT_EQ(out, "<p>x</p>\n<q>y</q>\n");
}

TEST(Expand, EscapesDataAndDoesNotReExpandIt) {
    const json data = {{"a", "</p><h1>x</h1>"}, {"b", "{{x}}"}, {"x", "BAD"}};
    const std::string out = render("<p>{{a}}</p><p>{{b}}</p>", data);
    EXPECT_EQ(out, "<p>&lt;/p&gt;&lt;h1&gt;x&lt;/h1&gt;</p><p>{{x}}</p>");
    EXPECT_EQ(out.find("BAD"), std::string::npos);
}

TEST(Expand, EscapesQuotesAndAmpersand) {
    EXPECT_EQ(render("{{a}}", {{"a", "\"Tom\" & 'Jerry'"}}),
              "&quot;Tom&quot; &amp; &apos;Jerry&apos;");
}

TEST(Expand, RawTagsAreNotEscaped) {
    const json data = {{"a", "<b>đậm</b>"}};
    EXPECT_EQ(render("{{{a}}}|{{&a}}|{{ & a }}", data), "<b>đậm</b>|<b>đậm</b>|<b>đậm</b>");
}

TEST(Expand, NumbersBooleansAndNull) {
    const json data = {{"n", 5}, {"f", 1.5}, {"t", true}, {"fl", false}, {"nul", nullptr}};
    EXPECT_EQ(render("{{n}}|{{f}}|{{t}}|{{fl}}|{{nul}}", data), "5|1.5|true|false|");
    EXPECT_EQ(
        render("{{#t}}T{{/t}}{{#fl}}F{{/fl}}{{^fl}}!F{{/fl}}{{#nul}}N{{/nul}}{{^nul}}!N{{/nul}}",
               data),
        "T!F!N");
}

TEST(Expand, ListsAndNestedLookup) {
    const json data = {{"co_quan", "UBND"},
                       {"noi_nhan", json::array({{{"ten", "Bộ Nội vụ"}}, {{"ten", "Lưu"}}})}};
    EXPECT_EQ(render("{{#noi_nhan}}<li>{{ten}} ({{co_quan}})</li>{{/noi_nhan}}", data),
              "<li>Bộ Nội vụ (UBND)</li><li>Lưu (UBND)</li>");
}

TEST(Expand, MissingVariableInStrictModeIsAnErrorAtTheTag) {
    const Template t = make_template("<a>\n<b/>\n  <c>{{ten}}</c>\n{{ten}} {{other}}\n");
    core::Diagnostics diags;
    try {
        expand(t, json::object(), "d.yaml", {}, diags);
        FAIL() << "expected a Failure";
    } catch (const core::Failure& f) {
        ASSERT_EQ(f.diagnostics().size(), 2u);  // once per name, in template order
        const auto& d = f.diagnostics()[0];
        EXPECT_EQ(d.severity, core::Severity::error);
        EXPECT_EQ(d.code, "data.missing");
        EXPECT_EQ(d.message, "missing data: \"ten\" is used by the template but not given");
        ASSERT_TRUE(d.where);
        EXPECT_EQ(d.where->file, "t/main.mustache");
        EXPECT_EQ(d.where->line, 3);
        EXPECT_EQ(d.where->column, 6);
        EXPECT_EQ(d.where->line_text, "  <c>{{ten}}</c>");
        EXPECT_EQ(f.diagnostics()[1].message,
                  "missing data: \"other\" is used by the template but not given");
        EXPECT_EQ(f.diagnostics()[1].where->line, 4);
        EXPECT_EQ(f.diagnostics()[1].where->column, 9);
    }
    EXPECT_TRUE(diags.has_errors());
}

TEST(Expand, MissingVariableInDraftModeShowsPlaceholder) {
    const Template t = make_template("<p>{{so_hieu}}</p>\n<p>{{{raw<x>}}}</p>");
    core::Diagnostics diags;
    ExpandOptions options;
    options.strict = false;
    const Expanded e = expand(t, json::object(), "d.yaml", options, diags);
    EXPECT_EQ(e.text, "<p>[so_hieu]</p>\n<p>[raw&lt;x&gt;]</p>");
    ASSERT_EQ(diags.items().size(), 2u);
    EXPECT_FALSE(diags.has_errors());
    EXPECT_EQ(diags.items()[0].severity, core::Severity::warning);
    EXPECT_EQ(diags.items()[0].code, "data.missing");
    ASSERT_TRUE(diags.items()[0].where);
    EXPECT_EQ(diags.items()[0].where->line, 1);
    EXPECT_EQ(diags.items()[0].where->column, 4);
}

TEST(Expand, SectionsAreOptionalAndNeverReported) {
    const std::string tmpl = "{{#opt}}x{{/opt}}{{^opt}}y{{/opt}}{{#so}}Số: {{so}}{{/so}}";
    for (bool strict : {true, false}) {
        const Template t = make_template(tmpl);
        core::Diagnostics diags;
        ExpandOptions options;
        options.strict = strict;
        EXPECT_EQ(expand(t, json::object(), "d", options, diags).text, "y");
        EXPECT_TRUE(diags.items().empty());
    }
}

TEST(Expand, MissingDottedNameAndMissingInsideLoop) {
    const json data = {{"a", {{"b", "x"}}}, {"items", json::array({{{"t", "1"}}, json::object()})}};
    const auto d = failure_of([&] { render("{{a.b}}{{#items}}{{t}}{{/items}}{{a.c}}", data); });
    EXPECT_EQ(d.code, "data.missing");
    EXPECT_NE(d.message.find("\"t\""), std::string::npos) << d.message;
    EXPECT_EQ(render("{{a.b}}{{#items}}{{t}},{{/items}}{{a.c}}", data, false), "x1,[t],[a.c]");
}

TEST(Expand, UnclosedSectionReportsItsLine) {
    // Variable tags before the error shift kainjow's offsets; the location must still be exact.
    const std::string main = "<a>{{x}}</a>\n<b>{{y}}{{z}}</b>\n\n  {{#a}}\n<c/>\n";
    const auto d = failure_of([&] { render(main, {{"x", "1"}}); });
    EXPECT_EQ(d.code, "template.syntax");
    EXPECT_EQ(d.message, "mustache syntax error: unclosed section \"a\"");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "t/main.mustache");
    EXPECT_EQ(d.where->line, 4);
    EXPECT_EQ(d.where->column, 3);
    EXPECT_EQ(d.where->line_text, "  {{#a}}");
    EXPECT_FALSE(d.hints.empty());
}

TEST(Expand, UnopenedSectionAndUnclosedTag) {
    const auto unopened = failure_of([] { render("{{x}}\nab {{/b}}\n", {{"x", "1"}}); });
    EXPECT_EQ(unopened.code, "template.syntax");
    ASSERT_TRUE(unopened.where);
    EXPECT_EQ(unopened.where->line, 2);
    EXPECT_EQ(unopened.where->column, 4);

    const auto unclosed = failure_of([] { render("{{x}}\n\nxyz {{abc\n<p>\n", {{"x", "1"}}); });
    EXPECT_EQ(unclosed.code, "template.syntax");
    ASSERT_TRUE(unclosed.where);
    EXPECT_EQ(unclosed.where->line, 3);
    EXPECT_EQ(unclosed.where->column, 5);
}

TEST(Expand, SyntaxErrorInsidePartialReportsPartialFile) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "<doc>\n{{> body}}\n</doc>\n");
    dir.write("t/body.mustache", "<p>\n{{#loop}}\n");
    const Template t = load_template(dir.path() / "t");
    core::Diagnostics diags;
    const auto d = failure_of([&] { expand(t, json::object(), "d", {}, diags); });
    EXPECT_EQ(d.code, "template.syntax");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "t" / "body.mustache").string());
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 1);
}

TEST(Expand, MissingNameInPartialReportsPartialFile) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "<doc>\n{{> body}}\n</doc>\n");
    dir.write("t/body.mustache", "<p>\n  x {{trich_yeu}}\n");
    const Template t = load_template(dir.path() / "t");
    core::Diagnostics diags;
    const auto d = failure_of([&] { expand(t, json::object(), "d", {}, diags); });
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "t" / "body.mustache").string());
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 5);
}

TEST(Expand, SourceMapOfOutputPointsAtTemplateLines) {
    const Template t = make_template(
        "<doc>\n"                   // 1
        "{{#items}}\n"              // 2
        "<li>{{.}}</li>\n"          // 3
        "{{/items}}\n"              // 4
        "  <p>{{ten}} <bad></p>\n"  // 5
        "</doc>\n");                // 6
    core::Diagnostics diags;
    const Expanded e = expand(t, {{"items", {"a", "b"}}, {"ten", "Hà"}}, "d", {}, diags);
    EXPECT_EQ(e.text.find('\x01'), std::string::npos);
    EXPECT_EQ(e.text.find('\x02'), std::string::npos);
    const auto loc = e.map.locate(e.text, e.text.find("<bad>"));
    EXPECT_EQ(loc.file, "t/main.mustache");
    EXPECT_EQ(loc.line, 5);
    // Counted in the output ("  <p>Hà " is 8 code points): inexact after a substituted value,
    // as source_map.hpp documents (in the template "<bad>" is at column 14).
    EXPECT_EQ(loc.column, 9);
    // Exact on a line with no substitution before the offset.
    EXPECT_EQ(e.map.locate(e.text, e.text.find("<p>")).column, 3);
    EXPECT_EQ(loc.line_text, "  <p>{{ten}} <bad></p>");
    // Both copies of the loop body map to line 3.
    EXPECT_EQ(e.map.locate(e.text, e.text.find("<li>b")).line, 3);
    EXPECT_EQ(e.map.locate(e.text, e.text.find("<li>a")).line, 3);
    EXPECT_EQ(e.map.locate(e.text, e.text.find("</doc>")).line, 6);
}

TEST(Expand, MultiLineCommentAndStandaloneSectionLines) {
    const std::string out = render("{{! a comment\n  over lines }}\n{{#s}}\n<p>{{x}}</p>\n{{/s}}\n",
                                   {{"s", true}, {"x", "1"}});
    // Markers make the section lines non-standalone: they leave only whitespace behind.
    std::string squeezed;
    for (char c : out)
        if (c != '\n' && c != ' ') squeezed += c;
    EXPECT_EQ(squeezed, "<p>1</p>");
}

TEST(Expand, DataWithControlCharactersIsRejected) {
    const auto d = failure_of([] {
        render("{{a}}", {{"a",
                          {"ok",
                           "x\x01"
                           "0:9\x02"}}});
    });
    EXPECT_EQ(d.code, "data.encoding");
    EXPECT_NE(d.message.find("a[1]"), std::string::npos) << d.message;
}

TEST(Expand, NonObjectDataIsRejected) {
    EXPECT_EQ(failure_of([] { render("x", json::array()); }).code, "data.top-level");
}

}  // namespace
}  // namespace vanthu::expand
