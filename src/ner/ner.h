/* ner.h - named entities (PERS, LOC, ORG, MISC) in Arabic news.
 *
 * A first-order structured perceptron (averaged) with hashed features: word
 * and clitic-stripped forms, affixes, shape, curated gazetteers
 * (data/gazetteers/), word clusters and clusters of word embeddings learnt
 * from unlabelled news (data/ner/clusters.tsv, embclusters.tsv). Inside,
 * it scores BILOU states (B, I, L = last word, U = one-word entity, per
 * type, and O); decoding is Viterbi restricted to valid BILOU sequences,
 * linear in the sentence length, and its result is mapped back to BIO: the
 * interface below only ever sees the 9 BIO tags. The model (data/models/ner.bin, mfile kind
 * "NER1") carries its own copy of the gazetteers and clusters, so a model is
 * always used with the lexicon it was trained with.
 *
 * Thread safety: a loaded ner_model is read-only; threads share it and each
 * uses its own ner_work scratch space. */
#ifndef RASD_NER_H
#define RASD_NER_H

#include "../util/util.h"

/* Tags, in the order used inside the model: O, then B/I pairs per type.
 * Type of tag t (t > 0) is (t + 1) / 2; B tags are odd. */
enum {
    NER_O = 0,
    NER_B_PERS, NER_I_PERS, NER_B_LOC, NER_I_LOC,
    NER_B_ORG, NER_I_ORG, NER_B_MISC, NER_I_MISC,
    NER_NTAGS
};

typedef enum ner_type {
    NER_NONE = 0, NER_PERS, NER_LOC, NER_ORG, NER_MISC, NER_NTYPES
} ner_type;

const char *ner_tag_str(int tag);          /* "B-PERS", "O", ... */
int ner_tag_parse(const char *s, size_t n); /* -1 if not an ANERcorp tag */
const char *ner_type_str(ner_type t);      /* "PERS", ... "" for NONE */
static inline ner_type ner_tag_type(int tag) { return (ner_type)((tag + 1) / 2); }
static inline int ner_tag_is_b(int tag) { return tag > 0 && (tag & 1); }

/* One input word: its normalised form (RASD_NORM_DEFAULT, as in
 * rasd_token.norm); need not be NUL-terminated. */
typedef struct ner_word {
    const char *s;
    size_t n;
} ner_word;

typedef struct ner_span {
    size_t begin, end;  /* token index range [begin, end) */
    ner_type type;
} ner_span;

#define NER_EMB_MAXK 4   /* clusterings of the word embeddings */

typedef struct ner_model ner_model;
typedef struct ner_work ner_work;

/* Load <data_dir>/models/ner.bin (data_dir NULL: the built-in data dir). */
rasd_status ner_load(const char *data_dir, ner_model **out);
rasd_status ner_load_file(const char *path, ner_model **out);
void ner_free(ner_model *m);
/* Provenance text of the model (never NULL). */
const char *ner_provenance(const ner_model *m, size_t *len);

/* Per-thread scratch space, grown on demand. It also remembers the types
 * given to the words of the last few thousand tokens tagged with it (the
 * model uses them as features: names recur within an article), so use one
 * work per stream and call ner_work_reset at each new document. */
rasd_status ner_work_new(ner_work **out);
void ner_work_reset(ner_work *w);
void ner_work_free(ner_work *w);

/* Tag n words with BIO tags (tags[i] in 0..NER_NTAGS-1). The output is
 * always a valid BIO sequence. `w` may be NULL (then scratch is allocated
 * for this call). Sentences longer than NER_MAX_CHUNK words are tagged in
 * consecutive chunks. */
#define NER_MAX_CHUNK 1000
rasd_status ner_tag_words(const ner_model *m, ner_work *w,
                          const ner_word *words, size_t n, uint8_t *tags);
/* Same over rasd_token (uses .norm / .norm_len). */
rasd_status ner_tag_tokens(const ner_model *m, ner_work *w,
                           const rasd_token *toks, size_t n, uint8_t *tags);

/* Turn a BIO sequence into spans (an I without a matching B starts a span).
 * `out` needs room for n spans; returns the number written. */
size_t ner_spans(const uint8_t *tags, size_t n, ner_span *out);

/* ---- CoNLL input and evaluation (used by `rasd ner --conll/--eval`, the
 * trainer and the fuzz target). */

/* A sentence read from CoNLL text: tokens (first column, as written),
 * their RASD_NORM_DEFAULT forms, and the gold tag from the last column when
 * present and valid (-1 otherwise). */
typedef struct ner_sent {
    size_t n;
    char **tok;      /* raw first column, NUL-terminated */
    ner_word *norm;  /* normalised forms */
    int *gold;
} ner_sent;

typedef struct ner_corpus {
    arena mem;
    ner_sent *s;
    size_t n, cap;
    size_t n_tokens;
} ner_corpus;

