/* evdate.c - when an event happened. A date stated in the sentence wins —
 * absolute, or relative to the publication date (أمس الأربعاء, الثلاثاء
 * الماضي, الشهر المقبل, 8 من نيسان المقبل, منتصف عام 2017), resolved by
 * time_resolve; the one nearest the trigger is taken. A past event with no
 * stated date takes the publication date; a future one stays undated.
 * Nothing is invented: with no publication date, "8 نيسان المقبل" keeps an
 * unknown year. */
#include "events/code_int.h"
#include "time/time.h"
#include <stdint.h>
#include <string.h>

void ev_sentence_dates(const coder_sent *cs, const coder_memory *mem, ev_dates *out)
{
    const rasd_date *ref = mem->date.precision != RASD_PREC_NONE ? &mem->date : NULL;
    out->n = 0;
    for (size_t i = 0; i < cs->n && out->n < EV_MAX_DATES; i++) {
        const rasd_token *t = &cs->toks[i];
        rasd_date d;
        if (!coder_may_start_date(cs, i))
            continue;
        const char *p = cs->doc_text + t->start;
        size_t left = cs->s->end - t->start;
        size_t used = time_resolve(p, left, ref, &d);
        if (!used) /* without a reference date: what the text states, year unknown */
            used = time_parse_date(p, left, &d);
        if (!used || d.precision == RASD_PREC_NONE)
            continue;
        if (d.precision == RASD_PREC_MINUTE)
            d.precision = RASD_PREC_DAY;
        if (d.origin != RASD_DATE_RELATIVE)
            d.origin = RASD_DATE_SENTENCE; /* stated in the event's sentence */
        out->d[out->n] = d;
        out->tok[out->n++] = i;
        while (i + 1 < cs->n && cs->toks[i + 1].start < t->start + used)
            i++; /* skip the rest of the expression */
    }
}

/* بعد الانسحاب من الاتفاق [الذي أبرم سنة 2015]: a date after the trigger
 * inside a relative clause that opens after it dates that clause's act. */
static bool in_relative_after(const coder_sent *cs, size_t t0, size_t i)
{
    static const char *const rel[] = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان",
                                      "اللتان"};
    for (size_t k = i; k-- > t0 + 1;) {
        if (cs->toks[k].kind == RASD_TOK_PUNCT)
            return false;
        if (CODER_TOK_IN(cs, k, rel))
            return true;
    }
    return false;
}

void ev_date(const coder_sent *cs, const ev_dates *ds, const lex_hit *h,
             const coder_memory *mem, ev_args *a)
{
    memset(&a->date, 0, sizeof a->date);
    a->date_tok = SIZE_MAX;
    size_t best = SIZE_MAX, nearest = SIZE_MAX, t0 = h->trig[0];
    for (size_t k = 0; k < ds->n; k++) {
        size_t i = ds->tok[k], dist = i > t0 ? i - t0 : t0 - i;
        if (dist < nearest) { /* (a date nearby is a feature of the sentence all the same) */
            nearest = dist;
            a->date_tok = i;
        }
        if (i > h->last && in_relative_after(cs, h->last, i))
            continue;
        if (dist < best) {
            best = dist;
            a->date = ds->d[k];
        }
    }
    if (a->date.precision != RASD_PREC_NONE)
        return;
    if (strcmp(a->modality, "future") != 0 && mem->date.precision != RASD_PREC_NONE) {
        a->date = mem->date;
        if (a->date.precision == RASD_PREC_MINUTE)
            a->date.precision = RASD_PREC_DAY;
        a->date.origin = RASD_DATE_DOCUMENT;
        a->date.start = a->date.end = 0;
    }
}
