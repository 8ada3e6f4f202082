/* ner_int.h - internals shared by the NER tagger, its trainer and the
 * cluster learner: word keys, lexicon tables, feature extraction. */
#ifndef RASD_NER_INT_H
#define RASD_NER_INT_H

#include "ner.h"

#define NER_KIND "NER1"
#define NER_VERSION 6u     /* bump when features or layout change */
#define NER_MAX_KEY 64     /* bytes of a word used for features */
#define NER_MAX_FEATS 128  /* features per token (upper bound) */
#define NER_MAX_PHRASE 6   /* words in a gazetteer phrase */
#define NER_MAX_CG 8       /* character trigram features per word */

/* Internal states: BILOU. The model scores 17 states (O, then B, I, L, U
 * per type: L ends an entity of 2+ words, U is a one-word entity); gold BIO
 * is converted for training and decoded states are mapped back to BIO, so
 * callers only ever see the 9 BIO tags. */
enum { NER_SB, NER_SI, NER_SL, NER_SU, NER_NPOS };
#define NER_NSTATES (1 + (NER_NTYPES - 1) * NER_NPOS)

static inline int ner_state(ner_type ty, int pos) { return 1 + (ty - 1) * NER_NPOS + pos; }
static inline int ner_state_pos(int s) { return (s - 1) % NER_NPOS; }
static inline ner_type ner_state_type(int s)
{
    return s ? (ner_type)((s - 1) / NER_NPOS + 1) : NER_NONE;
}

/* The allowed predecessors of each state, ascending (Viterbi loops over
 * these only: 97 moves instead of 17 x 17). */
typedef struct ner_preds {
    uint8_t n[NER_NSTATES];
    uint8_t p[NER_NSTATES][NER_NSTATES];
} ner_preds;

/* Gazetteer classes (bit numbers); file names in ner_gaz_files[]. */
enum {
    GZ_LOC, GZ_PERS, GZ_FIRST, GZ_ORG, GZ_ORGHEAD, GZ_TITLE, GZ_MISC,
    GZ_LOCHEAD, GZ_NAT, GZ_N
};
extern const char *const ner_gaz_files[GZ_N];

/* Lexicon: folded word -> clusters, single-word gazetteer classes and the
 * longest gazetteer phrase starting with it. Open addressing, linear probe,
 * key 0 = empty. */
typedef struct lex_slot {
    uint64_t key;
    uint16_t c_fine, c_coarse; /* 0 = not clustered, else id + 1 */
    uint16_t gaz;
    uint8_t maxph;
    uint8_t autolex;           /* class from the automatic lexicon (0: none) */
    uint16_t emb[NER_EMB_MAXK]; /* embedding clusters at each k (0: none) */
} lex_slot;

/* Gazetteer phrases of 2+ words: chained hash -> classes. */
typedef struct phr_slot {
    uint64_t key;
    uint32_t gaz;
    uint32_t pad;
} phr_slot;

/* Feature weights: fingerprint (high hash bits, never 0) and row index. */
typedef struct w_slot {
    uint32_t fp, row;
} w_slot;

/* The model's META section. */
typedef struct ner_meta {
    uint32_t version, ntags;
    uint64_t lex_cap, phr_cap, w_cap, n_rows;
    float scale;      /* weight = int16 value / scale */
    uint32_t flags;   /* NER_F_* */
} ner_meta;

enum { NER_F_MEMORY = 1u << 0 };  /* trained with document-memory features */

struct ner_model {
    void *mf;                  /* mfile, or NULL when built in memory */
    void *owned[6];            /* in-memory tables (trainer) */
    const lex_slot *lex;
    uint64_t lex_mask;
    const phr_slot *phr;
    uint64_t phr_mask;
    const w_slot *wk;
    uint64_t w_mask;
    const int16_t *rows;       /* n_rows x NER_NSTATES */
    uint64_t n_rows;
    int32_t trans[NER_NSTATES + 1][NER_NSTATES]; /* row NER_NSTATES = start */
    const char *prov;
    size_t prov_len;
    uint32_t flags;            /* NER_F_* */
};

/* Per-token analysis feeding the feature templates. */
typedef struct ner_tok {
    uint64_t w, stem, pre, suf;
    uint64_t apre[3], asuf[3];
    uint16_t cf, cc;
    uint16_t e[NER_EMB_MAXK];  /* embedding clusters of the first form found */
    uint16_t es[NER_EMB_MAXK]; /* ... of the most stripped form found */
    uint64_t ph[2];    /* forms that may start a gazetteer phrase */
    uint64_t cg[NER_MAX_CG]; /* character trigrams of the stem */
    uint8_t ncg;
    uint16_t gb, gi;   /* gazetteer classes: phrase begins here / inside */
    uint8_t phm[2];    /* longest phrase for ph[k] (0: none) */
    uint8_t al;        /* automatic-lexicon class */
    uint8_t mem;       /* document-memory class (ner_mem_class) */
    uint8_t shape, len;
} ner_tok;

