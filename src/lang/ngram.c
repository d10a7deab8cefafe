/*
 * ngram.c: the general-English n-gram table (ngram.h), mapped read-only so
 * that opening it costs a few system calls whatever its size.
 */
#include "lang/ngram.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "input/data.h"
#include "draftlint/diag.h"
#include "lang/lexicon.h"

static int S_fail(char **error, const char *path, const char *why) {
  *error = dl_strdup_printf("cannot load the n-gram table %s: %s", path, why);
  return -1;
}

int dl_ngram_attach(const void *bytes, size_t len, const char *path,
                    dl_ngram **out, char **error) {
  if (len < DL_NGRAM_HEADER)
    return S_fail(error, path, "not a draftlint n-gram table");
  const unsigned char *b = bytes;
  dl_ngram g = {0};
  uint32_t version;
  memcpy(&version, b + 8, 4);
  memcpy(&g.bits, b + 12, 4);
  memcpy(&g.id, b + 16, 4);
  memcpy(&g.fpbits, b + 20, 4);
  memcpy(&g.tokens, b + 24, 8);
  if (memcmp(b, "DLNGRAM", 8) != 0 || version != 1 || g.bits < 4 ||
      g.bits > 30 || g.fpbits != 10 || g.tokens == 0 ||
      len != DL_NGRAM_HEADER + ((size_t)2 << g.bits))
    return S_fail(error, path, "not a draftlint n-gram table");
  g.slots = (const uint16_t *)(b + DL_NGRAM_HEADER);
  *out = dl_xmalloc(sizeof **out);
  **out = g;
  return 0;
}

int dl_ngram_open(const char *path, dl_ngram **out, char **error) {
  dl_mapped m;
  if (dl_data_map(path, "english.ngram", "the n-gram table", DL_NGRAM_HEADER,
                  &m, error) != 0)
    return -1;
  if (dl_ngram_attach(m.map, m.len, m.path, out, error) != 0) {
    dl_data_unmap(&m);
    return -1;
  }
  (*out)->map = m.map; /* the table owns the mapping now */
  (*out)->maplen = m.len;
  free(m.path);
  return 0;
}

void dl_ngram_close(dl_ngram *g) {
  if (!g)
    return;
  if (g->map)
    munmap(g->map, g->maplen);
  free(g);
}

uint64_t dl_ngram_symbol(const dl_token *t) {
  switch (t->cls) {
  case DL_WC_NUMBER:
    return 0x4E554D424552ull;
  case DL_WC_CODE:
    return 0x434F4445ull;
  case DL_WC_URL:
    return 0x55524Cull;
  default:
    return t->hash;
  }
}

unsigned dl_ngram_level(const dl_ngram *g, uint64_t key) {
  uint64_t mask = ((uint64_t)1 << g->bits) - 1;
  uint32_t fp = (uint32_t)(key >> g->bits) & ((1u << g->fpbits) - 1);
  if (!fp)
    fp = 1;
  /* at most one pass over the table: the builder leaves it at most 60%
   * full, but a damaged file may have no empty slot to stop at */
  uint64_t i = key & mask;
  for (uint64_t probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
    unsigned s = g->slots[i];
    if (!s)
      return 0;
    if ((s >> 6) == fp)
      return (s & 0x3F) ? 2 * (s & 0x3F) - 1 : 0; /* the builder stores 1+ */
  }
  return 0;
}

int dl_ngram_total_level(const dl_ngram *g) {
  return 1 + (int)floor(4 * log2((double)g->tokens));
}
