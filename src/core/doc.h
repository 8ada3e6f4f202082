/* doc.h - the document object shared by every stage. All memory hangs off
 * the per-document arena, so rasd_doc_free releases everything at once. */
#ifndef RASD_DOC_H
#define RASD_DOC_H

#include "../util/util.h"

/* One line of the document text and what cleaning decided about it. */
typedef struct doc_line {
    size_t start, end;      /* byte span, excluding the line terminator */
    const char *drop;       /* NULL: kept; else the reason it was dropped */
    bool is_title;
} doc_line;

struct rasd_doc {
    arena mem;
    char *id, *title, *source, *url, *input;
    char *credit;           /* outlet named in a credit line (المصدر | ...) */
    char *text;             /* NUL-terminated; offsets refer into it */
    size_t text_len;
    rasd_date date;
    bool analyzed;
    size_t n_replaced;      /* invalid UTF-8 sequences repaired */

    doc_line *lines;        /* set by ingest_clean */
    size_t n_lines;

    rasd_token *toks;
    size_t n_toks;
    rasd_sentence *sents;
    size_t n_sents;
};

/* Loaded resources of the event coder (NULL when cfg.text_only). */
struct morph_model;
struct ner_model;
struct actors_dict;
struct lexicon;
struct geo_gazetteer;
struct detect_model;

struct rasd_ctx {
    rasd_config cfg;
    char *data_dir;
    struct morph_model *morph;
    struct ner_model *ner;
    struct actors_dict *actors;
    struct lexicon *lex;
    struct geo_gazetteer *geo;
    struct detect_model *detect;
};

/* Create a document whose text is a copy of text[0..len). `input` names the
 * input in messages ("path" or "path:line"); `id` may be NULL. */
rasd_status doc_create(const char *input, const char *id, const char *text,
                       size_t len, rasd_doc **out);

#endif
