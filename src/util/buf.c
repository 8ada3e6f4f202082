/* buf.c - growable byte buffer and a small JSON writer on top of it. */
#include "util.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void buf_init(buf *b) { memset(b, 0, sizeof *b); }

void buf_free(buf *b)
{
    free(b->data);
    buf_init(b);
}

void buf_reset(buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

bool buf_reserve(buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            b->oom = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    b->data[b->len] = '\0'; /* a fresh buffer is an empty string */
    return true;
}

void buf_put(buf *b, const void *p, size_t n)
{
    if (!buf_reserve(b, n) || n == 0)
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_putc(buf *b, char c)
{
    if (!buf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *buf_take(buf *b, size_t *len)
{
    if (!b->data && !b->oom)
        buf_reserve(b, 0);
    char *d = b->oom ? NULL : b->data;
    if (b->oom)
        free(b->data);
    if (len)
        *len = d ? b->len : 0;
    buf_init(b);
    return d;
}

bool array_grow(void **p, size_t *cap, size_t need, size_t es)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return false;
        nc *= 2;
    }
    if (es && nc > SIZE_MAX / es)
        return false;
    void *np = realloc(*p, nc * es);
    if (!np)
        return false;
    *p = np;
    *cap = nc;
    return true;
}

void json_str(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!buf_reserve(b, n + 2))
        return;
    buf_putc(b, '"');
    size_t run = 0; /* copy unescaped runs in one go: most bytes need nothing */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        buf_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': buf_put(b, "\\\"", 2); break;
        case '\\': buf_put(b, "\\\\", 2); break;
        case '\n': buf_put(b, "\\n", 2); break;
        case '\r': buf_put(b, "\\r", 2); break;
        case '\t': buf_put(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_put(b, e, 6);
        }
        }
    }
    buf_put(b, s + run, n - run);
    buf_putc(b, '"');
}

void json_cstr(buf *b, const char *s)
{
    if (s)
        json_str(b, s, strlen(s));
    else
        buf_put(b, "null", 4);
}

void json_key(buf *b, const char *key)
{
    json_cstr(b, key);
    buf_putc(b, ':');
}

rasd_status file_read_all(const char *path, char **out, size_t *len, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(RASD_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    buf b;
    buf_init(&b);
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) {
        if (b.len + n > max) {
            fclose(f);
            buf_free(&b);
            return err_set(RASD_ERR_LIMIT, "%s: larger than the limit of %zu bytes", path, max);
        }
        buf_put(&b, tmp, n);
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        buf_free(&b);
        return err_set(RASD_ERR_IO, "%s: read error", path);
    }
    if (b.oom) {
        buf_free(&b);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    }
    *out = buf_take(&b, len);
    return *out ? RASD_OK : err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
}

rasd_status buf_save(const buf *b, const char *path)
{
    if (b->oom)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(b->data, 1, b->len, f) == b->len;
    if (f && fclose(f))
        ok = false;
    return ok ? RASD_OK : err_set(RASD_ERR_IO, "%s: cannot write", path);
}

uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}
