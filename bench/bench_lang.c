/* bench_lang.c - the language layer on one core: clitic segmentation, UPOS
 * tagging and named entities over the sentences of a JSONL corpus, with the
 * per-stage split. Documents are read and segmented into sentences before
 * timing starts. Usage: bench_lang CORPUS.jsonl [runs] [max_docs] */
#include "core/doc.h"
#include "morph/morph.h"
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

typedef struct corpus {
    rasd_doc **docs;
    size_t n, cap, tokens, sents;
} corpus;

static int load(const rasd_ctx *ctx, const char *path, size_t max, corpus *c)
{
    rasd_reader *r;
    if (rasd_reader_open(ctx, path, RASD_FMT_JSONL, &r) != RASD_OK)
        return -1;
    rasd_doc *d;
    rasd_status st;
    while ((!max || c->n < max) && (st = rasd_reader_next(r, &d)) != RASD_DONE) {
        if (st != RASD_OK)
            continue;
        if (rasd_doc_analyze(ctx, d) != RASD_OK) {
            rasd_doc_free(d);
            continue;
        }
        if (c->n == c->cap) {
            c->cap = c->cap ? 2 * c->cap : 1024;
            c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
        }
        c->docs[c->n++] = d;
        c->tokens += d->n_toks;
        c->sents += d->n_sents;
    }
    rasd_reader_free(r);
    return 0;
}

typedef struct times {
    double seg, tag, ner;
} times;

static void run(const corpus *c, const morph_model *mm, const ner_model *nm, ner_work *nw,
                morph_word *mw, uint8_t *tags, times *t)
{
    double t0 = now();
    for (size_t d = 0; d < c->n; d++) { /* segmentation alone */
        const rasd_doc *doc = c->docs[d];
        for (size_t i = 0; i < doc->n_toks; i++)
            morph_segment(mm, doc->text + doc->toks[i].start,
                          doc->toks[i].end - doc->toks[i].start, &mw[0]);
    }
    double t1 = now();
    for (size_t d = 0; d < c->n; d++) { /* segmentation + tagging */
        const rasd_doc *doc = c->docs[d];
        for (size_t s = 0; s < doc->n_sents; s++) {
            const rasd_sentence *se = &doc->sents[s];
            morph_tag_sentence(mm, doc->text, doc->toks + se->tok_begin,
                               se->tok_end - se->tok_begin, mw);
        }
    }
    double t2 = now();
    for (size_t d = 0; d < c->n; d++) { /* named entities */
        const rasd_doc *doc = c->docs[d];
        for (size_t s = 0; s < doc->n_sents; s++) {
            const rasd_sentence *se = &doc->sents[s];
            ner_tag_tokens(nm, nw, doc->toks + se->tok_begin, se->tok_end - se->tok_begin, tags);
        }
    }
    double t3 = now();
    t->seg = t1 - t0;
    t->tag = t2 - t1;
    t->ner = t3 - t2;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_lang CORPUS.jsonl [runs] [max_docs]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    size_t max = argc > 3 ? (size_t)atol(argv[3]) : 5000;
    if (runs < 1 || runs > 50)
        runs = 5;
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;
    rasd_ctx *ctx;
    morph_model *mm;
    ner_model *nm;
    ner_work *nw;
    double l0 = now();
    if (rasd_ctx_new(&cfg, &ctx) != RASD_OK || morph_load(ctx->data_dir, &mm) != RASD_OK ||
        ner_load(ctx->data_dir, &nm) != RASD_OK || ner_work_new(&nw) != RASD_OK) {
        fprintf(stderr, "bench_lang: %s\n", rasd_errmsg());
        return 1;
    }
    double load_ms = (now() - l0) * 1e3;
    corpus c = {0};
    if (load(ctx, argv[1], max, &c) != 0) {
        fprintf(stderr, "bench_lang: %s\n", rasd_errmsg());
        return 1;
    }
    morph_word *mw = malloc(RASD_MAX_SENT_TOKENS * sizeof *mw);
    uint8_t *tags = malloc(RASD_MAX_SENT_TOKENS);
    double seg[50], tag[50], ner[50], all[50];
    for (int r = 0; r < runs; r++) {
        times t;
        run(&c, mm, nm, nw, mw, tags, &t);
        seg[r] = t.seg, tag[r] = t.tag, ner[r] = t.ner, all[r] = t.tag + t.ner;
        printf("run %d: seg %.3f s, seg+tag %.3f s, ner %.3f s\n", r + 1, t.seg, t.tag, t.ner);
    }
    qsort(seg, (size_t)runs, sizeof *seg, cmp);
    qsort(tag, (size_t)runs, sizeof *tag, cmp);
    qsort(ner, (size_t)runs, sizeof *ner, cmp);
    qsort(all, (size_t)runs, sizeof *all, cmp);
    double T = (double)c.tokens;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("median of %d over %zu docs, %zu sentences, %zu tokens:\n"
           "  segmentation            %10.0f tokens/s\n"
           "  segmentation + tagging  %10.0f tokens/s\n"
           "  named entities          %10.0f tokens/s\n"
           "  all three               %10.0f tokens/s\n"
           "  model load %.1f ms, peak RSS %.1f MB (documents held in memory)\n",
           runs, c.n, c.sents, c.tokens, T / seg[runs / 2], T / tag[runs / 2],
           T / ner[runs / 2], T / all[runs / 2], load_ms, ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < c.n; i++)
        rasd_doc_free(c.docs[i]);
    free(c.docs);
    free(mw);
    free(tags);
    ner_work_free(nw);
    ner_free(nm);
    morph_free(mm);
    rasd_ctx_free(ctx);
    return 0;
}
