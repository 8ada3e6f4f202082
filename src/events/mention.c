/* mention.c - actor mentions in a sentence, in three passes:
 *   1. raw readings: dictionary names, metonyms, adjectives, sector words
 *      with a country (الجيش التركي), named entities no dictionary knows,
 *      counterparts (نظيره التركي) and بلاده;
 *   2. merges: a title with its country-bearing genitive (رئيس النظام
 *      التركي, المبعوث الخاص للرئيس الروسي) or with the name that follows
 *      it (وزير الخارجية الأمريكي أنتوني بلينكن) becomes one actor;
 *   3. bare titles (الوزير) name the person last introduced. */
#include "events/coder.h"
#include "events/code_int.h"
#include "geo/geo.h"
#include <stdio.h>
#include <string.h>

bool coder_tok_is(const coder_sent *cs, size_t i, const char *folded)
{
    return i < cs->n && (!strcmp(cs->keys[i].full, folded) || !strcmp(cs->keys[i].bare, folded));
}

bool coder_tok_in(const coder_sent *cs, size_t i, const char *const *folded, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (coder_tok_is(cs, i, folded[k]))
            return true;
    return false;
}

const mention *coder_mention_at(const coder_sent *cs, size_t i)
{
    for (size_t k = 0; k < cs->nm; k++)
        if (cs->m[k].first <= i && i <= cs->m[k].last)
            return &cs->m[k];
    return NULL;
}

/* Prepositions that mark an argument role, folded (RASD_NORM_ALL). */
static const char *const mention_preps[] = {
    "مع", "الي", "علي", "ضد", "عن", "من", "في", "بحق", "تجاه", "لدي", "بين", "عبر",
    "حول", "نحو", "لصالح", "قبل", "يد", "امام", "ازاء", "بشان", "قرب", "وسط",
};

static bool word_has_clitic(const morph_word *w, int clitic)
{
    for (uint8_t k = 0; k < w->n_seg; k++)
        if (w->seg[k].kind == MSEG_PREFIX && w->seg[k].clitic == clitic)
            return true;
    return false;
}

/* Does s end in suf with at least one more letter (two bytes) before it? */
bool coder_ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a > b + 2 && !strcmp(s + a - b, suf);
}

bool coder_has_wa(const coder_sent *cs, size_t i)
{
    return i < cs->n && word_has_clitic(&cs->mw[i], MCL_WA);
}

bool coder_has_clitic(const coder_sent *cs, size_t i, int clitic)
{
    return i < cs->n && word_has_clitic(&cs->mw[i], clitic);
}

static const char *mention_prep(const coder_sent *cs, size_t first);


/* A noun in construct without article (إزاء [انسحاب] تركيا, على [انتهاكات]
 * إسرائيل): its genitive takes the preposition that governs it. */
static bool construct_noun(const coder_sent *cs, size_t i)
{
    return cs->mw[i].upos == UPOS_NOUN && !cs->mw[i].det && cs->toks[i].kind == RASD_TOK_ARABIC;
}

static const char *mention_gprep(const coder_sent *cs, size_t first)
{
    /* one or two construct nouns deep: لأهداف [تنظيمي] الدولة الإسلامية */
    for (size_t d = 1; d <= 2 && first > d && construct_noun(cs, first - d); d++) {
        const char *p = mention_prep(cs, first - d);
        if (p)
            return p;
    }
    return NULL;
}

static const char *mention_prep(const coder_sent *cs, size_t first)
{
    const morph_word *w = &cs->mw[first];
    if (word_has_clitic(w, MCL_BI))
        return "ب";
    if (word_has_clitic(w, MCL_LI))
        return "ل";
    if (first == 0)
        return NULL;
    /* كلا من موسكو ودمشق: "both", a subject or an object, no preposition;
     * marked so that a subject is only taken before the verb or right
     * after it */
    if (first >= 2 && coder_tok_is(cs, first - 1, "من") &&
        (coder_tok_is(cs, first - 2, "كلا") || coder_tok_is(cs, first - 2, "كل"))) {
        for (size_t p = 0; first >= 3 && p < sizeof mention_preps / sizeof mention_preps[0]; p++)
            if (coder_tok_is(cs, first - 3, mention_preps[p]))
                return mention_preps[p]; /* في كل من لندن وموسكو */
        return "كل";
    }
    /* من جانب X: "by X", as من قبل X (not إلى جانب X, "beside X") */
    if (first >= 2 && coder_tok_is(cs, first - 1, "جانب") && coder_tok_is(cs, first - 2, "من"))
        return "قبل";
    for (size_t p = 0; p < sizeof mention_preps / sizeof mention_preps[0]; p++)
        if (coder_tok_is(cs, first - 1, mention_preps[p]))
            return mention_preps[p];
    /* a count between (القبض على 14 إيرانيا، ضد 3 فلسطينيين), but not a
     * quantity (أكثر من 160 فلسطينيا، نحو 30 مدنيا، لا يقل عن 27) */
    static const char *const through[] = {"علي", "ضد", "مع", "الي"};
    if (first >= 2 && cs->toks[first - 1].kind == RASD_TOK_NUMBER)
        for (size_t p = 0; p < sizeof through / sizeof through[0]; p++)
            if (coder_tok_is(cs, first - 2, through[p]))
                return through[p];
    return NULL;
}

static void mention_set_code(mention *m, const char *country, const char *sector)
{
    char c[4], s[4]; /* the arguments may be m's own fields */
    snprintf(c, sizeof c, "%s", country ? country : "");
    snprintf(s, sizeof s, "%s", sector ? sector : "");
    memcpy(m->country, c, sizeof c);
    memcpy(m->sector, s, sizeof s);
    snprintf(m->code, sizeof m->code, "%s%s", m->country, m->sector);
}

static void mention_span(const coder_sent *cs, mention *m)
{
    m->start = cs->toks[m->first].start;
    m->end = cs->toks[m->last].end;
}

/* ---------------------------------------------------------- pass 1 */

/* اتفاق [أبوجا]، محادثات [جنيف]، مسار [أستانا]، قمة [طهران]: a capital
 * after an agreement, talks or a conference names the process by where it
 * was held, not a government taking part. (بيان الكرملين is the Kremlin's:
 * statements are not in the list, nor إعلان: إعلان بغداد انتهاء الحرب
 * is Baghdad announcing.) */
static bool named_process(const coder_sent *cs, size_t i)
{
    static const char *const process[] = {
        "اتفاق", "اتفاقيه", "اتفاقيات", "اتفاقات", "معاهده", "بروتوكول", "تفاهمات", "مذكره",
        "محادثات", "مفاوضات", "مباحثات", "مؤتمر", "مسار", "قمه", "منتدي", "جوله",
        "ميثاق", "صيغه",
    };
    return i > 0 && CODER_TOK_IN(cs, i - 1, process);
}

/* ... but اتفاق واشنطن مع قسد، اتفاق موسكو وأنقرة name who agreed. */
static bool parties_follow(const rasd_ctx *ctx, const coder_sent *cs, size_t j,
                           const rasd_date *d)
{
    actors_actor b;
    if (coder_tok_is(cs, j, "مع"))
        return true;
    return coder_has_wa(cs, j) &&
           actors_resolve(ctx->actors, cs->toks, cs->n, j, d->year, d->month, d->day, &b);
}

