/* coder.c - from an analysed document to events: per sentence, morphology
 * and keys, named entities, actor mentions, trigger matching, argument
 * assignment (VSO and SVO orders, prepositions, بين X و Y, passives,
 * reported speech), negation and modality, dates; then JSON output. */
#include "events/coder.h"
#include "events/code_int.h"
#include "events/detect.h"
#include "text/text.h"
#include "time/time.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- keys */

/* Surface bytes of token i without its proclitics and article. */
static void keys_bare(const coder_sent *cs, const char *text, size_t i, char *out)
{
    const rasd_token *t = &cs->toks[i];
    const morph_word *w = &cs->mw[i];
    size_t from = 0;
    for (uint8_t k = 0; k < w->n_seg; k++)
        if (w->seg[k].kind == MSEG_PREFIX || w->seg[k].kind == MSEG_DET)
            from = w->seg[k].end;
    lexicon_fold(text + t->start + from, t->end - t->start - from, out);
}

/* اجتماعا → اجتماع: the accusative alef of an indefinite noun, for noun
 * patterns only (the matcher checks). Needs three letters left. */
static void keys_accusative(lex_keys *k)
{
    size_t n = strlen(k->bare);
    k->acc[0] = '\0';
    if (n >= 8 && !strcmp(k->bare + n - 2, "ا")) {
        memcpy(k->acc, k->bare, n - 2);
        k->acc[n - 2] = '\0';
    }
}

/* قتلوهم، اعتقلوه، استهدفوها: the perfect plural drops the alef of وا
 * before an object pronoun; the lexicon lists the form without one. Three
 * letters before the و, so that no short noun (أبوه) is read as a verb. */
static void keys_plural(const morph_word *w, lex_keys *k)
{
    size_t n = strlen(k->stem);
    k->plural[0] = '\0';
    if (w->n_seg == 0 || w->seg[w->n_seg - 1].kind != MSEG_SUFFIX || n < 8 ||
        n + 3 > sizeof k->plural || strcmp(k->stem + n - 2, "و") != 0)
        return;
    memcpy(k->plural, k->stem, n);
    memcpy(k->plural + n, "ا", 3);
}

/* Where a pattern's gap stops: a complementiser opens another clause (أعلنت
 * الشركة أن العقوبات ... is no announced sanction), and so does strong
 * punctuation. Commas and quotes do not: VSO puts adverbs between commas,
 * and quotes wrap objects (قطعوا "شارع الزراعة"). */
static bool keys_stop(const lex_keys *k, const rasd_token *t)
{
    static const char *const comp[] = {"ان", "انه", "انها", "انهم", "انهما", "لان", "بان",
                                       "بانه", "بانها", "لانه", "لانها", "فان", "فانه",
                                       "فانها"};
    static const char *const punct[] = {".", ":", "؛", "؟", "!"};
    if (t->kind == RASD_TOK_PUNCT) {
        for (size_t q = 0; q < sizeof punct / sizeof punct[0]; q++)
            if (!strcmp(k->full, punct[q]))
                return true;
        return false;
    }
    for (size_t q = 0; q < sizeof comp / sizeof comp[0]; q++)
        if (!strcmp(k->full, comp[q]))
            return true;
    return false;
}

/* (declared in code_int.h) */
bool coder_case_prefix(const morph_word *w)
{
    for (uint8_t q = 0; q < w->n_seg; q++)
        if (w->seg[q].kind == MSEG_PREFIX && (w->seg[q].clitic == MCL_BI ||
                                              w->seg[q].clitic == MCL_LI || w->seg[q].clitic == MCL_KA))
            return true;
    return false;
}

