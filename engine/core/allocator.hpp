// Allocator settings for processes that render many PDFs.
#pragma once

namespace vanthu::core {

// Keeps freed memory in the heap instead of giving it back to the system after every
// document. Rendering allocates and frees the same few megabytes again and again (Cairo's
// deflate state, font subsets, page buffers); glibc's defaults return them each time and take
// them back as fresh zeroed pages, which cost about a fifth of a document's time on the
// measured machine (docs/performance.md). Memory stays bounded: at most 16 MB of free heap
// is kept. Process-wide; called by the vanthu command and by batch workers, not by Engine.
void keep_freed_memory();

}  // namespace vanthu::core
