/*
 * profile.c: find the configuration files of each file, apply them in
 * order over the defaults, apply the command line over them, and keep one
 * profile (settings, patterns, engine) per distinct chain of files.
 *
 * Caches, so a folder of a thousand drafts costs a handful of stat calls:
 * folder as given -> profile, chain of files -> profile, path -> parsed
 * configuration.  Rule data is shared between engines (engine.h).
 */
#define _DEFAULT_SOURCE
#include "config/profile.h"

#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draftlint/alloc.h"
#include "input/data.h"
#include "draftlint/strmap.h"
#include "config/settings.h"

struct dl_profiles {
  const dl_options *o;
  dl_config **configs; /* every file read, owned */
  size_t nconfigs, ccap;
  size_t nbundled;     /* the first nbundled configs are bundled */
  dl_strmap config_by_path;
  dl_strmap by_dir;    /* folder as given -> profile */
  dl_strmap by_chain;  /* "path\n path\n ..." -> profile */
  dl_profile **profiles;
  size_t nprofiles, pcap;
  char **errors;
  size_t nerrors, ecap;
  dl_strmap seen_errors;
  dl_load_cache cache;
  const char *source;  /* where the setting being applied comes from */
  dl_profile *tracing; /* the profile whose options are being traced */
};

static void S_push(void *arr_p, size_t *n, size_t *cap, size_t size,
                   const void *item) {
  void **arr = arr_p;
  *arr = dl_xgrow(*arr, cap, *n + 1, size);
  memcpy((char *)*arr + *n * size, item, size);
  (*n)++;
}

/* Records a configuration problem once: a file shared by several chains
 * would otherwise say the same thing once per chain.  Takes `msg`. */
static void S_error(dl_profiles *ps, char *msg) {
  bool added;
  dl_strmap_put(&ps->seen_errors, msg, strlen(msg), &added);
  if (added)
    S_push(&ps->errors, &ps->nerrors, &ps->ecap, sizeof msg, &msg);
  else
    free(msg);
}

static dl_config *S_config(dl_profiles *ps, const char *path, bool bundled) {
  dl_config *c = dl_strmap_get(&ps->config_by_path, path, strlen(path));
  if (c)
    return c;
  c = dl_config_load(path, bundled);
  bool added;
  dl_strmap_put(&ps->config_by_path, path, strlen(path), &added)->value = c;
  S_push(&ps->configs, &ps->nconfigs, &ps->ccap, sizeof c, &c);
  for (size_t i = 0; i < c->nerrors; i++)
    S_error(ps, dl_xstrdup(c->errors[i]));
  return c;
}

/* The bundled pattern files, in name order. */
static void S_load_bundled(dl_profiles *ps) {
  size_t n;
  char **paths = dl_bundled_rule_files(&n);
  for (size_t i = 0; i < n; i++) {
    S_config(ps, paths[i], true);
    free(paths[i]);
  }
  free(paths);
  ps->nbundled = ps->nconfigs;
}

dl_profiles *dl_profiles_new(const dl_options *o) {
  dl_profiles *ps = dl_xcalloc(1, sizeof *ps);
  ps->o = o;
  dl_strmap_init(&ps->config_by_path);
  dl_strmap_init(&ps->by_dir);
  dl_strmap_init(&ps->by_chain);
  dl_strmap_init(&ps->seen_errors);
  S_load_bundled(ps);
  return ps;
}

/* ---- provenance ---- */

static void S_origin(dl_profile *p, const char *key, const char *value,
                     const char *source) {
  for (size_t i = 0; i < p->norigins; i++) {
    if (strcmp(p->origins[i].key, key) == 0) {
      free(p->origins[i].value);
      free(p->origins[i].source);
      p->origins[i].value = dl_xstrdup(value);
      p->origins[i].source = dl_xstrdup(source);
      return;
    }
  }
  dl_origin o = {dl_xstrdup(key), dl_xstrdup(value), dl_xstrdup(source)};
  S_push(&p->origins, &p->norigins, &p->ocap, sizeof o, &o);
}

