/* ner.c - loading the NER model and tagging: emission scores from hashed
 * features for the 17 BILOU states, then Viterbi restricted to valid BILOU
 * sequences, mapped back to BIO tags. */
#include "ner_int.h"
#include "../util/mfile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

const char *const ner_gaz_files[GZ_N] = {
    "loc.txt", "persons.txt", "first_names.txt", "orgs.txt", "org_heads.txt",
    "titles.txt", "misc.txt", "loc_heads.txt", "nationalities.txt",
};

static const char *const ner_tag_names[NER_NTAGS] = {
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
};

const char *ner_tag_str(int tag)
{
    return tag >= 0 && tag < NER_NTAGS ? ner_tag_names[tag] : "O";
}

int ner_tag_parse(const char *s, size_t n)
{
    for (int t = 0; t < NER_NTAGS; t++)
        if (strlen(ner_tag_names[t]) == n && memcmp(ner_tag_names[t], s, n) == 0)
            return t;
    return -1;
}

const char *ner_type_str(ner_type t)
{
    static const char *const names[NER_NTYPES] = {"", "PERS", "LOC", "ORG", "MISC"};
    return (unsigned)t < NER_NTYPES ? names[t] : "";
}

/* ---- loading */

static rasd_status ner_section(mfile *mf, const char *path, const char tag[4],
                               size_t want, const void **out)
{
    size_t len = 0;
    *out = mfile_section(mf, tag, &len);
    if (!*out || len != want)
        return err_set(RASD_ERR_PARSE, "%s: section %.4s missing or %zu bytes "
                       "(expected %zu)", path, tag, len, want);
    return RASD_OK;
}

static int ner_pow2(uint64_t x) { return x && !(x & (x - 1)); }

/* A corrupt table without empty slots would make lookups loop forever. */
static rasd_status ner_check_tables(const ner_model *m, const ner_meta *mt,
                                    const char *path)
{
    uint64_t empty = 0;
    for (uint64_t i = 0; i < mt->lex_cap; i++)
        empty += m->lex[i].key == 0;
    if (!empty)
        return err_set(RASD_ERR_PARSE, "%s: lexicon table full", path);
    empty = 0;
    for (uint64_t i = 0; i < mt->phr_cap; i++)
        empty += m->phr[i].key == 0;
    if (!empty)
        return err_set(RASD_ERR_PARSE, "%s: phrase table full", path);
    empty = 0;
    for (uint64_t i = 0; i < mt->w_cap; i++) {
        if (m->wk[i].fp == 0)
            empty++;
        else if (m->wk[i].row >= mt->n_rows)
            return err_set(RASD_ERR_PARSE, "%s: weight row %llu out of range",
                           path, (unsigned long long)i);
    }
    if (!empty)
        return err_set(RASD_ERR_PARSE, "%s: weight table full", path);
    return RASD_OK;
}

static rasd_status ner_map(ner_model *m, mfile *mf, const char *path)
{
    const void *p;
    rasd_status st = ner_section(mf, path, "META", sizeof(ner_meta), &p);
    if (st)
        return st;
    ner_meta mt;
    memcpy(&mt, p, sizeof mt);
    if (mt.version != NER_VERSION || mt.ntags != NER_NSTATES ||
        !ner_pow2(mt.lex_cap) || !ner_pow2(mt.phr_cap) || !ner_pow2(mt.w_cap) ||
        mt.lex_cap > (1ull << 32) || mt.phr_cap > (1ull << 32) ||
        mt.w_cap > (1ull << 32) || mt.n_rows > mt.w_cap)
        return err_set(RASD_ERR_PARSE, "%s: bad NER model header", path);
    if ((st = ner_section(mf, path, "LEXK", mt.lex_cap * sizeof(lex_slot), &p)))
        return st;
    m->lex = p;
    m->lex_mask = mt.lex_cap - 1;
    if ((st = ner_section(mf, path, "PHRK", mt.phr_cap * sizeof(phr_slot), &p)))
        return st;
    m->phr = p;
    m->phr_mask = mt.phr_cap - 1;
    if ((st = ner_section(mf, path, "WKEY", mt.w_cap * sizeof(w_slot), &p)))
        return st;
    m->wk = p;
    m->w_mask = mt.w_cap - 1;
    if ((st = ner_section(mf, path, "WROW",
                          mt.n_rows * NER_NSTATES * sizeof(int16_t), &p)))
        return st;
    m->rows = p;
    m->n_rows = mt.n_rows;
    if ((st = ner_section(mf, path, "TRAN", sizeof m->trans, &p)))
        return st;
    memcpy(m->trans, p, sizeof m->trans);
    m->flags = mt.flags;
    m->prov = mfile_section(mf, "PROV", &m->prov_len);
    return ner_check_tables(m, &mt, path);
}

