/* args.c - arguments: which actor mentions are a trigger's source and
 * target within its clause (clause.c) — VSO and SVO orders, prepositions,
 * passives, relative clauses, weapons and victims.
 * Used by coder.c; see src/events/README.md (Arguments) for the rules. */
#include "events/coder.h"
#include "events/code_int.h"
#include "text/text.h"
#include <string.h>

/* ---------------------------------------------------------- arguments */

bool args_same_actor(const mention *a, const mention *b)
{
    if (!a || !b)
        return a == b;
    return !strcmp(a->code, b->code) && (a->code[0] || a->start == b->start);
}


/* Conjuncts and attributive adjectives are not arguments on their own. */

/* كل من X، كلا من X: "both X and Y" (see mention_prep). */
bool args_both(const mention *m)
{
    return m->prep && !strcmp(m->prep, "كل");
}

bool args_usable(const mention *m)
{
    return !m->conj && !m->adj && !m->hidden;
}

/* برفقة رئيس المخابرات، بصحبة وزير الخارجية: who comes along is no party */
static bool companion(const coder_sent *cs, const mention *m)
{
    return m->first > 0 && (coder_tok_is(cs, m->first - 1, "برفقه") ||
                            coder_tok_is(cs, m->first - 1, "بصحبه") ||
                            coder_tok_is(cs, m->first - 1, "يرافقه"));
}

/* العاصمة [دمشق]، مدينة [حلب]، جنوب [دمشق]، أحد شوارع [الرياض]، في مدن
 * [الصين]: a place head or a direction before a name makes it a place, not
 * a party. (Not any genitive of في: في حال أقدمت [الولايات المتحدة] is a
 * subject.) */
bool args_place_of(const coder_sent *cs, const mention *m)
{
    static const char *const head[] = {"العاصمه", "عاصمه", "مدينه", "المدينه", "بلده", "محافظه",
                                       "ولايه", "اقليم", "منطقه", "جنوب", "شمال", "شرق", "غرب",
                                       "ضواحي", "ريف", "وسط", "قرب", "جنوبي", "شمالي", "شرقي",
                                       "غربي", "شوارع", "شارع", "ساحه", "ميدان", "احياء",
                                       "مدن", "قري", "انحاء", "مناطق", "ارجاء", "اطراف", "مبني"};
    if (m->first == 0 || m->person || m->agent)
        return false;
    size_t b = m->first - 1;
    /* العاصمة البريطانية [لندن]: through the head's adjective */
    const mention *adj = b > 0 && cs->mw[b].upos == UPOS_ADJ ? coder_mention_at(cs, b) : NULL;
    if (adj && adj->adj)
        b--;
    return CODER_TOK_IN(cs, b, head);
}

/* قرب الحدود مع [الصين]، على حدود [سوريا]: a border names a place, not a
 * party. */
static bool border_of(const coder_sent *cs, const mention *m)
{
    static const char *const border[] = {"الحدود", "حدود", "الحد", "حدودها", "حدوده",
                                         "الحدودي", "الحدوديه"};
    size_t b = m->first;
    if (b > 0 && coder_tok_is(cs, b - 1, "مع"))
        b--;
    return b > 0 && !m->person && CODER_TOK_IN(cs, b - 1, border);
}

/* بحسب [المرصد السوري]، وفقا لـ[الوكالة]، نقلا عن [مصادر]: who reports
 * the act is no party to it. */
static bool attribution(const coder_sent *cs, const mention *m)
{
    static const char *const by[] = {"بحسب", "حسب", "حسبما", "وفق", "وفقا", "طبقا", "نقلا",
                                     "بحسبما", "استنادا"};
    static const char *const what[] = {"ما", "لما"};
    size_t b = m->first;
    if (b > 0 && coder_tok_is(cs, b - 1, "عن"))
        b--;
    if (b > 0 && CODER_TOK_IN(cs, b - 1, by))
        return true;
    /* وفق ما أفاد [المرصد]، حسبما ذكرت [الوكالة]، وفقا لما قاله [الجيش] */
    if (b < 2 || cs->mw[b - 1].upos != UPOS_VERB)
        return false;
    return CODER_TOK_IN(cs, b - 2, by) ||
           (b >= 3 && CODER_TOK_IN(cs, b - 2, what) && CODER_TOK_IN(cs, b - 3, by));
}

/* موسكو، حليفة [النظام السوري]: whose ally the source is describes it. */
static bool ally_of(const coder_sent *cs, const mention *m, const mention *src)
{
    static const char *const ally[] = {"حليف", "حليفه", "حليفة", "حلفاء", "الحليف", "الحليفه",
                                       "حليفتها", "حليفها"};
    if (!src || m->first < 2 || !CODER_TOK_IN(cs, m->first - 1, ally))
        return false;
    size_t b = m->first - 2;
    if (cs->toks[b].kind == RASD_TOK_PUNCT && b > 0)
        b--;
    return b == src->last;
}

/* هجوما على قرية … الواقعة على [بحيرة تشاد]: once the trigger's
 * preposition has taken a noun that is no actor, a later one of the same
 * word belongs to something else. A conjunct (وعلى [X]) does not count. */
static bool prep_taken(const coder_sent *cs, size_t from, const mention *m, const char *prep)
{
    if (strlen(prep) < 4) /* a clitic (ل، ب): not a word of its own */
        return false;
    /* the last one before m is m's own (على 19 [روسيا]، على جنوب [إسرائيل]) */
    size_t own = m->first;
    while (own > from && strcmp(cs->keys[own - 1].full, prep) != 0)
        own--;
    for (size_t t = from; t + 1 < own; t++)
        if (!strcmp(cs->keys[t].full, prep) && !coder_mention_at(cs, t + 1))
            return true;
    return false;
}

/* (declared in code_int.h) */
const mention *args_agent_by(const coder_sent *cs, size_t from, size_t to)
{
    const mention *by = args_first_after(cs, from, to, "قبل", NULL);
    return by ? by : args_first_after(cs, from, to, "يد", NULL);
}

const mention *args_first_after(const coder_sent *cs, size_t from, size_t hi,
                                      const char *prep, const mention *not)
{
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first < from || m->first > hi || m == not || !args_usable(m) || companion(cs, m) ||
            ally_of(cs, m, not))
            continue;
        /* (with a preposition asked for, the place may be the target:
         * أطلقت قذائف على جنوب إسرائيل) */
        if ((!prep && args_place_of(cs, m)) || attribution(cs, m) || border_of(cs, m))
            continue;
        /* في وسط [بغداد]، في مدينة [حلب]: a place, not a party (في صفوف
         * [الميليشيات]: among its ranks) */
        if (!prep && !m->prep && m->gprep && !strcmp(m->gprep, "في") &&
            !coder_tok_is(cs, m->first - 1, "صفوف"))
            continue;
        /* nor the genitive of another preposition's noun (هجوما على قرية
         * الواقعة على بحيرة [تشاد]) */
        if (!prep && !m->prep && m->gprep && prep_taken(cs, from, m, m->gprep))
            continue;
        if (prep ? (m->prep && !strcmp(m->prep, prep) && !prep_taken(cs, from, m, prep))
                 : (!m->prep || args_both(m)))
            return m;
        if (prep && m->gprep && !strcmp(m->gprep, prep) && !prep_taken(cs, from, m, prep))
            return m; /* إزاء انسحاب [تركيا] */
    }
    return NULL;
}

/* العشرات من [المستوطنين] هاجموا: a counted group before the verb is its
 * subject, من and all; `digits` lets a figure count (500 من, not a year
 * before من in a subject's place). */
bool args_counted_from(const coder_sent *cs, const mention *m, bool digits)
{
    static const char *const qty[] = {"عشرات", "العشرات", "مئات", "المئات", "الاف", "الالاف",
                                      "عدد", "بعض", "مجموعه", "الوف"};
    return m->prep && !strcmp(m->prep, "من") && m->first >= 2 &&
           (CODER_TOK_IN(cs, m->first - 2, qty) ||
            (digits && cs->toks[m->first - 2].kind == RASD_TOK_NUMBER));
}

/* كلا من موسكو ودمشق اتهمتا: "both X and Y" right before the verb is its
 * subject (not: حذرت ماي كلا من واشنطن … ، وحثت). */
static bool both_subject(const coder_sent *cs, size_t k, size_t before)
{
    if (!args_both(&cs->m[k]))
        return false;
    size_t end = cs->m[k].last;
    for (size_t j = k + 1; j < cs->nm && cs->m[j].conj; j++)
        end = cs->m[j].last;
    return end < before && end + 3 >= before;
}

static const mention *arg_last_before(const coder_sent *cs, size_t lo, size_t before)
{
    const mention *best = NULL;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        /* أمام مقر [البرلمان]: a genitive of a prepositional phrase is
         * no subject either */
        if (m->first >= lo && m->last < before &&
            (!m->prep || both_subject(cs, k, before) || args_counted_from(cs, m, false)) &&
            args_usable(m) && !attribution(cs, m) && !args_place_of(cs, m))
            best = m;
    }
    return best;
}

/* Y of "X و Y". */
static const mention *arg_conjunct(const coder_sent *cs, const mention *x)
{
    for (size_t k = 0; x && k + 1 < cs->nm; k++)
        if (&cs->m[k] == x && cs->m[k + 1].conj)
            return &cs->m[k + 1];
    return NULL;
}

