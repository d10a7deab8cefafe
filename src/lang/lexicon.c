/*
 * lexicon.c: the open-class table, mapped from wordnet.lex (see
 * tools/mklexicon.py for its layout), and the closed-class table, indexed
 * by word hash when the lexicon is opened.
 *
 * The file is mapped rather than read so that opening it costs a few
 * system calls whatever its size; only the pages a document's words touch
 * are ever read.
 */
#include "lang/lexicon.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "input/data.h"
#include "draftlint/diag.h"
#include "lang/wordclass.h"

#define S_MAGIC "DLLEX\0\0\1"
#define S_CLOSED_SLOTS 1024 /* a power of two, over twice the table */

struct dl_lexicon {
  void *map;
  size_t maplen;
  const uint32_t *slots;
  uint32_t nslots, checksum;
  uint64_t closed_hash[S_CLOSED_SLOTS];
  uint8_t closed_cls[S_CLOSED_SLOTS];
};

uint64_t dl_word_hash(const char *s, size_t n) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001B3ull;
  }
  return h;
}

static void S_index_closed(dl_lexicon *lex) {
  for (size_t i = 0; i < dl_nclosed_words; i++) {
    const dl_closed_word *w = &dl_closed_words[i];
    uint64_t h = dl_word_hash(w->word, strlen(w->word));
    size_t k = h & (S_CLOSED_SLOTS - 1);
    while (lex->closed_hash[k] && lex->closed_hash[k] != h)
      k = (k + 1) & (S_CLOSED_SLOTS - 1);
    lex->closed_hash[k] = h;
    lex->closed_cls[k] = (uint8_t)w->cls;
  }
}

static int S_fail(char **error, const char *path, const char *why) {
  *error = dl_strdup_printf("cannot load the lexicon %s: %s", path, why);
  return -1;
}

int dl_lexicon_attach(const void *bytes, size_t len, const char *path,
                      dl_lexicon **out, char **error) {
  const unsigned char *b = bytes;
  uint32_t nslots = 0, check = 0;
  if (len >= 16) {
    memcpy(&nslots, b + 8, 4);
    memcpy(&check, b + 12, 4);
  }
  if (len < 16 || memcmp(b, S_MAGIC, 8) != 0 || nslots == 0 ||
      (nslots & (nslots - 1)) != 0 || len != 16 + (size_t)nslots * 4)
    return S_fail(error, path, "not a draftlint lexicon (rebuild it with "
                               "tools/mklexicon.py)");
  dl_lexicon *lex = dl_xcalloc(1, sizeof *lex);
  lex->slots = (const uint32_t *)(b + 16);
  lex->nslots = nslots;
  lex->checksum = check;
  S_index_closed(lex);
  *out = lex;
  return 0;
}

int dl_lexicon_open(const char *path, dl_lexicon **out, char **error) {
  dl_mapped m;
  if (dl_data_map(path, "wordnet.lex", "the lexicon", 16, &m, error) != 0)
    return -1;
  if (dl_lexicon_attach(m.map, m.len, m.path, out, error) != 0) {
    dl_data_unmap(&m);
    return -1;
  }
  (*out)->map = m.map; /* the lexicon owns the mapping now */
  (*out)->maplen = m.len;
  free(m.path);
  return 0;
}

void dl_lexicon_close(dl_lexicon *lex) {
  if (!lex)
    return;
  if (lex->map)
    munmap(lex->map, lex->maplen);
  free(lex);
}

uint32_t dl_lexicon_checksum(const dl_lexicon *lex) { return lex->checksum; }

unsigned dl_lexicon_flags(const dl_lexicon *lex, uint64_t h) {
  uint32_t fp = (uint32_t)(h >> 40) & 0xFFFFFF;
  if (!fp)
    fp = 1;
  uint32_t mask = lex->nslots - 1;
  uint32_t i = (uint32_t)h & mask;
  for (uint32_t probes = 0; probes < lex->nslots; probes++, i = (i + 1) & mask) {
    uint32_t s = lex->slots[i];
    if (!s)
      return 0;
    if (s >> 8 == fp)
      return s & 0xFF;
  }
  return 0;
}

dl_wclass dl_lexicon_closed(const dl_lexicon *lex, uint64_t h) {
  for (size_t k = h & (S_CLOSED_SLOTS - 1); lex->closed_hash[k];
       k = (k + 1) & (S_CLOSED_SLOTS - 1))
    if (lex->closed_hash[k] == h)
      return (dl_wclass)lex->closed_cls[k];
  return DL_WC_NONE;
}
