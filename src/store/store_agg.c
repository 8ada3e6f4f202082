/* store_agg.c - aggregates over the filtered events (counts and intensity
 * per day/week/month/year, top actors, top partners), actor search,
 * full-text search over articles and store statistics, all as JSON. */
#include "store_int.h"
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ time series */

rasd_status store_bucket_parse(const char *s, store_bucket *out)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    for (int i = 0; s && i < 4; i++)
        if (!strcmp(s, names[i])) {
            *out = (store_bucket)i;
            return RASD_OK;
        }
    return err_set(RASD_ERR_ARG, "unknown period '%s' (day, week, month or year)",
                   s ? s : "");
}

typedef struct bucket_row {
    int64_t key;
    int64_t count;
    double sum;
} bucket_row;

typedef struct series {
    bucket_row *v;
    size_t n, cap;
    int64_t coarser, undated;
} series;

/* Bucket key of a day: the day, its week's Monday (1970-01-01 was a
 * Thursday), y*12+m-1, or the year. */
static int64_t bucket_key(int64_t day, store_bucket by)
{
    int y, m, d;
    switch (by) {
    case STORE_BY_DAY:
        return day;
    case STORE_BY_WEEK:
        return day - (((day + 3) % 7) + 7) % 7;
    case STORE_BY_MONTH:
        store_civil_from_days(day, &y, &m, &d);
        return (int64_t)y * 12 + m - 1;
    default:
        store_civil_from_days(day, &y, &m, &d);
        return y;
    }
}

static void bucket_label(int64_t key, store_bucket by, char out[16])
{
    if (by == STORE_BY_DAY || by == STORE_BY_WEEK)
        store_day_str(key, out);
    else if (by == STORE_BY_MONTH)
        snprintf(out, 16, "%04d-%02d", (int)(key / 12) % 10000, (int)(key % 12) + 1);
    else
        snprintf(out, 16, "%04d", (int)key % 10000);
}

/* An event counts in a bucket only if its date is at least as precise as
 * the bucket: a month-precision event has no day or week. */
static bool precise_enough(int prec, store_bucket by)
{
    switch (by) {
    case STORE_BY_DAY:
    case STORE_BY_WEEK:
        return prec == PREC_DAY;
    case STORE_BY_MONTH:
        return prec >= PREC_MONTH;
    default:
        return prec >= PREC_YEAR;
    }
}

static bool series_add(series *s, int64_t key, int64_t count, double sum)
{
    if (s->n && s->v[s->n - 1].key == key) {
        s->v[s->n - 1].count += count;
        s->v[s->n - 1].sum += sum;
        return true;
    }
    if (s->n == s->cap) {
        size_t nc = s->cap ? 2 * s->cap : 64;
        bucket_row *nv = realloc(s->v, nc * sizeof *nv);
        if (!nv)
            return false;
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n++] = (bucket_row){key, count, sum};
    return true;
}

static int cmp_bucket(const void *a, const void *b)
{
    int64_t x = ((const bucket_row *)a)->key, y = ((const bucket_row *)b)->key;
    return (x > y) - (x < y);
}

/* Sort and merge equal keys (rows come grouped per day and per branch). */
static void series_merge(series *s)
{
    if (!s->n)
        return;
    qsort(s->v, s->n, sizeof *s->v, cmp_bucket);
    size_t k = 0;
    for (size_t i = 1; i < s->n; i++) {
        if (s->v[i].key == s->v[k].key) {
            s->v[k].count += s->v[i].count;
            s->v[k].sum += s->v[i].sum;
        } else {
            s->v[++k] = s->v[i];
        }
    }
    s->n = k + 1;
}

static void series_json(const series *s, store_bucket by, const char *note, buf *b)
{
    static const char *const names[] = {"day", "week", "month", "year"};
    buf_printf(b, "{\"by\":\"%s\",\"rows\":[", names[by]);
    for (size_t i = 0; i < s->n; i++) {
        char label[16];
        bucket_label(s->v[i].key, by, label);
        buf_printf(b, "%s{\"period\":\"%s\",\"count\":%lld,\"intensity_sum\":",
                   i ? "," : "", label, (long long)s->v[i].count);
        store_json_num(b, s->v[i].sum);
        buf_puts(b, ",\"intensity_mean\":");
        store_json_num(b, s->v[i].count ? s->v[i].sum / (double)s->v[i].count : 0);
        buf_putc(b, '}');
    }
    buf_printf(b, "],\"coarser\":%lld,\"undated\":%lld", (long long)s->coarser,
               (long long)s->undated);
    store_json_opt_str(b, "note", note && *note ? note : NULL, true);
    buf_putc(b, '}');
}

