/* test_store.c - the event store: schema and migration, ingest and
 * re-ingest, the dedup rule on synthetic events, search, query filters,
 * aggregates, exports, and the failure paths (read-only, locked, full,
 * killed mid-transaction). The last test ingests the examples/ files (and
 * ../shared/seeds when present) and checks the store's invariants. */
#include "check.h"
#include "store/store_int.h"
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static rasd_ctx *tctx; /* text only: analysis without the coder */

/* ------------------------------------------------------------ helpers */

/* An actor spec: NULL (none), "CODE/CTRY" ("CVL/" no country) or "~text"
 * (named, not coded). */
static void actor_json(buf *b, const char *key, const char *spec)
{
    buf_printf(b, ",\"%s\":", key);
    if (!spec) {
        buf_puts(b, "null");
    } else if (spec[0] == '~') {
        buf_printf(b, "{\"text\":\"%s\",\"code\":null,\"country\":null,"
                   "\"sector\":null,\"name\":null,\"resolved\":false}", spec + 1);
    } else {
        const char *slash = strchr(spec, '/');
        int n = (int)(slash - spec);
        const char *text = !strncmp(spec, "TURGOV/", 7) ? "الوزير التركي" : "";
        buf_printf(b, "{\"text\":\"%s%.*s\",\"code\":\"%.*s\",\"country\":", text,
                   *text ? 0 : n, spec, n, spec);
        if (slash[1])
            buf_printf(b, "\"%s\"", slash + 1);
        else
            buf_puts(b, "null");
        buf_puts(b, ",\"sector\":null,\"name\":null,\"resolved\":false}");
    }
}

typedef struct ev {
    const char *cat, *src, *tgt, *date, *place;
    bool neg;
    const char *modality;
    int sentence;
} ev;

static void event_json(buf *b, const char *doc, int i, const ev *e)
{
    buf_printf(b, "{\"doc_id\":\"%s\",\"event_id\":\"%s#%d.%d\",\"category\":\"%s\","
               "\"mode\":null,\"cameo\":\"040\",\"quad_code\":1,\"intensity\":2.5",
               doc, doc, e->sentence, i, e->cat);
    actor_json(b, "source", e->src);
    actor_json(b, "target", e->tgt);
    if (e->date)
        buf_printf(b, ",\"date\":\"%s\"", e->date);
    else
        buf_puts(b, ",\"date\":null");
    buf_puts(b, ",\"date_precision\":\"day\",\"date_origin\":\"sentence\",\"location\":");
    if (e->place)
        buf_printf(b, "{\"text\":\"%s\",\"name\":\"%s\",\"country\":\"SYR\","
                   "\"lat\":33.5,\"lon\":36.3}", e->place, e->place);
    else
        buf_puts(b, "null");
    buf_printf(b, ",\"negated\":%s,\"modality\":\"%s\",\"reported_by\":null,"
               "\"confidence\":0.8,\"sentence\":%d,\"evidence\":{\"text\":\"x\","
               "\"trigger\":\"بحث\",\"pattern\":\"بحث\",\"start\":0,\"end\":10}}\n",
               e->neg ? "true" : "false", e->modality ? e->modality : "asserted",
               e->sentence);
}

/* Store a synthetic document with the given events. */
static store_put_info put(store *s, const char *id, const char *outlet, const char *text,
                          const ev *evs, int n)
{
    rasd_doc *doc;
    store_put_info info;
    memset(&info, 0xff, sizeof info);
    if (rasd_doc_new(id, text, strlen(text), &doc) != RASD_OK)
        return info;
    if (outlet)
        rasd_doc_set_meta(doc, RASD_META_SOURCE, outlet);
    char hash[STORE_HASH_HEX];
    store_doc_hash(doc, hash);
    CHECK(rasd_doc_analyze(tctx, doc) == RASD_OK);
    buf b;
    buf_init(&b);
    for (int i = 0; i < n; i++)
        event_json(&b, id, i, &evs[i]);
    rasd_status st = store_put_doc(s, doc, hash, b.data, b.len, &info);
    if (st != RASD_OK)
        fprintf(stderr, "put %s: %s\n", id, rasd_errmsg());
    CHECK(st == RASD_OK);
    buf_free(&b);
    rasd_doc_free(doc);
    return info;
}

static store *mem_store(void)
{
    store *s = NULL;
    CHECK(store_open(":memory:", NULL, &s) == RASD_OK);
    return s;
}

static long long count(store *s, const char *sql)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Number of events a query returns (and its note). */
static int nq(store *s, const store_query *q, char *note, size_t cap)
{
    store_cursor *c;
    if (store_query_open(s, q, &c) != RASD_OK)
        return -1;
    if (note)
        snprintf(note, cap, "%s", store_cursor_note(c));
    int n = 0;
    const store_event *e;
    while (store_cursor_next(c, &e) == RASD_OK)
        n++;
    store_cursor_free(c);
    return n;
}

