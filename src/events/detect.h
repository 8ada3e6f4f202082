/* detect.h - is a candidate event a real event? A logistic model over
 * hashed features of the candidate (trigger pattern, its form, arguments,
 * modality, context words) gives each candidate a probability; categories
 * the model was trained for (those with gold data) are emitted only above a
 * threshold chosen by cross-validation. The model file is
 * data/models/events.bin (kind "EVT1"). */
#ifndef RASD_DETECT_H
#define RASD_DETECT_H

#include "events/code_int.h"
#include <jansson.h>

#define DETECT_BITS 18
#define DETECT_MAX_FEATS 96

typedef struct detect_model detect_model;

/* Load data_dir/models/events.bin. A missing file is not an error: *out is
 * NULL and every category keeps the rule-based confidence. */
rasd_status detect_load(const char *data_dir, detect_model **out);
void detect_free(detect_model *m);

/* Hashed feature indices of candidate c in sentence cs. */
size_t detect_features(const coder_sent *cs, const ev_cand *c, uint32_t *f, size_t cap);

/* Probability that the candidate is an event of its category; *trained is
 * false (and the result meaningless) when the model has no weights for it. */
double detect_prob(const detect_model *m, plover_cat cat, const uint32_t *f, size_t n,
                   bool *trained);
double detect_threshold(const detect_model *m, plover_cat cat);

/* Training: examples are (category, features, label). */
typedef struct detect_example {
    plover_cat cat;
    uint8_t label;   /* sentence gold: 1 yes, 0 no, DETECT_UNSCORED ambiguous */
    float target;    /* share of annotators who accepted: the training target */
    uint8_t spans;   /* the sentence is also in a *_spans.jsonl file of its category */
    uint16_t n;
    uint32_t f[DETECT_MAX_FEATS];
    uint32_t group;  /* sentence number: cross-validation folds keep sentences whole */
} detect_example;

#define DETECT_UNSCORED 2

typedef struct detect_train_report {
    size_t n_missed[PL_N_CATS]; /* gold-yes sentences without any candidate:
                                   false negatives whatever the threshold */
    size_t n_spans[PL_N_CATS];  /* dev sentences of the spans files ... */
    size_t n_spans_missed[PL_N_CATS]; /* ... and those without any candidate */
    double cv_spans[PL_N_CATS]; /* cross-validated share of them found */
    double threshold[PL_N_CATS];
    double cv_f1[PL_N_CATS];
    size_t n_pos[PL_N_CATS], n_neg[PL_N_CATS];
    int epochs;
    double l2;
} detect_train_report;

/* Train on `ex` (5-fold cross-validation over groups picks the threshold
 * per category), then on everything, and write `path` with provenance
 * text `prov`. The threshold maximises the cross-validated detection F1
 * or, when some examples come from sentences of the spans files, the mean
 * of that F1 and the share of those sentences found: the GSR asks for
 * both. rep->n_missed, n_spans and n_spans_missed must be filled by the
 * caller. Deterministic. */
rasd_status detect_train(const detect_example *ex, size_t n, const char *path,
                         const char *prov, detect_train_report *rep);

/* The GSR split: an id belongs to the dev half when its FNV-1a hash is
 * even; the test half is never used for training or tuning. */
bool split_is_dev(const char *id);

/* The GSR sentence id of one JSON line: `id` in *_detect.jsonl, `source` in
 * *_spans.jsonl (whose `_id` is a database key, not the sentence), so that
 * a sentence falls in the same half in both files; NULL if neither. */
const char *gsr_sentence_id(const json_t *obj);
/* The share of annotators who accepted a *_detect.jsonl line (`accept` of
 * `total`, both numeric strings), or -1 when they are missing or invalid. */
double gsr_accept_share(const json_t *obj);

/* Build examples from GSR files (dev half) and train into out_path. */
rasd_status detect_train_gsr(const rasd_ctx *ctx, char *const *files, size_t nfiles,
                             const char *out_path, detect_train_report *rep,
                             size_t *n_examples);

#endif
