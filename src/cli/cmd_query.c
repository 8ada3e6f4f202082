/* cmd_query.c - `rasd query`: filters, aggregates, look-ups and exports
 * over an event store (src/store). With --ingest FILE the documents are
 * coded and stored first, so `--db :memory: --ingest FILE` answers a
 * question about a few files without keeping a database. */
#include "cli.h"
#include "store/store.h"
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char query_usage[] =
    "rasd query [--db PATH] [FILTERS] [--format table|jsonl|csv|plover|gdelt]\n"
    "           [--limit N] [--offset N] [--mentions N]\n"
    "   filters: --actor A  --dyad A,B [--directed]  --category C  --quad 1-4\n"
    "            --cameo PREFIX  --from DATE  --to DATE  --place NAME\n"
    "            --country ISO3  --source-outlet NAME  --text \"words\"\n"
    "            --include-future  --include-negated  --include-hypothetical\n"
    "   instead of a list: --agg count|intensity [--by day|week|month|year]\n"
    "            --top-actors [--top N]  --top-partners ACTOR [--top N]\n"
    "            --search \"words\"  --event ID  --doc DOC_ID  --find-actor Q  --stats\n"
    "   first store documents: --ingest FILE (repeatable) [--in FMT] [-j N]";

typedef enum qmode {
    QM_LIST, QM_AGG, QM_TOP_ACTORS, QM_TOP_PARTNERS, QM_SEARCH, QM_EVENT,
    QM_DOC, QM_FIND_ACTOR, QM_STATS
} qmode;

typedef enum qfmt { F_TABLE, F_JSONL, F_CSV, F_PLOVER, F_GDELT } qfmt;

#define MAX_INGEST 64

typedef struct qopts {
    const char *db;
    store_query q;
    qmode mode;
    int n_modes;
    qfmt fmt;
    bool intensity, by_set;
    store_bucket by;
    size_t top;
    const char *arg;          /* partner, search text, doc id or actor query */
    int64_t event;
    char dyad[2][128];
    char *ingest[MAX_INGEST];
    int n_ingest;
    const char *in_fmt, *jobs;
} qopts;

static int q_usage(cli_io *io, const char *what, const char *arg)
{
    fprintf(io->err, "rasd: %s '%s'\nusage: %s\n", what, arg, query_usage);
    return -1;
}

static bool q_count(const char *v, long long lo, long long hi, long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return false;
    *out = n;
    return true;
}

static int q_dyad(qopts *o, const char *v, cli_io *io)
{
    const char *comma = strchr(v, ',');
    size_t a = comma ? (size_t)(comma - v) : 0;
    if (!comma || !a || !comma[1] || strchr(comma + 1, ',') || a >= sizeof o->dyad[0] ||
        strlen(comma + 1) >= sizeof o->dyad[1])
        return q_usage(io, "a dyad is two actors A,B, not", v);
    memcpy(o->dyad[0], v, a);
    o->dyad[0][a] = '\0';
    strcpy(o->dyad[1], comma + 1);
    o->q.dyad[0] = o->dyad[0];
    o->q.dyad[1] = o->dyad[1];
    return 1;
}

/* Filters: 1 taken, 0 not ours, -1 usage error. */
static int q_filter(qopts *o, int argc, char **argv, int *i, cli_io *io)
{
    const char *v, *a = argv[*i];
    long long n;
    store_query *q = &o->q;
    if ((v = cli_optval(argc, argv, i, "--actor"))) q->actor = v;
    else if ((v = cli_optval(argc, argv, i, "--dyad"))) return q_dyad(o, v, io);
    else if (!strcmp(a, "--directed")) q->directed = true;
    else if ((v = cli_optval(argc, argv, i, "--category"))) q->category = v;
    else if ((v = cli_optval(argc, argv, i, "--quad"))) {
        if (!q_count(v, 1, 4, &n))
            return q_usage(io, "quad class must be 1-4, not", v);
        q->quad = (int)n;
    } else if ((v = cli_optval(argc, argv, i, "--cameo"))) q->cameo = v;
    else if ((v = cli_optval(argc, argv, i, "--from"))) q->from = v;
    else if ((v = cli_optval(argc, argv, i, "--to"))) q->to = v;
    else if ((v = cli_optval(argc, argv, i, "--place"))) q->place = v;
    else if ((v = cli_optval(argc, argv, i, "--country"))) q->country = v;
    else if ((v = cli_optval(argc, argv, i, "--source-outlet"))) q->outlet = v;
    else if ((v = cli_optval(argc, argv, i, "--text"))) q->text = v;
    else if (!strcmp(a, "--include-future")) q->include_future = true;
    else if (!strcmp(a, "--include-negated")) q->include_negated = true;
    else if (!strcmp(a, "--include-hypothetical")) q->include_hypothetical = true;
    else return 0;
    return 1;
}

