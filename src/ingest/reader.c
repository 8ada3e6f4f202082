/* reader.c - document readers: a byte source (memory, file or stdin, each
 * optionally zstd-compressed and decompressed as a stream), format detection
 * and the per-format document loop. JSONL is read line by line so that a
 * large corpus never has to fit in memory. */
#include "ingest_int.h"
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define RD_CHUNK (64 * 1024)

static const unsigned char rd_zstd_magic[4] = {0x28, 0xB5, 0x2F, 0xFD};

/* ------------------------------------------------------------- formats */

rasd_status rasd_format_parse(const char *name, rasd_format *out)
{
    static const char *names[] = {"auto", "txt", "jsonl", "html"};
    if (!name || !out)
        return err_set(RASD_ERR_ARG, "rasd_format_parse: NULL argument");
    for (int i = 0; i < 4; i++)
        if (!strcmp(name, names[i])) {
            *out = (rasd_format)i;
            return RASD_OK;
        }
    return err_set(RASD_ERR_ARG, "unknown input format '%s' (auto, txt, jsonl, html)", name);
}

const char *rasd_format_str(rasd_format f)
{
    switch (f) {
    case RASD_FMT_AUTO: return "auto";
    case RASD_FMT_TXT: return "txt";
    case RASD_FMT_JSONL: return "jsonl";
    case RASD_FMT_HTML: return "html";
    }
    return "auto";
}

static bool rd_ext_is(const char *ext, size_t n, const char *want)
{
    if (n != strlen(want))
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)ext[i]) != want[i])
            return false;
    return true;
}

/* File name without directory; `*base_len` excludes a trailing ".zst". */
static const char *rd_base(const char *name, size_t *base_len)
{
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    size_t n = strlen(base);
    if (n > 4 && rd_ext_is(base + n - 4, 4, ".zst"))
        n -= 4;
    *base_len = n;
    return base;
}

/* The extension of base[0..n) (without the dot), or NULL. */
static const char *rd_ext(const char *base, size_t n, size_t *ext_len)
{
    for (size_t i = n; i-- > 1;)
        if (base[i] == '.') {
            *ext_len = n - i - 1;
            return base + i + 1;
        }
    return NULL;
}

static rasd_format rd_format_by_ext(const char *name)
{
    size_t n, el;
    const char *base = rd_base(name, &n);
    const char *ext = rd_ext(base, n, &el);
    if (!ext)
        return RASD_FMT_AUTO;
    static const struct { const char *ext; rasd_format f; } map[] = {
        {"txt", RASD_FMT_TXT}, {"text", RASD_FMT_TXT}, {"jsonl", RASD_FMT_JSONL},
        {"ndjson", RASD_FMT_JSONL}, {"json", RASD_FMT_JSONL}, {"html", RASD_FMT_HTML},
        {"htm", RASD_FMT_HTML}, {"xhtml", RASD_FMT_HTML},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (rd_ext_is(ext, el, map[i].ext))
            return map[i].f;
    return RASD_FMT_AUTO;
}

/* Stem for document ids: "data/ant.v2.jsonl.zst" -> "ant.v2". */
static char *rd_stem(const char *name)
{
    size_t n, el;
    const char *base = rd_base(name, &n);
    const char *ext = rd_ext(base, n, &el);
    if (ext && el > 0 && el <= 5)
        n -= el + 1;
    if (n == 0)
        return strdup("doc");
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, base, n);
        s[n] = '\0';
    }
    return s;
}

/* Content sniffing on the first decoded bytes. */
static rasd_format rd_sniff(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && isspace((unsigned char)p[i]))
        i++;
    if (i >= n)
        return RASD_FMT_TXT;
    if (p[i] == '{')
        return RASD_FMT_JSONL;
    if (p[i] == '<' && i + 1 < n &&
        (isalpha((unsigned char)p[i + 1]) || p[i + 1] == '!' || p[i + 1] == '?'))
        return RASD_FMT_HTML;
    return RASD_FMT_TXT;
}

/* --------------------------------------------------------- byte source */

static rasd_status rd_io_error(rasd_reader *r, const char *what)
{
    r->failed = true;
    r->eof = true;
    return err_set(RASD_ERR_IO, "%s: %s", r->name, what);
}

/* Refill the compressed input buffer from the stream. */
static rasd_status rd_zfill(rasd_reader *r)
{
    if (r->mem) {
        if (r->mem_given)
            r->src_eof = true;
        r->zbuf = (ZSTD_inBuffer){r->mem, r->mem_given ? 0 : r->mem_len, 0};
        r->mem_given = true;
        return RASD_OK;
    }
    size_t cap = ZSTD_DStreamInSize();
    size_t n = fread(r->zin, 1, cap, r->f);
    if (n == 0 && ferror(r->f))
        return rd_io_error(r, strerror(errno ? errno : EIO));
    if (n == 0)
        r->src_eof = true;
    r->zbuf = (ZSTD_inBuffer){r->zin, n, 0};
    return RASD_OK;
}

