// Test support: a gtest fixture with a fresh folder of its own, named after the test and
// removed after it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tools/pdf_probe.hpp"

namespace vanthu::testing {

class TempDirTest : public ::testing::Test {
  protected:
    // `prefix` goes before the test's name in the folder's name.
    explicit TempDirTest(std::string prefix = {}) : prefix_(std::move(prefix)) {}

    void SetUp() override {
        dir_ = temp_dir(prefix_ + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path dir_;

  private:
    std::string prefix_;
};

}  // namespace vanthu::testing
