/* serve_http.c - libmicrohttpd glue: the daemon (internal thread pool), a
 * pool of read-only store handles (one SQLite connection per worker, as
 * store.h requires), and per-request dispatch to the API or the static
 * files. The raw request target is captured with MHD's URI log callback so
 * our own strict parser sees it before any decoding by MHD. */
#include "serve/serve.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

struct serve_server {
    struct MHD_Daemon *d;
    char *web_root, *db, *data_dir;
    int port;
    serve_log_fn log;
    void *log_ud;
    pthread_mutex_t mu;   /* guards the store pool */
    store **pool;
    size_t npool, cap;
};

/* Per-request state, created by the URI log callback. */
typedef struct http_req {
    char *uri;
    size_t len;
    unsigned calls;
    struct timespec t0;
} http_req;

/* ------------------------------------------------------------ store pool */

static rasd_status pool_get(serve_server *srv, store **out)
{
    pthread_mutex_lock(&srv->mu);
    store *s = srv->npool ? srv->pool[--srv->npool] : NULL;
    pthread_mutex_unlock(&srv->mu);
    if (s)
        return *out = s, RASD_OK;
    store_opts o;
    store_opts_init(&o);
    o.readonly = true;
    o.data_dir = srv->data_dir;
    return store_open(srv->db, &o, out);
}

static void pool_put(serve_server *srv, store *s)
{
    pthread_mutex_lock(&srv->mu);
    if (srv->npool < srv->cap) {
        srv->pool[srv->npool++] = s;
        s = NULL;
    }
    pthread_mutex_unlock(&srv->mu);
    store_close(s);
}

/* ------------------------------------------------------------ responses */

static void http_log(serve_server *srv, const char *method, http_req *r, int code)
{
    if (!srv->log)
        return;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - r->t0.tv_sec) * 1e3 +
                (double)(t1.tv_nsec - r->t0.tv_nsec) / 1e6;
    char line[512];
    snprintf(line, sizeof line, "%s %.300s %d %.1fms", method,
             r->uri ? r->uri : "?", code, ms);
    srv->log(srv->log_ud, line);
}

