// Template helpers ({{#upper}}, {{#date}}, {{#number}}, {{#words}}, {{#roman}}, {{#sort}}, …)
// through expand(), as templates use them.
#include "expand/helpers.hpp"

#include <gtest/gtest.h>

#include "expand/expand.hpp"
#include "test_support.hpp"

namespace vanthu::expand {
namespace {

using nlohmann::json;
using test::failure_of;
using test::make_template;

std::string render(const std::string& main, const json& data) {
    const Template t = make_template(main);
    core::Diagnostics diags;
    return expand(t, data, "d.yaml", {}, diags).text;
}

// Draft mode: the text and the diagnostics.
struct Draft {
    std::string text;
    std::vector<core::Diagnostic> diags;
};

Draft render_draft(const std::string& main, const json& data) {
    const Template t = make_template(main);
    core::Diagnostics diags;
    ExpandOptions options;
    options.strict = false;
    Draft d;
    d.text = expand(t, data, "d.yaml", options, diags).text;
    d.diags = diags.items();
    return d;
}

// The first diagnostic of a strict expand() that must fail.
core::Diagnostic strict_failure(const std::string& main, const json& data) {
    const Template t = make_template(main);
    return failure_of([&] {
        core::Diagnostics diags;
        expand(t, data, "d.yaml", {}, diags);
    });
}

// ---- upper -------------------------------------------------------------------------------------

TEST(Helpers, UpperMapsVietnameseLetters) {
    EXPECT_EQ(render("{{#upper}}đ ư ơ ă â ê ô ỹ{{/upper}}", json::object()), "Đ Ư Ơ Ă Â Ê Ô Ỹ");
    EXPECT_EQ(render("<p>{{#upper}}kế hoạch của {{co_quan}}{{/upper}}</p>",
                     {{"co_quan", "Hội LHPN Hà Nội"}}),
              "<p>KẾ HOẠCH CỦA HỘI LHPN HÀ NỘI</p>");
    // "Đ" is U+0110, never the Icelandic eth U+00D0.
    EXPECT_EQ(render("{{#upper}}{{x}}{{/upper}}", {{"x", "đ"}}), "\xC4\x90");
}

TEST(Helpers, UpperKeepsEntitiesAndTags) {
    // Template text with a bare "&" and data with markup characters: all come out escaped,
    // never as "&AMP;" or "&LT;".
    EXPECT_EQ(render("{{#upper}}a & b{{/upper}}", json::object()), "A &amp; B");
    EXPECT_EQ(render("{{#upper}}{{x}}{{/upper}}", {{"x", "a & b <c> \"d\""}}),
              "A &amp; B &lt;C&gt; &quot;D&quot;");
    EXPECT_EQ(render("{{#upper}}<b class=\"x\">đậm</b> thường{{/upper}}", json::object()),
              "<b class=\"x\">ĐẬM</b> THƯỜNG");
    // A "<" that starts no tag is text (a bare one in template text gets escaped).
    EXPECT_EQ(render("{{#upper}}1 < 2 và 3 > 2{{/upper}}", json::object()), "1 &lt; 2 VÀ 3 &gt; 2");
    // Numeric character references are characters too.
    EXPECT_EQ(render("{{#upper}}&#273;&#x1b0;{{/upper}}", json::object()), "ĐƯ");
}

TEST(Helpers, UpperKeepsLineMarkersSoTheSourceMapStillWorks) {
    const Template t = make_template("<a>\n{{#upper}}\nxin\n<bad>chào</bad>\n{{/upper}}\n</a>");
    core::Diagnostics diags;
    const Expanded e = expand(t, json::object(), "d", {}, diags);
    EXPECT_EQ(e.text, "<a>\n\nXIN\n<bad>CHÀO</bad>\n\n</a>");
    const auto loc = e.map.locate(e.text, e.text.find("<bad>"));
    EXPECT_EQ(loc.line, 4);
    EXPECT_EQ(loc.column, 1);
    EXPECT_EQ(e.map.locate(e.text, e.text.find("</a>")).line, 6);
}

TEST(Helpers, DataIsNeverExpandedAgain) {
    const json data = {{"a", "{{x}}"}, {"x", "BAD"}, {"d", "{{x}}"}};
    EXPECT_EQ(render("{{#upper}}{{a}}{{/upper}}", data), "{{X}}");
    EXPECT_EQ(render("{{#tone_new}}{{a}}{{/tone_new}}", data), "{{x}}");
    EXPECT_EQ(render("{{#sort}}<i>b</i><i>{{a}}</i>{{/sort}}", data), "<i>{{x}}</i><i>b</i>");
    const Draft draft = render_draft("{{#date}}{{d}}{{/date}}", data);
    EXPECT_EQ(draft.text, "[date: {{x}}]");
    EXPECT_EQ(draft.text.find("BAD"), std::string::npos);
}

// ---- tone style ----------------------------------------------------------------------------

TEST(Helpers, ToneStyles) {
    const json data = {{"x", "hòa bình, HỎA TỐC, khoẻ"}};
    EXPECT_EQ(render("{{#tone_new}}{{x}}{{/tone_new}}", data), "hoà bình, HOẢ TỐC, khoẻ");
    EXPECT_EQ(render("{{#tone_old}}{{x}}{{/tone_old}}", data), "hòa bình, HỎA TỐC, khỏe");
}

// ---- dates -------------------------------------------------------------------------------------

TEST(Helpers, DateLongAndShort) {
    const auto both = [](const std::string& iso) {
        return render("{{#date}}{{d}}{{/date}}|{{#date_short}}{{d}}{{/date_short}}", {{"d", iso}});
    };
    EXPECT_EQ(both("2024-02-05"), "ngày 05 tháng 02 năm 2024|05/02/2024");
    EXPECT_EQ(both("2024-01-01"), "ngày 01 tháng 01 năm 2024|01/01/2024");
    EXPECT_EQ(both("2024-02-29"), "ngày 29 tháng 02 năm 2024|29/02/2024");
    EXPECT_EQ(both("2024-05-10"), "ngày 10 tháng 5 năm 2024|10/5/2024");
    EXPECT_EQ(both("2024-12-31"), "ngày 31 tháng 12 năm 2024|31/12/2024");
}

TEST(Helpers, DateKeepsSurroundingWhitespaceAndMarkers) {
    const Template t = make_template("<date>{{#date}}\n  {{d}}\n{{/date}}</date>\n<x/>");
    core::Diagnostics diags;
    const Expanded e = expand(t, {{"d", "2024-02-05"}}, "d", {}, diags);
    EXPECT_EQ(e.text, "<date>\n  ngày 05 tháng 02 năm 2024\n</date>\n<x/>");
    EXPECT_EQ(e.map.locate(e.text, e.text.find("ngày")).line, 2);
    EXPECT_EQ(e.map.locate(e.text, e.text.find("</date>")).line, 3);
    EXPECT_EQ(e.map.locate(e.text, e.text.find("<x/>")).line, 4);
}

TEST(Helpers, InvalidDateIsAnErrorAtTheHelperTag) {
    const auto d = strict_failure("<a>\n  <date>{{#date}}{{ngay}}{{/date}}</date>\n</a>",
                                  {{"ngay", "2023-02-29"}});
    EXPECT_EQ(d.severity, core::Severity::error);
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_EQ(d.message,
              "helper \"date\": \"2023-02-29\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, "t/main.mustache");
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 9);
    EXPECT_EQ(d.where->line_text, "  <date>{{#date}}{{ngay}}{{/date}}</date>");
    ASSERT_FALSE(d.hints.empty());
    EXPECT_NE(d.hints[0].find("YYYY-MM-DD"), std::string::npos);

    const auto s = strict_failure("{{#date_short}}{{n}}{{/date_short}}", {{"n", "05/02/2024"}});
    EXPECT_EQ(s.message, "helper \"date_short\": \"05/02/2024\" is not a whole date (YYYY-MM-DD)");
}

TEST(Helpers, ErrorIsLocatedAtTheSectionWithThatText) {
    // Two date helpers; only the second one's content is bad.
    const auto d = strict_failure("{{#date}}{{a}}{{/date}}\n<p>\n x {{#date}}{{b}}{{/date}}</p>",
                                  {{"a", "2024-02-05"}, {"b", "2024-13-01"}});
    EXPECT_EQ(d.message,
              "helper \"date\": \"2024-13-01\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 4);
}

TEST(Helpers, ErrorInsideALoopIsReportedOncePerValue) {
    const Template t = make_template("{{#ds}}<d>{{#date}}{{.}}{{/date}}</d>{{/ds}}");
    core::Diagnostics diags;
    ExpandOptions options;
    options.strict = false;
    const Expanded e =
        expand(t, {{"ds", {"2024-02-30", "2024-03-01", "2024-02-30", "x"}}}, "d", options, diags);
    EXPECT_EQ(e.text,
              "<d>[date: 2024-02-30]</d><d>ngày 01 tháng 3 năm 2024</d><d>[date: 2024-02-30]</d>"
              "<d>[date: x]</d>");
    ASSERT_EQ(diags.items().size(), 2u);
    EXPECT_EQ(diags.items()[0].severity, core::Severity::warning);
    EXPECT_EQ(diags.items()[0].code, "template.helper");
    EXPECT_NE(diags.items()[1].message.find("\"x\""), std::string::npos);
}

TEST(Helpers, DraftShowsAPlaceholderAndWarns) {
    const Draft d = render_draft("<date>{{#date}}{{ngay}}{{/date}}</date>", {{"ngay", "hôm nay"}});
    EXPECT_EQ(d.text, "<date>[date: hôm nay]</date>");
    ASSERT_EQ(d.diags.size(), 1u);
    EXPECT_EQ(d.diags[0].severity, core::Severity::warning);
    EXPECT_EQ(d.diags[0].code, "template.helper");
    // The placeholder is escaped like any data.
    EXPECT_EQ(render_draft("{{#number}}{{x}}{{/number}}", {{"x", "<b>"}}).text,
              "[number: &lt;b&gt;]");
}

TEST(Helpers, EmptyValueIsLeftEmpty) {
    EXPECT_EQ(render("<d>{{#date}}{{d}}{{/date}}</d><n>{{#number}} {{/number}}</n>", {{"d", ""}}),
              "<d></d><n> </n>");
}

// ---- missing names -------------------------------------------------------------------------

TEST(Helpers, HelperNamesAreNeverMissingButTheirContentIs) {
    const Template t = make_template("{{#upper}}{{ten}}{{/upper}}\n{{#date}}{{ngay}}{{/date}}");
    try {
        core::Diagnostics diags;
        expand(t, json::object(), "d.yaml", {}, diags);
        FAIL() << "expected a Failure";
    } catch (const core::Failure& f) {
        ASSERT_EQ(f.diagnostics().size(), 2u);
        EXPECT_EQ(f.diagnostics()[0].code, "data.missing");
        EXPECT_EQ(f.diagnostics()[0].message,
                  "missing data: \"ten\" is used by the template but not given");
        EXPECT_EQ(f.diagnostics()[1].code, "data.missing");
        EXPECT_NE(f.diagnostics()[1].message.find("\"ngay\""), std::string::npos);
    }
}

TEST(Helpers, DraftPlaceholderOfAMissingNamePassesThrough) {
    const Draft d = render_draft("<d>{{#date}}{{ngay}}{{/date}}</d>", json::object());
    EXPECT_EQ(d.text, "<d>[ngay]</d>");
    ASSERT_EQ(d.diags.size(), 1u);
    EXPECT_EQ(d.diags[0].code, "data.missing");
    // "[ngay]" given as data is a value like any other.
    const Draft given = render_draft("<d>{{#date}}{{ngay}}{{/date}}</d>", {{"ngay", "[ngay]"}});
    EXPECT_EQ(given.text, "<d>[date: [ngay]]</d>");
    ASSERT_EQ(given.diags.size(), 1u);
    EXPECT_EQ(given.diags[0].code, "template.helper");
}

// ---- numbers -----------------------------------------------------------------------------------

TEST(Helpers, Number) {
    const auto number = [](const json& x) {
        return render("{{#number}}{{x}}{{/number}}", {{"x", x}});
    };
    EXPECT_EQ(number(0), "0");
    EXPECT_EQ(number(1.5), "1,5");
    EXPECT_EQ(number("1234567.5"), "1.234.567,5");
    EXPECT_EQ(number(1234567), "1.234.567");
    EXPECT_EQ(number("1.234.567,5"), "1.234.567,5");
    EXPECT_EQ(number("0.125"), "0,125");  // decimals as given, not rounded to two
    EXPECT_EQ(number(-2500), "-2.500");
    EXPECT_EQ(number("3000000000"), "3.000.000.000");
    const auto d = strict_failure("{{#number}}{{x}}{{/number}}", {{"x", "12 tỷ"}});
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_EQ(d.message, "helper \"number\": \"12 tỷ\" is not a number");
}

TEST(Helpers, AmountInWords) {
    const auto words = [](const json& x) {
        return render("{{#words}}{{x}}{{/words}}", {{"x", x}});
    };
    EXPECT_EQ(words(1250000), "Một triệu hai trăm năm mươi nghìn đồng");
    EXPECT_EQ(words("1.250.000"), "Một triệu hai trăm năm mươi nghìn đồng");
    EXPECT_EQ(words(0), "Không đồng");
    EXPECT_EQ(words(3500000000LL), "Ba tỷ năm trăm triệu đồng");
    EXPECT_EQ(words("125000000000"), "Một trăm hai mươi lăm tỷ đồng");
    const auto half = strict_failure("{{#words}}{{x}}{{/words}}", {{"x", 1.5}});
    EXPECT_EQ(half.message, "helper \"words\": \"1.5\" is not a whole number");
    const auto big = strict_failure("{{#words}}{{x}}{{/words}}", {{"x", "1000000000000000"}});
    EXPECT_EQ(big.message,
              "helper \"words\": \"1000000000000000\" is too large (at most 15 digits)");
}

TEST(Helpers, Roman) {
    const auto roman = [](const json& x) {
        return render("{{#roman}}{{x}}{{/roman}}", {{"x", x}});
    };
    EXPECT_EQ(roman(1), "I");
    EXPECT_EQ(roman(4), "IV");
    EXPECT_EQ(roman("14"), "XIV");
    EXPECT_EQ(roman(3999), "MMMCMXCIX");
    EXPECT_EQ(strict_failure("{{#roman}}{{x}}{{/roman}}", {{"x", 0}}).message,
              "helper \"roman\": \"0\" is outside 1 to 3999");
    EXPECT_EQ(strict_failure("{{#roman}}{{x}}{{/roman}}", {{"x", 4000}}).message,
              "helper \"roman\": \"4000\" is outside 1 to 3999");
    EXPECT_EQ(strict_failure("{{#roman}}{{x}}{{/roman}}", {{"x", "IV"}}).message,
              "helper \"roman\": \"IV\" is not a number");
}

TEST(Helpers, HelpersInsideLoopsAndInsideEachOther) {
    EXPECT_EQ(render("{{#ds}}<i>{{#number}}{{.}}{{/number}}</i>{{/ds}}", {{"ds", {1000, 2.25}}}),
              "<i>1.000</i><i>2,25</i>");
    EXPECT_EQ(render("{{#upper}}{{#date}}{{d}}{{/date}}{{/upper}}", {{"d", "2024-02-05"}}),
              "NGÀY 05 THÁNG 02 NĂM 2024");
    // An error in a nested helper is located at its own tag.
    const auto d =
        strict_failure("{{#upper}}\n  {{#roman}}{{n}}{{/roman}}\n{{/upper}}", {{"n", 0}});
    EXPECT_EQ(d.code, "template.helper");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 3);
}

// ---- sort --------------------------------------------------------------------------------------

TEST(Helpers, SortUsesVietnameseOrder) {
    const json data = {{"ds",
                        {"Ưu Đàm", "Đống Đa", "Ba Đình", "Ứng Hòa", "Cầu Giấy", "Đông Anh",
                         "Ân Thi", "An Dương", "Uy Nỗ", "Dương Nội", "Hà Đông"}}};
    EXPECT_EQ(render("{{#sort}}{{#ds}}<item>{{.}}</item>{{/ds}}{{/sort}}", data),
              "<item>An Dương</item><item>Ân Thi</item><item>Ba Đình</item>"
              "<item>Cầu Giấy</item><item>Dương Nội</item><item>Đông Anh</item>"
              "<item>Đống Đa</item><item>Hà Đông</item><item>Uy Nỗ</item>"
              "<item>Ứng Hòa</item><item>Ưu Đàm</item>");
}

TEST(Helpers, SortKeepsLayoutAndComparesTextOnly) {
    // Multi-line body: gaps (newlines, indentation) stay, elements move; tags inside an element
    // and entities do not change its key; equal keys keep their order.
    const std::string tmpl =
        "<list>\n{{#sort}}\n{{#ds}}\n  <item>{{{.}}}</item>\n{{/ds}}\n{{/sort}}\n</list>";
    const json data = {{"ds", {"<b>Đ</b>ống Đa", "Ba &amp; Đình", "An", "<i>An</i>", "<x/>"}}};
    EXPECT_EQ(render(tmpl, data),
              "<list>\n\n\n  <item><x/></item>\n\n  <item>An</item>\n\n  <item><i>An</i></item>"
              "\n\n  <item>Ba &amp; Đình</item>\n\n  <item><b>Đ</b>ống Đa</item>\n\n\n</list>");
}

TEST(Helpers, SortNeedsElements) {
    const auto d = strict_failure("{{#sort}}{{#ds}}{{.}}, {{/ds}}{{/sort}}", {{"ds", {"b", "a"}}});
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_EQ(d.message,
              "helper \"sort\": text \"b, a,\" is outside the elements to sort; nothing sorted");
    const Draft draft = render_draft("{{#sort}}<a>y</a></b>{{/sort}}", json::object());
    EXPECT_EQ(draft.text, "<a>y</a></b>");
    ASSERT_EQ(draft.diags.size(), 1u);
    EXPECT_EQ(draft.diags[0].message, "helper \"sort\": </b> closes no element; nothing sorted");
    EXPECT_EQ(render("{{#sort}} {{#ds}}<i>{{.}}</i>{{/ds}} {{/sort}}", {{"ds", json::array()}}),
              "  ");
}

// ---- punctuate ----------------------------------------------------------------------------------

TEST(Helpers, PunctuateEndsEachElementWithASemicolonAndTheLastWithAFullStop) {
    const std::string tmpl =
        "{{#punctuate}}\n{{#can_cu}}<p><i>{{.}}</i></p>\n{{/can_cu}}"
        "{{#de_nghi}}<p><i>Theo đề nghị của {{de_nghi}}</i></p>{{/de_nghi}}\n{{/punctuate}}";
    // Typed marks are replaced, missing ones added; spaces before the closing tags go.
    const json data = {{"can_cu", {"Căn cứ Luật A;", "Căn cứ Nghị định B.", "Căn cứ C , "}},
                       {"de_nghi", "Giám đốc Sở Nội vụ"}};
    EXPECT_EQ(render(tmpl, data),
              "\n<p><i>Căn cứ Luật A;</i></p>\n<p><i>Căn cứ Nghị định B;</i></p>\n"
              "<p><i>Căn cứ C;</i></p>\n<p><i>Theo đề nghị của Giám đốc Sở Nội vụ.</i></p>\n");
    // Without the last line, the last "Căn cứ" ends with the full stop.
    EXPECT_EQ(render(tmpl, {{"can_cu", {"Căn cứ Luật A:", "Căn cứ B"}}}),
              "\n<p><i>Căn cứ Luật A;</i></p>\n<p><i>Căn cứ B.</i></p>\n\n");
    // An entity at the end stays; the mark follows it. An element without text is left alone.
    EXPECT_EQ(
        render("{{#punctuate}}<p>“x” &amp;</p><p><x/></p><p>y</p>{{/punctuate}}", json::object()),
        "<p>“x” &amp;;</p><p><x/></p><p>y.</p>");
}

TEST(Helpers, PunctuateNeedsElements) {
    const auto d =
        strict_failure("{{#punctuate}}{{#ds}}{{.}}{{/ds}}{{/punctuate}}", {{"ds", {"a"}}});
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_EQ(d.message,
              "helper \"punctuate\": text \"a\" is outside the elements to punctuate; "
              "nothing changed");
}

// ---- type_abbr ----------------------------------------------------------------------------------

TEST(Helpers, TypeAbbreviationFromTheTypeName) {
    const std::string tmpl = "<symbol>{{#type_abbr}}{{ten_loai}}{{/type_abbr}}-UBND</symbol>";
    EXPECT_EQ(render(tmpl, {{"ten_loai", "Quyết định"}}), "<symbol>QĐ-UBND</symbol>");
    EXPECT_EQ(render(tmpl, {{"ten_loai", "TỜ TRÌNH"}}), "<symbol>TTr-UBND</symbol>");
    EXPECT_EQ(render(tmpl, {{"ten_loai", "Phương án"}}), "<symbol>PA-UBND</symbol>");
    EXPECT_EQ(render(tmpl, {{"ten_loai", "Bản thoả  thuận"}}), "<symbol>BTT-UBND</symbol>");
    EXPECT_EQ(render(tmpl, {{"ten_loai", "Quy định"}}), "<symbol>QyĐ-UBND</symbol>");
}

TEST(Helpers, AnUnknownTypeNameListsTheKnownOnes) {
    const std::string tmpl = "<symbol>{{#type_abbr}}{{ten_loai}}{{/type_abbr}}-UBND</symbol>";
    const auto d = strict_failure(tmpl, {{"ten_loai", "Quyết nghị"}});
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_EQ(d.message, "helper \"type_abbr\": \"Quyết nghị\" is not a type name of Decree 30");
    ASSERT_FALSE(d.hints.empty());
    EXPECT_NE(d.hints[0].find("Nghị quyết, Quyết định, Chỉ thị"), std::string::npos) << d.hints[0];
    EXPECT_EQ(strict_failure(tmpl, {{"ten_loai", "Công văn"}}).message,
              "helper \"type_abbr\": \"Công văn\" has no abbreviation (Decree 30 gives none to "
              "công văn and thư công)");
    const Draft draft = render_draft(tmpl, {{"ten_loai", "Thư mời"}});
    EXPECT_EQ(draft.text, "<symbol>[type_abbr: Thư mời]-UBND</symbol>");
}

// ---- reserved names and misuse -------------------------------------------------------------

TEST(Helpers, DataKeysNamedLikeHelpersAreRefused) {
    const Template t = make_template("{{x}}");
    try {
        core::Diagnostics diags;
        expand(t, {{"x", 1}, {"date", "2024-01-01"}, {"ds", {{{"sort", 1}}}}}, "d.yaml", {}, diags);
        FAIL() << "expected a Failure";
    } catch (const core::Failure& f) {
        ASSERT_EQ(f.diagnostics().size(), 2u);
        EXPECT_EQ(f.diagnostics()[0].code, "data.reserved-name");
        EXPECT_EQ(f.diagnostics()[0].message,
                  "the data key date has the name of the template helper \"date\"");
        ASSERT_TRUE(f.diagnostics()[0].where);
        EXPECT_EQ(f.diagnostics()[0].where->file, "d.yaml");
        EXPECT_EQ(f.diagnostics()[1].message,
                  "the data key ds[0].sort has the name of the template helper \"sort\"");
    }
    EXPECT_TRUE(check_reserved_names({{"ngay", "x"}, {"ds", {{{"so", 1}}}}}, "d").empty());
}

TEST(Helpers, HelperUsedAsAVariableIsAnErrorAtTheTag) {
    const auto d = strict_failure("<p>\n  {{upper}}</p>", json::object());
    EXPECT_EQ(d.code, "template.helper");
    EXPECT_EQ(d.message,
              "\"upper\" is a helper and can only be used as a section, {{#upper}}…{{/upper}}");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 3);
    EXPECT_EQ(strict_failure("{{^date}}x{{/date}}", json::object()).code, "template.helper");
    EXPECT_EQ(strict_failure("{{{roman}}}", json::object()).code, "template.helper");
}

TEST(Helpers, NamesAreListed) {
    for (const char* name : {"upper", "tone_old", "tone_new", "date", "date_short", "number",
                             "words", "roman", "sort", "inline", "type_abbr", "punctuate"})
        EXPECT_TRUE(is_helper_name(name)) << name;
    EXPECT_FALSE(is_helper_name("ngay"));
    EXPECT_EQ(helper_names().size(), 12u);
}

}  // namespace
}  // namespace vanthu::expand
