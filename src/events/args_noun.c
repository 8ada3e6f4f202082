/* args_noun.c - who does what a verbal noun names (زيارة ولي العهد،
 * الغارات الإسرائيلية، هجوم لفصائل المعارضة، زيارة من الرئيس): the visitor,
 * the owner of an attack or a meeting, an armed genitive, a country
 * adjective. Used by args.c. */
#include "events/coder.h"
#include "events/code_int.h"
#include <string.h>

/* زيارة استمرت 3 أيام من [ولي العهد] إلى لندن، زيارة [للرئيس الصيني]
 * لأبوظبي: a visit comes from its visitor (within its clause, before any
 * other actor). */
static const mention *visit_by(const coder_sent *cs, const lex_hit *h)
{
    if (!h->e->mode || strcmp(h->e->mode, "visit") != 0)
        return NULL;
    for (size_t i = h->last + 1; i <= h->last + 6 && i < cs->n; i++) {
        if (cs->toks[i].kind == RASD_TOK_PUNCT)
            return NULL;
        const mention *m = coder_mention_at(cs, i);
        if (!m)
            continue;
        if (m->first != i || !m->prep || !args_usable(m))
            return NULL;
        if (!strcmp(m->prep, "من"))
            return m;
        /* زيارة [للرئيس الصيني] لأبوظبي: a person, then the place visited */
        if (!strcmp(m->prep, "ل") && (m->person || (m->agent && !strcmp(m->sector, "GOV")))) {
            for (size_t k = 0; k < cs->nm; k++)
                if (cs->m[k].first > m->last && cs->m[k].first <= m->last + 3 && cs->m[k].prep &&
                    (!strcmp(cs->m[k].prep, "ل") || !strcmp(cs->m[k].prep, "الي")) &&
                    !cs->m[k].person && !cs->m[k].agent)
                    return m;
        }
        return NULL;
    }
    return NULL;
}

/* Nouns of attack (folded keys). */
static const char *const attack_nouns[] = {"هجوم", "هجوما", "هجمات", "غاره", "غارات", "ضربه",
                                           "ضربات", "قصف", "اعتداء", "اعتداءات", "هجومي",
                                           "الغاره", "الغارات", "الهجوم", "الهجمات"};

static const char *const meeting_nouns[] = {"اجتماع", "اجتماعا", "اجتماعات", "جلسه",
                                            "جلسات", "طارئ", "طارئه", "طارئا"};

/* هجوم صاروخي [لفصائل المعارضة]، غارة [لطائرات التحالف]، الاجتماع المقرر
 * [لمجلس الأمن]: an attack or meeting noun's ل (after an adjective at
 * most) names whose attack or meeting it is. */
static const mention *attack_of(const coder_sent *cs, const lex_hit *h)
{
    size_t w = h->last;
    if (h->e->cat == PL_ASSAULT) {
        if (!CODER_TOK_IN(cs, w, attack_nouns) &&
            !(w > 0 && CODER_TOK_IN(cs, w - 1, attack_nouns)))
            return NULL;
    } else if (h->e->cat != PL_CONSULT || !CODER_TOK_IN(cs, w, meeting_nouns)) {
        return NULL;
    }
    for (size_t i = h->last + 1; i <= h->last + 2 && i < cs->n; i++) {
        const mention *m = coder_mention_at(cs, i);
        if (m)
            return m->first == i && m->prep && !strcmp(m->prep, "ل") && args_usable(m) &&
                           !m->person ? m : NULL;
        if (cs->toks[i].kind == RASD_TOK_PUNCT || cs->mw[i].upos != UPOS_ADJ)
            return NULL;
    }
    return NULL;
}

/* الطلب [الكويتي]: a singular nisba agreeing in definiteness with the
 * noun before it is its adjective, whatever the tagger says. Not after a
 * noun of violence or arrest, whose genitive is the victim (مقتل الأمريكي). */
static bool agreeing_nisba(const coder_sent *cs, const lex_hit *h, const mention *m)
{
    const char *w = cs->keys[m->first].bare;
    if (!m->nisba || m->first != m->last || m->first == 0 || h->e->cat == PL_ASSAULT ||
        h->e->cat == PL_COERCE || coder_ends_with(w, "ين") || coder_ends_with(w, "ون"))
        return false;
    return (cs->mw[m->first].det != 0) == (cs->mw[m->first - 1].det != 0) &&
           cs->mw[m->first - 1].upos == UPOS_NOUN;
}

const mention *args_noun_agent(const coder_sent *cs, const lex_hit *h)
{
    const mention *rel = args_relative_agent(cs, h);
    if (rel)
        return rel;
    if ((rel = attack_of(cs, h)))
        return rel;
    /* لقتله [فلسطينيا]، قصفها [المدينة]: a pronoun holds the noun's
     * genitive; what follows is its object */
    if (args_genitive_pronoun(cs, h->trig[0]))
        return visit_by(cs, h);
    for (size_t k = 0; h->n_trig > 1 && k < cs->nm; k++)
        for (size_t j = 1; j < h->n_trig; j++)
            if (cs->m[k].first == h->trig[j] && h->trig[j] == h->trig[j - 1] + 1 &&
                args_armed(&cs->m[k]) && !cs->m[k].prep && args_usable(&cs->m[k]))
                return &cs->m[k];
    /* (or the pattern's own last word: عقوبات [أميركية]; or right after
     * its first word, in its gap: القصف [التركي] للقرية) */
    bool own = h->n_trig > 1 && cs->mw[h->last].upos == UPOS_ADJ;
    size_t gap = h->n_trig > 1 && h->trig[1] > h->trig[0] + 1 ? h->trig[0] + 1 : SIZE_MAX;
    for (size_t k = 0; k < cs->nm; k++)
        if ((cs->m[k].adj || agreeing_nisba(cs, h, &cs->m[k])) &&
            (cs->m[k].first == h->last + 1 || (own && cs->m[k].first == h->last) ||
             (cs->m[k].first == gap && cs->m[k].last < h->trig[1])) &&
            !(k + 1 < cs->nm && cs->m[k + 1].adj && cs->m[k + 1].first <= cs->m[k].last + 2))
            return &cs->m[k];
    return visit_by(cs, h);
}

/* أربع غارات استهدفت: an attack noun right before an attack verb is its
 * subject (a describing clause). */
bool args_attack_noun_before(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    return h->e->cat == PL_ASSAULT && t0 > 0 && cs->mw[t0].upos == UPOS_VERB &&
           CODER_TOK_IN(cs, t0 - 1, attack_nouns) && !coder_mention_at(cs, t0 - 1);
}
