/* test_ingest.c - readers (txt, JSONL, HTML, zstd), page-furniture removal,
 * titles, credits, datelines and ISO dates. Fixtures are written to a
 * temporary directory at run time. */
#include "check.h"
#include "ingest/ingest.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

static char tmpdir[64];

static const char *tmp_path(const char *name)
{
    static char p[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", tmpdir, name);
    return p[k];
}

static const char *write_file(const char *name, const void *data, size_t n)
{
    const char *p = tmp_path(name);
    FILE *f = fopen(p, "wb");
    if (!f)
        return p;
    fwrite(data, 1, n, f);
    fclose(f);
    return p;
}

static const char *write_str(const char *name, const char *s)
{
    return write_file(name, s, strlen(s));
}

/* Compress `s` into file `name` (zstd level 3), as `frames` frames. */
static const char *write_zst(const char *name, const char *s, size_t n, int frames)
{
    size_t cap = ZSTD_compressBound(n) * (size_t)frames + 64;
    char *z = malloc(cap);
    size_t zn = 0, part = (n + (size_t)frames - 1) / (size_t)frames;
    for (int i = 0; i < frames; i++) {
        size_t off = (size_t)i * part, len = off >= n ? 0 : (n - off < part ? n - off : part);
        zn += ZSTD_compress(z + zn, cap - zn, s + off, len, 3);
    }
    const char *p = write_file(name, z, zn);
    free(z);
    return p;
}

static bool has(const char *hay, const char *needle)
{
    bool ok = hay && strstr(hay, needle);
    if (!ok)
        fprintf(stderr, "  \"%s\" not in \"%s\"\n", needle, hay ? hay : "(null)");
    return ok;
}

/* Readers need only the configuration: a bare context, so these tests do
 * not depend on the models a full rasd_ctx_new loads. Free with free(). */
static rasd_ctx *ctx_with_limit(size_t max)
{
    rasd_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx) {
        rasd_config_init(&ctx->cfg);
        ctx->cfg.max_doc_bytes = max;
    }
    return ctx;
}

/* ------------------------------------------------------------ formats */

static void test_formats(void)
{
    rasd_format f;
    CHECK_EQ_INT(rasd_format_parse("jsonl", &f), RASD_OK);
    CHECK_EQ_INT(f, RASD_FMT_JSONL);
    CHECK_EQ_INT(rasd_format_parse("html", &f), RASD_OK);
    CHECK_EQ_INT(f, RASD_FMT_HTML);
    CHECK_EQ_INT(rasd_format_parse("txt", &f), RASD_OK);
    CHECK_EQ_INT(f, RASD_FMT_TXT);
    CHECK_EQ_INT(rasd_format_parse("auto", &f), RASD_OK);
    CHECK_EQ_INT(f, RASD_FMT_AUTO);
    CHECK_EQ_INT(rasd_format_parse("xml", &f), RASD_ERR_ARG);
    CHECK(has(rasd_errmsg(), "xml"));
    CHECK_EQ_INT(rasd_format_parse(NULL, &f), RASD_ERR_ARG);
    CHECK_EQ_STR(rasd_format_str(RASD_FMT_JSONL), "jsonl");
    CHECK_EQ_STR(rasd_format_str(RASD_FMT_HTML), "html");
    CHECK_EQ_STR(rasd_format_str(RASD_FMT_TXT), "txt");
    CHECK_EQ_STR(rasd_format_str(RASD_FMT_AUTO), "auto");
}

static rasd_format sniff(const char *name, const char *data)
{
    rasd_reader *r = NULL;
    rasd_format f = RASD_FMT_AUTO;
    if (rasd_reader_open_mem(NULL, name, data, strlen(data), RASD_FMT_AUTO, &r) == RASD_OK)
        f = rasd_reader_format(r);
    rasd_reader_free(r);
    return f;
}

static void test_detection(void)
{
    CHECK_EQ_INT(sniff("x", "  {\"text\": \"a\"}\n"), RASD_FMT_JSONL);
    CHECK_EQ_INT(sniff("x", "\xEF\xBB\xBF<!DOCTYPE html><p>a</p>"), RASD_FMT_HTML);
    CHECK_EQ_INT(sniff("x", "<div>نص</div>"), RASD_FMT_HTML);
    CHECK_EQ_INT(sniff("x", "نص عادي"), RASD_FMT_TXT);
    CHECK_EQ_INT(sniff("x", "< 5 و > 3"), RASD_FMT_TXT);
    CHECK_EQ_INT(sniff("a.HTM", "plain"), RASD_FMT_HTML);
    CHECK_EQ_INT(sniff("dir/a.ndjson", "plain"), RASD_FMT_JSONL);
    CHECK_EQ_INT(sniff("a.json", "plain"), RASD_FMT_JSONL);
    CHECK_EQ_INT(sniff("a.text", "{"), RASD_FMT_TXT);
    CHECK_EQ_INT(sniff("a.jsonl.zst", "x"), RASD_FMT_JSONL);
    CHECK_EQ_INT(sniff("a.dat", ""), RASD_FMT_TXT);
    rasd_reader *r = NULL;
    CHECK_EQ_INT(rasd_reader_open_mem(NULL, "a.txt", "<p>x</p>", 8, RASD_FMT_HTML, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_format(r), RASD_FMT_HTML); /* explicit format wins */
    rasd_reader_free(r);
    CHECK_EQ_INT(rasd_reader_open_mem(NULL, "a", NULL, 3, RASD_FMT_AUTO, &r), RASD_ERR_ARG);
    CHECK_EQ_INT(rasd_reader_next(NULL, NULL), RASD_ERR_ARG);
    rasd_reader_free(NULL);
}

/* ---------------------------------------------------------------- txt */

static void test_txt(void)
{
    const char *text = "\xEF\xBB\xBFعنوان الخبر\r\n\r\nقال المتحدث إن الوفد وصل.\r\n";
    const char *p = write_str("001_ab12.txt", text);
    rasd_reader *r = NULL;
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_format(r), RASD_FMT_TXT);
    rasd_doc *doc = NULL;
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    size_t len;
    const char *t = rasd_doc_text(doc, &len);
    CHECK_EQ_INT(len, strlen(text)); /* byte for byte, BOM and CRLF kept */
    CHECK(t && !memcmp(t, text, len));
    CHECK_EQ_STR(rasd_doc_id(doc), "001_ab12");
    CHECK_EQ_STR(rasd_doc_input(doc), p);
    rasd_doc_free(doc);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
    CHECK(doc == NULL);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
    rasd_reader_free(r);
}

