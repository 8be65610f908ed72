// {{#inline}}: **bold**, *italic*, __underline__ and ^[footnotes] in data paragraphs, on the
// escaped text only (inline_markup.hpp).
#include "expand/inline_markup.hpp"

#include <gtest/gtest.h>

#include "core/limits.hpp"
#include "expand/expand.hpp"
#include "expand/helpers.hpp"
#include "test_support.hpp"

namespace vanthu::expand {
namespace {

using nlohmann::json;
using rendered::inline_markup;
using test::make_template;

std::string render(const std::string& main, const json& data) {
    const Template t = make_template(main);
    core::Diagnostics diags;
    return expand(t, data, "d.yaml", {}, diags).text;
}

// A data value through <p>{{#inline}}{{x}}{{/inline}}</p>, as the built-in templates use it.
std::string para(const std::string& x) {
    return render("<p>{{#inline}}{{x}}{{/inline}}</p>", {{"x", x}});
}

TEST(Inline, EachForm) {
    EXPECT_EQ(para("a **b** c"), "<p>a <b>b</b> c</p>");
    EXPECT_EQ(para("a *b* c"), "<p>a <i>b</i> c</p>");
    EXPECT_EQ(para("a __b__ c"), "<p>a <u>b</u> c</p>");
    EXPECT_EQ(para("a^[b c] d"), "<p>a<note>b c</note> d</p>");
    // Inside a word too, as in Markdown.
    EXPECT_EQ(para("m*2*n"), "<p>m<i>2</i>n</p>");
}

TEST(Inline, SeedSentences) {
    // Seed 000: the bold deadline in mid-sentence.
    EXPECT_EQ(para("có thể tổng kết bằng văn bản và hoàn thành **trước ngày 15/11/2021**. Báo cáo"),
              "<p>có thể tổng kết bằng văn bản và hoàn thành <b>trước ngày 15/11/2021</b>. Báo "
              "cáo</p>");
    // Seed 003: the footnote "khó¹".
    EXPECT_EQ(para("các chỉ tiêu khó^[Chỉ tiêu không có cơ sở Hội có tỷ lệ tập hợp dưới 50% phụ "
                   "nữ từ 18 tuổi trở lên tham gia tổ chức Hội.]; phân tích"),
              "<p>các chỉ tiêu khó<note>Chỉ tiêu không có cơ sở Hội có tỷ lệ tập hợp dưới 50% phụ "
              "nữ từ 18 tuổi trở lên tham gia tổ chức Hội.</note>; phân tích</p>");
    EXPECT_EQ(para("**Đặng Thị Phương Hoa**"), "<p><b>Đặng Thị Phương Hoa</b></p>");
    EXPECT_EQ(para("“**Giỏi việc nước, đảm việc nhà**”"),
              "<p>“<b>Giỏi việc nước, đảm việc nhà</b>”</p>");
    EXPECT_EQ(para("phong trào *“Đồng hành cùng phụ nữ biên cương”*."),
              "<p>phong trào <i>“Đồng hành cùng phụ nữ biên cương”</i>.</p>");
}

TEST(Inline, Nesting) {
    EXPECT_EQ(para("**a *b* c**"), "<p><b>a <i>b</i> c</b></p>");
    EXPECT_EQ(para("*a **b** c*"), "<p><i>a <b>b</b> c</i></p>");
    EXPECT_EQ(para("***a***"), "<p><i><b>a</b></i></p>");
    EXPECT_EQ(para("***a* b**"), "<p><b><i>a</i> b</b></p>");
    EXPECT_EQ(para("__**a** b__"), "<p><u><b>a</b> b</u></p>");
    EXPECT_EQ(para("**__a__**"), "<p><b><u>a</u></b></p>");
    // A footnote may hold emphasis, and emphasis a footnote.
    EXPECT_EQ(para("x^[theo **Hướng dẫn** số *04*]"),
              "<p>x<note>theo <b>Hướng dẫn</b> số <i>04</i></note></p>");
    EXPECT_EQ(para("**a^[b]**"), "<p><b>a<note>b</note></b></p>");
    // Emphasis never pairs across a footnote's edge.
    EXPECT_EQ(para("*a^[b*]"), "<p>*a<note>b*</note></p>");
    // Brackets inside a footnote are counted.
    EXPECT_EQ(para("a^[xem [1] và [2]] b"), "<p>a<note>xem [1] và [2]</note> b</p>");
}

TEST(Inline, DocumentedExamples) {
    EXPECT_EQ(para("… và hoàn thành **trước ngày 15/11/2021**^[Theo *Hướng dẫn* số 04/HD-TLĐ.]. "
                   "Báo cáo …"),
              "<p>… và hoàn thành <b>trước ngày 15/11/2021</b><note>Theo <i>Hướng dẫn</i> số "
              "04/HD-TLĐ.</note>. Báo cáo …</p>");
    EXPECT_EQ(para("a^[xem [1]] b"), "<p>a<note>xem [1]</note> b</p>");
    // Two "(*)" pair, as in Markdown; escaped, they stay.
    EXPECT_EQ(para("(*) a (*)"), "<p>(<i>) a (</i>)</p>");
    EXPECT_EQ(para("(\\*) a (\\*)"), "<p>(*) a (*)</p>");
}

TEST(Inline, NoFootnoteInAFootnote) {
    EXPECT_EQ(para("a^[b ^[c] d]"), "<p>a<note>b ^[c] d</note></p>");
}

TEST(Inline, UnpairedMarksStayAsTyped) {
    EXPECT_EQ(para("**a"), "<p>**a</p>");
    EXPECT_EQ(para("a**"), "<p>a**</p>");
    EXPECT_EQ(para("*a"), "<p>*a</p>");
    EXPECT_EQ(para("**a*"), "<p>*<i>a</i></p>");
    EXPECT_EQ(para("__a"), "<p>__a</p>");
    EXPECT_EQ(para("__a_"), "<p>__a_</p>");
    EXPECT_EQ(para("**"), "<p>**</p>");
    EXPECT_EQ(para("****"), "<p>****</p>");
    // Marks next to spaces do not pair: arithmetic and lone stars stay.
    EXPECT_EQ(para("5 * 3 * 2"), "<p>5 * 3 * 2</p>");
    EXPECT_EQ(para("a ** b ** c"), "<p>a ** b ** c</p>");
    EXPECT_EQ(para("Ghi chú (*): bắt buộc"), "<p>Ghi chú (*): bắt buộc</p>");
    // A single "_" is always text; "__" inside a word is too.
    EXPECT_EQ(para("ten_tep_moi.pdf"), "<p>ten_tep_moi.pdf</p>");
    EXPECT_EQ(para("a__b__c"), "<p>a__b__c</p>");
    EXPECT_EQ(para("_a_"), "<p>_a_</p>");
    // A footnote needs its "]" and some text.
    EXPECT_EQ(para("a^[b"), "<p>a^[b</p>");
    EXPECT_EQ(para("a^[] b"), "<p>a^[] b</p>");
    EXPECT_EQ(para("a^[  ] b"), "<p>a^[  ] b</p>");
    EXPECT_EQ(para("a^[b [c] d"), "<p>a^[b [c] d</p>");
    EXPECT_EQ(para("x^2 [y]"), "<p>x^2 [y]</p>");
    EXPECT_EQ(para("[ghi chú]"), "<p>[ghi chú]</p>");
}

TEST(Inline, BackslashEscapesAMark) {
    EXPECT_EQ(para("\\*a\\*"), "<p>*a*</p>");
    EXPECT_EQ(para("\\*\\*a\\*\\*"), "<p>**a**</p>");
    EXPECT_EQ(para("**a\\**"), "<p>*<i>a*</i></p>");
    EXPECT_EQ(para("\\_\\_a\\_\\_"), "<p>__a__</p>");
    EXPECT_EQ(para("a\\^[b]"), "<p>a^[b]</p>");
    EXPECT_EQ(para("a^\\[b]"), "<p>a^[b]</p>");
    EXPECT_EQ(para("a^[b\\]c]"), "<p>a<note>b]c</note></p>");
    // "\\" is one backslash, and the mark after it still counts.
    EXPECT_EQ(para("\\\\*a*"), "<p>\\<i>a</i></p>");
    // Other backslashes are kept.
    EXPECT_EQ(para("C:\\tai-lieu\\bao-cao"), "<p>C:\\tai-lieu\\bao-cao</p>");
    EXPECT_EQ(para("a\\"), "<p>a\\</p>");
}

TEST(Inline, DataCannotInjectMarkup) {
    EXPECT_EQ(para("<b>x</b>"), "<p>&lt;b&gt;x&lt;/b&gt;</p>");
    EXPECT_EQ(para("**<i>x</i>**"), "<p><b>&lt;i&gt;x&lt;/i&gt;</b></p>");
    EXPECT_EQ(para("^[</p><p>]"), "<p><note>&lt;/p&gt;&lt;p&gt;</note></p>");
    EXPECT_EQ(para("*a & b*"), "<p><i>a &amp; b</i></p>");
    EXPECT_EQ(para("\"**x**\" 'y'"), "<p>&quot;<b>x</b>&quot; &apos;y&apos;</p>");
    // An entity in the data is escaped text, never a mark.
    EXPECT_EQ(para("&#42;a&#42;"), "<p>&amp;#42;a&amp;#42;</p>");
    // Mustache syntax in the data stays literal.
    EXPECT_EQ(para("**{{x}}**"), "<p><b>{{x}}</b></p>");
}

TEST(Inline, TemplateMarkupIsKept) {
    // Marks pair within a run of text: never across a tag or a template line.
    EXPECT_EQ(render("{{#inline}}<p>**a<b>b</b>c**</p>{{/inline}}", json::object()),
              "<p>**a<b>b</b>c**</p>");
    EXPECT_EQ(render("{{#inline}}<p>*a</p><p>b*</p>{{/inline}}", json::object()),
              "<p>*a</p><p>b*</p>");
    EXPECT_EQ(render("{{#inline}}<p class=\"*x*\">*{{x}}*</p>{{/inline}}", {{"x", "ý"}}),
              "<p class=\"*x*\"><i>ý</i></p>");
    // A character reference in the template is a plain character.
    EXPECT_EQ(render("{{#inline}}&#42;a&#42; *b*{{/inline}}", json::object()),
              "&#42;a&#42; <i>b</i>");
    // Template text and data pair with each other.
    EXPECT_EQ(render("{{#inline}}**{{x}}** và {{y}}*{{/inline}}", {{"x", "a"}, {"y", "*b"}}),
              "<b>a</b> và <i>b</i>");
}

TEST(Inline, LineMarkersStaySoTheSourceMapStillWorks) {
    const Template t = make_template("<a>\n{{#inline}}\n*x*\n**y\nz**\n<bad/>\n{{/inline}}\n</a>");
    core::Diagnostics diags;
    const Expanded e = expand(t, json::object(), "d", {}, diags);
    EXPECT_EQ(e.text, "<a>\n\n<i>x</i>\n**y\nz**\n<bad/>\n\n</a>");
    EXPECT_EQ(e.map.locate(e.text, e.text.find("<bad/>")).line, 6);
}

TEST(Inline, WithOtherHelpers) {
    const json data = {{"x", "**đậm** và *nghiêng*"}, {"ngay", "2024-02-05"}};
    EXPECT_EQ(render("{{#upper}}{{#inline}}{{x}}{{/inline}}{{/upper}}", data),
              "<b>ĐẬM</b> VÀ <i>NGHIÊNG</i>");
    EXPECT_EQ(render("{{#inline}}{{#upper}}{{x}}{{/upper}}{{/inline}}", data),
              "<b>ĐẬM</b> VÀ <i>NGHIÊNG</i>");
    EXPECT_EQ(render("{{#inline}}hạn **{{#date}}{{ngay}}{{/date}}**{{/inline}}", data),
              "hạn <b>ngày 05 tháng 02 năm 2024</b>");
    EXPECT_EQ(
        render("{{#tone_new}}{{#inline}}{{y}}{{/inline}}{{/tone_new}}", {{"y", "*hòa* bình"}}),
        "<i>hoà</i> bình");
    // sort orders by the text, marks already turned into tags.
    EXPECT_EQ(render("{{#sort}}{{#ds}}<item>{{#inline}}{{.}}{{/inline}}</item>{{/ds}}{{/sort}}",
                     {{"ds", {"**Đống Đa**", "Ba Đình"}}}),
              "<item>Ba Đình</item><item><b>Đống Đa</b></item>");
    // Inside loops, once per item.
    EXPECT_EQ(
        render("{{#ds}}<li>{{#inline}}{{.}}{{/inline}}</li>{{/ds}}", {{"ds", {"*a*", "__b__"}}}),
        "<li><i>a</i></li><li><u>b</u></li>");
}

TEST(Inline, IsAReservedName) {
    EXPECT_TRUE(is_helper_name("inline"));
    EXPECT_EQ(test::failure_of([] {
                  core::Diagnostics diags;
                  expand(make_template("{{x}}"), {{"x", 1}, {"inline", "a"}}, "d.yaml", {}, diags);
              }).code,
              "data.reserved-name");
}

TEST(Inline, MarkupFunctionDirectly) {
    EXPECT_EQ(inline_markup(""), "");
    EXPECT_EQ(inline_markup("plain &amp; simple"), "plain &amp; simple");
    // Many lone closers: every one stays, in order.
    std::string many;
    for (int i = 0; i < 5000; ++i) many += "a* ";
    EXPECT_EQ(inline_markup(many), many);
    std::string pairs, expected;
    for (int i = 0; i < 1000; ++i) {
        pairs += "*a* ";
        expected += "<i>a</i> ";
    }
    EXPECT_EQ(inline_markup(pairs), expected);
}

}  // namespace
// Marks nested past core::limits::kInlineNesting (20,000 levels crashed the render) are a
// template.helper error naming the helper, not a crash; a few levels are fine.
TEST(Inline, NestingPastTheLimitIsAnError) {
    const auto nested = [](size_t n) {
        std::string s;
        for (size_t i = 0; i < n; ++i) s += "*a ";
        s += "x";
        for (size_t i = 0; i < n; ++i) s += " a*";
        return s;
    };
    const size_t limit = static_cast<size_t>(core::limits::kInlineNesting);
    EXPECT_NO_THROW(inline_markup(nested(limit)));
    EXPECT_THROW(inline_markup(nested(limit + 1)), std::length_error);
    EXPECT_THROW(inline_markup(nested(20000)), std::length_error);

    const Template t = make_template("<p>{{#inline}}{{x}}{{/inline}}</p>");
    const auto d = test::failure_of([&] {
        core::Diagnostics diags;
        expand(t, {{"x", nested(20000)}}, "d.yaml", {}, diags);
        core::throw_if_errors(diags);
    });
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_NE(d.message.find("nested more than"), std::string::npos) << d.message;
}

}  // namespace vanthu::expand
