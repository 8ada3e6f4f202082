/* serve_api.c - the JSON API: each route turns validated arguments into
 * store calls and wraps their JSON. Independent of HTTP, so the unit tests
 * call it directly against a store. */
#include "serve/serve.h"
#include "events/ontology.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void serve_error_json(buf *out, const char *msg)
{
    buf_reset(out);
    buf_puts(out, "{\"error\":");
    json_cstr(out, msg && *msg ? msg : "internal error");
    buf_puts(out, "}");
}

/* HTTP status of a failed store call, with the error body written. */
static int api_fail(rasd_status st, buf *out)
{
    serve_error_json(out, rasd_errmsg());
    if (st == RASD_ERR_ARG)
        return 400;
    if (st == RASD_ERR_NOTFOUND)
        return 404;
    return 500;
}

static int api_done(rasd_status st, buf *out)
{
    if (st != RASD_OK)
        return api_fail(st, out);
    if (out->oom) {
        serve_error_json(out, "out of memory");
        return 500;
    }
    return 200;
}

/* A lookup by id: "not found" without the store's file name in it. */
static int api_found(rasd_status st, const char *msg, buf *out)
{
    if (st != RASD_ERR_NOTFOUND)
        return api_done(st, out);
    serve_error_json(out, msg);
    return 404;
}

/* ------------------------------------------------------------ events */

static rasd_status api_event_rows(store *s, store_cursor *c, const serve_args *a,
                                  buf *out, size_t *count, bool *more)
{
    size_t max_m = a->q.max_mentions ? a->q.max_mentions : 3;
    for (;;) {
        const store_event *ev;
        rasd_status st = store_cursor_next(c, &ev);
        if (st == RASD_DONE)
            return RASD_OK;
        if (st != RASD_OK)
            return st;
        /* One row past the limit was asked for, only to learn if there
         * are more. */
        if (*count == a->q.limit) {
            *more = true;
            return RASD_OK;
        }
        if (*count)
            buf_putc(out, ',');
        st = store_event_json(s, ev, max_m, out);
        if (st != RASD_OK)
            return st;
        ++*count;
    }
}

static int api_events(store *s, const serve_args *a, buf *out)
{
    store_query q = a->q;
    q.limit = a->q.limit + 1;
    store_cursor *c = NULL;
    rasd_status st = store_query_open(s, &q, &c);
    if (st != RASD_OK)
        return api_fail(st, out);
    size_t count = 0;
    bool more = false;
    buf_puts(out, "{\"events\":[");
    st = api_event_rows(s, c, a, out, &count, &more);
    if (st == RASD_OK) {
        buf_printf(out, "],\"count\":%zu,\"offset\":%zu,\"limit\":%zu,\"more\":%s,"
                        "\"note\":",
                   count, a->q.offset, a->q.limit, more ? "true" : "false");
        json_cstr(out, store_cursor_note(c));
        buf_putc(out, '}');
    }
    store_cursor_free(c);
    return api_done(st, out);
}

/* ------------------------------------------------------------ meta */

static int api_meta(buf *out)
{
    buf_puts(out, "{\"categories\":[");
    for (int c = PL_NONE + 1; c < PL_N_CATS; c++) {
        buf_puts(out, c > PL_NONE + 1 ? ",{\"name\":" : "{\"name\":");
        json_cstr(out, plover_name((plover_cat)c));
        buf_printf(out, ",\"quad\":%d,\"intensity\":%.1f}", plover_quad((plover_cat)c),
                   plover_intensity((plover_cat)c, NULL));
    }
    buf_printf(out, "],\"limits\":{\"limit\":%d,\"offset\":%d,\"top\":%d,"
                    "\"mentions\":%d,\"value_bytes\":%d}}",
               SERVE_MAX_LIMIT, SERVE_MAX_OFFSET, SERVE_MAX_TOP,
               SERVE_MAX_MENTIONS, SERVE_MAX_VALUE);
    return api_done(RASD_OK, out);
}

/* ------------------------------------------------------------ network */

/* The key an actor row is known by: its code, else country, else name. */
static const char *net_key(json_t *row)
{
    static const char *fields[] = {"code", "country", "name"};
    for (size_t i = 0; i < 3; i++) {
        const char *v = json_string_value(json_object_get(row, fields[i]));
        if (v && *v)
            return v;
    }
    return NULL;
}

