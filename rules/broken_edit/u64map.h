/*
 * u64map.h: a map from 64-bit hashes to 32-bit indices (open addressing,
 * linear probing), for broken-edit's lookups of sentence, prefix and
 * suffix hashes, which must never scan.
 *
 * Ownership: the map owns its two arrays; dl_u64map_free releases them.
 */
#ifndef DRAFTLINT_U64MAP_H
#define DRAFTLINT_U64MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct dl_u64map {
  uint64_t *keys; /* 0: an empty slot (a key of 0 is stored as 1) */
  uint32_t *vals;
  size_t cap, len;
} dl_u64map;

/* A map sized for about `n` keys. */
void dl_u64map_init(dl_u64map *m, size_t n);
void dl_u64map_free(dl_u64map *m);
/* The value slot of `key`, adding it with `value` when it is new (*added
 * says which); valid until the next put. */
uint32_t *dl_u64map_put(dl_u64map *m, uint64_t key, uint32_t value,
                        bool *added);
/* The value slot of `key`, or NULL. */
uint32_t *dl_u64map_get(const dl_u64map *m, uint64_t key);

#endif
