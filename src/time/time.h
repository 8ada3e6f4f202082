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

/* Parse an absolute date starting exactly at s[0] (UTF-8, original text:
 * the parser normalises internally; invalid bytes never match; it never
 * reads past a line break). Recognised: "3 فبراير 2021", "3 من شباط/فبراير
 * 2021", "فبراير 2021", "عام 2017", "2024.07.03", "2024-07-03", "03/02/2021"
 * (day first), "٣ فبراير ٢٠٢١", "23 من كانون الثاني", optional leading
 * weekday ("الأربعاء 3 فبراير 2021") and trailing time ("07:50 ص") after a
 * full date. Impossible dates, two-digit and Hijri years, bare numbers and
 * times are not dates. On success fills *out (precision; year 0 when the
 * year is not given; origin RASD_DATE_TEXT; start/end relative to s) and
 * returns the bytes consumed; 0 if no date starts at s. */
size_t time_parse_date(const char *s, size_t n, rasd_date *out);

/* Resolve a date expression starting exactly at s[0] against the reference
 * date `ref` (normally the publication date; may be NULL or of lower
 * precision, then only what it allows resolves):
 *   - absolute dates as time_parse_date; a missing year is taken from ref
 *     (the year within six months of it);
 *   - "اليوم", "أمس", "أول أمس", "أمس الأول", "غدا", "بعد غد", each with an
 *     optional weekday ("أمس الأربعاء") -> day;
 *   - a weekday: bare = the latest on or before ref, "الثلاثاء الماضي" = the
 *     one before, "الخميس المقبل" = the one after -> day;
 *   - "الأسبوع/الشهر/العام الماضي|المقبل|الجاري" -> month (week: the month
 *     of that week) or year;
 *   - a month name with a direction, with or without a day: "نيسان المقبل",
 *     "8 من نيسان المقبل", "23 من كانون الثاني الماضي" -> month or day;
 *   - "قبل يومين", "منذ ثلاثة أيام", "بعد أسبوع", "قبل عامين" -> day, month
 *     or year;
 *   - a leading part-of qualifier ("منتصف", "مطلع", "أواخر", "نهاية",
 *     "خلال" ...) before a month or year expression keeps its precision:
 *     "منتصف عام 2017" -> 2017, "أواخر الشهر الماضي" -> that month.
 * On success fills *out (origin RASD_DATE_SENTENCE when the text gave the
 * full date, RASD_DATE_RELATIVE when ref supplied part of it; start/end
 * relative to s) and returns the bytes consumed; 0 if nothing resolves. */
size_t time_resolve(const char *s, size_t n, const rasd_date *ref, rasd_date *out);

/* Calendar arithmetic (proleptic Gregorian): days since 1970-01-01 and
 * back, and the weekday (0 = Sunday .. 6 = Saturday) of a date. */
long time_days_from_civil(int y, int m, int d);
void time_civil_from_days(long days, int *y, int *m, int *d);
int time_weekday(int y, int m, int d);

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
