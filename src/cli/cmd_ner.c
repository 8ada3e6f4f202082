/* cmd_ner.c - `rasd ner`: named entities of documents (JSON Lines), CoNLL
 * tagging and evaluation, and the NER trainers (`rasd ner train`, `rasd ner
 * clusters`; also reachable as cmd_train_ner for `rasd train ner`). */
#include "cli.h"
#include "../ner/ner.h"
#include <stdlib.h>
#include <string.h>

static const char ner_usage[] =
    "rasd ner [--model PATH] [--in FMT] [--data DIR] [-j N] [FILE...|-]\n"
    "    entities of documents, one JSON object per line:\n"
    "    {\"doc_id\",\"start\",\"end\",\"type\",\"text\"} (byte offsets into the text)\n"
    "rasd ner --conll [--model PATH] [--data DIR] < tokens\n"
    "    tag one token per line (extra columns ignored, blank line between\n"
    "    sentences); writes token<TAB>TAG (B-/I-PERS LOC ORG MISC, O)\n"
    "rasd ner --eval FILE|- [--model PATH] [--data DIR]\n"
    "    entity-level P/R/F1 per type and micro-averaged on a tagged CoNLL file\n"
    "rasd train ner ...          train the tagger (also `rasd ner train`)\n"
    "rasd train ner-clusters ... learn word clusters (also `rasd ner clusters`)\n"
    "rasd train ner-embed ...    embedding clusters (also `rasd ner embed`)\n"
    "rasd train ner-autolex ...  automatic lexicon (also `rasd ner autolex`)";

/* Remove "--model PATH" and "--data DIR" style options we handle ourselves;
 * returns the remaining argc. */
static int ner_take_opt(int argc, char **argv, const char *name, const char **val)
{
    int kept = 1;
    size_t n = strlen(name);
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], name, n) && argv[i][n] == '=') {
            *val = argv[i] + n + 1;
        } else if (!strcmp(argv[i], name) && i + 1 < argc) {
            *val = argv[++i];
        } else {
            argv[kept++] = argv[i];
        }
    }
    return kept;
}

static ner_model *ner_open(const char *model, const char *data, cli_io *io)
{
    ner_model *m = NULL;
    rasd_status st = model ? ner_load_file(model, &m) : ner_load(data, &m);
    if (st) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return NULL;
    }
    return m;
}

/* ---- CoNLL streaming: tag sentence by sentence, linear in the input */

typedef struct conll_state {
    const ner_model *m;
    ner_work *w;
    buf raw, norm;
    size_t n, roff[NER_MAX_CHUNK], noff[NER_MAX_CHUNK];
    ner_word words[NER_MAX_CHUNK];
    uint8_t tags[NER_MAX_CHUNK];
} conll_state;

#define CONLL_NORM_MAX 1024   /* bytes of a token that feed the features */

static int conll_flush(conll_state *c, FILE *out)
{
    for (size_t i = 0; i < c->n; i++) {
        c->words[i].s = c->norm.data + c->noff[i];
        c->words[i].n = (i + 1 < c->n ? c->noff[i + 1] : c->norm.len) - c->noff[i] - 1;
    }
    if (c->n && ner_tag_words(c->m, c->w, c->words, c->n, c->tags))
        return -1;
    for (size_t i = 0; i < c->n; i++)
        fprintf(out, "%s\t%s\n", c->raw.data + c->roff[i], ner_tag_str(c->tags[i]));
    c->n = 0;
    buf_reset(&c->raw);
    buf_reset(&c->norm);
    return 0;
}

static int conll_token(conll_state *c, const char *s, size_t n, FILE *out)
{
    size_t nn = n < CONLL_NORM_MAX ? n : CONLL_NORM_MAX;
    while (nn < n && nn > 0 && ((unsigned char)s[nn] & 0xC0) == 0x80)
        nn--;   /* cut at a character boundary */
    c->roff[c->n] = c->raw.len;
    buf_put(&c->raw, s, n);
    buf_putc(&c->raw, '\0');
    c->noff[c->n] = c->norm.len;
    if (!buf_reserve(&c->norm, nn + 1))
        return -1;
    c->norm.len += ner_norm_word(s, nn, c->norm.data + c->norm.len) + 1;
    if (c->raw.oom)
        return -1;
    if (++c->n == NER_MAX_CHUNK)
        return conll_flush(c, out);
    return 0;
}

