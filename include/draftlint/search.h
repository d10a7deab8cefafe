/*
 * search.h: binary search, written once.
 *
 * Every sorted table in draftlint (line starts, blocks, a text's source
 * map, a rule's spans) is searched for the first entry that is not "before"
 * a key; the caller says what "before" means for its table.
 */
#ifndef DRAFTLINT_SEARCH_H
#define DRAFTLINT_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* The first index i of [0, n) for which before(ctx, i) is false, or n;
 * `before` must be true on a prefix of the range and false after it. */
size_t dl_partition_point(size_t n, bool (*before)(const void *ctx, size_t i),
                          const void *ctx);

/* The first index of the sorted a[0, n) whose value is >= x (or > x when
 * `after` is true), or n. */
size_t dl_lower_bound(const size_t *a, size_t n, size_t x, bool after);

#endif
