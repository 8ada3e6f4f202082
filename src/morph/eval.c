/* eval.c - segmentation and tagging scores against a treebank.
 *
 * Segmentation: the sentence text is tokenised by the text core exactly as
 * in the pipeline, each token is segmented, and the predicted syntactic
 * words (proclitics, stem with its article, enclitic) are compared with the
 * gold words by byte span: precision, recall and F1 over spans, every word
 * counted (punctuation and numbers too). Tagging: accuracy on the gold
 * words, and from raw text the F1 of (span, UPOS) pairs. */
#include "morph_int.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct span {
    uint32_t start, end;
    uint8_t upos;
} span;

typedef struct spanvec {
    span *v;
    size_t n, cap;
} spanvec;

static int span_push(spanvec *s, uint32_t a, uint32_t b, int upos)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        span *v = realloc(s->v, nc * sizeof *v);
        if (!v)
            return 0;
        s->v = v;
        s->cap = nc;
    }
    s->v[s->n++] = (span){a, b, (uint8_t)upos};
    return 1;
}

/* UD-level words of an analysed token at byte base (article joins stem). */
static int word_spans(const morph_word *mw, uint32_t base, spanvec *out)
{
    for (int k = 0; k < mw->n_seg; k++) {
        const morph_seg *s = &mw->seg[k];
        if (s->kind == MSEG_DET)
            continue;
        uint32_t a = s->start;
        if (s->kind == MSEG_STEM && k > 0 && mw->seg[k - 1].kind == MSEG_DET)
            a = mw->seg[k - 1].start;
        if (!span_push(out, base + a, base + s->end, s->upos))
            return 0;
    }
    return 1;
}

/* Gold and predicted spans are both in text order: one merge pass. */
static void match_spans(const spanvec *g, const spanvec *p, size_t *match,
                        size_t *match_tag)
{
    size_t i = 0, j = 0;
    while (i < g->n && j < p->n) {
        const span *a = &g->v[i], *b = &p->v[j];
        if (a->start == b->start && a->end == b->end) {
            (*match)++;
            *match_tag += a->upos == b->upos;
            i++;
            j++;
        } else if (a->start < b->start ||
                   (a->start == b->start && a->end < b->end)) {
            i++;
        } else {
            j++;
        }
    }
}

/* Predicted spans of one sentence from raw text. */
static rasd_status raw_sentence(const morph_model *m, const mcorpus *c,
                                const mc_sent *s, int tag, spanvec *pred)
{
    tokvec tv = {0};
    size_t len = s->end - s->start;
    char *norm = malloc(2 * len + 1), *cur = norm;
    morph_word *mw = NULL;
    rasd_status st = norm ? RASD_OK : err_set(RASD_ERR_NOMEM, "morph: out of memory");
    if (!st)
        st = text_tokenize(c->text.data, s->start, s->end, RASD_NORM_DEFAULT, &tv, &cur);
    if (!st && tv.n) {
        mw = malloc(tv.n * sizeof *mw);
        if (!mw)
            st = err_set(RASD_ERR_NOMEM, "morph: out of memory");
    }
    if (!st && tv.n) {
        if (tag)
            st = morph_tag_sentence(m, c->text.data, tv.v, tv.n, mw);
        else
            for (size_t i = 0; i < tv.n; i++)
                morph_segment(m, c->text.data + tv.v[i].start,
                              tv.v[i].end - tv.v[i].start, &mw[i]);
    }
    for (size_t i = 0; !st && i < tv.n; i++)
        if (!word_spans(&mw[i], (uint32_t)tv.v[i].start, pred))
            st = err_set(RASD_ERR_NOMEM, "morph: out of memory");
    free(mw);
    free(norm);
    tokvec_free(&tv);
    return st;
}

/* Gold words, except those of tokens the treebank left unanalysed (PADT's
 * bare X words, which often still carry clitics); their spans go to skip. */
static rasd_status gold_spans(const mcorpus *c, const mc_sent *s, spanvec *g,
                              spanvec *skip)
{
    for (uint32_t t = s->t0; t < s->t1; t++) {
        const mc_tok *k = &c->t[t];
        if (k->noseg) {
            if (!span_push(skip, k->start, k->end, 0))
                return err_set(RASD_ERR_NOMEM, "morph: out of memory");
            continue;
        }
        for (uint32_t i = k->w0; i < k->w1; i++)
            if (!span_push(g, c->w[i].start, c->w[i].end, c->w[i].upos))
                return err_set(RASD_ERR_NOMEM, "morph: out of memory");
    }
    return RASD_OK;
}

