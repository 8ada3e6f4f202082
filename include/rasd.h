/*
 * rasd.h - the one public header of librasd.
 *
 * rasd reads Arabic news and turns it into political event data. The library
 * is organised as a pipeline of stages (text -> ingest -> morph -> ner ->
 * actors -> events -> time/geo -> store); this header exposes each stage that
 * a user may want on its own, plus the whole pipeline.
 *
 * Conventions
 *   - Every fallible call returns a rasd_status; results come back through
 *     out-parameters. On failure rasd_errmsg() returns a message that names
 *     the input and position where that applies. The message is per thread
 *     and stays valid until the next failing rasd_ call in the same thread.
 *   - Objects are opaque handles created by rasd_X_new/open and released by
 *     the matching rasd_X_free. A free function accepts NULL.
 *   - Strings returned as `const char *` are owned by the handle they came
 *     from and live as long as it does. Buffers returned through `char **`
 *     are owned by the caller and released with rasd_free().
 *   - Byte offsets always refer to the document text (rasd_doc_text()), which
 *     for a plain-text file is the file content byte for byte.
 *   - The library never exits, aborts or prints.
 */
#ifndef RASD_H
#define RASD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RASD_VERSION_MAJOR 0
#define RASD_VERSION_MINOR 1
#define RASD_VERSION_PATCH 0
#define RASD_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------ status */

typedef enum rasd_status {
    RASD_OK = 0,
    RASD_DONE,          /* a reader has no more documents (not an error) */
    RASD_ERR_NOMEM,     /* allocation failed */
    RASD_ERR_IO,        /* a file could not be opened or read */
    RASD_ERR_ARG,       /* invalid argument (NULL handle, bad option) */
    RASD_ERR_UTF8,      /* invalid UTF-8 in strict mode */
    RASD_ERR_BINARY,    /* input looks binary (NUL bytes, control junk) */
    RASD_ERR_EMPTY,     /* input has no text */
    RASD_ERR_PARSE,     /* malformed JSON / HTML / dictionary / model */
    RASD_ERR_LIMIT,     /* input exceeds a configured limit */
    RASD_ERR_FORMAT,    /* unknown or unsupported format / version */
    RASD_ERR_NOTFOUND   /* requested item does not exist */
} rasd_status;

/* Short English name of a status ("ok", "invalid UTF-8", ...). Never NULL. */
const char *rasd_status_str(rasd_status st);

/* Detail of the last failure in the calling thread (never NULL; "" if none). */
const char *rasd_errmsg(void);

/* Release a buffer that a rasd_ call returned through a `char **`. */
void rasd_free(void *p);

const char *rasd_version(void);

/* ---------------------------------------------------------- UTF-8 / text */

/* Validate UTF-8 strictly (no overlongs, surrogates or code points above
 * U+10FFFF). Returns RASD_OK, or RASD_ERR_UTF8 with *bad_offset set to the
 * byte offset of the first invalid sequence (bad_offset may be NULL). */
rasd_status rasd_utf8_check(const char *s, size_t len, size_t *bad_offset);

/* Copy `s` into a new buffer where every invalid sequence is replaced by
 * U+FFFD (maximal-subpart rule). *out is NUL-terminated, owned by the caller
 * (rasd_free); *n_replaced (may be NULL) counts replacements. */
rasd_status rasd_utf8_repair(const char *s, size_t len, char **out,
                             size_t *out_len, size_t *n_replaced);

/* Normalisation flags: what rasd folds when it builds matching keys. The
 * original text is never changed; only derived keys are. */
