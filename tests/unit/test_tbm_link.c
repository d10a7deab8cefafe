/* test_tbm_link.c: each kind of broken TBM link, bad and good, and the fix
 * each finding carries (applied to the draft, as --fix would). */
#include "unit.h"

#include <stdio.h>

#include "fix/fix.h"

#define R "tbm-link"
#define CAT "tbm-link.catalog=rules/data/tbm-posts.csv"
#define P "https://cutlefish.substack.com/p/"
#define Y2020 "https://johnpcutler.github.io/tbm2020/#"

/* "line:col:kind" of each finding. */
static char *S_found(const char *md) {
  dl_diag_list list;
  unit_lint(md, R, CAT, &list);
  dl_doc *doc = unit_doc(md);
  char *s = dl_xstrdup("");
  for (size_t i = 0; i < list.len; i++) {
    size_t line, col;
    dl_doc_locate(doc, list.items[i].start, &line, &col);
    char *more = dl_strdup_printf("%s%s%zu:%zu:%s", s, i ? "," : "", line, col,
                                  list.items[i].kind);
    free(s);
    s = more;
  }
  dl_doc_free(doc);
  dl_diag_list_free(&list);
  return s;
}

/* The draft with every fix applied. */
static char *S_fixed(const char *md) {
  dl_diag_list list;
  unit_lint(md, R, CAT, &list);
  const dl_fix **fixes;
  size_t n = dl_fix_select(&list, strlen(md), &fixes), len;
  char *out = dl_fix_apply(md, strlen(md), fixes, n, &len);
  free(fixes);
  dl_diag_list_free(&list);
  return out;
}

/* The message of the only finding. */
static char *S_message(const char *md) {
  dl_diag_list list;
  unit_lint(md, R, CAT, &list);
  char *s = dl_xstrdup(list.len == 1 ? list.items[0].message : "(not one)");
  dl_diag_list_free(&list);
  return s;
}

#define assert_found(md, expected)                                             \
  do {                                                                         \
    char *got_ = S_found(md);                                                  \
    assert_string_equal(got_, expected);                                       \
    free(got_);                                                                \
  } while (0)

#define assert_fixed(md, expected)                                             \
  do {                                                                         \
    char *got_ = S_fixed(md);                                                  \
    assert_string_equal(got_, expected);                                       \
    free(got_);                                                                \
  } while (0)

#define assert_message(md, expected)                                           \
  do {                                                                         \
    char *got_ = S_message(md);                                                \
    assert_string_equal(got_, expected);                                       \
    free(got_);                                                                \
  } while (0)

#define HFF "Healthy Forcing Functions (and Paying Attention)"
#define HFF_URL P "tbm-3053-healthy-forcing-functions"
#define TSF_URL P "tbm-242-the-simplicity-fetish"

static void number_and_title_disagree(void **state) {
  (void)state;
  const char *bad = "See [TBM 37/53: " HFF "](" HFF_URL ").\n";
  assert_found(bad, "1:5:number-title");
  assert_fixed(bad, "See [TBM 30/53: " HFF "](" HFF_URL ").\n");
  assert_message(bad, "'TBM 37/53: " HFF "' has the wrong number: '" HFF
                      "' is TBM 30/53, and TBM 37/53 is 'Talk to Your "
                      "Manager, Take the Survey'; the right link is [TBM "
                      "30/53: " HFF "](" HFF_URL ")");
  /* the number and the URL say one post, the title another: no guess */
  const char *both = "[TBM 37/53: " HFF "](" P "tbm-3753-talk-to-your-manager-take)\n";
  assert_found(both, "1:1:number-title");
  assert_fixed(both, both);
  /* a number no post has, on a post's link: the URL decides */
  assert_fixed("[TBM 999](" TSF_URL ")\n", "[TBM 242](" TSF_URL ")\n");
  /* good: numbers repeat across series; the title decides */
  assert_found("[TBM 30/53: " HFF "](" HFF_URL ")\n", "");
  assert_found("[TBM 28/53: Words Before Numbers (North Star Statement "
               "Exercise)](" P "tbm-2853-words-before-numbers-north) and [TBM "
               "28/53: Developer & Designer Collaboration (in the Real "
               "World)](" P "tbm-2853-developer-and-designer-collaboration)\n",
               "");
  /* good: a misspelt prefix, a missing one, a number with a letter */
  assert_found("[TMB 40/53: 10 Tips for Sustainable Change Agency](" P
               "tmb-4053-10-tips-for-sustainable) [32/52: Telephone Game!](" P
               "3252-telephone-game) [TBM 45A/52: Simplicity Is a Tactic, Not "
               "a Goal](" P "45a52-simplicity-is-a-tactic-not)\n",
               "");
  /* good: the title as writers type it */
  assert_found("[TBM 21/53: “Vision” & Prescriptive Roadmaps](" P
               "tbm-2153-vision-and-prescriptive) [tbm 30/53: healthy forcing "
               "functions](" HFF_URL ")\n",
               "");
}

