/* evdate.c - when an event happened. A date stated in the sentence wins
 * (absolute, or relative to the publication date: أمس الأربعاء, الثلاثاء
 * الماضي, الشهر المقبل, 8 من نيسان المقبل, العام الماضي); a past event with
 * no stated date takes the publication date; a future one stays undated.
 * Nothing is invented: with no publication date, "8 نيسان المقبل" keeps
 * an unknown year. */
#include "events/code_int.h"
#include "time/time.h"
#include <stdint.h>
#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool ref_has_day(const rasd_date *r)
{
    return r->year && r->month && r->day && r->precision >= RASD_PREC_DAY;
}

static void set_day(rasd_date *d, long days)
{
    civil_from_days(days, &d->year, &d->month, &d->day);
    d->precision = RASD_PREC_DAY;
    d->origin = RASD_DATE_RELATIVE;
}

static bool tok_is_any(const coder_sent *cs, size_t i, const char *const *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (coder_tok_is(cs, i, w[k]))
            return true;
    return false;
}

static const char *const past_w[] = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "السابق"};
static const char *const next_w[] = {"المقبل", "المقبله", "القادم", "القادمه"};
static const char *const this_w[] = {"الجاري", "الحالي", "الجاريه", "الحاليه"};

/* -1 past, +1 next, 0 this/unspecified: the word after i. */
static int direction_after(const coder_sent *cs, size_t i)
{
    if (i + 1 >= cs->n)
        return 0;
    if (tok_is_any(cs, i + 1, past_w, 5))
        return -1;
    if (tok_is_any(cs, i + 1, next_w, 4))
        return 1;
    return 0;
}

/* Weekday name at i: the nearest such day before (default, news reports
 * the past) or after (المقبل) the publication date. */
static bool rel_weekday(const coder_sent *cs, size_t i, const rasd_date *ref, rasd_date *out)
{
    int wd = time_weekday_name(cs->keys[i].full, strlen(cs->keys[i].full));
    if (wd < 0)
        wd = time_weekday_name(cs->keys[i].bare, strlen(cs->keys[i].bare));
    if (wd < 0 || !ref_has_day(ref))
        return false;
    long today = days_from_civil(ref->year, ref->month, ref->day);
    int ref_wd = (int)(((today % 7) + 11) % 7); /* 1970-01-01 was a Thursday (4) */
    int dir = direction_after(cs, i);
    long delta = dir > 0 ? ((wd - ref_wd + 7) % 7 ? (wd - ref_wd + 7) % 7 : 7)
                         : -(long)((ref_wd - wd + 7) % 7);
    if (dir < 0 && delta == 0)
        delta = -7;
    set_day(out, today + delta);
    return true;
}

static bool rel_word(const coder_sent *cs, size_t i, const rasd_date *ref, rasd_date *out)
{
    static const struct { const char *w; int days; } days[] = {
        {"امس", -1}, {"البارحه", -1}, {"اليوم", 0}, {"غدا", 1}, {"الليله", 0},
    };
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
        if (!coder_tok_is(cs, i, days[k].w))
            continue;
        /* أمس الأربعاء: the weekday confirms; the offset decides. */
        if (!ref_has_day(ref))
            return false;
        set_day(out, days_from_civil(ref->year, ref->month, ref->day) + days[k].days);
        return true;
    }
    int dir = direction_after(cs, i);
    bool this = i + 1 < cs->n && tok_is_any(cs, i + 1, this_w, 4);
    if (!dir && !this)
        return false;
    if (!ref->year)
        return false;
    if (coder_tok_is(cs, i, "الشهر") && ref->month) {
        int y = ref->year, m = ref->month + dir;
        if (m < 1) { m = 12; y--; }
        if (m > 12) { m = 1; y++; }
        *out = (rasd_date){.year = y, .month = m, .precision = RASD_PREC_MONTH,
                           .origin = RASD_DATE_RELATIVE};
        return true;
    }
    if (coder_tok_is(cs, i, "العام") || coder_tok_is(cs, i, "السنه")) {
        *out = (rasd_date){.year = ref->year + dir, .precision = RASD_PREC_YEAR,
                           .origin = RASD_DATE_RELATIVE};
        return true;
    }
    if (coder_tok_is(cs, i, "الاسبوع") && ref_has_day(ref)) {
        int y, m, d;
        civil_from_days(days_from_civil(ref->year, ref->month, ref->day) + 7 * dir, &y, &m, &d);
        *out = (rasd_date){.year = y, .month = m, .precision = RASD_PREC_MONTH,
                           .origin = RASD_DATE_RELATIVE};
        return true;
    }
    return false;
}

/* A date expression in the text (8 من نيسان, 3 فبراير 2021), with its year
 * completed by المقبل / الماضي / الجاري relative to the publication date. */
static bool abs_date(const coder_sent *cs, const char *text, size_t i,
                     const rasd_date *ref, rasd_date *out, size_t *ntok)
{
    const rasd_token *t = &cs->toks[i];
    if (t->kind != RASD_TOK_NUMBER && t->kind != RASD_TOK_ARABIC)
        return false;
    size_t end = cs->s->end;
    size_t used = time_parse_date(text + t->start, end - t->start, out);
    if (!used)
        return false;
    size_t j = i;
    while (j + 1 < cs->n && cs->toks[j + 1].start < t->start + used)
        j++;
    *ntok = j - i + 1;
    out->origin = RASD_DATE_SENTENCE;
    if (out->year == 0 && ref->year && out->month) {
        int dir = direction_after(cs, j);
        if (dir > 0)
            out->year = out->month >= ref->month ? ref->year : ref->year + 1;
        else if (dir < 0)
            out->year = out->month <= ref->month ? ref->year : ref->year - 1;
        else if (j + 1 < cs->n && tok_is_any(cs, j + 1, this_w, 4))
            out->year = ref->year;
        if (out->year)
            out->origin = RASD_DATE_RELATIVE;
    }
    return true;
}

void ev_date(const coder_sent *cs, const lex_hit *h, const coder_memory *mem, ev_args *a)
{
    const rasd_date *ref = &mem->date;
    memset(&a->date, 0, sizeof a->date);
    a->date_tok = SIZE_MAX;
    size_t best_dist = SIZE_MAX;
    for (size_t i = 0; i < cs->n; i++) {
        rasd_date d = {0};
        size_t ntok = 1;
        if (!abs_date(cs, cs->doc_text, i, ref, &d, &ntok) && !rel_word(cs, i, ref, &d) &&
            !rel_weekday(cs, i, ref, &d))
            continue;
        size_t t0 = h->trig[0];
        size_t dist = i > t0 ? i - t0 : t0 - i;
        if (dist < best_dist) {
            best_dist = dist;
            a->date = d;
            a->date_tok = i;
        }
        i += ntok - 1;
    }
    if (a->date.precision != RASD_PREC_NONE)
        return;
    if (strcmp(a->modality, "future") != 0 && ref->precision != RASD_PREC_NONE) {
        a->date = *ref;
        if (a->date.precision == RASD_PREC_MINUTE)
            a->date.precision = RASD_PREC_DAY;
        a->date.origin = RASD_DATE_DOCUMENT;
    }
}
