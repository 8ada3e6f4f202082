/* store_json.c - events, their mentions with evidence, and documents as
 * JSON objects (the shapes in README.md) for `rasd query` and the HTTP
 * layer. */
#include "store_int.h"
#include <stdlib.h>
#include <string.h>

/* Column numbers of MENTION_SQL (store_db.c). */
enum {
    MC_ID, MC_KEY, MC_DOC, MC_OUTLET, MC_URL, MC_TITLE, MC_DOC_DATE, MC_DATE,
    MC_PREC, MC_ORIGIN, MC_SENT, MC_TRIGGER, MC_PATTERN, MC_CONF, MC_NEG,
    MC_MODALITY, MC_CAMEO, MC_MODE, MC_CAT, MC_SRC, MC_TGT = MC_SRC + 9,
    MC_REP = MC_TGT + 9, MC_SSTART = MC_REP + 9, MC_SEND, MC_STEXT,
    MC_PTEXT, MC_PNAME, MC_PCTRY, MC_LAT, MC_LON, MC_EVENT, MC_QUAD, MC_INTENSITY
};

void store_json_num(buf *b, double v)
{
    buf_printf(b, "%.10g", v);
}

void store_json_opt_str(buf *b, const char *key, const char *v, bool comma)
{
    if (comma)
        buf_putc(b, ',');
    json_key(b, key);
    json_cstr(b, v);
}

void store_json_side(buf *b, const store_side *sd, bool present)
{
    if (!present) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '{');
    store_json_opt_str(b, "code", sd->code, false);
    store_json_opt_str(b, "country", sd->country, true);
    store_json_opt_str(b, "sector", sd->sector, true);
    store_json_opt_str(b, "name", sd->name, true);
    store_json_opt_str(b, "text", sd->text, true);
    buf_putc(b, '}');
}

static void col_str(buf *b, sqlite3_stmt *st, const char *key, int col, bool comma)
{
    store_json_opt_str(b, key, store_col_str(st, col), comma);
}

static void col_opt_int(buf *b, sqlite3_stmt *st, int col)
{
    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        buf_puts(b, "null");
    else
        buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, col));
}

static void mention_actor(buf *b, sqlite3_stmt *st, const char *key, int col)
{
    buf_putc(b, ',');
    json_key(b, key);
    if (!sqlite3_column_int(st, col + 8)) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '{');
    col_str(b, st, "text", col, false);
    buf_puts(b, ",\"start\":");
    col_opt_int(b, st, col + 1);
    buf_puts(b, ",\"end\":");
    col_opt_int(b, st, col + 2);
    col_str(b, st, "code", col + 3, true);
    col_str(b, st, "country", col + 4, true);
    col_str(b, st, "sector", col + 5, true);
    col_str(b, st, "name", col + 6, true);
    buf_printf(b, ",\"resolved\":%s}", sqlite3_column_int(st, col + 7) ? "true" : "false");
}

/* Where the trigger words stand in the sentence (absent when the pattern
 * matched words apart, "أعرب … عن قلق"). */
static void mention_trigger(buf *b, sqlite3_stmt *st)
{
    const char *trig = store_col_str(st, MC_TRIGGER);
    const char *sent = sqlite3_column_blob(st, MC_STEXT);
    size_t sn = (size_t)sqlite3_column_bytes(st, MC_STEXT);
    int64_t base = sqlite3_column_int64(st, MC_SSTART);
    buf_puts(b, ",\"trigger\":{");
    store_json_opt_str(b, "text", trig, false);
    size_t tn = trig ? strlen(trig) : 0;
    const char *hit = NULL;
    for (size_t i = 0; tn && sent && tn <= sn && i <= sn - tn && !hit; i++)
        if (!memcmp(sent + i, trig, tn))
            hit = sent + i;
    if (hit)
        buf_printf(b, ",\"start\":%lld,\"end\":%lld", (long long)(base + (hit - sent)),
                   (long long)(base + (hit - sent) + (int64_t)tn));
    else
        buf_puts(b, ",\"start\":null,\"end\":null");
    col_str(b, st, "pattern", MC_PATTERN, true);
    buf_putc(b, '}');
}

static void mention_place(buf *b, sqlite3_stmt *st)
{
    buf_puts(b, ",\"location\":");
    if (sqlite3_column_type(st, MC_PTEXT) == SQLITE_NULL &&
        sqlite3_column_type(st, MC_PNAME) == SQLITE_NULL) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '{');
    col_str(b, st, "text", MC_PTEXT, false);
    col_str(b, st, "name", MC_PNAME, true);
    col_str(b, st, "country", MC_PCTRY, true);
    if (sqlite3_column_type(st, MC_LAT) != SQLITE_NULL) {
        buf_puts(b, ",\"lat\":");
        store_json_num(b, sqlite3_column_double(st, MC_LAT));
        buf_puts(b, ",\"lon\":");
        store_json_num(b, sqlite3_column_double(st, MC_LON));
    }
    buf_putc(b, '}');
}

