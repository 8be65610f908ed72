#include "expand/template.hpp"

#include <gtest/gtest.h>

#include "expand/expand.hpp"
#include "test_support.hpp"

namespace vanthu::expand {
namespace {

using test::failure_of;
using test::TempDir;

std::string expand_text(const Template& t, const nlohmann::json& data) {
    core::Diagnostics diags;
    return expand(t, data, "d.yaml", {}, diags).text;
}

TEST(Template, LoadsManifestAndMain) {
    TempDir dir;
    dir.write("cong-van/manifest.json", R"({"kind": "cong-van"})");
    dir.write("cong-van/main.mustache", "<p>{{a}}</p>\n");
    const Template t = load_template(dir.path() / "cong-van");
    EXPECT_EQ(t.name, "cong-van");
    EXPECT_EQ(t.manifest["kind"], "cong-van");
    ASSERT_EQ(t.files.size(), 1u);
    EXPECT_EQ(t.files[0].path, (dir.path() / "cong-van" / "main.mustache").string());
    EXPECT_EQ(t.files[0].text, "<p>{{a}}</p>\n");
    EXPECT_EQ(t.source, std::string("\x01") + "0:1\x02<p>{{a}}</p>\n");
}

TEST(Template, NameWithTrailingSlash) {
    TempDir dir;
    dir.write("qd/manifest.json", "{}");
    dir.write("qd/main.mustache", "x");
    EXPECT_EQ(load_template(dir.path().string() + "/qd/").name, "qd");
}

TEST(Template, PathsAreShownAsGiven) {
    TempDir dir;
    dir.write("templates/cong-van/manifest.json", "{}");
    dir.write("templates/cong-van/main.mustache", "{{> parts/head}}\n");
    dir.write("templates/cong-van/parts/head.mustache", "h\n");
    struct Cwd {
        std::filesystem::path saved = std::filesystem::current_path();
        ~Cwd() { std::filesystem::current_path(saved); }
    } restore;
    std::filesystem::current_path(dir.path());
    const Template t = load_template("templates/cong-van");
    ASSERT_EQ(t.files.size(), 2u);
    EXPECT_EQ(t.files[0].path, "templates/cong-van/main.mustache");
    EXPECT_EQ(t.files[1].path, "templates/cong-van/parts/head.mustache");
}

TEST(Template, MissingManifest) {
    TempDir dir;
    dir.write("t/main.mustache", "x");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.manifest");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "t" / "manifest.json").string());
}

TEST(Template, MalformedManifestHasLocation) {
    TempDir dir;
    dir.write("t/manifest.json", "{\n  \"a\": 1\n  \"b\": 2\n}");
    dir.write("t/main.mustache", "x");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.manifest");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->line_text, "  \"b\": 2");
}

TEST(Template, MissingMainOrFolder) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    EXPECT_EQ(failure_of([&] { load_template(dir.path() / "t"); }).code, "template.io");
    EXPECT_EQ(failure_of([&] { load_template(dir.path() / "none"); }).code, "template.io");
}

TEST(Template, PartialsAreInlinedWithMarkers) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache",
              "<doc>\n{{> header}}\n<p>{{body}}</p>\n{{> parts/footer}}\n</doc>\n");
    dir.write("t/header.mustache", "<h>{{title}}</h>\n");
    dir.write("t/parts/footer.mustache", "<f>{{> sign}}</f>\n");
    dir.write("t/sign.mustache", "ký");
    const Template t = load_template(dir.path() / "t");
    ASSERT_EQ(t.files.size(), 4u);
    EXPECT_EQ(t.files[1].path, (dir.path() / "t" / "header.mustache").string());
    EXPECT_EQ(t.source.find("{{>"), std::string::npos);
    const std::string out = expand_text(t, {{"title", "T"}, {"body", "B"}});
    EXPECT_EQ(out, "<doc>\n<h>T</h>\n\n<p>B</p>\n<f>ký</f>\n\n</doc>\n");
}

TEST(Template, PartialIncludedTwiceIsNotACycle) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "{{> a}}{{> a}}");
    dir.write("t/a.mustache", "[{{x}}]");
    const Template t = load_template(dir.path() / "t");
    EXPECT_EQ(t.files.size(), 2u);
    EXPECT_EQ(expand_text(t, {{"x", "1"}}), "[1][1]");
}

