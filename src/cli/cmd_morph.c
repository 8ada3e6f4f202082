/* cmd_morph.c - `rasd morph`: segments, keys and UPOS of every token;
 * `rasd morph eval-seg|eval-pos FILE`; the trainers behind `rasd train seg`
 * and `rasd train pos` (argv[0] is the stage name in each). */
#include "cli.h"
#include "../morph/morph_int.h"

#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

static const char morph_usage[] =
    "rasd morph [--seg PATH] [--pos PATH] [--in FMT] [--data DIR] [-j N] [FILE...|-]\n"
    "    one line per token: start, end, surface, segments (a+b+c; a zero-width\n"
    "    article shows as (ال)), segment labels (UPOS per word, DET for the\n"
    "    article), stem UPOS, stem key, lemma key; blank line between sentences\n"
    "rasd morph eval-seg [--seg PATH] FILE[@A:B]   segmentation F1 on a treebank\n"
    "rasd morph eval-pos [--seg PATH] [--pos PATH] FILE[@A:B]   UPOS accuracy\n"
    "    (@A:B selects sentences A%..B% of the file)";

/* Take "--name VALUE" / "--name=VALUE" out of argv; returns the new argc. */
static int take_opt(int argc, char **argv, const char *name, const char **val)
{
    int kept = 1;
    size_t n = strlen(name);
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], name, n) && argv[i][n] == '=')
            *val = argv[i] + n + 1;
        else if (!strcmp(argv[i], name) && i + 1 < argc)
            *val = argv[++i];
        else
            argv[kept++] = argv[i];
    }
    return kept;
}

static morph_model *open_model(const char *seg, const char *pos,
                               const char *data, int need_pos, cli_io *io)
{
    char sp[4096], pp[4096];
    const char *dir = data ? data : RASD_DATA_DIR;
    snprintf(sp, sizeof sp, "%s/models/seg.bin", dir);
    snprintf(pp, sizeof pp, "%s/models/pos.bin", dir);
    morph_model *m;
    if (morph_load_files(seg ? seg : sp, pos ? pos : need_pos ? pp : NULL, &m)) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return NULL;
    }
    return m;
}

/* ---------------------------------------------------------- documents */

static void put_token(buf *out, const char *text, const rasd_token *t,
                      const morph_word *w)
{
    const char *s = text + t->start;
    buf_printf(out, "%zu\t%zu\t", t->start, t->end);
    buf_put(out, s, t->end - t->start);
    buf_putc(out, '\t');
    for (int k = 0; k < w->n_seg; k++) {
        const morph_seg *g = &w->seg[k];
        if (k)
            buf_putc(out, '+');
        if (g->start == g->end)
            buf_puts(out, g->kind == MSEG_DET ? "(ال)" : "()");
        else
            buf_put(out, s + g->start, (size_t)(g->end - g->start));
    }
    buf_putc(out, '\t');
    for (int k = 0; k < w->n_seg; k++) {
        if (k)
            buf_putc(out, '+');
        buf_puts(out, w->seg[k].kind == MSEG_DET ? "DET" : morph_upos_str(w->seg[k].upos));
    }
    buf_printf(out, "\t%s\t%s\t%s\n", morph_upos_str(w->upos), w->stem_key,
               w->lemma_key);
}

static rasd_status morph_doc(const rasd_ctx *ctx, rasd_doc *doc, buf *out,
                             size_t *stats, void *ud)
{
    const morph_model *m = ud;
    rasd_status st = rasd_doc_analyze(ctx, doc);
    if (st)
        return st;
    size_t len, ns = rasd_doc_sentence_count(doc);
    const char *text = rasd_doc_text(doc, &len);
    const rasd_sentence *sv = rasd_doc_sentences(doc);
    const rasd_token *tv = rasd_doc_tokens(doc);
    morph_word *mw = malloc(RASD_MAX_SENT_TOKENS * sizeof *mw);
    if (!mw)
        return err_set(RASD_ERR_NOMEM, "morph: out of memory");
    buf_printf(out, "# doc %s\n", rasd_doc_id(doc) ? rasd_doc_id(doc) : "doc");
    for (size_t i = 0; i < ns && !st; i++) {
        size_t a = sv[i].tok_begin, n = sv[i].tok_end - a;
        if (n > RASD_MAX_SENT_TOKENS)
            n = RASD_MAX_SENT_TOKENS;
        st = morph_tag_sentence(m, text, tv + a, n, mw);
        for (size_t j = 0; !st && j < n; j++)
            put_token(out, text, &tv[a + j], &mw[j]);
        buf_putc(out, '\n');
    }
    free(mw);
    if (stats)
        *stats = rasd_doc_token_count(doc);
    return st;
}

