/* ner_autolex.c - an automatic entity lexicon from unlabelled news.
 *
 * A first tagger (trained without this lexicon) tags a large news corpus;
 * for every word we count how often it was tagged O, PERS, LOC, ORG or MISC.
 * The final tagger gets the word's dominant type and its share as features
 * (ner_lex.c turns counts into classes), so names absent from the small
 * labelled corpus but tagged consistently across thousands of articles are
 * recognised. The tagger used here is only a tool of training: at run time
 * a single model, carrying the lexicon, tags in one pass. */
#include "ner_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ner_autolex_opts_init(ner_autolex_opts *o)
{
    memset(o, 0, sizeof *o);
    o->min_count = 5;
}

typedef struct al_entry {
    char *word;
    uint32_t len;
    uint32_t count[NER_NTYPES];
} al_entry;

typedef struct al_tab {
    arena mem;
    uint64_t *hash;
    uint32_t *slot;      /* entry index + 1 */
    uint64_t cap;
    al_entry *e;
    size_t n, ecap;
} al_tab;

static rasd_status al_grow(al_tab *t)
{
    uint64_t cap = t->cap ? t->cap * 2 : 1u << 16;
    uint64_t *h = calloc(cap, sizeof *h);
    uint32_t *s = calloc(cap, sizeof *s);
    if (!h || !s) {
        free(h), free(s);
        return err_set(RASD_ERR_NOMEM, "out of memory (autolex)");
    }
    for (uint64_t i = 0; i < t->cap; i++) {
        if (!t->slot[i])
            continue;
        uint64_t j = t->hash[i] & (cap - 1);
        while (s[j])
            j = (j + 1) & (cap - 1);
        h[j] = t->hash[i], s[j] = t->slot[i];
    }
    free(t->hash), free(t->slot);
    t->hash = h, t->slot = s, t->cap = cap;
    return RASD_OK;
}

static al_entry *al_get(al_tab *t, const char *k, size_t n)
{
    if ((t->n + 1) * 2 > t->cap && al_grow(t))
        return NULL;
    uint64_t h = ner_hash(k, n), i = h & (t->cap - 1);
    for (; t->slot[i]; i = (i + 1) & (t->cap - 1)) {
        al_entry *e = &t->e[t->slot[i] - 1];
        if (t->hash[i] == h && e->len == n && !memcmp(e->word, k, n))
            return e;
    }
    if (t->n == t->ecap) {
        size_t cap = t->ecap ? t->ecap * 2 : 1u << 15;
        al_entry *ne = realloc(t->e, cap * sizeof *ne);
        if (!ne)
            return NULL;
        t->e = ne, t->ecap = cap;
    }
    al_entry *e = &t->e[t->n];
    memset(e, 0, sizeof *e);
    if (!(e->word = arena_strndup(&t->mem, k, n)))
        return NULL;
    e->len = (uint32_t)n;
    t->hash[i] = h, t->slot[i] = (uint32_t)++t->n;
    return e;
}

static rasd_status al_doc(const ner_model *m, ner_work *w, const rasd_doc *doc,
                          al_tab *t, uint8_t *tags, size_t *ntok)
{
    const rasd_token *tk = rasd_doc_tokens(doc);
    const rasd_sentence *ss = rasd_doc_sentences(doc);
    size_t ns = rasd_doc_sentence_count(doc);
    char key[NER_MAX_KEY + 8];
    ner_work_reset(w);   /* document memory starts afresh per article */
    for (size_t s = 0; s < ns; s++) {
        size_t n = ss[s].tok_end - ss[s].tok_begin;
        if (n > NER_MAX_CHUNK)
            n = NER_MAX_CHUNK;
        const rasd_token *st = tk + ss[s].tok_begin;
        rasd_status r = ner_tag_tokens(m, w, st, n, tags);
        if (r)
            return r;
        for (size_t i = 0; i < n; i++) {
            int edge;
            size_t kn = ner_fold(st[i].norm, st[i].norm_len, key, &edge);
            al_entry *e = al_get(t, key, kn);
            if (!e)
                return err_set(RASD_ERR_NOMEM, "out of memory (autolex)");
            e->count[ner_tag_type(tags[i])]++;
        }
        *ntok += n;
    }
    return RASD_OK;
}