/* الدور القيادي الرئيس في، السبب الرئيس لـ: after a definite noun or
 * adjective that names no actor, and before a preposition or a stop,
 * الرئيس is "main", not the president (the king receiving الرئيس has a
 * mention before it). */
static bool main_adjective(const coder_sent *cs, const mention *m)
{
    size_t i = m->first, n = m->last + 1;
    if (m->last != i || i == 0 || strcmp(cs->keys[i].full, "الرئيس") != 0 ||
        !cs->mw[i - 1].det || (cs->mw[i - 1].upos != UPOS_NOUN && cs->mw[i - 1].upos != UPOS_ADJ))
        return false;
    if (coder_mention_at(cs, i - 1))
        return false;
    return n >= cs->n || cs->toks[n].kind == RASD_TOK_PUNCT || cs->mw[n].upos == UPOS_ADP;
}

/* باب المغاربة، حي الأكراد، حارة اليهود، شارع العرب: a people after the
 * head of a place names the place. */
static bool place_name(const coder_sent *cs, size_t i)
{
    static const char *const place[] = {"باب", "حي", "حاره", "شارع", "ساحه", "سوق", "جامع",
                                        "مسجد", "دوار", "بوابه", "مخيم", "قريه", "جبل"};
    return i > 0 && cs->mw[i].det && !cs->mw[i - 1].det && CODER_TOK_IN(cs, i - 1, place);
}

static bool mention_from_dict(const rasd_ctx *ctx, coder_sent *cs, size_t i,
                              const coder_memory *mem, mention *m)
{
    actors_actor a;
    const rasd_date *d = &mem->date;
    if (!actors_resolve(ctx->actors, cs->toks, cs->n, i, d->year, d->month, d->day, &a))
        return false;
    if (a.head.kind == ACTORS_ADJ && place_name(cs, i))
        return false;
    const actors_match *h = &a.head;
    if (h->kind == ACTORS_METONYM && named_process(cs, i) &&
        !parties_follow(ctx, cs, i + a.ntok, d))
        return false;
    memset(m, 0, sizeof *m);
    m->first = i;
    m->last = i + a.ntok - 1;
    const char *country = h->country[0] ? h->country : (a.has_mod ? a.mod.country : "");
    mention_set_code(m, country, h->sector);
    if (a.code[0])
        snprintf(m->code, sizeof m->code, "%s", a.code);
    m->agent = h->kind == ACTORS_AGENT;
    /* المؤتمر الصحفي: a one-word agent that is an adjective agreeing with
     * the definite noun before it describes that noun; so does a feminine
     * nisba the tagger took for a noun (التهديدات [الخارجية], الحدود
     * [البحرية]) */
    if (m->agent && m->first == m->last && i > 0 &&
        (cs->mw[i].upos == UPOS_ADJ || coder_ends_with(cs->keys[i].full, "يه")) &&
        cs->mw[i].det && cs->mw[i - 1].det && cs->mw[i - 1].upos == UPOS_NOUN)
        return false;
    if (m->agent && main_adjective(cs, m))
        return false;
    m->adj = m->nisba = h->kind == ACTORS_ADJ && !a.has_mod;
    if (h->entry) {
        m->name = h->entry->en[0] ? h->entry->en : NULL;
        m->named = h->kind != ACTORS_ADJ;
        m->person = h->entry->type == ACTORS_PERSON;
        m->state = h->entry->type == ACTORS_COUNTRY && !a.has_mod &&
                   (h->kind == ACTORS_NAME || h->kind == ACTORS_METONYM);
        if (!m->sector[0] && h->entry->sector[0])
            snprintf(m->sector, sizeof m->sector, "%s", h->entry->sector);
        if (m->person && a.code[0] && strlen(a.code) >= 6) /* the dated role's sector */
            snprintf(m->sector, sizeof m->sector, "%.3s", a.code + 3);
    }
    /* A plural adjective used as a noun (الأتراك, الأمريكيون) is an actor;
     * an attributive one is kept, marked, for dyads (مباحثات تركية أمريكية). */
    if (m->adj && cs->mw[i].upos != UPOS_ADJ)
        m->adj = false, m->named = true;
    /* An adjective agrees with its noun in definiteness: after an
     * indefinite noun a definite one is a genitive noun (آلاف الإيرانيين). */
    if (m->adj && i > 0 && cs->mw[i].det && !cs->mw[i - 1].det &&
        (cs->mw[i - 1].upos == UPOS_NOUN || cs->mw[i - 1].upos == UPOS_NUM) &&
        cs->toks[i - 1].kind == RASD_TOK_ARABIC)
        m->adj = false, m->named = true;
    /* ... and after a definite noun an indefinite one is no attribute of
     * it: a name (المستشار تركي آل الشيخ) or a predicate */
    if (m->adj && i > 0 && !cs->mw[i].det && cs->mw[i - 1].det &&
        cs->mw[i - 1].upos == UPOS_NOUN && cs->toks[i - 1].kind == RASD_TOK_ARABIC)
        return false;
    return true;
}

/* Does a name the dictionary knows start inside the entity toks[i+1..j)?
 * (فمنظمة "[هيومن رايتس ووتش]": the entity's head word is no part of the
 * name.) Countries and regions do not count (بنك قطر الوطني is a bank),
 * nor a person inside an organisation (مؤسسة كلينتون). */
static bool name_inside(const rasd_ctx *ctx, const coder_sent *cs, size_t i, size_t j,
                        ner_type t)
{
    for (size_t k = i + 1; k < j; k++) {
        actors_match am;
        if (!actors_match_at(ctx->actors, cs->toks, cs->n, k, &am) || am.kind != ACTORS_NAME ||
            !am.entry)
            continue;
        actors_type ty = am.entry->type;
        if (ty == ACTORS_ORG || ty == ACTORS_IGO || ty == ACTORS_GROUP ||
            (ty == ACTORS_PERSON && t == NER_PERS))
            return true;
    }
    return false;
}

/* A named entity no dictionary knows: kept, coded by a following country
 * adjective when there is one. */
static bool mention_from_ner(const rasd_ctx *ctx, coder_sent *cs, size_t i, mention *m)
{
    int tag = cs->ner[i];
    ner_type t = ner_tag_type(tag);
    if (!ner_tag_is_b(tag) || (t != NER_PERS && t != NER_ORG))
        return false;
    size_t j = i + 1;
    while (j < cs->n && cs->ner[j] == tag + 1)
        j++;
    if (name_inside(ctx, cs, i, j, t))
        return false;
    memset(m, 0, sizeof *m);
    m->first = i;
    m->last = j - 1;
    m->named = true;
    m->person = t == NER_PERS;
    actors_match am;
    if (j < cs->n && actors_match_at(ctx->actors, cs->toks, cs->n, j, &am) &&
        am.kind == ACTORS_ADJ) {
        mention_set_code(m, am.country, "");
        m->last = j + am.ntok - 1;
    } else if (t == NER_ORG && j - i >= 2 &&
               actors_match_at(ctx->actors, cs->toks, cs->n, j - 1, &am) &&
               am.kind == ACTORS_ADJ && am.ntok == 1) {
        /* منظمة الطاقة الذرية الإيرانية: the adjective inside the name */
        mention_set_code(m, am.country, "");
    }
    return true;
}

