/* store_db.c - opening a store: connection settings, schema versions and
 * migrations, the prepared-statement cache and SQLite error messages. */
#include "store_int.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

/* ------------------------------------------------------------ schema */

/* Version 1: documents, sentences, actor and event mentions, events. */
static const char schema_v1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "CREATE TABLE documents("
    " id INTEGER PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,"
    " input TEXT, title TEXT, outlet TEXT, url TEXT, date TEXT,"
    " date_precision TEXT, date_origin TEXT, text TEXT NOT NULL,"
    " n_sentences INTEGER NOT NULL, n_mentions INTEGER NOT NULL,"
    " ingested_at TEXT NOT NULL);"
    "CREATE INDEX documents_outlet ON documents(outlet);"
    "CREATE TABLE sentences(doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY(doc, idx))"
    " WITHOUT ROWID;"
    "CREATE TABLE actor_mentions(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
    " sentence INTEGER, text TEXT, start INTEGER, end INTEGER, code TEXT,"
    " country TEXT, sector TEXT, name TEXT, resolved INTEGER NOT NULL);"
    "CREATE INDEX actor_mentions_doc ON actor_mentions(doc);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, dkey INTEGER NOT NULL,"
    " category TEXT NOT NULL, mode TEXT, cameo TEXT, quad INTEGER,"
    " intensity REAL, src_code TEXT, src_country TEXT, src_sector TEXT,"
    " src_name TEXT, tgt_code TEXT, tgt_country TEXT, tgt_sector TEXT,"
    " tgt_name TEXT, date TEXT, date_lo INTEGER, date_hi INTEGER,"
    " date_prec INTEGER NOT NULL, place_key TEXT, place_text TEXT,"
    " place_name TEXT, place_country TEXT, lat REAL, lon REAL,"
    " flags INTEGER NOT NULL, confidence REAL, is_root INTEGER,"
    " num_mentions INTEGER NOT NULL DEFAULT 0,"
    " num_sources INTEGER NOT NULL DEFAULT 0,"
    " num_documents INTEGER NOT NULL DEFAULT 0, rep_mention INTEGER,"
    " added TEXT);"
    "CREATE INDEX ev_dkey ON events(dkey, date_lo);"
    "CREATE INDEX ev_dyad ON events(src_code, tgt_code, date_lo);"
    "CREATE INDEX ev_src ON events(src_code, date_lo);"
    "CREATE INDEX ev_tgt ON events(tgt_code, date_lo);"
    "CREATE INDEX ev_cdyad ON events(src_country, tgt_country, date_lo);"
    "CREATE INDEX ev_csrc ON events(src_country, date_lo);"
    "CREATE INDEX ev_ctgt ON events(tgt_country, date_lo);"
    "CREATE INDEX ev_date ON events(date_lo);"
    "CREATE TABLE mentions(id INTEGER PRIMARY KEY, event INTEGER NOT NULL,"
    " doc INTEGER NOT NULL, mention_key TEXT NOT NULL, sentence INTEGER NOT NULL,"
    " category TEXT NOT NULL, mode TEXT, cameo TEXT, quad INTEGER,"
    " intensity REAL, src_actor INTEGER, tgt_actor INTEGER, rep_actor INTEGER,"
    " date TEXT, date_lo INTEGER, date_hi INTEGER, date_prec INTEGER NOT NULL,"
    " date_origin TEXT, place_key TEXT, place_text TEXT, place_name TEXT,"
    " place_country TEXT, lat REAL, lon REAL, negated INTEGER NOT NULL,"
    " modality TEXT NOT NULL, confidence REAL, trigger TEXT, pattern TEXT,"
    " sent_start INTEGER, sent_end INTEGER);"
    "CREATE INDEX mentions_event ON mentions(event, doc);"
    "CREATE INDEX mentions_doc ON mentions(doc, event);"
    "CREATE TABLE actors(code TEXT PRIMARY KEY, country TEXT, sector TEXT,"
    " name TEXT, n INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE actor_words(word TEXT NOT NULL, code TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY(word, code)) WITHOUT ROWID;";

