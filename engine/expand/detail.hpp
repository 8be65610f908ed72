// Internal to expand/: helpers shared by its .cpp files.
#pragma once

#include <string>

namespace vanthu::expand::detail {

// "\x01<file>:<line>[:<column>]\x02" (see source_map.hpp); column 0 leaves it out.
std::string make_marker(int file, int line, int column = 0);

}  // namespace vanthu::expand::detail