static void S_trace(void *ctx, const char *rule, const char *key,
                    const char *value) {
  dl_profiles *ps = ctx;
  if (!ps->tracing || strcmp(key, "severity") == 0) /* severities: S_diff */
    return;
  char *k = dl_strdup_printf("%s.%s", rule, key);
  S_origin(ps->tracing, k, value, ps->source);
  free(k);
}

/* What a layer changed, for the severities and kinds that are not set
 * through dl_settings_set: records each change with the layer's source. */
static void S_diff(dl_profile *p, const dl_settings *before,
                   const char *source) {
  const dl_settings *s = &p->settings;
  for (int i = 0; i < DL_RULE_COUNT; i++) {
    if (s->severity[i] == before->severity[i])
      continue;
    char *k = dl_strdup_printf("%s.severity", dl_rules[i].name);
    S_origin(p, k, s->severity[i] ? dl_severity_name(s->severity[i]) : "off",
             source);
    free(k);
  }
  for (size_t i = 0; i < s->npatterns; i++) {
    if (s->pattern_severity[i] == before->pattern_severity[i])
      continue;
    char *k = dl_strdup_printf("%s.severity", s->patterns[i]->name);
    S_origin(p, k,
             s->pattern_severity[i] ? dl_severity_name(s->pattern_severity[i])
                                    : "off",
             source);
    free(k);
  }
  for (size_t i = before->ndisabled_kinds; i < s->ndisabled_kinds; i++)
    S_origin(p, s->disabled_kinds[i], "off", source);
}

/* ---- applying a configuration file ---- */

static void S_enable(dl_profiles *ps, dl_profile *p, const dl_config *c,
                     const dl_config_entry *e, bool on) {
  char **words;
  size_t n = dl_config_split(e->value, &words);
  for (size_t i = 0; i < n; i++) {
    char *error = NULL;
    if (!on && strchr(words[i], ':')) {
      if (dl_settings_disable_kind(&p->settings, words[i], &error) != 0) {
        S_error(ps, dl_config_error_at(c, e->line, "%s", error));
        free(error);
      }
      continue;
    }
    dl_severity fallback;
    dl_severity *slot = dl_settings_severity(&p->settings, words[i], &fallback);
    if (!slot) {
      char *names = dl_settings_rule_names(&p->settings);
      S_error(ps, dl_config_error_at(c, e->line, "unknown rule '%s' in %s; "
                                     "valid rules: %s", words[i], e->key,
                                     names));
      free(names);
      continue;
    }
    *slot = on ? (fallback ? fallback : DL_SEV_WARNING) : DL_SEV_NONE;
  }
  dl_config_split_free(words, n);
}

static void S_apply_top(dl_profiles *ps, dl_profile *p, dl_config *c,
                        const dl_config_entry *e) {
  char *source = dl_strdup_printf("%s:%zu", c->path, e->line);
  if (strcmp(e->key, "fail-on") == 0) {
    dl_severity_parse(e->value, &p->fail_on); /* checked when read */
    S_origin(p, "fail-on", e->value, source);
  } else if (strcmp(e->key, "inline-config") == 0) {
    p->inline_config = strcmp(e->value, "true") == 0;
    S_origin(p, "inline-config", e->value, source);
  } else if (strcmp(e->key, "history") == 0) {
    p->history = strcmp(e->value, "head") == 0;
    S_origin(p, "history", e->value, source);
  } else if (strcmp(e->key, "templates") == 0) {
    p->templates.off = strcmp(e->value, "off") == 0;
    S_origin(p, "templates", e->value, source);
  } else if (strcmp(e->key, "template-delimiters") == 0) {
    char *error = NULL; /* checked when read */
    if (dl_templates_add(&p->templates, e->value, &error) != 0)
      free(error);
    S_origin(p, "template-delimiters", e->value, source);
  } else if (strcmp(e->key, "ignore") == 0) {
    char **words;
    size_t n = dl_config_split(e->value, &words);
    for (size_t i = 0; i < n; i++) {
      dl_ignore ig = {words[i], c, e->line, words[i]};
      S_push(&p->ignores, &p->nignores, &p->icap, sizeof ig, &ig);
    }
    free(words); /* the words themselves now belong to the ignores */
  } else {
    S_enable(ps, p, c, e, strcmp(e->key, "enable") == 0);
  }
  free(source);
}