/* Standard input through io->in (so that the command also runs in-process
 * with any stream); files go through cli_for_each_doc. */
static int morph_stdin(const rasd_ctx *ctx, const cli_read_opts *o,
                       const morph_model *m, cli_io *io)
{
    buf in, out;
    buf_init(&in);
    buf_init(&out);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, io->in)) > 0)
        buf_put(&in, chunk, got);
    rasd_reader *r;
    if (in.oom || rasd_reader_open_mem(ctx, "<stdin>", in.data ? in.data : "",
                                       in.len, o->fmt, &r)) {
        fprintf(io->err, "rasd: %s\n", in.oom ? "out of memory" : rasd_errmsg());
        buf_free(&in);
        return CLI_FATAL;
    }
    int rc = CLI_OK;
    for (;;) {
        rasd_doc *doc = NULL;
        rasd_status st = rasd_reader_next(r, &doc), rd = st;
        if (st == RASD_DONE)
            break;
        if (st == RASD_OK)
            st = morph_doc(ctx, doc, &out, NULL, (void *)m);
        if (st == RASD_OK) {
            fwrite(out.data, 1, out.len, io->out);
        } else {
            fprintf(io->err, "rasd: %s\n", rasd_errmsg());
            rc = CLI_REJECTED;
        }
        buf_reset(&out);
        if (rd == RASD_OK)
            rasd_doc_free(doc);
        if (rd == RASD_ERR_IO)
            break;
    }
    rasd_reader_free(r);
    buf_free(&in);
    buf_free(&out);
    fflush(io->out);
    return rc;
}

/* ---------------------------------------------------------- evaluation */

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static void print_seg(FILE *f, const char *spec, const meval *e)
{
    double p = pct(e->match, e->pred), r = pct(e->match, e->gold);
    fprintf(f, "segmentation %s\n", spec);
    fprintf(f, "  words: gold %zu, predicted %zu, matched %zu\n", e->gold, e->pred, e->match);
    fprintf(f, "  precision %.2f  recall %.2f  F1 %.2f\n", p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    if (e->tok)
        fprintf(f, "  Arabic tokens split exactly right: %zu/%zu = %.2f%%\n", e->tok_ok, e->tok, pct(e->tok_ok, e->tok));
    if (e->skipped_toks)
        fprintf(f, "  (%zu tokens left unanalysed by the treebank not scored)\n", e->skipped_toks);
    if (e->bad_sents)
        fprintf(f, "  (%zu sentences skipped: words do not align with # text)\n", e->bad_sents);
}

static void print_pos(FILE *f, const char *spec, const meval *e)
{
    double p = pct(e->raw_match_tag, e->pred), r = pct(e->raw_match_tag, e->gold);
    fprintf(f, "upos %s\n", spec);
    fprintf(f, "  gold segmentation: %zu/%zu = %.2f%%\n", e->pos_ok, e->pos_gold,
            pct(e->pos_ok, e->pos_gold));
    fprintf(f, "  raw text (span+tag): precision %.2f  recall %.2f  F1 %.2f\n", p, r,
            p + r > 0 ? 2 * p * r / (p + r) : 0.0);
    fprintf(f, "  most frequent confusions, gold segmentation (gold->predicted):");
    size_t conf[UPOS_COUNT][UPOS_COUNT];
    memcpy(conf, e->conf, sizeof conf);
    for (int k = 0; k < 8; k++) {
        size_t best = 0;
        int bg = 0, bp = 0;
        for (int g = 1; g < UPOS_COUNT; g++)
            for (int q = 0; q < UPOS_COUNT; q++)
                if (g != q && conf[g][q] > best)
                    best = conf[g][q], bg = g, bp = q;
        if (!best)
            break;
        fprintf(f, " %s->%s %zu", morph_upos_str(bg), morph_upos_str(bp), best);
        conf[bg][bp] = 0;
    }
    fprintf(f, "\n");
}

static int morph_eval(int argc, char **argv, cli_io *io, int pos)
{
    const char *seg = NULL, *posp = NULL, *data = NULL;
    argc = take_opt(argc, argv, "--seg", &seg);
    argc = take_opt(argc, argv, "--pos", &posp);
    argc = take_opt(argc, argv, "--data", &data);
    if (argc < 2) {
        fprintf(io->err, "usage: %s\n", morph_usage);
        return CLI_USAGE;
    }
    morph_model *m = open_model(seg, posp, data, pos, io);
    if (!m)
        return CLI_FATAL;
    int rc = CLI_OK;
    for (int i = 1; i < argc && rc == CLI_OK; i++) {
        meval *e = calloc(1, sizeof *e);
        rasd_status st = !e ? RASD_ERR_NOMEM
                         : pos ? morph_eval_pos(m, argv[i], e)
                               : morph_eval_seg(m, argv[i], e);
        if (st) {
            fprintf(io->err, "rasd: %s\n", rasd_errmsg());
            rc = CLI_FATAL;
        } else if (pos) {
            print_seg(io->out, argv[i], e);
            print_pos(io->out, argv[i], e);
        } else {
            print_seg(io->out, argv[i], e);
        }
        free(e);
    }
    morph_free(m);
    return rc;
}

int cmd_morph(int argc, char **argv, cli_io *io)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fprintf(io->out, "usage: %s\n", morph_usage);
        return CLI_OK;
    }
    if (argc >= 2 && !strcmp(argv[1], "eval-seg"))
        return morph_eval(argc - 1, argv + 1, io, 0);
    if (argc >= 2 && !strcmp(argv[1], "eval-pos"))
        return morph_eval(argc - 1, argv + 1, io, 1);
    const char *seg = NULL, *pos = NULL;
    argc = take_opt(argc, argv, "--seg", &seg);
    argc = take_opt(argc, argv, "--pos", &pos);
    cli_read_opts o;
    int first = cli_parse_read_opts(argc, argv, io, &o, morph_usage);
    if (first < 0)
        return CLI_USAGE;
    morph_model *m = open_model(seg, pos, o.cfg.data_dir, 1, io);
    if (!m)
        return CLI_FATAL;
    rasd_ctx *ctx;
    if (rasd_ctx_new(&o.cfg, &ctx)) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        morph_free(m);
        return CLI_FATAL;
    }
    int from_stdin = argc - first == 0 ||
                     (argc - first == 1 && !strcmp(argv[first], "-"));
    int rc = from_stdin ? morph_stdin(ctx, &o, m, io)
                        : cli_for_each_doc(ctx, &o, argc - first, argv + first,
                                           io, morph_doc, m, NULL);
    rasd_ctx_free(ctx);
    morph_free(m);
    return rc;
}