static rasd_status read_one(const rasd_ctx *ctx, const char *path, rasd_format fmt,
                            rasd_doc **doc)
{
    rasd_reader *r = NULL;
    *doc = NULL;
    rasd_status st = rasd_reader_open(ctx, path, fmt, &r);
    if (st == RASD_OK)
        st = rasd_reader_next(r, doc);
    rasd_reader_free(r);
    return st;
}

static void test_txt_rejects(void)
{
    rasd_doc *doc;
    const char *p = write_str("empty.txt", "");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_EMPTY);
    CHECK(has(rasd_errmsg(), "empty.txt: empty input"));
    p = write_str("blank.txt", " \n\t\r\n\xC2\xA0\n");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_EMPTY);
    CHECK(has(rasd_errmsg(), "blank.txt: empty input"));
    p = write_file("x.bin", "abc\0def", 7);
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_BINARY);
    CHECK(has(rasd_errmsg(), "x.bin: binary input (NUL byte at offset 3)"));
    p = write_file("x.html", "<p>a\0</p>", 9);
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_BINARY);
    rasd_reader *r = NULL;
    CHECK_EQ_INT(rasd_reader_open(NULL, tmp_path("missing.txt"), RASD_FMT_AUTO, &r), RASD_ERR_IO);
    CHECK(r == NULL);
    CHECK(has(rasd_errmsg(), "missing.txt: cannot open: No such file"));
    /* over the limit: rejected with the size and the limit */
    rasd_ctx *ctx = ctx_with_limit(100);
    char big[150];
    memset(big, 'a', sizeof big);
    p = write_file("big.txt", big, sizeof big);
    CHECK_EQ_INT(read_one(ctx, p, RASD_FMT_AUTO, &doc), RASD_ERR_LIMIT);
    CHECK(has(rasd_errmsg(), "big.txt: document of 150 bytes exceeds the limit of 100 bytes"));
    CHECK(has(rasd_errmsg(), "--max-doc-bytes"));
    rasd_reader *mr = NULL;
    CHECK_EQ_INT(rasd_reader_open_mem(ctx, "mem.txt", big, sizeof big, RASD_FMT_TXT, &mr), RASD_OK);
    CHECK_EQ_INT(rasd_reader_next(mr, &doc), RASD_ERR_LIMIT);
    CHECK_EQ_INT(rasd_reader_next(mr, &doc), RASD_DONE);
    rasd_reader_free(mr);
    free(ctx);
}

/* -------------------------------------------------------------- JSONL */

static const char jsonl_data[] =
    "{\"id\": \"a1\", \"text\": \"قال الوزير.\", \"title\": \"عنوان\", \"source\": \"BBC\", "
    "\"url\": \"http://x/1\", \"date\": \"2018-02-18T21:35:43Z\"}\n"   /* 1 */
    "\n"                                                            /* 2 */
    "[1, 2]\n"                                                      /* 3 */
    "{\"text\": \"abc\", \"title\": \"x\n"                          /* 4 */
    "{\"title\": \"x\"}\n"                                          /* 5 */
    "{\"text\": \"x\", \"date\": \"yesterday\"}\n"                  /* 6 */
    "{\"text\": \"x\", \"id\": 42}\r\n"                             /* 7 */
    "{\"text\": \"x\", \"source\": null, \"title\": \"\"}\n"        /* 8 */
    "{\"text\": \"a\xff\"}\n"                                       /* 9 */
    "{\"text\": \"x\"} {}\n"                                        /* 10 */
    "   \t  \n"                                                     /* 11 */
    "{\"text\": \"x\", \"title\": 7}\n"                             /* 12 */
    "{\"text\": \"   \"}\n"                                         /* 13 */
    "{\"text\": \"last\", \"date\": \"2021-02\"}";                  /* 14 */

typedef struct expect_line {
    rasd_status st;
    const char *what; /* id for OK, message part otherwise */
} expect_line;

static const expect_line jsonl_expect[] = {
    {RASD_OK, "a1"},
    {RASD_ERR_PARSE, ":3: not a JSON object"},
    {RASD_ERR_PARSE, ":4: truncated JSON (column "},
    {RASD_ERR_PARSE, ":5: missing \"text\" string"},
    {RASD_ERR_PARSE, ":6: \"date\" is not ISO 8601: \"yesterday\""},
    {RASD_OK, "42"},
    {RASD_OK, "data:8"},
    {RASD_ERR_UTF8, ":9: invalid UTF-8 in JSON (column "},
    {RASD_ERR_PARSE, ":10: invalid JSON"},
    {RASD_ERR_PARSE, ":12: \"title\" is not a string"},
    {RASD_ERR_EMPTY, ":13: empty \"text\""},
    {RASD_OK, "data:14"},
};

#define N_JSONL_EXPECT (sizeof jsonl_expect / sizeof jsonl_expect[0])

static void check_jsonl_reader(rasd_reader *r)
{
    for (size_t i = 0; i < N_JSONL_EXPECT; i++) {
        rasd_doc *doc = NULL;
        rasd_status st = rasd_reader_next(r, &doc);
        CHECK_EQ_INT(st, jsonl_expect[i].st);
        if (st == RASD_OK && jsonl_expect[i].st == RASD_OK) {
            CHECK_EQ_STR(rasd_doc_id(doc), jsonl_expect[i].what);
            if (i == 0) {
                CHECK(strstr(rasd_doc_input(doc), "data.jsonl:1") ||
                      strstr(rasd_doc_input(doc), "data.jsonl.zst:1"));
                CHECK_EQ_STR(rasd_doc_title(doc), "عنوان");
                CHECK_EQ_STR(rasd_doc_source(doc), "BBC");
                CHECK_EQ_STR(rasd_doc_url(doc), "http://x/1");
                rasd_date d = rasd_doc_date(doc);
                CHECK_EQ_INT(d.precision, RASD_PREC_MINUTE);
                CHECK_EQ_INT(d.origin, RASD_DATE_METADATA);
                CHECK_EQ_INT(d.year * 10000 + d.month * 100 + d.day, 20180218);
                CHECK_EQ_STR(rasd_doc_text(doc, NULL), "قال الوزير.");
            }
            if (i == 6) {
                CHECK(rasd_doc_title(doc) == NULL); /* "" and null are unset */
                CHECK(rasd_doc_source(doc) == NULL);
            }
            if (i == N_JSONL_EXPECT - 1)
                CHECK_EQ_INT(rasd_doc_date(doc).precision, RASD_PREC_MONTH);
        } else if (st != RASD_OK) {
            CHECK(has(rasd_errmsg(), jsonl_expect[i].what));
        }
        rasd_doc_free(doc);
    }
    rasd_doc *doc = NULL;
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
}

