/* geo_index.c - the token trie behind the gazetteer: building it, and the
 * id table, types and statistics.
 *
 * The trie lives in one open-addressing hash table keyed by (parent node,
 * normalised token); node 0 is the root. The first token of every key is
 * stored without the article ال and the hit records whether the name had
 * it, so a lookup strips clitics from the text's first token and probes a
 * handful of stems instead of expanding every name with every clitic (the
 * approach of src/actors/actors_index.c). */
#include "geo_int.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ types */

static const char *const geo_type_names[GEO_TYPE_MAX + 1] = {
    "?", "zone", "sea", "country", "region", "district", "capital", "city",
    "town", "camp", "crossing", "site"};

const char *geo_type_str(geo_type t)
{
    return t >= GEO_ZONE && t <= GEO_TYPE_MAX ? geo_type_names[t] : "?";
}

bool geo_type_parse(const char *s, size_t n, geo_type *out)
{
    for (int t = GEO_ZONE; t <= GEO_TYPE_MAX; t++)
        if (strlen(geo_type_names[t]) == n &&
            memcmp(geo_type_names[t], s, n) == 0) {
            *out = (geo_type)t;
            return true;
        }
    return false;
}

int geo_type_rank(geo_type t)
{
    switch (t) {
    case GEO_ZONE: return 1;
    case GEO_SEA: return 2;
    case GEO_COUNTRY: return 3;
    case GEO_REGION: return 4;
    case GEO_DISTRICT: return 5;
    case GEO_CAPITAL:
    case GEO_CITY:
    case GEO_TOWN: return 6;
    case GEO_CAMP:
    case GEO_CROSSING:
    case GEO_SITE: return 7;
    }
    return 0;
}

size_t geo_utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

