/* fuzz_http.c - libFuzzer target for the HTTP layer's request parsing: the
 * input is a request target ("/api/events?actor=TUR&from=2024"), split,
 * routed, its query string parsed and validated for the route, and its path
 * cleaned as a static path. Invariants that break trap: decoded keys are
 * plain names, values are valid UTF-8 without control characters, and a
 * cleaned static path never escapes the root or reaches a hidden file. */
#include "serve/serve.h"
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_value_ok(const char *v)
{
    size_t n = strlen(v), bad;
    FZ_CHECK(n <= SERVE_MAX_VALUE);
    FZ_CHECK(rasd_utf8_check(v, n, &bad) == RASD_OK);
    for (size_t i = 0; i < n; i++)
        FZ_CHECK((unsigned char)v[i] >= 0x20 && v[i] != 0x7f);
}

static void fz_params(serve_args *a, const char *query, size_t qn)
{
    serve_params p;
    rasd_status st = serve_params_parse(query, qn, &p);
    if (st == RASD_OK) {
        FZ_CHECK(p.n <= SERVE_MAX_PARAMS);
        for (size_t i = 0; i < p.n; i++) {
            const char *k = p.v[i].key;
            FZ_CHECK(*k && strlen(k) <= SERVE_MAX_KEY);
            FZ_CHECK(strspn(k, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(k));
            fz_value_ok(p.v[i].val);
            FZ_CHECK(serve_param_get(&p, k) == p.v[i].val); /* keys unique */
        }
        if (a->route != SERVE_R_NONE && serve_args_parse(&p, a) == RASD_OK) {
            FZ_CHECK(a->q.limit >= 1 && a->q.limit <= SERVE_MAX_LIMIT);
            FZ_CHECK(a->q.offset <= SERVE_MAX_OFFSET);
            FZ_CHECK(a->q.quad >= 0 && a->q.quad <= 4);
            FZ_CHECK(a->top >= 1 && a->top <= SERVE_MAX_TOP);
            FZ_CHECK(!a->q.actor || !a->q.dyad[0]);
        }
    } else {
        FZ_CHECK(rasd_errmsg()[0]);
    }
    serve_params_free(&p);
}

static void fz_static(const char *path, size_t pn)
{
    char out[SERVE_MAX_URI + 16];
    if (serve_path_clean(path, pn, out, sizeof out) != RASD_OK)
        return;
    size_t n = strlen(out);
    FZ_CHECK(n > 0 && out[0] != '/');
    FZ_CHECK(!strstr(out, "//") && !strchr(out, '\\'));
    /* No segment is empty, ".", ".." or hidden. */
    FZ_CHECK(out[0] != '.' && !strstr(out, "/."));
    fz_value_ok(n <= SERVE_MAX_VALUE ? out : "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > SERVE_MAX_URI + 64)
        return 0;
    const char *uri = (const char *)data;
    size_t pn, qn;
    const char *query;
    serve_uri_split(uri, size, &pn, &query, &qn);
    FZ_CHECK(pn <= size && qn <= size);
    serve_args a;
    rasd_status st;
    serve_route r = serve_route_match(uri, pn, &a, &st);
    if (r != SERVE_R_NONE && st == RASD_OK && a.id) {
        fz_value_ok(a.id);
    }
    /* Every route's parameter rules, not only the one the path names. */
    for (int route = SERVE_R_NONE; route <= SERVE_R_META; route++) {
        a.route = (serve_route)route;
        fz_params(&a, query, qn);
    }
    fz_static(uri, pn);
    /* Decoding into a small buffer: refused when it does not fit. */
    char small[32];
    size_t len = 0;
    if (serve_unescape(uri, size, true, small, sizeof small, &len) == RASD_OK) {
        FZ_CHECK(len < sizeof small && small[len] == '\0');
        fz_value_ok(small);
    }
    return 0;
}