/* بين X و Y after the trigger. */
static bool arg_between(const coder_sent *cs, size_t from, size_t hi,
                        const mention **x, const mention **y)
{
    for (size_t i = from; i <= hi && i < cs->n; i++) {
        if (!coder_tok_is(cs, i, "بين"))
            continue;
        for (size_t k = 0; k < cs->nm; k++)
            if (cs->m[k].first > i && cs->m[k].first <= i + 2) {
                const mention *a = &cs->m[k];
                const mention *b = NULL;
                /* the second party may follow a comma: بين X، ونظيره Y */
                if (k + 1 < cs->nm && (cs->m[k + 1].conj ||
                    (cs->m[k + 1].first <= a->last + 2 && coder_has_wa(cs, cs->m[k + 1].first))))
                    b = &cs->m[k + 1];
                if (!b && !a->pair)
                    return false;
                *x = a;
                *y = b;
                return true;
            }
        return false;
    }
    return false;
}

/* Country adjectives right after a verbal noun: مباحثات تركية أمريكية. */
static bool arg_adj_dyad(const coder_sent *cs, const lex_hit *h, const mention **x,
                         const mention **y)
{
    *x = *y = NULL;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (!m->adj || m->first < h->last + 1 || m->first > h->last + 6)
            continue;
        if (!*x && m->first > h->last + 1 && !(k + 1 < cs->nm && cs->m[k + 1].adj))
            continue; /* a lone adjective further away describes something else */
        if (!*x)
            *x = m;
        else if (strcmp(m->country, (*x)->country)) {
            *y = m;
            return true;
        }
    }
    return *x != NULL && (*x)->first == h->last + 1;
}

/* Categories whose two parties act together (a meeting has no direction
 * beyond who is named first). */
bool args_symmetric(plover_cat c)
{
    return c == PL_CONSULT || c == PL_AGREE || c == PL_COOPERATE;
}

static bool is_preposition(const coder_sent *cs, size_t i)
{
    static const char *const preps[] = {"في", "علي", "عن", "من", "مع", "الي", "ازاء",
                                        "تجاه", "حول", "بشان", "ضد", "خلال", "عبر", "منذ"};
    for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
        if (!strcmp(cs->keys[i].full, preps[k]) || !strcmp(cs->keys[i].bare, preps[k]))
            return true;
    return false;
}

/* After a quantity word (عشرات، مئات، آلاف) within two tokens of `from`,
 * the actor it counts: من X or the genitive X. */
/* Cardinals as news writes them before من (خمس من الدول). Folded. */
static const char *const number_words[] = {"ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه",
                                           "ست", "سته", "سبع", "سبعه", "ثماني", "ثمانيه",
                                           "تسع", "تسعه", "عشر", "عشره"};

static const mention *arg_counted(const coder_sent *cs, size_t from, size_t hi, bool verb)
{
    static const char *const qty[] = {"عشرات", "مئات", "الاف", "الالاف", "ملايين", "مئات الالاف",
                                      "عشرات الالاف", "الاف", "حشود", "المئات", "العشرات"};
    /* after a finite verb only (أعرب عدد من أعضاء الكونغرس): after a noun
     * they count its object (مداهمة عدد من أوكار القاعدة) */
    static const char *const some[] = {"عدد", "بعض", "مجموعه", "وفد"};
    for (size_t i = from; i <= from + 2 && i <= hi && i < cs->n; i++) {
        bool q = false;
        for (size_t k = 0; k < sizeof qty / sizeof qty[0] && !q; k++)
            q = coder_tok_is(cs, i, qty[k]);
        for (size_t k = 0; verb && k < sizeof some / sizeof some[0] && !q; k++)
            q = coder_tok_is(cs, i, some[k]);
        if (!q)
            continue;
        for (size_t k = 0; k < cs->nm; k++) {
            const mention *m = &cs->m[k];
            if (m->first > i && m->first <= i + 3 && m->first <= hi && args_usable(m) &&
                (!m->prep || !strcmp(m->prep, "من")))
                return m;
        }
        return NULL;
    }
    return NULL;
}

/* X، Y: Y right after X and a comma. */
bool args_apposition(const coder_sent *cs, const mention *x, const mention *y)
{
    size_t c = x->last + 1;
    return y->first == c + 1 && cs->toks[c].kind == RASD_TOK_PUNCT && !strcmp(cs->toks[c].norm, ",");
}

bool args_has_suffix(const morph_word *w)
{
    return w->n_seg > 0 && w->seg[w->n_seg - 1].kind == MSEG_SUFFIX;
}

bool args_after_aux(const coder_sent *cs, size_t i)
{
    static const char *const aux[] = {"تم", "يتم", "تمت", "سيتم", "جري", "يجري", "جرت", "تجري"};
    return i > 0 && CODER_TOK_IN(cs, i - 1, aux);
}

/* للمطالبة، لبحث: a verbal noun with ل (purpose) at token i? */
bool args_purpose_noun(const coder_sent *cs, size_t i)
{
    return cs->mw[i].upos != UPOS_VERB && coder_has_clitic(cs, i, MCL_LI);
}

/* An accusative participle describing its clause's subject: مطالبا،
 * داعيا (the tanween alef) or the plural مطالبين، مرددين، منددين (م…ين,
 * no article). */
bool args_participle(const coder_sent *cs, size_t i)
{
    /* feminine participles of reporting and calling (داعية، مطالبة ...) */
    static const char *const fem[] = {"داعيه", "مطالبه", "محذره", "مؤكده", "موكده", "مشيره",
                                      "معربه", "مضيفه", "متهمه", "منتقده", "مناشده", "حاثه"};
    if (cs->keys[i].acc[0] || (!cs->mw[i].det && CODER_TOK_IN(cs, i, fem)))
        return true;
    const char *w = cs->keys[i].full;
    size_t len = strlen(w);
    return len >= 10 && !strncmp(w, "م", 2) && !strcmp(w + len - 4, "ين") && !cs->mw[i].det &&
           cs->mw[i].upos != UPOS_VERB && cs->toks[i].kind == RASD_TOK_ARABIC;
}

/* هاجموا, يطلقون, قالوا: a verb with the plural suffix. */
bool args_verb_plural(const coder_sent *cs, size_t i)
{
    const char *w = cs->keys[i].bare;
    return cs->mw[i].upos == UPOS_VERB && (coder_ends_with(w, "وا") || coder_ends_with(w, "ون"));
}

bool args_armed(const mention *m)
{
    static const char *const sec[] = {"MIL", "COP", "SPY", "REB", "UAF", "INS"};
    for (size_t k = 0; k < sizeof sec / sizeof sec[0]; k++)
        if (!strcmp(m->sector, sec[k]))
            return true;
    return false;
}

/* A relative clause names who did what a noun names: غارات جوية شنها
 * الطيران الروسي، الهجوم الذي نفذته حركة الشباب. The verb carries the
 * pronoun that takes up the noun, and its subject follows it. */
static const mention *relative_agent_at(const coder_sent *cs, size_t from);

const mention *args_relative_agent(const coder_sent *cs, const lex_hit *h)
{
    return relative_agent_at(cs, h->last + 1);
}

static const mention *relative_agent_at(const coder_sent *cs, size_t from)
{
    /* verbs that carry out what the noun names (not: اتهام رفضته الحكومة) */
    static const char *const doer[] = {
        "شن", "شنت", "يشن", "تشن", "نفذ", "نفذت", "ينفذ", "تنفذ", "ارتكب", "ارتكبت",
        "يرتكب", "ترتكب", "اجري", "اجرت", "يجري", "تجري", "وجه", "وجهت", "يوجه", "توجه",
        "اطلق", "اطلقت", "يطلق", "تطلق", "فرض", "فرضت", "يفرض", "تفرض", "ضرب", "ضربت",
        "يضرب", "تضرب", "قاد", "قادت", "يقود", "تقود", "نظم", "نظمت", "ينظم", "تنظم",
        "تبني", "تبنت", "يتبني", "تتبني", "شكل", "تشكل", "يشكل", "شكلت"};
    for (size_t i = from; i <= from + 2 && i < cs->n; i++) {
        if (cs->toks[i].kind == RASD_TOK_PUNCT)
            return NULL;
        bool does = false;
        for (size_t k = 0; k < sizeof doer / sizeof doer[0] && !does; k++)
            does = !strcmp(cs->keys[i].stem, doer[k]);
        if (!does)
            continue;
        if (!args_has_suffix(&cs->mw[i]))
            return NULL;
        for (size_t k = 0; k < cs->nm; k++)
            if ((cs->m[k].first == i + 1 || cs->m[k].first == i + 2) && !cs->m[k].prep &&
                args_usable(&cs->m[k]))
                return &cs->m[k];
        /* شنتها طائرة [أميركية]: the country adjective of the doer */
        for (size_t k = 0; k < cs->nm; k++)
            if (cs->m[k].first == i + 2 && cs->m[k].adj && cs->m[k].country[0] &&
                !coder_mention_at(cs, i + 1) && cs->mw[i + 1].upos == UPOS_NOUN)
                return &cs->m[k];
        return NULL;
    }
    return NULL;
}