static void http_common_headers(struct MHD_Response *resp, const char *type)
{
    MHD_add_response_header(resp, "Content-Type", type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
}

static enum MHD_Result http_send(struct MHD_Connection *con, int code,
                                 struct MHD_Response *resp)
{
    if (!resp)
        return MHD_NO;
    enum MHD_Result ret = MHD_queue_response(con, (unsigned)code, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* A JSON body taken from `b` (reset); MHD frees it after sending. */
static enum MHD_Result http_json(struct MHD_Connection *con, int code, buf *b)
{
    if (b->oom)
        serve_error_json(b, "out of memory");
    size_t len;
    char *data = buf_take(b, &len);
    if (!data)
        return MHD_NO;
    struct MHD_Response *resp =
        MHD_create_response_from_buffer_with_free_callback(len, data, free);
    if (!resp) {
        free(data);
        return MHD_NO;
    }
    http_common_headers(resp, "application/json; charset=utf-8");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (code == 405)
        MHD_add_response_header(resp, "Allow", "GET, HEAD");
    return http_send(con, code, resp);
}

static enum MHD_Result http_error(struct MHD_Connection *con, int code,
                                  const char *msg)
{
    buf b;
    buf_init(&b);
    serve_error_json(&b, msg);
    enum MHD_Result ret = http_json(con, code, &b);
    buf_free(&b);
    return ret;
}

/* ------------------------------------------------------------ handlers */

static int http_api(serve_server *srv, const char *path, size_t plen,
                    const char *query, size_t qlen, buf *out)
{
    serve_args a;
    rasd_status st;
    if (serve_route_match(path, plen, &a, &st) == SERVE_R_NONE) {
        serve_error_json(out, "no such API route");
        return 404;
    }
    serve_params p;
    if (st == RASD_OK)
        st = serve_params_parse(query, qlen, &p);
    else
        p.mem = NULL;
    if (st == RASD_OK)
        st = serve_args_parse(&p, &a);
    int code = 400;
    if (st != RASD_OK) {
        serve_error_json(out, rasd_errmsg());
    } else {
        store *s = NULL;
        st = pool_get(srv, &s);
        if (st != RASD_OK) {
            serve_error_json(out, rasd_errmsg());
            code = 503;
        } else {
            code = serve_api(s, &a, out);
            pool_put(srv, s);
        }
    }
    serve_params_free(&p);
    return code;
}

static enum MHD_Result http_static(serve_server *srv, struct MHD_Connection *con,
                                   const char *path, size_t plen, int *code)
{
    int fd;
    size_t size;
    const char *mime;
    rasd_status st = serve_static_open(srv->web_root, path, plen, &fd, &size, &mime);
    if (st != RASD_OK) {
        *code = st == RASD_ERR_NOTFOUND ? 404 : 400;
        return http_error(con, *code, st == RASD_ERR_NOTFOUND ? "not found"
                                                             : rasd_errmsg());
    }
    struct MHD_Response *resp = MHD_create_response_from_fd(size, fd);
    if (!resp) {
        close(fd);
        return MHD_NO;
    }
    http_common_headers(resp, mime);
    MHD_add_response_header(resp, "Cache-Control", "no-cache");
    if (!strncmp(mime, "text/html", 9))
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; "
                                "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    *code = 200;
    return http_send(con, 200, resp);
}

/* A request with a body is refused: the API is read-only, GET only. */
static bool http_has_body(struct MHD_Connection *con)
{
    const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_CONTENT_LENGTH);
    const char *te = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_TRANSFER_ENCODING);
    return te || (cl && strcmp(cl, "0") != 0);
}

static enum MHD_Result http_dispatch(serve_server *srv, struct MHD_Connection *con,
                                     const char *method, http_req *r, int *code)
{
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return http_error(con, *code = 405, "method not allowed");
    if (http_has_body(con))
        return http_error(con, *code = 413, "request body not accepted");
    if (!r->uri || r->len > SERVE_MAX_URI)
        return http_error(con, *code = 414, "request target too long");
    size_t plen, qlen;
    const char *query;
    serve_uri_split(r->uri, r->len, &plen, &query, &qlen);
    if ((plen == 4 && !memcmp(r->uri, "/api", 4)) ||
        (plen > 4 && !memcmp(r->uri, "/api/", 5))) {
        buf out;
        buf_init(&out);
        *code = http_api(srv, r->uri, plen, query, qlen, &out);
        enum MHD_Result ret = http_json(con, *code, &out);
        buf_free(&out);
        return ret;
    }
    return http_static(srv, con, r->uri, plen, code);
}

static enum MHD_Result http_handler(void *cls, struct MHD_Connection *con,
                                    const char *url, const char *method,
                                    const char *version, const char *upload_data,
                                    size_t *upload_data_size, void **req_cls)
{
    serve_server *srv = cls;
    http_req *r = *req_cls;
    if (!r)
        return MHD_NO; /* the URI callback could not allocate */
    if (r->calls++ > 0 && *upload_data_size) {
        *upload_data_size = 0; /* a body after the response was queued */
        return MHD_YES;
    }
    int code = 500;
    enum MHD_Result ret = http_dispatch(srv, con, method, r, &code);
    http_log(srv, method, r, code);
    return ret;
}

static void *http_uri_cb(void *cls, const char *uri, struct MHD_Connection *con)
{
    http_req *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    size_t n = strnlen(uri, SERVE_MAX_URI + 1);
    r->len = n;
    r->uri = n <= SERVE_MAX_URI ? strndup(uri, n) : NULL;
    return r;
}

static void http_done_cb(void *cls, struct MHD_Connection *con, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    http_req *r = *req_cls;
    if (r) {
        free(r->uri);
        free(r);
        *req_cls = NULL;
    }
}

/* MHD's own diagnostics go to the log callback (the library never prints). */
static void http_mhd_log(void *cls, const char *fmt, va_list ap)
{
    serve_server *srv = cls;
    if (!srv->log)
        return;
    char line[512];
    vsnprintf(line, sizeof line, fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    srv->log(srv->log_ud, line);
}

/* ------------------------------------------------------------ life cycle */

void serve_opts_init(serve_opts *o)
{
    memset(o, 0, sizeof *o);
}

static rasd_status serve_web_resolve(serve_server *srv, const char *dir)
{
    if (!dir || !*dir)
        dir = getenv("RASD_WEB_DIR");
    if (!dir || !*dir)
        dir = RASD_DATA_DIR "/../web";
    srv->web_root = realpath(dir, NULL);
    if (!srv->web_root)
        return err_set(RASD_ERR_IO, "web directory '%s' not found", dir);
    return RASD_OK;
}

typedef union serve_addr {
    struct sockaddr sa;
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
} serve_addr;

static rasd_status serve_addr_parse(const char *host, int port, serve_addr *a,
                                    unsigned *flags)
{
    memset(a, 0, sizeof *a);
    if (!host || !*host || !strcmp(host, "localhost"))
        host = "127.0.0.1";
    if (port < 0 || port > 65535)
        return err_set(RASD_ERR_ARG, "port %d out of range", port);
    if (inet_pton(AF_INET, host, &a->v4.sin_addr) == 1) {
        a->v4.sin_family = AF_INET;
        a->v4.sin_port = htons((uint16_t)port);
        return RASD_OK;
    }
    if (inet_pton(AF_INET6, host, &a->v6.sin6_addr) == 1) {
        a->v6.sin6_family = AF_INET6;
        a->v6.sin6_port = htons((uint16_t)port);
        *flags |= MHD_USE_IPv6;
        return RASD_OK;
    }
    return err_set(RASD_ERR_ARG, "host '%s' is not a numeric IPv4/IPv6 address", host);
}

static rasd_status serve_listen(serve_server *srv, const serve_opts *o)
{
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    serve_addr addr;
    rasd_status st = serve_addr_parse(o->host, o->port, &addr, &flags);
    if (st != RASD_OK)
        return st;
    srv->d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, http_handler, srv,
        MHD_OPTION_EXTERNAL_LOGGER, http_mhd_log, srv, /* first, or MHD warns */
        MHD_OPTION_SOCK_ADDR, &addr.sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)srv->cap,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)128,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MAX_HEADERS,
        MHD_OPTION_URI_LOG_CALLBACK, http_uri_cb, srv,
        MHD_OPTION_NOTIFY_COMPLETED, http_done_cb, srv,
        MHD_OPTION_END);
    if (!srv->d)
        return err_set(RASD_ERR_IO, "cannot listen on %s port %d",
                       o->host ? o->host : "127.0.0.1", o->port);
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(srv->d, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? info->port : o->port;
    return RASD_OK;
}

