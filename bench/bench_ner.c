/* bench_ner.c - named-entity tagging speed on a JSONL corpus, one core.
 * Documents are read and analysed untimed; only ner_tag_tokens over every
 * sentence is timed, so the figure is the NER stage alone.
 * Usage: bench_ner CORPUS.jsonl [runs] [max_docs]
 * Prints the model load time, one line per run and the median tokens/s,
 * and peak RSS. */
#include "rasd.h"
#include "ner/ner.h"
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
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
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
    size_t docs, toks, ents;
} result;

static void tag_doc(const ner_model *m, ner_work *w, const rasd_doc *doc,
                    uint8_t *tags, ner_span *sp, result *r)
{
    const rasd_token *tk = rasd_doc_tokens(doc);
    const rasd_sentence *ss = rasd_doc_sentences(doc);
    size_t ns = rasd_doc_sentence_count(doc);
    double t0 = now();
    ner_work_reset(w);   /* document memory starts afresh per article */
    for (size_t s = 0; s < ns; s++) {
        size_t n = ss[s].tok_end - ss[s].tok_begin;
        if (ner_tag_tokens(m, w, tk + ss[s].tok_begin, n, tags) == RASD_OK)
            r->ents += ner_spans(tags, n, sp);
        r->toks += n;
    }
    r->secs += now() - t0;
}

static int run_once(const rasd_ctx *ctx, const ner_model *m, const char *data,
                    size_t len, size_t max_docs, result *r)
{
    rasd_reader *rd;
    ner_work *w;
    memset(r, 0, sizeof *r);
    uint8_t *tags = malloc(RASD_MAX_SENT_TOKENS * 4);
    ner_span *sp = malloc(RASD_MAX_SENT_TOKENS * 4 * sizeof *sp);
    if (!tags || !sp || ner_work_new(&w) != RASD_OK) {
        free(tags), free(sp);
        return -1;
    }
    if (rasd_reader_open_mem(ctx, "corpus", data, len, RASD_FMT_JSONL, &rd) != RASD_OK) {
        free(tags), free(sp), ner_work_free(w);
        return -1;
    }
    while (!max_docs || r->docs < max_docs) {
        rasd_doc *doc;
        rasd_status st = rasd_reader_next(rd, &doc);
        if (st == RASD_DONE)
            break;
        if (st != RASD_OK)
            continue;
        if (rasd_doc_analyze(ctx, doc) == RASD_OK) {
            tag_doc(m, w, doc, tags, sp, r);
            r->docs++;
        }
        rasd_doc_free(doc);
    }
    rasd_reader_free(rd);
    ner_work_free(w);
    free(tags), free(sp);
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
        fprintf(stderr, "usage: bench_ner CORPUS.jsonl [runs] [max_docs]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    size_t max_docs = argc > 3 ? (size_t)atol(argv[3]) : 0;
    size_t len;
    char *data = slurp(argv[1], &len);
    if (!data) {
        fprintf(stderr, "bench_ner: cannot read %s\n", argv[1]);
        return 1;
    }
    rasd_ctx *ctx;
    ner_model *m;
    double t0 = now();
    if (ner_load(NULL, &m) != RASD_OK) {
        fprintf(stderr, "bench_ner: %s\n", rasd_errmsg());
        free(data);
        return 1;
    }
    double load = now() - t0;
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;   /* time NER alone: no other models */
    if (rasd_ctx_new(&cfg, &ctx) != RASD_OK) {
        fprintf(stderr, "bench_ner: %s\n", rasd_errmsg());
        return 1;
    }
    printf("model load: %.1f ms\n", load * 1e3);
    double secs[100];
    result r = {0};
    for (int i = 0; i < runs; i++) {
        if (run_once(ctx, m, data, len, max_docs, &r) != 0) {
            fprintf(stderr, "bench_ner: %s\n", rasd_errmsg());
            return 1;
        }
        secs[i] = r.secs;
        printf("run %d: %.3f s NER  %zu docs  %zu tokens  %zu entities  %.0f tokens/s\n",
               i + 1, r.secs, r.docs, r.toks, r.ents, r.toks / r.secs);
    }
    qsort(secs, (size_t)runs, sizeof secs[0], cmp_double);
    double med = secs[runs / 2];
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("median of %d: %.3f s  %.0f tokens/s  %.0f entities/s  peak RSS %.1f MB "
           "(corpus %.1f MB held in memory)\n", runs, med, r.toks / med,
           r.ents / med, ru.ru_maxrss / 1024.0, len / 1e6);
    rasd_ctx_free(ctx);
    ner_free(m);
    free(data);
    return 0;
}
