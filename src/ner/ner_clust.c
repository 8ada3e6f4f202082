/* ner_clust.c - word clusters from unlabelled news, as NER features that
 * generalise beyond the words seen in the small labelled corpus.
 *
 * Method: read documents through the public reader, tokenise them as the
 * pipeline does, and fold each token like the tagger (ner_fold). For the
 * `vocab` most frequent words build a context vector of left and right
 * neighbours among the `contexts` most frequent words (plus an "other"
 * bucket and sentence edges), weight it by positive PMI (context counts
 * smoothed with ^0.75), project it to 128 dimensions with a seeded random
 * +-1 matrix and cluster the unit vectors by spherical k-means (k-means++
 * start). Coarse clusters are k-means over the fine centroids, so the two
 * levels nest like Brown-cluster prefixes. Deterministic for a seed. */
#include "ner_int.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CL_DIM NER_CLUST_DIM
#define CL_SEP UINT32_MAX

void ner_clust_opts_init(ner_clust_opts *o)
{
    memset(o, 0, sizeof *o);
    o->vocab = 40000;
    o->contexts = 300;
    o->k_fine = 512;
    o->k_coarse = 64;
    o->iters = 12;
    o->restarts = 1;
    o->seed = 1;
}

/* ---- word table: folded key -> id, with counts */

typedef struct wtab {
    arena mem;
    uint64_t *hash;
    uint32_t *slot_id;  /* id + 1, 0 empty */
    uint64_t cap;
    char **word;
    uint32_t *wlen;
    uint64_t *count;
    size_t n, wcap;
} wtab;

static rasd_status wtab_grow_slots(wtab *t)
{
    uint64_t cap = t->cap ? t->cap * 2 : 1u << 16;
    uint64_t *h = calloc(cap, sizeof *h);
    uint32_t *s = calloc(cap, sizeof *s);
    if (!h || !s) {
        free(h), free(s);
        return err_set(RASD_ERR_NOMEM, "out of memory (word table)");
    }
    for (uint64_t i = 0; i < t->cap; i++) {
        if (!t->slot_id[i])
            continue;
        uint64_t j = t->hash[i] & (cap - 1);
        while (s[j])
            j = (j + 1) & (cap - 1);
        h[j] = t->hash[i], s[j] = t->slot_id[i];
    }
    free(t->hash), free(t->slot_id);
    t->hash = h, t->slot_id = s, t->cap = cap;
    return RASD_OK;
}

static rasd_status wtab_grow_ids(wtab *t)
{
    size_t cap = t->wcap ? t->wcap * 2 : 1u << 15;
    char **w = realloc(t->word, cap * sizeof *w);
    if (w)
        t->word = w;
    uint32_t *l = realloc(t->wlen, cap * sizeof *l);
    if (l)
        t->wlen = l;
    uint64_t *c = realloc(t->count, cap * sizeof *c);
    if (c)
        t->count = c;
    if (!w || !l || !c)
        return err_set(RASD_ERR_NOMEM, "out of memory (word table)");
    t->wcap = cap;
    return RASD_OK;
}

/* Id of key (added when new); UINT32_MAX on allocation failure. */
static uint32_t wtab_id(wtab *t, const char *k, size_t n)
{
    if ((t->n + 1) * 2 > t->cap && wtab_grow_slots(t))
        return CL_SEP;
    uint64_t h = ner_hash(k, n), i = h & (t->cap - 1);
    while (t->slot_id[i]) {
        uint32_t id = t->slot_id[i] - 1;
        if (t->hash[i] == h && t->wlen[id] == n && !memcmp(t->word[id], k, n))
            return id;
        i = (i + 1) & (t->cap - 1);
    }
    if (t->n == t->wcap && wtab_grow_ids(t))
        return CL_SEP;
    char *w = arena_strndup(&t->mem, k, n);
    if (!w)
        return CL_SEP;
    t->word[t->n] = w, t->wlen[t->n] = (uint32_t)n, t->count[t->n] = 0;
    t->hash[i] = h, t->slot_id[i] = (uint32_t)++t->n;
    return (uint32_t)(t->n - 1);
}