/* Is the token before i a relative pronoun (الذي، التي، الذين ...)? */
bool args_relative_before(const coder_sent *cs, size_t i)
{
    static const char *const rel[] = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان",
                                      "اللتان", "اللواتي"};
    for (size_t k = 0; i > 0 && k < sizeof rel / sizeof rel[0]; k++)
        if (!strcmp(cs->keys[i - 1].full, rel[k]))
            return true;
    return false;
}

bool args_relative_verb(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    return h->first == h->last && args_relative_before(cs, t0) && cs->mw[t0].upos == UPOS_VERB &&
           !args_has_suffix(&cs->mw[t0]);
}

/* تمكنت القوات العراقية من [اعتقال]، قامت الشرطة [باعتقال]، نجح الجيش في
 * [تحرير]: the subject of a light verb does the verbal noun after it. */
static const mention *light_verb_subject(const coder_sent *cs, size_t t0)
{
    static const char *const light[] = {"تمكن", "تمكنت", "تمكنوا", "نجح", "نجحت", "نجحوا",
                                        "استطاع", "استطاعت", "قام", "قامت", "قاموا", "اقدم",
                                        "اقدمت", "اقدموا"};
    bool linked = (t0 > 0 && (coder_tok_is(cs, t0 - 1, "من") || coder_tok_is(cs, t0 - 1, "في"))) ||
                  coder_has_clitic(cs, t0, MCL_BI);
    if (!linked) /* (after من / في / ب it is a verbal noun, whatever the tagger says) */
        return NULL;
    size_t from = t0 >= 7 ? t0 - 7 : 0;
    for (size_t v = t0; v-- > from;) {
        if (cs->toks[v].kind == RASD_TOK_PUNCT)
            return NULL;
        if (!CODER_TOK_IN(cs, v, light))
            continue;
        for (size_t k = 0; k < cs->nm; k++)
            if (cs->m[k].first > v && cs->m[k].last < t0 && !cs->m[k].prep &&
                args_usable(&cs->m[k]))
                return &cs->m[k];
        /* SVO: الجيش نجح في قتل */
        for (size_t k = cs->nm; k-- > 0;)
            if (cs->m[k].last < v && cs->m[k].last + 3 >= v && !cs->m[k].prep &&
                args_usable(&cs->m[k]))
                return &cs->m[k];
        return NULL;
    }
    return NULL;
}

/* Is there a verb of reaction or observation right before m (VSO: انتقد
 * [الرئيس] قصف المدينة; not شهدت إعلان [الرئيس]: a genitive) or between m and the verbal noun at t0 (SVO:
 * [تركيا] رحبت بوقف إطلاق النار)? Its subject reacts to, watches or
 * discusses the act named by the noun; it does not do it. */
static bool reaction_around(const coder_sent *cs, const mention *m, size_t t0)
{
    /* (not the ambiguous تابع "affiliated; went on", رصد "allocated",
     * اعترض "intercepted", وصف "described", nor ناقش: their subject often
     * acts, and those who discuss sanctions impose them) */
    static const char *const react[] = {
        "انتقد", "انتقدت", "انتقدوا", "ينتقد", "تنتقد", "ادان", "ادانت", "ادانوا", "يدين",
        "تدين", "ندد", "نددت", "نددوا", "يندد", "تندد", "استنكر", "استنكرت", "يستنكر",
        "تستنكر", "شجب", "شجبت", "رحب", "رحبت", "رحبوا", "يرحب", "ترحب", "استقبل", "استقبلت",
        "استقبلوا", "يستقبل", "تستقبل", "شهد", "شهدت", "يشهد", "تشهد", "ايد", "ايدت",
        "يويد", "تويد", "عارض", "عارضت", "يعارض", "تعارض", "حذر", "حذرت", "يحذر", "تحذر"};
    /* (حذر الملك خلال لقاء مع ...: the meeting he warned in is his own) */
    if (t0 > 0 && (coder_tok_is(cs, t0 - 1, "خلال") || coder_tok_is(cs, t0 - 1, "اثناء")))
        return false;
    size_t from = m->first >= 1 ? m->first - 1 : 0;
    for (size_t i = from; i < t0; i++) {
        if (i >= m->first && i <= m->last)
            continue;
        if (cs->toks[i].kind == RASD_TOK_PUNCT)
            return false;
        if (CODER_TOK_IN(cs, i, react) && cs->mw[i].upos == UPOS_VERB)
            return true;
    }
    return false;
}

/* Sources fixed by the entry: the crowd an `agent` trigger names, the
 * agent of a passive (من قبل، على يد، من right after). *done is set when
 * the entry decides. */
/* Is m followed by a ل object that is an actor: للمدنيين, or a title
 * before one (للقس [الأمريكي برونسون], للقس [الأمريكي])? Not للمرة الثانية,
 * لمدة يومين. */
static bool lam_object_after(const coder_sent *cs, const mention *m)
{
    size_t o = m->last + 1;
    if (o >= cs->n || !coder_has_clitic(cs, o, MCL_LI) || !cs->keys[o].nominal)
        return false;
    const mention *x = coder_mention_at(cs, o);
    if (x)
        return x->first == o && args_usable(x);
    /* the title may carry only a nationality: للقس [الأمريكي] */
    x = coder_mention_at(cs, o + 1);
    return x && x->first == o + 1 && !x->prep && !x->conj && cs->mw[o].upos == UPOS_NOUN;
}

/* احتجاز [أنقرة] للقس، قصف [النظام] للمدنيين: when a ل object follows a
 * verbal noun's genitive, the genitive is the doer, whatever it is (a
 * capital or a country as much as a person). */
static const mention *genitive_before_lam(const coder_sent *cs, const lex_hit *h)
{
    const mention *g = coder_mention_at(cs, h->last + 1);
    if (!g || g->first != h->last + 1 || g->prep || !args_usable(g) || h->first != h->last ||
        cs->mw[h->trig[0]].det || args_has_suffix(&cs->mw[h->trig[0]]))
        return NULL;
    return lam_object_after(cs, g) ? g : NULL;
}

/* ونفذ عملية الدهم [وحدتا مكافحة الإرهاب]، شنت غارات [طائرات التحالف]:
 * a verb of carrying out right before the verbal noun has its subject
 * after the noun phrase (VSO); that subject does the act. */
static const mention *carried_out_by(const coder_sent *cs, const lex_hit *h, size_t hi)
{
    static const char *const exec[] = {"نفذ", "نفذت", "نفذا", "نفذوا", "شن", "شنت", "شنا",
                                       "شنوا", "اجري", "اجرت", "اجروا"};
    static const char *const op[] = {"عمليه", "عمليات", "حمله", "حملات"};
    size_t t0 = h->trig[0], v = t0 > 1 && CODER_TOK_IN(cs, t0 - 1, op) ? t0 - 1 : t0;
    if (v == 0 || !CODER_TOK_IN(cs, v - 1, exec) ||
        !(cs->keys[t0].nominal || cs->mw[t0].upos == UPOS_NOUN))
        return NULL;
    const mention *m = args_first_after(cs, h->last + 1, hi, NULL, NULL);
    if (!m || m->first > h->last + 2 || coder_mention_at(cs, t0)) /* (an adjective may come between) */
        return NULL;
    return m;
}

static const mention *source_by_entry(const coder_sent *cs, const lex_hit *h, size_t hi,
                                      bool *done)
{
    const lex_entry *e = h->e;
    *done = true;
    if (e->opts & LEXO_AGENT) { /* سار المتظاهرون: the mention of the last trigger word */
        return coder_mention_at(cs, h->trig[h->n_trig - 1]);
    }
    if (e->opts & LEXO_PASSIVE) {
        const mention *by = args_first_after(cs, h->trig[0] + 1, hi, "قبل", NULL);
        if (!by)
            by = args_first_after(cs, h->trig[0] + 1, hi, "يد", NULL);
        /* تعرضت المدينة لهجمات من حركة الشباب: من right after the trigger */
        const mention *from = args_first_after(cs, h->last + 1, hi, "من", NULL);
        if (!by && from && from->first <= h->last + 2 && from->prep)
            by = from; /* not من اعتقال [المسلحين]: a genitive */
        if (!by)
            by = genitive_before_lam(cs, h);
        if (!by)
            by = light_verb_subject(cs, h->trig[0]);
        return by ? by : carried_out_by(cs, h, hi);
    }
    *done = false;
    return NULL;
}

/* إنها تحاصر، أنهم هاجموا: the complementiser right before a verb carries
 * its subject as a feminine or plural pronoun. (إنه is left out: it is
 * also the empty pronoun of إنه قتل عشرون شخصا, "twenty were killed".) */
static bool pronoun_subject(const coder_sent *cs, size_t t0)
{
    static const char *const comp[] = {"انها", "انهم", "انهما", "اننا"};
    return t0 > 0 && cs->mw[t0].upos == UPOS_VERB && CODER_TOK_IN(cs, t0 - 1, comp);
}

/* نفاه، رواه، تبناها: a verb whose final ى turns ا before an object pronoun
 * (the tagger reads some as nouns). Nouns of that shape mostly carry the
 * prefix م (مستواه، محتواها); the elatives أعلاه، أدناه are not verbs after a
 * noun anyway. */
