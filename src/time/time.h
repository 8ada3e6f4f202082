/* time.h - calendar expressions in Arabic news text: month names (Levantine
 * كانون الثاني..., Egyptian/Gulf يناير..., Hijri names are not converted),
 * weekdays, numeric dates. Shared by publication-date detection (ingest) and
 * event dating (events). */
#ifndef RASD_TIME_H
#define RASD_TIME_H

#include "../util/util.h"

/* Month number (1-12) for a normalised month name token ("فبراير", "شباط",
 * "كانون" needs the following word: see time_parse_date), 0 if none. */
int time_month_name(const char *norm, size_t n);

/* Weekday (0 = Sunday .. 6 = Saturday) for a normalised weekday name
 * ("الأربعاء", "الاربعاء", "الثلاثاء", ...), -1 if none. */
int time_weekday_name(const char *norm, size_t n);

/* Parse an absolute date starting exactly at s[0] (valid UTF-8, original
 * text: the parser normalises internally). Recognised: "3 فبراير 2021",
 * "3 من شباط/فبراير 2021", "فبراير 2021", "2024.07.03", "2024-07-03",
 * "03/02/2021" (day first), "٣ فبراير ٢٠٢١", "23 من كانون الثاني", optional
 * leading weekday ("الأربعاء 3 فبراير 2021") and trailing time ("07:50 ص").
 * On success fills *out (precision, year 0 when the year is not given,
 * start/end relative to s) and returns the bytes consumed; 0 if no date. */
size_t time_parse_date(const char *s, size_t n, rasd_date *out);

/* Fold s[0..n) the way date words are compared (and the way ingest
 * compares its furniture lexicons): drop tashkeel, tatweel and invisible
 * controls; أ إ آ ٱ -> ا, ى -> ي, ة -> ه, Persian letter forms -> Arabic,
 * any digits -> ASCII, Latin lower case. Writes at most `cap` bytes
 * including the NUL (never splitting a character); returns the length. */
size_t time_fold(const char *s, size_t n, char *out, size_t cap);

/* Days in month, and validity of a y-m-d (year 0 = unknown year: any). */
int time_days_in_month(int year, int month);
bool time_valid_ymd(int y, int m, int d);

#endif
