/* ner_feat.c - from normalised words to hashed features: key folding, light
 * clitic stripping, word shape, lexicon (clusters + gazetteers) lookups and
 * the feature templates. Shared by the tagger and the trainer, so a model
 * always sees features computed exactly as during training. */
#include "ner_int.h"
#include <string.h>

uint64_t ner_mix(uint64_t x)
{
    /* splitmix64 finaliser: spreads template ids and values over all bits */
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

uint64_t ner_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    h = ner_mix(h);
    return h ? h : 1;  /* 0 marks an empty table slot */
}

uint64_t ner_phr_next(uint64_t h, uint64_t w)
{
    uint64_t r = ner_mix(h * 31u + w);
    return r ? r : 1;
}

/* ---- folding */

static int feat_is_punct(unsigned char c)
{
    return c < 0x80 && c > 0x20 &&
           !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

size_t ner_fold(const char *s, size_t n, char *out, int *edge)
{
    size_t a = 0, b = n;
    while (a < b && feat_is_punct((unsigned char)s[a]))
        a++;
    while (b > a && feat_is_punct((unsigned char)s[b - 1]))
        b--;
    *edge = 0;
    if (a == b) {   /* punctuation only: keep it as the key */
        a = 0;
        b = n;
    } else if (a > 0 || b < n) {
        *edge = 1;
    }
    if (b - a > NER_MAX_KEY) {   /* cut long words at a character boundary */
        b = a + NER_MAX_KEY;
        while (b > a && ((unsigned char)s[b] & 0xC0) == 0x80)
            b--;
    }
    size_t o = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xD8 && i + 1 < b && (unsigned char)s[i + 1] == 0xA9) {
            out[o++] = (char)0xD9;  /* teh marbuta -> heh */
            out[o++] = (char)0x87;
            i++;
        } else if (c == 0xD9 && i + 1 < b && (unsigned char)s[i + 1] == 0x89) {
            out[o++] = (char)0xD9;  /* alef maqsura -> yeh */
            out[o++] = (char)0x8A;
            i++;
        } else {
            out[o++] = (char)c;
        }
    }
    return o;
}

/* ---- clitics (all letters are two-byte UTF-8 in the key) */

#define L_WAW "\xD9\x88"
#define L_FEH "\xD9\x81"
#define L_BEH "\xD8\xA8"
#define L_KAF "\xD9\x83"
#define L_LAM "\xD9\x84"
#define L_ALEF "\xD8\xA7"
#define L_AL L_ALEF L_LAM

static int feat_at(const char *s, size_t n, size_t off, const char *letter)
{
    return off + 2 <= n && memcmp(s + off, letter, 2) == 0;
}

