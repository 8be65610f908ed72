// Test support: run a command, read a PDF back with poppler and qpdf, compare words.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vanthu::testing {

struct CommandResult {
    int status = -1;     // exit status
    std::string output;  // standard output (standard error too when merged)
};

inline std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `command` through /bin/sh; with `merge_stderr` the output includes standard error.
inline CommandResult run(const std::string& command, bool merge_stderr = false) {
    CommandResult r;
    FILE* pipe = popen((command + (merge_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
    int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

// `pdftotext -raw` of pages [first, last] (0: to the end). -raw keeps content-stream order and
// does not drop a line-final "-" as a hyphenation (platform-facts Q1).
inline std::string pdftotext_raw(const std::filesystem::path& pdf, int first = 1, int last = 0) {
    std::string cmd = "pdftotext -raw -enc UTF-8 -f " + std::to_string(first);
    if (last > 0) cmd += " -l " + std::to_string(last);
    return run(cmd + " " + shell_quote(pdf.string()) + " -").output;
}

// Text inside a rectangle of one page (points, origin top-left).
inline std::string pdftotext_area(const std::filesystem::path& pdf, int page, int x, int y, int w,
                                  int h) {
    std::string cmd = "pdftotext -raw -enc UTF-8 -f " + std::to_string(page) + " -l " +
                      std::to_string(page) + " -x " + std::to_string(x) + " -y " +
                      std::to_string(y) + " -W " + std::to_string(w) + " -H " + std::to_string(h);
    return run(cmd + " " + shell_quote(pdf.string()) + " -").output;
}

inline int pdf_page_count(const std::filesystem::path& pdf) {
    auto info = run("pdfinfo " + shell_quote(pdf.string())).output;
    auto pos = info.find("Pages:");
    return pos == std::string::npos ? -1 : std::stoi(info.substr(pos + 6));
}

inline std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// Rows of `pdffonts` after its two header lines.
inline std::vector<std::string> pdffonts_rows(const std::filesystem::path& pdf) {
    auto text = run("pdffonts " + shell_quote(pdf.string())).output;
    std::vector<std::string> rows;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line))
        if (++n > 2 && !line.empty()) rows.push_back(line);
    return rows;
}

inline std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("vanthu-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace vanthu::testing
