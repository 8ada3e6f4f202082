/* actors_int.h - internals shared by the actor loader, index and importer. */
#ifndef RASD_ACTORS_INT_H
#define RASD_ACTORS_INT_H

#include "actors.h"
#include "../util/kmap.h"
#include "../text/text.h"

#define ACT_ROOT 0u
#define ACT_NONE UINT32_MAX
#define ACT_ID_NS (UINT32_MAX - 1) /* map namespace of entry ids */
#define ACT_MAX_PHRASE_TOKS 24
#define ACT_KIND_BLOCK 0   /* a `not` phrase: known not to be an actor */

/* Article rule of a key (its first token is stored without ال). */
enum {
    ACT_ART_ANY = 0,   /* adjectives, inflected agents, imported names */
    ACT_ART_NEED,      /* written with ال: the text must have it (القاعدة) */
    ACT_ART_NONE       /* written without: the text must not (رئيسي, not الرئيسي) */
};
/* A normalised token never grows (text.h invariant) and document tokens
 * are cut at RASD_MAX_TOKEN_BYTES; keep room for a suffix. */
#define ACT_TOKBUF (2 * RASD_MAX_TOKEN_BYTES + 16)


/* What a trie node means. */
typedef struct act_hit {
    const actors_entry *entry; /* NULL: agent */
    const char *country, *sector, *code;
    const char *file;
    unsigned line;
    uint8_t kind;              /* actors_kind, or ACT_KIND_BLOCK */
    uint8_t derived;           /* an inflected form, yields to explicit names */
    uint8_t art;               /* ACT_ART_*: what the text's article must be */
    uint32_t next;             /* index + 1 of the node's other hit, 0 = none */
} act_hit;

typedef struct act_layer {
    const char *name;
    actors_stats st;
} act_layer;

struct actors_dict {
    arena mem;                 /* strings, entries, roles */
    kmap map;                  /* (parent node, token key) -> child node, and
                                * (ACT_ID_NS, id) -> entry index */
    uint32_t *node_hit;        /* per node: hit index + 1, 0 = none; a node
                                * has at most one hit per article rule:
                                * الكاميرون (Cameroon) and كاميرون (Cameron)
                                * share a key */
    size_t n_nodes, cap_nodes;
    act_hit *hits;
    size_t n_hits, cap_hits;
    actors_entry **entries;
    size_t n_entries, cap_entries;
    act_layer *layers;
    size_t n_layers, cap_layers;
};

/* How one phrase should be indexed. */
typedef struct act_variant {
    const actors_entry *entry;     /* NULL for agents */
    int kind;                      /* actors_kind, or ACT_KIND_BLOCK */
    const char *country, *sector, *code;
    const char *file;
    unsigned line;
    bool strict;                   /* refusals and clashes are errors */
    bool inflect;                  /* also index sound inflections */
    bool free_article;             /* names match with or without ال */
} act_variant;

typedef enum act_outcome {
    ACT_ADDED = 0,
    ACT_REFUSED,                   /* would match everything, or too long */
    ACT_SHADOWED                   /* taken by another entry */
} act_outcome;

/* Scratch space for tokenising phrases while loading. */
typedef struct act_scratch {
    tokvec tv;
    char *norm;
    size_t norm_cap;
} act_scratch;

void act_scratch_free(act_scratch *sc);

/* Index phrase s[0..n) (valid UTF-8). Strict variants fail with
 * RASD_ERR_PARSE and a "file:line: ..." message on refusal or clash;
 * lenient ones report the outcome in *out. */
rasd_status act_index_phrase(actors_dict *d, act_scratch *sc, const char *s,
                             size_t n, const act_variant *v, act_outcome *out);

/* Register a finished entry (copies nothing: e must live in d->mem). Fails
 * with RASD_ERR_PARSE on a duplicate id when strict. */
rasd_status act_entry_add(actors_dict *d, actors_entry *e, bool strict);

/* Start a new layer named `name` (copied); its counters are updated by
 * act_index_phrase and act_entry_add. */
rasd_status act_layer_begin(actors_dict *d, const char *name);
act_layer *act_layer_cur(actors_dict *d);

/* Helpers. */
bool act_is_sector(const char *s, size_t n);
bool act_is_sector_code(const char *s, size_t n); /* GOV, GOVHLH, REBMUS... */
bool act_is_code(const char *s, size_t n);     /* CAMEO code: [A-Z]{3..15}, groups of 3 */
char *act_code_join(actors_dict *d, const char *country, const char *sector);
size_t act_utf8_chars(const char *s, size_t n);

#endif
