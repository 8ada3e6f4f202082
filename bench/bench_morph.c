/* bench_morph.c - throughput of segmentation + tagging (src/morph).
 *
 *   bench_morph [--data DIR] [--docs N] [--runs R] FILE.jsonl|FILE.txt
 *
 * Documents are read and analysed (cleaning, tokenising, sentences) first;
 * only the morph stages are timed: R runs (default 5) over every sentence,
 * reporting the median in tokens per second (thread CPU time, and wall time)
 * for segmentation alone and for segmentation + tagging. Decompress the ANT
 * corpus to /tmp first. */
#include "rasd.h"
#include "morph/morph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this thread: on a shared machine, waiting for a core is not
 * the stage's cost (wall time is also shown for the load). */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static size_t load_docs(const char *path, rasd_ctx *ctx, size_t max,
                        rasd_doc ***out)
{
    rasd_reader *r;
    *out = NULL;
    if (rasd_reader_open(ctx, path, RASD_FMT_AUTO, &r)) {
        fprintf(stderr, "bench_morph: %s\n", rasd_errmsg());
        return 0;
    }
    rasd_doc **docs = malloc(max * sizeof *docs);
    size_t n = 0;
    rasd_doc *d;
    rasd_status st;
    while (docs && n < max && (st = rasd_reader_next(r, &d)) != RASD_DONE) {
        if (st == RASD_ERR_IO)
            break;
        if (st == RASD_OK && rasd_doc_analyze(ctx, d) == RASD_OK)
            docs[n++] = d;
        else if (st == RASD_OK)
            rasd_doc_free(d);
    }
    rasd_reader_free(r);
    *out = docs;
    return n;
}

/* One pass over every sentence; returns seconds. */
static double run(const morph_model *m, rasd_doc **docs, size_t nd, int tag,
                  morph_word *mw, size_t *ntok, unsigned long *sink)
{
    double t0 = now();
    *ntok = 0;
    for (size_t d = 0; d < nd; d++) {
        size_t len;
        const char *text = rasd_doc_text(docs[d], &len);
        const rasd_sentence *sv = rasd_doc_sentences(docs[d]);
        const rasd_token *tv = rasd_doc_tokens(docs[d]);
        for (size_t i = 0; i < rasd_doc_sentence_count(docs[d]); i++) {
            size_t a = sv[i].tok_begin, n = sv[i].tok_end - a;
            if (tag) {
                morph_tag_sentence(m, text, tv + a, n, mw);
            } else {
                for (size_t j = 0; j < n; j++)
                    morph_segment(m, text + tv[a + j].start,
                                  tv[a + j].end - tv[a + j].start, &mw[j]);
            }
            for (size_t j = 0; j < n; j++)
                *sink += mw[j].n_seg + mw[j].upos;
            *ntok += n;
        }
    }
    return now() - t0;
}

static void report(const char *what, double *secs, double *walls, int runs,
                   size_t ntok)
{
    qsort(secs, (size_t)runs, sizeof *secs, cmp_double);
    qsort(walls, (size_t)runs, sizeof *walls, cmp_double);
    double med = secs[runs / 2], wmed = walls[runs / 2];
    printf("%-16s %zu tokens  median CPU %.3f s = %.0f tokens/s  (wall %.3f s = %.0f tokens/s)\n",
           what, ntok, med, (double)ntok / med, wmed, (double)ntok / wmed);
}

int main(int argc, char **argv)
{
    const char *data = RASD_DATA_DIR, *path = NULL;
    size_t max_docs = 5000;
    int runs = 5;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--docs") && i + 1 < argc)
            max_docs = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else
            path = argv[i];
    }
    if (!path || runs < 1 || runs > 99 || !max_docs) {
        fprintf(stderr, "usage: bench_morph [--data DIR] [--docs N] [--runs R] FILE\n");
        return 2;
    }
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.data_dir = data;
    rasd_ctx *ctx;
    morph_model *m;
    if (rasd_ctx_new(&cfg, &ctx) || morph_load(data, &m)) {
        fprintf(stderr, "bench_morph: %s\n", rasd_errmsg());
        return 1;
    }
    double t0 = wall();
    morph_model *m2;
    if (morph_load(data, &m2) == RASD_OK)
        morph_free(m2);
    printf("model load: %.2f ms (wall)\n", (wall() - t0) * 1e3);
    rasd_doc **docs = NULL;
    size_t nd = load_docs(path, ctx, max_docs, &docs), ntok = 0;
    morph_word *mw = malloc(RASD_MAX_SENT_TOKENS * sizeof *mw);
    unsigned long sink = 0;
    double secs[99], walls[99];
    for (int tag = 0; tag < 2 && mw; tag++) {
        for (int r = 0; r < runs; r++) {
            double w0 = wall();
            secs[r] = run(m, docs, nd, tag, mw, &ntok, &sink);
            walls[r] = wall() - w0;
        }
        report(tag ? "segment + tag:" : "segment only:", secs, walls, runs, ntok);
    }
    printf("(%zu documents; checksum %lu)\n", nd, sink);
    for (size_t d = 0; d < nd; d++)
        rasd_doc_free(docs[d]);
    free(docs);
    free(mw);
    morph_free(m);
    rasd_ctx_free(ctx);
    return 0;
}
