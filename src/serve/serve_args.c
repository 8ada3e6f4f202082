/* serve_args.c - API routes and their parameters: which parameters each
 * route takes, and the checks that turn them into a store_query. A bad
 * value is rejected with a message naming the parameter rather than passed
 * on, so the store only ever sees well-formed filters. */
#include "serve/serve.h"
#include "events/ontology.h"
#include <string.h>

#define RB(r) (1u << (r))
#define FILTER_ROUTES                                                        \
    (RB(SERVE_R_EVENTS) | RB(SERVE_R_AGG) | RB(SERVE_R_ACTORS) |             \
     RB(SERVE_R_NETWORK))

typedef rasd_status (*arg_fn)(const char *name, char *val, serve_args *a);

typedef struct arg_def {
    const char *name;
    unsigned routes; /* RB() of the routes that accept it */
    arg_fn fn;
} arg_def;

/* ------------------------------------------------------------ values */

static rasd_status arg_bad(const char *name, const char *why)
{
    return err_set(RASD_ERR_ARG, "parameter '%s': %s", name, why);
}

/* A free-text value: non-empty and not too long (control characters and
 * invalid UTF-8 were rejected while decoding). */
static rasd_status arg_text(const char *name, const char *v, size_t max)
{
    size_t n = strlen(v);
    if (n == 0)
        return arg_bad(name, "empty value");
    if (n > max)
        return err_set(RASD_ERR_ARG, "parameter '%s': too long (at most %zu bytes)",
                       name, max);
    return RASD_OK;
}

/* A decimal number in [lo, hi] with at most 9 digits. */
static rasd_status arg_num(const char *name, const char *v, long lo, long hi,
                           long *out)
{
    size_t n = strlen(v);
    if (n == 0 || n > 9 || strspn(v, "0123456789") != n)
        return arg_bad(name, "not a number");
    long x = 0;
    for (size_t i = 0; i < n; i++)
        x = x * 10 + (v[i] - '0');
    if (x < lo || x > hi)
        return err_set(RASD_ERR_ARG, "parameter '%s': out of range (%ld-%ld)",
                       name, lo, hi);
    *out = x;
    return RASD_OK;
}

