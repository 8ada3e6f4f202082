/* clause.c - where a trigger's clause starts and ends: punctuation,
 * complementisers and connectives close it; commas that set off inserted
 * material (an apposition, a prepositional phrase, the subject) do not.
 * Argument search (args.c) stays within the clause. */
#include "events/coder.h"
#include "events/code_int.h"
#include <string.h>

/* Words after which a new clause starts: complementisers and clause
 * connectives. A clause boundary stops argument search. */
static const char *const clause_words[] = {
    "ان", "انه", "انها", "انهم", "انهما", "حيث", "فيما", "بينما", "حين", "عندما",
    "الذي", "التي", "الذين", "اللذين", "اللتين", "لكن", "لكنه", "لكنها", "بعدما",
    "ردا", /* ردا على: what is answered is not the target (قصف غزة ردا على صواريخ) */
};

bool clause_start(const coder_sent *cs, size_t i)
{
    const rasd_token *t = &cs->toks[i];
    if (t->kind == RASD_TOK_PUNCT) {
        const char *p = t->norm;
        return !strcmp(p, ",") || !strcmp(p, ";") || !strcmp(p, ":") || !strcmp(p, ".") ||
               !strcmp(p, "?") || !strcmp(p, "!");
    }
    for (size_t k = 0; k < sizeof clause_words / sizeof clause_words[0]; k++)
        if (!strcmp(cs->keys[i].full, clause_words[k]) || !strcmp(cs->keys[i].bare, clause_words[k]))
            return true;
    return false;
}

/* A comma followed by an argument preposition (، مع نظيره) or by a person
 * in apposition continues the clause: Arabic news sets off inserted
 * material with commas. */
static bool comma_continues(const coder_sent *cs, size_t i)
{
    static const char *const preps[] = {"مع", "الي", "علي", "ضد", "بين"};
    if (cs->toks[i].kind != RASD_TOK_PUNCT || strcmp(cs->toks[i].norm, ",") != 0)
        return false;
    for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
        if (coder_tok_is(cs, i + 1, preps[k]))
            return true;
    /* an apposition (ولي العهد السعودي، الأمير محمد بن سلمان) and what
     * follows it (الرئيس الفرنسي، إيمانويل ماكرون، لواشنطن) */
    bool before = false;
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (m->last + 1 == i)
            before = true;
        if (before && m->first == i + 1 &&
            (m->person || (m->prep && (!strcmp(m->prep, "ل") || !strcmp(m->prep, "الي")))))
            return true;
    }
    return false;
}

/* Days and times of day, folded without the article. */
bool clause_when_word(const coder_sent *cs, size_t i)
{
    static const char *const when_words[] = {"اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت",
                                             "احد", "يوم", "امس", "ليله", "صباح", "مساء", "فجر"};
    return CODER_TOK_IN(cs, i, when_words);
}

/* قصفت مقاتلات التحالف، تعزيزات للحوثيين: a comma right after the subject
 * that follows the trigger (VSO) sets the subject off from the object; the
 * clause goes on unless a verb, a conjunct, a time or a new clause
 * follows. */
static bool comma_after_subject(const coder_sent *cs, size_t last, size_t i)
{
    if (cs->toks[i].kind != RASD_TOK_PUNCT || strcmp(cs->toks[i].norm, ",") != 0 ||
        i + 1 >= cs->n || cs->toks[i + 1].kind != RASD_TOK_ARABIC ||
        clause_start(cs, i + 1) || cs->mw[i + 1].upos == UPOS_VERB ||
        clause_when_word(cs, i + 1)) /* وافق البرلمان، الجمعة، على: an aside */
        return false;
    /* the subject follows the trigger or ends it (قصفت … مقاتلات) */
    const mention *m = coder_mention_at(cs, last);
    if (!m)
        m = coder_mention_at(cs, last + 1);
    /* not after a person, whom a title in apposition follows (رحب وليد
     * البخاري، القائم بأعمال السفارة), nor before a conjunct (طالبت بريطانيا،
     * وألمانيا) */
    return m && args_usable(m) && m->first <= last + 1 && m->last + 1 == i && !m->person &&
           !coder_has_wa(cs, i + 1);
}

void clause_bounds(const coder_sent *cs, size_t first, size_t last, size_t *lo, size_t *hi)
{
    size_t l = first;
    while (l > 0 && !clause_start(cs, l - 1) && !clause_start(cs, l))
        l--;
    size_t h = last;
    while (h + 1 < cs->n && (!clause_start(cs, h + 1) || comma_continues(cs, h + 1) ||
                             comma_after_subject(cs, last, h + 1)))
        h++;
    *lo = l;
    *hi = h;
}