static int ner_conll(const ner_model *m, cli_io *io)
{
    conll_state *c = calloc(1, sizeof *c);
    if (!c || ner_work_new(&c->w)) {
        free(c);
        fprintf(io->err, "rasd: out of memory\n");
        return CLI_FATAL;
    }
    c->m = m;
    buf_init(&c->raw);
    buf_init(&c->norm);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (!rc && (len = getline(&line, &cap, io->in)) >= 0) {
        size_t off, tl;
        int gold;
        if (ner_conll_split(line, (size_t)len, &off, &tl, &gold))
            rc = conll_token(c, line + off, tl, io->out);
        else if (!(rc = conll_flush(c, io->out)))
            fputc('\n', io->out);
    }
    if (!rc)
        rc = conll_flush(c, io->out);
    if (rc)
        fprintf(io->err, "rasd: ner: %s\n", rasd_errmsg()[0] ? rasd_errmsg() : "out of memory");
    free(line);
    buf_free(&c->raw);
    buf_free(&c->norm);
    ner_work_free(c->w);
    free(c);
    fflush(io->out);
    return rc ? CLI_FATAL : CLI_OK;
}

/* Whole stream into a corpus (`--eval -`). */
static rasd_status ner_read_stream(ner_corpus *c, FILE *in)
{
    buf b;
    buf_init(&b);
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, in)) > 0)
        buf_put(&b, chunk, k);
    rasd_status st = b.oom ? err_set(RASD_ERR_NOMEM, "out of memory")
                           : ner_corpus_parse(c, b.data ? b.data : "", b.len);
    buf_free(&b);
    return st;
}

static int ner_eval(const ner_model *m, const char *path, cli_io *io)
{
    ner_corpus c;
    memset(&c, 0, sizeof c);
    ner_work *w = NULL;
    uint8_t tags[NER_MAX_CHUNK];
    ner_score sc;
    memset(&sc, 0, sizeof sc);
    rasd_status st = strcmp(path, "-") ? ner_corpus_read(&c, path)
                                       : ner_read_stream(&c, io->in);
    if (!st)
        st = ner_work_new(&w);
    for (size_t s = 0; s < c.n && !st; s++)
        if (!(st = ner_tag_words(m, w, c.s[s].norm, c.s[s].n, tags)))
            ner_score_add(&sc, c.s[s].gold, tags, c.s[s].n);
    if (!st) {
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s: %zu sentences, %zu tokens\n", path, c.n, c.n_tokens);
        ner_score_report(&sc, &b);
        fwrite(b.data, 1, b.len, io->out);
        buf_free(&b);
    } else {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
    }
    ner_work_free(w);
    ner_corpus_free(&c);
    return st ? CLI_REJECTED : CLI_OK;
}

/* ---- documents */

static void ner_emit(const rasd_doc *doc, const rasd_token *tk,
                     const ner_span *sp, buf *out)
{
    size_t len;
    const char *text = rasd_doc_text(doc, &len);
    size_t a = tk[sp->begin].start, e = tk[sp->end - 1].end;
    buf_puts(out, "{");
    json_key(out, "doc_id");
    json_cstr(out, rasd_doc_id(doc));
    buf_printf(out, ",\"start\":%zu,\"end\":%zu,", a, e);
    json_key(out, "type");
    json_cstr(out, ner_type_str(sp->type));
    buf_putc(out, ',');
    json_key(out, "text");
    json_str(out, text + a, e - a);
    buf_puts(out, "}\n");
}

