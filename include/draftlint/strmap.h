/*
 * strmap.h: a string-keyed hash map (open addressing, FNV-1a), for lookups
 * that must not scan: heading keys, catalog titles and slugs.
 *
 * Ownership: the map copies each key; values are opaque and never freed
 * by the map.  dl_strmap_free releases the keys and the table.
 */
#ifndef DRAFTLINT_STRMAP_H
#define DRAFTLINT_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dl_strmap_entry {
  char *key;
  size_t keylen;
  size_t hash;
  void *value;
} dl_strmap_entry;

typedef struct dl_strmap {
  dl_strmap_entry *slots;
  size_t cap, len;
} dl_strmap;

void dl_strmap_init(dl_strmap *m);
void dl_strmap_free(dl_strmap *m);
/* Returns the value stored for key[0..n), or NULL. */
void *dl_strmap_get(const dl_strmap *m, const char *key, size_t n);
/* Returns the entry for key[0..n), adding it with a NULL value when it is
 * new; *added tells which.  The pointer is valid until the next put. */
dl_strmap_entry *dl_strmap_put(dl_strmap *m, const char *key, size_t n,
                               bool *added);

#endif
