/*
 * tbm_link.c: every broken link to a Beautiful Mess post.
 *
 * Three passes over each paragraph and heading:
 *   1. the links and images cmark found: what the visible text names (a
 *      number, a title, both), what the URL is (tbm_link/url.h), and
 *      whether they agree with each other and with the catalog
 *      (tbm_link/links.h);
 *   2. the plain text, for citations cmark could not make into links: a
 *      "[TBM ..." with no closing bracket, no (url), a malformed (url), or
 *      a reference whose definition is missing (also "[Whole Title][x]")
 *      (tbm_link/citations.h);
 *   3. the plain text again, for bare URLs of the newsletter, which
 *      Substack turns into links when the post goes out (tbm_link/bare.h).
 *
 * Which post the writer means: the title decides (numbers repeat across
 * series, and are the part writers get wrong); a URL that agrees with the
 * title or with the number confirms it; a lone number names its post when
 * it is the only one with that number (tbm_link/naming.h).  Where two
 * posts fit equally, the finding lists both and carries no fix: the rule
 * never guesses silently.
 *
 * The rule's private files, under tbm_link/: catalog (the posts, and the
 * keys titles are matched by), url (what a destination is), naming
 * (which post a text means), wording (the messages), mending (fixes of several edits),
 * definitions (a fix moved onto a reference's definition), and the three
 * passes: links, citations, bare.  Where a link's parts are in the source
 * is the document layer's (draftlint/links.h).
 */
#include "registry.h"
#include "tbm_link/bare.h"
#include "tbm_link/catalog.h"
#include "tbm_link/citations.h"
#include "tbm_link/definitions.h"
#include "tbm_link/links.h"
#include "draftlint/links.h"

/* ---- load ------------------------------------------------------------- */

/* The catalog: Substack's posts export, the bundled one or --catalog's. */
static const dl_option S_options[] = {
    {"catalog", NULL, "the path of a CSV file (Substack's posts export)"},
};
static const dl_data_file S_files[] = {
    {"tbm-posts.csv", "the TBM catalog", "catalog", 0, false, false},
};

static int S_load(const dl_settings *settings, const dl_data *data,
                  void **state, char **error) {
  (void)settings;
  dl_tbm_catalog *c =
      dl_tbm_catalog_parse(data[0].path, data[0].bytes, data[0].len, error);
  if (!c)
    return -1;
  *state = c;
  return 0;
}

static void S_unload(void *state) { dl_tbm_catalog_free(state); }

/* ---- the rule --------------------------------------------------------------- */

static void S_check(const dl_doc *doc, dl_sink *sink) {
  const dl_tbm_catalog *cat = sink->state;
  dl_tbm_refs R = {0};
  for (size_t bi = 0; bi < doc->nblocks; bi++) {
    const dl_block *b = &doc->blocks[bi];
    for (cmark_node *node = cmark_node_first_child(b->node); node;
         node = dl_inline_next(node, b->node)) {
      cmark_node_type type = cmark_node_get_type(node);
      if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)
        dl_tbm_check_link(doc, b, node, sink, cat, &R);
    }
    dl_tbm_check_citations(doc, b, sink, cat);
    dl_tbm_check_bare_urls(doc, b, sink, cat);
  }
  dl_tbm_refs_settle(doc, sink, &R);
  dl_tbm_refs_free(&R);
}

const dl_rule_ops dl_ops_tbm_link = {.options = S_options,
                                     .noptions = 1,
                                     .files = S_files,
                                     .nfiles = 1,
                                     .load = S_load,
                                     .unload = S_unload,
                                     .check = S_check};