static rasd_status ner_doc(const rasd_ctx *ctx, rasd_doc *doc, buf *out,
                           size_t *items, void *ud)
{
    const ner_model *m = ud;
    rasd_status st = rasd_doc_analyze(ctx, doc);
    if (st)
        return st;
    const rasd_token *tk = rasd_doc_tokens(doc);
    const rasd_sentence *ss = rasd_doc_sentences(doc);
    size_t ns = rasd_doc_sentence_count(doc);
    ner_work *w = NULL;
    uint8_t *tags = malloc(RASD_MAX_SENT_TOKENS + NER_MAX_CHUNK);
    ner_span *sp = malloc((RASD_MAX_SENT_TOKENS + NER_MAX_CHUNK) * sizeof *sp);
    if (!tags || !sp || (st = ner_work_new(&w)) != RASD_OK) {
        free(tags), free(sp);
        return st ? st : RASD_ERR_NOMEM;
    }
    for (size_t s = 0; s < ns && !st; s++) {
        size_t n = ss[s].tok_end - ss[s].tok_begin;
        if (n > RASD_MAX_SENT_TOKENS + NER_MAX_CHUNK)
            n = RASD_MAX_SENT_TOKENS + NER_MAX_CHUNK;   /* not produced by the splitter */
        const rasd_token *t = tk + ss[s].tok_begin;
        if ((st = ner_tag_tokens(m, w, t, n, tags)))
            break;
        size_t k = ner_spans(tags, n, sp);
        for (size_t i = 0; i < k; i++)
            ner_emit(doc, t, &sp[i], out);
        *items += k;
    }
    ner_work_free(w);
    free(tags), free(sp);
    return st;
}

