/*
 * run.c: pass 1 of unclosed-emphasis (emphasis.h): one literal delimiter
 * run, its neighbours and flanking (CommonMark 6.2), and the classes of
 * runs writers leave on purpose, which the README lists.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/alloc.h"
#include "draftlint/rule.h"
#include "unclosed_emphasis/emphasis.h"

/* Offset of the first byte of line `index` that is not indentation or a
 * block-quote marker (cached for the line of the last run). */
static size_t S_line_content(const dl_doc *doc, scan *sc, size_t index,
                             size_t line_start) {
  if (!sc->line_known || sc->line != index) {
    size_t i = line_start;
    while (i < doc->len &&
           (doc->src[i] == ' ' || doc->src[i] == '\t' || doc->src[i] == '>'))
      i++;
    sc->line = index;
    sc->content = i;
    sc->line_known = true;
  }
  return sc->content;
}

static void S_neighbours(const dl_doc *doc, scan *sc, run *r) {
  const char *s;
  size_t n, index = dl_doc_line_index(doc, r->start);
  dl_doc_line(doc, index, &s, &n);
  size_t line_start = (size_t)(s - doc->src), line_end = line_start + n;
  r->before = ' ';
  /* Nothing but indentation and quote markers before the run: it starts
   * the line's content, and its neighbour is the line's edge. */
  if (r->start > S_line_content(doc, sc, index, line_start))
    dl_utf8_decode_back(doc->src, r->start, &r->before);
  r->after = ' ';
  if (r->end < line_end)
    dl_utf8_decode(doc->src + r->end, line_end - r->end, &r->after);
  r->space_then_text = r->end + 1 < line_end && doc->src[r->end] == ' ' &&
                       doc->src[r->end + 1] != ' ';
}

static bool S_escaped(const char *src, size_t at, size_t floor) {
  size_t slashes = 0;
  while (at > floor && src[at - 1] == '\\') {
    at--;
    slashes++;
  }
  return slashes % 2 == 1;
}

static bool S_word_break(char c) { return c == ' ' || c == '\n'; }

/* Is byte i of the text inside a bare URL (http://..., www....)?  The word
 * around i runs back to a space, line break or '(' and on to a space or
 * line break; it is a URL when it starts with "www." or holds "://" after
 * its first byte.  Each of the three is found from where the previous run
 * left it, so a block costs its length once. */
static bool S_in_bare_url(const dl_text *t, scan *sc, size_t i) {
  if (i < sc->seen) { /* runs come in order: start over if they do not */
    sc->seen = sc->word_from = 0;
    sc->word_probe = sc->word_to = 0;
    sc->url_from = sc->url_at = 0;
  }
  for (; sc->seen < i; sc->seen++) /* an autolink's <> end its URL too */
    if (S_word_break(t->s[sc->seen]) || t->s[sc->seen] == '(' ||
        (t->flags[sc->seen] & DL_TX_AUTOLINK))
      sc->word_from = sc->seen + 1;
  size_t from = sc->word_from;
  if (i < sc->word_probe || i >= sc->word_to) {
    size_t to = i;
    while (to < t->len && !S_word_break(t->s[to]))
      to++;
    sc->word_probe = i;
    sc->word_to = to;
  }
  size_t to = sc->word_to, n = to - from;
  if (n > 4 && strncmp(t->s + from, "www.", 4) == 0)
    return true;
  size_t want = from + 1;
  if (want < sc->url_from || want > sc->url_at) {
    size_t k = want;
    while (k + 3 <= t->len && memcmp(t->s + k, "://", 3) != 0)
      k++;
    sc->url_from = want;
    sc->url_at = k + 3 <= t->len ? k : t->len;
  }
  return sc->url_at < t->len && sc->url_at + 3 <= to;
}

