/* seg.c - clitic segmentation of one word.
 *
 * Every way of reading the word as [conjunction][preposition | future sa- |
 * lam][article] stem [pronoun] that its letters allow is listed (mcand_list);
 * a linear model over features of each reading picks one. The features look
 * at the clitic pattern, the stem's edges and length, the word and stem
 * themselves (memorised from the treebank), and how often the stem, the word
 * and the stem with the article occur as words of their own in news text
 * (the lexicon). Frequent words are answered from a table computed by the
 * same model at training time, which makes the common case one lookup. */
#include "morph_int.h"
#include "../text/text.h"

#include <string.h>

enum {
    F_PS = 1, F_WORD, F_STEM, F_P0, F_P01, F_SL, F_SL2, F_LEN, F_LXS, F_LXW,
    F_LXD, F_LXA, F_PSTEM, F_SL3, F_P012, F_NLEN, F_UDW, F_LXS2, F_PL2, F_SUPP, F_SUPS
};

static uint64_t ft(uint64_t t, uint64_t a, uint64_t b)
{
    return hcomb(hcomb(t, a), b);
}

/* Lexicon bucket of letters x[0..n) with the last letter optionally swapped
 * (ت -> ة and ي -> ى, as an enclitic changes them in writing). */
static int lex_restored(const mlex *lex, const uint16_t *x, int n, int suf)
{
    int best = mlex_bucket(lex, ml_hash(x, 0, n));
    if (!suf || n < 2)
        return best;
    uint16_t last = x[n - 1], alt = 0;
    if (last == AR_TEH)
        alt = AR_TEH_MARBUTA;
    else if (last == AR_YEH)
        alt = AR_ALEF_MAKSURA;
    else if (last == AR_ALEF)
        alt = AR_ALEF_MAKSURA;
    if (!alt)
        return best;
    uint16_t tmp[ML_MAX];
    memcpy(tmp, x, (size_t)n * sizeof *tmp);
    tmp[n - 1] = alt;
    int b = mlex_bucket(lex, ml_hash(tmp, 0, n));
    return b > best ? b : best;
}

/* Paradigm support: of the other clitics that could attach to this stem
 * word, how many forms does the lexicon know? A real stem shows up with
 * several (كتابه كتابها كتابهم; والحظر بالحظر للحظر), a piece of a foreign
 * name with none (بانكوك -> انكوك). */
static int support_pre(const mlex *lex, const uint16_t *x, int a, int n)
{
    static const uint16_t pre[] = {0, AR_WAW, AR_FEH, AR_BEH, AR_LAM, AR_KAF};
    uint16_t tmp[ML_MAX + 1];
    int len = n - a, k = 0;
    if (len < 1 || len >= ML_MAX)
        return 0;
    memcpy(tmp + 1, x + a, (size_t)len * sizeof *tmp);
    for (int i = 0; i < 6; i++) {
        if (i == 0) {
            k += mlex_bucket(lex, ml_hash(tmp, 1, len + 1)) > 0;
            continue;
        }
        if (a > 0 && x[a - 1] == pre[i])
            continue; /* the candidate's own clitic */
        tmp[0] = pre[i];
        k += mlex_bucket(lex, ml_hash(tmp, 0, len + 1)) > 0;
    }
    return k;
}

