#include "core/allocator.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace vanthu::core {

void keep_freed_memory() {
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
}

HeapPrefault::HeapPrefault(std::size_t bytes) {
    mallopt(M_TOP_PAD, static_cast<int>(bytes));
    const auto begin = reinterpret_cast<std::uintptr_t>(sbrk(0));
    // Blocks of 64 kB (below any mmap threshold, so from the heap) until the heap grows, which
    // it then does by `bytes` more than asked. Written through volatile pointers so that the
    // compiler keeps the allocations.
    std::vector<volatile char*> blocks;
    while (reinterpret_cast<std::uintptr_t>(sbrk(0)) == begin && blocks.size() < 64) {
        auto* block = static_cast<volatile char*>(std::malloc(64 << 10));
        if (!block) break;
        block[0] = 0;
        blocks.push_back(block);
    }
    for (auto* block : blocks) std::free(const_cast<char*>(block));
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again for later growth
    const std::uintptr_t page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const std::uintptr_t first = (begin + page - 1) & ~(page - 1);
    if (end <= first) return;
    thread_ = std::thread([first, end] {
        madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE);
    });
}

HeapPrefault::~HeapPrefault() {
    if (thread_.joinable()) thread_.join();
}

}  // namespace vanthu::core