/* Characters (not bytes) in s[off..n). */
static size_t feat_chars(const char *s, size_t n, size_t off)
{
    size_t c = 0;
    for (size_t i = off; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static void feat_put_form(char forms[][NER_MAX_KEY + 8], size_t *lens, int *k,
                          const char *pre, const char *s, size_t n)
{
    if (*k >= 4)
        return;
    size_t pl = pre ? strlen(pre) : 0;
    memcpy(forms[*k], pre ? pre : "", pl);
    memcpy(forms[*k] + pl, s, n);
    lens[*k] = pl + n;
    for (int j = 0; j < *k; j++)
        if (lens[j] == lens[*k] && memcmp(forms[j], forms[*k], lens[j]) == 0)
            return;
    (*k)++;
}

/* Offsets of the proclitics: conjunction end, preposition end, article end. */
typedef struct clitics {
    size_t conj, prep, art;
    int lam_al;   /* preposition lam fused with the article: "لل" */
} clitics;

static clitics feat_clitics(const char *s, size_t n)
{
    clitics c = {0, 0, 0, 0};
    size_t p = 0;
    if ((feat_at(s, n, 0, L_WAW) || feat_at(s, n, 0, L_FEH)) &&
        feat_chars(s, n, 2) >= 3)
        p = 2;
    c.conj = p;
    if (feat_at(s, n, p, L_LAM) && feat_at(s, n, p + 2, L_LAM) &&
        feat_chars(s, n, p + 4) >= 2) {
        c.lam_al = 1;
        p += 2;   /* the second lam is the article's */
    } else if ((feat_at(s, n, p, L_BEH) || feat_at(s, n, p, L_KAF) ||
                feat_at(s, n, p, L_LAM)) &&
               (feat_chars(s, n, p + 2) >= 3 ||
                (feat_at(s, n, p + 2, L_ALEF) && feat_at(s, n, p + 4, L_LAM)))) {
        p += 2;
    }
    c.prep = p;
    if (c.lam_al) {
        p += 2;
    } else if (feat_at(s, n, p, L_ALEF) && feat_at(s, n, p + 2, L_LAM) &&
               feat_chars(s, n, p + 4) >= 2) {
        p += 4;
    }
    c.art = p;
    return c;
}

int ner_forms(const char *key, size_t n, char forms[][NER_MAX_KEY + 8],
              size_t *lens)
{
    int k = 0;
    clitics c = feat_clitics(key, n);
    feat_put_form(forms, lens, &k, NULL, key, n);
    if (c.conj)
        feat_put_form(forms, lens, &k, NULL, key + c.conj, n - c.conj);
    if (c.lam_al) /* لل: restore the article; "للبنان" may also be ل + لبنان */
        feat_put_form(forms, lens, &k, L_AL, key + c.art, n - c.art);
    if (c.prep > c.conj)
        feat_put_form(forms, lens, &k, NULL, key + c.prep, n - c.prep);
    if (c.art > c.prep && !c.lam_al)
        feat_put_form(forms, lens, &k, NULL, key + c.art, n - c.art);
    return k;
}

/* Pronoun enclitic length in bytes at the end of s (0 if none). */
static size_t feat_enclitic(const char *s, size_t n)
{
    static const char *const suf[] = {
        "\xD9\x87\xD9\x85\xD8\xA7", /* هما */
        "\xD9\x87\xD9\x85", "\xD9\x87\xD8\xA7", "\xD9\x87\xD9\x86", /* هم ها هن */
        "\xD9\x83\xD9\x85", "\xD9\x86\xD8\xA7",                     /* كم نا */
    };
    for (size_t i = 0; i < sizeof suf / sizeof suf[0]; i++) {
        size_t l = strlen(suf[i]);
        if (n > l && memcmp(s + n - l, suf[i], l) == 0 &&
            feat_chars(s, n - l, 0) >= 3)
            return l;
    }
    return 0;
}

/* ---- shape */

static uint8_t feat_shape(const char *s, size_t n, int edge)
{
    unsigned m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9')
            m |= 4;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            m |= 2;
        else if (c < 0x80)
            m |= feat_is_punct(c) ? 8 : 0;
        else if (c >= 0xD8 && c <= 0xDB)
            m |= 1;
        else if (c >= 0xC0)
            m |= 16;
    }
    return (uint8_t)(m | (edge ? 32 : 0));
}

static uint8_t feat_len_bucket(size_t chars)
{
    static const uint8_t b[] = {0, 1, 2, 3, 4, 5, 6, 6, 7, 7, 7};
    return chars < sizeof b ? b[chars] : 8;
}

/* ---- lexicon */

const lex_slot *ner_lex_find(const ner_model *m, uint64_t key)
{
    if (!m->lex)
        return NULL;
    for (uint64_t i = key & m->lex_mask;; i = (i + 1) & m->lex_mask) {
        const lex_slot *s = &m->lex[i];
        if (s->key == key)
            return s;
        if (s->key == 0)
            return NULL;
    }
}

static uint32_t feat_phr_find(const ner_model *m, uint64_t key)
{
    if (!m->phr)
        return 0;
    for (uint64_t i = key & m->phr_mask;; i = (i + 1) & m->phr_mask) {
        const phr_slot *s = &m->phr[i];
        if (s->key == key)
            return s->gaz;
        if (s->key == 0)
            return 0;
    }
}

/* Longest gazetteer phrase starting at word i from form hash h. */
static void feat_phrase(const ner_model *m, ner_tok *t, size_t n, size_t i,
                        uint64_t h, int maxph)
{
    uint64_t ph = h;
    size_t best = 0;
    uint32_t bits = 0;
    for (size_t j = i + 1; j < n && (int)(j - i) < maxph; j++) {
        ph = ner_phr_next(ph, t[j].w);
        uint32_t g = feat_phr_find(m, ph);
        if (g) {
            best = j;
            bits = g;
        }
    }
    if (!best)
        return;
    t[i].gb |= (uint16_t)bits;
    for (size_t j = i + 1; j <= best; j++)
        t[j].gi |= (uint16_t)bits;
}

/* Character trigrams of "^stem$" (at most NER_MAX_CG, from the start). */
static void feat_trigrams(const char *s, size_t n, ner_tok *t)
{
    size_t st[NER_MAX_KEY + 2], k = 0;   /* character start offsets */
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            st[k++] = i;
    st[k] = n;
    t->ncg = 0;
    /* positions -1 and k stand for the word boundaries */
    for (long a = -1; a + 2 <= (long)k && t->ncg < NER_MAX_CG; a++) {
        size_t from = a < 0 ? 0 : st[a];
        size_t to = a + 3 <= (long)k ? st[a + 3] : n;
        uint64_t h = ner_hash(s + from, to - from);
        h ^= (a < 0 ? 0x1111ull : 0) ^ (a + 3 > (long)k ? 0x2222ull : 0);
        t->cg[t->ncg++] = h;
    }
}

/* Word-level analysis; phrase starts are noted in ph/phm for pass 2. */
static void feat_word(const ner_model *m, const ner_word *wd, ner_tok *t)
{
    char key[NER_MAX_KEY + 8], forms[4][NER_MAX_KEY + 8];
    size_t lens[4];
    int edge;
    size_t kn = ner_fold(wd->s, wd->n, key, &edge);
    memset(t, 0, sizeof *t);
    t->w = ner_hash(key, kn);
    t->shape = feat_shape(wd->s, wd->n, edge);
    t->len = feat_len_bucket(feat_chars(key, kn, 0));
    int nf = ner_forms(key, kn, forms, lens);
    for (int f = 0, np = 0; f < nf; f++) {
        uint64_t h = f ? ner_hash(forms[f], lens[f]) : t->w;
        const lex_slot *ls = ner_lex_find(m, h);
        if (!ls)
            continue;
        if (!t->cf && ls->c_fine) {
            t->cf = ls->c_fine;
            t->cc = ls->c_coarse;
        }
        if (ls->emb[0]) {  /* e: first form embedded; es: the last one */
            if (!t->e[0])
                memcpy(t->e, ls->emb, sizeof t->e);
            memcpy(t->es, ls->emb, sizeof t->es);
        }
        t->gb |= ls->gaz;
        if (!t->al)
            t->al = ls->autolex;
        if (ls->maxph >= 2 && np < 2) {
            t->ph[np] = h;
            t->phm[np++] = ls->maxph;
        }
    }
    /* stem: most stripped form minus a pronoun suffix */
    clitics c = feat_clitics(key, kn);
    size_t st = c.art, sn = kn - st;
    sn -= feat_enclitic(key + st, sn);
    t->stem = ner_hash(key + st, sn);
    if (t->shape & 1)
        feat_trigrams(key + st, sn, t);
    t->pre = ner_hash(key, st);
    t->suf = ner_hash(key + st + sn, kn - st - sn);
    for (int k = 1; k <= 3; k++) {
        size_t a = 0, b = kn, cnt = 0;
        while (a < sn && cnt < (size_t)k) {   /* k chars from the stem start */
            a++;
            while (a < sn && ((unsigned char)key[st + a] & 0xC0) == 0x80)
                a++;
            cnt++;
        }
        t->apre[k - 1] = cnt == (size_t)k && a < sn ? ner_hash(key + st, a) : 0;
        cnt = 0;
        while (b > 0 && cnt < (size_t)k) {    /* k chars from the word end */
            b--;
            while (b > 0 && ((unsigned char)key[b] & 0xC0) == 0x80)
                b--;
            cnt++;
        }
        t->asuf[k - 1] = cnt == (size_t)k && b > 0 ? ner_hash(key + b, kn - b) : 0;
    }
}

void ner_analyze(const ner_model *m, const ner_word *words, size_t n,
                 ner_tok *t)
{
    for (size_t i = 0; i < n; i++)
        feat_word(m, &words[i], &t[i]);
    /* pass 2: phrases need the keys of the following words */
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 2; k++)
            if (t[i].phm[k] >= 2)
                feat_phrase(m, t, n, i, t[i].ph[k], t[i].phm[k]);
}