static void test_jsonl(void)
{
    rasd_reader *r = NULL;
    CHECK_EQ_INT(rasd_reader_open_mem(NULL, "data.jsonl", jsonl_data, strlen(jsonl_data),
                                      RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_format(r), RASD_FMT_JSONL);
    check_jsonl_reader(r);
    rasd_reader_free(r);
    /* the same from a file */
    const char *p = write_str("data.jsonl", jsonl_data);
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    rasd_doc *doc = NULL;
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    CHECK(has(rasd_doc_input(doc), "/data.jsonl:1"));
    rasd_doc_free(doc);
    rasd_reader_free(r);
}

static void test_jsonl_edges(void)
{
    rasd_doc *doc = NULL;
    rasd_reader *r = NULL;
    /* an empty or blank JSONL input is reported once */
    CHECK_EQ_INT(rasd_reader_open_mem(NULL, "e.jsonl", "\n \n", 3, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_ERR_EMPTY);
    CHECK(has(rasd_errmsg(), "e.jsonl: empty input"));
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
    rasd_reader_free(r);
    /* BOM on the first line; a real number id */
    const char *bom = "\xEF\xBB\xBF{\"text\": \"x\", \"id\": 1.5}\n";
    CHECK_EQ_INT(rasd_reader_open_mem(NULL, "b.jsonl", bom, strlen(bom), RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_format(r), RASD_FMT_JSONL);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_id(doc), "1.5");
    rasd_doc_free(doc);
    rasd_reader_free(r);
    /* a line over the limit is skipped without stopping the reader */
    rasd_ctx *ctx = ctx_with_limit(64);
    char data[400];
    snprintf(data, sizeof data, "{\"text\": \"short\"}\n{\"text\": \"%0200d\"}\n{\"text\": \"ok\"}\n", 0);
    CHECK_EQ_INT(rasd_reader_open_mem(ctx, "l.jsonl", data, strlen(data), RASD_FMT_JSONL, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    rasd_doc_free(doc);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_ERR_LIMIT);
    CHECK(has(rasd_errmsg(), "l.jsonl:2: line of 212 bytes exceeds the limit of 64 bytes"));
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_text(doc, NULL), "ok");
    rasd_doc_free(doc);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
    rasd_reader_free(r);
    /* the same from a file, where the long line spans read chunks */
    size_t n = 300000;
    char *big = malloc(n + 64);
    memcpy(big, "{\"text\": \"", 10);
    memset(big + 10, 'a', n);
    strcpy(big + 10 + n, "\"}\n{\"text\": \"b\"}\n");
    const char *p = write_str("long.jsonl", big);
    CHECK_EQ_INT(rasd_reader_open(ctx, p, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_ERR_LIMIT);
    CHECK(has(rasd_errmsg(), "long.jsonl:1: line of 300012 bytes"));
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_id(doc), "long:2");
    rasd_doc_free(doc);
    rasd_reader_free(r);
    /* within the limit, the long line is read whole across chunks */
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_OK);
    size_t len;
    rasd_doc_text(doc, &len);
    CHECK_EQ_INT(len, n);
    rasd_doc_free(doc);
    rasd_reader_free(r);
    free(big);
    free(ctx);
}

/* --------------------------------------------------------------- zstd */

static int count_docs(rasd_reader *r, int *errors)
{
    int n = 0;
    rasd_doc *doc = NULL;
    rasd_status st;
    *errors = 0;
    while ((st = rasd_reader_next(r, &doc)) != RASD_DONE) {
        if (st == RASD_OK)
            n++;
        else
            ++*errors;
        rasd_doc_free(doc);
        if (st == RASD_ERR_IO)
            break;
    }
    return n;
}

static void test_zstd(void)
{
    rasd_reader *r = NULL;
    int errs;
    const char *p = write_zst("data.jsonl.zst", jsonl_data, strlen(jsonl_data), 1);
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_format(r), RASD_FMT_JSONL);
    check_jsonl_reader(r);
    rasd_reader_free(r);
    /* several frames, and a stream large enough to fill many buffers */
    buf b;
    buf_init(&b);
    for (int i = 0; i < 40000; i++)
        buf_printf(&b, "{\"text\": \"سطر رقم %d من نص طويل يتكرر كثيرا\"}\n", i);
    p = write_zst("many.ndjson.zst", b.data, b.len, 3);
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(count_docs(r, &errs), 40000);
    CHECK_EQ_INT(errs, 0);
    rasd_reader_free(r);
    /* the magic number decides, whatever the name */
    p = write_zst("noext", b.data, b.len, 1);
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(rasd_reader_format(r), RASD_FMT_JSONL);
    rasd_reader_free(r);
    /* in memory */
    size_t cap = ZSTD_compressBound(b.len);
    char *z = malloc(cap);
    size_t zn = ZSTD_compress(z, cap, b.data, b.len, 1);
    CHECK_EQ_INT(rasd_reader_open_mem(NULL, "m.jsonl.zst", z, zn, RASD_FMT_AUTO, &r), RASD_OK);
    CHECK_EQ_INT(count_docs(r, &errs), 40000);
    rasd_reader_free(r);
    /* truncated: the documents before the cut, then an I/O error */
    p = write_file("cut.jsonl.zst", z, zn / 2);
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_OK);
    int got = count_docs(r, &errs);
    CHECK(got > 1000 && got < 40000);
    CHECK(errs >= 1);
    CHECK(has(rasd_errmsg(), "cut.jsonl.zst: truncated zstd stream"));
    rasd_doc *doc = NULL;
    CHECK_EQ_INT(rasd_reader_next(r, &doc), RASD_DONE);
    rasd_reader_free(r);
    /* corrupt */
    memset(z + 20, 0x55, zn > 200 ? 100 : 0);
    p = write_file("bad.jsonl.zst", z, zn);
    /* the first block is needed to detect the format: open fails */
    CHECK_EQ_INT(rasd_reader_open(NULL, p, RASD_FMT_AUTO, &r), RASD_ERR_IO);
    CHECK(r == NULL);
    CHECK(has(rasd_errmsg(), "bad.jsonl.zst: corrupt zstd data"));
    free(z);
    buf_free(&b);
    /* a compressed text file */
    const char *txt = "خبر قصير.\n";
    p = write_zst("a.txt.zst", txt, strlen(txt), 1);
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_text(doc, NULL), txt);
    CHECK_EQ_STR(rasd_doc_id(doc), "a");
    rasd_doc_free(doc);
}