/* A four-digit number from 1900 to 2099 (وفي 2017 شن). */
static bool year_like(const rasd_token *t)
{
    const char *p = t->norm;
    if (t->norm_len != 4 || !((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')))
        return false;
    return p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9';
}

/* Can token i be a finite verb, judging by what comes before it? A verb
 * form that is also its own verbal noun (شن) is a verb first in its
 * clause, after a verbal particle (قد، ثم، كما)، أنه or a relative pronoun,
 * or after a definite subject (الجيش الوطني شن); after a preposition or a
 * noun (إثر شن، إمكان شن، ونفت سوريا شن) it is the noun — which the slot admits
 * after a verb of denial, refusal or intent (نفى الجيش قصف), as modality.c
 * gives such an act its modality. Folded forms. */
static bool keys_verb_slot(const coder_sent *cs, size_t i)
{
    static const char *const before[] = {
        "قد", "لقد", "فقد", "وقد", "ثم", "كما", "حيث", "عندما", "بعدما", "حين", "لما", "كان",
        "وكان", "كانت", "وكانت", "انه", "انها", "انهم", "بانه", "بانها", "وانه", "الذي", "التي",
        "الذين", "اللذان", "اللتان"};
    if (i == 0)
        return true;
    /* a hashtag is a noun phrase (#طالب_لجوء); after a count comes what is
     * counted (16000 طالب), after a date a verb may follow (في 2018 شن) */
    if (!strcmp(cs->keys[i - 1].full, "#") ||
        (cs->toks[i - 1].kind == RASD_TOK_NUMBER && !cs->keys[i - 1].when &&
         !year_like(&cs->toks[i - 1])))
        return false;
    if (cs->toks[i - 1].kind != RASD_TOK_ARABIC)
        return true;
    const lex_keys *p = &cs->keys[i - 1];
    for (size_t q = 0; q < sizeof before / sizeof *before; q++)
        if (!strcmp(p->full, before[q]))
            return true;
    /* the object of a verb of denial or intent: the verbal noun, an act
     * whose modality that verb gives */
    if (modality_act_governor(cs, i) != SIZE_MAX)
        return true;
    /* after its subject (الجيش الوطني شن) — unless that subject belongs to a
     * verb that takes the act as its object (حاولت القوات شن) */
    size_t j = modality_subject_run(cs, i);
    if (j == i)
        return false;
    if (j == 0)
        return true;
    return !modality_attempt_verb(&cs->keys[j - 1]);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* (declared in code_int.h) */
bool coder_may_start_date(const coder_sent *cs, size_t i)
{
    /* the words time_resolve starts a relative date with (and the first
     * word of two-word month names), sorted bytewise for bsearch: the
     * parser is too slow to try at every token */
    static const char *const first[] = {
        "اخر", "اخير", "اسبوع", "امس", "اوائل", "اواخر", "اواسط", "اول", "بارحه", "بدايات",
        "بدايه", "بعد", "تشرين", "خلال", "سنه", "شهر", "طوال", "عام", "غد", "غدا", "قبل", "كانون",
        "مطلع", "منتصف", "منذ", "نهايه", "يوم"};
    const rasd_token *t = &cs->toks[i];
    if (t->kind == RASD_TOK_NUMBER)
        return true;
    if (t->kind != RASD_TOK_ARABIC)
        return false;
    const char *b = cs->keys[i].bare;
    size_t n = strlen(b); /* month names have two to six letters */
    return bsearch(&b, first, sizeof first / sizeof *first, sizeof *first, cmp_str) ||
           clause_when_word(cs, i) || (n >= 4 && n <= 12 && time_month_name(b, n) > 0);
}

/* Mark the tokens of the date expressions of the sentence (في 13
 * حزيران/يونيو، منذ 18 فبراير، منذ ثلاثة أيام), with the preposition that
 * introduces an absolute one. Only the extent matters here, so relative
 * dates resolve against a fixed reference; ev_sentence_dates dates events. */
static void keys_dates(coder_sent *cs)
{
    static const char *const preps[] = {"في", "منذ", "بتاريخ", "حتي"};
    static const rasd_date ref = {.year = 2000, .month = 1, .day = 1, .precision = RASD_PREC_DAY};
    for (size_t i = 0; i < cs->n; i++) {
        const rasd_token *t = &cs->toks[i];
        if (!coder_may_start_date(cs, i))
            continue;
        rasd_date d;
        const char *p = cs->doc_text + t->start;
        size_t left = cs->s->end - t->start;
        size_t used = time_resolve(p, left, &ref, &d);
        if (!used || d.precision == RASD_PREC_NONE)
            continue;
        if (i > 0 && CODER_TOK_IN(cs, i - 1, preps))
            cs->keys[i - 1].when = true;
        for (; i < cs->n && cs->toks[i].start < t->start + used; i++)
            cs->keys[i].when = true;
        i--;
    }
}

/* Mark time adverbials: a day or time word (clause_when_word), the words
 * that qualify it (الخميس الماضي، صباح اليوم), dates (keys_dates) and the
 * commas that set them off (، الثلاثاء،). A pattern's gap does not count
 * them. */
static void keys_when(coder_sent *cs)
{
    /* (days, يوم and أمس are when words themselves) */
    static const char *const after[] = {"ماضي", "ماضيه", "مقبل", "مقبله", "فائت", "فائته",
                                        "اول"};
    for (size_t i = 0; i < cs->n; i++)
        cs->keys[i].when = false;
    keys_dates(cs);
    for (size_t i = 0; i < cs->n; i++) {
        bool comma = !strcmp(cs->keys[i].full, ",");
        bool prev = i > 0 && cs->keys[i - 1].when;
        cs->keys[i].when = comma ? prev && strcmp(cs->keys[i - 1].full, ",") != 0
                                 : cs->keys[i].when ||
                                       (cs->toks[i].kind == RASD_TOK_ARABIC &&
                                        (clause_when_word(cs, i) ||
                                         (prev && CODER_TOK_IN(cs, i, after))));
        if (!comma && cs->keys[i].when && i > 0 && !strcmp(cs->keys[i - 1].full, ","))
            cs->keys[i - 1].when = true;
    }
}

static void keys_fill(const lexicon *lx, coder_sent *cs, const char *text)
{
    for (size_t i = 0; i < cs->n; i++) {
        lex_keys *k = &cs->keys[i];
        lexicon_fold(cs->toks[i].norm, cs->toks[i].norm_len, k->full);
        k->stop = keys_stop(k, &cs->toks[i]);
        if (cs->toks[i].kind == RASD_TOK_ARABIC) {
            keys_bare(cs, text, i, k->bare);
            lexicon_fold(cs->mw[i].stem_key, strlen(cs->mw[i].stem_key), k->stem);
            lexicon_fold(cs->mw[i].lemma_key, strlen(cs->mw[i].lemma_key), k->lemma);
            keys_accusative(k);
            keys_plural(&cs->mw[i], k);
            k->definite = cs->mw[i].det != 0;
            k->nominal = k->definite || coder_case_prefix(&cs->mw[i]);
            k->future = coder_has_clitic(cs, i, MCL_SA);
        } else {
            k->nominal = k->definite = k->future = false;
            k->bare[0] = k->stem[0] = k->lemma[0] = k->acc[0] = k->plural[0] = '\0';
        }
    }
    keys_when(cs);
    for (size_t i = 0; i < cs->n; i++)
        cs->keys[i].verb_slot = lexicon_finite_head(lx, &cs->keys[i]) && keys_verb_slot(cs, i);
    clause_mark_asides(cs);
}

/* ---------------------------------------------------------- place */

static bool overlaps(const geo_match *g, const mention *m)
{
    return m && g->name_tok <= m->last && g->name_tok + g->name_ntok > m->first;
}

/* Where: a place phrase from the trigger on, else anywhere in the sentence
 * but its dateline (where the report was filed); a bare country name that
 * is itself an argument is an actor, not a place. */
static void ev_place(const rasd_ctx *ctx, const coder_sent *cs, const lex_hit *h, ev_args *a)
{
    geo_match g;
    a->has_place = false;
    if (!ctx->geo)
        return;
    bool found = geo_event_place(ctx->geo, cs->toks, cs->n, h->first, cs->n, &g) ||
                 geo_event_place(ctx->geo, cs->toks, cs->n, cs->body, cs->n, &g);
    if (!found)
        return;
    if (g.cue == GEO_CUE_NONE && (overlaps(&g, a->src) || overlaps(&g, a->tgt)))
        return;
    a->place = g;
    a->has_place = true;
}

/* ---------------------------------------------------------- per sentence */

/* Speech verbs mark reported content; their subject is the speaker.
 * spk[k] is the speaker of hit k (NULL for other hits), found once. */
static bool agrees(const coder_sent *cs, const lex_hit *h, const mention *m);

/* What follows a verb at token i cannot be its subject: the
 * complementiser, a colon or quote, or a phrase with a preposition (وقال
 * في بيان، وأضاف لوكالة). */
static bool no_subject_after(const coder_sent *cs, size_t i)
{
    static const char *const words[] = {"ان", "انه", "انها", "انهم", "اننا", "بان", "بانه",
                                        "بانها", "في", "خلال", "امام", "عبر", "قائلا",
                                        "قائله", "ايضا", "كذلك"};
    if (i >= cs->n || cs->toks[i].kind == RASD_TOK_PUNCT)
        return true;
    return CODER_TOK_IN(cs, i, words) || coder_has_clitic(cs, i, MCL_LI) ||
           coder_has_clitic(cs, i, MCL_BI);
}

/* وقال سفير الكويت ... . وأوضح أنه طلب: a verb of saying that opens its
 * sentence without a subject continues the last speaker. */
static const mention *continued_speaker(const coder_sent *cs, const coder_memory *mem,
                                        const lex_hit *h)
{
    size_t t0 = h->trig[0];
    /* whoever spoke or acted last (حذر كيليشدار أوغلو … . وقال:), three
     * sentences back at most: a later quote is someone's the text has
     * moved on to */
    const mention *m = mem->have_speaker ? &mem->last_speaker : NULL;
    const rasd_sentence *at = mem->speaker_sent;
    if (mem->have_source && mem->source_sent && (!m || mem->source_sent > at))
        m = &mem->last_source, at = mem->source_sent;
    if (!m || cs->s - at > 3 || !(t0 == 0 || (t0 == 1 && coder_tok_is(cs, 0, "كما"))) ||
        cs->mw[t0].upos != UPOS_VERB || !no_subject_after(cs, h->last + 1) ||
        !agrees(cs, h, m))
        return NULL;
    return m;
}

static void find_speakers(coder_sent *cs, const coder_memory *mem, const lex_hit *hits,
                          size_t nh, const mention **spk)
{
    for (size_t k = 0; k < nh; k++) {
        spk[k] = NULL;
        if (!(hits[k].e->opts & LEXO_SPEECH))
            continue;
        size_t lo, hi;
        clause_bounds(cs, hits[k].first, hits[k].last, &lo, &hi);
        clause_hide_asides(cs, hits[k].trig[0]);
        ev_args a = {0};
        args_assign(cs, &hits[k], lo, hi, &a);
        spk[k] = a.src ? a.src : continued_speaker(cs, mem, &hits[k]);
    }
    clause_hide_asides(cs, SIZE_MAX);
}

/* The speaker of the sentence's first verb of saying that has one. */
static const mention *first_speaker(const mention *const *spk, size_t nh)
{
    for (size_t k = 0; k < nh; k++)
        if (spk[k])
            return spk[k];
    return NULL;
}

/* أعلنت السلطات البحرينية، السبت، اعتقال 14 إيرانيا: a verbal noun that
 * is the very object of أعلن (no complementiser between) is the
 * announcer's own act. */
static bool announced(const coder_sent *cs, const lex_hit *hits, size_t nh, const lex_hit *h)
{
    const lex_hit *sp = NULL;
    for (size_t k = 0; k < nh && hits[k].last < h->first; k++)
        if (hits[k].e->opts & LEXO_SPEECH)
            sp = &hits[k];
    if (!sp || !strstr(cs->keys[sp->trig[0]].bare, "علن") || h->first > sp->last + 8)
        return false;
    for (size_t i = sp->last + 1; i < h->first; i++)
        if (clause_start(cs, i) && cs->toks[i].kind != RASD_TOK_PUNCT)
            return false;
    return true;
}

/* The speaker of the last speech verb before token `before`. */
static const mention *speaker_of(const lex_hit *hits, const mention *const *spk, size_t nh,
                                 size_t before)
{
    const mention *sp = NULL;
    for (size_t k = 0; k < nh && hits[k].trig[0] < before; k++)
        if (spk[k])
            sp = spk[k];
    return sp;
}

/* Is token i one of the words an earlier hit matched? */
static bool in_earlier_hit(const lex_hit *hits, size_t nh, size_t i)
{
    for (size_t k = nh; k-- > 0 && hits[k].last >= i;)
        for (size_t j = 0; j < hits[k].n_trig; j++)
            if (hits[k].trig[j] == i)
                return true;
    return false;
}

static size_t find_triggers(const rasd_ctx *ctx, const coder_sent *cs, lex_hit *hits, size_t cap)
{
    size_t nh = 0;
    for (size_t i = 0; i < cs->n && nh < cap;) {
        lex_hit h;
        if (cs->toks[i].kind == RASD_TOK_ARABIC && !in_earlier_hit(hits, nh, i) &&
            lexicon_match_at(ctx->lex, cs->keys, cs->n, i, &h)) {
            hits[nh++] = h;
            i = h.trig[0] + 1; /* a gap pattern may still let later triggers start inside */
            continue;
        }
        i++;
    }
    return nh;
}

/* Material conflict is worth reporting even when nobody is named (a
 * shelling, a demonstration); other events need at least one actor. */
static bool needs_actor(plover_cat c)
{
    return c != PL_ASSAULT && c != PL_PROTEST && c != PL_MOBILIZE && c != PL_COERCE;
}

/* An arrest, a deportation or a deployment named by its verbal noun with
 * nobody named (بعد احتجازه، مذكرة توقيف، وقف الاحتجاز التعسفي، الخوف
 * من الترحيل) refers to a practice or to an act reported before; a finite
 * verb (اعتقلت للمرة الثانية) or تم/جرى + noun (تم اعتقال جمال) reports
 * one. */
static bool actorless_reference(const coder_sent *cs, const lex_hit *h)
{
    plover_cat c = h->e->cat;
    size_t t0 = h->trig[0];
    if ((c != PL_COERCE && c != PL_MOBILIZE) || !((h->e->opts & LEXO_NOUN) || cs->keys[t0].nominal))
        return false;
    return !args_after_aux(cs, t0);
}

/* A `cue` trigger needs a party, except a violent one in a sentence that
 * names the weapon or the attack besides (60 شخصا قتلوا … في هجوم
 * انتحاري): a generic word alone (قتلوا، استشهد) says too little. */
static bool actorless_cue(const coder_sent *cs, const lex_hit *h)
{
    if (!(h->e->opts & LEXO_CUE))
        return false;
    return h->e->cat != PL_ASSAULT || !coder_names_violence(cs, h);
}

/* One event per act: an event that adds nothing to another of the same
 * category in the sentence (no actor of its own, or the same dyad) goes.
 * Only candidates marked in `live` count as the other (NULL: all). */
static bool subsumed(const ev_cand *c, size_t k, size_t n, const bool *live)
{
    for (size_t j = 0; j < n; j++) {
        if (j == k || c[j].h.e->cat != c[k].h.e->cat || (live && !live[j]))
            continue;
        /* المتظاهرون in a sentence that reports the protest by its verb */
        if ((c[k].h.e->opts ^ c[j].h.e->opts) & LEXO_AGENT) {
            if (c[k].h.e->opts & LEXO_AGENT)
                return true;
            continue;
        }
        bool k_empty = !c[k].a.src && !c[k].a.tgt, j_empty = !c[j].a.src && !c[j].a.tgt;
        if (k_empty && !j_empty)
            return true;
        if (args_same_actor(c[k].a.src, c[j].a.src) && args_same_actor(c[k].a.tgt, c[j].a.tgt) && j < k)
            return true;
        if (c[k].a.src && !c[k].a.tgt && c[j].a.tgt && args_same_actor(c[k].a.src, c[j].a.src))
            return true;
    }
    return false;
}

/* Expand a pair (الجانبان) into the last two parties, and give a
 * counterpart (نظيره) the sector of the party it is the counterpart of. */
static void adjust_args(const coder_memory *mem, ev_args *a)
{
    if (a->src && a->src->pair) {
        const mention *p = a->src;
        a->src_own = mem->pair_a;
        a->src_own.start = p->start, a->src_own.end = p->end;
        a->src = &a->src_own;
        if (!a->tgt) {
            a->tgt_own = mem->pair_b;
            a->tgt_own.start = p->start, a->tgt_own.end = p->end;
            a->tgt = &a->tgt_own;
        }
    }
    if (a->tgt && a->tgt->pair)
        a->tgt = NULL;
    if (a->tgt && a->tgt->counterpart && a->src && a->src->sector[0] &&
        strcmp(a->tgt->sector, a->src->sector)) {
        a->tgt_own = *a->tgt;
        memcpy(a->tgt_own.sector, a->src->sector, sizeof a->tgt_own.sector);
        snprintf(a->tgt_own.code, sizeof a->tgt_own.code, "%s%s", a->tgt_own.country,
                 a->tgt_own.sector);
        a->tgt = &a->tgt_own;
    }
}

/* A definite noun right after the verb is its subject even when it is no
 * actor (ويطالب القرار ...): then the subject is not carried over. After
 * a pattern that goes on past its verb (مطالبين باستقالة الحكومة، تطبع
 * العلاقات مع) the word after the pattern is no subject. */
/* ذكر المرصد أن [الغارة] استهدفت، قال إن الطائرات الحربية قصفت: a noun
 * that is no actor between أن/إن and the verb (an adjective at most after
 * it) is the verb's subject, so the speaker is not the attacker. */
static bool subject_after_complementizer(const coder_sent *cs, size_t t0)
{
    for (size_t back = 2; back <= 3 && back <= t0; back++) {
        size_t k = t0 - back, s = k + 1;
        if (!coder_tok_is(cs, k, "ان"))
            continue;
        if (!cs->mw[s].det || cs->mw[s].upos != UPOS_NOUN || (back == 3 && cs->mw[s + 1].upos != UPOS_ADJ))
            return false;
        for (size_t m = 0; m < cs->nm; m++)
            if (cs->m[m].first <= t0 - 1 && cs->m[m].last >= s)
                return false;
        return true;
    }
    return false;
}

/* Words that count a group (عشرات النواب، عدد من المجازر). */
static const char *const count_words[] = {"عدد", "عشرات", "مئات", "الاف", "بعض", "مجموعه"};

/* علّق تويتر الحسابات، فرض ترامب عقوبات: a name in a pattern's gap, right
 * after its verb, is the subject the dictionary does not know. Not after a
 * plural verb, whose subject is in it (ألقوا قنابل وعبوات), nor a count, a
 * quantifier or a demonstrative (ارتكبت عدد من المجازر، ودعا جميع الأطراف). */
static bool gap_name_subject(const coder_sent *cs, const lex_hit *h)
{
    static const char *const determiner[] = {"هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء",
                                             "جميع", "كل", "كافه", "مختلف"};
    size_t t0 = h->trig[0], g = t0 + 1;
    if (h->n_trig < 2 || h->trig[1] <= g || cs->mw[t0].upos != UPOS_VERB ||
        args_verb_plural(cs, t0) || cs->toks[g].kind != RASD_TOK_ARABIC ||
        CODER_TOK_IN(cs, g, count_words) || CODER_TOK_IN(cs, g, determiner))
        return false;
    bool name = cs->mw[g].upos == UPOS_PROPN ||
                (cs->mw[g].upos == UPOS_NOUN && !cs->mw[g].det && !coder_accusative(cs, g));
    return name && !coder_has_clitic(cs, g, MCL_BI) && !coder_has_clitic(cs, g, MCL_LI) &&
           !clause_when_word(cs, g);
}

static bool overt_subject(const coder_sent *cs, const lex_hit *h)
{
    size_t i = h->last + 1;
    /* (only for attacks: البلدين اتفقا، المجموعة ستجتمع name actors the
     * dictionary does not know, and the speaker is often one of them) */
    if (h->e->cat == PL_ASSAULT &&
        (subject_after_complementizer(cs, h->trig[0]) || args_attack_noun_before(cs, h)))
        return true;
    bool goes_on = h->n_trig > 1 && h->trig[1] == h->trig[0] + 1;
    if (!goes_on && i < cs->n && cs->mw[i].det && cs->mw[i].upos == UPOS_NOUN)
        return true;
    if (gap_name_subject(cs, h))
        return true;
    /* وطالب 14 خبيرا، وطالب عشرات النواب: a count names who speaks (after
     * an attack it counts the victims: وقتل 3 جنود) */
    if (!goes_on && i < cs->n && h->e->cat != PL_ASSAULT && h->e->cat != PL_COERCE &&
        (cs->toks[i].kind == RASD_TOK_NUMBER || CODER_TOK_IN(cs, i, count_words)))
        return true;
    /* الأمر الذي يهدد حياة الملايين: the relative's antecedent is the
     * subject, actor or not */
    return args_relative_before(cs, h->trig[0]);
}

/* The unstated subject of a verb, from its own sentence: the source of the
 * sentence's previous event (التقى X نظيره، وبحث معه ...), else the first
 * actor without a preposition before the verb's clause and after the
 * last verb of saying (أوضح باتيل أن موقف الولايات المتحدة واضح، ولن
 * تطبع ...; لكن حكومة الأسد - التي ... - تنفي). NULL leaves it to the
 * speaker and the document memory. */
/* A plural verb (يوافقوا, قالوا, يطالبون) cannot have one person as its
 * subject. */
static bool agrees(const coder_sent *cs, const lex_hit *h, const mention *m)
{
    return m && !(args_verb_plural(cs, h->trig[0]) && mention_singular(cs, m));
}

/* تعاونا من قبل [السعودية]، على يد [القوات]: an agent named after the act
 * is no subject that a later verb could share. */
static bool agent_phrase(const mention *m)
{
    return m && m->prep && (!strcmp(m->prep, "قبل") || !strcmp(m->prep, "يد"));
}

static const mention *dropped_subject(const coder_sent *cs, const lex_hit *hits, size_t nh,
                                      const lex_hit *h, size_t lo, const ev_cand *c, size_t n)
{
    /* An accusative participle (مطالبا، داعيا) describes the subject of
     * the last finite verb (ندد ملادينوف بمقتل أطفال برصاص القوات،
     * مطالبا ...), not of a verbal noun in between. */
    size_t last = n;
    if (args_participle(cs, h->trig[0]))
        while (last > 0 && cs->mw[c[last - 1].h.trig[0]].upos != UPOS_VERB)
            last--;
    /* not from a conditional or denied act (إذا لم ينسحب مسلحون), nor an
     * agent named by من قبل / على يد, who is no subject */
    const mention *prev = last > 0 ? c[last - 1].a.src : NULL;
    if (last > 0 && !agent_phrase(prev) && agrees(cs, h, prev) && !c[last - 1].a.negated &&
        !strcmp(c[last - 1].a.modality, "asserted"))
        return c[last - 1].a.src;
    size_t from = 0;
    for (size_t k = 0; k < nh && hits[k].trig[0] < h->trig[0]; k++)
        if (hits[k].e->opts & LEXO_SPEECH)
            from = hits[k].last + 1;
        else if (args_reported_death(cs, &hits[k])) /* أعلنت [الوزارة] مقتل */
            from = hits[k].trig[0] + 1;
    /* the speaker is no topic of what he says: start after the
     * complementiser (أوضح باتيل أن موقف الولايات المتحدة ...) */
    for (size_t i = from; from > 0 && i < lo && i < from + 6; i++)
        if (coder_tok_is(cs, i, "ان")) {
            from = i + 1;
            break;
        }
    /* the topic: the first actor without a preposition */
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first >= from && m->last < lo && !m->prep && args_usable(m) &&
            !args_place_of(cs, m))
            return agrees(cs, h, m) ? m : NULL;
    }
    return NULL;
}

/* *own becomes a copy of ref placed on token tok of this sentence (a
 * party the text names by a pronoun or a pair word); returns own. */
static const mention *placed_copy(mention *own, const mention *ref, const coder_sent *cs,
                                  size_t tok)
{
    *own = *ref;
    own->first = own->last = tok;
    own->start = cs->toks[tok].start;
    own->end = cs->toks[tok].end;
    return own;
}

/* The token that carries a third-person masculine singular pronoun as the
 * object of a meeting verb: the verb (استقبله، التقاه) or به / معه right
 * after it (اجتمع به); SIZE_MAX if none. */
static size_t met_pronoun(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    const morph_word *w = &cs->mw[t0];
    if (h->first != h->last)
        return SIZE_MAX;
    /* verbs whose object is a person (not ناقشاه: what is discussed); on a
     * verbal noun the pronoun is its doer (زيارته) */
    static const char *const meet[] = {"استقبل", "استقبلت", "يستقبل", "تستقبل", "التقا",
                                       "التقي", "التقت", "يلتقي", "قابل", "قابلت", "زار",
                                       "زارت", "استضاف", "استضافت"};
    if (args_has_suffix(w) && w->seg[w->n_seg - 1].end - w->seg[w->n_seg - 1].start == 2 &&
        coder_ends_with(cs->keys[t0].full, "ه") && !cs->keys[t0].nominal)
        for (size_t k = 0; k < sizeof meet / sizeof meet[0]; k++)
            if (!strcmp(cs->keys[t0].stem, meet[k]))
                return t0;
    if (t0 + 1 < cs->n && (coder_tok_is(cs, t0 + 1, "به") || coder_tok_is(cs, t0 + 1, "معه")))
        return t0 + 1;
    return SIZE_MAX;
}

/* استقبله الرئيس الكوري الجنوبي، التقاه، اجتمع به: whom one meets as a
 * pronoun is the last person or state before it in the sentence, else the
 * last person of the sentences before (ووصل الى المنطقة حيث استقبله ...),
 * when of another country than the source. The mention is copied to
 * a->tgt_own and placed on the pronoun. */
static bool met_person(const coder_sent *cs, const coder_memory *mem, const lex_hit *h,
                       ev_args *a)
{
    size_t p = met_pronoun(cs, h);
    if (p == SIZE_MAX || !a->src)
        return false;
    const mention *ref = NULL;
    for (size_t k = 0; k < cs->nm && cs->m[k].last < h->first; k++)
        if (args_usable(&cs->m[k]) && (cs->m[k].person || cs->m[k].state) && !cs->m[k].prep)
            ref = &cs->m[k];
    if (!ref && mem->have_prev_person)
        ref = &mem->prev_person;
    if (!ref || !ref->country[0] || !strcmp(ref->country, a->src->country))
        return false;
    a->tgt = placed_copy(&a->tgt_own, ref, cs, p);
    a->tgt_own.prep = NULL;
    a->tgt_own.resolved = true;
    return true;
}

/* A visit is to someone: with no actor visited, the country of the place
 * visited (زار قادة أوروبيون سكوبيا, الزيارة في اسكتلندا) is the host when
 * it is not the visitor's own; a visit to nobody (بزيارة باحة المسجد,
 * زيارات ولي العهد) is no diplomatic event. */
static bool visit_host(const rasd_ctx *ctx, const coder_sent *cs, const coder_memory *mem,
                       const lex_hit *h, ev_args *a)
{
    bool host = !strcmp(h->e->cameo, "043");
    if (h->e->cat != PL_CONSULT)
        return true;
    if (!a->tgt && met_person(cs, mem, h, a))
        return true;
    if ((!h->e->mode || strcmp(h->e->mode, "visit")) && !host)
        return true;
    /* ويزور نحو ثلاثة ملايين صيني الولايات المتحدة: crowds travel, they do
     * not pay visits */
    if (a->src && a->src->first > 0 && (cs->toks[a->src->first - 1].kind == RASD_TOK_NUMBER ||
                                        coder_tok_is(cs, a->src->first - 1, "ملايين") ||
                                        coder_tok_is(cs, a->src->first - 1, "الاف") ||
                                        coder_tok_is(cs, a->src->first - 1, "مئات")))
        return false;
    /* زار رئيس الوزراء الفلسطيني قطاع غزة: a trip at home, no one visited */
    if (a->tgt && a->src && !a->tgt->sector[0] && a->tgt->country[0] &&
        !strcmp(a->tgt->country, a->src->country) && !a->tgt->person)
        return false;
    /* visiting a detention centre, receiving refugees or fighters: no
     * diplomacy (a person by name still counts) */
    static const char *const civil[] = {"REF", "CVL", "MED", "EDU", "HLH", "BUS", "LAB",
                                        "UAF", "CRM"};
    for (size_t k = 0; a->tgt && !a->tgt->named && k < sizeof civil / sizeof civil[0]; k++)
        if (!strcmp(a->tgt->sector, civil[k]))
            return false;
    if (a->tgt)
        return true;
    if (host) /* استقبل X: nobody coded was received (الرفات، اللاعبين) */
        return false;
    geo_match g; /* the place must follow the trigger closely */
    size_t to = h->last + 7 < cs->n ? h->last + 7 : cs->n;
    if (!ctx->geo || !geo_event_place(ctx->geo, cs->toks, cs->n, h->first, to, &g) ||
        !g.place->country[0] || (a->src && !strcmp(a->src->country, g.place->country)))
        return false;
    memset(&a->tgt_own, 0, sizeof a->tgt_own);
    a->tgt_own.first = g.name_tok;
    a->tgt_own.last = g.name_tok + (g.name_ntok ? g.name_ntok - 1 : 0);
    memcpy(a->tgt_own.country, g.place->country, sizeof a->tgt_own.country);
    memcpy(a->tgt_own.code, g.place->country, sizeof a->tgt_own.country);
    a->tgt_own.start = cs->toks[a->tgt_own.first].start;
    a->tgt_own.end = cs->toks[a->tgt_own.last].end;
    a->tgt_own.named = true;
    a->tgt = &a->tgt_own;
    return true;
}

/* يلتقي خلالها الرئيس بوتين: "during it" ties the verb to the event just
 * reported (a visit); its unstated subject is that event's source, the
 * actor after it is the one met, and a planned visit makes a planned
 * meeting. */
static bool during_previous(const coder_sent *cs, const lex_hit *h)
{
    static const char *const during[] = {"خلاله", "خلالها", "خلالهما", "خلالهم"};
    for (size_t d = 0; d < sizeof during / sizeof during[0]; d++)
        if (coder_tok_is(cs, h->last + 1, during[d]))
            return true;
    return false;
}

static void inherit_previous(const coder_sent *cs, const lex_hit *h, size_t hi,
                             const ev_cand *prev, ev_args *a)
{
    const mention *src = prev->a.src;
    a->src = src;
    a->tgt = args_first_after(cs, h->last + 1, hi, NULL, src);
    if (a->tgt && src && args_same_actor(a->tgt, src))
        a->tgt = NULL;
}

/* What a demand or a threat asks for or promises has not happened: دعا
 * بوتين إلى انسحاب القوات، هدد بفرض عقوبات، طالبت بوقف الغارات. A verbal
 * noun that follows a REQUEST or THREATEN trigger within six tokens of
 * its clause is its object. */
static bool demanded(const coder_sent *cs, const ev_cand *c, size_t n, const lex_hit *h)
{
    /* (what comes after these happened before: إثر اتهامه بشن هجوم) */
    static const char *const after_words[] = {"بعد", "اثر", "عقب"};
    static const char *const cond[] = {"شرط", "شروط", "شروطه", "شروطها", "مطالب", "مطلب",
                                       "اشترط", "اشترطت", "يشترط", "تشترط", "بشرط"};
    if (h->e->cat == PL_REQUEST || h->e->cat == PL_THREATEN)
        return false;
    /* شروط النظام المسبقة وأولها انسحاب القوات التركية: a condition */
    if (cs->mw[h->trig[0]].upos != UPOS_VERB)
        for (size_t i = h->trig[0], steps = 0; i-- > 0 && steps < 6; steps++) {
            if (clause_start(cs, i) && cs->toks[i].kind == RASD_TOK_PUNCT)
                break;
            for (size_t k = 0; k < sizeof cond / sizeof cond[0]; k++)
                if (!strcmp(cs->keys[i].bare, cond[k]) || !strcmp(cs->keys[i].stem, cond[k]))
                    return true;
        }
    for (size_t j = 0; j < n; j++) {
        plover_cat k = c[j].h.e->cat;
        /* counted from the demand's addressee when it follows (ناشد X،
         * منسق …، الحكومة في رسالة وقف إطلاق النار) */
        size_t from = c[j].h.last;
        /* (and from its subject after it: ودعت 5 من دول مجلس الأمن إلى) */
        if (c[j].a.src && c[j].a.src->first > from && c[j].a.src->last < h->first)
            from = c[j].a.src->last;
        if (c[j].a.tgt && c[j].a.tgt->first > from && c[j].a.tgt->last < h->first)
            from = c[j].a.tgt->last;
        if (!(k == PL_REQUEST || k == PL_THREATEN) || c[j].h.last >= h->first ||
            h->first > from + 6 || cs->mw[h->trig[0]].upos == UPOS_VERB)
            continue;
        /* a verbal noun in the same clause, no other verb between (not:
         * تطالب بمعاقبة روسيا بعدما اتهمتها) */
        bool same_clause = true;
        for (size_t i = from + 1; i <= h->first && same_clause; i++)
            same_clause = !clause_start(cs, i) && !CODER_TOK_IN(cs, i, after_words) &&
                          (i == h->first || cs->mw[i].upos != UPOS_VERB);
        if (same_clause)
            return true;
    }
    return false;
}

/* رفض ماكين تأييد القانون، توقف الغارات: a verbal noun right after a
 * verb of refusal, or an attack after a verb of stopping, did not happen. */
static bool refused(const coder_sent *cs, const ev_cand *c, size_t n, const lex_hit *h)
{
    static const char *const stop[] = {"توقف", "وقف", "اوقف", "ايقاف", "توقفت", "اوقفت"};
    size_t t0 = h->trig[0];
    if (cs->mw[t0].upos == UPOS_VERB)
        return false;
    if (h->e->cat == PL_ASSAULT && t0 > 0 && CODER_TOK_IN(cs, t0 - 1, stop))
        return true;
    for (size_t j = 0; j < n; j++) {
        /* اعتراضها على [دعوة] المجلس: what an objection ends on */
        if (c[j].h.e->cat == PL_REJECT && h->e->cat == PL_REQUEST &&
            (c[j].h.last + 1 == t0 || c[j].h.last + 1 == h->last))
            return true;
        /* a first person is a verb whatever the tagger says (نرفض) */
        if (c[j].h.e->cat != PL_REJECT || c[j].h.n_trig != 1 || c[j].h.last >= t0 ||
            (cs->mw[c[j].h.trig[0]].upos != UPOS_VERB && !(c[j].h.e->opts & LEXO_FIRST)))
            continue;
        /* right after it, or after its subject (رفض [ماكين] تأييد) */
        size_t from = c[j].h.last + 1;
        const mention *s = c[j].a.src;
        if (s && s->first == from)
            from = s->last + 1;
        if (from + 1 >= t0)
            return true;
    }
    return false;
}

/* Words of armed force: a sentence with one speaks of a physical attack.
 * Keys without the article: coder_sentence_has compares clitic-free forms. */
static const char *const force_words[] = {
    "قوات", "قواتنا", "جنود", "جيش", "طائرات", "طائره", "مقاتلات", "دبابات", "مسلحون", "مسلحين",
    "مسلح", "قتلى", "قتيل", "قتيلا", "مقتل", "جرحى", "اصابه", "قصف", "غارات", "غاره", "صواريخ",
    "صاروخ", "قذائف", "رصاص", "نار", "تفجير", "انتحاري", "عبوه", "اسلحه", "موقع", "مواقع", "مركز",
    "مقر", "قاعده", "دوريه"};

/* عقوبات استهدفت الشركات، القرار يستهدف، تستهدف الرسوم: what a measure,
 * a law or an inquiry "targets" is hit by no weapon. The measure is the
 * verb's subject: right after it, or the last noun before it with no verb
 * or weapon between (over a relative pronoun and a time phrase). */
static bool measure_aims(const coder_sent *cs, const lex_hit *h)
{
    static const char *const aim[] = {"استهدف", "استهدفت", "استهدفا", "استهدفوا", "يستهدف",
                                      "تستهدف", "يستهدفون"};
    static const char *const measure[] = {
        "عقوبات", "عقوبه", "اجراءات", "اجراء", "قرار", "قرارات", "قانون", "قوانين", "رسوم",
        "تعريفات", "تحقيق", "تحقيقات", "دعوي", "انتقادات", "تصريحات", "سياسه", "سياسات",
        "خطه", "مشروع", "اصلاحات", "تدابير", "حظر", "قيود", "ضرائب"};
    size_t t0 = h->trig[0];
    if (h->e->cat != PL_ASSAULT || h->n_trig != 1 || !CODER_TOK_IN(cs, t0, aim))
        return false;
    if (t0 + 1 < cs->n && CODER_TOK_IN(cs, t0 + 1, measure))
        return true;
    for (size_t i = t0, seen = 0; i-- > 0 && seen < 6;) {
        if (CODER_TOK_IN(cs, i, measure))
            return true;
        bool slash = cs->toks[i].kind == RASD_TOK_PUNCT && !strcmp(cs->toks[i].norm, "/");
        if (cs->keys[i].when || slash) /* (في نوفمبر/تشرين الثاني) */
            continue;
        seen++;
        if (cs->mw[i].upos == UPOS_VERB || cs->toks[i].kind == RASD_TOK_PUNCT ||
            CODER_TOK_IN(cs, i, force_words))
            return false;
    }
    return false;
}

static bool verbal(plover_cat c)
{
    return c == PL_ACCUSE || c == PL_REQUEST || c == PL_REJECT || c == PL_SUPPORT ||
           c == PL_THREATEN;
}

/* يهدد without ب (يهدد حرية الاختيار، سيهدد بخطر ... is "endangers"):
 * its subject is usually a thing (عدم التحرك، الضرر، هذا), so none is
 * carried over to it; هدد بفرض عقوبات، هدد X بالرد is a threat. */
static bool endangers(const coder_sent *cs, const lex_hit *h)
{
    if (h->e->cat != PL_THREATEN || h->n_trig > 1)
        return false;
    for (size_t i = h->last + 1; i <= h->last + 4 && i < cs->n; i++)
        if (coder_has_clitic(cs, i, MCL_BI) && !coder_tok_is(cs, i, "بخطر"))
            return false;
    return true;
}

/* حزب الله يهدد أمن المنطقة، يهدد الأمن القومي: endangering a state of
 * things is how a speaker judges an actor, not an act of threatening. */
static bool endangers_state(const coder_sent *cs, const lex_hit *h)
{
    static const char *const state[] = {"امن", "الامن", "استقرار", "سلامه", "السلم", "السلام",
                                        "مستقبل", "وحده", "سياده", "مصالح", "حياه",
                                        "الاستقرار", "المصالح", "الملاحه", "الحريات",
                                        "اقتصاد", "الاقتصاد", "وجود", "مقدرات", "المقدرات",
                                        "ثروات", "الثروات", "المنشات", "منشات"};
    size_t i = h->last + 1;
    return i < cs->n && endangers(cs, h) && CODER_TOK_IN(cs, i, state);
}

static bool security_force(const mention *m)
{
    return m && (!strcmp(m->sector, "MIL") || !strcmp(m->sector, "COP") ||
                 !strcmp(m->sector, "SPY"));
}

/* Triggers that report no act at all, before any argument is sought. */
static bool no_act(const coder_sent *cs, const lex_hit *h)
{
    return (h->e->opts & LEXO_SPEECH) || noact_reported(cs, h) || endangers_state(cs, h) ||
           measure_aims(cs, h);
}

/* قضت المحكمة بإعدامه. وقتل عشرات الآلاف: a court, a legislature or the
 * press of an earlier sentence does not carry over as a killer. */
static bool unarmed_attacker(const lex_hit *h, const mention *m)
{
    return h->e->cat == PL_ASSAULT && (!strcmp(m->sector, "JUD") || !strcmp(m->sector, "LEG") ||
                                       !strcmp(m->sector, "MED"));
}

/* The pronoun on a meeting noun (محادثاته، لقائه، قمتهما): "" if none,
 * else the pronoun's folded letters. */
static const char *meeting_pronoun(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    const morph_word *w = &cs->mw[t0];
    if (h->e->cat != PL_CONSULT || !(h->e->opts & LEXO_NOUN) || !args_has_suffix(w) ||
        !args_genitive_pronoun(cs, t0))
        return "";
    static const char *const pro[] = {"هما", "هم", "ها", "ه"};
    for (size_t k = 0; k < sizeof pro / sizeof pro[0]; k++)
        if (coder_ends_with(cs->keys[t0].full, pro[k]))
            return pro[k];
    return "";
}

/* A meeting noun whose pronoun names who meets: ه / ها, with a partner
 * named, the speaker of the sentence (مضيفا أن محادثاته مع بوتين) or the
 * last actor before it (وكان ترمب قد وصل عشية قمته مع بوتين); هما two
 * parties of different countries in the sentence (not places), else,
 * with no source found, the last two-party event's. */
static void meeting_parties(const coder_sent *cs, const coder_memory *mem, const lex_hit *h,
                            ev_args *a)
{
    const char *p = meeting_pronoun(cs, h);
    if (!*p)
        return;
    /* (with no partner named, a meeting of one's own: اجتماعه الدوري) */
    if (!strcmp(p, "ه") || !strcmp(p, "ها")) {
        if (a->src || !a->tgt)
            return;
        if (a->speaker && a->speaker != a->tgt && args_usable(a->speaker)) {
            a->src = a->speaker;
            return;
        }
        for (size_t k = 0; k < cs->nm && cs->m[k].last < h->first; k++)
            if (args_usable(&cs->m[k]) && cs->m[k].named && !cs->m[k].prep &&
                &cs->m[k] != a->tgt)
                a->src = &cs->m[k];
        return;
    }
    if (strcmp(p, "هما") || (a->src && a->tgt))
        return;
    const mention *x = NULL;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        /* (a conjunct counts: ترامب وكيم are the two) */
        if (m->adj || m->hidden || !(m->person || m->state) || !m->country[0] ||
            (m->prep && strcmp(m->prep, "مع") != 0) || args_place_of(cs, m) ||
            (m->conj && k > 0 && args_place_of(cs, &cs->m[k - 1]))) /* في بانمونجوم وسنغافورة */
            continue;
        if (!x)
            x = m;
        else if (strcmp(x->country, m->country)) {
            a->src = x;
            a->tgt = m;
            return;
        }
    }
    if (mem->have_pair && !a->src) {
        a->src = placed_copy(&a->src_own, &mem->pair_a, cs, h->trig[0]);
        a->tgt = placed_copy(&a->tgt_own, &mem->pair_b, cs, h->trig[0]);
    }
}

/* Who acts when the clause names nobody, in order: the sentence (the
 * previous event's source, the topic after the verb of saying), the
 * partner's partner of a joint act, the speaker, the previous sentence.
 * A verbal noun (المشاركة، لبحث) and a killing that names its victim
 * (قتل … فلسطينيا, read as a passive) take none carried over; nor does
 * يهدد without ب (endangers). */
static void fill_source(const coder_sent *cs, const coder_memory *mem, const lex_hit *hits,
                        size_t nh, const lex_hit *h, size_t lo, const ev_cand *c, size_t n,
                        bool endanger, ev_args *a)
{
    /* an accusative participle (مطالبين باستقالة الحكومة) acts like its verb */
    bool part = args_participle(cs, h->trig[0]) && !(h->e->opts & LEXO_PASSIVE);
    /* سجناء يحتجزون: a victim before the verb made it a passive */
    bool passive = a->tgt && a->tgt->last < h->trig[0] &&
                   (h->e->cat == PL_ASSAULT || h->e->cat == PL_COERCE);
    bool verb = (part || (!(h->e->opts & (LEXO_PASSIVE | LEXO_NOUN)) && !cs->keys[h->trig[0]].nominal)) &&
                !args_pattern_victim(cs, h) && !endanger && !passive;
    /* ودعت [المجتمع الدولي]: a target right after the verb is no subject;
     * the source of the sentence's previous event carries over */
    bool overt = overt_subject(cs, h) && !(a->tgt && a->tgt->first == h->last + 1);
    /* الهجمات الصاروخية التي استهدفت السعودية: the subject of a relative
     * verb without an object pronoun is its antecedent; when that is no
     * actor, nobody else is */
    if (!a->src && verb && args_relative_verb(cs, h))
        return;
    /* نرفض، ندعو in a quote: "we" are the speaker's side */
    if (!a->src && (h->e->opts & LEXO_FIRST) && a->speaker)
        a->src = a->speaker;
    if (!a->src && verb && !overt_subject(cs, h))
        a->src = dropped_subject(cs, hits, nh, h, lo, c, n);
    /* only the previous event's own source, never the target itself */
    if (!a->src && verb && overt != overt_subject(cs, h) && n > 0 && c[n - 1].a.src &&
        !agent_phrase(c[n - 1].a.src) && !args_same_actor(c[n - 1].a.src, a->tgt))
        a->src = c[n - 1].a.src;
    /* بعد التوصل إلى اتفاق مع الجانب التركي: a joint act named by a
     * noun, with its partner given, is the sentence's actor's */
    if (!a->src && a->tgt && !verb && args_symmetric(h->e->cat) && n > 0 && c[n - 1].a.src &&
        !args_same_actor(c[n - 1].a.src, a->tgt))
        a->src = c[n - 1].a.src;
    /* تظاهروا أمام البرلمان للمطالبة بالإفراج: the purpose is the doers'
     * (not a cause with its own pronoun: اعتقلت الشرطة رجلا لقتله شرطيا) */
    if (!a->src && !verb && args_purpose_noun(cs, h->trig[0]) && n > 0 && c[n - 1].a.src &&
        !args_has_suffix(&cs->mw[h->trig[0]]) &&
        c[n - 1].h.trig[0] >= lo && !strcmp(c[n - 1].a.modality, "asserted") &&
        !args_same_actor(c[n - 1].a.src, a->tgt))
        a->src = c[n - 1].a.src;
    /* (not: أفادت الشرطة … التفجيرات التي استهدفت: the relative's
     * antecedent is the subject) */
    /* (nor: قالت الشرطة إن الغارة استهدفت: the attack's subject is
     * there, no actor) */
    if (!a->src && a->speaker &&
        ((verb && !args_relative_before(cs, h->trig[0]) &&
          !(h->e->cat == PL_ASSAULT && subject_after_complementizer(cs, h->trig[0]))) ||
         announced(cs, hits, nh, h)))
        a->src = a->speaker;
    if (!a->src && verb && mem->have_source && cs->mw[h->trig[0]].upos == UPOS_VERB &&
        !overt_subject(cs, h) && agrees(cs, h, &mem->last_source) &&
        !unarmed_attacker(h, &mem->last_source))
        a->src = &mem->last_source;
    meeting_parties(cs, mem, h, a);
    /* قال الكرملين إنه سيرد على طرد 130 دبلوماسيا روسيا: no state
     * expels or summons its own envoys */
    if (a->src && a->tgt && a->tgt->country[0] && !strcmp(a->src->country, a->tgt->country) &&
        a->tgt == args_envoy_object(cs, h))
        a->src = NULL;
}

/* m is a bare BUS (or absent or uncoded, and the other party is one). */
static bool bare_firm(const mention *m, const mention *other)
{
    if (!m || !m->code[0])
        return other && !strcmp(other->code, "BUS");
    return !strcmp(m->code, "BUS");
}

/* Parties that cannot be what they were found to be; false when the
 * candidate is no event. */
static bool check_parties(const coder_sent *cs, const lex_hit *h, bool endanger, ev_args *a)
{
    if (endanger && !a->src) /* ويهدد سوء التغذية حياة الأطفال */
        return false;
    /* troops and police face protests, they do not stage them (نزلت
     * القوات إلى الشوارع، انتشر الجنود لمواجهة التظاهرات) */
    if (h->e->cat == PL_PROTEST && security_force(a->src))
        a->src = NULL;
    /* a newspaper or agency reports acts, it does not do them (قالت
     * الصحيفة إن ... إطلاق سراحهم): media act only in words */
    if (a->src && !strcmp(a->src->sector, "MED") && !verbal(h->e->cat))
        a->src = NULL;
    /* the same actor twice, or in apposition (الرئيس الأمريكي، دونالد ترامب) */
    if (a->src && a->tgt && args_same_actor(a->src, a->tgt) &&
        (a->src->start == a->tgt->start || args_apposition(cs, a->src, a->tgt) ||
         args_apposition(cs, a->tgt, a->src) || !a->src->person || !a->tgt->person ||
         (a->src->name && a->tgt->name && !strcmp(a->src->name, a->tgt->name)) ||
         (a->src->ident && a->src->ident == a->tgt->ident)))
        a->tgt = NULL; /* USAGOV -> USAGOV: one actor, unless two people */
    /* هددت السعودية على لسان وزير خارجيتها: who speaks for the source */
    if (a->tgt && a->tgt->first >= 2 && coder_tok_is(cs, a->tgt->first - 1, "لسان") &&
        coder_tok_is(cs, a->tgt->first - 2, "علي"))
        a->tgt = NULL;
    if (!a->tgt && (h->e->opts & LEXO_DYAD))
        return false;
    if (!a->src && !a->tgt &&
        (needs_actor(h->e->cat) || actorless_cue(cs, h) || actorless_reference(cs, h)))
        return false;
    /* A firm of no stated country (الشركة المنتجة اتفقت معه) makes
     * business news, not political events, unless a coded party joins it. */
    if (bare_firm(a->src, a->tgt) && bare_firm(a->tgt, a->src))
        return false;
    /* قال مهند عزيز إن تظاهرة انطلقت: a speaker nobody could code is no
     * party of the violence or protest reported, which stands alone */
    if (a->src && a->src == a->speaker && !a->src->code[0] &&
        (h->e->cat == PL_ASSAULT || h->e->cat == PL_PROTEST))
        a->src = NULL;
    /* Parties that are only names nobody could code (clubs, firms) make
     * no usable event: at least one must have a country or a sector. */
    return !((a->src || a->tgt) && !(a->src && (a->src->code[0] || a->src->pair)) &&
             !(a->tgt && a->tgt->code[0]));
}

/* Candidate events of the sentence into c (returns how many); *speaker
 * is the speaker of its first verb of saying that has one, or NULL. */
static size_t sentence_candidates(const rasd_ctx *ctx, coder_sent *cs, coder_memory *mem,
                                  const lex_hit *hits, size_t nh, ev_cand *c,
                                  const mention **speaker)
{
    size_t n = 0;
    const mention *spk[64];
    ev_dates dates;
    find_speakers(cs, mem, hits, nh, spk);
    *speaker = first_speaker(spk, nh);
    ev_sentence_dates(cs, mem, &dates);
    for (size_t k = 0; k < nh; k++) {
        const lex_hit *h = &hits[k];
        if (no_act(cs, h))
            continue;
        size_t lo, hi;
        clause_bounds(cs, h->first, h->last, &lo, &hi);
        clause_hide_asides(cs, h->trig[0]);
        /* built in place: the arguments may point into the candidate */
        ev_args *a = &c[n].a;
        memset(a, 0, sizeof *a);
        args_assign(cs, h, lo, hi, a);
        bool during = n > 0 && c[n - 1].a.src && during_previous(cs, h);
        if (during)
            inherit_previous(cs, h, hi, &c[n - 1], a);
        a->speaker = speaker_of(hits, spk, nh, h->trig[0]);
        bool endanger = endangers(cs, h);
        fill_source(cs, mem, hits, nh, h, lo, c, n, endanger, a);
        if (!check_parties(cs, h, endanger, a))
            continue;
        adjust_args(mem, a);
        ev_place(ctx, cs, h, a);
        if (!visit_host(ctx, cs, mem, h, a))
            continue;
        modality_assign(cs, h, lo, hi, a);
        if (!strcmp(a->modality, "asserted") && demanded(cs, c, n, h))
            a->modality = "hypothetical";
        if (refused(cs, c, n, h))
            a->negated = true;
        if (during && strcmp(c[n - 1].a.modality, "asserted") && !strcmp(a->modality, "asserted"))
            a->modality = c[n - 1].a.modality;
        ev_date(cs, &dates, h, mem, a);
        c[n].h = *h;
        n++;
    }
    clause_hide_asides(cs, SIZE_MAX);
    return n;
}

static bool armed_party(const mention *m)
{
    return security_force(m) || (m && (!strcmp(m->sector, "REB") || !strcmp(m->sector, "UAF") ||
                                       !strcmp(m->sector, "INS")));
}

/* هاجم/هجوم is also a verbal attack: a politician or a body of state or
 * party that "attacks" a person, a policy or the media, in a sentence that
 * names no weapon, force or victim, criticises (ACCUSE, CAMEO 111). */
static bool verbal_attack(const coder_sent *cs, const ev_cand *c)
{
    /* verbs only: the noun (تعرض لهجوم، الهجوم) is a physical attack far
     * more often, and "شن هجوما حادا" is in the lexicon as ACCUSE */
    static const char *const hajm[] = {"هاجم", "هاجمت", "هاجموا", "يهاجم", "تهاجم",
                                       "يهاجمون"};
    static const char *const political[] = {"GOV", "LEG", "PTY", "OPP", "JUD", "MED"};
    const mention *src = c->a.src, *tgt = c->a.tgt;
    static const char *const saying[] = {"متهما", "واصفا", "منتقدا", "قائلا", "معتبرا",
                                         "مشيرا", "مؤكدا", "متهمه", "واصفه", "منتقده",
                                         "قائله", "معتبره"};
    if (c->h.e->cat != PL_ASSAULT || security_force(src) || (tgt && security_force(tgt)))
        return false;
    /* فتح راموس النار على رونالدو قائلا: fire opened in words, where the
     * sentence names no other violence */
    bool fire = false;
    for (size_t j = 0; j + 1 < c->h.n_trig; j++)
        fire |= !strcmp(cs->keys[c->h.trig[j]].bare, "فتح") &&
                !strcmp(cs->keys[c->h.trig[j + 1]].bare, "نار");
    if (fire && coder_sentence_has(cs, saying, sizeof saying / sizeof saying[0]) &&
        !coder_names_violence(cs, &c->h))
        return true;
    if (!src)
        return false;
    /* شن ترامب هجوما على كومي متهما إياه: the noun too, with words that
     * say how */
    static const char *const hujum[] = {"هجوم", "هجوما"};
    bool hj = false, noun = false, pol = src->person;
    for (size_t j = 0; j < c->h.n_trig; j++) {
        const char *b = cs->keys[c->h.trig[j]].bare;
        for (size_t k = 0; k < sizeof hajm / sizeof hajm[0]; k++)
            hj |= !strcmp(b, hajm[k]);
        for (size_t k = 0; k < sizeof hujum / sizeof hujum[0]; k++)
            noun |= !strcmp(b, hujum[k]);
    }
    hj = hj || (noun && coder_sentence_has(cs, saying, sizeof saying / sizeof saying[0]));
    for (size_t k = 0; k < sizeof political / sizeof political[0]; k++)
        pol |= !strcmp(src->sector, political[k]);
    return hj && pol && !coder_sentence_has(cs, force_words, sizeof force_words / sizeof force_words[0]);
}

/* شن هجوما عنيفا، هجوما شديدا: a sharp attack in words (ACCUSE, as the
 * lexicon has it) or in arms. An army or an armed group that makes it, or
 * a sentence of forces, weapons and victims, makes it the latter (شن
 * الجيش اليمني، السبت، هجوما عنيفا على مواقع الميليشيا). */
static bool physical_attack(const coder_sent *cs, const ev_cand *c)
{
    static const char *const ambiguous[] = {"عنيفا", "عنيف", "شديدا", "شديد"};
    if (c->h.e->cat != PL_ACCUSE)
        return false;
    bool amb = false;
    for (size_t j = 0; j < c->h.n_trig && !amb; j++)
        amb = CODER_TOK_IN(cs, c->h.trig[j], ambiguous);
    return amb && (armed_party(c->a.src) || armed_party(c->a.tgt) ||
                   coder_sentence_has(cs, force_words, sizeof force_words / sizeof force_words[0]));
}

/* The first lexicon entry with this CAMEO code (rarely needed: a linear scan). */
static const lex_entry *entry_for_cameo(const lexicon *lx, const char *cameo)
{
    for (size_t i = 0, n = lexicon_size(lx); i < n; i++) {
        const lex_entry *e = lexicon_entry(lx, i);
        if (!strcmp(e->cameo, cameo))
            return e;
    }
    return NULL;
}

static bool state_party(const mention *m)
{
    static const char *const sec[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
    if (!m || !m->country[0] || m->counterpart) /* نظيره: a team's counterpart too */
        return false;
    for (size_t k = 0; k < sizeof sec / sizeof sec[0]; k++)
        if (!strcmp(m->sector, sec[k]))
            return true;
    return false;
}

/* Speech verbs alone make no event. */
static bool coder_has_event_trigger(const lex_hit *hits, size_t nh)
{
    for (size_t k = 0; k < nh; k++)
        if (!(hits[k].e->opts & LEXO_SPEECH))
            return true;
    return false;
}

/* خرج متظاهرون أفغان …، للاحتجاج على …: the crowd a protester trigger
 * names is the source of the sentence's other protest events that have
 * none (the crowd's own event then gives way, see subsumed). */
static void lend_crowd(ev_cand *c, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (!(c[k].h.e->opts & LEXO_AGENT) || !c[k].a.src)
            continue;
        for (size_t j = 0; j < n; j++)
            if (j != k && c[j].h.e->cat == c[k].h.e->cat && !(c[j].h.e->opts & LEXO_AGENT) &&
                !c[j].a.src && !args_same_actor(c[k].a.src, c[j].a.tgt))
                c[j].a.src = c[k].a.src;
    }
}

/* Does candidate k survive the sentence-level filters and the event
 * classifier? Its probability goes to *p (-1 without a trained model). In
 * training (out->collect) its features are collected instead and it does
 * not survive. */
/* Sport pages meet, attack, threaten and beat each other every day: in a
 * sentence about a match or a team only a party of the state (a
 * government, army, police, court, legislature with its country: وزارة
 * الداخلية الصربية ألقت القبض على الحكم) makes a political event. In a
 * sports report the other sentences are read so too, except for violence
 * (fans who attack, a player killed), since a match "meets" and a player
 * "refuses" in sentences with no sports word of their own. */
static bool sport_only(const ev_cand *c, bool sport_sentence, bool sport_report)
{
    plover_cat cat = c->h.e->cat;
    bool sp = sport_sentence || (sport_report && cat != PL_ASSAULT && cat != PL_THREATEN);
    return sp && !state_party(c->a.src) && !state_party(c->a.tgt);
}

static bool keep_candidate(const rasd_ctx *ctx, const coder_sent *cs, ev_cand *cand, size_t k,
                           size_t n, bool sport_sentence, bool sport_report, int *disaster,
                           const ev_out *out, double *p)
{
    ev_cand *c = &cand[k];
    if (sport_only(c, sport_sentence, sport_report))
        return false;
    if (c->h.e->cat == PL_ASSAULT &&
        (*disaster < 0 ? (*disaster = coder_disaster_sentence(cs)) : *disaster))
        return false;
    if ((c->h.e->opts & LEXO_DEATH) && !coder_names_violence(cs, NULL) &&
        !coder_names_fighting(cs, &c->h))
        return false; /* لقي حتفه بحمى, غرقا: a death, no assault */
    /* an attack in arms or in words, whatever the pattern's category */
    const char *recode = physical_attack(cs, c) ? "190" : verbal_attack(cs, c) ? "111" : NULL;
    if (recode) {
        const lex_entry *e = entry_for_cameo(ctx->lex, recode);
        if (!e)
            return false;
        c->h.e = e;
        if (sport_only(c, sport_sentence, sport_report)) /* an attack in words */
            return false;
    }
    uint32_t f[DETECT_MAX_FEATS];
    size_t nf = detect_features(cs, c, f, DETECT_MAX_FEATS);
    plover_cat cat = c->h.e->cat;
    if (out->collect) {
        /* trained on what one-event-per-act leaves among all candidates */
        if (!subsumed(cand, k, n, NULL))
            out->collect(out->collect_ud, cat, f, nf);
        return false;
    }
    bool trained;
    *p = detect_prob(ctx->detect, cat, f, nf, &trained);
    if (!trained)
        *p = -1;
    /* below the threshold: a background mention, not a reported event */
    return !trained || *p >= detect_threshold(ctx->detect, cat) || ctx->cfg.keep_all;
}

static void remember_speaker(const coder_sent *cs, coder_memory *mem, const mention *speaker)
{
    if (speaker && args_usable(speaker)) {
        if (speaker != &mem->last_speaker)
            mem->last_speaker = *speaker;
        mem->have_speaker = true;
        mem->speaker_sent = cs->s;
    }
}

/* A sentence with verbs of saying only (وقال سفير الكويت إن "…"): no
 * event, but its speaker is who the next وأوضح continues. */
static void note_speaker(coder_sent *cs, coder_memory *mem, const lex_hit *hits, size_t nh)
{
    const mention *spk[64];
    find_speakers(cs, mem, hits, nh, spk);
    remember_speaker(cs, mem, first_speaker(spk, nh));
}

static void code_sentence(const rasd_ctx *ctx, coder_sent *cs, coder_memory *mem,
                          size_t sent_index, const lex_hit *hits, size_t nh, ev_out *out)
{
    ev_cand cand[64];
    bool live[64];
    double prob[64];
    const mention *speaker;
    size_t n = sentence_candidates(ctx, cs, mem, hits, nh, cand, &speaker);
    lend_crowd(cand, n);
    const mention *last_src = NULL;
    bool sport = n > 0 && coder_sport_sentence(cs);
    int disaster = -1; /* computed when an ASSAULT needs it */
    for (size_t k = 0; k < n; k++)
        live[k] = keep_candidate(ctx, cs, cand, k, n, sport, mem->sport, &disaster, out,
                                 &prob[k]);
    /* one event per act among the events kept: a candidate the classifier
     * dropped does not take another's place (قتلوا … الغارة) */
    for (size_t k = 0; k < n; k++) {
        if (!live[k] || subsumed(cand, k, n, live))
            continue;
        ev_emit(ctx, cs, &cand[k].h, &cand[k].a, sent_index, prob[k], out);
        if (cand[k].a.src)
            last_src = cand[k].a.src;
    }
    if (last_src && last_src != &mem->last_source) {
        mem->last_source = *last_src;
        mem->have_source = true;
    }
    if (last_src)
        mem->source_sent = cs->s;
    remember_speaker(cs, mem, speaker);
    for (size_t k = n; k-- > 0;)
        /* the two sides (الجانبان) are two countries or bodies */
        if (!subsumed(cand, k, n, NULL) && cand[k].a.src && cand[k].a.tgt &&
            cand[k].a.src->country[0] && cand[k].a.tgt->country[0] &&
            strcmp(cand[k].a.src->country, cand[k].a.tgt->country)) {
            mem->pair_a = *cand[k].a.src;
            mem->pair_b = *cand[k].a.tgt;
            mem->have_pair = true;
            break;
        }
}

/* ---------------------------------------------------------- document */

static rasd_status coder_alloc(coder_sent *cs, size_t n)
{
    cs->mw = malloc((n ? n : 1) * sizeof *cs->mw);
    cs->keys = malloc((n ? n : 1) * sizeof *cs->keys);
    cs->ner = malloc(n ? n : 1);
    if (!cs->mw || !cs->keys || !cs->ner)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    return RASD_OK;
}

static void coder_release(coder_sent *cs)
{
    free(cs->mw);
    free(cs->keys);
    free(cs->ner);
}

rasd_status coder_run(const rasd_ctx *ctx, rasd_doc *doc, ev_out *out)
{
    size_t maxn = 0;
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t n = doc->sents[s].tok_end - doc->sents[s].tok_begin;
        if (n > maxn)
            maxn = n;
    }
    coder_sent cs = {0};
    ner_work *nw = NULL;
    rasd_status st = coder_alloc(&cs, maxn);
    if (st == RASD_OK)
        st = ner_work_new(&nw);
    coder_memory mem = {0};
    mem.date = doc->date;
    mem.sport = coder_sport_document(doc);
    for (size_t s = 0; st == RASD_OK && s < doc->n_sents; s++) {
        cs.s = &doc->sents[s];
        cs.doc_text = doc->text;
        cs.toks = doc->toks + cs.s->tok_begin;
        cs.n = cs.s->tok_end - cs.s->tok_begin;
        mem.prev_person = mem.last_person;
        mem.have_prev_person = mem.have_person;
        /* Segmentation is enough to find triggers; tagging, named
         * entities and actors are only needed where there is one (a
         * verb of saying alone counts: its speaker may go on speaking). */
        for (size_t i = 0; i < cs.n; i++)
            morph_segment(ctx->morph, doc->text + cs.toks[i].start,
                          cs.toks[i].end - cs.toks[i].start, &cs.mw[i]);
        keys_fill(ctx->lex, &cs, doc->text);
        lex_hit hits[64];
        size_t nh = find_triggers(ctx, &cs, hits, 64);
        bool speech_only = !coder_has_event_trigger(hits, nh);
        if (speech_only && nh == 0) {
            coder_note_people(ctx, &cs, &mem);
            continue;
        }
        st = morph_tag_sentence(ctx->morph, doc->text, cs.toks, cs.n, cs.mw);
        if (st == RASD_OK)
            st = ner_tag_tokens(ctx->ner, nw, cs.toks, cs.n, cs.ner);
        if (st != RASD_OK)
            break; /* tagging keeps the segments, so the keys stand */
        coder_find_mentions(ctx, &cs, &mem);
        clause_keep_asides(&cs);
        if (speech_only) {
            note_speaker(&cs, &mem, hits, nh);
            continue;
        }
        if (ctx->cfg.explain && !out->collect)
            ev_explain(&cs, s, hits, nh, out);
        code_sentence(ctx, &cs, &mem, s, hits, nh, out);
    }
    ner_work_free(nw);
    coder_release(&cs);
    return st;
}