/* Decompress the next chunk of output into r->chunk. */
static rasd_status rd_zread(rasd_reader *r, size_t *got)
{
    ZSTD_outBuffer out = {r->chunk, r->chunk_cap, 0};
    while (out.pos == 0) {
        /* a full output buffer may leave decoded bytes inside zstd: drain
         * them before feeding more input */
        if (r->zbuf.pos >= r->zbuf.size && !r->zpending) {
            rasd_status st = rd_zfill(r);
            if (st != RASD_OK)
                return st;
            if (r->src_eof) {
                if (r->zlast != 0)
                    return rd_io_error(r, "truncated zstd stream");
                break;
            }
        }
        size_t before = r->zbuf.pos;
        size_t ret = ZSTD_decompressStream(r->zs, &out, &r->zbuf);
        r->zin_total += r->zbuf.pos - before;
        r->zpending = out.pos == out.size;
        if (ZSTD_isError(ret)) {
            char msg[160];
            snprintf(msg, sizeof msg, "corrupt zstd data near compressed byte %llu: %s",
                     r->zin_total, ZSTD_getErrorName(ret));
            return rd_io_error(r, msg);
        }
        r->zlast = ret;
    }
    *got = out.pos;
    return RASD_OK;
}

/* Make the next decoded bytes current. RASD_DONE at the end. */
static rasd_status rd_fill(rasd_reader *r)
{
    r->cur_pos = r->cur_len = 0;
    if (r->eof)
        return RASD_DONE;
    size_t got = 0;
    if (r->zs) {
        rasd_status st = rd_zread(r, &got);
        if (st != RASD_OK)
            return st;
        r->cur = r->chunk;
    } else if (r->mem) {
        got = r->mem_given ? 0 : r->mem_len;
        r->mem_given = true;
        r->cur = r->mem;
    } else {
        got = fread(r->chunk, 1, r->chunk_cap, r->f);
        if (got == 0 && ferror(r->f))
            return rd_io_error(r, strerror(errno ? errno : EIO));
        r->cur = r->chunk;
    }
    if (got == 0) {
        r->eof = true;
        return RASD_DONE;
    }
    r->cur_len = got;
    return RASD_OK;
}

/* Set up zstd decompression when the input starts with the zstd magic. */
static rasd_status rd_detect_zstd(rasd_reader *r)
{
    unsigned char head[4];
    size_t n;
    if (r->mem) {
        n = r->mem_len < 4 ? r->mem_len : 4;
        memcpy(head, r->mem, n);
    } else {
        n = fread(head, 1, sizeof head, r->f);
        n = n < sizeof head ? n : sizeof head; /* (tells the compiler) */
        if (n < 4 && ferror(r->f))
            return rd_io_error(r, strerror(errno ? errno : EIO));
    }
    bool z = n == 4 && !memcmp(head, rd_zstd_magic, 4);
    if (z) {
        r->zs = ZSTD_createDStream();
        if (!r->zs || ZSTD_isError(ZSTD_initDStream(r->zs)))
            return err_set(RASD_ERR_NOMEM, "%s: cannot start zstd decompression", r->name);
        r->zlast = 1;
        if (!r->mem && !(r->zin = malloc(ZSTD_DStreamInSize())))
            return err_set(RASD_ERR_NOMEM, "%s: out of memory", r->name);
    }
    if (!r->mem) {
        /* hand the peeked bytes back: to zstd's input, or as the first chunk */
        if (z) {
            memcpy(r->zin, head, n);
            size_t more = fread(r->zin + n, 1, ZSTD_DStreamInSize() - n, r->f);
            if (ferror(r->f))
                return rd_io_error(r, strerror(errno ? errno : EIO));
            r->zbuf = (ZSTD_inBuffer){r->zin, n + more, 0};
        } else {
            memcpy(r->chunk, head, n);
            size_t more = n < 4 ? 0 : fread(r->chunk + n, 1, r->chunk_cap - n, r->f);
            if (ferror(r->f))
                return rd_io_error(r, strerror(errno ? errno : EIO));
            r->cur = r->chunk;
            r->cur_len = n + more;
            if (r->cur_len == 0)
                r->eof = true;
            return RASD_OK;
        }
    }
    rasd_status st = rd_fill(r);
    return st == RASD_DONE ? RASD_OK : st;
}

/* ---------------------------------------------------------- open/free */