static int ner_docs(const ner_model *m, int argc, char **argv, cli_io *io)
{
    cli_read_opts o;
    int first = cli_parse_read_opts(argc, argv, io, &o, ner_usage);
    if (first < 0)
        return CLI_USAGE;
    o.cfg.text_only = 1;   /* NER needs tokens only; its model is loaded above */
    rasd_ctx *ctx;
    if (rasd_ctx_new(&o.cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    int rc = cli_for_each_doc(ctx, &o, argc - first, argv + first, io, ner_doc,
                              (void *)m, NULL);
    rasd_ctx_free(ctx);
    return rc;
}

int cmd_ner(int argc, char **argv, cli_io *io)
{
    if (argc > 1 && !strcmp(argv[1], "train"))
        return cmd_train_ner(argc - 1, argv + 1, io);
    if (argc > 1 && !strcmp(argv[1], "clusters"))
        return cmd_train_ner_clusters(argc - 1, argv + 1, io);
    if (argc > 1 && !strcmp(argv[1], "autolex"))
        return cmd_train_ner_autolex(argc - 1, argv + 1, io);
    if (argc > 1 && !strcmp(argv[1], "embed"))
        return cmd_train_ner_embed(argc - 1, argv + 1, io);
    const char *model = NULL, *data = NULL, *eval = NULL;
    int conll = 0;
    argc = ner_take_opt(argc, argv, "--model", &model);
    argc = ner_take_opt(argc, argv, "--eval", &eval);
    int kept = 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", ner_usage);
            return CLI_OK;
        }
        if (!strcmp(argv[i], "--conll"))
            conll = 1;
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    if (conll || eval) {
        argc = ner_take_opt(argc, argv, "--data", &data);
        if (argc > 1) {
            fprintf(io->err, "rasd: unexpected argument '%s'\nusage: %s\n", argv[1],
                    ner_usage);
            return CLI_USAGE;
        }
    } else {   /* --data stays for cli_parse_read_opts; peek at it */
        for (int i = 1; i < argc; i++) {
            if (!strcmp(argv[i], "--data") && i + 1 < argc)
                data = argv[i + 1];
            else if (!strncmp(argv[i], "--data=", 7))
                data = argv[i] + 7;
        }
    }
    ner_model *m = ner_open(model, data, io);
    if (!m)
        return CLI_FATAL;
    int rc = eval ? ner_eval(m, eval, io) : conll ? ner_conll(m, io)
                                                 : ner_docs(m, argc, argv, io);
    ner_free(m);
    return rc;
}

/* `rasd eval ner FILE` is `rasd ner --eval FILE`. */
int cmd_eval_ner(int argc, char **argv, cli_io *io)
{
    if (argc != 2 && argc != 4) {
        fprintf(io->err, "usage: rasd eval ner FILE [--model PATH]\n");
        return CLI_USAGE;
    }
    char *av[6] = {"ner", "--eval", argv[1], NULL, NULL, NULL};
    int ac = 3;
    if (argc == 4)
        av[ac++] = argv[2], av[ac++] = argv[3];
    return cmd_ner(ac, av, io);
}

/* ---- trainers */

static const char train_usage[] =
    "rasd train ner --train FILE [-o MODEL] [--dev FILE | --dev-frac F]\n"
    "               [--gaz DIR] [--clusters FILE|none] [--autolex FILE|none]\n"
    "               [--emb FILE|none] [--epochs N] [--seed N]\n"
    "               [--min-count N] [--o-bias X|tune] [--margin M] [--miss-cost C]\n"
    "               [--ensemble K] [--memory|--no-memory]\n"
    "  --train      CoNLL training file (ANERcorp format: token TAG)\n"
    "  -o           model to write (e.g. data/models/ner.bin); without it only\n"
    "               the dev scores are printed\n"
    "  --dev-frac   hold out the last fraction of sentences as dev (default 0.1;\n"
    "               0 trains on everything)\n"
    "  --gaz        gazetteer directory (default DATA/gazetteers; none: no\n"
    "               gazetteers)\n"
    "  --clusters   word clusters (default DATA/ner/clusters.tsv)\n"
        "  --autolex    automatic entity lexicon from `rasd train ner-autolex`\n"
    "               (default none)\n"
    "  --emb        embedding clusters from `rasd train ner-embed`\n"
    "               (default DATA/ner/embclusters.tsv)\n"
    "  --o-bias     lower the O score by X (favours recall); tune: pick X on dev\n"
    "  --margin     cost-augmented training: wrong tags get +M while decoding\n"
    "  --miss-cost  factor on M for tagging an entity word O (default 1)\n"
    "  --ensemble K average K perceptrons trained with seeds S..S+K-1\n"
    "  --memory     document-memory features (types given to the same words\n"
    "               in the previous tokens), trained on 5-fold jackknifed tags\n"
    "               (default; --no-memory: without)\n"
    "  --epochs 10 --ensemble 4 --seed 1 --min-count 1 --o-bias 2 (defaults)";

static const char *train_data_dir(void)
{
    const char *env = getenv("RASD_DATA_DIR");
#ifdef RASD_DATA_DIR
    return env && *env ? env : RASD_DATA_DIR;
#else
    return env && *env ? env : "data";
#endif
}

/* Value of option argv[*i] named `name` ("--x V" or "--x=V"), or NULL. */
static const char *train_val(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n))
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (!argv[*i][n] && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int train_num(const char *v, double lo, double hi, double *out)
{
    char *end;
    double d = strtod(v, &end);
    if (*end || end == v || d < lo || d > hi)
        return -1;
    *out = d;
    return 0;
}

static void train_command_line(int argc, char **argv, const char *pre, buf *b)
{
    buf_puts(b, pre);
    for (int i = 1; i < argc; i++) {
        buf_putc(b, ' ');
        buf_puts(b, argv[i]);
    }
    buf_putc(b, '\0');
}

static int train_parse(int argc, char **argv, ner_train_opts *o, char *gaz,
                       char *clus, cli_io *io)
{
    int i;
    for (i = 1; i < argc; i++) {
        const char *v;
        double d;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", train_usage);
            return 1;
        } else if ((v = train_val(argc, argv, &i, "--train"))) {
            o->train_path = v;
        } else if ((v = train_val(argc, argv, &i, "--dev-frac"))) {
            if (train_num(v, 0, 0.9, &o->dev_frac))
                goto bad;
        } else if ((v = train_val(argc, argv, &i, "--dev"))) {
            o->dev_path = v;
        } else if ((v = train_val(argc, argv, &i, "-o"))) {
            o->out_path = v;
        } else if ((v = train_val(argc, argv, &i, "--gaz"))) {
            snprintf(gaz, 4096, "%s", v);
        } else if ((v = train_val(argc, argv, &i, "--clusters"))) {
            snprintf(clus, 4096, "%s", v);
        } else if ((v = train_val(argc, argv, &i, "--autolex"))) {
            snprintf(clus + 4096, 4096, "%s", v);
        } else if ((v = train_val(argc, argv, &i, "--emb"))) {
            snprintf(clus + 8192, 4096, "%s", v);
        } else if ((v = train_val(argc, argv, &i, "--epochs"))) {
            if (train_num(v, 1, 1000, &d))
                goto bad;
            o->epochs = (int)d;
        } else if ((v = train_val(argc, argv, &i, "--seed"))) {
            if (train_num(v, 0, 1e18, &d))
                goto bad;
            o->seed = (uint64_t)d;
        } else if ((v = train_val(argc, argv, &i, "--o-bias"))) {
            if (!strcmp(v, "tune"))
                o->tune_o_bias = 1;
            else if (train_num(v, -100, 100, &o->o_bias))
                goto bad;
        } else if (!strcmp(argv[i], "--memory")) {
            o->memory = 1;
        } else if (!strcmp(argv[i], "--no-memory")) {
            o->memory = 0;
        } else if ((v = train_val(argc, argv, &i, "--ensemble"))) {
            if (train_num(v, 1, 100, &d))
                goto bad;
            o->ensemble = (int)d;
        } else if ((v = train_val(argc, argv, &i, "--margin"))) {
            if (train_num(v, 0, 1000, &o->margin))
                goto bad;
        } else if ((v = train_val(argc, argv, &i, "--miss-cost"))) {
            if (train_num(v, 0, 1000, &o->miss_cost))
                goto bad;
        } else if ((v = train_val(argc, argv, &i, "--min-count"))) {
            if (train_num(v, 1, 1000, &d))
                goto bad;
            o->min_count = (int)d;
        } else {
            goto bad;
        }
    }
    if (o->train_path)
        return 0;
    fprintf(io->err, "rasd: ner train: --train FILE is required\nusage: %s\n", train_usage);
    return -1;
bad:
    fprintf(io->err, "rasd: ner train: bad option or value '%s'\nusage: %s\n",
            argv[i < argc ? i : argc - 1], train_usage);
    return -1;
}