static void S_apply(dl_profiles *ps, dl_profile *p, dl_config *c,
                    const dl_config_entry *e) {
  if (e->section[0] == '\0') {
    S_apply_top(ps, p, c, e);
    return;
  }
  if (!dl_settings_severity(&p->settings, e->section, NULL)) {
    if (!e->key) { /* said once, at the section header */
      char *names = dl_settings_rule_names(&p->settings);
      S_error(ps, dl_config_error_at(c, e->line, "unknown rule '%s' in "
                                     "section [%s]; valid rules: %s (or "
                                     "[pattern NAME] to define a pattern "
                                     "rule)", e->section, e->section, names));
      free(names);
    }
    return;
  }
  if (!e->key)
    return;
  char *error = NULL;
  if (dl_settings_set(&p->settings, e->section, e->key, e->value, &error) != 0) {
    S_error(ps, dl_config_error_at(c, e->line, "%s", error));
    free(error);
  }
}

/* The pattern rules of a chain: the nearest definition of each name. */
static void S_patterns(dl_profile *p) {
  size_t cap = 0;
  for (size_t k = 0; k < p->nchain; k++) {
    const dl_config *c = p->chain[k];
    for (size_t i = 0; i < c->npatterns; i++) {
      const dl_pattern *pat = c->patterns[i];
      if (!pat->code) /* it did not compile: reported, left out */
        continue;
      size_t j = 0;
      while (j < p->npatterns && strcmp(p->patterns[j]->name, pat->name) != 0)
        j++;
      if (j < p->npatterns)
        p->patterns[j] = pat;
      else
        S_push(&p->patterns, &p->npatterns, &cap, sizeof pat, &pat);
    }
  }
}

/* Applies the command line over the profile: the options are parsed
 * again, this time over the configuration's settings. */
static void S_overlay(dl_profiles *ps, dl_profile *p) {
  dl_options over = {.fail_on = p->fail_on,
                     .no_inline_config = !p->inline_config};
  dl_settings_copy(&over.settings, &p->settings);
  char *error = NULL;
  ps->source = "command line";
  if (dl_cli_overlay(ps->o, &over, &error) != 0) {
    S_error(ps, dl_strdup_printf("draftlint: %s", error));
    free(error);
  }
  dl_settings before;
  dl_settings_copy(&before, &p->settings);
  dl_settings_free(&p->settings);
  p->settings = over.settings;
  over.settings = (dl_settings){0};
  S_diff(p, &before, "command line");
  dl_settings_free(&before);
  if (over.fail_on_given) /* even at the default: the writer said it */
    S_origin(p, "fail-on", dl_severity_name(over.fail_on), "command line");
  if (over.no_inline_config && p->inline_config)
    S_origin(p, "inline-config", "false", "command line");
  p->fail_on = over.fail_on;
  p->inline_config = !over.no_inline_config;
  dl_options_free(&over);
}

