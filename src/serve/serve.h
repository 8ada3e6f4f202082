/* serve.h - the HTTP layer over the event store: a JSON API and the static
 * web UI (web/), served by libmicrohttpd on loopback by default.
 *
 * The request parsing below is exposed so the unit tests and the fuzzer can
 * drive it without sockets: serve_params_parse (query strings), serve_path_clean
 * (static paths), serve_args_parse (parameter validation into a store_query)
 * and serve_api (one API request against an open store, no HTTP).
 *
 * Every function returns a rasd_status and sets rasd_errmsg(); a parameter
 * error is RASD_ERR_ARG and becomes a 400 with {"error": message}. */
#ifndef RASD_SERVE_H
#define RASD_SERVE_H

#include "rasd.h"
#include "store/store.h"
#include "util/util.h"
#include <stdbool.h>
#include <stddef.h>

/* ------------------------------------------------------------ limits */

#define SERVE_MAX_URI 4096      /* request target, path and query string */
#define SERVE_MAX_PARAMS 24     /* parameters per request */
#define SERVE_MAX_KEY 16        /* bytes of a parameter name */
#define SERVE_MAX_VALUE 512     /* bytes of a decoded parameter value */
#define SERVE_MAX_NAME 160      /* actor, place, outlet, id values */
#define SERVE_MAX_LIMIT 1000    /* events or articles per response */
#define SERVE_DEFAULT_LIMIT 100
#define SERVE_MAX_OFFSET 1000000
#define SERVE_MAX_TOP 100       /* top actors / partners / network nodes */
#define SERVE_MAX_MENTIONS 100  /* mentions per event in lists */
#define SERVE_MAX_ROWS 20000    /* events x mentions in one list response */
#define SERVE_MAX_FILE (32u << 20) /* largest static file served */
#define SERVE_MAX_HEADERS (32u << 10) /* request line + headers (bytes) */

/* ------------------------------------------------------- query strings */

typedef struct serve_param {
    const char *key, *val; /* decoded, NUL-terminated, valid UTF-8 */
} serve_param;

typedef struct serve_params {
    serve_param v[SERVE_MAX_PARAMS];
    size_t n;
    char *mem; /* one allocation holding every decoded string */
} serve_params;

/* Percent-decode s[0..n) into out[cap] (NUL-terminated; n + 1 bytes are
 * always enough), '+' as a space when plus_space. Rejects malformed
 * escapes, NUL and other control characters, invalid UTF-8 and output that
 * does not fit (RASD_ERR_ARG). */
rasd_status serve_unescape(const char *s, size_t n, bool plus_space, char *out,
                           size_t cap, size_t *out_len);

/* Parse "a=1&b=x%20y" (without the '?'). Empty pairs ("a=1&&b=2") are
 * skipped; a key without '=' has the value "". Rejects more than
 * SERVE_MAX_PARAMS pairs, overlong keys or values, keys that are not
 * [a-z0-9_], and a key given twice. *p is always valid for
 * serve_params_free, also after an error. */
rasd_status serve_params_parse(const char *query, size_t n, serve_params *p);
void serve_params_free(serve_params *p);
/* The value of `key`, or NULL. */
const char *serve_param_get(const serve_params *p, const char *key);

/* ------------------------------------------------------------ paths */

/* Split a request target into path and query at the first '?'. */
void serve_uri_split(const char *uri, size_t n, size_t *path_len,
                     const char **query, size_t *query_len);

/* Turn the raw (escaped) path of a static request into a path relative to
 * the web root ("index.html", "css/app.css") in out[cap]. Rejects what could
 * leave the root or reach hidden files: "." or ".." segments (also escaped
 * as %2e), backslashes, empty segments, a path not starting with '/',
 * segments starting with '.', NUL and control characters. "/" and paths
 * ending in '/' get "index.html" appended. */
rasd_status serve_path_clean(const char *raw, size_t n, char *out, size_t cap);

/* Content-Type of a file by extension; NULL for types that are not served. */
const char *serve_mime(const char *path);

