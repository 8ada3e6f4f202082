/* text.h - Arabic text core: strict UTF-8, character classes, normalisation,
 * tokenising and sentence splitting. Everything here works on byte offsets
 * into an unchanged original text. */
#ifndef RASD_TEXT_H
#define RASD_TEXT_H

#include "../util/util.h"

/* Decode one code point from s[0..n). Returns its length (1-4) and sets *cp,
 * or 0 for an invalid/truncated sequence (then *cp = U+FFFD). Strict: no
 * overlongs, surrogates or values above U+10FFFF. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encode cp into out (>= 4 bytes); returns length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte, or n when s is valid. Fast on ASCII. */
size_t utf8_find_invalid(const char *s, size_t n);

/* Character classes (one per code point) used by tokeniser and normaliser. */
typedef enum cclass {
    CC_OTHER = 0,
    CC_SPACE,       /* horizontal white space incl. NBSP and U+2000-200A */
    CC_NEWLINE,     /* \n \r U+2028 U+2029 U+0085 */
    CC_ARABIC,      /* Arabic-script letter */
    CC_MARK,        /* combining mark (tashkeel, Latin combining accents) */
    CC_TATWEEL,     /* U+0640 */
    CC_LATIN,       /* Latin letter (any case, accented) */
    CC_LETTER,      /* letter of another script (Cyrillic, Hebrew, CJK ...) */
    CC_DIGIT,       /* ASCII, Arabic-Indic or Persian digit */
    CC_PUNCT,       /* punctuation */
    CC_QUOTE,       /* quotation mark of any style */
    CC_SYMBOL,      /* symbols, emoji, currency */
    CC_IGNORABLE,   /* ZWJ/ZWNJ, LRM/RLM, ALM, bidi embeddings, BOM */
    CC_CONTROL      /* other C0/C1 controls */
} cclass;

cclass text_class(uint32_t cp);

/* Append the normalised form of valid UTF-8 s[0..n) to *b. Invariant relied
 * on by the tokeniser's buffer sizing: output bytes <= input bytes. */
void text_norm_append(buf *b, const char *s, size_t n, unsigned flags);

/* Normalise one token in place into `out` (capacity >= n + 1); returns the
 * output length; same invariant as above. */
size_t text_norm_token(const char *s, size_t n, unsigned flags, char *out);

/* A growable token vector (malloc'd; owned by whoever owns the struct). */
typedef struct tokvec {
    rasd_token *v;
    size_t n, cap;
} tokvec;

typedef struct sentvec {
    rasd_sentence *v;
    size_t n, cap;
} sentvec;

/* Tokenise text[start..end) (valid UTF-8) and append tokens with absolute
 * offsets to *tv. Normalised forms are written NUL-terminated into
 * *norm_cursor, which must have room for 2 * (end - start) + 1 bytes, and the
 * cursor is advanced. Returns RASD_ERR_NOMEM on allocation failure. */
rasd_status text_tokenize(const char *text, size_t start, size_t end,
                          unsigned norm_flags, tokvec *tv, char **norm_cursor);

/* Split tokens tv->v[first..tv->n) (all inside one text region) into
 * sentences appended to *sv. Uses the text to see line breaks between tokens.
 * Guarantees: every token belongs to exactly one sentence; no sentence is
 * longer than RASD_MAX_SENT_TOKENS tokens; linear time. */
rasd_status text_split_sentences(const char *text, const tokvec *tv,
                                 size_t first, sentvec *sv);

void tokvec_free(tokvec *tv);
void sentvec_free(sentvec *sv);

#endif