/* --------------------------------------------------------------- HTML */

static const char html_page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>عنوان الصفحة | الموقع</title>"
    "<meta property=\"og:site_name\" content=\"الموقع\">"
    "<meta property=\"og:url\" content=\"https://example.org/a/1\">"
    "<meta property=\"article:published_time\" content=\"2021-02-03T07:50:00+03:00\">"
    "<style>p { color: red }</style><script>var x = 1;</script></head><body>"
    "<header><nav><a href=\"/\">الرئيسية</a> <a>سياسة</a></nav></header>"
    "<article><h1>  مباحثات   تركية أمريكية </h1>"
    "<div class=\"share-buttons\">فيسبوك تويتر</div>"
    "<p>قال المتحدث &amp; أضاف&nbsp;أن <b>الوفد</b> وصل.</p>"
    "<p>سطر أول<br>سطر ثان</p><ul><li>بند 1</li><li>بند 2</li></ul>"
    "<div hidden>نص مخفي</div><div style=\"display: none\">مخفي أيضا</div>"
    "<table><tr><td>أ</td><td>ب</td></tr></table>"
    "<script>document.write('x')</script><form><input value=\"بحث\">اكتب</form>"
    "</article><aside>الأكثر قراءة</aside><footer>جميع الحقوق محفوظة</footer>"
    "</body></html>";

static void test_html(void)
{
    const char *p = write_str("page.html", html_page);
    rasd_doc *doc = NULL;
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_text(doc, NULL),
                 "مباحثات تركية أمريكية\n"
                 "قال المتحدث & أضاف أن الوفد وصل.\n"
                 "سطر أول\nسطر ثان\nبند 1\nبند 2\nأ ب");
    CHECK_EQ_STR(rasd_doc_title(doc), "مباحثات تركية أمريكية");
    CHECK_EQ_STR(rasd_doc_source(doc), "الموقع");
    CHECK_EQ_STR(rasd_doc_url(doc), "https://example.org/a/1");
    rasd_date d = rasd_doc_date(doc);
    CHECK_EQ_INT(d.year * 10000 + d.month * 100 + d.day, 20210203);
    CHECK_EQ_INT(d.origin, RASD_DATE_METADATA);
    CHECK_EQ_STR(rasd_doc_id(doc), "page");
    rasd_doc_free(doc);
}

static void test_html_edges(void)
{
    rasd_doc *doc = NULL;
    const char *p = write_str("nobody.html", "<html><head><title>عنوان</title></head></html>");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_EMPTY);
    CHECK(has(rasd_errmsg(), "nobody.html: HTML has no text content"));
    p = write_str("script.htm", "<html><body><script>alert(1)</script><nav>x</nav></body></html>");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_EMPTY);
    p = write_str("h1only.html", "<body><h1>عنوان فقط</h1></body>");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_ERR_EMPTY);
    /* headline outside the story container goes first; <title> and
     * og:title are fallbacks */
    p = write_str("outside.html",
                  "<body><div class=\"top\"><h1>العنوان</h1></div>"
                  "<article><p>الفقرة الأولى.</p></article></body>");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_text(doc, NULL), "العنوان\nالفقرة الأولى.");
    CHECK_EQ_STR(rasd_doc_title(doc), "العنوان");
    rasd_doc_free(doc);
    p = write_str("og.html",
                  "<head><meta property=\"og:title\" content=\"عنوان og\">"
                  "<link rel=\"canonical\" href=\"https://e.org/c\"></head>"
                  "<body><p>نص.</p><time pubdate datetime=\"2020-05-06\">6 مايو</time></body>");
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_title(doc), "عنوان og");
    CHECK_EQ_STR(rasd_doc_url(doc), "https://e.org/c");
    CHECK_EQ_INT(rasd_doc_date(doc).precision, RASD_PREC_DAY);
    rasd_doc_free(doc);
    /* malformed markup is recovered; deep nesting does not exhaust the
     * stack (libxml2 gives up below its depth limit, the rest is kept) */
    buf b;
    buf_init(&b);
    buf_puts(&b, "<p>نص سطحي");
    for (int i = 0; i < 20000; i++)
        buf_puts(&b, "<div><span>");
    buf_puts(&b, "نص عميق");
    p = write_file("deep.html", b.data, b.len);
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_OK);
    CHECK(has(rasd_doc_text(doc, NULL), "نص سطحي"));
    rasd_doc_free(doc);
    buf_free(&b);
    /* a declared legacy charset is converted to UTF-8 */
    const char cp1256[] = "<html><head><meta charset=\"windows-1256\"></head>"
                          "<body><p>\xD3\xE6\xD1\xED\xC7</p></body></html>";
    p = write_str("legacy.html", cp1256);
    CHECK_EQ_INT(read_one(NULL, p, RASD_FMT_AUTO, &doc), RASD_OK);
    CHECK_EQ_STR(rasd_doc_text(doc, NULL), "سوريا");
    rasd_doc_free(doc);
}

/* ------------------------------------------------------------- cleaning */

static rasd_doc *clean(const char *text, const char *meta_title)
{
    rasd_doc *doc = NULL;
    if (doc_create("t.txt", "t", text, strlen(text), &doc) != RASD_OK)
        return NULL;
    if (meta_title)
        rasd_doc_set_meta(doc, RASD_META_TITLE, meta_title);
    CHECK_EQ_INT(ingest_clean(doc, false), RASD_OK);
    return doc;
}

