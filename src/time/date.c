/* date.c - absolute calendar dates in Arabic news text: month and weekday
 * names, the date parser, validity checks and the public date API. */
#include "time_int.h"
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- names */

typedef struct dt_name {
    const char *word;   /* folded (see time_fold) */
    const char *second; /* required second word (Levantine كانون/تشرين), or NULL */
    int value;
} dt_name;

/* Egyptian/Gulf, Levantine/Iraqi and Maghrebi month names. */
static const dt_name dt_months[] = {
    {"يناير", NULL, 1}, {"جانفي", NULL, 1}, {"جانفييه", NULL, 1},
    {"كانون", "الثاني", 1}, {"كانون", "ثاني", 1},
    {"فبراير", NULL, 2}, {"فبرير", NULL, 2}, {"شباط", NULL, 2}, {"فيفري", NULL, 2},
    {"مارس", NULL, 3}, {"اذار", NULL, 3},
    {"ابريل", NULL, 4}, {"نيسان", NULL, 4}, {"افريل", NULL, 4},
    {"مايو", NULL, 5}, {"ايار", NULL, 5}, {"ماي", NULL, 5}, {"مايس", NULL, 5},
    {"يونيو", NULL, 6}, {"يونيه", NULL, 6}, {"حزيران", NULL, 6}, {"جوان", NULL, 6},
    {"يوليو", NULL, 7}, {"يوليه", NULL, 7}, {"تموز", NULL, 7}, {"جويليه", NULL, 7},
    {"يوليوز", NULL, 7},
    {"اغسطس", NULL, 8}, {"اب", NULL, 8}, {"اوت", NULL, 8}, {"غشت", NULL, 8},
    {"سبتمبر", NULL, 9}, {"ايلول", NULL, 9}, {"شتنبر", NULL, 9},
    {"اكتوبر", NULL, 10}, {"تشرين", "الاول", 10}, {"تشرين", "اول", 10},
    {"نوفمبر", NULL, 11}, {"تشرين", "الثاني", 11}, {"تشرين", "ثاني", 11},
    {"نونبر", NULL, 11},
    {"ديسمبر", NULL, 12}, {"كانون", "الاول", 12}, {"كانون", "اول", 12},
    {"دجنبر", NULL, 12},
};

static const dt_name dt_weekdays[] = {
    {"الاحد", NULL, 0}, {"الاثنين", NULL, 1}, {"الثلاثاء", NULL, 2},
    {"الثلثاء", NULL, 2}, {"الاربعاء", NULL, 3}, {"الخميس", NULL, 4},
    {"الجمعه", NULL, 5}, {"السبت", NULL, 6},
};

#define DT_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool dt_eq(const char *a, size_t an, const char *b)
{
    return an == strlen(b) && memcmp(a, b, an) == 0;
}

int time_month_name(const char *norm, size_t n)
{
    char f[96];
    size_t fl = time_fold(norm, n, f, sizeof f);
    const char *sp = memchr(f, ' ', fl);
    size_t w1 = sp ? (size_t)(sp - f) : fl;
    for (size_t i = 0; i < DT_COUNT(dt_months); i++) {
        const dt_name *m = &dt_months[i];
        if (!dt_eq(f, w1, m->word))
            continue;
        if (!m->second && !sp)
            return m->value;
        if (m->second && sp && dt_eq(sp + 1, fl - w1 - 1, m->second))
            return m->value;
    }
    return 0;
}

int time_weekday_name(const char *norm, size_t n)
{
    char f[64];
    size_t fl = time_fold(norm, n, f, sizeof f);
    for (size_t i = 0; i < DT_COUNT(dt_weekdays); i++)
        if (dt_eq(f, fl, dt_weekdays[i].word))
            return dt_weekdays[i].value;
    return -1;
}

/* ------------------------------------------------------------- calendar */