static void wtab_free(wtab *t)
{
    arena_free(&t->mem);
    free(t->hash), free(t->slot_id), free(t->word), free(t->wlen), free(t->count);
}

/* ---- reading: token id stream with sentence separators */

typedef struct stream {
    uint32_t *v;
    size_t n, cap;
} stream;

static int stream_push(stream *s, uint32_t x)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1u << 20;
        uint32_t *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v, s->cap = cap;
    }
    s->v[s->n++] = x;
    return 0;
}

static rasd_status clust_doc(rasd_doc *doc, wtab *t, stream *s)
{
    const rasd_token *tk = rasd_doc_tokens(doc);
    const rasd_sentence *ss = rasd_doc_sentences(doc);
    size_t ns = rasd_doc_sentence_count(doc);
    char key[NER_MAX_KEY + 8];
    for (size_t i = 0; i < ns; i++) {
        for (size_t j = ss[i].tok_begin; j < ss[i].tok_end; j++) {
            int edge;
            size_t kn = ner_fold(tk[j].norm, tk[j].norm_len, key, &edge);
            uint32_t id = wtab_id(t, key, kn);
            if (id == CL_SEP || stream_push(s, id))
                return err_set(RASD_ERR_NOMEM, "out of memory (corpus)");
            t->count[id]++;
        }
        if (stream_push(s, CL_SEP))
            return err_set(RASD_ERR_NOMEM, "out of memory (corpus)");
    }
    return RASD_OK;
}

static rasd_status clust_read(const ner_clust_opts *o, wtab *t, stream *s,
                              size_t *docs, buf *log)
{
    rasd_ctx *ctx = NULL;
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;   /* reading and tokenising only: no models needed */
    rasd_status st = rasd_ctx_new(&cfg, &ctx);
    for (size_t f = 0; f < o->n_inputs && !st; f++) {
        rasd_reader *r = NULL;
        if ((st = rasd_reader_open(ctx, o->inputs[f], RASD_FMT_AUTO, &r)))
            break;
        for (;;) {
            if (o->max_docs && *docs >= o->max_docs)
                break;
            rasd_doc *doc = NULL;
            rasd_status rs = rasd_reader_next(r, &doc);
            if (rs == RASD_DONE)
                break;
            if (rs == RASD_ERR_IO) {
                st = rs;
                break;
            }
            if (rs == RASD_OK && rasd_doc_analyze(ctx, doc) == RASD_OK) {
                st = clust_doc(doc, t, s);
                (*docs)++;
            }
            rasd_doc_free(doc);
            if (st)
                break;
        }
        rasd_reader_free(r);
    }
    rasd_ctx_free(ctx);
    if (log && !st)
        buf_printf(log, "read %zu documents, %zu tokens, %zu distinct words\n",
                   *docs, s->n, t->n);
    return st;
}

/* ---- ranking */

static const uint64_t *clust_cmp_counts;

static int clust_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    uint64_t cx = clust_cmp_counts[x], cy = clust_cmp_counts[y];
    if (cx != cy)
        return cx < cy ? 1 : -1;
    return x < y ? -1 : x > y;   /* ties: first seen first (deterministic) */
}

/* A word worth clustering: has a letter (not punctuation or a number). */
static int clust_wordlike(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0xC0 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return 1;
    }
    return 0;
}

/* ---- vectors */

typedef struct cl {
    const ner_clust_opts *o;
    wtab t;
    stream s;
    size_t V, C, dims;          /* vocab, contexts, raw context dims */
    int32_t *vi, *ci;           /* id -> vocab / context index or -1 */
    uint32_t *vocab_ids;        /* vocab index -> id */
    float *cooc;                /* V x dims */
    float *vec;                 /* V x CL_DIM unit vectors */
    int *fine, *coarse;
    uint64_t rng;
    double objective;           /* of the fine clustering kept */
} cl;

static uint64_t cl_rand(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return ner_mix(*s);
}

