/* store_dedup.c - which mentions are the same real event (the rule is
 * written out in README.md, "Deduplication"), and the recount of an
 * event's figures (num_mentions, num_sources, num_documents) and
 * representative fields from its mentions. */
#include "store_int.h"
#include <stdlib.h>
#include <string.h>

/* FNV-1a over the fields that must be equal, separated by a unit separator
 * so that ("AB","C") and ("A","BC") differ. */
static uint64_t fnv_add(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0x1f) * 1099511628211ull;
}

/* A side is its actor code; an actor named but not coded is keyed by its
 * text as written (so only the same words merge); no actor is "". */
static uint64_t side_add(uint64_t h, const store_actor_in *a)
{
    if (!a->present)
        return fnv_add(h, "");
    if (a->code)
        return fnv_add(h, a->code);
    return fnv_add(fnv_add(h, "~"), a->text);
}

uint64_t store_dedup_key(const store_mention_in *m)
{
    uint64_t h = 14695981039346656037ull;
    h = fnv_add(h, m->category);
    h = side_add(h, &m->src);
    h = side_add(h, &m->tgt);
    h = fnv_add(h, m->negated ? "neg" : "pos");
    return fnv_add(h, m->modality ? m->modality : "asserted");
}

/* A coded actor tied to a country, an organisation code longer than a bare
 * sector (IGOUNO), as opposed to a generic "civilians" (CVL) or "government"
 * (GOV) that could be anyone anywhere. */
static bool side_specific(const store_actor_in *a)
{
    return a->present && a->code && (a->country || strlen(a->code) > 3);
}

bool store_mention_anchored(const store_mention_in *m)
{
    return side_specific(&m->src) || side_specific(&m->tgt) || m->has_place;
}

char *store_place_key(const store_mention_in *m)
{
    if (!m->has_place)
        return NULL;
    const char *what = m->place_name ? m->place_name : m->place_text;
    char *norm = NULL;
    size_t nlen = 0;
    if (!what || rasd_normalize(what, strlen(what), RASD_NORM_ALL, &norm, &nlen,
                                NULL) != RASD_OK) {
        free(norm);
        return NULL;
    }
    buf b;
    buf_init(&b);
    buf_printf(&b, "%s|%s", m->place_country ? m->place_country : "", norm);
    free(norm);
    if (b.oom) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b, &nlen);
}

static bool places_compatible(const char *a, const char *b)
{
    return !a || !b || strcmp(a, b) == 0;
}

static void span_from_row(sqlite3_stmt *st, store_span *sp)
{
    sp->prec = sqlite3_column_int(st, 3);
    sp->lo = sqlite3_column_int64(st, 1);
    sp->hi = sqlite3_column_int64(st, 2);
    if (sqlite3_column_type(st, 1) == SQLITE_NULL)
        sp->prec = PREC_UNKNOWN;
}

/* Candidates anywhere in the store whose date span overlaps the mention's
 * (events are at most a year wide, hence the 366-day window on date_lo). */
static rasd_status find_dated(store *s, const store_mention_in *m, uint64_t key,
                              const char *place_key, int64_t *ev, store_span *evs)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_EV_CAND_DATED, &r);
    if (!st)
        return r;
    sqlite3_bind_int64(st, 1, (int64_t)key);
    sqlite3_bind_int64(st, 2, m->span.lo - 366);
    sqlite3_bind_int64(st, 3, m->span.hi);
    sqlite3_bind_int64(st, 4, m->span.lo);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_span sp;
        span_from_row(st, &sp);
        if (store_spans_compatible(&sp, &m->span) &&
            places_compatible(store_col_str(st, 4), place_key)) {
            *ev = sqlite3_column_int64(st, 0);
            *evs = sp;
            break;
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        r = store_sqlerr(s, rc, "looking for duplicate events");
    sqlite3_reset(st);
    return r;
}

/* Candidates that already have a mention in this document: the only ones
 * an undated or unanchored mention may join, and the only ones an undated
 * event accepts. */
static rasd_status find_local(store *s, const store_mention_in *m, uint64_t key,
                              const char *place_key, int64_t doc, int64_t *ev,
                              store_span *evs)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_EV_CAND_DOC, &r);
    if (!st)
        return r;
    sqlite3_bind_int64(st, 1, (int64_t)key);
    sqlite3_bind_int64(st, 2, doc);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (*ev && id >= *ev)
            break; /* the dated search already found an older one */
        store_span sp;
        span_from_row(st, &sp);
        bool dates_ok = sp.prec == PREC_UNKNOWN || m->span.prec == PREC_UNKNOWN ||
                        store_spans_compatible(&sp, &m->span);
        if (dates_ok && places_compatible(store_col_str(st, 4), place_key)) {
            *ev = id;
            *evs = sp;
            break;
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        r = store_sqlerr(s, rc, "looking for duplicate events");
    sqlite3_reset(st);
    return r;
}