/* Parse CoNLL text buf[0..len) (one token per line, blank line between
 * sentences, columns separated by space or tab). Lines that are not valid
 * UTF-8 are still taken (the bytes are kept); sentences are cut at
 * NER_MAX_CHUNK tokens. */
/* Split one CoNLL line (terminator optional): 0 for a blank line, else 1
 * with the first column's span and the tag in the last column (-1 if none
 * or not an ANERcorp tag). */
int ner_conll_split(const char *s, size_t n, size_t *tok_off, size_t *tok_len,
                    int *gold);
/* Normalise a raw token with RASD_NORM_DEFAULT (invalid UTF-8 is copied
 * as is); out needs n + 1 bytes. Returns the length. */
size_t ner_norm_word(const char *s, size_t n, char *out);

rasd_status ner_corpus_parse(ner_corpus *c, const char *buf, size_t len);
rasd_status ner_corpus_read(ner_corpus *c, const char *path);
void ner_corpus_free(ner_corpus *c);

/* Entity-level scores: exact span and type. */
typedef struct ner_score {
    size_t tp[NER_NTYPES], fp[NER_NTYPES], fn[NER_NTYPES];
} ner_score;

void ner_score_add(ner_score *sc, const int *gold, const uint8_t *pred, size_t n);
/* Write a table of per-type and micro-averaged P/R/F1 into b. */
void ner_score_report(const ner_score *sc, buf *b);
double ner_score_micro_f1(const ner_score *sc);

/* ---- training (ner_train.c) */
typedef struct ner_train_opts {
    const char *train_path;    /* CoNLL file */
    const char *dev_path;      /* optional separate dev file */
    double dev_frac;           /* hold out the last fraction of train (0: none) */
    const char *gaz_dir;       /* data/gazetteers */
    const char *clusters_path; /* data/ner/clusters.tsv (may be NULL) */
    const char *autolex_path;  /* data/ner/autolex.tsv (may be NULL) */
    const char *emb_path;      /* data/ner/embclusters.tsv (may be NULL) */
    const char *out_path;      /* model to write (may be NULL: eval only) */
    int epochs;
    uint64_t seed;
    int min_count;             /* features seen fewer times are dropped */
    double o_bias;             /* subtracted from O scores (recall vs precision) */
    double margin;             /* cost-augmented training: wrong-tag bonus */
    double miss_cost;          /* extra factor for predicting O on an entity */
    int ensemble;              /* perceptrons (seeds seed..) averaged */
    int memory;                /* document-memory features (jackknifed) */
    int tune_o_bias;           /* pick o_bias on dev from a small grid */
    const char *command;       /* recorded in PROV */
} ner_train_opts;

void ner_train_opts_init(ner_train_opts *o);
/* Train, report progress and dev scores into `log` (may be NULL). */
rasd_status ner_train(const ner_train_opts *o, buf *log);

/* ---- word clusters from unlabelled news (ner_clust.c) */
typedef struct ner_clust_opts {
    const char *const *inputs; /* JSONL / txt files (.zst ok) */
    size_t n_inputs;
    const char *out_path;      /* clusters.tsv */
    size_t vocab;              /* words to cluster */
    size_t contexts;           /* context words per side */
    int k_fine, k_coarse;
    int iters;
    int restarts;              /* k-means runs; the best objective is kept */
    size_t max_docs;           /* 0: all */
    uint64_t seed;
    const char *command;
} ner_clust_opts;

void ner_clust_opts_init(ner_clust_opts *o);
rasd_status ner_clust_train(const ner_clust_opts *o, buf *log);

/* ---- embedding clusters from unlabelled news (ner_emb.c) */
typedef struct ner_emb_opts {
    const char *const *inputs; /* JSONL / txt files (.zst ok) */
    size_t n_inputs;
    const char *out_path;      /* embclusters.tsv */
    size_t vocab;              /* words embedded */
    int window, negative, epochs;
    double alpha, sample;      /* start step; subsampling threshold */
    int ks[NER_EMB_MAXK];      /* k of each clustering */
    int n_k;
    int iters;                 /* k-means iterations */
    const char *save_vectors;  /* write the raw vectors here (may be NULL) */
    const char *load_vectors;  /* reuse vectors saved before instead of training */
    size_t max_docs;           /* 0: all */
    uint64_t seed;
    const char *command;
} ner_emb_opts;

void ner_emb_opts_init(ner_emb_opts *o);
rasd_status ner_emb_build(const ner_emb_opts *o, buf *log);

/* ---- automatic entity lexicon from tagged news (ner_autolex.c) */
typedef struct ner_autolex_opts {
    const char *const *inputs; /* JSONL / txt files (.zst ok) */
    size_t n_inputs;
    const char *model_path;    /* tagger used to tag them */
    const char *out_path;      /* autolex.tsv */
    size_t max_docs;           /* 0: all */
    size_t min_count;          /* words seen fewer times are left out */
    const char *command;
} ner_autolex_opts;

void ner_autolex_opts_init(ner_autolex_opts *o);
rasd_status ner_autolex_build(const ner_autolex_opts *o, buf *log);

#endif
