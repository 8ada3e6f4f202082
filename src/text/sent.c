/* sent.c - sentence splitting over the tokens of one text region.
 *
 * Rules (checked against the ANT news corpus: paragraphs are one per line,
 * not hard-wrapped; 0.05% of non-blank lines end in a comma, and '؛' joins
 * clauses, so neither ends a sentence):
 *  - a line break between two tokens always ends a sentence (headlines and
 *    paragraphs are lines);
 *  - a token flagged SENT_END (. ! ? ؟ … ..) ends the sentence, together
 *    with the SENT_END marks, closing quotes and closing brackets right after
 *    it ("؟!" , "." + "»" + ")"), unless the next token continues the
 *    sentence: a comma, semicolon or colon, or a Latin word in lower case;
 *  - abbreviation dots are inside their token (ABBREV, not SENT_END), so
 *    "U.S." and "د." never end a sentence;
 *  - a sentence reaching RASD_MAX_SENT_TOKENS tokens is cut: after the last
 *    comma or semicolon among its last SENT_LOOKBACK tokens, else before the
 *    last word starting with the conjunction و, else at the cap. */
#include "text_int.h"
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define SENT_LOOKBACK 100

void sentvec_free(sentvec *sv)
{
    if (!sv)
        return;
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

static bool sent_push(sentvec *sv, const tokvec *tv, size_t b, size_t e)
{
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 64;
        rasd_sentence *v = realloc(sv->v, cap * sizeof *v);
        if (!v)
            return false;
        sv->v = v;
        sv->cap = cap;
    }
    sv->v[sv->n++] = (rasd_sentence){tv->v[b].start, tv->v[e - 1].end, b, e};
    return true;
}

/* A line break in the text between tokens a and a+1: \n \r U+0085 U+2028
 * U+2029, found bytewise (gaps are mostly one space). */
static bool sent_newline(const char *text, const tokvec *tv, size_t a)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t e = tv->v[a + 1].start;
    for (size_t i = tv->v[a].end; i < e; i++) {
        if (s[i] == '\n' || s[i] == '\r' || (s[i] == 0xC2 && i + 1 < e && s[i + 1] == 0x85))
            return true;
        if (s[i] == 0xE2 && i + 2 < e && s[i + 1] == 0x80 && (s[i + 2] | 1) == 0xA9)
            return true;
    }
    return false;
}

/* Can text[a..b) hold a line break at all? Tokens of one line region
 * rarely have one between them: then no gap needs looking at. */
static bool sent_any_break(const char *text, size_t a, size_t b)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = a;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  c2 = _mm_set1_epi8((char)0xC2), e2 = _mm_set1_epi8((char)0xE2);
    for (; i + 16 <= b; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
        if (_mm_movemask_epi8(m))
            break; /* look closer, byte by byte */
    }
#endif
    for (; i < b; i++) {
        if (s[i] == '\n' || s[i] == '\r' || (s[i] == 0xC2 && i + 1 < b && s[i + 1] == 0x85))
            return true;
        if (s[i] == 0xE2 && i + 2 < b && s[i + 1] == 0x80 && (s[i + 2] | 1) == 0xA9)
            return true;
    }
    return false;
}

/* First code point of a token's surface. */
static uint32_t sent_first_cp(const char *text, const rasd_token *t)
{
    size_t len;
    return utf8_next((const unsigned char *)text, t->start, t->end, &len);
}

static bool sent_is_comma(uint32_t cp)
{
    return cp == ',' || cp == 0x60C || cp == ';' || cp == 0x61B || cp == ':';
}

static bool sent_is_close_bracket(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp == 0xFD3E;
}

/* Token t continues the sentence that a full stop seemed to end. */
static bool sent_continues(const char *text, const rasd_token *t)
{
    uint32_t cp = sent_first_cp(text, t);
    if (t->kind == RASD_TOK_PUNCT)
        return sent_is_comma(cp);
    return t->kind == RASD_TOK_LATIN && cp >= 'a' && cp <= 'z';
}

/* Where to cut a sentence [b, i) that reached the cap. */
static size_t sent_cut(const char *text, const tokvec *tv, size_t b, size_t i)
{
    size_t lo = i - b > SENT_LOOKBACK ? i - SENT_LOOKBACK : b + 1;
    for (size_t k = i; k-- > lo;) {
        const rasd_token *t = &tv->v[k];
        if (t->kind == RASD_TOK_PUNCT && sent_is_comma(sent_first_cp(text, t)))
            return k + 1;
    }
    for (size_t k = i; k-- > lo;) {
        const rasd_token *t = &tv->v[k];
        if (t->kind == RASD_TOK_ARABIC && sent_first_cp(text, t) == 0x648)
            return k;
    }
    return i;
}

/* End of the sentence-final run starting with SENT_END token i: further
 * final marks, closing quotes and brackets (not past a line break nor
 * past the cap `lim`). */
static size_t sent_final_run(const char *text, const tokvec *tv, size_t i, size_t lim,
                             bool brk)
{
    size_t j = i + 1;
    while (j < lim && !(brk && sent_newline(text, tv, j - 1))) {
        const rasd_token *t = &tv->v[j];
        if (!(t->flags & (RASD_TOKF_SENT_END | RASD_TOKF_QUOTE_CLOSE)) &&
            !(t->kind == RASD_TOK_PUNCT && sent_is_close_bracket(sent_first_cp(text, t))))
            break;
        j++;
    }
    return j;
}

rasd_status text_split_sentences(const char *text, const tokvec *tv, size_t first,
                                 sentvec *sv)
{
    if (!text || !tv || !sv)
        return err_set(RASD_ERR_ARG, "text_split_sentences: NULL argument");
    ctab_init();
    size_t n = tv->n, b = first, i = first;
    /* no break anywhere between the tokens: sent_newline is always false */
    bool brk = n > first && sent_any_break(text, tv->v[first].end, tv->v[n - 1].start);
    while (i < n) {
        if (i > b && brk && sent_newline(text, tv, i - 1)) {
            if (!sent_push(sv, tv, b, i))
                goto nomem;
            b = i;
        }
        if (i - b >= RASD_MAX_SENT_TOKENS) {
            size_t k = sent_cut(text, tv, b, i);
            if (!sent_push(sv, tv, b, k))
                goto nomem;
            b = k;
            continue;
        }
        if (!(tv->v[i].flags & RASD_TOKF_SENT_END)) {
            i++;
            continue;
        }
        size_t lim = b + RASD_MAX_SENT_TOKENS < n ? b + RASD_MAX_SENT_TOKENS : n;
        size_t j = sent_final_run(text, tv, i, lim, brk);
        if (j < n && j < lim && !(brk && sent_newline(text, tv, j - 1)) &&
            sent_continues(text, &tv->v[j])) {
            i = j;
            continue;
        }
        if (!sent_push(sv, tv, b, j))
            goto nomem;
        b = i = j;
    }
    if (b < n && !sent_push(sv, tv, b, n))
        goto nomem;
    return RASD_OK;
nomem:
    return err_set(RASD_ERR_NOMEM, "text_split_sentences: out of memory at byte %zu",
                   tv->v[b].start);
}
