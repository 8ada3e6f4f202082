/* code_int.h - what the coder stages hand each other for one event. */
#ifndef RASD_CODE_INT_H
#define RASD_CODE_INT_H

#include "events/coder.h"
#include "geo/geo.h"

typedef struct ev_args {
    const mention *src, *tgt, *speaker;
    mention src_own, tgt_own; /* adjusted copies src/tgt may point to */
    bool negated;
    const char *modality;   /* asserted, future, hypothetical */
    rasd_date date;         /* precision NONE when unknown */
    size_t date_tok;        /* token where the stated date nearest the trigger starts
                               (dated or not), or SIZE_MAX: a detector feature */
    geo_match place;        /* where, when has_place */
    bool has_place;
} ev_args;

/* A candidate event of a sentence, before de-duplication. */
typedef struct ev_cand {
    lex_hit h;
    ev_args a;
} ev_cand;

/* Output of one document: JSON Lines in `b`, `n` events. With `collect`
 * set (training), every candidate that survives de-duplication is handed
 * to it with its features instead of being filtered by the classifier. */
typedef struct ev_out {
    buf b;
    size_t n;
    const rasd_doc *doc;
    void (*collect)(void *ud, plover_cat cat, const uint32_t *f, size_t nf);
    void *collect_ud;
} ev_out;

rasd_status coder_run(const rasd_ctx *ctx, rasd_doc *doc, ev_out *out);

/* ---- coder.c */

/* ب / ل / ك before the word: a genitive, never a finite verb. */
bool coder_case_prefix(const morph_word *w);

/* ---- modality.c: negation and modality (no allocation) */

/* Set a->negated and a->modality (asserted, future, hypothetical) for the
 * trigger h in its clause [lo, hi]. */
void modality_assign(const coder_sent *cs, const lex_hit *h, size_t lo, size_t hi, ev_args *a);
/* The first token of a run of up to four definite words ending right
 * before i (a subject: الجيش الوطني شن); i itself if none. */
size_t modality_subject_run(const coder_sent *cs, size_t i);
/* The verb of denial, refusal or intent whose object token i is (نفى
 * الجيش قصف، قرر مجلس الأمن فرض), right before i or before its subject;
 * SIZE_MAX if none. */
size_t modality_act_governor(const coder_sent *cs, size_t i);
/* A verb of attempt, wish or threat (حاول، يريد، هدد، يدرس): what it
 * governs is no act of its own. */
bool modality_attempt_verb(const lex_keys *k);

/* ---- clause.c: clause bounds */

/* Does a new clause start at token i (strong punctuation, a complementiser,
 * a relative pronoun, لكن ...)? */
bool clause_start(const coder_sent *cs, size_t i);
/* Is token i a day or a time of day (الجمعة، أمس، مساء)? */
bool clause_when_word(const coder_sent *cs, size_t i);
/* A dash token (- – — or a lone tatweel ـ). */
bool clause_is_dash(const coder_sent *cs, size_t i);
/* The token span [*lo, *hi] of the clause around tokens first..last; it
 * reads over a relative aside that does not hold `first`. */
void clause_bounds(const coder_sent *cs, size_t first, size_t last, size_t *lo, size_t *hi);
/* Mark relative asides in cs->keys (aside_len, aside_of): a relative clause
 * set off by dashes, brackets or commas right after a word. */
void clause_mark_asides(coder_sent *cs);
/* Once mentions are known, keep only the asides on an actor (الوزير، الذي
 * ...), not those on a thing (الفيديو، الذي ...). */
void clause_keep_asides(coder_sent *cs);
/* Set mention.hidden for the mentions inside asides that do not hold token
 * `anchor` (the trigger being coded); SIZE_MAX clears every flag. */
void clause_hide_asides(coder_sent *cs, size_t anchor);
/* Is token i inside a relative aside that does not also hold token
 * `anchor`? What such an aside says is no argument of a verb outside it. */
bool clause_hidden(const coder_sent *cs, size_t i, size_t anchor);
/* The opener of a relative aside that ends right before token i, else i:
 * where i stands with the aside left out. */
size_t clause_aside_before(const coder_sent *cs, size_t i);

/* ---- args.c: arguments (no allocation; results point into cs) */

