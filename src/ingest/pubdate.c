/* pubdate.c - publication dates: ISO 8601 metadata, and datelines found in
 * the text itself ("الأربعاء 3 فبراير 2021 07:50 ص", "2024.07.03 | 07:23
 * دمشق"). A dateline is a short line near the top that is mostly a date; a
 * date inside a sentence of the story is never taken for the publication
 * date. */
#include "ingest_int.h"
#include "time/time.h"
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ ISO 8601 */

/* Exactly `n` ASCII digits at *p, advancing it. */
static bool iso_num(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *p += n;
    *out = v;
    return true;
}

/* "Z", "+03:00", "-0500", "+03" or nothing; then the end of the string. */
static bool iso_zone_end(const char *p)
{
    int h, m;
    if (*p == 'Z' || *p == 'z')
        p++;
    else if (*p == '+' || *p == '-') {
        p++;
        if (!iso_num(&p, 2, &h) || h > 23)
            return false;
        if (*p == ':')
            p++;
        if (*p >= '0' && *p <= '9' && (!iso_num(&p, 2, &m) || m > 59))
            return false;
    }
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return *p == '\0';
}

/* "Thh:mm[:ss][.fff]" (or with a space for the T). */
static bool iso_time(const char **pp, int *hour, int *minute)
{
    const char *p = *pp;
    int s;
    if (!iso_num(&p, 2, hour) || *p++ != ':' || !iso_num(&p, 2, minute) || *hour > 24 ||
        *minute > 59 || (*hour == 24 && *minute))
        return false;
    if (*p == ':') {
        p++;
        if (!iso_num(&p, 2, &s) || s > 60)
            return false;
        if (*p == '.' || *p == ',') {
            p++;
            if (*p < '0' || *p > '9')
                return false;
            while (*p >= '0' && *p <= '9')
                p++;
        }
    }
    *pp = p;
    return true;
}

bool ingest_parse_iso(const char *s, rasd_date *out)
{
    if (!s || !out)
        return false;
    memset(out, 0, sizeof *out);
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    int y, m = 0, d = 0, hh = 0, mm = 0;
    rasd_precision prec = RASD_PREC_YEAR;
    if (!iso_num(&p, 4, &y) || y < 1)
        return false;
    if (*p == '-') {
        p++;
        if (!iso_num(&p, 2, &m) || m < 1 || m > 12)
            return false;
        prec = RASD_PREC_MONTH;
        if (*p == '-') {
            p++;
            if (!iso_num(&p, 2, &d) || !time_valid_ymd(y, m, d))
                return false;
            prec = RASD_PREC_DAY;
            if ((*p == 'T' || *p == 't' || *p == ' ') && p[1] >= '0' && p[1] <= '9') {
                p++;
                if (!iso_time(&p, &hh, &mm))
                    return false;
                prec = RASD_PREC_MINUTE;
            }
        }
    }
    if (!iso_zone_end(p))
        return false;
    if (hh == 24) /* 24:00 is midnight at the end of the day: keep the day */
        hh = 23, mm = 59;
    *out = (rasd_date){.year = y, .month = m, .day = d, .hour = hh, .minute = mm,
                       .precision = prec, .origin = RASD_DATE_METADATA};
    return true;
}

/* ---------------------------------------------------------- datelines */

#define PD_TOP_LINES 8    /* datelines sit among the first lines */
#define PD_MAX_LINE 160   /* bytes: a dateline is short */
#define PD_MAX_EXTRA 3    /* words besides the date: a city, "ص", a label */

/* Words that may precede a date on a dateline ("نشر في", "آخر تحديث:"),
 * folded as time_fold folds. */
static const char *const pd_labels[] = {
    "نشر", "نشرت", "نشر:", "تاريخ", "النشر", "اخر", "تحديث", "محدث", "تم", "التحديث",
    "بتاريخ", "في", "published", "updated", "date", NULL};

typedef struct pd_word {
    size_t start, end;
} pd_word;