static void url_is_not_the_posts(void **state) {
  (void)state;
  const char *generic = "- [TBM 242: The Simplicity Fetish](https://substack.com/) x\n";
  assert_found(generic, "1:3:generic-host");
  assert_fixed(generic, "- [TBM 242: The Simplicity Fetish](" TSF_URL ") x\n");
  assert_found("[TBM 242: The Simplicity Fetish](https://cutlefish.substack.com/archive)\n",
               "1:1:generic-host");
  /* two posts share the number and no title says which: no fix */
  const char *two = "[TBM 303](https://substack.com/)\n";
  assert_found(two, "1:1:generic-host");
  assert_fixed(two, two);

  const char *other = "[TBM 242: The Simplicity Fetish](" P
                      "tbm-245-the-magic-prioritization)\n";
  assert_found(other, "1:1:other-post");
  assert_fixed(other, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n");
  /* a lone number against another post's URL: either may be wrong */
  const char *lone = "[TBM 242](" P "tbm-245-the-magic-prioritization)\n";
  assert_found(lone, "1:1:other-post");
  assert_fixed(lone, lone);

  const char *slug = "[TBM 242: The Simplicity Fetish](" P "tbm-242-simplicity-fetish)\n";
  assert_found(slug, "1:1:unknown-slug");
  assert_fixed(slug, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n");
  const char *autolink = "<" P "tbm-999-not-yet>\n";
  assert_found(autolink, "1:1:unknown-slug");
  assert_fixed(autolink, autolink);

  const char *away = "[TBM 242: The Simplicity Fetish](https://medium.com/@john/x)\n";
  assert_found(away, "1:1:elsewhere");
  assert_fixed(away, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n");

  /* good: every form of the post's own address */
  assert_found("[TBM 242: The Simplicity Fetish](http://cutlefish.substack.com/"
               "p/tbm-242-the-simplicity-fetish) "
               "[TBM 242: The Simplicity Fetish](https://www.cutlefish.substack."
               "com/p/tbm-242-the-simplicity-fetish/) "
               "[TBM 242: The Simplicity Fetish](" TSF_URL "?utm_source=x&r=1) "
               "[TBM 242: The Simplicity Fetish](" TSF_URL "#footnote-1) "
               "[TBM 242: The Simplicity Fetish](" P
               "TBM-242-The-Simplicity-Fetish) "
               "[TBM 242: The Simplicity Fetish](https://open.substack.com/pub/"
               "cutlefish/p/tbm-242-the-simplicity-fetish?r=2) "
               "[TBM 242: The Simplicity Fetish](https://substack.com/home/post/"
               "p-136913485)\n",
               "");
  /* good: what is not a TBM link */
  assert_found("I wrote TBM 242 last year. [Hammers & Nails](https://en."
               "wikipedia.org/wiki/Law_of_the_instrument) [The Beautiful "
               "Mess](https://cutlefish.substack.com/) [going deep](" TSF_URL
               ") [a post](https://lenny.substack.com/p/tbm-242-x)\n",
               "");
}

static void malformed_citations(void **state) {
  (void)state;
  const char *open = "-   [TBM 37/53: " HFF "\n";
  assert_found(open, "1:5:unclosed-bracket");
  assert_fixed(open, "-   [TBM 30/53: " HFF "](" HFF_URL ")\n");
  const char *open_more = "Read [TBM 242: The Simplicity Fetish and more.\n";
  assert_found(open_more, "1:6:unclosed-bracket");
  assert_fixed(open_more, "Read [TBM 242: The Simplicity Fetish](" TSF_URL
                          ") and more.\n");

  /* an escaped backslash leaves the bracket a bracket */
  assert_found("A \\\\[TBM 242: The Simplicity Fetish] here.\n", "1:5:no-url");
  const char *bare = "> [TBM 242: The Simplicity Fetish] is good.\n";
  assert_found(bare, "1:3:no-url");
  assert_fixed(bare, "> [TBM 242: The Simplicity Fetish](" TSF_URL ") is good.\n");
  const char *spaced = "[TBM 242: The Simplicity Fetish](" P "tbm 242)\n";
  assert_found(spaced, "1:1:no-url");
  assert_fixed(spaced, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n");
  const char *empty = "[TBM 242: The Simplicity Fetish]()\n";
  assert_found(empty, "1:1:no-url");
  assert_fixed(empty, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n");

  const char *ref = "## [TBM 9/53: Some MVP and Experiment Tips][tips]\n";
  assert_found(ref, "1:4:missing-definition");
  assert_fixed(ref, "## [TBM 9/53: Some MVP and Experiment Tips](" P
                    "tbm-953-some-mvp-and-experiment-tips)\n");

  const char *blank = "Also [](" TSF_URL ").\n";
  assert_found(blank, "1:6:empty-text");
  assert_fixed(blank, "Also [TBM 242: The Simplicity Fetish](" TSF_URL ").\n");

  const char *img = "![](" Y2020 "tbm-37-53-self-similarity-and-manager-leader-"
                    "accountability-for-cross-functional-teams)\n";
  assert_found(img, "1:1:image-syntax");
  assert_fixed(img, "[TBM 36/53: Self-similarity and Manager/Leader "
                    "Accountability (for Cross-functional Teams)](" Y2020
                    "tbm-36-53-self-similarity-and-manager-leader-"
                    "accountability-for-cross-functional-teams)\n");
  const char *alt = "![TBM 242: The Simplicity Fetish](" TSF_URL ")\n";
  assert_fixed(alt, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n");

  /* good: brackets the writer means, code, escapes, defined references */
  assert_found("\\[TBM 242: The Simplicity Fetish and `[TBM 242: x` and "
               "[TBM] and [TBM in 2023] and [1/2 of it] and [x](y)\n\n"
               "[TBM 9/53: Some MVP and Experiment Tips][tips]\n\n"
               "[tips]: " P "tbm-953-some-mvp-and-experiment-tips\n\n"
               "![chart](https://substackcdn.com/image/x.png) [](https://"
               "example.com)\n",
               "");
}

static void anchors_on_the_2020_page(void **state) {
  (void)state;
  const char *bad = "[Direct link to this post](" Y2020 "tbm-22-53-hammers-nails)\n";
  assert_found(bad, "1:1:anchor-number");
  assert_fixed(bad, "[Direct link to this post](" Y2020 "tbm-10-53-hammers-nails)\n");
  assert_message(bad, "the anchor #tbm-22-53-hammers-nails says TBM 22/53, but "
                      "'Hammers & Nails' is TBM 10/53; the right URL is " Y2020
                      "tbm-10-53-hammers-nails");
  const char *lost = "[the 2020 post](" Y2020 "tbm-10-53-hammers-and-screws)\n";
  assert_found(lost, "1:1:anchor-unknown");
  assert_fixed(lost, lost);
  /* a text that names the post tells where the link should go */
  assert_fixed("[TBM 10/53: Hammers & Nails](" Y2020 "tbm-10-53-hammers-and-screws)\n",
               "[TBM 10/53: Hammers & Nails](" P "tbm-1053-hammers-and-nails)\n");
  /* good */
  assert_found("[TBM 10/53: Hammers & Nails](" Y2020 "tbm-10-53-hammers-nails) "
               "[this one](" Y2020 "tbm-10-53-hammers-and-nails) [the whole "
               "2020 series](https://johnpcutler.github.io/tbm2020/)\n",
               "");
}

static void everywhere_a_writer_puts_them(void **state) {
  (void)state;
  assert_found("# Title\n\n1. one\n2. [TBM 242: The Simplicity Fetish](https://"
               "substack.com/)\n",
               "4:4:generic-host");
  assert_found("> quoted\n> [TBM 242: The Simplicity Fetish](https://substack.com/)\n",
               "2:3:generic-host");
  const char *heading = "## Read **[TBM 242: The *Simplicity* Fetish](https://"
                        "substack.com/)** now\n";
  assert_found(heading, "1:11:generic-host");
  assert_fixed(heading, "## Read **[TBM 242: The *Simplicity* Fetish](" TSF_URL
                        ")** now\n");
  /* a reference whose definition points elsewhere: the definition is
   * mended (reference_definitions) */
  const char *ref = "See [TBM 242: The Simplicity Fetish][ts].\n\n[ts]: "
                    "https://substack.com/\n";
  assert_found(ref, "1:5:generic-host");
  assert_fixed(ref, "See [TBM 242: The Simplicity Fetish][ts].\n\n[ts]: "
                    TSF_URL "\n");
  /* a lazy continuation line: cmark places its inlines as if indented
   * like the list item or quote; the finding and fix are where they are */
  const char *lazy = "- first\n[TBM 242: The Simplicity Fetish](https://substack."
                     "com/)\n> quote\n[TBM 242](https://substack.com/ \"t\")\n";
  assert_found(lazy, "2:1:generic-host,4:1:generic-host");
  assert_fixed(lazy, "- first\n[TBM 242: The Simplicity Fetish](" TSF_URL
                     ")\n> quote\n[TBM 242](" TSF_URL " \"t\")\n");
  /* columns count characters */
  assert_found("Café — [TBM 242: The Simplicity Fetish](https://substack.com/)\n",
               "1:8:generic-host");
}

/* Link text wrapped over lines: cmark gives the link its closing line as
 * its start line; the finding is at the '[' and the fix is the one-line
 * link's, with the writer's line breaks (and a quote's "> ") kept. */
static void wrapped_link_text(void **state) {
  (void)state;
  const char *two = "Read [TBM 243: The\nSimplicity Fetish](" TSF_URL ").\n";
  assert_found(two, "1:6:number-title");
  assert_fixed(two, "Read [TBM 242: The\nSimplicity Fetish](" TSF_URL ").\n");
  const char *generic = "Read [TBM 242: The\nSimplicity Fetish](https://"
                        "substack.com/).\n";
  assert_found(generic, "1:6:generic-host");
  assert_fixed(generic, "Read [TBM 242: The\nSimplicity Fetish](" TSF_URL ").\n");
  const char *three = "Read [TBM 243: The\nSimplicity\nFetish](" TSF_URL ").\n";
  assert_found(three, "1:6:number-title");
  assert_fixed(three, "Read [TBM 242: The\nSimplicity\nFetish](" TSF_URL ").\n");
  const char *item = "- Read [TBM 243: The\n  Simplicity Fetish](" TSF_URL ").\n";
  assert_found(item, "1:8:number-title");
  assert_fixed(item, "- Read [TBM 242: The\n  Simplicity Fetish](" TSF_URL ").\n");
  const char *quote = "> Read [TBM 242: The\n> Simplicity Fetish](https://"
                      "substack.com/).\n";
  assert_found(quote, "1:8:generic-host");
  assert_fixed(quote, "> Read [TBM 242: The\n> Simplicity Fetish](" TSF_URL ").\n");
  const char *image = "Read ![TBM 242: The\nSimplicity Fetish](" TSF_URL ").\n";
  assert_found(image, "1:6:image-syntax");
  assert_fixed(image, "Read [TBM 242: The\nSimplicity Fetish](" TSF_URL ").\n");
  assert_message(image, "'![TBM 242: The Simplicity Fetish](https://cutlefish."
                        "substack.com/p/tbm...' uses image syntax for a page, "
                        "so readers see a broken image, not a link; the right "
                        "link is [TBM 242: The Simplicity Fetish](" TSF_URL ")");
  const char *quoted_image = "> Read ![TBM 242: The\n> Simplicity Fetish](" TSF_URL ").\n";
  assert_found(quoted_image, "1:8:image-syntax");
  assert_fixed(quoted_image, "> Read [TBM 242: The\n> Simplicity Fetish](" TSF_URL ").\n");
  /* the text is only a line break: the title replaces it */
  const char *blank = "> Also [\n> ](" TSF_URL ") x\n";
  assert_found(blank, "1:8:empty-text");
  assert_fixed(blank, "> Also [TBM 242: The Simplicity Fetish](" TSF_URL ") x\n");
  const char *ref = "See [TBM 242: The\nSimplicity Fetish][ts].\n\n[ts]: "
                    "https://substack.com/\n";
  assert_found(ref, "1:5:generic-host");
  assert_fixed(ref, "See [TBM 242: The\nSimplicity Fetish][ts].\n\n[ts]: "
                    TSF_URL "\n");
  /* a lazy continuation line */
  const char *lazy = "- first\n[TBM 242: The\nSimplicity Fetish](https://"
                     "substack.com/)\n";
  assert_found(lazy, "2:1:generic-host");
  assert_fixed(lazy, "- first\n[TBM 242: The\nSimplicity Fetish](" TSF_URL ")\n");
  /* an opener at the same column on the line above is another bracket */
  const char *above = "- [TBM 37/53: " HFF "\n[Direct link](" Y2020
                      "tbm-22-53-hammers-nails)\n";
  assert_found(above, "1:3:unclosed-bracket,2:1:anchor-number");
  /* good: wrapped the right way */
  assert_found("Read [TBM 242: The\nSimplicity Fetish](" TSF_URL ") and\n"
               "> [TBM 30/53: Healthy Forcing\n> Functions](" HFF_URL ")\n",
               "");
}

/* "[Whole Title][x]" whose [x] is defined nowhere: caught like the
 * numbered form, where the title is one post's alone. */
static void title_only_reference(void **state) {
  (void)state;
  const char *bad = "See [The Simplicity Fetish][x] now.\n";
  assert_found(bad, "1:5:missing-definition");
  assert_fixed(bad, "See [The Simplicity Fetish](" TSF_URL ") now.\n");
  assert_message(bad, "'[The Simplicity Fetish]' uses the reference [x], which "
                      "is never defined, so readers see brackets and no link; "
                      "the right URL is " TSF_URL);
  const char *folded = "> See [the *simplicity* fetish][].\n";
  assert_found(folded, "1:7:missing-definition");
  assert_fixed(folded, "> See [the *simplicity* fetish](" TSF_URL ").\n");
  /* good: a phrase, a part of a title, a title two posts share or one
   * that another post has without its (Part 2), a defined reference, no
   * reference at all, code */
  assert_found("[going deep][x] [Going Deep][x] [Healthy Forcing "
               "Functions][x] [Think Big, Work Small][x] [Minimally Viable "
               "Consistency][x] [The Simplicity Fetish][ok] [The Simplicity "
               "Fetish] `[The Simplicity Fetish][x]` \\[The Simplicity "
               "Fetish][x]\n\n[ok]: " TSF_URL "\n",
               "");
}

/* A bare URL in prose: Substack makes it a link, so it is checked as an
 * autolink is; the autolink's anchor gets its fix too. */
static void bare_urls(void **state) {
  (void)state;
  const char *bad = "See " Y2020 "tbm-22-53-hammers-nails today.\n";
  assert_found(bad, "1:5:anchor-number");
  assert_fixed(bad, "See " Y2020 "tbm-10-53-hammers-nails today.\n");
  const char *auto_ = "See <" Y2020 "tbm-22-53-hammers-nails> today.\n";
  assert_found(auto_, "1:5:anchor-number");
  assert_fixed(auto_, "See <" Y2020 "tbm-10-53-hammers-nails> today.\n");
  const char *end = "> (" Y2020 "tbm-22-53-hammers-nails).\n";
  assert_found(end, "1:4:anchor-number");
  assert_fixed(end, "> (" Y2020 "tbm-10-53-hammers-nails).\n");
  assert_found("# Read " P "tbm-999-not-yet, and " Y2020
               "tbm-10-53-hammers-and-screws.\n",
               "1:8:unknown-slug,1:62:anchor-unknown");
  /* the message speaks of the address, not of a link */
  assert_message("Read " P "tbm-999-not-yet.\n",
                 "the address " P "tbm-999-not-yet is not a post of the "
                 "newsletter: no post in the catalog has the slug "
                 "'tbm-999-not-yet'; check the address against the catalog, "
                 "or point --catalog at a newer export if the post is new");
  assert_message("(see " P "tbm-309-zombies)\n",
                 "the address " P "tbm-309-zombies is not a post of the "
                 "newsletter: no post in the catalog has the slug "
                 "'tbm-309-zombies'; check the address against the catalog, "
                 "or point --catalog at a newer export if the post is new");
  /* ...and a real link's messages are as they were */
  assert_message("<" P "tbm-999-not-yet>\n",
                 "a link links to " P "tbm-999-not-yet, but no post in the "
                 "catalog has the slug 'tbm-999-not-yet'; check the link "
                 "against the catalog, or point --catalog at a newer export "
                 "if the post is new");
  assert_message("[TBM 242: The Simplicity Fetish](" P "tbm-999-not-yet)\n",
                 "'TBM 242: The Simplicity Fetish' links to " P "tbm-999-not-"
                 "yet, but no post in the catalog has the slug 'tbm-999-not-"
                 "yet'; the right link is [TBM 242: The Simplicity Fetish](" TSF_URL ")");
  assert_message("See " Y2020 "tbm-10-53-hammers-and-screws.\n",
                 "the anchor #tbm-10-53-hammers-and-screws names no post of "
                 "the 2020 series; check the address against the catalog, or "
                 "point --catalog at a newer export if the post is new");
  /* good: right addresses, code, links, other hosts, a URL inside a word,
   * the (url) of a link that did not parse (no-url says it) */
  assert_found("See " TSF_URL "?utm_source=x, " Y2020 "tbm-10-53-hammers-"
               "nails. `" P "tbm-999-x` [" P "tbm-999-y](https://example.com) "
               "https://lenny.substack.com/p/tbm-999 xhttps://" "cutlefish."
               "substack.com/p/zzz https://cutlefish.substack.com/\n",
               "");
  assert_found("[TBM 242: The Simplicity Fetish](" P "tbm 242)\n", "1:1:no-url");
}

#define ZP_URL P "tbm-309-zombie-practices-and-processes"
#define ZP "Zombie Practices and Processes"

/* A link around an image: readers click the image, so the link is not
 * empty, and no fix may take the image away. */
static void links_around_images(void **state) {
  (void)state;
  /* good: a picture or inline HTML linked to the post or elsewhere; the
   * alt text describes the picture and names no post */
  const char *quiet = "[![Zombie](https://substackcdn.com/x.png)](" ZP_URL ")\n\n"
                      "- [![](../images/x.png)](" ZP_URL ")\n\n"
                      "> [![ ](x.png)\n> ](" ZP_URL ")\n\n"
                      "[<img src=\"x.png\">](" ZP_URL ") "
                      "[![x](a.png)](https://substack.com/) "
                      "[![TBM 242: The Simplicity Fetish](a.png)](https://"
                      "substack.com/) [![TBM 309](a.png)](" TSF_URL ")\n";
  assert_found(quiet, "");
  assert_fixed(quiet, quiet);
  /* bad: what is wrong with the URL itself is still said, and a fix
   * touches only the URL */
  const char *slug = "[![Zombie](x.png)](" P "tbm-309-zombies)\n";
  assert_found(slug, "1:1:unknown-slug");
  assert_fixed(slug, slug);
  assert_message(slug, "the image links to " P "tbm-309-zombies, but no post "
                       "in the catalog has the slug 'tbm-309-zombies'; check "
                       "the link against the catalog, or point --catalog at a "
                       "newer export if the post is new");
  const char *anchor = "[![](x.png)](" Y2020 "tbm-22-53-hammers-nails)\n";
  assert_found(anchor, "1:1:anchor-number");
  assert_fixed(anchor, "[![](x.png)](" Y2020 "tbm-10-53-hammers-nails)\n");
  /* bad: text beside the image names the post; the image stays */
  const char *beside = "[![](x.png) TBM 242: The Simplicity Fetish](https://"
                       "substack.com/)\n";
  assert_found(beside, "1:1:generic-host");
  assert_fixed(beside, "[![](x.png) TBM 242: The Simplicity Fetish](" TSF_URL
                       ")\n");
  /* bad: empty text whose source is not blank keeps its finding, not a fix
   * that would delete what is there */
  const char *entity = "[&#32;](" TSF_URL ")\n";
  assert_found(entity, "1:1:empty-text");
  assert_fixed(entity, entity);
  /* bad: an image of a post's page inside a link; without its '!' it
   * would be a link inside a link, so no fix */
  const char *nested = "[![x](" TSF_URL ")](" TSF_URL ")\n";
  assert_found(nested, "1:2:image-syntax");
  assert_fixed(nested, nested);
}

/* The prefix as writers type it in a hurry: "tbm", "Tbm".  The number and
 * title must still read as a citation, and away from the newsletter's
 * URLs only a post's title makes one. */
static void prefix_in_any_case(void **state) {
  (void)state;
  const char *number = "See [tbm 310: zombie practices and processes](" ZP_URL ").\n";
  assert_found(number, "1:5:number-title");
  assert_fixed(number, "See [tbm 309: zombie practices and processes](" ZP_URL ").\n");
  const char *generic = "[tbm 309: zombie practices and processes](https://substack.com/)\n";
  assert_found(generic, "1:1:generic-host");
  assert_fixed(generic, "[tbm 309: zombie practices and processes](" ZP_URL ")\n");
  const char *both = "[Tbm 310: " ZP "](https://substack.com/)\n";
  assert_found(both, "1:1:number-title");
  assert_fixed(both, "[Tbm 309: " ZP "](" ZP_URL ")\n");
  assert_found("[tBm 242](https://substack.com/) [tbm 242: The Simplicity "
               "Fetish](https://medium.com/x)\n",
               "1:1:generic-host,1:34:elsewhere");
  const char *open = "Read [tbm 242: The Simplicity Fetish and more.\n";
  assert_found(open, "1:6:unclosed-bracket");
  assert_fixed(open, "Read [tbm 242: The Simplicity Fetish](" TSF_URL
                     ") and more.\n");
  assert_found("[tbm 242: The Simplicity Fetish] now\n", "1:1:no-url");
  /* good: lower case without a post's title, away from the newsletter;
   * the misspellings only in capitals; right links in any case */
  assert_found("[tbm 5](https://example.com/tunnel) [tbm 5] [tbm 12: the "
               "boring machine] [tbm 3 of 4](https://example.com) [tbd 242: "
               "The Simplicity Fetish](https://substack.com/) [bm 242](https:"
               "//substack.com/) [Tbm 309: " ZP "](" ZP_URL ") [tbms 242]("
               "https://substack.com/) [tbm242: x](https://example.com)\n",
               "");
}

/* A reference whose URL alone is wrong is mended on its definition's
 * line, once, when every link using that definition wants the same URL;
 * otherwise the definition is left alone and each finding keeps its own
 * fix (the link made inline), which moves no other link. */
static void reference_definitions(void **state) {
  (void)state;
  const char *two = "See [TBM 242: The Simplicity Fetish][s]. And again [TBM "
                    "242: The Simplicity Fetish][s].\n\n[s]: https://substack"
                    ".com/\n";
  assert_found(two, "1:5:generic-host,1:52:generic-host");
  assert_fixed(two, "See [TBM 242: The Simplicity Fetish][s]. And again [TBM "
                    "242: The Simplicity Fetish][s].\n\n[s]: " TSF_URL "\n");
  /* the same edit from both findings: one fix, no clash */
  dl_diag_list list;
  unit_lint(two, R, CAT, &list);
  assert_int_equal(list.len, 2);
  assert_non_null(list.items[0].fix);
  assert_non_null(list.items[1].fix);
  assert_int_equal(list.items[0].fix->start, list.items[1].fix->start);
  const dl_fix **fixes;
  assert_int_equal(dl_fix_select(&list, strlen(two), &fixes), 1);
  free(fixes);
  dl_diag_list_free(&list);
  /* collapsed and shortcut references, a label in another case, an
   * angle-bracketed destination on the next line, in a quote */
  assert_fixed("[TBM 242: The Simplicity Fetish][] and [TBM 242: The "
               "Simplicity Fetish]\n\n[tbm 242: the simplicity fetish]: "
               "https://substack.com/ \"t\"\n",
               "[TBM 242: The Simplicity Fetish][] and [TBM 242: The "
               "Simplicity Fetish]\n\n[tbm 242: the simplicity fetish]: "
               TSF_URL " \"t\"\n");
  assert_fixed("> [TBM 242: The Simplicity Fetish][S]\n>\n> [s]:\n"
               "<https://substack.com/>\n",
               "> [TBM 242: The Simplicity Fetish][S]\n>\n> [s]:\n<" TSF_URL
               ">\n");
  /* another post's URL, an unknown slug: the URL is what is wrong */
  assert_fixed("[TBM 242: The Simplicity Fetish][x]\n\n[x]: " P "tbm-309-"
               "zombie-practices-and-processes\n",
               "[TBM 242: The Simplicity Fetish][x]\n\n[x]: " TSF_URL "\n");
  /* two definitions with one wrong URL: each mended */
  assert_fixed("[TBM 242: The Simplicity Fetish][a] [TBM 309: " ZP "][b]\n\n"
               "[a]: https://substack.com/\n[b]: https://substack.com/\n",
               "[TBM 242: The Simplicity Fetish][a] [TBM 309: " ZP "][b]\n\n"
               "[a]: " TSF_URL "\n[b]: " ZP_URL "\n");
  /* uses that disagree: post A and post B, or a link that names no post;
   * the definition stays, each finding is made inline */
  const char *ab = "[TBM 242: The Simplicity Fetish][s] [TBM 309: " ZP "][s]\n"
                   "\n[s]: https://substack.com/\n";
  assert_found(ab, "1:1:generic-host,1:37:generic-host");
  assert_fixed(ab, "[TBM 242: The Simplicity Fetish](" TSF_URL ") [TBM 309: "
                   ZP "](" ZP_URL ")\n\n[s]: https://substack.com/\n");
  const char *plain = "[TBM 242: The Simplicity Fetish][s] and [home][s]\n\n"
                      "[s]: https://substack.com/\n";
  assert_fixed(plain, "[TBM 242: The Simplicity Fetish](" TSF_URL ") and "
                      "[home][s]\n\n[s]: https://substack.com/\n");
  /* a use with a wrong number keeps its fix, and so its partner does */
  assert_fixed("[TBM 243: The Simplicity Fetish][s] [TBM 242: The Simplicity "
               "Fetish][s]\n\n[s]: https://substack.com/\n",
               "[TBM 242: The Simplicity Fetish](" TSF_URL ") [TBM 242: The "
               "Simplicity Fetish](" TSF_URL ")\n\n[s]: https://substack.com/"
               "\n");
  /* "[s]:" written twice (the first wins in CommonMark, but which is
   * which is not worth a guess), or also in code: inline fixes */
  const char *twice = "[TBM 242: The Simplicity Fetish][s]\n\n[s]: https://"
                      "substack.com/\n[s]: https://substack.com/\n";
  assert_fixed(twice, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n\n[s]: "
                      "https://substack.com/\n[s]: https://substack.com/\n");
  const char *code = "[TBM 242: The Simplicity Fetish][s]\n\n    [s]: https://"
                     "substack.com/\n\n[S]: https://substack.com/\n";
  assert_fixed(code, "[TBM 242: The Simplicity Fetish](" TSF_URL ")\n\n    [s]: "
                     "https://substack.com/\n\n[S]: https://substack.com/\n");
}

static void the_catalog_is_loaded_once_and_errors_are_clear(void **state) {
  (void)state;
  dl_settings s;
  dl_settings_defaults(&s);
  char *error = NULL;
  assert_int_equal(dl_settings_assign(&s, "tbm-link.catalog=no/such.csv", &error), 0);
  dl_engine e;
  assert_int_equal(dl_engine_init(&e, &s, &error), -1);
  assert_string_equal(error, "no/such.csv: cannot read the TBM catalog: No "
                             "such file or directory");
  free(error);
  error = NULL;
  assert_int_equal(dl_settings_assign(&s, "tbm-link.catalog=", &error), -1);
  free(error);
  dl_settings_free(&s);
  /* without a path: the installed catalog, found through the data path */
  dl_settings_defaults(&s);
  setenv("DRAFTLINT_DATA_DIR", "rules/data", 1);
  assert_int_equal(dl_engine_init(&e, &s, &error), 0);
  dl_engine_fini(&e);
  dl_settings_free(&s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(number_and_title_disagree),
      cmocka_unit_test(url_is_not_the_posts),
      cmocka_unit_test(malformed_citations),
      cmocka_unit_test(anchors_on_the_2020_page),
      cmocka_unit_test(everywhere_a_writer_puts_them),
      cmocka_unit_test(wrapped_link_text),
      cmocka_unit_test(title_only_reference),
      cmocka_unit_test(bare_urls),
      cmocka_unit_test(links_around_images),
      cmocka_unit_test(prefix_in_any_case),
      cmocka_unit_test(reference_definitions),
      cmocka_unit_test(the_catalog_is_loaded_once_and_errors_are_clear),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
