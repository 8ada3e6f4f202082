/* tag.c - a sentence of tokens -> segments, keys and UPOS per segment. */
#include "morph_int.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

size_t mpos_form_of(const char *s, size_t n, int det, char *out, size_t cap)
{
    mletters w;
    if (ml_from_utf8(s, n, &w)) {
        size_t o = 0;
        int a = 0;
        if (det == 2 || det == 3) {
            o = ml_to_utf8((const uint16_t[]){AR_ALEF, AR_LAM}, 0, 2, out, cap);
            a = det == 2 ? 1 : 0;
        }
        return o + ml_to_utf8(w.cp, a, w.n, out + o, cap - o);
    }
    /* Non-Arabic word: the default key on a bounded prefix. */
    size_t len = n < cap - 1 ? n : cap - 1;
    while (len > 0 && len < n && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--;
    if (utf8_find_invalid(s, len) != len) {
        out[0] = 0;
        return 0;
    }
    return text_norm_token(s, len, RASD_NORM_DEFAULT, out);
}

/* Syntactic words of one analysed token, appended to ws; returns count. */
static size_t token_words(const char *tok, const morph_word *mw, mtword *ws)
{
    int info = 0, det = mw->det;
    for (int k = 0; k < mw->n_seg; k++) {
        if (mw->seg[k].kind == MSEG_PREFIX)
            info |= 1;
        else if (mw->seg[k].kind == MSEG_SUFFIX)
            info |= 2;
    }
    size_t n = 0;
    for (int k = 0; k < mw->n_seg; k++) {
        const morph_seg *s = &mw->seg[k];
        if (s->kind == MSEG_DET)
            continue;
        if (s->kind == MSEG_STEM) {
            char form[4 * ML_MAX + 16];
            int start = s->start;
            if (k > 0 && mw->seg[k - 1].kind == MSEG_DET)
                start = mw->seg[k - 1].start;
            size_t fl = mpos_form_of(tok + start, s->end - (size_t)start, det,
                                     form, sizeof form);
            mpos_word_init(form, fl, 0, 0, info, &ws[n++]);
        } else {
            const char *c = morph_clitic_str(s->clitic);
            mpos_word_init(c, strlen(c), s->kind == MSEG_PREFIX ? 1 : 2,
                           s->clitic, info, &ws[n++]);
        }
    }
    return n;
}

static void assign_tags(morph_word *mw, const uint8_t *tags)
{
    size_t j = 0;
    for (int k = 0; k < mw->n_seg; k++) {
        morph_seg *s = &mw->seg[k];
        if (s->kind == MSEG_DET)
            continue;
        s->upos = tags[j++];
    }
    for (int k = 0; k < mw->n_seg; k++)
        if (mw->seg[k].kind == MSEG_DET)
            mw->seg[k].upos = mw->seg[mw->stem].upos;
    mw->upos = mw->seg[mw->stem].upos;
}

rasd_status morph_tag_sentence(const morph_model *m, const char *text,
                               const rasd_token *toks, size_t n,
                               morph_word *out)
{
    for (size_t i = 0; i < n; i++)
        morph_segment(m, text + toks[i].start, toks[i].end - toks[i].start,
                      &out[i]);
    if (!m->posf || n == 0)
        return RASD_OK;
    enum { STACK_WORDS = 256 };
    mtword stack_ws[STACK_WORDS];
    uint8_t stack_tags[STACK_WORDS];
    size_t cap = n * (MORPH_MAX_SEGS - 1);
    mtword *ws = stack_ws;
    uint8_t *tags = stack_tags;
    if (cap > STACK_WORDS) {
        ws = malloc(cap * sizeof *ws);
        tags = malloc(cap);
        if (!ws || !tags) {
            free(ws);
            free(tags);
            return err_set(RASD_ERR_NOMEM, "morph: out of memory tagging %zu tokens", n);
        }
    }
    size_t nw = 0;
    for (size_t i = 0; i < n; i++)
        nw += token_words(text + toks[i].start, &out[i], ws + nw);
    mpos_tag(&m->posw, ws, nw, tags);
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        assign_tags(&out[i], tags + j);
        for (int k = 0; k < out[i].n_seg; k++)
            j += out[i].seg[k].kind != MSEG_DET;
    }
    if (ws != stack_ws) {
        free(ws);
        free(tags);
    }
    return RASD_OK;
}
