/* test_serve.c - the HTTP layer: percent decoding, query strings, parameter
 * validation, route matching, static path sanitising (also against symlinks
 * out of the web root), and a real server on 127.0.0.1 answering a bounded
 * burst of parallel requests. */
#include "check.h"
#include "serve/serve.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------ decoding */

static void test_unescape(void)
{
    char out[64];
    size_t n;
    CHECK_EQ_INT(serve_unescape("a%20b+c", 7, true, out, sizeof out, &n), RASD_OK);
    CHECK_EQ_STR(out, "a b c");
    CHECK_EQ_INT(serve_unescape("a+b", 3, false, out, sizeof out, &n), RASD_OK);
    CHECK_EQ_STR(out, "a+b");
    const char *ar = "%D8%AA%D8%B1%D9%83%D9%8A%D8%A7";
    CHECK_EQ_INT(serve_unescape(ar, strlen(ar), true, out, sizeof out, &n), RASD_OK);
    CHECK_EQ_STR(out, "تركيا");
    CHECK_EQ_INT(n, 10);
    CHECK_EQ_INT(serve_unescape("%2", 2, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("%", 1, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("%zz", 3, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("a%00b", 5, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("a%0Ab", 5, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("a\tb", 3, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("%FF", 3, true, out, sizeof out, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("%C0%AE", 6, true, out, sizeof out, &n), RASD_ERR_ARG); /* overlong '.' */
    CHECK_EQ_INT(serve_unescape("", 0, true, out, sizeof out, &n), RASD_OK);
    CHECK_EQ_INT(n, 0);
    /* Output that does not fit is refused, never truncated or overrun. */
    CHECK_EQ_INT(serve_unescape("abcd", 4, true, out, 4, &n), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_unescape("abc", 3, true, out, 4, &n), RASD_OK);
    CHECK_EQ_INT(serve_unescape("%41%42%43", 9, true, out, 4, &n), RASD_OK);
    CHECK_EQ_STR(out, "ABC");
    CHECK_EQ_INT(serve_unescape("a", 1, true, out, 0, &n), RASD_ERR_ARG);
}

static void test_params(void)
{
    serve_params p;
    const char *q = "actor=TUR&&from=2024-01&text=%D8%BA%D8%B2%D8%A9+x&flag&";
    CHECK_EQ_INT(serve_params_parse(q, strlen(q), &p), RASD_OK);
    CHECK_EQ_INT(p.n, 4);
    CHECK_EQ_STR(serve_param_get(&p, "actor"), "TUR");
    CHECK_EQ_STR(serve_param_get(&p, "from"), "2024-01");
    CHECK_EQ_STR(serve_param_get(&p, "text"), "غزة x");
    CHECK_EQ_STR(serve_param_get(&p, "flag"), "");
    CHECK(serve_param_get(&p, "to") == NULL);
    serve_params_free(&p);

    CHECK_EQ_INT(serve_params_parse("", 0, &p), RASD_OK);
    CHECK_EQ_INT(p.n, 0);
    serve_params_free(&p);

    static const char *bad[] = {
        "a=1&a=2",          /* given twice */
        "Actor=TUR",        /* keys are lower case */
        "=x",               /* empty key */
        "a%3Db=1",          /* keys are not decoded */
        "a=%zz",            /* bad escape */
        "a=%00",            /* NUL */
        "a=%ff",            /* invalid UTF-8 */
        "averyveryverylongkey=1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ_INT(serve_params_parse(bad[i], strlen(bad[i]), &p), RASD_ERR_ARG);
        CHECK(rasd_errmsg()[0] != '\0');
        serve_params_free(&p);
    }

    /* Too many parameters, an overlong value, an overlong query. */
    char big[8192];
    size_t n = 0;
    for (int i = 0; i < SERVE_MAX_PARAMS + 1; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "k%d=1&", i);
    CHECK_EQ_INT(serve_params_parse(big, n, &p), RASD_ERR_ARG);
    serve_params_free(&p);
    memcpy(big, "q=", 2);
    memset(big + 2, 'x', SERVE_MAX_VALUE + 1);
    CHECK_EQ_INT(serve_params_parse(big, SERVE_MAX_VALUE + 3, &p), RASD_ERR_ARG);
    serve_params_free(&p);
    memset(big + 2, 'x', SERVE_MAX_VALUE);
    CHECK_EQ_INT(serve_params_parse(big, SERVE_MAX_VALUE + 2, &p), RASD_OK);
    serve_params_free(&p);
    memset(big, 'x', sizeof big);
    CHECK_EQ_INT(serve_params_parse(big, SERVE_MAX_URI + 1, &p), RASD_ERR_ARG);
    serve_params_free(&p);
}

/* ------------------------------------------------------------ paths */

static int clean(const char *raw, char *out)
{
    return serve_path_clean(raw, strlen(raw), out, 256);
}

static void test_path_clean(void)
{
    char out[256];
    CHECK_EQ_INT(clean("/", out), RASD_OK);
    CHECK_EQ_STR(out, "index.html");
    CHECK_EQ_INT(clean("/css/app.css", out), RASD_OK);
    CHECK_EQ_STR(out, "css/app.css");
    CHECK_EQ_INT(clean("/js/", out), RASD_OK);
    CHECK_EQ_STR(out, "js/index.html");
    CHECK_EQ_INT(clean("/%D8%A3.html", out), RASD_OK);
    CHECK_EQ_STR(out, "أ.html");
    static const char *bad[] = {
        "", "index.html", "/..", "/../etc/passwd", "/css/../../x", "/a/./b",
        "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd", "/.%2e/x", "/%2e/x",
        "//etc/passwd", "/a//b", "/a\\..\\b", "/a%5c..%5cb", "/.git/config",
        "/.env", "/a%00b", "/a%0d%0ab", "/%ff", "/%", "/%2",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int st = clean(bad[i], out);
        if (st != RASD_ERR_ARG)
            fprintf(stderr, "accepted: '%s' -> '%s'\n", bad[i], out);
        CHECK_EQ_INT(st, RASD_ERR_ARG);
    }
    /* Over the buffer: refused, not truncated. */
    CHECK_EQ_INT(serve_path_clean("/abcdef", 7, out, 4), RASD_ERR_ARG);
    CHECK_EQ_INT(serve_path_clean("/", 1, out, 8), RASD_ERR_ARG);
}

static void test_mime(void)
{
    CHECK_EQ_STR(serve_mime("index.html"), "text/html; charset=utf-8");
    CHECK_EQ_STR(serve_mime("a/b.js"), "text/javascript; charset=utf-8");
    CHECK_EQ_STR(serve_mime("a.css"), "text/css; charset=utf-8");
    CHECK_EQ_STR(serve_mime("f.svg"), "image/svg+xml");
    CHECK(serve_mime("package.json") == NULL);
    CHECK(serve_mime("Makefile") == NULL);
    CHECK(serve_mime("a.js/b") == NULL);
    CHECK(serve_mime("x.html.bak") == NULL);
}

/* ------------------------------------------------------------ routes */

static serve_route route(const char *p, serve_args *a, rasd_status *st)
{
    return serve_route_match(p, strlen(p), a, st);
}

static void test_routes(void)
{
    serve_args a;
    rasd_status st;
    CHECK_EQ_INT(route("/api/events", &a, &st), SERVE_R_EVENTS);
    CHECK_EQ_INT(route("/api/search", &a, &st), SERVE_R_SEARCH);
    CHECK_EQ_INT(route("/api/aggregate", &a, &st), SERVE_R_AGG);
    CHECK_EQ_INT(route("/api/actors", &a, &st), SERVE_R_ACTORS);
    CHECK_EQ_INT(route("/api/network", &a, &st), SERVE_R_NETWORK);
    CHECK_EQ_INT(route("/api/stats", &a, &st), SERVE_R_STATS);
    CHECK_EQ_INT(route("/api/meta", &a, &st), SERVE_R_META);
    CHECK_EQ_INT(route("/api/events/42", &a, &st), SERVE_R_EVENT);
    CHECK_EQ_INT(st, RASD_OK);
    CHECK_EQ_INT(a.event_id, 42);
    CHECK_EQ_INT(route("/api/events/4x", &a, &st), SERVE_R_EVENT);
    CHECK_EQ_INT(st, RASD_ERR_ARG);
    CHECK_EQ_INT(route("/api/events/0", &a, &st), SERVE_R_EVENT);
    CHECK_EQ_INT(st, RASD_ERR_ARG);
    CHECK_EQ_INT(route("/api/events/99999999999999999999", &a, &st), SERVE_R_EVENT);
    CHECK_EQ_INT(st, RASD_ERR_ARG);
    CHECK_EQ_INT(route("/api/docs/01_ankara_talks", &a, &st), SERVE_R_DOC);
    CHECK_EQ_INT(st, RASD_OK);
    CHECK_EQ_STR(a.id, "01_ankara_talks");
    CHECK_EQ_INT(route("/api/docs/%D8%AA%20x", &a, &st), SERVE_R_DOC);
    CHECK_EQ_STR(a.id, "ت x");
    CHECK_EQ_INT(route("/api/docs/%00", &a, &st), SERVE_R_DOC);
    CHECK_EQ_INT(st, RASD_ERR_ARG);
    /* An id longer than the id buffer, plain or escaped (found by fuzzing). */
    char longid[1200] = "/api/events/";
    memset(longid + 12, 'x', 600);
    CHECK_EQ_INT(route(longid, &a, &st), SERVE_R_EVENT);
    CHECK_EQ_INT(st, RASD_ERR_ARG);
    memcpy(longid, "/api/docs/", 10);
    for (int i = 0; i < 300; i++)
        memcpy(longid + 10 + 3 * i, "%41", 3);
    longid[910] = '\0';
    CHECK_EQ_INT(route(longid, &a, &st), SERVE_R_DOC);
    CHECK_EQ_INT(st, RASD_ERR_ARG);
    CHECK_EQ_INT(route("/api/events/", &a, &st), SERVE_R_NONE);
    CHECK_EQ_INT(route("/api/events/1/2", &a, &st), SERVE_R_NONE);
    CHECK_EQ_INT(route("/api/docs/", &a, &st), SERVE_R_NONE);
    CHECK_EQ_INT(route("/api/nope", &a, &st), SERVE_R_NONE);
    CHECK_EQ_INT(route("/api", &a, &st), SERVE_R_NONE);
    CHECK_EQ_INT(route("/api/eventsx", &a, &st), SERVE_R_NONE);
}

/* Parse `query` for `path`; returns the status of serve_args_parse. */
static rasd_status args(const char *path, const char *query, serve_args *a,
                        serve_params *p)
{
    rasd_status st;
    if (serve_route_match(path, strlen(path), a, &st) == SERVE_R_NONE)
        return RASD_ERR_NOTFOUND;
    st = serve_params_parse(query, strlen(query), p);
    if (st == RASD_OK)
        st = serve_args_parse(p, a);
    return st;
}

static rasd_status args1(const char *path, const char *query)
{
    serve_args a;
    serve_params p;
    rasd_status st = args(path, query, &a, &p);
    serve_params_free(&p);
    return st;
}

static void test_args_good(void)
{
    serve_args a;
    serve_params p;
    const char *q = "dyad=TUR,QAT&directed=1&category=consult&quad=1&cameo=04"
                    "&from=2024-02-29&to=2024-03&country=tur&outlet=x&future=1"
                    "&limit=5000&offset=10&mentions=2&text=%D8%BA%D8%B2%D8%A9";
    CHECK_EQ_INT(args("/api/events", q, &a, &p), RASD_OK);
    CHECK_EQ_STR(a.q.dyad[0], "TUR");
    CHECK_EQ_STR(a.q.dyad[1], "QAT");
    CHECK(a.q.directed);
    CHECK_EQ_STR(a.q.category, "consult");
    CHECK_EQ_INT(a.q.quad, 1);
    CHECK_EQ_STR(a.q.cameo, "04");
    CHECK_EQ_STR(a.q.from, "2024-02-29");
    CHECK_EQ_STR(a.q.to, "2024-03");
    CHECK_EQ_STR(a.q.country, "TUR");
    CHECK(a.q.include_future);
    CHECK_EQ_INT(a.q.limit, SERVE_MAX_LIMIT); /* capped */
    CHECK_EQ_INT(a.q.offset, 10);
    CHECK_EQ_INT(a.q.max_mentions, 2);
    CHECK_EQ_STR(a.q.text, "غزة");
    serve_params_free(&p);

    CHECK_EQ_INT(args("/api/aggregate", "actor=TUR&by=week", &a, &p), RASD_OK);
    CHECK_EQ_INT(a.by, STORE_BY_WEEK);
    CHECK_EQ_STR(a.q.actor, "TUR");
    serve_params_free(&p);
    CHECK_EQ_INT(args("/api/aggregate", "", &a, &p), RASD_OK);
    CHECK_EQ_INT(a.by, STORE_BY_MONTH);
    serve_params_free(&p);
    CHECK_EQ_INT(args("/api/actors", "q=%D9%81%D9%8A%D8%AF%D8%A7%D9%86&n=5", &a, &p), RASD_OK);
    CHECK_EQ_STR(a.search, "فيدان");
    CHECK_EQ_INT(a.top, 5);
    serve_params_free(&p);
    CHECK_EQ_INT(args("/api/search", "q=x&limit=3", &a, &p), RASD_OK);
    CHECK_EQ_INT(a.q.limit, 3);
    serve_params_free(&p);
    CHECK_EQ_INT(args("/api/events", "limit=1000&mentions=100", &a, &p), RASD_OK);
    CHECK_EQ_INT(a.q.max_mentions, SERVE_MAX_ROWS / 1000); /* bounded in all */
    serve_params_free(&p);
    CHECK_EQ_INT(args("/api/events", "modality=all", &a, &p), RASD_OK);
    CHECK(a.q.include_future && a.q.include_hypothetical);
    serve_params_free(&p);
    CHECK_EQ_INT(args1("/api/events", "from=2024&to=2024"), RASD_OK);
    CHECK_EQ_INT(args1("/api/events", "from=2024-03-01&to=2024-03"), RASD_OK);
}

static void test_args_bad(void)
{
    static const struct {
        const char *path, *query;
    } bad[] = {
        {"/api/events", "from=2024-13"},
        {"/api/events", "from=2024-02-30"},
        {"/api/events", "from=2023-02-29"},
        {"/api/events", "from=24-01-01"},
        {"/api/events", "from=2024-1-1"},
        {"/api/events", "from=2024-01-01T00:00"},
        {"/api/events", "to=yesterday"},
        {"/api/events", "from=2024-05&to=2024-04"},
        {"/api/events", "category=HUGS"},
        {"/api/events", "category="},
        {"/api/events", "quad=5"},
        {"/api/events", "quad=0"},
        {"/api/events", "quad=one"},
        {"/api/events", "limit=abc"},
        {"/api/events", "limit=0"},
        {"/api/events", "limit=-1"},
        {"/api/events", "limit=1e3"},
        {"/api/events", "limit=99999999999999999999"},
        {"/api/events", "offset=1000001"},
        {"/api/events", "mentions=0"},
        {"/api/events", "cameo=04a"},
        {"/api/events", "cameo=12345"},
        {"/api/events", "country=TU"},
        {"/api/events", "country=T1R"},
        {"/api/events", "dyad=TUR"},
        {"/api/events", "dyad=TUR,"},
        {"/api/events", "dyad=,QAT"},
        {"/api/events", "dyad=A,B,C"},
        {"/api/events", "actor=TUR&dyad=TUR,QAT"},
        {"/api/events", "directed=maybe"},
        {"/api/events", "modality=likely"},
        {"/api/events", "actor="},
        {"/api/events", "text=+++"},
        {"/api/events", "foo=1"},
        {"/api/events", "lang=en"},
        {"/api/events", "by=month"},       /* aggregate only */
        {"/api/events", "q=x"},            /* search/actors only */
        {"/api/aggregate", "by=decade"},
        {"/api/aggregate", "limit=10"},
        {"/api/search", ""},               /* q required */
        {"/api/search", "q="},
        {"/api/actors", "n=101"},
        {"/api/actors", "q=x&partners=y"},
        {"/api/stats", "actor=TUR"},
        {"/api/events/1", "limit=1"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        rasd_status st = args1(bad[i].path, bad[i].query);
        if (st != RASD_ERR_ARG)
            fprintf(stderr, "accepted: %s?%s\n", bad[i].path, bad[i].query);
        CHECK_EQ_INT(st, RASD_ERR_ARG);
    }
    /* An overlong actor name is refused with a message naming it. */
    char q[400] = "actor=";
    memset(q + 6, 'x', SERVE_MAX_NAME + 1);
    CHECK_EQ_INT(args1("/api/events", q), RASD_ERR_ARG);
    CHECK(strstr(rasd_errmsg(), "actor") != NULL);
}

/* ------------------------------------------------------------ static files */

static char tmp_root[256];

static void write_file(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp_root, rel);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void make_root(void)
{
    snprintf(tmp_root, sizeof tmp_root, "/tmp/rasd-serve-test-XXXXXX");
    if (!mkdtemp(tmp_root))
        return;
    char p[512], real[512];
    static const char *dirs[] = {"css", "node_modules", "node_modules/chart.js",
                                 "node_modules/chart.js/dist", "node_modules/x"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", tmp_root, dirs[i]);
        mkdir(p, 0755);
    }
    write_file("index.html", "<!doctype html><title>t</title>");
    write_file("css/app.css", "body{}");
    write_file("package.json", "{}");
    write_file("node_modules/x/x.js", "x");
    write_file("node_modules/chart.js/dist/chart.umd.min.js", "chart");
    write_file(".secret.html", "no");
    snprintf(p, sizeof p, "%s/out.html", tmp_root);
    if (symlink("/etc/hostname", p) != 0)
        perror("symlink");
    snprintf(p, sizeof p, "%s/outdir", tmp_root);
    if (symlink("/usr/share", p) != 0)
        perror("symlink");
    snprintf(p, sizeof p, "%s/in.html", tmp_root);
    if (symlink("index.html", p) != 0)
        perror("symlink");
    /* The root must be absolute and resolved, as the server makes it. */
    if (realpath(tmp_root, real) && strlen(real) < sizeof tmp_root)
        memcpy(tmp_root, real, strlen(real) + 1);
}

static int sopen(const char *raw)
{
    int fd = -1;
    size_t size = 0;
    const char *mime = NULL;
    rasd_status st = serve_static_open(tmp_root, raw, strlen(raw), &fd, &size, &mime);
    if (st == RASD_OK)
        close(fd);
    return st;
}

static void test_static(void)
{
    CHECK_EQ_INT(sopen("/"), RASD_OK);
    CHECK_EQ_INT(sopen("/index.html"), RASD_OK);
    CHECK_EQ_INT(sopen("/css/app.css"), RASD_OK);
    CHECK_EQ_INT(sopen("/in.html"), RASD_OK); /* a symlink that stays inside */
    CHECK_EQ_INT(sopen("/vendor/chart.umd.min.js"), RASD_OK);
    CHECK_EQ_INT(sopen("/vendor/cytoscape.min.js"), RASD_ERR_NOTFOUND); /* not installed here */
    CHECK_EQ_INT(sopen("/vendor/x.js"), RASD_ERR_NOTFOUND);
    CHECK_EQ_INT(sopen("/node_modules/x/x.js"), RASD_ERR_NOTFOUND);
    CHECK_EQ_INT(sopen("/node_modules/chart.js/dist/chart.umd.min.js"), RASD_ERR_NOTFOUND);
    CHECK_EQ_INT(sopen("/out.html"), RASD_ERR_NOTFOUND);    /* symlink out of the root */
    CHECK_EQ_INT(sopen("/outdir/doc/"), RASD_ERR_NOTFOUND);
    CHECK_EQ_INT(sopen("/package.json"), RASD_ERR_NOTFOUND); /* type not served */
    CHECK_EQ_INT(sopen("/css"), RASD_ERR_NOTFOUND);          /* a directory */
    CHECK_EQ_INT(sopen("/missing.html"), RASD_ERR_NOTFOUND);
    CHECK_EQ_INT(sopen("/.secret.html"), RASD_ERR_ARG);
    CHECK_EQ_INT(sopen("/../etc/passwd"), RASD_ERR_ARG);
    CHECK_EQ_INT(sopen("/%2e%2e/%2e%2e/etc/passwd"), RASD_ERR_ARG);
    CHECK_EQ_INT(sopen("/etc/passwd"), RASD_ERR_NOTFOUND); /* relative to the root */
}

/* ------------------------------------------------------------ over HTTP */

typedef struct reply {
    int code;
    char *head, *body;
} reply;

static void reply_free(reply *r)
{
    free(r->head);
    free(r->body);
    r->head = r->body = NULL;
}

/* One request to 127.0.0.1:port; `req` is sent as is. */
static int http_raw(int port, const char *req, reply *r)
{
    memset(r, 0, sizeof *r);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct timeval tv = {.tv_sec = 10};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
        write(fd, req, strlen(req)) != (ssize_t)strlen(req)) {
        close(fd);
        return -1;
    }
    buf b;
    buf_init(&b);
    char tmp[4096];
    ssize_t n;
    while ((n = read(fd, tmp, sizeof tmp)) > 0)
        buf_put(&b, tmp, (size_t)n);
    close(fd);
    buf_putc(&b, '\0');
    char *all = b.data;
    char *sep = all ? strstr(all, "\r\n\r\n") : NULL;
    if (!sep || sscanf(all, "HTTP/1.%*d %d", &r->code) != 1) {
        buf_free(&b);
        return -1;
    }
    *sep = '\0';
    r->head = strdup(all);
    r->body = strdup(sep + 4);
    buf_free(&b);
    return r->code;
}

static int http_get(int port, const char *target, reply *r)
{
    char req[8192];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
             target);
    return http_raw(port, req, r);
}

static bool has_header(const reply *r, const char *h)
{
    return r->head && strstr(r->head, h) != NULL;
}

/* A store with one document and no events (a text-only context codes no
 * events; enough for the document view and every route's status codes). */
static bool make_store(const char *path)
{
    store_opts o;
    store_opts_init(&o);
    store *s = NULL;
    if (store_open(path, &o, &s) != RASD_OK) {
        fprintf(stderr, "store_open: %s\n", rasd_errmsg());
        return false;
    }
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;
    rasd_ctx *ctx = NULL;
    rasd_doc *doc = NULL;
    const char *text = "بحث وزير الخارجية التركي مع نظيره القطري الأوضاع في غزة.\n";
    bool ok = rasd_ctx_new(&cfg, &ctx) == RASD_OK &&
              rasd_doc_new("doc1", text, strlen(text), &doc) == RASD_OK &&
              rasd_doc_set_meta(doc, RASD_META_DATE, "2024-03-14") == RASD_OK;
    char hash[STORE_HASH_HEX];
    if (ok) {
        store_doc_hash(doc, hash);
        ok = rasd_doc_analyze(ctx, doc) == RASD_OK;
    }
    store_put_info info;
    if (ok && store_put_doc(s, doc, hash, "", 0, &info) != RASD_OK) {
        fprintf(stderr, "store_put_doc: %s\n", rasd_errmsg());
        ok = false;
    }
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);
    store_close(s);
    return ok;
}

static void expect(int port, const char *target, int code, const char *in_body)
{
    reply r;
    int got = http_get(port, target, &r);
    if (got != code)
        fprintf(stderr, "GET %s: %d, expected %d\n%s\n", target, got, code,
                r.body ? r.body : "");
    CHECK_EQ_INT(got, code);
    if (in_body)
        CHECK(r.body && strstr(r.body, in_body));
    if (code >= 400 && !strncmp(target, "/api", 4)) {
        CHECK(r.body && !strncmp(r.body, "{\"error\":", 9));
        CHECK(has_header(&r, "Content-Type: application/json"));
    }
    reply_free(&r);
}

typedef struct burst {
    int port, ok;
} burst;

static void *burst_run(void *arg)
{
    burst *b = arg;
    static const char *targets[] = {"/api/stats", "/api/events?limit=5", "/",
                                    "/api/aggregate?by=day", "/api/docs/doc1",
                                    "/api/meta"};
    for (int i = 0; i < 30; i++) {
        reply r;
        if (http_get(b->port, targets[i % 6], &r) == 200)
            b->ok++;
        reply_free(&r);
    }
    return NULL;
}

static void test_http(void)
{
    char db[300];
    snprintf(db, sizeof db, "%s/t.db", tmp_root);
    if (!make_store(db)) {
        CHECK(!"store created");
        return;
    }
    serve_opts o;
    serve_opts_init(&o);
    o.db = db;
    o.port = 0;
    o.web_dir = tmp_root;
    o.threads = 3;
    serve_server *srv = NULL;
    o.host = "example.org"; /* names are not resolved: numeric only */
    CHECK_EQ_INT(serve_start(&o, &srv), RASD_ERR_ARG);
    o.host = "127.0.0.1";
    CHECK_EQ_INT(serve_start(&o, &srv), RASD_OK);
    if (!srv)
        return;
    int port = serve_port(srv);
    CHECK(port > 0);

    expect(port, "/api/stats", 200, NULL);
    expect(port, "/api/meta", 200, "\"CONSULT\"");
    expect(port, "/api/events", 200, "\"events\":[");
    expect(port, "/api/events?category=ASSAULT&from=2024&limit=10", 200, "\"count\":0");
    expect(port, "/api/aggregate?by=month", 200, NULL);
    expect(port, "/api/actors", 200, NULL);
    expect(port, "/api/network", 200, "\"nodes\"");
    expect(port, "/api/docs/doc1", 200, "\"text\"");
    expect(port, "/api/search?q=%D8%BA%D8%B2%D8%A9", 200, NULL);
    expect(port, "/api/docs/nope", 404, NULL);
    expect(port, "/api/events/12345", 404, NULL);
    expect(port, "/api/events?limit=abc", 400, "limit");
    expect(port, "/api/events?from=2024-13-01", 400, "from");
    expect(port, "/api/events?category=HUGS", 400, "category");
    expect(port, "/api/events?bogus=1", 400, "bogus");
    expect(port, "/api/unknown", 404, NULL);
    expect(port, "/api", 404, NULL);
    expect(port, "/", 200, "<title>t</title>");
    expect(port, "/css/app.css", 200, NULL);
    expect(port, "/missing.html", 404, NULL);
    expect(port, "/out.html", 404, NULL);
    expect(port, "/../etc/passwd", 400, NULL);
    expect(port, "/%2e%2e/%2e%2e/etc/passwd", 400, NULL);
    expect(port, "/css/%2e%2e/%2e%2e/t.db", 400, NULL);
    expect(port, "/t.db", 404, NULL);
    expect(port, "/node_modules/x/x.js", 404, NULL);

    reply r;
    CHECK_EQ_INT(http_get(port, "/css/app.css", &r), 200);
    CHECK(has_header(&r, "Content-Type: text/css"));
    CHECK(has_header(&r, "X-Content-Type-Options: nosniff"));
    reply_free(&r);
    CHECK_EQ_INT(http_get(port, "/", &r), 200);
    CHECK(has_header(&r, "Content-Security-Policy"));
    reply_free(&r);
    CHECK_EQ_INT(http_raw(port, "POST /api/events HTTP/1.1\r\nHost: x\r\n"
                                "Content-Length: 3\r\nConnection: close\r\n\r\nabc", &r), 405);
    reply_free(&r);
    CHECK_EQ_INT(http_raw(port, "GET /api/stats HTTP/1.1\r\nHost: x\r\n"
                                "Content-Length: 3\r\nConnection: close\r\n\r\nabc", &r), 413);
    reply_free(&r);
    /* An overlong request target. */
    char *longq = malloc(SERVE_MAX_URI + 64);
    if (longq) {
        memcpy(longq, "/api/events?text=", 17);
        memset(longq + 17, 'a', SERVE_MAX_URI);
        longq[17 + SERVE_MAX_URI] = '\0';
        int code = http_get(port, longq, &r);
        CHECK(code == 414 || code == 400);
        reply_free(&r);
        free(longq);
    }

    /* A bounded burst of parallel requests: 6 clients x 30 requests. */
    pthread_t th[6];
    burst b[6];
    for (int i = 0; i < 6; i++) {
        b[i] = (burst){.port = port};
        pthread_create(&th[i], NULL, burst_run, &b[i]);
    }
    int ok = 0;
    for (int i = 0; i < 6; i++) {
        pthread_join(th[i], NULL);
        ok += b[i].ok;
    }
    CHECK_EQ_INT(ok, 180);
    expect(port, "/api/stats", 200, NULL); /* still up */
    serve_stop(srv);
    unlink(db);
    char side[320];
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
}

static void test_start_errors(void)
{
    serve_opts o;
    serve_opts_init(&o);
    serve_server *srv = NULL;
    CHECK_EQ_INT(serve_start(&o, &srv), RASD_ERR_ARG);
    o.db = "/nonexistent/dir/x.db";
    o.web_dir = tmp_root;
    CHECK(serve_start(&o, &srv) != RASD_OK);
    CHECK(srv == NULL);
    o.db = "x.db";
    o.web_dir = "/nonexistent/web";
    CHECK(serve_start(&o, &srv) != RASD_OK);
}

static void cleanup_root(void)
{
    static const char *files[] = {
        "index.html", "css/app.css", "package.json", "node_modules/x/x.js",
        "node_modules/chart.js/dist/chart.umd.min.js", ".secret.html", "out.html",
        "outdir", "in.html", "node_modules/chart.js/dist", "node_modules/chart.js",
        "node_modules/x", "node_modules", "css"};
    char p[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", tmp_root, files[i]);
        if (unlink(p) != 0)
            rmdir(p);
    }
    rmdir(tmp_root);
}

int main(void)
{
    RUN(test_unescape);
    RUN(test_params);
    RUN(test_path_clean);
    RUN(test_mime);
    RUN(test_routes);
    RUN(test_args_good);
    RUN(test_args_bad);
    make_root();
    RUN(test_static);
    RUN(test_start_errors);
    RUN(test_http);
    cleanup_root();
    CHECK_DONE();
}