/* ---- feature templates */

enum {
    T_BIAS = 1, T_W0, T_WM1, T_WP1, T_WM2, T_WP2, T_S0, T_SM1, T_SP1,
    T_PRE, T_SUF, T_AP1, T_AP2, T_AP3, T_AS1, T_AS2, T_AS3, T_SH0,
    T_SHM1, T_SHP1, T_LEN, T_CF0, T_CC0, T_CFM1, T_CFP1, T_CCM1, T_CCP1,
    T_CCM1_0, T_CC0_P1, T_BIM1, T_BIP1, T_GB, T_GI, T_GM1, T_GP1,
    T_S0_SHP, T_CF0_W0M1, T_CG, T_AL0, T_ALM1, T_ALP1, T_MEM0, T_MEMM1, T_MEMP1, T_MEM0_CC,
    T_E0, T_EM1, T_EP1, T_EM2, T_EP2, T_ES0
};

#define BOS_H 0x5151515151515151ull
#define EOS_H 0x7373737373737373ull

static inline uint64_t feat_f(int tid, uint64_t v)
{
    return ner_mix(((uint64_t)tid << 56) ^ v);
}

static uint64_t feat_w(const ner_tok *t, size_t n, size_t i, long d)
{
    long j = (long)i + d;
    if (j < 0)
        return BOS_H + (uint64_t)-j;
    if ((size_t)j >= n)
        return EOS_H + (uint64_t)j - n;
    return t[j].w;
}