static rasd_status rd_new(const rasd_ctx *ctx, const char *name, rasd_format fmt,
                          rasd_reader **out)
{
    rasd_reader *r = calloc(1, sizeof *r);
    if (!r)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", name);
    r->ctx = ctx;
    r->fmt = fmt;
    r->max = ctx && ctx->cfg.max_doc_bytes ? ctx->cfg.max_doc_bytes : 64u * 1024 * 1024;
    r->name = strdup(name);
    r->stem = rd_stem(strcmp(name, "<stdin>") ? name : "stdin");
    r->chunk_cap = RD_CHUNK > ZSTD_DStreamOutSize() ? RD_CHUNK : ZSTD_DStreamOutSize();
    r->chunk = malloc(r->chunk_cap);
    buf_init(&r->line);
    if (!r->name || !r->stem || !r->chunk) {
        rasd_reader_free(r);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", name);
    }
    *out = r;
    return RASD_OK;
}

static rasd_status rd_start(rasd_reader *r, const char *name)
{
    rasd_status st = rd_detect_zstd(r);
    if (st != RASD_OK)
        return st;
    if (r->fmt == RASD_FMT_AUTO)
        r->fmt = rd_format_by_ext(name);
    if (r->fmt == RASD_FMT_AUTO)
        r->fmt = rd_sniff(r->cur, r->cur_len);
    return RASD_OK;
}

static rasd_status rd_open_checked(rasd_reader *r, const char *name, rasd_reader **out)
{
    rasd_status st = rd_start(r, name);
    if (st != RASD_OK) {
        rasd_reader_free(r);
        return st;
    }
    *out = r;
    return RASD_OK;
}

rasd_status rasd_reader_open(const rasd_ctx *ctx, const char *path, rasd_format fmt,
                             rasd_reader **out)
{
    if (!path || !out)
        return err_set(RASD_ERR_ARG, "rasd_reader_open: NULL argument");
    *out = NULL;
    bool is_stdin = !strcmp(path, "-");
    rasd_reader *r;
    rasd_status st = rd_new(ctx, is_stdin ? "<stdin>" : path, fmt, &r);
    if (st != RASD_OK)
        return st;
    if (is_stdin) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            st = err_set(RASD_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
            rasd_reader_free(r);
            return st;
        }
        r->own_f = true;
    }
    return rd_open_checked(r, is_stdin ? "" : path, out);
}

rasd_status rasd_reader_open_mem(const rasd_ctx *ctx, const char *name, const char *data,
                                 size_t len, rasd_format fmt, rasd_reader **out)
{
    if (!out || (!data && len))
        return err_set(RASD_ERR_ARG, "rasd_reader_open_mem: NULL argument");
    *out = NULL;
    rasd_reader *r;
    rasd_status st = rd_new(ctx, name ? name : "memory", fmt, &r);
    if (st != RASD_OK)
        return st;
    r->mem = data ? data : "";
    r->mem_len = len;
    return rd_open_checked(r, name ? name : "", out);
}

rasd_format rasd_reader_format(const rasd_reader *r)
{
    return r ? r->fmt : RASD_FMT_AUTO;
}

void rasd_reader_free(rasd_reader *r)
{
    if (!r)
        return;
    if (r->own_f && r->f)
        fclose(r->f);
    ZSTD_freeDStream(r->zs);
    free(r->zin);
    free(r->chunk);
    free(r->name);
    free(r->stem);
    buf_free(&r->line);
    free(r);
}

/* --------------------------------------------------- whole-file formats */

