/*
 * align.h: which items of an old sequence survive, in order, in a new one:
 * a patience diff on hashes (git diff --patience), used by broken-edit on
 * paragraphs and then on the sentences of the paragraphs that changed.
 *
 * Each level strips the common head and tail, anchors on the items that
 * occur exactly once on each side (and, beyond patience, on items that
 * occur equally often on each side, k-th with k-th), keeps the longest run
 * of anchors in order (patience sorting, O(k log k)) and recurses between
 * anchors, at most DL_ALIGN_DEPTH levels deep: O(n log n) in the length,
 * never quadratic.  Items between anchors that are changed, or repeated
 * a different number of times, stay unmatched.
 *
 * Ownership: the caller owns every array.
 */
#ifndef DRAFTLINT_ALIGN_H
#define DRAFTLINT_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#define DL_ALIGN_NONE ((size_t)-1)
#define DL_ALIGN_DEPTH 24

/* Sets amatch[i] to the index in b of old item i, or DL_ALIGN_NONE, and
 * bmatch[j] likewise; the matches never cross. */
void dl_align(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
              size_t *amatch, size_t *bmatch);

#endif