static dl_profile *S_build(dl_profiles *ps, dl_config **chain, size_t n) {
  dl_profile *p = dl_xcalloc(1, sizeof *p);
  p->chain = chain;
  p->nchain = n;
  p->fail_on = DL_SEV_WARNING;
  p->inline_config = true;
  S_patterns(p);
  dl_settings_defaults(&p->settings);
  p->settings.patterns = p->patterns;
  p->settings.npatterns = p->npatterns;
  p->settings.pattern_severity =
      dl_xcalloc(p->npatterns ? p->npatterns : 1, sizeof(dl_severity));
  for (size_t i = 0; i < p->npatterns; i++)
    p->settings.pattern_severity[i] = p->patterns[i]->severity;
  p->settings.trace = S_trace;
  p->settings.trace_ctx = ps;
  ps->tracing = p;
  for (size_t k = 0; k < n; k++) {
    dl_config *c = chain[k];
    for (size_t i = 0; i < c->nentries; i++) {
      char *source = dl_strdup_printf("%s:%zu", c->path, c->entries[i].line);
      ps->source = source;
      dl_settings before;
      dl_settings_copy(&before, &p->settings);
      S_apply(ps, p, c, &c->entries[i]);
      S_diff(p, &before, source);
      dl_settings_free(&before);
      free(source);
    }
  }
  S_overlay(ps, p);
  if (!p->inline_config) /* comments ignored: none can be wrong either */
    p->settings.severity[DL_RULE_INLINE_CONFIG] = DL_SEV_NONE;
  ps->tracing = NULL;
  p->settings.trace = NULL;
  p->settings.trace_ctx = NULL;
  char *error = NULL;
  if (dl_engine_init_cached(&p->engine, &p->settings, &ps->cache, &error) != 0) {
    /* Said once for the run, like a bad configuration file; each file of
     * this profile then points at it. */
    S_error(ps, dl_strdup_printf("draftlint: %s", error));
    free(error);
    p->engine_error = dl_xstrdup("not linted: a rule's data could not be "
                                 "loaded (see the error above)");
  }
  p->engine.inline_config = p->inline_config;
  p->engine.templates = &p->templates;
  S_push(&ps->profiles, &ps->nprofiles, &ps->pcap, sizeof p, &p);
  return p;
}

/* ---- discovery ---- */

static bool S_exists(const char *dir, const char *name, bool regular) {
  char *path = dl_strdup_printf("%s/%s", strcmp(dir, "/") ? dir : "", name);
  struct stat st;
  bool ok = stat(path, &st) == 0 && (!regular || S_ISREG(st.st_mode));
  free(path);
  return ok;
}

/* The configuration files for a folder (absolute, symbolic links
 * resolved): nearest first, up to the repository or filesystem root. */
static size_t S_discover(dl_profiles *ps, const char *real, dl_config ***out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  char *dir = dl_xstrdup(real);
  for (;;) {
    if (S_exists(dir, DL_CONFIG_NAME, true)) {
      char *path = dl_strdup_printf("%s/%s", strcmp(dir, "/") ? dir : "",
                                    DL_CONFIG_NAME);
      dl_config *c = S_config(ps, path, false);
      S_push(out, &n, &cap, sizeof c, &c);
      free(path);
    }
    if (S_exists(dir, ".git", false) || strcmp(dir, "/") == 0)
      break;
    char *slash = strrchr(dir, '/');
    if (slash == dir)
      slash[1] = '\0';
    else
      *slash = '\0';
  }
  free(dir);
  return n;
}

static dl_profile *S_for_chain(dl_profiles *ps, dl_config **found,
                               size_t nfound) {
  /* bundled first, then the found files farthest first */
  size_t n = ps->nbundled + nfound;
  dl_config **chain = dl_xcalloc(n ? n : 1, sizeof *chain);
  for (size_t i = 0; i < ps->nbundled; i++)
    chain[i] = ps->configs[i];
  for (size_t i = 0; i < nfound; i++)
    chain[ps->nbundled + i] = found[nfound - 1 - i];
  char *key = dl_xstrdup("");
  for (size_t i = 0; i < n; i++) {
    char *more = dl_strdup_printf("%s%s\n", key, chain[i]->path);
    free(key);
    key = more;
  }
  dl_profile *p = dl_strmap_get(&ps->by_chain, key, strlen(key));
  if (p) {
    free(chain);
  } else {
    p = S_build(ps, chain, n);
    bool added;
    dl_strmap_put(&ps->by_chain, key, strlen(key), &added)->value = p;
  }
  free(key);
  return p;
}

