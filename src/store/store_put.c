/* store_put.c - storing one coded document in one transaction: the
 * document and its text (and search index entry), its sentences, the actor
 * and event mentions read from rasd_code_json's JSON Lines, and the
 * deduplicated events they join. */
#include "store_int.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------ hashing */

typedef struct hash2 {
    uint64_t a, b;
} hash2;

/* Two unrelated 64-bit hashes (FNV-1a and a rotate-multiply mix) make a
 * 128-bit content hash: accidental collisions are out of reach. */
static void hash2_add(hash2 *h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h->a = (h->a ^ c) * 1099511628211ull;
        h->b = h->b ^ c;
        h->b = ((h->b << 5) | (h->b >> 59)) * 0x9E3779B97F4A7C15ull;
    }
    h->a = (h->a ^ 0xff) * 1099511628211ull; /* field separator */
    h->b = ((h->b ^ 0xff) << 7 | (h->b ^ 0xff) >> 57) * 0x9E3779B97F4A7C15ull;
}

static void hash2_str(hash2 *h, const char *s)
{
    hash2_add(h, s ? s : "", s ? strlen(s) : 0);
}

void store_doc_hash(const rasd_doc *doc, char out[STORE_HASH_HEX])
{
    hash2 h = {14695981039346656037ull, 0x243F6A8885A308D3ull};
    char date[64];
    rasd_date d = rasd_doc_date(doc);
    rasd_date_format(&d, date, sizeof date);
    hash2_str(&h, rasd_doc_id(doc));
    hash2_str(&h, rasd_doc_title(doc));
    hash2_str(&h, rasd_doc_source(doc));
    hash2_str(&h, rasd_doc_url(doc));
    hash2_str(&h, date);
    size_t len = 0;
    const char *text = rasd_doc_text(doc, &len);
    hash2_add(&h, text ? text : "", text ? len : 0);
    snprintf(out, STORE_HASH_HEX, "%016llx%016llx", (unsigned long long)h.a,
             (unsigned long long)h.b);
}

/* ------------------------------------------------------------ state */

static rasd_status doc_lookup(store *s, const char *key, int64_t *id, char hash[64])
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_DOC_BY_KEY, &r);
    if (!st)
        return r;
    store_bind_str(st, 1, key);
    int rc = sqlite3_step(st);
    *id = 0;
    hash[0] = '\0';
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        snprintf(hash, 64, "%s", store_col_str(st, 1));
    } else if (rc != SQLITE_DONE) {
        r = store_sqlerr(s, rc, "looking up a document");
    }
    sqlite3_reset(st);
    return r;
}

rasd_status store_doc_state_of(store *s, const char *doc_id, const char *hash,
                               store_doc_state *out)
{
    int64_t id;
    char old[64];
    rasd_status r = doc_lookup(s, doc_id, &id, old);
    *out = !id ? STORE_DOC_NEW : !strcmp(old, hash) ? STORE_DOC_SAME
                                                    : STORE_DOC_CHANGED;
    return r;
}

/* ------------------------------------------------------------ reading */

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static double jnum(json_t *o, const char *k, double def)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : def;
}

static void actor_read(json_t *o, store_actor_in *a)
{
    memset(a, 0, sizeof *a);
    if (!json_is_object(o))
        return;
    a->present = true;
    a->text = jstr(o, "text");
    a->code = jstr(o, "code");
    a->country = jstr(o, "country");
    a->sector = jstr(o, "sector");
    a->name = jstr(o, "name");
    a->resolved = json_is_true(json_object_get(o, "resolved"));
    if (!a->text)
        a->text = "";
}

static void place_read(json_t *o, store_mention_in *m)
{
    if (!json_is_object(o))
        return;
    m->place_text = jstr(o, "text");
    m->place_name = jstr(o, "name");
    m->place_country = jstr(o, "country");
    m->has_place = m->place_text || m->place_name;
    json_t *lat = json_object_get(o, "lat"), *lon = json_object_get(o, "lon");
    m->has_coords = json_is_number(lat) && json_is_number(lon);
    m->lat = json_number_value(lat);
    m->lon = json_number_value(lon);
}

