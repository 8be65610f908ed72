#include "expand/template.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <utility>

#include "core/diagnostics.hpp"
#include "core/paths.hpp"
#include "expand/detail.hpp"
#include "expand/mustache_scan.hpp"
#include "expand/source_map.hpp"
#include "input/detail.hpp"
#include "input/utf8.hpp"

namespace vanthu::expand {

namespace fs = std::filesystem;

namespace {

// Inlined source of a template larger than this is refused (a partial included many times by
// partials that are themselves included many times grows exponentially).
constexpr size_t kMaxSource = 64u << 20;

// The folder next to the templates that holds the partials they share.
constexpr const char* kCommonName = "_common";

[[noreturn]] void fail(std::string code, std::string message,
                       std::optional<core::SourceLocation> where,
                       std::vector<std::string> hints = {}) {
    throw core::Failure(core::Diagnostic{core::Severity::error, std::move(code), std::move(message),
                                         std::move(where), std::move(hints)});
}

core::SourceLocation file_only(const std::string& file) { return {file, 0, 0, {}}; }

std::string template_name(const fs::path& dir) {
    fs::path p = dir.lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    std::string name = p.filename().string();
    if (name.empty() || name == "." || name == "..") {
        std::error_code ec;
        fs::path abs = fs::absolute(dir, ec).lexically_normal();
        if (!abs.has_filename()) abs = abs.parent_path();
        name = abs.filename().string();
    }
    return name;
}

// A template's file that leads out of its folder (a symbolic link to /etc/passwd) is refused
// before it is read, so no message can quote a line of it.
void check_inside(const fs::path& file, const fs::path& folder,
                  const std::vector<fs::path>& allowed, const std::string& what) {
    const fs::path real = core::resolved(file);
    if (core::is_within(real, core::resolved(folder)) || core::is_within_any(real, allowed)) return;
    fail("template.path",
         what + " " + file.string() + " leads outside the template folder " + folder.string() +
             " (to " + real.string() + ")",
         file_only(file.string()),
         {"a template's files must be inside its folder; copy the file there, or allow its "
          "folder with --allow-path DIR"});
}

class Loader {
  public:
    Loader(Template& t, fs::path common_dir, const std::vector<fs::path>& allowed)
        : t_(t), allowed_(allowed) {
        roots_[0].dir = t_.dir;
        roots_[1].dir = std::move(common_dir);
        for (auto& root : roots_) {
            std::error_code ec;
            root.canonical = fs::canonical(root.dir, ec);
            if (ec) root.canonical = fs::absolute(root.dir).lexically_normal();
        }
    }

    // Reads, checks and marks a file of root 0 (the template folder) or 1 (the shared
    // folder); returns its index in t_.files.
    int add_file(int root, const fs::path& relative,
                 const std::optional<core::SourceLocation>& included_at,
                 const std::string& partial_name) {
        const std::string key = std::to_string(root) + ":" + relative.generic_string();
        if (auto it = index_.find(key); it != index_.end()) return it->second;
        const fs::path full = roots_[root].dir / relative;
        TemplateFile file{full.string(), {}};
        if (!included_at) check_inside(full, roots_[root].dir, allowed_, "the template file");
        std::string why;
        if (!input::detail::read_file(full, file.text, why)) {
            if (included_at)
                fail("template.partial-missing",
                     "partial \"" + partial_name + "\" not found: cannot read " + file.path + " (" +
                         why + ")",
                     included_at,
                     {"a partial is looked up in the template folder, then in the shared folder " +
                      roots_[1].dir.string()});
            fail("template.io", "cannot read " + file.path + ": " + why, file_only(file.path));
        }
        if (size_t bad = input::detail::invalid_utf8_at(file.text); bad != std::string::npos)
            fail("template.encoding", "the template is not valid UTF-8 (save it as UTF-8)",
                 core::locate(file.path, file.text, bad));
        if (size_t ctl = input::detail::control_char_at(file.text, true); ctl != std::string::npos)
            fail("template.encoding",
                 "the template contains the control character " +
                     input::detail::code_point_name(file.text, ctl),
                 core::locate(file.path, file.text, ctl));
        const int index = static_cast<int>(t_.files.size());
        marked_.push_back(add_line_markers(file.text, index));
        inlined_.emplace_back();
        t_.files.push_back(std::move(file));
        index_.emplace(key, index);
        return index;
    }

    struct Inlined {
        std::string text;
        detail::Delimiters final_delimiters;
    };

    // The marked text of file `index` with its partials inlined (memoised: a partial's expansion
    // does not depend on where it is included, since it always starts with default delimiters).
    const Inlined& inline_file(int index) {
        if (inlined_[index]) return *inlined_[index];
        stack_.push_back(index);
        const std::string& marked = marked_[index];
        const detail::ScanResult scan = detail::scan_tags(marked);
        Inlined result;
        result.final_delimiters = scan.final_delimiters;
        size_t copied = 0;
        for (const auto& tag : scan.tags) {
            if (tag.kind != detail::TagKind::partial) continue;
            const core::SourceLocation at = locate_in_source(marked, tag.start, t_.files);
            const auto [root, relative] = partial_path(tag.name, at);
            const int child = add_file(root, relative, at, tag.name);
            if (std::find(stack_.begin(), stack_.end(), child) != stack_.end()) {
                std::string chain;
                for (int i : stack_) chain += t_.files[i].path + " → ";
                chain += t_.files[child].path;
                fail("template.partial-cycle",
                     "partial \"" + tag.name + "\" includes itself: " + chain, at);
            }
            const Inlined& sub = inline_file(child);
            result.text.append(marked, copied, tag.start - copied);
            // A partial starts with the default delimiters and must not change the includer's.
            if (!tag.delimiters.is_default())
                result.text += detail::set_delimiter_tag(tag.delimiters, detail::Delimiters{});
            result.text += sub.text;
            if (!(sub.final_delimiters == tag.delimiters))
                result.text += detail::set_delimiter_tag(sub.final_delimiters, tag.delimiters);
            // Text after the tag on the same line resumes at its real column.
            const bool line_ends = tag.end >= marked.size() || marked[tag.end] == '\n' ||
                                   marked.compare(tag.end, 2, "\r\n") == 0;
            if (!line_ends) {
                const core::SourceLocation after = locate_in_source(marked, tag.end, t_.files);
                result.text += detail::make_marker(index, after.line, after.column);
            }
            copied = tag.end;
            if (result.text.size() > kMaxSource)
                fail("template.too-large",
                     "the template is too large once its partials are included (over " +
                         std::to_string(kMaxSource >> 20) + " MiB)",
                     at);
        }
        result.text.append(marked, copied, std::string::npos);
        stack_.pop_back();
        inlined_[index] = std::move(result);
        return *inlined_[index];
    }