bool geo_starts(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

size_t geo_article_len(const char *s, size_t n)
{
    if (geo_starts(s, n, GEO_AL) && geo_utf8_chars(s + 4, n - 4) >= 2)
        return 4;
    return 0;
}

/* ------------------------------------------------------------ map */

uint32_t geo_map_get(const geo_gazetteer *g, uint32_t parent, const char *key, size_t n)
{
    return kmap_get(&g->map, parent, key, n);
}

static rasd_status map_put(geo_gazetteer *g, uint32_t parent, const char *key, size_t n,
                           uint32_t val)
{
    return kmap_put(&g->map, &g->mem, parent, key, n, val, "geo");
}

static rasd_status node_new(geo_gazetteer *g, uint32_t *out)
{
    if (g->n_nodes >= GEO_ID_NS - 1)
        return err_set(RASD_ERR_LIMIT, "geo: gazetteer too large");
    if (!array_grow((void **)&g->node_hit, &g->cap_nodes, g->n_nodes + 1,
              sizeof *g->node_hit))
        return err_set(RASD_ERR_NOMEM, "geo: out of memory");
    g->node_hit[g->n_nodes] = 0;
    *out = (uint32_t)g->n_nodes++;
    return RASD_OK;
}

/* ------------------------------------------------------------ gazetteer */

rasd_status geo_new(geo_gazetteer **out)
{
    *out = NULL;
    geo_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return err_set(RASD_ERR_NOMEM, "geo: out of memory");
    arena_init(&g->mem, 64 * 1024);
    uint32_t root;
    rasd_status st = node_new(g, &root);
    if (st) {
        geo_free(g);
        return st;
    }
    *out = g;
    return RASD_OK;
}

void geo_free(geo_gazetteer *g)
{
    if (!g)
        return;
    arena_free(&g->mem);
    kmap_free(&g->map);
    free(g->node_hit);
    free(g->hits);
    free(g->places);
    free(g);
}

rasd_status geo_place_add(geo_gazetteer *g, geo_place *p, geo_src src)
{
    size_t n = strlen(p->id);
    uint32_t prev = geo_map_get(g, GEO_ID_NS, p->id, n);
    if (prev != GEO_NONE)
        return err_set(RASD_ERR_PARSE, "%s:%u: duplicate place id '%s' (first at %s:%u)",
                       src.file, src.line, p->id, g->places[prev]->file,
                       g->places[prev]->line);
    if (!array_grow((void **)&g->places, &g->cap_places, g->n_places + 1,
              sizeof *g->places))
        return err_set(RASD_ERR_NOMEM, "geo: out of memory");
    rasd_status st = map_put(g, GEO_ID_NS, p->id, n, (uint32_t)g->n_places);
    if (st)
        return st;
    g->places[g->n_places++] = p;
    g->st.places++;
    g->st.by_type[p->type]++;
    return RASD_OK;
}

const geo_place *geo_find(const geo_gazetteer *g, const char *id)
{
    if (!g || !id)
        return NULL;
    uint32_t i = geo_map_get(g, GEO_ID_NS, id, strlen(id));
    return i == GEO_NONE ? NULL : g->places[i];
}

size_t geo_count(const geo_gazetteer *g)
{
    return g ? g->n_places : 0;
}

const geo_place *geo_place_at(const geo_gazetteer *g, size_t i)
{
    return g && i < g->n_places ? g->places[i] : NULL;
}

void geo_get_stats(const geo_gazetteer *g, geo_stats *st)
{
    if (g)
        *st = g->st;
    else
        memset(st, 0, sizeof *st);
}

/* ------------------------------------------------------------ names */

void geo_scratch_free(geo_scratch *sc)
{
    tokvec_free(&sc->tv);
    free(sc->norm);
    memset(sc, 0, sizeof *sc);
}

static rasd_status name_tokens(geo_scratch *sc, const char *s, size_t n)
{
    sc->tv.n = 0;
    if (sc->norm_cap < 2 * n + 1) {
        char *p = realloc(sc->norm, 2 * n + 1);
        if (!p)
            return err_set(RASD_ERR_NOMEM, "geo: out of memory");
        sc->norm = p;
        sc->norm_cap = 2 * n + 1;
    }
    char *cur = sc->norm;
    return text_tokenize(s, 0, n, RASD_NORM_ALL, &sc->tv, &cur);
}

/* Function words that must never make up a whole name (RASD_NORM_ALL). */
static const char *const geo_stop[] = {
    "في", "من", "الي", "علي", "عن", "مع", "او", "ثم", "ان", "هذا", "هذه",
    "ذلك", "الذي", "التي", "هو", "هي", "قد", "لا", "لم", "لن", "ما", "بعد",
    "قبل", "بين", "عند", "حتي", "كل", "غير", "منذ", "ضد", "the", "of", "and",
    NULL};

static bool is_stop(const char *s, size_t n)
{
    for (size_t i = 0; geo_stop[i]; i++)
        if (strlen(geo_stop[i]) == n && memcmp(geo_stop[i], s, n) == 0)
            return true;
    return false;
}

/* Why a tokenised name may not be indexed, or NULL. */
static const char *name_refusal(const tokvec *tv)
{
    if (tv->n == 0)
        return "empty name";
    if (tv->n > GEO_MAX_NAME_TOKS)
        return "name too long (more than 8 words)";
    size_t letters = 0;
    bool all_stop = true;
    for (size_t k = 0; k < tv->n; k++) {
        const rasd_token *t = &tv->v[k];
        if (t->norm_len + 8 >= GEO_TOKBUF)
            return "name has an over-long word";
        if (t->kind != RASD_TOK_ARABIC && t->kind != RASD_TOK_LATIN)
            continue;
        size_t a = geo_article_len(t->norm, t->norm_len);
        letters += geo_utf8_chars(t->norm + a, t->norm_len - a);
        if (!is_stop(t->norm, t->norm_len))
            all_stop = false;
    }
    if (letters < 2)
        return "name has fewer than two letters";
    if (all_stop)
        return "name is only function words";
    return NULL;
}

/* Hit of `node` under article rule `art` with the given role (alt or
 * not); NULL if none. */
static geo_hit *node_find(geo_gazetteer *g, uint32_t node, int art, bool alt)
{
    for (uint32_t hi = g->node_hit[node]; hi; hi = g->hits[hi - 1].next) {
        geo_hit *h = &g->hits[hi - 1];
        if (h->art == art && (bool)h->alt == alt)
            return h;
    }
    return NULL;
}

/* Append a hit to node's list (load order is kept). */
static rasd_status node_append(geo_gazetteer *g, uint32_t node,
                               const geo_hit *nh)
{
    if (!array_grow((void **)&g->hits, &g->cap_hits, g->n_hits + 1, sizeof *g->hits))
        return err_set(RASD_ERR_NOMEM, "geo: out of memory");
    g->hits[g->n_hits] = *nh;
    g->hits[g->n_hits].next = 0;
    uint32_t idx = (uint32_t)++g->n_hits;
    uint32_t *link = &g->node_hit[node];
    while (*link)
        link = &g->hits[*link - 1].next;
    *link = idx;
    g->st.keys++;
    return RASD_OK;
}

static const char *hit_owner(const geo_hit *h)
{
    return h->place ? h->place->id : "a `not` phrase";
}

/* Attach the name (place p, rule art/cue/alt) at its final node. */
static rasd_status attach(geo_gazetteer *g, uint32_t node, const geo_hit *nh,
                          const char *s, size_t n, geo_src src)
{
    geo_hit *h = node_find(g, node, nh->art, nh->alt);
    if (h && h->place == nh->place) {
        /* a spelling the normaliser folds, or a name listed twice: the
         * stricter cue rule wins */
        if (nh->cue > h->cue)
            h->cue = nh->cue;
        return RASD_OK;
    }
    if (h) {
        int w = (int)(n > 80 ? 80 : n);
        if (nh->alt)
            return err_set(RASD_ERR_PARSE,
                           "%s:%u: name '%.*s' already has an alternative reading (%s, %s:%u)",
                           src.file, src.line, w, s, hit_owner(h), h->file,
                           h->line);
        return err_set(RASD_ERR_PARSE,
                       "%s:%u: name '%.*s' already belongs to %s (%s:%u); "
                       "list it on an `alt` line",
                       src.file, src.line, w, s, hit_owner(h), h->file, h->line);
    }
    if (nh->alt) {
        geo_hit *prim = node_find(g, node, nh->art, false);
        if (prim && !prim->place)
            return err_set(RASD_ERR_PARSE,
                           "%s:%u: name '%.*s' is blocked by a `not` phrase (%s:%u)",
                           src.file, src.line, (int)(n > 80 ? 80 : n), s,
                           prim->file, prim->line);
        if (prim && prim->place == nh->place)
            return RASD_OK;
        g->st.shared++;
    }
    return node_append(g, node, nh);
}

rasd_status geo_index_name(geo_gazetteer *g, geo_scratch *sc, const char *s,
                           size_t n, const geo_place *p, geo_cue cue, bool alt,
                           geo_src src)
{
    rasd_status st = name_tokens(sc, s, n);
    if (st)
        return st;
    const char *why = name_refusal(&sc->tv);
    if (why)
        return err_set(RASD_ERR_PARSE, "%s:%u: %s: '%.*s'", src.file, src.line,
                       why, (int)(n > 80 ? 80 : n), s);
    uint32_t node = GEO_ROOT;
    int art = GEO_ART_NONE;
    for (size_t k = 0; k < sc->tv.n; k++) {
        const char *key = sc->tv.v[k].norm;
        size_t kl = sc->tv.v[k].norm_len;
        if (k == 0) {
            size_t a = geo_article_len(key, kl);
            if (a)
                art = GEO_ART_NEED;
            key += a;
            kl -= a;
        }
        uint32_t child = geo_map_get(g, node, key, kl);
        if (child == GEO_NONE) {
            st = node_new(g, &child);
            if (!st)
                st = map_put(g, node, key, kl, child);
            if (st)
                return st;
        }
        node = child;
    }
    geo_hit nh = {p, src.file, src.line, (uint8_t)art, (uint8_t)cue,
                  (uint8_t)alt, 0};
    st = attach(g, node, &nh, s, n, src);
    if (st)
        return st;
    if (p)
        g->st.variants++;
    else
        g->st.blocks++;
    return RASD_OK;
}
