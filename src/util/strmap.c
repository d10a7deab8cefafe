/* strmap.c: open-addressing hash map from strings to opaque values. */
#include "draftlint/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"

static size_t S_hash(const char *s, size_t n) {
  size_t h = (size_t)14695981039346656037ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= (size_t)1099511628211ULL;
  }
  return h;
}

void dl_strmap_init(dl_strmap *m) { *m = (dl_strmap){0}; }

void dl_strmap_free(dl_strmap *m) {
  for (size_t i = 0; i < m->cap; i++)
    free(m->slots[i].key);
  free(m->slots);
  *m = (dl_strmap){0};
}

static dl_strmap_entry *S_find(const dl_strmap *m, const char *key, size_t n,
                               size_t hash) {
  size_t mask = m->cap - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    dl_strmap_entry *e = &m->slots[i];
    if (!e->key ||
        (e->hash == hash && e->keylen == n && memcmp(e->key, key, n) == 0))
      return e;
  }
}

void *dl_strmap_get(const dl_strmap *m, const char *key, size_t n) {
  if (!m->cap)
    return NULL;
  dl_strmap_entry *e = S_find(m, key, n, S_hash(key, n));
  return e->key ? e->value : NULL;
}

static void S_grow(dl_strmap *m) {
  dl_strmap old = *m;
  m->cap = old.cap ? old.cap * 2 : 16;
  m->slots = dl_xcalloc(m->cap, sizeof *m->slots);
  for (size_t i = 0; i < old.cap; i++)
    if (old.slots[i].key)
      *S_find(m, old.slots[i].key, old.slots[i].keylen, old.slots[i].hash) =
          old.slots[i];
  free(old.slots);
}

dl_strmap_entry *dl_strmap_put(dl_strmap *m, const char *key, size_t n,
                               bool *added) {
  if ((m->len + 1) * 4 > m->cap * 3)
    S_grow(m);
  size_t hash = S_hash(key, n);
  dl_strmap_entry *e = S_find(m, key, n, hash);
  *added = e->key == NULL;
  if (*added) {
    *e = (dl_strmap_entry){dl_xstrndup(key, n), n, hash, NULL};
    m->len++;
  }
  return e;
}