  private:
    // "sub/name" -> root and "sub/name.mustache": the template folder's own file if there is
    // one, else the shared folder's ("_common/name" names the shared one directly). Anything
    // that leaves the folder it is read from is refused.
    std::pair<int, fs::path> partial_path(const std::string& name, const core::SourceLocation& at) {
        const std::vector<std::string> hint{
            "partials are files inside the template folder (or the shared folder " +
            roots_[1].dir.string() +
            "), named without .mustache, e.g. {{> header}} or {{> parts/footer}}"};
        if (name.empty()) fail("template.partial-path", "a partial tag names no file", at, hint);
        const fs::path given(name);
        if (given.is_absolute() || given.has_root_path() || name.front() == '/')
            fail("template.partial-path",
                 "partial \"" + name +
                     "\" must be a path inside the template folder, not an "
                     "absolute path",
                 at, hint);
        fs::path relative = fs::path(name + ".mustache").lexically_normal();
        if (relative.empty() || *relative.begin() == ".." || !relative.has_filename())
            fail("template.partial-path",
                 "partial \"" + name + "\" points outside the template folder", at, hint);
        int root = 0;
        if (*relative.begin() == kCommonName) {
            root = 1;
            relative = relative.lexically_relative(kCommonName);
            if (relative.empty() || *relative.begin() == ".." || *relative.begin() == ".")
                fail("template.partial-path",
                     "partial \"" + name + "\" names no file inside the shared folder", at, hint);
        } else {
            std::error_code ec;
            const bool own =
                fs::symlink_status(roots_[0].dir / relative, ec).type() != fs::file_type::not_found;
            const bool shared = !own && fs::symlink_status(roots_[1].dir / relative, ec).type() !=
                                            fs::file_type::not_found;
            if (shared) root = 1;
        }
        // Symbolic links must not lead outside either.
        std::error_code ec;
        const fs::path real = fs::weakly_canonical(roots_[root].dir / relative, ec);
        if (!ec && !core::is_within(real, roots_[root].canonical) &&
            !core::is_within_any(real, allowed_))
            fail("template.partial-path",
                 "partial \"" + name + "\" points outside the " +
                     (root == 0 ? "template" : "shared") +
                     " folder (through a "
                     "symbolic link to " +
                     real.string() + ")",
                 at, hint);
        return {root, relative};
    }

    struct Root {
        fs::path dir;        // as given, for messages
        fs::path canonical;  // for the containment check
    };

    Template& t_;
    const std::vector<fs::path>& allowed_;
    Root roots_[2];  // the template folder, then the shared folder
    std::map<std::string, int> index_;
    // deques: references to elements stay valid while recursion adds files
    std::deque<std::string> marked_;
    std::deque<std::optional<Inlined>> inlined_;
    std::vector<int> stack_;
};

}  // namespace

Template load_template(const fs::path& dir, const std::vector<fs::path>& allowed) {
    Template t;
    t.dir = dir;
    t.name = template_name(dir);

    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        fail("template.io", "no template folder " + dir.string(), file_only(dir.string()));
    // The shared folder is a sibling of the template folder: templates/_common.
    fs::path folder = dir.lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();
    if (folder.empty() || folder.filename() == "." || folder.filename() == "..")
        folder = fs::absolute(dir, ec).lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();
    const fs::path common_dir = folder.parent_path() / kCommonName;
    if (t.name == kCommonName || fs::canonical(dir, ec).filename() == kCommonName)
        fail("template.common",
             "the folder " + dir.string() +
                 " holds the partials the templates share; it is not a template",
             file_only(dir.string()), {"name a template folder, e.g. cong-van or ke-hoach"});

    const fs::path manifest_path = dir / "manifest.json";
    const std::string manifest_file = manifest_path.string();
    std::string manifest_text, why;
    if (!fs::exists(manifest_path, ec))
        fail("template.manifest", "the template folder has no manifest.json",
             file_only(manifest_file));
    check_inside(manifest_path, dir, allowed, "the manifest");
    if (!input::detail::read_file(manifest_path, manifest_text, why))
        fail("template.manifest", "cannot read manifest.json: " + why, file_only(manifest_file));
    t.manifest = input::detail::parse_json_text(manifest_text, manifest_file, "template.manifest");
    if (!t.manifest.is_object())
        fail("template.manifest", "manifest.json must hold an object ({ … })",
             core::locate(
                 manifest_file, manifest_text,
                 std::min(manifest_text.find_first_not_of(" \t\r\n"), manifest_text.size())));

    Loader loader(t, common_dir, allowed);
    loader.add_file(0, "main.mustache", std::nullopt, {});
    t.source = loader.inline_file(0).text;
    return t;
}

}  // namespace vanthu::expand
