/*
 * text.c: the plain-text buffer with its source map, UTF-8 decoding and
 * character classes (utf8proc), and the normalised comparison key.
 */
#include "draftlint/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "draftlint/alloc.h"
#include "draftlint/search.h"

void dl_text_init(dl_text *t) { *t = (dl_text){0}; }

/* The three arrays share one allocation, map first (it needs the widest
 * alignment), then the text, then the flags: one malloc per block instead
 * of three, which the profile showed as a tenth of building the text. */
void dl_text_free(dl_text *t) {
  free(t->map);
  *t = (dl_text){0};
}

/* Keeps room for len + n bytes plus the terminating NUL and the end entry
 * of the map: exactly that when `exact` (a reservation), else doubling. */
static void S_reserve(dl_text *t, size_t n, bool exact) {
  size_t need = t->len + n + 1;
  if (need <= t->cap)
    return;
  size_t unit = sizeof *t->map + 2, cap = exact ? need : t->cap ? t->cap : 8;
  while (cap < need) {
    if (cap > SIZE_MAX / 2 / unit)
      dl_xmalloc(SIZE_MAX); /* reports running out of memory */
    cap *= 2;
  }
  /* The text part is zeroed, not only for tidiness: PCRE2's JIT reads
   * whole words past the end of a subject (harmless, never across a page),
   * and that tail must not be uninitialised memory, or memcheck reports
   * every pattern rule (make check-valgrind).  The flags, which follow
   * the text, are zeroed too, for a read past a short text; the map is
   * never read beyond len. */
  uint32_t *map = dl_xmalloc(cap * unit);
  char *s = (char *)(map + cap);
  uint8_t *flags = (uint8_t *)(s + cap);
  memset(s, 0, 2 * cap);
  if (t->map) {
    memcpy(map, t->map, t->len * sizeof *map);
    memcpy(s, t->s, t->len + 1);
    memcpy(flags, t->flags, t->len);
    free(t->map);
  }
  t->map = map;
  t->s = s;
  t->flags = flags;
  t->cap = cap;
}

void dl_text_reserve(dl_text *t, size_t n) { S_reserve(t, n, true); }

void dl_text_append(dl_text *t, const char *s, size_t n, uint32_t src,
                    bool advance, uint8_t flags) {
  S_reserve(t, n, false);
  /* Every byte of every paragraph passes here: plain local pointers and
   * memset let the compiler write the map and flags in wide stores. */
  uint32_t *map = t->map + t->len;
  memcpy(t->s + t->len, s, n);
  memset(t->flags + t->len, flags, n);
  size_t i = 0;
  uint32_t step = advance ? 1 : 0;
#if defined(__GNUC__)
  /* Four offsets per vector store (GCC and Clang vector extension). */
  typedef uint32_t v4 __attribute__((vector_size(16)));
  v4 at = {src, src + step, src + 2 * step, src + 3 * step};
  v4 inc = {4 * step, 4 * step, 4 * step, 4 * step};
  for (; i + 4 <= n; i += 4) {
    memcpy(map + i, &at, sizeof at);
    at += inc;
  }
#endif
  for (; i < n; i++)
    map[i] = src + step * (uint32_t)i;
  t->len += n;
  t->s[t->len] = '\0';
}

size_t dl_utf8_decode(const char *s, size_t n, int32_t *cp) {
  if (n == 0) {
    *cp = -1;
    return 0;
  }
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  utf8proc_int32_t out;
  utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)n, &out);
  if (len < 1) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = out;
  return (size_t)len;
}

size_t dl_utf8_decode_back(const char *s, size_t i, int32_t *cp) {
  if (i == 0) {
    *cp = -1;
    return 0;
  }
  size_t start = i - 1;
  while (start > 0 && i - start < 4 &&
         ((unsigned char)s[start] & 0xC0) == 0x80)
    start--;
  size_t len = dl_utf8_decode(s + start, i - start, cp);
  if (start + len != i) { /* not a whole sequence: treat the byte alone */
    *cp = 0xFFFD;
    return 1;
  }
  return len;
}

size_t dl_utf8_count(const char *s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      count++;
  return count;
}

size_t dl_utf8_validate(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    /* Drafts are mostly ASCII: skip it eight bytes at a time. */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL)
        break;
      i += 8;
    }
    if (i >= n)
      break;
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(
        (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (len < 1)
      return i;
    i += (size_t)len;
  }
  return n;
}

