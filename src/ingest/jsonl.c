/* jsonl.c - one JSON object per line: {"text": ..., "id", "date", "source",
 * "title", "url"}. Each rejected line is reported with its line number and
 * the reader carries on with the next. */
#include "ingest_int.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Jansson's failure as a message naming the line and column. */
static rasd_status jl_parse_error(const rasd_reader *r, size_t lineno, const json_error_t *e)
{
    switch (json_error_code(e)) {
    case json_error_premature_end_of_input:
        return err_set(RASD_ERR_PARSE, "%s:%zu: truncated JSON (column %d)", r->name,
                       lineno, e->column);
    case json_error_invalid_utf8:
        return err_set(RASD_ERR_UTF8, "%s:%zu: invalid UTF-8 in JSON (column %d)", r->name,
                       lineno, e->column);
    default:
        return err_set(RASD_ERR_PARSE, "%s:%zu: invalid JSON: %s (column %d)", r->name,
                       lineno, e->text, e->column);
    }
}

/* Optional string member: absent, null and "" mean unset. */
static rasd_status jl_opt_str(const rasd_reader *r, size_t lineno, json_t *o,
                              const char *key, const char **s, size_t *n)
{
    json_t *v = json_object_get(o, key);
    *s = NULL;
    *n = 0;
    if (!v || json_is_null(v))
        return RASD_OK;
    if (!json_is_string(v))
        return err_set(RASD_ERR_PARSE, "%s:%zu: \"%s\" is not a string", r->name, lineno, key);
    *s = json_string_value(v);
    *n = json_string_length(v);
    return RASD_OK;
}

/* The id: a string, or a number written back as text. */
static rasd_status jl_id(const rasd_reader *r, size_t lineno, json_t *o, char *tmp,
                         size_t cap, const char **id)
{
    json_t *v = json_object_get(o, "id");
    *id = NULL;
    if (json_is_integer(v)) {
        snprintf(tmp, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        *id = tmp;
        return RASD_OK;
    }
    if (json_is_real(v)) {
        snprintf(tmp, cap, "%.17g", json_real_value(v));
        *id = tmp;
        return RASD_OK;
    }
    size_t n;
    rasd_status st = jl_opt_str(r, lineno, o, "id", id, &n);
    if (st == RASD_OK && *id && strlen(*id) != n)
        st = err_set(RASD_ERR_PARSE, "%s:%zu: \"id\" contains a NUL character", r->name, lineno);
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
static rasd_status jl_meta(const rasd_reader *r, size_t lineno, json_t *o, rasd_doc *doc)
{
    static const char *keys[] = {"title", "source", "url"};
    char **fields[] = {&doc->title, &doc->source, &doc->url};
    const char *s;
    size_t n;
    rasd_status st;
    for (int i = 0; i < 3; i++) {
        if ((st = jl_opt_str(r, lineno, o, keys[i], &s, &n)) != RASD_OK ||
            (st = ingest_set_str(doc, fields[i], s, n)) != RASD_OK)
            return st;
    }
    if ((st = jl_opt_str(r, lineno, o, "date", &s, &n)) != RASD_OK)
        return st;
    if (s && n) {
        rasd_date d;
        if (strlen(s) != n || !ingest_parse_iso(s, &d))
            return err_set(RASD_ERR_PARSE, "%s:%zu: \"date\" is not ISO 8601: \"%.40s\"",
                           r->name, lineno, s);
        doc->date = d;
    }
    return RASD_OK;
}

static rasd_status jl_build(const rasd_reader *r, size_t lineno, json_t *o, rasd_doc **out)
{
    if (!json_is_object(o))
        return err_set(RASD_ERR_PARSE, "%s:%zu: not a JSON object", r->name, lineno);
    json_t *t = json_object_get(o, "text");
    if (!json_is_string(t))
        return err_set(RASD_ERR_PARSE, "%s:%zu: missing \"text\" string", r->name, lineno);
    const char *text = json_string_value(t);
    size_t tlen = json_string_length(t);
    if (jl_blank(text, tlen))
        return err_set(RASD_ERR_EMPTY, "%s:%zu: empty \"text\"", r->name, lineno);
    char idbuf[256];
    const char *id;
    rasd_status st = jl_id(r, lineno, o, idbuf, sizeof idbuf, &id);
    if (st != RASD_OK)
        return st;
    buf input; /* "path:line", however long the path */
    buf_init(&input);
    buf_printf(&input, "%s:%zu", r->name, lineno);
    if (input.oom)
        return err_set(RASD_ERR_NOMEM, "%s:%zu: out of memory", r->name, lineno);
    rasd_doc *doc;
    st = doc_create(input.data, id, text, tlen, &doc);
    buf_free(&input);
    if (st != RASD_OK)
        return st;
    if ((st = jl_meta(r, lineno, o, doc)) != RASD_OK) {
        rasd_doc_free(doc);
        return st;
    }
    *out = doc;
    return RASD_OK;
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
    json_error_t e;
    json_t *o = json_loadb(line, len, JSON_DECODE_ANY, &e);
    rasd_status st = o ? jl_build(r, lineno, o, out) : jl_parse_error(r, lineno, &e);
    json_decref(o);
    free(fixed);
    return st;
}