/* Version 2: the Arabic-aware full-text index over titles and texts (an
 * external-content FTS5 table; the `rasd` tokenizer is registered on every
 * connection). Built from the documents already stored. */
static const char schema_v2[] =
    "CREATE VIRTUAL TABLE doc_fts USING fts5(title, text,"
    " content='documents', content_rowid='id', tokenize='rasd');"
    "INSERT INTO doc_fts(doc_fts) VALUES('rebuild');";

/* Version 3: speed on large stores. The text of every sentence that carries
 * a mention is kept (evidence without loading whole documents), and the
 * actor indexes cover what dyad/actor lists, time series and rankings read
 * (flags, precision, intensity, the other side's code and country), so any
 * mix of code and country on the two sides is tested inside the index and
 * those scans never touch the table. */
static const char schema_v3[] =
    "ALTER TABLE sentences ADD COLUMN text TEXT;"
    "UPDATE sentences SET text = CAST(substr(CAST((SELECT d.text FROM documents d"
    " WHERE d.id = sentences.doc) AS BLOB), start + 1, end - start) AS TEXT)"
    " WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.doc = sentences.doc"
    " AND m.sentence = sentences.idx);"
    "DROP INDEX ev_dyad; DROP INDEX ev_src; DROP INDEX ev_tgt;"
    "DROP INDEX ev_cdyad; DROP INDEX ev_csrc; DROP INDEX ev_ctgt;"
    "CREATE INDEX ev_dyad ON events(src_code, tgt_code, date_lo, flags, date_prec,"
    " intensity);"
    "CREATE INDEX ev_src ON events(src_code, date_lo, flags, date_prec, intensity,"
    " tgt_code, tgt_country);"
    "CREATE INDEX ev_tgt ON events(tgt_code, date_lo, flags, date_prec, intensity,"
    " src_code, src_country);"
    "CREATE INDEX ev_cdyad ON events(src_country, tgt_country, date_lo, flags,"
    " date_prec, intensity, src_code, tgt_code);"
    "CREATE INDEX ev_csrc ON events(src_country, date_lo, flags, date_prec,"
    " intensity, tgt_code, tgt_country, src_code);"
    "CREATE INDEX ev_ctgt ON events(tgt_country, date_lo, flags, date_prec,"
    " intensity, src_code, src_country, tgt_code);";

static const char *const migrations[STORE_SCHEMA_VERSION] = {schema_v1, schema_v2,
                                                              schema_v3};

/* ------------------------------------------------------------ statements */

/* A mention with its document, actors and sentence text (columns read by
 * store_json.c: keep the two in step). */
#define MENTION_ACTOR(a)                                                      \
    " " a ".text, " a ".start, " a ".end, " a ".code, " a ".country, " a      \
    ".sector, " a ".name, " a ".resolved, " a ".id IS NOT NULL,"
#define MENTION_SQL                                                           \
    "SELECT m.id, m.mention_key, d.doc_key, d.outlet, d.url, d.title, d.date,"\
    " m.date, m.date_prec, m.date_origin, m.sentence, m.trigger, m.pattern,"  \
    " m.confidence, m.negated, m.modality, m.cameo, m.mode, m.category,"      \
    MENTION_ACTOR("sa") MENTION_ACTOR("ta") MENTION_ACTOR("ra")               \
    " m.sent_start, m.sent_end, coalesce(s.text, substr(CAST(d.text AS BLOB),"  \
    " m.sent_start + 1, m.sent_end - m.sent_start)), m.place_text, m.place_name,"\
    " m.place_country,"                                                       \
    " m.lat, m.lon, m.event, m.quad, m.intensity"                             \
    " FROM mentions m JOIN documents d ON d.id = m.doc"                       \
    " LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence"          \
    " LEFT JOIN actor_mentions sa ON sa.id = m.src_actor"                     \
    " LEFT JOIN actor_mentions ta ON ta.id = m.tgt_actor"                     \
    " LEFT JOIN actor_mentions ra ON ra.id = m.rep_actor"