static int support_suf(const mlex *lex, const uint16_t *x, int a, int b)
{
    static const uint8_t sufs[] = {1, 2, 3, 10, 11, 6, 7};
    uint16_t tmp[ML_MAX + 3];
    int len = b - a, k = 0;
    if (len < 1 || len + 3 > ML_MAX)
        return 0;
    memcpy(tmp, x + a, (size_t)len * sizeof *tmp);
    for (size_t i = 0; i < sizeof sufs; i++) {
        const msuf *sf = &msuf_tab[sufs[i]];
        memcpy(tmp + len, sf->lt, sf->len * sizeof *tmp);
        k += mlex_bucket(lex, ml_hash(tmp, 0, len + sf->len)) > 0;
    }
    return k;
}

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void mseg_features(const mlex *lex, const mletters *w, const mcand *c,
                   mfeat *f)
{
    const uint16_t *x = w->cp;
    int a = c->a, b = c->b, len = b - a, det = mpre_det(c->p);
    uint64_t ps = (uint64_t)c->p * 16 + c->s;
    uint64_t hw = ml_hash(x, 0, w->n), hs = ml_hash(x, a, b);
    uint16_t s1 = len > 1 ? x[a + 1] : 0, s2 = len > 2 ? x[a + 2] : 0;
    uint16_t e2 = len > 1 ? x[b - 2] : 0, e3 = len > 2 ? x[b - 3] : 0;
    int n = 0;
    f->h[n++] = hcomb(F_PS, ps);
    f->h[n++] = ft(F_P0, c->p, x[a]);
    f->h[n++] = ft(F_P01, c->p, (uint64_t)x[a] << 16 | s1);
    f->h[n++] = ft(F_SL, c->s, x[b - 1]);
    f->h[n++] = ft(F_SL2, c->s, (uint64_t)e2 << 16 | x[b - 1]);
    f->h[n++] = ft(F_PL2, c->p, (uint64_t)e2 << 16 | x[b - 1]);
    f->h[n++] = ft(F_LEN, ps, (uint64_t)(len > 8 ? 8 : len));
    f->h[n++] = ft(F_SL3, c->s, (uint64_t)e3 << 32 | (uint64_t)e2 << 16 | x[b - 1]);
    f->h[n++] = ft(F_P012, c->p, (uint64_t)x[a] << 32 | (uint64_t)s1 << 16 | s2);
    f->h[n++] = ft(F_NLEN, ps, (uint64_t)(w->n > 12 ? 12 : w->n));

    int bs = lex_restored(lex, x + a, len, c->s != 0);
    int bw = mlex_bucket(lex, hw);
    f->h[n++] = ft(F_LXS, ps, (uint64_t)bs);
    f->h[n++] = ft(F_LXW, ps, (uint64_t)bw);
    f->h[n++] = ft(F_LXD, ps, (uint64_t)(clampi(bs - bw, -6, 6) + 6));
    f->h[n++] = ft(F_LXS2, (uint64_t)(c->p != 0) * 2 + (c->s != 0),
                   (uint64_t)bs * 32 + (uint64_t)bw);
    int ud = mpre_ud_len(c->p);
    f->h[n++] = ft(F_SUPP, c->p, (uint64_t)support_pre(lex, x, ud, w->n));
    f->h[n++] = ft(F_SUPS, c->s, (uint64_t)support_suf(lex, x, ud, b));
    /* With the article: how common is the article + stem as a word. */
    uint64_t hud = 0;
    if (det) {
        uint16_t tmp[ML_MAX + 2];
        tmp[0] = AR_ALEF;
        tmp[1] = AR_LAM;
        memcpy(tmp + 2, x + a, (size_t)len * sizeof *tmp);
        int n2 = len + 2 > ML_MAX ? ML_MAX : len + 2;
        hud = ml_hash(tmp, 0, n2);
        f->h[n++] = ft(F_LXA, ps, (uint64_t)mlex_bucket(lex, hud));
    }
    /* Identities last: training may leave them out (see train.c). */
    f->ngen = n;
    f->h[n++] = ft(F_WORD, hw, ps);
    f->h[n++] = hcomb(F_STEM, hs);
    f->h[n++] = ft(F_PSTEM, ps, hs);
    if (det)
        f->h[n++] = ft(F_UDW, det, hud);
    f->n = n;
}

static int64_t score_cand(const morph_model *m, const mletters *w,
                          const mcand *c)
{
    mfeat f;
    mseg_features(&m->lex, w, c, &f);
    int64_t s = 0;
    for (int i = 0; i < f.n; i++) {
        const int16_t *r = wtab_row(&m->segw, f.h[i]);
        if (r)
            s += r[0];
    }
    return s;
}

int mseg_best(const morph_model *m, const mletters *w, mcand *best)
{
    mcand c[MCAND_MAX];
    int n = mcand_list(w, c);
    if (n == 0) { /* cannot happen for n >= 1 letters, but stay safe */
        best->p = best->s = 0;
        best->a = 0;
        best->b = (uint8_t)w->n;
        return 0;
    }
    int bi = 0;
    int64_t bs = n > 1 ? score_cand(m, w, &c[0]) : 0;
    for (int i = 1; i < n; i++) {
        int64_t s = score_cand(m, w, &c[i]);
        if (s > bs) {
            bs = s;
            bi = i;
        }
    }
    *best = c[bi];
    return n;
}

static void seg_put(morph_word *o, int kind, int clitic, int start, int end)
{
    morph_seg *s = &o->seg[o->n_seg++];
    s->start = (uint16_t)start;
    s->end = (uint16_t)end;
    s->kind = (uint8_t)kind;
    s->clitic = (uint8_t)clitic;
    s->upos = 0;
}

void mseg_fill(const mletters *w, const mcand *c, morph_word *o)
{
    uint8_t cl[3];
    int ncl = mpre_clitics(c->p, cl), pos = 0;
    o->n_seg = 0;
    o->det = (uint8_t)mpre_det(c->p);
    for (int k = 0; k < ncl; k++) {
        int len = mpre_clitic_len(c->p, k);
        int start = w->off[pos];
        seg_put(o, cl[k] == MCL_AL ? MSEG_DET : MSEG_PREFIX, cl[k], start,
                w->off[pos + len]);
        pos += len;
    }
    o->stem = o->n_seg;
    seg_put(o, MSEG_STEM, MCL_NONE, w->off[c->a], w->off[c->b]);
    if (c->s)
        seg_put(o, MSEG_SUFFIX, msuf_tab[c->s].cl, w->off[c->b], w->off[w->n]);
}

