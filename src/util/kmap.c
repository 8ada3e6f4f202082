/* kmap.c - see kmap.h. Linear probing at load factor <= 1/2. */
#include "kmap.h"
#include <stdlib.h>
#include <string.h>

static uint64_t kmap_hash(uint32_t parent, const char *key, size_t n)
{
    uint64_t h = hash_bytes(key, n) ^ ((uint64_t)parent * 0x9E3779B97F4A7C15ull);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

uint32_t kmap_get(const kmap *m, uint32_t parent, const char *key, size_t n)
{
    if (!m->cap)
        return KMAP_NONE;
    uint64_t h = kmap_hash(parent, key, n);
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const kmap_slot *s = &m->slots[i];
        if (!s->key)
            return KMAP_NONE;
        if (s->h == h && s->parent == parent && s->keylen == n && memcmp(s->key, key, n) == 0)
            return s->val;
    }
}

static rasd_status kmap_grow(kmap *m, const char *what)
{
    size_t ncap = m->cap ? m->cap * 2 : (m->first_cap ? m->first_cap : 1024);
    kmap_slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", what);
    for (size_t i = 0; i < m->cap; i++) {
        const kmap_slot *s = &m->slots[i];
        if (!s->key)
            continue;
        size_t j = s->h & (ncap - 1);
        while (ns[j].key)
            j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return RASD_OK;
}

rasd_status kmap_put(kmap *m, arena *a, uint32_t parent, const char *key, size_t n,
                     uint32_t val, const char *what)
{
    if ((m->used + 1) * 2 > m->cap) {
        rasd_status st = kmap_grow(m, what);
        if (st != RASD_OK)
            return st;
    }
    char *k = arena_strndup(a, key, n);
    if (!k)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", what);
    uint64_t h = kmap_hash(parent, key, n);
    size_t mask = m->cap - 1, i = h & mask;
    while (m->slots[i].key)
        i = (i + 1) & mask;
    m->slots[i] = (kmap_slot){k, h, (uint32_t)n, parent, val};
    m->used++;
    return RASD_OK;
}

void kmap_free(kmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}