rasd_status store_dedup_find(store *s, const store_mention_in *m,
                             const char *place_key, int64_t doc, int64_t *event,
                             store_span *ev_span)
{
    uint64_t key = store_dedup_key(m);
    *event = 0;
    memset(ev_span, 0, sizeof *ev_span);
    bool global = store_mention_anchored(m) && m->span.prec != PREC_UNKNOWN;
    rasd_status r = RASD_OK;
    if (global)
        r = find_dated(s, m, key, place_key, event, ev_span);
    if (r == RASD_OK)
        r = find_local(s, m, key, place_key, doc, event, ev_span);
    return r;
}

rasd_status store_dedup_narrow(store *s, int64_t ev, const store_span *ev_span,
                               const store_mention_in *m, const char *place_key)
{
    store_span sp = *ev_span;
    if (m->span.prec != PREC_UNKNOWN &&
        (sp.prec == PREC_UNKNOWN || m->span.hi - m->span.lo < sp.hi - sp.lo))
        sp = m->span; /* containment holds, so the narrower span is inside */
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_EV_NARROW, &r);
    if (!st)
        return r;
    sqlite3_bind_int64(st, 1, ev);
    store_bind_opt_int(st, 2, sp.prec != PREC_UNKNOWN, sp.lo);
    store_bind_opt_int(st, 3, sp.prec != PREC_UNKNOWN, sp.hi);
    sqlite3_bind_int(st, 4, sp.prec);
    store_bind_str(st, 5, place_key);
    return store_step_done(s, st, "merging a mention into an event");
}

/* ------------------------------------------------------------ recount */

typedef struct side_rep {
    const char *code, *country, *sector, *name;
} side_rep;

typedef struct recount {
    arena a;
    int64_t n, rep_id, *docs;
    size_t n_docs, cap_docs;
    char **srcs;
    size_t n_srcs, cap_srcs;
    double best_conf, intensity;
    const char *mode, *cameo, *added, *odd_date;
    int quad;
    bool root, has_place, has_coords;
    side_rep side[2];
    store_span span;
    const char *place_key, *place_text, *place_name, *place_country;
    double lat, lon;
} recount;

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t count_distinct(void *base, size_t n, size_t size,
                             int (*cmp)(const void *, const void *))
{
    if (!n)
        return 0;
    qsort(base, n, size, cmp);
    size_t k = 1;
    for (size_t i = 1; i < n; i++)
        k += cmp((char *)base + (i - 1) * size, (char *)base + i * size) != 0;
    return k;
}

static const char *rc_dup(recount *c, sqlite3_stmt *st, int col)
{
    const char *v = store_col_str(st, col);
    return v ? arena_strdup(&c->a, v) : NULL;
}

/* Room for element n. */
static bool rc_grow(void **p, size_t *cap, size_t n, size_t size)
{
    return array_grow(p, cap, n + 1, size);
}

static void rc_side(recount *c, sqlite3_stmt *st, int i, int col, bool rep)
{
    side_rep *sd = &c->side[i];
    if (rep || !sd->code) {
        sd->code = rc_dup(c, st, col);
        sd->country = rc_dup(c, st, col + 1);
        sd->sector = rc_dup(c, st, col + 2);
    }
    if (rep ? store_col_str(st, col + 3) != NULL : !sd->name)
        sd->name = rc_dup(c, st, col + 3);
}

/* Fold one mention row (Q_EV_MENTIONS columns) into the recount. */
static bool rc_row(recount *c, sqlite3_stmt *st)
{
    int64_t doc = sqlite3_column_int64(st, 1);
    const char *outlet = store_col_str(st, 2);
    if (!rc_grow((void **)&c->docs, &c->cap_docs, c->n_docs, sizeof *c->docs) ||
        !rc_grow((void **)&c->srcs, &c->cap_srcs, c->n_srcs, sizeof *c->srcs))
        return false;
    c->docs[c->n_docs++] = doc;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "#%lld", (long long)doc); /* unattributed: its own source */
    c->srcs[c->n_srcs++] = arena_strdup(&c->a, outlet ? outlet : tmp);
    double conf = sqlite3_column_double(st, 3);
    bool rep = c->n == 0 || conf > c->best_conf;
    c->n++;
    c->root |= sqlite3_column_int(st, 4) == 0;
    const char *added = store_col_str(st, 30);
    if (added && (!c->added || strcmp(added, c->added) < 0))
        c->added = arena_strdup(&c->a, added);
    if (rep) {
        c->rep_id = sqlite3_column_int64(st, 0);
        c->best_conf = conf;
        c->mode = rc_dup(c, st, 15);
        c->cameo = rc_dup(c, st, 16);
        c->quad = sqlite3_column_int(st, 17);
        c->intensity = sqlite3_column_double(st, 18);
    } else if (!c->mode) {
        c->mode = rc_dup(c, st, 15);
    }
    if (sqlite3_column_int(st, 31))
        rc_side(c, st, 0, 22, rep);
    if (sqlite3_column_int(st, 32))
        rc_side(c, st, 1, 26, rep);
    store_span sp;
    sp.prec = sqlite3_column_int(st, 8);
    sp.lo = sqlite3_column_int64(st, 6);
    sp.hi = sqlite3_column_int64(st, 7);
    if (sp.prec != PREC_UNKNOWN &&
        (c->span.prec == PREC_UNKNOWN || sp.hi - sp.lo < c->span.hi - c->span.lo))
        c->span = sp;
    if (sp.prec == PREC_UNKNOWN && !c->odd_date)
        c->odd_date = rc_dup(c, st, 5); /* "--04-08": shown when nothing better */
    if (!c->has_place && store_col_str(st, 9)) {
        c->has_place = true;
        c->place_key = rc_dup(c, st, 9);
        c->place_text = rc_dup(c, st, 10);
        c->place_name = rc_dup(c, st, 11);
        c->place_country = rc_dup(c, st, 12);
        c->has_coords = sqlite3_column_type(st, 13) != SQLITE_NULL;
        c->lat = sqlite3_column_double(st, 13);
        c->lon = sqlite3_column_double(st, 14);
    }
    return true;
}

