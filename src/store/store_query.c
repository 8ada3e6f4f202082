/* store_query.c - from a store_query to SQL (bound parameters only) and a
 * cursor over the matching events, newest first. Actor terms are resolved
 * against the store first: a country, a code, or the words of a name. */
#include "store_int.h"
#include "events/ontology.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ sqlw */

void sqlw_init(sqlw *w)
{
    memset(w, 0, sizeof *w);
    buf_init(&w->sql);
}

void sqlw_free(sqlw *w) { buf_free(&w->sql); }

void sqlw_text(sqlw *w, const char *v)
{
    if (w->n >= SQLW_MAX) {
        w->overflow = true;
        return;
    }
    w->kinds[w->n] = 't';
    w->vals[w->n++] = v;
    buf_puts(&w->sql, "?");
}

void sqlw_int(sqlw *w, int64_t v)
{
    if (w->n >= SQLW_MAX) {
        w->overflow = true;
        return;
    }
    w->kinds[w->n] = 'i';
    w->ivals[w->n++] = v;
    buf_puts(&w->sql, "?");
}

void sqlw_bind(const sqlw *w, sqlite3_stmt *st, int first)
{
    for (int i = 0; i < w->n; i++) {
        if (w->kinds[i] == 't')
            store_bind_str(st, first + i, w->vals[i]);
        else
            sqlite3_bind_int64(st, first + i, w->ivals[i]);
    }
}

rasd_status store_sqlw_prepare(store *s, const sqlw *w, sqlite3_stmt **out)
{
    *out = NULL;
    if (w->sql.oom)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", s->path);
    if (w->overflow)
        return err_set(RASD_ERR_ARG, "query too complex (more than %d values)",
                       SQLW_MAX);
    int rc = sqlite3_prepare_v2(s->db, w->sql.data, -1, out, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "preparing a query");
    sqlw_bind(w, *out, 1);
    return RASD_OK;
}

/* ------------------------------------------------------------ actors */

void store_actor_ref_free(actor_ref *a)
{
    free(a->value);
    for (size_t i = 0; i < a->n_codes; i++)
        free(a->codes[i]);
    free(a->codes);
    memset(a, 0, sizeof *a);
}

static bool exists_1(store *s, const char *sql, const char *v, rasd_status *r)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        *r = store_sqlerr(s, rc, "looking up an actor");
        return false;
    }
    store_bind_str(st, 1, v);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        *r = store_sqlerr(s, rc, "looking up an actor");
    return rc == SQLITE_ROW;
}

static int words_add(void *ud, const char *key, size_t n, size_t start, size_t end)
{
    store_words *w = ud;
    for (size_t i = 0; i < w->n; i++)
        if (strlen(w->v[i]) == n && !memcmp(w->v[i], key, n))
            return 0;
    if (w->n >= 32) /* enough to pin a name down */
        return 0;
    char **nv = realloc(w->v, (w->n + 1) * sizeof *nv);
    if (nv)
        w->v = nv;
    char *k = nv ? strndup(key, n) : NULL;
    if (!k) {
        w->oom = true;
        return 1;
    }
    w->v[w->n++] = k;
    return 0;
}

rasd_status store_words_of(store *s, const char *text, store_words *out)
{
    memset(out, 0, sizeof *out);
    rasd_status r = store_terms(s->morph, text, strlen(text), words_add, out);
    if (r == RASD_OK && out->oom)
        r = err_set(RASD_ERR_NOMEM, "out of memory");
    return r;
}

void store_words_free(store_words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
    memset(w, 0, sizeof *w);
}

