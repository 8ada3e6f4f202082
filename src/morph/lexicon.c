/* lexicon.c - word frequencies from unlabelled text, for the segmenter.
 *
 * Words are maximal runs of Arabic letters (marks and tatweel inside a run
 * are dropped, letters folded as in letters.c). Any text file works; `.zst`
 * files are decompressed on the fly, and JSON Lines are read as they are
 * (the Arabic of the strings is plain UTF-8; keys and URLs add a little
 * noise that does not matter for frequencies). */
#include "morph_int.h"
#include "lexicon.h"
#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

rasd_status lexb_init(lexb *x)
{
    memset(x, 0, sizeof *x);
    buf_init(&x->pool);
    x->cap = 1u << 16;
    x->keys = calloc(x->cap, sizeof *x->keys);
    x->ent = calloc(x->cap, sizeof *x->ent);
    if (!x->keys || !x->ent) {
        lexb_free(x);
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
    }
    return RASD_OK;
}

void lexb_free(lexb *x)
{
    free(x->keys);
    free(x->ent);
    buf_free(&x->pool);
    memset(x, 0, sizeof *x);
}

static size_t slot_of(const uint64_t *keys, size_t cap, uint64_t k)
{
    size_t i = (size_t)k & (cap - 1);
    while (keys[i] && keys[i] != k)
        i = (i + 1) & (cap - 1);
    return i;
}

static int lexb_grow(lexb *x)
{
    size_t cap = x->cap * 2;
    uint64_t *keys = calloc(cap, sizeof *keys);
    lexent *ent = calloc(cap, sizeof *ent);
    if (!keys || !ent) {
        free(keys);
        free(ent);
        return 0;
    }
    for (size_t i = 0; i < x->cap; i++) {
        if (!x->keys[i])
            continue;
        size_t j = slot_of(keys, cap, x->keys[i]);
        keys[j] = x->keys[i];
        ent[j] = x->ent[i];
    }
    free(x->keys);
    free(x->ent);
    x->keys = keys;
    x->ent = ent;
    x->cap = cap;
    return 1;
}

static int lexb_word(lexb *x, const uint16_t *cp, int n)
{
    uint64_t h = ml_hash(cp, 0, n);
    uint64_t k = h ? h : 1;
    size_t i = slot_of(x->keys, x->cap, k);
    if (!x->keys[i]) {
        if ((x->n + 1) * 2 > x->cap) {
            if (!lexb_grow(x))
                return 0;
            i = slot_of(x->keys, x->cap, k);
        }
        x->keys[i] = k;
        x->ent[i].str = (uint32_t)x->pool.len;
        x->ent[i].count = 0;
        char tmp[ML_MAX * 4 + 1];
        size_t len = ml_to_utf8(cp, 0, n, tmp, sizeof tmp);
        buf_put(&x->pool, tmp, len + 1);
        x->n++;
    }
    x->ent[i].count++;
    x->tokens++;
    return !x->pool.oom;
}

/* Scan s[0..n); a word cut by the end of a chunk is carried in x->pend. */
static int lexb_scan(lexb *x, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(u + i, n - i, &cp);
        if (!k) {
            if (n - i < 4 && (u[i] & 0xC0) == 0xC0) { /* split sequence */
                memcpy(x->carry, u + i, n - i);
                x->ncarry = n - i;
                return 1;
            }
            k = 1;
        }
        int f = cp < 0x80 ? -1 : ml_fold(cp);
        if (f > 0 && x->npend < ML_MAX) {
            x->pend[x->npend++] = (uint16_t)f;
        } else if (f > 0) {
            x->npend = ML_MAX + 1; /* too long: drop the run */
        } else if (f < 0) {
            if (x->npend > 0 && x->npend <= ML_MAX && !lexb_word(x, x->pend, x->npend))
                return 0;
            x->npend = 0;
        }
        i += k;
    }
    return 1;
}

rasd_status lexb_add_text(lexb *x, const char *s, size_t n)
{
    if (x->ncarry) { /* finish the sequence the last chunk cut */
        unsigned char tmp[8];
        size_t have = x->ncarry, add = n < 3 ? n : 3;
        memcpy(tmp, x->carry, have);
        memcpy(tmp + have, s, add);
        x->ncarry = 0;
        uint32_t cp;
        size_t k = utf8_decode(tmp, have + add, &cp);
        if (k > have) {
            if (!lexb_scan(x, (const char *)tmp, k))
                return err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
            s += k - have;
            n -= k - have;
        }
    }
    if (!lexb_scan(x, s, n))
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
    return RASD_OK;
}

