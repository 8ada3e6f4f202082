/* ner_train.c - averaged structured perceptron for the NER tagger.
 *
 * The perceptron learns the 17 BILOU states (ner_int.h): gold BIO is
 * converted, and predictions are mapped back to BIO wherever they are
 * scored or feed the document memory.
 * Features are the hashes produced by ner_features(); during training they
 * are mapped to dense rows (rare ones dropped), and the averaged weights are
 * finally quantised to int16 and stored in an open-addressing table keyed by
 * hash fingerprint. Training is deterministic for a given seed: features are
 * numbered in corpus order and the sentence order per epoch comes from a
 * seeded generator. */
#include "ner_int.h"
#include "../util/mfile.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void ner_train_opts_init(ner_train_opts *o)
{
    memset(o, 0, sizeof *o);
    o->dev_frac = 0.1;
    o->epochs = 10;      /* the settings chosen on dev (tools/train-models.sh) */
    o->seed = 1;
    o->min_count = 1;
    o->miss_cost = 1;
    o->ensemble = 4;
    o->memory = 1;
    o->o_bias = 2;       /* a little recall for a little precision */
}

/* ---- feature map: u64 hash -> dense index */

typedef struct fmap {
    uint64_t *key;
    uint32_t *idx;    /* index + 1; 0 empty */
    uint32_t *count;
    uint64_t cap, n;
} fmap;

static rasd_status fmap_grow(fmap *m)
{
    uint64_t cap = m->cap ? m->cap * 2 : 1u << 16;
    fmap t = {calloc(cap, 8), calloc(cap, 4), calloc(cap, 4), cap, m->n};
    if (!t.key || !t.idx || !t.count) {
        free(t.key), free(t.idx), free(t.count);
        return err_set(RASD_ERR_NOMEM, "out of memory (feature map)");
    }
    for (uint64_t i = 0; i < m->cap; i++) {
        if (!m->idx[i])
            continue;
        uint64_t j = m->key[i] & (cap - 1);
        while (t.idx[j])
            j = (j + 1) & (cap - 1);
        t.key[j] = m->key[i], t.idx[j] = m->idx[i], t.count[j] = m->count[i];
    }
    free(m->key), free(m->idx), free(m->count);
    *m = t;
    return RASD_OK;
}

