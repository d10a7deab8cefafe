/*
 * wordclass.c: the closed classes of English, and the open classes read
 * from the lexicon's flags.
 *
 * The closed classes decide a sentence's skeleton (who does what, which
 * clause hangs on which), and they are few enough to list by hand.  Where a
 * word has two closed uses the table gives the one that matters for
 * structure: "that" is its own class (determiner, pronoun, or
 * complementiser), "this" and "those" are demonstratives, "as" and "once"
 * are subordinators, "so" and "yet" conjunctions.
 */
#include "lang/wordclass.h"

const dl_closed_word dl_closed_words[] = {
    /* determiners and quantifiers */
    {"the", DL_WC_DET}, {"a", DL_WC_DET}, {"an", DL_WC_DET},
    {"every", DL_WC_DET}, {"each", DL_WC_DET}, {"no", DL_WC_DET},
    {"another", DL_WC_DET}, {"either", DL_WC_DET}, {"neither", DL_WC_DET},
    {"some", DL_WC_QUANT}, {"any", DL_WC_QUANT}, {"all", DL_WC_QUANT},
    {"many", DL_WC_QUANT}, {"much", DL_WC_QUANT}, {"more", DL_WC_QUANT},
    {"most", DL_WC_QUANT}, {"few", DL_WC_QUANT}, {"fewer", DL_WC_QUANT},
    {"less", DL_WC_QUANT}, {"least", DL_WC_QUANT}, {"several", DL_WC_QUANT},
    {"both", DL_WC_QUANT}, {"such", DL_WC_QUANT}, {"enough", DL_WC_QUANT},
    {"this", DL_WC_DEM}, {"these", DL_WC_DEM}, {"those", DL_WC_DEM},
    {"that", DL_WC_THAT},
    /* possessives */
    {"my", DL_WC_POSS}, {"your", DL_WC_POSS}, {"his", DL_WC_POSS},
    {"her", DL_WC_POSS}, {"its", DL_WC_POSS}, {"our", DL_WC_POSS},
    {"their", DL_WC_POSS},
    /* pronouns */
    {"i", DL_WC_SUBJ}, {"we", DL_WC_SUBJ}, {"they", DL_WC_SUBJ},
    {"he", DL_WC_SUBJ}, {"she", DL_WC_SUBJ}, {"it", DL_WC_IT_YOU},
    {"you", DL_WC_IT_YOU}, {"me", DL_WC_OBJ}, {"us", DL_WC_OBJ},
    {"them", DL_WC_OBJ}, {"him", DL_WC_OBJ}, {"myself", DL_WC_OBJ},
    {"yourself", DL_WC_OBJ}, {"himself", DL_WC_OBJ}, {"herself", DL_WC_OBJ},
    {"itself", DL_WC_OBJ}, {"ourselves", DL_WC_OBJ},
    {"themselves", DL_WC_OBJ}, {"yourselves", DL_WC_OBJ},
    {"mine", DL_WC_PRON}, {"yours", DL_WC_PRON}, {"ours", DL_WC_PRON},
    {"theirs", DL_WC_PRON}, {"hers", DL_WC_PRON}, {"someone", DL_WC_PRON},
    {"something", DL_WC_PRON}, {"anyone", DL_WC_PRON},
    {"anything", DL_WC_PRON}, {"everyone", DL_WC_PRON},
    {"everything", DL_WC_PRON}, {"nobody", DL_WC_PRON},
    {"nothing", DL_WC_PRON}, {"somebody", DL_WC_PRON},
    {"everybody", DL_WC_PRON}, {"anybody", DL_WC_PRON},
    {"one", DL_WC_PRON}, {"none", DL_WC_PRON}, {"other", DL_WC_PRON},
    {"others", DL_WC_PRON},
    /* prepositions */
    {"of", DL_WC_PREP}, {"in", DL_WC_PREP}, {"on", DL_WC_PREP},
    {"at", DL_WC_PREP}, {"by", DL_WC_PREP}, {"for", DL_WC_PREP},
    {"with", DL_WC_PREP}, {"about", DL_WC_PREP}, {"from", DL_WC_PREP},
    {"into", DL_WC_PREP}, {"onto", DL_WC_PREP}, {"through", DL_WC_PREP},
    {"over", DL_WC_PREP}, {"under", DL_WC_PREP}, {"between", DL_WC_PREP},
    {"without", DL_WC_PREP}, {"within", DL_WC_PREP}, {"across", DL_WC_PREP},
    {"against", DL_WC_PREP}, {"among", DL_WC_PREP}, {"around", DL_WC_PREP},
    {"toward", DL_WC_PREP}, {"towards", DL_WC_PREP}, {"upon", DL_WC_PREP},
    {"during", DL_WC_PREP}, {"via", DL_WC_PREP}, {"per", DL_WC_PREP},
    {"like", DL_WC_PREP}, {"unlike", DL_WC_PREP}, {"despite", DL_WC_PREP},
    {"behind", DL_WC_PREP}, {"beyond", DL_WC_PREP}, {"below", DL_WC_PREP},
    {"above", DL_WC_PREP}, {"along", DL_WC_PREP}, {"beside", DL_WC_PREP},
    {"besides", DL_WC_PREP}, {"inside", DL_WC_PREP}, {"outside", DL_WC_PREP},
    {"near", DL_WC_PREP}, {"off", DL_WC_PREP}, {"out", DL_WC_PREP},
    {"up", DL_WC_PREP}, {"down", DL_WC_PREP}, {"than", DL_WC_PREP},
    {"versus", DL_WC_PREP}, {"vs", DL_WC_PREP}, {"throughout", DL_WC_PREP},
    {"regarding", DL_WC_PREP}, {"including", DL_WC_PREP},
    {"to", DL_WC_TO},
    /* coordinating conjunctions */
    {"and", DL_WC_CONJ}, {"or", DL_WC_CONJ}, {"but", DL_WC_CONJ},
    {"nor", DL_WC_CONJ}, {"yet", DL_WC_CONJ}, {"so", DL_WC_CONJ},
    {"plus", DL_WC_CONJ},
    /* subordinators */
    {"when", DL_WC_SUB}, {"while", DL_WC_SUB}, {"because", DL_WC_SUB},
    {"although", DL_WC_SUB}, {"though", DL_WC_SUB}, {"if", DL_WC_SUB},
    {"unless", DL_WC_SUB}, {"since", DL_WC_SUB}, {"whereas", DL_WC_SUB},
    {"after", DL_WC_SUB}, {"before", DL_WC_SUB}, {"once", DL_WC_SUB},
    {"until", DL_WC_SUB}, {"till", DL_WC_SUB}, {"whenever", DL_WC_SUB},
    {"wherever", DL_WC_SUB}, {"as", DL_WC_SUB}, {"whether", DL_WC_SUB},
    {"whatever", DL_WC_SUB}, {"whoever", DL_WC_SUB},
    {"however", DL_WC_SUB}, {"whichever", DL_WC_SUB},
    /* wh-words */
    {"what", DL_WC_WH}, {"who", DL_WC_WH}, {"whom", DL_WC_WH},
    {"whose", DL_WC_WH}, {"which", DL_WC_WH}, {"where", DL_WC_WH},
    {"why", DL_WC_WH}, {"how", DL_WC_WH},
    /* auxiliaries */
    {"am", DL_WC_BE}, {"is", DL_WC_BE}, {"are", DL_WC_BE},
    {"was", DL_WC_BE}, {"were", DL_WC_BE}, {"be", DL_WC_BE_BASE},
    {"been", DL_WC_BEEN_BEING}, {"being", DL_WC_BEEN_BEING},
    {"have", DL_WC_HAVE}, {"has", DL_WC_HAVE}, {"had", DL_WC_HAVE},
    {"having", DL_WC_HAVE},
    {"do", DL_WC_DO}, {"does", DL_WC_DO}, {"did", DL_WC_DO},
    {"can", DL_WC_MODAL}, {"could", DL_WC_MODAL}, {"will", DL_WC_MODAL},
    {"would", DL_WC_MODAL}, {"shall", DL_WC_MODAL}, {"should", DL_WC_MODAL},
    {"may", DL_WC_MODAL}, {"might", DL_WC_MODAL}, {"must", DL_WC_MODAL},
    {"not", DL_WC_NOT}, {"never", DL_WC_NOT},
    {"there", DL_WC_THERE},
    /* contractions: a subject and an auxiliary */
    {"i'm", DL_WC_SUBJ_AUX}, {"i've", DL_WC_SUBJ_AUX}, {"i'll", DL_WC_SUBJ_AUX},
    {"i'd", DL_WC_SUBJ_AUX}, {"it's", DL_WC_SUBJ_AUX},
    {"it'll", DL_WC_SUBJ_AUX}, {"it'd", DL_WC_SUBJ_AUX},
    {"we're", DL_WC_SUBJ_AUX}, {"we've", DL_WC_SUBJ_AUX},
    {"we'll", DL_WC_SUBJ_AUX}, {"we'd", DL_WC_SUBJ_AUX},
    {"you're", DL_WC_SUBJ_AUX}, {"you've", DL_WC_SUBJ_AUX},
    {"you'll", DL_WC_SUBJ_AUX}, {"you'd", DL_WC_SUBJ_AUX},
    {"they're", DL_WC_SUBJ_AUX}, {"they've", DL_WC_SUBJ_AUX},
    {"they'll", DL_WC_SUBJ_AUX}, {"they'd", DL_WC_SUBJ_AUX},
    {"he's", DL_WC_SUBJ_AUX}, {"he'll", DL_WC_SUBJ_AUX},
    {"he'd", DL_WC_SUBJ_AUX}, {"she's", DL_WC_SUBJ_AUX},
    {"she'll", DL_WC_SUBJ_AUX}, {"she'd", DL_WC_SUBJ_AUX},
    {"that's", DL_WC_SUBJ_AUX}, {"there's", DL_WC_SUBJ_AUX},
    {"what's", DL_WC_SUBJ_AUX}, {"who's", DL_WC_SUBJ_AUX},
    {"here's", DL_WC_SUBJ_AUX}, {"let's", DL_WC_SUBJ_AUX},
    /* contractions: an auxiliary and "not" */
    {"don't", DL_WC_AUX_NOT}, {"doesn't", DL_WC_AUX_NOT},
    {"didn't", DL_WC_AUX_NOT}, {"isn't", DL_WC_AUX_NOT},
    {"aren't", DL_WC_AUX_NOT}, {"wasn't", DL_WC_AUX_NOT},
    {"weren't", DL_WC_AUX_NOT}, {"haven't", DL_WC_AUX_NOT},
    {"hasn't", DL_WC_AUX_NOT}, {"hadn't", DL_WC_AUX_NOT},
    {"can't", DL_WC_AUX_NOT}, {"cannot", DL_WC_AUX_NOT},
    {"couldn't", DL_WC_AUX_NOT}, {"won't", DL_WC_AUX_NOT},
    {"wouldn't", DL_WC_AUX_NOT}, {"shouldn't", DL_WC_AUX_NOT},
    {"mustn't", DL_WC_AUX_NOT}, {"ain't", DL_WC_AUX_NOT},
    /* common adverbs, whatever else WordNet lists them as ("still" is a
     * noun, a verb and an adjective there) */
    {"also", DL_WC_ADV}, {"just", DL_WC_ADV}, {"only", DL_WC_ADV},
    {"even", DL_WC_ADV}, {"still", DL_WC_ADV}, {"already", DL_WC_ADV},
    {"always", DL_WC_ADV}, {"often", DL_WC_ADV}, {"really", DL_WC_ADV},
    {"very", DL_WC_ADV}, {"too", DL_WC_ADV}, {"quite", DL_WC_ADV},
    {"rather", DL_WC_ADV}, {"perhaps", DL_WC_ADV}, {"maybe", DL_WC_ADV},
    {"actually", DL_WC_ADV}, {"almost", DL_WC_ADV}, {"usually", DL_WC_ADV},
    {"sometimes", DL_WC_ADV}, {"then", DL_WC_ADV}, {"now", DL_WC_ADV},
    {"here", DL_WC_ADV}, {"again", DL_WC_ADV}, {"ever", DL_WC_ADV},
    {"soon", DL_WC_ADV}, {"instead", DL_WC_ADV}, {"probably", DL_WC_ADV},
    {"simply", DL_WC_ADV}, {"certainly", DL_WC_ADV}, {"frequently", DL_WC_ADV},
    /* verbs that take a clause without "that" ("I think we should"), in
     * classes of their own: after one, a new clause needs no link word */
    {"think", DL_WC_BRIDGE}, {"thinks", DL_WC_BRIDGE_S},
    {"thought", DL_WC_BRIDGE_ED}, {"know", DL_WC_BRIDGE},
    {"knows", DL_WC_BRIDGE_S}, {"knew", DL_WC_BRIDGE_ED},
    {"known", DL_WC_BRIDGE_ED}, {"say", DL_WC_BRIDGE},
    {"says", DL_WC_BRIDGE_S}, {"said", DL_WC_BRIDGE_ED},
    {"believe", DL_WC_BRIDGE}, {"believes", DL_WC_BRIDGE_S},
    {"believed", DL_WC_BRIDGE_ED}, {"guess", DL_WC_BRIDGE},
    {"guesses", DL_WC_BRIDGE_S}, {"guessed", DL_WC_BRIDGE_ED},
    {"feel", DL_WC_BRIDGE}, {"feels", DL_WC_BRIDGE_S},
    {"felt", DL_WC_BRIDGE_ED}, {"suppose", DL_WC_BRIDGE},
    {"supposes", DL_WC_BRIDGE_S}, {"supposed", DL_WC_BRIDGE_ED},
    {"realize", DL_WC_BRIDGE}, {"realizes", DL_WC_BRIDGE_S},
    {"realized", DL_WC_BRIDGE_ED}, {"realise", DL_WC_BRIDGE},
    {"realises", DL_WC_BRIDGE_S}, {"realised", DL_WC_BRIDGE_ED},
    {"argue", DL_WC_BRIDGE}, {"argues", DL_WC_BRIDGE_S},
    {"argued", DL_WC_BRIDGE_ED}, {"assume", DL_WC_BRIDGE},
    {"assumes", DL_WC_BRIDGE_S}, {"assumed", DL_WC_BRIDGE_ED},
    {"expect", DL_WC_BRIDGE}, {"expects", DL_WC_BRIDGE_S},
    {"expected", DL_WC_BRIDGE_ED}, {"understand", DL_WC_BRIDGE},
    {"understands", DL_WC_BRIDGE_S}, {"understood", DL_WC_BRIDGE_ED},
    {"see", DL_WC_BRIDGE}, {"sees", DL_WC_BRIDGE_S}, {"saw", DL_WC_BRIDGE_ED},
    {"seen", DL_WC_BRIDGE_ED}, {"find", DL_WC_BRIDGE},
    {"finds", DL_WC_BRIDGE_S}, {"found", DL_WC_BRIDGE_ED},
    {"hear", DL_WC_BRIDGE}, {"hears", DL_WC_BRIDGE_S},
    {"heard", DL_WC_BRIDGE_ED}, {"imagine", DL_WC_BRIDGE},
    {"imagines", DL_WC_BRIDGE_S}, {"imagined", DL_WC_BRIDGE_ED},
    {"suspect", DL_WC_BRIDGE}, {"suspects", DL_WC_BRIDGE_S},
    {"suspected", DL_WC_BRIDGE_ED}, {"decide", DL_WC_BRIDGE},
    {"decides", DL_WC_BRIDGE_S}, {"decided", DL_WC_BRIDGE_ED},
    {"remember", DL_WC_BRIDGE}, {"remembers", DL_WC_BRIDGE_S},
    {"remembered", DL_WC_BRIDGE_ED}, {"suggest", DL_WC_BRIDGE},
    {"suggests", DL_WC_BRIDGE_S}, {"suggested", DL_WC_BRIDGE_ED},
    {"admit", DL_WC_BRIDGE}, {"admits", DL_WC_BRIDGE_S},
    {"admitted", DL_WC_BRIDGE_ED}, {"agree", DL_WC_BRIDGE},
    {"agrees", DL_WC_BRIDGE_S}, {"agreed", DL_WC_BRIDGE_ED},
    {"learn", DL_WC_BRIDGE}, {"learns", DL_WC_BRIDGE_S},
    {"learned", DL_WC_BRIDGE_ED}, {"learnt", DL_WC_BRIDGE_ED},
    {"tell", DL_WC_BRIDGE}, {"tells", DL_WC_BRIDGE_S},
    {"told", DL_WC_BRIDGE_ED}, {"ensure", DL_WC_BRIDGE},
    {"ensures", DL_WC_BRIDGE_S}, {"ensured", DL_WC_BRIDGE_ED},
    {"insist", DL_WC_BRIDGE}, {"insists", DL_WC_BRIDGE_S},
    {"insisted", DL_WC_BRIDGE_ED}, {"predict", DL_WC_BRIDGE},
    {"predicts", DL_WC_BRIDGE_S}, {"predicted", DL_WC_BRIDGE_ED},
    {"discover", DL_WC_BRIDGE}, {"discovers", DL_WC_BRIDGE_S},
    {"discovered", DL_WC_BRIDGE_ED}, {"forget", DL_WC_BRIDGE},
    {"forgets", DL_WC_BRIDGE_S}, {"forgot", DL_WC_BRIDGE_ED},
    {"forgotten", DL_WC_BRIDGE_ED}, {"explain", DL_WC_BRIDGE},
    {"explains", DL_WC_BRIDGE_S}, {"explained", DL_WC_BRIDGE_ED},
    {"recognize", DL_WC_BRIDGE}, {"recognizes", DL_WC_BRIDGE_S},
    {"recognized", DL_WC_BRIDGE_ED}, {"wonder", DL_WC_BRIDGE},
    {"wonders", DL_WC_BRIDGE_S}, {"wondered", DL_WC_BRIDGE_ED},
    /* interjections and answers */
    {"yes", DL_WC_INTERJ}, {"ok", DL_WC_INTERJ}, {"okay", DL_WC_INTERJ},
    {"oh", DL_WC_INTERJ}, {"hey", DL_WC_INTERJ}, {"wow", DL_WC_INTERJ},
    {"please", DL_WC_INTERJ}, {"thanks", DL_WC_INTERJ},
};
const size_t dl_nclosed_words = sizeof dl_closed_words / sizeof *dl_closed_words;