/* ---- running a trainer */

/* Each trainer records its own command line (provenance) in its options. */
typedef rasd_status (*trainer_fn)(void *opts, const char *command, buf *log);

static rasd_status run_train(void *opts, const char *command, buf *log)
{
    ner_train_opts *o = opts;
    o->command = command;
    return ner_train(o, log);
}

static rasd_status run_clusters(void *opts, const char *command, buf *log)
{
    ner_clust_opts *o = opts;
    o->command = command;
    return ner_clust_train(o, log);
}

static rasd_status run_embed(void *opts, const char *command, buf *log)
{
    ner_emb_opts *o = opts;
    o->command = command;
    return ner_emb_build(o, log);
}

static rasd_status run_autolex(void *opts, const char *command, buf *log)
{
    ner_autolex_opts *o = opts;
    o->command = command;
    return ner_autolex_build(o, log);
}

/* Run `run` on opts with the command line `tool ARGS...`; its log goes to
 * io->out, its error to io->err prefixed by `what`. */
static int train_run(int argc, char **argv, cli_io *io, const char *tool, const char *what,
                     trainer_fn run, void *opts)
{
    buf cmd, log;
    buf_init(&cmd);
    buf_init(&log);
    train_command_line(argc, argv, tool, &cmd);
    rasd_status st = run(opts, cmd.data, &log);
    fwrite(log.data, 1, log.len, io->out);
    if (st)
        fprintf(io->err, "rasd: %s: %s\n", what, rasd_errmsg());
    buf_free(&cmd);
    buf_free(&log);
    return st ? CLI_REJECTED : CLI_OK;
}

int cmd_train_ner(int argc, char **argv, cli_io *io)
{
    ner_train_opts o;
    ner_train_opts_init(&o);
    char gaz[4096], clus[12288];  /* clus: clusters, autolex, embedding paths */
    snprintf(gaz, sizeof gaz, "%s/gazetteers", train_data_dir());
    snprintf(clus, 4096, "%s/ner/clusters.tsv", train_data_dir());
    snprintf(clus + 4096, 4096, "none");   /* the automatic lexicon is opt-in */
    snprintf(clus + 8192, 4096, "%s/ner/embclusters.tsv", train_data_dir());
    int r = train_parse(argc, argv, &o, gaz, clus, io);
    if (r)
        return r > 0 ? CLI_OK : CLI_USAGE;
    o.gaz_dir = strcmp(gaz, "none") ? gaz : NULL;
    o.clusters_path = strcmp(clus, "none") ? clus : NULL;
    o.autolex_path = strcmp(clus + 4096, "none") ? clus + 4096 : NULL;
    o.emb_path = strcmp(clus + 8192, "none") ? clus + 8192 : NULL;
    return train_run(argc, argv, io, "rasd train ner", "ner train", run_train, &o);
}

