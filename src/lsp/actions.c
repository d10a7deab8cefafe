/*
 * actions.c: code actions (LSP 3.17, "textDocument/codeAction") built from
 * the edits diagnostics.c prepared with each finding.
 */
#include "lsp/actions.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "draftlint/diag.h"
#include "lsp/docstore.h"

/* Positions compared as (line, character) pairs. */
static int S_cmp(const json_t *a, const json_t *b) {
  size_t al = 0, ac = 0, bl = 0, bc = 0;
  dl_lsp_read_position(a, &al, &ac);
  dl_lsp_read_position(b, &bl, &bc);
  if (al != bl)
    return al < bl ? -1 : 1;
  return ac < bc ? -1 : ac > bc;
}

/* Whether two ranges meet (touching counts: a cursor at either end of a
 * finding asks for its actions). */
static bool S_meets(const json_t *a, const json_t *b) {
  return S_cmp(json_object_get(a, "start"), json_object_get(b, "end")) <= 0 &&
         S_cmp(json_object_get(b, "start"), json_object_get(a, "end")) <= 0;
}

/* Whether context.only (when given) asks for quick fixes. */
static bool S_wants_quickfix(const json_t *context) {
  json_t *only = json_object_get(context, "only");
  if (!json_is_array(only))
    return true;
  size_t i;
  json_t *k;
  json_array_foreach(only, i, k) {
    const char *s = json_string_value(k);
    if (s && (strcmp(s, "quickfix") == 0 || strcmp(s, "") == 0))
      return true;
  }
  return false;
}

static json_t *S_action(const char *uri, const char *title,
                        const json_t *diag, const json_t *edit, bool preferred) {
  json_t *changes = json_object();
  json_object_set_new(changes, uri, json_pack("[O]", edit));
  return json_pack("{s:s,s:s,s:[O],s:b,s:{s:o}}", "title", title, "kind",
                   "quickfix", "diagnostics", diag, "isPreferred", preferred,
                   "edit", "changes", changes);
}

/* "Fix: replace with 'TEXT'", the replacement cut short. */
static char *S_fix_title(const json_t *diag, const json_t *fix) {
  const char *rule = json_string_value(json_object_get(diag, "code"));
  const char *text = json_string_value(json_object_get(fix, "newText"));
  size_t n = strlen(text), cut = n > 40 ? 40 : n;
  while (cut < n && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
    cut--; /* not inside a UTF-8 sequence */
  if (n == 0)
    return dl_strdup_printf("Fix %s: delete the text", rule);
  return dl_strdup_printf("Fix %s: replace with '%.*s%s'", rule, (int)cut,
                          text, cut < n ? "..." : "");
}

/* Whether `actions` already disables the same rule at the same place. */
static bool S_has_edit(const json_t *seen, const json_t *edit) {
  size_t i;
  json_t *e;
  json_array_foreach(seen, i, e) if (json_equal(e, edit)) return true;
  return false;
}

json_t *dl_lsp_code_actions(const char *uri, const json_t *findings,
                            const json_t *range, const json_t *context) {
  json_t *out = json_array();
  if (!S_wants_quickfix(context))
    return out;
  json_t *seen = json_array();
  size_t i;
  json_t *f;
  json_array_foreach(findings, i, f) {
    json_t *diag = json_object_get(f, "diagnostic");
    if (!S_meets(json_object_get(diag, "range"), range))
      continue;
    json_t *fix = json_object_get(f, "fix");
    if (json_is_object(fix)) {
      char *title = S_fix_title(diag, fix);
      json_array_append_new(out, S_action(uri, title, diag, fix, true));
      free(title);
    }
    json_t *disable = json_object_get(f, "disable");
    if (!json_is_object(disable) || S_has_edit(seen, disable))
      continue;
    json_array_append(seen, disable);
    char *title = dl_strdup_printf(
        "Disable %s on this line",
        json_string_value(json_object_get(diag, "code")));
    json_array_append_new(out, S_action(uri, title, diag, disable, false));
    free(title);
  }
  json_decref(seen);
  return out;
}
