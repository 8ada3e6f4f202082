/* cmd_eval.c - `rasd eval gsr-detect|gsr-spans FILE`: the event coder
 * against the Arabic event gold standard. Sentences are split into a dev
 * and a test half by a hash of their id (--split dev|test|all), so that
 * tuning on dev never touches the figures reported for test. */
#include "cli.h"
#include "events/detect.h"
#include <jansson.h>
#include <string.h>

static const char eval_usage[] =
    "rasd eval gsr-detect|gsr-spans [--split dev|test|all] [--errors] [--data DIR] FILE|-";

typedef struct eval_opts {
    const char *split, *file, *data;
    bool errors;
} eval_opts;

static int eval_parse(int argc, char **argv, cli_io *io, eval_opts *o)
{
    memset(o, 0, sizeof *o);
    o->split = "all";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--split") && i + 1 < argc)
            o->split = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            o->data = argv[++i];
        else if (!strcmp(argv[i], "--errors"))
            o->errors = true;
        else if ((argv[i][0] != '-' || !strcmp(argv[i], "-")) && !o->file)
            o->file = argv[i];
        else {
            fprintf(io->err, "rasd: eval: unexpected '%s'\nusage: %s\n", argv[i], eval_usage);
            return -1;
        }
    }
    if (!o->file || (strcmp(o->split, "dev") && strcmp(o->split, "test") && strcmp(o->split, "all"))) {
        fprintf(io->err, "usage: %s\n", eval_usage);
        return -1;
    }
    return 0;
}

static bool eval_in_split(const char *split, const char *id)
{
    if (!strcmp(split, "all"))
        return true;
    bool dev = split_is_dev(id);
    return !strcmp(split, "dev") ? dev : !dev;
}

/* Code one sentence; returns the events as a JSON array (caller decrefs). */
static json_t *eval_code(const rasd_ctx *ctx, const char *id, const char *text)
{
    rasd_doc *doc;
    json_t *arr = json_array();
    if (rasd_doc_new(id, text, strlen(text), &doc) != RASD_OK)
        return arr;
    char *out = NULL;
    size_t len = 0;
    if (rasd_code_json(ctx, doc, &out, &len, NULL) == RASD_OK && out) {
        for (char *p = out; *p;) {
            char *nl = strchr(p, '\n');
            json_t *ev = json_loadb(p, nl ? (size_t)(nl - p) : strlen(p), 0, NULL);
            if (ev)
                json_array_append_new(arr, ev);
            p = nl ? nl + 1 : p + strlen(p);
        }
    }
    rasd_free(out);
    rasd_doc_free(doc);
    return arr;
}

static bool has_category(json_t *events, const char *cat)
{
    size_t i;
    json_t *ev;
    json_array_foreach(events, i, ev) {
        const char *c = json_string_value(json_object_get(ev, "category"));
        if (c && !strcmp(c, cat))
            return true;
    }
    return false;
}

typedef struct prf {
    size_t tp, fp, fn, tn;
} prf;

static void prf_print(FILE *f, const char *name, const prf *s)
{
    double p = s->tp + s->fp ? (double)s->tp / (s->tp + s->fp) : 0;
    double r = s->tp + s->fn ? (double)s->tp / (s->tp + s->fn) : 0;
    double f1 = p + r ? 2 * p * r / (p + r) : 0;
    fprintf(f, "%-8s n=%zu  tp=%zu fp=%zu fn=%zu tn=%zu  P=%.3f R=%.3f F1=%.3f\n", name,
            s->tp + s->fp + s->fn + s->tn, s->tp, s->fp, s->fn, s->tn, p, r, f1);
}

typedef int (*eval_line_fn)(const rasd_ctx *ctx, json_t *obj, const eval_opts *o,
                            cli_io *io, void *acc);