static rasd_status al_read(const ner_autolex_opts *o, const ner_model *m,
                           al_tab *t, size_t *docs, size_t *ntok)
{
    rasd_ctx *ctx = NULL;
    ner_work *w = NULL;
    uint8_t *tags = malloc(NER_MAX_CHUNK);
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;   /* reading and tokenising only */
    rasd_status st = tags ? rasd_ctx_new(&cfg, &ctx) : RASD_ERR_NOMEM;
    if (!st)
        st = ner_work_new(&w);
    for (size_t f = 0; f < o->n_inputs && !st; f++) {
        rasd_reader *r = NULL;
        if ((st = rasd_reader_open(ctx, o->inputs[f], RASD_FMT_AUTO, &r)))
            break;
        while (!st && !(o->max_docs && *docs >= o->max_docs)) {
            rasd_doc *doc = NULL;
            rasd_status rs = rasd_reader_next(r, &doc);
            if (rs == RASD_DONE)
                break;
            if (rs == RASD_ERR_IO)
                st = rs;
            if (rs == RASD_OK && rasd_doc_analyze(ctx, doc) == RASD_OK) {
                st = al_doc(m, w, doc, t, tags, ntok);
                (*docs)++;
            }
            rasd_doc_free(doc);
        }
        rasd_reader_free(r);
    }
    ner_work_free(w);
    rasd_ctx_free(ctx);
    free(tags);
    return st;
}

static rasd_status al_write(const ner_autolex_opts *o, const al_tab *t,
                            size_t docs, size_t ntok, const char *prov)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, "# rasd NER automatic lexicon: word<TAB>n<TAB>O<TAB>PERS<TAB>LOC"
             "<TAB>ORG<TAB>MISC (folded keys; tag counts in tagged news)\n");
    buf_printf(&b, "# command: %s\n", o->command ? o->command : "(library)");
    for (size_t i = 0; i < o->n_inputs; i++)
        buf_printf(&b, "# input: %s\n", o->inputs[i]);
    buf_printf(&b, "# %zu documents, %zu tokens; words seen >= %zu times\n", docs,
               ntok, o->min_count);
    buf_printf(&b, "# tagged by %s (first line of its provenance: ", o->model_path);
    const char *nl = strchr(prov, '\n');
    buf_put(&b, prov, nl ? (size_t)(nl - prov) : strlen(prov));
    buf_puts(&b, ")\n# source: ANT corpus v2.1 (Apache-2.0), derived counts only\n");
    for (size_t i = 0; i < t->n; i++) {
        const al_entry *e = &t->e[i];
        uint64_t n = 0;
        for (int k = 0; k < NER_NTYPES; k++)
            n += e->count[k];
        if (n < o->min_count)
            continue;
        buf_put(&b, e->word, e->len);
        buf_printf(&b, "\t%llu\t%u\t%u\t%u\t%u\t%u\n", (unsigned long long)n,
                   e->count[0], e->count[1], e->count[2], e->count[3], e->count[4]);
    }
    rasd_status st = buf_save(&b, o->out_path);
    buf_free(&b);
    return st;
}

rasd_status ner_autolex_build(const ner_autolex_opts *o, buf *log)
{
    if (!o || !o->model_path || !o->out_path || !o->n_inputs)
        return err_set(RASD_ERR_ARG, "ner_autolex_build: missing model, input or output");
    ner_model *m = NULL;
    rasd_status st = ner_load_file(o->model_path, &m);
    if (st)
        return st;
    al_tab t;
    memset(&t, 0, sizeof t);
    arena_init(&t.mem, 1 << 16);
    size_t docs = 0, ntok = 0;
    st = al_read(o, m, &t, &docs, &ntok);
    if (!st)
        st = al_write(o, &t, docs, ntok, ner_provenance(m, NULL));
    if (!st && log)
        buf_printf(log, "tagged %zu documents, %zu tokens, %zu distinct words: %s\n",
                   docs, ntok, t.n, o->out_path);
    arena_free(&t.mem);
    free(t.hash), free(t.slot), free(t.e);
    ner_free(m);
    return st;
}
