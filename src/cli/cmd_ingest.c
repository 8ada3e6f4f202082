/* cmd_ingest.c - `rasd ingest`: code documents and keep them, with their
 * sentences, mentions and deduplicated events, in a store (src/store).
 * Coding runs on -j N threads; storing is serial, in input order, one
 * transaction per document, so a kill loses at most the document being
 * written and a rerun skips everything already committed. */
#include "cli.h"
#include "store/store.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char ingest_usage[] =
    "rasd ingest [--db PATH] [--in auto|txt|jsonl|html] [-j N] [--busy-timeout MS]\n"
    "            [--durable] [--stats] [--migrate] [--reindex] [--replace-invalid]\n"
    "            [--keep-furniture] [--max-doc-bytes N] [--data DIR] [FILE...|-]";

typedef struct ing_slot {
    rasd_doc *doc;
    char hash[STORE_HASH_HEX];
    char *events;
    size_t len;
    rasd_status st;
    char err[512];
    bool todo;          /* needs coding and storing */
} ing_slot;

typedef struct ing_batch {
    const rasd_ctx *ctx;
    ing_slot *slots;
    size_t n, cap;
} ing_batch;

/* ------------------------------------------------------------ coding */

static void ing_code(ing_batch *b, ing_slot *s)
{
    if (!s->todo)
        return;
    s->st = rasd_code_json(b->ctx, s->doc, &s->events, &s->len, NULL);
    if (s->st != RASD_OK) /* the message is per thread: keep it */
        snprintf(s->err, sizeof s->err, "%s", rasd_errmsg());
}

static void ing_code_one(void *ud, size_t i)
{
    ing_batch *b = ud;
    ing_code(b, &b->slots[i]);
}

static void ing_code_all(ing_batch *b, int jobs)
{
    cli_parallel_for(b->n, jobs, ing_code_one, b);
}

/* ------------------------------------------------------------ storing */

static void ing_slot_clear(ing_slot *s)
{
    rasd_doc_free(s->doc);
    rasd_free(s->events);
    memset(s, 0, sizeof *s);
}

/* Store the coded batch in order. Returns false on a store failure
 * (locked, read-only, disk full): the run stops there. */
static bool ing_store_all(store *db, ing_batch *b, cli_io *io, cli_ingest_totals *t)
{
    bool ok = true;
    for (size_t i = 0; i < b->n; i++) {
        ing_slot *s = &b->slots[i];
        if (ok && s->todo && s->st != RASD_OK) {
            fprintf(io->err, "rasd: %s\n", s->err);
            t->rejected++;
        } else if (ok && s->todo) {
            store_put_info info;
            rasd_status st = store_put_doc(db, s->doc, s->hash, s->events, s->len, &info);
            if (st != RASD_OK) {
                fprintf(io->err, "rasd: %s\n", rasd_errmsg());
                ok = false;
            } else {
                t->state[info.state]++;
                t->mentions += info.mentions;
                t->new_events += info.new_events;
                t->merged += info.merged;
            }
        }
        ing_slot_clear(s);
    }
    b->n = 0;
    return ok;
}

/* Read up to cap documents; already-stored ones (same id and hash) are
 * counted and dropped before any coding. */
static rasd_status ing_fill(store *db, ing_batch *b, rasd_reader *r, cli_io *io,
                            cli_ingest_totals *t, bool *more)
{
    *more = true;
    while (b->n < b->cap) {
        rasd_doc *doc = NULL;
        rasd_status st = rasd_reader_next(r, &doc);
        if (st == RASD_DONE || st == RASD_ERR_IO) {
            if (st == RASD_ERR_IO) {
                fprintf(io->err, "rasd: %s\n", rasd_errmsg());
                t->rejected++;
            }
            *more = false;
            return RASD_OK;
        }
        if (st != RASD_OK) {
            fprintf(io->err, "rasd: %s\n", rasd_errmsg());
            t->rejected++;
            continue;
        }
        ing_slot *s = &b->slots[b->n];
        store_doc_hash(doc, s->hash);
        store_doc_state state;
        if ((st = store_doc_state_of(db, rasd_doc_id(doc), s->hash, &state)) != RASD_OK) {
            rasd_doc_free(doc);
            return st;
        }
        if (state == STORE_DOC_SAME) {
            t->state[STORE_DOC_SAME]++;
            rasd_doc_free(doc);
            continue;
        }
        s->doc = doc;
        s->todo = true;
        b->n++;
    }
    return RASD_OK;
}

static bool ing_file(store *db, ing_batch *b, const cli_read_opts *o, const char *path,
                     cli_io *io, cli_ingest_totals *t)
{
    rasd_reader *r = NULL;
    buf mem;
    buf_init(&mem);
    if (cli_open_input(b->ctx, path, o->fmt, io, &mem, &r) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        t->files_failed++;
        buf_free(&mem);
        return true;
    }
    bool ok = true, more = true;
    while (ok && more) {
        if (ing_fill(db, b, r, io, t, &more) != RASD_OK) {
            fprintf(io->err, "rasd: %s\n", rasd_errmsg());
            ok = false;
        }
        if (ok)
            ing_code_all(b, o->jobs);
        ok = ing_store_all(db, b, io, t) && ok;
    }
    for (size_t i = 0; i < b->n; i++)
        ing_slot_clear(&b->slots[i]);
    b->n = 0;
    rasd_reader_free(r);
    buf_free(&mem);
    return ok;
}

