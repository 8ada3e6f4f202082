/* doc.c - the document object: creation, metadata, and analysis (checks,
 * cleaning, dating, tokenising and sentence splitting). */
#include "doc.h"
#include "ingest/ingest.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

rasd_status doc_create(const char *input, const char *id, const char *text,
                       size_t len, rasd_doc **out)
{
    *out = NULL;
    rasd_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", input ? input : "document");
    arena_init(&doc->mem, len + 4096 < 64 * 1024 ? 64 * 1024 : 256 * 1024);
    doc->input = arena_strdup(&doc->mem, input ? input : (id ? id : "memory"));
    doc->id = arena_strdup(&doc->mem, id ? id : "doc");
    doc->text = arena_strndup(&doc->mem, text ? text : "", text ? len : 0);
    doc->text_len = text ? len : 0;
    if (!doc->input || !doc->id || !doc->text) {
        rasd_doc_free(doc);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", input ? input : "document");
    }
    *out = doc;
    return RASD_OK;
}

rasd_status rasd_doc_new(const char *id, const char *text, size_t len,
                         rasd_doc **out)
{
    if (!out || (!text && len))
        return err_set(RASD_ERR_ARG, "rasd_doc_new: NULL argument");
    return doc_create(NULL, id, text, len, out);
}

void rasd_doc_free(rasd_doc *doc)
{
    if (!doc)
        return;
    arena_free(&doc->mem);
    free(doc);
}

rasd_status rasd_doc_set_meta(rasd_doc *doc, rasd_meta field, const char *value)
{
    if (!doc)
        return err_set(RASD_ERR_ARG, "rasd_doc_set_meta: NULL document");
    if (field == RASD_META_DATE) {
        rasd_date d;
        if (!value || !ingest_parse_iso(value, &d))
            return err_set(RASD_ERR_PARSE, "%s: date is not ISO 8601: \"%.40s\"",
                           doc->input, value ? value : "");
        doc->date = d;
        return RASD_OK;
    }
    char *copy = value ? arena_strdup(&doc->mem, value) : NULL;
    if (value && !copy)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
    switch (field) {
    case RASD_META_ID: doc->id = copy ? copy : doc->id; break;
    case RASD_META_TITLE: doc->title = copy; break;
    case RASD_META_SOURCE: doc->source = copy; break;
    case RASD_META_URL: doc->url = copy; break;
    default: return err_set(RASD_ERR_ARG, "rasd_doc_set_meta: unknown field %d", (int)field);
    }
    return RASD_OK;
}

/* ---------------------------------------------------------- analysis */

/* Line and byte column (both 1-based) of offset `off`, for messages. */
static void doc_linecol(const char *text, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = off - start + 1;
}

/* Binary junk that is valid UTF-8 still has many C0 controls; text has
 * almost none besides tab, newline and carriage return. */
static rasd_status doc_check_binary(const rasd_doc *doc)
{
    const char *nul = memchr(doc->text, '\0', doc->text_len);
    if (nul)
        return err_set(RASD_ERR_BINARY, "%s: binary input (NUL byte at offset %zu)",
                       doc->input, (size_t)(nul - doc->text));
    size_t ctl = 0, first = 0, n = doc->text_len, i = 0;
    const unsigned char *t = (const unsigned char *)doc->text;
    while (i < n) {
        /* eight bytes at once while none is below 0x20 (exact test) */
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, t + i, 8),
                           !((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull))) {
            i += 8;
            continue;
        }
        for (size_t e = i + 8 < n ? i + 8 : n; i < e; i++) {
            unsigned char c = t[i];
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
                if (!ctl++)
                    first = i;
            }
        }
    }
    if (ctl > 8 && ctl * 100 > doc->text_len)
        return err_set(RASD_ERR_BINARY, "%s: binary input (%zu control bytes, first "
                       "at offset %zu)", doc->input, ctl, first);
    return RASD_OK;
}

static rasd_status doc_check_utf8(const rasd_ctx *ctx, rasd_doc *doc)
{
    size_t bad = utf8_find_invalid(doc->text, doc->text_len);
    if (bad >= doc->text_len)
        return RASD_OK;
    if (!ctx->cfg.replace_invalid) {
        size_t line, col;
        doc_linecol(doc->text, bad, &line, &col);
        return err_set(RASD_ERR_UTF8, "%s: invalid UTF-8 at byte %zu (line %zu, byte "
                       "column %zu); --replace-invalid repairs it with U+FFFD",
                       doc->input, bad, line, col);
    }
    char *fixed;
    size_t flen;
    rasd_status st = rasd_utf8_repair(doc->text, doc->text_len, &fixed, &flen,
                                      &doc->n_replaced);
    if (st != RASD_OK)
        return st;
    doc->text = arena_strndup(&doc->mem, fixed, flen);
    doc->text_len = flen;
    free(fixed);
    return doc->text ? RASD_OK : err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
}

static bool doc_blank(const rasd_doc *doc)
{
    for (size_t i = 0; i < doc->text_len;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)doc->text + i, doc->text_len - i, &cp);
        if (!n)
            return false;
        cclass c = text_class(cp);
        if (c != CC_SPACE && c != CC_NEWLINE && c != CC_IGNORABLE && c != CC_CONTROL)
            return false;
        i += n;
    }
    return true;
}

