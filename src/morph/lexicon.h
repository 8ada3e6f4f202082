/* lexicon.h - building the word-frequency lexicon (training only). */
#ifndef RASD_MORPH_LEXICON_H
#define RASD_MORPH_LEXICON_H

#include "morph_int.h"

typedef struct lexent {
    uint32_t str;    /* offset of the UTF-8 word in pool */
    uint32_t count;
} lexent;

typedef struct lexb {
    uint64_t *keys;  /* ml_hash of the letters; 0 = empty */
    lexent *ent;
    size_t cap, n;
    size_t tokens;
    buf pool;
    uint16_t pend[ML_MAX + 1];
    int npend;
    unsigned char carry[4];
    size_t ncarry;
} lexb;

rasd_status lexb_init(lexb *x);
void lexb_free(lexb *x);
rasd_status lexb_add_text(lexb *x, const char *s, size_t n);
/* Add the words of a file (.zst decompressed), reading at most max_bytes. */
rasd_status lexb_read_file(lexb *x, const char *path, size_t max_bytes);
/* Serialise words seen >= min_count times as the LEXI section. */
rasd_status lexb_export(const lexb *x, uint32_t min_count, buf *out);
/* Slots of the k most frequent words (ties: first seen first); *out is
 * malloc'd (caller frees); returns how many. */
size_t lexb_top(const lexb *x, size_t k, size_t **out);

#endif
