/* text_int.h - private to src/text: the code point tables shared by the
 * classifier, the normaliser and the tokeniser. */
#ifndef RASD_TEXT_INT_H
#define RASD_TEXT_INT_H

#include "text.h"

/* Code points below this have precomputed class and fold entries: ASCII,
 * Latin-1, Latin Extended, Greek, Cyrillic, Hebrew and the Arabic blocks. */
#define CTAB_LO 0x800u

/* A fold: under norm flag `flag`, the code point becomes `to` (0 = drop). */
typedef struct cfold {
    uint16_t to;
    uint16_t flag;
} cfold;

extern uint8_t ctab_class[CTAB_LO];
extern cfold ctab_fold[CTAB_LO];

/* Build the tables once (thread-safe); every entry point calls it. */
void ctab_init(void);

/* Class of a code point at or above CTAB_LO. */
cclass ctab_class_hi(uint32_t cp);

static inline cclass ctab_cls(uint32_t cp)
{
    return cp < CTAB_LO ? (cclass)ctab_class[cp] : ctab_class_hi(cp);
}

/* Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) mapped by NFKC to
 * base letters: n code points, `u8` holding their UTF-8 (len bytes). n == 0:
 * no mapping (kept as is). */
typedef struct pres_map {
    uint8_t n, len;
    char u8[14];
} pres_map;

const pres_map *ctab_pres(uint32_t cp);

/* Fast decoder for text already known (or assumed) to be UTF-8: an invalid
 * byte decodes as U+FFFD of length 1, so callers never loop forever. */
static inline uint32_t utf8_next(const unsigned char *s, size_t i, size_t end,
                                 size_t *len)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < end && (s[i + 1] & 0xC0) == 0x80) {
        *len = 2;
        return ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    }
    uint32_t cp;
    size_t n = utf8_decode(s + i, end - i, &cp);
    *len = n ? n : 1;
    return cp;
}

/* Start of the code point that ends right before s[i] (i > lo). */
static inline size_t utf8_prev(const unsigned char *s, size_t lo, size_t i)
{
    size_t k = i - 1;
    while (k > lo && i - k < 4 && (s[k] & 0xC0) == 0x80)
        k--;
    return k;
}

/* text_norm_token once ctab_init has run (the tokeniser's hot path). */
size_t text_norm_token_ready(const char *s, size_t n, unsigned flags, char *out);

/* Quote-mark families: marks of one family pair with each other. */
enum { QF_NONE = 0, QF_ASCII2, QF_CURLY2, QF_GUIL2, QF_ASCII1, QF_CURLY1, QF_GUIL1, QF_N };
/* Family of a quote mark, and its fixed direction: 1 opens, -1 closes, 0
 * symmetric (decided by context). */
int text_quote_family(uint32_t cp, int *dir);

#endif