/* نظيره التركي: the counterpart of the previous actor, of the country the
 * adjective names, in the same sector. */
static bool mention_counterpart(const rasd_ctx *ctx, coder_sent *cs, size_t i, mention *m)
{
    if (strcmp(cs->mw[i].stem_key, "نظير") != 0)
        return false;
    actors_match am;
    if (i + 1 >= cs->n || !actors_match_at(ctx->actors, cs->toks, cs->n, i + 1, &am) ||
        am.kind != ACTORS_ADJ)
        return false;
    memset(m, 0, sizeof *m);
    m->first = i;
    m->last = i + am.ntok;
    m->resolved = m->counterpart = true;
    mention_set_code(m, am.country, "");
    return true;
}

/* بلاده / بلادها: the country of the actor last named. */
static bool mention_his_country(coder_sent *cs, size_t i, const coder_memory *mem, mention *m)
{
    /* بلاده: his country's government; قواتها، جيشه: its forces;
     * حكومته: its government */
    static const struct { const char *stem, *sector; } own[] = {
        {"بلاد", "GOV"}, {"قوات", "MIL"}, {"جيش", "MIL"}, {"حكومة", "GOV"}, {"حكومه", "GOV"}};
    const morph_word *w = &cs->mw[i];
    const char *sector = NULL;
    for (size_t k = 0; k < sizeof own / sizeof own[0] && !sector; k++)
        if (!strcmp(w->stem_key, own[k].stem))
            sector = own[k].sector;
    if (!sector || w->n_seg == 0 || w->seg[w->n_seg - 1].kind != MSEG_SUFFIX)
        return false;
    /* the owner is the last actor with a country; a place (في قطر) only
     * when there is no other: سفير تركيا في قطر ... بلاده = Turkey */
    const mention *ref = NULL, *place = NULL;
    for (size_t k = cs->nm; k-- > 0 && !ref;) {
        const mention *c = &cs->m[k];
        /* (nor one inside a relative aside: الوزير التركي، الذي التقى
         * نظيره الروسي، قال إن بلاده) */
        if (!c->country[0] || c->adj || clause_hidden(cs, c->first, i))
            continue;
        if (c->prep && !strcmp(c->prep, "في"))
            place = place ? place : c;
        else
            ref = c;
    }
    if (!ref)
        ref = place;
    if (!ref && mem->have_person)
        ref = &mem->last_person;
    if (!ref || !ref->country[0])
        return false;
    memset(m, 0, sizeof *m);
    m->first = m->last = i;
    m->resolved = m->named = true;
    mention_set_code(m, ref->country, sector);
    return true;
}

/* الجانبان, الطرفين, البلدان, الوزيران ...: the two parties of the last
 * two-party event; the coder expands it into source and target. */
static bool mention_pair(coder_sent *cs, size_t i, const coder_memory *mem, mention *m)
{
    static const char *const pairs[] = {
        "الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الزعيمان",
        "الزعيمين", "الرئيسان", "الرئيسين", "الوزيران", "الوزيرين", "كلاهما",
    };
    if (!mem->have_pair)
        return false;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        if (!strcmp(cs->keys[i].bare, pairs[k]) || !strcmp(cs->keys[i].full, pairs[k])) {
            memset(m, 0, sizeof *m);
            m->first = m->last = i;
            m->pair = m->resolved = true;
            return true;
        }
    return false;
}

static void mention_refer(mention *m, const mention *ref);

/* The head noun of an organisation's multi-word name (التحالف الدولي,
 * حركة حماس, تنظيم الدولة), or NULL. */
static const char *org_head(const coder_sent *cs, const mention *m)
{
    /* (not a state: حكومة المملكة in a Saudi statement is no المملكة
     * المغربية named before; nor monitors and media, who report) */
    if (m->person || m->adj || m->agent || m->pair || m->resolved || !m->named || m->state ||
        strlen(m->code) <= 3 || !strcmp(m->sector, "NGO") || !strcmp(m->sector, "MED") ||
        m->last == m->first || cs->mw[m->first].upos != UPOS_NOUN ||
        cs->toks[m->first].kind != RASD_TOK_ARABIC)
        return NULL;
    const char *h = cs->keys[m->first].stem;
    return strlen(h) >= 6 ? h : NULL; /* (three letters or more) */
}

static void org_memory(coder_sent *cs, coder_memory *mem)
{
    for (size_t k = 0; k < cs->nm; k++) {
        const char *h = org_head(cs, &cs->m[k]);
        if (!h)
            continue;
        size_t slot = 0;
        while (slot < mem->n_orgs && strcmp(mem->org_head[slot], h) != 0)
            slot++;
        if (slot == mem->n_orgs)
            slot = mem->n_orgs < CODER_ORGS ? mem->n_orgs++ : CODER_ORGS - 1;
        snprintf(mem->org_head[slot], LEX_KEY_MAX, "%s", h);
        mem->org[slot] = cs->m[k];
    }
}

/* التحالف، الحركة، التنظيم alone: the organisation of that head the
 * document last named in full. Not with an attribute or genitive of its
 * own after it (التحالف الجديد، الحركة الاحتجاجية): another one. */
static bool mention_org_recall(coder_sent *cs, size_t i, const coder_memory *mem, mention *m)
{
    if (!cs->mw[i].det || cs->mw[i].upos != UPOS_NOUN || coder_case_prefix(&cs->mw[i]) ||
        cs->toks[i].kind != RASD_TOK_ARABIC)
        return false;
    if (i > 0 && coder_tok_is(cs, i - 1, "باسم")) /* المتحدث باسم التحالف: a spokesman */
        return false;
    if (i + 1 < cs->n && cs->toks[i + 1].kind == RASD_TOK_ARABIC && cs->mw[i + 1].det &&
        (cs->mw[i + 1].upos == UPOS_ADJ || cs->mw[i + 1].upos == UPOS_NOUN))
        return false;
    for (size_t slot = 0; slot < mem->n_orgs; slot++)
        if (!strcmp(mem->org_head[slot], cs->keys[i].stem)) {
            memset(m, 0, sizeof *m);
            m->first = m->last = i;
            mention_refer(m, &mem->org[slot]);
            return true;
        }
    return false;
}

/* ---------------------------------------------------------- pass 2 */

static bool only_quotes_between(const coder_sent *cs, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; k++)
        if (!(cs->toks[k].flags & (RASD_TOKF_QUOTE_OPEN | RASD_TOKF_QUOTE_CLOSE)))
            return false;
    return true;
}

/* Quotes or a hashtag mark between a title and a name the dictionary
 * knows (الزعيم الكوري الشمالي #كيم_جونغ_أون). Not for unknown names:
 * hashtagged artists (الفنانة اللبنانية #نانسي_عجرم) would become states. */
static bool only_marks_between(const coder_sent *cs, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; k++)
        if (!(cs->toks[k].flags & (RASD_TOKF_QUOTE_OPEN | RASD_TOKF_QUOTE_CLOSE)) &&
            strcmp(cs->keys[k].full, "#"))
            return false;
    return true;
}