/* Read the JSONL gold file and call fn on each line of the split. */
static int eval_each(const eval_opts *o, cli_io *io, eval_line_fn fn, void *acc)
{
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.data_dir = o->data;
    rasd_ctx *ctx;
    if (rasd_ctx_new(&cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    bool std_in = !strcmp(o->file, "-");
    FILE *f = std_in ? io->in : fopen(o->file, "r");
    if (!f) {
        fprintf(io->err, "rasd: %s: cannot open\n", o->file);
        rasd_ctx_free(ctx);
        return CLI_FATAL;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = CLI_OK;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t je;
        json_t *obj = json_loadb(line, (size_t)n, 0, &je);
        if (!obj || !json_is_object(obj)) {
            fprintf(io->err, "rasd: %s:%zu: %s\n", o->file, lineno, obj ? "not an object" : je.text);
            json_decref(obj);
            rc = CLI_REJECTED;
            continue;
        }
        const char *id = gsr_sentence_id(obj);
        if (!id)
            id = json_string_value(json_object_get(obj, "text"));
        if (id && eval_in_split(o->split, id))
            fn(ctx, obj, o, io, acc);
        json_decref(obj);
    }
    free(line);
    if (!std_in)
        fclose(f);
    rasd_ctx_free(ctx);
    return rc;
}

/* ---------------------------------------------------------- detect */

/* Reliability: the highest confidence among a sentence's events of the
 * category, bucketed by tenths, against how often the sentence is gold.
 * Human reference: the expected score of one annotator of the pool, drawn
 * at random per sentence, against the pooled label (`yes` is unanimous,
 * `difficult no` has a minority accept), from the accept/total counts. It
 * bounds what the labels let anyone reach without learning the pool. */
typedef struct detect_acc {
    prf by_type[2];
    size_t bucket_n[2][10], bucket_yes[2][10];
    double human_tp[2], human_fp[2];
} detect_acc;

static double max_confidence(json_t *events, const char *cat)
{
    double best = -1;
    size_t i;
    json_t *ev;
    json_array_foreach(events, i, ev) {
        const char *c = json_string_value(json_object_get(ev, "category"));
        double conf = json_number_value(json_object_get(ev, "confidence"));
        if (c && !strcmp(c, cat) && conf > best)
            best = conf;
    }
    return best;
}

static int detect_line(const rasd_ctx *ctx, json_t *obj, const eval_opts *o, cli_io *io, void *acc)
{
    detect_acc *d = acc;
    const char *type = json_string_value(json_object_get(obj, "event_type"));
    const char *label = json_string_value(json_object_get(obj, "label"));
    const char *text = json_string_value(json_object_get(obj, "text"));
    const char *id = json_string_value(json_object_get(obj, "id"));
    if (!type || !label || !text || !strcmp(label, "ambiguous"))
        return 0;
    int k = !strcmp(type, "PROTEST");
    bool gold = !strcmp(label, "yes");
    json_t *ev = eval_code(ctx, id ? id : "s", text);
    bool pred = has_category(ev, type);
    double conf = max_confidence(ev, type);
    if (conf >= 0) {
        int b = conf >= 1 ? 9 : (int)(conf * 10);
        d->bucket_n[k][b]++;
        d->bucket_yes[k][b] += gold;
    }
    double share = gsr_accept_share(obj);
    if (share >= 0)
        (gold ? d->human_tp : d->human_fp)[k] += share;
    prf *s = &d->by_type[k];
    if (gold && pred)
        s->tp++;
    else if (pred)
        s->fp++;
    else if (gold)
        s->fn++;
    else
        s->tn++;
    if (o->errors && gold != pred)
        fprintf(io->out, "%s %s [%s] %s\n", pred ? "FP" : "FN", type, label, text);
    json_decref(ev);
    return 0;
}

static void human_print(FILE *f, const detect_acc *d, int k)
{
    double tp = d->human_tp[k], fp = d->human_fp[k];
    double gold = (double)(d->by_type[k].tp + d->by_type[k].fn);
    if (tp <= 0 || gold <= 0)
        return;
    double p = tp / (tp + fp), r = tp / gold;
    fprintf(f, "  one annotator (expected, from accept/total): P=%.3f R=%.3f F1=%.3f\n", p, r,
            2 * p * r / (p + r));
}

int cmd_eval_gsr_detect(int argc, char **argv, cli_io *io)
{
    eval_opts o;
    if (eval_parse(argc, argv, io, &o) < 0)
        return CLI_USAGE;
    detect_acc acc = {0};
    int rc = eval_each(&o, io, detect_line, &acc);
    fprintf(io->out, "gsr-detect %s (split %s)\n", o.file, o.split);
    static const char *names[2] = {"ASSAULT", "PROTEST"};
    for (int k = 0; k < 2; k++) {
        if (!(acc.by_type[k].tp + acc.by_type[k].fp + acc.by_type[k].fn + acc.by_type[k].tn))
            continue;
        prf_print(io->out, names[k], &acc.by_type[k]);
        fprintf(io->out, "  reliability (confidence bucket: sentences, share gold yes):");
        for (int b = 0; b < 10; b++)
            if (acc.bucket_n[k][b])
                fprintf(io->out, "  %.1f-%.1f: %zu, %.2f", b / 10.0, (b + 1) / 10.0,
                        acc.bucket_n[k][b], (double)acc.bucket_yes[k][b] / acc.bucket_n[k][b]);
        fputc('\n', io->out);
        human_print(io->out, &acc, k);
    }
    return rc;
}

/* ---------------------------------------------------------- spans */

typedef struct spans_acc {
    size_t n, cat, full, src, tgt;
} spans_acc;

/* A gold role ({"main": "PAK", "role": "OPP"}) against an event actor;
 * "None" parts are unconstrained. */
static bool role_matches(json_t *gold, json_t *actor)
{
    const char *main = json_string_value(json_object_get(gold, "main"));
    const char *role = json_string_value(json_object_get(gold, "role"));
    bool any_main = !main || !strcmp(main, "None"), any_role = !role || !strcmp(role, "None");
    if (any_main && any_role)
        return true;
    if (!json_is_object(actor))
        return false;
    const char *c = json_string_value(json_object_get(actor, "country"));
    const char *s = json_string_value(json_object_get(actor, "sector"));
    return (any_main || (c && !strcmp(c, main))) && (any_role || (s && !strcmp(s, role)));
}

/* "PAK/OPP" for a gold role, "-" when it is unconstrained */
static void role_print(FILE *f, json_t *gold)
{
    const char *main = json_string_value(json_object_get(gold, "main"));
    const char *role = json_string_value(json_object_get(gold, "role"));
    fprintf(f, "%s/%s", main ? main : "-", role ? role : "-");
}

static void actor_print(FILE *f, json_t *actor)
{
    const char *c = json_string_value(json_object_get(actor, "country"));
    const char *s = json_string_value(json_object_get(actor, "sector"));
    fprintf(f, "%s/%s", c ? c : "-", s ? s : "-");
}

/* --errors detail: each gold dyad, then each event of the type rasd found */
static void spans_explain(FILE *f, json_t *spans, json_t *evs, const char *type)
{
    size_t i;
    json_t *x;
    json_array_foreach(spans, i, x) {
        fputs("  gold ", f);
        role_print(f, json_object_get(x, "source_role"));
        fputs(" -> ", f);
        role_print(f, json_object_get(x, "target_role"));
        fputc('\n', f);
    }
    json_array_foreach(evs, i, x) {
        const char *c = json_string_value(json_object_get(x, "category"));
        if (!c || strcmp(c, type))
            continue;
        fputs("  rasd ", f);
        actor_print(f, json_object_get(x, "source"));
        fputs(" -> ", f);
        actor_print(f, json_object_get(x, "target"));
        fputc('\n', f);
    }
}

static int spans_line(const rasd_ctx *ctx, json_t *obj, const eval_opts *o, cli_io *io, void *acc)
{
    spans_acc *a = acc;
    const char *type = json_string_value(json_object_get(obj, "event_type"));
    const char *text = json_string_value(json_object_get(obj, "text"));
    json_t *spans = json_object_get(obj, "spans");
    if (!type || !text || !json_is_array(spans))
        return 0;
    json_t *evs = eval_code(ctx, "s", text);
    bool cat = false, full = false, src = false, tgt = false;
    size_t i, j;
    json_t *ev, *sp;
    json_array_foreach(evs, i, ev) {
        const char *c = json_string_value(json_object_get(ev, "category"));
        if (!c || strcmp(c, type))
            continue;
        cat = true;
        json_array_foreach(spans, j, sp) {
            bool s_ok = role_matches(json_object_get(sp, "source_role"), json_object_get(ev, "source"));
            bool t_ok = role_matches(json_object_get(sp, "target_role"), json_object_get(ev, "target"));
            src |= s_ok;
            tgt |= t_ok;
            full |= s_ok && t_ok;
        }
    }
    a->n++;
    a->cat += cat;
    a->full += full;
    a->src += src;
    a->tgt += tgt;
    if (o->errors && !full) {
        fprintf(io->out, "%s %s %s\n", cat ? "ARGS" : "MISS", type, text);
        spans_explain(io->out, spans, evs, type);
    }
    json_decref(evs);
    return 0;
}

int cmd_eval_gsr_spans(int argc, char **argv, cli_io *io)
{
    eval_opts o;
    if (eval_parse(argc, argv, io, &o) < 0)
        return CLI_USAGE;
    spans_acc a = {0};
    int rc = eval_each(&o, io, spans_line, &a);
    double n = a.n ? (double)a.n : 1;
    fprintf(io->out, "gsr-spans %s (split %s): n=%zu  category %.3f  +source %.3f  "
            "+target %.3f  category+source+target %.3f\n", o.file, o.split, a.n,
            a.cat / n, a.src / n, a.tgt / n, a.full / n);
    return rc;
}

/* `rasd train events [--data DIR] [--out PATH] GSR_FILE...` */
int cmd_train_events(int argc, char **argv, cli_io *io)
{
    const char *data = NULL, *outp = NULL;
    char *files[16];
    size_t nf = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            outp = argv[++i];
        else if (argv[i][0] != '-' && nf < 16)
            files[nf++] = argv[i];
        else {
            fprintf(io->err, "usage: rasd train events [--data DIR] [--out PATH] GSR_FILE...\n");
            return CLI_USAGE;
        }
    }
    if (!nf) {
        fprintf(io->err, "usage: rasd train events [--data DIR] [--out PATH] GSR_FILE...\n");
        return CLI_USAGE;
    }
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.data_dir = data;
    rasd_ctx *ctx;
    if (rasd_ctx_new(&cfg, &ctx) != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        return CLI_FATAL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/models/events.bin", ctx->data_dir);
    detect_train_report rep;
    size_t n = 0;
    rasd_status st = detect_train_gsr(ctx, files, nf, outp ? outp : path, &rep, &n);
    if (st != RASD_OK) {
        fprintf(io->err, "rasd: %s\n", rasd_errmsg());
        rasd_ctx_free(ctx);
        return CLI_FATAL;
    }
    fprintf(io->out, "trained on %zu candidate events (dev half), %d epochs, l2 %g -> %s\n",
            n, rep.epochs, rep.l2, outp ? outp : path);
    for (int c = 1; c < PL_N_CATS; c++)
        if (rep.n_pos[c] + rep.n_neg[c])
            fprintf(io->out, "  %-10s pos=%zu neg=%zu (candidates) missed=%zu (gold sentences "
                    "without one) spans=%zu (%zu without one) threshold=%.2f cv-spans=%.3f "
                    "cv-F1=%.3f\n",
                    plover_name((plover_cat)c), rep.n_pos[c], rep.n_neg[c], rep.n_missed[c],
                    rep.n_spans[c], rep.n_spans_missed[c], rep.threshold[c], rep.cv_spans[c],
                    rep.cv_f1[c]);
    rasd_ctx_free(ctx);
    return CLI_OK;
}
