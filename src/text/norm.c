/* norm.c - normalisation for matching. The original text is never touched;
 * a normalised copy is written with, on request, the input offset of every
 * output byte.
 *
 * Invariant: the output is never longer than the input (the tokeniser sizes
 * its buffers on it). Every single-code-point fold keeps or shrinks the
 * UTF-8 length (a lower-case form that would be longer is not used). The
 * only growing fold is the decomposition of a multi-letter presentation
 * ligature (U+FEFB ﻻ, 3 bytes -> لا, 4 bytes; U+FDF2 -> الله). Policy:
 * a first pass keeps every such ligature; if the result is shorter than the
 * input, a second pass decomposes ligatures from the left as long as the
 * room freed elsewhere in the string (by diacritics, tatweel, 3-byte
 * single-letter presentation forms ...) pays for them: "ﺍﻟﻼﺟﺌﻴﻦ" ->
 * "اللاجئين", "ﻷن" -> "لان". A ligature that cannot be paid for is kept,
 * lam-alef ones in their isolated form (plain ﻻ under ALEF): a lone "ﻻ"
 * token stays "ﻻ", as it cannot grow past its own 3 bytes. */
#include "text_int.h"
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define NORM_DROP 0xFFFFFFFFu

typedef struct nrm {
    char *out;      /* capacity >= input length + 1 */
    size_t o;
    size_t *offs;   /* input offset of each output byte, or NULL */
    size_t budget;  /* bytes that growing ligatures may still add */
    bool lig;       /* a growing ligature was kept */
} nrm;

static uint32_t norm_quote(uint32_t cp)
{
    int dir;
    switch (text_quote_family(cp, &dir)) {
    case QF_ASCII1: case QF_CURLY1: case QF_GUIL1: return '\'';
    case QF_NONE: return cp;
    default: return '"';
    }
}

/* Lam-alef ligatures U+FEF5-FEFC: isolated form of the same ligature, or
 * plain ﻻ when alef variants fold. */
static uint32_t norm_lamalef(uint32_t cp, unsigned flags)
{
    if (flags & RASD_NORM_ALEF)
        return 0xFEFB;
    return cp - ((cp - 0xFEF5) & 1);
}

static uint32_t norm_fold_hi(uint32_t cp, unsigned flags)
{
    cclass c = ctab_class_hi(cp);
    if (c == CC_IGNORABLE)
        return (flags & RASD_NORM_IGNORABLE) ? NORM_DROP : cp;
    if (c == CC_QUOTE)
        return (flags & RASD_NORM_PUNCT) ? norm_quote(cp) : cp;
    if (c == CC_MARK && cp >= 0x870 && cp <= 0x8FF)
        return (flags & RASD_NORM_DIACRITICS) ? NORM_DROP : cp;
    if (flags & RASD_NORM_LETTERS) {
        if (cp >= 0xFEF5 && cp <= 0xFEFC)
            return norm_lamalef(cp, flags);
        const pres_map *m = ctab_pres(cp);
        if (m && m->n == 1) {
            uint32_t to;
            utf8_decode((const unsigned char *)m->u8, m->len, &to);
            return to;
        }
    }
    if (c == CC_LATIN && (flags & RASD_NORM_CASE)) {
        uint32_t lo = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        char tmp[4];
        if (utf8_encode(lo, tmp) <= utf8_encode(cp, tmp))
            return lo;
    }
    return cp;
}

/* Fold one code point (no ligature decomposition); folds chain, e.g.
 * ۃ -> ة -> ه or ﺃ -> أ -> ا. */
static uint32_t norm_fold(uint32_t cp, unsigned flags)
{
    for (int k = 0; k < 4; k++) {
        uint32_t to;
        if (cp < CTAB_LO) {
            cfold f = ctab_fold[cp];
            if (!(f.flag & flags))
                return cp;
            if (!f.to)
                return NORM_DROP;
            to = f.to;
        } else {
            to = norm_fold_hi(cp, flags);
        }
        if (to == cp || to == NORM_DROP)
            return to;
        cp = to;
    }
    return cp;
}

static void norm_put(nrm *st, uint32_t cp, size_t at)
{
    size_t k = utf8_encode(cp, st->out + st->o);
    if (st->offs)
        for (size_t j = 0; j < k; j++)
            st->offs[st->o + j] = at;
    st->o += k;
}

/* A multi-letter presentation ligature at input offset `at`. */
static void norm_ligature(nrm *st, uint32_t cp, const pres_map *m, unsigned flags,
                          size_t at)
{
    uint32_t parts[14];
    size_t np = 0, len = 0;
    char tmp[4];
    for (size_t i = 0; i < m->len && np < 14;) {
        uint32_t c;
        size_t k = utf8_decode((const unsigned char *)m->u8 + i, m->len - i, &c);
        if (!k)
            break;
        i += k;
        c = norm_fold(c, flags);
        if (c != NORM_DROP) {
            parts[np++] = c;
            len += utf8_encode(c, tmp);
        }
    }
    if (len <= 3 || len - 3 <= st->budget) {
        if (len > 3)
            st->budget -= len - 3;
        for (size_t i = 0; i < np; i++)
            norm_put(st, parts[i], at);
        return;
    }
    st->lig = true;
    norm_put(st, cp >= 0xFEF5 && cp <= 0xFEFC ? norm_lamalef(cp, flags) : cp, at);
}