rasd_status ner_load_file(const char *path, ner_model **out)
{
    if (!path || !out)
        return err_set(RASD_ERR_ARG, "ner_load_file: NULL argument");
    *out = NULL;
    mfile *mf = NULL;
    rasd_status st = mfile_open(path, NER_KIND, NER_VERSION, &mf);
    if (st)
        return st;
    ner_model *m = calloc(1, sizeof *m);
    if (!m) {
        mfile_close(mf);
        return err_set(RASD_ERR_NOMEM, "out of memory");
    }
    m->mf = mf;
    if ((st = ner_map(m, mf, path))) {
        ner_free(m);
        return st;
    }
    *out = m;
    return RASD_OK;
}

rasd_status ner_load(const char *data_dir, ner_model **out)
{
    if (!data_dir || !*data_dir) {
        const char *env = getenv("RASD_DATA_DIR");
        data_dir = env && *env ? env : RASD_DATA_DIR;
    }
    char path[4096];
    int k = snprintf(path, sizeof path, "%s/models/ner.bin", data_dir);
    if (k < 0 || (size_t)k >= sizeof path)
        return err_set(RASD_ERR_ARG, "ner_load: data dir path too long");
    return ner_load_file(path, out);
}

void ner_free(ner_model *m)
{
    if (!m)
        return;
    if (m->mf)
        mfile_close(m->mf);
    for (size_t i = 0; i < sizeof m->owned / sizeof m->owned[0]; i++)
        free(m->owned[i]);
    free(m);
}

const char *ner_provenance(const ner_model *m, size_t *len)
{
    if (len)
        *len = m && m->prov ? m->prov_len : 0;
    return m && m->prov ? m->prov : "";
}

/* ---- work space */

struct ner_work {
    ner_memory mem;   /* recent tags, for models with NER_F_MEMORY */
    ner_preds preds;  /* Viterbi's allowed moves */
    size_t cap;
    ner_tok *tok;
    int32_t *em;
    uint8_t *bp;
    ner_word *words;
    size_t wcap;
};

rasd_status ner_work_new(ner_work **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    rasd_status st = ner_mem_init(&(*out)->mem);
    if (st) {
        free(*out);
        *out = NULL;
        return st;
    }
    ner_preds_init(&(*out)->preds);
    return RASD_OK;
}

void ner_work_reset(ner_work *w)
{
    if (w)
        ner_mem_reset(&w->mem);
}

void ner_work_free(ner_work *w)
{
    if (!w)
        return;
    ner_mem_free(&w->mem);
    free(w->tok);
    free(w->em);
    free(w->bp);
    free(w->words);
    free(w);
}

static rasd_status ner_work_grow(ner_work *w, size_t n)
{
    if (n <= w->cap)
        return RASD_OK;
    size_t cap = w->cap ? w->cap : 64;
    while (cap < n)
        cap *= 2;
    ner_tok *t = realloc(w->tok, cap * sizeof *t);
    if (t)
        w->tok = t;
    int32_t *e = realloc(w->em, cap * NER_NSTATES * sizeof *e);
    if (e)
        w->em = e;
    uint8_t *b = realloc(w->bp, cap * NER_NSTATES);
    if (b)
        w->bp = b;
    if (!t || !e || !b)
        return err_set(RASD_ERR_NOMEM, "out of memory (NER work space)");
    w->cap = cap;
    return RASD_OK;
}

/* ---- decoding */

int ner_bio_allowed(int prev, int t)
{
    if (t == NER_O || ner_tag_is_b(t))
        return 1;
    return prev == t || prev == t - 1;   /* I-X after B-X or I-X */
}

/* Inside an entity (after B-X or I-X) only I-X or L-X may follow; outside
 * it, O, B-* or U-*. */
int ner_state_allowed(int prev, int s)
{
    int open = prev > 0 && ner_state_pos(prev) <= NER_SI;
    if (!open)
        return s == NER_O || ner_state_pos(s) == NER_SB || ner_state_pos(s) == NER_SU;
    return s > 0 && ner_state_type(s) == ner_state_type(prev) &&
           (ner_state_pos(s) == NER_SI || ner_state_pos(s) == NER_SL);
}

