/* store_int.h - internals shared by the store's files: the handle, the
 * prepared-statement cache, SQLite error mapping, dates as day numbers, the
 * search tokenizer and the dedup rule. */
#ifndef RASD_STORE_INT_H
#define RASD_STORE_INT_H

#include "store.h"
#include "morph/morph.h"
#include <sqlite3.h>
#include <stdio.h>

/* Cached statements (SQL text in store_db.c). */
enum {
    Q_DOC_BY_KEY,       /* id, hash of a document by key */
    Q_DOC_INSERT,
    Q_DOC_DELETE,
    Q_DOC_OLD_TEXT,     /* title, text of a document (for the FTS delete) */
    Q_FTS_INSERT,
    Q_FTS_DELETE,
    Q_SENT_INSERT,
    Q_SENT_DELETE,
    Q_AM_INSERT,
    Q_AM_OF_DOC,        /* actor mentions of a document (for un-counting) */
    Q_AM_DELETE,
    Q_MEN_INSERT,
    Q_MEN_EVENTS_OF_DOC,
    Q_MEN_DELETE,
    Q_EV_INSERT,
    Q_EV_CAND_DATED,    /* dedup candidates overlapping a date span */
    Q_EV_CAND_DOC,      /* dedup candidates with a mention in a document */
    Q_EV_NARROW,        /* update an event's date and place after a merge */
    Q_EV_MENTIONS,      /* mentions of an event for the recount */
    Q_EV_RECOUNT,
    Q_EV_DELETE,
    Q_EV_HAS_DOC,
    Q_ACTOR_ADD,
    Q_ACTOR_WORD_ADD,
    Q_ACTOR_PRUNE,
    Q_ACTOR_WORD_PRUNE,
    Q_MENTIONS_OF_EVENT, /* full mention rows (store_json.c) */
    Q_MENTIONS_OF_DOC,
    Q_N
};

struct store {
    sqlite3 *db;
    morph_model *morph;
    bool readonly;
    int version;
    char *path;
    char note[256];
    sqlite3_stmt *stmt[Q_N];
};

/* Map a SQLite failure to a rasd_status and a message naming the store and
 * what was being done. */
rasd_status store_sqlerr(store *s, int rc, const char *what);
/* The cached statement `id`, reset and unbound; NULL after store_sqlerr. */
sqlite3_stmt *store_stmt(store *s, int id, rasd_status *st);
/* Run SQL without results. */
rasd_status store_exec(store *s, const char *sql, const char *what);
/* Step a statement that returns no rows (SQLITE_DONE expected). */
rasd_status store_step_done(store *s, sqlite3_stmt *st, const char *what);

/* Binding/reading helpers (NULL <-> SQL NULL). */
void store_bind_str(sqlite3_stmt *st, int i, const char *v);
const char *store_col_str(sqlite3_stmt *st, int i);
void store_bind_opt_int(sqlite3_stmt *st, int i, bool has, int64_t v);
void store_bind_opt_real(sqlite3_stmt *st, int i, bool has, double v);

rasd_status store_migrate(store *s, int target);

/* ---- dates as day spans (days since 1970-01-01, proleptic Gregorian) */
enum { PREC_UNKNOWN = 0, PREC_YEAR = 1, PREC_MONTH = 2, PREC_DAY = 3 };

typedef struct store_span {
    int64_t lo, hi;
    int prec;            /* PREC_*; PREC_UNKNOWN: lo/hi meaningless */
} store_span;

/* Parse "YYYY", "YYYY-MM", "YYYY-MM-DD" (anything after the day, such as a
 * time, is ignored). "--MM-DD", "" or NULL give PREC_UNKNOWN and true;
 * malformed text gives false. */
bool store_span_parse(const char *s, store_span *out);
/* Strict form for query parameters: the whole string must be a date. */
bool store_span_parse_strict(const char *s, store_span *out);
int64_t store_days_from_civil(int y, int m, int d);
void store_civil_from_days(int64_t z, int *y, int *m, int *d);
void store_day_str(int64_t day, char out[16]);
const char *store_prec_str(int prec);