static void tmp_path(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "/tmp/rasd-test-store-%d-%s", (int)getpid(), name);
}

static void rm_db(const char *path)
{
    char p[512];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static const char *T = "بحث وزير الخارجية التركي مع نظيره القطري في أنقرة الأوضاع في غزة.";

/* ------------------------------------------------------------ dates */

static void test_dates(void)
{
    store_span a, b;
    CHECK(store_span_parse("2024-03-14", &a));
    CHECK_EQ_INT(a.prec, PREC_DAY);
    CHECK_EQ_INT(a.lo, store_days_from_civil(2024, 3, 14));
    CHECK(store_span_parse("2024-02", &b));
    CHECK_EQ_INT(b.hi - b.lo, 28); /* leap February */
    CHECK(!store_spans_compatible(&a, &b));
    CHECK(store_span_parse("2024-03", &b));
    CHECK(store_spans_compatible(&a, &b));
    CHECK(store_span_parse("2024", &b));
    CHECK(store_spans_compatible(&a, &b) && b.hi - b.lo == 365);
    CHECK(store_span_parse("2021-03-02T18:20:00Z", &a) && a.prec == PREC_DAY);
    CHECK(store_span_parse("--04-08", &a) && a.prec == PREC_UNKNOWN);
    CHECK(store_span_parse(NULL, &a) && a.prec == PREC_UNKNOWN);
    CHECK(!store_span_parse("2024-13", &a));
    CHECK(!store_span_parse("2023-02-29", &a));
    CHECK(!store_span_parse_strict("2024-03-14T10:00", &a));
    CHECK(!store_span_parse_strict("'; DROP TABLE events; --", &a));
    int y, m, d;
    store_civil_from_days(store_days_from_civil(1999, 12, 31) + 1, &y, &m, &d);
    CHECK(y == 2000 && m == 1 && d == 1);
    CHECK_EQ_INT(store_days_from_civil(1970, 1, 1), 0);
}

/* ------------------------------------------------------------ schema */

static void test_schema_and_migration(void)
{
    char path[256];
    tmp_path(path, sizeof path, "mig.db");
    rm_db(path);
    store_opts o;
    store_opts_init(&o);
    o.schema_target = 1; /* a store from before the search index existed */
    store *s;
    CHECK(store_open(path, &o, &s) == RASD_OK);
    CHECK_EQ_INT(store_schema_version(s), 1);
    ev e = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    /* version 1 has no doc_fts: insert below it by hand */
    CHECK(store_exec(s, "INSERT INTO documents(doc_key, hash, text, n_sentences,"
                     " n_mentions, ingested_at) VALUES('old', 'h', 'وتركيا وقطر', 0, 0,"
                     " 'now')", "test") == RASD_OK);
    store_close(s);
    CHECK(store_open(path, NULL, &s) == RASD_OK); /* migrates to the latest */
    CHECK_EQ_INT(store_schema_version(s), STORE_SCHEMA_VERSION);
    buf b;
    buf_init(&b);
    CHECK(store_search(s, "تركيا", 10, &b) == RASD_OK);
    CHECK(b.data && strstr(b.data, "\"doc_id\":\"old\""));
    buf_free(&b);
    put(s, "new", "wire", T, &e, 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events"), 1);
    CHECK_EQ_INT(count(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    store_close(s);
    /* a newer schema is refused, never "upgraded" down */
    CHECK(store_open(path, NULL, &s) == RASD_OK);
    CHECK(store_exec(s, "PRAGMA user_version = 99", "test") == RASD_OK);
    store_close(s);
    CHECK(store_open(path, NULL, &s) == RASD_ERR_FORMAT);
    CHECK(strstr(rasd_errmsg(), "newer") != NULL);
    rm_db(path);
    /* not a database; a missing store for queries */
    FILE *f = fopen(path, "w");
    fputs("this is not sqlite, just text that is long enough to be a header....\n"
          "........................................................................\n", f);
    fclose(f);
    CHECK(store_open(path, NULL, &s) == RASD_ERR_FORMAT);
    rm_db(path);
    o.schema_target = 0;
    o.readonly = true;
    CHECK(store_open(path, &o, &s) == RASD_ERR_NOTFOUND);
}

/* ------------------------------------------------------------ ingest */

static void test_reingest_and_update(void)
{
    store *s = mem_store();
    ev e[2] = {{"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0},
               {"ASSAULT", "SYRMIL/SYR", "CVL/", "2024-03-14", "Idlib", false, NULL, 0}};
    store_put_info i = put(s, "d1", "wire", T, e, 2);
    CHECK_EQ_INT(i.state, STORE_DOC_NEW);
    CHECK_EQ_INT(i.mentions, 2);
    CHECK_EQ_INT(i.new_events, 2);
    i = put(s, "d1", "wire", T, e, 2);
    CHECK_EQ_INT(i.state, STORE_DOC_SAME);
    CHECK_EQ_INT(i.mentions, 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM mentions"), 2);
    /* a new version: its old mentions go, events left empty are deleted */
    i = put(s, "d1", "wire", "نص معدل للخبر نفسه.", e, 1);
    CHECK_EQ_INT(i.state, STORE_DOC_CHANGED);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM documents"), 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM mentions"), 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events"), 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events WHERE category='ASSAULT'"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM actors WHERE code='SYRMIL'"), 0);
    CHECK_EQ_INT(count(s, "SELECT num_mentions FROM events"), 1);
    buf b;
    buf_init(&b);
    CHECK(store_search(s, "غزة", 10, &b) == RASD_OK); /* old text left the index */
    CHECK(b.data && strstr(b.data, "\"rows\":[]"));
    buf_free(&b);
    store_close(s);
}

/* ------------------------------------------------------------ dedup */

static void test_dedup_merges(void)
{
    store *s = mem_store();
    ev a = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    put(s, "a1", "wire-a", T, &a, 1);
    store_put_info i = put(s, "a2", "wire-b", T, &a, 1);
    CHECK_EQ_INT(i.merged, 1);
    i = put(s, "a3", "wire-b", T, &a, 1); /* same outlet again: a document, not a source */
    CHECK_EQ_INT(i.merged, 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events"), 1);
    CHECK_EQ_INT(count(s, "SELECT num_mentions FROM events"), 3);
    CHECK_EQ_INT(count(s, "SELECT num_documents FROM events"), 3);
    CHECK_EQ_INT(count(s, "SELECT num_sources FROM events"), 2);
    /* two sentences of one document */
    ev two[2] = {a, a};
    two[1].sentence = 3;
    i = put(s, "a4", NULL, T, two, 2);
    CHECK_EQ_INT(i.merged, 2);
    CHECK_EQ_INT(count(s, "SELECT num_mentions FROM events"), 5);
    CHECK_EQ_INT(count(s, "SELECT num_sources FROM events"), 3); /* no outlet: its own */
    store_close(s);
}

static void test_dedup_never_merges(void)
{
    store *s = mem_store();
    ev base = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    put(s, "b0", "w", T, &base, 1);
    ev v[7] = {base, base, base, base, base, base, base};
    v[0].src = "QATGOV/QAT", v[0].tgt = "TURGOV/TUR"; /* the other direction */
    v[1].cat = "ACCUSE";                             /* another category */
    v[2].neg = true;                                 /* negated */
    v[3].modality = "future";                        /* not yet happened */
    v[4].modality = "hypothetical";
    v[5].date = "2024-03-15";                        /* another day */
    v[6].tgt = "QAT/QAT";                            /* another actor code */
    for (int k = 0; k < 7; k++) {
        char id[16];
        snprintf(id, sizeof id, "b%d", k + 1);
        store_put_info i = put(s, id, "w", T, &v[k], 1);
        CHECK_EQ_INT(i.new_events, 1);
    }
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events"), 8);
    CHECK_EQ_INT(count(s, "SELECT max(num_mentions) FROM events"), 1);
    store_close(s);
}

static void test_dedup_dates(void)
{
    store *s = mem_store();
    ev m = {"ASSAULT", "SYRMIL/SYR", "TUR/TUR", "2024-03", NULL, false, NULL, 0};
    put(s, "c1", "w", T, &m, 1);
    ev d = m;
    d.date = "2024-03-14"; /* a day inside the month: same event, narrowed */
    CHECK_EQ_INT(put(s, "c2", "w", T, &d, 1).merged, 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events WHERE date='2024-03-14'"), 1);
    d.date = "2024-03-20"; /* another day of that month: not the narrowed event */
    CHECK_EQ_INT(put(s, "c3", "w", T, &d, 1).new_events, 1);
    ev y = m;
    y.date = "2024"; /* the year contains both: joins the oldest */
    CHECK_EQ_INT(put(s, "c4", "w", T, &y, 1).merged, 1);
    CHECK_EQ_INT(count(s, "SELECT num_mentions FROM events WHERE date='2024-03-14'"), 3);
    d.date = "2024-04"; /* another month */
    CHECK_EQ_INT(put(s, "c5", "w", T, &d, 1).new_events, 1);
    /* unknown dates merge only inside their own document */
    ev u = m;
    u.date = NULL;
    CHECK_EQ_INT(put(s, "c6", "w", T, &u, 1).new_events, 1);
    CHECK_EQ_INT(put(s, "c7", "w", T, &u, 1).new_events, 1);
    ev both[2] = {u, d};
    both[1].date = "2025-01-01";
    store_put_info i = put(s, "c8", "w", T, both, 2);
    CHECK_EQ_INT(i.new_events, 1);
    CHECK_EQ_INT(i.merged, 1); /* the dated mention joins its document's undated event */
    u.date = "--04-08"; /* no year: unknown */
    CHECK_EQ_INT(put(s, "c9", "w", T, &u, 1).new_events, 1);
    store_close(s);
}

static void test_dedup_places_and_anchors(void)
{
    store *s = mem_store();
    ev a = {"ASSAULT", "SYRMIL/SYR", "CVL/", "2024-03-14", "Idlib", false, NULL, 0};
    put(s, "p1", "w", T, &a, 1);
    ev b = a;
    b.place = NULL; /* unknown place: compatible */
    CHECK_EQ_INT(put(s, "p2", "w", T, &b, 1).merged, 1);
    b.place = "Aleppo"; /* another place: another event */
    CHECK_EQ_INT(put(s, "p3", "w", T, &b, 1).new_events, 1);
    /* generic actors with no place (civilians attacked by someone, somewhere)
     * are not tied to anything across documents */
    ev g = {"ASSAULT", NULL, "CVL/", "2024-03-14", NULL, false, NULL, 0};
    CHECK_EQ_INT(put(s, "p4", "w", T, &g, 1).new_events, 1);
    CHECK_EQ_INT(put(s, "p5", "w", T, &g, 1).new_events, 1);
    ev gg[2] = {g, g};
    gg[1].sentence = 2;
    store_put_info i = put(s, "p6", "w", T, gg, 2);
    CHECK_EQ_INT(i.new_events, 1);
    CHECK_EQ_INT(i.merged, 1);
    /* named but uncoded actors merge on the same words only */
    ev t = {"PROTEST", "~المحتجون", NULL, "2024-03-14", "Idlib", false, NULL, 0};
    put(s, "p7", "w", T, &t, 1);
    CHECK_EQ_INT(put(s, "p8", "w", T, &t, 1).merged, 1);
    t.src = "~الطلاب";
    CHECK_EQ_INT(put(s, "p9", "w", T, &t, 1).new_events, 1);
    store_close(s);
}

/* ------------------------------------------------------------ search */

static void test_search(void)
{
    store *s = mem_store();
    ev e = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    put(s, "s1", "w", "بحث الوزير مع نظيره العلاقات بين قطر وتركيا.", &e, 1);
    put(s, "s2", "w", "وصل الرئيس لتركيا في زيارة رسمية.", NULL, 0);
    put(s, "s3", "w", "أعلنت الحكومة المصرية خطة جديدة.", NULL, 0);
    buf b;
    buf_init(&b);
    CHECK(store_search(s, "تركيا", 10, &b) == RASD_OK);
    CHECK(strstr(b.data, "\"s1\"") && strstr(b.data, "\"s2\"") && !strstr(b.data, "\"s3\""));
    CHECK(strstr(b.data, "[وتركيا]") != NULL); /* snippet marks the word as written */
    buf_reset(&b);
    CHECK(store_search(s, "تركيا قطر", 10, &b) == RASD_OK); /* every word */
    CHECK(strstr(b.data, "\"s1\"") && !strstr(b.data, "\"s2\""));
    buf_reset(&b);
    CHECK(store_search(s, "\"تركيا\" OR NEAR( x* '; DROP TABLE documents; --", 10,
                       &b) == RASD_OK);
    CHECK(strstr(b.data, "\"rows\":[]") != NULL);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM documents"), 3);
    buf_reset(&b);
    CHECK(store_search(s, "، ؟ !", 10, &b) == RASD_ERR_ARG); /* nothing to search */
    buf_free(&b);
    store_query q;
    store_query_init(&q);
    q.text = "لتركيا";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 1);
    q.text = "مصر";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 0);
    store_close(s);
}

/* ------------------------------------------------------------ queries */

static store *query_fixture(void)
{
    store *s = mem_store();
    ev e[8] = {
        {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", "Ankara", false, NULL, 0},
        {"CONSULT", "QATGOV/QAT", "TURGOV/TUR", "2024-03-20", NULL, false, NULL, 1},
        {"ACCUSE", "TUR/TUR", "SYRGOV/SYR", "2024-04-02", NULL, false, NULL, 2},
        {"ASSAULT", "SYRMIL/SYR", "CVL/", "2024-04-03", "Idlib", false, NULL, 3},
        {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-05", NULL, false, "future", 4},
        {"AID", "TURGOV/TUR", "QATGOV/QAT", "2024-05-01", NULL, true, NULL, 5},
        {"CONSULT", "RUSGOV/RUS", "TURGOV/TUR", NULL, NULL, false, NULL, 6},
        {"CONSULT", "IGOUNO/", "QATGOV/QAT", "2023-12-31", NULL, false, NULL, 7},
    };
    const char *outlet[8] = {"wire-a", "wire-b", "wire-a", "wire-c", "wire-a",
                             "wire-a", "wire-b", "wire-b"};
    for (int i = 0; i < 8; i++) {
        char id[16];
        snprintf(id, sizeof id, "q%d", i);
        put(s, id, outlet[i], T, &e[i], 1);
    }
    return s;
}

static void test_query_filters(void)
{
    store *s = query_fixture();
    store_query q;
    char note[512];
    store_query_init(&q);
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 6); /* future and negated left out */
    q.include_future = q.include_negated = true;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 8);
    store_query_init(&q);
    q.actor = "TUR"; /* a country: TUR, TURGOV on either side */
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 4);
    q.actor = "turgov";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 3);
    q.actor = "Turkey"; /* a name not in the store: unknown, empty, noted */
    CHECK_EQ_INT(nq(s, &q, note, sizeof note), 0);
    CHECK(strstr(note, "unknown actor 'Turkey'") != NULL);
    q.actor = "XYZ";
    CHECK_EQ_INT(nq(s, &q, note, sizeof note), 0);
    q.actor = "' OR 1=1 --";
    CHECK_EQ_INT(nq(s, &q, note, sizeof note), 0);
    CHECK(strstr(note, "unknown actor") != NULL);
    q.actor = "التركي"; /* words of the text as written */
    CHECK_EQ_INT(nq(s, &q, note, sizeof note), 3);
    CHECK(strstr(note, "TURGOV") != NULL);
    store_query_init(&q);
    q.dyad[0] = "TURGOV", q.dyad[1] = "QATGOV";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 2);
    q.directed = true;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 1);
    q.dyad[0] = "TUR", q.dyad[1] = "QAT", q.directed = false;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 2);
    store_query_init(&q);
    q.category = "consult";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 4);
    q.category = NULL, q.quad = 4;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 0); /* quad comes from the records: all 1 */
    q.quad = 1, q.cameo = "04";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 6);
    store_query_init(&q);
    q.from = "2024-03", q.to = "2024-03";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 2);
    q.from = "2024", q.to = NULL;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 4);
    store_query_init(&q);
    q.place = "idlib";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 1);
    q.place = NULL, q.country = "syr";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 2);
    q.country = NULL, q.outlet = "wire-b";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 3);
    q.outlet = "wire-b' OR '1'='1";
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 0);
    store_query_init(&q);
    q.limit = 2;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 2);
    q.offset = 5;
    CHECK_EQ_INT(nq(s, &q, NULL, 0), 1);
    q.limit = 1000000, q.offset = 0;
    CHECK_EQ_INT(nq(s, &q, note, sizeof note), 6);
    CHECK(strstr(note, "capped") != NULL);
    /* malformed parameters are argument errors, not queries */
    store_cursor *c;
    store_query_init(&q);
    q.from = "2024-02-30";
    CHECK(store_query_open(s, &q, &c) == RASD_ERR_ARG);
    q.from = NULL, q.category = "PARTY";
    CHECK(store_query_open(s, &q, &c) == RASD_ERR_ARG);
    q.category = NULL, q.cameo = "04x";
    CHECK(store_query_open(s, &q, &c) == RASD_ERR_ARG);
    q.cameo = NULL, q.country = "SYRIA";
    CHECK(store_query_open(s, &q, &c) == RASD_ERR_ARG);
    q.country = NULL, q.from = "2025", q.to = "2024";
    CHECK(store_query_open(s, &q, &c) == RASD_ERR_ARG);
    store_close(s);
}

