// Allocator settings for processes that render many PDFs.
#pragma once

#include <cstddef>
#include <thread>

namespace vanthu::core {

// Keeps freed memory in the heap instead of giving it back to the system after every
// document. Rendering allocates and frees the same few megabytes again and again (Cairo's
// deflate state, font subsets, page buffers); glibc's defaults return them each time and take
// them back as fresh zeroed pages, which cost about a fifth of a document's time on the
// measured machine (docs/performance.md). Memory stays bounded: at most 16 MB of free heap
// is kept. Process-wide; called by the vanthu command and by batch workers, not by Engine.
void keep_freed_memory();

// Grows the heap by `bytes` at once and has the kernel map those pages on another thread
// (madvise MADV_POPULATE_WRITE), so that the calling thread, rendering meanwhile, does not stop
// at the first touch of each new 4 kB page: on the measured virtual machine a render took
// about 650 such faults, a few µs each (docs/performance.md, "One render"). The thread is
// joined when the object is destroyed; do not fork() before. Does nothing where the kernel
// cannot (before Linux 5.14). For the vanthu command's single render.
class HeapPrefault {
  public:
    explicit HeapPrefault(std::size_t bytes);
    ~HeapPrefault();
    HeapPrefault(const HeapPrefault&) = delete;
    HeapPrefault& operator=(const HeapPrefault&) = delete;

  private:
    std::thread thread_;
};

}  // namespace vanthu::core