/* The same actor code (or the same mention when uncoded); NULL == NULL. */
bool args_same_actor(const mention *a, const mention *b);
/* May the mention be an argument (not a bare adjective, a place word ...)? */
bool args_usable(const mention *m);
/* Is the mention a place phrase (في [أنقرة]، مدينة [الرياض]) rather than a party? */
bool args_place_of(const coder_sent *cs, const mention *m);
/* The envoy or people a pattern acts on (طرد [السفير الإيراني]), or NULL. */
const mention *args_envoy_object(const coder_sent *cs, const lex_hit *h);
/* The first usable mention starting in [from, hi] after preposition `prep`
 * (folded; NULL: none, and not the genitive of one), other than `not`. */
const mention *args_first_after(const coder_sent *cs, size_t from, size_t hi,
                                const char *prep, const mention *not);
/* Categories whose parties act together (CONSULT, AGREE, COOPERATE). */
bool args_symmetric(plover_cat c);
/* Is y an apposition of x (الرئيس الأمريكي، دونالد ترامب)? */
bool args_apposition(const coder_sent *cs, const mention *x, const mention *y);
/* Does the word end in a pronoun suffix? */
bool args_has_suffix(const morph_word *w);
/* A verb with the plural suffix (هاجموا، يطلقون) at token i? */
bool args_verb_plural(const coder_sent *cs, size_t i);
/* An accusative participle (مطالبا، مطالبين) at token i? */
bool args_participle(const coder_sent *cs, size_t i);
/* A verbal noun of purpose (للمطالبة) at token i? */
bool args_purpose_noun(const coder_sent *cs, size_t i);
/* A passive auxiliary (تم، يتم، جرى) right before token i (تم اعتقال)? */
bool args_after_aux(const coder_sent *cs, size_t i);
/* An armed force (MIL, COP, SPY, REB, UAF, INS)? */
bool args_armed(const mention *m);
/* The subject of a relative clause describing the noun trigger h
 * (الغارات التي شنتها [X]), or NULL. */
const mention *args_relative_agent(const coder_sent *cs, const lex_hit *h);
/* args_noun.c. The agent a verbal noun carries: a relative clause
 * (الغارات التي شنتها X), an attack's or meeting's ل (هجوم لفصائل
 * المعارضة), an armed force as the pattern's own genitive (انسحاب [القوات
 * التركية]; a transitive noun's genitive is otherwise its object:
 * استدعاء السفير), its country adjective (الغارات الإسرائيلية), or a
 * visit's visitor (زيارة من ولي العهد); NULL if none. */
const mention *args_noun_agent(const coder_sent *cs, const lex_hit *h);
/* args_pronoun.c. A pronoun that holds the genitive of the noun at i
 * (قصفها، قصفنا), not the ي of a dual in construct (لحركتي حماس). */
bool args_genitive_pronoun(const coder_sent *cs, size_t i);
/* A verbal noun with ل and a third-person pronoun right before m, at or
 * after `from` (اعتقلت الشرطة رجلا لقتله [شرطيا]): m is its object. */
bool args_cause_before(const coder_sent *cs, size_t from, const mention *m);
/* Source and target of a verbal noun with a pronoun: the pronoun's
 * referent suffers an arrest, a charge or a killing (لاعتقاله); a harm
 * noun followed by its object has the object of the verb before as doer
 * (حكمت المحكمة على [الجندي] لقتله فلسطينيا). Updates *src and *tgt. */
void args_pronoun_roles(const coder_sent *cs, const lex_hit *h, const mention **src,
                        const mention **tgt);
/* اتهموها، اعتقلته: a verb that carries its object as a pronoun has no
 * object after it; an unmarked actor there is no target. The object is the
 * head of a relative clause (الميليشيا التي اتهموها: no longer the
 * source), else unknown. Updates *src and *tgt. */
void args_object_pronoun(const coder_sent *cs, const lex_hit *h, const mention **src,
                         const mention **tgt);
/* Is m after كل من / كلا من ("both")? */
bool args_both(const mention *m);
/* Is the token before i a relative pronoun (الذي، التي ...)? */
bool args_relative_before(const coder_sent *cs, size_t i);
/* Is h a one-word relative verb without an object pronoun (الذي التقى)?
 * Its subject is the relative's antecedent, not what follows it. */
bool args_relative_verb(const coder_sent *cs, const lex_hit *h);
/* Does h open with the verb that reports a death (أعلنت … مقتل)? Its gap
 * holds the reporter, no party to the act. */