static bool defective_with_object(const coder_sent *cs, size_t i)
{
    const char *stem = cs->mw[i].stem_key, *bare = cs->keys[i].bare;
    static const char *const obj[] = {"اه", "اها", "اهم", "اهما"};
    if (!args_has_suffix(&cs->mw[i]) || !coder_ends_with(stem, "ى") ||
        !strncmp(stem, "م", strlen("م")))
        return false;
    for (size_t k = 0; k < sizeof obj / sizeof *obj; k++)
        if (coder_ends_with(bare, obj[k]))
            return true;
    return false;
}

/* A verb between a noun trigger and m (اتهامات نفتها [الوزيرة]): m is that
 * verb's subject or object, not the noun's. */
static bool verb_between(const coder_sent *cs, const lex_hit *h, const mention *m)
{
    if (cs->mw[h->trig[0]].upos == UPOS_VERB)
        return false;
    for (size_t i = h->last + 1; i < m->first; i++)
        if ((cs->mw[i].upos == UPOS_VERB || defective_with_object(cs, i)) &&
            !clause_hidden(cs, i, h->trig[0]))
            return true;
    return false;
}

/* Is the word right before m, after the verb at t0, a thing a verb of
 * judgement takes as its object (خطط، سياسة، قرار) that m is the genitive
 * of? Heads that stand for their genitive (إدارة ترمب، ممثل العراق، دول
 * مجموعة بريكس، أكبر نقابة) are not in the list. */
static bool object_noun_before(const coder_sent *cs, size_t t0, const mention *m)
{
    static const char *const thing[] = {
        "خطط", "خطه", "سياسه", "سياسات", "قرار", "قرارات", "تصريحات", "تصريح", "موقف",
        "مواقف", "سلوك", "دور", "اداء", "تعامل", "تدخل", "برنامج", "مشروع", "عرض",
        "طلب", "مقترح", "مقترحات", "مبادره", "تهديدات", "اجراءات", "ممارسات",
        "انتهاكات", "تصرفات", "اتهامات", "دعوه", "دعوات", "شروط", "مطالب", "تقرير",
        "استراتيجيه", "نهج", "خطاب", "رساله", "رد", "قانون", "صفقه", "عمليات"};
    size_t i = m->first - 1;
    return i > t0 && cs->mw[t0].upos == UPOS_VERB && !cs->keys[i].nominal &&
           !coder_mention_at(cs, i) && CODER_TOK_IN(cs, i, thing);
}

/* VSO: the subject right after the verb (or a noun's genitive), before
 * any prepositional phrase starts; NULL when what follows is an object. */
static const mention *vso_subject(const coder_sent *cs, const lex_hit *h, size_t hi)
{
    size_t t0 = h->trig[0];
    size_t first = h->last + 1;
    /* بحث كل من X وY: "both" */
    bool both = first + 1 < cs->n && (coder_tok_is(cs, first, "كل") || coder_tok_is(cs, first, "كلا")) &&
                coder_tok_is(cs, first + 1, "من");
    if (both)
        first += 2;
    size_t lim = first + 2 < hi ? first + 2 : hi;
    for (size_t i = first; i <= lim; i++)
        if (cs->keys[i].nominal || is_preposition(cs, i)) {
            lim = i; /* a mention starting here is caught by its own prep */
            /* دعت القوى [والفصائل الفلسطينية]: a subject that is no actor
             * coordinated with one */
            if (i == first && !is_preposition(cs, i) && i + 1 <= hi && coder_has_wa(cs, i + 1) &&
                !coder_mention_at(cs, i))
                lim = i + 1;
            break;
        }
    /* A verb agrees in number only with a subject before it: after هاجموا
     * or يطلقون comes the object (العشرات من المستوطنين هاجموا المواطنين);
     * after a first person (ندعو الولايات المتحدة) too. */
    const mention *after = args_verb_plural(cs, t0) || (h->e->opts & LEXO_FIRST)
                               ? NULL
                               : args_first_after(cs, t0 + 1, lim, NULL, NULL);
    /* حملت اللجنة [الجيش السوري] مسؤولية: a subject that is no actor
     * opens the gap; the actor after it is the object */
    if (after && h->n_trig > 1 && after->first > t0 + 1 && after->last < h->last &&
        cs->keys[t0 + 1].nominal && cs->mw[t0 + 1].upos == UPOS_NOUN && !coder_mention_at(cs, t0 + 1) &&
        !clause_when_word(cs, t0 + 1))
        after = NULL; /* (شن الاثنين [التحالف] غارات: a day is no subject) */
    /* ودعت [المجتمع الدولي] إلى: the world or citizens after a coordinated
     * call are called, the caller is the clause's subject */
    if (after && h->e->cat == PL_REQUEST && coder_has_wa(cs, t0) && after->first == t0 + 1 &&
        (!strcmp(after->code, "INT") || !strcmp(after->sector, "CVL")))
        after = NULL;
    /* حذرت ماي كلا من الولايات المتحدة: "both" later on is the object */
    if (after && args_both(after) && (!both || after->first != first))
        after = NULL;
    /* An accusative participle (داعيا طهران، متهما واشنطن) shares the
     * clause's subject and takes an object; an indefinite accusative word
     * (استهدفت فلسطينيا مسلحا) is an object, never the subject. */
    if (after && ((args_participle(cs, t0) && cs->mw[t0].upos != UPOS_VERB) ||
                  (after->first == after->last && coder_accusative(cs, after->first) &&
                   !after->person)))
        after = NULL;
    /* a trigger that ends in its preposition (احتجاجا على قرار [الرئيس]،
     * للاحتجاج على مقتل ثلاثة [مدنيين]): what follows is the
     * preposition's, not the subject (the gap of بحث [الرئيس] مع holds
     * it) */
    if (after && is_preposition(cs, h->last) && after->first > h->last)
        after = NULL;
    /* the genitive of a prepositional phrase after the trigger (احتجاجات
     * سلمية على حكم [الأسد]) is no subject either */
    for (size_t i = h->last + 1; after && after->gprep && i < after->first; i++)
        if (is_preposition(cs, i))
            after = NULL;
    /* انتقد خطط [ولي العهد]: a bare noun between the verb and the actor
     * is the object, the actor its genitive (not انتقد أمس [الرئيس]) */
    if (after && h->n_trig == 1 && after->first > t0 + 1 && object_noun_before(cs, t0, after))
        after = NULL;
    /* اتهامات نفتها [الوزيرة]: after a noun, an actor that follows a verb
     * is that verb's subject (a relative clause), not the noun's agent */
    if (after && verb_between(cs, h, after))
        after = NULL;
    /* تقول الشرطة إنها تحاصر [أحد المسلحين]: a pronoun on the
     * complementiser is the verb's subject; what follows is its object */
    if (after && pronoun_subject(cs, t0))
        after = NULL;
    /* أربع غارات استهدفت مواقع [الميليشيات]: an attack noun right before
     * the verb is its subject */
    if (after && args_attack_noun_before(cs, h))
        after = NULL;
    /* زار [واشنطن]، يزور خلالها [السعودية] والأردن: a state or its seat
     * after a visit is where one goes, not who goes */
    if (after && after->state && !strcmp(h->e->cameo, "042"))
        after = NULL;
    /* تظاهر [أمس] مئات من الطلبة: a number of people, then who they are */
    if (!after)
        after = arg_counted(cs, t0 + 1, hi, cs->mw[t0].upos == UPOS_VERB);
    /* ودعت 5 من دول [مجلس الأمن]: a figure and من name who speaks (after
     * an attack they count its victims: قتل 5 من الجنود) */
    if (!after && h->e->cat != PL_ASSAULT && h->e->cat != PL_COERCE && t0 + 3 <= hi &&
        (cs->toks[t0 + 1].kind == RASD_TOK_NUMBER || CODER_TOK_IN(cs, t0 + 1, number_words)) &&
        coder_tok_is(cs, t0 + 2, "من")) {
        /* (the genitive of a group noun: 5 من دول [مجلس الأمن]) */
        const mention *m = coder_mention_at(cs, t0 + 3);
        if (!m && t0 + 4 <= hi)
            m = coder_mention_at(cs, t0 + 4);
        if (m && m->first >= t0 + 3 && args_usable(m))
            after = m;
    }
    return after;
}

/* The antecedent of a relative pronoun right before the trigger (وحدات
 * الحماية التي تدافع، المعلمون، الذين يطالبون، الضربات الأمريكية التي
 * استهدفت: an adjective's country), or NULL. */
static const mention *relative_antecedent(const coder_sent *cs, size_t t0)
{
    if (!args_relative_before(cs, t0) || t0 < 2)
        return NULL;
    size_t end = t0 - 2;
    if (end > 0 && cs->toks[end].kind == RASD_TOK_PUNCT)
        end--;
    /* (over an adjective of its own: صواريخ الحوثي الأخيرة التي) */
    bool adj = end > 0 && cs->mw[end].upos == UPOS_ADJ && !coder_mention_at(cs, end);
    for (size_t k = 0; k < cs->nm; k++)
        if ((cs->m[k].last == end || (adj && cs->m[k].last + 1 == end)) &&
            (args_usable(&cs->m[k]) || cs->m[k].adj))
            return &cs->m[k];
    return NULL;
}

/* التي تهدد أنقرة بمهاجمتها، التي تسيطر عليها قوات النظام: a pronoun
 * around the verb's subject (between the verb at t0 and it, or right
 * after it) that resumes the relative's antecedent makes that antecedent
 * the object. */
