#include "core/allocator.hpp"

#include <malloc.h>

namespace vanthu::core {

void keep_freed_memory() {
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
}

}  // namespace vanthu::core
