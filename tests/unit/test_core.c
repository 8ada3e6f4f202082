/* test_core.c - util (buf, JSON, arena), model files, the document API. */
#include "check.h"
#include "core/doc.h"
#include "util/mfile.h"
#include <stdlib.h>
#include <unistd.h>

static void test_json_escape(void)
{
    buf b;
    buf_init(&b);
    json_str(&b, "a\"b\\c\n\t\x01 قال", strlen("a\"b\\c\n\t\x01 قال"));
    CHECK_EQ_STR(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001 قال\"");
    buf_reset(&b);
    json_cstr(&b, NULL);
    CHECK_EQ_STR(b.data, "null");
    buf_free(&b);
}

static void test_buf_grow(void)
{
    buf b;
    buf_init(&b);
    for (int i = 0; i < 10000; i++)
        buf_printf(&b, "%d,", i);
    CHECK(!b.oom);
    CHECK(b.len > 40000);
    CHECK(!strncmp(b.data, "0,1,2,", 6));
    size_t len;
    char *p = buf_take(&b, &len);
    CHECK(p != NULL && strlen(p) == len);
    CHECK(b.data == NULL && b.len == 0);
    free(p);
}

/* Regression: taking an empty buffer must give an empty string. */
static void test_buf_take_empty(void)
{
    buf b;
    buf_init(&b);
    size_t len = 99;
    char *p = buf_take(&b, &len);
    CHECK(p != NULL && p[0] == '\0' && len == 0);
    free(p);
}

static void test_arena(void)
{
    arena a;
    arena_init(&a, 128);
    char *big = arena_alloc(&a, 10000); /* larger than a block */
    CHECK(big != NULL);
    memset(big, 'x', 10000);
    for (int i = 0; i < 1000; i++) {
        char *s = arena_strdup(&a, "تركيا");
        CHECK(((uintptr_t)s & 15) == 0);
        if (i == 999)
            CHECK_EQ_STR(s, "تركيا");
    }
    arena_free(&a);
    CHECK(a.head == NULL);
}

static void test_mfile_roundtrip(void)
{
    char path[] = "/tmp/rasd-mfile-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    mfile_writer *w;
    CHECK(mfile_writer_new("TEST", 3, &w) == RASD_OK);
    CHECK(mfile_writer_add(w, "PROV", "unit test", 9) == RASD_OK);
    uint32_t nums[5] = {1, 2, 3, 4, 5};
    CHECK(mfile_writer_add(w, "NUMS", nums, sizeof nums) == RASD_OK);
    CHECK(mfile_writer_save(w, path) == RASD_OK);
    mfile_writer_free(w);

    mfile *m;
    CHECK(mfile_open(path, "TEST", 3, &m) == RASD_OK);
    size_t len;
    const uint32_t *n = mfile_section(m, "NUMS", &len);
    CHECK(n != NULL && len == sizeof nums && n[4] == 5);
    CHECK(((uintptr_t)n & 15) == 0);
    CHECK(mfile_section(m, "NONE", &len) == NULL && len == 0);
    mfile_close(m);

    CHECK(mfile_open(path, "TEST", 4, &m) == RASD_ERR_FORMAT);
    CHECK(strstr(rasd_errmsg(), "version 3, expected 4") != NULL);
    CHECK(mfile_open(path, "OTHR", 3, &m) == RASD_ERR_FORMAT);

    /* Flip one byte of a section: the checksum must catch it. */
    FILE *f = fopen(path, "r+b");
    fseek(f, -2, SEEK_END);
    fputc('X', f);
    fclose(f);
    CHECK(mfile_open(path, "TEST", 3, &m) == RASD_ERR_PARSE);
    CHECK(strstr(rasd_errmsg(), "checksum") != NULL);

    /* Truncate it. */
    CHECK(truncate(path, 40) == 0);
    CHECK(mfile_open(path, "TEST", 3, &m) != RASD_OK);
    unlink(path);
    CHECK(mfile_open(path, "TEST", 3, &m) == RASD_ERR_IO);
}

static rasd_ctx *new_ctx(int keep, int repair)
{
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.keep_furniture = keep;
    cfg.replace_invalid = repair;
    cfg.text_only = 1;
    rasd_ctx *ctx = NULL;
    CHECK(rasd_ctx_new(&cfg, &ctx) == RASD_OK);
    return ctx;
}

