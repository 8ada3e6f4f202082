/* detect.c - the candidate-event classifier: features, scoring, and a
 * deterministic logistic-regression trainer with cross-validated
 * thresholds. */
#include "events/detect.h"
#include "util/mfile.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DETECT_KIND "EVT1"
#define DETECT_VERSION 1u
#define DETECT_DIM (1u << DETECT_BITS)

struct detect_model {
    mfile *file;
    const float *w;
    const float *thr;      /* per category; < 0 when untrained */
};

/* ---------------------------------------------------------- features */

typedef struct fset {
    uint32_t *f;
    size_t n, cap;
    plover_cat cat;
} fset;

static void feat(fset *fs, const char *name, const char *val)
{
    if (fs->n >= fs->cap)
        return;
    char key[160];
    int k = snprintf(key, sizeof key, "%d|%s=%s", (int)fs->cat, name, val ? val : "");
    fs->f[fs->n++] = (uint32_t)(hash_bytes(key, (size_t)(k > 0 ? k : 0)) & (DETECT_DIM - 1));
}

static const char *bucket(size_t v, const char *const *names, const size_t *limits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v <= limits[i])
            return names[i];
    return names[n];
}

static void feat_actor(fset *fs, const char *role, const mention *m)
{
    if (!m) {
        feat(fs, role, "none");
        return;
    }
    feat(fs, role, "some");
    feat(fs, "sec", m->sector[0] ? m->sector : "-");
    feat(fs, role[0] == 's' ? "ssec" : "tsec", m->sector[0] ? m->sector : "-");
    feat(fs, role[0] == 's' ? "sctry" : "tctry", m->country[0] ? "yes" : "no");
    if (m->named)
        feat(fs, role, "named");
    if (m->resolved)
        feat(fs, role, "resolved");
}

/* Sentence flags that often separate real reports from background
 * mentions (numbers of victims, quotes). The words around the trigger were
 * features too, but with a few hundred gold sentences they only memorised:
 * cross-validated F1 was no better with them. */
static void feat_context(fset *fs, const coder_sent *cs)
{
    bool num = false, quote = false;
    for (size_t i = 0; i < cs->n; i++) {
        num |= cs->toks[i].kind == RASD_TOK_NUMBER;
        quote |= (cs->toks[i].flags & RASD_TOKF_QUOTE_OPEN) != 0;
    }
    if (num)
        feat(fs, "has", "number");
    if (quote)
        feat(fs, "has", "quote");
}

/* Is the trigger inside a relative clause (الذي قتل ..., التي شنت ...)?
 * Those usually recall background, not the reported event. */
static bool in_relative_clause(const coder_sent *cs, size_t t0)
{
    static const char *const rel[] = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي"};
    for (size_t i = t0, steps = 0; i-- > 0 && steps < 6; steps++) {
        if (cs->toks[i].kind == RASD_TOK_PUNCT)
            return false;
        for (size_t k = 0; k < sizeof rel / sizeof rel[0]; k++)
            if (!strcmp(cs->keys[i].full, rel[k]))
                return true;
    }
    return false;
}

size_t detect_features(const coder_sent *cs, const ev_cand *c, uint32_t *f, size_t cap)
{
    const lex_hit *h = &c->h;
    const ev_args *a = &c->a;
    fset fs = {f, 0, cap, h->e->cat};
    static const char *const len_names[] = {"short", "mid", "long", "vlong"};
    static const size_t len_lim[] = {12, 25, 45};
    static const char *const pos_names[] = {"start", "early", "late"};
    static const size_t pos_lim[] = {1, 6};
    feat(&fs, "bias", "");
    feat(&fs, "pat", h->e->pattern);
    feat(&fs, "cameo", h->e->cameo);
    feat(&fs, "form", (h->e->opts & LEXO_NOUN) ? "noun" : (h->e->opts & LEXO_PASSIVE) ? "passive" : "verb");
    feat(&fs, "upos", morph_upos_str(cs->mw[h->trig[0]].upos));
    feat(&fs, "multi", h->n_trig > 1 ? "yes" : "no");
    feat(&fs, "mod", a->modality);
    feat(&fs, "neg", a->negated ? "yes" : "no");
    feat(&fs, "rep", a->speaker ? "yes" : "no");
    feat(&fs, "relcl", in_relative_clause(cs, h->trig[0]) ? "yes" : "no");
    feat(&fs, "date", a->date_tok != SIZE_MAX ? "stated" : "none");
    feat(&fs, "len", bucket(cs->n, len_names, len_lim, 3));
    feat(&fs, "pos", bucket(h->trig[0], pos_names, pos_lim, 2));
    feat_actor(&fs, "src", a->src);
    feat_actor(&fs, "tgt", a->tgt);
    feat_context(&fs, cs);
    return fs.n;
}

