/* bench_read.c - reading + cleaning + normalising + tokenising + sentence
 * splitting of a JSONL corpus held in memory, on one core.
 * Usage: bench_read CORPUS.jsonl [runs]
 * Prints one line per run and the median: MB/s, docs/s, sentences/s,
 * tokens/s, and peak RSS. */
#include "rasd.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p)
        p[n] = '\0';
    *len = (size_t)n;
    return p;
}

typedef struct result {
    double secs;
    size_t docs, sents, toks, rejected;
} result;

static int run_once(const rasd_ctx *ctx, const char *data, size_t len, result *r)
{
    rasd_reader *rd;
    memset(r, 0, sizeof *r);
    double t0 = now();
    if (rasd_reader_open_mem(ctx, "corpus", data, len, RASD_FMT_JSONL, &rd) != RASD_OK)
        return -1;
    for (;;) {
        rasd_doc *doc;
        rasd_status st = rasd_reader_next(rd, &doc);
        if (st == RASD_DONE)
            break;
        if (st != RASD_OK) {
            r->rejected++;
            continue;
        }
        if (rasd_doc_analyze(ctx, doc) == RASD_OK) {
            r->docs++;
            r->sents += rasd_doc_sentence_count(doc);
            r->toks += rasd_doc_token_count(doc);
        } else {
            r->rejected++;
        }
        rasd_doc_free(doc);
    }
    rasd_reader_free(rd);
    r->secs = now() - t0;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_read CORPUS.jsonl [runs]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    size_t len;
    char *data = slurp(argv[1], &len);
    if (!data) {
        fprintf(stderr, "bench_read: cannot read %s\n", argv[1]);
        return 1;
    }
    rasd_ctx *ctx;
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;
    if (rasd_ctx_new(&cfg, &ctx) != RASD_OK) {
        fprintf(stderr, "bench_read: %s\n", rasd_errmsg());
        return 1;
    }
    double secs[100];
    result r = {0};
    for (int i = 0; i < runs; i++) {
        if (run_once(ctx, data, len, &r) != 0) {
            fprintf(stderr, "bench_read: %s\n", rasd_errmsg());
            return 1;
        }
        secs[i] = r.secs;
        printf("run %d: %.3f s  %.1f MB/s  %zu docs  %zu sentences  %zu tokens  %zu rejected\n",
               i + 1, r.secs, len / r.secs / 1e6, r.docs, r.sents, r.toks, r.rejected);
    }
    qsort(secs, (size_t)runs, sizeof secs[0], cmp_double);
    double med = secs[runs / 2];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("median of %d: %.3f s  %.1f MB/s  %.0f docs/s  %.0f sentences/s  %.0f tokens/s  "
           "peak RSS %.1f MB (corpus %.1f MB held in memory)\n",
           runs, med, len / med / 1e6, r.docs / med, r.sents / med, r.toks / med,
           ru.ru_maxrss / 1024.0, len / 1e6);
    rasd_ctx_free(ctx);
    free(data);
    return 0;
}