/* ---- ner_feat.c */
uint64_t ner_mix(uint64_t x);
uint64_t ner_hash(const char *s, size_t n);
uint64_t ner_phr_next(uint64_t h, uint64_t w);
/* Fold a RASD_NORM_DEFAULT form into the key space (ة->ه, ى->ي, edge
 * punctuation dropped when letters remain); out has room for NER_MAX_KEY.
 * Returns the key length; *edge is set when punctuation was dropped. */
size_t ner_fold(const char *s, size_t n, char *out, int *edge);
/* Candidate lookup forms of a key with clitics removed: full key first,
 * then without conjunction, preposition, article. Writes up to 4 forms into
 * forms[] (each NER_MAX_KEY + 8 bytes) and their lengths; returns count. */
int ner_forms(const char *key, size_t n, char forms[][NER_MAX_KEY + 8],
              size_t *lens);
/* Fill t[0..n) from words (lexicon lookups and gazetteer phrases). */
void ner_analyze(const ner_model *m, const ner_word *words, size_t n,
                 ner_tok *t);
/* Features of token i (hashes); returns the count. */
size_t ner_features(const ner_tok *t, size_t n, size_t i, uint64_t *f);
uint64_t ner_feat_bias(void);   /* the feature every token has */

const lex_slot *ner_lex_find(const ner_model *m, uint64_t key);

/* ---- ner_mem.c: types given to recent words (see there) */
#define NER_MEM_TOKENS 2048
typedef struct ner_memory {
    uint64_t *ring_key;
    uint8_t *ring_type;
    size_t head, len;
    uint64_t *key;
    uint16_t (*cnt)[NER_NTYPES];
    size_t used;
} ner_memory;

rasd_status ner_mem_init(ner_memory *m);
void ner_mem_free(ner_memory *m);
void ner_mem_reset(ner_memory *m);
uint8_t ner_mem_class(const ner_memory *m, uint64_t key);
void ner_mem_add(ner_memory *m, const ner_tok *t, const uint8_t *tags, size_t n);

/* ---- ner.c */
/* Viterbi over int32 emission scores em[n][NER_NSTATES] restricted to valid
 * BILOU sequences (pr from ner_preds_init); bp scratch n * NER_NSTATES.
 * Writes BIO tags. */
void ner_viterbi(const ner_preds *pr, const int32_t (*trans)[NER_NSTATES],
                 const int32_t *em, size_t n, uint8_t *bp, uint8_t *tags);
int ner_bio_allowed(int prev, int t); /* prev = -1 at the start */
int ner_state_allowed(int prev, int s); /* BILOU; prev = -1 at the start */
int ner_state_final(int s);             /* may end a sentence */
int ner_state_tag(int s);               /* BIO tag of a state */
/* Valid BIO tags[0..n) into BILOU states, in place. */
void ner_bio_to_states(uint8_t *tags, size_t n);
/* BILOU states[0..n) into BIO tags, in place. */
void ner_states_to_bio(uint8_t *s, size_t n);
/* Viterbi's path: states[n-1] = last, then back through the backpointers
 * bp (n rows of NER_NSTATES); n > 0. */
void ner_path_back(const uint8_t *bp, size_t n, int last, uint8_t *states);
/* Fill pr from ner_state_allowed (done once per work space, not per
 * sentence). */
void ner_preds_init(ner_preds *pr);

/* ---- ner_lex.c: gazetteers and clusters into lexicon tables (trainer) */
typedef struct ner_lexicon {
    lex_slot *lex;
    uint64_t lex_cap;
    phr_slot *phr;
    uint64_t phr_cap;
    size_t n_words, n_phrases, n_clustered, n_autolex, n_emb;
    buf prov;      /* what went in, for PROV */
} ner_lexicon;

rasd_status ner_lexicon_build(ner_lexicon *lx, const char *gaz_dir,
                              const char *clusters_path,
                              const char *autolex_path, const char *emb_path);
void ner_lexicon_free(ner_lexicon *lx);

/* ---- ner_clust.c, shared with ner_emb.c */
#define NER_CLUST_DIM 128   /* vector size k-means works on */
#define NER_ID_SEP UINT32_MAX        /* sentence boundary in ner_idcorpus */
#define NER_ID_OOV (UINT32_MAX - 1)  /* word outside the vocabulary */

/* A corpus as a stream of vocabulary indices (most frequent first). */
typedef struct ner_idcorpus {
    arena mem;
    uint32_t *tok;
    size_t n, docs;
    char **word;
    uint32_t *wlen;
    uint64_t *count;
    size_t V;
} ner_idcorpus;

/* Read and tokenise the inputs like ner_clust_train; the vocabulary is the
 * `vocab` most frequent word-like keys seen at least 3 times. */
rasd_status ner_clust_corpus(const char *const *inputs, size_t n_inputs,
                             size_t max_docs, size_t vocab, ner_idcorpus *out,
                             buf *log);
void ner_idcorpus_free(ner_idcorpus *c);
/* Spherical k-means (k-means++ start) over n unit vectors of
 * NER_CLUST_DIM floats. */
rasd_status ner_clust_kmeans(const float *x, size_t n, int K, int iters,
                             uint64_t *rng, int *assign);

#endif
