/* relative.c - dates relative to a reference date (usually the publication
 * date): "أمس الأربعاء", "الثلاثاء الماضي", "الشهر المقبل", "8 من نيسان
 * المقبل", "منتصف عام 2017", "قبل ثلاثة أيام". Arithmetic is on day numbers
 * of the proleptic Gregorian calendar. */
#include "time_int.h"
#include <string.h>

/* ------------------------------------------------------------ calendar */

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
long time_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void time_civil_from_days(long z, int *y, int *m, int *d)
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

int time_weekday(int y, int m, int d)
{
    long z = time_days_from_civil(y, m, d);
    return (int)((z % 7 + 11) % 7); /* 1970-01-01 was a Thursday (4) */
}

/* ------------------------------------------------------------- lexicon */

enum { RL_PAST = -1, RL_NOW = 0, RL_NEXT = 1, RL_NONE = 2 };

/* "الماضي", "المقبل", "الجاري" and their feminine forms. */
static int rl_direction(const dtok *t)
{
    static const char *const past[] = {"الماضي", "الماضيه", "المنصرم", "المنصرمه",
                                       "الفائت", "الفائته", "السابق", "السابقه", NULL};
    static const char *const next[] = {"المقبل", "المقبله", "القادم", "القادمه", NULL};
    static const char *const now[] = {"الجاري", "الجاريه", "الحالي", "الحاليه", "هذا",
                                      NULL};
    for (int i = 0; past[i]; i++)
        if (dt_is(t, past[i]))
            return RL_PAST;
    for (int i = 0; next[i]; i++)
        if (dt_is(t, next[i]))
            return RL_NEXT;
    for (int i = 0; now[i]; i++)
        if (dt_is(t, now[i]))
            return RL_NOW;
    return RL_NONE;
}

/* "منتصف", "مطلع", "أواخر" ...: a part of a month or year. The date keeps
 * the precision of what it qualifies. */
static bool rl_qualifier(const dtok *t)
{
    static const char *const q[] = {"منتصف", "اواسط", "مطلع", "اوائل", "بدايه", "بدايات",
                                    "اول", "اواخر", "نهايه", "اخر", "اواخر", "اخير",
                                    "خلال", "طوال", NULL};
    for (int i = 0; q[i]; i++)
        if (dt_is(t, q[i]))
            return true;
    return false;
}

typedef struct rl_ctx {
    dtlex lx;
    const rasd_date *ref;
    long ref_days;      /* valid when ref has day precision */
} rl_ctx;

static bool rl_ref_at(const rl_ctx *c, rasd_precision p)
{
    return c->ref && c->ref->year > 0 && c->ref->precision >= p;
}

static void rl_set_days(rasd_date *out, long z)
{
    time_civil_from_days(z, &out->year, &out->month, &out->day);
    out->precision = RASD_PREC_DAY;
}

/* ------------------------------------------------------------- rules */

/* "اليوم", "أمس", "أمس الأول", "غدا", "بعد غد", optionally followed by the
 * weekday ("أمس الأربعاء"). */
static int rl_day_word(rl_ctx *c, int i, rasd_date *out)
{
    const dtok *t = dt_tok(&c->lx, i);
    int delta;
    int j = i + 1;
    if (dt_is(t, "اليوم"))
        delta = 0;
    else if (dt_is(t, "امس") || dt_is(t, "البارحه"))
        delta = -1;
    else if (dt_is(t, "غدا") || dt_is(t, "غد"))
        delta = 1;
    else if (dt_is(t, "بعد") && dt_is(dt_tok(&c->lx, i + 1), "غد"))
        delta = 2, j = i + 2;
    else
        return -1;
    if (delta == -1 && dt_is(dt_tok(&c->lx, j), "الاول"))
        delta = -2, j++;
    if (!rl_ref_at(c, RASD_PREC_DAY))
        return -1;
    const dtok *w = dt_tok(&c->lx, j);
    if (w->kind == DT_WORD && time_weekday_name(w->norm, w->nlen) >= 0)
        j++;
    rl_set_days(out, c->ref_days + delta);
    return j;
}

/* "الثلاثاء الماضي", "يوم الخميس المقبل", "الجمعة": the nearest such day
 * before (or after) the reference; a bare weekday is the latest one on or
 * before it (news reports what has happened). */
static int rl_weekday(rl_ctx *c, int i, rasd_date *out)
{
    int j = i;
    if (dt_is(dt_tok(&c->lx, j), "يوم"))
        j++;
    const dtok *t = dt_tok(&c->lx, j);
    int wd = t->kind == DT_WORD ? time_weekday_name(t->norm, t->nlen) : -1;
    if (wd < 0 || !rl_ref_at(c, RASD_PREC_DAY))
        return -1;
    j++;
    int dir = rl_direction(dt_tok(&c->lx, j));
    if (dir == RL_PAST || dir == RL_NEXT)
        j++;
    int ref_wd = (int)((c->ref_days % 7 + 11) % 7);
    long back = (ref_wd - wd + 7) % 7, fwd = (wd - ref_wd + 7) % 7;
    long z = c->ref_days;
    if (dir == RL_NEXT)
        z += fwd ? fwd : 7;
    else if (dir == RL_PAST)
        z -= back ? back : 7;
    else
        z -= back;
    rl_set_days(out, z);
    return j;
}