/* Title + person name: one actor; the person's dated role decides the
 * code, the title fills what the role leaves open. */
/* A sound masculine plural that keeps its ن (معارضون، المتظاهرين) is no
 * title: a person after it is another phrase (ويتهم معارضون أردوغان: the
 * opponents accuse Erdoğan). The dictionary lookup does not join them
 * either (actors_resolve). */
static bool plural_head(const coder_sent *cs, const mention *a)
{
    const char *w = cs->keys[a->last].bare;
    size_t n = strlen(w);
    return n >= 6 && (!strcmp(w + n - 4, "ون") || !strcmp(w + n - 4, "ين"));
}

static bool merge_title_name(const coder_sent *cs, mention *a, const mention *b)
{
    if (!(a->agent || a->counterpart) || !b->person ||
        !(b->country[0] ? only_marks_between : only_quotes_between)(cs, a->last, b->first) ||
        plural_head(cs, a))
        return false;
    if (a->counterpart) { /* نظيره التركي رجب طيب أردوغان: the name, same sector */
        a->last = b->last;
        a->name = b->name;
        a->person = true;
        return true;
    }
    mention m = *b;
    m.first = a->first;
    m.prep = a->prep;
    m.conj = a->conj;
    m.merged = a->merged || a->last > a->first; /* (the title names its body) */
    /* نائب رئيس [المفوضية الأوروبية] يركي كاتاينن: an unknown name under a
     * body with no country keeps the body's code (IGOEUREEC, not GOV) */
    bool body = !m.country[0] && !b->code[0] && !a->country[0] &&
                strlen(a->code) > strlen(a->sector);
    if (body) {
        snprintf(m.code, sizeof m.code, "%s", a->code);
        snprintf(m.sector, sizeof m.sector, "%s", a->sector);
    } else if (!m.country[0])
        mention_set_code(&m, a->country, a->sector[0] ? a->sector : m.sector);
    if (!m.code[0])
        snprintf(m.code, sizeof m.code, "%s%s", m.country, m.sector[0] ? m.sector : a->sector);
    if (!m.sector[0])
        snprintf(m.sector, sizeof m.sector, "%s", a->sector);
    *a = m;
    return true;
}

static bool title_word(const char *stem);

/* a becomes b, starting where a starts, in a's place in the clause. */
static void take_over(mention *a, const mention *b)
{
    mention m = *b;
    m.first = a->first;
    m.prep = a->prep;
    m.gprep = a->gprep;
    m.conj = a->conj;
    *a = m;
}

/* وزير الخارجية الأميركي، مايك بومبيو: a known person set off by a comma
 * right after a title of the same country and sector is that title's
 * holder (an appositive), not a second party; so is an unknown name set
 * off by two commas after any agent of a country. */
static bool merge_title_appositive(const coder_sent *cs, mention *a, const mention *b)
{
    if (!a->agent || a->person || !a->country[0] || !b->person || b->first != a->last + 2 ||
        strcmp(cs->toks[a->last + 1].norm, ",") != 0)
        return false;
    /* الشيخ القطري المعارض، سلطان بن سحيم آل ثاني، : a name no dictionary
     * knows, between two commas, is the holder too, with the head's code */
    bool unknown = !b->code[0] && !b->country[0] && b->last + 1 < cs->n &&
                   !strcmp(cs->toks[b->last + 1].norm, ",");
    if (unknown) {
        a->last = b->last;
        a->person = true;
        return true;
    }
    if (strcmp(a->code, b->code) != 0 || !title_word(cs->keys[a->first].stem))
        return false;
    take_over(a, b);
    return true;
}

/* What may stand between a title and its genitive: nothing, a
 * demonstrative (رئيس أركان [هذا] النظام), or one or two nouns of the
 * construct without article or preposition (رئيس [هيئة أركان] النظام). */
static bool genitive_gap(const coder_sent *cs, size_t a_last, size_t b_first)
{
    static const char *const dem[] = {"هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين"};
    if (b_first <= a_last || b_first - a_last > 3)
        return false;
    for (size_t k = a_last + 1; k < b_first; k++) {
        bool ok = cs->mw[k].upos == UPOS_NOUN && !cs->keys[k].nominal && !cs->mw[k].det &&
                  cs->toks[k].kind == RASD_TOK_ARABIC;
        for (size_t d = 0; !ok && d < sizeof dem / sizeof dem[0]; d++)
            ok = coder_tok_is(cs, k, dem[d]);
        if (!ok)
            return false;
    }
    return true;
}

/* A sound masculine plural with its ن (مسلحون، مقاتلين): at least three
 * letters before the ending, so أمين is none. */
static bool nun_plural(const coder_sent *cs, size_t i)
{
    const char *b = cs->keys[i].bare;
    size_t n = strlen(b);
    return n >= 10 && (!strcmp(b + n - 4, "ون") || !strcmp(b + n - 4, "ين"));
}

/* Title without a country + genitive that has one: رئيس [النظام التركي],
 * المبعوث الخاص [للرئيس الروسي], وزير خارجية [تركيا]. */
static bool merge_title_genitive(const coder_sent *cs, mention *a, const mention *b)
{
    if (!a->agent || a->country[0] || b->adj || b->person || a->counterpart || b->pair)
        return false;
    /* اصاب متظاهرون شرطيا: an accusative is no genitive (after another
     * accusative it agrees with it: مهاجما انتحاريا) */
    if (mention_accusative(cs, b) && !mention_accusative(cs, a))
        return false;
    if (!b->country[0] && !b->agent)
        return false;
    if (b->prep && strcmp(b->prep, "ل") != 0)
        return false;
    /* a definite word has no genitive but with ل: الرئيس [اغتيال السفير] */
    if (cs->mw[a->last].det && !b->prep)
        return false;
    /* nor a plural that keeps its ن (the construct drops it: مسلحو
     * الحركة): هاجم مسلحون الجنود، بين محتجين وقوات الأمن name two sides
     * (an indefinite word after it may be its adjective: موظفين
     * دبلوماسيين روس; a conjunct after a construct head may share its
     * genitive: جنود وضباط الجيش اليمني) */
    if (!b->prep && (cs->mw[b->first].det || coder_has_wa(cs, b->first)) &&
        nun_plural(cs, a->last))
        return false;
    /* only an office (رئيس, وزير ...) reaches over words to its body */
    if (b->first != a->last + 1 &&
        (!title_word(cs->keys[a->first].stem) || !genitive_gap(cs, a->last, b->first)))
        return false;
    /* A one-word head's sector is generic (رئيس, مسؤول); the first genitive
     * says which body (رئيس أركان الجيش → MIL); later ones add a country.
     * A longer head already names its body (رئيس أركان [هذا النظام]). */
    const char *sector = (a->merged || a->last > a->first) ? a->sector
                         : (b->sector[0] ? b->sector : a->sector);
    mention m = *a;
    m.last = b->last;
    m.merged = true;
    if (!b->person && b->name)
        m.name = b->name;
    mention_set_code(&m, b->country, sector);
    *a = m;
    return true;
}

/* المستشار التركي إبراهيم فلان: a country adjective right before a person
 * no dictionary knows gives the person that country. */