dl_profile *dl_profiles_for_dir(dl_profiles *ps, const char *dir) {
  dl_profile *p = dl_strmap_get(&ps->by_dir, dir, strlen(dir));
  if (p)
    return p;
  dl_config **found = NULL;
  size_t nfound = 0;
  if (ps->o->config_path) {
    char real[PATH_MAX];
    const char *path = realpath(ps->o->config_path, real) ? real
                                                          : ps->o->config_path;
    found = dl_xcalloc(1, sizeof *found);
    found[nfound++] = S_config(ps, path, false);
  } else if (!ps->o->no_config) {
    char real[PATH_MAX];
    if (realpath(*dir ? dir : ".", real))
      nfound = S_discover(ps, real, &found);
  }
  p = S_for_chain(ps, found, nfound);
  free(found);
  bool added;
  dl_strmap_put(&ps->by_dir, dir, strlen(dir), &added)->value = p;
  return p;
}

dl_profile *dl_profiles_for(dl_profiles *ps, const char *path, bool stdin_) {
  const char *slash = path ? strrchr(path, '/') : NULL;
  if (stdin_ && (!path || !ps->o->stdin_name))
    slash = NULL; /* standard input with no name: the current folder */
  char *dir = !slash ? dl_xstrdup(".")
              : slash == path ? dl_xstrdup("/")
                              : dl_xstrndup(path, (size_t)(slash - path));
  dl_profile *p = dl_profiles_for_dir(ps, dir);
  free(dir);
  return p;
}

/* ---- ignore globs ---- */

/* Matches glob segments against path segments; "**" is any number of
 * folders, and a glob that matches a folder covers everything below it. */
static bool S_segments(char **g, size_t ng, char **s, size_t ns) {
  if (ng == 0)
    return true;
  if (strcmp(g[0], "**") == 0) {
    for (size_t k = 0; k <= ns; k++)
      if (S_segments(g + 1, ng - 1, s + k, ns - k))
        return true;
    return false;
  }
  if (ns == 0 || fnmatch(g[0], s[0], 0) != 0)
    return false;
  return S_segments(g + 1, ng - 1, s + 1, ns - 1);
}

static size_t S_split_path(char *path, char ***out) {
  size_t n = 0, cap = 0;
  *out = NULL;
  for (char *save = NULL, *t = strtok_r(path, "/", &save); t;
       t = strtok_r(NULL, "/", &save))
    S_push(out, &n, &cap, sizeof t, &t);
  return n;
}

/* `rel` is the file's path below the configuration's folder. */
static bool S_glob_matches(const char *glob, const char *rel) {
  char *r = dl_xstrdup(rel);
  char **rs;
  size_t nr = S_split_path(r, &rs);
  bool match = false;
  if (!strchr(glob, '/')) { /* a name: at any depth, as in .gitignore */
    for (size_t i = 0; i < nr && !match; i++)
      match = fnmatch(glob, rs[i], 0) == 0;
  } else {
    char *g = dl_xstrdup(glob);
    char **gs;
    size_t ng = S_split_path(g, &gs);
    match = ng > 0 && S_segments(gs, ng, rs, nr);
    free(gs);
    free(g);
  }
  free(rs);
  free(r);
  return match;
}

