// Helpers for the input tests: temporary folders and catching Failures.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include "core/diagnostics.hpp"

namespace vanthu::input::test {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed at the end of the test.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("vanthu-input-" + std::to_string(rd()) + "-" + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }

    // Writes `text` to path()/relative, creating folders.
    fs::path write(const std::string& relative, const std::string& text) const {
        const fs::path p = path_ / relative;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << text;
        return p;
    }

  private:
    fs::path path_;
};

// Runs `f`, which must throw core::Failure; returns its first diagnostic.
inline core::Diagnostic failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const core::Failure& failure) {
        EXPECT_FALSE(failure.diagnostics().empty());
        if (!failure.diagnostics().empty()) return failure.diagnostics().front();
        return {};
    }
    ADD_FAILURE() << "expected a core::Failure";
    return {};
}

}  // namespace vanthu::input::test