/* ---------------------------------------------------------- training */

static const char train_usage[] =
    "rasd train seg|pos [--train SPEC]... [--dev SPEC] [--out PATH] [--seed N]\n"
    "                   [--epochs N] [--shared DIR]\n"
    "   seg only:       [--news PATH] [--news-bytes N] [--cache-words N]\n"
    "   pos only:       [--prune X]\n"
    "  SPEC is a CoNLL-U file, optionally FILE@A:B for sentences A%..B%.\n"
    "  Defaults: train on DIR/data/ud/ar-ud-dev.v1.3-2016.conllu and the first\n"
    "  80% of ar-ud-test; dev = the last 20% of ar-ud-test; news (seg) =\n"
    "  DIR/data/news/ant-corpus-v2.1.jsonl.zst; DIR = ../shared;\n"
    "  out = data/models/seg.bin or pos.bin.";

static void log_line(void *ud, const char *line)
{
    fputs(line, (FILE *)ud);
    fflush((FILE *)ud);
}

typedef struct train_args {
    mtrain_opts o;
    const char *train[16];
    char def_train[2][4200], def_dev[4200], def_news[4200];
    char argline[1024];
} train_args;

static int parse_num(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

static int train_parse(int argc, char **argv, int pos, train_args *a, cli_io *io)
{
    mtrain_opts *o = &a->o;
    const char *shared = "../shared";
    double v;
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->epochs = pos ? 8 : 10;
    o->cache_words = 1u << 16;
    o->prune = pos ? 1.0f : 0.0f;
    o->train = a->train;
    for (int i = 1; i < argc; i++) {
        const char *k = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!val) {
            fprintf(io->err, "rasd: option %s needs a value\nusage: %s\n", k, train_usage);
            return -1;
        }
        i++;
        if (!strcmp(k, "--train") && o->ntrain < 16)
            a->train[o->ntrain++] = val;
        else if (!strcmp(k, "--dev"))
            o->dev = val;
        else if (!strcmp(k, "--news"))
            o->news = val;
        else if (!strcmp(k, "--out"))
            o->out = val;
        else if (!strcmp(k, "--shared"))
            shared = val;
        else if (!strcmp(k, "--seed") && parse_num(val, 0, 4e9, &v))
            o->seed = (unsigned long)v;
        else if (!strcmp(k, "--epochs") && parse_num(val, 1, 100, &v))
            o->epochs = (int)v;
        else if (!strcmp(k, "--cache-words") && parse_num(val, 0, 4e6, &v))
            o->cache_words = (size_t)v;
        else if (!strcmp(k, "--news-bytes") && parse_num(val, 1, 1e12, &v))
            o->max_news_bytes = (size_t)v;
        else if (!strcmp(k, "--prune") && parse_num(val, 0, 1e6, &v))
            o->prune = (float)v;
        else {
            fprintf(io->err, "rasd: bad option %s %s\nusage: %s\n", k, val, train_usage);
            return -1;
        }
    }
    if (!o->ntrain) {
        snprintf(a->def_train[0], sizeof a->def_train[0], "%s/data/ud/ar-ud-dev.v1.3-2016.conllu", shared);
        snprintf(a->def_train[1], sizeof a->def_train[1], "%s/data/ud/ar-ud-test.v1.3-2016.conllu@0:80", shared);
        a->train[0] = a->def_train[0];
        a->train[1] = a->def_train[1];
        o->ntrain = 2;
        if (!o->dev) {
            snprintf(a->def_dev, sizeof a->def_dev, "%s/data/ud/ar-ud-test.v1.3-2016.conllu@80:100", shared);
            o->dev = a->def_dev;
        }
    }
    if (!pos && !o->news) {
        snprintf(a->def_news, sizeof a->def_news, "%s/data/news/ant-corpus-v2.1.jsonl.zst", shared);
        o->news = a->def_news;
    }
    if (!o->out)
        o->out = pos ? RASD_DATA_DIR "/models/pos.bin" : RASD_DATA_DIR "/models/seg.bin";
    size_t n = 0;
    a->argline[0] = 0;
    for (int i = 0; i < argc && n + 2 < sizeof a->argline; i++)
        n += (size_t)snprintf(a->argline + n, sizeof a->argline - n, "%s%s",
                              i ? " " : "rasd train ", argv[i]);
    o->argv_line = a->argline;
    o->log = log_line;
    o->log_ud = io->err;
    return 0;
}