/* A byte slice of a document as a JSON string; offsets from an outside
 * coder might cut a character, so the slice is repaired, never trusted. */
static void json_valid_str(buf *b, const char *s, size_t n)
{
    char *fixed = NULL;
    size_t flen = 0;
    if (!s) {
        json_str(b, "", 0);
    } else if (rasd_utf8_check(s, n, NULL) == RASD_OK) {
        json_str(b, s, n);
    } else if (rasd_utf8_repair(s, n, &fixed, &flen, NULL) == RASD_OK) {
        json_str(b, fixed, flen);
    } else {
        b->oom = true;
    }
    free(fixed);
}

/* One mention row as JSON; `event` adds the event id (document view). */
static void mention_json(buf *b, sqlite3_stmt *st, bool event)
{
    buf_printf(b, "{\"mention_id\":%lld", (long long)sqlite3_column_int64(st, MC_ID));
    if (event)
        buf_printf(b, ",\"event\":%lld", (long long)sqlite3_column_int64(st, MC_EVENT));
    col_str(b, st, "event_id", MC_KEY, true);
    col_str(b, st, "doc_id", MC_DOC, true);
    col_str(b, st, "outlet", MC_OUTLET, true);
    col_str(b, st, "url", MC_URL, true);
    col_str(b, st, "title", MC_TITLE, true);
    col_str(b, st, "doc_date", MC_DOC_DATE, true);
    col_str(b, st, "date", MC_DATE, true);
    store_json_opt_str(b, "date_precision",
                       store_prec_str(sqlite3_column_int(st, MC_PREC)), true);
    col_str(b, st, "date_origin", MC_ORIGIN, true);
    buf_printf(b, ",\"sentence\":%d", sqlite3_column_int(st, MC_SENT));
    col_str(b, st, "category", MC_CAT, true);
    col_str(b, st, "mode", MC_MODE, true);
    col_str(b, st, "cameo", MC_CAMEO, true);
    buf_printf(b, ",\"quad_code\":%d,\"intensity\":", sqlite3_column_int(st, MC_QUAD));
    store_json_num(b, sqlite3_column_double(st, MC_INTENSITY));
    buf_printf(b, ",\"negated\":%s", sqlite3_column_int(st, MC_NEG) ? "true" : "false");
    col_str(b, st, "modality", MC_MODALITY, true);
    buf_puts(b, ",\"confidence\":");
    store_json_num(b, sqlite3_column_double(st, MC_CONF));
    mention_trigger(b, st);
    mention_actor(b, st, "source", MC_SRC);
    mention_actor(b, st, "target", MC_TGT);
    mention_actor(b, st, "reported_by", MC_REP);
    mention_place(b, st);
    buf_puts(b, ",\"evidence\":{\"text\":");
    json_valid_str(b, sqlite3_column_blob(st, MC_STEXT),
                   (size_t)sqlite3_column_bytes(st, MC_STEXT));
    buf_puts(b, ",\"start\":");
    col_opt_int(b, st, MC_SSTART);
    buf_puts(b, ",\"end\":");
    col_opt_int(b, st, MC_SEND);
    buf_puts(b, "}}");
}

static rasd_status mentions_json(store *s, int q, int64_t key, size_t max,
                                 bool event, buf *b)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, q, &r);
    if (!st)
        return r;
    sqlite3_bind_int64(st, 1, key);
    sqlite3_bind_int64(st, 2, max > INT64_MAX ? INT64_MAX : (int64_t)max);
    buf_putc(b, '[');
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++)
            buf_putc(b, ',');
        mention_json(b, st, event);
    }
    buf_putc(b, ']');
    if (rc != SQLITE_DONE)
        r = store_sqlerr(s, rc, "reading mentions");
    sqlite3_reset(st);
    return r;
}

void store_json_place(buf *b, const char *key, const store_event *ev,
                      const char *const names[3])
{
    buf_printf(b, ",\"%s\":", key);
    if (!ev->has_place) {
        buf_puts(b, "null");
        return;
    }
    buf_putc(b, '{');
    store_json_opt_str(b, names[0], ev->place_text, false);
    store_json_opt_str(b, names[1], ev->place_name, true);
    store_json_opt_str(b, names[2], ev->place_country, true);
    if (ev->has_coords) {
        buf_puts(b, ",\"lat\":");
        store_json_num(b, ev->lat);
        buf_puts(b, ",\"lon\":");
        store_json_num(b, ev->lon);
    }
    buf_putc(b, '}');
}

