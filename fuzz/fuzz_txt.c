/* fuzz_txt.c - libFuzzer target for the plain-text reader and format
 * auto-detection: arbitrary bytes read as a text article and as "auto"
 * (sniffed as text, JSONL or HTML), then every document analysed. A
 * rejected document must come with a message; an analysed one must have
 * tokens and sentences inside its text, in order. Invariants that break
 * trap. */
#include "rasd.h"
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_check_doc(const rasd_doc *doc)
{
    size_t len, nt = rasd_doc_token_count(doc), ns = rasd_doc_sentence_count(doc);
    rasd_doc_text(doc, &len);
    const rasd_token *t = rasd_doc_tokens(doc);
    const rasd_sentence *s = rasd_doc_sentences(doc);
    for (size_t i = 0; i < nt; i++) {
        FZ_CHECK(t[i].start < t[i].end && t[i].end <= len);
        FZ_CHECK(i == 0 || t[i - 1].end <= t[i].start);
    }
    size_t next = 0;
    for (size_t i = 0; i < ns; i++) {
        FZ_CHECK(s[i].tok_begin == next && s[i].tok_end > s[i].tok_begin);
        FZ_CHECK(s[i].end <= len);
        next = s[i].tok_end;
    }
    FZ_CHECK(next == nt);
}

static void fz_read(const rasd_ctx *ctx, const uint8_t *data, size_t size, rasd_format fmt)
{
    rasd_reader *r = NULL;
    if (rasd_reader_open_mem(ctx, "fuzz.txt", (const char *)data, size, fmt, &r) != RASD_OK) {
        FZ_CHECK(rasd_errmsg()[0] != '\0');
        return;
    }
    for (int k = 0; k < 10000; k++) {
        rasd_doc *doc = NULL;
        rasd_status st = rasd_reader_next(r, &doc);
        if (st == RASD_DONE)
            break;
        if (st != RASD_OK) {
            FZ_CHECK(rasd_errmsg()[0] != '\0');
            if (st == RASD_ERR_IO)
                break;
            continue;
        }
        if (rasd_doc_analyze(ctx, doc) == RASD_OK)
            fz_check_doc(doc);
        else
            FZ_CHECK(rasd_errmsg()[0] != '\0');
        rasd_doc_free(doc);
    }
    rasd_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rasd_ctx *ctx;
    if (!ctx) {
        rasd_config cfg;
        rasd_config_init(&cfg);
        cfg.text_only = 1; /* reading and segmenting only */
        FZ_CHECK(rasd_ctx_new(&cfg, &ctx) == RASD_OK);
    }
    fz_read(ctx, data, size, RASD_FMT_TXT);
    fz_read(ctx, data, size, RASD_FMT_AUTO);
    return 0;
}
