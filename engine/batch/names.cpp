#include "batch/names.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <map>
#include <set>

#include "expand/mustache_data.hpp"

namespace vanthu::batch {

namespace km = kainjow::mustache;
namespace fs = std::filesystem;

namespace {

// Records the names a pattern asks for that the data lacks.
class NameContext : public km::context<std::string> {
  public:
    using km::context<std::string>::context;
    NameContext(const km::data* root, std::set<std::string>& used)
        : km::context<std::string>(root), used_(used) {}
    const km::data* get(const std::string& name) const override {
        const km::data* value = km::context<std::string>::get(name);
        if (!value && missing.empty()) missing = name;
        if (name != ".") used_.insert(name.substr(0, name.find('.')));
        return value;
    }
    const km::data* get_partial(const std::string&) const override { return nullptr; }
    mutable std::string missing;

  private:
    std::set<std::string>& used_;
};

bool ends_with_pdf(const std::string& name) {
    if (name.size() < 4) return false;
    std::string ext = name.substr(name.size() - 4);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".pdf";
}

std::string folded(const std::string& name) {
    std::string out;
    icu::UnicodeString::fromUTF8(name).foldCase().toUTF8String(out);
    return out;
}

core::Diagnostic problem_at(const std::string& file, int line, std::string message) {
    core::Diagnostic d;
    d.code = "batch.name";
    d.message = std::move(message);
    d.where = core::SourceLocation{file, line, 0, {}};
    return d;
}

std::string row_name(const NamedRow& r) { return "row " + std::to_string(r.row); }

}  // namespace

struct NamePattern::Impl {
    km::mustache tmpl;
    std::string bad_value;  // the first value that cannot be part of a name
    std::set<std::string> used;
    explicit Impl(const std::string& pattern) : tmpl(pattern) {}
};

NamePattern::NamePattern(const std::string& pattern) : impl_(std::make_unique<Impl>(pattern)) {
    if (pattern.find_first_not_of(" \t") == std::string::npos)
        throw core::Failure(core::Diagnostic{core::Severity::error,
                                             "batch.name",
                                             "the name pattern is empty: it would name no file",
                                             std::nullopt,
                                             {"example: --name '{{ma}}-ke-hoach.pdf'"}});
    if (!impl_->tmpl.is_valid())
        throw core::Failure(
            core::Diagnostic{core::Severity::error,
                             "batch.name",
                             "the name pattern \"" + pattern +
                                 "\" is not valid mustache: " + impl_->tmpl.error_message(),
                             std::nullopt,
                             {"example: --name '{{ma}}-ke-hoach.pdf'"}});
    // Values go into names unchanged, but one holding a separator would make a folder.
    impl_->tmpl.set_custom_escape([impl = impl_.get()](const std::string& value) {
        const bool dots = !value.empty() && value.find_first_not_of(". ") == std::string::npos;
        const bool bad = dots || value.find_first_of("/\\") != std::string::npos ||
                         std::any_of(value.begin(), value.end(),
                                     [](unsigned char c) { return c < 0x20 || c == 0x7f; });
        if (bad && impl->bad_value.empty()) impl->bad_value = value;
        return value;
    });
}

NamePattern::~NamePattern() = default;

const std::set<std::string>& NamePattern::used() const { return impl_->used; }

std::string NamePattern::render(const nlohmann::json& data, std::string& problem,
                                std::string& field) {
    const km::data root = expand::to_mustache_data(data);
    NameContext context(&root, impl_->used);
    impl_->bad_value.clear();
    std::string name = impl_->tmpl.render(context);
    problem.clear();
    field.clear();
    if (!impl_->tmpl.is_valid()) {
        problem = "the name pattern cannot be filled: " + impl_->tmpl.error_message();
        return {};
    }
    if (!context.missing.empty()) {
        field = context.missing;
        problem = "the name pattern uses \"" + field + "\", which the row does not give";
        return {};
    }
    if (!impl_->bad_value.empty()) {
        problem = "the value \"" + impl_->bad_value +
                  "\" cannot be part of a file name (it holds / or \\ or a control character, or "
                  "only dots)";
        return {};
    }
    if (name.empty() || name.back() == '/') {
        problem = "the name \"" + name + "\" names no file";
        return {};
    }
    const fs::path normal = fs::path(name).lexically_normal();
    const std::string first = normal.empty() ? std::string() : normal.begin()->string();
    if (normal.is_absolute() || first == "..") {
        problem = "the name \"" + name + "\" leaves the output folder";
        return {};
    }
    if (!ends_with_pdf(name)) {
        problem = "the name \"" + name + "\" does not end in .pdf";
        return {};
    }
    // Each part must name something: not empty ("out//a.pdf" from an empty value), not only
    // spaces and dots (" .pdf", "...pdf"), and not start with a dot (a hidden file, as temporary
    // files are). "." and ".." of the pattern itself were resolved above.
    for (size_t start = 0; start <= name.size();) {
        size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        std::string part = name.substr(start, end - start);
        const bool last = end == name.size();
        if (last) part.resize(part.size() - 4);  // ".pdf"
        if ((part != "." && part != "..") || last)
            if (part.find_first_not_of(" .") == std::string::npos || part.front() == '.') {
                problem = "the name \"" + name +
                          "\" has an empty part (a value of the row is empty, or only spaces "
                          "or dots) or a part that starts with a dot";
                return {};
            }
        start = end + 1;
    }
    return normal.string();
}

std::vector<core::Diagnostic> check_names(const std::vector<NamedRow>& rows,
                                          const std::string& reserved,
                                          const std::string& rows_file) {
    std::vector<core::Diagnostic> problems;
    std::map<std::string, const NamedRow*> seen;  // by folded name
    std::map<std::string, const NamedRow*> folders;
    for (const auto& r : rows) {
        fs::path p(r.name);
        for (p = p.parent_path(); !p.empty(); p = p.parent_path())
            folders.emplace(folded(p.string()), &r);
    }
    for (const auto& r : rows) {
        const std::string key = folded(r.name);
        if (key == folded(reserved)) {
            problems.push_back(problem_at(
                rows_file, r.line,
                row_name(r) + " is named \"" + r.name + "\", which the batch's manifest uses"));
        } else if (auto [it, fresh] = seen.emplace(key, &r); !fresh) {
            const NamedRow& other = *it->second;
            problems.push_back(problem_at(
                rows_file, r.line,
                row_name(other) + " and " + row_name(r) + " would both be written to \"" +
                    other.name + "\"" +
                    (other.name == r.name ? "" : " and \"" + r.name + "\" (same but for case)")));
        } else if (auto f = folders.find(key); f != folders.end()) {
            problems.push_back(problem_at(rows_file, r.line,
                                          row_name(r) + " is named \"" + r.name + "\", which " +
                                              row_name(*f->second) + " needs as a folder"));
        }
        if (problems.size() >= 20) break;
    }
    return problems;
}

FolderGuard::FolderGuard(const fs::path& out_dir) : out_dir_(out_dir) {
    std::error_code ec;
    root_ = fs::weakly_canonical(out_dir, ec);
}

std::optional<core::Diagnostic> FolderGuard::check(const NamedRow& r,
                                                   const std::string& rows_file) {
    const fs::path parent = (out_dir_ / r.name).parent_path();
    if (root_.empty() || parent == last_) return std::nullopt;
    last_ = parent;
    std::error_code ec;
    if (!fs::exists(parent, ec)) return std::nullopt;
    const fs::path real = fs::weakly_canonical(parent, ec);
    const auto rel = real.lexically_relative(root_);
    if (ec || !(rel.empty() || *rel.begin() == "..")) return std::nullopt;
    return problem_at(rows_file, r.line,
                      row_name(r) + ": the folder of \"" + r.name +
                          "\" leads out of the output folder to " + real.string());
}

std::uint64_t NameIndex::key(const std::string& name) {
    return std::hash<std::string>{}(folded(fs::path(name).lexically_normal().string()));
}

void NameIndex::add(const std::string& name, size_t index) {
    names_.push_back({key(name), index});
    fs::path p(name);
    for (p = p.parent_path(); !p.empty(); p = p.parent_path())
        folders_.push_back({key(p.string()), index});
}

std::vector<size_t> NameIndex::suspects(const std::string& reserved) {
    std::sort(names_.begin(), names_.end());
    std::sort(folders_.begin(), folders_.end());
    folders_.erase(std::unique(folders_.begin(), folders_.end(),
                               [](const Entry& a, const Entry& b) { return a.key == b.key; }),
                   folders_.end());
    std::vector<size_t> out;
    const std::uint64_t reserved_key = key(reserved);
    for (size_t i = 0; i < names_.size(); ++i) {
        const auto k = names_[i].key;
        const bool twice =
            (i > 0 && names_[i - 1].key == k) || (i + 1 < names_.size() && names_[i + 1].key == k);
        auto f = std::lower_bound(folders_.begin(), folders_.end(), Entry{k, 0});
        const bool folder = f != folders_.end() && f->key == k;
        if (twice || k == reserved_key) out.push_back(names_[i].index);
        if (folder) {
            out.push_back(names_[i].index);
            out.push_back(f->index);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool NameIndex::has_name(const std::string& name) const {
    return std::binary_search(names_.begin(), names_.end(), Entry{key(name), 0},
                              [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

bool NameIndex::has_folder(const std::string& folder) const {
    return std::binary_search(folders_.begin(), folders_.end(), Entry{key(folder), 0},
                              [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

}  // namespace vanthu::batch