static uint64_t feat_s(const ner_tok *t, size_t n, size_t i, long d)
{
    long j = (long)i + d;
    if (j < 0 || (size_t)j >= n)
        return feat_w(t, n, i, d);
    return t[j].stem;
}

static void feat_gaz(uint64_t *f, size_t *k, int tid, unsigned bits)
{
    for (int b = 0; b < GZ_N; b++)
        if (bits & (1u << b))
            f[(*k)++] = feat_f(tid, (uint64_t)b);
}

/* Embedding clusters at every k: the word (first form found and most
 * stripped form) and its neighbours at +-1 and +-2. Dropping the +-2
 * neighbours or adding cluster bigrams did not help on the dev folds. */
static void feat_emb(const ner_tok *t, size_t n, size_t i, uint64_t *f, size_t *k)
{
    static const int tid[5] = {T_EM2, T_EM1, T_E0, T_EP1, T_EP2};
    const ner_tok *c = &t[i];
    if (!c->e[0] && !(i > 0 && t[i - 1].e[0]) && !(i + 1 < n && t[i + 1].e[0]))
        return;   /* nothing embedded around: the other features decide */
    for (long d = -2; d <= 2; d++) {
        long j = (long)i + d;
        for (int e = 0; e < NER_EMB_MAXK; e++) {
            uint64_t v = j < 0 ? 0xFFFF : (size_t)j >= n ? 0xFFFE : t[j].e[e];
            f[(*k)++] = feat_f(tid[d + 2], (uint64_t)e << 16 | v);
        }
    }
    if (c->es[0] && memcmp(c->es, c->e, sizeof c->e))
        for (int e = 0; e < NER_EMB_MAXK; e++)
            f[(*k)++] = feat_f(T_ES0, (uint64_t)e << 16 | c->es[e]);
}

uint64_t ner_feat_bias(void) { return feat_f(T_BIAS, 0); }