static void test_order_and_rows(void)
{
    store *s = query_fixture();
    store_query q;
    store_query_init(&q);
    q.actor = "QAT";
    store_cursor *c;
    CHECK(store_query_open(s, &q, &c) == RASD_OK);
    const store_event *e;
    int64_t last = INT64_MAX;
    int n = 0;
    bool sorted = true;
    while (store_cursor_next(c, &e) == RASD_OK) {
        sorted &= e->date_lo <= last;
        last = e->date_lo;
        n++;
        if (e->id == 1) {
            CHECK_EQ_STR(e->source.code, "TURGOV");
            CHECK_EQ_STR(e->place_name, "Ankara");
            CHECK_EQ_STR(e->doc_id, "q0");
            CHECK_EQ_STR(e->outlet, "wire-a");
        }
    }
    CHECK(sorted);
    CHECK_EQ_INT(n, 3);
    store_cursor_free(c);
    store_close(s);
}

static void test_aggregates(void)
{
    store *s = query_fixture();
    store_query q;
    store_query_init(&q);
    q.dyad[0] = "TUR", q.dyad[1] = "QAT";
    buf b;
    buf_init(&b);
    CHECK(store_aggregate(s, &q, STORE_BY_MONTH, &b) == RASD_OK);
    json_t *o = json_loads(b.data, 0, NULL);
    json_t *rows = json_object_get(o, "rows");
    CHECK_EQ_INT(json_array_size(rows), 1);
    CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(rows, 0), "period")),
                 "2024-03");
    CHECK_EQ_INT(json_integer_value(json_object_get(json_array_get(rows, 0), "count")), 2);
    json_decref(o);
    buf_reset(&b);
    q.include_future = true; /* the month-precision future event */
    CHECK(store_aggregate(s, &q, STORE_BY_WEEK, &b) == RASD_OK);
    o = json_loads(b.data, 0, NULL);
    CHECK_EQ_INT(json_integer_value(json_object_get(o, "coarser")), 1);
    rows = json_object_get(o, "rows");
    CHECK_EQ_INT(json_array_size(rows), 2); /* 14 and 20 March: two weeks */
    CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(rows, 0), "period")),
                 "2024-03-11"); /* a Monday */
    json_decref(o);
    buf_reset(&b);
    store_query_init(&q);
    CHECK(store_top_actors(s, &q, 3, &b) == RASD_OK);
    o = json_loads(b.data, 0, NULL);
    CHECK_EQ_STR(json_string_value(json_object_get(json_array_get(
                     json_object_get(o, "rows"), 0), "code")), "QATGOV");
    json_decref(o);
    buf_reset(&b);
    CHECK(store_top_partners(s, &q, "TURGOV", 5, &b) == RASD_OK);
    o = json_loads(b.data, 0, NULL);
    json_t *r0 = json_array_get(json_object_get(o, "rows"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(r0, "code")), "QATGOV");
    CHECK_EQ_INT(json_integer_value(json_object_get(r0, "events")), 2);
    CHECK_EQ_INT(json_integer_value(json_object_get(r0, "as_source")), 1);
    json_decref(o);
    buf_reset(&b);
    CHECK(store_top_partners(s, &q, "NOPE", 5, &b) == RASD_OK);
    CHECK(strstr(b.data, "\"rows\":[]") && strstr(b.data, "unknown actor"));
    buf_reset(&b);
    CHECK(store_actor_search(s, "QAT", 5, &b) == RASD_OK);
    CHECK(strstr(b.data, "\"QATGOV\"") != NULL);
    buf_free(&b);
    store_close(s);
}