static int train_dev_report(const train_args *a, int pos, cli_io *io)
{
    if (!a->o.dev)
        return CLI_OK;
    /* The tagger is scored with the segmenter that sits beside it. */
    char seg[4200];
    const char *slash = strrchr(a->o.out, '/');
    if (!pos)
        snprintf(seg, sizeof seg, "%s", a->o.out);
    else if (slash)
        snprintf(seg, sizeof seg, "%.*s/seg.bin", (int)(slash - a->o.out), a->o.out);
    else
        snprintf(seg, sizeof seg, "seg.bin");
    morph_model *m;
    if (morph_load_files(seg, pos ? a->o.out : NULL, &m)) {
        fprintf(io->err, "rasd: dev report skipped: %s\n", rasd_errmsg());
        return CLI_OK;
    }
    meval *e = calloc(1, sizeof *e);
    rasd_status st = !e ? RASD_ERR_NOMEM
                     : pos ? morph_eval_pos(m, a->o.dev, e) : morph_eval_seg(m, a->o.dev, e);
    if (!st && pos)
        print_pos(io->err, a->o.dev, e);
    else if (!st)
        print_seg(io->err, a->o.dev, e);
    else
        fprintf(io->err, "rasd: dev report failed: %s\n", rasd_errmsg());
    free(e);
    morph_free(m);
    return CLI_OK;
}

static int train_run(int argc, char **argv, cli_io *io, int pos)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fprintf(io->out, "usage: %s\n", train_usage);
        return CLI_OK;
    }
    train_args *a = calloc(1, sizeof *a);
    if (!a)
        return CLI_FATAL;
    int rc = train_parse(argc, argv, pos, a, io) ? CLI_USAGE : CLI_OK;
    if (rc == CLI_OK) {
        rasd_status st = pos ? morph_train_pos(&a->o) : morph_train_seg(&a->o);
        if (st) {
            fprintf(io->err, "rasd: %s\n", rasd_errmsg());
            rc = CLI_FATAL;
        } else {
            rc = train_dev_report(a, pos, io);
        }
    }
    free(a);
    return rc;
}

int cmd_train_seg(int argc, char **argv, cli_io *io)
{
    return train_run(argc, argv, io, 0);
}

int cmd_train_pos(int argc, char **argv, cli_io *io)
{
    return train_run(argc, argv, io, 1);
}