/* Codes under which every word of the name was seen, most frequent first. */
static rasd_status resolve_name(store *s, const char *term, actor_ref *out)
{
    store_words w;
    rasd_status r = store_words_of(s, term, &w);
    if (r != RASD_OK || !w.n) {
        store_words_free(&w);
        return r;
    }
    sqlw q;
    sqlw_init(&q);
    buf_puts(&q.sql, "SELECT code FROM actor_words WHERE word IN (");
    for (size_t i = 0; i < w.n; i++) {
        buf_puts(&q.sql, i ? "," : "");
        sqlw_text(&q, w.v[i]);
    }
    buf_puts(&q.sql, ") GROUP BY code HAVING count(DISTINCT word) = ");
    sqlw_int(&q, (int64_t)w.n);
    buf_puts(&q.sql, " ORDER BY sum(n) DESC, code LIMIT 20");
    sqlite3_stmt *st;
    r = store_sqlw_prepare(s, &q, &st);
    while (r == RASD_OK && sqlite3_step(st) == SQLITE_ROW) {
        char **nc = realloc(out->codes, (out->n_codes + 1) * sizeof *nc);
        char *c = nc ? strdup(store_col_str(st, 0)) : NULL;
        if (nc)
            out->codes = nc;
        if (!c)
            r = err_set(RASD_ERR_NOMEM, "out of memory");
        else
            out->codes[out->n_codes++] = c;
    }
    sqlite3_finalize(st);
    sqlw_free(&q);
    store_words_free(&w);
    if (r == RASD_OK && out->n_codes)
        out->kind = AK_CODES;
    return r;
}

/* A country-prefixed code (USAGOV) always carries that country in the
 * store, so the predicate can say so and use the country indexes. IGO codes
 * carry their officials' nationalities instead and get no such hint. */
static rasd_status code_country(store *s, actor_ref *a)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT country FROM actors WHERE code = ?1"
                                " AND country = substr(code, 1, 3)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "looking up an actor");
    store_bind_str(st, 1, a->value);
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(a->country, sizeof a->country, "%s", store_col_str(st, 0));
    sqlite3_finalize(st);
    return RASD_OK;
}

static bool code_like(const char *t, size_t *len)
{
    size_t n = 0;
    for (; t[n]; n++)
        if (!isalnum((unsigned char)t[n]) && t[n] != '_')
            return false;
    *len = n;
    return n >= 2 && n <= 32;
}

rasd_status store_actor_resolve(store *s, const char *term, actor_ref *out,
                                buf *note)
{
    memset(out, 0, sizeof *out);
    if (!term || !*term)
        return err_set(RASD_ERR_ARG, "empty actor");
    rasd_status r = RASD_OK;
    size_t n;
    if (code_like(term, &n)) {
        char up[40];
        for (size_t i = 0; i <= n; i++)
            up[i] = (char)toupper((unsigned char)term[i]);
        if (n == 3 && exists_1(s, "SELECT 1 FROM actors WHERE country = ?1 LIMIT 1",
                               up, &r))
            out->kind = AK_COUNTRY;
        else if (r == RASD_OK &&
                 exists_1(s, "SELECT 1 FROM actors WHERE code = ?1", up, &r))
            out->kind = AK_CODE;
        if (out->kind && !(out->value = strdup(up)))
            return err_set(RASD_ERR_NOMEM, "out of memory");
        if (out->kind == AK_CODE && (r = code_country(s, out)) != RASD_OK)
            return r;
    }
    if (r == RASD_OK && !out->kind)
        r = resolve_name(s, term, out);
    if (r != RASD_OK)
        return r;
    if (!out->kind) {
        out->unknown = true;
        buf_printf(note, "%sunknown actor '%s' (no code, country or name in the "
                   "store matches): no events", note->len ? "; " : "", term);
    } else if (out->kind == AK_CODES) {
        buf_printf(note, "%sactor '%s' matched", note->len ? "; " : "", term);
        for (size_t i = 0; i < out->n_codes; i++)
            buf_printf(note, "%s%s", i ? ", " : " ", out->codes[i]);
    }
    return RASD_OK;
}

void store_actor_pred(const actor_ref *a, int side, sqlw *w)
{
    const char *pre = side ? "e.tgt_" : "e.src_";
    if (a->kind == AK_COUNTRY || a->kind == AK_CODE) {
        buf_printf(&w->sql, "%s%s = ", pre, a->kind == AK_COUNTRY ? "country" : "code");
        sqlw_text(w, a->value);
        if (a->kind == AK_CODE && a->country[0]) {
            buf_printf(&w->sql, " AND %scountry = ", pre);
            sqlw_text(w, a->country);
        }
        return;
    }
    buf_printf(&w->sql, "%scode IN (", pre);
    for (size_t i = 0; i < a->n_codes; i++) {
        buf_puts(&w->sql, i ? "," : "");
        sqlw_text(w, a->codes[i]);
    }
    buf_puts(&w->sql, a->n_codes ? ")" : "NULL)");
}

