/* serve_parse.c - the untrusted-input side of the HTTP layer: percent
 * decoding, query strings, request paths and content types. Everything here
 * works on raw bytes from the network, so each function bounds its input
 * and rejects rather than repairs. */
#include "serve/serve.h"
#include <stdlib.h>
#include <string.h>

static int parse_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

rasd_status serve_unescape(const char *s, size_t n, bool plus_space, char *out,
                           size_t cap, size_t *out_len)
{
    size_t o = 0;
    if (cap == 0)
        return err_set(RASD_ERR_ARG, "no room to decode");
    for (size_t i = 0; i < n; i++) {
        if (o + 1 >= cap)
            return err_set(RASD_ERR_ARG, "value too long");
        unsigned char c = (unsigned char)s[i];
        if (c == '%') {
            if (n - i < 3)
                return err_set(RASD_ERR_ARG, "malformed percent escape");
            int hi = parse_hex(s[i + 1]), lo = parse_hex(s[i + 2]);
            if (hi < 0 || lo < 0)
                return err_set(RASD_ERR_ARG, "malformed percent escape");
            c = (unsigned char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_space) {
            c = ' ';
        }
        if (c < 0x20 || c == 0x7f)
            return err_set(RASD_ERR_ARG, "control character in request");
        out[o++] = (char)c;
    }
    out[o] = '\0';
    size_t bad;
    if (rasd_utf8_check(out, o, &bad) != RASD_OK)
        return err_set(RASD_ERR_ARG, "invalid UTF-8 in request");
    if (out_len)
        *out_len = o;
    return RASD_OK;
}

void serve_params_free(serve_params *p)
{
    free(p->mem);
    p->mem = NULL;
    p->n = 0;
}

const char *serve_param_get(const serve_params *p, const char *key)
{
    for (size_t i = 0; i < p->n; i++)
        if (!strcmp(p->v[i].key, key))
            return p->v[i].val;
    return NULL;
}

static bool params_key_ok(const char *k, size_t n)
{
    if (n == 0 || n > SERVE_MAX_KEY)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = k[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

/* Decode one "key=value" pair into mem at *used. */
static rasd_status params_add(serve_params *p, const char *s, size_t n,
                              size_t *used)
{
    if (p->n == SERVE_MAX_PARAMS)
        return err_set(RASD_ERR_ARG, "too many parameters (at most %d)",
                       SERVE_MAX_PARAMS);
    const char *eq = memchr(s, '=', n);
    size_t kn = eq ? (size_t)(eq - s) : n;
    const char *v = eq ? eq + 1 : s + n;
    size_t vn = eq ? n - kn - 1 : 0;
    /* Keys are plain ASCII names: no decoding needed, none accepted. */
    if (!params_key_ok(s, kn))
        return err_set(RASD_ERR_ARG, "malformed parameter name");
    char *key = p->mem + *used;
    memcpy(key, s, kn);
    key[kn] = '\0';
    *used += kn + 1;
    if (vn > 3 * SERVE_MAX_VALUE)
        return err_set(RASD_ERR_ARG, "parameter '%s' too long (at most %d bytes)",
                       key, SERVE_MAX_VALUE);
    char *val = p->mem + *used;
    size_t len;
    rasd_status st = serve_unescape(v, vn, true, val, vn + 1, &len);
    if (st != RASD_OK)
        return err_set(st, "parameter '%s': %s", key, rasd_errmsg());
    if (len > SERVE_MAX_VALUE)
        return err_set(RASD_ERR_ARG, "parameter '%s' too long (at most %d bytes)",
                       key, SERVE_MAX_VALUE);
    *used += len + 1;
    if (serve_param_get(p, key))
        return err_set(RASD_ERR_ARG, "parameter '%s' given twice", key);
    p->v[p->n].key = key;
    p->v[p->n].val = val;
    p->n++;
    return RASD_OK;
}

rasd_status serve_params_parse(const char *query, size_t n, serve_params *p)
{
    p->n = 0;
    p->mem = NULL;
    if (n > SERVE_MAX_URI)
        return err_set(RASD_ERR_ARG, "query string too long (at most %d bytes)",
                       SERVE_MAX_URI);
    /* Decoding never grows a string; each pair adds at most two NULs. */
    p->mem = malloc(n + 2 * SERVE_MAX_PARAMS + 2);
    if (!p->mem)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    size_t used = 0, i = 0;
    while (i < n) {
        const char *amp = memchr(query + i, '&', n - i);
        size_t end = amp ? (size_t)(amp - query) : n;
        if (end > i) {
            rasd_status st = params_add(p, query + i, end - i, &used);
            if (st != RASD_OK)
                return st;
        }
        i = end + 1;
    }
    return RASD_OK;
}

void serve_uri_split(const char *uri, size_t n, size_t *path_len,
                     const char **query, size_t *query_len)
{
    const char *q = memchr(uri, '?', n);
    *path_len = q ? (size_t)(q - uri) : n;
    *query = q ? q + 1 : uri + n;
    *query_len = q ? n - *path_len - 1 : 0;
}

/* A segment that must not appear in a static path: "", ".", "..", any
 * hidden name (".git", ".env"). */
static bool path_segment_bad(const char *s, size_t n)
{
    return n == 0 || s[0] == '.';
}

rasd_status serve_path_clean(const char *raw, size_t n, char *out, size_t cap)
{
    if (n == 0 || raw[0] != '/')
        return err_set(RASD_ERR_ARG, "path must start with '/'");
    if (n >= cap || n > SERVE_MAX_URI)
        return err_set(RASD_ERR_ARG, "path too long");
    size_t len;
    rasd_status st = serve_unescape(raw + 1, n - 1, false, out, cap, &len);
    if (st != RASD_OK)
        return st;
    if (memchr(out, '\\', len))
        return err_set(RASD_ERR_ARG, "backslash in path");
    /* Check every segment of the decoded path, including the last one. */
    size_t seg = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && out[i] != '/')
            continue;
        bool last = i == len;
        if (!(last && i == seg) && path_segment_bad(out + seg, i - seg))
            return err_set(RASD_ERR_ARG, "forbidden path segment");
        seg = i + 1;
    }
    if (len == 0 || out[len - 1] == '/') {
        static const char idx[] = "index.html";
        if (len + sizeof idx > cap)
            return err_set(RASD_ERR_ARG, "path too long");
        memcpy(out + len, idx, sizeof idx);
    }
    return RASD_OK;
}

const char *serve_mime(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
    };
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i].ext))
            return types[i].type;
    return NULL;
}