int cli_ingest_files(store *db, const rasd_ctx *ctx, const cli_read_opts *o,
                     int nfiles, char **files, cli_io *io, cli_ingest_totals *t)
{
    ing_batch b = {.ctx = ctx, .cap = 32 * (size_t)(o->jobs > 0 ? o->jobs : 1)};
    b.slots = calloc(b.cap, sizeof *b.slots);
    if (!b.slots) {
        fprintf(io->err, "rasd: out of memory\n");
        return CLI_FATAL;
    }
    char *stdin_only[] = {"-"};
    if (nfiles == 0) {
        nfiles = 1;
        files = stdin_only;
    }
    bool ok = true;
    for (int i = 0; ok && i < nfiles; i++)
        ok = ing_file(db, &b, o, files[i], io, t);
    free(b.slots);
    if (!ok)
        return CLI_FATAL;
    return t->rejected || t->files_failed ? CLI_REJECTED : CLI_OK;
}

/* ------------------------------------------------------------ command */

typedef struct ing_opts {
    const char *db;
    store_opts so;
    bool stats, migrate, reindex;
} ing_opts;

/* Take our own options out of argv (the rest are the reading options). */
static int ing_own_opts(int *argc, char **argv, ing_opts *o, cli_io *io)
{
    int kept = 1;
    for (int i = 1; i < *argc; i++) {
        const char *v;
        if (!strcmp(argv[i], "--")) {
            while (i < *argc)
                argv[kept++] = argv[i++];
            break;
        } else if ((v = cli_optval(*argc, argv, &i, "--db"))) {
            o->db = v;
        } else if ((v = cli_optval(*argc, argv, &i, "--busy-timeout"))) {
            char *end;
            long ms = strtol(v, &end, 10);
            if (*end || ms < 1 || ms > 3600000) {
                fprintf(io->err, "rasd: bad busy timeout '%s' (1-3600000 ms)\n"
                        "usage: %s\n", v, ingest_usage);
                return -1;
            }
            o->so.busy_ms = (int)ms;
        } else if (!strcmp(argv[i], "--durable")) {
            o->so.durable = true;
        } else if (!strcmp(argv[i], "--stats")) {
            o->stats = true;
        } else if (!strcmp(argv[i], "--migrate")) {
            o->migrate = true;
        } else if (!strcmp(argv[i], "--reindex")) {
            o->reindex = true;
        } else {
            argv[kept++] = argv[i];
        }
    }
    *argc = kept;
    return 0;
}

static double ing_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_ingest_summary(const cli_ingest_totals *t, cli_io *io)
{
    size_t docs = t->state[0] + t->state[1] + t->state[2];
    fprintf(io->out, "ingest: %zu documents: %zu new, %zu updated, %zu unchanged, "
            "%zu rejected; %zu mentions: %zu new events, %zu merged into events\n",
            docs, t->state[STORE_DOC_NEW], t->state[STORE_DOC_CHANGED],
            t->state[STORE_DOC_SAME], t->rejected + t->files_failed, t->mentions,
            t->new_events, t->merged);
}

static int ing_maintain(store *db, const ing_opts *io_opts, cli_io *io)
{
    if (io_opts->reindex && store_reindex(db) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    fprintf(io->out, "ingest: store %s at schema version %d%s\n", io_opts->db,
            store_schema_version(db), io_opts->reindex ? ", search index rebuilt" : "");
    return CLI_OK;
}

int cmd_ingest(int argc, char **argv, cli_io *io)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", ingest_usage);
            return CLI_OK;
        }
    ing_opts o = {.db = "rasd.db"};
    store_opts_init(&o.so);
    if (ing_own_opts(&argc, argv, &o, io) < 0)
        return CLI_USAGE;
    cli_read_opts ro;
    int first = cli_parse_read_opts(argc, argv, io, &ro, ingest_usage);
    if (first < 0)
        return CLI_USAGE;
    o.so.data_dir = ro.cfg.data_dir;
    store *db;
    if (store_open(o.db, &o.so, &db) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    if (*store_note(db))
        fprintf(io->err, "rasd: note: %s\n", store_note(db));
    if ((o.migrate || o.reindex) && first >= argc) {
        int rc = ing_maintain(db, &o, io);
        store_close(db);
        return rc;
    }
    rasd_ctx *ctx;
    if (rasd_ctx_new(&ro.cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        store_close(db);
        return CLI_FATAL;
    }
    double t0 = ing_now();
    cli_ingest_totals t = {0};
    int rc = cli_ingest_files(db, ctx, &ro, argc - first, argv + first, io, &t);
    cli_ingest_summary(&t, io);
    if (o.stats) {
        double dt = ing_now() - t0;
        size_t coded = t.state[STORE_DOC_NEW] + t.state[STORE_DOC_CHANGED];
        fprintf(io->err, "rasd: %.3f s, %.1f documents/s stored\n", dt,
                dt > 0 ? (double)coded / dt : 0.0);
    }
    rasd_ctx_free(ctx);
    store_close(db);
    return rc;
}
