#include "batch/manifest.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>

#include "core/atomic_file.hpp"
#include "core/fd_io.hpp"
#include "core/limits.hpp"

namespace vanthu::batch {

namespace fs = std::filesystem;
using nlohmann::json;
using ordered = nlohmann::ordered_json;  // keys in the order written, for people reading it

namespace {

std::uint64_t name_key(const std::string& name) { return std::hash<std::string>{}(name); }

// The entry on one manifest line ("    {…},"), or null.
json entry_of(std::string line) {
    while (!line.empty() && (line.back() == ',' || line.back() == '\r')) line.pop_back();
    const size_t open = line.find_first_not_of(' ');
    if (open == std::string::npos || line[open] != '{') return nullptr;
    json j =
        json::parse(line.begin() + static_cast<std::ptrdiff_t>(open), line.end(), nullptr, false);
    return j.is_object() ? j : json(nullptr);
}

std::optional<Recorded> recorded_from(const json& o) {
    Recorded r;
    r.input = o.value("input", "");
    r.sha256 = o.value("sha256", "");
    r.size = o.value("size", std::uintmax_t{0});
    r.pages = o.value("pages", 0);
    if (auto w = o.find("warnings"); w != o.end() && w->is_array())
        for (const auto& s : *w)
            if (s.is_string()) r.warnings.push_back(s.get<std::string>());
    if (r.input.empty() || r.sha256.empty()) return std::nullopt;
    return r;
}

}  // namespace

// The manifest is written one entry a line (write() below); its "outputs" lines are indexed.
RecordedOutputs::RecordedOutputs(const fs::path& file) {
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return;
    // Read through the descriptor's own file, which a new manifest may replace at `file`.
    std::ifstream in("/proc/self/fd/" + std::to_string(fd_), std::ios::binary);
    std::string line;
    std::uint64_t offset = 0;
    bool in_outputs = false;
    while (std::getline(in, line)) {
        const std::uint64_t at = offset;
        offset += line.size() + 1;
        if (!in_outputs) {
            in_outputs = line == "  \"outputs\": [";
            continue;
        }
        if (line.rfind("  ]", 0) == 0) break;
        const json e = entry_of(line);
        if (e.is_null() || !e.contains("file") || !e["file"].is_string()) continue;
        if (!recorded_from(e)) continue;
        entries_.push_back(
            {name_key(e["file"].get<std::string>()), at, static_cast<std::uint32_t>(line.size())});
    }
    std::sort(entries_.begin(), entries_.end());
}

RecordedOutputs::~RecordedOutputs() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<Recorded> RecordedOutputs::find(const std::string& name) const {
    auto [it, end] =
        std::equal_range(entries_.begin(), entries_.end(), Entry{name_key(name), 0, 0});
    for (; it != end; ++it) {
        std::string line(it->length, '\0');
        if (::pread(fd_, line.data(), line.size(), static_cast<off_t>(it->offset)) !=
            static_cast<ssize_t>(line.size()))
            continue;
        const json e = entry_of(line);
        if (!e.is_null() && e.value("file", "") == name) return recorded_from(e);
    }
    return std::nullopt;
}

Spool::Spool(const fs::path& folder) {
    std::string path = (folder / ".spool.XXXXXX").string();
    fd_ = ::mkostemp(path.data(), O_CLOEXEC);
    if (fd_ < 0)
        throw BatchOutputError("cannot write in " + folder.string() + ": " + std::strerror(errno));
    ::unlink(path.c_str());  // nothing is left behind, whatever ends the run
}

Spool::~Spool() { ::close(fd_); }

void Spool::append(std::string_view text) {
    pending_ += text;
    if (pending_.size() >= (1u << 16)) flush();
}

void Spool::flush() {
    if (!core::write_all(fd_, pending_))
        throw BatchOutputError(std::string("cannot write the manifest: ") + std::strerror(errno));
    written_ += pending_.size();
    pending_.clear();
}

void Spool::copy_to(const std::function<void(std::string_view)>& sink) {
    flush();
    std::string chunk(1u << 16, '\0');
    for (std::uint64_t at = 0; at < written_;) {
        const ssize_t got = ::pread(fd_, chunk.data(), chunk.size(), static_cast<off_t>(at));
        if (got <= 0)
            throw BatchOutputError(std::string("cannot read back the manifest: ") +
                                   std::strerror(errno));
        sink(std::string_view(chunk.data(), static_cast<size_t>(got)));
        at += static_cast<std::uint64_t>(got);
    }
}

ManifestWriter::ManifestWriter(fs::path file, ordered head, fs::path temp)
    : file_(std::move(file)),
      head_(std::move(head)),
      temp_(std::move(temp)),
      outputs_(file_.parent_path()),
      failures_(file_.parent_path()) {}

void ManifestWriter::add_output(const BatchOutput& o, const std::string& input,
                                const std::vector<std::string>& warnings) {
    ordered e = {{"row", o.row},   {"line", o.line},     {"file", o.file}, {"pages", o.pages},
                 {"size", o.size}, {"sha256", o.sha256}, {"input", input}};
    if (!warnings.empty()) e["warnings"] = warnings;
    outputs_.append((first_output_ ? "\n    " : ",\n    ") + e.dump());
    first_output_ = false;
}

void ManifestWriter::add_failure(const BatchFailure& f) {
    ordered e = {{"row", f.row}, {"line", f.line}, {"file", f.file}};
    if (!f.field.empty()) e["field"] = f.field;
    e["code"] = f.code;
    e["message"] = f.message;
    ordered where = ordered::array();
    for (auto& text : core::format_each(f.diagnostics, core::limits::kPrintedDiagnostics))
        where.push_back(std::move(text));
    e["diagnostics"] = std::move(where);
    failures_.append((first_failure_ ? "\n    " : ",\n    ") + e.dump());
    first_failure_ = false;
}

void ManifestWriter::write(bool complete) {
    ordered head = head_;
    head["complete"] = complete;
    try {
        core::AtomicFile out(file_, core::Sync::to_disk, temp_);
        std::string text = head.dump(2);
        text.resize(text.size() - 2);  // "\n}": the lists follow
        out.write(text + ",\n  \"outputs\": [");
        outputs_.copy_to([&](std::string_view piece) { out.write(piece); });
        out.write("\n  ],\n  \"failures\": [");
        failures_.copy_to([&](std::string_view piece) { out.write(piece); });
        out.write("\n  ]\n}\n");
        out.commit();
    } catch (const std::runtime_error& e) {
        throw BatchOutputError(e.what());
    }
}

}  // namespace vanthu::batch
