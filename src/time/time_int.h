/* time_int.h - internals of the time module: a tiny lexer over the original
 * text that yields numbers (any digit set), folded words and single
 * punctuation marks, never crossing a line break. */
#ifndef RASD_TIME_INT_H
#define RASD_TIME_INT_H

#include "time.h"

enum { DC_SPACE, DC_NEWLINE, DC_IGNORE, DC_DIGIT, DC_MARK, DC_LETTER, DC_PUNCT };
enum { DT_END, DT_NUM, DT_WORD, DT_PUNCT };

#define DT_MAX 24 /* a date expression never needs more tokens */

typedef struct dtok {
    int kind;
    size_t start, end;   /* byte span in the lexed text */
    bool space_before;   /* white space separates it from the previous token */
    long num;            /* DT_NUM: value of the first 9 digits */
    int ndig;            /* DT_NUM: number of digits */
    uint32_t cp;         /* DT_PUNCT: the mark */
    char norm[48];       /* DT_WORD: folded form (truncated when long) */
    size_t nlen;
} dtok;

typedef struct dtlex {
    const char *s;
    size_t n;
    dtok t[DT_MAX];
    int nt;
} dtlex;

/* Strict UTF-8 decode: length, or 0 for an invalid sequence. */
size_t dt_decode(const unsigned char *s, size_t n, uint32_t *cp);
int dt_class(uint32_t cp);
int dt_digit(uint32_t cp);

void dt_init(dtlex *lx, const char *s, size_t n);
/* Token i (lexed on demand); a DT_END token past the end or a line break. */
const dtok *dt_tok(dtlex *lx, int i);
bool dt_is(const dtok *t, const char *folded_word);
/* Is t a punctuation token whose mark is one of the UTF-8 marks in set? */
bool dt_is_punct(const dtok *t, const char *set);
/* A month name at token i (one or two words), possibly given in two
 * calendars: "آب/أغسطس", "نوفمبر/تشرين الثاني", "فبراير (شباط)" (a second
 * name for another month is left alone). Returns the index after it and
 * sets *month, or -1. */
int dt_month(dtlex *lx, int i, int *month);

#endif
