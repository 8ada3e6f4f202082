/* fuzz_ner.c - libFuzzer target: the CoNLL reader, feature extraction and
 * Viterbi decoder of the NER tagger, plus span building and scoring, on
 * arbitrary bytes. Uses the committed model when it can be loaded (the data
 * directory compiled in or $RASD_DATA_DIR); otherwise an empty in-memory
 * model, so the decoder still runs. */
#include "ner/ner_int.h"
#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

static ner_model *fz_model;
static ner_model fz_empty;
static w_slot fz_slots[16];   /* all empty: every feature unknown */

static const ner_model *fz_get(void)
{
    if (!fz_model && ner_load(NULL, &fz_model) != RASD_OK)
        fz_model = NULL;
    if (fz_model)
        return fz_model;
    fz_empty.wk = fz_slots;
    fz_empty.w_mask = 15;
    return &fz_empty;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ner_model *m = fz_get();
    ner_corpus c;
    memset(&c, 0, sizeof c);
    if (ner_corpus_parse(&c, (const char *)data, size) == RASD_OK) {
        ner_work *w = NULL;
        uint8_t tags[NER_MAX_CHUNK];
        ner_span sp[NER_MAX_CHUNK];
        ner_score sc;
        memset(&sc, 0, sizeof sc);
        if (ner_work_new(&w) == RASD_OK) {
            for (size_t s = 0; s < c.n; s++) {
                if (ner_tag_words(m, w, c.s[s].norm, c.s[s].n, tags) != RASD_OK)
                    continue;
                for (size_t i = 0; i < c.s[s].n; i++)
                    if (!ner_bio_allowed(i ? tags[i - 1] : -1, tags[i]))
                        abort();   /* the decoder must only emit valid BIO */
                size_t k = ner_spans(tags, c.s[s].n, sp);
                if (k > c.s[s].n)
                    abort();
                ner_score_add(&sc, c.s[s].gold, tags, c.s[s].n);
            }
            ner_work_free(w);
        }
    }
    ner_corpus_free(&c);
    return 0;
}