void ner_preds_init(ner_preds *pr)
{
    for (int t = 0; t < NER_NSTATES; t++) {
        pr->n[t] = 0;
        for (int q = 0; q < NER_NSTATES; q++)
            if (ner_state_allowed(q, t))
                pr->p[t][pr->n[t]++] = (uint8_t)q;
    }
}

int ner_state_final(int s)
{
    return s == NER_O || ner_state_pos(s) >= NER_SL;
}

int ner_state_tag(int s)
{
    if (s <= 0 || s >= NER_NSTATES)
        return NER_O;
    int b = 2 * (int)ner_state_type(s) - 1;
    int pos = ner_state_pos(s);
    return pos == NER_SB || pos == NER_SU ? b : b + 1;
}

void ner_bio_to_states(uint8_t *tags, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int t = tags[i] < NER_NTAGS ? tags[i] : NER_O;
        if (t == NER_O) {
            tags[i] = NER_O;
            continue;
        }
        ner_type ty = ner_tag_type(t);
        int last = i + 1 == n || tags[i + 1] != 2 * (int)ty;   /* no I-X next */
        int pos = ner_tag_is_b(t) ? (last ? NER_SU : NER_SB) : (last ? NER_SL : NER_SI);
        tags[i] = (uint8_t)ner_state(ty, pos);
    }
}

static int32_t ner_row_find(const ner_model *m, uint64_t f)
{
    uint32_t fp = (uint32_t)(f >> 32) | 1u;
    for (uint64_t i = f & m->w_mask;; i = (i + 1) & m->w_mask) {
        uint32_t s = m->wk[i].fp;
        if (s == fp)
            return (int32_t)m->wk[i].row;
        if (s == 0)
            return -1;
    }
}

/* The weight table is larger than the caches: prefetch every slot of a
 * token's features, then every row found, before reading them, so the
 * misses overlap instead of queueing. */
static void ner_emissions(const ner_model *m, const ner_tok *t, size_t n,
                          int32_t *em)
{
    uint64_t f[NER_MAX_FEATS];
    const int16_t *rows[NER_MAX_FEATS];
    for (size_t i = 0; i < n; i++) {
        int32_t *e = em + i * NER_NSTATES;
        memset(e, 0, NER_NSTATES * sizeof *e);
        size_t k = ner_features(t, n, i, f), nr = 0;
        for (size_t j = 0; j < k; j++)
            __builtin_prefetch(&m->wk[f[j] & m->w_mask]);
        for (size_t j = 0; j < k; j++) {
            int32_t r = ner_row_find(m, f[j]);
            if (r >= 0) {
                rows[nr] = m->rows + (size_t)r * NER_NSTATES;
                __builtin_prefetch(rows[nr++]);
            }
        }
        for (size_t j = 0; j < nr; j++)
            for (int c = 0; c < NER_NSTATES; c++)
                e[c] += rows[j][c];
    }
}

#define NEG_INF (INT64_MIN / 4)

void ner_states_to_bio(uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        s[i] = (uint8_t)ner_state_tag(s[i]);
}

void ner_path_back(const uint8_t *bp, size_t n, int last, uint8_t *states)
{
    states[n - 1] = (uint8_t)last;
    for (size_t i = n - 1; i > 0; i--)
        states[i - 1] = bp[i * NER_NSTATES + states[i]];
}

/* Best final state (O, L-X or U-X: an entity cannot be left open), the
 * path back from it, then BIO tags. */
static void ner_backtrace(const int64_t *d, const uint8_t *bp, size_t n,
                          uint8_t *tags)
{
    int best = NER_O;
    for (int t = 1; t < NER_NSTATES; t++)
        if (ner_state_final(t) && d[t] > d[best])
            best = t;
    ner_path_back(bp, n, best, tags);
    ner_states_to_bio(tags, n);
}

/* One step: the best allowed predecessor of each state, plus emissions. */
static void ner_vstep(const ner_preds *pr, const int32_t (*trans)[NER_NSTATES],
                      const int64_t *d, const int32_t *e, int64_t *nd,
                      uint8_t *bp)
{
    for (int t = 0; t < NER_NSTATES; t++) {
        int64_t best = NEG_INF;
        int arg = 0;
        for (int k = 0; k < pr->n[t]; k++) {
            int p = pr->p[t][k];
            int64_t v = d[p] + trans[p][t];
            if (v > best) {
                best = v;
                arg = p;
            }
        }
        nd[t] = best < NEG_INF / 2 ? NEG_INF : best + e[t];
        bp[t] = (uint8_t)arg;
    }
}

