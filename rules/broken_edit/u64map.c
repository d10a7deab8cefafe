/* u64map.c: hashes to indices, open addressing at most half full. */
#include "broken_edit/u64map.h"

#include <stdlib.h>

#include "draftlint/alloc.h"

static uint64_t S_key(uint64_t key) { return key ? key : 1; }

/* Keys are hashes already; the multiply spreads their low bits. */
static size_t S_slot(const dl_u64map *m, uint64_t key) {
  return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & (m->cap - 1);
}

void dl_u64map_init(dl_u64map *m, size_t n) {
  size_t cap = 16;
  while (cap < 2 * n + 2)
    cap *= 2;
  *m = (dl_u64map){.keys = dl_xcalloc(cap, sizeof(uint64_t)),
                   .vals = dl_xcalloc(cap, sizeof(uint32_t)),
                   .cap = cap};
}

void dl_u64map_free(dl_u64map *m) {
  free(m->keys);
  free(m->vals);
  *m = (dl_u64map){0};
}

static void S_grow(dl_u64map *m) {
  dl_u64map bigger;
  dl_u64map_init(&bigger, m->cap);
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i])
      continue;
    size_t at = S_slot(&bigger, m->keys[i]);
    while (bigger.keys[at])
      at = (at + 1) & (bigger.cap - 1);
    bigger.keys[at] = m->keys[i];
    bigger.vals[at] = m->vals[i];
  }
  bigger.len = m->len;
  dl_u64map_free(m);
  *m = bigger;
}

uint32_t *dl_u64map_put(dl_u64map *m, uint64_t key, uint32_t value,
                        bool *added) {
  if (2 * (m->len + 1) > m->cap)
    S_grow(m);
  key = S_key(key);
  size_t at = S_slot(m, key);
  while (m->keys[at] && m->keys[at] != key)
    at = (at + 1) & (m->cap - 1);
  *added = !m->keys[at];
  if (*added) {
    m->keys[at] = key;
    m->vals[at] = value;
    m->len++;
  }
  return &m->vals[at];
}

uint32_t *dl_u64map_get(const dl_u64map *m, uint64_t key) {
  key = S_key(key);
  size_t at = S_slot(m, key);
  while (m->keys[at]) {
    if (m->keys[at] == key)
      return &m->vals[at];
    at = (at + 1) & (m->cap - 1);
  }
  return NULL;
}
