// Options for mimalloc, the allocator of the server and the benchmarks (see CMakeLists.txt);
// linked only into programs that use it, and set before main() allocates much.
//
// Large (2 MiB) OS pages: an ingest allocates and frees hundreds of megabytes of short-lived
// strings, and with 4 KiB pages a sixth of its time went to the kernel's page faults as
// mimalloc touched fresh memory. With transparent huge pages (Debian's default: madvise) a
// 100K-course feed goes through validation, store and index about a third faster. These are
// defaults: MIMALLOC_LARGE_OS_PAGES=0 in the environment still turns them off.
#include <mimalloc.h>

namespace {

const bool kAllocatorOptionsSet = [] {
  mi_option_set_enabled_default(mi_option_large_os_pages, true);
  return true;
}();

}  // namespace