/* ---- search terms: the tokenizer behind the FTS index, also used for
 * actor words. Each word (Arabic: clitic-stripped stem key with ة/ه and ى/ي
 * folded; Latin and numbers: normalised form) is passed to fn with its byte
 * span. Invalid UTF-8 is repaired first (spans then refer to the repair). */
typedef int (*store_term_fn)(void *ud, const char *key, size_t n, size_t start,
                             size_t end);
rasd_status store_terms(const morph_model *m, const char *text, size_t n,
                        store_term_fn fn, void *ud);
rasd_status store_fts_register(store *s);
/* Build an FTS5 MATCH expression from user text (every word must occur).
 * RASD_ERR_ARG when the text has no searchable word. */
rasd_status store_fts_match(store *s, const char *text, buf *out);
/* Identity of the tokenizer (model provenance hash) kept in meta. */
void store_fts_identity(const store *s, char out[32]);

/* ---- ingest: one event mention read from rasd_code_json's output */
typedef struct store_actor_in {
    bool present;
    const char *text, *code, *country, *sector, *name;
    bool resolved;
} store_actor_in;

typedef struct store_mention_in {
    const char *event_id, *category, *mode, *cameo, *modality;
    const char *date, *date_precision, *date_origin;
    const char *trigger, *pattern, *evidence;
    int quad, sentence;
    double intensity, confidence;
    bool negated;
    store_actor_in src, tgt, rep;
    bool has_place, has_coords;
    const char *place_text, *place_name, *place_country;
    double lat, lon;
    int64_t sent_start, sent_end;
    store_span span;
} store_mention_in;

/* Event flags: what modality filters look at. */
enum { STORE_FLAG_NEGATED = 1, STORE_FLAG_FUTURE = 2, STORE_FLAG_HYPOTHETICAL = 4 };
int store_flags_of(bool negated, const char *modality);

/* The dedup rule (store_dedup.c; README.md "Deduplication"). */
uint64_t store_dedup_key(const store_mention_in *m);
bool store_mention_anchored(const store_mention_in *m);
/* Place key: "CTRY|name" folded, or NULL when the mention has no place. */
char *store_place_key(const store_mention_in *m);
/* Date rule: both known -> one span contains the other. */
bool store_spans_compatible(const store_span *a, const store_span *b);
/* Find the event this mention belongs to (0: none) in document `doc`;
 * *ev_span receives that event's current date span. */
rasd_status store_dedup_find(store *s, const store_mention_in *m,
                             const char *place_key, int64_t doc, int64_t *event,
                             store_span *ev_span);
/* Narrow event `ev`'s date (to the more precise span) and set its place if
 * it had none, after mention m joined it. */
rasd_status store_dedup_narrow(store *s, int64_t ev, const store_span *ev_span,
                               const store_mention_in *m, const char *place_key);
/* Recompute counts and representative fields of an event from its
 * mentions; delete it when it has none left. */
rasd_status store_event_recount(store *s, int64_t ev);

/* Actor index (store_put.c): count one actor mention in (+1) or out (-1). */
rasd_status store_actor_count(store *s, const char *code, const char *country,
                              const char *sector, const char *name,
                              const char *text, int delta);

/* ---- query internals shared by store_query.c and store_agg.c */
typedef enum actor_kind { AK_NONE = 0, AK_CODE, AK_COUNTRY, AK_CODES } actor_kind;

typedef struct actor_ref {
    actor_kind kind;
    char *value;        /* code or country */
    char country[4];    /* AK_CODE: the country its code starts with ("USA"
                           for USAGOV), "" when none (IGOUNO, CVL) */
    char **codes;       /* AK_CODES: codes a name resolved to */
    size_t n_codes;
    bool unknown;       /* nothing in the store matches */
} actor_ref;

/* The distinct search keys of a text (at most 32). */
typedef struct store_words {
    char **v;
    size_t n;
    bool oom;
} store_words;
rasd_status store_words_of(store *s, const char *text, store_words *out);
void store_words_free(store_words *w);

rasd_status store_actor_resolve(store *s, const char *term, actor_ref *out,
                                buf *note);