static bool rd_blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (isspace(c))
            continue;
        if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0) { /* NBSP */
            i++;
            continue;
        }
        if (c == 0xEF && i + 2 < n && !memcmp(p + i, "\xEF\xBB\xBF", 3)) { /* BOM */
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

/* Read the whole (decoded) input, up to r->max bytes. A plain memory input
 * is used in place. */
static rasd_status rd_slurp(rasd_reader *r, buf *b, const char **p, size_t *n)
{
    if (r->mem && !r->zs && r->cur == r->mem) {
        *p = r->cur;
        *n = r->cur_len;
        r->cur_pos = r->cur_len;
        if (*n > r->max)
            return err_set(RASD_ERR_LIMIT, "%s: document of %zu bytes exceeds the limit "
                           "of %zu bytes (--max-doc-bytes)", r->name, *n, r->max);
        return RASD_OK;
    }
    unsigned long long total = 0;
    rasd_status st = RASD_OK;
    while (r->cur_len > r->cur_pos || (st = rd_fill(r)) == RASD_OK) {
        size_t k = r->cur_len - r->cur_pos;
        if (total + k <= r->max)
            buf_put(b, r->cur + r->cur_pos, k);
        total += k; /* past the limit: keep counting, to report the size */
        r->cur_pos = r->cur_len;
    }
    if (st != RASD_DONE)
        return st;
    if (total > r->max)
        return err_set(RASD_ERR_LIMIT, "%s: document of %llu bytes exceeds the limit of "
                       "%zu bytes (--max-doc-bytes)", r->name, total, r->max);
    if (b->oom)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", r->name);
    *p = b->data ? b->data : "";
    *n = b->len;
    return RASD_OK;
}

static rasd_status rd_next_whole(rasd_reader *r, rasd_doc **doc)
{
    if (r->done || r->failed)
        return RASD_DONE;
    r->done = true;
    buf b;
    buf_init(&b);
    const char *p = NULL;
    size_t n = 0;
    rasd_status st = rd_slurp(r, &b, &p, &n);
    if (st == RASD_OK && rd_blank(p, n))
        st = err_set(RASD_ERR_EMPTY, "%s: empty input", r->name);
    const char *nul = st == RASD_OK ? memchr(p, '\0', n) : NULL;
    if (nul)
        st = err_set(RASD_ERR_BINARY, "%s: binary input (NUL byte at offset %zu)", r->name,
                     (size_t)(nul - p));
    if (st == RASD_OK) {
        if (r->fmt == RASD_FMT_HTML)
            st = ingest_html_doc(r, p, n, doc);
        else
            st = doc_create(r->name, r->stem, p, n, doc);
    }
    buf_free(&b);
    return st;
}

/* ---------------------------------------------------------------- JSONL */

/* Next line without its terminator. A line longer than the limit is skipped
 * without being buffered: RASD_ERR_LIMIT with *len = its length. */
static rasd_status rd_line(rasd_reader *r, const char **line, size_t *len)
{
    size_t total = 0;
    bool over = false, any = false;
    r->line.len = 0;
    for (;;) {
        if (r->cur_pos >= r->cur_len) {
            rasd_status st = rd_fill(r);
            if (st == RASD_DONE && any)
                break;
            if (st != RASD_OK)
                return st;
        }
        any = true;
        const char *p = r->cur + r->cur_pos;
        size_t avail = r->cur_len - r->cur_pos;
        const char *nl = memchr(p, '\n', avail);
        size_t take = nl ? (size_t)(nl - p) : avail;
        r->cur_pos += take + (nl ? 1 : 0);
        if (nl && total == 0) { /* the whole line is in the chunk: no copy */
            r->lineno++;
            *line = p;
            *len = take;
            return take > r->max ? RASD_ERR_LIMIT : RASD_OK;
        }
        if (!over && total + take > r->max) {
            over = true;
            buf_free(&r->line);
        }
        if (!over)
            buf_put(&r->line, p, take);
        total += take;
        if (nl)
            break;
    }
    r->lineno++;
    *len = total;
    *line = r->line.data ? r->line.data : "";
    if (over)
        return RASD_ERR_LIMIT;
    if (r->line.oom) {
        buf_free(&r->line);
        return err_set(RASD_ERR_NOMEM, "%s:%zu: out of memory", r->name, r->lineno);
    }
    return RASD_OK;
}

static rasd_status rd_next_jsonl(rasd_reader *r, rasd_doc **doc)
{
    for (;;) {
        const char *line = NULL;
        size_t len = 0;
        rasd_status st = rd_line(r, &line, &len);
        if (st == RASD_DONE) {
            if (r->seen_record || r->failed)
                return RASD_DONE;
            r->seen_record = true; /* report an empty input once */
            return err_set(RASD_ERR_EMPTY, "%s: empty input", r->name);
        }
        if (st == RASD_ERR_LIMIT) {
            r->seen_record = true;
            return err_set(RASD_ERR_LIMIT, "%s:%zu: line of %zu bytes exceeds the limit of "
                           "%zu bytes (--max-doc-bytes)", r->name, r->lineno, len, r->max);
        }
        if (st != RASD_OK)
            return st;
        if (r->lineno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
            line += 3;
            len -= 3;
        }
        if (rd_blank(line, len))
            continue;
        r->seen_record = true;
        return ingest_jsonl_doc(r, line, len, r->lineno, doc);
    }
}

rasd_status rasd_reader_next(rasd_reader *r, rasd_doc **doc)
{
    if (!r || !doc)
        return err_set(RASD_ERR_ARG, "rasd_reader_next: NULL argument");
    *doc = NULL;
    if (r->fmt == RASD_FMT_JSONL)
        return rd_next_jsonl(r, doc);
    return rd_next_whole(r, doc);
}

rasd_status ingest_set_str(rasd_doc *doc, char **field, const char *s, size_t n)
{
    if (!s || !n)
        return RASD_OK;
    *field = arena_strndup(&doc->mem, s, n);
    return *field ? RASD_OK : err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
}
