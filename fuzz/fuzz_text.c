/* fuzz_text.c - libFuzzer target for the text core: arbitrary bytes through
 * UTF-8 validation and repair, normalisation (with offsets) of the repaired
 * text, and tokenising + sentence splitting line by line (as the document
 * analysis does) and of the raw bytes as one region. Checks the invariants
 * the rest of rasd relies on; any violation traps. */
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_utf8(const char *s, size_t n)
{
    size_t bad = utf8_find_invalid(s, n), off = 12345;
    FZ_CHECK(bad <= n);
    FZ_CHECK(utf8_find_invalid(s, bad) == bad); /* the prefix is valid */
    FZ_CHECK((rasd_utf8_check(s, n, &off) == RASD_OK) == (bad == n));
    FZ_CHECK(off == bad);
}

static void fz_norm(const char *s, size_t n, unsigned flags)
{
    char *out;
    size_t len, *offs;
    FZ_CHECK(rasd_normalize(s, n, flags, &out, &len, &offs) == RASD_OK);
    FZ_CHECK(len <= n && strlen(out) <= len && out[len] == '\0');
    FZ_CHECK(utf8_find_invalid(out, len) == len);
    for (size_t i = 0; i < len; i++)
        FZ_CHECK(offs[i] < n && (i == 0 || offs[i] >= offs[i - 1]));
    FZ_CHECK(offs[len] == n);
    rasd_free(out);
    rasd_free(offs);
}

/* Tokens of [start, end) and their sentences. */
static void fz_tokens(const char *text, size_t start, size_t end, unsigned flags,
                      tokvec *tv, sentvec *sv, char *normbuf, char **cur)
{
    size_t first = tv->n, sfirst = sv->n;
    char *cur0 = *cur;
    FZ_CHECK(text_tokenize(text, start, end, flags, tv, cur) == RASD_OK);
    FZ_CHECK(*cur >= cur0 && (size_t)(*cur - cur0) <= 2 * (end - start) + 1);
    size_t prev = start;
    for (size_t i = first; i < tv->n; i++) {
        const rasd_token *t = &tv->v[i];
        FZ_CHECK(t->start >= prev && t->start < t->end && t->end <= end);
        FZ_CHECK(t->end - t->start <= RASD_MAX_TOKEN_BYTES);
        FZ_CHECK(t->norm_len <= t->end - t->start);
        FZ_CHECK(t->norm >= normbuf && t->norm + t->norm_len < *cur);
        FZ_CHECK(t->norm[t->norm_len] == '\0');
        FZ_CHECK(t->kind >= RASD_TOK_ARABIC && t->kind <= RASD_TOK_OTHER);
        prev = t->end;
    }
    if (tv->n == first)
        return;
    FZ_CHECK(text_split_sentences(text, tv, first, sv) == RASD_OK);
    size_t next = first;
    for (size_t i = sfirst; i < sv->n; i++) {
        const rasd_sentence *s = &sv->v[i];
        FZ_CHECK(s->tok_begin == next && s->tok_end > s->tok_begin);
        FZ_CHECK(s->tok_end - s->tok_begin <= RASD_MAX_SENT_TOKENS);
        FZ_CHECK(s->start == tv->v[s->tok_begin].start);
        FZ_CHECK(s->end == tv->v[s->tok_end - 1].end);
        next = s->tok_end;
    }
    FZ_CHECK(next == tv->n);
}

/* Every line of a valid text, as rasd_doc_analyze calls the tokeniser. */
static void fz_lines(const char *text, size_t n, unsigned flags)
{
    char *normbuf = malloc(2 * n + 1), *cur = normbuf;
    tokvec tv = {0};
    sentvec sv = {0};
    size_t pos = 0;
    while (pos <= n) {
        const char *nl = memchr(text + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - text) : n;
        fz_tokens(text, pos, end, flags, &tv, &sv, normbuf, &cur);
        pos = end + 1;
    }
    FZ_CHECK((size_t)(cur - normbuf) <= 2 * n + 1);
    tokvec_free(&tv);
    sentvec_free(&sv);
    free(normbuf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    unsigned flags = size ? (data[0] * 7u) & 0x3FF : RASD_NORM_DEFAULT;
    fz_utf8(s, size);

    char *fixed;
    size_t flen, reps;
    FZ_CHECK(rasd_utf8_repair(s, size, &fixed, &flen, &reps) == RASD_OK);
    FZ_CHECK(utf8_find_invalid(fixed, flen) == flen && fixed[flen] == '\0');
    FZ_CHECK((reps == 0) == (utf8_find_invalid(s, size) == size));
    if (!reps)
        FZ_CHECK(flen == size && !memcmp(fixed, s, size));

    fz_norm(fixed, flen, flags);
    fz_norm(fixed, flen, RASD_NORM_ALL);
    fz_lines(fixed, flen, RASD_NORM_DEFAULT);
    fz_lines(fixed, flen, flags);
    rasd_free(fixed);

    /* The raw bytes as one region: invalid UTF-8 must not crash either. */
    char *normbuf = malloc(2 * size + 1), *cur = normbuf;
    tokvec tv = {0};
    sentvec sv = {0};
    fz_tokens(s, 0, size, flags, &tv, &sv, normbuf, &cur);
    tokvec_free(&tv);
    sentvec_free(&sv);
    free(normbuf);
    return 0;
}