static bool merge_adj_person(const coder_sent *cs, mention *a, const mention *b)
{
    if (!a->adj || !b->person || b->country[0] || !only_quotes_between(cs, a->last, b->first))
        return false;
    mention m = *b;
    m.first = a->first;
    m.prep = a->prep;
    mention_set_code(&m, a->country, "");
    *a = m;
    return true;
}

/* a reaches to the end of b and takes b's country, keeping its sector. */
static void extend_with_country(mention *a, const mention *b)
{
    mention m = *a;
    m.last = b->last;
    m.merged = true;
    mention_set_code(&m, b->country, a->sector);
    *a = m;
}

/* طلبة [المدارس] العراقية، أعضاء حزب [الغد] المصري: a country adjective
 * on the genitive of a group word without country says whose group it
 * is. Only bare definite nouns between (not في الشوارع، بالعاصمة: places
 * the group is in). */
static bool merge_agent_genitive_adj(const coder_sent *cs, mention *a, const mention *b)
{
    if (!a->agent || a->country[0] || a->person || a->pair || a->counterpart || !b->adj ||
        !b->country[0] || b->first <= a->last + 1 || b->first - a->last > 4)
        return false;
    /* رئيس [منظمة الطاقة الذرية] الإيراني، وزارة [الدفاع الوطني] التايوانية:
     * construct nouns and their adjectives between; the last word before
     * the adjective carries the article */
    for (size_t k = a->last + 1; k < b->first; k++) {
        const morph_word *w = &cs->mw[k];
        if (cs->toks[k].kind != RASD_TOK_ARABIC || (!w->det && k + 1 == b->first) ||
            (!w->det && w->upos != UPOS_NOUN) || word_has_clitic(w, MCL_BI) ||
            word_has_clitic(w, MCL_LI) || word_has_clitic(w, MCL_KA) ||
            word_has_clitic(w, MCL_WA) || word_has_clitic(w, MCL_FA))
            return false;
    }
    extend_with_country(a, b);
    return true;
}

/* عناصر تابعة [للنظام]، قوات موالية [للحكومة السورية]: a group word with
 * no country of its own takes the country it belongs to, or the country
 * of the government or army it is loyal to (not of a state it sides with:
 * المتمردين الموالين لروسيا in Ukraine are no Russians). */
static bool merge_loyal_to(const coder_sent *cs, mention *a, const mention *b)
{
    static const char *const belong[] = {"تابعه", "التابعه", "تابعين", "التابعين", "تابعون",
                                         "التابعون"};
    static const char *const loyal[] = {"مواليه", "المواليه", "موالين", "الموالين", "موالون",
                                        "الموالون", "موالي", "الموالي"};
    if (!a->agent || a->country[0] || a->person || a->pair || a->counterpart || b->adj ||
        !b->country[0] || !b->prep || strcmp(b->prep, "ل") != 0 || b->first != a->last + 2)
        return false;
    size_t w = a->last + 1;
    if (!CODER_TOK_IN(cs, w, belong) && !(b->agent && CODER_TOK_IN(cs, w, loyal)))
        return false;
    extend_with_country(a, b);
    return true;
}

/* قوات التحالف [بقيادة الولايات المتحدة]، التحالف الذي تقوده [السعودية]،
 * قوة بقيادة فرنسية: the leader is part of the name, no party of its own
 * (before, قصفت قوات التحالف بقيادة الولايات المتحدة made the US the
 * target). A force of no single country (a coalition, bare قوات) is the
 * leading state's, in its own sector. */
static bool merge_led_by(const coder_sent *cs, mention *a, const mention *b)
{
    static const char *const by[] = {"بقياده", "بزعامه"};
    static const char *const rel[] = {"الذي", "التي"};
    static const char *const leads[] = {"تقوده", "تقودها", "يقوده", "يقودها"};
    /* only forces are led (أشادت المملكة المتحدة بقيادة السعودية: the
     * Saudis' leadership) */
    bool force = !strcmp(a->sector, "MIL") || (a->agent && !a->country[0]);
    if (!force || a->person || a->adj || a->pair || b->person || !b->country[0] ||
        (b->sector[0] && strcmp(b->sector, "GOV") != 0) || b->first <= a->last)
        return false;
    size_t gap = b->first - a->last - 1;
    if (!(gap == 1 && CODER_TOK_IN(cs, a->last + 1, by)) &&
        !(gap == 2 && CODER_TOK_IN(cs, a->last + 1, rel) && CODER_TOK_IN(cs, a->last + 2, leads)))
        return false;
    if (!a->country[0] || !strcmp(a->country, "INT") || !strcmp(a->code, "INTMIL")) {
        extend_with_country(a, b);
        if (!a->sector[0])
            mention_set_code(a, a->country, "MIL");
    } else {
        a->last = b->last;
    }
    return true;
}

/* الشيخ القطري المعارض، الناشط السوري المعارض: a one-word definite agent
 * adjective right after a definite country reading describes the same
 * noun; it gives that reading its sector instead of standing as a second
 * party (the Qatari opposition sheikh was the target OPP of his own
 * criticism). */
static bool merge_adj_agent(const coder_sent *cs, mention *a, const mention *b)
{
    if (!b->agent || b->country[0] || b->first != b->last || b->first != a->last + 1 ||
        !a->country[0] || a->person || a->pair || a->counterpart || b->prep || b->conj ||
        !cs->mw[b->first].det || !cs->mw[a->last].det ||
        cs->toks[a->last].kind != RASD_TOK_ARABIC)
        return false;
    /* masculine singular both (an object noun after a subject is the
     * usual reading otherwise: انتقدت الحكومة القطرية المعارضة) */
    /* and b an adjective of stance, a participle (المعارض، المتمرد), not a
     * noun of its own (الجيش السوري السكان، ولي العهد السعودي الأمير) */
    if ((strcmp(b->sector, "OPP") != 0 && strcmp(b->sector, "REB") != 0) ||
        strncmp(cs->keys[b->first].bare, "م", strlen("م")) != 0)
        return false;
    if (!coder_ends_with(cs->keys[a->last].full, "ي") || coder_ends_with(cs->keys[b->first].full, "ه") ||
        coder_ends_with(cs->keys[b->first].full, "ون") || coder_ends_with(cs->keys[b->first].full, "ين"))
        return false;
    bool was_adj = a->adj;
    if (was_adj) {
        a->adj = a->nisba = false;
        a->agent = true;
    } else if (!a->agent) {
        return false;
    }
    /* the adjective says more than a civilian head (الصحفي السعودي المعارض) */
    if (!a->sector[0] || !strcmp(a->sector, "CVL"))
        mention_set_code(a, a->country, b->sector);
    a->last = b->last;
    /* the noun both describe is the actor's head: the mention starts there,
     * so that it is the subject right after the verb */
    size_t h = a->first - 1;
    if (was_adj && a->first > 0 && cs->mw[h].det && cs->mw[h].upos == UPOS_NOUN &&
        cs->toks[h].kind == RASD_TOK_ARABIC && !coder_mention_at(cs, h)) {
        a->first = h;
        a->prep = mention_prep(cs, h);
        a->gprep = a->prep ? NULL : mention_gprep(cs, h);
    }
    return true;
}

