/* bench_text_core.c - the text core alone on the article texts of a JSONL
 * corpus: UTF-8 validation, and tokenising + normalisation + sentence
 * splitting line by line (as the document analysis calls them), on one core.
 * JSON parsing happens before timing. Usage: bench_text_core CORPUS.jsonl [runs]
 * Prints each run and the medians in MB/s of article text (UTF-8 check;
 * tokenise+normalise; tokenise+normalise+split). */
#include "text/text.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The "text" field of every JSONL line, joined by newlines. */
static bool load_texts(const char *path, buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_t *j = json_loadb(line, (size_t)n, 0, NULL);
        json_t *t = j ? json_object_get(j, "text") : NULL;
        if (json_is_string(t)) {
            buf_put(out, json_string_value(t), json_string_length(t));
            buf_putc(out, '\n');
        }
        json_decref(j);
    }
    free(line);
    fclose(f);
    return out->len > 0 && !out->oom;
}

typedef struct result {
    double secs;
    size_t toks, sents;
} result;

/* Tokenise (with normalisation) every line; with `split`, also split it
 * into sentences. */
static bool run_once(const buf *in, char *norm, bool split, result *r)
{
    tokvec tv = {0};
    sentvec sv = {0};
    double t0 = now();
    size_t pos = 0;
    r->toks = r->sents = 0;
    while (pos < in->len) {
        const char *nl = memchr(in->data + pos, '\n', in->len - pos);
        size_t end = nl ? (size_t)(nl - in->data) : in->len;
        char *cur = norm;
        tv.n = sv.n = 0; /* one line at a time, vectors reused */
        if (text_tokenize(in->data, pos, end, RASD_NORM_DEFAULT, &tv, &cur) != RASD_OK ||
            (split && tv.n && text_split_sentences(in->data, &tv, 0, &sv) != RASD_OK))
            return false;
        r->toks += tv.n;
        r->sents += sv.n;
        pos = end + 1;
    }
    r->secs = now() - t0;
    tokvec_free(&tv);
    sentvec_free(&sv);
    return true;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text_core CORPUS.jsonl [runs]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    buf in;
    buf_init(&in);
    if (!load_texts(argv[1], &in)) {
        fprintf(stderr, "bench_text_core: cannot read texts from %s\n", argv[1]);
        return 1;
    }
    char *norm = malloc(2 * in.len + 1);
    double secs[100], tsecs[100], vsecs[100];
    result r = {0}, rt = {0};
    for (int i = 0; i < runs; i++) {
        double t0 = now();
        size_t bad = utf8_find_invalid(in.data, in.len);
        vsecs[i] = now() - t0;
        if (!norm || bad != in.len || !run_once(&in, norm, false, &rt) ||
            !run_once(&in, norm, true, &r)) {
            fprintf(stderr, "bench_text_core: failed\n");
            return 1;
        }
        secs[i] = r.secs;
        tsecs[i] = rt.secs;
        printf("run %d: utf8 check %.1f MB/s; tokenise+normalise %.1f MB/s; "
               "tokenise+normalise+split %.3f s %.1f MB/s (%zu tokens, %zu sentences)\n",
               i + 1, in.len / vsecs[i] / 1e6, in.len / rt.secs / 1e6, r.secs,
               in.len / r.secs / 1e6, r.toks, r.sents);
    }
    qsort(secs, (size_t)runs, sizeof secs[0], cmp_double);
    qsort(tsecs, (size_t)runs, sizeof tsecs[0], cmp_double);
    qsort(vsecs, (size_t)runs, sizeof vsecs[0], cmp_double);
    double med = secs[runs / 2];
    printf("median of %d over %.1f MB of article text: utf8 check %.0f MB/s; "
           "tokenise+normalise %.1f MB/s; tokenise+normalise+split %.1f MB/s, "
           "%.1f M tokens/s\n",
           runs, in.len / 1e6, in.len / vsecs[runs / 2] / 1e6, in.len / tsecs[runs / 2] / 1e6,
           in.len / med / 1e6, r.toks / med / 1e6);
    free(norm);
    buf_free(&in);
    return 0;
}
