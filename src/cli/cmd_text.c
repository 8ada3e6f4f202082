/* cmd_text.c - `rasd text OP`: the text core on standard input, one view per
 * operation. These views are what the spec tests (tests/spec/) pin down. */
#include "cli.h"
#include <string.h>

static const char text_usage[] =
    "rasd text norm [--flags LIST]   normalise each line (LIST: default, all, none,\n"
    "                                diacritics, tatweel, alef, yeh, teh, digits,\n"
    "                                punct, ignorable, case, letters; comma-separated)\n"
    "rasd text tokens                tokens of stdin: start end kind surface norm [flags]\n"
    "rasd text sents                 sentences of stdin: start end text\n"
    "rasd text utf8                  'valid' or 'invalid at byte N'\n"
    "rasd text repair                stdin with invalid UTF-8 replaced by U+FFFD\n"
    "rasd text date                  parse a date at the start of each line\n"
    "rasd text clean                 page-furniture decisions, title, date, source";

static const struct {
    const char *name;
    unsigned flag;
} norm_names[] = {
    {"default", RASD_NORM_DEFAULT}, {"all", RASD_NORM_ALL}, {"none", 0},
    {"diacritics", RASD_NORM_DIACRITICS}, {"tatweel", RASD_NORM_TATWEEL},
    {"alef", RASD_NORM_ALEF}, {"yeh", RASD_NORM_YEH}, {"teh", RASD_NORM_TEH},
    {"digits", RASD_NORM_DIGITS}, {"punct", RASD_NORM_PUNCT},
    {"ignorable", RASD_NORM_IGNORABLE}, {"case", RASD_NORM_CASE},
    {"letters", RASD_NORM_LETTERS},
};

static bool text_parse_flags(const char *list, unsigned *out)
{
    unsigned f = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        bool found = false;
        for (size_t i = 0; i < sizeof norm_names / sizeof norm_names[0]; i++)
            if (strlen(norm_names[i].name) == n && !strncmp(norm_names[i].name, p, n)) {
                f |= norm_names[i].flag;
                found = true;
            }
        if (!found)
            return false;
        p += n;
        if (*p == ',')
            p++;
    }
    *out = f;
    return true;
}

static bool text_slurp(FILE *in, buf *b)
{
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, in)) > 0)
        buf_put(b, tmp, n);
    if (!b->data)
        buf_reserve(b, 0);
    return !ferror(in) && !b->oom;
}

/* Each line separately, without its terminator. */
static int text_norm(cli_io *io, const buf *in, unsigned flags)
{
    int rc = CLI_OK;
    size_t pos = 0, lineno = 1;
    while (pos < in->len) {
        const char *nl = memchr(in->data + pos, '\n', in->len - pos);
        size_t end = nl ? (size_t)(nl - in->data) : in->len;
        char *out;
        size_t olen;
        if (rasd_normalize(in->data + pos, end - pos, flags, &out, &olen, NULL) == RASD_OK) {
            fwrite(out, 1, olen, io->out);
            fputc('\n', io->out);
            rasd_free(out);
        } else {
            fprintf(io->err, "rasd: stdin:%zu: %s\n", lineno, rasd_errmsg());
            rc = CLI_REJECTED;
        }
        pos = end + 1;
        lineno++;
    }
    return rc;
}

static void text_print_flags(FILE *out, unsigned f)
{
    static const char *names[] = {"qopen", "qclose", "end", "trunc", "abbrev"};
    bool first = true;
    for (unsigned i = 0; i < 5; i++)
        if (f & (1u << i)) {
            fprintf(out, "%s%s", first ? "\t" : ",", names[i]);
            first = false;
        }
}

static void text_tokens(cli_io *io, const rasd_doc *doc)
{
    size_t len;
    const char *text = rasd_doc_text(doc, &len);
    const rasd_token *t = rasd_doc_tokens(doc);
    for (size_t i = 0; i < rasd_doc_token_count(doc); i++) {
        fprintf(io->out, "%zu\t%zu\t%s\t%.*s\t%s", t[i].start, t[i].end,
                rasd_token_kind_str(t[i].kind), (int)(t[i].end - t[i].start),
                text + t[i].start, t[i].norm);
        text_print_flags(io->out, t[i].flags);
        fputc('\n', io->out);
    }
}

static void text_sents(cli_io *io, const rasd_doc *doc)
{
    const char *text = rasd_doc_text(doc, NULL);
    const rasd_sentence *s = rasd_doc_sentences(doc);
    for (size_t i = 0; i < rasd_doc_sentence_count(doc); i++)
        fprintf(io->out, "%zu\t%zu\t%.*s\n", s[i].start, s[i].end,
                (int)(s[i].end - s[i].start), text + s[i].start);
}

