/* store_date.c - ISO dates at their precision as spans of day numbers, so
 * that "2024-03" and "2024-03-14" can be compared by containment. */
#include "store_int.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, no time zones involved. */
int64_t store_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void store_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void store_day_str(int64_t day, char out[16])
{
    int y, m, d;
    store_civil_from_days(day, &y, &m, &d);
    snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

const char *store_prec_str(int prec)
{
    static const char *const names[] = {"unknown", "year", "month", "day"};
    return prec >= 0 && prec <= 3 ? names[prec] : "unknown";
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

/* Read exactly n digits. */
static bool read_num(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return false;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return true;
}

/* Parse the date part; *rest points after it. */
static bool span_parse(const char *s, store_span *out, const char **rest)
{
    memset(out, 0, sizeof *out);
    *rest = s;
    if (!s || !*s || (s[0] == '-' && s[1] == '-')) { /* unknown or no year */
        *rest = s ? s + strlen(s) : "";
        return true;
    }
    int y, m = 0, d = 0;
    const char *p = s;
    if (!read_num(&p, 4, &y) || y < 1)
        return false;
    if (*p == '-') {
        p++;
        if (!read_num(&p, 2, &m) || m < 1 || m > 12)
            return false;
        if (*p == '-') {
            p++;
            if (!read_num(&p, 2, &d) || d < 1 || d > days_in_month(y, m))
                return false;
        }
    }
    out->prec = d ? PREC_DAY : m ? PREC_MONTH : PREC_YEAR;
    out->lo = store_days_from_civil(y, m ? m : 1, d ? d : 1);
    out->hi = d ? out->lo
                : m ? store_days_from_civil(y, m, days_in_month(y, m))
                    : store_days_from_civil(y, 12, 31);
    *rest = p;
    return true;
}

bool store_span_parse(const char *s, store_span *out)
{
    const char *rest;
    if (!span_parse(s, out, &rest))
        return false;
    /* a time may follow a full date; nothing may follow a partial one */
    return *rest == '\0' || (out->prec == PREC_DAY && (*rest == 'T' || *rest == ' '));
}

bool store_span_parse_strict(const char *s, store_span *out)
{
    const char *rest;
    if (!s || !*s || !span_parse(s, out, &rest))
        return false;
    return *rest == '\0' && out->prec != PREC_UNKNOWN;
}

bool store_spans_compatible(const store_span *a, const store_span *b)
{
    if (a->prec == PREC_UNKNOWN || b->prec == PREC_UNKNOWN)
        return false; /* the caller applies the same-document rule */
    return (a->lo <= b->lo && b->hi <= a->hi) || (b->lo <= a->lo && a->hi <= b->hi);
}
