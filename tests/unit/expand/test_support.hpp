// Helpers for the expand tests: temporary template folders and catching Failures.
#pragma once

#include <filesystem>
#include <string>

#include "expand/source_map.hpp"
#include "expand/template.hpp"
#include "unit/input/test_support.hpp"

namespace vanthu::expand::test {

namespace fs = std::filesystem;

// A template built in memory the way load_template() builds it (no partials).
inline Template make_template(const std::string& main) {
    Template t;
    t.name = "t";
    t.files.push_back({"t/main.mustache", main});
    t.source = add_line_markers(main, 0);
    return t;
}

// The temporary folder and the Failure catcher are the input tests' (one copy for both).
using input::test::failure_of;
using input::test::TempDir;

}  // namespace vanthu::expand::test