/* Fill m from one event record; false when it is not one. */
static bool mention_read(json_t *o, store_mention_in *m)
{
    memset(m, 0, sizeof *m);
    m->category = jstr(o, "category");
    if (!json_is_object(o) || !m->category)
        return false;
    m->event_id = jstr(o, "event_id");
    m->mode = jstr(o, "mode");
    m->cameo = jstr(o, "cameo");
    m->modality = jstr(o, "modality");
    if (!m->modality)
        m->modality = "asserted";
    m->date = jstr(o, "date");
    m->date_origin = jstr(o, "date_origin");
    m->quad = (int)jnum(o, "quad_code", 0);
    m->intensity = jnum(o, "intensity", 0);
    m->confidence = jnum(o, "confidence", 0);
    m->negated = json_is_true(json_object_get(o, "negated"));
    m->sentence = (int)jnum(o, "sentence", 0);
    actor_read(json_object_get(o, "source"), &m->src);
    actor_read(json_object_get(o, "target"), &m->tgt);
    actor_read(json_object_get(o, "reported_by"), &m->rep);
    place_read(json_object_get(o, "location"), m);
    json_t *ev = json_object_get(o, "evidence");
    m->trigger = jstr(ev, "trigger");
    m->pattern = jstr(ev, "pattern");
    m->sent_start = (int64_t)jnum(ev, "start", -1);
    m->sent_end = (int64_t)jnum(ev, "end", -1);
    if (!store_span_parse(m->date, &m->span))
        m->span.prec = PREC_UNKNOWN; /* unreadable: treated as unknown */
    return true;
}

/* ------------------------------------------------------------ one document */

typedef struct put {
    store *s;
    const rasd_doc *doc;
    const char *text;
    size_t text_len;
    int64_t row;
    char now[32];
    store_put_info *info;
    json_t **lines;
    size_t n_lines;
    int64_t *touched;
    size_t n_touched, cap_touched;
} put;

static void put_parse(put *p, const char *events, size_t len)
{
    const char *e = events ? events + len : NULL;
    for (const char *l = events; l && l < e;) {
        const char *nl = memchr(l, '\n', (size_t)(e - l));
        size_t n = nl ? (size_t)(nl - l) : (size_t)(e - l);
        if (n) {
            json_t *o = json_loadb(l, n, 0, NULL);
            if (o)
                p->lines[p->n_lines++] = o;
            else
                p->info->bad_lines++;
        }
        l += n + 1;
    }
}

static bool put_touch(put *p, int64_t ev)
{
    for (size_t i = 0; i < p->n_touched; i++)
        if (p->touched[i] == ev)
            return true;
    if (p->n_touched == p->cap_touched) {
        size_t nc = p->cap_touched ? 2 * p->cap_touched : 32;
        int64_t *t = realloc(p->touched, nc * sizeof *t);
        if (!t)
            return false;
        p->touched = t;
        p->cap_touched = nc;
    }
    p->touched[p->n_touched++] = ev;
    return true;
}

static rasd_status put_recount(put *p)
{
    rasd_status r = RASD_OK;
    for (size_t i = 0; r == RASD_OK && i < p->n_touched; i++)
        r = store_event_recount(p->s, p->touched[i]);
    p->n_touched = 0;
    return r;
}

static rasd_status put_doc_row(put *p, const char *hash)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(p->s, Q_DOC_INSERT, &r);
    if (!st)
        return r;
    rasd_date d = rasd_doc_date(p->doc);
    char date[64];
    size_t dl = rasd_date_format(&d, date, sizeof date);
    store_bind_str(st, 1, rasd_doc_id(p->doc));
    store_bind_str(st, 2, hash);
    store_bind_str(st, 3, rasd_doc_input(p->doc));
    store_bind_str(st, 4, rasd_doc_title(p->doc));
    store_bind_str(st, 5, rasd_doc_source(p->doc));
    store_bind_str(st, 6, rasd_doc_url(p->doc));
    store_bind_str(st, 7, dl ? date : NULL);
    store_bind_str(st, 8, rasd_precision_str(d.precision));
    store_bind_str(st, 9, rasd_date_origin_str(d.origin));
    sqlite3_bind_text(st, 10, p->text, (int)p->text_len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 11, (int64_t)rasd_doc_sentence_count(p->doc));
    sqlite3_bind_int64(st, 12, (int64_t)p->n_lines);
    store_bind_str(st, 13, p->now);
    r = store_step_done(p->s, st, "storing a document");
    p->row = sqlite3_last_insert_rowid(p->s->db);
    if (r != RASD_OK || !(st = store_stmt(p->s, Q_FTS_INSERT, &r)))
        return r;
    sqlite3_bind_int64(st, 1, p->row);
    store_bind_str(st, 2, rasd_doc_title(p->doc));
    sqlite3_bind_text(st, 3, p->text, (int)p->text_len, SQLITE_STATIC);
    return store_step_done(p->s, st, "indexing a document for search");
}