TEST(Template, PartialPathEscapeIsRejectedAtTheTag) {
    TempDir dir;
    dir.write("secret.mustache", "secret");
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "a\nb\nxy  {{> ../secret}}\n");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.partial-path");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "t" / "main.mustache").string());
    EXPECT_EQ(d.where->line, 3);
    EXPECT_EQ(d.where->column, 5);
    EXPECT_EQ(d.where->line_text, "xy  {{> ../secret}}");
}

TEST(Template, AbsoluteAndSneakyPartialPathsAreRejected) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/sub/x.mustache", "x");
    for (const std::string name : {"/etc/passwd", "sub/../../t/sub/x", "a/../../b", ""}) {
        dir.write("t/main.mustache", "{{> " + name + "}}");
        const auto d = failure_of([&] { load_template(dir.path() / "t"); });
        EXPECT_EQ(d.code, "template.partial-path") << name;
    }
    // Staying inside after normalisation is fine.
    dir.write("t/main.mustache", "{{> sub/../sub/x}}");
    EXPECT_NO_THROW(load_template(dir.path() / "t"));
}

TEST(Template, SymlinkLeavingTheFolderIsRejected) {
    TempDir dir;
    dir.write("outside.mustache", "secret");
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "\n  {{> link}}");
    std::filesystem::create_symlink(dir.path() / "outside.mustache",
                                    dir.path() / "t" / "link.mustache");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.partial-path");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 3);
}

// A template folder whose manifest.json or main.mustache is a link to a file outside (such as
// /etc/passwd) is refused before the file is read: no message may quote a line of it.
TEST(Template, ManifestOrMainLinkedOutOfTheFolderIsRefusedUnread) {
    for (const char* name : {"manifest.json", "main.mustache"}) {
        SCOPED_TRACE(name);
        TempDir dir;
        dir.write("secret.txt", "root:x:0:0:the secret line\n{{");  // neither JSON nor mustache
        dir.write("t/manifest.json", "{}");
        dir.write("t/main.mustache", "x");
        std::filesystem::remove(dir.path() / "t" / name);
        std::filesystem::create_symlink(dir.path() / "secret.txt", dir.path() / "t" / name);
        try {
            load_template(dir.path() / "t");
            ADD_FAILURE() << "expected a core::Failure";
        } catch (const core::Failure& f) {
            ASSERT_EQ(f.diagnostics().size(), 1u);
            const auto& d = f.diagnostics().front();
            EXPECT_EQ(d.code, "template.path");
            const std::string all = core::format(d);
            EXPECT_EQ(all.find("secret line"), std::string::npos) << all;
            EXPECT_NE(all.find("outside the template folder"), std::string::npos) << all;
            EXPECT_NE(all.find("--allow-path"), std::string::npos) << all;
        }
        // Allowed explicitly, the link is read: its content is then the template's (not JSON
        // for manifest.json; main.mustache's syntax is checked only when expanding).
        try {
            const Template t = load_template(dir.path() / "t", {dir.path()});
            EXPECT_EQ(std::string(name), "main.mustache");
            EXPECT_EQ(t.files.at(0).text, "root:x:0:0:the secret line\n{{");
        } catch (const core::Failure& f) {
            EXPECT_EQ(std::string(name), "manifest.json");
            EXPECT_EQ(f.diagnostics().front().code, "template.manifest");
        }
    }
}

TEST(Template, PartialLinkedIntoAnAllowedFolderIsRead) {
    TempDir dir;
    dir.write("shared/x.mustache", "shared text");
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "{{> link}}");
    std::filesystem::create_symlink(dir.path() / "shared" / "x.mustache",
                                    dir.path() / "t" / "link.mustache");
    EXPECT_EQ(failure_of([&] { load_template(dir.path() / "t"); }).code, "template.partial-path");
    EXPECT_EQ(expand_text(load_template(dir.path() / "t", {dir.path() / "shared"}),
                          nlohmann::json::object()),
              "shared text");
}

TEST(Template, SymlinkInsideTheFolderIsFine) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/real.mustache", "ok");
    dir.write("t/main.mustache", "{{> link}}");
    std::filesystem::create_symlink(dir.path() / "t" / "real.mustache",
                                    dir.path() / "t" / "link.mustache");
    EXPECT_EQ(expand_text(load_template(dir.path() / "t"), nlohmann::json::object()), "ok");
}