static void test_doc_analyze(void)
{
    rasd_ctx *ctx = new_ctx(0, 0);
    const char *text = "قال الوزير إن المحادثات مستمرة. وأضاف أن الجانبين اتفقا.\n"
                       "وفي سياق متصل، أعلنت موسكو موقفها.\n";
    rasd_doc *doc;
    CHECK(rasd_doc_new("t1", text, strlen(text), &doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_OK); /* idempotent */
    CHECK_EQ_STR(rasd_doc_id(doc), "t1");
    CHECK_EQ_INT(rasd_doc_sentence_count(doc), 3);
    const rasd_sentence *s = rasd_doc_sentences(doc);
    const rasd_token *t = rasd_doc_tokens(doc);
    CHECK(s[0].start == 0 && t[0].start == 0 && t[0].end == strlen("قال"));
    size_t ntok = rasd_doc_token_count(doc);
    for (size_t i = 0; i + 1 < ntok; i++)
        CHECK(t[i].end <= t[i + 1].start);
    CHECK(s[2].tok_end == ntok);
    /* A line break always ends a sentence. */
    CHECK(text[s[1].end] == '\n' || text[s[1].end - 1] == '.');
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);
}

static void test_doc_rejections(void)
{
    rasd_ctx *ctx = new_ctx(0, 0);
    rasd_doc *doc;
    CHECK(rasd_doc_new("e", "  \n\t\n", 5, &doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_ERR_EMPTY);
    CHECK(strstr(rasd_errmsg(), "empty input") != NULL);
    rasd_doc_free(doc);

    CHECK(rasd_doc_new("b", "ab\0cd", 5, &doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_ERR_BINARY);
    CHECK(strstr(rasd_errmsg(), "NUL byte at offset 2") != NULL);
    rasd_doc_free(doc);

    const char *bad = "سطر\nقال \xff الوزير";
    CHECK(rasd_doc_new("u", bad, strlen(bad), &doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_ERR_UTF8);
    CHECK(strstr(rasd_errmsg(), "at byte 14 (line 2, byte column 8)") != NULL);
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);

    ctx = new_ctx(0, 1);
    CHECK(rasd_doc_new("u", bad, strlen(bad), &doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_OK);
    size_t len;
    const char *fixed = rasd_doc_text(doc, &len);
    CHECK(strstr(fixed, "\xef\xbf\xbd") != NULL);
    CHECK(doc->n_replaced == 1);
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);
}

static void test_doc_limit(void)
{
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.max_doc_bytes = 10;
    cfg.text_only = 1;
    rasd_ctx *ctx;
    CHECK(rasd_ctx_new(&cfg, &ctx) == RASD_OK);
    rasd_doc *doc;
    CHECK(rasd_doc_new("big", "01234567890123", 14, &doc) == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_ERR_LIMIT);
    CHECK(strstr(rasd_errmsg(), "exceeds the limit of 10 bytes") != NULL);
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);
}

static void test_doc_meta_json(void)
{
    rasd_ctx *ctx = new_ctx(0, 0);
    rasd_doc *doc;
    const char *text = "قال \"الوزير\" إن الاجتماع انتهى.";
    CHECK(rasd_doc_new("m1", text, strlen(text), &doc) == RASD_OK);
    CHECK(rasd_doc_set_meta(doc, RASD_META_DATE, "2021-02-03") == RASD_OK);
    CHECK(rasd_doc_set_meta(doc, RASD_META_DATE, "yesterday") == RASD_ERR_PARSE);
    CHECK(rasd_doc_set_meta(doc, RASD_META_SOURCE, "وكالة") == RASD_OK);
    CHECK(rasd_doc_analyze(ctx, doc) == RASD_OK);
    rasd_date d = rasd_doc_date(doc);
    CHECK(d.year == 2021 && d.month == 2 && d.day == 3 && d.origin == RASD_DATE_METADATA);
    char *json;
    size_t len;
    CHECK(rasd_doc_to_json(doc, &json, &len) == RASD_OK);
    CHECK(strstr(json, "\"id\":\"m1\"") != NULL);
    CHECK(strstr(json, "\"value\":\"2021-02-03\",\"precision\":\"day\",\"origin\":\"metadata\"") != NULL);
    CHECK(strstr(json, "\"source\":\"وكالة\",\"source_origin\":\"metadata\"") != NULL);
    CHECK(strstr(json, "\\\"الوزير\\\"") != NULL);
    CHECK(strlen(json) == len);
    rasd_free(json);
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);
}

static void test_api_null_safety(void)
{
    CHECK(rasd_doc_analyze(NULL, NULL) == RASD_ERR_ARG);
    CHECK(rasd_doc_id(NULL) == NULL);
    CHECK(rasd_doc_sentence_count(NULL) == 0);
    rasd_doc_free(NULL);
    rasd_ctx_free(NULL);
    CHECK(rasd_ctx_new(NULL, NULL) == RASD_ERR_ARG);
    CHECK(strcmp(rasd_status_str(RASD_ERR_UTF8), "invalid UTF-8") == 0);
}

int main(void)
{
    RUN(test_json_escape);
    RUN(test_buf_grow);
    RUN(test_buf_take_empty);
    RUN(test_arena);
    RUN(test_mfile_roundtrip);
    RUN(test_doc_analyze);
    RUN(test_doc_rejections);
    RUN(test_doc_limit);
    RUN(test_doc_meta_json);
    RUN(test_api_null_safety);
    CHECK_DONE();
}
