/* morph.h - Arabic morphology: clitic segmentation, stem and lemma keys and
 * UPOS tagging (see src/morph/README.md for the models and figures).
 *
 * A word (one rasd_token) is split into segments: proclitics (و ف ب ل ك س),
 * the article ال, the stem and pronominal enclitics (ه ها هم هما هن ك كم كما
 * كن نا ي ني). Every segment carries its byte span inside the token's surface
 * text; diacritics and tatweel belong to the letter before them. In لل (ل + ال)
 * the ال segment is the second lam (its alef is not written); when the stem
 * itself starts with lam (للجنة = ل + ال + لجنة) both the alef and the lam of
 * the article are dropped in writing and the ال segment has zero width, placed
 * at the start of the stem.
 *
 * The model is read-only after morph_load, so one morph_model may be shared by
 * any number of threads; every call below is reentrant. */
#ifndef RASD_MORPH_H
#define RASD_MORPH_H

#include "../util/util.h"

/* Universal POS tags (UD v2), in a fixed order used by the models. */
typedef enum morph_upos {
    UPOS_NONE = 0,
    UPOS_ADJ, UPOS_ADP, UPOS_ADV, UPOS_AUX, UPOS_CCONJ, UPOS_DET, UPOS_INTJ,
    UPOS_NOUN, UPOS_NUM, UPOS_PART, UPOS_PRON, UPOS_PROPN, UPOS_PUNCT,
    UPOS_SCONJ, UPOS_SYM, UPOS_VERB, UPOS_X,
    UPOS_COUNT
} morph_upos;

const char *morph_upos_str(int upos);         /* "NOUN"; "_" for UPOS_NONE */
int morph_upos_parse(const char *s);          /* UPOS_NONE if unknown */

/* Clitic identities (canonical forms: morph_clitic_str). */
typedef enum morph_clitic {
    MCL_NONE = 0,
    MCL_WA, MCL_FA, MCL_BI, MCL_LI, MCL_KA, MCL_SA, MCL_AL,       /* proclitics */
    MCL_HU, MCL_HA, MCL_HUM, MCL_HUMA, MCL_HUNNA, MCL_KA2, MCL_KUM,
    MCL_KUMA, MCL_KUNNA, MCL_NA, MCL_YA, MCL_NI,                  /* enclitics */
    MCL_COUNT
} morph_clitic;

const char *morph_clitic_str(int clitic);    /* "و", "ال", "ها"; "" for none */

typedef enum morph_seg_kind {
    MSEG_PREFIX = 1, /* proclitic: و ف ب ل ك س */
    MSEG_DET,        /* the article ال (possibly shortened or zero-width) */
    MSEG_STEM,
    MSEG_SUFFIX      /* pronominal enclitic */
} morph_seg_kind;

typedef struct morph_seg {
    uint16_t start, end; /* byte span relative to the start of the word */
    uint8_t kind;        /* morph_seg_kind */
    uint8_t clitic;      /* morph_clitic, MCL_NONE for the stem */
    uint8_t upos;        /* morph_upos of this syntactic word (0 = untagged) */
} morph_seg;

#define MORPH_MAX_SEGS 8
#define MORPH_KEY_MAX 96 /* bytes incl. NUL; longer keys are cut at a letter */

/* Analysis of one word. Segments are in surface order: prefixes, det, stem,
 * suffixes. Words that are not Arabic (Latin, digits, punctuation, symbols,
 * mixed scripts) or longer than any real word get a single stem segment. */
typedef struct morph_word {
    morph_seg seg[MORPH_MAX_SEGS];
    uint8_t n_seg;
    uint8_t stem;         /* index of the stem segment in seg[] */
    uint8_t upos;         /* UPOS of the stem word (0 until tagged) */
    uint8_t flags;        /* MORPH_WF_* */
    uint8_t det;          /* article: 0 none, 1 ال, 2 ل after ل, 3 zero-width */
    /* Normalised stem without clitics or article (diacritics and tatweel
     * dropped, أ إ آ ٱ -> ا, Persian letters folded, Latin lower-cased). */
    char stem_key[MORPH_KEY_MAX];
    /* Coarser, root-ish key shared by inflections and derivations (أعلن,
     * يعلن, تعلن, إعلان -> علن); see lemma.c for the rules. */
    char lemma_key[MORPH_KEY_MAX];
} morph_word;

enum {
    MORPH_WF_ARABIC = 1u << 0,  /* analysed as an Arabic word */
    MORPH_WF_CACHED = 1u << 1   /* segmentation came from the frequent-word table */
};

typedef struct morph_model morph_model;

/* Load data_dir/models/seg.bin and data_dir/models/pos.bin (mmap, verified).
 * Both files are required; the message names the file that failed. */
rasd_status morph_load(const char *data_dir, morph_model **out);
/* Load explicit files; pos_path may be NULL (segmentation only). */
rasd_status morph_load_files(const char *seg_path, const char *pos_path,
                             morph_model **out);
void morph_free(morph_model *m);
int morph_has_pos(const morph_model *m);

/* Segment one word: s[0..n) is its surface text (valid UTF-8). Never fails:
 * non-Arabic or over-long input yields one stem segment. */
void morph_segment(const morph_model *m, const char *s, size_t n,
                   morph_word *out);

/* Segment and tag a sentence: toks[0..n) index into text. out[i] receives the
 * analysis of toks[i], including UPOS of every segment (when the model has a
 * tagger). RASD_ERR_NOMEM only. */
rasd_status morph_tag_sentence(const morph_model *m, const char *text,
                               const rasd_token *toks, size_t n,
                               morph_word *out);

/* Keys for a bare stem (already free of clitics); used by dictionaries that
 * need to key their own entries the same way. out has MORPH_KEY_MAX bytes.
 * upos may be UPOS_NONE (then verb-only rules are applied heuristically). */
void morph_stem_key(const char *s, size_t n, char *out);
void morph_lemma_key(const char *stem_key, int upos, char *out);

/* Provenance text of the loaded models ("" when absent). */
const char *morph_provenance(const morph_model *m, int which /*0 seg,1 pos*/);

#endif