/* The flanking rules of CommonMark 6.2, from the run's neighbours. */
static void S_flanking(run *r) {
  bool before_space = dl_cp_is_space(r->before);
  bool after_space = dl_cp_is_space(r->after);
  bool before_punct = dl_cp_is_punct(r->before);
  bool after_punct = dl_cp_is_punct(r->after);
  bool left = !after_space && (!after_punct || before_space || before_punct);
  bool right = !before_space && (!before_punct || after_space || after_punct);
  if (r->c == '*') {
    r->can_open = left;
    r->can_close = right;
  } else {
    r->can_open = left && (!right || before_punct);
    r->can_close = right && (!left || after_punct);
  }
}

/* Words writers censor with asterisks ("f***", "s**t", "****ing"). */
static const char *const S_censored[] = {
    "fuck",     "fucks",  "fucked",  "fucker",  "fuckers",   "fucking",
    "fuckin",   "unfucking", "motherfucker", "shit", "shits", "shitty",
    "bullshit", "damn",   "damned",  "crap",    "hell",      "ass",
    "asshole",  "bitch",  "bastard", "piss",    "pissed",    "dick",
    "cock",     "cunt",   "sucker",  "suck",    "sucks",     NULL};

/* Letters that end a censored word and are a word of their own: stars
 * before them open emphasis on that word ("**it broke", "*hit song"), for
 * censoring keeps the first letters ("sh*t") or hides all but a few that
 * are no word ("***k", "****ing"). */
static const char *const S_plain_tails[] = {
    "it", "its", "hit", "hits", "in", "kin", "king", "rap", "hole", "itch",
    NULL};

/* Is s[0..n), in any case, one of the lower-case words of `list`? */
bool dl_emph_in_list(const char *const *list, const char *s, size_t n) {
  for (const char *const *w = list; *w; w++) {
    size_t k = 0;
    while (k < n && tolower((unsigned char)s[k]) == (*w)[k])
      k++;
    if (k == n && (*w)[k] == '\0')
      return true;
  }
  return false;
}

static bool S_plain_tail(const char *s, size_t n) {
  return dl_emph_in_list(S_plain_tails, s, n);
}

/* Is the run part of a word whose letters, with each `*` standing for one
 * letter, spell a censored word?  "**cker", "Sh*t", "Un***king"; never a
 * run followed by a capital ("**Or"), which starts a sentence, nor stars
 * before a plain word ("**its fine"). */
static bool S_censored_word(const dl_doc *doc, const scan *sc, const run *r) {
  if (r->c != '*' || !(dl_cp_is_alnum(r->before) || dl_cp_is_alnum(r->after)))
    return false;
  const char *src = doc->src;
  size_t from = r->start, to = r->end, max = sc->censored_max;
  /* A word longer than every censored word is none of them: stop there,
   * or a long run of letters and stars costs its length per marker. */
  while (from > 0 && to - from <= max &&
         (isalpha((unsigned char)src[from - 1]) || src[from - 1] == '*'))
    from--;
  for (; to < doc->len && to - from <= max &&
         (isalpha((unsigned char)src[to]) || src[to] == '*');
       to++)
    if (isupper((unsigned char)src[to]))
      return false;
  if (to - from > max)
    return false;
  size_t lead = from;
  while (lead < to && src[lead] == '*')
    lead++;
  if (lead > from && !memchr(src + lead, '*', to - lead) &&
      S_plain_tail(src + lead, to - lead))
    return false;
  for (const char *const *w = S_censored; *w; w++) {
    size_t n = strlen(*w), k = 0;
    if (n != to - from)
      continue;
    while (k < n && (src[from + k] == '*' ||
                     tolower((unsigned char)src[from + k]) == (*w)[k]))
      k++;
    if (k == n)
      return true;
  }
  return false;
}