static rasd_status series_fill(store *s, const qplan *p, store_bucket by, series *out)
{
    static const char *const cols[] = {"e.date_lo, e.date_prec, e.intensity",
                                       "e.date_lo, e.date_prec, e.intensity"};
    sqlw w;
    sqlw_init(&w);
    buf_puts(&w.sql, "SELECT date_lo, date_prec, count(*), total(intensity) FROM (");
    store_plan_select(p, cols, &w);
    buf_puts(&w.sql, ") GROUP BY date_lo, date_prec ORDER BY date_lo");
    sqlite3_stmt *st;
    rasd_status r = store_sqlw_prepare(s, &w, &st);
    sqlw_free(&w);
    int rc = SQLITE_DONE;
    while (r == RASD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(st, 2);
        int prec = sqlite3_column_int(st, 1);
        if (sqlite3_column_type(st, 0) == SQLITE_NULL || prec == PREC_UNKNOWN)
            out->undated += n;
        else if (!precise_enough(prec, by))
            out->coarser += n;
        else if (!series_add(out, bucket_key(sqlite3_column_int64(st, 0), by), n,
                             sqlite3_column_double(st, 3)))
            r = err_set(RASD_ERR_NOMEM, "out of memory");
    }
    if (r == RASD_OK && rc != SQLITE_DONE)
        r = store_sqlerr(s, rc, "aggregating events");
    sqlite3_finalize(st);
    series_merge(out);
    return r;
}

rasd_status store_aggregate(store *s, const store_query *q, store_bucket by,
                            buf *json)
{
    qplan p;
    series ser = {0};
    rasd_status r = store_plan(s, q, &p);
    if (r == RASD_OK && !p.empty)
        r = series_fill(s, &p, by, &ser);
    if (r == RASD_OK)
        series_json(&ser, by, p.note.data, json);
    free(ser.v);
    store_plan_free(&p);
    return r == RASD_OK && json->oom ? err_set(RASD_ERR_NOMEM, "out of memory") : r;
}

/* ------------------------------------------------------------ rankings */

/* Rows of (code, events, extra ints..., mean) joined with the actors table
 * for country and name. */
static rasd_status rank_json(store *s, sqlw *w, const char *const *extra, int n_extra,
                             buf *b)
{
    sqlite3_stmt *st;
    rasd_status r = store_sqlw_prepare(s, w, &st);
    if (r != RASD_OK)
        return r;
    buf_puts(b, "\"rows\":[");
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        buf_puts(b, n++ ? ",{" : "{");
        store_json_opt_str(b, "code", store_col_str(st, 0), false);
        store_json_opt_str(b, "country", store_col_str(st, 1), true);
        store_json_opt_str(b, "name", store_col_str(st, 2), true);
        buf_printf(b, ",\"events\":%lld", (long long)sqlite3_column_int64(st, 3));
        for (int i = 0; i < n_extra; i++) {
            buf_printf(b, ",\"%s\":", extra[i]);
            if (!strcmp(extra[i], "intensity_mean"))
                store_json_num(b, sqlite3_column_double(st, 4 + i));
            else
                buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, 4 + i));
        }
        buf_putc(b, '}');
    }
    buf_putc(b, ']');
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RASD_OK : store_sqlerr(s, rc, "ranking actors");
}

static void rank_close(const qplan *p, buf *json)
{
    store_json_opt_str(json, "note", p->note.len ? p->note.data : NULL, true);
    buf_putc(json, '}');
}

/* Per branch, events counted per source code and per target code (a self
 * dyad once): each GROUP BY streams over a covering actor index. */