/* ------------------------------------------------------------ exports */

static void test_exports(void)
{
    store *s = query_fixture();
    store_query q;
    store_query_init(&q);
    q.place = "Ankara";
    store_cursor *c;
    CHECK(store_query_open(s, &q, &c) == RASD_OK);
    const store_event *e;
    CHECK(store_cursor_next(c, &e) == RASD_OK);
    buf b;
    buf_init(&b);
    store_event_gdelt(e, &b);
    int tabs = 0;
    for (size_t i = 0; i < b.len; i++)
        tabs += b.data[i] == '\t';
    CHECK_EQ_INT(tabs, 60); /* the 61 columns of the GDELT 2.0 event table */
    CHECK(strncmp(b.data, "1\t20240314\t202403\t2024\t", 23) == 0);
    buf_reset(&b);
    store_csv_header(&b);
    size_t hdr = b.len;
    store_event_csv(e, &b);
    int c1 = 0, c2 = 0;
    for (size_t i = 0; i < b.len; i++)
        *(i < hdr ? &c1 : &c2) += b.data[i] == ',';
    CHECK_EQ_INT(c1, c2);
    buf_reset(&b);
    CHECK(store_event_plover(s, e, &b) == RASD_OK);
    json_t *o = json_loadb(b.data, b.len, 0, NULL);
    CHECK(o != NULL);
    CHECK_EQ_STR(json_string_value(json_object_get(o, "date")), "2024-03-14");
    CHECK_EQ_STR(json_string_value(json_array_get(json_object_get(o, "event"), 0)),
                 "CONSULT");
    json_t *actor = json_array_get(json_object_get(o, "actor"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(actor, "code")), "TUR");
    CHECK_EQ_STR(json_string_value(json_object_get(actor, "sector")), "GOV");
    json_decref(o);
    buf_reset(&b);
    CHECK(store_event_json(s, e, 10, &b) == RASD_OK);
    o = json_loadb(b.data, b.len, 0, NULL);
    CHECK(o && json_array_size(json_object_get(o, "mentions")) == 1);
    json_decref(o);
    store_cursor_free(c);
    buf_reset(&b);
    CHECK(store_event_get(s, 1, &b) == RASD_OK);
    CHECK(strstr(b.data, "\"event_id\":\"q0#0.0\"") != NULL);
    CHECK(store_event_get(s, 999, &b) == RASD_ERR_NOTFOUND);
    buf_reset(&b);
    CHECK(store_doc_get(s, "q0", &b) == RASD_OK);
    o = json_loadb(b.data, b.len, 0, NULL);
    CHECK(o && json_array_size(json_object_get(o, "sentences")) == 1);
    CHECK(o && json_is_string(json_object_get(o, "text")));
    json_decref(o);
    CHECK(store_doc_get(s, "nope", &b) == RASD_ERR_NOTFOUND);
    buf_free(&b);
    store_close(s);
}

