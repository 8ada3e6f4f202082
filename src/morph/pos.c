/* pos.c - UPOS tagging of syntactic words (clitics are words of their own,
 * as in Universal Dependencies): a greedy left-to-right averaged perceptron
 * over hashed features of the word, its affixes, its clitic role, its
 * neighbours and the two previous tags. */
#include "morph_int.h"
#include "../text/text.h"

#include <string.h>

#define NT (UPOS_COUNT - 1)

static uint64_t hbytes(const char *s, size_t n)
{
    return mix64(hash_bytes(s, n) ^ n);
}

/* Byte length of the first k / last k characters of s[0..n). */
static size_t head_len(const char *s, size_t n, int k)
{
    size_t i = 0;
    while (i < n && k > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        k--;
    }
    return i;
}

static size_t tail_len(const char *s, size_t n, int k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        k--;
    }
    return n - i;
}

/* 0 Arabic, 1 digit, 2 Latin, 3 punctuation, 4 other, 5 symbol/emoji. */
static int shape_class(const char *s, size_t n)
{
    uint32_t cp;
    if (!n || !utf8_decode((const unsigned char *)s, n, &cp))
        return 4;
    switch (text_class(cp)) {
    case CC_ARABIC: return 0;
    case CC_DIGIT: return 1;
    case CC_LATIN: return 2;
    case CC_PUNCT: case CC_QUOTE: return 3;
    case CC_SYMBOL: return 5;
    default: return 4;
    }
}

void mpos_word_init(const char *form, size_t n, int role, int clitic,
                    int tokinfo, mtword *w)
{
    w->hform = hbytes(form, n);
    /* the form without the article, so الحظر and حظر share evidence */
    if (n >= 8 && memcmp(form, "\xd8\xa7\xd9\x84", 4) == 0)
        w->hstem = hbytes(form + 4, n - 4);
    else
        w->hstem = w->hform;
    for (int k = 0; k < 3; k++) {
        w->hp[k] = hbytes(form, head_len(form, n, k + 1)) + (uint64_t)k;
        size_t t = tail_len(form, n, k + 1);
        w->hs[k] = hbytes(form + n - t, t) + (uint64_t)k;
    }
    w->role = (uint8_t)role;
    w->clitic = (uint8_t)clitic;
    w->tokinfo = (uint8_t)tokinfo;
    int len = 0;
    for (size_t i = 0; i < n; i++)
        len += ((unsigned char)form[i] & 0xC0) != 0x80;
    w->shape = (uint8_t)(shape_class(form, n) * 16 + (len > 10 ? 10 : len));
}

enum {
    P_BIAS = 100, P_FORM, P_STEM, P_PRE, P_SUF, P_ROLE, P_ROLEI, P_SHAPE,
    P_PREV, P_NEXT, P_PREV2, P_NEXT2, P_T1, P_T12, P_T1F, P_NSUF2, P_NPRE2,
    P_PROLE, P_NROLE, P_T1S2
};

#define PAD_BEFORE 0x1111ULL
#define PAD_AFTER 0x2222ULL

int mpos_features(const mtword *ws, size_t n, size_t i, int t1, int t2,
                  uint64_t *h)
{
    const mtword *w = &ws[i];
    const mtword *p = i > 0 ? &ws[i - 1] : NULL;
    const mtword *q = i + 1 < n ? &ws[i + 1] : NULL;
    uint64_t pf = p ? p->hform : PAD_BEFORE, nf = q ? q->hform : PAD_AFTER;
    uint64_t p2 = i > 1 ? ws[i - 2].hform : PAD_BEFORE;
    uint64_t n2 = i + 2 < n ? ws[i + 2].hform : PAD_AFTER;
    int k = 0;
    h[k++] = hcomb(P_BIAS, 0);
    h[k++] = hcomb(P_FORM, w->hform);
    h[k++] = hcomb(P_STEM, w->hstem);
    for (int j = 0; j < 3; j++) {
        h[k++] = hcomb(P_PRE, w->hp[j]);
        h[k++] = hcomb(P_SUF, w->hs[j]);
    }
    h[k++] = hcomb(P_ROLE, (uint64_t)w->role * 64 + w->clitic);
    h[k++] = hcomb(P_ROLEI, ((uint64_t)w->role * 4 + w->tokinfo) * 256 + w->shape / 16);
    h[k++] = hcomb(P_SHAPE, w->shape);
    h[k++] = hcomb(P_PREV, pf);
    h[k++] = hcomb(P_NEXT, nf);
    h[k++] = hcomb(P_PREV2, p2);
    h[k++] = hcomb(P_NEXT2, n2);
    h[k++] = hcomb(P_T1, (uint64_t)t1);
    h[k++] = hcomb(P_T12, (uint64_t)t2 * 32 + (uint64_t)t1);
    h[k++] = hcomb(hcomb(P_T1F, (uint64_t)t1), w->hform);
    h[k++] = hcomb(P_NSUF2, q ? q->hs[1] : PAD_AFTER);
    h[k++] = hcomb(P_NPRE2, q ? q->hp[1] : PAD_AFTER);
    h[k++] = hcomb(P_PROLE, p ? (uint64_t)p->role * 64 + p->clitic : 999);
    h[k++] = hcomb(P_NROLE, q ? (uint64_t)q->role * 64 + q->clitic : 999);
    h[k++] = hcomb(hcomb(P_T1S2, (uint64_t)t1), w->hs[1]);
    return k;
}

void mpos_tag(const wtab *t, const mtword *ws, size_t n, uint8_t *tags)
{
    int t1 = 0, t2 = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t h[MPOS_NFEAT];
        int nf = mpos_features(ws, n, i, t1, t2, h);
        int32_t sc[NT] = {0};
        for (int f = 0; f < nf; f++) {
            const int16_t *r = wtab_row(t, h[f]);
            if (!r)
                continue;
            for (int c = 0; c < NT; c++)
                sc[c] += r[c];
        }
        int best = 0;
        for (int c = 1; c < NT; c++)
            if (sc[c] > sc[best])
                best = c;
        /* Shapes the treebank barely has: numbers, Latin words, symbols. */
        int cls = ws[i].shape / 16;
        if (cls == 1)
            best = UPOS_NUM - 1;
        else if (cls == 2)
            best = UPOS_X - 1;
        else if (cls == 5)
            best = UPOS_SYM - 1;
        tags[i] = (uint8_t)(best + 1);
        t2 = t1;
        t1 = best + 1;
    }
}