static bool resumed(const coder_sent *cs, size_t t0, const mention *after)
{
    static const struct { const char *rel, *suf; } agree[] = {
        {"الذي", "ه"},     {"التي", "ها"},    {"الذين", "هم"},  {"اللذين", "هما"},
        {"اللذان", "هما"}, {"اللتين", "هما"}, {"اللتان", "هما"}};
    const char *suf = NULL;
    for (size_t q = 0; q < sizeof agree / sizeof *agree && !suf; q++)
        if (!strcmp(cs->keys[t0 - 1].full, agree[q].rel))
            suf = agree[q].suf;
    size_t end = after->last; /* (after its conjuncts: تعهدت السعودية والكويت بتقديمه) */
    for (size_t k = 0; k + 1 < cs->nm; k++)
        if (cs->m[k].last == end && cs->m[k + 1].conj && cs->m[k + 1].first <= end + 2)
            end = cs->m[k + 1].last;
    for (size_t j = t0 + 1; suf && j <= end + 2 && j < cs->n; j++) {
        const morph_word *w = &cs->mw[j];
        if ((j >= after->first && j <= after->last) || !args_has_suffix(w))
            continue;
        const morph_seg *sg = &w->seg[w->n_seg - 1];
        size_t len = (size_t)(sg->end - sg->start);
        if (len == strlen(suf) && !memcmp(cs->doc_text + cs->toks[j].start + sg->start, suf, len))
            return true;
    }
    return !suf;
}

/* في غارة [تركية] استهدفت المستشفى، قذيفة [حوثية] استهدفت منزلا: a verb
 * right after an indefinite weapon or strike and its country adjective is
 * a relative clause without pronoun; the weapon is its subject, so the
 * adjective's country acts and what follows the verb is hit. (Not with an
 * object pronoun: قرار بريطاني دعمته الولايات المتحدة; nor after people:
 * مسعف فلسطيني يقتل is killed.) */
static const mention *asyndetic_antecedent(const coder_sent *cs, size_t t0)
{
    static const char *const weapon[] = {"غاره", "غارات", "قذيفه", "قذائف", "صاروخ", "صواريخ",
                                         "قصف", "ضربه", "ضربات", "هجوم", "هجمات", "طائره",
                                         "طائرات", "مقاتلات", "قنبله", "عبوه", "مدفعيه"};
    if (t0 < 2 || cs->mw[t0].upos != UPOS_VERB || coder_has_wa(cs, t0) ||
        args_has_suffix(&cs->mw[t0]) || cs->mw[t0 - 1].det || cs->mw[t0 - 2].det ||
        !CODER_TOK_IN(cs, t0 - 2, weapon))
        return NULL;
    const mention *m = coder_mention_at(cs, t0 - 1);
    return m && m->adj && m->first == t0 - 1 && m->country[0] && !coder_mention_at(cs, t0 - 2)
               ? m
               : NULL;
}

/* وسبق لإسرائيل أن أعربت، سبق للرئيس أن زار: the ل of سبق names the
 * subject of the verb after أن. */
static const mention *preceded_by(const coder_sent *cs, size_t t0)
{
    if (t0 < 3 || !coder_tok_is(cs, t0 - 1, "ان"))
        return NULL;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->last + 2 == t0 && m->prep && !strcmp(m->prep, "ل") && m->first > 0 &&
            !strcmp(cs->keys[m->first - 1].bare, "سبق"))
            return m;
    }
    return NULL;
}

/* حماية [بولندا] من الاتهامات، مخاوف [إسرائيل] من هجوم: an actor right
 * before من and a noun of harm is kept from it or fears it (not ما قامت
 * به السلطات من اعتقالات: به before it names the doer). */
static bool feared(const coder_sent *cs, const lex_hit *h, const mention *pre)
{
    plover_cat c = h->e->cat;
    size_t t0 = h->trig[0];
    if (!(c == PL_ACCUSE || c == PL_ASSAULT || c == PL_COERCE || c == PL_THREATEN ||
          c == PL_SANCTION))
        return false;
    return t0 >= 2 && coder_tok_is(cs, t0 - 1, "من") && pre->last + 2 == t0 &&
           !(pre->first > 0 && (coder_tok_is(cs, pre->first - 1, "به") ||
                                coder_tok_is(cs, pre->first - 1, "بها")));
}

/* The subject right after the nearest verb before m (VSO), for verbs
 * joined by و that share it; NULL if there is none. */
static const mention *shared_subject(const coder_sent *cs, size_t lo, size_t t0,
                                     const mention *m)
{
    if (!coder_has_wa(cs, t0) || cs->mw[t0].upos != UPOS_VERB)
        return NULL;
    for (size_t v = m->first; v-- > lo;) {
        if (cs->toks[v].kind == RASD_TOK_PUNCT)
            return NULL;
        if (cs->mw[v].upos != UPOS_VERB)
            continue;
        const mention *s = coder_mention_at(cs, v + 1);
        return s && s != m && s->first == v + 1 && !s->prep && args_usable(s) ? s : NULL;
    }
    return NULL;
}

/* Inside a quotation opened between from and i (slogans: هتفوا «تركيا
 * علمانية وستظل»); a quotation around the whole report does not count. */
bool args_quoted_after(const coder_sent *cs, size_t from, size_t i)
{
    int depth = 0;
    for (size_t k = from; k < i; k++) {
        if (cs->toks[k].flags & RASD_TOKF_QUOTE_OPEN)
            depth++;
        else if ((cs->toks[k].flags & RASD_TOKF_QUOTE_CLOSE) && depth > 0)
            depth--;
    }
    return depth > 0;
}

static const char *const conducts[] = {"يجري", "تجري"};

/* Civilians, refugees, the press and other people who bear force. */
static bool civilian(const mention *m)
{
    static const char *const sec[] = {"CVL", "REF", "MED", "EDU", "HLH", "BUS", "LAB", "REL"};
    for (size_t k = 0; k < sizeof sec / sizeof sec[0]; k++)
        if (!strcmp(m->sector, sec[k]))
            return true;
    return false;
}

static const mention *arg_source(const coder_sent *cs, const lex_hit *h, size_t lo, size_t hi)
{
    const lex_entry *e = h->e;
    size_t t0 = h->trig[0];
    bool done;
    const mention *m = source_by_entry(cs, h, hi, &done);
    if (done)
        return m;
    if ((m = preceded_by(cs, t0)) || (m = light_verb_subject(cs, t0)) ||
        (m = carried_out_by(cs, h, hi)))
        return m;
    bool noun = (e->opts & LEXO_NOUN) || cs->keys[t0].nominal || cs->mw[t0].upos == UPOS_NOUN;
    /* يتم اتهام [أشخاص]: after a passive auxiliary the genitive suffers;
     * only a by-phrase names the doer (not تجري محادثات: "holds talks",
     * nor a joint act, which has no genitive to suffer: تم الاتفاق) */
    if (noun && args_after_aux(cs, t0) && !args_symmetric(e->cat) &&
        !CODER_TOK_IN(cs, t0 - 1, conducts))
        return args_agent_by(cs, h->last + 1, h->last + 6 < hi ? h->last + 6 : hi);
    /* فرض العقوبات من قبل واشنطن، من جانب: the noun's doer, named after it */
    if (noun && cs->mw[t0].upos != UPOS_VERB &&
        (m = args_agent_by(cs, h->last + 1, h->last + 4 < hi ? h->last + 4 : hi)))
        return m;
    /* رفض [الرئيس الفرنسي] التدخل التركي: an actor right after a gap
     * pattern's first word is its subject, so that word is a verb */
    const mention *g = h->n_trig > 1 ? coder_mention_at(cs, t0 + 1) : NULL;
    if (g && g->first == t0 + 1 && !g->prep && args_usable(g) && g->last < h->last &&
        !(e->opts & LEXO_NOUN) && !cs->mw[t0].det) /* للطلب الكويتي: a noun */
        noun = false;
    if (noun && (m = args_noun_agent(cs, h)))
        return m;
    if (noun && (m = genitive_before_lam(cs, h)))
        return m;
    const mention *after = vso_subject(cs, h, hi);
    /* a bare verbal noun's genitive right after it is its agent (زيارة ولي
     * العهد); not after a preposition (لمساعدة السعودية: the object) nor
     * when the noun has an adjective or a pronoun of its own */
    /* (an imperfect prefix makes a verb whatever the tagger says: تطالب) */
    bool imperfect = !strncmp(cs->keys[t0].bare, "ت", strlen("ت")) ||
                     !strncmp(cs->keys[t0].bare, "ي", strlen("ي"));
    if (((e->opts & LEXO_NOUN) ||
         (e->cat == PL_REQUEST && cs->mw[t0].upos == UPOS_NOUN && !imperfect)) &&
        after &&
        ((after->first == h->last + 1 && h->first == h->last) ||
         (e->cat == PL_REQUEST && after->first == t0 + 1)) &&
        /* زيارة واشنطن: a place is visited; دعوة واشنطن بلاده: a call is made */
        (after->person || after->agent || (e->cat == PL_REQUEST && after->named)) &&
        !cs->keys[t0].nominal && !cs->mw[t0].det && !args_has_suffix(&cs->mw[t0]))
        return after;
    /* the relative's antecedent, unless the verb has its own subject
     * (التي تهدد أنقرة: أنقرة); an actor before a verb without an object
     * pronoun is that subject (الوزير، الذي التقى نظيره: Arabic resumes an
     * antecedent that is the object, الذي التقاه نظيره) */
    bool rel_subject = args_relative_verb(cs, h) && (!after || !resumed(cs, t0, after));
    if ((!after || rel_subject) && (m = relative_antecedent(cs, t0)))
        return m;
    if (rel_subject)
        after = NULL; /* صواريخ الحوثي الأخيرة التي استهدفت السعودية */
    if ((m = asyndetic_antecedent(cs, t0)))
        return m;
    /* SVO: a subject just before the trigger. */
    const mention *pre = arg_last_before(cs, lo, t0);
    /* اصاب متظاهرون [شرطيا] واحرقوا: an indefinite accusative is the
     * earlier verb's object; the verbs share that verb's subject */
    if (pre && mention_accusative(cs, pre) && !mention_after_inna(cs, pre))
        pre = shared_subject(cs, lo, t0, pre);
    /* انتقد [الرئيس] قصف المدينة، رحبت [تركيا] بوقف إطلاق النار: the
     * subject of a verb of reaction does not do the act it reacts to */
    if (pre && noun && reaction_around(cs, pre, t0))
        pre = NULL;
    /* أمام مقر [البرلمان] للمطالبة: a purpose noun's doer is no genitive
     * of a place phrase */
    if (pre && pre->gprep && !strcmp(pre->gprep, "امام") && args_purpose_noun(cs, t0))
        pre = NULL;
    if (pre && noun && feared(cs, h, pre))
        pre = NULL;
    /* وأضافت الرئاسة "أطلقت قوات الحرس صواريخ": the subject of a verb
     * before a quotation, with a subject after the quoted verb, is the
     * speaker (not so in أجرينا محادثات, إن القوات "قصفت") */
    if (pre && after && pre->first > 0 && cs->mw[pre->first - 1].upos == UPOS_VERB &&
        !args_relative_before(cs, pre->first - 1) && /* الذي قدمته الكويت "يدعو" */
        args_quoted_after(cs, pre->last + 1, t0))
        pre = NULL;
    /* قس أمريكي تتهمه [أنقرة]: a verb that carries its object as a
     * pronoun has its subject after it; the actor before is the object */
    if (pre && after && after->first == h->last + 1 && cs->mw[t0].upos == UPOS_VERB &&
        h->first == h->last && args_has_suffix(&cs->mw[t0]))
        return after;
    if (pre && (!after || pre->last + 4 >= clause_aside_before(cs, t0)))
        return pre;
    /* لمحاصرة [المدنيين]: an unarmed genitive of a purpose noun of force
     * suffers it (not لحصار قوات الحكومة، لزيارة أمير قطر: whose) */
    if (after && noun && after->first == h->last + 1 && args_purpose_noun(cs, t0) &&
        (e->cat == PL_ASSAULT || e->cat == PL_COERCE) && civilian(after))
        return NULL;
    return after;
}