/* "الأسبوع|الشهر|العام|السنة" + direction. */
static int rl_period(rl_ctx *c, int i, rasd_date *out)
{
    const dtok *t = dt_tok(&c->lx, i);
    int kind = dt_is(t, "الاسبوع") ? 0 : dt_is(t, "الشهر") ? 1
               : (dt_is(t, "العام") || dt_is(t, "السنه")) ? 2 : -1;
    if (kind < 0)
        return -1;
    int dir = rl_direction(dt_tok(&c->lx, i + 1));
    if (dir == RL_NONE)
        return -1;
    if (kind == 0) { /* no week precision: the month of that week */
        if (!rl_ref_at(c, RASD_PREC_DAY))
            return -1;
        rl_set_days(out, c->ref_days + 7 * dir);
        out->day = 0;
        out->precision = RASD_PREC_MONTH;
    } else if (kind == 1) {
        if (!rl_ref_at(c, RASD_PREC_MONTH))
            return -1;
        int m0 = c->ref->year * 12 + c->ref->month - 1 + dir;
        out->year = m0 / 12;
        out->month = m0 % 12 + 1;
        out->precision = RASD_PREC_MONTH;
    } else {
        if (!rl_ref_at(c, RASD_PREC_YEAR))
            return -1;
        out->year = c->ref->year + dir;
        out->precision = RASD_PREC_YEAR;
    }
    return i + 2;
}

/* The year for a month (and day) given without one: after "الماضي" the
 * latest such month before the reference, after "المقبل" the next one
 * after it, after "الجاري" the reference year; with no word the one within
 * six months of the reference. */
static int rl_year_for(const rl_ctx *c, int month, int dir)
{
    int ry = c->ref->year, rm = c->ref->month;
    switch (dir) {
    case RL_PAST: return month < rm ? ry : ry - 1;
    case RL_NEXT: return month > rm ? ry : ry + 1;
    case RL_NOW: return ry;
    default:
        if (month - rm > 6)
            return ry - 1;
        if (rm - month > 6)
            return ry + 1;
        return ry;
    }
}

/* An absolute date from the parser, completed with the reference year when
 * it has none: "8 من نيسان المقبل", "26 آب الجاري", "3 فبراير". */
static int rl_absolute(rl_ctx *c, rasd_date *out)
{
    size_t used = time_parse_date(c->lx.s, c->lx.n, out);
    if (!used)
        return -1;
    int j = 0;
    while (dt_tok(&c->lx, j)->kind != DT_END && dt_tok(&c->lx, j)->end <= used)
        j++;
    if (out->year) {
        out->origin = RASD_DATE_SENTENCE;
        return j;
    }
    if (!rl_ref_at(c, RASD_PREC_MONTH))
        return -1;
    int dir = rl_direction(dt_tok(&c->lx, j));
    if (dir != RL_NONE)
        j++;
    out->year = rl_year_for(c, out->month, dir);
    if (!time_valid_ymd(out->year, out->month, out->day ? out->day : 1))
        return -1; /* 29 February of a year that has none */
    return j;
}

/* A month name with a direction and no day: "نيسان المقبل", also with the
 * other calendar's name after a slash ("نوفمبر/تشرين الثاني الماضي"). */
static int rl_month_dir(rl_ctx *c, int i, rasd_date *out)
{
    int j = i, month;
    if (dt_is(dt_tok(&c->lx, j), "شهر"))
        j++;
    int k = dt_month(&c->lx, j, &month);
    if (k < 0)
        return -1;
    int dir = rl_direction(dt_tok(&c->lx, k));
    if (dir == RL_NONE || !rl_ref_at(c, RASD_PREC_MONTH))
        return -1;
    out->year = rl_year_for(c, month, dir);
    out->month = month;
    out->precision = RASD_PREC_MONTH;
    return k + 1;
}

/* Small counts: "يومين", "ثلاثة أيام", "3 أشهر", "عامين". */
static int rl_count_word(const dtok *t)
{
    static const char *const words[] = {"", "واحد", "", "ثلاثه", "اربعه", "خمسه", "سته",
                                        "سبعه", "ثمانيه", "تسعه", "عشره", NULL};
    static const char *const fem[] = {"", "", "", "ثلاث", "اربع", "خمس", "ست", "سبع",
                                      "ثماني", "تسع", "عشر", NULL};
    if (t->kind == DT_NUM)
        return t->ndig <= 3 ? (int)t->num : 0;
    for (int i = 1; words[i]; i++)
        if ((words[i][0] && dt_is(t, words[i])) || (fem[i][0] && dt_is(t, fem[i])))
            return i;
    return 0;
}