static void top_actors_sql(const qplan *p, size_t n, sqlw *w)
{
    buf_puts(&w->sql, "SELECT t.code, a.country, a.name, sum(t.n) FROM (");
    int nb = store_plan_branches(p);
    for (int b = 0; b < nb; b++) {
        buf_puts(&w->sql, b ? " UNION ALL " : "");
        buf_puts(&w->sql, "SELECT e.src_code AS code, count(*) AS n FROM events e WHERE ");
        store_plan_where(p, b, w);
        buf_puts(&w->sql, " AND e.src_code IS NOT NULL GROUP BY e.src_code UNION ALL"
                 " SELECT e.tgt_code, count(*) FROM events e WHERE ");
        store_plan_where(p, b, w);
        buf_puts(&w->sql, " AND e.tgt_code IS NOT NULL AND e.tgt_code IS NOT e.src_code"
                 " GROUP BY e.tgt_code");
    }
    buf_puts(&w->sql, ") t LEFT JOIN actors a ON a.code = t.code GROUP BY t.code"
             " ORDER BY 4 DESC, 1 LIMIT ");
    sqlw_int(w, (int64_t)(n ? n : 10));
}

rasd_status store_top_actors(store *s, const store_query *q, size_t n, buf *json)
{
    qplan p;
    rasd_status r = store_plan(s, q, &p);
    buf_putc(json, '{');
    if (r == RASD_OK && p.empty) {
        buf_puts(json, "\"rows\":[]");
    } else if (r == RASD_OK) {
        sqlw w;
        sqlw_init(&w);
        top_actors_sql(&p, n, &w);
        r = rank_json(s, &w, NULL, 0, json);
        sqlw_free(&w);
    }
    if (r == RASD_OK)
        rank_close(&p, json);
    store_plan_free(&p);
    return r;
}

rasd_status store_top_partners(store *s, const store_query *q, const char *actor,
                               size_t n, buf *json)
{
    static const char *const cols[] = {"e.tgt_code AS code, 1 AS as_src, e.intensity AS x",
                                       "e.src_code, 0, e.intensity"};
    static const char *const extra[] = {"as_source", "as_target", "intensity_mean"};
    store_query pq = *q; /* the partner's actor replaces any actor filter */
    pq.actor = actor;
    pq.dyad[0] = pq.dyad[1] = NULL;
    qplan p;
    rasd_status r = store_plan(s, &pq, &p);
    buf_putc(json, '{');
    store_json_opt_str(json, "actor", actor, false);
    buf_putc(json, ',');
    if (r == RASD_OK && p.empty) {
        buf_puts(json, "\"rows\":[]");
    } else if (r == RASD_OK) {
        sqlw w;
        sqlw_init(&w);
        buf_puts(&w.sql, "WITH sel AS (");
        store_plan_select(&p, cols, &w);
        buf_puts(&w.sql, ") SELECT sel.code, a.country, a.name, count(*), sum(as_src),"
                 " count(*) - sum(as_src), avg(x) FROM sel LEFT JOIN actors a"
                 " ON a.code = sel.code WHERE sel.code IS NOT NULL GROUP BY sel.code"
                 " ORDER BY 4 DESC, 1 LIMIT ");
        sqlw_int(&w, (int64_t)(n ? n : 10));
        r = rank_json(s, &w, extra, 3, json);
        sqlw_free(&w);
    }
    if (r == RASD_OK)
        rank_close(&p, json);
    store_plan_free(&p);
    return r;
}

/* ------------------------------------------------------------ actor search */

static void actor_row(buf *json, sqlite3_stmt *st, int k)
{
    buf_puts(json, k ? ",{" : "{");
    store_json_opt_str(json, "code", store_col_str(st, 0), false);
    store_json_opt_str(json, "country", store_col_str(st, 1), true);
    store_json_opt_str(json, "sector", store_col_str(st, 2), true);
    store_json_opt_str(json, "name", store_col_str(st, 3), true);
    buf_printf(json, ",\"mentions\":%lld}", (long long)sqlite3_column_int64(st, 4));
}