/* ------------------------------------------------------------ failures */

static void test_readonly_and_locked(void)
{
    char path[256];
    tmp_path(path, sizeof path, "lock.db");
    rm_db(path);
    store *w, *r, *w2;
    ev e = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    CHECK(store_open(path, NULL, &w) == RASD_OK);
    put(w, "l1", "w", T, &e, 1);
    store_opts o;
    store_opts_init(&o);
    o.readonly = true;
    CHECK(store_open(path, &o, &r) == RASD_OK);
    rasd_doc *doc;
    rasd_doc_new("l2", T, strlen(T), &doc);
    rasd_doc_analyze(tctx, doc);
    CHECK(store_put_doc(r, doc, "h", "", 0, NULL) == RASD_ERR_IO);
    CHECK(strstr(rasd_errmsg(), "read-only") != NULL);
    store_close(r);
    /* another writer holds the lock: wait, then fail without damage */
    CHECK(store_exec(w, "BEGIN IMMEDIATE", "test") == RASD_OK);
    store_opts_init(&o);
    o.busy_ms = 50;
    CHECK(store_open(path, &o, &w2) == RASD_OK);
    CHECK(store_put_doc(w2, doc, "h", "", 0, NULL) == RASD_ERR_IO);
    CHECK(strstr(rasd_errmsg(), "locked") != NULL);
    CHECK(store_exec(w, "COMMIT", "test") == RASD_OK);
    CHECK(store_put_doc(w2, doc, "h", "", 0, NULL) == RASD_OK);
    CHECK_EQ_INT(count(w, "SELECT count(*) FROM documents"), 2);
    rasd_doc_free(doc);
    store_close(w2);
    store_close(w);
    rm_db(path);
}