static bool S_ident(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* The word around the run, up to 64 bytes each way, names code: Python's
 * packed arguments ("*args", "**kwargs"), a dunder name ("__init__") or
 * a file name, two word characters, a dot and two more ("_config.yml",
 * "*nix.conf").  Bounded, so a long word costs no more per run. */
static bool S_code_word(const dl_doc *doc, const run *r) {
  const char *src = doc->src;
  if (dl_cp_is_punct(r->before) && !dl_emph_opening_punct(r->before) &&
      r->before != '"' && r->before != '\'')
    return false; /* glued after a word's end ("it…*hackernoon.com") */
  size_t from = r->start, to = r->end;
  while (from > 0 && r->start - from < 64 &&
         (S_ident(src[from - 1]) || strchr("*.", src[from - 1])))
    from--;
  while (to < doc->len && to - r->end < 64 &&
         (S_ident(src[to]) || strchr("*.", src[to]) || src[to] == '-'))
    to++;
  while (to > r->end && src[to - 1] == '.') /* a full stop is prose */
    to--;
  size_t n = to - from;
  const char *w = src + from;
  if ((n == 5 && memcmp(w, "*args", 5) == 0) ||
      (n == 8 && memcmp(w, "**kwargs", 8) == 0))
    return true;
  if (r->c == '_' && n > 4 && w[0] == '_' && w[1] == '_' && w[n - 1] == '_' &&
      w[n - 2] == '_' && S_ident(w[2]))
    return true;
  for (size_t k = 2; k + 2 < n; k++)
    if (w[k] == '.' && S_ident(w[k - 1]) && S_ident(w[k - 2]) &&
        isalnum((unsigned char)w[k + 1]) && isalnum((unsigned char)w[k + 2]))
      return true;
  return false;
}

/* A run that is part of code written as prose: an identifier or handle
 * whose underscores follow a dot, slash or sigil ("window.__pwned",
 * "@_user"), or a file glob ("*.md", or stars beside a slash in a path).
 * CommonMark shows it as written, which is what the writer meant.  Not
 * after one colon and before a capital ("_Note:_The", but "std::_M"):
 * that ends a label and starts a sentence, and the `_` is a closer glued
 * to them (pass 2) or a stray. */
static bool S_code_like(const dl_doc *doc, const run *r) {
  if (S_code_word(doc, r))
    return true;
  if (r->c == '_')
    return r->before < 0x80 && strchr(".@#$/\\:=~", (int)r->before) &&
           r->before != 0 && dl_cp_is_alnum(r->after) &&
           !(r->before == ':' &&
             (r->start < 2 || doc->src[r->start - 2] != ':') &&
             r->after < 0x80 &&
             isupper((int)r->after));
  if (r->end - r->start <= 2 && (r->before == '/' || r->after == '/'))
    return true;
  return r->end + 1 < doc->len && doc->src[r->end] == '.' &&
         isalnum((unsigned char)doc->src[r->end + 1]);
}

/* A lone `*` between two operands ("2*3", "x*y", "n*log(n)",
 * "(a+b)*2"): multiplication, which nobody writes as emphasis.  After a
 * bracket, only before a digit, a bracket or a small letter: "...png)*Note"
 * opens italics after an image. */
static bool S_product(const run *r) {
  if (r->c != '*' || r->end - r->start != 1)
    return false;
  if (dl_cp_is_alnum(r->before))
    return dl_cp_is_alnum(r->after) || r->after == '(';
  return r->before == ')' && (r->after == '(' || (r->after < 0x80 &&
         (isdigit((int)r->after) || islower((int)r->after))));
}

/* A lone marker between spaces ("x * y", "a _ b"): an operator, which
 * can neither open nor close. */
static bool S_between_spaces(const run *r) {
  return r->end - r->start == 1 && dl_cp_is_space(r->before) &&
         dl_cp_is_space(r->after);
}

/* A run inside a word ("snake_case", "foo*bar"): CommonMark leaves a `_`
 * there alone, and a `*` there is a product (S_product) or a name. */
static bool S_in_word(const run *r) {
  return dl_cp_is_alnum(r->before) && dl_cp_is_alnum(r->after);
}

static bool S_local_char(char c) {
  return isalnum((unsigned char)c) || (c && strchr("._%+-", c));
}

/* Is the `_` run inside the local part of a bare email address
 * ("jane_doe_@example.com", "_jane@example.com")?  Bounded by the longest
 * local part (64) and domain (255) an address may have, so a long word of
 * underscores costs no more per marker. */
static bool S_in_email(const dl_doc *doc, const run *r) {
  const char *src = doc->src;
  size_t from = r->start, to = r->end;
  bool alnum = false;
  while (from > 0 && r->start - from < 64 && S_local_char(src[from - 1]))
    alnum |= isalnum((unsigned char)src[--from]) != 0;
  while (to < doc->len && to - r->start < 64 &&
         (S_local_char(src[to]) || src[to] == '_'))
    alnum |= isalnum((unsigned char)src[to++]) != 0;
  if (!alnum || to >= doc->len || src[to] != '@')
    return false;
  size_t at = ++to, dots = 0, label = 0;
  for (; to < doc->len && to - at < 255; to++) {
    if (isalnum((unsigned char)src[to]) || src[to] == '-')
      label++;
    else if (src[to] == '.' && label > 0 && to + 1 < doc->len &&
             isalnum((unsigned char)src[to + 1])) {
      dots++;
      label = 0;
    } else
      break;
  }
  return dots > 0 && label > 0;
}

/* A row of markers that stands apart from words: a blank to fill in
 * ("I want to ___ so that ___.") or a star rating ("Rated *****,"). */
static bool S_row(const run *r) {
  size_t n = r->end - r->start;
  if (dl_cp_is_alnum(r->before) || dl_cp_is_alnum(r->after))
    return false;
  return r->c == '_' ? n >= 3 : n >= 4 && r->nlit == n;
}

/* Which link's text holds text byte i: 1 + the offset where that stretch
 * of link text starts, or 0 outside links.  Runs come left to right, so
 * the stretch is found once and read from `sc` by the runs after. */
static size_t S_link_of(const dl_text *t, scan *sc, size_t i) {
  if (!(t->flags[i] & DL_TX_LINK))
    return 0;
  if (i < sc->link_from || i >= sc->link_to) {
    size_t from = i, to = i + 1;
    while (from > 0 && (t->flags[from - 1] & DL_TX_LINK))
      from--;
    while (to < t->len && (t->flags[to] & DL_TX_LINK))
      to++;
    sc->link_from = from;
    sc->link_to = to;
  }
  return sc->link_from + 1;
}

/* Reads the literal marker run at text byte i into *r; returns the number
 * of text bytes it covers.  r->c is 0 when the run cannot be emphasis. */
size_t dl_emph_scan_run(const dl_doc *doc, const dl_block *b, scan *sc,
                        size_t i, run *r) {
  const dl_text *t = &b->text;
  const char *src = doc->src;
  char c = t->s[i];
  size_t k = 1;
  while (i + k < t->len && t->s[i + k] == c && t->map[i + k] == t->map[i] + k)
    k++;
  *r = (run){.lit = t->map[i], .nlit = k};
  if (src[r->lit] != c || S_escaped(src, r->lit, b->start) ||
      (t->flags[i] & (DL_TX_CODE | DL_TX_AUTOLINK | DL_TX_IMAGE)) ||
      S_in_bare_url(t, sc, i))
    return k;
  r->c = c;
  r->start = r->lit;
  while (r->start > b->start && src[r->start - 1] == c &&
         !S_escaped(src, r->start - 1, b->start))
    r->start--;
  r->from = r->lit;
  r->end = r->lit + k;
  while (r->end < b->end && src[r->end] == c)
    r->end++;
  r->block_start = i == 0;
  r->block_end = i + k == t->len;
  r->link = S_link_of(t, sc, i);
  S_neighbours(doc, sc, r);
  S_flanking(r);
  if (S_between_spaces(r) || S_in_word(r) || S_censored_word(doc, sc, r) ||
      S_code_like(doc, r) || S_product(r) || S_row(r) ||
      (c == '_' && S_in_email(doc, r)))
    r->c = 0;
  return k;
}

void dl_emph_scan_start(scan *sc) {
  size_t max = 0;
  for (const char *const *w = S_censored; *w; w++)
    if (strlen(*w) > max)
      max = strlen(*w);
  *sc = (scan){.censored_max = max};
}