/* ---------------------------------------------------------- model */

rasd_status detect_load(const char *data_dir, detect_model **out)
{
    *out = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/models/events.bin", data_dir);
    FILE *probe = fopen(path, "rb");
    if (!probe)
        return RASD_OK;
    fclose(probe);
    detect_model *m = calloc(1, sizeof *m);
    if (!m)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    rasd_status st = mfile_open(path, DETECT_KIND, DETECT_VERSION, &m->file);
    size_t wl = 0, tl = 0;
    if (st == RASD_OK) {
        m->w = mfile_section(m->file, "WGHT", &wl);
        m->thr = mfile_section(m->file, "THRS", &tl);
        if (!m->w || wl != DETECT_DIM * sizeof(float) || !m->thr || tl != PL_N_CATS * sizeof(float))
            st = err_set(RASD_ERR_PARSE, "%s: missing or mis-sized sections", path);
    }
    if (st != RASD_OK) {
        detect_free(m);
        return st;
    }
    *out = m;
    return RASD_OK;
}

void detect_free(detect_model *m)
{
    if (!m)
        return;
    mfile_close(m->file);
    free(m);
}

static double dot(const float *w, const uint32_t *f, size_t n)
{
    double z = 0;
    for (size_t i = 0; i < n; i++)
        z += w[f[i]];
    return z;
}

static double sigmoid(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

double detect_prob(const detect_model *m, plover_cat cat, const uint32_t *f, size_t n,
                   bool *trained)
{
    *trained = m && cat > PL_NONE && cat < PL_N_CATS && m->thr[cat] >= 0;
    return *trained ? sigmoid(dot(m->w, f, n)) : 0;
}

double detect_threshold(const detect_model *m, plover_cat cat)
{
    return (m && cat > PL_NONE && cat < PL_N_CATS) ? m->thr[cat] : -1;
}

/* ---------------------------------------------------------- training */

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

/* Cross-validation is repeated with CV_REPS fold assignments: with a few
 * dozen gold sentences per category one split moves the threshold a lot,
 * and the grid of epochs and l2 below is flat to within a point, so with
 * three repetitions one extra candidate could flip the choice. */
#define CV_REPS 10

static int fold_of(uint32_t group, int rep)
{
    if (rep == 0)
        return (int)(group % 5);
    uint32_t x = group + (uint32_t)rep * 0x9e3779b9u; /* murmur3 finaliser */
    x ^= x >> 16;
    x *= 0x85ebca6bu;
    x ^= x >> 13;
    x *= 0xc2b2ae35u;
    x ^= x >> 16;
    return (int)(x % 5);
}

/* SGD on the examples whose group is not in fold `skip` of repetition
 * `rep` (skip < 0: all). */
static void sgd(float *w, const detect_example *ex, size_t n, int epochs, double l2, int skip,
                int rep)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    uint64_t seed = 1;
    for (int ep = 0; ep < epochs; ep++) {
        for (size_t i = n; i > 1; i--) { /* deterministic shuffle */
            size_t j = lcg(&seed) % i, t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        double lr = 0.2 / (1.0 + ep);
        for (size_t k = 0; k < n; k++) {
            const detect_example *e = &ex[order[k]];
            if (skip >= 0 && fold_of(e->group, rep) == skip)
                continue;
            double g = e->target - sigmoid(dot(w, e->f, e->n));
            for (size_t i = 0; i < e->n; i++)
                w[e->f[i]] += (float)(lr * (g - l2 * w[e->f[i]]));
        }
    }
    free(order);
}

typedef struct sent_score {
    uint32_t group;
    int rep;
    plover_cat cat;
    double p;
    uint8_t label, spans;
} sent_score;

/* What a threshold is judged by, for one category over the CV_REPS
 * repetitions: `missed` gold sentences had no candidate at all; n_spans
 * sentences are in the spans files (found or not). */
typedef struct thr_goal {
    plover_cat cat;
    size_t missed, n_spans;
} thr_goal;

/* Detection F1 and share of spans sentences found at threshold t. */
static void threshold_scores(const sent_score *s, size_t n, const thr_goal *g, double t,
                             double *f1, double *spans)
{
    size_t tp = 0, fp = 0, fn = g->missed * CV_REPS, found = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].cat != g->cat)
            continue;
        bool pred = s[i].p >= t;
        found += pred && s[i].spans;
        if (s[i].label == DETECT_UNSCORED)
            continue;
        tp += pred && s[i].label;
        fp += pred && !s[i].label;
        fn += !pred && s[i].label;
    }
    *f1 = tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
    *spans = g->n_spans ? (double)found / (double)(g->n_spans * CV_REPS) : 0;
}