/* The decision for the line that contains `needle`: "K", "T" or the reason. */
static const char *decision(const rasd_doc *doc, const char *needle)
{
    for (size_t i = 0; i < doc->n_lines; i++) {
        const doc_line *l = &doc->lines[i];
        size_t n = strlen(needle);
        for (size_t k = l->start; k + n <= l->end; k++)
            if (!memcmp(doc->text + k, needle, n))
                return l->drop ? l->drop : l->is_title ? "T" : "K";
    }
    return "(no such line)";
}

static void test_clean_header(void)
{
    const char *text =
        "icon\n"
        "التغطية الحية\n\n"
        "روسيا: نرفض أي تصعيد جديد في الشمال السوري\n\n"
        "2023.11.05 | 14:02 حلب\n\n"
        "123456Image9.png\n"
        "المتحدث باسم الكرملين ديمتري بيسكوف\n"
        " قناة المشرق - موسكو\n"
        "+A\nحجم الخط\n-A\n\n"
        "قال الكرملين إن موسكو ترفض أي تصعيد جديد في شمال سوريا، داعيا الأطراف إلى ضبط النفس.\n\n"
        "مسار المفاوضات المقبل\n\n"
        "وأضاف أن المفاوضات ستستأنف في جنيف الشهر المقبل بمشاركة الأطراف كافة.\n";
    rasd_doc *doc = clean(text, NULL);
    CHECK_EQ_STR(decision(doc, "icon"), "icon");
    CHECK_EQ_STR(decision(doc, "التغطية الحية"), "live label");
    CHECK_EQ_STR(decision(doc, "روسيا: نرفض"), "T");
    CHECK_EQ_STR(decision(doc, "2023.11.05"), "dateline");
    CHECK_EQ_STR(decision(doc, "Image9.png"), "image file");
    CHECK_EQ_STR(decision(doc, "المتحدث باسم الكرملين"), "caption");
    CHECK_EQ_STR(decision(doc, "قناة المشرق"), "byline");
    CHECK_EQ_STR(decision(doc, "+A"), "widget");
    CHECK_EQ_STR(decision(doc, "حجم الخط"), "widget");
    CHECK_EQ_STR(decision(doc, "-A"), "widget");
    CHECK_EQ_STR(decision(doc, "قال الكرملين"), "K");
    CHECK_EQ_STR(decision(doc, "مسار المفاوضات"), "K"); /* a subheading stays */
    CHECK_EQ_STR(decision(doc, "وأضاف أن"), "K");
    CHECK_EQ_STR(doc->title, "روسيا: نرفض أي تصعيد جديد في الشمال السوري");
    CHECK_EQ_STR(doc->credit, "قناة المشرق"); /* outlet from the byline */
    rasd_date d;
    CHECK(ingest_find_pubdate(doc, &d));
    CHECK_EQ_INT(d.year * 10000 + d.month * 100 + d.day, 20231105);
    CHECK_EQ_INT(d.precision, RASD_PREC_MINUTE);
    CHECK_EQ_INT(d.origin, RASD_DATE_TEXT);
    CHECK(!memcmp(doc->text + d.start, "2023.11.05", 10));
    /* keep_all drops nothing but still finds the title */
    rasd_doc *all = NULL;
    doc_create("t.txt", "t", text, strlen(text), &all);
    CHECK_EQ_INT(ingest_clean(all, true), RASD_OK);
    size_t dropped = 0;
    for (size_t i = 0; i < all->n_lines; i++)
        dropped += all->lines[i].drop != NULL;
    CHECK_EQ_INT(dropped, 0);
    CHECK_EQ_STR(decision(all, "روسيا: نرفض"), "T");
    rasd_doc_free(all);
    rasd_doc_free(doc);
}

static void test_clean_footer(void)
{
    const char *text =
        "لأول مرة منذ سنوات.. لقاء مصري تركي في القاهرة\n\n"
        "الخميس 14 آذار 2019 10:05 ص\n\n"
        "التقى وزيرا خارجية مصر وتركيا في القاهرة، وبحثا العلاقات الثنائية والأوضاع في ليبيا.\n\n"
        "وقال الوزير المصري إن اللقاء كان \"إيجابيا\".\n\n"
        "اقرأ أيضاً: أنقرة تعين سفيرا جديدا لدى القاهرة\n\n"
        "المصدر | صحيفة الوسط\n\n"
        "  كلمات مفتاحية\n\n"
        "مصر تركيا ليبيا العلاقات الثنائية\n\n"
        "هل تعود العلاقات المصرية التركية إلى سابق عهدها؟\n\n"
        "القاهرة وأنقرة.. مسار طويل من الخلافات والمصالح\n";
    rasd_doc *doc = clean(text, NULL);
    CHECK_EQ_STR(decision(doc, "لأول مرة"), "T");
    CHECK_EQ_STR(decision(doc, "الخميس 14"), "dateline");
    CHECK_EQ_STR(decision(doc, "التقى وزيرا"), "K");
    CHECK_EQ_STR(decision(doc, "وقال الوزير"), "K");
    CHECK_EQ_STR(decision(doc, "اقرأ أيضاً"), "widget");
    CHECK_EQ_STR(decision(doc, "المصدر |"), "credit");
    CHECK_EQ_STR(decision(doc, "كلمات مفتاحية"), "keywords");
    CHECK_EQ_STR(decision(doc, "مصر تركيا ليبيا"), "keywords");
    CHECK_EQ_STR(decision(doc, "هل تعود"), "related headlines");
    CHECK_EQ_STR(decision(doc, "القاهرة وأنقرة"), "related headlines");
    CHECK_EQ_STR(doc->credit, "صحيفة الوسط");
    rasd_date d;
    CHECK(ingest_find_pubdate(doc, &d));
    CHECK_EQ_INT(d.year * 10000 + d.month * 100 + d.day, 20190314);
    CHECK_EQ_INT(d.hour * 100 + d.minute, 1005);
    rasd_doc_free(doc);
}

