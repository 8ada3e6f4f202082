/* ner_conll.c - CoNLL-style token-per-line input (ANERcorp) and
 * entity-level scoring (exact span and type, as in the CoNLL shared tasks). */
#include "ner_int.h"
#include "../text/text.h"
#include <stdlib.h>
#include <string.h>

static int conll_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

int ner_conll_split(const char *s, size_t n, size_t *tok_off, size_t *tok_len,
                    int *gold)
{
    size_t a = 0;
    while (n > 0 && (s[n - 1] == '\n' || conll_space(s[n - 1])))
        n--;
    while (a < n && conll_space(s[a]))
        a++;
    if (a == n)
        return 0;
    size_t b = a;
    while (b < n && !conll_space(s[b]))
        b++;
    *tok_off = a;
    *tok_len = b - a;
    *gold = -1;
    if (b < n) {   /* last column, when there is more than one */
        size_t c = n;
        while (c > b && !conll_space(s[c - 1]))
            c--;
        *gold = ner_tag_parse(s + c, n - c);
    }
    return 1;
}

size_t ner_norm_word(const char *s, size_t n, char *out)
{
    /* the text core normalises valid UTF-8 only; keep other bytes as they are */
    if (utf8_find_invalid(s, n) != n) {
        memcpy(out, s, n);
        out[n] = '\0';
        return n;
    }
    size_t k = text_norm_token(s, n, RASD_NORM_DEFAULT, out);
    out[k] = '\0';
    return k;
}

static rasd_status conll_grow(ner_corpus *c)
{
    if (c->n < c->cap)
        return RASD_OK;
    size_t cap = c->cap ? c->cap * 2 : 256;
    ner_sent *s = realloc(c->s, cap * sizeof *s);
    if (!s)
        return err_set(RASD_ERR_NOMEM, "out of memory (CoNLL corpus)");
    c->s = s;
    c->cap = cap;
    return RASD_OK;
}

/* Store the pending sentence (tokens in tmp arrays) into the arena. */
static rasd_status conll_flush(ner_corpus *c, const char **tok, const size_t *tl,
                               const int *gold, size_t n)
{
    if (n == 0)
        return RASD_OK;
    rasd_status st = conll_grow(c);
    if (st)
        return st;
    ner_sent *s = &c->s[c->n];
    s->n = n;
    s->tok = arena_alloc(&c->mem, n * sizeof *s->tok);
    s->norm = arena_alloc(&c->mem, n * sizeof *s->norm);
    s->gold = arena_alloc(&c->mem, n * sizeof *s->gold);
    if (!s->tok || !s->norm || !s->gold)
        return err_set(RASD_ERR_NOMEM, "out of memory (CoNLL corpus)");
    for (size_t i = 0; i < n; i++) {
        s->tok[i] = arena_strndup(&c->mem, tok[i], tl[i]);
        char *nb = arena_alloc(&c->mem, tl[i] + 1);
        if (!s->tok[i] || !nb)
            return err_set(RASD_ERR_NOMEM, "out of memory (CoNLL corpus)");
        s->norm[i].n = ner_norm_word(tok[i], tl[i], nb);
        s->norm[i].s = nb;
        s->gold[i] = gold[i];
    }
    c->n++;
    c->n_tokens += n;
    return RASD_OK;
}

rasd_status ner_corpus_parse(ner_corpus *c, const char *b, size_t len)
{
    const char *tok[NER_MAX_CHUNK];
    size_t tl[NER_MAX_CHUNK];
    int gold[NER_MAX_CHUNK];
    size_t n = 0;
    rasd_status st = RASD_OK;
    if (!c->mem.block_size)
        arena_init(&c->mem, 1 << 16);
    for (size_t p = 0; p < len && !st;) {
        const char *e = memchr(b + p, '\n', len - p);
        size_t ll = e ? (size_t)(e - (b + p)) : len - p;
        size_t off, tlen;
        int g;
        if (!ner_conll_split(b + p, ll, &off, &tlen, &g)) {
            st = conll_flush(c, tok, tl, gold, n);
            n = 0;
        } else {
            tok[n] = b + p + off;
            tl[n] = tlen;
            gold[n++] = g;
            if (n == NER_MAX_CHUNK) {
                st = conll_flush(c, tok, tl, gold, n);
                n = 0;
            }
        }
        p += ll + 1;
    }
    if (!st)
        st = conll_flush(c, tok, tl, gold, n);
    return st;
}

rasd_status ner_corpus_read(ner_corpus *c, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    rasd_status st = file_read_all(path, &data, &len, (size_t)1 << 31);
    if (st)
        return st;
    st = ner_corpus_parse(c, data, len);
    free(data);
    return st;
}

void ner_corpus_free(ner_corpus *c)
{
    if (!c)
        return;
    if (c->mem.block_size)
        arena_free(&c->mem);
    free(c->s);
    memset(c, 0, sizeof *c);
}

/* ---- scoring */

void ner_score_add(ner_score *sc, const int *gold, const uint8_t *pred, size_t n)
{
    uint8_t *g = malloc(n ? n : 1);
    ner_span *gs = malloc((n ? n : 1) * sizeof *gs);
    ner_span *ps = malloc((n ? n : 1) * sizeof *ps);
    if (!g || !gs || !ps) {
        free(g), free(gs), free(ps);
        return;
    }
    for (size_t i = 0; i < n; i++)
        g[i] = gold[i] >= 0 ? (uint8_t)gold[i] : NER_O;
    size_t ng = ner_spans(g, n, gs), np = ner_spans(pred, n, ps);
    size_t i = 0, j = 0;
    while (i < ng || j < np) {
        if (j == np || (i < ng && gs[i].begin < ps[j].begin)) {
            sc->fn[gs[i++].type]++;
        } else if (i == ng || ps[j].begin < gs[i].begin) {
            sc->fp[ps[j++].type]++;
        } else if (gs[i].end == ps[j].end && gs[i].type == ps[j].type) {
            sc->tp[gs[i].type]++;
            i++, j++;
        } else {
            sc->fn[gs[i++].type]++;
            sc->fp[ps[j++].type]++;
        }
    }
    free(g), free(gs), free(ps);
}

static double score_ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

static void score_line(buf *b, const char *name, size_t tp, size_t fp, size_t fn)
{
    double p = score_ratio(tp, tp + fp), r = score_ratio(tp, tp + fn);
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    buf_printf(b, "%-6s %6.4f %6.4f %6.4f %6zu %6zu %6zu\n", name, p, r, f,
               tp + fn, tp + fp, tp);
}

void ner_score_report(const ner_score *sc, buf *b)
{
    size_t tp = 0, fp = 0, fn = 0;
    buf_printf(b, "%-6s %6s %6s %6s %6s %6s %6s\n", "type", "P", "R", "F1",
               "gold", "pred", "match");
    for (int t = NER_PERS; t < NER_NTYPES; t++) {
        score_line(b, ner_type_str((ner_type)t), sc->tp[t], sc->fp[t], sc->fn[t]);
        tp += sc->tp[t], fp += sc->fp[t], fn += sc->fn[t];
    }
    score_line(b, "micro", tp, fp, fn);
}

double ner_score_micro_f1(const ner_score *sc)
{
    size_t tp = 0, fp = 0, fn = 0;
    for (int t = NER_PERS; t < NER_NTYPES; t++)
        tp += sc->tp[t], fp += sc->fp[t], fn += sc->fn[t];
    double p = score_ratio(tp, tp + fp), r = score_ratio(tp, tp + fn);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