enum {
    RASD_NORM_DIACRITICS = 1u << 0, /* drop tashkeel (U+064B-065F, U+0670, Quranic marks) */
    RASD_NORM_TATWEEL    = 1u << 1, /* drop kashida U+0640 */
    RASD_NORM_ALEF       = 1u << 2, /* أ إ آ ٱ ٲ ٳ -> ا */
    RASD_NORM_YEH        = 1u << 3, /* ى -> ي (alef maqsura) */
    RASD_NORM_TEH        = 1u << 4, /* ة -> ه (teh marbuta) */
    RASD_NORM_DIGITS     = 1u << 5, /* Arabic-Indic and Persian digits -> ASCII */
    RASD_NORM_PUNCT      = 1u << 6, /* ، ؛ ؟ and quote marks -> , ; ? " */
    RASD_NORM_IGNORABLE  = 1u << 7, /* drop ZWJ/ZWNJ, LRM/RLM, ALM, BOM, bidi controls */
    RASD_NORM_CASE       = 1u << 8, /* lower-case Latin letters */
    RASD_NORM_LETTERS    = 1u << 9  /* Persian/Urdu letter forms -> Arabic (ک ی ە ...) */
};
#define RASD_NORM_DEFAULT                                                     \
    (RASD_NORM_DIACRITICS | RASD_NORM_TATWEEL | RASD_NORM_ALEF |              \
     RASD_NORM_DIGITS | RASD_NORM_PUNCT | RASD_NORM_IGNORABLE |               \
     RASD_NORM_CASE | RASD_NORM_LETTERS)
#define RASD_NORM_ALL (RASD_NORM_DEFAULT | RASD_NORM_YEH | RASD_NORM_TEH)

/* Normalise valid UTF-8 `s` under `flags`. *out (NUL-terminated) is owned by
 * the caller. If `offsets` is not NULL, *offsets receives an array of
 * (*out_len + 1) entries, owned by the caller, mapping each output byte to
 * the input byte it came from (the last entry is `len`). Fails with
 * RASD_ERR_UTF8 on invalid input. */
rasd_status rasd_normalize(const char *s, size_t len, unsigned flags,
                           char **out, size_t *out_len, size_t **offsets);

typedef enum rasd_token_kind {
    RASD_TOK_ARABIC = 1, /* Arabic-script word (may contain diacritics) */
    RASD_TOK_LATIN,      /* Latin-script word, possibly with digits (S-400, F-35) */
    RASD_TOK_NUMBER,     /* number in any digit set: 2024, 1,500, 2024.07.03, 07:23, 3.5 */
    RASD_TOK_PUNCT,      /* punctuation, one mark per token */
    RASD_TOK_SYMBOL,     /* symbols, emoji, currency signs */
    RASD_TOK_OTHER       /* other scripts, U+FFFD, unclassifiable */
} rasd_token_kind;

const char *rasd_token_kind_str(rasd_token_kind k);

typedef struct rasd_token {
    size_t start, end;     /* byte span in the text */
    const char *norm;      /* normalised form, NUL-terminated */
    size_t norm_len;
    rasd_token_kind kind;
    unsigned flags;        /* RASD_TOKF_* */
} rasd_token;

enum {
    RASD_TOKF_QUOTE_OPEN  = 1u << 0, /* punctuation that opens a quotation */
    RASD_TOKF_QUOTE_CLOSE = 1u << 1, /* punctuation that closes one */
    RASD_TOKF_SENT_END    = 1u << 2, /* sentence-final punctuation */
    RASD_TOKF_TRUNCATED   = 1u << 3, /* over-long token cut at RASD_MAX_TOKEN_BYTES */
    RASD_TOKF_ABBREV      = 1u << 4  /* word followed by an abbreviation dot */
};

#define RASD_MAX_TOKEN_BYTES 256
#define RASD_MAX_SENT_TOKENS 400

typedef struct rasd_sentence {
    size_t start, end;             /* byte span in the text */
    size_t tok_begin, tok_end;     /* token index range [begin, end) */
} rasd_sentence;

/* ----------------------------------------------------------- context */

typedef struct rasd_ctx rasd_ctx;

