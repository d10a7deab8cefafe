/*
 * words.c: the closed word lists of incoherent-sentence (words.h).
 */
#include "incoherent_sentence/words.h"

#include <pthread.h>

static pthread_mutex_t S_lock = PTHREAD_MUTEX_INITIALIZER;

void dl_incoh_list_prepare(dl_incoh_list *list) {
  pthread_mutex_lock(&S_lock);
  if (!atomic_load_explicit(&list->ready, memory_order_relaxed)) {
    size_t n = 0;
    for (; list->words[n]; n++)
      list->hash[n] = dl_word_hash(list->words[n], strlen(list->words[n]));
    list->n = n;
    atomic_store_explicit(&list->ready, true, memory_order_release);
  }
  pthread_mutex_unlock(&S_lock);
}

/* ---- fragment ------------------------------------------------------------ */

/* Subordinators that start a fragment when nothing follows the clause.
 * "Because" and "though" also start deliberate fragments (an answer, an
 * afterthought), so strict leaves them to proofread. */
dl_incoh_list dl_incoh_sub_strict = DL_INCOH_WORDS(
    "when", "while", "whereas", "unless", "once", "whenever", "although");
dl_incoh_list dl_incoh_sub_proofread = DL_INCOH_WORDS(
    "if", "since", "until", "because", "though", "after", "before");

/* Verbs that take a gerund ("stop thinking"): after a subordinator, one of
 * them before an -ing form is an imperative, where another noun-or-verb
 * word is a compound's first noun ("When design thinking fails"). */
dl_incoh_list dl_incoh_gerund_verbs =
    DL_INCOH_WORDS("stop", "start", "keep", "quit", "try", "avoid", "begin");

/* ---- false question --------------------------------------------------- */

/* Words that make a statement a question when they end it ("..., right?"). */
dl_incoh_list dl_incoh_tags =
    DL_INCOH_WORDS("right", "no", "ok", "okay", "yes", "huh", "eh", "correct",
                   "true", "yeah", "anyone", "really", "not", "either");

/* Openings of a question the writer means although it states: hedges
 * and follow-ups ("Maybe they are incompetent?", "Because it is easy?",
 * "Even as a thought?"), and thinking aloud ("I think that is what you
 * mean?"). */
dl_incoh_list dl_incoh_hedges = DL_INCOH_WORDS(
    "maybe", "perhaps", "probably", "possibly", "surely", "really", "so",
    "then", "now", "still", "again", "also", "even", "just", "only", "already",
    "yet", "because", "unless", "until", "like", "than", "not", "together",
    "besides", "plus", "instead", "otherwise");
dl_incoh_list dl_incoh_musing = DL_INCOH_WORDS(
    "think", "guess", "suppose", "wonder", "mean", "assume", "imagine", "bet",
    "hope", "reckon", "gather", "presume", "take", "figure", "doubt", "believe",
    "expect", "feel", "wish", "sense");

/* ---- repeated word ---------------------------------------------------- */

/* Words that writers do double on purpose. */
dl_incoh_list dl_incoh_doubles =
    DL_INCOH_WORDS("that", "had", "very", "really", "so", "no", "ha", "bye",
                   "is", "do", "more", "yeah", "go", "blah", "ok", "okay", "la",
                   "ho", "knock", "well", "many", "far", "over");

/* ---- splices that grammar alone gives away ----------------------------- */

/* Words that take "to" only before a verb: "tempting to do", never
 * "tempting to the last one".  A determiner after their "to" means the verb
 * was cut away, as a splice cuts it. */
dl_incoh_list dl_incoh_want_verb = DL_INCOH_WORDS(
    "tempting", "eager", "willing", "unwilling", "reluctant", "hesitant",
    "unable", "try", "tries", "tried", "trying", "decide", "decides", "decided",
    "seem", "seems", "seemed", "manage", "manages", "managed", "refuse",
    "refuses", "refused", "pretend", "pretends", "pretended", "intend",
    "intends", "intended", "attempt", "attempts", "attempted", "hoping",
    "plans", "planning", "struggle", "struggles", "struggled", "struggling",
    "needs");

/* What may follow "to" as an idiom, not a noun phrase: "to the point",
 * "to some extent". */
dl_incoh_list dl_incoh_to_idioms =
    DL_INCOH_WORDS("best", "extent", "point", "degree", "end", "max", "fullest",
                   "core", "letter", "hilt", "fore", "detriment", "exclusion",
                   "benefit", "tune", "contrary", "tee", "most");

/* Determiners that must be followed by their noun phrase.  ("his" and
 * "her" also stand alone, "each" and "another" are pronouns too, "no"
 * answers.) */
dl_incoh_list dl_incoh_determiners = DL_INCOH_WORDS(
    "the", "a", "an", "every", "my", "your", "our", "their", "its");

/* Nouns in -s that are singular ("a species"). */
dl_incoh_list dl_incoh_singular_s = DL_INCOH_WORDS(
    "species", "series", "means", "news", "lens", "politics", "physics",
    "economics", "mathematics", "ethics", "analytics", "basis", "crisis",
    "thesis", "analysis", "diagnosis", "process", "status", "bus", "bonus",
    "campus", "census", "chaos", "canvas", "consensus", "focus", "genius",
    "hiatus", "virus", "corpus");

/* Words after which a modal comes before its subject ("So will the next
 * one", "Only then can we", "more than can the old one"). */
dl_incoh_list dl_incoh_inverting = DL_INCOH_WORDS(
    "so", "only", "never", "rarely", "seldom", "neither", "nor", "then", "thus",
    "hardly", "little", "nowhere", "as", "too", "than");

/* Verbs that cannot end a sentence after "to" without their object:
 * "We're trying to accomplish." lost what it accomplishes. */
dl_incoh_list dl_incoh_needs_object = DL_INCOH_WORDS(
    "accomplish", "achieve", "describe", "include", "identify", "define",
    "establish", "obtain", "acquire", "require", "enable", "address", "provide",
    "convey", "emphasize", "highlight", "mention", "specify", "undermine",
    "prioritize", "articulate");