/* ------------------------------------------------------------ planning */

static rasd_status plan_check(const store_query *q, qplan *p)
{
    if (q->category) {
        plover_cat c = plover_parse(q->category, strlen(q->category));
        if (c == PL_NONE)
            return err_set(RASD_ERR_ARG, "unknown category '%s'", q->category);
        if (!(p->category = strdup(plover_name(c))))
            return RASD_ERR_NOMEM;
    }
    if (q->quad < 0 || q->quad > 4)
        return err_set(RASD_ERR_ARG, "quad class must be 1-4, not %d", q->quad);
    if (q->cameo) {
        size_t n = strlen(q->cameo);
        for (size_t i = 0; i < n; i++)
            if (!isdigit((unsigned char)q->cameo[i]))
                n = 0;
        if (n < 1 || n > 4)
            return err_set(RASD_ERR_ARG, "CAMEO prefix must be 1-4 digits, not '%s'",
                           q->cameo);
    }
    if (q->from && !store_span_parse_strict(q->from, &p->from))
        return err_set(RASD_ERR_ARG, "bad date '%s' (use YYYY, YYYY-MM or YYYY-MM-DD)",
                       q->from);
    if (q->to && !store_span_parse_strict(q->to, &p->to))
        return err_set(RASD_ERR_ARG, "bad date '%s' (use YYYY, YYYY-MM or YYYY-MM-DD)",
                       q->to);
    if (q->from && q->to && p->from.lo > p->to.hi)
        return err_set(RASD_ERR_ARG, "--from %s is after --to %s", q->from, q->to);
    if (q->country && (strlen(q->country) != 3 || !isalpha((unsigned char)q->country[0]) ||
                       !isalpha((unsigned char)q->country[1]) ||
                       !isalpha((unsigned char)q->country[2])))
        return err_set(RASD_ERR_ARG, "country must be an ISO 3166 alpha-3 code, not '%s'",
                       q->country);
    if ((q->dyad[0] != NULL) != (q->dyad[1] != NULL))
        return err_set(RASD_ERR_ARG, "a dyad needs two actors (A,B)");
    return RASD_OK;
}

static rasd_status plan_place(const store_query *q, qplan *p)
{
    if (!q->place)
        return RASD_OK;
    size_t n;
    if (!*q->place)
        return err_set(RASD_ERR_ARG, "empty place");
    if (rasd_normalize(q->place, strlen(q->place), RASD_NORM_ALL, &p->place_key,
                       &n, NULL) != RASD_OK)
        return err_set(RASD_ERR_ARG, "place '%s' is not valid UTF-8", q->place);
    return RASD_OK;
}

void store_query_init(store_query *q)
{
    memset(q, 0, sizeof *q);
}

rasd_status store_plan(store *s, const store_query *q, qplan *p)
{
    memset(p, 0, sizeof *p);
    buf_init(&p->note);
    buf_init(&p->match);
    p->q = q;
    rasd_status r = plan_check(q, p);
    if (r == RASD_OK)
        r = plan_place(q, p);
    if (r == RASD_OK && q->text)
        r = store_fts_match(s, q->text, &p->match);
    p->limit = q->limit ? q->limit : STORE_DEFAULT_LIMIT;
    if (p->limit > STORE_MAX_LIMIT) {
        buf_printf(&p->note, "limit capped at %d", STORE_MAX_LIMIT);
        p->limit = STORE_MAX_LIMIT;
    }
    p->offset = q->offset;
    p->max_mentions = q->max_mentions ? q->max_mentions : 10;
    p->directed = q->directed;
    if (r == RASD_OK && q->actor) {
        p->has_actor = true;
        r = store_actor_resolve(s, q->actor, &p->actor, &p->note);
        p->empty |= p->actor.unknown;
    }
    for (int i = 0; r == RASD_OK && i < 2 && q->dyad[0]; i++) {
        p->has_dyad = true;
        r = store_actor_resolve(s, q->dyad[i], &p->dyad[i], &p->note);
        p->empty |= p->dyad[i].unknown;
    }
    if (r == RASD_OK && (p->note.oom || p->match.oom))
        r = err_set(RASD_ERR_NOMEM, "out of memory");
    return r;
}

