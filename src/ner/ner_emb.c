/* ner_emb.c - word embeddings learnt from unlabelled news, turned into
 * "compound" clusters for the tagger (Guo et al. 2014, "Revisiting embedding
 * features for simple semi-supervised learning": k-means over embeddings at
 * several k gives the perceptron discrete features that generalise over
 * words the labelled corpus never saw).
 *
 * Embeddings: skip-gram with negative sampling (Mikolov et al. 2013), our
 * own single-threaded implementation so that a seed gives the same file:
 * NER_CLUST_DIM dimensions, a dynamic window, frequent-word subsampling,
 * negatives from the unigram distribution ^0.75, linearly decaying step.
 * Unlike the neighbour-PPMI vectors of ner_clust.c the window is wider and
 * covers every word, so the vectors mix syntactic and topical similarity
 * (club names with clubs, car makers with car makers).
 *
 * The vocabulary and the folded keys are those of ner_clust.c, so the file
 * is keyed exactly like clusters.tsv. */
#include "ner_int.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EMB_D NER_CLUST_DIM
#define EMB_TABLE (1u << 23)    /* unigram table for negative sampling */
#define EMB_EXP 512             /* sigmoid table resolution */
#define EMB_MAX_EXP 6
#define EMB_MAX_SENT 1000

void ner_emb_opts_init(ner_emb_opts *o)
{
    memset(o, 0, sizeof *o);
    o->vocab = 60000;
    o->window = 5;
    o->negative = 5;
    o->epochs = 3;
    o->alpha = 0.025;
    o->sample = 1e-4;
    o->n_k = 4;
    o->ks[0] = 100, o->ks[1] = 500, o->ks[2] = 1000, o->ks[3] = 2000;
    o->iters = 10;
    o->seed = 1;
}

static uint64_t emb_rand(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return ner_mix(*s);
}

static double emb_unit(uint64_t *s)
{
    return (double)(emb_rand(s) >> 11) / 9007199254740992.0;
}

typedef struct emb {
    const ner_emb_opts *o;
    ner_idcorpus c;
    float *in, *out;       /* V x EMB_D: word and context vectors */
    uint32_t *table;       /* negative-sampling table */
    float *keep;           /* subsampling: probability of keeping a word */
    float sig[EMB_EXP + 1];
    uint64_t rng;
    int *assign[NER_EMB_MAXK];
} emb;

static rasd_status emb_alloc(emb *e)
{
    size_t V = e->c.V;
    e->in = malloc(V * EMB_D * sizeof *e->in);
    e->out = calloc(V * EMB_D, sizeof *e->out);
    e->table = malloc(EMB_TABLE * sizeof *e->table);
    e->keep = malloc(V * sizeof *e->keep);
    if (!e->in || !e->out || !e->table || !e->keep)
        return err_set(RASD_ERR_NOMEM, "out of memory (embeddings)");
    for (size_t i = 0; i < V * EMB_D; i++)
        e->in[i] = (float)((emb_unit(&e->rng) - 0.5) / EMB_D);
    double total = 0, pw = 0;
    for (size_t w = 0; w < V; w++) {
        total += (double)e->c.count[w];
        pw += pow((double)e->c.count[w], 0.75);
    }
    /* unigram^0.75 table: word w fills a share of slots proportional to it */
    size_t w = 0;
    double cum = pow((double)e->c.count[0], 0.75) / pw;
    for (uint32_t a = 0; a < EMB_TABLE; a++) {
        e->table[a] = (uint32_t)w;
        if ((double)(a + 1) / EMB_TABLE > cum && w + 1 < V)
            cum += pow((double)e->c.count[++w], 0.75) / pw;
    }
    double thr = e->o->sample * total;
    for (size_t v = 0; v < V; v++) {
        double f = (double)e->c.count[v];
        double k = thr > 0 ? (sqrt(f / thr) + 1) * thr / f : 1;
        e->keep[v] = (float)(k > 1 ? 1 : k);
    }
    for (int i = 0; i <= EMB_EXP; i++) {
        double x = ((double)i / EMB_EXP * 2 - 1) * EMB_MAX_EXP;
        e->sig[i] = (float)(1 / (1 + exp(-x)));
    }
    return RASD_OK;
}

static float emb_sigmoid(const emb *e, float x)
{
    if (x >= EMB_MAX_EXP)
        return 1;
    if (x <= -EMB_MAX_EXP)
        return 0;
    return e->sig[(int)((x + EMB_MAX_EXP) * (EMB_EXP / EMB_MAX_EXP / 2))];
}