static void text_clean(cli_io *io, const rasd_doc *doc)
{
    const char *text = rasd_doc_text(doc, NULL);
    for (size_t i = 0; i < rasd_doc_line_count(doc); i++) {
        size_t s, e;
        const char *drop;
        int title;
        rasd_doc_line(doc, i, &s, &e, &drop, &title);
        size_t k = s;
        while (k < e && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
            k++;
        if (k == e)
            continue; /* blank lines carry no decision */
        if (drop)
            fprintf(io->out, "D\t%s\t%.*s\n", drop, (int)(e - s), text + s);
        else
            fprintf(io->out, "%s\t%.*s\n", title ? "T" : "K", (int)(e - s), text + s);
    }
    const char *t = rasd_doc_title(doc), *src = rasd_doc_source(doc);
    fprintf(io->out, "# title: %s\n", t ? t : "none");
    rasd_date d = rasd_doc_date(doc);
    char iso[32];
    if (rasd_date_format(&d, iso, sizeof iso))
        fprintf(io->out, "# date: %s (%s, %s)\n", iso, rasd_precision_str(d.precision),
                rasd_date_origin_str(d.origin));
    else
        fprintf(io->out, "# date: unknown\n");
    fprintf(io->out, "# source: %s\n", src ? src : "none");
}

static int text_dates(cli_io *io, const buf *in)
{
    size_t pos = 0;
    while (pos < in->len) {
        const char *nl = memchr(in->data + pos, '\n', in->len - pos);
        size_t end = nl ? (size_t)(nl - in->data) : in->len;
        rasd_date d;
        size_t used;
        char iso[32];
        if (rasd_date_parse(in->data + pos, end - pos, &d, &used) == RASD_OK &&
            rasd_date_format(&d, iso, sizeof iso))
            fprintf(io->out, "%s\t%s\t%zu\n", iso, rasd_precision_str(d.precision), used);
        else
            fprintf(io->out, "none\n");
        pos = end + 1;
    }
    return CLI_OK;
}

/* Views over one analysed document made from all of stdin. */
static int text_docview(cli_io *io, const buf *in, const char *op)
{
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.keep_furniture = strcmp(op, "clean") != 0;
    cfg.text_only = 1;
    rasd_ctx *ctx = NULL;
    rasd_doc *doc = NULL;
    rasd_status st = rasd_ctx_new(&cfg, &ctx);
    if (st == RASD_OK)
        st = rasd_doc_new("stdin", in->data, in->len, &doc);
    if (st == RASD_OK)
        st = rasd_doc_analyze(ctx, doc);
    int rc = CLI_OK;
    if (st != RASD_OK && st != RASD_ERR_EMPTY) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        rc = CLI_REJECTED;
    } else if (st == RASD_OK) {
        if (!strcmp(op, "tokens"))
            text_tokens(io, doc);
        else if (!strcmp(op, "sents"))
            text_sents(io, doc);
        else
            text_clean(io, doc);
    }
    rasd_doc_free(doc);
    rasd_ctx_free(ctx);
    return rc;
}

static int text_utf8(cli_io *io, const buf *in, bool repair)
{
    if (!repair) {
        size_t bad;
        if (rasd_utf8_check(in->data, in->len, &bad) == RASD_OK)
            fprintf(io->out, "valid\n");
        else
            fprintf(io->out, "invalid at byte %zu\n", bad);
        return CLI_OK;
    }
    char *out;
    size_t olen, n;
    if (rasd_utf8_repair(in->data, in->len, &out, &olen, &n) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    fwrite(out, 1, olen, io->out);
    rasd_free(out);
    return CLI_OK;
}

static int text_dispatch(cli_io *io, const char *op, const buf *in, unsigned flags)
{
    if (!strcmp(op, "norm"))
        return text_norm(io, in, flags);
    if (!strcmp(op, "tokens") || !strcmp(op, "sents") || !strcmp(op, "clean"))
        return text_docview(io, in, op);
    if (!strcmp(op, "utf8") || !strcmp(op, "repair"))
        return text_utf8(io, in, !strcmp(op, "repair"));
    return text_dates(io, in);
}

int cmd_text(int argc, char **argv, cli_io *io)
{
    static const char *ops[] = {"norm", "tokens", "sents", "utf8", "repair", "date", "clean"};
    const char *op = argc > 1 ? argv[1] : "";
    bool known = false;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        known |= !strcmp(op, ops[i]);
    if (!known) {
        bool help = !strcmp(op, "--help") || !strcmp(op, "-h");
        fprintf(help ? io->out : io->err, "usage:\n%s\n", text_usage);
        return help ? CLI_OK : CLI_USAGE;
    }
    unsigned flags = RASD_NORM_DEFAULT;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(op, "norm") && !strncmp(argv[i], "--flags", 7)) {
            const char *v = argv[i][7] == '=' ? argv[i] + 8 : (i + 1 < argc ? argv[++i] : "");
            if (!text_parse_flags(v, &flags)) {
                fprintf(io->err, "rasd: unknown normalisation flags '%s'\n", v);
                return CLI_USAGE;
            }
        } else {
            fprintf(io->err, "rasd: unexpected argument '%s'\nusage:\n%s\n", argv[i], text_usage);
            return CLI_USAGE;
        }
    }
    buf in;
    buf_init(&in);
    if (!text_slurp(io->in, &in)) {
        buf_free(&in);
        fprintf(io->err, "rasd: stdin: read error\n");
        return CLI_FATAL;
    }
    int rc = text_dispatch(io, op, &in, flags);
    buf_free(&in);
    return rc;
}