/* Share of spans sentences a threshold must keep before F1 decides: the
 * spans target (0.80 of the sentences with an annotated event) plus a
 * margin for held-out data. */
#define SPANS_FLOOR 0.85

/* The threshold with the best F1 among those that keep SPANS_FLOOR of the
 * spans sentences; when none does (or there are no spans sentences), the
 * best mean of F1 and spans share (F1 alone without spans). The mean
 * alone had two close maxima, so small changes of the coder flipped the
 * threshold between a high-recall and a high-precision one. */
static double best_threshold(const sent_score *s, size_t n, const thr_goal *g, double *f1_out,
                             double *spans_out)
{
    double best_t = 0.5, best = -1, floor_t = -1, floor_f = -1, floor_sp = 0;
    for (int ti = 5; ti <= 95; ti++) {
        double t = ti / 100.0, f, sp;
        threshold_scores(s, n, g, t, &f, &sp);
        double score = g->n_spans ? (f + sp) / 2 : f;
        if (score > best) {
            best = score;
            best_t = t;
            *f1_out = f;
            *spans_out = sp;
        }
        if (g->n_spans && sp >= SPANS_FLOOR && f > floor_f) {
            floor_f = f;
            floor_t = t;
            floor_sp = sp;
        }
    }
    if (floor_t >= 0) {
        *f1_out = floor_f;
        *spans_out = floor_sp;
        return floor_t;
    }
    return best_t;
}

/* Held-out probabilities for every example, fold by fold and repetition
 * by repetition, reduced to the maximum per (sentence, category, rep).
 * `out` holds CV_REPS * n entries. */
static size_t cross_validate(const detect_example *ex, size_t n, int epochs, double l2,
                             sent_score *out)
{
    float *w = malloc(DETECT_DIM * sizeof *w);
    size_t ns = 0;
    if (!w)
        return 0;
    for (int rep = 0; rep < CV_REPS; rep++)
        for (int fold = 0; fold < 5; fold++) {
            memset(w, 0, DETECT_DIM * sizeof *w);
            sgd(w, ex, n, epochs, l2, fold, rep);
            for (size_t i = 0; i < n; i++) {
                if (fold_of(ex[i].group, rep) != fold)
                    continue;
                double p = sigmoid(dot(w, ex[i].f, ex[i].n));
                size_t j = ns;
                while (j > 0 && !(out[j - 1].group == ex[i].group && out[j - 1].cat == ex[i].cat &&
                                  out[j - 1].rep == rep))
                    j--;
                if (j > 0) {
                    if (p > out[j - 1].p)
                        out[j - 1].p = p;
                } else {
                    out[ns++] = (sent_score){ex[i].group, rep, ex[i].cat, p, ex[i].label,
                                             ex[i].spans};
                }
            }
        }
    free(w);
    return ns;
}

