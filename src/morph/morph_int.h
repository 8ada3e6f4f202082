/* morph_int.h - internals shared by the files of src/morph: letters, clitic
 * tables, weight tables, the lexicon, corpora and training. */
#ifndef RASD_MORPH_INT_H
#define RASD_MORPH_INT_H

#include "morph.h"
#include "../util/mfile.h"

/* ------------------------------------------------------------ letters */

/* Words longer than this (in letters) are never split: no real word is. */
#define ML_MAX 40

/* Arabic code points used by the clitic rules. */
enum {
    AR_HAMZA = 0x0621, AR_ALEF_MADDA = 0x0622, AR_ALEF_HAMZA = 0x0623,
    AR_WAW_HAMZA = 0x0624, AR_ALEF_HAMZA_BELOW = 0x0625, AR_YEH_HAMZA = 0x0626,
    AR_ALEF = 0x0627, AR_BEH = 0x0628, AR_TEH_MARBUTA = 0x0629, AR_TEH = 0x062A,
    AR_SEEN = 0x0633, AR_FEH = 0x0641, AR_KAF = 0x0643, AR_LAM = 0x0644,
    AR_MEEM = 0x0645, AR_NOON = 0x0646, AR_HEH = 0x0647, AR_WAW = 0x0648,
    AR_ALEF_MAKSURA = 0x0649, AR_YEH = 0x064A, AR_ALEF_WASLA = 0x0671
};

/* A word as normalised letters with their surface byte offsets. Letter i
 * covers surface bytes [off[i], off[i+1]); marks and tatweel join the letter
 * before them (leading ones the first letter). */
typedef struct mletters {
    uint16_t cp[ML_MAX];   /* normalised: أ إ آ ٱ -> ا, Persian folded */
    uint16_t raw[ML_MAX];  /* letter as written (hamza seats kept) */
    uint16_t off[ML_MAX + 1];
    int n;
} mletters;

/* Classify and normalise. Returns 1 when s[0..n) is an Arabic word that fits
 * ML_MAX letters (only Arabic letters, marks, tatweel, ignorables), else 0. */
int ml_from_utf8(const char *s, size_t n, mletters *out);
/* Normalise one Arabic code point: 0 = drop (mark, tatweel, ignorable),
 * the folded letter, or -1 when cp is not part of an Arabic word. */