/* One (context word -> target word) pair with negatives: the step of
 * word2vec's skip-gram (the context's input vector predicts the target). */
static void emb_pair(emb *e, uint32_t ctx, uint32_t target, float alpha, float *grad)
{
    float *l1 = e->in + (size_t)ctx * EMB_D;
    memset(grad, 0, EMB_D * sizeof *grad);
    for (int d = 0; d <= e->o->negative; d++) {
        uint32_t t;
        float label;
        if (d == 0) {
            t = target, label = 1;
        } else {
            t = e->table[(emb_rand(&e->rng) >> 20) & (EMB_TABLE - 1)];
            if (t == target)
                continue;
            label = 0;
        }
        float *l2 = e->out + (size_t)t * EMB_D, f = 0;
        for (int k = 0; k < EMB_D; k++)
            f += l1[k] * l2[k];
        float g = (label - emb_sigmoid(e, f)) * alpha;
        for (int k = 0; k < EMB_D; k++)
            grad[k] += g * l2[k];
        for (int k = 0; k < EMB_D; k++)
            l2[k] += g * l1[k];
    }
    for (int k = 0; k < EMB_D; k++)
        l1[k] += grad[k];
}

static void emb_train(emb *e, buf *log)
{
    const ner_emb_opts *o = e->o;
    uint32_t sent[EMB_MAX_SENT];
    float grad[EMB_D];
    size_t words = 0;   /* vocabulary tokens per epoch */
    for (size_t i = 0; i < e->c.n; i++)
        words += e->c.tok[i] < NER_ID_OOV;
    double total = (double)words * o->epochs + 1, done = 0;
    for (int ep = 0; ep < o->epochs; ep++) {
        clock_t t0 = clock();
        size_t i = 0;
        while (i < e->c.n) {
            size_t n = 0;   /* a sentence (or a 1000-word piece of one) */
            for (; i < e->c.n && n < EMB_MAX_SENT; i++) {
                uint32_t w = e->c.tok[i];
                if (w == NER_ID_SEP) {
                    i++;
                    break;
                }
                if (w == NER_ID_OOV)
                    continue;
                done++;
                if (e->keep[w] < 1 && emb_unit(&e->rng) > e->keep[w])
                    continue;
                sent[n++] = w;
            }
            float alpha = (float)(o->alpha * (1 - done / total));
            if (alpha < o->alpha * 1e-4)
                alpha = (float)(o->alpha * 1e-4);
            for (size_t p = 0; p < n; p++) {
                int b = (int)(emb_rand(&e->rng) % (uint64_t)o->window);
                for (int a = b; a < o->window * 2 + 1 - b; a++) {
                    long c = (long)p - o->window + a;
                    if (a == o->window || c < 0 || c >= (long)n)
                        continue;
                    emb_pair(e, sent[c], sent[p], alpha, grad);
                }
            }
        }
        if (log)
            buf_printf(log, "epoch %d: %.1f s\n", ep + 1,
                       (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
}

static void emb_normalise(emb *e)
{
    for (size_t w = 0; w < e->c.V; w++) {
        float *v = e->in + w * EMB_D;
        double s = 0;
        for (int k = 0; k < EMB_D; k++)
            s += (double)v[k] * v[k];
        s = s > 0 ? 1 / sqrt(s) : 0;
        for (int k = 0; k < EMB_D; k++)
            v[k] *= (float)s;
    }
}

/* ---- raw vectors, so that clusterings can be redone without training */

static rasd_status emb_save(const emb *e, const char *path)
{
    FILE *f = fopen(path, "wb");
    /* the generator state goes along, so that k-means on loaded vectors
     * draws what it would have drawn right after training */
    uint64_t hdr[3] = {e->c.V, EMB_D, e->rng};
    int ok = f && fwrite("RASDEMB2", 1, 8, f) == 8 && fwrite(hdr, sizeof hdr, 1, f) == 1 &&
             fwrite(e->in, sizeof *e->in * EMB_D, e->c.V, f) == e->c.V;
    if (f && fclose(f))
        ok = 0;
    return ok ? RASD_OK : err_set(RASD_ERR_IO, "%s: cannot write", path);
}

static rasd_status emb_load(emb *e, const char *path)
{
    FILE *f = fopen(path, "rb");
    char magic[8];
    uint64_t hdr[3];
    int ok = f && fread(magic, 1, 8, f) == 8 && !memcmp(magic, "RASDEMB2", 8) &&
             fread(hdr, sizeof hdr, 1, f) == 1 && hdr[0] == e->c.V && hdr[1] == EMB_D &&
             fread(e->in, sizeof *e->in * EMB_D, e->c.V, f) == e->c.V;
    if (f)
        fclose(f);
    if (ok)
        e->rng = hdr[2];
    return ok ? RASD_OK
              : err_set(RASD_ERR_PARSE, "%s: not vectors of this vocabulary", path);
}

static rasd_status emb_write(const emb *e)
{
    const ner_emb_opts *o = e->o;
    buf b;
    buf_init(&b);
    buf_puts(&b, "# rasd NER embedding clusters: word");
    for (int k = 0; k < o->n_k; k++)
        buf_printf(&b, "<TAB>k%d", o->ks[k]);
    buf_puts(&b, " (folded keys)\n");
    buf_printf(&b, "# command: %s\n", o->command ? o->command : "(library)");
    for (size_t i = 0; i < o->n_inputs; i++)
        buf_printf(&b, "# input: %s\n", o->inputs[i]);
    buf_printf(&b, "# %zu documents, %zu tokens; vocab %zu, dims %d, window %d, "
               "negative %d, epochs %d, alpha %g, sample %g, k-means iters %d, "
               "seed %llu\n", e->c.docs, e->c.n, e->c.V, EMB_D, o->window,
               o->negative, o->epochs, o->alpha, o->sample, o->iters,
               (unsigned long long)o->seed);
    buf_puts(&b, "# method: skip-gram with negative sampling, spherical k-means "
             "of the unit vectors at each k (ner_emb.c)\n");
    buf_puts(&b, "# source: ANT corpus v2.1 (Apache-2.0; Chouigui et al.), "
             "derived statistics only\n");
    for (size_t i = 0; i < e->c.V; i++) {
        buf_put(&b, e->c.word[i], e->c.wlen[i]);
        for (int k = 0; k < o->n_k; k++)
            buf_printf(&b, "\t%d", e->assign[k][i]);
        buf_putc(&b, '\n');
    }
    rasd_status st = buf_save(&b, o->out_path);
    buf_free(&b);
    return st;
}

rasd_status ner_emb_build(const ner_emb_opts *o, buf *log)
{
    if (!o || !o->out_path || !o->n_inputs || o->n_k < 1 || o->n_k > NER_EMB_MAXK ||
        o->window < 1 || o->negative < 1 || o->epochs < 1)
        return err_set(RASD_ERR_ARG, "ner_emb_build: bad options");
    emb e;
    memset(&e, 0, sizeof e);
    e.o = o;
    e.rng = o->seed;
    clock_t t0 = clock();
    rasd_status st = ner_clust_corpus(o->inputs, o->n_inputs, o->max_docs,
                                      o->vocab, &e.c, log);
    if (!st)
        st = emb_alloc(&e);
    if (!st && o->load_vectors) {
        st = emb_load(&e, o->load_vectors);
    } else if (!st) {
        emb_train(&e, log);
        emb_normalise(&e);
    }
    if (!st && o->save_vectors)
        st = emb_save(&e, o->save_vectors);
    for (int k = 0; k < o->n_k && !st; k++) {
        int K = o->ks[k] < (int)e.c.V ? o->ks[k] : (int)e.c.V;
        clock_t t1 = clock();
        e.assign[k] = malloc(e.c.V * sizeof *e.assign[k]);
        st = e.assign[k] ? ner_clust_kmeans(e.in, e.c.V, K, o->iters, &e.rng, e.assign[k])
                         : err_set(RASD_ERR_NOMEM, "out of memory");
        if (!st && log)
            buf_printf(log, "k-means k=%d: %.1f s\n", K,
                       (double)(clock() - t1) / CLOCKS_PER_SEC);
    }
    if (!st)
        st = emb_write(&e);
    if (!st && log)
        buf_printf(log, "embedded and clustered %zu words in %.1f s: %s\n", e.c.V,
                   (double)(clock() - t0) / CLOCKS_PER_SEC, o->out_path);
    for (int k = 0; k < NER_EMB_MAXK; k++)
        free(e.assign[k]);
    free(e.in), free(e.out), free(e.table), free(e.keep);
    ner_idcorpus_free(&e.c);
    return st;
}