static int cache_get(const mcache *k, uint64_t h, uint16_t *v)
{
    if (!k->slot)
        return 0;
    uint64_t fp = h >> 16;
    for (uint32_t i = (uint32_t)h & k->mask;; i = (i + 1) & k->mask) {
        uint64_t s = k->slot[i];
        if (!s)
            return 0;
        if ((s >> 16) == fp) {
            *v = (uint16_t)s;
            return 1;
        }
    }
}

/* Copy a key, cut at a character boundary so it fits MORPH_KEY_MAX. */
static void key_copy(const char *s, size_t n, char *out)
{
    if (n >= MORPH_KEY_MAX) {
        n = MORPH_KEY_MAX - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = 0;
}

static void passthrough(const char *s, size_t n, int flags, morph_word *o)
{
    o->n_seg = 0;
    o->stem = 0;
    o->det = 0;
    o->flags = (uint8_t)flags;
    seg_put(o, MSEG_STEM, MCL_NONE, 0, n > 0xFFFF ? 0xFFFF : (int)n);
    morph_stem_key(s, n, o->stem_key);
    memcpy(o->lemma_key, o->stem_key, sizeof o->lemma_key);
}

void mseg_analyse(const morph_model *m, const mletters *w, mcand *c,
                  int *cached)
{
    uint16_t v;
    *cached = 0;
    if (cache_get(&m->cache, ml_hash(w->cp, 0, w->n), &v)) {
        mseg_unpack(v, w->n, c);
        /* the entry must fit the letters as written: أل is no article */
        if (mcand_valid(w, c)) {
            *cached = 1;
            return;
        }
    }
    mseg_best(m, w, c);
}

/* Before an enclitic, ة is written ت and ى is written ي or ا (مدينتها,
 * عليه, مستواه). The stem key spells the word as it stands alone, where the
 * lexicon says that form is the commoner one (قالته keeps قالت). */
static void restore_final(const mlex *lex, mletters *w, const mcand *c)
{
    if (!c->s || c->b - c->a < 2)
        return;
    uint16_t *last = &w->cp[c->b - 1], was = *last, alt;
    if (was == AR_TEH)
        alt = AR_TEH_MARBUTA;
    else if (was == AR_YEH || was == AR_ALEF)
        alt = AR_ALEF_MAKSURA;
    else
        return;
    int keep = mlex_bucket(lex, ml_hash(w->cp, c->a, c->b));
    *last = alt;
    if (mlex_bucket(lex, ml_hash(w->cp, c->a, c->b)) <= keep)
        *last = was;
}

void morph_segment(const morph_model *m, const char *s, size_t n,
                   morph_word *o)
{
    mletters w;
    o->upos = 0;
    if (!ml_from_utf8(s, n, &w)) {
        passthrough(s, n, 0, o);
        return;
    }
    mcand c;
    int cached;
    mseg_analyse(m, &w, &c, &cached);
    o->flags = (uint8_t)(MORPH_WF_ARABIC | (cached ? MORPH_WF_CACHED : 0));
    mseg_fill(&w, &c, o);
    restore_final(&m->lex, &w, &c);
    char tmp[ML_MAX * 4 + 1];
    size_t k = ml_to_utf8(w.cp, c.a, c.b, tmp, sizeof tmp);
    key_copy(tmp, k, o->stem_key);
    morph_lemma_key(o->stem_key, UPOS_NONE, o->lemma_key);
}

void morph_stem_key(const char *s, size_t n, char *out)
{
    mletters w;
    if (ml_from_utf8(s, n, &w)) {
        char tmp[ML_MAX * 4 + 1];
        size_t k = ml_to_utf8(w.cp, 0, w.n, tmp, sizeof tmp);
        key_copy(tmp, k, out);
        return;
    }
    /* Not an Arabic word: the text core's default key, on a bounded prefix
     * (keys are for dictionary matching, and no entry is this long). */
    char tmp[4 * MORPH_KEY_MAX + 1];
    size_t len = n < 4 * MORPH_KEY_MAX ? n : 4 * MORPH_KEY_MAX;
    while (len > 0 && len < n && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--;
    if (utf8_find_invalid(s, len) != len) {
        out[0] = 0;
        return;
    }
    size_t k = text_norm_token(s, len, RASD_NORM_DEFAULT, tmp);
    key_copy(tmp, k, out);
}