/* Tokenise each kept line and split it into sentences; a line break always
 * ends a sentence (news paragraphs and headlines are lines). */
static rasd_status doc_segment(const rasd_ctx *ctx, rasd_doc *doc)
{
    char *norm = arena_alloc(&doc->mem, 2 * doc->text_len + 1);
    if (!norm)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
    tokvec tv = {0};
    sentvec sv = {0};
    rasd_status st = RASD_OK;
    for (size_t i = 0; i < doc->n_lines && st == RASD_OK; i++) {
        const doc_line *ln = &doc->lines[i];
        if (ln->drop || ln->end <= ln->start)
            continue;
        size_t first = tv.n;
        st = text_tokenize(doc->text, ln->start, ln->end, ctx->cfg.norm_flags, &tv, &norm);
        if (st == RASD_OK && tv.n > first)
            st = text_split_sentences(doc->text, &tv, first, &sv);
    }
    if (st == RASD_OK) {
        doc->toks = arena_alloc(&doc->mem, (tv.n ? tv.n : 1) * sizeof *tv.v);
        doc->sents = arena_alloc(&doc->mem, (sv.n ? sv.n : 1) * sizeof *sv.v);
        if (!doc->toks || !doc->sents)
            st = err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
    }
    if (st == RASD_OK) {
        if (tv.n)
            memcpy(doc->toks, tv.v, tv.n * sizeof *tv.v);
        if (sv.n)
            memcpy(doc->sents, sv.v, sv.n * sizeof *sv.v);
        doc->n_toks = tv.n;
        doc->n_sents = sv.n;
    }
    tokvec_free(&tv);
    sentvec_free(&sv);
    return st;
}

rasd_status rasd_doc_analyze(const rasd_ctx *ctx, rasd_doc *doc)
{
    if (!ctx || !doc)
        return err_set(RASD_ERR_ARG, "rasd_doc_analyze: NULL argument");
    if (doc->analyzed)
        return RASD_OK;
    if (doc->text_len > ctx->cfg.max_doc_bytes)
        return err_set(RASD_ERR_LIMIT, "%s: document of %zu bytes exceeds the limit of "
                       "%zu bytes (--max-doc-bytes)", doc->input, doc->text_len,
                       ctx->cfg.max_doc_bytes);
    rasd_status st = doc_check_binary(doc);
    if (st == RASD_OK)
        st = doc_check_utf8(ctx, doc);
    if (st != RASD_OK)
        return st;
    if (doc_blank(doc))
        return err_set(RASD_ERR_EMPTY, "%s: empty input (no text)", doc->input);
    st = ingest_clean(doc, ctx->cfg.keep_furniture != 0);
    if (st != RASD_OK)
        return st;
    if (doc->date.precision == RASD_PREC_NONE) {
        rasd_date d;
        if (ingest_find_pubdate(doc, &d))
            doc->date = d;
    }
    st = doc_segment(ctx, doc);
    if (st == RASD_OK)
        doc->analyzed = true;
    return st;
}

/* ---------------------------------------------------------- accessors */

const char *rasd_doc_id(const rasd_doc *doc) { return doc ? doc->id : NULL; }
const char *rasd_doc_title(const rasd_doc *doc) { return doc ? doc->title : NULL; }
const char *rasd_doc_url(const rasd_doc *doc) { return doc ? doc->url : NULL; }
const char *rasd_doc_input(const rasd_doc *doc) { return doc ? doc->input : NULL; }

const char *rasd_doc_source(const rasd_doc *doc)
{
    if (!doc)
        return NULL;
    return doc->source ? doc->source : doc->credit;
}

const char *rasd_doc_text(const rasd_doc *doc, size_t *len)
{
    if (len)
        *len = doc ? doc->text_len : 0;
    return doc ? doc->text : NULL;
}

rasd_date rasd_doc_date(const rasd_doc *doc)
{
    rasd_date none = {0};
    return doc ? doc->date : none;
}

size_t rasd_doc_sentence_count(const rasd_doc *doc) { return doc ? doc->n_sents : 0; }
size_t rasd_doc_token_count(const rasd_doc *doc) { return doc ? doc->n_toks : 0; }
const rasd_sentence *rasd_doc_sentences(const rasd_doc *doc) { return doc ? doc->sents : NULL; }
const rasd_token *rasd_doc_tokens(const rasd_doc *doc) { return doc ? doc->toks : NULL; }
size_t rasd_doc_line_count(const rasd_doc *doc) { return doc ? doc->n_lines : 0; }

rasd_status rasd_doc_line(const rasd_doc *doc, size_t i, size_t *start,
                          size_t *end, const char **dropped, int *is_title)
{
    if (!doc || i >= doc->n_lines)
        return err_set(RASD_ERR_ARG, "rasd_doc_line: no line %zu", i);
    const doc_line *ln = &doc->lines[i];
    if (start)
        *start = ln->start;
    if (end)
        *end = ln->end;
    if (dropped)
        *dropped = ln->drop;
    if (is_title)
        *is_title = ln->is_title;
    return RASD_OK;
}
