/* fuzz_jsonl.c - libFuzzer target for the JSONL reader: arbitrary bytes as a
 * JSONL input (plain, or zstd-framed when they start with the magic), every
 * document read and freed; a small document limit exercises the over-long
 * line path. Invariants that break trap. */
#include "ingest/ingest.h"
#include <stdlib.h>
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Readers need only the configuration: a bare context (no models to load,
 * so the target does not depend on data files). */
static rasd_ctx *fz_ctx(size_t max)
{
    rasd_ctx *ctx = calloc(1, sizeof *ctx);
    FZ_CHECK(ctx);
    rasd_config_init(&ctx->cfg);
    if (max)
        ctx->cfg.max_doc_bytes = max;
    return ctx;
}

static void fz_read(const rasd_ctx *ctx, const char *s, size_t n)
{
    rasd_reader *r = NULL;
    if (rasd_reader_open_mem(ctx, "fuzz.jsonl", s, n, RASD_FMT_JSONL, &r) != RASD_OK)
        return;
    FZ_CHECK(rasd_reader_format(r) == RASD_FMT_JSONL);
    for (int guard = 0; guard < 1000000; guard++) {
        rasd_doc *doc = NULL;
        rasd_status st = rasd_reader_next(r, &doc);
        if (st == RASD_DONE) {
            FZ_CHECK(doc == NULL);
            break;
        }
        if (st == RASD_OK) {
            size_t len;
            FZ_CHECK(doc && rasd_doc_id(doc) && rasd_doc_text(doc, &len));
            FZ_CHECK(len <= n);
            rasd_doc_free(doc);
        } else {
            FZ_CHECK(doc == NULL && rasd_errmsg()[0]);
            if (st == RASD_ERR_IO)
                FZ_CHECK(rasd_reader_next(r, &doc) == RASD_DONE);
        }
    }
    rasd_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rasd_ctx *big, *small;
    if (!big) {
        big = fz_ctx(0); /* never freed: shared by every run */
        small = fz_ctx(64);
    }
    fz_read(big, (const char *)data, size);
    fz_read(small, (const char *)data, size);
    return 0;
}