static void test_clean_captions_credits(void)
{
    const char *text =
        "واشنطن وموسكو تبحثان الهدنة في سوريا\n\n"
        "Foreign ministers shake hands after a news conference in Geneva, Switzerland, on Friday.\n"
        "وزيرا الخارجية خلال مؤتمر صحفي في جنيف (رويترز)\n"
        "أعلنت واشنطن عن تقدم في مباحثاتها مع موسكو بشأن هدنة في سوريا.\n\n"
        "وأكدت وكالة الأنباء الرسمية أن الاجتماع انتهى دون بيان ختامي (سانا)\n\n"
        "المصدر : وكالات\n";
    rasd_doc *doc = clean(text, NULL);
    CHECK_EQ_STR(decision(doc, "واشنطن وموسكو"), "T");
    CHECK_EQ_STR(decision(doc, "Foreign ministers"), "latin caption");
    CHECK_EQ_STR(decision(doc, "وزيرا الخارجية خلال"), "caption");
    CHECK_EQ_STR(decision(doc, "أعلنت واشنطن"), "K");
    /* an agency in parentheses ends many news sentences: not a caption */
    CHECK_EQ_STR(decision(doc, "وأكدت وكالة"), "K");
    CHECK_EQ_STR(decision(doc, "المصدر :"), "credit");
    CHECK_EQ_STR(doc->credit, "وكالات");
    rasd_date d;
    CHECK(!ingest_find_pubdate(doc, &d));
    rasd_doc_free(doc);

    doc = clean("هيئتا الأركان بحثتا الوضع الأمني … لقاء مرتقب الشهر المقبل\n| وكالات\n"
                "أعلنت موسكو، أمس، أن الرئيس سيزور روسيا في 8 من نيسان المقبل.\n"
                "*نقلاً عن صحيفة الوطن\n", NULL);
    CHECK_EQ_STR(decision(doc, "هيئتا"), "T");
    CHECK_EQ_STR(decision(doc, "| وكالات"), "credit");
    CHECK_EQ_STR(decision(doc, "نقلاً عن"), "credit");
    CHECK_EQ_STR(doc->credit, "وكالات");
    rasd_doc_free(doc);

    /* a label without a separator starts a sentence */
    doc = clean("قال المتحدث إن الاجتماع انتهى.\nالمصدر أكد أن الجولة تأجلت\n"
                "عن: موقع الخبر\n", NULL);
    CHECK_EQ_STR(decision(doc, "المصدر أكد"), "K");
    CHECK_EQ_STR(decision(doc, "عن: موقع"), "credit");
    CHECK_EQ_STR(doc->credit, "موقع الخبر");
    rasd_doc_free(doc);

    doc = clean("فرنسا تدعو إلى وقف إطلاق النار\nدعت فرنسا إلى وقف فوري لإطلاق النار.\n"
                "فرانس24/ أ ف ب\n", NULL);
    CHECK_EQ_STR(decision(doc, "فرانس24"), "credit");
    CHECK_EQ_STR(doc->credit, "فرانس24/ أ ف ب");
    rasd_doc_free(doc);
}

static void test_clean_no_title(void)
{
    /* a lede is not a headline: it ends like a sentence */
    rasd_doc *doc = clean("أكدت الولايات المتحدة أهمية التعاون مع تركيا في سوريا.\n\n"
                          "وقال المتحدث إن اللقاء كان مثمرا.\n", NULL);
    CHECK(doc->title == NULL);
    CHECK_EQ_STR(decision(doc, "أكدت"), "K");
    rasd_date d;
    CHECK(!ingest_find_pubdate(doc, &d));
    rasd_doc_free(doc);
    /* nor when it is the only line, or has the commas of a sentence */
    doc = clean("عنوان وحيد بلا متن\n", NULL);
    CHECK(doc->title == NULL);
    rasd_doc_free(doc);
    doc = clean("حثت الولايات المتحدة، يوم الاثنين، مجلس الأمن على التحرك\nنص.\n", NULL);
    CHECK(doc->title == NULL);
    rasd_doc_free(doc);
    /* a title from metadata marks the line that repeats it */
    doc = clean("\nمباحثات تركية أمريكية\nقال المتحدث إن اللقاء كان مثمرا.\n",
                "مباحثات تركية أمريكية");
    CHECK_EQ_STR(decision(doc, "مباحثات"), "T");
    CHECK_EQ_STR(doc->title, "مباحثات تركية أمريكية");
    rasd_doc_free(doc);
}

static void test_clean_trailing(void)
{
    /* teasers at the end after a finished paragraph are dropped ... */
    rasd_doc *doc = clean(
        "قال المتحدث إن الاجتماع انتهى دون اتفاق على موعد الجولة المقبلة.\n"
        "وزير الخارجية يصل إلى أنقرة في زيارة رسمية تستمر يومين\n"
        "من هم أبرز المرشحين لخلافة الأمين العام للحلف؟\n", NULL);
    CHECK_EQ_STR(decision(doc, "وزير الخارجية يصل"), "related headlines");
    CHECK_EQ_STR(decision(doc, "من هم"), "related headlines");
    CHECK_EQ_STR(decision(doc, "قال المتحدث"), "K");
    rasd_doc_free(doc);
    /* ... but not a list that ends the article, nor verse, nor one line */
    doc = clean("وجاءت التشكيلة على النحو التالي.\n"
                "حراسة المرمى: اللاعب الأول من النادي الأهلي\n"
                "خط الدفاع: اللاعب الثاني واللاعب الثالث واللاعب الرابع\n"
                "خط الوسط: اللاعب الخامس واللاعب السادس واللاعب السابع\n", NULL);
    CHECK_EQ_STR(decision(doc, "خط الوسط"), "K");
    rasd_doc_free(doc);
    doc = clean("وختم الشاعر قصيدته بالأبيات التالية.\n"
                "لي ما يجابه حادثات الليالي.. بالصبر ما يدرك من المجد غايات\n"
                "لا تكترث يا صاحبي لا تبالي.. فالدهر له في ضيم الأحرار عادات\n", NULL);
    CHECK_EQ_STR(decision(doc, "لا تكترث"), "K");
    rasd_doc_free(doc);
    doc = clean("قال المتحدث إن الاجتماع انتهى دون اتفاق.\n"
                "وزير الخارجية يصل إلى أنقرة في زيارة رسمية تستمر يومين\n", NULL);
    CHECK_EQ_STR(decision(doc, "وزير الخارجية"), "K");
    rasd_doc_free(doc);
    /* running text that lacks a final stop is not a teaser */
    doc = clean("قال المتحدث إن الاجتماع انتهى.\n"
                "لكن الوفد الروسي رفض التعليق على ما جرى في الاجتماع المغلق\n"
                "وقال مصدر إن الجولة المقبلة ستعقد في جنيف الشهر المقبل\n", NULL);
    CHECK_EQ_STR(decision(doc, "لكن الوفد"), "K");
    rasd_doc_free(doc);
    /* a related-articles label: the headlines that follow it go */
    doc = clean("قال المتحدث إن الاجتماع انتهى.\nاقرأ أيضاً:\n"
                "الجيش يعلن السيطرة على المدينة\nمن هو القائد الجديد للجيش؟\n"
                "وأضاف المتحدث أن الاجتماع المقبل سيعقد في العاصمة بعد أسبوعين من الآن "
                "بحضور جميع الأطراف المعنية والوسطاء الدوليين وممثلي الأمم المتحدة.\n", NULL);
    CHECK_EQ_STR(decision(doc, "اقرأ أيضاً"), "related headlines");
    CHECK_EQ_STR(decision(doc, "الجيش يعلن"), "related headlines");
    CHECK_EQ_STR(decision(doc, "من هو القائد"), "related headlines");
    CHECK_EQ_STR(decision(doc, "وأضاف المتحدث"), "K");
    rasd_doc_free(doc);
}

