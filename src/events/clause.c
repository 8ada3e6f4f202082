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

/* A comma inside one actor (وزير الخارجية الأميركي، مايك بومبيو). */
static bool inside_mention(const coder_sent *cs, size_t i)
{
    const mention *m = coder_mention_at(cs, i);
    return m && m->first < i && i < m->last;
}

/* The comma closing an appositive name (التقى الوزير التركي، أحمد كمال،
 * نظيره): the actor before it holds a comma itself, and no verb follows. */
static bool closes_appositive(const coder_sent *cs, size_t i)
{
    const mention *m = i > 0 ? coder_mention_at(cs, i - 1) : NULL;
    if (!m || m->last != i - 1 || i + 1 >= cs->n || strcmp(cs->toks[i].norm, ",") != 0 ||
        cs->mw[i + 1].upos == UPOS_VERB)
        return false;
    for (size_t k = m->first + 1; k < m->last; k++)
        if (!strcmp(cs->toks[k].norm, ","))
            return true;
    return false;
}

static bool mention_comma(const coder_sent *cs, size_t i)
{
    return !strcmp(cs->toks[i].norm, ",") && inside_mention(cs, i);
}

#define CLAUSE_ASIDE_MAX 30 /* tokens a relative aside may span */

/* (a lone tatweel is punctuation too: سراييفو ـ «الشرق الأوسط») */
bool clause_is_dash(const coder_sent *cs, size_t i)
{
    static const char *const dashes[] = {"-", "–", "—", "ـ"};
    for (size_t q = 0; cs->toks[i].kind == RASD_TOK_PUNCT && q < sizeof dashes / sizeof *dashes; q++)
        if (!strcmp(cs->toks[i].norm, dashes[q]))
            return true;
    return false;
}

/* The closer of a relative aside opening at i, or 0. The opener follows a
 * word and the relative pronoun follows the opener; a dash closes a dash,
 * ")" a bracket and the next comma a comma, before strong punctuation. */
static size_t aside_closer(const coder_sent *cs, size_t i)
{
    static const char *const rel[] = {"الذي", "التي", "الذين", "اللذين", "اللتين",
                                      "اللذان", "اللتان", "اللواتي", "اللاتي"};
    bool dash = clause_is_dash(cs, i), paren = !strcmp(cs->toks[i].norm, "(");
    bool comma = !strcmp(cs->toks[i].norm, ",");
    if (i == 0 || i + 2 >= cs->n || !(dash || paren || comma) ||
        cs->toks[i - 1].kind != RASD_TOK_ARABIC || !CODER_TOK_IN(cs, i + 1, rel))
        return 0;
    for (size_t j = i + 2; j < cs->n && j <= i + CLAUSE_ASIDE_MAX; j++) {
        if (cs->keys[j].stop && cs->toks[j].kind == RASD_TOK_PUNCT)
            return 0;
        if (dash ? clause_is_dash(cs, j) : !strcmp(cs->toks[j].norm, paren ? ")" : ","))
            return j + 1 < cs->n && cs->toks[j + 1].kind == RASD_TOK_ARABIC ? j : 0;
    }
    return 0;
}

void clause_mark_asides(coder_sent *cs)
{
    for (size_t i = 0; i < cs->n; i++)
        cs->keys[i].aside_len = cs->keys[i].aside_of = 0;
    for (size_t i = 0; i < cs->n; i++) {
        size_t j = aside_closer(cs, i);
        if (!j)
            continue;
        cs->keys[i].aside_len = (uint32_t)(j - i);
        for (size_t k = i + 1; k < j; k++)
            cs->keys[k].aside_of = (uint32_t)(i + 1);
        i = j; /* asides do not nest */
    }
}

void clause_keep_asides(coder_sent *cs)
{
    for (size_t i = 1; i < cs->n; i++) {
        size_t len = cs->keys[i].aside_len;
        if (!len || coder_mention_at(cs, i - 1))
            continue;
        cs->keys[i].aside_len = 0;
        for (size_t k = i + 1; k < i + len; k++)
            cs->keys[k].aside_of = 0;
    }
}

void clause_hide_asides(coder_sent *cs, size_t anchor)
{
    for (size_t k = 0; k < cs->nm; k++)
        cs->m[k].hidden = anchor != SIZE_MAX && clause_hidden(cs, cs->m[k].first, anchor);
}

bool clause_hidden(const coder_sent *cs, size_t i, size_t anchor)
{
    return i < cs->n && cs->keys[i].aside_of &&
           (anchor >= cs->n || cs->keys[anchor].aside_of != cs->keys[i].aside_of);
}

/* The opener of the aside whose closer is token i, or SIZE_MAX. */
static size_t aside_closed_at(const coder_sent *cs, size_t i)
{
    if (i == 0 || !cs->keys[i - 1].aside_of)
        return SIZE_MAX;
    size_t open = cs->keys[i - 1].aside_of - 1;
    return open + cs->keys[open].aside_len == i ? open : SIZE_MAX;
}

size_t clause_aside_before(const coder_sent *cs, size_t i)
{
    size_t open = i > 0 ? aside_closed_at(cs, i - 1) : SIZE_MAX;
    return open != SIZE_MAX ? open : i;
}

void clause_bounds(const coder_sent *cs, size_t first, size_t last, size_t *lo, size_t *hi)
{
    size_t l = first;
    while (l > 0) {
        size_t open = aside_closed_at(cs, l - 1);
        if (open != SIZE_MAX && open > 0 && !clause_start(cs, open - 1)) {
            l = open - 1; /* ترامب - الذي زار الصين - طالب */
            continue;
        }
        if ((clause_start(cs, l - 1) && !mention_comma(cs, l - 1)) ||
            (clause_start(cs, l) && !mention_comma(cs, l)))
            break;
        l--;
    }
    size_t h = last;
    while (h + 1 < cs->n) {
        /* طالب ترامب، الذي زار الصين، كوريا; not when a verb or a new
         * clause follows the aside (أدانت دمشق العقوبات على إيران، التي
         * دخلت حيز التنفيذ، قال العبادي) */
        size_t len = cs->keys[h + 1].aside_len, after = h + 2 + len;
        if (len && after < cs->n && cs->mw[after].upos != UPOS_VERB && !clause_start(cs, after)) {
            h += 1 + len;
            continue;
        }
        /* a trigger inside an aside ends with it */
        if (aside_closed_at(cs, h + 1) != SIZE_MAX && cs->keys[first].aside_of)
            break;
        if (clause_start(cs, h + 1) && !comma_continues(cs, h + 1) &&
            !comma_after_subject(cs, last, h + 1) && !inside_mention(cs, h + 1) &&
            !closes_appositive(cs, h + 1))
            break;
        h++;
    }
    *lo = l;
    *hi = h;
}
