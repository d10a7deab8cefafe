/* search.c: binary search over any sorted table (search.h). */
#include "draftlint/search.h"

size_t dl_partition_point(size_t n, bool (*before)(const void *ctx, size_t i),
                          const void *ctx) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (before(ctx, mid))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

size_t dl_lower_bound(const size_t *a, size_t n, size_t x, bool after) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a[mid] < x || (after && a[mid] == x))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}
