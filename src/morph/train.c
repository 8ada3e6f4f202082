/* train.c - training the segmenter and the tagger (averaged perceptrons).
 * Deterministic for a given seed: example order comes from a seeded
 * splitmix64 shuffle, tables iterate in hash order, nothing reads the clock. */
#include "morph_int.h"
#include "lexicon.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mtrain_log(const mtrain_opts *o, const char *fmt, ...)
{
    if (!o->log)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    o->log(o->log_ud, line);
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void shuffle(size_t *v, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(rng) % i);
        size_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

static size_t *iota(size_t n)
{
    size_t *v = malloc((n + 1) * sizeof *v);
    for (size_t i = 0; v && i < n; i++)
        v[i] = i;
    return v;
}

static rasd_status read_all(const mtrain_opts *o, mcorpus *c)
{
    mcorpus_init(c);
    for (size_t i = 0; i < o->ntrain; i++) {
        rasd_status st = mcorpus_read_spec(c, o->train[i]);
        if (st)
            return st;
    }
    mtrain_log(o, "train: %zu sentences, %zu tokens, %zu words\n",
                c->ns, c->nt, c->nw);
    return RASD_OK;
}

static void prov_head(buf *p, const mtrain_opts *o, const char *what)
{
    buf_printf(p, "rasd %s model\ncommand: %s\nseed: %lu\nepochs: %d\n", what,
               o->argv_line ? o->argv_line : "(library)", o->seed, o->epochs);
    for (size_t i = 0; i < o->ntrain; i++)
        buf_printf(p, "train: %s\n", o->train[i]);
    buf_puts(p, "licence of training data: UD Arabic-PADT v1.3 CC BY-NC-SA 3.0\n");
}

static rasd_status save_model(const char *kind, const char *path,
                              const char *const *tags, buf *const *secs,
                              int n)
{
    mfile_writer *w;
    rasd_status st = mfile_writer_new(kind, 1, &w);
    for (int i = 0; !st && i < n; i++)
        st = mfile_writer_add(w, tags[i], secs[i]->data, secs[i]->len);
    if (!st)
        st = mfile_writer_save(w, path);
    if (w)
        mfile_writer_free(w);
    return st;
}

/* ------------------------------------------------------------ segmenter */

typedef struct segset {
    uint64_t *fh;       /* feature hashes of every candidate, flat */
    uint32_t *coff;     /* candidate -> first feature; ncand + 1 entries */
    uint32_t *eoff;     /* example -> first candidate; nex + 1 entries */
    uint8_t *gold;      /* example -> gold candidate index */
    uint8_t *ngen;      /* candidate -> count of generalising features */
    size_t nfh, ncand, nex, capf, capc, cape;
    size_t skipped;
} segset;

static int seg_push(segset *s, const mlex *lex, const mletters *w,
                    const mcand *cs, int nc, int gold)
{
    if (s->nfh + (size_t)nc * 32 > s->capf) {
        s->capf = (s->capf + (size_t)nc * 32) * 2;
        uint64_t *f = realloc(s->fh, s->capf * sizeof *f);
        if (!f)
            return 0;
        s->fh = f;
    }
    if (s->ncand + (size_t)nc + 1 > s->capc) {
        s->capc = (s->capc + (size_t)nc + 1) * 2;
        uint32_t *c = realloc(s->coff, s->capc * sizeof *c);
        if (!c)
            return 0;
        s->coff = c;
        uint8_t *g = realloc(s->ngen, s->capc);
        if (!g)
            return 0;
        s->ngen = g;
    }
    if (s->nex + 2 > s->cape) {
        s->cape = (s->cape + 2) * 2;
        uint32_t *e = realloc(s->eoff, s->cape * sizeof *e);
        uint8_t *g = e ? realloc(s->gold, s->cape) : NULL;
        if (e)
            s->eoff = e;
        if (!g)
            return 0;
        s->gold = g;
    }
    s->eoff[s->nex] = (uint32_t)s->ncand;
    s->gold[s->nex++] = (uint8_t)gold;
    for (int i = 0; i < nc; i++) {
        mfeat f;
        mseg_features(lex, w, &cs[i], &f);
        s->ngen[s->ncand] = (uint8_t)f.ngen;
        s->coff[s->ncand++] = (uint32_t)s->nfh;
        memcpy(s->fh + s->nfh, f.h, (size_t)f.n * sizeof *f.h);
        s->nfh += (size_t)f.n;
    }
    s->coff[s->ncand] = (uint32_t)s->nfh;
    s->eoff[s->nex] = (uint32_t)s->ncand;
    return 1;
}

static rasd_status seg_collect(const mcorpus *c, const mlex *lex, segset *s)
{
    memset(s, 0, sizeof *s);
    for (size_t t = 0; t < c->nt; t++) {
        const mc_tok *k = &c->t[t];
        mletters w;
        if (k->noseg || !ml_from_utf8(c->text.data + k->start, k->end - k->start, &w))
            continue;
        mcand cs[MCAND_MAX], g;
        int gi = mc_gold_cand(c, k, &w, &g);
        if (gi < 0) {
            s->skipped++;
            continue;
        }
        int nc = mcand_list(&w, cs);
        if (nc < 2)
            continue;
        if (!seg_push(s, lex, &w, cs, nc, gi))
            return err_set(RASD_ERR_NOMEM, "morph: out of memory (examples)");
    }
    return RASD_OK;
}

static void segset_free(segset *s)
{
    free(s->fh);
    free(s->coff);
    free(s->eoff);
    free(s->gold);
    free(s->ngen);
}

/* Features of candidate ci; with `gen` only the generalising ones. */
static uint32_t feat_end(const segset *s, size_t ci, int gen)
{
    return gen ? s->coff[ci] + s->ngen[ci] : s->coff[ci + 1];
}

static float cand_score(const wtrain *t, const segset *s, size_t ci, int gen)
{
    float sc = 0;
    for (uint32_t f = s->coff[ci]; f < feat_end(s, ci, gen); f++) {
        const float *r = wtrain_get(t, s->fh[f]);
        if (r)
            sc += r[0];
    }
    return sc;
}

static rasd_status seg_update(wtrain *t, const segset *s, size_t ci, int gen,
                              float d)
{
    for (uint32_t f = s->coff[ci]; f < feat_end(s, ci, gen); f++) {
        rasd_status st = wtrain_add(t, s->fh[f], 0, d);
        if (st)
            return st;
    }
    return RASD_OK;
}

static rasd_status seg_epochs(const mtrain_opts *o, const segset *s, wtrain *t)
{
    size_t *ord = iota(s->nex);
    if (!ord)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory");
    uint64_t rng = o->seed;
    rasd_status st = RASD_OK;
    for (int ep = 0; ep < o->epochs && !st; ep++) {
        shuffle(ord, s->nex, &rng);
        size_t err = 0;
        for (size_t k = 0; k < s->nex && !st; k++) {
            size_t e = ord[k], c0 = s->eoff[e], c1 = s->eoff[e + 1];
            size_t best = c0;
            /* Half of the time the word and stem identities are hidden, so
             * that the lexicon and shape features learn to carry unseen
             * words instead of leaning on memorised ones. */
            int gen = (rng_next(&rng) & 1) != 0;
            float bs = cand_score(t, s, c0, gen);
            for (size_t ci = c0 + 1; ci < c1; ci++) {
                float sc = cand_score(t, s, ci, gen);
                if (sc > bs) {
                    bs = sc;
                    best = ci;
                }
            }
            size_t gold = c0 + s->gold[e];
            if (best != gold) {
                err++;
                st = seg_update(t, s, gold, gen, 1.0f);
                if (!st)
                    st = seg_update(t, s, best, gen, -1.0f);
            }
            t->c += 1;
        }
        mtrain_log(o, "seg epoch %d: %zu/%zu training errors\n", ep + 1,
                    err, s->nex);
    }
    free(ord);
    return st;
}

/* Frequent words -> their analysis under the exported model. */
static rasd_status build_cache(const lexb *x, const morph_model *m, size_t k,
                               buf *out)
{
    size_t *idx, n = lexb_top(x, k, &idx);
    if (!idx)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (cache)");
    uint32_t cap = 1024;
    while (cap < n * 2)
        cap *= 2;
    uint64_t *slot = calloc(cap, sizeof *slot);
    if (!slot) {
        free(idx);
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (cache)");
    }
    for (size_t i = 0; i < n; i++) {
        const char *s = x->pool.data + x->ent[idx[i]].str;
        mletters w;
        mcand c;
        if (!ml_from_utf8(s, strlen(s), &w))
            continue;
        mseg_best(m, &w, &c);
        uint64_t h = ml_hash(w.cp, 0, w.n);
        uint32_t j = (uint32_t)h & (cap - 1);
        while (slot[j])
            j = (j + 1) & (cap - 1);
        slot[j] = (h >> 16) << 16 | mseg_pack(&c, w.n);
    }
    uint32_t hdr[2] = {cap, 0};
    buf_put(out, hdr, sizeof hdr);
    buf_put(out, slot, (size_t)cap * sizeof *slot);
    free(slot);
    free(idx);
    return out->oom ? err_set(RASD_ERR_NOMEM, "morph: out of memory (cache)") : RASD_OK;
}

static rasd_status seg_build_lex(const mtrain_opts *o, lexb *x, buf *lexsec,
                                 mlex *lex)
{
    rasd_status st = lexb_init(x);
    if (!st && o->news)
        st = lexb_read_file(x, o->news, o->max_news_bytes ? o->max_news_bytes : SIZE_MAX);
    if (!st)
        st = lexb_export(x, 2, lexsec);
    if (!st)
        st = mlex_bind(lex, lexsec->data, lexsec->len, "lexicon");
    if (!st)
        mtrain_log(o, "lexicon: %zu word tokens, %zu types\n", x->tokens, x->n);
    return st;
}

static rasd_status seg_train_save(const mtrain_opts *o, const mcorpus *c)
{
    lexb x;
    buf lexsec, wsec, csec, prov;
    buf_init(&lexsec);
    buf_init(&wsec);
    buf_init(&csec);
    buf_init(&prov);
    morph_model tmp;
    memset(&tmp, 0, sizeof tmp);
    segset s;
    memset(&s, 0, sizeof s);
    wtrain t;
    memset(&t, 0, sizeof t);
    size_t kept = 0;
    rasd_status st = seg_build_lex(o, &x, &lexsec, &tmp.lex);
    if (!st)
        st = seg_collect(c, &tmp.lex, &s);
    if (!st)
        mtrain_log(o, "seg: %zu ambiguous tokens (%zu without a gold reading)\n",
                s.nex, s.skipped);
    if (!st)
        st = wtrain_init(&t, 1);
    if (!st)
        st = seg_epochs(o, &s, &t);
    if (!st)
        st = wtrain_export(&t, 1e-4f, &wsec, &kept);
    if (!st)
        st = wtab_bind(&tmp.segw, wsec.data, wsec.len, "weights");
    if (!st)
        st = build_cache(&x, &tmp, o->cache_words, &csec);
    if (!st) {
        prov_head(&prov, o, "segmentation");
        buf_printf(&prov, "lexicon: %s (%zu word tokens, %zu types)\n",
                   o->news ? o->news : "(none)", x.tokens, x.n);
        buf_printf(&prov, "features kept: %zu; cache words: %zu\n", kept, o->cache_words);
        buf_putc(&prov, 0);
        const char *tags[] = {"PROV", "SEGW", "LEXI", "CACH"};
        buf *secs[] = {&prov, &wsec, &lexsec, &csec};
        st = prov.oom ? err_set(RASD_ERR_NOMEM, "morph: out of memory")
                      : save_model("SEG1", o->out, tags, secs, 4);
    }
    if (!st)
        mtrain_log(o, "seg: wrote %s (%zu weights)\n", o->out, kept);
    segset_free(&s);
    wtrain_free(&t);
    lexb_free(&x);
    buf_free(&lexsec);
    buf_free(&wsec);
    buf_free(&csec);
    buf_free(&prov);
    return st;
}

rasd_status morph_train_seg(const mtrain_opts *o)
{
    mcorpus c;
    rasd_status st = read_all(o, &c);
    if (!st)
        st = seg_train_save(o, &c);
    mcorpus_free(&c);
    return st;
}

/* ------------------------------------------------------------ tagger */

rasd_status mpos_corpus_words(const mcorpus *c, mtword **out)
{
    mtword *ws = malloc((c->nw + 1) * sizeof *ws);
    if (!ws)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory (tagger data)");
    for (size_t t = 0; t < c->nt; t++) {
        const mc_tok *k = &c->t[t];
        int info = 0;
        for (uint32_t i = k->w0; i < k->w1; i++)
            info |= c->w[i].role == 1 ? 1 : c->w[i].role == 2 ? 2 : 0;
        for (uint32_t i = k->w0; i < k->w1; i++) {
            const mc_word *w = &c->w[i];
            const char *f = c->pool.data + w->form;
            mpos_word_init(f, strlen(f), w->role, w->clitic, info, &ws[i]);
        }
    }
    *out = ws;
    return RASD_OK;
}

static rasd_status pos_sentence(wtrain *t, const mtword *ws, const mc_word *g,
                                size_t n, size_t *err)
{
    enum { NT = UPOS_COUNT - 1 };
    int t1 = 0, t2 = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t h[MPOS_NFEAT];
        int nf = mpos_features(ws, n, i, t1, t2, h);
        float sc[NT] = {0};
        for (int f = 0; f < nf; f++) {
            const float *r = wtrain_get(t, h[f]);
            for (int c = 0; r && c < NT; c++)
                sc[c] += r[c];
        }
        int best = 0;
        for (int c = 1; c < NT; c++)
            if (sc[c] > sc[best])
                best = c;
        int gold = g[i].upos - 1;
        if (gold < 0)
            gold = UPOS_X - 1;
        if (best != gold) {
            (*err)++;
            for (int f = 0; f < nf; f++) {
                rasd_status st = wtrain_add(t, h[f], (uint32_t)gold, 1.0f);
                if (!st)
                    st = wtrain_add(t, h[f], (uint32_t)best, -1.0f);
                if (st)
                    return st;
            }
        }
        t->c += 1;
        t2 = t1;
        t1 = best + 1;
    }
    return RASD_OK;
}

