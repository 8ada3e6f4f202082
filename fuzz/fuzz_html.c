/* fuzz_html.c - libFuzzer target for the HTML reader: arbitrary bytes as an
 * HTML page through libxml2's recovering parser and rasd's extraction; the
 * document, when there is one, must be valid UTF-8 text without NUL bytes
 * and its metadata must be consistent. Invariants that break trap. */
#include "ingest/ingest.h"
#include "text/text.h"
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct rasd_ctx ctx_mem; /* readers need only the configuration */
    static rasd_ctx *ctx;
    if (!ctx) {
        rasd_config_init(&ctx_mem.cfg);
        ctx = &ctx_mem;
    }
    rasd_reader *r = NULL;
    if (rasd_reader_open_mem(ctx, "fuzz.html", (const char *)data, size, RASD_FMT_HTML,
                             &r) != RASD_OK)
        return 0;
    rasd_doc *doc = NULL;
    rasd_status st = rasd_reader_next(r, &doc);
    if (st == RASD_OK) {
        size_t len;
        const char *t = rasd_doc_text(doc, &len);
        FZ_CHECK(t && len > 0 && strlen(t) == len);
        FZ_CHECK(t[len - 1] != '\n');
        rasd_date d = rasd_doc_date(doc);
        if (d.precision != RASD_PREC_NONE)
            FZ_CHECK(d.origin == RASD_DATE_METADATA && d.year > 0);
        if (d.precision >= RASD_PREC_DAY)
            FZ_CHECK(d.day >= 1 && d.day <= 31 && d.month >= 1 && d.month <= 12);
        rasd_doc_free(doc);
    } else {
        FZ_CHECK(doc == NULL);
    }
    FZ_CHECK(rasd_reader_next(r, &doc) == RASD_DONE);
    rasd_reader_free(r);
    return 0;
}
