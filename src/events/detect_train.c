/* detect_train.c - training data for the candidate-event classifier from
 * the GSR files: every candidate of the file's category in a sentence of
 * the dev half is an example, labelled by the sentence's gold label; the
 * spans files say which of those sentences hold an annotated event. */
#include "events/detect.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

bool split_is_dev(const char *id)
{
    return (hash_bytes(id, strlen(id)) & 1) == 0;
}

double gsr_accept_share(const json_t *obj)
{
    const char *a = json_string_value(json_object_get(obj, "accept"));
    const char *t = json_string_value(json_object_get(obj, "total"));
    int na = a ? atoi(a) : -1, nt = t ? atoi(t) : 0;
    return nt > 0 && na >= 0 && na <= nt ? (double)na / nt : -1;
}

const char *gsr_sentence_id(const json_t *obj)
{
    const char *id = json_string_value(json_object_get(obj, "id"));
    if (!id)
        id = json_string_value(json_object_get(obj, "source"));
    return id;
}

typedef struct collector {
    detect_example *v;
    size_t n, cap;
    plover_cat want;
    uint8_t label;
    float target;
    uint32_t group;
    size_t got;      /* candidates collected for the current sentence */
    uint8_t spans;   /* the current sentence is in a spans file */
    char **span_ids; /* "CATEGORY id" of the dev sentences of the spans files, sorted */
    size_t n_span_ids, cap_span_ids;
    bool oom;
} collector;

static void collect_one(void *ud, plover_cat cat, const uint32_t *f, size_t nf)
{
    collector *c = ud;
    if (cat != c->want || c->oom)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        detect_example *v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            c->oom = true;
            return;
        }
        c->v = v;
        c->cap = cap;
    }
    detect_example *e = &c->v[c->n++];
    e->cat = cat;
    e->label = c->label;
    e->target = c->target;
    e->spans = c->spans;
    e->group = c->group;
    c->got++;
    e->n = (uint16_t)(nf < DETECT_MAX_FEATS ? nf : DETECT_MAX_FEATS);
    memcpy(e->f, f, e->n * sizeof *f);
}

/* One gold sentence: code it with the collector attached. */
static void train_sentence(const rasd_ctx *ctx, collector *c, const char *text)
{
    rasd_doc *doc;
    if (rasd_doc_new("gsr", text, strlen(text), &doc) != RASD_OK)
        return;
    if (rasd_doc_analyze(ctx, doc) == RASD_OK) {
        ev_out out = {.doc = doc, .collect = collect_one, .collect_ud = c};
        buf_init(&out.b);
        coder_run(ctx, doc, &out);
        buf_free(&out.b);
    }
    rasd_doc_free(doc);
}

/* Gold label and training target of a *_detect.jsonl line. The target is
 * the share of annotators who accepted the sentence (3 of 3 for `yes`, 1
 * of 3 for `difficult no`): graded targets carry what the hard labels lose,
 * and let `ambiguous` sentences train without being scored. */
