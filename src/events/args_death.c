/* args_death.c - a death that a verb of saying reports (أعلنت الوزارة مقتل
 * مزارع برصاص الاحتلال): the reporter in the pattern's gap is no party;
 * the dead follow the noun, counted (30 عنصرا من X) or the reporter's own
 * (أحد جنوده); whoever fired or killed (برصاص X، على يد X) is the source.
 * Used by args.c. */
#include "events/coder.h"
#include "events/code_int.h"
#include "text/text.h"
#include <string.h>

/* مقتل 30 عنصرا من [ميليشيا الحوثي]: a figure and the group it counts. */
static const mention *counted_of(const coder_sent *cs, size_t from, size_t hi)
{
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first < from + 2 || m->first > from + 4 || m->first > hi || !args_usable(m) ||
            !m->prep || strcmp(m->prep, "من") != 0)
            continue;
        for (size_t i = from; i < m->first; i++)
            if (cs->toks[i].kind == RASD_TOK_NUMBER || cs->mw[i].upos == UPOS_NUM)
                return m;
    }
    return NULL;
}

/* أعلنت وزارة الصحة، مساء السبت، مقتل مزارع: a pattern that opens with
 * the verb that reports a death has the reporter in its gap, and the dead
 * after it. */
bool args_reported_death(const coder_sent *cs, const lex_hit *h)
{
    static const char *const report[] = {"اعلن", "اعلنت", "اكد", "اكدت", "افاد", "افادت",
                                         "ذكر", "ذكرت", "تاكيد", "اعلان"};
    return (h->e->opts & LEXO_PASSIVE) && h->n_trig > 1 && CODER_TOK_IN(cs, h->trig[0], report);
}

/* مقتل أحد جنوده، سبعة من مقاتليها: the reporter's own men. */
static bool own_men(const coder_sent *cs, size_t from)
{
    static const char *const men[] = {"جنود", "جندي", "مقاتلي", "مقاتل", "عناصر", "عنصر",
                                      "افراد", "ضباط", "رجال", "اعضاء", "مواطني", "رعايا"};
    for (size_t i = from; i < from + 4 && i < cs->n; i++) {
        if (!args_has_suffix(&cs->mw[i]))
            continue;
        for (size_t k = 0; k < sizeof men / sizeof men[0]; k++)
            if (!strncmp(cs->keys[i].bare, men[k], strlen(men[k])))
                return true;
    }
    return false;
}

/* أعلنت [الوزارة] مقتل [X]: the dead after the noun, counted (30 عنصرا
 * من X) or the reporter's own (أحد جنوده); the genitive of a weapon
 * (برصاص [الاحتلال]) fired. The reporter in the gap is no party. */
void args_reported_victim(const coder_sent *cs, const lex_hit *h, size_t hi, const mention **src,
                          const mention **tgt)
{
    *tgt = args_first_after(cs, h->last + 1, hi, NULL, *src);
    if (!*tgt)
        *tgt = counted_of(cs, h->last + 1, hi);
    if (*tgt && args_after_fire(cs, *tgt)) {
        *src = *tgt;
        *tgt = NULL;
    }
    /* بمقتل عشرات الفلسطينيين على يد [القوات الإسرائيلية] */
    const mention *by = args_agent_by(cs, h->last + 1, h->last + 6 < hi ? h->last + 6 : hi);
    if (by && !*src && by != *tgt)
        *src = by;
    if (!*tgt && own_men(cs, h->last + 1)) {
        const mention *rep = args_first_after(cs, h->trig[0] + 1, h->last - 1, NULL, NULL);
        if (rep && !args_same_actor(rep, *src))
            *tgt = rep;
    }
}
