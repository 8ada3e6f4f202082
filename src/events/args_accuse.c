/* args_accuse.c - who accuses, blames or sentences whom: the accused
 * before the charge (اتهم X Y بـ...), the party held responsible (حمّل X
 * Y المسؤولية) and the court that sentences (قضت محكمة بسجن X). Used by
 * args.c; see src/events/README.md (Arguments). */
#include "events/coder.h"
#include "events/code_int.h"
#include <string.h>

/* اتهم [X] Y بـ...: whoever stands right before the charge (بشن، بالوقوف
 * وراء، بتمويل) is the accused; an actor between the verb and the accused
 * accuses; with none, the accuser is unstated (or the verb is a passive:
 * واتهم النظام السوري بشن هجوم). */
bool args_accused_before_charge(const coder_sent *cs, const lex_hit *h, size_t hi,
                                const mention **src, const mention **tgt, bool *passive)
{
    *passive = false;
    if (h->e->cat != PL_ACCUSE || h->n_trig > 1 || !strstr(cs->keys[h->trig[0]].bare, "تهم") ||
        cs->mw[h->trig[0]].upos == UPOS_NOUN)
        return false;
    size_t charge = SIZE_MAX;
    /* (بأنه، بأن end the clause, but they are still the charge) */
    for (size_t i = h->last + 1; i < cs->n && i <= h->last + 8 && charge == SIZE_MAX; i++) {
        if (!strncmp(cs->keys[i].full, "بان", strlen("بان"))) {
            charge = i;
            break;
        }
        if (i > hi)
            break;
        if (coder_has_clitic(cs, i, MCL_BI))
            charge = i;
    }
    if (charge == SIZE_MAX)
        return false;
    /* جونسون قد اتهم بأنه …: the charge right after the verb makes it a
     * passive; the subject before it is the accused */
    if (charge == h->last + 1 && !args_has_suffix(&cs->mw[h->trig[0]])) {
        size_t t0 = h->trig[0];
        for (size_t k = cs->nm; k-- > 0;) {
            const mention *m = &cs->m[k];
            if (m->last < t0 && m->last + 3 >= t0 && !m->prep && args_usable(m)) {
                *src = NULL;
                *tgt = m;
                *passive = true;
                return true;
            }
        }
    }
    const mention *accused = NULL, *accuser = NULL;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first <= h->last || m->last >= charge || m->prep || !args_usable(m))
            continue;
        if (accused)
            accuser = accused;
        accused = m;
    }
    if (!accused)
        return false;
    /* Only an actor right before the charge (or with an adverb between)
     * is the accused: with other words between (ودول أخرى المركز، في
     * التاسع من نيسان، الديمقراطيين) the accused may be a name no
     * dictionary knows, and the usual reading holds (VSO: the actor after
     * the verb accuses). A pronoun on the verb (تتهمه السلطات) is the
     * accused itself. */
    static const char *const adv[] = {"كذلك", "ايضا", "مجددا", "مره", "امس", "اليوم", "رسميا",
                                      "علنا", "صراحه"};
    if (args_has_suffix(&cs->mw[h->trig[0]]) || args_participle(cs, h->trig[0]))
        return false; /* تتهمه السلطات; متهما طهران وحليفها: the participle's own rules */
    for (size_t i = accused->last + 1; i < charge; i++) {
        bool is_adv = cs->toks[i].kind == RASD_TOK_PUNCT;
        for (size_t k = 0; !is_adv && k < sizeof adv / sizeof adv[0]; k++)
            is_adv = coder_tok_is(cs, i, adv[k]);
        if (!is_adv)
            return false;
    }
    *src = accuser;
    *tgt = accused;
    return true;
}

/* حمّلت الولايات المتحدة مسؤولية دماء الضحايا، تحميل حماس المسؤولية:
 * the verb takes whoever is held responsible as its first object, so a
 * lone actor between it and المسؤولية is that object, not the subject
 * (which is then dropped, or stands before the verb). Two actors there
 * are subject and object in the usual order. */