static char *serve_strdup(const char *s)
{
    return s ? strdup(s) : NULL;
}

rasd_status serve_start(const serve_opts *o, serve_server **out)
{
    *out = NULL;
    if (!o || !o->db || !*o->db)
        return err_set(RASD_ERR_ARG, "no database given");
    serve_server *srv = calloc(1, sizeof *srv);
    if (!srv)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    pthread_mutex_init(&srv->mu, NULL);
    srv->cap = o->threads > 0 ? (size_t)o->threads : 4;
    srv->log = o->log;
    srv->log_ud = o->log_ud;
    srv->db = serve_strdup(o->db);
    srv->data_dir = serve_strdup(o->data_dir);
    srv->pool = calloc(srv->cap, sizeof *srv->pool);
    rasd_status st = (srv->db && srv->pool && (!o->data_dir || srv->data_dir))
                         ? RASD_OK
                         : err_set(RASD_ERR_NOMEM, "out of memory");
    if (st == RASD_OK)
        st = serve_web_resolve(srv, o->web_dir);
    store *first = NULL;
    if (st == RASD_OK)
        st = pool_get(srv, &first); /* fail now on a missing or bad store */
    if (first)
        pool_put(srv, first);
    if (st == RASD_OK)
        st = serve_listen(srv, o);
    if (st != RASD_OK) {
        serve_stop(srv);
        return st;
    }
    *out = srv;
    return RASD_OK;
}

int serve_port(const serve_server *srv)
{
    return srv ? srv->port : 0;
}

const char *serve_web_root(const serve_server *srv)
{
    return srv ? srv->web_root : NULL;
}

void serve_stop(serve_server *srv)
{
    if (!srv)
        return;
    if (srv->d)
        MHD_stop_daemon(srv->d);
    for (size_t i = 0; i < srv->npool; i++)
        store_close(srv->pool[i]);
    pthread_mutex_destroy(&srv->mu);
    free(srv->pool);
    free(srv->web_root);
    free(srv->db);
    free(srv->data_dir);
    free(srv);
}