/* Weapons and fire whose genitive shoots (برصاص [الجيش]، على يد [مسلحين]). */
static const char *const fire_words[] = {"رصاص", "نيران", "قصف", "غاره", "غارات", "قذائف",
                                         "صواريخ", "هجوم", "ايدي", "يد", "ضربه", "ضربات",
                                         "قذيفه", "صاروخ", "دبابات", "مدفعيه"};

bool args_after_fire(const coder_sent *cs, const mention *m)
{
    return m->first > 0 && CODER_TOK_IN(cs, m->first - 1, fire_words);
}

/* A mention that covers a later word of an ASSAULT or COERCE pattern
 * (قتل … فلسطيني، قتل … متظاهرين): the pattern names its victim. */
const mention *args_pattern_victim(const coder_sent *cs, const lex_hit *h)
{
    /* only after a verb that has victims (not: قصفت … مقاتلات التحالف,
     * عقوبات … أمريكية, where the later word is the agent) */
    static const char *const hurt[] = {"قتل", "يقتل", "تقتل", "قتلت", "قتلوا", "اصيب", "اصيبت",
                                       "اصيبوا", "جرح", "جرحت", "اعتقل", "اعتقلت", "اعتقلوا",
                                       "خطف", "اختطف", "اختطفت", "اعدم", "اعدمت", "اغتيل",
                                       "استشهد", "مقتل", "اصابه", "اعتقال", "اختطاف"};
    if (h->e->cat != PL_ASSAULT && h->e->cat != PL_COERCE)
        return NULL;
    /* (or the noun with its doer's pronoun: لقتله فلسطينيا) */
    const lex_keys *k0 = &cs->keys[h->trig[0]];
    bool suffixed = args_has_suffix(&cs->mw[h->trig[0]]) && cs->mw[h->trig[0]].upos != UPOS_VERB;
    bool hurts = false;
    for (size_t k = 0; k < sizeof hurt / sizeof hurt[0] && !hurts; k++)
        hurts = !strcmp(k0->bare, hurt[k]) || (suffixed && !strcmp(k0->stem, hurt[k]));
    if (!hurts)
        return NULL;
    for (size_t j = 1; j < h->n_trig; j++)
        for (size_t k = 0; k < cs->nm; k++)
            if (cs->m[k].first <= h->trig[j] && h->trig[j] <= cs->m[k].last && cs->m[k].code[0])
                /* (not the genitive of a weapon: برصاص [الإسرائيليين] fire) */
                return args_after_fire(cs, &cs->m[k]) ? NULL : &cs->m[k];
    return NULL;
}

/* The owner of the weapon that ends an ASSAULT pattern (قتل … برصاص
 * [القوات الإسرائيلية]، أصيب … بنيران [الجيش]): its genitive fired. */
static const mention *weapon_owner(const coder_sent *cs, const lex_hit *h, size_t hi)
{
    /* aircraft bomb in an air strike's pattern; elsewhere (أسقط الطائرة) they are hit */
    static const char *const craft[] = {"طائرات", "طائره", "مقاتلات", "مروحيات", "مقاتله"};
    bool aerial = !strcmp(h->e->cameo, "195");
    static const char *const kind[] = {"جويه", "صاروخيه", "مدفعيه", "مدفعي", "جوي"};
    if (h->e->cat != PL_ASSAULT)
        return NULL;
    /* the pattern's last word, or one soon after it (قتل … فلسطينيا برصاص X),
     * or the word before it (يقتل برصاص [الإسرائيليين]: the pattern's
     * victim word is the shooter) */
    size_t w0 = h->n_trig > 1 && h->last > h->trig[0] + 1 &&
                        CODER_TOK_IN(cs, h->last - 1, fire_words)
                    ? h->last - 1 : h->last;
    for (size_t w = w0; w <= hi && w <= h->last + 4 && w < cs->n; w++) {
        if (w > h->last && (cs->mw[w].det || cs->toks[w].kind == RASD_TOK_PUNCT))
            break; /* (the pattern's own last word may have the article) */
        bool is_weapon = false;
        for (size_t k = 0; k < sizeof fire_words / sizeof fire_words[0]; k++)
            is_weapon |= !strcmp(cs->keys[w].bare, fire_words[k]);
        is_weapon |= aerial && CODER_TOK_IN(cs, w, craft);
        if (!is_weapon)
            continue;
        const mention *one = coder_mention_at(cs, w); /* [مقاتلات التحالف]: aircraft and owner */
        if (one && one->first == w && one->last > w && args_usable(one))
            return one;
        /* ضربة [جوية] أميركية: the kind of weapon may come first */
        size_t at = w + 1 < cs->n && CODER_TOK_IN(cs, w + 1, kind)
                        ? w + 2 : w + 1;
        if (at < cs->n && (cs->toks[at].kind == RASD_TOK_NUMBER || cs->mw[at].upos == UPOS_NUM))
            at++; /* على يد عشرة متمردين */
        for (size_t k = 0; k < cs->nm; k++)
            /* the genitive, or the adjective (غارة تركية) */
            if (cs->m[k].first == at && (args_usable(&cs->m[k]) || cs->m[k].adj))
                return &cs->m[k];
        /* في هجوم شنه تنظيم الدولة: a relative clause names the attacker */
        return relative_agent_at(cs, at);
    }
    return NULL;
}

/* A pattern with a gap (هاجم … بشدة، فرض … عقوبات) may hold its target
 * inside the gap, after the subject: هاجم أردوغان إسرائيل بشدة، فرضت
 * الولايات المتحدة على إيران عقوبات. Same preferences as after it. */
static const mention *arg_in_gap(const coder_sent *cs, const lex_hit *h, const mention *src)
{
    size_t t0 = h->trig[0];
    if (h->n_trig < 2 || h->last < t0 + 2)
        return NULL;
    size_t from = src && src->first > t0 && src->last < h->last ? src->last + 1 : t0 + 1;
    for (uint8_t k = 0; k < h->e->n_tgt; k++) {
        const char *how = h->e->tgt[k];
        if (!strcmp(how, "bayn"))
            continue;
        const mention *m = args_first_after(cs, from, h->last - 1, strcmp(how, "obj") ? how : NULL, src);
        /* قضت محكمة جنايات [القاهرة]: the genitive of a subject whose head is
         * an indefinite noun names the subject, not the object */
        if (m && src && !m->prep && m->first == src->last + 1 && !src->person &&
            !cs->mw[src->last].det && cs->mw[src->last].upos == UPOS_NOUN)
            continue;
        if (m && m->last < h->last && !args_same_actor(m, src))
            return m;
    }
    return NULL;
}