static bool pd_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Split line [s, e) into words at white space (ASCII and NBSP). */
static size_t pd_words(const char *t, size_t s, size_t e, pd_word *w, size_t cap)
{
    size_t n = 0, i = s;
    for (;;) {
        while (i < e && (pd_space((unsigned char)t[i]) ||
                         (i + 1 < e && !memcmp(t + i, "\xC2\xA0", 2))))
            i += t[i] == ' ' || t[i] == '\t' || t[i] == '\r' ? 1 : 2;
        if (i >= e || n == cap)
            return n;
        w[n].start = i;
        while (i < e && !pd_space((unsigned char)t[i]) &&
               !(i + 1 < e && !memcmp(t + i, "\xC2\xA0", 2)))
            i++;
        w[n++].end = i;
    }
}

/* A word with no letter or digit ("|", "-", ":") separates, nothing more. */
static bool pd_is_punct_word(const char *t, pd_word w)
{
    for (size_t i = w.start; i < w.end; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
            (c >= 'a' && c <= 'z'))
            return false;
    }
    return true;
}

static bool pd_is_label(const char *t, pd_word w)
{
    size_t n = w.end - w.start;
    while (n && t[w.start + n - 1] == ':')
        n--;
    char f[64];
    size_t fl = time_fold(t + w.start, n, f, sizeof f);
    for (const char *const *l = pd_labels; fl && *l; l++)
        if (!strcmp(f, *l))
            return true;
    return false;
}

/* Does word w end with a separator ("القاهرة،", "دمشق-")? */
static bool pd_ends_sep(const char *t, pd_word w)
{
    size_t n = w.end - w.start;
    const char *p = t + w.start;
    return (n >= 1 && (p[n - 1] == ',' || p[n - 1] == '-' || p[n - 1] == '|' ||
                       p[n - 1] == ':')) ||
           (n >= 2 && !memcmp(p + n - 2, "\xD8\x8C", 2)); /* Arabic comma */
}

/* A time of day standing before the date ("07:50 ص الأربعاء 3 فبراير
 * 2021"): "hh:mm", then optionally a morning/evening word. Returns the
 * number of words it takes (0: none) and sets *hour, *minute. */
static size_t pd_time_words(const char *t, const pd_word *w, size_t n, int *hour,
                            int *minute)
{
    char f[32];
    size_t fl = time_fold(t + w[0].start, w[0].end - w[0].start, f, sizeof f);
    while (fl && (f[fl - 1] == '|' || f[fl - 1] == ',' || f[fl - 1] == '-'))
        f[--fl] = '\0';
    int h, m, k;
    if (sscanf(f, "%2d:%2d%n", &h, &m, &k) != 2 || (size_t)k != fl || f[fl - 3] != ':' ||
        h < 0 || h > 23 || m < 0 || m > 59)
        return 0;
    size_t used = 1;
    if (n > 1) {
        fl = time_fold(t + w[1].start, w[1].end - w[1].start, f, sizeof f);
        bool pm = !strcmp(f, "م") || !strcmp(f, "مساء") || !strcmp(f, "مساءا");
        bool am = !strcmp(f, "ص") || !strcmp(f, "صباحا");
        if (pm && h < 12)
            h += 12;
        if (am && h == 12)
            h = 0;
        used += am || pm;
    }
    *hour = h;
    *minute = m;
    return used;
}

/* The date found at word i: accepted if it is set off (sep) and leaves few
 * words besides; a time seen before it (hour >= 0) completes it. */
static bool pd_accept(const char *t, const pd_word *w, size_t n, size_t i, rasd_date *d,
                      size_t used, size_t place, bool sep, int hour, int minute,
                      size_t tstart, rasd_date *out)
{
    size_t end = w[i].start + used, extra = place;
    for (size_t j = i; j < n; j++)
        extra += w[j].start >= end && !pd_is_punct_word(t, w[j]);
    if (!sep || extra > PD_MAX_EXTRA)
        return false;
    d->start = w[i].start;
    if (hour >= 0 && d->precision == RASD_PREC_DAY) {
        d->hour = hour;
        d->minute = minute;
        d->precision = RASD_PREC_MINUTE;
        d->start = tstart;
    }
    d->end = end;
    d->origin = RASD_DATE_TEXT;
    *out = *d;
    return true;
}