/* Drop predicted spans that overlap a skipped gold token (both sorted). */
static size_t drop_skipped(spanvec *p, const spanvec *skip)
{
    size_t j = 0, o = 0, dropped = 0;
    for (size_t i = 0; i < p->n; i++) {
        while (j < skip->n && skip->v[j].end <= p->v[i].start)
            j++;
        if (j < skip->n && skip->v[j].start < p->v[i].end)
            dropped++;
        else
            p->v[o++] = p->v[i];
    }
    p->n = o;
    return dropped;
}

/* Exact UD-level split of gold tokens, segmented one by one. */
static void token_accuracy(const morph_model *m, const mcorpus *c, meval *e)
{
    for (size_t t = 0; t < c->nt; t++) {
        const mc_tok *k = &c->t[t];
        if (k->noseg)
            continue;
        morph_word mw;
        morph_segment(m, c->text.data + k->start, k->end - k->start, &mw);
        if (!(mw.flags & MORPH_WF_ARABIC))
            continue;
        span sv[MORPH_MAX_SEGS];
        spanvec p = {sv, 0, MORPH_MAX_SEGS};
        word_spans(&mw, k->start, &p);
        int ok = p.n == k->w1 - k->w0;
        for (size_t i = 0; ok && i < p.n; i++)
            ok = p.v[i].start == c->w[k->w0 + i].start &&
                 p.v[i].end == c->w[k->w0 + i].end;
        e->tok++;
        e->tok_ok += ok;
    }
}

static rasd_status eval_raw(const morph_model *m, const mcorpus *c, int tag,
                            meval *e)
{
    spanvec g = {0}, p = {0}, skip = {0};
    rasd_status st = RASD_OK;
    for (size_t i = 0; i < c->ns && !st; i++) {
        g.n = p.n = skip.n = 0;
        st = gold_spans(c, &c->s[i], &g, &skip);
        if (!st)
            st = raw_sentence(m, c, &c->s[i], tag, &p);
        if (st)
            break;
        e->skipped_toks += skip.n;
        drop_skipped(&p, &skip);
        e->gold += g.n;
        e->pred += p.n;
        match_spans(&g, &p, &e->match, &e->raw_match_tag);
    }
    free(g.v);
    free(p.v);
    free(skip.v);
    return st;
}

rasd_status morph_eval_seg(const morph_model *m, const char *spec, meval *e)
{
    mcorpus c;
    mcorpus_init(&c);
    memset(e, 0, sizeof *e);
    rasd_status st = mcorpus_read_spec(&c, spec);
    if (!st)
        st = eval_raw(m, &c, 0, e);
    if (!st)
        token_accuracy(m, &c, e);
    e->bad_sents = c.bad_sents;
    mcorpus_free(&c);
    return st;
}

static void eval_gold_tags(const morph_model *m, const mcorpus *c,
                           const mtword *ws, uint8_t *tags, meval *e)
{
    for (size_t i = 0; i < c->ns; i++) {
        const mc_sent *s = &c->s[i];
        mpos_tag(&m->posw, ws + s->w0, s->w1 - s->w0, tags + s->w0);
    }
    for (size_t i = 0; i < c->nw; i++) {
        int t = tags[i];
        e->pos_gold++;
        e->pos_ok += t == c->w[i].upos;
        if (c->w[i].upos > 0 && c->w[i].upos < UPOS_COUNT) {
            e->conf[c->w[i].upos][t < UPOS_COUNT ? t : 0]++;
        }
    }
}

rasd_status morph_eval_pos(const morph_model *m, const char *spec, meval *e)
{
    mcorpus c;
    mcorpus_init(&c);
    memset(e, 0, sizeof *e);
    if (!m->posf)
        return err_set(RASD_ERR_ARG, "morph: no tagging model loaded");
    mtword *ws = NULL;
    uint8_t *tags = NULL;
    rasd_status st = mcorpus_read_spec(&c, spec);
    if (!st)
        st = mpos_corpus_words(&c, &ws);
    if (!st && !(tags = malloc(c.nw + 1)))
        st = err_set(RASD_ERR_NOMEM, "morph: out of memory");
    if (!st)
        eval_gold_tags(m, &c, ws, tags, e);
    if (!st)
        st = eval_raw(m, &c, 1, e);
    e->bad_sents = c.bad_sents;
    free(ws);
    free(tags);
    mcorpus_free(&c);
    return st;
}
