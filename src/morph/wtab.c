/* wtab.c - weight tables: exact, growable float tables with perceptron
 * averaging for training, and their compact serialised form (32-bit
 * fingerprints, int16 rows) that the runtime reads in place from an mmap.
 *
 * Section layout: u32 ncols, u32 cap (power of two), u32 nrows, f32 scale,
 * u32 keys[cap], u32 rows[cap], i16 w[nrows * ncols]. */
#include "morph_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

rasd_status wtrain_init(wtrain *t, uint32_t ncols)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->cap = 1u << 16;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->rowof = calloc(t->cap, sizeof *t->rowof);
    if (!t->keys || !t->rowof) {
        wtrain_free(t);
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (weights)");
    }
    return RASD_OK;
}

void wtrain_free(wtrain *t)
{
    free(t->keys);
    free(t->rowof);
    free(t->w);
    free(t->u);
    memset(t, 0, sizeof *t);
}

/* Key 0 marks an empty slot; remap a (vanishingly unlikely) zero hash. */
static uint64_t key_of(uint64_t h)
{
    return h ? h : 1;
}

static size_t find_slot(const uint64_t *keys, size_t cap, uint64_t k)
{
    size_t i = (size_t)(k & (cap - 1));
    while (keys[i] && keys[i] != k)
        i = (i + 1) & (cap - 1);
    return i;
}

const float *wtrain_get(const wtrain *t, uint64_t h)
{
    uint64_t k = key_of(h);
    size_t i = find_slot(t->keys, t->cap, k);
    return t->keys[i] ? t->w + (size_t)t->rowof[i] * t->ncols : NULL;
}

static rasd_status grow_index(wtrain *t)
{
    size_t cap = t->cap * 2;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *rowof = calloc(cap, sizeof *rowof);
    if (!keys || !rowof) {
        free(keys);
        free(rowof);
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (weights)");
    }
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        size_t j = find_slot(keys, cap, t->keys[i]);
        keys[j] = t->keys[i];
        rowof[j] = t->rowof[i];
    }
    free(t->keys);
    free(t->rowof);
    t->keys = keys;
    t->rowof = rowof;
    t->cap = cap;
    return RASD_OK;
}

static rasd_status grow_rows(wtrain *t)
{
    size_t rc = t->rowcap ? t->rowcap * 2 : 4096;
    float *w = realloc(t->w, rc * t->ncols * sizeof *w);
    if (!w)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (weights)");
    t->w = w;
    double *u = realloc(t->u, rc * t->ncols * sizeof *u);
    if (!u)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (weights)");
    t->u = u;
    memset(t->w + t->rowcap * t->ncols, 0, (rc - t->rowcap) * t->ncols * sizeof *w);
    memset(t->u + t->rowcap * t->ncols, 0, (rc - t->rowcap) * t->ncols * sizeof *u);
    t->rowcap = rc;
    return RASD_OK;
}

rasd_status wtrain_add(wtrain *t, uint64_t h, uint32_t col, float d)
{
    uint64_t k = key_of(h);
    size_t i = find_slot(t->keys, t->cap, k);
    if (!t->keys[i]) {
        if ((t->nrows + 1) * 2 > t->cap) {
            rasd_status st = grow_index(t);
            if (st)
                return st;
            i = find_slot(t->keys, t->cap, k);
        }
        if (t->nrows == t->rowcap) {
            rasd_status st = grow_rows(t);
            if (st)
                return st;
        }
        t->keys[i] = k;
        t->rowof[i] = (uint32_t)t->nrows++;
    }
    size_t at = (size_t)t->rowof[i] * t->ncols + col;
    t->w[at] += d;
    t->u[at] += t->c * d;
    return RASD_OK;
}

static float avg_at(const wtrain *t, size_t at)
{
    return t->c > 0 ? t->w[at] - (float)(t->u[at] / t->c) : t->w[at];
}

