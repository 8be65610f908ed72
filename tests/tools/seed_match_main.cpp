// seed_match: how many of a seed's words a PDF holds, in order (tests/tools/seed_match.hpp).
//
//   seed_match [--min PERCENT] [--text] PDF SEED
//
// Prints "matched 1234/1250 (98.7 %)", then the missing seed words in runs, and the time the
// match took. Exit status 0 at or above PERCENT (default 98), 1 below, 2 on a usage or read
// error. With --text, PDF is a UTF-8 text file read as is (to compare two texts).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "tools/pdf_probe.hpp"
#include "tools/seed_match.hpp"

namespace {

int usage() {
    std::cerr << "usage: seed_match [--min PERCENT] [--text] PDF SEED\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace vanthu::testing;
    double min = 98.0;
    bool text = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--min" && i + 1 < argc) {
            char* end = nullptr;
            min = std::strtod(argv[++i], &end);
            if (end == argv[i] || *end != '\0') return usage();
        } else if (arg == "--text") {
            text = true;
        } else if (!arg.empty() && arg[0] == '-') {
            return usage();
        } else {
            files.push_back(arg);
        }
    }
    if (files.size() != 2) return usage();
    try {
        for (const auto& f : files)
            if (!std::filesystem::is_regular_file(f)) {
                std::cerr << "seed_match: cannot read " << f << "\n";
                return 2;
            }
        const auto pdf = text ? words_of_text(read_file(files[0])) : words_of_pdf(files[0]);
        const auto seed = seed_words(read_file(files[1]));
        const auto start = std::chrono::steady_clock::now();
        const Match m = seed_match(seed, pdf);
        const auto ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        std::cout << summary(m) << "\n" << describe_missing(seed.words, m);
        std::fprintf(stderr, "seed_match: %zu × %zu words in %.1f ms\n", seed.words.size(),
                     pdf.size(), ms);
        return m.percent() >= min ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "seed_match: " << e.what() << "\n";
        return 2;
    }
}
