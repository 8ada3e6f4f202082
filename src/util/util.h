/* util.h - internal building blocks shared by every stage: arenas, growable
 * byte buffers with a JSON writer, and the thread-local error message. */
#ifndef RASD_UTIL_H
#define RASD_UTIL_H

#include "rasd.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- errors: set the thread-local message and return the status. */
rasd_status err_set(rasd_status st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void err_clear(void);

/* ---- arena: many small allocations freed at once (per document). */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    size_t block_size;
} arena;

void arena_init(arena *a, size_t block_size);
/* Returns NULL when memory is exhausted; memory is 16-byte aligned. */
void *arena_alloc(arena *a, size_t n);
void *arena_calloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

/* ---- buf: growable byte buffer. `oom` latches an allocation failure so
 * writers need not check every append; check it once at the end. */
typedef struct buf {
    char *data;
    size_t len, cap;
    bool oom;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);
bool buf_reserve(buf *b, size_t extra);
void buf_put(buf *b, const void *p, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the (NUL-terminated) data to the caller and reset the buffer. */
char *buf_take(buf *b, size_t *len);

/* ---- JSON writing into a buf. Strings are escaped per RFC 8259; input is
 * assumed to be valid UTF-8 (the text stage guarantees it). */
void json_str(buf *b, const char *s, size_t n);
void json_cstr(buf *b, const char *s);       /* NULL -> null */
void json_key(buf *b, const char *key);      /* "key": (caller writes , between) */

/* ---- growable arrays: make *p (elements of es bytes, *cap of them) hold
 * at least `need` elements, doubling; false when memory runs out or the
 * size would overflow (then *p and *cap are unchanged). */
bool array_grow(void **p, size_t *cap, size_t need, size_t es);

/* ---- misc */
/* Read a whole file into a NUL-terminated malloc'd buffer. */
rasd_status file_read_all(const char *path, char **out, size_t *len, size_t max);
/* Write b to path (replacing it). Fails with RASD_ERR_NOMEM when b ran out
 * of memory while being built, RASD_ERR_IO naming path otherwise. */
rasd_status buf_save(const buf *b, const char *path);
uint64_t hash_bytes(const void *p, size_t n); /* FNV-1a 64 */

#endif