/* The source and target being assigned, stage by stage. */
typedef struct dyad {
    const mention *src, *tgt;
} dyad;

/* The entry's own rules: passive, من قبل / على يد with nouns, then its
 * tgt= list, then the pattern's gap. */
/* يطلقون النار على الطائرات [الأميركية]: with على / ضد asked for and no
 * actor after it, the country adjective of the noun after it. */
static const mention *adjective_object(const coder_sent *cs, const lex_hit *h, size_t hi,
                                       const mention *src)
{
    bool asks = false; /* (not a crowd gathered على الحدود السورية) */
    for (uint8_t k = 0; k < h->e->n_tgt && !asks && h->e->cat != PL_PROTEST; k++)
        asks = !strcmp(h->e->tgt[k], "علي") || !strcmp(h->e->tgt[k], "ضد");
    for (size_t k = 0; asks && k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->adj && m->country[0] && m->first >= h->last + 3 && m->first <= hi &&
            (coder_tok_is(cs, m->first - 2, "علي") || coder_tok_is(cs, m->first - 2, "ضد")) &&
            !coder_mention_at(cs, m->first - 1) && cs->mw[m->first - 1].upos == UPOS_NOUN &&
            !args_same_actor(m, src))
            return m;
    }
    return NULL;
}

/* Envoys and people a state expels, summons, deports or detains. */
static const char *const envoy_words[] = {
    "سفير", "سفيرا", "سفراء", "دبلوماسي", "دبلوماسيا", "دبلوماسيين", "دبلوماسيون", "قنصل",
    "قائم", "مبعوث", "موظفي", "مراقبين", "مفتشين", "صحفيين", "صحفيا", "ناشطين", "ناشطا",
    "مهاجرين", "لاجئين", "رعايا", "مواطنين"};

/* طرد [السفير الإيراني]، استدعاء [الدبلوماسيين الروس]، طرد 60 دبلوماسيا
 * [أميركيا]، استدعت سفير [الفلبين]: a pattern that ends in the envoy or
 * the people it acts on; the actor that word heads, or the country right
 * after it, suffers the act (the envoy's own country, not the subject's). */
const mention *args_envoy_object(const coder_sent *cs, const lex_hit *h)
{
    if (h->n_trig < 2 || h->e->cat == PL_ASSAULT || !CODER_TOK_IN(cs, h->last, envoy_words))
        return NULL;
    const mention *m = coder_mention_at(cs, h->last);
    if (m && m->first == h->last && args_usable(m))
        return m->resolved ? NULL : m; /* (الدبلوماسيين: whose, the text does not say) */
    m = h->last + 1 < cs->n ? coder_mention_at(cs, h->last + 1) : NULL;
    return m && m->first == h->last + 1 && m->country[0] && !m->person && !m->agent &&
                   !m->prep && !m->conj
               ? m
               : NULL;
}

static void assign_by_entry(const coder_sent *cs, const lex_hit *h, size_t hi, dyad *d)
{
    const lex_entry *e = h->e;
    size_t t0 = h->trig[0];
    const mention *x, *y;
    if (args_reported_death(cs, h)) {
        args_reported_victim(cs, h, hi, &d->src, &d->tgt);
        return;
    }
    if (e->opts & LEXO_PASSIVE)
        d->tgt = args_first_after(cs, t0 + 1, hi, NULL, d->src);
    if (e->opts & LEXO_NOUN) {
        /* اقتحام السفارة الأمريكية من قبل طلاب: the genitive suffers, the
         * agent is given by من قبل / على يد */
        /* near the noun only: بقلق من مضايقات … واحتجازهم من قبل X is
         * the inner noun's agent */
        const mention *by = args_agent_by(cs, t0 + 1, h->last + 4 < hi ? h->last + 4 : hi);
        if (by) {
            d->src = by;
            d->tgt = args_first_after(cs, h->last + 1, hi, NULL, by);
        }
    }
    /* تطالب واشنطن [كوريا الشمالية] بالإفراج عن المواطنين: a demand's
     * addressee stands in the gap, before what is demanded */
    /* (with no subject found, the actor in the gap may be it: وطالب
     * المجتمع الدولي بمعاقبة الأسد) */
    if (!d->tgt && e->cat == PL_REQUEST && d->src)
        d->tgt = arg_in_gap(cs, h, d->src);
    for (uint8_t k = 0; !d->tgt && k < e->n_tgt; k++) {
        const char *how = e->tgt[k];
        if (!strcmp(how, "bayn")) {
            if (arg_between(cs, t0 + 1, hi, &x, &y)) {
                d->src = x;
                d->tgt = y;
            }
        } else if (!strcmp(how, "obj")) {
            const mention *own = args_envoy_object(cs, h);
            if (own) {
                d->tgt = own;
                /* (no state expels or summons its own envoys: a subject
                 * of that country is the one who answers, not who acts) */
                if (d->src == own || (d->src && own->country[0] &&
                                      !strcmp(d->src->country, own->country)))
                    d->src = NULL;
                break;
            }
            d->tgt = args_first_after(cs, h->last + 1, hi, NULL, d->src);
            /* العقوبات الأميركية تضع [الولايات المتحدة]: the object of a
             * verb after a noun is the verb's (but an attack hits
             * whoever the place holds: مطعم يقصده رجال شرطة) */
            if (d->tgt && e->cat != PL_ASSAULT && verb_between(cs, h, d->tgt))
                d->tgt = NULL;
            /* مواقع لفصائل المعارضة: the object's owner, through ل */
            if (!d->tgt)
                d->tgt = args_first_after(cs, h->last + 1, hi, "ل", d->src);
            /* اعتقلت الشرطة رجلا لقتله [شرطيا]: a cause with its own
             * pronoun has its own object */
            if (d->tgt && args_cause_before(cs, h->last + 1, d->tgt))
                d->tgt = NULL;
        } else {
            d->tgt = args_first_after(cs, h->last + 1, hi, how, d->src);
        }
    }
    if (!d->tgt)
        d->tgt = arg_in_gap(cs, h, d->src);
    if (!d->tgt)
        d->tgt = adjective_object(cs, h, hi, d->src);
}

/* Constructions that turn the roles around: بطلب من X، بدعوة من X (X asks), في
 * استقبال X Y (Y hosts X). */
static void assign_constructions(const coder_sent *cs, const lex_hit *h, size_t hi, dyad *d)
{
    const lex_entry *e = h->e;
    size_t t0 = h->trig[0];
    /* اعتقل مسلم بطلب من الحكومة التركية: whoever a request comes from
     * (بطلب من، بناء على طلب) asks */
    if (e->cat == PL_REQUEST && d->tgt && d->tgt->prep && !strcmp(d->tgt->prep, "من") &&
        (cs->keys[t0].nominal || (t0 > 0 && coder_tok_is(cs, t0 - 1, "علي"))) &&
        !strcmp(cs->keys[t0].stem, "طلب")) {
        d->src = d->tgt;
        d->tgt = NULL;
    }
    /* تعقد الجلسة بدعوة من [الكويت] */
    const mention *from = h->last + 2 < cs->n ? coder_mention_at(cs, h->last + 2) : NULL;
    if (e->cat == PL_REQUEST && cs->keys[t0].nominal && !strcmp(cs->keys[t0].bare, "دعوه") &&
        coder_tok_is(cs, h->last + 1, "من") && from && from->first == h->last + 2 &&
        args_usable(from)) {
        d->src = from;
        if (d->tgt == from)
            d->tgt = NULL;
    }
    /* كان في استقبال [البشير] [الرئيس المصري]: the guest is the genitive
     * (or the pronoun: في استقباله), the host comes after */
    if (!strcmp(e->cameo, "043") && t0 > 0 && coder_tok_is(cs, t0 - 1, "في")) {
        const mention *guest = NULL;
        if (!args_has_suffix(&cs->mw[t0]))
            guest = args_first_after(cs, t0 + 1, hi, NULL, NULL);
        else /* في استقباله: the person the sentence is about */
            for (size_t k = 0; !guest && k < cs->nm && cs->m[k].last < t0; k++)
                if (cs->m[k].person && args_usable(&cs->m[k]))
                    guest = &cs->m[k];
        d->src = args_first_after(cs, guest ? guest->last + 1 : t0 + 1, hi, NULL, guest);
        d->tgt = guest;
    }
}

/* مقتل [شرطيين]، إصابة ثمانية من [قوات الأمن]: the genitive of a noun of
 * suffering (a number between) is a victim. */
static bool victim_genitive(const coder_sent *cs, const mention *m)
{
    static const char *const suffer[] = {"مقتل", "اصابه", "جرح", "اغتيال", "اختطاف", "خطف",
                                         "اعتقال", "اسر", "احتجاز", "استشهاد", "وفاه", "مصرع",
                                         "اعدام", "قتل"};
    const size_t n = sizeof suffer / sizeof suffer[0];
    size_t i = m->first;
    if (i > 0 && (cs->toks[i - 1].kind == RASD_TOK_NUMBER || coder_tok_is(cs, i - 1, "من")))
        i--;
    if (i > 0 && cs->toks[i - 1].kind == RASD_TOK_NUMBER)
        i--;
    if (i > 0 && i < m->first && cs->mw[i - 1].upos == UPOS_NUM)
        i--;
    /* احتجاز [أنقرة] للقس: a ل object after it makes it the doer */
    return i > 0 && !cs->mw[i - 1].det && coder_tok_in(cs, i - 1, suffer, n) &&
           cs->mw[i - 1].upos != UPOS_VERB && !(i == m->first && lam_object_after(cs, m));
}

