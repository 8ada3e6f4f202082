/* cmd_code.c - `rasd code`: documents in, events out (JSON Lines). */
#include "cli.h"
#include <string.h>
#include <time.h>

static const char code_usage[] =
    "rasd code [--in auto|txt|jsonl|html] [--replace-invalid] [--keep-furniture]\n"
    "          [--max-doc-bytes N] [-j N] [--stats] [--explain] [--all] [--data DIR] [--dict SPEC]...\n"
    "          [FILE...|-]\n"
    "  --dict SPEC  an extra actor dictionary layer: FILE.actors, FILE.txt (agents),\n"
    "               petrarch:FILE or petrarch-agents:FILE (PETRARCH/TABARI formats)\n"
    "  --explain    before each analysed sentence's events, a line {\"explain\": ...}\n"
    "               with the actor mentions and triggers rasd found\n"
    "  --all        also the candidate events the event classifier scores below its\n"
    "               threshold (more recall, less precision; see their confidence)";

static rasd_status code_one(const rasd_ctx *ctx, rasd_doc *doc, buf *out,
                            size_t *items, void *ud)
{
    char *json = NULL;
    size_t len = 0;
    rasd_status st = rasd_code_json(ctx, doc, &json, &len, items);
    if (st == RASD_OK && len)
        buf_put(out, json, len);
    rasd_free(json);
    return st;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int cmd_code(int argc, char **argv, cli_io *io)
{
    bool stats = false, explain = false, all = false;
    int kept = 1;
    for (int i = 1; i < argc; i++) { /* strip our own flag, pass the rest on */
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", code_usage);
            return CLI_OK;
        }
        if (!strcmp(argv[i], "--stats"))
            stats = true;
        else if (!strcmp(argv[i], "--explain"))
            explain = true;
        else if (!strcmp(argv[i], "--all"))
            all = true;
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    cli_read_opts o;
    int first = cli_parse_read_opts(argc, argv, io, &o, code_usage);
    if (first < 0)
        return CLI_USAGE;
    o.cfg.explain = explain;
    o.cfg.keep_all = all;
    rasd_ctx *ctx;
    if (rasd_ctx_new(&o.cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    double t0 = now_seconds();
    cli_run_stats st;
    int rc = cli_for_each_doc(ctx, &o, argc - first, argv + first, io, code_one,
                              NULL, &st);
    if (stats)
        fprintf(io->err, "rasd: %zu documents coded, %zu rejected, %zu events, "
                "%.3f s\n", st.docs, st.rejected + st.files_failed, st.items,
                now_seconds() - t0);
    rasd_ctx_free(ctx);
    return rc;
}