size_t ner_features(const ner_tok *t, size_t n, size_t i, uint64_t *f)
{
    const ner_tok *c = &t[i];
    const ner_tok *p = i > 0 ? &t[i - 1] : NULL, *q = i + 1 < n ? &t[i + 1] : NULL;
    unsigned cfm = p ? p->cf : 0xFFFF, cfp = q ? q->cf : 0xFFFE;
    unsigned ccm = p ? p->cc : 0xFFFF, ccp = q ? q->cc : 0xFFFE;
    unsigned shm = p ? p->shape : 0xFF, shp = q ? q->shape : 0xFE;
    size_t k = 0;
    f[k++] = feat_f(T_BIAS, 0);
    f[k++] = feat_f(T_W0, c->w);
    f[k++] = feat_f(T_WM1, feat_w(t, n, i, -1));
    f[k++] = feat_f(T_WP1, feat_w(t, n, i, 1));
    f[k++] = feat_f(T_WM2, feat_w(t, n, i, -2));
    f[k++] = feat_f(T_WP2, feat_w(t, n, i, 2));
    f[k++] = feat_f(T_S0, c->stem);
    f[k++] = feat_f(T_SM1, feat_s(t, n, i, -1));
    f[k++] = feat_f(T_SP1, feat_s(t, n, i, 1));
    f[k++] = feat_f(T_PRE, c->pre);
    f[k++] = feat_f(T_SUF, c->suf);
    for (int a = 0; a < 3; a++) {
        if (c->apre[a])
            f[k++] = feat_f(T_AP1 + a, c->apre[a]);
        if (c->asuf[a])
            f[k++] = feat_f(T_AS1 + a, c->asuf[a]);
    }
    f[k++] = feat_f(T_SH0, c->shape);
    f[k++] = feat_f(T_SHM1, shm << 8 | c->shape);
    f[k++] = feat_f(T_SHP1, (uint64_t)c->shape << 8 | shp);
    f[k++] = feat_f(T_LEN, c->len);
    f[k++] = feat_f(T_CF0, c->cf);
    f[k++] = feat_f(T_CC0, c->cc);
    f[k++] = feat_f(T_CFM1, cfm);
    f[k++] = feat_f(T_CFP1, cfp);
    f[k++] = feat_f(T_CCM1, ccm);
    f[k++] = feat_f(T_CCP1, ccp);
    f[k++] = feat_f(T_CCM1_0, (uint64_t)ccm << 16 | c->cc);
    f[k++] = feat_f(T_CC0_P1, (uint64_t)c->cc << 16 | ccp);
    f[k++] = feat_f(T_BIM1, ner_mix(feat_w(t, n, i, -1)) ^ c->w);
    f[k++] = feat_f(T_BIP1, ner_mix(c->w) ^ feat_w(t, n, i, 1));
    f[k++] = feat_f(T_S0_SHP, c->stem ^ shp);
    f[k++] = feat_f(T_CF0_W0M1, ner_mix(feat_w(t, n, i, -1)) ^ c->cf);
    if (c->mem || (p && p->mem) || (q && q->mem)) {
        f[k++] = feat_f(T_MEM0, c->mem);
        f[k++] = feat_f(T_MEMM1, p ? p->mem : 0xFF);
        f[k++] = feat_f(T_MEMP1, q ? q->mem : 0xFE);
        f[k++] = feat_f(T_MEM0_CC, (uint64_t)c->mem << 16 | c->cc);
    }
    if (c->al || (p && p->al) || (q && q->al)) {
        f[k++] = feat_f(T_AL0, c->al);
        f[k++] = feat_f(T_ALM1, p ? p->al : 0xFF);
        f[k++] = feat_f(T_ALP1, q ? q->al : 0xFE);
    }
    for (int g = 0; g < c->ncg; g++)
        f[k++] = feat_f(T_CG, c->cg[g]);
    feat_emb(t, n, i, f, &k);
    feat_gaz(f, &k, T_GB, c->gb);
    feat_gaz(f, &k, T_GI, c->gi);
    if (p)
        feat_gaz(f, &k, T_GM1, (unsigned)(p->gb | p->gi));
    if (q)
        feat_gaz(f, &k, T_GP1, q->gb);
    return k;
}
