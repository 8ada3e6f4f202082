/* cmd_serve.c - `rasd serve`: the HTTP API and web UI over an event store,
 * until SIGINT or SIGTERM. The first line on standard output is the URL,
 * so scripts started with --port 0 learn the port; requests are logged to
 * standard error unless --quiet. */
#include "cli.h"
#include "serve/serve.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char serve_usage[] =
    "rasd serve [--db PATH] [--port N] [--host ADDR] [--web DIR] [--data DIR]\n"
    "           [--threads N] [--quiet]\n"
    "  --db PATH     event store built by `rasd ingest` (default rasd.db)\n"
    "  --port N      TCP port (default 8080; 0 picks a free one)\n"
    "  --host ADDR   numeric address to bind (default 127.0.0.1, loopback only)\n"
    "  --web DIR     web UI directory (default $RASD_WEB_DIR, then web/ of the build)\n"
    "  --data DIR    data directory (search tokenizer model)\n"
    "  --threads N   worker threads and store connections (default 4)\n"
    "  --quiet       do not log requests";

static bool serve_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static int serve_bad(cli_io *io, const char *what, const char *arg)
{
    fprintf(io->err, "rasd serve: %s '%s'\nusage: %s\n", what, arg, serve_usage);
    return CLI_USAGE;
}

static int serve_parse(int argc, char **argv, cli_io *io, serve_opts *o,
                       bool *quiet)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fprintf(io->out, "usage: %s\n", serve_usage);
            return -1;
        } else if ((v = cli_optval(argc, argv, &i, "--db"))) {
            o->db = v;
        } else if ((v = cli_optval(argc, argv, &i, "--port"))) {
            if (!serve_int(v, 0, 65535, &o->port))
                return serve_bad(io, "bad port", v);
        } else if ((v = cli_optval(argc, argv, &i, "--host"))) {
            o->host = v;
        } else if ((v = cli_optval(argc, argv, &i, "--web"))) {
            o->web_dir = v;
        } else if ((v = cli_optval(argc, argv, &i, "--data"))) {
            o->data_dir = v;
        } else if ((v = cli_optval(argc, argv, &i, "--threads"))) {
            if (!serve_int(v, 1, 64, &o->threads))
                return serve_bad(io, "bad thread count (1-64)", v);
        } else if (!strcmp(a, "--quiet")) {
            *quiet = true;
        } else {
            return serve_bad(io, "unknown option", a);
        }
    }
    return CLI_OK;
}

static void serve_log_line(void *ud, const char *line)
{
    fprintf((FILE *)ud, "rasd serve: %s\n", line);
}

int cmd_serve(int argc, char **argv, cli_io *io)
{
    serve_opts o;
    serve_opts_init(&o);
    o.db = "rasd.db";
    o.port = 8080;
    bool quiet = false;
    int rc = serve_parse(argc, argv, io, &o, &quiet);
    if (rc < 0)
        return CLI_OK;
    if (rc != CLI_OK)
        return rc;
    if (!quiet) {
        o.log = serve_log_line;
        o.log_ud = io->err;
    }
    /* Block the stop signals before the server's threads start, so they
     * inherit the mask and only sigwait below sees them. */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    serve_server *srv = NULL;
    if (serve_start(&o, &srv) != RASD_OK) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        fprintf(io->err, "rasd serve: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    const char *host = o.host && strcmp(o.host, "localhost") ? o.host : "127.0.0.1";
    bool v6 = strchr(host, ':') != NULL;
    fprintf(io->out, "http://%s%s%s:%d/\n", v6 ? "[" : "", host, v6 ? "]" : "",
            serve_port(srv));
    fflush(io->out);
    fprintf(io->err, "rasd serve: store %s, web %s; stop with Ctrl-C\n", o.db,
            serve_web_root(srv));
    int sig = 0;
    sigwait(&set, &sig);
    serve_stop(srv);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    fprintf(io->err, "rasd serve: stopped\n");
    return CLI_OK;
}
