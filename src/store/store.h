/* store.h - the event store: coded documents, their sentences, actor and
 * event mentions, and deduplicated events in one SQLite database, with an
 * Arabic-aware full-text index and the query API that the command line
 * (`rasd ingest`, `rasd query`) and the HTTP layer call.
 *
 * Threads: a store handle wraps one SQLite connection and is NOT shared by
 * threads. Open one handle per thread (store_open is cheap: a few ms, the
 * search tokenizer's model is mmapped and shared by the OS). Any number of
 * reader handles may run beside one writer (WAL mode); a second writer waits
 * up to the busy timeout and then fails with a "database is locked" message.
 * A cursor belongs to the handle that opened it and must be freed before the
 * handle is closed.
 *
 * Errors follow rasd.h: every call returns a rasd_status and sets
 * rasd_errmsg(); RASD_ERR_ARG means a malformed parameter (the message says
 * which), RASD_ERR_IO a database/disk problem (locked, read-only, full),
 * RASD_ERR_FORMAT a file that is not a store or has a newer schema,
 * RASD_ERR_NOTFOUND an unknown event or document id.
 *
 * JSON shapes are described in src/store/README.md. */
#ifndef RASD_STORE_H
#define RASD_STORE_H

#include "rasd.h"
#include "util/util.h"
#include <stdbool.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION 3   /* PRAGMA user_version of a current store */
#define STORE_HASH_HEX 33        /* content hash: 32 hex digits + NUL */
#define STORE_MAX_LIMIT 10000    /* most events one query returns */
#define STORE_DEFAULT_LIMIT 100

typedef struct store store;

typedef struct store_opts {
    const char *data_dir; /* morph model for the search tokenizer; NULL:
                             $RASD_DATA_DIR, then the built-in data dir */
    bool readonly;        /* queries only; fails if the file is missing */
    int busy_ms;          /* wait for a lock this long; 0: 5000 */
    bool durable;         /* synchronous=FULL: committed documents survive a
                             power loss too (default NORMAL: they survive a
                             crash or kill of the process) */
    int64_t max_pages;    /* cap the file at this many pages (0: no cap);
                             used to test the "disk full" path */
    int schema_target;    /* tests only: migrate up to this version (0: latest) */
} store_opts;

void store_opts_init(store_opts *o);

/* Open (creating and migrating when writable) the store at `path`
 * (":memory:" for a private in-memory store). */
rasd_status store_open(const char *path, const store_opts *o, store **out);
void store_close(store *s);
int store_schema_version(const store *s);
/* A note about the store worth showing once (e.g. the search index was built
 * with another segmentation model), or "" . */
const char *store_note(const store *s);

/* ------------------------------------------------------------ ingest */

typedef enum store_doc_state {
    STORE_DOC_NEW = 0,   /* id not in the store */
    STORE_DOC_SAME,      /* same id and content hash: nothing to do */
    STORE_DOC_CHANGED    /* same id, new content: its mentions are replaced */
} store_doc_state;

/* Content hash of a document (text and metadata as read, before analysis),
 * 128 bits as 32 hex digits. */
void store_doc_hash(const rasd_doc *doc, char out[STORE_HASH_HEX]);

rasd_status store_doc_state_of(store *s, const char *doc_id, const char *hash,
                               store_doc_state *out);

typedef struct store_put_info {
    store_doc_state state;
    size_t mentions;     /* event mentions stored */
    size_t new_events;   /* events created */
    size_t merged;       /* mentions that joined an existing event */
    size_t bad_lines;    /* event lines that could not be read (skipped) */
} store_put_info;

/* Store one analysed document and its coded events (the JSON Lines of
 * rasd_code_json) in one transaction: all of it or nothing. A document whose
 * id and hash are already stored is left alone (info->state STORE_DOC_SAME);
 * one with the same id and another hash replaces the old version and its
 * mentions. `hash` comes from store_doc_hash before analysis. */
rasd_status store_put_doc(store *s, const rasd_doc *doc, const char *hash,
                          const char *events, size_t events_len,
                          store_put_info *info);

/* Rebuild the full-text index (after the segmentation model changed). */
rasd_status store_reindex(store *s);

/* ------------------------------------------------------------ queries */

typedef struct store_query {
    const char *actor;        /* code, country (ISO3) or name; either side */
    const char *dyad[2];      /* A,B: both sides (NULL: no dyad filter) */
    bool directed;            /* dyad: only A as source and B as target */
    const char *category;     /* PLOVER category (any case) */
    int quad;                 /* 1-4, 0: any */
    const char *cameo;        /* CAMEO code prefix: digits */
    const char *from, *to;    /* ISO dates: YYYY, YYYY-MM or YYYY-MM-DD */
    const char *place;        /* place name as coded or written */
    const char *country;      /* ISO3 country of the event's place */
    const char *outlet;       /* an outlet that reported the event */
    bool include_future, include_negated, include_hypothetical;
    const char *text;         /* full-text search over the reporting articles */
    size_t limit;             /* 0: STORE_DEFAULT_LIMIT; capped at STORE_MAX_LIMIT */
    size_t offset;
    size_t max_mentions;      /* mentions per event in JSON; 0: 10 */
} store_query;