TEST(Template, CycleIsRejected) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "{{> a}}");
    dir.write("t/a.mustache", "A\n{{> b}}");
    dir.write("t/b.mustache", "B {{> a}}");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.partial-cycle");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, (dir.path() / "t" / "b.mustache").string());
    EXPECT_EQ(d.where->line, 1);
    EXPECT_EQ(d.where->column, 3);
    EXPECT_NE(d.message.find("a.mustache → "), std::string::npos) << d.message;
}

TEST(Template, SelfInclusionIsACycle) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "{{> main}}");
    EXPECT_EQ(failure_of([&] { load_template(dir.path() / "t"); }).code, "template.partial-cycle");
}

TEST(Template, MissingPartialIsReportedAtTheTag) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "a\n {{> nothere}}");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.partial-missing");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 2);
}

TEST(Template, ControlCharactersInTemplateAreRejected) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "ok\nx\x01y\n");
    const auto d = failure_of([&] { load_template(dir.path() / "t"); });
    EXPECT_EQ(d.code, "template.encoding");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 2);
}

TEST(Template, PartialKeepsDefaultDelimitersAndDoesNotLeakItsOwn) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    // main switches to <% %> before including; the partial uses {{ }} and switches to [[ ]].
    dir.write("t/main.mustache", "{{=<% %>=}}<%> p%>|<%x%>|{{x}}");
    dir.write("t/p.mustache", "{{x}}{{=[[ ]]=}}[[x]]");
    const Template t = load_template(dir.path() / "t");
    EXPECT_EQ(expand_text(t, {{"x", "1"}}), "11|1|{{x}}");
}

TEST(Template, TextAfterAPartialKeepsItsColumn) {
    TempDir dir;
    dir.write("t/manifest.json", "{}");
    dir.write("t/main.mustache", "<p>{{> p}} {{nope}}</p>\n");
    dir.write("t/p.mustache", "one\ntwo");
    const Template t = load_template(dir.path() / "t");
    core::Diagnostics diags;
    const auto d = failure_of([&] { expand(t, nlohmann::json::object(), "d", {}, diags); });
    EXPECT_EQ(d.code, "data.missing");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->file, t.files[0].path);
    EXPECT_EQ(d.where->line, 1);
    EXPECT_EQ(d.where->column, 12);
}

// The shared folder templates/_common, next to the template folders.
TEST(TemplateCommon, SharedPartialIsUsedWhenTheTemplateHasNone) {
    TempDir dir;
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/t/main.mustache", "<d>{{> head}}|{{> parts/foot}}</d>");
    dir.write("templates/_common/head.mustache", "H {{x}}");
    dir.write("templates/_common/parts/foot.mustache", "F");
    const Template t = load_template(dir.path() / "templates" / "t");
    ASSERT_EQ(t.files.size(), 3u);
    EXPECT_EQ(t.files[1].path, (dir.path() / "templates" / "_common" / "head.mustache").string());
    EXPECT_EQ(expand_text(t, {{"x", "1"}}), "<d>H 1|F</d>");
}

TEST(TemplateCommon, OwnPartialOverridesTheSharedOneEvenInsideSharedPartials) {
    TempDir dir;
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/t/main.mustache", "{{> page}}");
    dir.write("templates/t/item.mustache", "own");
    dir.write("templates/_common/page.mustache", "[{{> item}}]");
    dir.write("templates/_common/item.mustache", "shared");
    const Template t = load_template(dir.path() / "templates" / "t");
    EXPECT_EQ(expand_text(t, nlohmann::json::object()), "[own]");
    // Without the override the shared one is used.
    std::filesystem::remove(dir.path() / "templates" / "t" / "item.mustache");
    EXPECT_EQ(expand_text(load_template(dir.path() / "templates" / "t"), nlohmann::json::object()),
              "[shared]");
}

TEST(TemplateCommon, AnOverrideCanWrapTheSharedPartialByItsFullName) {
    TempDir dir;
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/t/main.mustache", "{{> item}}");
    dir.write("templates/t/item.mustache", "<{{> _common/item}}>");
    dir.write("templates/_common/item.mustache", "shared");
    const Template t = load_template(dir.path() / "templates" / "t");
    EXPECT_EQ(expand_text(t, nlohmann::json::object()), "<shared>");
}