static rasd_status pos_epochs(const mtrain_opts *o, const mcorpus *c,
                              const mtword *ws, wtrain *t)
{
    size_t *ord = iota(c->ns);
    if (!ord)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory");
    uint64_t rng = o->seed;
    rasd_status st = RASD_OK;
    for (int ep = 0; ep < o->epochs && !st; ep++) {
        shuffle(ord, c->ns, &rng);
        size_t err = 0;
        for (size_t k = 0; k < c->ns && !st; k++) {
            const mc_sent *s = &c->s[ord[k]];
            st = pos_sentence(t, ws + s->w0, c->w + s->w0, s->w1 - s->w0, &err);
        }
        mtrain_log(o, "pos epoch %d: %zu/%zu training errors\n", ep + 1,
                    err, c->nw);
    }
    free(ord);
    return st;
}

rasd_status morph_train_pos(const mtrain_opts *o)
{
    mcorpus c;
    mtword *ws = NULL;
    wtrain t;
    memset(&t, 0, sizeof t);
    buf wsec, prov;
    buf_init(&wsec);
    buf_init(&prov);
    size_t kept = 0;
    rasd_status st = read_all(o, &c);
    if (!st)
        st = mpos_corpus_words(&c, &ws);
    if (!st)
        st = wtrain_init(&t, UPOS_COUNT - 1);
    if (!st)
        st = pos_epochs(o, &c, ws, &t);
    if (!st)
        st = wtrain_export(&t, o->prune, &wsec, &kept);
    if (!st) {
        prov_head(&prov, o, "UPOS tagging");
        buf_printf(&prov, "feature rows kept: %zu (prune %g)\n", kept, o->prune);
        buf_putc(&prov, 0);
        const char *tags[] = {"PROV", "POSW"};
        buf *secs[] = {&prov, &wsec};
        st = prov.oom ? err_set(RASD_ERR_NOMEM, "morph: out of memory")
                      : save_model("POS1", o->out, tags, secs, 2);
    }
    if (!st)
        mtrain_log(o, "pos: wrote %s (%zu of %zu feature rows)\n", o->out,
                kept, t.nrows);
    free(ws);
    wtrain_free(&t);
    mcorpus_free(&c);
    buf_free(&wsec);
    buf_free(&prov);
    return st;
}
