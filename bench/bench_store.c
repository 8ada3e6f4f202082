/* bench_store.c - the event store: ingest speed and size on a JSONL corpus,
 * then query latency on a store of >= 1 million events.
 *
 * Usage: bench_store CORPUS.jsonl [runs]
 *   1. codes and stores every document of the corpus (one thread) into
 *      $RASD_BENCH_DIR/rasd-bench-store.db (default /tmp): documents/s for
 *      coding + storing and for storing alone, and the file size;
 *   2. grows the store to >= $RASD_BENCH_EVENTS events (default 1,000,000)
 *      by replicating its event and mention rows with dates shifted by ten
 *      years per copy (INSERT ... SELECT; the documents are shared);
 *   3. times dyad lists, actor lists, dyad aggregates, top partners, top
 *      actors and a search-filtered dyad list over the biggest and random
 *      dyads: p50, p95 and max in ms, `runs` rounds (default 5).
 * RASD_BENCH_REUSE=1 skips step 1 when the store file exists (and keeps the
 * file); otherwise it is deleted at the end unless RASD_BENCH_KEEP=1. */
#include "store/store_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this thread: on a shared machine, wall time also counts the
 * time other processes held the core. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
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

static long long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static long long one_int(store *s, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* ------------------------------------------------------------ 1. ingest */

static int bench_ingest(const char *corpus, const char *db)
{
    size_t len;
    char *data = slurp(corpus, &len);
    rasd_ctx *ctx;
    store *s;
    if (!data || rasd_ctx_new(NULL, &ctx) != RASD_OK) {
        fprintf(stderr, "bench_store: cannot read %s or load the coder\n", corpus);
        free(data);
        return 1;
    }
    if (store_open(db, NULL, &s) != RASD_OK) {
        fprintf(stderr, "bench_store: %s\n", rasd_errmsg());
        return 1;
    }
    rasd_reader *r;
    rasd_reader_open_mem(ctx, "corpus", data, len, RASD_FMT_JSONL, &r);
    size_t docs = 0, mentions = 0, merged = 0;
    double t0 = now(), t_store = 0;
    rasd_doc *doc;
    rasd_status st;
    while ((st = rasd_reader_next(r, &doc)) != RASD_DONE) {
        if (st != RASD_OK)
            continue;
        char hash[STORE_HASH_HEX], *out = NULL;
        size_t n = 0;
        store_doc_hash(doc, hash);
        if (rasd_code_json(ctx, doc, &out, &n, NULL) == RASD_OK) {
            store_put_info info;
            double t1 = now();
            if (store_put_doc(s, doc, hash, out, n, &info) != RASD_OK)
                fprintf(stderr, "bench_store: %s\n", rasd_errmsg());
            t_store += now() - t1;
            docs++;
            mentions += info.mentions;
            merged += info.merged;
        }
        rasd_free(out);
        rasd_doc_free(doc);
    }
    double dt = now() - t0;
    rasd_reader_free(r);
    long long events = one_int(s, "SELECT count(*) FROM events");
    store_close(s); /* checkpoints the WAL into the file */
    printf("ingest: %zu documents, %zu mentions, %lld events (%zu merged) in %.1f s\n",
           docs, mentions, events, merged, dt);
    printf("ingest: %.0f documents/s coded and stored, %.0f documents/s stored "
           "(%.2f ms per document)\n", docs / dt, docs / t_store, 1000 * t_store / docs);
    printf("ingest: store %.1f MB (corpus %.1f MB of JSONL)\n",
           file_size(db) / 1048576.0, len / 1048576.0);
    rasd_ctx_free(ctx);
    free(data);
    return 0;
}

/* ------------------------------------------------------------ 2. scale */

/* Copy k of every event and mention, ids offset, dates shifted 10 years. */
static rasd_status replicate(store *s, int k, long long emax, long long mmax)
{
    char sql[4096];
    long long shift = 3653LL * k, eo = emax * k, mo = mmax * k;
    snprintf(sql, sizeof sql,
        "INSERT INTO events SELECT id + %lld, dkey, category, mode, cameo, quad,"
        " intensity, src_code, src_country, src_sector, src_name, tgt_code,"
        " tgt_country, tgt_sector, tgt_name,"
        " CASE date_prec WHEN 3 THEN date((date_lo + %lld) * 86400, 'unixepoch')"
        " WHEN 2 THEN strftime('%%Y-%%m', (date_lo + %lld) * 86400, 'unixepoch')"
        " WHEN 1 THEN strftime('%%Y', (date_lo + %lld) * 86400, 'unixepoch')"
        " ELSE date END, date_lo + %lld, date_hi + %lld, date_prec, place_key,"
        " place_text, place_name, place_country, lat, lon, flags, confidence,"
        " is_root, num_mentions, num_sources, num_documents, rep_mention + %lld,"
        " added FROM events WHERE id <= %lld;"
        "INSERT INTO mentions SELECT id + %lld, event + %lld, doc, mention_key,"
        " sentence, category, mode, cameo, quad, intensity, src_actor, tgt_actor,"
        " rep_actor, date, date_lo + %lld, date_hi + %lld, date_prec, date_origin,"
        " place_key, place_text, place_name, place_country, lat, lon, negated,"
        " modality, confidence, trigger, pattern, sent_start, sent_end"
        " FROM mentions WHERE id <= %lld;",
        eo, shift, shift, shift, shift, shift, mo, emax, mo, eo, shift, shift, mmax);
    return store_exec(s, sql, "replicating");
}

static int bench_scale(store *s, long long target)
{
    long long events = one_int(s, "SELECT count(*) FROM events");
    if (events >= target || events <= 0)
        return 0;
    long long emax = one_int(s, "SELECT max(id) FROM events");
    long long mmax = one_int(s, "SELECT max(id) FROM mentions");
    int copies = (int)((target + events - 1) / events);
    double t0 = now();
    rasd_status r = store_exec(s, "BEGIN", "replicating");
    for (int k = 1; r == RASD_OK && k < copies; k++)
        r = replicate(s, k, emax, mmax);
    if (r == RASD_OK)
        r = store_exec(s, "COMMIT; ANALYZE", "replicating");
    if (r != RASD_OK) {
        fprintf(stderr, "bench_store: %s\n", rasd_errmsg());
        return 1;
    }
    printf("scale: %d copies with dates shifted 10 years each: %lld events, "
           "%lld mentions in %.1f s\n", copies,
           one_int(s, "SELECT count(*) FROM events"),
           one_int(s, "SELECT count(*) FROM mentions"), now() - t0);
    return 0;
}

/* ------------------------------------------------------------ 3. queries */

typedef struct timing {
    const char *name;
    double *ms, *cpu;
    size_t n, cap;
    long long rows;
} timing;

static bool timing_on; /* off during the warm-up round */
static double t_cpu0;  /* CPU clock at the start of the query being timed */

static void timing_add(timing *t, double ms, long long rows)
{
    double cpu = 1000 * (cpu_now() - t_cpu0);
    if (!timing_on)
        return;
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->ms = realloc(t->ms, t->cap * sizeof *t->ms);
        t->cpu = realloc(t->cpu, t->cap * sizeof *t->cpu);
    }
    t->cpu[t->n] = cpu;
    t->ms[t->n++] = ms;
    t->rows += rows;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void timing_print(timing *t)
{
    if (!t->n)
        return;
    qsort(t->ms, t->n, sizeof *t->ms, cmp_d);
    qsort(t->cpu, t->n, sizeof *t->cpu, cmp_d);
    printf("  %-34s n=%-4zu wall p50 %6.2f p95 %7.2f max %7.2f | cpu p50 %6.2f"
           " p95 %7.2f ms | rows %.0f\n", t->name, t->n, t->ms[t->n / 2],
           t->ms[(t->n * 95) / 100], t->ms[t->n - 1], t->cpu[t->n / 2],
           t->cpu[(t->n * 95) / 100], (double)t->rows / (double)t->n);
    free(t->ms);
    free(t->cpu);
}

/* A list query as the HTTP layer runs it: rows rendered as JSON with up to
 * 10 mentions each. */
static long long run_list(store *s, const store_query *q)
{
    store_cursor *c;
    if (store_query_open(s, q, &c) != RASD_OK)
        return -1;
    buf b;
    buf_init(&b);
    const store_event *ev;
    long long n = 0;
    while (store_cursor_next(c, &ev) == RASD_OK) {
        store_event_json(s, ev, 10, &b);
        buf_reset(&b);
        n++;
    }
    buf_free(&b);
    store_cursor_free(c);
    return n;
}

typedef struct dyad {
    char a[32], b[32];
} dyad;

/* The biggest directed code dyads, then random ones (fixed seed). */
static size_t pick_dyads(store *s, dyad *out, size_t max)
{
    sqlite3_stmt *st;
    size_t n = 0;
    sqlite3_prepare_v2(s->db, "SELECT src_code, tgt_code FROM events WHERE src_code"
                       " IS NOT NULL AND tgt_code IS NOT NULL GROUP BY 1, 2"
                       " ORDER BY count(*) DESC LIMIT ?1", -1, &st, NULL);
    sqlite3_bind_int64(st, 1, (int64_t)(max / 2));
    while (n < max / 2 && sqlite3_step(st) == SQLITE_ROW) {
        snprintf(out[n].a, sizeof out[n].a, "%s", store_col_str(st, 0));
        snprintf(out[n].b, sizeof out[n].b, "%s", store_col_str(st, 1));
        n++;
    }
    sqlite3_finalize(st);
    sqlite3_prepare_v2(s->db, "SELECT src_code, tgt_code FROM events WHERE id = ?1"
                       " AND src_code IS NOT NULL AND tgt_code IS NOT NULL", -1, &st, NULL);
    long long emax = one_int(s, "SELECT max(id) FROM events");
    srand(42);
    for (int tries = 0; n < max && tries < 100000; tries++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, 1 + (long long)rand() % emax);
        if (sqlite3_step(st) != SQLITE_ROW)
            continue;
        snprintf(out[n].a, sizeof out[n].a, "%s", store_col_str(st, 0));
        snprintf(out[n].b, sizeof out[n].b, "%s", store_col_str(st, 1));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

enum { T_DIRECTED, T_UNDIRECTED, T_DYAD_YEAR, T_AGG_MONTH, T_AGG_WEEK, T_ACTOR,
       T_PARTNERS, T_TEXT_DYAD, T_TOP_ACTORS, T_N };

static void bench_dyad(store *s, const dyad *d, timing *t)
{
    store_query q;
    buf b;
    buf_init(&b);
    double t0;
    store_query_init(&q);
    q.dyad[0] = d->a, q.dyad[1] = d->b, q.directed = true;
    t0 = now(), t_cpu0 = cpu_now();
    long long n = run_list(s, &q);
    timing_add(&t[T_DIRECTED], 1000 * (now() - t0), n);
    q.directed = false;
    t0 = now(), t_cpu0 = cpu_now();
    n = run_list(s, &q);
    timing_add(&t[T_UNDIRECTED], 1000 * (now() - t0), n);
    q.from = "2028-01-01", q.to = "2028-12-31";
    t0 = now(), t_cpu0 = cpu_now();
    n = run_list(s, &q);
    timing_add(&t[T_DYAD_YEAR], 1000 * (now() - t0), n);
    q.from = q.to = NULL;
    t0 = now(), t_cpu0 = cpu_now();
    store_aggregate(s, &q, STORE_BY_MONTH, &b);
    if (getenv("RASD_BENCH_VERBOSE") && timing_on)
        printf("    %s,%s: month series %.2f ms\n", d->a, d->b, 1000 * (now() - t0));
    timing_add(&t[T_AGG_MONTH], 1000 * (now() - t0), 0);
    buf_reset(&b);
    t0 = now(), t_cpu0 = cpu_now();
    store_aggregate(s, &q, STORE_BY_WEEK, &b);
    timing_add(&t[T_AGG_WEEK], 1000 * (now() - t0), 0);
    buf_reset(&b);
    q.text = "إيران";
    t0 = now(), t_cpu0 = cpu_now();
    n = run_list(s, &q);
    timing_add(&t[T_TEXT_DYAD], 1000 * (now() - t0), n);
    store_query_init(&q);
    q.actor = d->a;
    t0 = now(), t_cpu0 = cpu_now();
    n = run_list(s, &q);
    timing_add(&t[T_ACTOR], 1000 * (now() - t0), n);
    t0 = now(), t_cpu0 = cpu_now();
    store_top_partners(s, &q, d->a, 10, &b);
    timing_add(&t[T_PARTNERS], 1000 * (now() - t0), 0);
    buf_free(&b);
}

static void bench_queries(store *s, int runs)
{
    static const char *const names[T_N] = {
        "dyad list, directed (100 rows)", "dyad list, undirected (100 rows)",
        "dyad list, one year", "dyad events per month", "dyad events per week",
        "actor list, either side (100 rows)", "top partners of an actor",
        "dyad list + text search", "top actors, whole store"};
    timing t[T_N];
    memset(t, 0, sizeof t);
    for (int i = 0; i < T_N; i++)
        t[i].name = names[i];
    dyad d[40];
    size_t nd = pick_dyads(s, d, 40);
    for (int r = 0; r <= runs; r++) { /* round 0 warms the page cache */
        timing_on = r > 0;
        for (size_t i = 0; i < nd; i++)
            bench_dyad(s, &d[i], t);
        store_query q;
        store_query_init(&q);
        buf b;
        buf_init(&b);
        double t0 = now();
        t_cpu0 = cpu_now();
        store_top_actors(s, &q, 20, &b);
        timing_add(&t[T_TOP_ACTORS], 1000 * (now() - t0), 0);
        buf_free(&b);
    }
    printf("queries: %zu dyads (20 biggest, 20 random) x %d rounds after a warm-up"
           " round, rows rendered as JSON (ms):\n", nd, runs);
    for (int i = 0; i < T_N; i++)
        timing_print(&t[i]);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_store CORPUS.jsonl [runs]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    const char *dir = getenv("RASD_BENCH_DIR");
    const char *target = getenv("RASD_BENCH_EVENTS");
    char db[512], p[600];
    snprintf(db, sizeof db, "%s/rasd-bench-store.db", dir ? dir : "/tmp");
    bool reuse = getenv("RASD_BENCH_REUSE") && access(db, F_OK) == 0;
    if (!reuse) {
        for (int i = 0; i < 3; i++) {
            snprintf(p, sizeof p, "%s%s", db, i == 0 ? "" : i == 1 ? "-wal" : "-shm");
            unlink(p);
        }
        if (bench_ingest(argv[1], db) != 0)
            return 1;
    }
    store *s;
    if (store_open(db, NULL, &s) != RASD_OK) {
        fprintf(stderr, "bench_store: %s\n", rasd_errmsg());
        return 1;
    }
    if (bench_scale(s, target ? atoll(target) : 1000000) != 0)
        return 1;
    store_close(s);
    printf("scale: store %.1f MB\n", file_size(db) / 1048576.0);
    store_opts o;
    store_opts_init(&o);
    o.readonly = true; /* queries run as the HTTP layer's readers do */
    if (store_open(db, &o, &s) != RASD_OK) {
        fprintf(stderr, "bench_store: %s\n", rasd_errmsg());
        return 1;
    }
    bench_queries(s, runs > 0 ? runs : 1);
    store_close(s);
    if (!getenv("RASD_BENCH_KEEP") && !getenv("RASD_BENCH_REUSE")) /* ~0.9 GB */
        for (int i = 0; i < 3; i++) {
            snprintf(p, sizeof p, "%s%s", db, i == 0 ? "" : i == 1 ? "-wal" : "-shm");
            unlink(p);
        }
    return 0;
}