static void span_iso(const store_span *sp, char out[16])
{
    char day[16];
    store_day_str(sp->lo, day);
    size_t n = sp->prec == PREC_DAY ? 10 : sp->prec == PREC_MONTH ? 7 : 4;
    memcpy(out, day, n);
    out[n] = '\0';
}

static rasd_status rc_write(store *s, int64_t ev, recount *c)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_EV_RECOUNT, &r);
    if (!st)
        return r;
    char iso[16];
    bool known = c->span.prec != PREC_UNKNOWN;
    if (known)
        span_iso(&c->span, iso);
    sqlite3_bind_int64(st, 1, ev);
    store_bind_str(st, 2, c->mode);
    store_bind_str(st, 3, c->cameo);
    sqlite3_bind_int(st, 4, c->quad);
    sqlite3_bind_double(st, 5, c->intensity);
    for (int i = 0; i < 2; i++) {
        store_bind_str(st, 6 + 4 * i, c->side[i].code);
        store_bind_str(st, 7 + 4 * i, c->side[i].country);
        store_bind_str(st, 8 + 4 * i, c->side[i].sector);
        store_bind_str(st, 9 + 4 * i, c->side[i].name);
    }
    store_bind_str(st, 14, known ? iso : c->odd_date);
    store_bind_opt_int(st, 15, known, c->span.lo);
    store_bind_opt_int(st, 16, known, c->span.hi);
    sqlite3_bind_int(st, 17, c->span.prec);
    store_bind_str(st, 18, c->place_key);
    store_bind_str(st, 19, c->place_text);
    store_bind_str(st, 20, c->place_name);
    store_bind_str(st, 21, c->place_country);
    store_bind_opt_real(st, 22, c->has_coords, c->lat);
    store_bind_opt_real(st, 23, c->has_coords, c->lon);
    sqlite3_bind_double(st, 24, c->best_conf);
    sqlite3_bind_int(st, 25, c->root);
    sqlite3_bind_int64(st, 26, c->n);
    sqlite3_bind_int64(st, 27, (int64_t)count_distinct(c->srcs, c->n_srcs,
                                                       sizeof *c->srcs, cmp_str));
    sqlite3_bind_int64(st, 28, (int64_t)count_distinct(c->docs, c->n_docs,
                                                       sizeof *c->docs, cmp_i64));
    sqlite3_bind_int64(st, 29, c->rep_id);
    store_bind_str(st, 30, c->added);
    return store_step_done(s, st, "updating an event");
}

rasd_status store_event_recount(store *s, int64_t ev)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_EV_MENTIONS, &r);
    if (!st)
        return r;
    recount c;
    memset(&c, 0, sizeof c);
    arena_init(&c.a, 4096);
    sqlite3_bind_int64(st, 1, ev);
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = rc_row(&c, st);
    if (!ok)
        r = err_set(RASD_ERR_NOMEM, "%s: out of memory recounting an event", s->path);
    else if (rc != SQLITE_DONE)
        r = store_sqlerr(s, rc, "recounting an event");
    sqlite3_reset(st);
    if (r == RASD_OK && c.n == 0) {
        sqlite3_stmt *del = store_stmt(s, Q_EV_DELETE, &r);
        if (del) {
            sqlite3_bind_int64(del, 1, ev);
            r = store_step_done(s, del, "deleting an event");
        }
    } else if (r == RASD_OK) {
        r = rc_write(s, ev, &c);
    }
    free(c.docs);
    free(c.srcs);
    arena_free(&c.a);
    return r;
}

int store_flags_of(bool negated, const char *modality)
{
    int f = negated ? STORE_FLAG_NEGATED : 0;
    if (modality && !strcmp(modality, "future"))
        f |= STORE_FLAG_FUTURE;
    else if (modality && !strcmp(modality, "hypothetical"))
        f |= STORE_FLAG_HYPOTHETICAL;
    return f;
}