/* "قبل يومين", "منذ ثلاثة أيام", "بعد أسبوع", "قبل عامين". */
static int rl_offset(rl_ctx *c, int i, rasd_date *out)
{
    const dtok *t = dt_tok(&c->lx, i);
    int sign = dt_is(t, "قبل") || dt_is(t, "منذ") ? -1 : dt_is(t, "بعد") ? 1 : 0;
    if (!sign || !rl_ref_at(c, RASD_PREC_DAY))
        return -1;
    int j = i + 1, n = rl_count_word(dt_tok(&c->lx, j));
    if (n)
        j++;
    const dtok *u = dt_tok(&c->lx, j), *after = dt_tok(&c->lx, j + 1);
    /* "منذ عام 2011", "بعد شهر رمضان", "قبل يوم الجمعة" name a time */
    if (!n && (after->kind == DT_NUM ||
               (after->kind == DT_WORD && (dt_is(u, "شهر") || dt_is(u, "يوم")))))
        return -1;
    long days;
    rasd_precision p;
    if (dt_is(u, "يوم") || dt_is(u, "ايام"))
        days = n ? n : 1, p = RASD_PREC_DAY;
    else if (dt_is(u, "يومين"))
        days = 2, p = RASD_PREC_DAY;
    else if (dt_is(u, "اسبوع") || dt_is(u, "اسابيع"))
        days = 7L * (n ? n : 1), p = RASD_PREC_MONTH;
    else if (dt_is(u, "اسبوعين"))
        days = 14, p = RASD_PREC_MONTH;
    else if (dt_is(u, "شهر") || dt_is(u, "اشهر") || dt_is(u, "شهور"))
        days = 30L * (n ? n : 1), p = RASD_PREC_MONTH;
    else if (dt_is(u, "شهرين"))
        days = 61, p = RASD_PREC_MONTH;
    else if (dt_is(u, "عام") || dt_is(u, "اعوام") || dt_is(u, "سنه") || dt_is(u, "سنوات"))
        days = 365L * (n ? n : 1), p = RASD_PREC_YEAR;
    else if (dt_is(u, "عامين") || dt_is(u, "سنتين"))
        days = 730, p = RASD_PREC_YEAR;
    else
        return -1;
    if (days > 365L * 200)
        return -1;
    rl_set_days(out, c->ref_days + sign * days);
    if (p <= RASD_PREC_MONTH)
        out->day = 0;
    if (p == RASD_PREC_YEAR)
        out->month = 0;
    out->precision = p;
    return j + 1;
}

/* ------------------------------------------------------------- driver */

static int rl_parse(rl_ctx *c, rasd_date *out)
{
    int i = 0, j;
    if (dt_is(dt_tok(&c->lx, 0), "اول") && dt_is(dt_tok(&c->lx, 1), "امس") &&
        rl_ref_at(c, RASD_PREC_DAY)) { /* "أول أمس": the day before yesterday */
        const dtok *w = dt_tok(&c->lx, 2);
        rl_set_days(out, c->ref_days - 2);
        return w->kind == DT_WORD && time_weekday_name(w->norm, w->nlen) >= 0 ? 3 : 2;
    }
    if (rl_qualifier(dt_tok(&c->lx, 0))) {
        i = 1;
        if (dt_is(dt_tok(&c->lx, 1), "من")) /* "أواخر من العام" is rare */
            return -1;
    }
    if ((j = rl_day_word(c, i, out)) > 0 || (j = rl_period(c, i, out)) > 0 ||
        (j = rl_month_dir(c, i, out)) > 0)
        return j;
    if (i == 0 && ((j = rl_weekday(c, i, out)) > 0 || (j = rl_offset(c, i, out)) > 0))
        return j;
    if (i == 1) { /* "منتصف عام 2017", "مطلع آذار 2019" */
        size_t skip = dt_tok(&c->lx, 1)->start;
        rl_ctx sub = *c;
        dt_init(&sub.lx, c->lx.s + skip, c->lx.n - skip);
        if ((j = rl_absolute(&sub, out)) < 0 || out->precision > RASD_PREC_MONTH)
            return -1;
        size_t end = dt_tok(&sub.lx, j - 1)->end + skip;
        j = 0;
        while (dt_tok(&c->lx, j)->kind != DT_END && dt_tok(&c->lx, j)->end <= end)
            j++;
        return j;
    }
    return rl_absolute(c, out);
}

size_t time_resolve(const char *s, size_t n, const rasd_date *ref, rasd_date *out)
{
    rasd_date tmp;
    if (!out)
        out = &tmp;
    memset(out, 0, sizeof *out);
    if (!s || !n)
        return 0;
    rl_ctx c = {.ref = ref};
    dt_init(&c.lx, s, n);
    if (dt_tok(&c.lx, 0)->start != 0)
        return 0;
    if (rl_ref_at(&c, RASD_PREC_DAY))
        c.ref_days = time_days_from_civil(ref->year, ref->month, ref->day);
    int j = rl_parse(&c, out);
    if (j <= 0 || out->year <= 0 || out->year > 9999) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    if (out->origin != RASD_DATE_SENTENCE)
        out->origin = RASD_DATE_RELATIVE;
    out->start = 0;
    out->end = dt_tok(&c.lx, j - 1)->end;
    return out->end;
}