TEST(TemplateCommon, TheSharedFolderIsNotATemplate) {
    TempDir dir;
    dir.write("templates/_common/manifest.json", "{}");
    dir.write("templates/_common/main.mustache", "x");
    for (const auto& given :
         {dir.path() / "templates" / "_common", dir.path() / "templates" / "_common" / ""}) {
        const auto d = failure_of([&] { load_template(given); });
        EXPECT_EQ(d.code, "template.common") << given;
    }
    // Nor through a link with another name.
    std::filesystem::create_directory_symlink(dir.path() / "templates" / "_common",
                                              dir.path() / "templates" / "other");
    EXPECT_EQ(failure_of([&] { load_template(dir.path() / "templates" / "other"); }).code,
              "template.common");
}

TEST(TemplateCommon, SharedPartialsStayInsideTheSharedFolder) {
    TempDir dir;
    dir.write("templates/secret.mustache", "secret");
    dir.write("outside.mustache", "secret");
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/_common/ok.mustache", "ok");
    for (const std::string name : {"_common/../../secret", "_common/../../../outside",
                                   "../_common/ok", "_common/../../_common/ok"}) {
        dir.write("templates/t/main.mustache", "{{> " + name + "}}");
        const auto d = failure_of([&] { load_template(dir.path() / "templates" / "t"); });
        EXPECT_EQ(d.code, "template.partial-path") << name;
    }
    for (const std::string name : {"_common/", "_common/.."}) {
        dir.write("templates/t/main.mustache", "{{> " + name + "}}");
        const auto d = failure_of([&] { load_template(dir.path() / "templates" / "t"); });
        EXPECT_EQ(d.code, "template.partial-missing") << name;
    }
    // A symbolic link in the shared folder that leads out of it.
    std::filesystem::create_symlink(dir.path() / "outside.mustache",
                                    dir.path() / "templates" / "_common" / "link.mustache");
    dir.write("templates/t/main.mustache", "{{> link}}");
    const auto d = failure_of([&] { load_template(dir.path() / "templates" / "t"); });
    EXPECT_EQ(d.code, "template.partial-path");
    EXPECT_NE(d.message.find("shared folder"), std::string::npos) << d.message;
}

TEST(TemplateCommon, MissingEverywhereIsReportedAtTheTag) {
    TempDir dir;
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/t/main.mustache", "\n  {{> nothere}}");
    dir.write("templates/_common/other.mustache", "x");
    const auto d = failure_of([&] { load_template(dir.path() / "templates" / "t"); });
    EXPECT_EQ(d.code, "template.partial-missing");
    ASSERT_TRUE(d.where);
    EXPECT_EQ(d.where->line, 2);
    EXPECT_EQ(d.where->column, 3);
    ASSERT_FALSE(d.hints.empty());
    EXPECT_NE(d.hints[0].find("_common"), std::string::npos) << d.hints[0];
}

TEST(TemplateCommon, CycleThroughTheSharedFolderIsRejected) {
    TempDir dir;
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/t/main.mustache", "{{> a}}");
    dir.write("templates/t/b.mustache", "{{> a}}");
    dir.write("templates/_common/a.mustache", "{{> b}}");
    EXPECT_EQ(failure_of([&] { load_template(dir.path() / "templates" / "t"); }).code,
              "template.partial-cycle");
}

TEST(TemplateCommon, RelativeTemplatePathFindsItsSibling) {
    TempDir dir;
    dir.write("templates/t/manifest.json", "{}");
    dir.write("templates/t/main.mustache", "{{> head}}");
    dir.write("templates/_common/head.mustache", "H");
    struct Cwd {
        std::filesystem::path saved = std::filesystem::current_path();
        ~Cwd() { std::filesystem::current_path(saved); }
    } restore;
    std::filesystem::current_path(dir.path() / "templates");
    EXPECT_EQ(load_template("t").files.at(1).path, "_common/head.mustache");
    std::filesystem::current_path(dir.path() / "templates" / "t");
    EXPECT_EQ(expand_text(load_template("."), nlohmann::json::object()), "H");
}

}  // namespace
}  // namespace vanthu::expand