dl_wclass dl_wclass_open(unsigned f, bool capital) {
  if (capital)
    return f ? DL_WC_NAME : DL_WC_UNKNOWN_CAP;
  if (!f)
    return DL_WC_UNKNOWN;
  if (f & DL_LEX_VERB_ING)
    return f & DL_LEX_NOUN ? DL_WC_VERB_ING_NOUN : DL_WC_VERB_ING;
  if (f & DL_LEX_VERB_ED)
    return f & DL_LEX_ADJ ? DL_WC_VERB_ED_ADJ : DL_WC_VERB_ED;
  if ((f & DL_LEX_PLURAL) && (f & DL_LEX_VERB_S))
    return DL_WC_PLURAL_VERB_S;
  if (f & DL_LEX_VERB_S)
    return DL_WC_VERB_S;
  if (f & DL_LEX_PLURAL)
    return DL_WC_PLURAL;
  bool n = f & DL_LEX_NOUN, v = f & DL_LEX_VERB, a = f & DL_LEX_ADJ;
  if (n && v)
    return DL_WC_NOUN_VERB;
  if (v && a)
    return DL_WC_VERB_ADJ;
  if (n && a)
    return DL_WC_NOUN_ADJ;
  if (v)
    return DL_WC_VERB;
  if (n)
    return DL_WC_NOUN;
  if (a)
    return DL_WC_ADJ;
  return DL_WC_ADV;
}