static const char clusters_usage[] =
    "rasd train ner-clusters -o FILE [--vocab N] [--contexts N] [--fine K]\n"
    "                        [--coarse K] [--iters N] [--restarts R]\n"
    "                        [--max-docs N] [--seed N] CORPUS...\n"
    "  learn word clusters (k-means over context vectors) from news documents\n"
    "  (JSONL/txt, .zst ok); writes word<TAB>fine<TAB>coarse with provenance";

int cmd_train_ner_clusters(int argc, char **argv, cli_io *io)
{
    ner_clust_opts o;
    ner_clust_opts_init(&o);
    const char **in = calloc((size_t)argc + 1, sizeof *in);
    if (!in)
        return CLI_FATAL;
    size_t nin = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        double d = 0;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", clusters_usage);
            free(in);
            return CLI_OK;
        }
        if ((v = train_val(argc, argv, &i, "-o")))
            o.out_path = v;
        else if ((v = train_val(argc, argv, &i, "--vocab")) && !train_num(v, 10, 1e7, &d))
            o.vocab = (size_t)d;
        else if ((v = train_val(argc, argv, &i, "--contexts")) && !train_num(v, 2, 1e5, &d))
            o.contexts = (size_t)d;
        else if ((v = train_val(argc, argv, &i, "--fine")) && !train_num(v, 2, 60000, &d))
            o.k_fine = (int)d;
        else if ((v = train_val(argc, argv, &i, "--coarse")) && !train_num(v, 2, 60000, &d))
            o.k_coarse = (int)d;
        else if ((v = train_val(argc, argv, &i, "--iters")) && !train_num(v, 1, 1000, &d))
            o.iters = (int)d;
        else if ((v = train_val(argc, argv, &i, "--restarts")) && !train_num(v, 1, 100, &d))
            o.restarts = (int)d;
        else if ((v = train_val(argc, argv, &i, "--max-docs")) && !train_num(v, 0, 1e9, &d))
            o.max_docs = (size_t)d;
        else if ((v = train_val(argc, argv, &i, "--seed")) && !train_num(v, 0, 1e18, &d))
            o.seed = (uint64_t)d;
        else if (argv[i][0] != '-' || !strcmp(argv[i], "-"))
            in[nin++] = argv[i];
        else {
            fprintf(io->err, "rasd: ner clusters: bad option '%s'\nusage: %s\n",
                    argv[i], clusters_usage);
            free(in);
            return CLI_USAGE;
        }
    }
    if (!o.out_path || !nin) {
        fprintf(io->err, "usage: %s\n", clusters_usage);
        free(in);
        return CLI_USAGE;
    }
    o.inputs = in;
    o.n_inputs = nin;
    int r = train_run(argc, argv, io, "rasd train ner-clusters", "ner clusters", run_clusters, &o);
    free(in);
    return r;
}

static const char embed_usage[] =
    "rasd train ner-embed -o FILE [--vocab N] [--window N] [--negative N]\n"
    "                     [--epochs N] [--alpha X] [--sample X] [--k K,K,...]\n"
    "                     [--iters N] [--save-vectors FILE] [--load-vectors FILE]\n"
    "                     [--max-docs N] [--seed N] CORPUS...\n"
    "  learn skip-gram word embeddings from news documents (JSONL/txt, .zst ok)\n"
    "  and cluster them at each k; writes word<TAB>id<TAB>id... with provenance";

/* "100,500,1000" -> ks; -1 on a bad list. */
static int embed_ks(const char *v, ner_emb_opts *o)
{
    int n = 0;
    while (*v) {
        char *end;
        long k = strtol(v, &end, 10);
        if (end == v || k < 2 || k > 60000 || n == NER_EMB_MAXK)
            return -1;
        o->ks[n++] = (int)k;
        v = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return -1;
    }
    o->n_k = n;
    return n ? 0 : -1;
}