rasd_status store_event_json(store *s, const store_event *ev, size_t max_mentions,
                             buf *b)
{
    buf_printf(b, "{\"id\":%lld", (long long)ev->id);
    store_json_opt_str(b, "category", ev->category, true);
    store_json_opt_str(b, "mode", ev->mode, true);
    store_json_opt_str(b, "cameo", ev->cameo, true);
    buf_printf(b, ",\"quad_code\":%d,\"intensity\":", ev->quad);
    store_json_num(b, ev->intensity);
    buf_puts(b, ",\"source\":");
    store_json_side(b, &ev->source, ev->has_source);
    buf_puts(b, ",\"target\":");
    store_json_side(b, &ev->target, ev->has_target);
    store_json_opt_str(b, "date", ev->date, true);
    store_json_opt_str(b, "date_precision", ev->date_precision, true);
    static const char *const names[3] = {"text", "name", "country"};
    store_json_place(b, "location", ev, names);
    buf_printf(b, ",\"negated\":%s", ev->negated ? "true" : "false");
    store_json_opt_str(b, "modality", ev->modality, true);
    buf_puts(b, ",\"confidence\":");
    store_json_num(b, ev->confidence);
    buf_printf(b, ",\"num_mentions\":%d,\"num_sources\":%d,\"num_documents\":%d,"
               "\"is_root\":%s", ev->num_mentions, ev->num_sources,
               ev->num_documents, ev->is_root ? "true" : "false");
    store_json_opt_str(b, "added", ev->added, true);
    buf_puts(b, ",\"mentions\":");
    rasd_status r = mentions_json(s, Q_MENTIONS_OF_EVENT, ev->id,
                                  max_mentions ? max_mentions : SIZE_MAX, false, b);
    buf_putc(b, '}');
    if (r == RASD_OK && b->oom)
        r = err_set(RASD_ERR_NOMEM, "out of memory");
    return r;
}

rasd_status store_event_get(store *s, int64_t id, buf *json)
{
    sqlw w;
    sqlw_init(&w);
    buf_puts(&w.sql, "SELECT " STORE_EVENT_COLS " FROM events e" STORE_EVENT_JOINS
             " WHERE e.id = ");
    sqlw_int(&w, id);
    store_cursor *c;
    rasd_status r = store_cursor_sql(s, &w, NULL, &c);
    sqlw_free(&w);
    if (r != RASD_OK)
        return r;
    const store_event *ev;
    r = store_cursor_next(c, &ev);
    if (r == RASD_OK)
        r = store_event_json(s, ev, SIZE_MAX, json);
    else if (r == RASD_DONE)
        r = err_set(RASD_ERR_NOTFOUND, "%s: no event %lld", s->path, (long long)id);
    store_cursor_free(c);
    return r;
}

/* ------------------------------------------------------------ documents */

static rasd_status doc_sentences(store *s, int64_t doc, buf *b)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT idx, start, end FROM sentences"
                                " WHERE doc = ?1 ORDER BY idx", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "reading sentences");
    sqlite3_bind_int64(st, 1, doc);
    buf_puts(b, ",\"sentences\":[");
    int n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        buf_printf(b, "%s{\"index\":%d,\"start\":%lld,\"end\":%lld}", n++ ? "," : "",
                   sqlite3_column_int(st, 0), (long long)sqlite3_column_int64(st, 1),
                   (long long)sqlite3_column_int64(st, 2));
    buf_putc(b, ']');
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RASD_OK : store_sqlerr(s, rc, "reading sentences");
}

rasd_status store_doc_get(store *s, const char *doc_id, buf *b)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
        "SELECT id, doc_key, title, outlet, url, date, date_precision, date_origin,"
        " input, hash, ingested_at, text FROM documents WHERE doc_key = ?1",
        -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "reading a document");
    store_bind_str(st, 1, doc_id);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return rc == SQLITE_DONE
                   ? err_set(RASD_ERR_NOTFOUND, "%s: no document '%s'", s->path, doc_id)
                   : store_sqlerr(s, rc, "reading a document");
    }
    static const char *const keys[] = {"doc_id", "title", "outlet", "url", "date",
                                       "date_precision", "date_origin", "input",
                                       "hash", "ingested_at", "text"};
    int64_t id = sqlite3_column_int64(st, 0);
    buf_putc(b, '{');
    for (int i = 0; i < 11; i++)
        col_str(b, st, keys[i], i + 1, i > 0);
    buf_printf(b, ",\"bytes\":%d", sqlite3_column_bytes(st, 11));
    sqlite3_finalize(st);
    rasd_status r = doc_sentences(s, id, b);
    if (r == RASD_OK) {
        buf_puts(b, ",\"mentions\":");
        r = mentions_json(s, Q_MENTIONS_OF_DOC, id, SIZE_MAX, true, b);
    }
    buf_putc(b, '}');
    if (r == RASD_OK && b->oom)
        r = err_set(RASD_ERR_NOMEM, "out of memory");
    return r;
}
