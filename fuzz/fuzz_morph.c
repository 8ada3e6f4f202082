/* fuzz_morph.c - libFuzzer target for the segmenter and tagger: the input is
 * segmented as one word (any bytes) and, when it is valid UTF-8, tokenised
 * and tagged as a sentence. Checks that segments tile the word in order. */
#include "morph/morph.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static morph_model *model;

static void check_word(const morph_word *w, size_t n)
{
    if (w->n_seg < 1 || w->n_seg > MORPH_MAX_SEGS || w->stem >= w->n_seg)
        abort();
    uint16_t at = 0;
    for (int k = 0; k < w->n_seg; k++) {
        if (w->seg[k].start != at || w->seg[k].end < w->seg[k].start)
            abort();
        at = w->seg[k].end;
    }
    if (n < 0xFFFF && at != n)
        abort();
    if (strlen(w->stem_key) >= MORPH_KEY_MAX || strlen(w->lemma_key) >= MORPH_KEY_MAX)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model && morph_load(RASD_DATA_DIR, &model) != RASD_OK)
        abort();
    const char *s = (const char *)data;
    morph_word w;
    morph_segment(model, s, size, &w);
    check_word(&w, size);
    if (size > 4096 || utf8_find_invalid(s, size) != size)
        return 0;
    tokvec tv = {0};
    char *norm = malloc(2 * size + 1), *cur = norm;
    if (norm && text_tokenize(s, 0, size, RASD_NORM_DEFAULT, &tv, &cur) == RASD_OK &&
        tv.n) {
        morph_word *ws = malloc(tv.n * sizeof *ws);
        if (ws && morph_tag_sentence(model, s, tv.v, tv.n, ws) == RASD_OK)
            for (size_t i = 0; i < tv.n; i++)
                check_word(&ws[i], tv.v[i].end - tv.v[i].start);
        free(ws);
    }
    tokvec_free(&tv);
    free(norm);
    return 0;
}
