#include "expand/source_map.hpp"

#include <gtest/gtest.h>

#include "expand/template.hpp"

namespace vanthu::expand {
namespace {

// Test notation: « and » stand for the marker bytes \x01 and \x02.
std::string M(std::string s) {
    for (const auto& [from, to] : {std::pair{"«", "\x01"}, std::pair{"»", "\x02"}})
        for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p))
            s.replace(p, std::string(from).size(), to);
    return s;
}

TEST(LineMarkers, OneMarkerPerLine) {
    EXPECT_EQ(add_line_markers("a\nb\n", 2), M("«2:1»a\n«2:2»b\n"));
    EXPECT_EQ(add_line_markers("", 0), "");
    EXPECT_EQ(add_line_markers("x", 0), M("«0:1»x"));
}

TEST(LineMarkers, NoMarkerInsideATag) {
    // Line 2 begins inside the comment tag; line 3 gets its marker.
    const std::string marked = add_line_markers("x {{! a\nb }}\ny", 0);
    EXPECT_EQ(marked, M("«0:1»x {{! a\nb }}\n«0:3»y"));
}

TEST(LineMarkers, MarkerBeforeMultiLineCommentAndResumeAfterIt) {
    // The comment starts line 1 (marked before it); text after its end on line 2 resumes at 2:5.
    const std::string marked = add_line_markers("{{! a\nb }}<p>\n", 1);
    EXPECT_EQ(marked, M("«1:1»{{! a\nb }}«1:2:5»<p>\n"));
}

TEST(LineMarkers, TripleMustacheAndSetDelimiters) {
    const std::string marked = add_line_markers("{{{c\n}}}\n{{=<% %>=}}<%a\nb%>\n{{{x\ny", 0);
    // After the delimiter change "{{{x" is plain text, so line 6 gets its marker.
    EXPECT_EQ(marked, M("«0:1»{{{c\n}}}\n«0:3»{{=<% %>=}}<%a\nb%>\n«0:5»{{{x\n«0:6»y"));
}

TEST(LineMarkers, NothingAfterAnUnclosedTag) {
    const std::string marked = add_line_markers("a\n{{b\nc\n", 0);
    EXPECT_EQ(marked, M("«0:1»a\n«0:2»{{b\nc\n"));
}

TEST(LineMarkers, StripRecordsOffsets) {
    std::vector<LineMark> marks;
    const std::string clean = strip_line_markers(M("«0:1»ab\n«3:7:4»cd"), marks);
    EXPECT_EQ(clean, "ab\ncd");
    ASSERT_EQ(marks.size(), 2u);
    EXPECT_EQ(marks[0].offset, 0u);
    EXPECT_EQ(marks[0].file, 0);
    EXPECT_EQ(marks[0].line, 1);
    EXPECT_EQ(marks[0].column, 1);
    EXPECT_EQ(marks[1].offset, 3u);
    EXPECT_EQ(marks[1].file, 3);
    EXPECT_EQ(marks[1].line, 7);
    EXPECT_EQ(marks[1].column, 4);
}

TEST(LineMarkers, StripKeepsLastOfMarksAtOneOffset) {
    std::vector<LineMark> marks;
    const std::string clean = strip_line_markers(M("«0:3»«1:1»x"), marks);
    EXPECT_EQ(clean, "x");
    ASSERT_EQ(marks.size(), 1u);
    EXPECT_EQ(marks[0].file, 1);
}

TEST(SourceMap, OffsetOnLine5MapsToLine5) {
    std::vector<TemplateFile> files{
        {"t/main.mustache", "<a>\n<b>\n<c>\n<d>\n  <e>ngày</e>\n<f>\n"}};
    std::vector<LineMark> marks;
    // Lines 2 and 3 produced two copies each (a section), so expanded lines != template lines.
    const std::string marked = add_line_markers(files[0].text, 0);
    const std::string l1 = marked.substr(0, marked.find(M("«"), 1));
    std::string twice = marked.substr(l1.size());
    const std::string l23 = twice.substr(0, twice.find(M("«0:4")));
    const std::string rest = twice.substr(l23.size());
    const std::string expanded_marked = l1 + l23 + l23 + rest;
    const std::string expanded = strip_line_markers(expanded_marked, marks);
    ASSERT_EQ(expanded, "<a>\n<b>\n<c>\n<b>\n<c>\n<d>\n  <e>ngày</e>\n<f>\n");
    const SourceMap map(marks, &files);

    const size_t offset = expanded.find("</e>");
    const core::SourceLocation loc = map.locate(expanded, offset);
    EXPECT_EQ(loc.file, "t/main.mustache");
    EXPECT_EQ(loc.line, 5);
    EXPECT_EQ(loc.column, 10);  // code points: "  <e>ngày" is 9
    EXPECT_EQ(loc.line_text, "  <e>ngày</e>");

    // The second copy of line 2 still maps to line 2.
    EXPECT_EQ(map.locate(expanded, expanded.find("<b>", 4)).line, 2);
    EXPECT_EQ(map.locate(expanded, expanded.find("<d>")).line, 4);
}

TEST(SourceMap, ColumnStartsFromMarkColumn) {
    std::vector<TemplateFile> files{{"a", "line one\n"}, {"b", "xx {{! c\n}}yy\n"}};
    std::vector<LineMark> marks{{0, 1, 2, 4}};
    const SourceMap map(marks, &files);
    const auto loc = map.locate("yy", 1);
    EXPECT_EQ(loc.file, "b");
    EXPECT_EQ(loc.line, 2);
    EXPECT_EQ(loc.column, 5);
    EXPECT_EQ(loc.line_text, "}}yy");
}

TEST(SourceMap, FallsBackWithoutMarks) {
    const SourceMap map;
    const auto loc = map.locate("ab\ncd", 4);
    EXPECT_EQ(loc.file, "<expanded>");
    EXPECT_EQ(loc.line, 2);
    EXPECT_EQ(loc.column, 2);
}

TEST(SourceMap, LocateInSourceCountsNewlinesAfterMarker) {
    std::vector<TemplateFile> files{{"m", "a\n{{! x\ny }}{{#z}}\n"}};
    const std::string marked = add_line_markers(files[0].text, 0);
    // "{{#z}}" follows a resume marker at 3:5.
    const auto loc = locate_in_source(marked, marked.find("{{#z}}"), files);
    EXPECT_EQ(loc.file, "m");
    EXPECT_EQ(loc.line, 3);
    EXPECT_EQ(loc.column, 5);
    EXPECT_EQ(loc.line_text, "y }}{{#z}}");
    // Inside the comment (no marker on line 3 before the resume marker): newlines are counted.
    const auto inside = locate_in_source(marked, marked.find("y }}"), files);
    EXPECT_EQ(inside.line, 3);
    EXPECT_EQ(inside.column, 1);
}

}  // namespace
}  // namespace vanthu::expand
