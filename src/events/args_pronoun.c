/* args_pronoun.c - verbal nouns that carry a pronoun (لقتله، اعتقاله،
 * رفضها): the pronoun holds the noun's genitive, so it is the doer or the
 * one who suffers, and the word after the noun is its object. Used by
 * args.c. */
#include "events/coder.h"
#include "events/code_int.h"
#include <string.h>

/* The first letter (its second UTF-8 byte; all are U+06xx) of the suffix
 * on token i, 0 if none. */
static unsigned char suffix_letter(const coder_sent *cs, size_t i)
{
    const morph_word *w = &cs->mw[i];
    if (!args_has_suffix(w) || w->seg[w->n_seg - 1].end - w->seg[w->n_seg - 1].start < 2)
        return 0;
    const unsigned char *p =
        (const unsigned char *)cs->doc_text + cs->toks[i].start + w->seg[w->n_seg - 1].start;
    return p[0] == 0xD9 ? p[1] : 0;
}

/* A pronoun that holds a noun's genitive (قصفها، قصفنا), not the ي of a
 * dual in construct (لحركتي حماس), whose genitive follows. */
bool args_genitive_pronoun(const coder_sent *cs, size_t i)
{
    unsigned char c = suffix_letter(cs, i);
    return c && c != 0x8A; /* U+064A ي */
}

/* A third-person pronoun (ه، ها، هم، هما): a doer or a possessor. */
static bool third_person_suffix(const coder_sent *cs, size_t i)
{
    return suffix_letter(cs, i) == 0x87; /* U+0647 ه */
}

/* A verbal noun with ل and a pronoun (لقتله، لاتهامه) right before m, at
 * or after `from`: a cause or purpose of its own, whose object m is. */
bool args_cause_before(const coder_sent *cs, size_t from, const mention *m)
{
    size_t i = m->first - 1;
    return m->first > from && i >= from && !m->prep && args_purpose_noun(cs, i) &&
           third_person_suffix(cs, i) && cs->mw[i].upos == UPOS_NOUN;
}

/* A verbal noun of accusation, arrest or killing with a pronoun (لاتهامه
 * بمساعدة، بعد اعتقالها، اغتياله) names who suffers it; a ل object after
 * it (اتهامه لموسكو) makes the pronoun the doer. Attacks (هجومه، قصفه)
 * keep their doer. */
static bool pronoun_patient(const coder_sent *cs, const lex_hit *h)
{
    static const char *const harm[] = {"اغتيال", "قتل", "اختطاف", "خطف", "استهداف", "اعدام",
                                       "تصفيه", "اصابه"};
    size_t t0 = h->trig[0];
    plover_cat c = h->e->cat;
    if (cs->mw[t0].upos == UPOS_VERB || !args_has_suffix(&cs->mw[t0]) || h->n_trig > 1)
        return false;
    if (!(c == PL_ACCUSE || c == PL_COERCE || (c == PL_ASSAULT && CODER_TOK_IN(cs, t0, harm))))
        return false;
    return !(t0 + 1 < cs->n && coder_has_clitic(cs, t0 + 1, MCL_LI) && cs->keys[t0 + 1].nominal &&
             coder_mention_at(cs, t0 + 1));
}

/* محكمة قضت بسجنه لإدانته، ألغت المحكمة حكما بإدانته: the subject of a
 * verb (before the noun, or right after a verb) does what the noun names;
 * the pronoun is someone else. */
static bool subject_of_verb(const coder_sent *cs, const mention *m, size_t t0)
{
    if (m->first > 0 && cs->mw[m->first - 1].upos == UPOS_VERB)
        return true;
    for (size_t i = m->last + 1; i < t0; i++)
        if (cs->mw[i].upos == UPOS_VERB)
            return true;
    return false;
}

/* حكمت المحكمة على [الجندي] لقتله فلسطينيا، اعتقلت الشرطة رجلا لقتله
 * شرطيا: a harm noun whose pronoun is its doer (an object follows it) and
 * a source that is the subject of the verb before: the pronoun takes up
 * that verb's object, an actor or not. */