/* أحد عناصر القوات العراقية قتل [، …]: a verb of harm after its subject with
 * no object is the passive (was killed); the subject is the victim. */
static const mention *passive_after_subject(const coder_sent *cs, const lex_hit *h,
                                            const mention *src)
{
    static const char *const harm[] = {"قتل", "قتلوا", "قتلا", "جرح", "جرحوا", "خطف", "خطفوا",
                                       "اختطف", "اختطفوا", "اصيب", "اصيبوا", "اصيبا", "اغتيل",
                                       "اعتقل", "اعتقلوا", "اعتقلا", "احتجز", "احتجزوا",
                                       "يحتجزون", "يعتقلون", "اوقف", "اوقفوا"};
    size_t t0 = h->trig[0];
    if (!CODER_TOK_IN(cs, t0, harm))
        return NULL;
    /* the subject: the source found before the verb, else a mention ending
     * just before it (42 جنديا باكستانيا قد قتلوا); not a verbal noun after
     * a preposition (نجح في قتل) */
    if ((src && (src->last >= t0 || src->last + 5 < t0)) ||
        (t0 > 0 && (coder_tok_is(cs, t0 - 1, "في") || coder_tok_is(cs, t0 - 1, "من"))))
        return NULL;
    for (size_t i = src ? src->last + 1 : t0; i < t0; i++)
        if (cs->mw[i].upos == UPOS_VERB) /* الجيش نجح [في] قتل: another verb between */
            return NULL;
    for (size_t k = 0; !src && k < cs->nm; k++)
        if (cs->m[k].last < t0 && cs->m[k].last + 3 >= t0 && !cs->m[k].prep &&
            args_usable(&cs->m[k]))
            src = &cs->m[k];
    if (!src)
        return NULL;
    /* خطفوا [امس] القنصل: time words before the object */
    static const char *const when[] = {"امس", "اليوم", "الليله", "صباح", "مساء", "فجر", "ليل",
                                       "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
                                       "الخميس", "الجمعه"};
    size_t nx = t0 + 1;
    while (nx < cs->n && nx <= t0 + 3 &&
           (CODER_TOK_IN(cs, nx, when) ||
            (cs->toks[nx].kind == RASD_TOK_PUNCT && !strcmp(cs->toks[nx].norm, ","))))
        nx++;
    if (nx < cs->n && (cs->toks[nx].kind == RASD_TOK_NUMBER || cs->keys[nx].acc[0]))
        return NULL; /* an object follows: the active */
    for (size_t k = 0; k < cs->nm; k++)
        if (cs->m[k].first == nx && !cs->m[k].prep)
            return NULL;
    return src;
}

/* قُتل، وأُصيب، اُعتقل: a damma on the verb's first letter marks the
 * passive even with no subject before it. */
static bool voweled_passive(const coder_sent *cs, size_t t0)
{
    const rasd_token *t = &cs->toks[t0];
    const unsigned char *p = (const unsigned char *)cs->doc_text + t->start;
    size_t len = t->end - t->start;
    /* skip a و or ف clitic (2 bytes each) */
    size_t at = 0;
    if (len >= 4 && p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81))
        at = 2;
    /* first letter (2 bytes), then U+064F (D9 8F) */
    return at + 4 <= len && p[at] >= 0xD8 && p[at] <= 0xD9 && p[at + 2] == 0xD9 && p[at + 3] == 0x8F;
}

/* Violence: a victim the pattern names, the owner of the weapon. */
static void assign_violence(const coder_sent *cs, const lex_hit *h, size_t hi, dyad *d)
{
    size_t t0 = h->trig[0];
    const mention *pv = h->e->cat == PL_ASSAULT || h->e->cat == PL_COERCE
                            ? passive_after_subject(cs, h, d->src) : NULL;
    if (!pv && (h->e->cat == PL_ASSAULT || h->e->cat == PL_COERCE) && d->src &&
        d->src->first > t0 && voweled_passive(cs, t0))
        pv = d->src; /* وقُتل [المسلح] */
    if (pv) {
        d->tgt = pv;
        d->src = NULL;
    } else if ((h->e->cat == PL_ASSAULT || h->e->cat == PL_COERCE) && d->src &&
               victim_genitive(cs, d->src)) {
        if (!d->tgt)
            d->tgt = d->src;
        d->src = NULL;
    }
    /* قتل … فلسطيني، اعتقال … ناشطا: a victim named by the pattern itself
     * is the target, never the source */
    const mention *named_victim = args_pattern_victim(cs, h);
    if (named_victim) {
        if (d->src == named_victim)
            d->src = NULL;
        d->tgt = named_victim;
    }
    /* not after an overt subject (الجيش قصف بقذائف مدفعية: active voice) */
    const mention *shooter = d->src && d->src->last < t0 ? NULL : weapon_owner(cs, h, hi);
    /* قتلت في مدينة عفرين، بشمال سوريا، على يد [القوات التركية]: an agent
     * named further on in the clause did it, whoever stands before */
    bool vso = d->src && d->src->first > t0 && d->src->first <= h->last; /* an overt subject */
    const mention *by = shooter || vso ? NULL : args_agent_by(cs, h->last + 1, hi);
    if (by && by != d->src && (h->e->cat == PL_ASSAULT || h->e->cat == PL_COERCE)) {
        d->src = by;
        if (d->tgt == by)
            d->tgt = NULL;
        return;
    }
    if (!shooter)
        return;
    /* قتل فلسطينيون برصاص القوات الإسرائيلية */
    const mention *victim = d->src && d->src != shooter ? d->src : d->tgt != shooter ? d->tgt : NULL;
    /* the victims between (قتل ثلاثة فلسطينيين برصاص): a nisba after a
     * number names people, so adjectives count here */
    /* (not a death's reporter: أعلنت [الوزارة] مقتل مزارع برصاص الاحتلال) */
    bool reported = args_reported_death(cs, h);
    for (size_t k = 0; !victim && !reported && k < cs->nm; k++)
        if (cs->m[k].first > t0 && cs->m[k].last < h->last && &cs->m[k] != shooter &&
            cs->m[k].code[0])
            victim = &cs->m[k];
    d->src = shooter;
    d->tgt = victim && !args_same_actor(victim, shooter) ? victim : NULL;
}

/* Targets by category: whom a protest faces, the partner of a joint act,
 * an adjective dyad of a noun (مباحثات تركية أمريكية). */
static void assign_by_category(const coder_sent *cs, const lex_hit *h, size_t hi, dyad *d)
{
    const lex_entry *e = h->e;
    const mention *x, *y;
    if (e->cat == PL_PROTEST && !d->tgt)
        d->tgt = args_protest_target(cs, h, d->src);
    /* رفض الرئيس الفرنسي التدخل [التركي]، ندد بالقصف [الإسرائيلي]: whose
     * act is rejected or condemned */
    const mention *adj = h->last + 1 < cs->n ? coder_mention_at(cs, h->last + 1) : NULL;
    if ((e->cat == PL_REJECT || e->cat == PL_ACCUSE) && !d->tgt && d->src && adj && adj->adj &&
        adj->first == h->last + 1 && adj->country[0] && strcmp(adj->country, d->src->country))
        d->tgt = adj;
    if (args_symmetric(e->cat)) {
        if (!d->tgt)
            d->tgt = arg_conjunct(cs, d->src);
        if (!d->tgt && arg_between(cs, h->trig[0] + 1, hi, &x, &y) &&
            (!d->src || x->first <= h->last + 3)) {
            d->src = x;
            d->tgt = y;
        }
    }
    if (!d->src && !d->tgt && (e->opts & LEXO_NOUN) && arg_adj_dyad(cs, h, &x, &y)) {
        d->src = x;
        d->tgt = y;
    }
}

void args_assign(const coder_sent *cs, const lex_hit *h, size_t lo, size_t hi, ev_args *args)
{
    size_t t0 = h->trig[0];
    dyad d = {arg_source(cs, h, lo, hi), NULL};
    const mention *x, *y;
    bool passive;
    if (args_accused_before_charge(cs, h, hi, &x, &y, &passive)) {
        /* the accuser between the verb and the accused, else the subject
         * before the verb (دمشق اتهمت التحالف بـ...), else unstated */
        args->src = x ? x : (d.src && d.src->last < t0 && !passive ? d.src : NULL);
        args->tgt = y;
        args_object_pronoun(cs, h, &args->src, &args->tgt);
        return;
    }
    assign_by_entry(cs, h, hi, &d);
    assign_constructions(cs, h, hi, &d);
    args_held_responsible(cs, h, &d.src, &d.tgt);
    args_court_sentences(cs, h, hi, &d.src, &d.tgt);
    assign_violence(cs, h, hi, &d);
    assign_by_category(cs, h, hi, &d);
    args_pronoun_roles(cs, h, &d.src, &d.tgt);
    args_object_pronoun(cs, h, &d.src, &d.tgt);
    args->src = d.src;
    args->tgt = d.tgt;
}

