/* geo_int.h - internals shared by the gazetteer loader and index. */
#ifndef RASD_GEO_INT_H
#define RASD_GEO_INT_H

#include "geo.h"
#include "../util/kmap.h"
#include "../text/text.h"

#define GEO_ROOT 0u
#define GEO_NONE UINT32_MAX
#define GEO_ID_NS (UINT32_MAX - 1) /* map namespace of place ids */
#define GEO_MAX_NAME_TOKS 8
/* A normalised token never grows (text.h invariant) and document tokens
 * are cut at RASD_MAX_TOKEN_BYTES. */
#define GEO_TOKBUF (RASD_MAX_TOKEN_BYTES + 16)

/* Article rule of a key (its first token is stored without ال). */
enum {
    GEO_ART_NONE = 0,  /* written without: the text must not have it */
    GEO_ART_NEED       /* written with ال: the text must have it */
};


/* What a trie node means; a node has a list of hits (index + 1 links). */
typedef struct geo_hit {
    const geo_place *place;    /* NULL: a `not` phrase */
    const char *file;          /* where the name was listed */
    unsigned line;
    uint8_t art;               /* GEO_ART_* */
    uint8_t cue;               /* geo_cue the name needs */
    uint8_t alt;               /* an `alt` reading of another place's name */
    uint32_t next;             /* index + 1 of the node's next hit, 0 = none */
} geo_hit;

struct geo_gazetteer {
    arena mem;                 /* strings, places */
    kmap map;                  /* (parent node, token key) -> child, (GEO_ID_NS, id) -> place */
    uint32_t *node_hit;        /* per node: first hit index + 1, 0 = none */
    size_t n_nodes, cap_nodes;
    geo_hit *hits;
    size_t n_hits, cap_hits;
    geo_place **places;
    size_t n_places, cap_places;
    geo_stats st;
};

/* Scratch space for tokenising names while loading. */
typedef struct geo_scratch {
    tokvec tv;
    char *norm;
    size_t norm_cap;
} geo_scratch;

void geo_scratch_free(geo_scratch *sc);

/* Where a name comes from, for messages. */
typedef struct geo_src {
    const char *file;
    unsigned line;
} geo_src;

rasd_status geo_new(geo_gazetteer **out);

/* Register a place allocated in g->mem; RASD_ERR_PARSE on a duplicate id. */
rasd_status geo_place_add(geo_gazetteer *g, geo_place *p, geo_src src);

/* Index name s[0..n) (valid UTF-8) for place p (NULL: a `not` phrase)
 * with cue rule `cue`; `alt` marks a second reading of a name that another
 * place holds. RASD_ERR_PARSE "file:line: ..." when the name is refused
 * (empty, one letter, only function words, too long) or already belongs
 * to another place (and is not an `alt`). */
rasd_status geo_index_name(geo_gazetteer *g, geo_scratch *sc, const char *s,
                           size_t n, const geo_place *p, geo_cue cue, bool alt,
                           geo_src src);

/* Child of `parent` under key (or place index under GEO_ID_NS), GEO_NONE
 * if absent. */
uint32_t geo_map_get(const geo_gazetteer *g, uint32_t parent, const char *key,
                     size_t n);

/* UTF-8 of the letters the clitic rules look at (after RASD_NORM_ALL). */
#define GEO_WAW "\xD9\x88"
#define GEO_FEH "\xD9\x81"
#define GEO_BEH "\xD8\xA8"
#define GEO_LAM "\xD9\x84"
#define GEO_KAF "\xD9\x83"
#define GEO_ALEF "\xD8\xA7"
#define GEO_AL GEO_ALEF GEO_LAM

size_t geo_utf8_chars(const char *s, size_t n);
bool geo_starts(const char *s, size_t n, const char *p);
/* Bytes of a leading article ال: only when at least two letters remain. */
size_t geo_article_len(const char *s, size_t n);

#endif