static const char *const stmt_sql[Q_N] = {
    [Q_DOC_BY_KEY] = "SELECT id, hash FROM documents WHERE doc_key = ?1",
    [Q_DOC_INSERT] =
        "INSERT INTO documents(doc_key, hash, input, title, outlet, url, date,"
        " date_precision, date_origin, text, n_sentences, n_mentions, ingested_at)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    [Q_DOC_DELETE] = "DELETE FROM documents WHERE id = ?1",
    [Q_DOC_OLD_TEXT] = "SELECT title, text FROM documents WHERE id = ?1",
    [Q_FTS_INSERT] = "INSERT INTO doc_fts(rowid, title, text) VALUES(?1,?2,?3)",
    [Q_FTS_DELETE] = "INSERT INTO doc_fts(doc_fts, rowid, title, text)"
                     " VALUES('delete',?1,?2,?3)",
    [Q_SENT_INSERT] = "INSERT INTO sentences(doc, idx, start, end, text)"
                      " VALUES(?1,?2,?3,?4,?5)",
    [Q_SENT_DELETE] = "DELETE FROM sentences WHERE doc = ?1",
    [Q_AM_INSERT] =
        "INSERT INTO actor_mentions(doc, sentence, text, start, end, code,"
        " country, sector, name, resolved) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    [Q_AM_OF_DOC] = "SELECT code, country, sector, name, text FROM actor_mentions"
                    " WHERE doc = ?1",
    [Q_AM_DELETE] = "DELETE FROM actor_mentions WHERE doc = ?1",
    [Q_MEN_INSERT] =
        "INSERT INTO mentions(event, doc, mention_key, sentence, category, mode,"
        " cameo, quad, intensity, src_actor, tgt_actor, rep_actor, date, date_lo,"
        " date_hi, date_prec, date_origin, place_key, place_text, place_name,"
        " place_country, lat, lon, negated, modality, confidence, trigger,"
        " pattern, sent_start, sent_end) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
        "?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27,"
        "?28,?29,?30)",
    [Q_MEN_EVENTS_OF_DOC] = "SELECT DISTINCT event FROM mentions WHERE doc = ?1",
    [Q_MEN_DELETE] = "DELETE FROM mentions WHERE doc = ?1",
    [Q_EV_INSERT] =
        "INSERT INTO events(dkey, category, flags, date_lo, date_hi, date_prec,"
        " place_key) VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [Q_EV_CAND_DATED] =
        "SELECT id, date_lo, date_hi, date_prec, place_key FROM events"
        " WHERE dkey = ?1 AND date_lo BETWEEN ?2 AND ?3 AND date_hi >= ?4"
        " ORDER BY id",
    [Q_EV_CAND_DOC] =
        "SELECT id, date_lo, date_hi, date_prec, place_key FROM events"
        " WHERE dkey = ?1 AND id IN (SELECT event FROM mentions WHERE doc = ?2)"
        " ORDER BY id",
    [Q_EV_NARROW] =
        "UPDATE events SET date_lo = ?2, date_hi = ?3, date_prec = ?4,"
        " place_key = coalesce(place_key, ?5) WHERE id = ?1",
    [Q_EV_MENTIONS] =
        "SELECT m.id, m.doc, d.outlet, m.confidence, m.sentence, m.date,"
        " m.date_lo, m.date_hi, m.date_prec, m.place_key, m.place_text,"
        " m.place_name, m.place_country, m.lat, m.lon, m.mode, m.cameo, m.quad,"
        " m.intensity, m.category, m.negated, m.modality,"
        " sa.code, sa.country, sa.sector, sa.name,"
        " ta.code, ta.country, ta.sector, ta.name, d.ingested_at,"
        " m.src_actor IS NOT NULL, m.tgt_actor IS NOT NULL"
        " FROM mentions m JOIN documents d ON d.id = m.doc"
        " LEFT JOIN actor_mentions sa ON sa.id = m.src_actor"
        " LEFT JOIN actor_mentions ta ON ta.id = m.tgt_actor"
        " WHERE m.event = ?1 ORDER BY m.id",
    [Q_EV_RECOUNT] =
        "UPDATE events SET mode=?2, cameo=?3, quad=?4, intensity=?5,"
        " src_code=?6, src_country=?7, src_sector=?8, src_name=?9,"
        " tgt_code=?10, tgt_country=?11, tgt_sector=?12, tgt_name=?13,"
        " date=?14, date_lo=?15, date_hi=?16, date_prec=?17, place_key=?18,"
        " place_text=?19, place_name=?20, place_country=?21, lat=?22, lon=?23,"
        " confidence=?24, is_root=?25, num_mentions=?26, num_sources=?27,"
        " num_documents=?28, rep_mention=?29, added=?30 WHERE id=?1",
    [Q_EV_DELETE] = "DELETE FROM events WHERE id = ?1",
    [Q_EV_HAS_DOC] = "SELECT 1 FROM mentions WHERE event = ?1 AND doc = ?2 LIMIT 1",
    [Q_ACTOR_ADD] =
        "INSERT INTO actors(code, country, sector, name, n) VALUES(?1,?2,?3,?4,?5)"
        " ON CONFLICT(code) DO UPDATE SET n = n + excluded.n,"
        " country = coalesce(country, excluded.country),"
        " sector = coalesce(sector, excluded.sector),"
        " name = coalesce(name, excluded.name)",
    [Q_ACTOR_WORD_ADD] =
        "INSERT INTO actor_words(word, code, n) VALUES(?1,?2,?3)"
        " ON CONFLICT(word, code) DO UPDATE SET n = n + excluded.n",
    [Q_ACTOR_PRUNE] = "DELETE FROM actors WHERE n <= 0",
    [Q_ACTOR_WORD_PRUNE] = "DELETE FROM actor_words WHERE n <= 0",
    [Q_MENTIONS_OF_EVENT] = MENTION_SQL " WHERE m.event = ?1 ORDER BY m.id LIMIT ?2",
    [Q_MENTIONS_OF_DOC] = MENTION_SQL " WHERE m.doc = ?1 ORDER BY m.sentence, m.id"
                          " LIMIT ?2",
};

