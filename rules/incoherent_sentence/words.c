/*
 * words.c: the closed word lists of incoherent-sentence (words.h).
 */
#include "incoherent_sentence/words.h"

bool dl_incoh_listed(const dl_token *t, const char *const *list) {
  for (; *list; list++)
    if (dl_incoh_is(t, *list))
      return true;
  return false;
}

/* ---- fragment ------------------------------------------------------------ */

/* Subordinators that start a fragment when nothing follows the clause.
 * "Because" and "though" also start deliberate fragments (an answer, an
 * afterthought), so strict leaves them to proofread. */
const char *const dl_incoh_sub_strict[] = {"when", "while", "whereas",
                                           "unless", "once", "whenever",
                                           "although", NULL};
const char *const dl_incoh_sub_proofread[] = {"if", "since", "until",
                                              "because", "though", "after",
                                              "before", NULL};

/* Verbs that take a gerund ("stop thinking"): after a subordinator, one of
 * them before an -ing form is an imperative, where another noun-or-verb
 * word is a compound's first noun ("When design thinking fails"). */
const char *const dl_incoh_gerund_verbs[] = {"stop", "start", "keep", "quit",
                                             "try", "avoid", "begin", NULL};

/* ---- false question --------------------------------------------------- */

/* Words that make a statement a question when they end it ("..., right?"). */
const char *const dl_incoh_tags[] = {"right", "no", "ok", "okay", "yes",
                                     "huh", "eh", "correct", "true", "yeah",
                                     "anyone", "really", "not", "either",
                                     NULL};

/* Openings of a question the writer means although it states: hedges
 * and follow-ups ("Maybe they are incompetent?", "Because it is easy?",
 * "Even as a thought?"), and thinking aloud ("I think that is what you
 * mean?"). */
const char *const dl_incoh_hedges[] = {
    "maybe",  "perhaps", "probably", "possibly", "surely", "really",
    "so",     "then",    "now",      "still",    "again",  "also",
    "even",   "just",    "only",     "already",  "yet",    "because",
    "unless", "until",   "like",     "than",     "not",    "together",
    "besides", "plus",   "instead",  "otherwise", NULL};
const char *const dl_incoh_musing[] = {
    "think",  "guess", "suppose", "wonder", "mean", "assume", "imagine",
    "bet",    "hope",  "reckon",  "gather", "presume", "take", "figure",
    "doubt",  "believe", "expect", "feel",  "wish",  "sense", NULL};

/* ---- repeated word ---------------------------------------------------- */

/* Words that writers do double on purpose. */
const char *const dl_incoh_doubles[] = {"that", "had", "very", "really",
                                        "so", "no", "ha", "bye", "is",
                                        "do", "more", "yeah", "go", "blah", "ok", "okay",
                                        "la", "ho", "knock", "well", "many",
                                        "far", "over", NULL};

/* ---- splices that grammar alone gives away ----------------------------- */

/* Words that take "to" only before a verb: "tempting to do", never
 * "tempting to the last one".  A determiner after their "to" means the verb
 * was cut away, as a splice cuts it. */
const char *const dl_incoh_want_verb[] = {
    "tempting", "eager", "willing", "unwilling", "reluctant", "hesitant",
    "unable", "try", "tries", "tried", "trying", "decide", "decides",
    "decided", "seem", "seems", "seemed", "manage", "manages", "managed",
    "refuse", "refuses", "refused", "pretend", "pretends", "pretended",
    "intend", "intends", "intended", "attempt", "attempts", "attempted",
    "hoping", "plans", "planning", "struggle", "struggles", "struggled",
    "struggling", "needs", NULL};

/* What may follow "to" as an idiom, not a noun phrase: "to the point",
 * "to some extent". */
const char *const dl_incoh_to_idioms[] = {
    "best", "extent", "point", "degree", "end", "max", "fullest", "core",
    "letter", "hilt", "fore", "detriment", "exclusion", "benefit", "tune",
    "contrary", "tee", "most", NULL};

/* Determiners that must be followed by their noun phrase.  ("his" and
 * "her" also stand alone, "each" and "another" are pronouns too, "no"
 * answers.) */
const char *const dl_incoh_determiners[] = {
    "the", "a", "an", "every", "my", "your", "our", "their", "its", NULL};

/* Nouns in -s that are singular ("a species"). */
const char *const dl_incoh_singular_s[] = {
    "species", "series", "means", "news", "lens", "politics", "physics",
    "economics", "mathematics", "ethics", "analytics", "basis", "crisis",
    "thesis", "analysis", "diagnosis", "process", "status", "bus", "bonus",
    "campus", "census", "chaos", "canvas", "consensus", "focus", "genius",
    "hiatus", "virus", "corpus", NULL};

/* Words after which a modal comes before its subject ("So will the next
 * one", "Only then can we", "more than can the old one"). */
const char *const dl_incoh_inverting[] = {
    "so",   "only",   "never",  "rarely",  "seldom", "neither", "nor",
    "then", "thus",   "hardly", "little",  "nowhere", "as",     "too",
    "than", NULL};

/* Verbs that cannot end a sentence after "to" without their object:
 * "We're trying to accomplish." lost what it accomplishes. */
const char *const dl_incoh_needs_object[] = {
    "accomplish", "achieve", "describe", "include", "identify", "define",
    "establish", "obtain", "acquire", "require", "enable", "address",
    "provide", "convey", "emphasize", "highlight", "mention", "specify",
    "undermine", "prioritize", "articulate", NULL};