typedef struct rasd_config {
    const char *data_dir;     /* dictionaries and models; NULL: built-in default */
    unsigned norm_flags;      /* 0: RASD_NORM_DEFAULT */
    size_t max_doc_bytes;     /* 0: 64 MiB; larger documents are rejected */
    int replace_invalid;      /* 1: repair invalid UTF-8 with U+FFFD instead of rejecting */
    int keep_furniture;       /* 1: do not drop page furniture lines */
    int text_only;            /* 1: load no models or dictionaries (reading,
                                 cleaning and segmenting only; rasd_code_json
                                 then fails with RASD_ERR_ARG) */
    /* Extra actor dictionary layers, loaded after data/actors in this order:
     * "FILE.actors" (rasd format), "FILE.txt" (rasd agents format),
     * "petrarch:FILE" (PETRARCH/TABARI actors), "petrarch-agents:FILE".
     * Earlier layers keep their readings of a name. */
    const char *const *extra_dicts;
    size_t n_extra_dicts;
    int explain;              /* 1: rasd_code_json also writes, before each
                                 analysed sentence's events, one line
                                 {"explain": {...}} with its actor mentions
                                 and triggers (a debugging view) */
    int keep_all;             /* 1: also keep the candidate events that the
                                 event classifier (data/models/events.bin)
                                 scores below its threshold: more recall,
                                 less precision; their confidence is below
                                 the threshold */
} rasd_config;

/* Fill `cfg` with defaults. */
void rasd_config_init(rasd_config *cfg);

/* Create a context: configuration plus every loaded resource. A context is
 * read-only after creation and may be shared by threads. `cfg` may be NULL.
 * *out is owned by the caller (rasd_ctx_free). */
rasd_status rasd_ctx_new(const rasd_config *cfg, rasd_ctx **out);
void rasd_ctx_free(rasd_ctx *ctx);

/* ----------------------------------------------------------- documents */

typedef struct rasd_doc rasd_doc;

typedef enum rasd_format {
    RASD_FMT_AUTO = 0, /* by extension, then by content */
    RASD_FMT_TXT,      /* one article per file */
    RASD_FMT_JSONL,    /* one article per line: {"text": ..., "id", "date", ...} */
    RASD_FMT_HTML      /* one article per file */
} rasd_format;

/* Parse "auto", "txt", "jsonl", "html". Returns RASD_ERR_ARG otherwise. */
rasd_status rasd_format_parse(const char *name, rasd_format *out);
const char *rasd_format_str(rasd_format f);

typedef enum rasd_precision {
    RASD_PREC_NONE = 0, /* unknown */
    RASD_PREC_YEAR,
    RASD_PREC_MONTH,
    RASD_PREC_DAY,
    RASD_PREC_MINUTE
} rasd_precision;

typedef enum rasd_date_origin {
    RASD_DATE_UNKNOWN = 0,
    RASD_DATE_METADATA,  /* from the input's own date field */
    RASD_DATE_TEXT,      /* found in the document text (dateline) */
    RASD_DATE_SENTENCE,  /* stated in the event sentence */
    RASD_DATE_RELATIVE,  /* resolved from a relative expression */
    RASD_DATE_DOCUMENT   /* inherited from the publication date */
} rasd_date_origin;

/* A calendar date with explicit precision. year == 0 means the year is not
 * known even when month/day are (e.g. "8 نيسان" in an undated report). */
typedef struct rasd_date {
    int year, month, day, hour, minute;
    rasd_precision precision;
    rasd_date_origin origin;
    size_t start, end;   /* byte span of the expression in the text, if any */
} rasd_date;

const char *rasd_precision_str(rasd_precision p);
const char *rasd_date_origin_str(rasd_date_origin o);

/* Format `d` as ISO 8601 at its precision ("2021-02-03", "2021-02", "2021",
 * "--04-08" when only month and day are known). Writes at most `cap` bytes
 * including NUL; returns the length, 0 when the date is unknown. */
size_t rasd_date_format(const rasd_date *d, char *buf, size_t cap);

/* Parse an absolute date expression at the very start of s[0..len):
 * "الأربعاء 3 فبراير 2021 07:50 ص", "2024.07.03", "8 من نيسان", "٣/٢/٢٠٢١" ...
 * RASD_OK with *out filled (start/end relative to s) and *consumed set;
 * RASD_ERR_NOTFOUND when no date starts there. */
rasd_status rasd_date_parse(const char *s, size_t len, rasd_date *out,
                            size_t *consumed);