void store_plan_free(qplan *p)
{
    store_actor_ref_free(&p->actor);
    store_actor_ref_free(&p->dyad[0]);
    store_actor_ref_free(&p->dyad[1]);
    buf_free(&p->note);
    buf_free(&p->match);
    free(p->category);
    free(p->place_key);
    memset(p, 0, sizeof *p);
}

int store_plan_branches(const qplan *p)
{
    if (p->has_dyad)
        return p->directed ? 1 : 2;
    return p->has_actor ? 2 : 1;
}

/* src in A and tgt in B */
static void dyad_pred(const actor_ref *a, const actor_ref *b, sqlw *w)
{
    buf_puts(&w->sql, "(");
    store_actor_pred(a, 0, w);
    buf_puts(&w->sql, " AND ");
    store_actor_pred(b, 1, w);
    buf_puts(&w->sql, ")");
}

/* Branches are disjoint, so UNION ALL never returns an event twice: the
 * second adds NOT(first), written NULL-safe with coalesce. */
static void branch_pred(const qplan *p, int branch, sqlw *w)
{
    if (p->has_dyad) {
        if (branch == 0) {
            dyad_pred(&p->dyad[0], &p->dyad[1], w);
        } else {
            dyad_pred(&p->dyad[1], &p->dyad[0], w);
            buf_puts(&w->sql, " AND NOT coalesce(");
            dyad_pred(&p->dyad[0], &p->dyad[1], w);
            buf_puts(&w->sql, ", 0)");
        }
        if (p->has_actor) {
            buf_puts(&w->sql, " AND (coalesce(");
            store_actor_pred(&p->actor, 0, w);
            buf_puts(&w->sql, ", 0) OR coalesce(");
            store_actor_pred(&p->actor, 1, w);
            buf_puts(&w->sql, ", 0))");
        }
    } else if (p->has_actor) {
        store_actor_pred(&p->actor, branch, w);
        if (branch == 1) {
            buf_puts(&w->sql, " AND NOT coalesce(");
            store_actor_pred(&p->actor, 0, w);
            buf_puts(&w->sql, ", 0)");
        }
    } else {
        buf_puts(&w->sql, "1");
    }
}

/* Filters on an event's mentions. With an actor or dyad the events to test
 * are few: a correlated EXISTS per event. Without, the set of events with
 * such a mention is built once (IN) and drives the query. */
static void mention_filters(const qplan *p, sqlw *w)
{
    bool few = p->has_actor || p->has_dyad;
    const char *head = few ? " AND EXISTS (SELECT 1 FROM mentions m"
                           : " AND e.id IN (SELECT m.event FROM mentions m";
    /* "+m.doc": keep SQLite from probing mentions(doc) once per matching
     * document for every event; the event's own mentions are few */
    const char *tie = few ? " m.event = e.id AND +" : " ";
    if (p->q->outlet) {
        buf_printf(&w->sql, "%s JOIN documents d ON d.id = m.doc WHERE%sd.outlet = ",
                   head, few ? " m.event = e.id AND " : " ");
        sqlw_text(w, p->q->outlet);
        buf_puts(&w->sql, ")");
    }
    if (p->match.len) {
        buf_printf(&w->sql, "%s WHERE%sm.doc IN (SELECT rowid FROM doc_fts WHERE"
                   " doc_fts MATCH ", head, tie);
        sqlw_text(w, p->match.data);
        buf_puts(&w->sql, "))");
    }
}

