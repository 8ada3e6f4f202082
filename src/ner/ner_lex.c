/* ner_lex.c - build the lexicon tables the tagger looks words up in, from
 * the curated gazetteers (data/gazetteers/NAME.txt) and the learnt word
 * clusters (data/ner/clusters.tsv). Used by the trainer only: the tables are
 * then stored inside the model.
 *
 * Gazetteer format: UTF-8 text, one entry per line, words separated by
 * spaces; lines starting with '#' and blank lines are ignored. Entries are
 * normalised like running text (RASD_NORM_DEFAULT, then ة->ه, ى->ي).
 * In nationalities.txt each entry is a masculine nisba adjective and the
 * feminine and definite forms are added (سوري: سوريه، السوري، السوريه).
 *
 * Clusters format: '#' comment lines (provenance), then
 * `word<TAB>fine<TAB>coarse` with the word as a folded key.
 * Automatic lexicon (ner_autolex.c): '#' lines, then
 * `word<TAB>n<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC` counts. */
#include "ner_int.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static rasd_status lex_grow(ner_lexicon *lx);

static lex_slot *lex_get(ner_lexicon *lx, uint64_t key)
{
    if ((lx->n_words + 1) * 2 > lx->lex_cap && lex_grow(lx))
        return NULL;
    uint64_t mask = lx->lex_cap - 1;
    for (uint64_t i = key & mask;; i = (i + 1) & mask) {
        if (lx->lex[i].key == key)
            return &lx->lex[i];
        if (lx->lex[i].key == 0) {
            lx->lex[i].key = key;
            lx->n_words++;
            return &lx->lex[i];
        }
    }
}

static rasd_status lex_grow(ner_lexicon *lx)
{
    uint64_t cap = lx->lex_cap ? lx->lex_cap * 2 : 1u << 12;
    lex_slot *old = lx->lex;
    uint64_t ocap = lx->lex_cap;
    lx->lex = calloc(cap, sizeof *lx->lex);
    if (!lx->lex) {
        lx->lex = old;
        return err_set(RASD_ERR_NOMEM, "out of memory (lexicon)");
    }
    lx->lex_cap = cap;
    for (uint64_t i = 0; i < ocap; i++) {
        if (!old[i].key)
            continue;
        for (uint64_t j = old[i].key & (cap - 1);; j = (j + 1) & (cap - 1))
            if (!lx->lex[j].key) {
                lx->lex[j] = old[i];
                break;
            }
    }
    free(old);
    return RASD_OK;
}

static rasd_status phr_add(ner_lexicon *lx, uint64_t key, uint32_t bits)
{
    if ((lx->n_phrases + 1) * 2 > lx->phr_cap) {
        uint64_t cap = lx->phr_cap ? lx->phr_cap * 2 : 1u << 10;
        phr_slot *t = calloc(cap, sizeof *t);
        if (!t)
            return err_set(RASD_ERR_NOMEM, "out of memory (phrases)");
        for (uint64_t i = 0; i < lx->phr_cap; i++) {
            if (!lx->phr[i].key)
                continue;
            uint64_t j = lx->phr[i].key & (cap - 1);
            while (t[j].key)
                j = (j + 1) & (cap - 1);
            t[j] = lx->phr[i];
        }
        free(lx->phr);
        lx->phr = t;
        lx->phr_cap = cap;
    }
    uint64_t mask = lx->phr_cap - 1, i = key & mask;
    while (lx->phr[i].key && lx->phr[i].key != key)
        i = (i + 1) & mask;
    if (!lx->phr[i].key) {
        lx->phr[i].key = key;
        lx->n_phrases++;
    }
    lx->phr[i].gaz |= bits;
    return RASD_OK;
}

/* Hash of one word as the tagger computes t->w. */
static uint64_t lex_word_hash(const char *w, size_t n)
{
    char norm[NER_MAX_KEY * 4 + 8], key[NER_MAX_KEY + 8];
    int edge;
    if (n > NER_MAX_KEY * 4)
        n = NER_MAX_KEY * 4;
    size_t nn = ner_norm_word(w, n, norm);
    size_t kn = ner_fold(norm, nn, key, &edge);
    return ner_hash(key, kn);
}