/* An ASCII run s[i..j): copied, lower-cased under CASE. */
static void norm_ascii(nrm *st, const unsigned char *s, size_t i, size_t j, unsigned flags)
{
    char *o = st->out + st->o;
    if (flags & RASD_NORM_CASE) {
        for (size_t k = i; k < j; k++)
            o[k - i] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    } else {
        memcpy(o, s + i, j - i);
    }
    if (st->offs)
        for (size_t k = i; k < j; k++)
            st->offs[st->o + k - i] = k;
    st->o += j - i;
}

/* A two-byte code point at s[i]: copied unless a flag folds it. */
static void norm_two(nrm *st, const unsigned char *s, size_t i, unsigned flags)
{
    uint32_t cp = ((s[i] & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    if (ctab_fold[cp].flag & flags) {
        uint32_t to = norm_fold(cp, flags);
        if (to != NORM_DROP)
            norm_put(st, to, i);
        return;
    }
    st->out[st->o] = (char)s[i];
    st->out[st->o + 1] = (char)s[i + 1];
    if (st->offs)
        st->offs[st->o] = st->offs[st->o + 1] = i;
    st->o += 2;
}

/* The hot loop without offsets: copy ASCII and two-byte code points that
 * no flag folds, in locals (stores through char pointers would otherwise
 * force reloads of *st). Returns where it stopped. */
static size_t norm_fast(nrm *st, const unsigned char *s, size_t i, size_t n, unsigned flags)
{
    unsigned char *out = (unsigned char *)st->out;
    size_t o = st->o;
    bool lower = flags & RASD_NORM_CASE;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            out[o++] = (unsigned char)(lower && c - 'A' < 26u ? c + 32 : c);
            i++;
        } else if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80 &&
                   !(ctab_fold[((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)].flag & flags)) {
            out[o] = (unsigned char)c;
            out[o + 1] = s[i + 1];
            o += 2;
            i += 2;
        } else {
            break;
        }
    }
    st->o = o;
    return i;
}

static void norm_scan(nrm *st, const unsigned char *s, size_t n, unsigned flags)
{
    size_t i = 0;
    while (i < n) {
        if (!st->offs) {
            i = norm_fast(st, s, i, n, flags);
            if (i >= n)
                break;
        }
        if (s[i] < 0x80) {
            size_t j = i + 1;
            while (j < n && s[j] < 0x80)
                j++;
            norm_ascii(st, s, i, j, flags);
            i = j;
            continue;
        }
        if (s[i] >= 0xC2 && s[i] < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            norm_two(st, s, i, flags); /* Arabic, Latin: by table */
            i += 2;
            continue;
        }
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        if (!k) { /* not UTF-8: copy the byte, never grow */
            st->out[st->o] = (char)s[i];
            if (st->offs)
                st->offs[st->o] = i;
            st->o++;
            i++;
            continue;
        }
        const pres_map *m = (flags & RASD_NORM_LETTERS) && cp >= 0xFB50 ? ctab_pres(cp) : NULL;
        if (m && m->n > 1) {
            norm_ligature(st, cp, m, flags, i);
        } else {
            uint32_t to = norm_fold(cp, flags);
            if (to != NORM_DROP)
                norm_put(st, to, i);
        }
        i += k;
    }
}

/* Normalise s[0..n) into out (capacity n + 1); returns the length. The
 * tables must be built (ctab_init). */
static size_t norm_run(const char *s, size_t n, unsigned flags, char *out, size_t *offs)
{
    nrm st = {out, 0, offs, 0, false};
    norm_scan(&st, (const unsigned char *)s, n, flags);
    if (st.lig && st.o < n) { /* room left: decompose from the left */
        nrm st2 = {out, 0, offs, n - st.o, false};
        norm_scan(&st2, (const unsigned char *)s, n, flags);
        st = st2;
    }
    out[st.o] = '\0';
    return st.o;
}

size_t text_norm_token(const char *s, size_t n, unsigned flags, char *out)
{
    ctab_init();
    return norm_run(s, n, flags, out, NULL);
}

size_t text_norm_token_ready(const char *s, size_t n, unsigned flags, char *out)
{
    return norm_run(s, n, flags, out, NULL);
}

void text_norm_append(buf *b, const char *s, size_t n, unsigned flags)
{
    if (!buf_reserve(b, n))
        return;
    ctab_init();
    b->len += norm_run(s, n, flags, b->data + b->len, NULL);
}

rasd_status rasd_normalize(const char *s, size_t len, unsigned flags, char **out,
                           size_t *out_len, size_t **offsets)
{
    if (!out || (!s && len))
        return err_set(RASD_ERR_ARG, "rasd_normalize: NULL argument");
    *out = NULL;
    if (offsets)
        *offsets = NULL;
    size_t bad;
    if (rasd_utf8_check(s, len, &bad) != RASD_OK)
        return err_set(RASD_ERR_UTF8, "rasd_normalize: invalid UTF-8 at byte %zu", bad);
    char *o = malloc(len + 1);
    size_t *offs = offsets ? malloc((len + 1) * sizeof *offs) : NULL;
    if (!o || (offsets && !offs)) {
        free(o);
        free(offs);
        return err_set(RASD_ERR_NOMEM, "rasd_normalize: out of memory (%zu bytes)", len);
    }
    ctab_init();
    size_t n = norm_run(len ? s : "", len, flags, o, offs);
    if (offs)
        offs[n] = len;
    *out = o;
    if (out_len)
        *out_len = n;
    if (offsets)
        *offsets = offs;
    return RASD_OK;
}