bool args_reported_death(const coder_sent *cs, const lex_hit *h);
/* The dead of such a death (args_death.c): *tgt the victims, *src who
 * fired or killed, when the sentence says. */
void args_reported_victim(const coder_sent *cs, const lex_hit *h, size_t hi, const mention **src,
                          const mention **tgt);
/* The agent of a passive or a verbal noun named by من قبل / على يد within
 * tokens [from, to], or NULL. */
const mention *args_agent_by(const coder_sent *cs, size_t from, size_t to);
/* Is m the genitive of a weapon (برصاص [الاحتلال]، بنيران [الجيش])? */
bool args_after_fire(const coder_sent *cs, const mention *m);
/* An attack noun right before attack verb h (غارات استهدفت), its subject? */
bool args_attack_noun_before(const coder_sent *cs, const lex_hit *h);
/* The victim a killing or arrest pattern names itself (قتل … فلسطينيا), or NULL. */
const mention *args_pattern_victim(const coder_sent *cs, const lex_hit *h);
/* Source and target of trigger h within clause [lo, hi] into args->src/tgt. */
void args_assign(const coder_sent *cs, const lex_hit *h, size_t lo, size_t hi, ev_args *args);

/* ---- args_accuse.c: who accuses whom (results point into cs) */

/* اتهم [X] Y بـ...: true when the accused stands right before the charge;
 * *src is the accuser (or NULL), *tgt the accused, *passive when the
 * charge follows the verb at once (اتهم بأنه). */
bool args_accused_before_charge(const coder_sent *cs, const lex_hit *h, size_t hi,
                                const mention **src, const mention **tgt, bool *passive);
/* حمّل X المسؤولية: a lone actor between the verb and المسؤولية becomes
 * *tgt (and stops being *src); otherwise nothing changes. */
void args_held_responsible(const coder_sent *cs, const lex_hit *h, const mention **src,
                           const mention **tgt);
/* قضت محكمة بسجن X: a court found as a sentencing pattern's target (the
 * patterns are passives) and no source: the court becomes *src, and *tgt
 * the first actor after it (or NULL). */
void args_court_sentences(const coder_sent *cs, const lex_hit *h, size_t hi,
                          const mention **src, const mention **tgt);

/* ---- args_protest.c: whom a protest is against (results point into cs) */

/* The target of protest hit h whose source is src: a slogan's or demand's
 * addressee, what is condemned, or the authority faced; NULL if none. */
const mention *args_protest_target(const coder_sent *cs, const lex_hit *h, const mention *src);
/* Is m a counted group (العشرات من [المستوطنين]; `digits`: 500 من too)? */
bool args_counted_from(const coder_sent *cs, const mention *m, bool digits);
/* Is token i inside a quotation opened between token `from` and i? */
bool args_quoted_after(const coder_sent *cs, size_t from, size_t i);
/* Date expressions of a sentence, found once and shared by its events. */
#define EV_MAX_DATES 16
typedef struct ev_dates {
    rasd_date d[EV_MAX_DATES];
    size_t tok[EV_MAX_DATES];
    size_t n;
} ev_dates;

/* Can a date expression start at token i (a number, a month name, a day
 * or time word, or a word a relative date starts with)? A cheap test before
 * time_resolve, which is too slow to try at every token. */
bool coder_may_start_date(const coder_sent *cs, size_t i);
void ev_sentence_dates(const coder_sent *cs, const coder_memory *mem, ev_dates *out);
/* Does trigger h report no act at all (a noun after a copula, a topic, a
 * name containing the word, a crowd at a funeral ...)? noact.c. */
bool noact_reported(const coder_sent *cs, const lex_hit *h);

/* The event's date: the stated date nearest its trigger (not one inside
 * a relative clause after it, which dates that clause), else the
 * publication date for past events, else unknown. Never the processing
 * date. */
void ev_date(const coder_sent *cs, const ev_dates *ds, const lex_hit *h,
             const coder_memory *mem, ev_args *a);
void ev_explain(const coder_sent *cs, size_t sent_index, const lex_hit *hits, size_t nh,
                ev_out *out);
/* conf < 0: the rule-based confidence. */
void ev_emit(const rasd_ctx *ctx, const coder_sent *cs, const lex_hit *h,
             const ev_args *a, size_t sent_index, double conf, ev_out *out);

#endif