int cmd_train_ner_embed(int argc, char **argv, cli_io *io)
{
    ner_emb_opts o;
    ner_emb_opts_init(&o);
    const char **in = calloc((size_t)argc + 1, sizeof *in);
    if (!in)
        return CLI_FATAL;
    size_t nin = 0;
    for (int i = 1; i < argc; i++) {
        const char *v;
        double d = 0;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", embed_usage);
            free(in);
            return CLI_OK;
        }
        if ((v = train_val(argc, argv, &i, "-o")))
            o.out_path = v;
        else if ((v = train_val(argc, argv, &i, "--vocab")) && !train_num(v, 10, 1e7, &d))
            o.vocab = (size_t)d;
        else if ((v = train_val(argc, argv, &i, "--window")) && !train_num(v, 1, 50, &d))
            o.window = (int)d;
        else if ((v = train_val(argc, argv, &i, "--negative")) && !train_num(v, 1, 50, &d))
            o.negative = (int)d;
        else if ((v = train_val(argc, argv, &i, "--epochs")) && !train_num(v, 1, 100, &d))
            o.epochs = (int)d;
        else if ((v = train_val(argc, argv, &i, "--alpha")) && !train_num(v, 1e-5, 1, &d))
            o.alpha = d;
        else if ((v = train_val(argc, argv, &i, "--sample")) && !train_num(v, 0, 1, &d))
            o.sample = d;
        else if ((v = train_val(argc, argv, &i, "--k")) && !embed_ks(v, &o))
            ;
        else if ((v = train_val(argc, argv, &i, "--iters")) && !train_num(v, 1, 1000, &d))
            o.iters = (int)d;
        else if ((v = train_val(argc, argv, &i, "--save-vectors")))
            o.save_vectors = v;
        else if ((v = train_val(argc, argv, &i, "--load-vectors")))
            o.load_vectors = v;
        else if ((v = train_val(argc, argv, &i, "--max-docs")) && !train_num(v, 0, 1e9, &d))
            o.max_docs = (size_t)d;
        else if ((v = train_val(argc, argv, &i, "--seed")) && !train_num(v, 0, 1e18, &d))
            o.seed = (uint64_t)d;
        else if (argv[i][0] != '-' || !strcmp(argv[i], "-"))
            in[nin++] = argv[i];
        else {
            fprintf(io->err, "rasd: ner embed: bad option '%s'\nusage: %s\n",
                    argv[i], embed_usage);
            free(in);
            return CLI_USAGE;
        }
    }
    if (!o.out_path || !nin) {
        fprintf(io->err, "usage: %s\n", embed_usage);
        free(in);
        return CLI_USAGE;
    }
    o.inputs = in;
    o.n_inputs = nin;
    int r = train_run(argc, argv, io, "rasd train ner-embed", "ner embed", run_embed, &o);
    free(in);
    return r;
}

static const char autolex_usage[] =
    "rasd train ner-autolex --model MODEL -o FILE [--max-docs N] [--min-count N]\n"
    "                        CORPUS...\n"
    "  tag news documents (JSONL/txt, .zst ok) with MODEL and write per-word\n"
    "  tag-type counts: word<TAB>n<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC";

int cmd_train_ner_autolex(int argc, char **argv, cli_io *io)
{
    ner_autolex_opts o;
    ner_autolex_opts_init(&o);
    const char **in = calloc((size_t)argc + 1, sizeof *in);
    if (!in)
        return CLI_FATAL;
    size_t nin = 0;
    int bad = 0;
    for (int i = 1; i < argc && !bad; i++) {
        const char *v;
        double d = 0;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", autolex_usage);
            free(in);
            return CLI_OK;
        }
        if ((v = train_val(argc, argv, &i, "-o")))
            o.out_path = v;
        else if ((v = train_val(argc, argv, &i, "--model")))
            o.model_path = v;
        else if ((v = train_val(argc, argv, &i, "--max-docs")) && !train_num(v, 0, 1e9, &d))
            o.max_docs = (size_t)d;
        else if ((v = train_val(argc, argv, &i, "--min-count")) && !train_num(v, 1, 1e9, &d))
            o.min_count = (size_t)d;
        else if (argv[i][0] != '-' || !strcmp(argv[i], "-"))
            in[nin++] = argv[i];
        else
            bad = 1;
    }
    if (bad || !o.out_path || !o.model_path || !nin) {
        fprintf(io->err, "usage: %s\n", autolex_usage);
        free(in);
        return CLI_USAGE;
    }
    o.inputs = in;
    o.n_inputs = nin;
    int r = train_run(argc, argv, io, "rasd train ner-autolex", "ner autolex", run_autolex, &o);
    free(in);
    return r;
}