/* ------------------------------------------------------------ errors */

rasd_status store_sqlerr(store *s, int rc, const char *what)
{
    const char *path = s && s->path ? s->path : "store";
    const char *detail = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_NOMEM:
        return err_set(RASD_ERR_NOMEM, "%s: out of memory while %s", path, what);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return err_set(RASD_ERR_IO, "%s: database is locked by another process "
                       "(gave up waiting) while %s; nothing was changed", path, what);
    case SQLITE_READONLY:
        return err_set(RASD_ERR_IO, "%s: cannot write: the store is read-only "
                       "(file or directory permissions, a read-only disk, or "
                       "opened for queries) while %s", path, what);
    case SQLITE_FULL:
        return err_set(RASD_ERR_IO, "%s: disk full (or the store's size cap "
                       "reached) while %s; the transaction was rolled back",
                       path, what);
    case SQLITE_CANTOPEN:
        return err_set(RASD_ERR_IO, "%s: cannot open (missing directory or no "
                       "permission): %s", path, detail);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return err_set(RASD_ERR_FORMAT, "%s: not a rasd store, or damaged (%s)",
                       path, detail);
    case SQLITE_IOERR:
        return err_set(RASD_ERR_IO, "%s: I/O error while %s: %s", path, what, detail);
    default:
        return err_set(RASD_ERR_IO, "%s: %s: %s", path, what, detail);
    }
}

sqlite3_stmt *store_stmt(store *s, int id, rasd_status *st)
{
    sqlite3_stmt *p = s->stmt[id];
    if (!p) {
        int rc = sqlite3_prepare_v3(s->db, stmt_sql[id], -1,
                                    SQLITE_PREPARE_PERSISTENT, &s->stmt[id], NULL);
        if (rc != SQLITE_OK) {
            *st = store_sqlerr(s, rc, "preparing a statement");
            return NULL;
        }
        return s->stmt[id];
    }
    sqlite3_reset(p);
    sqlite3_clear_bindings(p);
    return p;
}

