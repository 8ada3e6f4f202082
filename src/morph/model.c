/* model.c - loading the segmentation and tagging models (mfile containers,
 * mmapped and checksummed; the tables are used in place).
 *
 * seg.bin (kind SEG1): PROV provenance text, SEGW weights (wtab.c), LEXI
 *   word-frequency lexicon (u32 cap, u32 0, u32 slot[cap]: fingerprint << 5 |
 *   log2 bucket), CACH frequent-word analyses (u32 cap, u32 0, u64
 *   slot[cap]: 48-bit fingerprint << 16 | packed candidate).
 * pos.bin (kind POS1): PROV, POSW weights. */
#include "morph_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEG_VERSION 1
#define POS_VERSION 1

static int pow2(uint32_t v)
{
    return v && !(v & (v - 1));
}

rasd_status mlex_bind(mlex *x, const void *sec, size_t len, const char *path)
{
    const uint32_t *h = sec;
    if (!sec || len < 8 || !pow2(h[0]) || len < 8 + (size_t)h[0] * 4)
        return err_set(RASD_ERR_PARSE, "%s: bad lexicon section", path);
    x->mask = h[0] - 1;
    x->slot = h + 2;
    for (uint32_t i = 0; i <= x->mask; i++)
        if (!x->slot[i])
            return RASD_OK;
    return err_set(RASD_ERR_PARSE, "%s: lexicon table full", path);
}

rasd_status mcache_bind(mcache *k, const void *sec, size_t len,
                        const char *path)
{
    const uint32_t *h = sec;
    if (!sec || len < 8 || !pow2(h[0]) || len < 8 + (size_t)h[0] * 8)
        return err_set(RASD_ERR_PARSE, "%s: bad cache section", path);
    k->mask = h[0] - 1;
    k->slot = (const uint64_t *)(h + 2);
    for (uint32_t i = 0; i <= k->mask; i++)
        if (!k->slot[i])
            return RASD_OK;
    return err_set(RASD_ERR_PARSE, "%s: cache table full", path);
}

static const char *prov_of(const mfile *f)
{
    size_t len;
    const char *p = mfile_section(f, "PROV", &len);
    return p && len && p[len - 1] == 0 ? p : "";
}

static rasd_status load_seg(morph_model *m, const char *path)
{
    rasd_status st = mfile_open(path, "SEG1", SEG_VERSION, &m->segf);
    if (st)
        return st;
    size_t len;
    const void *sec = mfile_section(m->segf, "SEGW", &len);
    if ((st = wtab_bind(&m->segw, sec, len, path)))
        return st;
    sec = mfile_section(m->segf, "LEXI", &len);
    if ((st = mlex_bind(&m->lex, sec, len, path)))
        return st;
    sec = mfile_section(m->segf, "CACH", &len);
    if ((st = mcache_bind(&m->cache, sec, len, path)))
        return st;
    m->seg_prov = prov_of(m->segf);
    return RASD_OK;
}

static rasd_status load_pos(morph_model *m, const char *path)
{
    rasd_status st = mfile_open(path, "POS1", POS_VERSION, &m->posf);
    if (st)
        return st;
    size_t len;
    const void *sec = mfile_section(m->posf, "POSW", &len);
    if ((st = wtab_bind(&m->posw, sec, len, path)))
        return st;
    if (m->posw.ncols != UPOS_COUNT - 1)
        return err_set(RASD_ERR_FORMAT, "%s: tagger has %u tags, expected %d",
                       path, m->posw.ncols, UPOS_COUNT - 1);
    m->pos_prov = prov_of(m->posf);
    return RASD_OK;
}

rasd_status morph_load_files(const char *seg_path, const char *pos_path,
                             morph_model **out)
{
    *out = NULL;
    if (!seg_path)
        return err_set(RASD_ERR_ARG, "morph: no segmentation model given");
    morph_model *m = calloc(1, sizeof *m);
    if (!m)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory");
    m->seg_prov = m->pos_prov = "";
    rasd_status st = load_seg(m, seg_path);
    if (!st && pos_path)
        st = load_pos(m, pos_path);
    if (st) {
        morph_free(m);
        return st;
    }
    *out = m;
    return RASD_OK;
}

rasd_status morph_load(const char *data_dir, morph_model **out)
{
    char seg[4096], pos[4096];
    if (!data_dir)
        return err_set(RASD_ERR_ARG, "morph: no data directory");
    int a = snprintf(seg, sizeof seg, "%s/models/seg.bin", data_dir);
    int b = snprintf(pos, sizeof pos, "%s/models/pos.bin", data_dir);
    if (a < 0 || b < 0 || (size_t)a >= sizeof seg || (size_t)b >= sizeof pos)
        return err_set(RASD_ERR_ARG, "morph: data directory path too long");
    return morph_load_files(seg, pos, out);
}

void morph_free(morph_model *m)
{
    if (!m)
        return;
    if (m->segf)
        mfile_close(m->segf);
    if (m->posf)
        mfile_close(m->posf);
    free(m);
}

int morph_has_pos(const morph_model *m)
{
    return m && m->posf;
}

const char *morph_provenance(const morph_model *m, int which)
{
    if (!m)
        return "";
    return which ? m->pos_prov : m->seg_prov;
}