/* Sentences that carry a mention keep their text (the evidence shown with
 * every event); the others only their span. */
static bool has_mention(const put *p, size_t sentence)
{
    for (size_t i = 0; i < p->n_lines; i++)
        if (jnum(p->lines[i], "sentence", -1) == (double)sentence)
            return true;
    return false;
}

static rasd_status put_sentences(put *p)
{
    const rasd_sentence *sv = rasd_doc_sentences(p->doc);
    size_t n = rasd_doc_sentence_count(p->doc);
    rasd_status r = RASD_OK;
    for (size_t i = 0; r == RASD_OK && i < n; i++) {
        sqlite3_stmt *st = store_stmt(p->s, Q_SENT_INSERT, &r);
        if (!st)
            break;
        sqlite3_bind_int64(st, 1, p->row);
        sqlite3_bind_int64(st, 2, (int64_t)i);
        sqlite3_bind_int64(st, 3, (int64_t)sv[i].start);
        sqlite3_bind_int64(st, 4, (int64_t)sv[i].end);
        if (sv[i].end <= p->text_len && sv[i].start <= sv[i].end && has_mention(p, i))
            sqlite3_bind_text(st, 5, p->text + sv[i].start, (int)(sv[i].end - sv[i].start),
                              SQLITE_STATIC);
        r = store_step_done(p->s, st, "storing sentences");
    }
    return r;
}

/* Count every word of the text as written and of the canonical name under
 * the actor's code, for name look-ups and actor search. */
typedef struct word_add {
    store *s;
    const char *code;
    int delta;
    rasd_status r;
} word_add;

static int word_add_one(void *ud, const char *key, size_t n, size_t start, size_t end)
{
    word_add *w = ud;
    sqlite3_stmt *st = store_stmt(w->s, Q_ACTOR_WORD_ADD, &w->r);
    if (!st)
        return 1;
    sqlite3_bind_text(st, 1, key, (int)n, SQLITE_TRANSIENT);
    store_bind_str(st, 2, w->code);
    sqlite3_bind_int(st, 3, w->delta);
    w->r = store_step_done(w->s, st, "indexing actor names");
    return w->r != RASD_OK;
}

rasd_status store_actor_count(store *s, const char *code, const char *country,
                              const char *sector, const char *name,
                              const char *text, int delta)
{
    if (!code)
        return RASD_OK; /* uncoded actors are found through their events */
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_ACTOR_ADD, &r);
    if (!st)
        return r;
    /* A country's sector code (TURGOV) stands for many people: the name of
     * one of them (Hakan Fidan) does not label it; TUR, IGOUNO keep theirs. */
    bool sub = country && strlen(code) > 3 && !strncmp(code, country, 3);
    store_bind_str(st, 1, code);
    store_bind_str(st, 2, country);
    store_bind_str(st, 3, sector);
    store_bind_str(st, 4, sub ? NULL : name);
    sqlite3_bind_int(st, 5, delta);
    if ((r = store_step_done(s, st, "indexing actors")) != RASD_OK)
        return r;
    word_add w = {s, code, delta, RASD_OK};
    if (text && *text)
        r = store_terms(s->morph, text, strlen(text), word_add_one, &w);
    if (r == RASD_OK && w.r == RASD_OK && name && *name)
        r = store_terms(s->morph, name, strlen(name), word_add_one, &w);
    return r != RASD_OK ? r : w.r;
}

/* memmem is a GNU extension; this is all we need of it. */
static const char *find_bytes(const char *h, size_t hn, const char *n, size_t nn)
{
    for (size_t i = 0; nn <= hn && i <= hn - nn; i++)
        if (h[i] == n[0] && !memcmp(h + i, n, nn))
            return h + i;
    return NULL;
}