int time_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2) {
        /* year 0 = unknown: 29 February may be right */
        bool leap = year == 0 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

bool time_valid_ymd(int y, int m, int d)
{
    if (y < 0 || y > 9999)
        return false;
    return d >= 1 && d <= time_days_in_month(y, m);
}

/* --------------------------------------------------------------- parser */

/* Month name at token i (one or two words); returns the next index or -1. */
static int dp_month_name(dtlex *lx, int i, int *month)
{
    const dtok *t = dt_tok(lx, i);
    if (t->kind != DT_WORD)
        return -1;
    for (size_t k = 0; k < DT_COUNT(dt_months); k++) {
        const dt_name *m = &dt_months[k];
        if (!dt_is(t, m->word))
            continue;
        if (!m->second) {
            *month = m->value;
            return i + 1;
        }
        if (dt_is(dt_tok(lx, i + 1), m->second)) {
            *month = m->value;
            return i + 2;
        }
    }
    return -1;
}

/* (declared in time_int.h) */
int dt_month(dtlex *lx, int i, int *month)
{
    i = dp_month_name(lx, i, month);
    if (i < 0)
        return -1;
    int alt, j;
    const dtok *t = dt_tok(lx, i);
    if (dt_is_punct(t, "/\\-")) {
        j = dp_month_name(lx, i + 1, &alt);
        if (j > 0 && alt == *month)
            return j;
    } else if (dt_is_punct(t, "(")) {
        j = dp_month_name(lx, i + 1, &alt);
        if (j > 0 && alt == *month && dt_is_punct(dt_tok(lx, j), ")"))
            return j + 1;
    }
    return i;
}

static bool dp_is_year_tok(const dtok *t)
{
    return t->kind == DT_NUM && t->ndig == 4 && t->num >= 1800 && t->num <= 2199;
}

static bool dp_hijri(const dtok *t)
{
    return dt_is(t, "ه") || dt_is(t, "هجري") || dt_is(t, "هجريه") || dt_is(t, "للهجره");
}

/* Year after a month: "2021", "، 2021", "من عام 2021", "2021م". A Hijri
 * year ("1442 هـ") makes the whole expression unusable: returns -2. */
static int dp_year(dtlex *lx, int i, int *year)
{
    int j = i;
    if (dt_is_punct(dt_tok(lx, j), ",،"))
        j++;
    if (dt_is(dt_tok(lx, j), "من"))
        j++;
    const dtok *t = dt_tok(lx, j);
    if (dt_is(t, "عام") || dt_is(t, "العام") || dt_is(t, "سنه") || dt_is(t, "السنه"))
        j++;
    t = dt_tok(lx, j);
    if (!dp_is_year_tok(t))
        return t->kind == DT_NUM && dp_hijri(dt_tok(lx, j + 1)) ? -2 : -1;
    *year = (int)t->num;
    j++;
    t = dt_tok(lx, j);
    if (dp_hijri(t))
        return -2;
    if (dt_is(t, "م") || dt_is(t, "ميلادي") || dt_is(t, "ميلاديه") || dt_is(t, "للميلاد"))
        j++;
    return j;
}

/* Optional leading weekday: "الأربعاء"، "يوم الأربعاء،"، "الأربعاء الموافق". */
static int dp_weekday(dtlex *lx, int i, int *wd)
{
    int j = i;
    if (dt_is(dt_tok(lx, j), "يوم"))
        j++;
    const dtok *t = dt_tok(lx, j);
    *wd = t->kind == DT_WORD ? time_weekday_name(t->norm, t->nlen) : -1;
    if (*wd < 0)
        return i;
    j++;
    if (dt_is_punct(dt_tok(lx, j), ",،-\xe2\x80\x93"))
        j++;
    if (dt_is(dt_tok(lx, j), "الموافق"))
        j++;
    return j;
}

static int dp_ampm(const dtok *t, int hour)
{
    if (dt_is(t, "م") || dt_is(t, "مساء") || dt_is(t, "مساءا") || dt_is(t, "pm"))
        return hour < 12 ? hour + 12 : hour;
    if (dt_is(t, "ص") || dt_is(t, "صباحا") || dt_is(t, "صباح") || dt_is(t, "am"))
        return hour == 12 ? 0 : hour;
    if (dt_is(t, "ظهرا"))
        return hour < 6 ? hour + 12 : hour;
    return -1;
}

/* Time of day after a full date: "07:50 ص", "| 07:23", "، الساعة 10:30",
 * "T07:50:00Z". Returns the next index or -1. */
static int dp_time(dtlex *lx, int i, int *hour, int *minute)
{
    int j = i;
    for (int skip = 0; skip < 3; skip++) {
        const dtok *t = dt_tok(lx, j);
        if (dt_is_punct(t, "|-,،\xe2\x80\x93\xe2\x80\x94") || dt_is(t, "الساعه") ||
            dt_is(t, "في") || dt_is(t, "t"))
            j++;
        else
            break;
    }
    const dtok *h = dt_tok(lx, j), *c = dt_tok(lx, j + 1), *m = dt_tok(lx, j + 2);
    if (h->kind != DT_NUM || h->ndig > 2 || h->num > 23 || !dt_is_punct(c, ":") ||
        c->space_before || m->kind != DT_NUM || m->ndig != 2 || m->num > 59 ||
        m->space_before)
        return -1;
    *hour = (int)h->num;
    *minute = (int)m->num;
    j += 3;
    if (dt_is_punct(dt_tok(lx, j), ":") && !dt_tok(lx, j)->space_before &&
        dt_tok(lx, j + 1)->kind == DT_NUM && dt_tok(lx, j + 1)->ndig == 2)
        j += 2; /* seconds */
    const dtok *z = dt_tok(lx, j);
    if (!z->space_before && (dt_is(z, "z") || dt_is(z, "gmt") || dt_is(z, "utc")))
        j++;
    int h24 = dp_ampm(dt_tok(lx, j), *hour);
    if (h24 >= 0) {
        *hour = h24;
        j++;
    }
    return j;
}

/* Numeric date with one separator used twice and no spaces: Y-M-D
 * ("2024.07.03", "2021-02-03") or D-M-Y ("03/02/2021", day first). */
static int dp_numeric(dtlex *lx, int i, int *y, int *m, int *d)
{
    const dtok *a = dt_tok(lx, i), *s1 = dt_tok(lx, i + 1), *b = dt_tok(lx, i + 2),
               *s2 = dt_tok(lx, i + 3), *c = dt_tok(lx, i + 4);
    if (a->kind != DT_NUM || b->kind != DT_NUM || c->kind != DT_NUM ||
        !dt_is_punct(s1, "./-") || s2->kind != DT_PUNCT || s2->cp != s1->cp ||
        s1->space_before || b->space_before || s2->space_before || c->space_before)
        return -1;
    if (b->ndig > 2)
        return -1;
    if (dp_is_year_tok(a) && c->ndig <= 2) {
        *y = (int)a->num, *m = (int)b->num, *d = (int)c->num;
    } else if (a->ndig <= 2 && dp_is_year_tok(c)) {
        *d = (int)a->num, *m = (int)b->num, *y = (int)c->num;
    } else {
        return -1;
    }
    /* "2024.07.03.5" or "1.2.2021.7" is some other number */
    const dtok *after = dt_tok(lx, i + 5);
    if (dt_is_punct(after, "./-") && !after->space_before &&
        dt_tok(lx, i + 6)->kind == DT_NUM && !dt_tok(lx, i + 6)->space_before)
        return -1;
    return i + 5;
}

static int dp_day(const dtok *t)
{
    return t->kind == DT_NUM && t->ndig <= 2 && t->num >= 1 && t->num <= 31 ? (int)t->num : 0;
}

/* A number directly followed by letters ("3ساعات") or more digits is not
 * a day or year on its own. */
static bool dp_boundary_ok(dtlex *lx, int next)
{
    const dtok *t = dt_tok(lx, next);
    return t->kind == DT_END || t->space_before || t->kind == DT_PUNCT;
}

typedef struct dp_result {
    int y, m, d, hour, minute;
    rasd_precision prec;
    int next;
} dp_result;

/* Day first: "3 فبراير 2021", "23 من كانون الثاني", "8 نيسان/أبريل". */
static bool dp_day_month(dtlex *lx, int i, dp_result *r)
{
    int day = dp_day(dt_tok(lx, i));
    if (!day)
        return false;
    int j = i + 1;
    if (dt_is(dt_tok(lx, j), "من"))
        j++;
    int month, year = 0;
    j = dt_month(lx, j, &month);
    if (j < 0)
        return false;
    int k = dp_year(lx, j, &year);
    if (k == -2)
        return false;
    if (k > 0 && dp_boundary_ok(lx, k))
        j = k;
    else
        year = 0;
    if (!time_valid_ymd(year, month, day))
        return false;
    *r = (dp_result){year, month, day, 0, 0, RASD_PREC_DAY, j};
    return true;
}

/* Month and year: "فبراير 2021", "شهر شباط/فبراير من عام 2021". */
static bool dp_month_year(dtlex *lx, int i, dp_result *r)
{
    int j = i, month, year;
    if (dt_is(dt_tok(lx, j), "شهر"))
        j++;
    j = dt_month(lx, j, &month);
    if (j < 0)
        return false;
    j = dp_year(lx, j, &year);
    if (j < 0 || !dp_boundary_ok(lx, j))
        return false;
    *r = (dp_result){year, month, 0, 0, 0, RASD_PREC_MONTH, j};
    return true;
}

/* A year named as such: "عام 2017", "العام 2018", "سنة 1948". */
static bool dp_year_only(dtlex *lx, int i, dp_result *r)
{
    const dtok *t = dt_tok(lx, i);
    if (!(dt_is(t, "عام") || dt_is(t, "العام") || dt_is(t, "سنه") || dt_is(t, "السنه")))
        return false;
    int year, j = dp_year(lx, i, &year);
    if (j < 0 || !dp_boundary_ok(lx, j))
        return false;
    *r = (dp_result){year, 0, 0, 0, 0, RASD_PREC_YEAR, j};
    return true;
}

static bool dp_parse(dtlex *lx, dp_result *r)
{
    int wd, i = dp_weekday(lx, 0, &wd);
    int y, m, d, j;
    if ((j = dp_numeric(lx, i, &y, &m, &d)) > 0) {
        if (!time_valid_ymd(y, m, d))
            return false;
        *r = (dp_result){y, m, d, 0, 0, RASD_PREC_DAY, j};
    } else if (!dp_day_month(lx, i, r)) {
        /* a weekday alone is a relative expression, not a date */
        if (i > 0 || !(dp_month_year(lx, i, r) || dp_year_only(lx, i, r)))
            return false;
        return true;
    }
    int hour, minute;
    if (r->y && (j = dp_time(lx, r->next, &hour, &minute)) > 0) {
        r->hour = hour;
        r->minute = minute;
        r->prec = RASD_PREC_MINUTE;
        r->next = j;
    }
    return true;
}

size_t time_parse_date(const char *s, size_t n, rasd_date *out)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!s || !n)
        return 0;
    dtlex lx;
    dt_init(&lx, s, n);
    dp_result r;
    if (dt_tok(&lx, 0)->start != 0 || !dp_parse(&lx, &r))
        return 0;
    size_t end = dt_tok(&lx, r.next - 1)->end;
    if (out) {
        out->year = r.y;
        out->month = r.m;
        out->day = r.d;
        out->hour = r.hour;
        out->minute = r.minute;
        out->precision = r.prec;
        out->origin = RASD_DATE_TEXT;
        out->start = 0;
        out->end = end;
    }
    return end;
}

