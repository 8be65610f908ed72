// HeapPrefault grows the heap and maps it ahead of use; what it leaves must be ordinary heap.
#include "core/allocator.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace vanthu::core {
namespace {

// Resident pages of the process, from /proc/self/statm.
long resident_pages() {
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident;
}

TEST(HeapPrefault, GrowsTheHeapAndMapsItsPages) {
#ifdef __SANITIZE_ADDRESS__
    GTEST_SKIP() << "AddressSanitizer's allocator does not take its memory from the heap (sbrk)";
#endif
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const long resident_before = resident_pages();
    { HeapPrefault prefault(8 << 20); }  // joined: the pages are mapped now
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    EXPECT_GE(after - before, std::uintptr_t{8} << 20);
    const long page = sysconf(_SC_PAGESIZE);
    EXPECT_GE(resident_pages() - resident_before, (6L << 20) / page)
        << "most of the 8 MB must be resident without being touched";
}

TEST(HeapPrefault, TheHeapWorksAsBefore) {
    HeapPrefault prefault(1 << 20);
    char* p = static_cast<char*>(std::malloc(512 << 10));
    ASSERT_NE(p, nullptr);
    std::memset(p, 7, 512 << 10);
    EXPECT_EQ(p[(512 << 10) - 1], 7);
    std::free(p);
}

}  // namespace
}  // namespace vanthu::core
