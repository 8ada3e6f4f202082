/* cli.h - the rasd command line as a library: every command is a function
 * over explicit streams, so the spec runner can call it in-process and the
 * `rasd` binary is only main() -> cli_main(). */
#ifndef RASD_CLI_H
#define RASD_CLI_H

#include "rasd.h"
#include "util/util.h"
#include <stdio.h>

typedef struct cli_io {
    FILE *in, *out, *err;
} cli_io;

/* Exit codes shared by every command. */
enum { CLI_OK = 0, CLI_REJECTED = 1, CLI_USAGE = 2, CLI_FATAL = 3 };

typedef int (*cli_cmd_fn)(int argc, char **argv, cli_io *io);

typedef struct cli_cmd {
    const char *name;
    cli_cmd_fn fn;
    const char *summary;
} cli_cmd;

/* argv[0] is "rasd"; argv[1] the command. */
int cli_main(int argc, char **argv, cli_io *io);

/* Commands (one file each: cmd_<name>.c). */
int cmd_doc(int argc, char **argv, cli_io *io);
int cmd_code(int argc, char **argv, cli_io *io);
int cmd_text(int argc, char **argv, cli_io *io);
/* cmd_train.c: `rasd train COMPONENT`, `rasd eval WHAT`. */
int cmd_train(int argc, char **argv, cli_io *io);
int cmd_eval(int argc, char **argv, cli_io *io);
/* cmd_eval.c: event-coder evaluation on the GSR files. */
int cmd_eval_gsr_detect(int argc, char **argv, cli_io *io);
int cmd_eval_gsr_spans(int argc, char **argv, cli_io *io);
int cmd_train_events(int argc, char **argv, cli_io *io);
/* cmd_ner.c: `rasd ner`; the trainers for `rasd train ner` / `rasd ner
 * clusters`; `rasd eval ner FILE` (argv[0] is the stage name in each). */
int cmd_ner(int argc, char **argv, cli_io *io);
int cmd_train_ner(int argc, char **argv, cli_io *io);
int cmd_train_ner_clusters(int argc, char **argv, cli_io *io);
int cmd_train_ner_embed(int argc, char **argv, cli_io *io);
int cmd_train_ner_autolex(int argc, char **argv, cli_io *io);
int cmd_eval_ner(int argc, char **argv, cli_io *io);
/* cmd_morph.c: `rasd morph`; the trainers for `rasd train seg` / `rasd train pos`. */
int cmd_morph(int argc, char **argv, cli_io *io);
int cmd_train_seg(int argc, char **argv, cli_io *io);
int cmd_train_pos(int argc, char **argv, cli_io *io);
/* cmd_ingest.c / cmd_query.c: the event store (src/store). `rasd query
 * --ingest FILE` reuses the ingest loop, hence the two shared helpers. */
int cmd_ingest(int argc, char **argv, cli_io *io);
int cmd_query(int argc, char **argv, cli_io *io);
struct store;
struct cli_read_opts;
typedef struct cli_ingest_totals {
    size_t state[3]; /* by store_doc_state: new, unchanged, updated */
    size_t rejected, files_failed, mentions, new_events, merged;
} cli_ingest_totals;
int cli_ingest_files(struct store *db, const rasd_ctx *ctx,
                     const struct cli_read_opts *o, int nfiles, char **files,
                     cli_io *io, cli_ingest_totals *t);
void cli_ingest_summary(const cli_ingest_totals *t, cli_io *io);

/* cmd_serve.c: `rasd serve`, the HTTP API and web UI (src/serve/). */
int cmd_serve(int argc, char **argv, cli_io *io);

/* Shared option handling: parse the options every reading command takes
 * (--in FMT, --data DIR, --dict SPEC, --replace-invalid, --keep-furniture,
 * --max-doc-bytes N, -j N). Returns the index of the first operand, or -1
 * after printing a usage error to io->err. */
#define CLI_MAX_DICTS 16

typedef struct cli_read_opts {
    rasd_config cfg;
    rasd_format fmt;
    int jobs;
    const char *dicts[CLI_MAX_DICTS]; /* --dict, in order */
} cli_read_opts;
int cli_parse_read_opts(int argc, char **argv, cli_io *io, cli_read_opts *o,
                        const char *usage);

/* The value of option `name` at argv[*i], written "--opt VALUE" (then *i
 * moves past VALUE) or "--opt=VALUE"; NULL when argv[*i] is not that
 * option or its value is missing. */
const char *cli_optval(int argc, char **argv, int *i, const char *name);

/* Open a reader over `path`; "-" reads the command's own input stream
 * (which is not the process's stdin when the CLI runs in-process) into
 * `mem` first. `mem` must outlive the reader. */
rasd_status cli_open_input(const rasd_ctx *ctx, const char *path, rasd_format fmt,
                           cli_io *io, buf *mem, rasd_reader **r);

/* Per-document work: analyse/code `doc` and append its output to *out. May
 * run on a worker thread (with -j N), so it must touch only `doc`, `out` and
 * read-only state. Returns RASD_OK, or an error whose rasd_errmsg() names
 * the document. `stats` (may be NULL) is the document's event count. */
typedef rasd_status (*cli_doc_fn)(const rasd_ctx *ctx, rasd_doc *doc, buf *out,
                                  size_t *stats, void *ud);

typedef struct cli_run_stats {
    size_t docs, rejected, items, files_failed;
} cli_run_stats;

/* Run fn(ud, i) for every i in [0, n) on `jobs` threads, the caller's
 * included (fewer if threads cannot be started); returns when all are
 * done. fn must be safe to call concurrently for different i. */
void cli_parallel_for(size_t n, int jobs, void (*fn)(void *ud, size_t i), void *ud);

/* Read every document of every operand ("-" or none = stdin), run `fn` on
 * each (o->jobs threads; output always in input order), report each
 * rejection on io->err as "rasd: <message>", and return CLI_OK, or
 * CLI_REJECTED when any input or document was rejected. */
int cli_for_each_doc(const rasd_ctx *ctx, const cli_read_opts *o, int nfiles,
                     char **files, cli_io *io, cli_doc_fn fn, void *ud,
                     cli_run_stats *stats);

#endif