static int q_format(qopts *o, const char *v, cli_io *io)
{
    static const char *const names[] = {"table", "jsonl", "csv", "plover", "gdelt"};
    for (int k = 0; k < 5; k++)
        if (!strcmp(v, names[k])) {
            o->fmt = (qfmt)k;
            return 1;
        }
    return q_usage(io, "unknown format", v);
}

/* Paging and output: 1 taken, 0 not ours, -1 usage error. */
static int q_output(qopts *o, int argc, char **argv, int *i, cli_io *io)
{
    const char *v;
    long long n;
    if ((v = cli_optval(argc, argv, i, "--db"))) o->db = v;
    else if ((v = cli_optval(argc, argv, i, "--format"))) return q_format(o, v, io);
    else if ((v = cli_optval(argc, argv, i, "--limit"))) {
        if (!q_count(v, 1, 1000000000, &n))
            return q_usage(io, "bad limit", v);
        o->q.limit = (size_t)n; /* the store caps it and says so */
    } else if ((v = cli_optval(argc, argv, i, "--offset"))) {
        if (!q_count(v, 0, 1000000000, &n))
            return q_usage(io, "bad offset", v);
        o->q.offset = (size_t)n;
    } else if ((v = cli_optval(argc, argv, i, "--mentions"))) {
        if (!q_count(v, 1, 100000, &n))
            return q_usage(io, "bad mention count", v);
        o->q.max_mentions = (size_t)n;
    } else if ((v = cli_optval(argc, argv, i, "--top"))) {
        if (!q_count(v, 1, 10000, &n))
            return q_usage(io, "bad --top count", v);
        o->top = (size_t)n;
    } else if ((v = cli_optval(argc, argv, i, "--ingest"))) {
        if (o->n_ingest == MAX_INGEST)
            return q_usage(io, "too many --ingest files at", v);
        o->ingest[o->n_ingest++] = (char *)v;
    } else if ((v = cli_optval(argc, argv, i, "--in"))) o->in_fmt = v;
    else if ((v = cli_optval(argc, argv, i, "-j"))) o->jobs = v;
    else return 0;
    return 1;
}

static void q_set_mode(qopts *o, qmode m)
{
    o->mode = m;
    o->n_modes++;
}

/* What to produce instead of a list: 1 taken, 0 not ours, -1 usage error. */
static int q_mode(qopts *o, int argc, char **argv, int *i, cli_io *io)
{
    const char *v, *a = argv[*i];
    long long n;
    if ((v = cli_optval(argc, argv, i, "--agg"))) {
        if (strcmp(v, "count") && strcmp(v, "intensity"))
            return q_usage(io, "--agg is count or intensity, not", v);
        o->intensity = !strcmp(v, "intensity");
        q_set_mode(o, QM_AGG);
    } else if ((v = cli_optval(argc, argv, i, "--by"))) {
        if (store_bucket_parse(v, &o->by) != RASD_OK)
            return q_usage(io, "--by is day, week, month or year, not", v);
        o->by_set = true;
    } else if (!strcmp(a, "--top-actors")) q_set_mode(o, QM_TOP_ACTORS);
    else if ((v = cli_optval(argc, argv, i, "--top-partners"))) {
        o->arg = v;
        q_set_mode(o, QM_TOP_PARTNERS);
    } else if ((v = cli_optval(argc, argv, i, "--search"))) {
        o->arg = v;
        q_set_mode(o, QM_SEARCH);
    } else if ((v = cli_optval(argc, argv, i, "--event"))) {
        if (!q_count(v, 1, INT64_MAX, &n))
            return q_usage(io, "bad event id", v);
        o->event = n;
        q_set_mode(o, QM_EVENT);
    } else if ((v = cli_optval(argc, argv, i, "--doc"))) {
        o->arg = v;
        q_set_mode(o, QM_DOC);
    } else if ((v = cli_optval(argc, argv, i, "--find-actor"))) {
        o->arg = v;
        q_set_mode(o, QM_FIND_ACTOR);
    } else if (!strcmp(a, "--stats")) q_set_mode(o, QM_STATS);
    else return 0;
    return 1;
}