rasd_status store_exec(store *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? RASD_OK : store_sqlerr(s, rc, what);
}

rasd_status store_step_done(store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    rasd_status r = RASD_OK;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        r = store_sqlerr(s, rc, what);
    sqlite3_reset(st);
    return r;
}

void store_bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

const char *store_col_str(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

void store_bind_opt_int(sqlite3_stmt *st, int i, bool has, int64_t v)
{
    if (has)
        sqlite3_bind_int64(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

void store_bind_opt_real(sqlite3_stmt *st, int i, bool has, double v)
{
    if (has)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

/* ------------------------------------------------------------ migration */

static rasd_status store_user_version(store *s, int *v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "reading the schema version");
    rc = sqlite3_step(st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? RASD_OK : store_sqlerr(s, rc, "reading the schema version");
}

static rasd_status store_set_meta(store *s, const char *key, const char *value)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta(key, value)"
                                " VALUES(?1, ?2)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "writing metadata");
    store_bind_str(st, 1, key);
    store_bind_str(st, 2, value);
    rasd_status r = store_step_done(s, st, "writing metadata");
    sqlite3_finalize(st);
    return r;
}

/* Apply one migration and bump user_version in the same transaction, so a
 * crash leaves the store at the old or the new version, never between. */
static rasd_status store_migrate_one(store *s, int to)
{
    rasd_status r = store_exec(s, "BEGIN IMMEDIATE", "starting a migration");
    if (r != RASD_OK)
        return r;
    r = store_exec(s, migrations[to - 1], "migrating the schema");
    char sql[64], ident[32];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", to);
    if (r == RASD_OK)
        r = store_exec(s, sql, "migrating the schema");
    if (r == RASD_OK)
        r = store_set_meta(s, "rasd_version", RASD_VERSION_STRING);
    if (r == RASD_OK && to == 2) {
        store_fts_identity(s, ident);
        r = store_set_meta(s, "fts_tokenizer", ident);
    }
    if (r == RASD_OK)
        r = store_exec(s, "COMMIT", "committing a migration");
    if (r != RASD_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return r;
}

rasd_status store_migrate(store *s, int target)
{
    int v;
    rasd_status r = store_user_version(s, &v);
    if (r != RASD_OK)
        return r;
    if (v > STORE_SCHEMA_VERSION)
        return err_set(RASD_ERR_FORMAT, "%s: store schema version %d is newer than "
                       "this rasd understands (%d); use a newer rasd", s->path, v,
                       STORE_SCHEMA_VERSION);
    if (target <= 0 || target > STORE_SCHEMA_VERSION)
        target = STORE_SCHEMA_VERSION;
    if (v < target && s->readonly)
        return err_set(RASD_ERR_FORMAT, "%s: store schema version %d needs an "
                       "upgrade to %d: run `rasd ingest --db %s --migrate`",
                       s->path, v, target, s->path);
    for (; v < target && r == RASD_OK; v++)
        r = store_migrate_one(s, v + 1);
    s->version = v;
    return r;
}

/* ------------------------------------------------------------ open/close */

void store_opts_init(store_opts *o)
{
    memset(o, 0, sizeof *o);
}

static const char *store_data_dir(const store_opts *o)
{
    if (o->data_dir && *o->data_dir)
        return o->data_dir;
    const char *env = getenv("RASD_DATA_DIR");
    return env && *env ? env : RASD_DATA_DIR;
}

static rasd_status store_pragmas(store *s, const store_opts *o)
{
    char sql[160];
    rasd_status r = RASD_OK;
    if (!s->readonly) {
        snprintf(sql, sizeof sql, "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s;",
                 o->durable ? "FULL" : "NORMAL");
        r = store_exec(s, sql, "setting up the connection");
    }
    if (r == RASD_OK)
        r = store_exec(s, "PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY;",
                       "setting up the connection");
    if (r == RASD_OK && o->max_pages > 0) {
        snprintf(sql, sizeof sql, "PRAGMA max_page_count=%lld",
                 (long long)o->max_pages);
        r = store_exec(s, sql, "setting the size cap");
    }
    return r;
}

/* Compare the tokenizer that built the search index with ours. */
static void store_check_fts(store *s)
{
    sqlite3_stmt *st;
    if (s->version < 2 ||
        sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key='fts_tokenizer'",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    char ident[32];
    store_fts_identity(s, ident);
    if (sqlite3_step(st) == SQLITE_ROW && strcmp(store_col_str(st, 0), ident) != 0)
        snprintf(s->note, sizeof s->note, "the search index was built with another "
                 "segmentation model; run `rasd ingest --db %s --reindex`", s->path);
    sqlite3_finalize(st);
}

static rasd_status store_connect(store *s, const char *path, const store_opts *o)
{
    bool mem = !strcmp(path, ":memory:");
    struct stat sb;
    if (o->readonly && !mem && stat(path, &sb) != 0)
        return err_set(RASD_ERR_NOTFOUND, "%s: no such store (create it with "
                       "`rasd ingest --db %s FILE...`)", path, path);
    int flags = SQLITE_OPEN_NOMUTEX |
                (o->readonly ? SQLITE_OPEN_READONLY
                             : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "opening");
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, o->busy_ms > 0 ? o->busy_ms : 5000);
    rasd_status r = morph_load(store_data_dir(o), &s->morph);
    if (r != RASD_OK)
        return err_set(r, "%s: cannot load the search tokenizer's model: %s",
                       path, rasd_errmsg());
    r = store_fts_register(s);
    if (r == RASD_OK) /* fails with "not a database" on a foreign file */
        r = store_exec(s, "SELECT count(*) FROM sqlite_master", "opening");
    if (r == RASD_OK)
        r = store_pragmas(s, o);
    return r;
}

rasd_status store_open(const char *path, const store_opts *opts, store **out)
{
    *out = NULL;
    if (!path || !*path)
        return err_set(RASD_ERR_ARG, "store_open: no path");
    store_opts defaults;
    if (!opts) {
        store_opts_init(&defaults);
        opts = &defaults;
    }
    store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", path);
    }
    s->readonly = opts->readonly;
    rasd_status r = store_connect(s, path, opts);
    if (r == RASD_OK)
        r = store_migrate(s, opts->schema_target);
    if (r != RASD_OK) {
        store_close(s);
        return r;
    }
    store_check_fts(s);
    *out = s;
    return RASD_OK;
}

void store_close(store *s)
{
    if (!s)
        return;
    for (int i = 0; i < Q_N; i++)
        sqlite3_finalize(s->stmt[i]);
    if (s->db && !s->readonly) /* keep the planner statistics fresh */
        sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
    sqlite3_close(s->db);
    morph_free(s->morph);
    free(s->path);
    free(s);
}

int store_schema_version(const store *s) { return s ? s->version : 0; }

const char *store_note(const store *s) { return s ? s->note : ""; }

rasd_status store_reindex(store *s)
{
    if (s->version < 2)
        return err_set(RASD_ERR_FORMAT, "%s: no search index in schema %d",
                       s->path, s->version);
    rasd_status r = store_exec(s, "BEGIN IMMEDIATE", "rebuilding the search index");
    if (r == RASD_OK)
        r = store_exec(s, "INSERT INTO doc_fts(doc_fts) VALUES('rebuild')",
                       "rebuilding the search index");
    char ident[32];
    store_fts_identity(s, ident);
    if (r == RASD_OK)
        r = store_set_meta(s, "fts_tokenizer", ident);
    if (r == RASD_OK)
        r = store_exec(s, "COMMIT", "rebuilding the search index");
    if (r != RASD_OK)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    else
        s->note[0] = '\0';
    return r;
}