static void test_clean_misc(void)
{
    rasd_doc *doc = clean(
        "نص الخبر الأول في هذه الصفحة.\n"
        "-----------------------\n"
        "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل التطبيق.\n"
        "https://example.org/news/1\n"
        "** جميع المقالات المنشورة تمثل رأي كتابها فقط.\n"
        "لمتابعة المباراة مباشرة، اضغط هنا...\n"
        "مشاركة طباعة تعليق\n"
        "فيسبوك  تويتر  واتساب\n"
        "القاهرة - 5 يونيو 2018\n", NULL);
    CHECK_EQ_STR(decision(doc, "-----"), "separator");
    CHECK_EQ_STR(decision(doc, "يمكنكم"), "promo");
    CHECK_EQ_STR(decision(doc, "https://"), "link");
    CHECK_EQ_STR(decision(doc, "جميع المقالات"), "disclaimer");
    CHECK_EQ_STR(decision(doc, "اضغط هنا"), "promo");
    CHECK_EQ_STR(decision(doc, "مشاركة طباعة"), "widget");
    CHECK_EQ_STR(decision(doc, "فيسبوك"), "widget");
    CHECK_EQ_STR(decision(doc, "القاهرة - 5"), "dateline");
    CHECK_EQ_STR(decision(doc, "نص الخبر"), "K");
    rasd_doc_free(doc);
    /* a date alone inside the story is a chronology subheading, not a
     * dateline, and not the publication date */
    doc = clean("حققت المرأة مزيدا من الحقوق في العالم.\n"
                "وبات بإمكان النساء الانتساب للجيش.\n"
                "14 فبراير/شباط 2018\n"
                "أقر البرلمان قانونا يجرم العنف ضد المرأة.\n", NULL);
    CHECK_EQ_STR(decision(doc, "14 فبراير"), "K");
    rasd_date pd;
    CHECK(!ingest_find_pubdate(doc, &pd));
    rasd_doc_free(doc);
    /* short Latin inside Arabic text stays; a Latin document is not a caption */
    doc = clean("قال مدير شركة Apple إن هاتف iPhone الجديد سيطرح قريبا في الأسواق.\n", NULL);
    CHECK_EQ_STR(decision(doc, "Apple"), "K");
    rasd_doc_free(doc);
    doc = clean("The minister said talks would resume next week in Geneva.\n"
                "Officials did not comment on the agenda of the meeting.\n", NULL);
    CHECK_EQ_STR(decision(doc, "Officials"), "K");
    rasd_doc_free(doc);
    /* lines: spans exclude CR LF; a final newline adds no line */
    doc = clean("سطر أول.\r\nسطر ثان.\r\n", NULL);
    CHECK_EQ_INT(doc->n_lines, 2);
    CHECK_EQ_INT(doc->lines[0].end - doc->lines[0].start, strlen("سطر أول."));
    CHECK_EQ_INT(doc->lines[1].start, strlen("سطر أول.\r\n"));
    rasd_doc_free(doc);
    doc = clean("", NULL);
    CHECK_EQ_INT(doc->n_lines, 0);
    rasd_doc_free(doc);
    CHECK_EQ_INT(ingest_clean(NULL, false), RASD_ERR_ARG);
}

/* ----------------------------------------------------------- pubdates */

static bool pubdate_of(const char *text, rasd_date *d)
{
    rasd_doc *doc = NULL;
    doc_create("p.txt", "p", text, strlen(text), &doc);
    bool ok = ingest_find_pubdate(doc, d);
    rasd_doc_free(doc);
    return ok;
}

