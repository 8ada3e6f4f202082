/* kmap.h - an open-addressing hash map from (parent id, byte key) to a
 * 32-bit value: the edges of the token tries behind the actor dictionary and
 * the gazetteer (parent node + token key -> child node), and their id
 * tables. Keys are copied into an arena the caller owns. Read-only lookups
 * may run concurrently. */
#ifndef RASD_KMAP_H
#define RASD_KMAP_H

#include "util.h"

#define KMAP_NONE UINT32_MAX

typedef struct kmap_slot {
    const char *key; /* NULL: empty slot */
    uint64_t h;
    uint32_t keylen, parent, val;
} kmap_slot;

typedef struct kmap {
    kmap_slot *slots;
    size_t cap, used;
    size_t first_cap; /* capacity of the first allocation (power of two) */
} kmap;

/* The value under (parent, key[0..n)), or KMAP_NONE. */
uint32_t kmap_get(const kmap *m, uint32_t parent, const char *key, size_t n);
/* Insert a key known to be absent; the key is copied into `a`. `what`
 * names the owner in the out-of-memory message. */
rasd_status kmap_put(kmap *m, arena *a, uint32_t parent, const char *key, size_t n,
                     uint32_t val, const char *what);
void kmap_free(kmap *m);

#endif