/* ----------------------------------------------------------- public API */

rasd_status rasd_date_parse(const char *s, size_t len, rasd_date *out, size_t *consumed)
{
    if (!s || !out)
        return err_set(RASD_ERR_ARG, "rasd_date_parse: NULL argument");
    size_t n = time_parse_date(s, len, out);
    if (consumed)
        *consumed = n;
    if (!n)
        return err_set(RASD_ERR_NOTFOUND, "no date at the start of the text");
    return RASD_OK;
}

size_t rasd_date_format(const rasd_date *d, char *out, size_t cap)
{
    char tmp[48];
    int n = 0;
    if (d && d->year > 0 && d->year <= 9999) {
        switch (d->precision) {
        case RASD_PREC_YEAR: n = snprintf(tmp, sizeof tmp, "%04d", d->year); break;
        case RASD_PREC_MONTH:
            n = snprintf(tmp, sizeof tmp, "%04d-%02d", d->year, d->month);
            break;
        case RASD_PREC_DAY:
            n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d->year, d->month, d->day);
            break;
        case RASD_PREC_MINUTE:
            n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d", d->year, d->month,
                         d->day, d->hour, d->minute);
            break;
        default: break;
        }
    } else if (d && d->year == 0 && d->month >= 1 && d->month <= 12) {
        /* ISO 8601 truncated forms for an unknown year */
        if (d->precision == RASD_PREC_MONTH)
            n = snprintf(tmp, sizeof tmp, "--%02d", d->month);
        else if (d->precision >= RASD_PREC_DAY && d->day >= 1 && d->day <= 31)
            n = snprintf(tmp, sizeof tmp, "--%02d-%02d", d->month, d->day);
    }
    if (n < 0)
        n = 0;
    if (cap) {
        size_t k = (size_t)n < cap ? (size_t)n : cap - 1;
        memcpy(out, tmp, k);
        out[k] = '\0';
    }
    return (size_t)n;
}

const char *rasd_precision_str(rasd_precision p)
{
    switch (p) {
    case RASD_PREC_NONE: return "unknown";
    case RASD_PREC_YEAR: return "year";
    case RASD_PREC_MONTH: return "month";
    case RASD_PREC_DAY: return "day";
    case RASD_PREC_MINUTE: return "minute";
    }
    return "unknown";
}

const char *rasd_date_origin_str(rasd_date_origin o)
{
    switch (o) {
    case RASD_DATE_UNKNOWN: return "unknown";
    case RASD_DATE_METADATA: return "metadata";
    case RASD_DATE_TEXT: return "text";
    case RASD_DATE_SENTENCE: return "sentence";
    case RASD_DATE_RELATIVE: return "relative";
    case RASD_DATE_DOCUMENT: return "document";
    }
    return "unknown";
}
