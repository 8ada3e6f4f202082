/* code_int.h - what the coder stages hand each other for one event. */
#ifndef RASD_CODE_INT_H
#define RASD_CODE_INT_H

#include "events/coder.h"
#include "geo/geo.h"

typedef struct ev_args {
    const mention *src, *tgt, *speaker;
    mention src_own, tgt_own; /* adjusted copies src/tgt may point to */
    bool negated;
    const char *modality;   /* asserted, future, hypothetical */
    rasd_date date;         /* precision NONE when unknown */
    size_t date_tok;        /* token where a stated date starts, or SIZE_MAX */
    geo_match place;        /* where, when has_place */
    bool has_place;
} ev_args;

/* A candidate event of a sentence, before de-duplication. */
typedef struct ev_cand {
    lex_hit h;
    ev_args a;
} ev_cand;

/* Output of one document: JSON Lines in `b`, `n` events. With `collect`
 * set (training), every candidate that survives de-duplication is handed
 * to it with its features instead of being filtered by the classifier. */
typedef struct ev_out {
    buf b;
    size_t n;
    const rasd_doc *doc;
    void (*collect)(void *ud, plover_cat cat, const uint32_t *f, size_t nf);
    void *collect_ud;
} ev_out;

rasd_status coder_run(const rasd_ctx *ctx, rasd_doc *doc, ev_out *out);
/* Date expressions of a sentence, found once and shared by its events. */
#define EV_MAX_DATES 16
typedef struct ev_dates {
    rasd_date d[EV_MAX_DATES];
    size_t tok[EV_MAX_DATES];
    size_t n;
} ev_dates;

void ev_sentence_dates(const coder_sent *cs, const coder_memory *mem, ev_dates *out);
/* The event's date: the stated date nearest its trigger, else the
 * publication date for past events, else unknown. Never the processing
 * date. */
void ev_date(const ev_dates *ds, const lex_hit *h, const coder_memory *mem, ev_args *a);
void ev_explain(const coder_sent *cs, size_t sent_index, const lex_hit *hits, size_t nh,
                ev_out *out);
/* conf < 0: the rule-based confidence. */
void ev_emit(const rasd_ctx *ctx, const coder_sent *cs, const lex_hit *h,
             const ev_args *a, size_t sent_index, double conf, ev_out *out);

#endif