/* The actor's text inside its sentence, as a span of the document. */
static bool actor_span(const put *p, const store_mention_in *m, const char *t,
                       int64_t *start, int64_t *end)
{
    size_t n = t ? strlen(t) : 0;
    if (!n || m->sent_start < 0 || m->sent_end > (int64_t)p->text_len ||
        m->sent_start >= m->sent_end)
        return false;
    const char *hit = find_bytes(p->text + m->sent_start,
                                 (size_t)(m->sent_end - m->sent_start), t, n);
    if (!hit)
        return false; /* resolved or gathered from several places */
    *start = hit - p->text;
    *end = *start + (int64_t)n;
    return true;
}

static rasd_status put_actor(put *p, const store_mention_in *m,
                             const store_actor_in *a, int64_t *id)
{
    *id = 0;
    if (!a->present)
        return RASD_OK;
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(p->s, Q_AM_INSERT, &r);
    if (!st)
        return r;
    int64_t start = 0, end = 0;
    bool found = actor_span(p, m, a->text, &start, &end);
    sqlite3_bind_int64(st, 1, p->row);
    sqlite3_bind_int(st, 2, m->sentence);
    store_bind_str(st, 3, a->text);
    store_bind_opt_int(st, 4, found, start);
    store_bind_opt_int(st, 5, found, end);
    store_bind_str(st, 6, a->code);
    store_bind_str(st, 7, a->country);
    store_bind_str(st, 8, a->sector);
    store_bind_str(st, 9, a->name);
    sqlite3_bind_int(st, 10, a->resolved);
    if ((r = store_step_done(p->s, st, "storing an actor mention")) != RASD_OK)
        return r;
    *id = sqlite3_last_insert_rowid(p->s->db);
    return store_actor_count(p->s, a->code, a->country, a->sector, a->name,
                             a->text, 1);
}

static rasd_status put_new_event(put *p, const store_mention_in *m,
                                 const char *place_key, int64_t *ev)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(p->s, Q_EV_INSERT, &r);
    if (!st)
        return r;
    bool known = m->span.prec != PREC_UNKNOWN;
    sqlite3_bind_int64(st, 1, (int64_t)store_dedup_key(m));
    store_bind_str(st, 2, m->category);
    sqlite3_bind_int(st, 3, store_flags_of(m->negated, m->modality));
    store_bind_opt_int(st, 4, known, m->span.lo);
    store_bind_opt_int(st, 5, known, m->span.hi);
    sqlite3_bind_int(st, 6, m->span.prec);
    store_bind_str(st, 7, place_key);
    r = store_step_done(p->s, st, "storing an event");
    *ev = sqlite3_last_insert_rowid(p->s->db);
    return r;
}

static void bind_mention(put *p, sqlite3_stmt *st, const store_mention_in *m,
                         const char *place_key)
{
    char key[64];
    snprintf(key, sizeof key, "#%d", m->sentence);
    store_bind_str(st, 3, m->event_id ? m->event_id : key);
    sqlite3_bind_int(st, 4, m->sentence);
    store_bind_str(st, 5, m->category);
    store_bind_str(st, 6, m->mode);
    store_bind_str(st, 7, m->cameo);
    sqlite3_bind_int(st, 8, m->quad);
    sqlite3_bind_double(st, 9, m->intensity);
    bool known = m->span.prec != PREC_UNKNOWN;
    store_bind_str(st, 13, m->date);
    store_bind_opt_int(st, 14, known, m->span.lo);
    store_bind_opt_int(st, 15, known, m->span.hi);
    sqlite3_bind_int(st, 16, m->span.prec);
    store_bind_str(st, 17, m->date_origin);
    store_bind_str(st, 18, place_key);
    store_bind_str(st, 19, m->place_text);
    store_bind_str(st, 20, m->place_name);
    store_bind_str(st, 21, m->place_country);
    store_bind_opt_real(st, 22, m->has_coords, m->lat);
    store_bind_opt_real(st, 23, m->has_coords, m->lon);
    sqlite3_bind_int(st, 24, m->negated);
    store_bind_str(st, 25, m->modality);
    sqlite3_bind_double(st, 26, m->confidence);
    store_bind_str(st, 27, m->trigger);
    store_bind_str(st, 28, m->pattern);
    store_bind_opt_int(st, 29, m->sent_start >= 0, m->sent_start);
    store_bind_opt_int(st, 30, m->sent_end >= 0, m->sent_end);
}

