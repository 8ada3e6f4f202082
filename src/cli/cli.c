/* cli.c - command dispatch, shared options, and the document loop that every
 * reading command uses (batched, optionally multi-threaded, output in input
 * order). */
#include "cli.h"
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static int cmd_version(int argc, char **argv, cli_io *io);
static int cmd_help(int argc, char **argv, cli_io *io);

/* One line per command; stage owners add theirs here. */
static const cli_cmd cli_cmds[] = {
    {"doc", cmd_doc, "show documents as rasd reads them (JSON, one per line)"},
    {"code", cmd_code, "code events from documents (JSON Lines)"},
    {"text", cmd_text, "text-core tools: norm, tokens, sents, utf8, repair, date, clean"},
    {"ner", cmd_ner, "named entities: documents, --conll tagging, --eval, train"},
    {"morph", cmd_morph, "Arabic segments, stem/lemma keys and UPOS per token; eval-seg, eval-pos"},
    {"train", cmd_train, "train a model: seg, pos, ner (rasd train --help)"},
    {"eval", cmd_eval, "evaluate: ner, gsr-detect, gsr-spans (rasd eval --help)"},
    {"ingest", cmd_ingest, "code documents into an event store (SQLite; dedup, search)"},
    {"query", cmd_query, "query the event store: filters, aggregates, exports"},
    {"serve", cmd_serve, "HTTP API and web UI over an event store (127.0.0.1)"},
    {"version", cmd_version, "print the version"},
    {"help", cmd_help, "list commands"},
};

#define N_CMDS (sizeof cli_cmds / sizeof cli_cmds[0])

static int cmd_version(int argc, char **argv, cli_io *io)
{
    fprintf(io->out, "rasd %s\n", rasd_version());
    return CLI_OK;
}

static int cmd_help(int argc, char **argv, cli_io *io)
{
    fprintf(io->out, "usage: rasd COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < N_CMDS; i++)
        fprintf(io->out, "  %-8s %s\n", cli_cmds[i].name, cli_cmds[i].summary);
    fprintf(io->out, "\n`rasd COMMAND --help` describes each command.\n");
    return CLI_OK;
}

int cli_main(int argc, char **argv, cli_io *io)
{
    if (argc < 2) {
        cmd_help(argc, argv, &(cli_io){io->in, io->err, io->err});
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h"))
        return cmd_help(argc, argv, io);
    if (!strcmp(name, "--version"))
        return cmd_version(argc, argv, io);
    for (size_t i = 0; i < N_CMDS; i++)
        if (!strcmp(cli_cmds[i].name, name))
            return cli_cmds[i].fn(argc - 1, argv + 1, io);
    fprintf(io->err, "rasd: unknown command '%s' (see rasd help)\n", name);
    return CLI_USAGE;
}

/* ---------------------------------------------------------- options */

static bool cli_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return false;
    if (*end == 'k' || *end == 'K')
        v *= 1024ull, end++;
    else if (*end == 'M')
        v *= 1024ull * 1024ull, end++;
    if (*end || v == 0 || v > SIZE_MAX)
        return false;
    *out = (size_t)v;
    return true;
}

const char *cli_optval(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static int cli_usage_error(cli_io *io, const char *usage, const char *what, const char *arg)
{
    fprintf(io->err, "rasd: %s '%s'\nusage: %s\n", what, arg, usage);
    return -1;
}

int cli_parse_read_opts(int argc, char **argv, cli_io *io, cli_read_opts *o,
                        const char *usage)
{
    rasd_config_init(&o->cfg);
    o->fmt = RASD_FMT_AUTO;
    o->jobs = 1;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--"))
            return i + 1;
        if (a[0] != '-' || !strcmp(a, "-"))
            break;
        if ((v = cli_optval(argc, argv, &i, "--in"))) {
            if (rasd_format_parse(v, &o->fmt) != RASD_OK)
                return cli_usage_error(io, usage, "unknown input format", v);
        } else if ((v = cli_optval(argc, argv, &i, "--data"))) {
            o->cfg.data_dir = v;
        } else if ((v = cli_optval(argc, argv, &i, "--dict"))) {
            if (o->cfg.n_extra_dicts == CLI_MAX_DICTS)
                return cli_usage_error(io, usage, "too many --dict options at", v);
            o->dicts[o->cfg.n_extra_dicts++] = v;
            o->cfg.extra_dicts = o->dicts;
        } else if ((v = cli_optval(argc, argv, &i, "--max-doc-bytes"))) {
            if (!cli_parse_size(v, &o->cfg.max_doc_bytes))
                return cli_usage_error(io, usage, "bad size", v);
        } else if ((v = cli_optval(argc, argv, &i, "-j")) ||
                   (v = cli_optval(argc, argv, &i, "--jobs"))) {
            char *end;
            long j = strtol(v, &end, 10);
            if (*end || j < 1 || j > 256)
                return cli_usage_error(io, usage, "bad job count (1-256)", v);
            o->jobs = (int)j;
        } else if (!strcmp(a, "--replace-invalid")) {
            o->cfg.replace_invalid = 1;
        } else if (!strcmp(a, "--keep-furniture")) {
            o->cfg.keep_furniture = 1;
        } else {
            return cli_usage_error(io, usage, "unknown option", a);
        }
    }
    return i;
}

/* ---------------------------------------------------------- doc loop */

typedef struct slot {
    rasd_doc *doc;
    buf out, err;
    size_t items;
    bool rejected;
} slot;

typedef struct batch {
    const rasd_ctx *ctx;
    cli_doc_fn fn;
    void *ud;
    slot *slots;
    size_t n;
} batch;

static void slot_run(batch *b, slot *s)
{
    if (!s->doc)
        return;
    rasd_status st = b->fn(b->ctx, s->doc, &s->out, &s->items, b->ud);
    if (st != RASD_OK) {
        buf_reset(&s->out);
        buf_printf(&s->err, "rasd: %s\n", rasd_errmsg());
        s->rejected = true;
    }
}

/* The shared state of cli_parallel_for. */
typedef struct pfor {
    size_t n, next; /* next: guarded by mu */
    pthread_mutex_t mu;
    void (*fn)(void *ud, size_t i);
    void *ud;
} pfor;

static void *pfor_worker(void *arg)
{
    pfor *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        if (i >= p->n)
            return NULL;
        p->fn(p->ud, i);
    }
}

