/* emit.c - one event as one JSON object (schema in README.md). */
#include "events/code_int.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static void emit_actor(buf *b, const coder_sent *cs, const mention *m)
{
    if (!m) {
        buf_puts(b, "null");
        return;
    }
    buf_puts(b, "{\"text\":");
    json_str(b, cs->doc_text + m->start, m->end - m->start);
    buf_puts(b, ",\"code\":");
    json_cstr(b, m->code[0] ? m->code : NULL);
    buf_puts(b, ",\"country\":");
    json_cstr(b, m->country[0] ? m->country : NULL);
    buf_puts(b, ",\"sector\":");
    json_cstr(b, m->sector[0] ? m->sector : NULL);
    buf_puts(b, ",\"name\":");
    json_cstr(b, m->name);
    buf_printf(b, ",\"resolved\":%s}", m->resolved ? "true" : "false");
}

/* Confidence from what the coder found; the weights are calibrated on the
 * development split (tools/calibrate notes in src/events/README.md). */
static double emit_confidence(const lex_hit *h, const ev_args *a)
{
    double z = -0.4;
    z += a->src ? 0.9 : 0;
    z += a->tgt ? 0.7 : 0;
    z += (a->src && a->src->named) ? 0.3 : 0;
    z += h->n_trig > 1 ? 0.6 : 0;
    z -= a->negated ? 0.5 : 0;
    z -= strcmp(a->modality, "asserted") ? 0.3 : 0;
    z -= (h->e->opts & LEXO_CUE) ? 0.5 : 0;
    return 1.0 / (1.0 + exp(-z));
}

static void emit_place(buf *b, const coder_sent *cs, const ev_args *a)
{
    if (!a->has_place) {
        buf_puts(b, "null");
        return;
    }
    const geo_match *g = &a->place;
    const geo_place *p = g->place;
    const rasd_token *f = &cs->toks[g->name_tok], *l = &cs->toks[g->name_tok + g->name_ntok - 1];
    buf_puts(b, "{\"text\":");
    json_str(b, cs->doc_text + f->start, l->end - f->start);
    buf_puts(b, ",\"id\":");
    json_cstr(b, p->id);
    buf_puts(b, ",\"name\":");
    json_cstr(b, p->en);
    buf_puts(b, ",\"country\":");
    json_cstr(b, p->country[0] ? p->country : NULL);
    buf_printf(b, ",\"type\":\"%s\",\"lat\":%.4f,\"lon\":%.4f}", geo_type_str(p->type),
               p->lat, p->lon);
}

static void emit_trigger(buf *b, const coder_sent *cs, const lex_hit *h)
{
    buf t;
    buf_init(&t);
    for (size_t k = 0; k < h->n_trig; k++) {
        const rasd_token *tk = &cs->toks[h->trig[k]];
        if (k)
            buf_putc(&t, ' ');
        buf_put(&t, cs->doc_text + tk->start, tk->end - tk->start);
    }
    json_str(b, t.data ? t.data : "", t.len);
    buf_free(&t);
}

void ev_emit(const rasd_ctx *ctx, const coder_sent *cs, const lex_hit *h,
             const ev_args *a, size_t sent_index, double conf, ev_out *out)
{
    buf *b = &out->b;
    const lex_entry *e = h->e;
    buf_puts(b, "{\"doc_id\":");
    json_cstr(b, out->doc->id);
    /* doc_id#sentence.token: stable across runs and -j settings */
    char id[64];
    snprintf(id, sizeof id, "#%zu.%zu", sent_index, h->trig[0]);
    buf_puts(b, ",\"event_id\":");
    size_t idl = strlen(out->doc->id);
    buf tmp;
    buf_init(&tmp);
    buf_put(&tmp, out->doc->id, idl);
    buf_puts(&tmp, id);
    json_str(b, tmp.data, tmp.len);
    buf_free(&tmp);
    buf_printf(b, ",\"category\":\"%s\",\"mode\":", plover_name(e->cat));
    json_cstr(b, e->mode);
    buf_printf(b, ",\"cameo\":\"%s\",\"quad_code\":%d,\"intensity\":%.1f", e->cameo,
               plover_quad(e->cat), plover_intensity(e->cat, e->mode));
    buf_puts(b, ",\"source\":");
    emit_actor(b, cs, a->src);
    buf_puts(b, ",\"target\":");
    emit_actor(b, cs, a->tgt);
    char iso[32];
    size_t dl = rasd_date_format(&a->date, iso, sizeof iso);
    buf_puts(b, ",\"date\":");
    if (dl)
        json_str(b, iso, dl);
    else
        buf_puts(b, "null");
    buf_printf(b, ",\"date_precision\":\"%s\",\"date_origin\":\"%s\"",
               rasd_precision_str(a->date.precision), rasd_date_origin_str(a->date.origin));
    buf_puts(b, ",\"location\":");
    emit_place(b, cs, a);
    buf_printf(b, ",\"negated\":%s,\"modality\":\"%s\",\"reported_by\":",
               a->negated ? "true" : "false", a->modality);
    emit_actor(b, cs, a->speaker);
    buf_printf(b, ",\"confidence\":%.2f,\"sentence\":%zu,\"evidence\":{\"text\":",
               conf >= 0 ? conf : emit_confidence(h, a), sent_index);
    json_str(b, cs->doc_text + cs->s->start, cs->s->end - cs->s->start);
    buf_puts(b, ",\"trigger\":");
    emit_trigger(b, cs, h);
    buf_printf(b, ",\"pattern\":");
    json_cstr(b, e->pattern);
    buf_printf(b, ",\"start\":%zu,\"end\":%zu}}\n", cs->s->start, cs->s->end);
    out->n++;
}

/* The debugging view of one sentence: mentions with their codes and the
 * triggers with their patterns. */
void ev_explain(const coder_sent *cs, size_t sent_index, const lex_hit *hits, size_t nh,
                ev_out *out)
{
    buf *b = &out->b;
    buf_puts(b, "{\"explain\":{\"doc_id\":");
    json_cstr(b, out->doc->id);
    buf_printf(b, ",\"sentence\":%zu,\"text\":", sent_index);
    json_str(b, cs->doc_text + cs->s->start, cs->s->end - cs->s->start);
    buf_puts(b, ",\"mentions\":[");
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        if (k)
            buf_putc(b, ',');
        emit_actor(b, cs, m);
        b->len--; /* reopen the object to add the mention's flags */
        buf_printf(b, ",\"prep\":");
        json_cstr(b, m->prep);
        buf_printf(b, ",\"flags\":\"%s%s%s%s%s%s\"}", m->person ? "person " : "",
                   m->agent ? "agent " : "", m->adj ? "adj " : "", m->conj ? "conj " : "",
                   m->pair ? "pair " : "", m->counterpart ? "counterpart" : "");
    }
    buf_puts(b, "],\"triggers\":[");
    for (size_t k = 0; k < nh; k++) {
        if (k)
            buf_putc(b, ',');
        buf_printf(b, "{\"category\":\"%s\",\"cameo\":\"%s\",\"pattern\":",
                   plover_name(hits[k].e->cat), hits[k].e->cameo);
        json_cstr(b, hits[k].e->pattern);
        buf_puts(b, ",\"words\":");
        emit_trigger(b, cs, &hits[k]);
        buf_printf(b, ",\"speech\":%s}", (hits[k].e->opts & LEXO_SPEECH) ? "true" : "false");
    }
    buf_puts(b, "]}}\n");
}