static rasd_status cl_rank(cl *c)
{
    size_t n = c->t.n;
    uint32_t *ord = malloc(n * sizeof *ord);
    c->vi = malloc(n * sizeof *c->vi);
    c->ci = malloc(n * sizeof *c->ci);
    c->vocab_ids = malloc((c->o->vocab ? c->o->vocab : 1) * sizeof *c->vocab_ids);
    if (!ord || !c->vi || !c->ci || !c->vocab_ids) {
        free(ord);
        return err_set(RASD_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        ord[i] = (uint32_t)i, c->vi[i] = c->ci[i] = -1;
    clust_cmp_counts = c->t.count;
    qsort(ord, n, sizeof *ord, clust_cmp);
    size_t nc = 0, nv = 0;
    for (size_t r = 0; r < n; r++) {
        uint32_t id = ord[r];
        if (nc < c->o->contexts)
            c->ci[id] = (int32_t)nc++;
        if (nv < c->o->vocab && c->t.count[id] >= 3 &&
            clust_wordlike(c->t.word[id], c->t.wlen[id])) {
            c->vocab_ids[nv] = id;
            c->vi[id] = (int32_t)nv++;
        }
    }
    free(ord);
    c->V = nv, c->C = nc;
    c->dims = 2 * (nc + 2);   /* left/right: contexts, other, sentence edge */
    return nv ? RASD_OK : err_set(RASD_ERR_EMPTY, "no words to cluster");
}

static size_t cl_ctx(const cl *c, uint32_t id)
{
    if (id == CL_SEP)
        return c->C + 1;
    return c->ci[id] >= 0 ? (size_t)c->ci[id] : c->C;
}

static rasd_status cl_count(cl *c)
{
    c->cooc = calloc(c->V * c->dims, sizeof *c->cooc);
    if (!c->cooc)
        return err_set(RASD_ERR_NOMEM, "out of memory (co-occurrences)");
    size_t half = c->C + 2;
    for (size_t i = 0; i < c->s.n; i++) {
        uint32_t id = c->s.v[i];
        if (id == CL_SEP || c->vi[id] < 0)
            continue;
        float *row = c->cooc + (size_t)c->vi[id] * c->dims;
        uint32_t l = i ? c->s.v[i - 1] : CL_SEP;
        uint32_t r = i + 1 < c->s.n ? c->s.v[i + 1] : CL_SEP;
        row[cl_ctx(c, l)] += 1;
        row[half + cl_ctx(c, r)] += 1;
    }
    return RASD_OK;
}

/* PPMI in place, then random projection to unit vectors. */
static rasd_status cl_project(cl *c)
{
    size_t V = c->V, D = c->dims;
    double *col = calloc(D, sizeof *col), total = 0;
    float *proj = malloc(D * CL_DIM * sizeof *proj);
    c->vec = calloc(V * CL_DIM, sizeof *c->vec);
    if (!col || !proj || !c->vec) {
        free(col), free(proj);
        return err_set(RASD_ERR_NOMEM, "out of memory (vectors)");
    }
    for (size_t w = 0; w < V; w++)
        for (size_t d = 0; d < D; d++)
            col[d] += c->cooc[w * D + d];
    for (size_t d = 0; d < D; d++)
        total += col[d] = pow(col[d], 0.75);
    for (size_t i = 0; i < D * CL_DIM; i++)
        proj[i] = (cl_rand(&c->rng) & 1) ? 1.0f : -1.0f;
    for (size_t w = 0; w < V; w++) {
        float *row = c->cooc + w * D, *v = c->vec + w * CL_DIM;
        double rs = 0, norm = 0;
        for (size_t d = 0; d < D; d++)
            rs += row[d];
        for (size_t d = 0; d < D; d++) {
            if (row[d] <= 0 || col[d] <= 0)
                continue;
            double pmi = log((double)row[d] * total / (rs * col[d]));
            if (pmi <= 0)
                continue;
            const float *p = proj + d * CL_DIM;
            for (int k = 0; k < CL_DIM; k++)
                v[k] += (float)pmi * p[k];
        }
        for (int k = 0; k < CL_DIM; k++)
            norm += (double)v[k] * v[k];
        norm = norm > 0 ? 1.0 / sqrt(norm) : 0;
        for (int k = 0; k < CL_DIM; k++)
            v[k] *= (float)norm;
    }
    free(col), free(proj);
    free(c->cooc);
    c->cooc = NULL;
    return RASD_OK;
}

static float cl_dot(const float *a, const float *b)
{
    float s = 0;
    for (int k = 0; k < CL_DIM; k++)
        s += a[k] * b[k];
    return s;
}

/* k-means++ seeding over n unit vectors x (weights wt may be NULL). */
static void cl_seed(const float *x, const double *wt, size_t n, int K, float *cent,
                    uint64_t *rng, double *dist)
{
    size_t first = (size_t)(cl_rand(rng) % n);
    memcpy(cent, x + first * CL_DIM, CL_DIM * sizeof *cent);
    for (size_t i = 0; i < n; i++)
        dist[i] = 1e30;
    for (int k = 1; k < K; k++) {
        double sum = 0;
        const float *last = cent + (size_t)(k - 1) * CL_DIM;
        for (size_t i = 0; i < n; i++) {
            double d = 1.0 - cl_dot(x + i * CL_DIM, last);
            d = d < 0 ? 0 : d;
            if (d < dist[i])
                dist[i] = d;
            sum += dist[i] * (wt ? wt[i] : 1);
        }
        double r = (double)(cl_rand(rng) >> 11) / 9007199254740992.0 * sum;
        size_t pick = n - 1;
        for (size_t i = 0; i < n; i++) {
            r -= dist[i] * (wt ? wt[i] : 1);
            if (r <= 0) {
                pick = i;
                break;
            }
        }
        memcpy(cent + (size_t)k * CL_DIM, x + pick * CL_DIM, CL_DIM * sizeof *cent);
    }
}

/* Spherical k-means; assign[i] receives the cluster of x[i]. */
static rasd_status cl_kmeans(const float *x, const double *wt, size_t n, int K,
                             int iters, uint64_t *rng, int *assign, float *cent)
{
    double *acc = malloc((size_t)K * CL_DIM * sizeof *acc);
    double *dist = malloc(n * sizeof *dist);
    if (!acc || !dist) {
        free(acc), free(dist);
        return err_set(RASD_ERR_NOMEM, "out of memory (k-means)");
    }
    cl_seed(x, wt, n, K, cent, rng, dist);
    for (int it = 0; it < iters; it++) {
        for (size_t i = 0; i < n; i++) {
            int best = 0;
            float bv = -2;
            for (int k = 0; k < K; k++) {
                float v = cl_dot(x + i * CL_DIM, cent + (size_t)k * CL_DIM);
                if (v > bv)
                    bv = v, best = k;
            }
            assign[i] = best;
        }
        memset(acc, 0, (size_t)K * CL_DIM * sizeof *acc);
        for (size_t i = 0; i < n; i++)
            for (int d = 0; d < CL_DIM; d++)
                acc[(size_t)assign[i] * CL_DIM + d] += x[i * CL_DIM + d] * (wt ? wt[i] : 1);
        for (int k = 0; k < K; k++) {
            double norm = 0;
            for (int d = 0; d < CL_DIM; d++)
                norm += acc[(size_t)k * CL_DIM + d] * acc[(size_t)k * CL_DIM + d];
            if (norm <= 0)
                continue;   /* empty cluster keeps its centroid */
            norm = 1.0 / sqrt(norm);
            for (int d = 0; d < CL_DIM; d++)
                cent[(size_t)k * CL_DIM + d] = (float)(acc[(size_t)k * CL_DIM + d] * norm);
        }
    }
    free(acc), free(dist);
    return RASD_OK;
}

/* Mean cosine of the words to their centroid: the k-means objective. */
static double cl_objective(const float *x, size_t n, const int *assign,
                           const float *cent)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += cl_dot(x + i * CL_DIM, cent + (size_t)assign[i] * CL_DIM);
    return n ? s / (double)n : 0;
}

/* Fine clusters: the best of o->restarts k-means runs (each from its own
 * k-means++ start); one bad start otherwise decides the clusters. */
static rasd_status cl_fine(cl *c, int Kf, float *cf, buf *log)
{
    int restarts = c->o->restarts > 1 ? c->o->restarts : 1;
    int *as = malloc(c->V * sizeof *as);
    float *ct = malloc((size_t)Kf * CL_DIM * sizeof *ct);
    rasd_status st = as && ct ? RASD_OK : err_set(RASD_ERR_NOMEM, "out of memory");
    double best = -2;
    for (int r = 0; r < restarts && !st; r++) {
        st = cl_kmeans(c->vec, NULL, c->V, Kf, c->o->iters, &c->rng, as, ct);
        double obj = st ? -2 : cl_objective(c->vec, c->V, as, ct);
        if (log)
            buf_printf(log, "k-means run %d: mean cosine to centroid %.4f\n", r + 1, obj);
        if (!st && obj > best) {
            best = obj;
            memcpy(c->fine, as, c->V * sizeof *as);
            memcpy(cf, ct, (size_t)Kf * CL_DIM * sizeof *ct);
        }
    }
    c->objective = best;
    free(as), free(ct);
    return st;
}

static rasd_status cl_cluster(cl *c, buf *log)
{
    int Kf = c->o->k_fine, Kc = c->o->k_coarse;
    if ((size_t)Kf > c->V)
        Kf = (int)c->V;
    if (Kc > Kf)
        Kc = Kf;
    float *cf = malloc((size_t)Kf * CL_DIM * sizeof *cf);
    float *cc = malloc((size_t)Kc * CL_DIM * sizeof *cc);
    double *size = calloc((size_t)Kf, sizeof *size);
    int *fc = malloc((size_t)Kf * sizeof *fc);
    c->fine = malloc(c->V * sizeof *c->fine);
    c->coarse = malloc(c->V * sizeof *c->coarse);
    rasd_status st = RASD_OK;
    if (!cf || !cc || !size || !fc || !c->fine || !c->coarse)
        st = err_set(RASD_ERR_NOMEM, "out of memory (clusters)");
    if (!st)
        st = cl_fine(c, Kf, cf, log);
    if (!st) {
        for (size_t i = 0; i < c->V; i++)
            size[c->fine[i]] += 1;
        for (int k = 0; k < Kf; k++)
            size[k] = size[k] > 0 ? size[k] : 1e-9;
        st = cl_kmeans(cf, size, (size_t)Kf, Kc, c->o->iters * 2, &c->rng, fc, cc);
    }
    if (!st)
        for (size_t i = 0; i < c->V; i++)
            c->coarse[i] = fc[c->fine[i]];
    free(cf), free(cc), free(size), free(fc);
    return st;
}

static rasd_status cl_write(const cl *c, size_t docs)
{
    buf b;
    buf_init(&b);
    const ner_clust_opts *o = c->o;
    buf_puts(&b, "# rasd NER word clusters: word<TAB>fine<TAB>coarse (folded keys)\n");
    buf_printf(&b, "# command: %s\n", o->command ? o->command : "(library)");
    for (size_t i = 0; i < o->n_inputs; i++)
        buf_printf(&b, "# input: %s\n", o->inputs[i]);
    buf_printf(&b, "# %zu documents, %zu tokens; vocab %zu, contexts %zu, "
               "fine %d, coarse %d, iters %d, restarts %d, seed %llu, dims %d, "
               "mean cosine %.4f\n", docs, c->s.n, c->V, c->C, o->k_fine,
               o->k_coarse, o->iters, o->restarts > 1 ? o->restarts : 1,
               (unsigned long long)o->seed, CL_DIM, c->objective);
    buf_puts(&b, "# method: PPMI of left/right neighbours, random projection, "
             "spherical k-means (ner_clust.c)\n");
    buf_puts(&b, "# source: ANT corpus v2.1 (Apache-2.0; Chouigui et al.), "
             "derived statistics only\n");
    for (size_t i = 0; i < c->V; i++) {
        uint32_t id = c->vocab_ids[i];
        buf_put(&b, c->t.word[id], c->t.wlen[id]);
        buf_printf(&b, "\t%d\t%d\n", c->fine[i], c->coarse[i]);
    }
    rasd_status st = buf_save(&b, o->out_path);
    buf_free(&b);
    return st;
}

rasd_status ner_clust_train(const ner_clust_opts *o, buf *log)
{
    if (!o || !o->out_path || !o->n_inputs)
        return err_set(RASD_ERR_ARG, "ner_clust_train: no input or output");
    cl c;
    memset(&c, 0, sizeof c);
    c.o = o;
    c.rng = o->seed;
    arena_init(&c.t.mem, 1 << 16);
    size_t docs = 0;
    clock_t t0 = clock();
    rasd_status st = clust_read(o, &c.t, &c.s, &docs, log);
    if (!st)
        st = cl_rank(&c);
    if (!st)
        st = cl_count(&c);
    if (!st)
        st = cl_project(&c);
    if (!st)
        st = cl_cluster(&c, log);
    if (!st)
        st = cl_write(&c, docs);
    if (!st && log)
        buf_printf(log, "clustered %zu words into %d/%d clusters in %.1f s: %s\n",
                   c.V, o->k_fine, o->k_coarse,
                   (double)(clock() - t0) / CLOCKS_PER_SEC, o->out_path);
    wtab_free(&c.t);
    free(c.s.v), free(c.vi), free(c.ci), free(c.vocab_ids), free(c.cooc);
    free(c.vec), free(c.fine), free(c.coarse);
    return st;
}

/* ---- shared with ner_emb.c: the corpus as vocabulary indices, k-means */

rasd_status ner_clust_corpus(const char *const *inputs, size_t n_inputs,
                             size_t max_docs, size_t vocab, ner_idcorpus *out,
                             buf *log)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->mem, 1 << 16);
    ner_clust_opts o;
    ner_clust_opts_init(&o);
    o.inputs = inputs, o.n_inputs = n_inputs, o.max_docs = max_docs;
    o.vocab = vocab, o.contexts = 0;
    cl c;
    memset(&c, 0, sizeof c);
    c.o = &o;
    arena_init(&c.t.mem, 1 << 16);
    rasd_status st = clust_read(&o, &c.t, &c.s, &out->docs, log);
    if (!st)
        st = cl_rank(&c);
    if (!st) {
        out->V = c.V;
        out->word = malloc(c.V * sizeof *out->word);
        out->wlen = malloc(c.V * sizeof *out->wlen);
        out->count = malloc(c.V * sizeof *out->count);
        if (!out->word || !out->wlen || !out->count)
            st = err_set(RASD_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; !st && i < c.V; i++) {
        uint32_t id = c.vocab_ids[i];
        out->word[i] = arena_strndup(&out->mem, c.t.word[id], c.t.wlen[id]);
        out->wlen[i] = c.t.wlen[id];
        out->count[i] = c.t.count[id];
        if (!out->word[i])
            st = err_set(RASD_ERR_NOMEM, "out of memory");
    }
    if (!st) {
        /* the stream is rewritten in place: vocabulary index, NER_ID_OOV or
         * NER_ID_SEP */
        for (size_t i = 0; i < c.s.n; i++) {
            uint32_t id = c.s.v[i];
            c.s.v[i] = id == CL_SEP ? NER_ID_SEP
                       : c.vi[id] >= 0 ? (uint32_t)c.vi[id] : NER_ID_OOV;
        }
        out->tok = c.s.v, out->n = c.s.n;
        c.s.v = NULL;
    }
    wtab_free(&c.t);
    free(c.s.v), free(c.vi), free(c.ci), free(c.vocab_ids);
    if (st)
        ner_idcorpus_free(out);
    return st;
}

void ner_idcorpus_free(ner_idcorpus *c)
{
    arena_free(&c->mem);
    free(c->tok), free(c->word), free(c->wlen), free(c->count);
    memset(c, 0, sizeof *c);
}

rasd_status ner_clust_kmeans(const float *x, size_t n, int K, int iters,
                             uint64_t *rng, int *assign)
{
    float *cent = malloc((size_t)K * CL_DIM * sizeof *cent);
    if (!cent)
        return err_set(RASD_ERR_NOMEM, "out of memory (k-means)");
    rasd_status st = cl_kmeans(x, NULL, n, K, iters, rng, assign, cent);
    free(cent);
    return st;
}