/* Evidence offsets come from the coder; fall back to the sentence table. */
static void mention_fix_span(const put *p, store_mention_in *m)
{
    size_t n = rasd_doc_sentence_count(p->doc);
    if (m->sent_start >= 0 && m->sent_end <= (int64_t)p->text_len &&
        m->sent_start <= m->sent_end)
        return;
    m->sent_start = m->sent_end = -1;
    if (m->sentence >= 0 && (size_t)m->sentence < n) {
        m->sent_start = (int64_t)rasd_doc_sentences(p->doc)[m->sentence].start;
        m->sent_end = (int64_t)rasd_doc_sentences(p->doc)[m->sentence].end;
    }
}

static rasd_status put_mention(put *p, json_t *o)
{
    store_mention_in m;
    if (!mention_read(o, &m)) {
        p->info->bad_lines++;
        return RASD_OK;
    }
    mention_fix_span(p, &m);
    char *place_key = store_place_key(&m);
    int64_t ev = 0, ids[3];
    store_span evs;
    rasd_status r = store_dedup_find(p->s, &m, place_key, p->row, &ev, &evs);
    if (r == RASD_OK && ev) {
        r = store_dedup_narrow(p->s, ev, &evs, &m, place_key);
        p->info->merged++;
    } else if (r == RASD_OK) {
        r = put_new_event(p, &m, place_key, &ev);
        p->info->new_events++;
    }
    if (r == RASD_OK)
        r = put_actor(p, &m, &m.src, &ids[0]);
    if (r == RASD_OK)
        r = put_actor(p, &m, &m.tgt, &ids[1]);
    if (r == RASD_OK)
        r = put_actor(p, &m, &m.rep, &ids[2]);
    sqlite3_stmt *st = r == RASD_OK ? store_stmt(p->s, Q_MEN_INSERT, &r) : NULL;
    if (st) {
        sqlite3_bind_int64(st, 1, ev);
        sqlite3_bind_int64(st, 2, p->row);
        for (int i = 0; i < 3; i++)
            store_bind_opt_int(st, 10 + i, ids[i] != 0, ids[i]);
        bind_mention(p, st, &m, place_key);
        r = store_step_done(p->s, st, "storing an event mention");
        p->info->mentions++;
    }
    free(place_key);
    if (r == RASD_OK && !put_touch(p, ev))
        r = err_set(RASD_ERR_NOMEM, "%s: out of memory", p->s->path);
    return r;
}

/* ------------------------------------------------------------ replacing */

static rasd_status run_doc_stmt(store *s, int id, int64_t doc, const char *what)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, id, &r);
    if (!st)
        return r;
    sqlite3_bind_int64(st, 1, doc);
    return store_step_done(s, st, what);
}

static rasd_status uncount_actors(store *s, int64_t doc)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *st = store_stmt(s, Q_AM_OF_DOC, &r);
    if (!st)
        return r;
    sqlite3_bind_int64(st, 1, doc);
    /* collect first: store_actor_count reuses other cached statements */
    buf rows;
    buf_init(&rows);
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < 5; c++) {
            const char *v = store_col_str(st, c);
            buf_putc(&rows, v ? 1 : 0);
            buf_puts(&rows, v ? v : "");
            buf_putc(&rows, '\0');
        }
        n++;
    }
    sqlite3_reset(st);
    const char *q = rows.data;
    for (size_t i = 0; r == RASD_OK && i < n && !rows.oom; i++) {
        const char *f[5];
        for (int c = 0; c < 5; c++) {
            f[c] = q[0] ? q + 1 : NULL;
            q += strlen(q + 1) + 2;
        }
        r = store_actor_count(s, f[0], f[1], f[2], f[3], f[4], -1);
    }
    if (rows.oom)
        r = err_set(RASD_ERR_NOMEM, "%s: out of memory", s->path);
    buf_free(&rows);
    return r;
}

static rasd_status fts_remove(store *s, int64_t doc)
{
    rasd_status r = RASD_OK;
    sqlite3_stmt *old = store_stmt(s, Q_DOC_OLD_TEXT, &r);
    if (!old)
        return r;
    sqlite3_bind_int64(old, 1, doc);
    if (sqlite3_step(old) == SQLITE_ROW) {
        sqlite3_stmt *st = store_stmt(s, Q_FTS_DELETE, &r);
        if (st) {
            sqlite3_bind_int64(st, 1, doc);
            sqlite3_bind_value(st, 2, sqlite3_column_value(old, 0));
            sqlite3_bind_value(st, 3, sqlite3_column_value(old, 1));
            r = store_step_done(s, st, "removing a document from the search index");
        }
    }
    sqlite3_reset(old);
    return r;
}