static rasd_status lex_add_entry(ner_lexicon *lx, const char *s, size_t n, int cls)
{
    uint64_t h[NER_MAX_PHRASE];
    size_t k = 0;
    for (size_t p = 0; p < n;) {
        while (p < n && (s[p] == ' ' || s[p] == '\t'))
            p++;
        size_t a = p;
        while (p < n && s[p] != ' ' && s[p] != '\t')
            p++;
        if (p > a) {
            if (k == NER_MAX_PHRASE)
                return RASD_OK;   /* too long to matter: skip */
            h[k++] = lex_word_hash(s + a, p - a);
        }
    }
    if (k == 0)
        return RASD_OK;
    lex_slot *first = lex_get(lx, h[0]);
    if (!first)
        return RASD_ERR_NOMEM;
    if (k == 1) {
        first->gaz |= (uint16_t)(1u << cls);
        return RASD_OK;
    }
    if (first->maxph < k)
        first->maxph = (uint8_t)k;
    uint64_t ph = h[0];
    for (size_t i = 1; i < k; i++)
        ph = ner_phr_next(ph, h[i]);
    return phr_add(lx, ph, 1u << cls);
}

/* Nationality adjective: add the feminine and definite forms too. */
static rasd_status lex_add_nat(ner_lexicon *lx, const char *s, size_t n, int cls)
{
    char v[512];
    if (n + 8 > sizeof v || memchr(s, ' ', n))
        return lex_add_entry(lx, s, n, cls);
    static const char *const al = "\xD8\xA7\xD9\x84", *const teh = "\xD8\xA9";
    for (int def = 0; def < 2; def++)
        for (int fem = 0; fem < 2; fem++) {
            size_t k = 0;
            if (def)
                memcpy(v, al, 4), k = 4;
            memcpy(v + k, s, n), k += n;
            if (fem)
                memcpy(v + k, teh, 2), k += 2;
            rasd_status st = lex_add_entry(lx, v, k, cls);
            if (st)
                return st;
        }
    return RASD_OK;
}

static rasd_status lex_read_gaz(ner_lexicon *lx, const char *dir, int cls)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, ner_gaz_files[cls]);
    char *data = NULL;
    size_t len = 0, entries = 0;
    rasd_status st = file_read_all(path, &data, &len, (size_t)64 << 20);
    if (st)
        return st;
    for (size_t p = 0; p < len && !st;) {
        const char *e = memchr(data + p, '\n', len - p);
        size_t ll = e ? (size_t)(e - (data + p)) : len - p;
        const char *line = data + p;
        while (ll > 0 && (line[ll - 1] == '\r' || line[ll - 1] == ' '))
            ll--;
        if (ll > 0 && line[0] != '#') {
            st = cls == GZ_NAT ? lex_add_nat(lx, line, ll, cls)
                               : lex_add_entry(lx, line, ll, cls);
            entries++;
        }
        p += (e ? (size_t)(e - (data + p)) : len - p) + 1;
    }
    buf_printf(&lx->prov, "gazetteer %s: %zu entries, fnv64 %016llx\n",
               ner_gaz_files[cls], entries,
               (unsigned long long)hash_bytes(data, len));
    free(data);
    return st;
}

/* A word's row of a table: `word` (wl bytes) and `cols` (from the tab
 * after it to `end`). Returns 1 when the row was kept, 0 when it is
 * malformed, -1 when memory ran out. */
typedef int (*lex_row_fn)(ner_lexicon *lx, const char *word, size_t wl, const char *cols,
                          const char *end);

static lex_slot *lex_word_slot(ner_lexicon *lx, const char *word, size_t wl)
{
    return lex_get(lx, ner_hash(word, wl < NER_MAX_KEY ? wl : NER_MAX_KEY));
}

/* word<TAB>... tables (# comments): each row goes to `row`; the rows kept
 * are counted in *n and the file goes into the provenance as `what`. */
static rasd_status lex_read_table(ner_lexicon *lx, const char *path, const char *what,
                                  lex_row_fn row, size_t *n)
{
    char *data = NULL;
    size_t len = 0;
    rasd_status st = file_read_all(path, &data, &len, (size_t)256 << 20);
    if (st)
        return st;
    for (size_t p = 0; p < len;) {
        const char *e = memchr(data + p, '\n', len - p);
        size_t ll = e ? (size_t)(e - (data + p)) : len - p;
        const char *line = data + p, *t1 = memchr(line, '\t', ll);
        int r = ll > 0 && line[0] != '#' && t1 ? row(lx, line, (size_t)(t1 - line), t1, line + ll)
                                                : 0;
        if (r < 0) {
            free(data);
            return RASD_ERR_NOMEM;
        }
        *n += (size_t)r;
        p += ll + 1;
    }
    buf_printf(&lx->prov, "%s %s: %zu words, fnv64 %016llx\n", what, path, *n,
               (unsigned long long)hash_bytes(data, len));
    free(data);
    return RASD_OK;
}

