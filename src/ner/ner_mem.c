/* ner_mem.c - document memory: how the words of the last NER_MEM_TOKENS
 * tokens were tagged. News repeats its names ("أسيك" is an ORG in the
 * headline and in every later mention), so the tagger gets, as a feature,
 * the type a word (clitic-stripped stem) received earlier in the same
 * stream; one confident mention then helps the ambiguous ones.
 *
 * A ring buffer holds the last tokens (stem hash, type); a small hash table
 * holds per-stem counts, decremented when tokens leave the ring and rebuilt
 * from the ring when stale keys pile up, so every operation is amortised
 * O(1) and memory is bounded. */
#include "ner_int.h"
#include <stdlib.h>
#include <string.h>

#define MEM_CAP (4u * NER_MEM_TOKENS)   /* table slots; rebuilt at half full */

rasd_status ner_mem_init(ner_memory *m)
{
    memset(m, 0, sizeof *m);
    m->ring_key = malloc(NER_MEM_TOKENS * sizeof *m->ring_key);
    m->ring_type = malloc(NER_MEM_TOKENS);
    m->key = calloc(MEM_CAP, sizeof *m->key);
    m->cnt = calloc(MEM_CAP, sizeof *m->cnt);
    if (!m->ring_key || !m->ring_type || !m->key || !m->cnt) {
        ner_mem_free(m);
        return err_set(RASD_ERR_NOMEM, "out of memory (NER memory)");
    }
    return RASD_OK;
}

void ner_mem_free(ner_memory *m)
{
    free(m->ring_key), free(m->ring_type), free(m->key), free(m->cnt);
    memset(m, 0, sizeof *m);
}

void ner_mem_reset(ner_memory *m)
{
    if (!m->key)
        return;
    memset(m->key, 0, MEM_CAP * sizeof *m->key);
    memset(m->cnt, 0, MEM_CAP * sizeof *m->cnt);
    m->head = m->len = m->used = 0;
}

static uint32_t mem_slot(const ner_memory *m, uint64_t key)
{
    uint32_t i = (uint32_t)key & (MEM_CAP - 1);
    while (m->key[i] && m->key[i] != key)
        i = (i + 1) & (MEM_CAP - 1);
    return i;
}

uint8_t ner_mem_class(const ner_memory *m, uint64_t key)
{
    if (!m || !m->key || !key)
        return 0;
    uint32_t i = mem_slot(m, key);
    if (!m->key[i])
        return 0;
    const uint16_t *c = m->cnt[i];
    unsigned total = 0, best = NER_PERS;
    for (int t = 0; t < NER_NTYPES; t++)
        total += c[t];
    for (int t = NER_PERS; t < NER_NTYPES; t++)
        if (c[t] > c[best])
            best = (unsigned)t;
    if (!total)
        return 0;
    if (!c[best])
        return total >= 3 ? 10 : 9;          /* seen, never in an entity */
    int strong = 2 * c[best] >= total;       /* the type of most mentions */
    return (uint8_t)(1 + (best - 1) * 2 + !strong);
}

/* Rebuild the table from the ring (drops keys whose counts fell to 0). */
static void mem_rebuild(ner_memory *m)
{
    memset(m->key, 0, MEM_CAP * sizeof *m->key);
    memset(m->cnt, 0, MEM_CAP * sizeof *m->cnt);
    m->used = 0;
    for (size_t k = 0; k < m->len; k++) {
        size_t r = (m->head + NER_MEM_TOKENS - m->len + k) % NER_MEM_TOKENS;
        uint32_t i = mem_slot(m, m->ring_key[r]);
        if (!m->key[i]) {
            m->key[i] = m->ring_key[r];
            m->used++;
        }
        m->cnt[i][m->ring_type[r]]++;
    }
}

static void mem_push(ner_memory *m, uint64_t key, uint8_t type)
{
    if (m->len == NER_MEM_TOKENS) {   /* forget the oldest token */
        size_t r = (m->head + NER_MEM_TOKENS - m->len) % NER_MEM_TOKENS;
        uint32_t i = mem_slot(m, m->ring_key[r]);
        if (m->key[i] && m->cnt[i][m->ring_type[r]])
            m->cnt[i][m->ring_type[r]]--;
        m->len--;
    }
    m->ring_key[m->head] = key;
    m->ring_type[m->head] = type;
    m->head = (m->head + 1) % NER_MEM_TOKENS;
    m->len++;
    uint32_t i = mem_slot(m, key);
    if (!m->key[i]) {
        m->key[i] = key;
        m->used++;
    }
    if (m->cnt[i][type] < UINT16_MAX)
        m->cnt[i][type]++;
    if (m->used * 2 > MEM_CAP)
        mem_rebuild(m);
}

void ner_mem_add(ner_memory *m, const ner_tok *t, const uint8_t *tags, size_t n)
{
    if (!m || !m->key)
        return;
    for (size_t i = 0; i < n; i++)
        if (t[i].stem && (t[i].shape & 1))   /* Arabic words only */
            mem_push(m, t[i].stem, (uint8_t)ner_tag_type(tags[i]));
}