/* Four digits in a row (ASCII, Arabic-Indic or Persian, as the date lexer
 * reads them): no full date has a year without them, so a line without
 * them is no dateline. */
static bool pd_year_digits(const char *t, size_t s, size_t e)
{
    const unsigned char *u = (const unsigned char *)t;
    int run = 0;
    for (size_t i = s; i < e; i++) {
        unsigned c = u[i];
        if (c - '0' < 10u) {
            run++;
        } else if (i + 1 < e && ((c == 0xD9 && u[i + 1] - 0xA0u < 10u) ||
                                 (c == 0xDB && u[i + 1] - 0xB0u < 10u))) {
            run++;
            i++;
        } else {
            run = 0;
        }
        if (run >= 4)
            return true;
    }
    return false;
}

/* Is line [s, e) a dateline? Then *out holds its date. Before the date
 * only label words, punctuation, a time, or a place name of one or two
 * words set off by a separator ("القاهرة - ..."); after it a few words at
 * most (a city, "ص"); a full date with its year. */
bool ingest_dateline(const char *t, size_t s, size_t e, rasd_date *out)
{
    if (e - s > PD_MAX_LINE || t[e - 1] == '.' || !pd_year_digits(t, s, e))
        return false;
    pd_word w[24];
    size_t n = pd_words(t, s, e, w, 24), place = 0, tstart = 0;
    bool sep = true;
    int hour = -1, minute = 0;
    if (n == 0 || n >= 24)
        return false;
    for (size_t i = 0; i < n; i++) {
        rasd_date d;
        size_t used = time_parse_date(t + w[i].start, e - w[i].start, &d), k;
        if (used && d.year && d.precision >= RASD_PREC_DAY)
            return pd_accept(t, w, n, i, &d, used, place, sep, hour, minute, tstart, out);
        if (hour < 0 && (k = pd_time_words(t, w + i, n - i, &hour, &minute))) {
            tstart = w[i].start;
            i += k - 1;
        } else if (pd_is_punct_word(t, w[i])) {
            sep = true;
        } else if (!pd_is_label(t, w[i])) {
            if (++place > 2)
                return false;
            sep = pd_ends_sep(t, w[i]);
        }
    }
    return false;
}

/* A line of running text: long, or ending like a sentence. */
static bool pd_paragraph(const char *t, size_t s, size_t e)
{
    return e - s > 2 * PD_MAX_LINE || t[e - 1] == '.' || !memcmp(t + e - 2, "\xD8\x8C", 2);
}

/* The dateline sits in the page head: among the first lines, and before the
 * second paragraph (a standfirst may precede it; a chronology inside the
 * story has its own dated subheadings). */
bool ingest_find_pubdate(const rasd_doc *doc, rasd_date *out)
{
    if (!doc || !out || !doc->text)
        return false;
    const char *t = doc->text;
    size_t seen = 0, pos = 0, paragraphs = 0;
    while (pos < doc->text_len && seen < PD_TOP_LINES && paragraphs < 2) {
        const char *nl = memchr(t + pos, '\n', doc->text_len - pos);
        size_t e = nl ? (size_t)(nl - t) : doc->text_len;
        size_t s = pos;
        pos = e + 1;
        while (s < e && pd_space((unsigned char)t[s]))
            s++;
        while (e > s && pd_space((unsigned char)t[e - 1]))
            e--;
        if (s >= e)
            continue;
        seen++;
        if (ingest_dateline(t, s, e, out))
            return true;
        paragraphs += e - s >= 2 && pd_paragraph(t, s, e);
    }
    return false;
}