/* Slot of key, inserted (with index n+1) when `add`; UINT64_MAX if absent. */
static uint64_t fmap_slot(fmap *m, uint64_t key, int add)
{
    if (add && (m->n + 1) * 2 > m->cap && fmap_grow(m))
        return UINT64_MAX;
    if (!m->cap)
        return UINT64_MAX;
    uint64_t i = key & (m->cap - 1);
    while (m->idx[i] && m->key[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->idx[i]) {
        if (!add)
            return UINT64_MAX;
        m->key[i] = key;
        m->idx[i] = (uint32_t)++m->n;
    }
    return i;
}

static void fmap_free(fmap *m)
{
    free(m->key), free(m->idx), free(m->count);
    memset(m, 0, sizeof *m);
}

/* ---- featurised data: per token a list of row indices */

typedef struct fdata {
    size_t n_sent, n_tok;
    size_t *sent_off;    /* token offset of each sentence (n_sent + 1) */
    size_t *tok_off;     /* feature offset of each token (n_tok + 1) */
    int32_t *feat;       /* row index or -1 */
    uint8_t *gold;
} fdata;

static void fdata_free(fdata *d)
{
    free(d->sent_off), free(d->tok_off), free(d->feat), free(d->gold);
    memset(d, 0, sizeof *d);
}

/* Gold tags with invalid I- (after O or another type) turned into B-. */
static uint8_t train_fix_gold(int prev, int g)
{
    if (g < 0)
        g = NER_O;
    return (uint8_t)(ner_bio_allowed(prev, g) ? g : g - 1);
}

static rasd_status train_fdata_alloc(fdata *d, const ner_corpus *c, size_t a,
                                     size_t b, size_t *cap)
{
    size_t nt = 0;
    for (size_t s = a; s < b; s++)
        nt += c->s[s].n;
    d->n_sent = b - a;
    d->n_tok = nt;
    d->sent_off = malloc((d->n_sent + 1) * sizeof *d->sent_off);
    d->tok_off = malloc((nt + 1) * sizeof *d->tok_off);
    d->gold = malloc(nt ? nt : 1);
    *cap = nt * 40 + 64;
    d->feat = malloc(*cap * sizeof *d->feat);
    if (!d->sent_off || !d->tok_off || !d->gold || !d->feat)
        return err_set(RASD_ERR_NOMEM, "out of memory (features)");
    return RASD_OK;
}

/* Featurise sentences [a, b) of c; d->gold gets the gold tags as BILOU
 * states. With `add`, new features enter the map and are counted;
 * otherwise unknown features become -1. Rows are the map indices (1-based)
 * until train_apply_remap. `mem` (may be NULL) gives the document-memory
 * class of each token. */
static rasd_status train_featurise(const ner_model *lm, const ner_corpus *c,
                                   size_t a, size_t b, fmap *fm, int add,
                                   const uint8_t *mem, fdata *d)
{
    size_t cap;
    rasd_status st = train_fdata_alloc(d, c, a, b, &cap);
    ner_tok *tk = malloc(NER_MAX_CHUNK * sizeof *tk);
    if (!st && !tk)
        st = err_set(RASD_ERR_NOMEM, "out of memory (features)");
    size_t ti = 0, fi = 0;
    uint64_t f[NER_MAX_FEATS];
    for (size_t s = a; s < b && !st; s++) {
        const ner_sent *se = &c->s[s];
        d->sent_off[s - a] = ti;
        ner_analyze(lm, se->norm, se->n, tk);
        for (size_t i = 0; mem && i < se->n; i++)
            tk[i].mem = mem[ti + i];
        for (size_t i = 0; i < se->n && !st; i++, ti++) {
            d->gold[ti] = train_fix_gold(i ? d->gold[ti - 1] : -1, se->gold[i]);
            d->tok_off[ti] = fi;
            size_t k = ner_features(tk, se->n, i, f);
            if (fi + k > cap) {
                int32_t *nf = realloc(d->feat, (cap *= 2) * sizeof *nf);
                if (!nf) {
                    st = err_set(RASD_ERR_NOMEM, "out of memory (features)");
                    break;
                }
                d->feat = nf;
            }
            for (size_t j = 0; j < k; j++) {
                uint64_t sl = fmap_slot(fm, f[j], add);
                if (sl == UINT64_MAX) {
                    if (add) {
                        st = err_set(RASD_ERR_NOMEM, "out of memory (feature map)");
                        break;
                    }
                    d->feat[fi++] = -1;
                    continue;
                }
                fm->count[sl] += add;
                d->feat[fi++] = (int32_t)fm->idx[sl];
            }
        }
    }
    if (!st) {
        d->sent_off[d->n_sent] = ti;
        d->tok_off[ti] = fi;
        for (size_t s = 0; s < d->n_sent; s++)   /* gold BIO -> BILOU */
            ner_bio_to_states(d->gold + d->sent_off[s],
                              d->sent_off[s + 1] - d->sent_off[s]);
    }
    free(tk);
    return st;
}

/* Map 1-based map indices to dense rows of features seen min_count times;
 * fills keys[row] with the feature hash. Returns the number of rows. */
static size_t train_renumber(fmap *fm, int min_count, int32_t *remap,
                             uint64_t *keys)
{
    size_t rows = 0;
    /* number rows in first-seen order (index order) for determinism */
    uint64_t *slot_of = malloc((fm->n + 1) * sizeof *slot_of);
    if (!slot_of)
        return 0;
    for (uint64_t i = 0; i < fm->cap; i++)
        if (fm->idx[i])
            slot_of[fm->idx[i]] = i;
    remap[0] = -1;
    for (uint64_t x = 1; x <= fm->n; x++) {
        uint64_t sl = slot_of[x];
        if (fm->count[sl] >= (uint32_t)min_count) {
            keys[rows] = fm->key[sl];
            remap[x] = (int32_t)rows++;
        } else {
            remap[x] = -1;
        }
    }
    free(slot_of);
    return rows;
}

static void train_apply_remap(fdata *d, const int32_t *remap)
{
    size_t nf = d->tok_off[d->n_tok];
    for (size_t i = 0; i < nf; i++)
        d->feat[i] = d->feat[i] > 0 ? remap[d->feat[i]] : -1;
}

/* ---- perceptron */

typedef struct percep {
    size_t rows;
    float *w, *u;                  /* weights and c-weighted update sums */
    double tw[NER_NSTATES + 1][NER_NSTATES], tu[NER_NSTATES + 1][NER_NSTATES];
    double c;                      /* update counter for averaging */
} percep;

static void train_emit(const float *w, const fdata *d, size_t t0, size_t n,
                       double *em)
{
    for (size_t i = 0; i < n; i++) {
        double *e = em + i * NER_NSTATES;
        for (int t = 0; t < NER_NSTATES; t++)
            e[t] = 0;
        for (size_t j = d->tok_off[t0 + i]; j < d->tok_off[t0 + i + 1]; j++) {
            int32_t r = d->feat[j];
            if (r < 0)
                continue;
            const float *row = w + (size_t)r * NER_NSTATES;
            for (int t = 0; t < NER_NSTATES; t++)
                e[t] += row[t];
        }
    }
}

static void train_viterbi(const ner_preds *pr, double (*tr)[NER_NSTATES], const double *em,
                          size_t n, uint8_t *bp, uint8_t *out)
{
    double d[NER_NSTATES], nd[NER_NSTATES];
    for (int t = 0; t < NER_NSTATES; t++)
        d[t] = ner_state_allowed(-1, t) ? tr[NER_NSTATES][t] + em[t] : -INFINITY;
    for (size_t i = 1; i < n; i++) {
        for (int t = 0; t < NER_NSTATES; t++) {
            double best = -INFINITY;
            int arg = 0;
            for (int k = 0; k < pr->n[t]; k++) {
                int p = pr->p[t][k];
                double v = d[p] + tr[p][t];
                if (v > best)
                    best = v, arg = p;
            }
            nd[t] = best + em[i * NER_NSTATES + t];
            bp[i * NER_NSTATES + t] = (uint8_t)arg;
        }
        memcpy(d, nd, sizeof d);
    }
    int b = NER_O;   /* an entity cannot be left open at the end */
    for (int t = 1; t < NER_NSTATES; t++)
        if (ner_state_final(t) && d[t] > d[b])
            b = t;
    ner_path_back(bp, n, b, out);
}

static void train_update_tok(percep *p, const fdata *d, size_t ti, int good,
                             int bad)
{
    for (size_t j = d->tok_off[ti]; j < d->tok_off[ti + 1]; j++) {
        int32_t r = d->feat[j];
        if (r < 0)
            continue;
        float *w = p->w + (size_t)r * NER_NSTATES, *u = p->u + (size_t)r * NER_NSTATES;
        w[good] += 1, w[bad] -= 1;
        u[good] += (float)p->c, u[bad] -= (float)p->c;
    }
}

static void train_update(percep *p, const fdata *d, size_t t0, size_t n,
                         const uint8_t *pred)
{
    const uint8_t *g = d->gold + t0;
    for (size_t i = 0; i < n; i++) {
        if (g[i] != pred[i])
            train_update_tok(p, d, t0 + i, g[i], pred[i]);
        int gp = i ? g[i - 1] : NER_NSTATES, pp = i ? pred[i - 1] : NER_NSTATES;
        if (gp != pp || g[i] != pred[i]) {
            p->tw[gp][g[i]] += 1, p->tu[gp][g[i]] += p->c;
            p->tw[pp][pred[i]] -= 1, p->tu[pp][pred[i]] -= p->c;
        }
    }
}

/* Averaged weights into aw / atr. */
static void train_average(const percep *p, float *aw, double (*atr)[NER_NSTATES])
{
    size_t n = p->rows * NER_NSTATES;
    double c = p->c > 0 ? p->c : 1;
    for (size_t i = 0; i < n; i++)
        aw[i] = p->w[i] - (float)(p->u[i] / c);
    for (int a = 0; a <= NER_NSTATES; a++)
        for (int b = 0; b < NER_NSTATES; b++)
            atr[a][b] = p->tw[a][b] - p->tu[a][b] / c;
}

static void train_reset(percep *p)
{
    size_t nw = p->rows * NER_NSTATES;
    memset(p->w, 0, nw * sizeof *p->w);
    memset(p->u, 0, nw * sizeof *p->u);
    memset(p->tw, 0, sizeof p->tw);
    memset(p->tu, 0, sizeof p->tu);
    p->c = 0;
}

typedef struct scratch {
    double *em;
    uint8_t *bp, *pred;
    ner_preds pr;      /* Viterbi's allowed moves */
} scratch;

static double train_eval(const float *w, double (*tr)[NER_NSTATES],
                         const fdata *d, const ner_corpus *c, size_t s0,
                         scratch *sc, ner_score *out)
{
    ner_score score;
    memset(&score, 0, sizeof score);
    for (size_t s = 0; s < d->n_sent; s++) {
        size_t t0 = d->sent_off[s], n = d->sent_off[s + 1] - t0;
        if (!n)
            continue;
        train_emit(w, d, t0, n, sc->em);
        train_viterbi(&sc->pr, tr, sc->em, n, sc->bp, sc->pred);
        ner_states_to_bio(sc->pred, n);
        ner_score_add(&score, c->s[s0 + s].gold, sc->pred, n);
    }
    if (out)
        *out = score;
    return ner_score_micro_f1(&score);
}

static uint64_t train_rand(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return ner_mix(*s);
}

/* Cost-augmented decoding: every wrong tag looks better by `margin`
 * (missing an entity costs more: `margin * miss`), so updates continue until
 * the gold sequence wins by a margin. */
static void train_augment(double *em, const uint8_t *gold, size_t n,
                          double margin, double miss)
{
    for (size_t i = 0; i < n; i++)
        for (int t = 0; t < NER_NSTATES; t++)
            if (t != gold[i])
                em[i * NER_NSTATES + t] +=
                    margin * (gold[i] != NER_O && t == NER_O ? miss : 1);
}

/* One pass over the sentences order[0..n_order), shuffled first. */
static void train_epoch(percep *p, const fdata *d, size_t *order, size_t n_order,
                        uint64_t *rng, scratch *sc, double margin, double miss)
{
    for (size_t i = n_order; i > 1; i--) {   /* Fisher-Yates */
        size_t j = (size_t)(train_rand(rng) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j], order[j] = t;
    }
    for (size_t k = 0; k < n_order; k++) {
        size_t s = order[k], t0 = d->sent_off[s], n = d->sent_off[s + 1] - t0;
        if (!n)
            continue;
        p->c += 1;
        train_emit(p->w, d, t0, n, sc->em);
        if (margin > 0)
            train_augment(sc->em, d->gold + t0, n, margin, miss);
        train_viterbi(&sc->pr, p->tw, sc->em, n, sc->bp, sc->pred);
        if (memcmp(sc->pred, d->gold + t0, n) != 0)
            train_update(p, d, t0, n, sc->pred);
    }
}

/* ---- the final model: quantised weights in a fingerprint table */

static float train_maxabs(const float *aw, size_t n, double (*atr)[NER_NSTATES])
{
    double mx = 1e-9;
    for (size_t i = 0; i < n; i++)
        mx = fabs(aw[i]) > mx ? fabs(aw[i]) : mx;
    for (int a = 0; a <= NER_NSTATES; a++)
        for (int b = 0; b < NER_NSTATES; b++)
            mx = fabs(atr[a][b]) > mx ? fabs(atr[a][b]) : mx;
    return (float)mx;
}

static size_t train_kept_rows(const float *aw, size_t rows, float scale)
{
    size_t kept = 0;
    for (size_t r = 0; r < rows; r++)
        for (int t = 0; t < NER_NSTATES; t++)
            if (lrintf(aw[r * NER_NSTATES + t] * scale) != 0) {
                kept++;
                break;
            }
    return kept;
}

static rasd_status train_build(const float *aw, double (*atr)[NER_NSTATES],
                               size_t rows, const uint64_t *keys,
                               const ner_lexicon *lx, uint32_t flags,
                               ner_model *m, ner_meta *mt)
{
    float scale = 32000.0f / train_maxabs(aw, rows * NER_NSTATES, atr);
    size_t kept = train_kept_rows(aw, rows, scale);
    uint64_t cap = 16;   /* load factor at most 3/4: short probes, compact file */
    while (cap * 3 < kept * 4)
        cap *= 2;
    w_slot *wk = calloc(cap, sizeof *wk);
    int16_t *q = calloc(kept ? kept * NER_NSTATES : 1, sizeof *q);
    if (!wk || !q) {
        free(wk), free(q);
        return err_set(RASD_ERR_NOMEM, "out of memory (model)");
    }
    size_t k = 0;
    for (size_t r = 0; r < rows; r++) {
        int16_t v[NER_NSTATES], any = 0;
        for (int t = 0; t < NER_NSTATES; t++) {
            v[t] = (int16_t)lrintf(aw[r * NER_NSTATES + t] * scale);
            any |= v[t] != 0;
        }
        if (!any)
            continue;
        uint64_t i = keys[r] & (cap - 1);
        while (wk[i].fp)
            i = (i + 1) & (cap - 1);
        wk[i].fp = (uint32_t)(keys[r] >> 32) | 1u;
        wk[i].row = (uint32_t)k;
        memcpy(q + k * NER_NSTATES, v, sizeof v);
        k++;
    }
    memset(m, 0, sizeof *m);
    m->owned[0] = wk, m->owned[1] = q;
    m->lex = lx->lex, m->lex_mask = lx->lex_cap - 1;
    m->phr = lx->phr, m->phr_mask = lx->phr_cap - 1;
    m->wk = wk, m->w_mask = cap - 1;
    m->rows = q, m->n_rows = kept;
    m->flags = flags;
    for (int a = 0; a <= NER_NSTATES; a++)
        for (int b = 0; b < NER_NSTATES; b++)
            m->trans[a][b] = (int32_t)lrint(atr[a][b] * scale);
    memset(mt, 0, sizeof *mt);
    mt->version = NER_VERSION, mt->ntags = NER_NSTATES;
    mt->lex_cap = lx->lex_cap, mt->phr_cap = lx->phr_cap;
    mt->w_cap = cap, mt->n_rows = kept, mt->scale = scale;
    mt->flags = flags;
    return RASD_OK;
}

static rasd_status train_write(const ner_model *m, const ner_meta *mt,
                               const buf *prov, const char *path)
{
    mfile_writer *w = NULL;
    rasd_status st = mfile_writer_new(NER_KIND, NER_VERSION, &w);
    if (!st)
        st = mfile_writer_add(w, "META", mt, sizeof *mt);
    if (!st)
        st = mfile_writer_add(w, "LEXK", m->lex, mt->lex_cap * sizeof(lex_slot));
    if (!st)
        st = mfile_writer_add(w, "PHRK", m->phr, mt->phr_cap * sizeof(phr_slot));
    if (!st)
        st = mfile_writer_add(w, "WKEY", m->wk, mt->w_cap * sizeof(w_slot));
    if (!st)
        st = mfile_writer_add(w, "WROW", m->rows,
                              mt->n_rows * NER_NSTATES * sizeof(int16_t));
    if (!st)
        st = mfile_writer_add(w, "TRAN", m->trans, sizeof m->trans);
    if (!st)
        st = mfile_writer_add(w, "PROV", prov->data, prov->len);
    if (!st)
        st = mfile_writer_save(w, path);
    mfile_writer_free(w);
    return st;
}

/* Dev scores through the runtime path (quantised model, ner_tag_words, one
 * work space for the whole dev stream so document memory behaves as in use). */
static rasd_status train_eval_runtime(const ner_model *m, const ner_corpus *c,
                                      size_t s0, size_t s1, ner_score *sc)
{
    ner_work *w = NULL;
    rasd_status st = ner_work_new(&w);
    uint8_t *tags = malloc(NER_MAX_CHUNK);
    memset(sc, 0, sizeof *sc);
    for (size_t s = s0; s < s1 && !st && tags; s++) {
        st = ner_tag_words(m, w, c->s[s].norm, c->s[s].n, tags);
        if (!st)
            ner_score_add(sc, c->s[s].gold, tags, c->s[s].n);
    }
    if (!tags && !st)
        st = err_set(RASD_ERR_NOMEM, "out of memory");
    free(tags);
    ner_work_free(w);
    return st;
}

/* ---- driver */

typedef struct trainer {
    const ner_train_opts *o;
    buf *log;
    ner_corpus tr, dv;
    const ner_corpus *devc;   /* corpus holding the dev sentences */
    size_t n_train, dev0, dev1;
    ner_lexicon lx;
    ner_model lm;             /* lexicon only, for featurising */
    fmap fm;
    fdata td, dd;
    percep p;
    uint64_t *keys;
    int32_t *remap;
    float *aw;
    double atr[NER_NSTATES + 1][NER_NSTATES];
    scratch sc;
    size_t *order;
    double o_bias;
} trainer;

static void tlog(trainer *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tlog(trainer *t, const char *fmt, ...)
{
    if (!t->log)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    buf_puts(t->log, line);
}

static rasd_status trainer_data(trainer *t)
{
    const ner_train_opts *o = t->o;
    rasd_status st = ner_corpus_read(&t->tr, o->train_path);
    if (st)
        return st;
    t->n_train = t->tr.n;
    t->devc = &t->tr;
    if (o->dev_path) {
        if ((st = ner_corpus_read(&t->dv, o->dev_path)))
            return st;
        t->devc = &t->dv;
        t->dev0 = 0, t->dev1 = t->dv.n;
    } else if (o->dev_frac > 0 && o->dev_frac < 1) {
        size_t nd = (size_t)ceil((double)t->tr.n * o->dev_frac);
        t->n_train = t->tr.n - nd;
        t->dev0 = t->n_train, t->dev1 = t->tr.n;
    }
    if (t->n_train == 0)
        return err_set(RASD_ERR_EMPTY, "%s: no training sentences", o->train_path);
    tlog(t, "train: %s: %zu sentences (%zu used for training), %zu tokens\n",
         o->train_path, t->tr.n, t->n_train, t->tr.n_tokens);
    tlog(t, "dev: %zu sentences%s\n", t->dev1 - t->dev0,
         o->dev_path ? " (separate file)" : " (last part of train, held out)");
    return RASD_OK;
}

static rasd_status trainer_lexicon(trainer *t)
{
    rasd_status st = ner_lexicon_build(&t->lx, t->o->gaz_dir, t->o->clusters_path,
                                       t->o->autolex_path, t->o->emb_path);
    if (st)
        return st;
    t->lm.lex = t->lx.lex, t->lm.lex_mask = t->lx.lex_cap - 1;
    t->lm.phr = t->lx.phr, t->lm.phr_mask = t->lx.phr_cap - 1;
    tlog(t, "lexicon: %zu words (%zu clustered, %zu autolex, %zu embedded), "
         "%zu phrases\n", t->lx.n_words, t->lx.n_clustered, t->lx.n_autolex,
         t->lx.n_emb, t->lx.n_phrases);
    return RASD_OK;
}

/* Featurise train and dev (with document-memory classes when given). */
static rasd_status trainer_features(trainer *t, const uint8_t *mem_tr,
                                    const uint8_t *mem_dev)
{
    rasd_status st;
    if ((st = train_featurise(&t->lm, &t->tr, 0, t->n_train, &t->fm, 1, mem_tr,
                              &t->td)))
        return st;
    if ((st = train_featurise(&t->lm, t->devc, t->dev0, t->dev1, &t->fm, 0,
                              mem_dev, &t->dd)))
        return st;
    t->keys = malloc((t->fm.n + 1) * sizeof *t->keys);
    t->remap = malloc((t->fm.n + 1) * sizeof *t->remap);
    if (!t->keys || !t->remap)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    t->p.rows = train_renumber(&t->fm, t->o->min_count, t->remap, t->keys);
    train_apply_remap(&t->td, t->remap);
    train_apply_remap(&t->dd, t->remap);
    tlog(t, "features: %llu distinct, %zu kept (min count %d)\n",
         (unsigned long long)t->fm.n, t->p.rows, t->o->min_count);
    fmap_free(&t->fm);
    return RASD_OK;
}

static rasd_status trainer_alloc(trainer *t)
{
    size_t nw = (t->p.rows ? t->p.rows : 1) * NER_NSTATES;
    t->p.w = calloc(nw, sizeof(float));
    t->p.u = calloc(nw, sizeof(float));
    t->aw = calloc(nw, sizeof(float));
    t->sc.em = malloc(NER_MAX_CHUNK * NER_NSTATES * sizeof(double));
    t->sc.bp = malloc(NER_MAX_CHUNK * NER_NSTATES);
    t->sc.pred = malloc(NER_MAX_CHUNK);
    ner_preds_init(&t->sc.pr);
    t->order = malloc((t->td.n_sent + 1) * sizeof *t->order);
    if (!t->p.w || !t->p.u || !t->aw || !t->sc.em || !t->sc.bp || !t->sc.pred ||
        !t->order)
        return err_set(RASD_ERR_NOMEM, "out of memory (weights)");
    for (size_t i = 0; i < t->td.n_sent; i++)
        t->order[i] = i;
    return RASD_OK;
}

/* Release what trainer_features and trainer_alloc made (for a second round). */
static void trainer_release(trainer *t)
{
    fdata_free(&t->td);
    fdata_free(&t->dd);
    free(t->p.w), free(t->p.u), free(t->aw), free(t->keys), free(t->remap);
    free(t->sc.em), free(t->sc.bp), free(t->sc.pred), free(t->order);
    t->p.w = t->p.u = t->aw = NULL;
    t->keys = NULL, t->remap = NULL, t->order = NULL;
    t->sc.em = NULL, t->sc.bp = t->sc.pred = NULL;
}

static void trainer_member(trainer *t, uint64_t seed, double *best_f1,
                           int *best_epoch)
{
    uint64_t rng = seed;
    clock_t c0 = clock();
    train_reset(&t->p);
    for (size_t i = 0; i < t->td.n_sent; i++)
        t->order[i] = i;
    for (int e = 1; e <= t->o->epochs; e++) {
        train_epoch(&t->p, &t->td, t->order, t->td.n_sent, &rng, &t->sc,
                    t->o->margin, t->o->miss_cost);
        if (e < t->o->epochs && !t->log)
            continue;
        train_average(&t->p, t->aw, t->atr);
        double f1 = t->dd.n_sent ? train_eval(t->aw, t->atr, &t->dd, t->devc,
                                              t->dev0, &t->sc, NULL) : 0;
        if (f1 > *best_f1)
            *best_f1 = f1, *best_epoch = e;
        tlog(t, "seed %llu epoch %2d: dev micro-F1 %.4f (%.1f s)\n",
             (unsigned long long)seed, e, f1,
             (double)(clock() - c0) / CLOCKS_PER_SEC);
    }
}

/* Train o->ensemble perceptrons with consecutive seeds and average their
 * averaged weights: the sentence order matters a lot on a corpus this
 * small, and the mean of several orders is steadier than any one. */
static rasd_status trainer_run(trainer *t, double *best_f1, int *best_epoch)
{
    int k = t->o->ensemble > 1 ? t->o->ensemble : 1;
    size_t nw = t->p.rows * NER_NSTATES;
    float *sum = k > 1 ? calloc(nw ? nw : 1, sizeof *sum) : NULL;
    double tsum[NER_NSTATES + 1][NER_NSTATES];
    if (k > 1 && !sum)
        return err_set(RASD_ERR_NOMEM, "out of memory (ensemble)");
    memset(tsum, 0, sizeof tsum);
    *best_f1 = -1, *best_epoch = 0;
    for (int m = 0; m < k; m++) {
        trainer_member(t, t->o->seed + (uint64_t)m, best_f1, best_epoch);
        if (k == 1)
            break;
        for (size_t i = 0; i < nw; i++)
            sum[i] += t->aw[i];
        for (int a = 0; a <= NER_NSTATES; a++)
            for (int b = 0; b < NER_NSTATES; b++)
                tsum[a][b] += t->atr[a][b];
    }
    if (k > 1) {
        for (size_t i = 0; i < nw; i++)
            t->aw[i] = sum[i] / (float)k;
        for (int a = 0; a <= NER_NSTATES; a++)
            for (int b = 0; b < NER_NSTATES; b++)
                t->atr[a][b] = tsum[a][b] / k;
        if (t->dd.n_sent)
            tlog(t, "ensemble of %d: dev micro-F1 %.4f\n", k,
                 train_eval(t->aw, t->atr, &t->dd, t->devc, t->dev0, &t->sc, NULL));
    }
    free(sum);
    return RASD_OK;
}

/* Shift the bias feature's O weight: trades precision for recall. */
static void trainer_shift_o(trainer *t, double delta)
{
    uint64_t bias = ner_feat_bias();
    for (size_t r = 0; r < t->p.rows; r++)
        if (t->keys[r] == bias) {
            t->aw[r * NER_NSTATES + NER_O] -= (float)delta;
            return;
        }
}

/* Try O biases on dev; keep the best (or the requested one). */
static void trainer_o_bias(trainer *t)
{
    static const double grid[] = {0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8};
    double applied = 0, best = t->o->o_bias, bf = -1;
    if (t->o->tune_o_bias && t->dd.n_sent) {
        for (size_t g = 0; g < sizeof grid / sizeof grid[0]; g++) {
            trainer_shift_o(t, grid[g] - applied);
            applied = grid[g];
            double f1 = train_eval(t->aw, t->atr, &t->dd, t->devc, t->dev0, &t->sc, NULL);
            tlog(t, "O bias %.1f: dev micro-F1 %.4f\n", grid[g], f1);
            if (f1 > bf + 1e-9)
                bf = f1, best = grid[g];
        }
    }
    trainer_shift_o(t, best - applied);
    t->o_bias = best;
}

/* ---- document memory: jackknifed predictions give realistic memory
 * features for training (a model never sees its own training labels as
 * "earlier predictions"). */

#define NER_JK_FOLDS 5

/* Mean of o->ensemble perceptrons trained on the sentences subset[0..n). */
static void trainer_fit(trainer *t, const size_t *subset, size_t n, float *aw,
                        double (*atr)[NER_NSTATES])
{
    int k = t->o->ensemble > 1 ? t->o->ensemble : 1;
    size_t nw = t->p.rows * NER_NSTATES;
    memset(aw, 0, nw * sizeof *aw);
    memset(atr, 0, sizeof(double) * (NER_NSTATES + 1) * NER_NSTATES);
    for (int m = 0; m < k; m++) {
        uint64_t rng = t->o->seed + (uint64_t)m;
        train_reset(&t->p);
        memcpy(t->order, subset, n * sizeof *subset);
        for (int e = 0; e < t->o->epochs; e++)
            train_epoch(&t->p, &t->td, t->order, n, &rng, &t->sc, t->o->margin,
                        t->o->miss_cost);
        train_average(&t->p, t->aw, t->atr);
        for (size_t i = 0; i < nw; i++)
            aw[i] += t->aw[i] / (float)k;
        for (int a = 0; a <= NER_NSTATES; a++)
            for (int b = 0; b < NER_NSTATES; b++)
                atr[a][b] += t->atr[a][b] / k;
    }
}

static void trainer_predict(const float *aw, double (*atr)[NER_NSTATES],
                            const fdata *d, size_t s, scratch *sc, uint8_t *out)
{
    size_t t0 = d->sent_off[s], n = d->sent_off[s + 1] - t0;
    if (!n)
        return;
    train_emit(aw, d, t0, n, sc->em);
    train_viterbi(&sc->pr, atr, sc->em, n, sc->bp, out + t0);
    ner_states_to_bio(out + t0, n);
}

/* Memory class of every token of sentences [a, b) given predicted tags. */
static rasd_status trainer_memclasses(trainer *t, const ner_corpus *c, size_t a,
                                      size_t b, const uint8_t *pred, uint8_t *mem)
{
    ner_memory mm;
    rasd_status st = ner_mem_init(&mm);
    ner_tok *tk = malloc(NER_MAX_CHUNK * sizeof *tk);
    if (!st && !tk)
        st = err_set(RASD_ERR_NOMEM, "out of memory");
    for (size_t s = a, ti = 0; s < b && !st; s++) {
        const ner_sent *se = &c->s[s];
        ner_analyze(&t->lm, se->norm, se->n, tk);
        for (size_t i = 0; i < se->n; i++)
            mem[ti + i] = ner_mem_class(&mm, tk[i].stem);
        ner_mem_add(&mm, tk, pred + ti, se->n);
        ti += se->n;
    }
    free(tk);
    ner_mem_free(&mm);
    return st;
}

static rasd_status trainer_memory(trainer *t, uint8_t **mem_tr, uint8_t **mem_dev)
{
    size_t ns = t->td.n_sent, nw = t->p.rows * NER_NSTATES;
    uint8_t *ptr = calloc(t->td.n_tok + 1, 1), *pdv = calloc(t->dd.n_tok + 1, 1);
    float *aw = malloc((nw ? nw : 1) * sizeof *aw);
    size_t *sub = malloc((ns + 1) * sizeof *sub);
    double atr[NER_NSTATES + 1][NER_NSTATES];
    *mem_tr = malloc(t->td.n_tok + 1);
    *mem_dev = malloc(t->dd.n_tok + 1);
    rasd_status st = RASD_OK;
    if (!ptr || !pdv || !aw || !sub || !*mem_tr || !*mem_dev)
        st = err_set(RASD_ERR_NOMEM, "out of memory (jackknife)");
    for (size_t f = 0; f < NER_JK_FOLDS && !st; f++) {
        size_t lo = ns * f / NER_JK_FOLDS, hi = ns * (f + 1) / NER_JK_FOLDS, n = 0;
        for (size_t s = 0; s < ns; s++)
            if (s < lo || s >= hi)
                sub[n++] = s;
        trainer_fit(t, sub, n, aw, atr);
        for (size_t s = lo; s < hi; s++)
            trainer_predict(aw, atr, &t->td, s, &t->sc, ptr);
    }
    if (!st) {   /* dev: predictions of a model trained on all of train */
        for (size_t s = 0; s < ns; s++)
            sub[s] = s;
        trainer_fit(t, sub, ns, aw, atr);
        for (size_t s = 0; s < t->dd.n_sent; s++)
            trainer_predict(aw, atr, &t->dd, s, &t->sc, pdv);
        st = trainer_memclasses(t, &t->tr, 0, t->n_train, ptr, *mem_tr);
    }
    if (!st)
        st = trainer_memclasses(t, t->devc, t->dev0, t->dev1, pdv, *mem_dev);
    if (!st)
        tlog(t, "document memory: %d-fold jackknifed tags\n", NER_JK_FOLDS);
    free(ptr), free(pdv), free(aw), free(sub);
    return st;
}

static void trainer_free(trainer *t)
{
    ner_corpus_free(&t->tr);
    ner_corpus_free(&t->dv);
    ner_lexicon_free(&t->lx);
    fmap_free(&t->fm);
    trainer_release(t);
}

static void trainer_prov(trainer *t, buf *prov, const ner_meta *mt,
                         const ner_score *sc)
{
    const ner_train_opts *o = t->o;
    buf_printf(prov, "rasd NER model (kind %s, version %u)\n", NER_KIND, NER_VERSION);
    buf_printf(prov, "command: %s\n", o->command ? o->command : "(library)");
    buf_printf(prov, "train: %s, %zu of %zu sentences; dev: %zu sentences%s\n",
               o->train_path, t->n_train, t->tr.n, t->dev1 - t->dev0,
               o->dev_path ? " from separate file" :
               t->dev1 > t->dev0 ? " (last part, held out)" : "");
    buf_printf(prov, "document memory: %s\n", o->memory ? "yes" : "no");
    buf_printf(prov, "epochs %d, seed %llu, ensemble %d, margin %.2f, miss cost "
               "%.2f, min count %d, O bias %.2f, rows %llu, scale %g\n", o->epochs,
               (unsigned long long)o->seed, o->ensemble, o->margin, o->miss_cost,
               o->min_count, t->o_bias, (unsigned long long)mt->n_rows,
               (double)mt->scale);
    buf_put(prov, t->lx.prov.data, t->lx.prov.len);
    if (t->dev1 > t->dev0)
        buf_printf(prov, "dev micro-F1 %.4f\n", ner_score_micro_f1(sc));
    buf_printf(prov, "sources: ANERcorp (Benajiba et al. 2007; CAMeL Lab train "
               "split; research use); gazetteers curated for rasd; %s learnt "
               "by rasd from the ANT corpus v2.1 (Apache-2.0)\n",
               o->autolex_path ? (o->emb_path ? "clusters, embedding clusters and "
                                              "automatic lexicon"
                                            : "clusters and automatic lexicon")
                               : o->emb_path ? "clusters and embedding clusters" : "clusters");
}

static rasd_status trainer_prepare(trainer *t)
{
    rasd_status st = trainer_data(t);
    if (!st)
        st = trainer_lexicon(t);
    if (!st)
        st = trainer_features(t, NULL, NULL);
    if (!st)
        st = trainer_alloc(t);
    if (!st && t->o->memory) {   /* second round, with memory features */
        uint8_t *mtr = NULL, *mdv = NULL;
        st = trainer_memory(t, &mtr, &mdv);
        trainer_release(t);
        if (!st)
            st = trainer_features(t, mtr, mdv);
        if (!st)
            st = trainer_alloc(t);
        free(mtr), free(mdv);
    }
    return st;
}

static rasd_status trainer_finish(trainer *t, buf *log)
{
    const ner_train_opts *o = t->o;
    ner_model m;
    ner_meta mt;
    ner_score sc;
    memset(&sc, 0, sizeof sc);
    memset(&m, 0, sizeof m);
    rasd_status st = train_build(t->aw, t->atr, t->p.rows, t->keys, &t->lx,
                                 o->memory ? NER_F_MEMORY : 0, &m, &mt);
    if (!st && t->dev1 > t->dev0 &&
        !(st = train_eval_runtime(&m, t->devc, t->dev0, t->dev1, &sc)) && log) {
        buf_puts(log, "dev scores (quantised model):\n");
        ner_score_report(&sc, log);
    }
    if (!st && o->out_path) {
        buf prov;
        buf_init(&prov);
        trainer_prov(t, &prov, &mt, &sc);
        st = train_write(&m, &mt, &prov, o->out_path);
        buf_free(&prov);
        tlog(t, "wrote %s: %llu weight rows\n", o->out_path,
             (unsigned long long)mt.n_rows);
    }
    free(m.owned[0]);
    free(m.owned[1]);
    return st;
}

rasd_status ner_train(const ner_train_opts *o, buf *log)
{
    trainer t;
    memset(&t, 0, sizeof t);
    t.o = o, t.log = log;
    if (!o || !o->train_path)
        return err_set(RASD_ERR_ARG, "ner_train: no training file");
    rasd_status st = trainer_prepare(&t);
    double best = -1;
    int best_e = 0;
    if (!st)
        st = trainer_run(&t, &best, &best_e);
    if (!st) {
        if (t.dev1 > t.dev0)
            tlog(&t, "best dev epoch %d (F1 %.4f); the model keeps epoch %d\n",
                 best_e, best, o->epochs);
        trainer_o_bias(&t);
        st = trainer_finish(&t, log);
    }
    trainer_free(&t);
    return st;
}
