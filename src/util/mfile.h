/* mfile.h - rasd's compact binary model/dictionary container.
 *
 * Layout (all integers little-endian):
 *   header  (48 bytes): magic "RASDMDL1", kind[4] (e.g. "SEG1"), version u32,
 *           n_sections u32, reserved u32, file_size u64, checksum u64
 *           (FNV-1a 64 of every byte after the header), pad to 48
 *   table   n_sections x {tag[4], reserved u32, offset u64, length u64}
 *   data    sections, each starting on a 16-byte boundary
 * A section "PROV" conventionally holds provenance text (what data, which
 * command, seed, date). Files are loaded with mmap and verified (size,
 * checksum) before use. */
#ifndef RASD_MFILE_H
#define RASD_MFILE_H

#include "util.h"

typedef struct mfile mfile;

/* Map and verify `path`; `kind` must match and `version` equal the file's.
 * Errors: RASD_ERR_IO (cannot open/map), RASD_ERR_FORMAT (bad magic, kind or
 * version), RASD_ERR_PARSE (truncated, bad table, checksum mismatch); the
 * message names the path. *out owned by caller (mfile_close). */
rasd_status mfile_open(const char *path, const char kind[4], uint32_t version,
                       mfile **out);
/* Section data (16-byte aligned, read-only) or NULL if absent. */
const void *mfile_section(const mfile *m, const char tag[4], size_t *len);
void mfile_close(mfile *m);

typedef struct mfile_writer mfile_writer;
rasd_status mfile_writer_new(const char kind[4], uint32_t version,
                             mfile_writer **out);
/* Copy `len` bytes as section `tag`. */
rasd_status mfile_writer_add(mfile_writer *w, const char tag[4],
                             const void *data, size_t len);
/* Write to path atomically (temp file + rename). */
rasd_status mfile_writer_save(mfile_writer *w, const char *path);
void mfile_writer_free(mfile_writer *w);

#endif