rasd_status store_actor_search(store *s, const char *q, size_t n, buf *json)
{
    if (!q || !*q)
        return err_set(RASD_ERR_ARG, "empty actor search");
    char up[64];
    size_t i = 0;
    for (; q[i] && i < sizeof up - 1; i++)
        up[i] = (char)(q[i] >= 'a' && q[i] <= 'z' ? q[i] - 32 : q[i]);
    up[i] = '\0';
    store_words words;
    rasd_status r = store_words_of(s, q, &words);
    sqlw w;
    sqlw_init(&w);
    buf_puts(&w.sql, "SELECT code, country, sector, name, n FROM actors WHERE"
             " substr(code, 1, length(");
    sqlw_text(&w, up);
    buf_puts(&w.sql, ")) = ");
    sqlw_text(&w, up);
    buf_puts(&w.sql, " OR country = ");
    sqlw_text(&w, up);
    buf_puts(&w.sql, " OR code IN (SELECT code FROM actor_words WHERE word IN (");
    for (size_t k = 0; k < words.n; k++) {
        buf_puts(&w.sql, k ? "," : "");
        sqlw_text(&w, words.v[k]);
    }
    buf_puts(&w.sql, words.n ? "" : "NULL");
    buf_puts(&w.sql, ") GROUP BY code HAVING count(DISTINCT word) = ");
    sqlw_int(&w, (int64_t)words.n);
    buf_puts(&w.sql, ") ORDER BY n DESC, code LIMIT ");
    sqlw_int(&w, (int64_t)(n ? n : 20));
    sqlite3_stmt *st = NULL;
    if (r == RASD_OK)
        r = store_sqlw_prepare(s, &w, &st);
    buf_puts(json, "{\"rows\":[");
    int rc = SQLITE_DONE, k = 0;
    while (r == RASD_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        actor_row(json, st, k++);
    buf_puts(json, "]}");
    if (r == RASD_OK && rc != SQLITE_DONE)
        r = store_sqlerr(s, rc, "searching actors");
    sqlite3_finalize(st);
    sqlw_free(&w);
    store_words_free(&words);
    return r;
}

/* ------------------------------------------------------------ articles */

rasd_status store_search(store *s, const char *text, size_t limit, buf *json)
{
    buf match;
    buf_init(&match);
    rasd_status r = store_fts_match(s, text, &match);
    sqlite3_stmt *st = NULL;
    int rc = SQLITE_OK;
    if (r == RASD_OK) {
        rc = sqlite3_prepare_v2(s->db,
            "SELECT d.doc_key, d.title, d.outlet, d.date,"
            " snippet(doc_fts, 1, '[', ']', '…', 16), d.n_mentions"
            " FROM doc_fts JOIN documents d ON d.id = doc_fts.rowid"
            " WHERE doc_fts MATCH ?1 ORDER BY rank LIMIT ?2", -1, &st, NULL);
        if (rc != SQLITE_OK)
            r = store_sqlerr(s, rc, "searching");
    }
    if (r == RASD_OK) {
        store_bind_str(st, 1, match.data);
        sqlite3_bind_int64(st, 2, (int64_t)(limit ? limit : 20));
        buf_puts(json, "{");
        store_json_opt_str(json, "query", text, false);
        buf_puts(json, ",\"rows\":[");
        int n = 0;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            buf_puts(json, n++ ? ",{" : "{");
            static const char *const keys[] = {"doc_id", "title", "outlet", "date",
                                               "snippet"};
            for (int i = 0; i < 5; i++)
                store_json_opt_str(json, keys[i], store_col_str(st, i), i > 0);
            buf_printf(json, ",\"mentions\":%d}", sqlite3_column_int(st, 5));
        }
        buf_puts(json, "]}");
        if (rc != SQLITE_DONE)
            r = store_sqlerr(s, rc, "searching");
    }
    sqlite3_finalize(st);
    buf_free(&match);
    return r;
}

rasd_status store_stats(store *s, buf *json)
{
    static const char *const tables[] = {"documents", "sentences", "actor_mentions",
                                         "mentions", "events", "actors"};
    buf_printf(json, "{\"schema_version\":%d", s->version);
    rasd_status r = RASD_OK;
    for (int i = 0; r == RASD_OK && i < 6; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
            buf_printf(json, ",\"%s\":%lld", tables[i],
                       (long long)sqlite3_column_int64(st, 0));
        else
            r = store_sqlerr(s, rc, "counting");
        sqlite3_finalize(st);
    }
    buf_putc(json, '}');
    return r;
}