int ml_fold(uint32_t cp);
/* Write letters a..b as UTF-8 (NUL-terminated) into out[cap]; returns bytes. */
size_t ml_to_utf8(const uint16_t *cp, int a, int b, char *out, size_t cap);
uint64_t ml_hash(const uint16_t *cp, int a, int b);
static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7fb5d329728ea185ULL;
    x ^= x >> 27;
    x *= 0x81dadef4bc2dd44dULL;
    x ^= x >> 33;
    return x;
}
static inline uint64_t hcomb(uint64_t a, uint64_t b)
{
    return mix64(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

/* ------------------------------------------------------------ clitics */

/* Proclitic patterns: optional conjunction, optional preposition/future
 * particle/lam, optional article, as the letters actually written. */
typedef struct msuf {
    uint8_t len;
    uint8_t cl;
    uint16_t lt[3];
} msuf;

#define MPRE_COUNT 30   /* prefix pattern id = conj (0-2) * 10 + mid (0-9) */
#define MSUF_COUNT 13
extern const msuf msuf_tab[MSUF_COUNT];
int mpre_conj(int p);   /* 0 none, 1 و, 2 ف */
int mpre_mid(int p);    /* 0 none, ب ل ك س, ال, بال, كال, لل, ل+zero-width ال */
int mpre_len(int p);    /* letters consumed */
int mpre_det(int p);    /* article: 0 none, 1 ال, 2 shortened, 3 zero-width */
int mpre_ud_len(int p); /* letters of the clitics that are UD words (no ال) */
int mpre_clitics(int p, uint8_t *cl);
int mpre_clitic_len(int p, int k);

/* One candidate analysis: prefix pattern, suffix pattern, stem [a, b). */
typedef struct mcand {
    uint8_t p, s;
    uint8_t a, b;
} mcand;

#define MCAND_MAX 48
int mcand_list(const mletters *w, mcand *out);
/* Does c fit these letters as written (hamza seats included)? The frequent
 * word table is keyed by folded letters, so a hit is checked with this. */
int mcand_valid(const mletters *w, const mcand *c);

/* ------------------------------------------------------------ weights */

/* Runtime weight table: 32-bit fingerprints (open addressing) -> row of
 * ncols int16 weights (times scale). Points into an mmapped section. */
typedef struct wtab {
    const uint32_t *keys;
    const uint32_t *rows;
    const int16_t *w;
    uint32_t mask;
    uint32_t ncols;
} wtab;

static inline const int16_t *wtab_row(const wtab *t, uint64_t h)
{
    uint32_t fp = (uint32_t)(h >> 32) | 1u;
    uint32_t i = (uint32_t)h & t->mask;
    for (;;) {
        uint32_t k = t->keys[i];
        if (k == fp)
            return t->w + (size_t)t->rows[i] * t->ncols;
        if (!k)
            return NULL;
        i = (i + 1) & t->mask;
    }
}

rasd_status wtab_bind(wtab *t, const void *sec, size_t len, const char *what);

/* Training weight table: exact 64-bit keys, float weights with averaging. */
typedef struct wtrain {
    uint64_t *keys;
    uint32_t *rowof;
    size_t cap, nrows, rowcap;
    uint32_t ncols;
    float *w;          /* weights */
    double *u;         /* timestamped update sums, for averaging */
    double c;          /* update counter for averaging */
} wtrain;

rasd_status wtrain_init(wtrain *t, uint32_t ncols);
void wtrain_free(wtrain *t);
const float *wtrain_get(const wtrain *t, uint64_t h);
rasd_status wtrain_add(wtrain *t, uint64_t h, uint32_t col, float d);
/* Serialise the averaged weights (rows whose max |w| <= prune dropped). */
rasd_status wtrain_export(const wtrain *t, float prune, buf *out,
                          size_t *kept);

/* ------------------------------------------------------------ lexicon */

/* Word-frequency lexicon: fingerprint -> log2 frequency bucket (0 absent). */
typedef struct mlex {
    const uint32_t *slot;  /* fp << 5 | bucket */
    uint32_t mask;
} mlex;

static inline int mlex_bucket(const mlex *x, uint64_t h)
{
    if (!x->slot)
        return 0;
    uint32_t fp = ((uint32_t)(h >> 37) << 5) | 0x20u; /* never 0 */
    uint32_t i = (uint32_t)h & x->mask;
    for (;;) {
        uint32_t v = x->slot[i];
        if (!v)
            return 0;
        if ((v & ~31u) == (fp & ~31u))
            return (int)(v & 31u);
        i = (i + 1) & x->mask;
    }
}

rasd_status mlex_bind(mlex *x, const void *sec, size_t len, const char *what);

/* Frequent-word segmentation table: fingerprint -> packed analysis. */
typedef struct mcache {
    const uint64_t *slot;  /* fp(48) << 16 | value(16) */
    uint32_t mask;
} mcache;

rasd_status mcache_bind(mcache *k, const void *sec, size_t len,
                        const char *what);

/* ------------------------------------------------------------ model */

struct morph_model {
    mfile *segf, *posf;
    wtab segw, posw;
    mlex lex;
    mcache cache;
    const char *seg_prov, *pos_prov;
    float pos_scale;
};

/* Segmentation scoring shared by runtime and training. */
typedef struct mfeat {
    uint64_t h[32];
    int n;
    int ngen;  /* h[0..ngen) generalise; the rest memorise identities */
} mfeat;

void mseg_features(const mlex *lex, const mletters *w, const mcand *c,
                   mfeat *f);
/* Best candidate by the model's weights; returns the candidate count. */
int mseg_best(const morph_model *m, const mletters *w, mcand *best);
/* Frequent-word table first, then mseg_best. */
void mseg_analyse(const morph_model *m, const mletters *w, mcand *c,
                  int *cached);
/* Tagger form of a word: normalised letters, with ال restored when the
 * article is shortened (det 2) or unwritten (det 3); else the default key. */
size_t mpos_form_of(const char *s, size_t n, int det, char *out, size_t cap);
/* Fill out->seg from letters and a chosen candidate. */
void mseg_fill(const mletters *w, const mcand *c, morph_word *out);
uint16_t mseg_pack(const mcand *c, int n);
void mseg_unpack(uint16_t v, int n, mcand *c);

/* Tagger features for word i of a sentence of syntactic words. */
typedef struct mtword {
    uint64_t hform, hstem;       /* normalised form; form without article */
    uint64_t hp[3], hs[3];       /* first / last 1..3 letters */
    uint8_t role;                /* 0 stem, 1 proclitic, 2 enclitic */
    uint8_t clitic;
    uint8_t tokinfo;             /* bit0 token has proclitics, bit1 enclitics */
    uint8_t shape;               /* class and length bucket */
} mtword;

void mpos_word_init(const char *form, size_t n, int role, int clitic,
                    int tokinfo, mtword *w);
int mpos_features(const mtword *ws, size_t n, size_t i, int t1, int t2,
                  uint64_t *h);
#define MPOS_NFEAT 24
/* Tagger words of a whole corpus (gold segmentation); *out malloc'd. */
struct mcorpus;
rasd_status mpos_corpus_words(const struct mcorpus *c, mtword **out);
/* Greedy tagging with the model; tags[] receives UPOS ids. */
void mpos_tag(const wtab *t, const mtword *ws, size_t n, uint8_t *tags);

/* ------------------------------------------------------------ corpora */

typedef struct mc_word {
    uint32_t start, end;   /* byte span in corpus text */
    uint32_t form;         /* offset of normalised form (NUL-term.) in pool */
    uint8_t upos;
    uint8_t role;          /* 0 stem, 1 proclitic, 2 enclitic */
    uint8_t clitic;
    uint8_t det;           /* stem word: 0 none, 1/2/3 as mpre.det */
} mc_word;

typedef struct mc_tok {
    uint32_t start, end;   /* surface span in corpus text */
    uint32_t w0, w1;       /* its words [w0, w1) */
    uint8_t noseg;         /* unusable for segmentation (unanalysed word...) */
} mc_tok;

typedef struct mc_sent {
    uint32_t start, end;   /* text span */
    uint32_t t0, t1, w0, w1;
} mc_sent;

typedef struct mcorpus {
    buf text;              /* surface sentences, one per line */
    buf pool;              /* word forms */
    mc_word *w;
    mc_tok *t;
    mc_sent *s;
    size_t nw, nt, ns, capw, capt, caps;
    size_t bad_sents;      /* PUD sentences whose words did not align */
} mcorpus;

void mcorpus_init(mcorpus *c);
void mcorpus_free(mcorpus *c);
/* Read a CoNLL-U file. PADT v1.3 has no surface text: it is rebuilt from the
 * syntactic words by the orthographic rules of corpus.c. PUD-style files
 * (with "# text") are aligned against that text. Sentences [from, to) by
 * position in file (to = SIZE_MAX for all). */
rasd_status mcorpus_read(mcorpus *c, const char *path, size_t from, size_t to);
size_t mconllu_count_sents(const char *path);

/* Gold candidate of a corpus token: prefix/suffix ids; -1 when none fits. */
int mc_gold_cand(const mcorpus *c, const mc_tok *t, const mletters *w,
                 mcand *out);

/* ------------------------------------------------------------ training */

typedef struct mtrain_opts {
    const char **train;    /* CoNLL-U specs "path" or "path@from:to%" */
    size_t ntrain;
    const char *dev;       /* spec for tuning/report, may be NULL */
    const char *news;      /* corpus for the lexicon (jsonl[.zst] or text) */
    const char *out;
    unsigned long seed;
    int epochs;
    size_t max_news_bytes;
    size_t cache_words;
    float prune;           /* tagger rows with max |w| <= prune are dropped */
    /* progress lines go to this callback (the library never prints) */
    void (*log)(void *ud, const char *line);
    void *log_ud;
    const char *argv_line; /* for provenance */
} mtrain_opts;

void mtrain_log(const mtrain_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
rasd_status morph_train_seg(const mtrain_opts *o);
rasd_status morph_train_pos(const mtrain_opts *o);

/* Load corpus spec "path", "path@A:B" (sentence percent range [A%, B%)). */
rasd_status mcorpus_read_spec(mcorpus *c, const char *spec);

typedef struct meval {
    size_t gold, pred, match;      /* word spans */
    size_t tok, tok_ok;            /* tokens whose split is exactly right */
    size_t pos_gold, pos_ok;       /* tags on gold segmentation */
    size_t raw_match_tag;          /* span and tag both right (raw text) */
    size_t bad_sents;              /* sentences whose words did not align */
    size_t skipped_toks;           /* unanalysed gold tokens left out */
    size_t conf[UPOS_COUNT][UPOS_COUNT]; /* gold x predicted (gold seg) */
} meval;

rasd_status morph_eval_seg(const morph_model *m, const char *spec, meval *e);
rasd_status morph_eval_pos(const morph_model *m, const char *spec, meval *e);

#endif