/* Accessors. Strings are owned by the document; NULL when absent. */
const char *rasd_doc_id(const rasd_doc *doc);
const char *rasd_doc_title(const rasd_doc *doc);
const char *rasd_doc_source(const rasd_doc *doc);   /* outlet (metadata or credit line) */
const char *rasd_doc_url(const rasd_doc *doc);
const char *rasd_doc_input(const rasd_doc *doc);    /* "path" or "path:line" */
const char *rasd_doc_text(const rasd_doc *doc, size_t *len);
rasd_date   rasd_doc_date(const rasd_doc *doc);
size_t      rasd_doc_sentence_count(const rasd_doc *doc);
size_t      rasd_doc_token_count(const rasd_doc *doc);
/* Pointers stay valid while the document lives. */
const rasd_sentence *rasd_doc_sentences(const rasd_doc *doc);
const rasd_token    *rasd_doc_tokens(const rasd_doc *doc);

/* Lines of the text and the cleaning decision for each (after analysis):
 * byte span without terminator, *dropped = reason or NULL when kept,
 * *is_title nonzero for the detected headline. RASD_ERR_ARG if i is out of
 * range. Any out-parameter may be NULL. */
size_t rasd_doc_line_count(const rasd_doc *doc);
rasd_status rasd_doc_line(const rasd_doc *doc, size_t i, size_t *start,
                          size_t *end, const char **dropped, int *is_title);

/* Build a document from memory. `text` is copied. `id` may be NULL (then
 * "doc"). Metadata may be set afterwards with rasd_doc_set_meta. The
 * document is not analysed until rasd_doc_analyze. */
rasd_status rasd_doc_new(const char *id, const char *text, size_t len,
                         rasd_doc **out);

typedef enum rasd_meta {
    RASD_META_ID, RASD_META_TITLE, RASD_META_SOURCE, RASD_META_URL,
    RASD_META_DATE /* ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD[Thh:mm[:ss][Z]] */
} rasd_meta;

/* Set one metadata field (copied). RASD_ERR_PARSE for an unreadable date. */
rasd_status rasd_doc_set_meta(rasd_doc *doc, rasd_meta field, const char *value);

/* Clean and segment: UTF-8 check, page-furniture removal, title and date
 * detection, sentence splitting, tokenising and normalisation. Idempotent.
 * Fails with RASD_ERR_UTF8 / RASD_ERR_BINARY / RASD_ERR_EMPTY /
 * RASD_ERR_LIMIT; the message names the document and byte offset. */
rasd_status rasd_doc_analyze(const rasd_ctx *ctx, rasd_doc *doc);

/* Write the document as one JSON object (the `rasd doc` view) into a new
 * buffer owned by the caller. */
rasd_status rasd_doc_to_json(const rasd_doc *doc, char **out, size_t *out_len);

void rasd_doc_free(rasd_doc *doc);

/* ----------------------------------------------------------- readers */

typedef struct rasd_reader rasd_reader;

/* Open a reader over a file (path "-" = stdin). `.zst` files are
 * decompressed on the fly. *out is owned by the caller (rasd_reader_free). */
rasd_status rasd_reader_open(const rasd_ctx *ctx, const char *path,
                             rasd_format fmt, rasd_reader **out);

/* Open a reader over memory; `name` names the input in messages. The buffer
 * must outlive the reader. */
rasd_status rasd_reader_open_mem(const rasd_ctx *ctx, const char *name,
                                 const char *buf, size_t len, rasd_format fmt,
                                 rasd_reader **out);

/* Next document. RASD_OK: *doc is a new document owned by the caller.
 * RASD_DONE: no more. Any error: that document (or line) was rejected,
 * rasd_errmsg() says where and why, and the reader can go on with the next
 * call; only RASD_ERR_IO on the underlying stream ends it. */
rasd_status rasd_reader_next(rasd_reader *r, rasd_doc **doc);

/* The format actually in use (after auto-detection). */
rasd_format rasd_reader_format(const rasd_reader *r);
void rasd_reader_free(rasd_reader *r);

/* ----------------------------------------------------------- events */

/* Code the events of an analysed document and append them to *out as JSON
 * Lines (one object per event, schema in README.md). *out is a buffer the
 * caller owns (may start NULL); *out_len is its length, updated. *n_events
 * (may be NULL) receives how many events were written. */
rasd_status rasd_code_json(const rasd_ctx *ctx, rasd_doc *doc, char **out,
                           size_t *out_len, size_t *n_events);

#ifdef __cplusplus
}
#endif
#endif /* RASD_H */
