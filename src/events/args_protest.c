/* args_protest.c - whom a protest is against: a slogan's or a demand's
 * addressee, what the protesters condemn, or the authority they face (not
 * what they carry, nor the crowd's own members). Used by args.c; see
 * src/events/README.md (Arguments). */
#include "events/coder.h"
#include "events/code_int.h"
#include <string.h>

/* Whether the word `back` words before mention m is one of words (folded
 * keys). */
static bool word_before(const coder_sent *cs, const mention *m, size_t back,
                        const char *const *words, size_t n)
{
    return m->first >= back && coder_tok_in(cs, m->first - back, words, n);
}

/* Pictures and flags a crowd carries show whom it supports: صور [الرئيس]،
 * صورا أخرى [للرئيس]، لافتات [الحزب]. */
static bool carried(const coder_sent *cs, const mention *m)
{
    static const char *const things[] = {"صور", "صوره", "صورا", "لافتات", "اعلام", "علم"};
    static const char *const adj[] = {"اخري", "اخرى", "كبيره", "مكبره", "ضخمه"};
    const size_t nt = sizeof things / sizeof things[0];
    return word_before(cs, m, 1, things, nt) ||
           (word_before(cs, m, 1, adj, sizeof adj / sizeof adj[0]) &&
            word_before(cs, m, 2, things, nt));
}

/* A slogan against m: هتافات معادية [لإيران]، المناوئين [للحكومة]، «يسقط
 * [بوش]»، فلتسقط [الحكومة]. */
static bool slogan_against(const coder_sent *cs, const mention *m)
{
    static const char *const hostile[] = {"معاديه", "المعاديه", "معادين", "المعادين", "مناهضه",
                                          "المناهضه", "مناهضين", "المناهضين", "مناوئه", "المناوئه",
                                          "مناوئين", "المناوئين"};
    static const char *const down[] = {"يسقط", "فليسقط", "ليسقط", "تسقط", "فلتسقط", "لتسقط",
                                       "ارحل", "ارحلي"};
    if (m->prep && !strcmp(m->prep, "ل"))
        return word_before(cs, m, 1, hostile, sizeof hostile / sizeof hostile[0]);
    return !m->prep && word_before(cs, m, 1, down, sizeof down / sizeof down[0]);
}

static bool protest_candidate(const coder_sent *cs, const mention *m, const mention *src)
{
    if (!args_usable(m) || args_same_actor(m, src))
        return false;
    /* في بغداد، ببغداد: where the crowd is, not whom it faces; بدعوة من
     * [التجمع]: who called the crowd out is on its side */
    if (m->prep && (!strcmp(m->prep, "في") || !strcmp(m->prep, "ب") || !strcmp(m->prep, "وسط")))
        return false;
    static const char *const call[] = {"دعوه", "بدعوه"};
    if ((m->prep && !strcmp(m->prep, "من") && word_before(cs, m, 2, call, 2)) ||
        args_place_of(cs, m) || args_counted_from(cs, m, true)) /* ضمت 500 من [عناصر الأمن] */
        return false;
    if (carried(cs, m))
        return false;
    /* صورا للرئيس الفلسطيني الراحل [ياسر عرفات]: the name of a pictured title */
    for (size_t k = 0; k < cs->nm; k++)
        if (&cs->m[k] != m && cs->m[k].last < m->first && cs->m[k].last + 3 >= m->first &&
            carried(cs, &cs->m[k]))
            return false;
    return !(m->gprep && (!strcmp(m->gprep, "في") || !strcmp(m->gprep, "وسط")));
}

/* What a crowd can face: a government body, force or court, or a state
 * or organisation by name. Crowds and parties are protesters. */
static bool authority(const mention *m)
{
    static const char *const sec[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
    if (!m->sector[0] && m->named && m->country[0] && !m->person)
        return true;
    for (size_t j = 0; j < sizeof sec / sizeof sec[0]; j++)
        if (!strcmp(m->sector, sec[j]))
            return true;
    return false;
}

/* هتافات تدعو [الحكومة الفلسطينية] إلى صرف الرواتب، يطالبون [الحكومة]:
 * the authority the crowd makes its demand of. */
static bool demand_addressee(const coder_sent *cs, const mention *m)
{
    static const char *const ask[] = {"تدعو", "يدعو", "يدعون", "داعين", "داعيه", "تطالب", "يطالب",
                                      "يطالبون", "مطالبين", "مطالبه", "تناشد", "يناشدون",
                                      "مناشدين"};
    return !m->prep && !m->adj && word_before(cs, m, 1, ask, sizeof ask / sizeof ask[0]) &&
           authority(m);
}

/* Whom a crowd protests against, when no ضد / على says it: whom its
 * slogans are against (هتافات معادية لإيران، «يسقط بوش»), else the first
 * authority named after the protest outside quotations (سار المتظاهرون
 * حتى السفارة الإسرائيلية، تظاهروا أمام مقر البرلمان، احتجاجا على ترشيح
 * وزير الخارجية): a government body, force or court, or a state or
 * organisation by name. Crowds and parties are protesters, not targets. */
const mention *args_protest_target(const coder_sent *cs, const lex_hit *h, const mention *src)
{
    /* and the adjective of what it wants ended (تطالب بوقف الاستيطان
     * [الإسرائيلي]، بطرد السفير [الأميركي]) */
    static const char *const condemn[] = {"شجبت", "تشجب", "تندد", "منددين", "مندده", "تدين",
                                          "تستنكر", "ضد", "بوقف", "بانهاء", "بطرد", "برحيل",
                                          "بانسحاب", "بسحب"};
    size_t hi = h->last + 25 < cs->n ? h->last + 25 : cs->n - 1;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first > h->last && m->first <= hi && protest_candidate(cs, m, src) &&
            (slogan_against(cs, m) || demand_addressee(cs, m)))
            return m;
        /* هتافات شجبت القصف [الإيراني]: the adjective of what is condemned */
        if (m->adj && m->country[0] && m->first > h->last + 1 && m->first <= hi &&
            !coder_mention_at(cs, m->first - 1) && cs->mw[m->first - 1].upos == UPOS_NOUN &&
            (word_before(cs, m, 2, condemn, sizeof condemn / sizeof condemn[0]) ||
             (cs->mw[m->first - 2].upos == UPOS_NOUN &&
              word_before(cs, m, 3, condemn, sizeof condemn / sizeof condemn[0]))) &&
            !args_same_actor(m, src))
            return m;
    }
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first <= h->last || m->first > hi || !protest_candidate(cs, m, src) ||
            args_quoted_after(cs, h->last + 1, m->first))
            continue;
        if (authority(m))
            return m;
    }
    return NULL;
}