static json_t *net_load(buf *b, rasd_status *st)
{
    json_error_t e;
    json_t *j = json_loadb(b->data ? b->data : "", b->len, 0, &e);
    if (!j || !json_is_array(json_object_get(j, "rows"))) {
        json_decref(j);
        *st = err_set(RASD_ERR_PARSE, "store returned malformed JSON: %s", e.text);
        return NULL;
    }
    return j;
}

/* Edges from node `from` to partners that are nodes too; each undirected
 * pair once (the partner row of the lower-ranked node is skipped). */
static rasd_status net_edges(store *s, const serve_args *a, json_t *nodes,
                             size_t i, json_t *edges)
{
    const char *from = net_key(json_array_get(nodes, i));
    if (!from)
        return RASD_OK;
    buf b;
    buf_init(&b);
    rasd_status st = store_top_partners(s, &a->q, from, a->top, &b);
    json_t *j = st == RASD_OK ? net_load(&b, &st) : NULL;
    buf_free(&b);
    if (!j)
        return st;
    json_t *rows = json_object_get(j, "rows"), *row;
    size_t k;
    json_array_foreach(rows, k, row) {
        const char *to = net_key(row);
        size_t m;
        json_t *node;
        json_array_foreach(nodes, m, node) {
            const char *key = net_key(node);
            if (m <= i || !to || !key || strcmp(key, to))
                continue;
            json_t *e = json_pack("{s:s,s:s,s:O,s:O}", "source", from,
                                  "target", to, "events",
                                  json_object_get(row, "events"), "intensity_mean",
                                  json_object_get(row, "intensity_mean"));
            if (e)
                json_array_append_new(edges, e);
        }
    }
    json_decref(j);
    return RASD_OK;
}

static rasd_status net_build(store *s, const serve_args *a, json_t *top,
                             buf *out)
{
    json_t *nodes = json_object_get(top, "rows");
    json_t *edges = json_array();
    rasd_status st = edges ? RASD_OK : err_set(RASD_ERR_NOMEM, "out of memory");
    for (size_t i = 0; st == RASD_OK && i < json_array_size(nodes); i++)
        st = net_edges(s, a, nodes, i, edges);
    /* Drop rows without any key: they cannot be drawn or linked. */
    for (size_t i = json_array_size(nodes); i-- > 0;) {
        json_t *n = json_array_get(nodes, i);
        if (!net_key(n))
            json_array_remove(nodes, i);
        else
            json_object_set_new(n, "id", json_string(net_key(n)));
    }
    if (st == RASD_OK) {
        json_t *res = json_pack("{s:O,s:O}", "nodes", nodes, "edges", edges);
        char *txt = res ? json_dumps(res, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
        if (txt)
            buf_puts(out, txt);
        else
            st = err_set(RASD_ERR_NOMEM, "out of memory");
        free(txt);
        json_decref(res);
    }
    json_decref(edges);
    return st;
}

static int api_network(store *s, const serve_args *a, buf *out)
{
    buf b;
    buf_init(&b);
    rasd_status st = store_top_actors(s, &a->q, a->top, &b);
    json_t *top = st == RASD_OK ? net_load(&b, &st) : NULL;
    buf_free(&b);
    if (top) {
        st = net_build(s, a, top, out);
        json_decref(top);
    }
    return api_done(st, out);
}

/* ------------------------------------------------------------ dispatch */

int serve_api(store *s, const serve_args *a, buf *out)
{
    buf_reset(out);
    switch (a->route) {
    case SERVE_R_SEARCH:
        return api_done(store_search(s, a->search, a->q.limit, out), out);
    case SERVE_R_EVENTS:
        return api_events(s, a, out);
    case SERVE_R_EVENT:
        return api_found(store_event_get(s, a->event_id, out), "no such event", out);
    case SERVE_R_AGG:
        return api_done(store_aggregate(s, &a->q, a->by, out), out);
    case SERVE_R_ACTORS:
        if (a->search)
            return api_done(store_actor_search(s, a->search, a->top, out), out);
        if (a->partners)
            return api_done(store_top_partners(s, &a->q, a->partners, a->top, out),
                            out);
        return api_done(store_top_actors(s, &a->q, a->top, out), out);
    case SERVE_R_NETWORK:
        return api_network(s, a, out);
    case SERVE_R_DOC:
        return api_found(store_doc_get(s, a->id, out), "no such document", out);
    case SERVE_R_STATS:
        return api_done(store_stats(s, out), out);
    case SERVE_R_META:
        return api_meta(out);
    case SERVE_R_NONE:
        break;
    }
    serve_error_json(out, "not found");
    return 404;
}
