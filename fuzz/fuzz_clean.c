/* fuzz_clean.c - libFuzzer target for page-furniture removal, dateline
 * detection and the date parsers: bytes -> UTF-8-repaired text -> document
 * -> ingest_clean + ingest_find_pubdate, and time_parse_date and
 * time_resolve (against a fixed reference) at every start offset of the
 * first 200 raw bytes. Invariants that break trap. */
#include "ingest/ingest.h"
#include "time/time.h"
#include <stdlib.h>
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_date_ok(const rasd_date *d, size_t limit)
{
    FZ_CHECK(d->start <= d->end && d->end <= limit);
    FZ_CHECK(d->precision >= RASD_PREC_YEAR && d->precision <= RASD_PREC_MINUTE);
    if (d->precision >= RASD_PREC_DAY)
        FZ_CHECK(time_valid_ymd(d->year, d->month, d->day));
    if (d->precision == RASD_PREC_MINUTE)
        FZ_CHECK(d->hour >= 0 && d->hour < 24 && d->minute >= 0 && d->minute < 60);
    char iso[48];
    FZ_CHECK(rasd_date_format(d, iso, sizeof iso) < sizeof iso);
}

static void fz_lines(const rasd_doc *doc)
{
    size_t prev = 0, titles = 0;
    for (size_t i = 0; i < doc->n_lines; i++) {
        const doc_line *l = &doc->lines[i];
        FZ_CHECK(l->start <= l->end && l->end <= doc->text_len && l->start >= prev);
        FZ_CHECK(l->end == doc->text_len || doc->text[l->end] == '\n' ||
                 doc->text[l->end] == '\r');
        titles += l->is_title;
        FZ_CHECK(!(l->is_title && l->drop));
        prev = l->end;
    }
    FZ_CHECK(titles <= 1);
    FZ_CHECK(doc->text_len == 0 || doc->n_lines > 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *raw = (const char *)data;
    static const rasd_date ref = {.year = 2021, .month = 2, .day = 3,
                                  .precision = RASD_PREC_DAY};
    for (size_t i = 0; i < size && i < 200; i++) {
        rasd_date d;
        size_t n = time_parse_date(raw + i, size - i, &d);
        FZ_CHECK(n <= size - i);
        if (n)
            fz_date_ok(&d, size - i);
        n = time_resolve(raw + i, size - i, &ref, &d);
        FZ_CHECK(n <= size - i);
        if (n) {
            fz_date_ok(&d, size - i);
            FZ_CHECK(d.origin == RASD_DATE_RELATIVE || d.origin == RASD_DATE_SENTENCE);
        }
    }
    char *text;
    size_t len;
    if (rasd_utf8_repair(raw, size, &text, &len, NULL) != RASD_OK)
        return 0;
    rasd_doc *doc = NULL;
    if (doc_create("fuzz.txt", "fuzz", text, len, &doc) == RASD_OK) {
        FZ_CHECK(ingest_clean(doc, size > 0 && data[0] & 1) == RASD_OK);
        fz_lines(doc);
        rasd_date d;
        if (ingest_find_pubdate(doc, &d)) {
            fz_date_ok(&d, doc->text_len);
            FZ_CHECK(d.year > 0 && d.precision >= RASD_PREC_DAY);
        }
        rasd_doc_free(doc);
    }
    rasd_free(text);
    return 0;
}
