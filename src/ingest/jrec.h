/* jrec.h - a strict, allocation-free JSON parser for one JSONL record that
 * keeps the spans of the top-level members the reader uses. */
#ifndef RASD_JREC_H
#define RASD_JREC_H

#include <stdbool.h>
#include <stddef.h>

typedef enum jrec_type {
    JREC_ABSENT = 0, JREC_NULL, JREC_BOOL, JREC_INTEGER, JREC_REAL, JREC_STRING,
    JREC_OBJECT, JREC_ARRAY
} jrec_type;

typedef struct jrec_span {
    jrec_type type;
    const char *raw;   /* strings: between the quotes, still escaped; numbers: as written */
    size_t len;
    bool escaped;      /* strings: contains a backslash */
} jrec_span;

enum { JREC_TEXT, JREC_ID, JREC_DATE, JREC_SOURCE, JREC_TITLE, JREC_URL, JREC_N_FIELDS };

typedef struct jrec {
    jrec_span field[JREC_N_FIELDS]; /* the last occurrence of each member */
    const char *error;              /* what went wrong (static text) */
    size_t error_col;               /* 1-based byte column */
} jrec;

typedef enum jrec_status {
    JREC_OK = 0,        /* a valid JSON object */
    JREC_NOT_OBJECT,    /* valid JSON, but not an object */
    JREC_TRUNCATED,     /* the input ends inside a value */
    JREC_SYNTAX,        /* any other syntax error */
    JREC_BAD_UTF8       /* invalid UTF-8 anywhere in the line */
} jrec_status;

/* Parse s[0..n) as exactly one JSON value (surrounding white space
 * allowed). Spans point into s. */
jrec_status jrec_parse(const char *s, size_t n, jrec *rec);

/* Decode a string span into out (room for sp->len + 1 bytes: decoding never
 * grows a string); returns the length. The span must come from jrec_parse. */
size_t jrec_decode(const jrec_span *sp, char *out);

#endif