static const char *const S_names[DL_WC_COUNT] = {
    "NONE", "COMMA", "SEMI", "DASH", "OPEN_QUOTE", "CLOSE_QUOTE",
    "OPEN_PAREN", "CLOSE_PAREN", "END", "SYMBOL", "NUMBER", "CODE", "URL",
    "DET", "POSS", "SUBJ", "OBJ", "IT_YOU", "DEM", "PREP", "TO", "CONJ",
    "SUB", "WH", "THAT", "BE", "BE_BASE", "HAVE", "DO", "MODAL", "NOT",
    "THERE", "SUBJ_AUX", "AUX_NOT", "QUANT", "PRON", "BEEN_BEING", "INTERJ",
    "NOUN", "VERB", "ADJ", "ADV", "NOUN_VERB", "NOUN_ADJ", "VERB_ADJ",
    "PLURAL", "VERB_S", "PLURAL_VERB_S", "VERB_ED", "VERB_ED_ADJ",
    "VERB_ING", "VERB_ING_NOUN", "UNKNOWN", "UNKNOWN_CAP", "NAME", "BRIDGE",
    "BRIDGE_S", "BRIDGE_ED"};

const char *dl_wclass_name(dl_wclass c) {
  return c < DL_WC_COUNT ? S_names[c] : "?";
}
