/* cmd_doc.c - `rasd doc`: each document as rasd reads it, one JSON object
 * per line: a debugging view of reading, cleaning, dating and splitting. */
#include "cli.h"
#include <string.h>

static const char doc_usage[] =
    "rasd doc [--in auto|txt|jsonl|html] [--replace-invalid] [--keep-furniture]\n"
    "         [--max-doc-bytes N] [-j N] [--summary] [FILE...|-]\n"
    "  --summary  one line per document (id, date, source, sentences, title)\n"
    "             instead of JSON";

/* One human-readable line: what an analyst checks first. */
static void doc_summary_line(const rasd_doc *doc, buf *out)
{
    rasd_date d = rasd_doc_date(doc);
    if (d.precision == RASD_PREC_MINUTE)
        d.precision = RASD_PREC_DAY; /* the table shows calendar dates */
    char iso[32];
    if (!rasd_date_format(&d, iso, sizeof iso))
        snprintf(iso, sizeof iso, "unknown");
    const char *src = rasd_doc_source(doc), *title = rasd_doc_title(doc);
    buf_printf(out, "%-28s %-10s %-9s %4zu  %-20s %s\n", rasd_doc_id(doc), iso,
               rasd_date_origin_str(d.origin), rasd_doc_sentence_count(doc),
               src ? src : "-", title ? title : "-");
}

static rasd_status doc_one(const rasd_ctx *ctx, rasd_doc *doc, buf *out,
                           size_t *items, void *ud)
{
    rasd_status st = rasd_doc_analyze(ctx, doc);
    if (st != RASD_OK)
        return st;
    *items = rasd_doc_sentence_count(doc);
    if (ud) {
        doc_summary_line(doc, out);
        return RASD_OK;
    }
    char *json;
    size_t len;
    st = rasd_doc_to_json(doc, &json, &len);
    if (st != RASD_OK)
        return st;
    buf_put(out, json, len);
    buf_putc(out, '\n');
    rasd_free(json);
    return RASD_OK;
}

int cmd_doc(int argc, char **argv, cli_io *io)
{
    bool summary = false;
    int kept = 1;
    for (int i = 1; i < argc; i++) { /* strip our own flags, pass the rest on */
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fprintf(io->out, "usage: %s\n", doc_usage);
            return CLI_OK;
        }
        if (!strcmp(argv[i], "--summary"))
            summary = true;
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    cli_read_opts o;
    int first = cli_parse_read_opts(argc, argv, io, &o, doc_usage);
    if (first < 0)
        return CLI_USAGE;
    rasd_ctx *ctx;
    o.cfg.text_only = 1; /* reading and segmenting only */
    if (rasd_ctx_new(&o.cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    if (summary)
        fprintf(io->out, "%-28s %-10s %-9s %4s  %-20s %s\n", "id", "date", "from",
                "sent", "source", "title");
    int rc = cli_for_each_doc(ctx, &o, argc - first, argv + first, io, doc_one,
                              summary ? &summary : NULL, NULL);
    rasd_ctx_free(ctx);
    return rc;
}