/* Remove an old version with everything hanging off it, then recount the
 * events it fed (deleting those left without a mention). */
static rasd_status put_remove(put *p, int64_t doc)
{
    store *s = p->s;
    rasd_status r = uncount_actors(s, doc);
    sqlite3_stmt *st = r == RASD_OK ? store_stmt(s, Q_MEN_EVENTS_OF_DOC, &r) : NULL;
    if (st) {
        sqlite3_bind_int64(st, 1, doc);
        while (r == RASD_OK && sqlite3_step(st) == SQLITE_ROW)
            if (!put_touch(p, sqlite3_column_int64(st, 0)))
                r = err_set(RASD_ERR_NOMEM, "%s: out of memory", s->path);
        sqlite3_reset(st);
    }
    if (r == RASD_OK)
        r = run_doc_stmt(s, Q_MEN_DELETE, doc, "removing old mentions");
    if (r == RASD_OK)
        r = run_doc_stmt(s, Q_AM_DELETE, doc, "removing old actor mentions");
    if (r == RASD_OK)
        r = run_doc_stmt(s, Q_SENT_DELETE, doc, "removing old sentences");
    if (r == RASD_OK)
        r = fts_remove(s, doc);
    if (r == RASD_OK)
        r = run_doc_stmt(s, Q_DOC_DELETE, doc, "removing the old document");
    if (r == RASD_OK)
        r = put_recount(p);
    if (r == RASD_OK)
        r = store_exec(s, "DELETE FROM actors WHERE n <= 0;"
                       "DELETE FROM actor_words WHERE n <= 0", "pruning actors");
    return r;
}

static rasd_status put_body(put *p, const char *hash)
{
    int64_t old;
    char old_hash[64];
    rasd_status r = doc_lookup(p->s, rasd_doc_id(p->doc), &old, old_hash);
    if (r != RASD_OK)
        return r;
    p->info->state = !old ? STORE_DOC_NEW : !strcmp(old_hash, hash)
                                               ? STORE_DOC_SAME : STORE_DOC_CHANGED;
    if (p->info->state == STORE_DOC_SAME)
        return RASD_OK;
    if (old && (r = put_remove(p, old)) != RASD_OK)
        return r;
    r = put_doc_row(p, hash);
    if (r == RASD_OK)
        r = put_sentences(p);
    for (size_t i = 0; r == RASD_OK && i < p->n_lines; i++)
        r = put_mention(p, p->lines[i]);
    if (r == RASD_OK)
        r = put_recount(p);
    return r;
}

static void put_now(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

rasd_status store_put_doc(store *s, const rasd_doc *doc, const char *hash,
                          const char *events, size_t events_len,
                          store_put_info *info)
{
    store_put_info dummy;
    if (!info)
        info = &dummy;
    memset(info, 0, sizeof *info);
    if (!s || !doc || !hash)
        return err_set(RASD_ERR_ARG, "store_put_doc: NULL argument");
    if (s->readonly)
        return err_set(RASD_ERR_IO, "%s: opened read-only", s->path);
    put p = {.s = s, .doc = doc, .info = info};
    p.text = rasd_doc_text(doc, &p.text_len);
    if (!p.text)
        p.text = "";
    put_now(p.now);
    size_t max_lines = 1;
    for (size_t i = 0; i < events_len; i++)
        max_lines += events[i] == '\n';
    p.lines = calloc(max_lines, sizeof *p.lines);
    if (!p.lines)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", s->path);
    put_parse(&p, events, events_len);
    rasd_status r = store_exec(s, "BEGIN IMMEDIATE", "starting to store a document");
    if (r == RASD_OK) {
        r = put_body(&p, hash);
        if (r == RASD_OK)
            r = store_exec(s, "COMMIT", "committing a document");
        if (r != RASD_OK)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    if (r != RASD_OK) { /* name the document the failure happened on */
        char msg[768];
        snprintf(msg, sizeof msg, "%s", rasd_errmsg());
        err_set(r, "%s (document %s)", msg, rasd_doc_id(doc));
    }
    for (size_t i = 0; i < p.n_lines; i++)
        json_decref(p.lines[i]);
    free(p.lines);
    free(p.touched);
    return r;
}