void ner_viterbi(const ner_preds *pr, const int32_t (*trans)[NER_NSTATES],
                 const int32_t *em, size_t n, uint8_t *bp, uint8_t *tags)
{
    int64_t d[NER_NSTATES], nd[NER_NSTATES];
    if (n == 0)
        return;
    for (int t = 0; t < NER_NSTATES; t++)
        d[t] = ner_state_allowed(-1, t) ? (int64_t)trans[NER_NSTATES][t] + em[t] : NEG_INF;
    for (size_t i = 1; i < n; i++) {
        ner_vstep(pr, trans, d, em + i * NER_NSTATES, nd, bp + i * NER_NSTATES);
        /* keep scores small: subtract the maximum (no overflow on long input) */
        int64_t mx = NEG_INF;
        for (int t = 0; t < NER_NSTATES; t++)
            mx = nd[t] > mx ? nd[t] : mx;
        for (int t = 0; t < NER_NSTATES; t++)
            d[t] = nd[t] < NEG_INF / 2 ? NEG_INF : nd[t] - mx;
    }
    ner_backtrace(d, bp, n, tags);
}

rasd_status ner_tag_words(const ner_model *m, ner_work *w,
                          const ner_word *words, size_t n, uint8_t *tags)
{
    if (!m || (n && (!words || !tags)))
        return err_set(RASD_ERR_ARG, "ner_tag_words: NULL argument");
    ner_work *own = NULL;
    rasd_status st = RASD_OK;
    if (!w && (st = ner_work_new(&own)))
        return st;
    if (!w)
        w = own;
    for (size_t at = 0; at < n && !st; at += NER_MAX_CHUNK) {
        size_t k = n - at < NER_MAX_CHUNK ? n - at : NER_MAX_CHUNK;
        if ((st = ner_work_grow(w, k)))
            break;
        ner_analyze(m, words + at, k, w->tok);
        if (m->flags & NER_F_MEMORY)
            for (size_t i = 0; i < k; i++)
                w->tok[i].mem = ner_mem_class(&w->mem, w->tok[i].stem);
        ner_emissions(m, w->tok, k, w->em);
        ner_viterbi(&w->preds, (const int32_t(*)[NER_NSTATES])m->trans, w->em, k,
                    w->bp, tags + at);
        if (m->flags & NER_F_MEMORY)
            ner_mem_add(&w->mem, w->tok, tags + at, k);
    }
    ner_work_free(own);
    return st;
}

rasd_status ner_tag_tokens(const ner_model *m, ner_work *w,
                           const rasd_token *toks, size_t n, uint8_t *tags)
{
    if (!m || (n && (!toks || !tags)))
        return err_set(RASD_ERR_ARG, "ner_tag_tokens: NULL argument");
    ner_work *own = NULL;
    rasd_status st;
    if (!w && (st = ner_work_new(&own)))
        return st;
    if (!w)
        w = own;
    if (n > w->wcap) {
        ner_word *nw = realloc(w->words, n * sizeof *nw);
        if (!nw) {
            ner_work_free(own);
            return err_set(RASD_ERR_NOMEM, "out of memory (NER words)");
        }
        w->words = nw;
        w->wcap = n;
    }
    for (size_t i = 0; i < n; i++) {
        w->words[i].s = toks[i].norm ? toks[i].norm : "";
        w->words[i].n = toks[i].norm ? toks[i].norm_len : 0;
    }
    st = ner_tag_words(m, w, w->words, n, tags);
    ner_work_free(own);
    return st;
}

size_t ner_spans(const uint8_t *tags, size_t n, ner_span *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int t = tags[i] < NER_NTAGS ? tags[i] : NER_O;
        if (t == NER_O)
            continue;
        ner_type ty = ner_tag_type(t);
        if (!ner_tag_is_b(t) && k > 0 && out[k - 1].end == i && out[k - 1].type == ty) {
            out[k - 1].end = i + 1;
            continue;
        }
        out[k].begin = i;
        out[k].end = i + 1;
        out[k].type = ty;
        k++;
    }
    return k;
}