static void common_filters(const qplan *p, sqlw *w)
{
    const store_query *q = p->q;
    if (p->category) {
        buf_puts(&w->sql, " AND e.category = ");
        sqlw_text(w, p->category);
    }
    if (q->quad) {
        buf_puts(&w->sql, " AND e.quad = ");
        sqlw_int(w, q->quad);
    }
    if (q->cameo) {
        buf_puts(&w->sql, " AND substr(e.cameo, 1, ");
        sqlw_int(w, (int64_t)strlen(q->cameo));
        buf_puts(&w->sql, ") = ");
        sqlw_text(w, q->cameo);
    }
    if (q->from) { /* spans overlap; events are at most a year wide */
        buf_puts(&w->sql, " AND e.date_lo >= ");
        sqlw_int(w, p->from.lo - 366);
        buf_puts(&w->sql, " AND e.date_hi >= ");
        sqlw_int(w, p->from.lo);
    }
    if (q->to) {
        buf_puts(&w->sql, " AND e.date_lo <= ");
        sqlw_int(w, p->to.hi);
    }
    int mask = (q->include_negated ? 0 : STORE_FLAG_NEGATED) |
               (q->include_future ? 0 : STORE_FLAG_FUTURE) |
               (q->include_hypothetical ? 0 : STORE_FLAG_HYPOTHETICAL);
    if (mask) {
        buf_puts(&w->sql, " AND (e.flags & ");
        sqlw_int(w, mask);
        buf_puts(&w->sql, ") = 0");
    }
    if (p->place_key) {
        buf_puts(&w->sql, " AND (lower(e.place_name) = lower(");
        sqlw_text(w, q->place);
        buf_puts(&w->sql, ") OR substr(e.place_key, instr(e.place_key, '|') + 1) = ");
        sqlw_text(w, p->place_key);
        buf_puts(&w->sql, ")");
    }
    if (q->country) {
        buf_puts(&w->sql, " AND e.place_country = upper(");
        sqlw_text(w, q->country);
        buf_puts(&w->sql, ")");
    }
    mention_filters(p, w);
}

void store_plan_where(const qplan *p, int branch, sqlw *w)
{
    buf_puts(&w->sql, "(");
    branch_pred(p, branch, w);
    buf_puts(&w->sql, ")");
    common_filters(p, w);
}

void store_plan_select(const qplan *p, const char *const *cols, sqlw *w)
{
    int nb = store_plan_branches(p);
    for (int b = 0; b < nb; b++) {
        buf_printf(&w->sql, "%sSELECT %s FROM events e WHERE ", b ? " UNION ALL " : "",
                   cols[b]);
        store_plan_where(p, b, w);
    }
}

/* ------------------------------------------------------------ cursor */

struct store_cursor {
    store *s;
    sqlite3_stmt *st;
    store_event ev;
    char note[512];
    char prec[16];
    bool done;
};

rasd_status store_cursor_sql(store *s, const sqlw *w, const char *note,
                             store_cursor **out)
{
    *out = NULL;
    store_cursor *c = calloc(1, sizeof *c);
    if (!c)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    c->s = s;
    snprintf(c->note, sizeof c->note, "%s", note ? note : "");
    if (w) {
        rasd_status r = store_sqlw_prepare(s, w, &c->st);
        if (r != RASD_OK) {
            free(c);
            return r;
        }
    } else {
        c->done = true; /* an empty result */
    }
    *out = c;
    return RASD_OK;
}

/* Newest first; each branch is cut to limit+offset rows on its own index
 * before the union is sorted, so a dyad or actor query reads few rows. */
static void list_sql(const qplan *p, sqlw *w)
{
    int nb = store_plan_branches(p);
    buf_puts(&w->sql, "SELECT " STORE_EVENT_COLS " FROM events e" STORE_EVENT_JOINS
             " WHERE ");
    if (nb == 1) {
        store_plan_where(p, 0, w);
    } else {
        buf_puts(&w->sql, "e.id IN (");
        for (int b = 0; b < nb; b++) {
            buf_puts(&w->sql, b ? " UNION ALL " : "");
            buf_puts(&w->sql, "SELECT id FROM (SELECT e.id FROM events e WHERE ");
            store_plan_where(p, b, w);
            buf_puts(&w->sql, " ORDER BY e.date_lo DESC, e.id DESC LIMIT ");
            sqlw_int(w, (int64_t)(p->limit + p->offset));
            buf_puts(&w->sql, ")");
        }
        buf_puts(&w->sql, ")");
    }
    buf_puts(&w->sql, " ORDER BY e.date_lo DESC, e.id DESC LIMIT ");
    sqlw_int(w, (int64_t)p->limit);
    buf_puts(&w->sql, " OFFSET ");
    sqlw_int(w, (int64_t)p->offset);
}