/* word<TAB>fine<TAB>coarse (ner_clust.c) */
static int lex_row_clusters(ner_lexicon *lx, const char *word, size_t wl, const char *cols,
                            const char *end)
{
    (void)end; /* sscanf stops at the newline */
    unsigned fine, coarse;
    if (sscanf(cols + 1, "%u\t%u", &fine, &coarse) != 2 || fine >= 65535 || coarse >= 65535)
        return 0;
    lex_slot *s = lex_word_slot(lx, word, wl);
    if (!s)
        return -1;
    s->c_fine = (uint16_t)(fine + 1);
    s->c_coarse = (uint16_t)(coarse + 1);
    return 1;
}

/* Embedding clusters (ner_emb.c): word<TAB>id<TAB>id... (up to
 * NER_EMB_MAXK ids). */
static int lex_row_emb(ner_lexicon *lx, const char *word, size_t wl, const char *cols,
                       const char *end)
{
    lex_slot *s = lex_word_slot(lx, word, wl);
    if (!s)
        return -1;
    const char *q = cols;
    for (int k = 0; k < NER_EMB_MAXK && q < end && *q == '\t'; k++) {
        unsigned long v = 0;
        int digits = 0;
        for (q++; q < end && *q >= '0' && *q <= '9'; q++, digits++)
            v = v * 10 + (unsigned long)(*q - '0');
        if (!digits || v >= 65535)
            break;
        s->emb[k] = (uint16_t)(v + 1);
    }
    return 1;
}

/* Dominant entity type and its share -> class 1..12; 13: mostly O. */
static uint8_t lex_autolex_class(const unsigned long long c[NER_NTYPES])
{
    unsigned long long n = 0;
    int best = NER_PERS;
    for (int k = 0; k < NER_NTYPES; k++)
        n += c[k];
    for (int k = NER_PERS; k < NER_NTYPES; k++)
        if (c[k] > c[best])
            best = k;
    double r = n ? (double)c[best] / (double)n : 0;
    int bin = r >= 0.6 ? 3 : r >= 0.3 ? 2 : r >= 0.1 ? 1 : 0;
    return (uint8_t)(bin ? 1 + (best - 1) * 3 + (bin - 1) : 13);
}

/* word<TAB>n<TAB>O<TAB>PERS<TAB>LOC<TAB>ORG<TAB>MISC (ner_autolex.c) */
static int lex_row_autolex(ner_lexicon *lx, const char *word, size_t wl, const char *cols,
                           const char *end)
{
    (void)end;
    unsigned long long n, c[NER_NTYPES];
    if (sscanf(cols + 1, "%llu\t%llu\t%llu\t%llu\t%llu\t%llu", &n, &c[0], &c[1], &c[2],
               &c[3], &c[4]) != 6)
        return 0;
    lex_slot *s = lex_word_slot(lx, word, wl);
    if (!s)
        return -1;
    s->autolex = lex_autolex_class(c);
    return 1;
}

rasd_status ner_lexicon_build(ner_lexicon *lx, const char *gaz_dir,
                              const char *clusters_path, const char *autolex_path,
                              const char *emb_path)
{
    memset(lx, 0, sizeof *lx);
    buf_init(&lx->prov);
    rasd_status st = lex_grow(lx);
    if (!st && (st = phr_add(lx, 1, 0)) == RASD_OK) {
        /* phr_add(1) created the table; drop the placeholder again */
        lx->phr[1 & (lx->phr_cap - 1)].key = 0;
        lx->n_phrases = 0;
    }
    for (int c = 0; c < GZ_N && !st && gaz_dir; c++)
        st = lex_read_gaz(lx, gaz_dir, c);
    if (!st && clusters_path)
        st = lex_read_table(lx, clusters_path, "clusters", lex_row_clusters, &lx->n_clustered);
    if (!st && autolex_path)
        st = lex_read_table(lx, autolex_path, "autolex", lex_row_autolex, &lx->n_autolex);
    if (!st && emb_path)
        st = lex_read_table(lx, emb_path, "embedding clusters", lex_row_emb, &lx->n_emb);
    if (!st && lx->prov.oom)
        st = err_set(RASD_ERR_NOMEM, "out of memory (lexicon)");
    return st;
}

void ner_lexicon_free(ner_lexicon *lx)
{
    free(lx->lex);
    free(lx->phr);
    buf_free(&lx->prov);
    memset(lx, 0, sizeof *lx);
}