/* وفد من الأمم المتحدة، وفد من طالبان، وفد عن المعارضة: a delegation
 * from a body is that body. */
static bool merge_delegation(const coder_sent *cs, mention *a, const mention *b)
{
    static const char *const delegation[] = {"وفد", "وفود"};
    if (!a->agent || a->country[0] || a->first != a->last || b->first != a->last + 2 ||
        !b->prep || (strcmp(b->prep, "من") != 0 && strcmp(b->prep, "عن") != 0) || b->person ||
        !b->code[0] || !CODER_TOK_IN(cs, a->first, delegation))
        return false;
    take_over(a, b);
    return true;
}

static void mention_merge_pass(coder_sent *cs)
{
    size_t w = 0;
    for (size_t r = 0; r < cs->nm; r++) {
        if (w && (merge_delegation(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_title_genitive(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_agent_genitive_adj(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_loyal_to(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_led_by(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_title_name(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_title_appositive(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_adj_person(cs, &cs->m[w - 1], &cs->m[r]) ||
                  merge_adj_agent(cs, &cs->m[w - 1], &cs->m[r])))
            continue;
        cs->m[w++] = cs->m[r];
    }
    cs->nm = w;
}

/* ---------------------------------------------------------- pass 3 */

/* Titles that name one person (وزير, رئيس, مبعوث ...). */
static bool title_word(const char *stem)
{
    static const char *const titles[] = {
        "وزير", "رئيس", "متحدث", "ناطق", "مبعوث", "سفير", "مستشار", "ملك", "امير", "قائد",
        "وزيره", "رئيسه", "زعيم", "نائب", "مندوب", "ممثل",
    };
    for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
        if (!strcmp(stem, titles[k]))
            return true;
    return false;
}

/* An indefinite accusative (فلسطينيا، مسلحا): the alef of tanween, but
 * names end in ا too (تركيا، روسيا), so a name counts only when the text
 * writes the tanween (فلسطينياً). Dual verbs (اتفقا) are no nouns. */
bool coder_accusative(const coder_sent *cs, size_t i)
{
    if (!cs->keys[i].acc[0] || cs->mw[i].det || cs->mw[i].upos == UPOS_VERB)
        return false;
    const rasd_token *t = &cs->toks[i];
    bool tanween = false;
    for (size_t p = t->start; p + 1 < t->end; p++)
        tanween |= (unsigned char)cs->doc_text[p] == 0xD9 &&
                   (unsigned char)cs->doc_text[p + 1] == 0x8B; /* U+064B fathatan */
    /* (a country name may end in ا, سوريا، تركيا; a nisba adjective
     * with that ending is accusative: قتل فلسطينيا) */
    for (size_t k = 0; k < cs->nm; k++)
        if (cs->m[k].first == i && cs->m[k].named && !cs->m[k].nisba && !tanween)
            return false;
    return true;
}

bool mention_accusative(const coder_sent *cs, const mention *m)
{
    return m->agent && !m->country[0] && coder_accusative(cs, m->last);
}

bool mention_after_inna(const coder_sent *cs, const mention *m)
{
    /* (not كأن: it folds onto كان, whose accusative is the predicate) */
    static const char *const inna[] = {"ان", "بان", "لان", "وان", "فان", "لكن", "ولكن"};
    size_t k = m->first, nouns = 0;
    /* over a quote mark, a number and the accusative noun an adjective
     * agrees with (بأن مهاجما [انتحاريا]، أن 11 ناشطا [معارضا]) */
    for (;;) {
        if (k > 0 && cs->toks[k - 1].kind == RASD_TOK_PUNCT &&
            (cs->toks[k - 1].flags & (RASD_TOKF_QUOTE_OPEN | RASD_TOKF_QUOTE_CLOSE))) {
            k--;
            continue;
        }
        if (k > 0 && (cs->toks[k - 1].kind == RASD_TOK_NUMBER || cs->mw[k - 1].upos == UPOS_NUM)) {
            k--; /* أن [11] ناشطا */
            continue;
        }
        if (nouns < 2 && k > 0 && cs->toks[k - 1].kind == RASD_TOK_ARABIC &&
            coder_accusative(cs, k - 1) && !CODER_TOK_IN(cs, k - 1, inna)) {
            k--, nouns++;
            continue;
        }
        break;
    }
    return k > 0 && CODER_TOK_IN(cs, k - 1, inna);
}

bool mention_singular(const coder_sent *cs, const mention *m)
{
    return m->person || (m->agent && title_word(cs->keys[m->first].stem));
}

/* m (a reference: الوزير, a bare surname) takes the identity of ref and
 * keeps its own place in the sentence. */
static void mention_refer(mention *m, const mention *ref)
{
    mention keep = *m;
    *m = *ref;
    m->first = keep.first;
    m->last = keep.last;
    m->start = keep.start;
    m->end = keep.end;
    m->prep = keep.prep;
    m->gprep = keep.gprep;
    m->conj = keep.conj;
    m->resolved = true;
}

/* A bare title refers back (الوزير, الرئيس); without the article it is in
 * a construct (رئيس هيئة ...) and says nothing alone. */
static bool person_title(const coder_sent *cs, const mention *m)
{
    return m->first == m->last && cs->mw[m->first].det && title_word(cs->keys[m->first].stem);
}

/* الأخير / الأخيرة: "the latter", the person last named. */
static bool mention_latter(coder_sent *cs, size_t i, const coder_memory *mem, mention *m)
{
    if (!coder_tok_is(cs, i, "الاخير") && !coder_tok_is(cs, i, "الاخيره"))
        return false;
    /* After a definite noun or a group's name it is an adjective:
     * التطورات الأخيرة، صواريخ ميليشيا الحوثي الأخيرة. */
    if (i > 0 && cs->mw[i - 1].det && cs->mw[i - 1].upos != UPOS_VERB &&
        !coder_tok_is(cs, i - 1, "الاخير"))
        return false;
    for (size_t k = 0; k < cs->nm; k++)
        if (cs->m[k].last + 1 == i && !cs->m[k].person)
            return false;
    const mention *ref = NULL;
    for (size_t k = cs->nm; k-- > 0;)
        if (cs->m[k].person || (cs->m[k].agent && cs->m[k].country[0])) {
            ref = &cs->m[k];
            break;
        }
    if (!ref && mem->have_person)
        ref = &mem->last_person;
    if (!ref)
        return false;
    *m = *ref;
    m->first = m->last = i;
    m->prep = NULL;
    m->conj = false;
    m->resolved = true;
    return true;
}

static void mention_resolve_pass(coder_sent *cs, const coder_memory *mem)
{
    for (size_t k = 0; k < cs->nm; k++) {
        mention *m = &cs->m[k];
        if (m->counterpart && !m->sector[0]) {
            const char *sec = k ? cs->m[k - 1].sector : "";
            mention_set_code(m, m->country, sec[0] ? sec : "GOV");
        }
        /* A bare title (الوزير, الرئيس) names the person last introduced. */
        if (m->agent && !m->country[0] && mem->have_person && !m->merged &&
            person_title(cs, m) && !strcmp(m->sector, mem->last_person.sector)) {
            mention_refer(m, &mem->last_person);
        }
    }
}

/* الجانبين الروسي والتركي: the adjectives name the two sides. */
static void pair_with_adjectives(coder_sent *cs)
{
    for (size_t k = 0; k + 1 < cs->nm; k++) {
        mention *p = &cs->m[k], *a = &cs->m[k + 1];
        if (!p->pair || !a->adj || a->first != p->last + 1)
            continue;
        a->adj = false;
        a->named = true;
        a->prep = p->prep;
        if (k + 2 < cs->nm && cs->m[k + 2].adj && cs->m[k + 2].first == a->last + 1) {
            cs->m[k + 2].adj = false;
            cs->m[k + 2].named = true;
            cs->m[k + 2].conj = true;
        }
        memmove(p, p + 1, (cs->nm - k - 1) * sizeof *p);
        cs->nm--;
    }
}

static void inst_remember(coder_memory *mem, const char *head, const char *country)
{
    coder_inst *in = &mem->inst[hash_bytes(head, strlen(head)) % CODER_INST_SLOTS];
    snprintf(in->head, sizeof in->head, "%s", head);
    memcpy(in->country, country, sizeof in->country);
}

/* An institution named without its country (النظام, الحكومة, الجيش) is the
 * one the document last named with a country. */
static const char *inst_head(const coder_sent *cs, const mention *m)
{
    const char *head = cs->keys[m->first].stem;
    if (!title_word(head))
        return m->agent && !m->person ? head : NULL;
    /* رئيس النظام التركي, رئيس أركان هذا النظام: the body after the title */
    for (size_t i = m->first + 1; i <= m->last; i++)
        if (cs->mw[i].det && cs->mw[i].upos == UPOS_NOUN && !title_word(cs->keys[i].stem))
            return cs->keys[i].stem;
    return NULL;
}

static void institution_memory(coder_sent *cs, coder_memory *mem)
{
    for (size_t k = 0; k < cs->nm; k++) {
        mention *m = &cs->m[k];
        const char *head = inst_head(cs, m);
        if (!head || !head[0])
            continue;
        coder_inst *in = &mem->inst[hash_bytes(head, strlen(head)) % CODER_INST_SLOTS];
        if (m->country[0]) {
            inst_remember(mem, head, m->country);
        } else if (!m->resolved && !strcmp(in->head, head) && in->country[0]) {
            mention_set_code(m, in->country, m->sector);
            m->resolved = true;
        }
    }
}

/* وتتهم الرياض الحوثيين: a plural nisba after a named state of another
 * country cannot be its adjective (a state's name is singular); it is a
 * people or group of its own. */
static void plural_after_name(coder_sent *cs)
{
    for (size_t k = 1; k < cs->nm; k++) {
        mention *n = &cs->m[k - 1], *a = &cs->m[k];
        if (!a->adj || a->first != n->last + 1 || !n->named || n->agent || n->adj ||
            n->person || !strcmp(n->country, a->country))
            continue;
        const char *w = cs->keys[a->last].bare;
        size_t len = strlen(w);
        if (len >= 6 && (!strcmp(w + len - 4, "ين") || !strcmp(w + len - 4, "ون"))) {
            a->adj = false;
            a->named = true;
        }
    }
}

/* الطيران الروسي، طائرات إسرائيلية، طائرات التحالف، طيران النظام: in a
 * sentence about violence, aircraft with a country adjective or an owner
 * in the genitive are that owner's air force: one actor, the aircraft word
 * included. (Elsewhere they are mostly goods or airliners: رسوم على
 * الطائرات الأمريكية.) */
static bool aircraft_owner(const coder_sent *cs, const mention *a)
{
    /* (not one aircraft: أسقط الطائرة الماليزية, it is hit) */
    static const char *const craft[] = {"طيران", "طائرات", "مقاتلات", "مروحيات"};
    size_t w = a->first - 1;
    if (a->first == 0 || !CODER_TOK_IN(cs, w, craft))
        return false;
    if (a->adj) /* the adjective agrees in definiteness */
        return (cs->mw[w].det != 0) == (cs->mw[a->first].det != 0);
    /* a genitive: the construct noun has no article */
    return !cs->mw[w].det && a->code[0] && !a->person && !a->prep;
}

static void aircraft_mentions(coder_sent *cs)
{
    int violence = -1;
    for (size_t k = 0; k < cs->nm; k++) {
        mention *a = &cs->m[k];
        if (!aircraft_owner(cs, a) || (k > 0 && cs->m[k - 1].last + 1 >= a->first))
            continue;
        if (violence < 0)
            violence = coder_names_violence(cs, NULL);
        if (!violence)
            return;
        /* a state, its government or a bare country adjective: its forces
         * (an armed group or a coalition keeps its own code) */
        if (a->country[0] && (a->adj || a->state || !strcmp(a->sector, "GOV") || !a->sector[0]))
            mention_set_code(a, a->country, "MIL");
        a->first--;
        a->adj = a->state = false;
        a->agent = true;
        a->prep = mention_prep(cs, a->first);
        a->gprep = a->prep ? NULL : mention_gprep(cs, a->first);
    }
}

/* هيئتا الأركان التركية والأميركية: a coordinated adjective makes a second
 * actor of the same kind. */
static void adjective_conjuncts(coder_sent *cs)
{
    for (size_t k = 0; k + 1 < cs->nm; k++) {
        mention *m = &cs->m[k], *a = &cs->m[k + 1];
        if (!a->adj || m->adj || a->first != m->last + 1 || !m->country[0] || !m->agent)
            continue;
        /* (an adjective agrees in definiteness; الجيش الإسرائيلي فلسطينيا
         * is subject and object) */
        if (!word_has_clitic(&cs->mw[a->first], MCL_WA) && cs->mw[a->first].det != cs->mw[m->last].det)
            continue;
        mention c = *m;
        c.first = a->first;
        c.last = a->last;
        c.conj = true;
        c.name = NULL;
        mention_set_code(&c, a->country, m->sector);
        *a = c;
    }
}

/* Remember coded people under their surname; give a later uncoded
 * one-word name that matches one of them its code. */
static void surname_memory(coder_sent *cs, coder_memory *mem)
{
    for (size_t k = 0; k < cs->nm; k++) {
        mention *m = &cs->m[k];
        if (!m->person)
            continue;
        const char *sur = cs->keys[m->last].stem[0] ? cs->keys[m->last].stem : cs->keys[m->last].full;
        if (m->code[0] && !m->resolved && strlen(sur) >= 6) {
            size_t slot = mem->n_people < CODER_PEOPLE ? mem->n_people++ : CODER_PEOPLE - 1;
            snprintf(mem->surname[slot], LEX_KEY_MAX, "%s", sur);
            mem->person[slot] = *m;
        } else if (!m->code[0] && m->first == m->last) {
            for (size_t p = mem->n_people; p-- > 0;)
                if (!strcmp(mem->surname[p], sur)) {
                    mention_refer(m, &mem->person[p]);
                    break;
                }
        }
    }
}

/* "قالن" و"سوليفان": between the two only quotes and a bare و. */
static bool quoted_conjunct(const coder_sent *cs, size_t a_last, size_t b_first)
{
    bool wa = false;
    for (size_t k = a_last + 1; k < b_first; k++) {
        if (cs->toks[k].flags & (RASD_TOKF_QUOTE_OPEN | RASD_TOKF_QUOTE_CLOSE))
            continue;
        if (wa || !coder_tok_is(cs, k, "و"))
            return false;
        wa = true;
    }
    return wa;
}

/* ---------------------------------------------------------- datelines */

#define DL_MAX_WORDS 6 /* دبي، الإمارات العربية المتحدة */

static bool dl_is(const coder_sent *cs, size_t i, const char *norm)
{
    return i < cs->n && !strcmp(cs->toks[i].norm, norm);
}

static bool dl_dash(const coder_sent *cs, size_t i)
{
    /* (and a run of hyphens: (CNN)--) */
    return i < cs->n &&
           (clause_is_dash(cs, i) || (cs->toks[i].kind == RASD_TOK_PUNCT && cs->toks[i].norm[0] == '-'));
}

/* The token after an agency in brackets or quotes that opens at i ((CNN),
 * «الشرق الأوسط»), or after a bare one up to its colon (أ ف ب:); else i. */
static size_t dl_agency(const coder_sent *cs, size_t i)
{
    bool paren = dl_is(cs, i, "("), quote = i < cs->n && (cs->toks[i].flags & RASD_TOKF_QUOTE_OPEN);
    for (size_t k = i + (paren || quote); k < cs->n && k <= i + 5; k++) {
        if (paren ? dl_is(cs, k, ")") : quote ? (cs->toks[k].flags & RASD_TOKF_QUOTE_CLOSE) != 0
                                               : dl_is(cs, k, ":"))
            return k + 1 - (!paren && !quote); /* (the colon is the caller's) */
        if (cs->mw[k].upos == UPOS_VERB)
            break;
    }
    return i;
}

/* Are tokens [0, end) place names and commas only (دبي، الإمارات العربية
 * المتحدة)? */
static bool dl_places(const geo_gazetteer *g, const coder_sent *cs, size_t end)
{
    geo_match m;
    for (size_t i = 0; i < end;) {
        if (dl_is(cs, i, ",")) /* (، too: its norm is ",") */
            i++;
        else if (g && geo_match_at(g, cs->toks, end, i, &m) && m.name_tok == i)
            i += m.ntok;
        else
            return false;
    }
    return end > 0;
}

/* The first token after an opening dateline, or 0: place names (and
 * commas), then an agency and a dash or colon, or a dash and perhaps an
 * agency (دبي، الإمارات العربية المتحدة (CNN)-- / سراييفو ـ «الشرق
 * الأوسط»: / بيروت - أ ف ب:). It says where the report was filed. */
static size_t dateline_end(const geo_gazetteer *g, const coder_sent *cs)
{
    size_t p = 0, words = 0, q;
    for (; p < cs->n && (cs->toks[p].kind != RASD_TOK_PUNCT || dl_is(cs, p, ",")); p++)
        if (cs->toks[p].kind != RASD_TOK_PUNCT && ++words > DL_MAX_WORDS)
            return 0;
    if (dl_is(cs, p, "(")) {
        q = dl_agency(cs, p);
        if (q == p || !(dl_dash(cs, q) || dl_is(cs, q, ":")))
            return 0;
    } else if (dl_dash(cs, p)) {
        q = dl_agency(cs, p + 1);
    } else {
        return 0;
    }
    if (!dl_places(g, cs, p))
        return 0;
    while (dl_dash(cs, q) || dl_is(cs, q, ":"))
        q++;
    return q < cs->n ? q : 0;
}

/* Drop the mentions of an opening dateline, its agency's too: they are
 * where the report was filed and who reports it, no parties. */
static void drop_dateline(const rasd_ctx *ctx, coder_sent *cs)
{
    size_t end = dateline_end(ctx->geo, cs), k = 0;
    cs->body = end;
    while (k < cs->nm && cs->m[k].first < end)
        k++;
    memmove(cs->m, cs->m + k, (cs->nm - k) * sizeof cs->m[0]);
    cs->nm -= k;
}

void coder_find_mentions(const rasd_ctx *ctx, coder_sent *cs, coder_memory *mem)
{
    cs->nm = 0;
    for (size_t i = 0; i < cs->n && cs->nm < CODER_MAX_MENTIONS;) {
        mention m;
        if (cs->toks[i].kind != RASD_TOK_ARABIC && cs->toks[i].kind != RASD_TOK_LATIN) {
            i++;
            continue;
        }
        if (mention_counterpart(ctx, cs, i, &m) || mention_his_country(cs, i, mem, &m) ||
            mention_pair(cs, i, mem, &m) || mention_latter(cs, i, mem, &m) ||
            mention_from_dict(ctx, cs, i, mem, &m) || mention_from_ner(ctx, cs, i, &m) ||
            mention_org_recall(cs, i, mem, &m)) {
            m.prep = mention_prep(cs, m.first);
            m.gprep = m.prep ? NULL : mention_gprep(cs, m.first);
            cs->m[cs->nm++] = m;
            i = m.last + 1;
            continue;
        }
        i++;
    }
    drop_dateline(ctx, cs);
    pair_with_adjectives(cs);
    plural_after_name(cs);
    aircraft_mentions(cs);
    mention_merge_pass(cs);
    adjective_conjuncts(cs);
    for (size_t k = 1; k < cs->nm; k++) /* X و Y, "X" و"Y" */
        if (!cs->m[k].adj && (cs->m[k - 1].last + 1 == cs->m[k].first ?
                              word_has_clitic(&cs->mw[cs->m[k].first], MCL_WA) :
                              quoted_conjunct(cs, cs->m[k - 1].last, cs->m[k].first)))
            cs->m[k].conj = true;
    for (size_t k = 0; k < cs->nm; k++) /* (a reference made at detection keeps its own) */
        if (!cs->m[k].ident)
            cs->m[k].ident = cs->toks[cs->m[k].first].start + 1;
    mention_resolve_pass(cs, mem);
    institution_memory(cs, mem);
    surname_memory(cs, mem);
    for (size_t k = 0; k < cs->nm; k++) {
        mention_span(cs, &cs->m[k]);
        /* (an office named by its country is a person too: [الرئيس الفلبيني]
         * انتقد ... وانتقد [الرئيس]) */
        bool office = cs->m[k].agent && cs->m[k].last == cs->m[k].first + 1 &&
                      cs->mw[cs->m[k].first].det && title_word(cs->keys[cs->m[k].first].stem);
        if ((cs->m[k].person || office) && !cs->m[k].resolved && cs->m[k].country[0]) {
            mem->last_person = cs->m[k];
            mem->have_person = true;
        }
    }
    org_memory(cs, mem);
}

void coder_note_people(const rasd_ctx *ctx, coder_sent *cs, coder_memory *mem)
{
    /* (untagged: mention_from_dict reads tags only for agents and
     * adjectives, never for a person's name) */
    for (size_t i = 0; i < cs->n; i++) {
        mention m;
        if (cs->toks[i].kind != RASD_TOK_ARABIC || !mention_from_dict(ctx, cs, i, mem, &m))
            continue;
        if (m.person && m.country[0]) {
            mention_span(cs, &m);
            mem->last_person = m;
            mem->have_person = true;
        }
        i = m.last;
    }
}