static rasd_status arg_bool(const char *name, const char *v, bool *out)
{
    static const char *yes[] = {"1", "true", "yes", "on"};
    static const char *no[] = {"0", "false", "no", "off"};
    for (size_t i = 0; i < 4; i++) {
        if (!strcmp(v, yes[i]))
            return *out = true, RASD_OK;
        if (!strcmp(v, no[i]))
            return *out = false, RASD_OK;
    }
    return arg_bad(name, "expected 1 or 0");
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* YYYY, YYYY-MM or YYYY-MM-DD as a range of ordinal values (y*10000 +
 * m*100 + d), which compare like dates. */
static bool date_range(const char *v, long *lo, long *hi)
{
    size_t n = strlen(v);
    if ((n != 4 && n != 7 && n != 10) || strspn(v, "0123456789") < 4)
        return false;
    int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
    int m = 0, d = 0;
    if (n >= 7) {
        if (v[4] != '-' || strspn(v + 5, "0123456789") < 2)
            return false;
        m = (v[5] - '0') * 10 + (v[6] - '0');
        if (m < 1 || m > 12)
            return false;
    }
    if (n == 10) {
        static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (v[7] != '-' || strspn(v + 8, "0123456789") != 2)
            return false;
        d = (v[8] - '0') * 10 + (v[9] - '0');
        if (d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
            return false;
    }
    if (y < 1)
        return false;
    *lo = (long)y * 10000 + m * 100 + (d ? d : (m ? 1 : 101));
    *hi = (long)y * 10000 + (m ? m : 12) * 100 + (d ? d : 31);
    return true;
}

/* ------------------------------------------------------------ parameters */

static rasd_status arg_actor(const char *name, char *v, serve_args *a)
{
    a->q.actor = v;
    return arg_text(name, v, SERVE_MAX_NAME);
}

static rasd_status arg_dyad(const char *name, char *v, serve_args *a)
{
    char *comma = strchr(v, ',');
    if (!comma || comma == v || !comma[1] || strchr(comma + 1, ','))
        return arg_bad(name, "expected two actors as A,B");
    *comma = '\0';
    a->q.dyad[0] = v;
    a->q.dyad[1] = comma + 1;
    rasd_status st = arg_text(name, v, SERVE_MAX_NAME);
    return st ? st : arg_text(name, comma + 1, SERVE_MAX_NAME);
}

static rasd_status arg_directed(const char *name, char *v, serve_args *a)
{
    return arg_bool(name, v, &a->q.directed);
}

static rasd_status arg_category(const char *name, char *v, serve_args *a)
{
    if (plover_parse(v, strlen(v)) == PL_NONE)
        return arg_bad(name, "unknown PLOVER category");
    a->q.category = v;
    return RASD_OK;
}

static rasd_status arg_quad(const char *name, char *v, serve_args *a)
{
    long x = 0;
    rasd_status st = arg_num(name, v, 1, 4, &x);
    a->q.quad = (int)x;
    return st;
}

static rasd_status arg_cameo(const char *name, char *v, serve_args *a)
{
    size_t n = strlen(v);
    if (n == 0 || n > 4 || strspn(v, "0123456789") != n)
        return arg_bad(name, "expected a CAMEO code prefix (1-4 digits)");
    a->q.cameo = v;
    return RASD_OK;
}

static rasd_status arg_date(const char *name, char *v, serve_args *a)
{
    long lo, hi;
    if (!date_range(v, &lo, &hi))
        return arg_bad(name, "expected a date YYYY, YYYY-MM or YYYY-MM-DD");
    if (!strcmp(name, "from"))
        a->q.from = v;
    else
        a->q.to = v;
    return RASD_OK;
}

static rasd_status arg_place(const char *name, char *v, serve_args *a)
{
    a->q.place = v;
    return arg_text(name, v, SERVE_MAX_NAME);
}

static rasd_status arg_country(const char *name, char *v, serve_args *a)
{
    if (strlen(v) != 3)
        return arg_bad(name, "expected an ISO 3166-1 alpha-3 code");
    for (char *c = v; *c; c++) {
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
        if (*c < 'A' || *c > 'Z')
            return arg_bad(name, "expected an ISO 3166-1 alpha-3 code");
    }
    a->q.country = v;
    return RASD_OK;
}

static rasd_status arg_outlet(const char *name, char *v, serve_args *a)
{
    a->q.outlet = v;
    return arg_text(name, v, SERVE_MAX_NAME);
}

static rasd_status arg_flag(const char *name, char *v, serve_args *a)
{
    bool *f = !strcmp(name, "future")    ? &a->q.include_future
              : !strcmp(name, "negated") ? &a->q.include_negated
                                         : &a->q.include_hypothetical;
    return arg_bool(name, v, f);
}

/* modality=all|asserted|future|hypothetical: a shorthand for the flags. */
static rasd_status arg_modality(const char *name, char *v, serve_args *a)
{
    bool all = !strcmp(v, "all");
    if (!all && strcmp(v, "asserted") && strcmp(v, "future") &&
        strcmp(v, "hypothetical"))
        return arg_bad(name, "expected asserted, future, hypothetical or all");
    a->q.include_future = all || !strcmp(v, "future");
    a->q.include_hypothetical = all || !strcmp(v, "hypothetical");
    return RASD_OK;
}

static rasd_status arg_textq(const char *name, char *v, serve_args *a)
{
    a->q.text = v;
    return arg_text(name, v, 256);
}

static rasd_status arg_limit(const char *name, char *v, serve_args *a)
{
    long x = 0;
    rasd_status st = arg_num(name, v, 1, 999999999, &x);
    /* Large limits are capped rather than refused: the response says so. */
    a->q.limit = x > SERVE_MAX_LIMIT ? SERVE_MAX_LIMIT : (size_t)x;
    return st;
}

static rasd_status arg_offset(const char *name, char *v, serve_args *a)
{
    long x = 0;
    rasd_status st = arg_num(name, v, 0, SERVE_MAX_OFFSET, &x);
    a->q.offset = (size_t)x;
    return st;
}

static rasd_status arg_mentions(const char *name, char *v, serve_args *a)
{
    long x = 0;
    rasd_status st = arg_num(name, v, 1, SERVE_MAX_MENTIONS, &x);
    a->q.max_mentions = (size_t)x;
    return st;
}

static rasd_status arg_by(const char *name, char *v, serve_args *a)
{
    static const char *names[] = {"day", "week", "month", "year"};
    static const store_bucket vals[] = {STORE_BY_DAY, STORE_BY_WEEK,
                                        STORE_BY_MONTH, STORE_BY_YEAR};
    for (size_t i = 0; i < 4; i++)
        if (!strcmp(v, names[i]))
            return a->by = vals[i], RASD_OK;
    return arg_bad(name, "expected day, week, month or year");
}

static rasd_status arg_top(const char *name, char *v, serve_args *a)
{
    long x = 0;
    rasd_status st = arg_num(name, v, 1, SERVE_MAX_TOP, &x);
    a->top = (size_t)x;
    return st;
}

static rasd_status arg_search(const char *name, char *v, serve_args *a)
{
    a->search = v;
    return arg_text(name, v, 256);
}

static rasd_status arg_partners(const char *name, char *v, serve_args *a)
{
    a->partners = v;
    return arg_text(name, v, SERVE_MAX_NAME);
}

static const arg_def arg_defs[] = {
    {"actor", FILTER_ROUTES, arg_actor},
    {"dyad", FILTER_ROUTES, arg_dyad},
    {"directed", FILTER_ROUTES, arg_directed},
    {"category", FILTER_ROUTES, arg_category},
    {"quad", FILTER_ROUTES, arg_quad},
    {"cameo", FILTER_ROUTES, arg_cameo},
    {"from", FILTER_ROUTES, arg_date},
    {"to", FILTER_ROUTES, arg_date},
    {"place", FILTER_ROUTES, arg_place},
    {"country", FILTER_ROUTES, arg_country},
    {"outlet", FILTER_ROUTES, arg_outlet},
    {"future", FILTER_ROUTES, arg_flag},
    {"negated", FILTER_ROUTES, arg_flag},
    {"hypothetical", FILTER_ROUTES, arg_flag},
    {"modality", FILTER_ROUTES, arg_modality},
    {"text", FILTER_ROUTES, arg_textq},
    {"limit", RB(SERVE_R_EVENTS) | RB(SERVE_R_SEARCH), arg_limit},
    {"offset", RB(SERVE_R_EVENTS), arg_offset},
    {"mentions", RB(SERVE_R_EVENTS), arg_mentions},
    {"by", RB(SERVE_R_AGG), arg_by},
    {"n", RB(SERVE_R_ACTORS) | RB(SERVE_R_NETWORK), arg_top},
    {"q", RB(SERVE_R_SEARCH) | RB(SERVE_R_ACTORS), arg_search},
    {"partners", RB(SERVE_R_ACTORS), arg_partners},
};

static const arg_def *arg_find(const char *name)
{
    for (size_t i = 0; i < sizeof arg_defs / sizeof arg_defs[0]; i++)
        if (!strcmp(arg_defs[i].name, name))
            return &arg_defs[i];
    return NULL;
}

/* Cross-parameter checks once every value is known. */
static rasd_status args_check(serve_args *a)
{
    long flo, fhi, tlo, thi;
    if (a->q.from && a->q.to && date_range(a->q.from, &flo, &fhi) &&
        date_range(a->q.to, &tlo, &thi) && flo > thi)
        return err_set(RASD_ERR_ARG, "parameter 'from' is after 'to'");
    if (a->q.actor && a->q.dyad[0])
        return err_set(RASD_ERR_ARG, "give either 'actor' or 'dyad', not both");
    if (a->route == SERVE_R_SEARCH && !a->search)
        return err_set(RASD_ERR_ARG, "parameter 'q' is required");
    if (a->route == SERVE_R_ACTORS && a->search && a->partners)
        return err_set(RASD_ERR_ARG, "give either 'q' or 'partners', not both");
    if (a->q.text && a->q.text[0] && strspn(a->q.text, " ") == strlen(a->q.text))
        return err_set(RASD_ERR_ARG, "parameter 'text': empty value");
    /* Bound a response's size: at most SERVE_MAX_ROWS mentions in all. */
    if (a->q.max_mentions * a->q.limit > SERVE_MAX_ROWS)
        a->q.max_mentions = SERVE_MAX_ROWS / a->q.limit ? SERVE_MAX_ROWS / a->q.limit : 1;
    return RASD_OK;
}

rasd_status serve_args_parse(const serve_params *p, serve_args *a)
{
    store_query_init(&a->q);
    a->q.limit = SERVE_DEFAULT_LIMIT;
    a->by = STORE_BY_MONTH;
    a->top = 20;
    a->search = a->partners = NULL;
    for (size_t i = 0; i < p->n; i++) {
        const char *name = p->v[i].key;
        const arg_def *d = arg_find(name);
        if (!d || !(d->routes & RB(a->route)))
            return err_set(RASD_ERR_ARG, "unknown parameter '%s'", name);
        /* Values live in the params' own buffer; some checks normalise in
         * place (country upper-cased, dyad split at the comma). */
        rasd_status st = d->fn(name, (char *)p->v[i].val, a);
        if (st != RASD_OK)
            return st;
    }
    return args_check(a);
}

/* ------------------------------------------------------------ routes */

/* The decoded {id} segment after `prefix`; false when absent or bad. */
static bool route_id(const char *raw, size_t n, size_t plen, serve_args *a,
                     rasd_status *st)
{
    const char *s = raw + plen;
    size_t m = n - plen;
    if (m == 0 || memchr(s, '/', m))
        return false;
    size_t len;
    a->id_buf[0] = '\0';
    a->id = a->id_buf;
    *st = serve_unescape(s, m, false, a->id_buf, sizeof a->id_buf, &len);
    return true;
}

static bool route_is(const char *raw, size_t n, const char *path)
{
    size_t k = strlen(path);
    return n == k && !memcmp(raw, path, k);
}

serve_route serve_route_match(const char *raw, size_t n, serve_args *a,
                              rasd_status *st)
{
    static const struct {
        const char *path;
        serve_route r;
    } fixed[] = {
        {"/api/search", SERVE_R_SEARCH}, {"/api/events", SERVE_R_EVENTS},
        {"/api/aggregate", SERVE_R_AGG}, {"/api/actors", SERVE_R_ACTORS},
        {"/api/network", SERVE_R_NETWORK}, {"/api/stats", SERVE_R_STATS},
        {"/api/meta", SERVE_R_META},
    };
    *st = RASD_OK;
    a->id = NULL;
    a->event_id = 0;
    a->route = SERVE_R_NONE;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (route_is(raw, n, fixed[i].path))
            return a->route = fixed[i].r;
    static const char ev[] = "/api/events/", doc[] = "/api/docs/";
    if (n > sizeof ev - 1 && !memcmp(raw, ev, sizeof ev - 1)) {
        if (!route_id(raw, n, sizeof ev - 1, a, st))
            return SERVE_R_NONE;
        long x = 0;
        if (*st == RASD_OK &&
            arg_num("id", a->id, 1, 999999999, &x) != RASD_OK)
            *st = err_set(RASD_ERR_ARG, "event id must be a positive number");
        a->event_id = x;
        return a->route = SERVE_R_EVENT;
    }
    if (n > sizeof doc - 1 && !memcmp(raw, doc, sizeof doc - 1)) {
        if (!route_id(raw, n, sizeof doc - 1, a, st))
            return SERVE_R_NONE;
        return a->route = SERVE_R_DOC;
    }
    return SERVE_R_NONE;
}