static const mention *pronoun_doer(const coder_sent *cs, const lex_hit *h, const mention *src,
                                   const mention *tgt)
{
    size_t t0 = h->trig[0];
    const mention *best = src;
    if ((h->e->cat != PL_ASSAULT && h->e->cat != PL_COERCE) || !src || !tgt ||
        tgt->first <= t0 || src->last >= t0 || cs->mw[t0].upos == UPOS_VERB ||
        !args_has_suffix(&cs->mw[t0]) || !subject_of_verb(cs, src, t0))
        return best;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->first > src->last && m->last < t0 && args_usable(m) && m->code[0] && !m->adj &&
            (!m->prep || !strcmp(m->prep, "علي")))
            best = m;
    }
    if (best != src)
        return best;
    for (size_t i = src->last + 1; i < t0; i++)
        if (coder_accusative(cs, i) && !coder_mention_at(cs, i) && !clause_when_word(cs, i))
            return NULL;
    return best;
}

void args_pronoun_roles(const coder_sent *cs, const lex_hit *h, const mention **src,
                        const mention **tgt)
{
    size_t t0 = h->trig[0];
    /* لاتهامه، اعتقاله، اغتياله: the actor the noun's pronoun takes up
     * suffers the act */
    /* (not right before it: بيونغيانغ تحتجزهم is a verb, whatever the
     * tagger says) */
    if (*src && (*src)->last + 1 < t0 && pronoun_patient(cs, h) && !subject_of_verb(cs, *src, t0)) {
        *tgt = *src;
        *src = NULL;
    }
    *src = pronoun_doer(cs, h, *src, *tgt);
}

/* The mention that ends right before token i (quotes and a comma between
 * allowed: حقد "الميليشيا"، التي). */
static const mention *mention_ending_before(const coder_sent *cs, size_t i)
{
    while (i > 0 && cs->toks[i - 1].kind == RASD_TOK_PUNCT &&
           (!strcmp(cs->keys[i - 1].full, "\"") || !strcmp(cs->keys[i - 1].full, "،") ||
            !strcmp(cs->keys[i - 1].full, ",")))
        i--;
    for (size_t k = 0; i > 0 && k < cs->nm; k++)
        if (cs->m[k].last + 1 == i && args_usable(&cs->m[k]))
            return &cs->m[k];
    return NULL;
}

/* X الذي/التي + verb with an object pronoun: is X that object? Only where
 * X cannot be the subject: the verb is plural after a singular relative
 * (الميليشيا التي اتهموها) or its subject follows it (الوفد الذي استقبله
 * الرئيس). Otherwise the pronoun may be someone else (الشرطة التي
 * اعتقلته). */
static bool relative_object(const coder_sent *cs, size_t t0, const mention *src)
{
    bool singular = coder_tok_is(cs, t0 - 1, "الذي") || coder_tok_is(cs, t0 - 1, "التي");
    return (singular && cs->keys[t0].plural[0]) || (src && src->first == t0 + 1);
}

void args_object_pronoun(const coder_sent *cs, const lex_hit *h, const mention **src,
                         const mention **tgt)
{
    size_t t0 = h->trig[0];
    if (h->first != h->last || !third_person_suffix(cs, t0) ||
        (cs->mw[t0].upos != UPOS_VERB && !cs->keys[t0].plural[0]))
        return;
    bool after = *tgt && (*tgt)->first > t0 && !(*tgt)->prep;
    /* الذي اعتقلته ألمانيا: an actor right after such a verb is its subject
     * (not after a plural, whose subject is in the verb: اتهموها) */
    if (after && !*src && (*tgt)->first == t0 + 1 && !cs->keys[t0].plural[0]) {
        *src = *tgt;
        *tgt = NULL;
        after = false;
    }
    if (args_relative_before(cs, t0)) {
        const mention *head = mention_ending_before(cs, t0 - 1);
        if (head && relative_object(cs, t0, *src)) {
            if (*src == head)
                *src = NULL;
            *tgt = head;
        } else if (after) {
            *tgt = NULL;
        }
        return;
    }
    if (!after)
        return;
    /* قس أمريكي تتهمه أنقرة: an indefinite noun right before is the head
     * of a relative clause without الذي */
    const mention *head = mention_ending_before(cs, t0);
    *tgt = head && head->agent && !head->named && !head->prep && !cs->mw[head->first].det ? head
                                                                                        : NULL;
}
