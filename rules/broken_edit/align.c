/* align.c: the patience diff of align.h. */
#include "broken_edit/align.h"

#include <stdbool.h>
#include <stdlib.h>

#include "broken_edit/u64map.h"
#include "draftlint/alloc.h"

typedef struct range {
  size_t a0, a1, b0, b1;
} range;

typedef struct seen {
  uint32_t na, nb; /* occurrences on each side */
  size_t ia, ib;   /* a's first; b's next one not yet paired */
} seen;

static void S_match(size_t *amatch, size_t *bmatch, size_t i, size_t j) {
  amatch[i] = j;
  bmatch[j] = i;
}

/* The anchors: items that occur as often on each side, the k-th on one
 * side paired with the k-th on the other (patience's unique items, and
 * repeated ones that no edit touched: a paragraph or sentence that is
 * written several times must not hide the rest from the diff).  In a's
 * order: pairs[k] = {i, j}. */
static size_t S_anchor_pairs(const uint64_t *a, const uint64_t *b, range r,
                             size_t (*pairs)[2]) {
  size_t n = (r.a1 - r.a0) + (r.b1 - r.b0);
  dl_u64map index;
  dl_u64map_init(&index, n);
  seen *s = dl_xcalloc(n, sizeof *s);
  size_t *next_b = dl_xmalloc(n * sizeof *next_b); /* b's occurrences, chained */
  uint32_t used = 0;
  bool added;
  for (size_t i = r.a0; i < r.a1; i++) {
    uint32_t *slot = dl_u64map_put(&index, a[i], used, &added);
    if (added)
      s[used++] = (seen){0, 0, i, DL_ALIGN_NONE};
    s[*slot].na++;
  }
  for (size_t j = r.b1; j-- > r.b0;) { /* backwards: the chain runs forwards */
    uint32_t *slot = dl_u64map_put(&index, b[j], used, &added);
    if (added)
      s[used++] = (seen){0, 0, 0, DL_ALIGN_NONE};
    next_b[j - r.b0] = s[*slot].ib;
    s[*slot].ib = j;
    s[*slot].nb++;
  }
  size_t k = 0;
  for (size_t i = r.a0; i < r.a1; i++) {
    seen *e = &s[*dl_u64map_get(&index, a[i])];
    if (e->na != e->nb)
      continue;
    pairs[k][0] = i, pairs[k][1] = e->ib, k++;
    e->ib = next_b[e->ib - r.b0];
  }
  free(next_b);
  free(s);
  dl_u64map_free(&index);
  return k;
}

/* Keeps the longest run of pairs increasing in b (patience sorting with
 * back links); returns its length, the run moved to the front of pairs. */
static size_t S_longest_run(size_t (*pairs)[2], size_t n) {
  size_t *top = dl_xmalloc((n + 1) * sizeof *top);  /* pile tops */
  size_t *back = dl_xmalloc((n + 1) * sizeof *back); /* predecessor */
  size_t piles = 0;
  for (size_t k = 0; k < n; k++) {
    size_t lo = 0, hi = piles;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (pairs[top[mid]][1] < pairs[k][1])
        lo = mid + 1;
      else
        hi = mid;
    }
    back[k] = lo ? top[lo - 1] : DL_ALIGN_NONE;
    top[lo] = k;
    if (lo == piles)
      piles++;
  }
  size_t (*run)[2] = dl_xmalloc((piles + 1) * sizeof *run);
  size_t at = piles ? top[piles - 1] : DL_ALIGN_NONE;
  for (size_t k = piles; k-- > 0; at = back[at])
    run[k][0] = pairs[at][0], run[k][1] = pairs[at][1];
  for (size_t k = 0; k < piles; k++)
    pairs[k][0] = run[k][0], pairs[k][1] = run[k][1];
  free(run);
  free(back);
  free(top);
  return piles;
}

static void S_align(const uint64_t *a, const uint64_t *b, range r, int depth,
                    size_t *amatch, size_t *bmatch) {
  while (r.a0 < r.a1 && r.b0 < r.b1 && a[r.a0] == b[r.b0])
    S_match(amatch, bmatch, r.a0++, r.b0++);
  while (r.a0 < r.a1 && r.b0 < r.b1 && a[r.a1 - 1] == b[r.b1 - 1])
    S_match(amatch, bmatch, --r.a1, --r.b1);
  if (r.a0 == r.a1 || r.b0 == r.b1 || depth >= DL_ALIGN_DEPTH)
    return;
  size_t most = r.a1 - r.a0 < r.b1 - r.b0 ? r.a1 - r.a0 : r.b1 - r.b0;
  size_t (*pairs)[2] = dl_xmalloc((most + 1) * sizeof *pairs);
  size_t n = S_longest_run(pairs, S_anchor_pairs(a, b, r, pairs));
  size_t a0 = r.a0, b0 = r.b0;
  for (size_t k = 0; k <= n; k++) {
    size_t ia = k < n ? pairs[k][0] : r.a1, ib = k < n ? pairs[k][1] : r.b1;
    if (n) /* no anchor: nothing more can be matched at this level */
      S_align(a, b, (range){a0, ia, b0, ib}, depth + 1, amatch, bmatch);
    if (k < n)
      S_match(amatch, bmatch, ia, ib);
    a0 = ia + 1;
    b0 = ib + 1;
  }
  free(pairs);
}

void dl_align(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
              size_t *amatch, size_t *bmatch) {
  for (size_t i = 0; i < na; i++)
    amatch[i] = DL_ALIGN_NONE;
  for (size_t j = 0; j < nb; j++)
    bmatch[j] = DL_ALIGN_NONE;
  S_align(a, b, (range){0, na, 0, nb}, 0, amatch, bmatch);
}