static int q_parse(int argc, char **argv, qopts *o, cli_io *io)
{
    for (int i = 1; i < argc; i++) {
        int r = q_filter(o, argc, argv, &i, io);
        if (r == 0)
            r = q_output(o, argc, argv, &i, io);
        if (r == 0)
            r = q_mode(o, argc, argv, &i, io);
        if (r < 0)
            return -1;
        if (r == 0)
            return q_usage(io, argv[i][0] == '-' ? "unknown option or missing value for"
                                                 : "unexpected argument", argv[i]);
    }
    if (o->n_modes > 1) {
        fprintf(io->err, "rasd: choose one of --agg, --top-actors, --top-partners, "
                "--search, --event, --doc, --find-actor, --stats\nusage: %s\n",
                query_usage);
        return -1;
    }
    if (o->by_set && o->mode != QM_AGG)
        return q_usage(io, "--by needs --agg; got", "--by");
    if (o->q.directed && !o->q.dyad[0])
        return q_usage(io, "--directed needs --dyad; got", "--directed");
    if (o->mode != QM_LIST && (o->fmt == F_PLOVER || o->fmt == F_GDELT))
        return q_usage(io, "plover and gdelt export events only; not with",
                       o->mode == QM_AGG ? "--agg" : "this request");
    return 0;
}

/* ------------------------------------------------------------ output */

static int q_status(rasd_status st, cli_io *io)
{
    if (st == RASD_OK)
        return CLI_OK;
    fprintf(io->err, "rasd: %s\n", rasd_errmsg());
    return st == RASD_ERR_ARG ? CLI_USAGE : st == RASD_ERR_NOTFOUND ? CLI_REJECTED
                                                                    : CLI_FATAL;
}

static void q_note(const char *note, cli_io *io)
{
    if (note && *note)
        fprintf(io->err, "rasd: note: %s\n", note);
}

static rasd_status q_row(store *s, const qopts *o, const store_event *ev, buf *b)
{
    switch (o->fmt) {
    case F_TABLE: store_event_table(ev, b); break;
    case F_CSV: store_event_csv(ev, b); break;
    case F_GDELT: store_event_gdelt(ev, b); break;
    case F_PLOVER: {
        rasd_status st = store_event_plover(s, ev, b);
        buf_putc(b, '\n');
        return st;
    }
    case F_JSONL: {
        rasd_status st = store_event_json(s, ev, o->q.max_mentions, b);
        buf_putc(b, '\n');
        return st;
    }
    }
    return RASD_OK;
}

static int q_list(store *s, const qopts *o, cli_io *io)
{
    store_cursor *c;
    rasd_status st = store_query_open(s, &o->q, &c);
    if (st != RASD_OK)
        return q_status(st, io);
    q_note(store_cursor_note(c), io);
    buf b;
    buf_init(&b);
    if (o->fmt == F_TABLE)
        store_table_header(&b);
    else if (o->fmt == F_CSV)
        store_csv_header(&b);
    const store_event *ev;
    while ((st = store_cursor_next(c, &ev)) == RASD_OK) {
        st = q_row(s, o, ev, &b);
        if (st != RASD_OK)
            break;
        fwrite(b.data, 1, b.len, io->out);
        buf_reset(&b);
    }
    if (b.len)
        fwrite(b.data, 1, b.len, io->out);
    buf_free(&b);
    store_cursor_free(c);
    return q_status(st == RASD_DONE ? RASD_OK : st, io);
}

static int q_width(const char *col)
{
    return !strcmp(col, "name") ? 24 : !strcmp(col, "period") ? 10 : 9;
}

/* Aggregates come back as JSON; tables and CSV are drawn from its rows. */
static void q_print_rows(json_t *rows, const char *const *cols, int n, qfmt fmt,
                         cli_io *io)
{
    for (int k = 0; k < n; k++) {
        if (fmt == F_CSV)
            fprintf(io->out, "%s%s", k ? "," : "", cols[k]);
        else
            fprintf(io->out, "%s%-*s", k ? " " : "", k + 1 < n ? q_width(cols[k]) : 0,
                    cols[k]);
    }
    fputc('\n', io->out);
    size_t i;
    json_t *row;
    json_array_foreach(rows, i, row) {
        for (int k = 0; k < n; k++) {
            json_t *v = json_object_get(row, cols[k]);
            char cell[128] = "";
            if (json_is_string(v))
                snprintf(cell, sizeof cell, "%s", json_string_value(v));
            else if (json_is_integer(v))
                snprintf(cell, sizeof cell, "%lld", (long long)json_integer_value(v));
            else if (json_is_number(v))
                snprintf(cell, sizeof cell, "%.2f", json_number_value(v));
            bool quote = fmt == F_CSV && strpbrk(cell, ",\"");
            if (fmt == F_CSV)
                fprintf(io->out, quote ? "%s\"%s\"" : "%s%s", k ? "," : "", cell);
            else
                fprintf(io->out, "%s%-*s", k ? " " : "", k + 1 < n ? q_width(cols[k]) : 0,
                        cell);
        }
        fputc('\n', io->out);
    }
}

