/* ingest_int.h - internals shared by the reader (reader.c) and its format
 * back ends (jsonl.c, html.c). */
#ifndef RASD_INGEST_INT_H
#define RASD_INGEST_INT_H

#include "ingest.h"
#include <stdio.h>
#include <zstd.h>

struct rasd_reader {
    const rasd_ctx *ctx;
    rasd_format fmt;
    char *name;          /* input name in messages: the path or "<stdin>" */
    char *stem;          /* file name without directory and extensions: ids */
    size_t max;          /* max document (JSONL: line) size in bytes */

    /* byte source: memory or a stream, either possibly zstd-compressed */
    const char *mem;
    size_t mem_len;
    bool mem_given;      /* memory handed out (plain) or fed to zstd */
    FILE *f;
    bool own_f;
    ZSTD_DStream *zs;
    char *zin;           /* compressed input buffer (streams only) */
    ZSTD_inBuffer zbuf;
    size_t zlast;        /* last ZSTD_decompressStream hint: 0 = frame done */
    bool zpending;       /* the last call filled the output: more may wait */
    bool src_eof;        /* the underlying stream is exhausted */
    unsigned long long zin_total; /* compressed bytes consumed, for messages */

    /* decoded bytes: cur[pos..len) is what has not been consumed yet */
    char *chunk;
    size_t chunk_cap;
    const char *cur;
    size_t cur_len, cur_pos;
    bool eof, failed;

    /* JSONL state */
    buf line;
    size_t lineno;
    bool seen_record;
    bool done;           /* txt/html: the one document has been returned */
};

/* JSONL: turn line `lineno` (no terminator) into a document. */
rasd_status ingest_jsonl_doc(const rasd_reader *r, const char *line, size_t len,
                             size_t lineno, rasd_doc **out);

/* HTML: extract text and metadata from a whole page. */
rasd_status ingest_html_doc(const rasd_reader *r, const char *page, size_t len,
                            rasd_doc **out);

/* Is text[s..e) (one trimmed line) a dateline: mostly a full date with its
 * year, with at most a label before it and a place or time marker after?
 * Then *out is that date (origin RASD_DATE_TEXT, absolute offsets). */
bool ingest_dateline(const char *text, size_t s, size_t e, rasd_date *out);

/* Set a metadata string in the document's arena (NULL/"" = leave unset). */
rasd_status ingest_set_str(rasd_doc *doc, char **field, const char *s, size_t n);

#endif