static void test_disk_full(void)
{
    char path[256];
    tmp_path(path, sizeof path, "full.db");
    rm_db(path);
    store *s;
    CHECK(store_open(path, NULL, &s) == RASD_OK);
    ev e = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    put(s, "f1", "w", T, &e, 1);
    long long pages = count(s, "PRAGMA page_count");
    store_close(s);
    store_opts o;
    store_opts_init(&o);
    o.max_pages = pages + 2; /* room for a little, not for a big document */
    CHECK(store_open(path, &o, &s) == RASD_OK);
    buf big;
    buf_init(&big);
    for (int i = 0; i < 4000; i++)
        buf_puts(&big, "قال المتحدث إن الوزير التقى نظيره في العاصمة أمس. ");
    rasd_doc *doc;
    rasd_doc_new("f2", big.data, big.len, &doc);
    rasd_doc_analyze(tctx, doc);
    CHECK(store_put_doc(s, doc, "h2", "", 0, NULL) == RASD_ERR_IO);
    CHECK(strstr(rasd_errmsg(), "disk full") != NULL);
    CHECK(strstr(rasd_errmsg(), "f2") != NULL);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM documents"), 1); /* nothing half-written */
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM mentions"), 1);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL);
    CHECK(sqlite3_step(st) == SQLITE_ROW && !strcmp(store_col_str(st, 0), "ok"));
    sqlite3_finalize(st);
    rasd_doc_free(doc);
    buf_free(&big);
    store_close(s);
    rm_db(path);
}

