/*
 * inline_config.c: the draftlint comments of a draft are input too, and a
 * mistake in one must not pass in silence: a misspelt rule name switches
 * nothing off, and the writer would believe it did.  Reported here, at the
 * name; the run exits 2 for them (run.c), as for any bad configuration.
 */
#include <stdlib.h>

#include "draftlint/alloc.h"
#include "draftlint/directive.h"
#include "registry.h"

static void S_check(const dl_doc *doc, dl_sink *sink) {
  size_t n;
  const dl_directive *ds = dl_doc_directives(doc, &n);
  char *valid = NULL;
  for (size_t i = 0; i < n; i++) {
    const dl_directive *d = &ds[i];
    if (d->kind == DL_DIRECTIVE_UNKNOWN) {
      char *word = dl_xstrndup(doc->src + d->word_start,
                               d->word_end - d->word_start);
      dl_report(sink, DL_MSG_COMMENT_UNKNOWN_DIRECTIVE, d->word_start,
                d->word_end, word);
      free(word);
      continue;
    }
    for (size_t k = 0; k < d->nnames; k++) {
      const dl_directive_name *name = &d->names[k];
      if (dl_rule_known(sink->settings, name->name))
        continue;
      if (!valid)
        valid = dl_rule_known_names(sink->settings);
      dl_report(sink, DL_MSG_COMMENT_UNKNOWN_RULE, name->start, name->end,
                name->name, valid);
    }
  }
  free(valid);
}

const dl_rule_ops dl_ops_inline_config = {.check = S_check};