rasd_status store_query_open(store *s, const store_query *q, store_cursor **out)
{
    *out = NULL;
    if (!s || !q)
        return err_set(RASD_ERR_ARG, "store_query_open: NULL argument");
    qplan p;
    rasd_status r = store_plan(s, q, &p);
    if (r == RASD_OK && p.empty) {
        r = store_cursor_sql(s, NULL, p.note.data, out);
    } else if (r == RASD_OK) {
        sqlw w;
        sqlw_init(&w);
        list_sql(&p, &w);
        r = store_cursor_sql(s, &w, p.note.data, out);
        sqlw_free(&w);
    }
    store_plan_free(&p);
    return r;
}

static void side_fill(sqlite3_stmt *st, int col, store_side *sd, bool *present)
{
    sd->code = store_col_str(st, col);
    sd->country = store_col_str(st, col + 1);
    sd->sector = store_col_str(st, col + 2);
    sd->name = store_col_str(st, col + 3);
    sd->text = store_col_str(st, col + 4);
    *present = sqlite3_column_int(st, col + 5) != 0;
}

static void event_fill(store_cursor *c)
{
    sqlite3_stmt *st = c->st;
    store_event *e = &c->ev;
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(st, 0);
    e->category = store_col_str(st, 1);
    e->mode = store_col_str(st, 2);
    e->cameo = store_col_str(st, 3);
    e->quad = sqlite3_column_int(st, 4);
    e->intensity = sqlite3_column_double(st, 5);
    side_fill(st, 6, &e->source, &e->has_source);
    side_fill(st, 12, &e->target, &e->has_target);
    e->date = store_col_str(st, 18);
    int prec = sqlite3_column_int(st, 19);
    e->date_precision = store_prec_str(prec);
    e->date_known = prec != PREC_UNKNOWN && sqlite3_column_type(st, 20) != SQLITE_NULL;
    e->date_lo = sqlite3_column_int64(st, 20);
    e->date_hi = sqlite3_column_int64(st, 21);
    e->place_text = store_col_str(st, 22);
    e->place_name = store_col_str(st, 23);
    e->place_country = store_col_str(st, 24);
    e->has_coords = sqlite3_column_type(st, 25) != SQLITE_NULL;
    e->lat = sqlite3_column_double(st, 25);
    e->lon = sqlite3_column_double(st, 26);
    e->has_place = sqlite3_column_type(st, 27) != SQLITE_NULL;
    int flags = sqlite3_column_int(st, 28);
    e->negated = flags & STORE_FLAG_NEGATED;
    e->modality = flags & STORE_FLAG_FUTURE ? "future"
                  : flags & STORE_FLAG_HYPOTHETICAL ? "hypothetical" : "asserted";
    e->confidence = sqlite3_column_double(st, 29);
    e->num_mentions = sqlite3_column_int(st, 30);
    e->num_sources = sqlite3_column_int(st, 31);
    e->num_documents = sqlite3_column_int(st, 32);
    e->is_root = sqlite3_column_int(st, 33) != 0;
    e->trigger = store_col_str(st, 34);
    e->doc_id = store_col_str(st, 35);
    e->url = store_col_str(st, 36);
    e->outlet = store_col_str(st, 37);
    e->title = store_col_str(st, 38);
    e->sentence = sqlite3_column_int(st, 39);
    e->sent_start = sqlite3_column_int64(st, 40);
    e->sent_end = sqlite3_column_int64(st, 41);
    e->added = store_col_str(st, 42);
}

rasd_status store_cursor_next(store_cursor *c, const store_event **ev)
{
    *ev = NULL;
    if (!c || c->done)
        return RASD_DONE;
    int rc = sqlite3_step(c->st);
    if (rc == SQLITE_ROW) {
        event_fill(c);
        *ev = &c->ev;
        return RASD_OK;
    }
    c->done = true;
    return rc == SQLITE_DONE ? RASD_DONE : store_sqlerr(c->s, rc, "reading events");
}

const char *store_cursor_note(const store_cursor *c) { return c ? c->note : ""; }

void store_cursor_free(store_cursor *c)
{
    if (!c)
        return;
    sqlite3_finalize(c->st);
    free(c);
}