static int q_emit_json(const buf *b, const qopts *o, const char *const *cols, int n,
                       cli_io *io)
{
    if (o->fmt == F_JSONL || !cols) {
        fwrite(b->data, 1, b->len, io->out);
        fputc('\n', io->out);
        return CLI_OK;
    }
    json_t *root = json_loadb(b->data, b->len, 0, NULL);
    if (!root) {
        fprintf(io->err, "rasd: internal error: unreadable result\n");
        return CLI_FATAL;
    }
    json_t *note = json_object_get(root, "note");
    if (json_is_string(note))
        q_note(json_string_value(note), io);
    json_t *co = json_object_get(root, "coarser"), *un = json_object_get(root, "undated");
    if (json_integer_value(co) || json_integer_value(un))
        fprintf(io->err, "rasd: note: not in any period: %lld with a coarser date, "
                "%lld undated\n", (long long)json_integer_value(co),
                (long long)json_integer_value(un));
    q_print_rows(json_object_get(root, "rows"), cols, n, o->fmt, io);
    json_decref(root);
    return CLI_OK;
}

static int q_json_mode(store *s, const qopts *o, cli_io *io)
{
    static const char *const agg_count[] = {"period", "count"};
    static const char *const agg_int[] = {"period", "count", "intensity_mean",
                                          "intensity_sum"};
    static const char *const top[] = {"code", "country", "name", "events"};
    static const char *const partners[] = {"code", "country", "name", "events",
                                           "as_source", "as_target", "intensity_mean"};
    buf b;
    buf_init(&b);
    rasd_status st = RASD_OK;
    const char *const *cols = NULL;
    int n = 0;
    switch (o->mode) {
    case QM_AGG:
        st = store_aggregate(s, &o->q, o->by_set ? o->by : STORE_BY_MONTH, &b);
        cols = o->intensity ? agg_int : agg_count;
        n = o->intensity ? 4 : 2;
        break;
    case QM_TOP_ACTORS:
        st = store_top_actors(s, &o->q, o->top, &b);
        cols = top, n = 4;
        break;
    case QM_TOP_PARTNERS:
        st = store_top_partners(s, &o->q, o->arg, o->top, &b);
        cols = partners, n = 7;
        break;
    case QM_SEARCH: st = store_search(s, o->arg, o->q.limit, &b); break;
    case QM_EVENT: st = store_event_get(s, o->event, &b); break;
    case QM_DOC: st = store_doc_get(s, o->arg, &b); break;
    case QM_FIND_ACTOR: st = store_actor_search(s, o->arg, o->top, &b); break;
    default: st = store_stats(s, &b); break;
    }
    int rc = st == RASD_OK ? q_emit_json(&b, o, cols, n, io) : q_status(st, io);
    buf_free(&b);
    return rc;
}

/* ------------------------------------------------------------ command */

static int q_ingest(store *s, const qopts *o, cli_io *io)
{
    cli_read_opts ro;
    char *argv[8] = {"query"};
    int argc = 1;
    if (o->in_fmt) {
        argv[argc++] = "--in";
        argv[argc++] = (char *)o->in_fmt;
    }
    if (o->jobs) {
        argv[argc++] = "-j";
        argv[argc++] = (char *)o->jobs;
    }
    if (cli_parse_read_opts(argc, argv, io, &ro, query_usage) < 0)
        return CLI_USAGE;
    rasd_ctx *ctx;
    if (rasd_ctx_new(&ro.cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    cli_ingest_totals t = {0};
    int rc = cli_ingest_files(s, ctx, &ro, o->n_ingest, (char **)o->ingest, io, &t);
    rasd_ctx_free(ctx);
    cli_io quiet = {io->in, io->err, io->err}; /* the summary goes to stderr */
    cli_ingest_summary(&t, &quiet);
    return rc;
}

int cmd_query(int argc, char **argv, cli_io *io)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", query_usage);
            return CLI_OK;
        }
    qopts o = {.db = "rasd.db"};
    store_query_init(&o.q);
    if (q_parse(argc, argv, &o, io) < 0)
        return CLI_USAGE;
    if ((o.in_fmt || o.jobs) && !o.n_ingest)
        return q_usage(io, "--in and -j go with --ingest; got", o.in_fmt ? o.in_fmt : o.jobs),
               CLI_USAGE;
    store_opts so;
    store_opts_init(&so);
    so.readonly = o.n_ingest == 0;
    store *s;
    if (store_open(o.db, &so, &s) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    q_note(store_note(s), io);
    int rc = o.n_ingest ? q_ingest(s, &o, io) : CLI_OK;
    if (rc != CLI_FATAL && rc != CLI_USAGE) {
        int qrc = o.mode == QM_LIST ? q_list(s, &o, io) : q_json_mode(s, &o, io);
        rc = qrc != CLI_OK ? qrc : rc;
    }
    store_close(s);
    fflush(io->out);
    return rc;
}