void store_actor_ref_free(actor_ref *a);

/* A WHERE clause under construction with its bound values. */
#define SQLW_MAX 256
typedef struct sqlw {
    buf sql;
    const char *vals[SQLW_MAX];   /* text values (owned elsewhere) */
    int64_t ivals[SQLW_MAX];
    char kinds[SQLW_MAX];         /* 't' text, 'i' integer */
    int n;
    bool overflow;
} sqlw;

void sqlw_init(sqlw *w);
void sqlw_free(sqlw *w);
void sqlw_text(sqlw *w, const char *v);   /* appends "?" and binds v */
void sqlw_int(sqlw *w, int64_t v);
void sqlw_bind(const sqlw *w, sqlite3_stmt *st, int first);

/* A compiled query: its branches (disjoint predicates whose union is the
 * actor/dyad filter) and the common filters. */
typedef struct qplan {
    actor_ref actor, dyad[2];
    bool has_actor, has_dyad, directed;
    bool empty;               /* an actor is unknown: no rows */
    buf note;
    buf match;                /* FTS expression for --text */
    store_span from, to;
    char *category, *cameo, *place_key;
    size_t limit, offset, max_mentions;
    const store_query *q;
} qplan;

rasd_status store_plan(store *s, const store_query *q, qplan *p);
void store_plan_free(qplan *p);
/* Number of branches and the predicate of branch i (appended to w), with
 * the common filters; the events table is `e`. */
int store_plan_branches(const qplan *p);
void store_plan_where(const qplan *p, int branch, sqlw *w);
/* "SELECT cols[i] FROM events e WHERE <branch i> UNION ALL ..." */
void store_plan_select(const qplan *p, const char *const *cols, sqlw *w);
/* Prepare w's SQL and bind its values. */
rasd_status store_sqlw_prepare(store *s, const sqlw *w, sqlite3_stmt **out);

/* A cursor over event rows selected by `sql` (columns: STORE_EVENT_COLS). */
#define STORE_EVENT_COLS                                                      \
    "e.id, e.category, e.mode, e.cameo, e.quad, e.intensity,"                \
    " e.src_code, e.src_country, e.src_sector, e.src_name, sa.text,"        \
    " rm.src_actor IS NOT NULL OR e.src_code IS NOT NULL,"                   \
    " e.tgt_code, e.tgt_country, e.tgt_sector, e.tgt_name, ta.text,"        \
    " rm.tgt_actor IS NOT NULL OR e.tgt_code IS NOT NULL,"                   \
    " e.date, e.date_prec, e.date_lo, e.date_hi, e.place_text,"             \
    " e.place_name, e.place_country, e.lat, e.lon, e.place_key, e.flags,"   \
    " e.confidence, e.num_mentions, e.num_sources, e.num_documents,"        \
    " e.is_root, rm.trigger, d.doc_key, d.url, d.outlet, d.title,"          \
    " rm.sentence, rm.sent_start, rm.sent_end, e.added"
#define STORE_EVENT_JOINS                                                     \
    " LEFT JOIN mentions rm ON rm.id = e.rep_mention"                        \
    " LEFT JOIN documents d ON d.id = rm.doc"                                \
    " LEFT JOIN actor_mentions sa ON sa.id = rm.src_actor"                   \
    " LEFT JOIN actor_mentions ta ON ta.id = rm.tgt_actor"
rasd_status store_cursor_sql(store *s, const sqlw *w, const char *note,
                             store_cursor **out);
/* Actor side predicate ("e.src_code = ?" ...) for side 0 (source) or 1. */
void store_actor_pred(const actor_ref *a, int side, sqlw *w);

/* JSON helpers */
void store_json_side(buf *b, const store_side *sd, bool present);
void store_json_num(buf *b, double v);
void store_json_opt_str(buf *b, const char *key, const char *v, bool comma);
/* ,"key":{...} with an event's place (text, name, country under the
 * names given: rasd's own or PLOVER's, then lat/lon), or ,"key":null. */
void store_json_place(buf *b, const char *key, const store_event *ev,
                      const char *const names[3]);

#endif