static rasd_status detect_save(const float *w, const float *thr, const char *path,
                               const char *prov)
{
    mfile_writer *mw;
    rasd_status st = mfile_writer_new(DETECT_KIND, DETECT_VERSION, &mw);
    if (st != RASD_OK)
        return st;
    st = mfile_writer_add(mw, "PROV", prov, strlen(prov));
    if (st == RASD_OK)
        st = mfile_writer_add(mw, "WGHT", w, DETECT_DIM * sizeof *w);
    if (st == RASD_OK)
        st = mfile_writer_add(mw, "THRS", thr, PL_N_CATS * sizeof *thr);
    if (st == RASD_OK)
        st = mfile_writer_save(mw, path);
    mfile_writer_free(mw);
    return st;
}

rasd_status detect_train(const detect_example *ex, size_t n, const char *path,
                         const char *prov, detect_train_report *rep)
{
    detect_train_report given = *rep;
    memset(rep, 0, sizeof *rep);
    memcpy(rep->n_missed, given.n_missed, sizeof rep->n_missed);
    memcpy(rep->n_spans, given.n_spans, sizeof rep->n_spans);
    memcpy(rep->n_spans_missed, given.n_spans_missed, sizeof rep->n_spans_missed);
    sent_score *ss = malloc((n ? n : 1) * CV_REPS * sizeof *ss);
    float *w = calloc(DETECT_DIM, sizeof *w);
    float thr[PL_N_CATS];
    if (!ss || !w) {
        free(ss);
        free(w);
        return err_set(RASD_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        if (ex[i].label != DETECT_UNSCORED)
            (ex[i].label ? rep->n_pos : rep->n_neg)[ex[i].cat]++;
    /* a small grid, chosen by the mean cross-validated F1 of the trained
     * categories: nothing but the training data decides */
    static const int epochs[] = {3, 6, 10};
    static const double l2s[] = {1e-6, 1e-4, 1e-3, 3e-3, 1e-2};
    double best = -1;
    for (size_t ei = 0; ei < 3; ei++)
        for (size_t li = 0; li < 5; li++) {
            size_t ns = cross_validate(ex, n, epochs[ei], l2s[li], ss);
            double sum = 0, f1s[PL_N_CATS] = {0}, sps[PL_N_CATS] = {0}, ts[PL_N_CATS];
            int k = 0;
            for (int c = 0; c < PL_N_CATS; c++) {
                ts[c] = -1;
                if (rep->n_pos[c] < 10 || rep->n_neg[c] < 10)
                    continue; /* too little gold data: keep the rules */
                thr_goal g = {(plover_cat)c, rep->n_missed[c], rep->n_spans[c]};
                ts[c] = best_threshold(ss, ns, &g, &f1s[c], &sps[c]);
                sum += g.n_spans ? (f1s[c] + sps[c]) / 2 : f1s[c];
                k++;
            }
            if (k && sum / k > best) {
                best = sum / k;
                rep->epochs = epochs[ei];
                rep->l2 = l2s[li];
                for (int c = 0; c < PL_N_CATS; c++) {
                    thr[c] = (float)ts[c];
                    rep->threshold[c] = ts[c];
                    rep->cv_f1[c] = f1s[c];
                    rep->cv_spans[c] = sps[c];
                }
            }
        }
    if (best < 0)
        for (int c = 0; c < PL_N_CATS; c++)
            thr[c] = -1, rep->threshold[c] = -1;
    sgd(w, ex, n, rep->epochs ? rep->epochs : 6, rep->l2, -1, 0);
    rasd_status st = detect_save(w, thr, path, prov);
    free(ss);
    free(w);
    return st;
}