static void test_pubdate(void)
{
    rasd_date d;
    CHECK(pubdate_of("عنوان\nنشر في: 12/03/2020 - 10:15\nنص.\n", &d));
    CHECK_EQ_INT(d.year * 10000 + d.month * 100 + d.day, 20200312);
    CHECK(pubdate_of("عنوان\nآخر تحديث: ١٤ نوفمبر/تشرين الثاني ٢٠١٨\nنص.\n", &d));
    CHECK_EQ_INT(d.year * 10000 + d.month * 100 + d.day, 20181114);
    CHECK(pubdate_of("القاهرة - 3 فبراير 2021\nنص.\n", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_DAY);
    CHECK(pubdate_of("عنوان\r\nالأربعاء 3 فبراير 2021 07:50 ص \r\nنص.\r\n", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_MINUTE);
    CHECK(!pubdate_of("عنوان\r\n3 فبراير 2021.\r\n", &d));
    /* the time may come first */
    CHECK(pubdate_of("عنوان\n07:50 م | الأربعاء 3 فبراير 2021\nنص.\n", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_MINUTE);
    CHECK_EQ_INT(d.hour * 100 + d.minute, 1950);
    CHECK_EQ_INT(d.start, strlen("عنوان\n"));
    CHECK(pubdate_of("عنوان\n١٠:٠٥ 3 فبراير 2021\nنص.\n", &d));
    CHECK_EQ_INT(d.hour * 100 + d.minute, 1005);
    CHECK(!pubdate_of("عنوان\n07:50 قال الوزير 3 فبراير 2021\nنص.\n", &d));
    /* dates in sentences, partial dates and late lines are not datelines */
    CHECK(!pubdate_of("وصل الرئيس إلى دمشق في 3 فبراير 2021\nنص.\n", &d));
    CHECK(!pubdate_of("وفي حزيران 2018، توصل الطرفان إلى اتفاق.\n", &d));
    CHECK(!pubdate_of("عنوان\nيومي 26 و27 أغسطس/آب الجاري\n", &d));
    CHECK(!pubdate_of("عنوان\n8 نيسان\nنص.\n", &d));
    CHECK(!pubdate_of("عنوان\nفبراير 2021\nنص.\n", &d));
    CHECK(!pubdate_of("عنوان\n3 فبراير 2021.\n", &d));
    CHECK(!pubdate_of("1\n2\n3\n4\n5\n6\n7\n8\n3 فبراير 2021\n", &d));
    CHECK(pubdate_of("\n\n\n1\n2\n3\n4\n5\n6\n7\n3 فبراير 2021\n", &d));
    CHECK(!pubdate_of("", &d));
    CHECK(!ingest_find_pubdate(NULL, &d));
}

static void test_iso(void)
{
    rasd_date d;
    CHECK(ingest_parse_iso("2018-02-18T21:35:43Z", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_MINUTE);
    CHECK_EQ_INT(d.hour * 100 + d.minute, 2135);
    CHECK_EQ_INT(d.origin, RASD_DATE_METADATA);
    CHECK(ingest_parse_iso("2021-02-03", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_DAY);
    CHECK(ingest_parse_iso("2021-02", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_MONTH);
    CHECK(ingest_parse_iso("2021", &d));
    CHECK_EQ_INT(d.precision, RASD_PREC_YEAR);
    CHECK(ingest_parse_iso("2021-02-03T07:50+03:00", &d));
    CHECK_EQ_INT(d.day, 3); /* wall-clock date as written: no zone shift */
    CHECK(ingest_parse_iso("2021-02-03 07:50:12.123-0500", &d));
    CHECK(ingest_parse_iso(" 2021-02-03T07:50 ", &d));
    CHECK(ingest_parse_iso("2020-02-29", &d));
    static const char *const bad[] = {
        "", "yesterday", "2021-02-30", "2021-13-01", "2021-00", "21-02-03", "2021/02/03",
        "2021-02-03T25:00", "2021-02-03T07", "2021-02-03Tx", "2021-02-03 junk",
        "2019-02-29", "0000", "2021-2-3", "2021-02-03T07:60", "2021-02-03+25:00", NULL};
    for (int i = 0; bad[i]; i++) {
        if (ingest_parse_iso(bad[i], &d))
            fprintf(stderr, "  accepted \"%s\"\n", bad[i]);
        CHECK(!ingest_parse_iso(bad[i], &d));
    }
    CHECK(!ingest_parse_iso(NULL, &d));
}

/* --------------------------------------------------------- real seeds */

/* The shared seed reports, when the checkout has them beside it. */
static void test_seeds(void)
{
    static const struct {
        const char *file, *date, *title_start, *source;
    } seeds[] = {
        {"000_492a9db081a77eed.txt", NULL, NULL, NULL},
        {"001_8ab90e2d4c4efa4d.txt", "2021-02-03T07:50", "للمرة الأولى", "الخليج الجديد"},
        {"002_fe08c59a11eb98b9.txt", NULL, "واشنطن تعلن", "وكالات"},
        {"003_9f62db11347c3e1e.txt", "2024-07-03T07:23", "أميركا: أبلغنا", "تلفزيون سوريا"},
        {"004_e9797b74535d9122.txt", NULL, "هيئتا الأركان", "وكالات"},
    };
    const char *dir = getenv("RASD_SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/seeds/%s", dir ? dir : "../shared", seeds[0].file);
    if (access(path, R_OK) != 0) {
        printf("test_seeds: %s not found, skipped\n", path);
        return;
    }
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        snprintf(path, sizeof path, "%s/seeds/%s", dir ? dir : "../shared", seeds[i].file);
        rasd_doc *doc = NULL;
        CHECK_EQ_INT(read_one(NULL, path, RASD_FMT_AUTO, &doc), RASD_OK);
        if (!doc)
            continue;
        CHECK_EQ_INT(ingest_clean(doc, false), RASD_OK);
        rasd_date d;
        char iso[40] = "";
        if (ingest_find_pubdate(doc, &d))
            rasd_date_format(&d, iso, sizeof iso);
        CHECK_EQ_STR(iso, seeds[i].date ? seeds[i].date : "");
        if (seeds[i].title_start)
            CHECK(doc->title && !strncmp(doc->title, seeds[i].title_start,
                                         strlen(seeds[i].title_start)));
        else
            CHECK(doc->title == NULL);
        CHECK_EQ_STR(doc->credit ? doc->credit : "", seeds[i].source ? seeds[i].source : "");
        rasd_doc_free(doc);
    }
}

static void cleanup(void)
{
    static const char *const names[] = {
        "001_ab12.txt", "empty.txt", "blank.txt", "x.bin", "x.html", "big.txt", "data.jsonl",
        "long.jsonl", "data.jsonl.zst", "many.ndjson.zst", "noext", "cut.jsonl.zst",
        "bad.jsonl.zst", "a.txt.zst", "page.html", "nobody.html", "script.htm",
        "h1only.html", "outside.html", "og.html", "deep.html", "legacy.html", NULL};
    for (int i = 0; names[i]; i++)
        unlink(tmp_path(names[i]));
    rmdir(tmpdir);
}

int main(void)
{
    const char *t = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/rasd_ingest_XXXXXX", t && strlen(t) < 40 ? t : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_formats);
    RUN(test_detection);
    RUN(test_txt);
    RUN(test_txt_rejects);
    RUN(test_jsonl);
    RUN(test_jsonl_edges);
    RUN(test_zstd);
    RUN(test_html);
    RUN(test_html_edges);
    RUN(test_clean_header);
    RUN(test_clean_footer);
    RUN(test_clean_captions_credits);
    RUN(test_clean_no_title);
    RUN(test_clean_trailing);
    RUN(test_clean_misc);
    RUN(test_pubdate);
    RUN(test_iso);
    RUN(test_seeds);
    cleanup();
    CHECK_DONE();
}