bool dl_profile_ignores(const dl_profile *p, const char *path,
                        const dl_ignore **why) {
  if (!p->nignores)
    return false;
  const char *slash = strrchr(path, '/');
  char *dir = !slash ? dl_xstrdup(".")
              : slash == path ? dl_xstrdup("/")
                              : dl_xstrndup(path, (size_t)(slash - path));
  char real[PATH_MAX];
  bool ok = realpath(dir, real) != NULL;
  free(dir);
  if (!ok)
    return false;
  char *abs = dl_strdup_printf("%s/%s", strcmp(real, "/") ? real : "",
                               slash ? slash + 1 : path);
  bool ignored = false;
  for (size_t i = 0; i < p->nignores && !ignored; i++) {
    const dl_ignore *ig = &p->ignores[i];
    char base[PATH_MAX];
    if (!realpath(ig->from->dir, base))
      continue;
    size_t n = strlen(base);
    if (strcmp(base, "/") == 0)
      n = 0;
    if (strncmp(abs, base, n) != 0 || abs[n] != '/')
      continue;
    const char *glob = ig->glob[0] == '/' ? ig->glob + 1 : ig->glob;
    if (S_glob_matches(glob, abs + n + 1)) {
      ignored = true;
      if (why)
        *why = ig;
    }
  }
  free(abs);
  return ignored;
}

/* ---- the run's view ---- */

char *const *dl_profiles_errors(const dl_profiles *ps, size_t *count) {
  *count = ps->nerrors;
  return ps->errors;
}

dl_profile *const *dl_profiles_all(const dl_profiles *ps, size_t *count) {
  *count = ps->nprofiles;
  return ps->profiles;
}

char *dl_profiles_check_names(const dl_profiles *ps) {
  const dl_options *o = ps->o;
  for (size_t i = 0; i < o->nunknown_rules; i++) {
    const char *name = o->unknown_rules[i];
    bool known = false;
    for (size_t k = 0; k < ps->nprofiles && !known; k++)
      known = dl_settings_severity(&ps->profiles[k]->settings, name, NULL) != NULL;
    if (known)
      continue;
    char *names = dl_rule_names();
    dl_strmap seen;
    dl_strmap_init(&seen);
    for (size_t k = 0; k < ps->nprofiles; k++) {
      for (size_t j = 0; j < ps->profiles[k]->npatterns; j++) {
        const char *pn = ps->profiles[k]->patterns[j]->name;
        bool added;
        dl_strmap_put(&seen, pn, strlen(pn), &added);
        if (!added)
          continue;
        char *more = dl_strdup_printf("%s, %s", names, pn);
        free(names);
        names = more;
      }
    }
    dl_strmap_free(&seen);
    char *msg = dl_strdup_printf("unknown rule '%s'; valid rules: %s", name,
                                 names);
    free(names);
    return msg;
  }
  return NULL;
}

void dl_profiles_free(dl_profiles *ps) {
  if (!ps)
    return;
  for (size_t i = 0; i < ps->nprofiles; i++) {
    dl_profile *p = ps->profiles[i];
    dl_engine_fini(&p->engine);
    dl_settings_free(&p->settings);
    free(p->engine_error);
    dl_templates_free(&p->templates);
    free(p->chain);
    free(p->patterns);
    for (size_t k = 0; k < p->nignores; k++)
      free(p->ignores[k].owned);
    free(p->ignores);
    for (size_t k = 0; k < p->norigins; k++) {
      free(p->origins[k].key);
      free(p->origins[k].value);
      free(p->origins[k].source);
    }
    free(p->origins);
    free(p);
  }
  free(ps->profiles);
  dl_load_cache_free(&ps->cache);
  for (size_t i = 0; i < ps->nconfigs; i++)
    dl_config_free(ps->configs[i]);
  free(ps->configs);
  for (size_t i = 0; i < ps->nerrors; i++)
    free(ps->errors[i]);
  free(ps->errors);
  dl_strmap_free(&ps->config_by_path);
  dl_strmap_free(&ps->by_dir);
  dl_strmap_free(&ps->by_chain);
  dl_strmap_free(&ps->seen_errors);
  free(ps);
}