void store_query_init(store_query *q);

/* One deduplicated event as a row. Strings may be NULL; they stay valid
 * until the next store_cursor_next/free. */
typedef struct store_side {
    const char *code, *country, *sector, *name, *text;
} store_side;

typedef struct store_event {
    int64_t id;
    const char *category, *mode, *cameo;
    int quad;
    double intensity;
    bool has_source, has_target;
    store_side source, target;
    const char *date;            /* ISO at its precision, NULL if unknown */
    const char *date_precision;  /* day, month, year, unknown */
    int64_t date_lo, date_hi;    /* days since 1970-01-01; valid if date_known */
    bool date_known;
    bool has_place;
    const char *place_text, *place_name, *place_country;
    bool has_coords;
    double lat, lon;
    bool negated;
    const char *modality;
    double confidence;
    int num_mentions, num_sources, num_documents;
    bool is_root;                /* a mention in a document's first sentence */
    const char *trigger;         /* of the representative mention */
    const char *doc_id, *url, *outlet, *title; /* its document */
    int sentence;
    int64_t sent_start, sent_end;
    const char *added;           /* when the event was first stored (UTC) */
} store_event;

typedef struct store_cursor store_cursor;

/* Run a query. Unknown actors give an empty result (not an error) and a
 * note (store_cursor_note). Malformed parameters: RASD_ERR_ARG. */
rasd_status store_query_open(store *s, const store_query *q, store_cursor **out);
/* RASD_OK with *ev set, RASD_DONE at the end, or an error. */
rasd_status store_cursor_next(store_cursor *c, const store_event **ev);
/* "" or a note such as "unknown actor 'XYZ'" or "actor 'فيدان' matched TURGOV". */
const char *store_cursor_note(const store_cursor *c);
void store_cursor_free(store_cursor *c);

/* Writers of the current event (append to `b`; check b->oom). */
rasd_status store_event_json(store *s, const store_event *ev, size_t max_mentions,
                             buf *b);
rasd_status store_event_plover(store *s, const store_event *ev, buf *b);
void store_event_gdelt(const store_event *ev, buf *b);
void store_csv_header(buf *b);
void store_event_csv(const store_event *ev, buf *b);
void store_table_header(buf *b);
void store_event_table(const store_event *ev, buf *b);

/* ------------------------------------------------------ aggregates etc. */

typedef enum store_bucket {
    STORE_BY_DAY = 0, STORE_BY_WEEK, STORE_BY_MONTH, STORE_BY_YEAR
} store_bucket;

rasd_status store_bucket_parse(const char *s, store_bucket *out);

/* Events per period under the query's filters (limit/offset ignored):
 * {"by":"month","rows":[{"period":"2024-03","count":N,"intensity_sum":x,
 *  "intensity_mean":y}...],"coarser":N,"undated":N,"note":"..."} */
rasd_status store_aggregate(store *s, const store_query *q, store_bucket by,
                            buf *json);
/* Most frequent actors (either side) under the filters:
 * {"rows":[{"code","country","name","events"}...],"note"} */
rasd_status store_top_actors(store *s, const store_query *q, size_t n, buf *json);
/* Most frequent counterparts of `actor` under the filters:
 * {"actor","rows":[{"code","country","name","events","as_source",
 *  "as_target","intensity_mean"}...],"note"} */
rasd_status store_top_partners(store *s, const store_query *q, const char *actor,
                               size_t n, buf *json);
/* Actors whose code starts with q, whose country is q, or whose names (as
 * written or canonical) contain all the words of q:
 * {"rows":[{"code","country","sector","name","mentions"}...]} */
rasd_status store_actor_search(store *s, const char *q, size_t n, buf *json);
/* One event with every mention (as in store_event_json, unlimited). */
rasd_status store_event_get(store *s, int64_t id, buf *json);
/* One document: metadata, text, sentences and its event mentions. */
rasd_status store_doc_get(store *s, const char *doc_id, buf *json);
/* Articles matching `text` (all words; clitics and spelling folded):
 * {"query","rows":[{"doc_id","title","outlet","date","snippet","events"}]} */
rasd_status store_search(store *s, const char *text, size_t limit, buf *json);
/* Counts: documents, sentences, mentions, events, actors; schema version. */
rasd_status store_stats(store *s, buf *json);

#endif