/* Open the static file for raw request path `raw` under the web root `root`
 * (absolute and resolved, as from realpath). Library files from npm are
 * reachable only through the whitelist of /vendor/ names (see
 * serve_static.c); web/node_modules itself is not served. The file's real
 * path must stay under root (a symlink out of it is refused), be a regular
 * file of a served type and at most SERVE_MAX_FILE bytes.
 * RASD_OK: *fd (owned by the caller), *size and *mime set;
 * RASD_ERR_ARG: a malformed or forbidden path (400);
 * RASD_ERR_NOTFOUND: nothing to serve there (404). */
rasd_status serve_static_open(const char *root, const char *raw, size_t n,
                              int *fd, size_t *size, const char **mime);

/* ------------------------------------------------------------ routes */

typedef enum serve_route {
    SERVE_R_NONE = 0,
    SERVE_R_SEARCH,   /* /api/search */
    SERVE_R_EVENTS,   /* /api/events */
    SERVE_R_EVENT,    /* /api/events/{id} */
    SERVE_R_AGG,      /* /api/aggregate */
    SERVE_R_ACTORS,   /* /api/actors */
    SERVE_R_NETWORK,  /* /api/network */
    SERVE_R_DOC,      /* /api/docs/{id} */
    SERVE_R_STATS,    /* /api/stats */
    SERVE_R_META      /* /api/meta */
} serve_route;

/* Validated arguments of one API request. Strings point into the
 * serve_params they came from. */
typedef struct serve_args {
    serve_route route;
    store_query q;
    store_bucket by;
    size_t top;            /* n: top actors / partners / network nodes */
    const char *search;    /* q: article search or actor look-up */
    const char *partners;  /* partners of this actor */
    const char *id;        /* {id} of /api/docs/{id} (decoded) */
    int64_t event_id;      /* {id} of /api/events/{id} */
    char id_buf[SERVE_MAX_NAME + 1];
} serve_args;

/* Match the raw path of an /api/ request: SERVE_R_NONE when no route
 * matches (404). For routes with an {id} the decoded id is checked and
 * stored in a. */
serve_route serve_route_match(const char *raw, size_t n, serve_args *a,
                              rasd_status *st);

/* Validate the parameters of route a->route into a (a->route set by
 * serve_route_match). Unknown parameters, malformed values (bad dates,
 * unknown category, non-numeric limit, overlong strings) fail with
 * RASD_ERR_ARG and a message naming the parameter. */
rasd_status serve_args_parse(const serve_params *p, serve_args *a);

/* Run one API request against an open store: the JSON body goes to `out`
 * and the HTTP status is returned (200, 400, 404, 500). Errors produce
 * {"error": "..."}. */
int serve_api(store *s, const serve_args *a, buf *out);

/* Write {"error": msg} into out (reset first). */
void serve_error_json(buf *out, const char *msg);

/* ------------------------------------------------------------ server */

typedef void (*serve_log_fn)(void *ud, const char *line);

typedef struct serve_opts {
    const char *db;        /* store path (required; opened read-only) */
    const char *host;      /* NULL: 127.0.0.1 */
    int port;              /* 0: an ephemeral port (see serve_port) */
    const char *web_dir;   /* NULL: $RASD_WEB_DIR, then the built-in web/ */
    const char *data_dir;  /* for the store's search tokenizer; NULL: default */
    int threads;           /* worker threads (= store connections); 0: 4 */
    serve_log_fn log;      /* one line per request, or NULL */
    void *log_ud;
} serve_opts;

void serve_opts_init(serve_opts *o);

typedef struct serve_server serve_server;

/* Open the store once (to fail early on a bad file), resolve the web root
 * and start listening. The server runs on its own threads until
 * serve_stop. */
rasd_status serve_start(const serve_opts *o, serve_server **out);
/* The port actually bound (useful with port 0). */
int serve_port(const serve_server *srv);
/* The web root in use (absolute, resolved). */
const char *serve_web_root(const serve_server *srv);
/* Stop listening, finish running requests and free everything. */
void serve_stop(serve_server *srv);

#endif
