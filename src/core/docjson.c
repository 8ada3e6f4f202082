/* docjson.c - the `rasd doc` view: a document as one JSON object with its
 * metadata, where each piece came from, dropped page furniture and the
 * cleaned sentences with byte offsets. */
#include "doc.h"
#include <string.h>

/* The calendar date is the value; a known time of day goes in its own field
 * so that consumers comparing dates need not parse times. */
static void docjson_date(buf *b, const rasd_date *d)
{
    rasd_date day = *d;
    if (day.precision == RASD_PREC_MINUTE)
        day.precision = RASD_PREC_DAY;
    char iso[32];
    size_t n = rasd_date_format(&day, iso, sizeof iso);
    buf_puts(b, "{\"value\":");
    if (n)
        json_str(b, iso, n);
    else
        buf_puts(b, "null");
    if (d->precision == RASD_PREC_MINUTE)
        buf_printf(b, ",\"time\":\"%02d:%02d\"", d->hour, d->minute);
    buf_printf(b, ",\"precision\":\"%s\",\"origin\":\"%s\"",
               rasd_precision_str(d->precision), rasd_date_origin_str(d->origin));
    if (d->origin == RASD_DATE_TEXT)
        buf_printf(b, ",\"start\":%zu,\"end\":%zu", d->start, d->end);
    buf_putc(b, '}');
}

/* The outlet, and whether it came from metadata or from a credit line. */
static void docjson_source(buf *b, const rasd_doc *doc)
{
    buf_puts(b, ",\"source\":");
    json_cstr(b, rasd_doc_source(doc));
    buf_puts(b, ",\"source_origin\":");
    buf_puts(b, doc->source ? "\"metadata\"" : doc->credit ? "\"credit\"" : "null");
}

static void docjson_lines(buf *b, const rasd_doc *doc)
{
    buf_puts(b, ",\"furniture\":[");
    bool first = true;
    for (size_t i = 0; i < doc->n_lines; i++) {
        const doc_line *ln = &doc->lines[i];
        if (!ln->drop)
            continue;
        buf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"reason\":", first ? "" : ",",
                   ln->start, ln->end);
        json_cstr(b, ln->drop);
        buf_puts(b, ",\"text\":");
        json_str(b, doc->text + ln->start, ln->end - ln->start);
        buf_putc(b, '}');
        first = false;
    }
    buf_putc(b, ']');
}

static void docjson_sentences(buf *b, const rasd_doc *doc)
{
    buf_puts(b, ",\"sentences\":[");
    for (size_t i = 0; i < doc->n_sents; i++) {
        const rasd_sentence *s = &doc->sents[i];
        buf_printf(b, "%s{\"start\":%zu,\"end\":%zu,\"tokens\":%zu,\"text\":",
                   i ? "," : "", s->start, s->end, s->tok_end - s->tok_begin);
        json_str(b, doc->text + s->start, s->end - s->start);
        buf_putc(b, '}');
    }
    buf_putc(b, ']');
}

rasd_status rasd_doc_to_json(const rasd_doc *doc, char **out, size_t *out_len)
{
    if (!doc || !out)
        return err_set(RASD_ERR_ARG, "rasd_doc_to_json: NULL argument");
    buf b;
    buf_init(&b);
    buf_puts(&b, "{\"id\":");
    json_cstr(&b, doc->id);
    buf_puts(&b, ",\"input\":");
    json_cstr(&b, doc->input);
    buf_puts(&b, ",\"title\":");
    json_cstr(&b, doc->title);
    docjson_source(&b, doc);
    buf_puts(&b, ",\"url\":");
    json_cstr(&b, doc->url);
    buf_puts(&b, ",\"date\":");
    docjson_date(&b, &doc->date);
    buf_printf(&b, ",\"bytes\":%zu,\"replaced_invalid\":%zu", doc->text_len,
               doc->n_replaced);
    docjson_lines(&b, doc);
    docjson_sentences(&b, doc);
    buf_putc(&b, '}');
    *out = buf_take(&b, out_len);
    return *out ? RASD_OK : err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
}