static rasd_status read_zst(lexb *x, FILE *f, const char *path, size_t max)
{
    ZSTD_DStream *z = ZSTD_createDStream();
    size_t inc = ZSTD_DStreamInSize(), outc = ZSTD_DStreamOutSize();
    char *in = malloc(inc), *out = malloc(outc);
    rasd_status st = RASD_OK;
    if (!z || !in || !out) {
        st = err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
        goto done;
    }
    ZSTD_initDStream(z);
    size_t got, total = 0;
    while (!st && total < max && (got = fread(in, 1, inc, f)) > 0) {
        ZSTD_inBuffer ib = {in, got, 0};
        while (!st && ib.pos < ib.size) {
            ZSTD_outBuffer ob = {out, outc, 0};
            size_t r = ZSTD_decompressStream(z, &ob, &ib);
            if (ZSTD_isError(r))
                st = err_set(RASD_ERR_PARSE, "%s: zstd: %s", path, ZSTD_getErrorName(r));
            else
                st = lexb_add_text(x, out, ob.pos);
            total += ob.pos;
        }
    }
done:
    ZSTD_freeDStream(z);
    free(in);
    free(out);
    return st;
}

rasd_status lexb_read_file(lexb *x, const char *path, size_t max_bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(RASD_ERR_IO, "%s: cannot open", path);
    size_t pl = strlen(path);
    rasd_status st = RASD_OK;
    if (pl > 4 && strcmp(path + pl - 4, ".zst") == 0) {
        st = read_zst(x, f, path, max_bytes);
    } else {
        char *b = malloc(1 << 16);
        size_t got, total = 0;
        if (!b)
            st = err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
        while (!st && total < max_bytes && (got = fread(b, 1, 1 << 16, f)) > 0) {
            st = lexb_add_text(x, b, got);
            total += got;
        }
        free(b);
    }
    if (!st && ferror(f))
        st = err_set(RASD_ERR_IO, "%s: read error", path);
    fclose(f);
    if (!st && x->npend > 0 && x->npend <= ML_MAX && !lexb_word(x, x->pend, x->npend))
        st = err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
    x->npend = 0;
    return st;
}

static int bucket_of(uint32_t count)
{
    int b = 1;
    while (count > 1 && b < 31) {
        count >>= 1;
        b++;
    }
    return b;
}

rasd_status lexb_export(const lexb *x, uint32_t min_count, buf *out)
{
    size_t n = 0;
    for (size_t i = 0; i < x->cap; i++)
        n += x->keys[i] && x->ent[i].count >= min_count;
    uint32_t cap = 1024;
    while (cap < n * 2)
        cap *= 2;
    uint32_t *slot = calloc(cap, 4);
    if (!slot)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)");
    for (size_t i = 0; i < x->cap; i++) {
        if (!x->keys[i] || x->ent[i].count < min_count)
            continue;
        uint64_t h = x->keys[i];
        uint32_t v = ((uint32_t)(h >> 37) << 5) | 0x20u;
        v = (v & ~31u) | (uint32_t)bucket_of(x->ent[i].count);
        uint32_t j = (uint32_t)h & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = v;
    }
    uint32_t hdr[2] = {cap, 0};
    buf_put(out, hdr, sizeof hdr);
    buf_put(out, slot, (size_t)cap * 4);
    free(slot);
    return out->oom ? err_set(RASD_ERR_NOMEM, "morph: out of memory (lexicon)")
                    : RASD_OK;
}

typedef struct rank {
    uint32_t count, str;
    size_t slot;
} rank;

static int by_count(const void *a, const void *b)
{
    const rank *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return x->str < y->str ? -1 : x->str > y->str; /* first seen first */
}

size_t lexb_top(const lexb *x, size_t k, size_t **out)
{
    rank *r = malloc((x->n + 1) * sizeof *r);
    size_t *idx = malloc((x->n + 1) * sizeof *idx), n = 0;
    *out = idx;
    if (!r || !idx) {
        free(r);
        return 0;
    }
    for (size_t i = 0; i < x->cap; i++)
        if (x->keys[i])
            r[n++] = (rank){x->ent[i].count, x->ent[i].str, i};
    qsort(r, n, sizeof *r, by_count);
    for (size_t i = 0; i < n; i++)
        idx[i] = r[i].slot;
    free(r);
    return n < k ? n : k;
}