static void put_u32(buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                          (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    buf_put(b, x, 4);
}

static void put_i16(buf *b, int16_t v)
{
    uint16_t u = (uint16_t)v;
    unsigned char x[2] = {(unsigned char)u, (unsigned char)(u >> 8)};
    buf_put(b, x, 2);
}

/* Rows kept, their maximum weight, and the table capacity. */
static size_t export_plan(const wtrain *t, float prune, unsigned char *keep,
                          float *maxw)
{
    size_t kept = 0;
    *maxw = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        float m = 0;
        for (uint32_t c = 0; c < t->ncols; c++) {
            float v = fabsf(avg_at(t, r * t->ncols + c));
            m = v > m ? v : m;
        }
        keep[r] = m > prune;
        kept += keep[r];
        *maxw = m > *maxw ? m : *maxw;
    }
    return kept;
}

rasd_status wtrain_export(const wtrain *t, float prune, buf *out, size_t *kept)
{
    unsigned char *keep = malloc(t->nrows + 1);
    uint32_t *newrow = malloc((t->nrows + 1) * sizeof *newrow);
    if (!keep || !newrow) {
        free(keep);
        free(newrow);
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (export)");
    }
    float maxw;
    size_t n = export_plan(t, prune, keep, &maxw);
    uint32_t cap = 1024;
    while (cap < n * 2)
        cap *= 2;
    float scale = maxw > 0 ? maxw / 32000.0f : 1.0f;
    uint32_t *keys = calloc(cap, 4), *rows = calloc(cap, 4);
    if (!keys || !rows) {
        free(keep);
        free(newrow);
        free(keys);
        free(rows);
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (export)");
    }
    /* Rows are numbered in slot order of the training index: deterministic. */
    uint32_t nr = 0;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i] || !keep[t->rowof[i]])
            continue;
        uint64_t h = t->keys[i];
        uint32_t fp = (uint32_t)(h >> 32) | 1u, j = (uint32_t)h & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = fp;
        rows[j] = nr;
        newrow[nr++] = t->rowof[i];
    }
    put_u32(out, t->ncols);
    put_u32(out, cap);
    put_u32(out, nr);
    uint32_t sb;
    memcpy(&sb, &scale, 4);
    put_u32(out, sb);
    for (uint32_t i = 0; i < cap; i++)
        put_u32(out, keys[i]);
    for (uint32_t i = 0; i < cap; i++)
        put_u32(out, rows[i]);
    for (uint32_t r = 0; r < nr; r++)
        for (uint32_t c = 0; c < t->ncols; c++) {
            float v = avg_at(t, (size_t)newrow[r] * t->ncols + c) / scale;
            put_i16(out, (int16_t)lrintf(v > 32767 ? 32767 : v < -32767 ? -32767 : v));
        }
    *kept = nr;
    free(keep);
    free(newrow);
    free(keys);
    free(rows);
    return out->oom ? err_set(RASD_ERR_NOMEM, "morph: out of memory (export)")
                    : RASD_OK;
}

rasd_status wtab_bind(wtab *t, const void *sec, size_t len, const char *what)
{
    const uint32_t *h = sec;
    if (!sec || len < 16)
        return err_set(RASD_ERR_PARSE, "%s: weight section missing or short", what);
    uint32_t ncols = h[0], cap = h[1], nrows = h[2];
    if (!ncols || ncols > 64 || !cap || (cap & (cap - 1)) || nrows >= cap ||
        len < 16 + (size_t)cap * 8 + (size_t)nrows * ncols * 2)
        return err_set(RASD_ERR_PARSE, "%s: bad weight table header", what);
    t->ncols = ncols;
    t->mask = cap - 1;
    t->keys = h + 4;
    t->rows = h + 4 + cap;
    t->w = (const int16_t *)(h + 4 + 2 * (size_t)cap);
    for (uint32_t i = 0; i < cap; i++)
        if (t->keys[i] && t->rows[i] >= nrows)
            return err_set(RASD_ERR_PARSE, "%s: weight row %u out of range", what, i);
    return RASD_OK;
}