bool dl_cp_is_space(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
      cp == '\v')
    return true;
  return cp > 0x7F && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool dl_cp_is_punct(int32_t cp) {
  if (cp < 0)
    return false;
  if (cp < 0x80)
    return cp > 0x20 && cp < 0x7F && !(cp >= '0' && cp <= '9') &&
           !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI:
  case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO:
  case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC:
  case UTF8PROC_CATEGORY_SK:
  case UTF8PROC_CATEGORY_SO:
    return true;
  default:
    return false;
  }
}

bool dl_cp_is_alnum(int32_t cp) {
  if (cp < 0)
    return false;
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') ||
           ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return true;
  default:
    return false;
  }
}

bool dl_cp_is_upper(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool dl_cp_is_lower(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Trailing punctuation that does not change what a heading says; a final
 * '?' or '!' does ("Why?" is not "Why!"). */
/* The length of the mark that ends s[0..end) if it ends a heading without
 * changing what it says ("Plan:", "Plan."), else 0; not "C++", "C#",
 * "50%" or "Why?".  Fullwidth forms are three bytes. */
static size_t S_trailing_noise(const char *s, size_t end) {
  if (end >= 1 && memchr(":;,.", s[end - 1], 4))
    return 1;
  static const char *const wide[] = {"\xEF\xBC\x9A", "\xEF\xBC\x9B",
                                     "\xEF\xBC\x8C", "\xE3\x80\x82"};
  for (size_t k = 0; end >= 3 && k < sizeof wide / sizeof *wide; k++)
    if (memcmp(s + end - 3, wide[k], 3) == 0)
      return 3;
  return 0;
}

/* Curly quotes read as straight ones: writers and editors mix them. */
static int32_t S_straight(int32_t cp) {
  if (cp == 0x2018 || cp == 0x2019)
    return '\'';
  if (cp == 0x201C || cp == 0x201D)
    return '"';
  return cp;
}

/* Collapses whitespace, straightens quotes and trims spaces and trailing
 * marks that say nothing ("Plan.:" is "Plan"), but not an ellipsis
 * ("Wait..." is not "Wait"), in place; `s` is NUL-terminated valid UTF-8. */
static void S_squeeze(char *s) {
  size_t n = strlen(s), w = 0;
  bool pending_space = false;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t len = dl_utf8_decode(s + i, n - i, &cp);
    if (dl_cp_is_space(cp)) {
      pending_space = w > 0;
    } else {
      if (pending_space)
        s[w++] = ' ';
      pending_space = false;
      if (S_straight(cp) != cp) {
        s[w++] = (char)S_straight(cp);
      } else {
        for (size_t k = 0; k < len; k++) /* w <= i: copying forward is safe */
          s[w++] = s[i + k];
      }
    }
    i += len;
  }
  size_t len;
  while ((len = S_trailing_noise(s, w)) > 0 && len < w) {
    if (s[w - 1] == '.' && w >= 2 && s[w - 2] == '.')
      break; /* an ellipsis says something */
    w -= len;
    if (s[w - 1] == ' ')
      w--; /* "Plan :" */
  }
  s[w] = '\0';
}

char *dl_text_key(const char *s, size_t n) {
  /* ASCII is its own NFKC form and folds by lowering A-Z: no need for
   * utf8proc's decomposition, which costs most of a heading's check.  Curly
   * quotes (E2 80 98/99/9C/9D), which S_squeeze straightens, keep a
   * heading on this path. */
  size_t ascii = 0;
  while (ascii < n) {
    unsigned char c = (unsigned char)s[ascii];
    if (c < 0x80)
      ascii++;
    else if (c == 0xE2 && ascii + 2 < n && (unsigned char)s[ascii + 1] == 0x80 &&
             memchr("\x98\x99\x9C\x9D", s[ascii + 2], 4))
      ascii += 3;
    else
      break;
  }
  if (ascii == n) {
    char *key = dl_xstrndup(s, n);
    for (size_t i = 0; i < n; i++)
      if (key[i] >= 'A' && key[i] <= 'Z')
        key[i] = (char)(key[i] - 'A' + 'a');
    S_squeeze(key);
    return key;
  }
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t len = utf8proc_map(
      (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
          UTF8PROC_CASEFOLD);
  char *key;
  if (len < 0) { /* invalid input: compare the bytes as they are */
    key = dl_xstrndup(s, n);
  } else {
    key = dl_xstrndup((const char *)out, (size_t)len);
    free(out);
  }
  S_squeeze(key);
  return key;
}

typedef struct map_search {
  const dl_text *t;
  size_t offset;
} map_search;

static bool S_maps_before(const void *ctx, size_t i) {
  const map_search *ms = ctx;
  return ms->t->map[i] < ms->offset;
}

size_t dl_text_at(const dl_text *t, size_t offset) {
  map_search ms = {t, offset};
  return dl_partition_point(t->len, S_maps_before, &ms);
}