/* A writer killed inside a transaction: committed documents stay, the
 * half-written one is gone, and a rerun stores it. */
static void test_killed_writer(void)
{
    char path[256];
    tmp_path(path, sizeof path, "kill.db");
    rm_db(path);
    ev e = {"CONSULT", "TURGOV/TUR", "QATGOV/QAT", "2024-03-14", NULL, false, NULL, 0};
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        store *s;
        if (store_open(path, NULL, &s) != RASD_OK)
            _exit(1);
        put(s, "k1", "w", T, &e, 1);
        store_exec(s, "BEGIN IMMEDIATE", "test");
        store_exec(s, "INSERT INTO documents(doc_key, hash, text, n_sentences,"
                   " n_mentions, ingested_at) VALUES('k2', 'h', 'x', 0, 0, 'now')",
                   "test");
        _exit(0); /* no COMMIT, no close: as if killed */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    store *s;
    CHECK(store_open(path, NULL, &s) == RASD_OK);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM documents WHERE doc_key='k1'"), 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM documents WHERE doc_key='k2'"), 0);
    CHECK_EQ_INT(put(s, "k1", "w", T, &e, 1).state, STORE_DOC_SAME);
    CHECK_EQ_INT(put(s, "k2", "w", T, &e, 1).state, STORE_DOC_NEW);
    store_close(s);
    rm_db(path);
}

