/* jsonl.c - one JSON object per line: {"text": ..., "id", "date", "source",
 * "title", "url"}. Each rejected line is reported with its line number and
 * the reader carries on with the next. */
#include "ingest_int.h"
#include "jrec.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A parse failure as a message naming the line and column. */
static rasd_status jl_parse_error(const rasd_reader *r, size_t lineno, jrec_status js,
                                  const jrec *rec)
{
    switch (js) {
    case JREC_TRUNCATED:
        return err_set(RASD_ERR_PARSE, "%s:%zu: truncated JSON (column %zu)", r->name,
                       lineno, rec->error_col);
    case JREC_BAD_UTF8:
        return err_set(RASD_ERR_UTF8, "%s:%zu: invalid UTF-8 in JSON (column %zu)", r->name,
                       lineno, rec->error_col);
    case JREC_NOT_OBJECT:
        return err_set(RASD_ERR_PARSE, "%s:%zu: not a JSON object", r->name, lineno);
    default:
        return err_set(RASD_ERR_PARSE, "%s:%zu: invalid JSON: %s (column %zu)", r->name,
                       lineno, rec->error, rec->error_col);
    }
}

/* Optional string member, decoded into a new buffer (*s, caller frees):
 * absent, null and "" mean unset (*s = NULL). */
static rasd_status jl_opt_str(const rasd_reader *r, size_t lineno, const jrec *rec,
                              int field, const char *key, char **s, size_t *n)
{
    const jrec_span *sp = &rec->field[field];
    *s = NULL;
    *n = 0;
    if (sp->type == JREC_ABSENT || sp->type == JREC_NULL)
        return RASD_OK;
    if (sp->type != JREC_STRING)
        return err_set(RASD_ERR_PARSE, "%s:%zu: \"%s\" is not a string", r->name, lineno, key);
    if (!sp->len)
        return RASD_OK;
    *s = malloc(sp->len + 1);
    if (!*s)
        return err_set(RASD_ERR_NOMEM, "%s:%zu: out of memory", r->name, lineno);
    *n = jrec_decode(sp, *s);
    return RASD_OK;
}

/* The id: a string, or a number written back as text (integers exactly). */
static rasd_status jl_id(const rasd_reader *r, size_t lineno, const jrec *rec, char *tmp,
                         size_t cap, char **owned, const char **id)
{
    const jrec_span *sp = &rec->field[JREC_ID];
    *id = NULL;
    *owned = NULL;
    if (sp->type == JREC_INTEGER || sp->type == JREC_REAL) {
        char num[64];
        snprintf(num, sizeof num, "%.*s", (int)(sp->len < 63 ? sp->len : 63), sp->raw);
        errno = 0;
        long long v = sp->type == JREC_INTEGER ? strtoll(num, NULL, 10) : 0;
        if (sp->type == JREC_INTEGER && !errno)
            snprintf(tmp, cap, "%lld", v);
        else
            snprintf(tmp, cap, "%.17g", strtod(num, NULL));
        *id = tmp;
        return RASD_OK;
    }
    size_t n;
    rasd_status st = jl_opt_str(r, lineno, rec, JREC_ID, "id", owned, &n);
    *id = *owned;
    if (st == RASD_OK && !*id) {
        snprintf(tmp, cap, "%s:%zu", r->stem, lineno);
        *id = tmp;
    }
    return st;
}

static bool jl_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

/* Copy title, source, url and date into the new document. */
static rasd_status jl_meta(const rasd_reader *r, size_t lineno, const jrec *rec, rasd_doc *doc)
{
    static const char *keys[] = {"title", "source", "url"};
    static const int fields_of[] = {JREC_TITLE, JREC_SOURCE, JREC_URL};
    char **fields[] = {&doc->title, &doc->source, &doc->url};
    char *s;
    size_t n;
    rasd_status st;
    for (int i = 0; i < 3; i++) {
        if ((st = jl_opt_str(r, lineno, rec, fields_of[i], keys[i], &s, &n)) != RASD_OK)
            return st;
        st = ingest_set_str(doc, fields[i], s, n);
        free(s);
        if (st != RASD_OK)
            return st;
    }
    if ((st = jl_opt_str(r, lineno, rec, JREC_DATE, "date", &s, &n)) != RASD_OK)
        return st;
    if (s && n) {
        rasd_date d;
        bool ok = ingest_parse_iso(s, &d);
        if (!ok)
            st = err_set(RASD_ERR_PARSE, "%s:%zu: \"date\" is not ISO 8601: \"%.40s\"",
                         r->name, lineno, s);
        else
            doc->date = d;
    }
    free(s);
    return st;
}

/* The article text: used in place when it has no escapes (doc_create
 * copies it), decoded into *owned otherwise. */
static rasd_status jl_text(const rasd_reader *r, size_t lineno, const jrec *rec,
                           char **owned, const char **text, size_t *len)
{
    const jrec_span *t = &rec->field[JREC_TEXT];
    *owned = NULL;
    if (t->type != JREC_STRING)
        return err_set(RASD_ERR_PARSE, "%s:%zu: missing \"text\" string", r->name, lineno);
    *text = t->raw;
    *len = t->len;
    if (t->escaped) {
        if (!(*owned = malloc(t->len + 1)))
            return err_set(RASD_ERR_NOMEM, "%s:%zu: out of memory", r->name, lineno);
        *len = jrec_decode(t, *owned);
        *text = *owned;
    }
    if (jl_blank(*text, *len))
        return err_set(RASD_ERR_EMPTY, "%s:%zu: empty \"text\"", r->name, lineno);
    return RASD_OK;
}

static rasd_status jl_build(const rasd_reader *r, size_t lineno, const jrec *rec, rasd_doc **out)
{
    char *text_owned = NULL, *id_owned = NULL;
    const char *text = NULL, *id = NULL;
    size_t tlen = 0;
    char idbuf[256];
    rasd_status st = jl_text(r, lineno, rec, &text_owned, &text, &tlen);
    if (st == RASD_OK)
        st = jl_id(r, lineno, rec, idbuf, sizeof idbuf, &id_owned, &id);
    rasd_doc *doc = NULL;
    if (st == RASD_OK) {
        buf input; /* "path:line", however long the path */
        buf_init(&input);
        buf_printf(&input, "%s:%zu", r->name, lineno);
        st = input.oom ? err_set(RASD_ERR_NOMEM, "%s:%zu: out of memory", r->name, lineno)
                       : doc_create(input.data, id, text, tlen, &doc);
        buf_free(&input);
    }
    if (st == RASD_OK && (st = jl_meta(r, lineno, rec, doc)) != RASD_OK) {
        rasd_doc_free(doc);
        doc = NULL;
    }
    free(text_owned);
    free(id_owned);
    if (st == RASD_OK)
        *out = doc;
    return st;
}

rasd_status ingest_jsonl_doc(const rasd_reader *r, const char *line, size_t len,
                             size_t lineno, rasd_doc **out)
{
    char *fixed = NULL;
    if (r->ctx && r->ctx->cfg.replace_invalid) {
        /* repair first, so a stray byte costs one character, not the line */
        size_t flen;
        rasd_status st = rasd_utf8_repair(line, len, &fixed, &flen, NULL);
        if (st != RASD_OK)
            return st;
        line = fixed;
        len = flen;
    }
    jrec rec;
    jrec_status js = jrec_parse(line, len, &rec);
    rasd_status st = js == JREC_OK ? jl_build(r, lineno, &rec, out)
                                   : jl_parse_error(r, lineno, js, &rec);
    free(fixed);
    return st;
}