static bool line_label(const json_t *o, uint8_t *label, float *target)
{
    const char *lab = json_string_value(json_object_get(o, "label"));
    if (!lab)
        return false;
    *label = !strcmp(lab, "yes") ? 1 : !strcmp(lab, "ambiguous") ? DETECT_UNSCORED : 0;
    double share = gsr_accept_share(o);
    if (share >= 0)
        *target = (float)share;
    else
        *target = *label == 1 ? 1.0f : *label == 0 ? 0.0f : 0.5f;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *span_key(const char *type, const char *id)
{
    size_t a = strlen(type), b = strlen(id);
    char *k = malloc(a + b + 2);
    if (k) {
        memcpy(k, type, a);
        k[a] = ' ';
        memcpy(k + a + 1, id, b + 1);
    }
    return k;
}

static bool in_spans(const collector *c, const char *type, const char *id)
{
    char *k = span_key(type, id);
    bool found = k && c->n_span_ids &&
                 bsearch(&k, c->span_ids, c->n_span_ids, sizeof *c->span_ids, cmp_str);
    free(k);
    return found;
}

/* The dev sentences of a *_spans.jsonl file (lines without a label): they
 * add no examples (their sentences are in the detect files with their
 * real labels) but say which sentences hold an annotated event. */
static void collect_span_ids(collector *c, const json_t *o)
{
    const char *id = gsr_sentence_id(o);
    const char *type = json_string_value(json_object_get(o, "event_type"));
    if (!id || !type || json_object_get(o, "label") || !split_is_dev(id))
        return;
    if (c->n_span_ids == c->cap_span_ids) {
        size_t cap = c->cap_span_ids ? c->cap_span_ids * 2 : 256;
        char **v = realloc(c->span_ids, cap * sizeof *v);
        if (!v) {
            c->oom = true;
            return;
        }
        c->span_ids = v;
        c->cap_span_ids = cap;
    }
    char *k = span_key(type, id);
    if (!k)
        c->oom = true;
    else
        c->span_ids[c->n_span_ids++] = k;
}

/* One pass over a file: spans lines (collect_span_ids) or the labelled
 * lines of a *_detect.jsonl file, dev half only. */
static rasd_status train_file(const rasd_ctx *ctx, collector *c, const char *path,
                              detect_train_report *rep, bool spans_pass)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return err_set(RASD_ERR_IO, "%s: cannot open", path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_t *o = json_loadb(line, (size_t)n, 0, NULL);
        if (spans_pass) {
            collect_span_ids(c, o);
            json_decref(o);
            continue;
        }
        const char *id = gsr_sentence_id(o);
        const char *type = json_string_value(json_object_get(o, "event_type"));
        const char *text = json_string_value(json_object_get(o, "text"));
        if (id && type && text && split_is_dev(id) && line_label(o, &c->label, &c->target)) {
            c->want = plover_parse(type, strlen(type));
            c->group++;
            c->got = 0;
            c->spans = in_spans(c, type, id);
            train_sentence(ctx, c, text);
            if (c->want > PL_NONE && c->want < PL_N_CATS) {
                rep->n_missed[c->want] += !c->got && c->label == 1;
                rep->n_spans[c->want] += c->spans;
                rep->n_spans_missed[c->want] += c->spans && !c->got;
            }
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return c->oom ? err_set(RASD_ERR_NOMEM, "out of memory") : RASD_OK;
}

rasd_status detect_train_gsr(const rasd_ctx *ctx, char *const *files, size_t nfiles,
                             const char *out_path, detect_train_report *rep, size_t *n_examples)
{
    collector c = {0};
    rasd_status st = RASD_OK;
    memset(rep, 0, sizeof *rep);
    for (size_t i = 0; st == RASD_OK && i < nfiles; i++)
        st = train_file(ctx, &c, files[i], rep, true);
    if (c.n_span_ids)
        qsort(c.span_ids, c.n_span_ids, sizeof *c.span_ids, cmp_str);
    for (size_t i = 0; st == RASD_OK && i < nfiles; i++)
        st = train_file(ctx, &c, files[i], rep, false);
    *n_examples = c.n;
    if (st == RASD_OK) {
        char prov[1024];
        int k = snprintf(prov, sizeof prov, "rasd candidate-event classifier; trained by "
                         "`rasd train events` on the dev half (even FNV-1a hash of the id) of:");
        for (size_t i = 0; i < nfiles && k > 0 && (size_t)k < sizeof prov; i++)
            k += snprintf(prov + k, sizeof prov - (size_t)k, " %s", files[i]);
        if (k > 0 && (size_t)k < sizeof prov)
            snprintf(prov + k, sizeof prov - (size_t)k, " (openeventdata/arabic_event_gsr, MIT)");
        st = detect_train(c.v, c.n, out_path, prov, rep);
    }
    free(c.v);
    for (size_t i = 0; i < c.n_span_ids; i++)
        free(c.span_ids[i]);
    free(c.span_ids);
    return st;
}