static bool responsibility(const char *w)
{
    return strstr(w, "سؤولي") || strstr(w, "سئولي"); /* مسؤولية، مسئولية */
}

void args_held_responsible(const coder_sent *cs, const lex_hit *h, const mention **src,
                           const mention **tgt)
{
    size_t t0 = h->trig[0];
    const char *b = cs->keys[t0].bare;
    if (h->e->cat != PL_ACCUSE || h->n_trig < 2 || !responsibility(cs->keys[h->last].bare) ||
        !(strstr(b, "حمل") || strstr(b, "حميل")))
        return;
    const mention *inside = NULL;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first <= t0 || m->last >= h->last || !args_usable(m))
            continue;
        if (inside || m->prep)
            return; /* two actors, or one behind a preposition */
        inside = m;
    }
    /* حملت إيران المسؤولية للولايات المتحدة: the held one after ل */
    const mention *lam = args_first_after(cs, h->last + 1, h->last + 3, "ل", NULL);
    if (!inside || (lam && lam->first <= h->last + 3))
        return;
    /* حمل مسؤولون مصريون [قادة الاعتصام] مسؤولية: words the dictionary
     * does not know between the actor and المسؤولية are the object, so
     * the actor is the subject (but not كامل/كافة المسؤولية) */
    static const char *const all[] = {"كامل", "كافه", "كل", "الكامله"};
    for (size_t i = inside->last + 1; i < h->last; i++)
        if (!CODER_TOK_IN(cs, i, all))
            return;
    if (*src == inside || (*src && (*src)->first > t0))
        *src = NULL;
    *tgt = inside;
}

/* محكمة جنايات [القاهرة]: a name right after the court, through bare
 * nouns only (not محكمة مصرية بسجن [الناشط]), is part of the court's. */
static bool court_genitive(const coder_sent *cs, const lex_hit *h, const mention *court,
                           const mention *m)
{
    if (m->prep || m->first > court->last + 2)
        return false;
    for (size_t i = court->last + 1; i < m->first; i++) {
        if (cs->toks[i].kind != RASD_TOK_ARABIC || cs->keys[i].nominal)
            return false;
        for (size_t j = 0; j < h->n_trig; j++)
            if (h->trig[j] == i)
                return false;
    }
    return true;
}

/* قضت محكمة مصرية بسجن X، أصدرت المحكمة أحكاما بالسجن بحق X: the
 * sentencing patterns are passives (حكم على X بالسجن، أدين X), so a court
 * found as their first actor is the one that sentences; whom it sentences
 * comes after it. */
void args_court_sentences(const coder_sent *cs, const lex_hit *h, size_t hi,
                          const mention **src, const mention **tgt)
{
    if (h->e->cat != PL_SANCTION || !h->e->mode || strcmp(h->e->mode, "convict") || *src)
        return;
    size_t t0 = h->trig[0];
    const mention *court = *tgt && !strcmp((*tgt)->sector, "JUD") && (*tgt)->first > t0 ? *tgt
                                                                                           : NULL;
    for (size_t k = 0; !court && k < cs->nm; k++) /* المحكمة التركية قضت بسجن */
        if (cs->m[k].last < t0 && cs->m[k].last + 2 >= t0 && !cs->m[k].prep &&
            !strcmp(cs->m[k].sector, "JUD"))
            court = &cs->m[k];
    if (!court)
        return;
    *src = court;
    if (*tgt != court)
        return;
    /* near the sentence only (not على رجل أدين بهجوم على جنود أميركيين) */
    size_t from = court->last + 1, end = (court->last > h->last ? court->last : h->last) + 5;
    if (end > hi)
        end = hi;
    *tgt = args_first_after(cs, from, end, NULL, court);
    /* محكمة جنايات [القاهرة]: the court's own genitive */
    if (*tgt && court_genitive(cs, h, court, *tgt)) {
        from = (*tgt)->last + 1;
        *tgt = args_first_after(cs, from, end, NULL, court);
    }
    if (!*tgt)
        *tgt = args_first_after(cs, from, end, "بحق", court);
    if (!*tgt)
        *tgt = args_first_after(cs, from, end, "علي", court);
}