void cli_parallel_for(size_t n, int jobs, void (*fn)(void *ud, size_t i), void *ud)
{
    if (jobs <= 1 || n < 2) {
        for (size_t i = 0; i < n; i++)
            fn(ud, i);
        return;
    }
    pfor p = {.n = n, .fn = fn, .ud = ud};
    pthread_mutex_init(&p.mu, NULL);
    pthread_t th[256];
    int started = 0;
    for (int t = 0; t < jobs - 1 && t < 256; t++)
        if (pthread_create(&th[started], NULL, pfor_worker, &p) == 0)
            started++;
    pfor_worker(&p); /* the calling thread works too */
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    pthread_mutex_destroy(&p.mu);
}

static void batch_run_one(void *ud, size_t i)
{
    batch *b = ud;
    slot_run(b, &b->slots[i]);
}

static void batch_process(batch *b, int jobs)
{
    cli_parallel_for(b->n, jobs, batch_run_one, b);
}

/* Write a finished batch in input order and release its documents. */
static void batch_flush(batch *b, cli_io *io, cli_run_stats *st)
{
    for (size_t i = 0; i < b->n; i++) {
        slot *s = &b->slots[i];
        if (s->out.len)
            fwrite(s->out.data, 1, s->out.len, io->out);
        if (s->err.len)
            fwrite(s->err.data, 1, s->err.len, io->err);
        if (s->rejected)
            st->rejected++;
        else if (s->doc) {
            st->docs++;
            st->items += s->items;
        }
        rasd_doc_free(s->doc);
        s->doc = NULL;
        s->items = 0;
        s->rejected = false;
        buf_reset(&s->out);
        buf_reset(&s->err);
    }
    b->n = 0;
}

/* Fill the batch from the reader; reader-level rejections become slots
 * without a document so they are reported in order. Returns false when the
 * reader is exhausted (or failed). */
static bool batch_fill(batch *b, size_t cap, rasd_reader *r)
{
    while (b->n < cap) {
        slot *s = &b->slots[b->n];
        rasd_doc *doc = NULL;
        rasd_status st = rasd_reader_next(r, &doc);
        if (st == RASD_DONE)
            return false;
        if (st != RASD_OK) {
            buf_printf(&s->err, "rasd: %s\n", rasd_errmsg());
            s->rejected = true;
            b->n++;
            if (st == RASD_ERR_IO)
                return false;
            continue;
        }
        s->doc = doc;
        b->n++;
    }
    return true;
}

rasd_status cli_open_input(const rasd_ctx *ctx, const char *path, rasd_format fmt,
                           cli_io *io, buf *mem, rasd_reader **r)
{
    if (strcmp(path, "-") != 0 || io->in == stdin)
        return rasd_reader_open(ctx, path, fmt, r);
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, io->in)) > 0)
        buf_put(mem, tmp, n);
    if (!mem->data)
        buf_reserve(mem, 0);
    if (mem->oom)
        return err_set(RASD_ERR_NOMEM, "stdin: out of memory");
    return rasd_reader_open_mem(ctx, "stdin", mem->data, mem->len, fmt, r);
}

static void cli_run_file(batch *b, size_t cap, const cli_read_opts *o,
                         const char *path, cli_io *io, cli_run_stats *st)
{
    rasd_reader *r = NULL;
    buf mem;
    buf_init(&mem);
    if (cli_open_input(b->ctx, path, o->fmt, io, &mem, &r) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        st->files_failed++;
        buf_free(&mem);
        return;
    }
    bool more = true;
    while (more) {
        more = batch_fill(b, cap, r);
        batch_process(b, o->jobs);
        batch_flush(b, io, st);
    }
    rasd_reader_free(r);
    buf_free(&mem);
}

int cli_for_each_doc(const rasd_ctx *ctx, const cli_read_opts *o, int nfiles,
                     char **files, cli_io *io, cli_doc_fn fn, void *ud,
                     cli_run_stats *stats)
{
    size_t cap = 64 * (size_t)(o->jobs > 0 ? o->jobs : 1);
    batch b = {.ctx = ctx, .fn = fn, .ud = ud};
    b.slots = calloc(cap, sizeof *b.slots);
    if (!b.slots) {
        fprintf(io->err, "rasd: out of memory\n");
        return CLI_FATAL;
    }
    cli_run_stats st = {0};
    char *stdin_only[] = {"-"};
    if (nfiles == 0) {
        nfiles = 1;
        files = stdin_only;
    }
    for (int i = 0; i < nfiles; i++)
        cli_run_file(&b, cap, o, files[i], io, &st);
    for (size_t i = 0; i < cap; i++) {
        buf_free(&b.slots[i].out);
        buf_free(&b.slots[i].err);
    }
    free(b.slots);
    fflush(io->out);
    if (stats)
        *stats = st;
    return (st.rejected || st.files_failed) ? CLI_REJECTED : CLI_OK;
}
