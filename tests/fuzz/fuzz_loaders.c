/*
 * fuzz_loaders.c: libFuzzer harness over the loaders of incoherent-sentence's
 * data files: bytes -> a file -> dl_ngram_open (an input that starts with
 * the n-gram table's magic, "DLNGRAM") or dl_splice_model_open (anything
 * else) -> lookups and a scored sentence -> close.
 *
 * The loaders map files, so each input is written to one temporary file
 * (named once per process).  A model that records an n-gram table opens the
 * installed english.ngram beside it, as the rule does.
 *
 * Besides crashes, leaks and undefined behaviour (the sanitizers), it checks
 * what the rule relies on: a file that is refused gets a message that names
 * it; a file that is taken has the size its header promises, finite
 * thresholds, lookups that end (a damaged table may have no empty slot)
 * with a level the format allows, and scores every sentence to a finite
 * number or -infinity (no boundary to score), with the cut inside the
 * sentence.  A broken
 * promise aborts, so libFuzzer keeps the input.
 *
 * Built without libFuzzer too (tests/fuzz/replay.c), so its seeds
 * (tests/fuzz/seeds/loaders/, made by tests/fuzz/seeds/loaders.py) run in
 * `make check`.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "draftlint/diag.h"
#include "draftlint/doc.h"
#include "draftlint/sentence.h"
#include "lang/ngram.h"
#include "lang/splice.h"

static char S_path[64];
static dl_lexicon *S_lex;

static const char S_text[] =
    "We shipped the release on Friday and the team went home early.\n\n"
    "The roadmap we talked about last week the customers want faster.\n";

static void S_die(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_loaders: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  char *error = NULL;
  if (dl_lexicon_open(NULL, &S_lex, &error) != 0)
    S_die("cannot open the lexicon", error);
  snprintf(S_path, sizeof S_path, "/tmp/draftlint-fuzz-loaders-%ld.bin",
           (long)getpid());
  return 0;
}

static void S_write(const uint8_t *data, size_t size) {
  FILE *f = fopen(S_path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    S_die("cannot write the input to", S_path);
}

/* A refused file: the message names it. */
static void S_check_error(char *error) {
  if (!error || !strstr(error, S_path))
    S_die("the error does not name the file", error);
  free(error);
}

static void S_ngram(void) {
  dl_ngram *g;
  char *error = NULL;
  if (dl_ngram_open(S_path, &g, &error) != 0) {
    S_check_error(error);
    return;
  }
  if (g->maplen != DL_NGRAM_HEADER + ((size_t)2 << g->bits))
    S_die("a table whose size is not what its header says", S_path);
  uint64_t sym[DL_NGRAM_MAX] = {DL_NGRAM_START, 0x74686500ull, 42, 7};
  for (int n = 1; n <= DL_NGRAM_MAX; n++)
    if (dl_ngram_level(g, dl_ngram_key(sym, n)) > 125)
      S_die("a level above 2 * 63 - 1", S_path);
  (void)dl_ngram_total_level(g);
  dl_ngram_close(g);
}

/* Scores each sentence of S_text as the rule would. */
static void S_score(const dl_splice_model *m) {
  dl_doc *doc = dl_doc_new("fuzz.md", dl_xstrdup(S_text), sizeof S_text - 1);
  size_t ns, cap = 0;
  const dl_sentence *ss = dl_doc_sentences(doc, &ns);
  dl_token *tok = NULL;
  dl_splice_context ctx = {0};
  for (size_t i = 0; i < ns; i++) {
    const dl_text *t = &doc->blocks[ss[i].block].text;
    size_t n = dl_tokenize(t, ss[i].from, ss[i].to, S_lex, &tok, &cap);
    size_t at = 0;
    double z = dl_splice_score(m, tok, n, &ctx, &at);
    if (isnan(z) || z == INFINITY || (isfinite(z) && (at == 0 || at >= n)))
      S_die("a score or a cut out of bounds", S_path);
  }
  free(tok);
  dl_splice_context_free(&ctx);
  dl_doc_free(doc);
}

static void S_model(void) {
  dl_splice_model *m;
  char *error = NULL;
  if (dl_splice_model_open(S_path, S_lex, &m, &error) != 0) {
    S_check_error(error);
    return;
  }
  if (!isfinite(m->strict) || !isfinite(m->proofread) || !isfinite(m->scale))
    S_die("a model with a threshold or scale that is not finite", S_path);
  S_score(m);
  dl_splice_model_close(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  S_write(data, size);
  if (size >= 7 && memcmp(data, "DLNGRAM", 7) == 0)
    S_ngram();
  else
    S_model();
  remove(S_path);
  return 0;
}