/* ------------------------------------------------------------ real documents */

/* Every event agrees with each of its mentions on what the rule keeps
 * equal, and its counts are those of its mentions. */
static void check_invariants(store *s)
{
    CHECK_EQ_INT(count(s,
        "SELECT count(*) FROM events e JOIN mentions m ON m.event = e.id"
        " LEFT JOIN actor_mentions sa ON sa.id = m.src_actor"
        " LEFT JOIN actor_mentions ta ON ta.id = m.tgt_actor"
        " WHERE m.category IS NOT e.category"
        " OR (sa.code IS NOT NULL AND sa.code IS NOT e.src_code)"
        " OR (ta.code IS NOT NULL AND ta.code IS NOT e.tgt_code)"
        " OR (m.negated != (e.flags & 1))"
        " OR ((e.flags & 2) != 0) != (m.modality = 'future')"
        " OR ((e.flags & 4) != 0) != (m.modality = 'hypothetical')"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events e WHERE num_mentions !="
                          " (SELECT count(*) FROM mentions WHERE event = e.id)"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events e WHERE num_documents !="
                          " (SELECT count(DISTINCT doc) FROM mentions WHERE event = e.id)"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events WHERE num_sources < 1"
                          " OR num_sources > num_documents"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM mentions m WHERE NOT EXISTS"
                          " (SELECT 1 FROM events WHERE id = m.event)"), 0);
}

static int ingest_dir(store *s, rasd_ctx *ctx, const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *de;
    int docs = 0;
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name), k = strlen(suffix);
        if (de->d_name[0] == '.' || n < k || strcmp(de->d_name + n - k, suffix))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        rasd_reader *r;
        if (rasd_reader_open(ctx, path, RASD_FMT_AUTO, &r) != RASD_OK)
            continue;
        rasd_doc *doc;
        while (rasd_reader_next(r, &doc) == RASD_OK) {
            char hash[STORE_HASH_HEX], *out = NULL;
            size_t len = 0;
            store_doc_hash(doc, hash);
            if (rasd_code_json(ctx, doc, &out, &len, NULL) == RASD_OK) {
                store_put_info info;
                CHECK(store_put_doc(s, doc, hash, out, len, &info) == RASD_OK);
                CHECK_EQ_INT(info.bad_lines, 0);
                docs++;
            }
            rasd_free(out);
            rasd_doc_free(doc);
        }
        rasd_reader_free(r);
    }
    closedir(d);
    return docs;
}

static void test_real_documents(void)
{
    rasd_ctx *ctx;
    if (rasd_ctx_new(NULL, &ctx) != RASD_OK) {
        fprintf(stderr, "FAIL: no coder context: %s\n", rasd_errmsg());
        CHECK(0);
        return;
    }
    store *s = mem_store();
    CHECK(ingest_dir(s, ctx, "examples", "") >= 4);
    long long events = count(s, "SELECT count(*) FROM events");
    CHECK(events > 0);
    check_invariants(s);
    CHECK(ingest_dir(s, ctx, "examples", "") >= 4); /* again: nothing changes */
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM events"), events);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM documents"), 6);
    int seeds = ingest_dir(s, ctx, "../shared/seeds", ".txt");
    if (seeds < 0)
        printf("test_store: ../shared/seeds not found: seed part skipped\n");
    else
        check_invariants(s);
    store_query q;
    store_query_init(&q);
    q.text = "أنقرة";
    CHECK(nq(s, &q, NULL, 0) > 0);
    store_close(s);
    rasd_ctx_free(ctx);
}

int main(void)
{
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;
    if (rasd_ctx_new(&cfg, &tctx) != RASD_OK) {
        fprintf(stderr, "no context: %s\n", rasd_errmsg());
        return 1;
    }
    RUN(test_dates);
    RUN(test_schema_and_migration);
    RUN(test_reingest_and_update);
    RUN(test_dedup_merges);
    RUN(test_dedup_never_merges);
    RUN(test_dedup_dates);
    RUN(test_dedup_places_and_anchors);
    RUN(test_search);
    RUN(test_query_filters);
    RUN(test_order_and_rows);
    RUN(test_aggregates);
    RUN(test_exports);
    RUN(test_readonly_and_locked);
    RUN(test_disk_full);
    RUN(test_killed_writer);
    RUN(test_real_documents);
    rasd_ctx_free(tctx);
    CHECK_DONE();
}
