/* store_export.c - events in the formats analysts load elsewhere: PLOVER
 * JSON records (PLOVER manual, "Data Fields"), GDELT 2.0 event-table rows
 * (61 tab-separated columns), CSV with a header, and a terminal table. */
#include "store_int.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ PLOVER */

/* PLOVER splits a CAMEO-style code into a 3-letter top-level entity
 * (country, or IGO/...) and a sector. */
static void plover_entity(buf *b, const store_side *sd)
{
    char top[4] = "";
    const char *sector = sd->sector;
    if (sd->country)
        snprintf(top, sizeof top, "%s", sd->country);
    else if (sd->code && strlen(sd->code) > 3)
        snprintf(top, sizeof top, "%.3s", sd->code);
    if (!sector && sd->code && top[0] && !strncmp(sd->code, top, 3) && sd->code[3])
        sector = sd->code + 3;
    else if (!sector && sd->code && !top[0])
        sector = sd->code;
    buf_puts(b, "[{");
    store_json_opt_str(b, "code", top[0] ? top : NULL, false);
    store_json_opt_str(b, "sector", sector, true);
    store_json_opt_str(b, "entity_text", sd->text, true);
    store_json_opt_str(b, "identifier_text", sd->name, true);
    store_json_opt_str(b, "actor_code", sd->code, true);
    buf_puts(b, "}]");
}

static rasd_status plover_triggers(store *s, int64_t ev, buf *b)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT DISTINCT trigger FROM mentions WHERE"
                                " event = ?1 AND trigger IS NOT NULL LIMIT 20",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return store_sqlerr(s, rc, "reading triggers");
    sqlite3_bind_int64(st, 1, ev);
    buf_puts(b, ",\"event_text\":[");
    int n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++)
            buf_putc(b, ',');
        json_cstr(b, store_col_str(st, 0));
    }
    buf_putc(b, ']');
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RASD_OK : store_sqlerr(s, rc, "reading triggers");
}

static void plover_dates(buf *b, const store_event *ev)
{
    char lo[16], hi[16];
    if (!ev->date_known) {
        buf_puts(b, ",\"date\":null");
        return;
    }
    store_day_str(ev->date_lo, lo);
    store_day_str(ev->date_hi, hi);
    buf_printf(b, ",\"date\":\"%s\"", lo);
    if (ev->date_hi != ev->date_lo) /* month/year precision: the whole span */
        buf_printf(b, ",\"enddate\":\"%s\"", hi);
}

static const char *const plover_place_names[3] = {"extracted_place", "resolved_place",
                                                  "country_code"};

rasd_status store_event_plover(store *s, const store_event *ev, buf *b)
{
    buf_printf(b, "{\"id\":\"rasd-%lld\"", (long long)ev->id);
    plover_dates(b, ev);
    buf_puts(b, ",\"actor\":");
    if (ev->has_source)
        plover_entity(b, &ev->source);
    else
        buf_puts(b, "[]");
    buf_puts(b, ",\"recipient\":");
    if (ev->has_target)
        plover_entity(b, &ev->target);
    else
        buf_puts(b, "[]");
    buf_puts(b, ",\"event\":[");
    json_cstr(b, ev->category);
    buf_puts(b, "],\"mode\":[");
    if (ev->mode)
        json_cstr(b, ev->mode);
    buf_putc(b, ']');
    store_json_place(b, "event_loc", ev, plover_place_names);
    rasd_status r = plover_triggers(s, ev->id, b);
    buf_printf(b, ",\"quad_code\":%d,\"event_scale\":", ev->quad);
    store_json_num(b, ev->intensity);
    buf_printf(b, ",\"text_info\":{\"sequence\":%d,\"start\":%lld,\"end\":%lld}",
               ev->sentence, (long long)ev->sent_start, (long long)ev->sent_end);
    buf_puts(b, ",\"cite_info\":{\"corpus\":\"rasd\"");
    store_json_opt_str(b, "citation", ev->doc_id, true);
    store_json_opt_str(b, "url", ev->url, true);
    store_json_opt_str(b, "title", ev->title, true);
    store_json_opt_str(b, "publication", ev->outlet, true);
    buf_puts(b, ",\"language\":\"ar\",\"coder\":\"rasd " RASD_VERSION_STRING
             "\",\"codebook\":\"PLOVER (rasd categories)\"}");
    buf_puts(b, ",\"coder\":\"rasd " RASD_VERSION_STRING "\"");
    store_json_opt_str(b, "coded_date", ev->added, true);
    buf_puts(b, ",\"has_event\":true");
    store_json_opt_str(b, "cameo", ev->cameo, true);
    buf_printf(b, ",\"negated\":%s", ev->negated ? "true" : "false");
    store_json_opt_str(b, "modality", ev->modality, true);
    buf_printf(b, ",\"num_mentions\":%d,\"num_sources\":%d,\"num_documents\":%d,"
               "\"confidence\":", ev->num_mentions, ev->num_sources, ev->num_documents);
    store_json_num(b, ev->confidence);
    buf_putc(b, '}');
    return r;
}

/* ------------------------------------------------------------ GDELT */

/* A field with the column separators of the format replaced. */
static void tsv_field(buf *b, const char *v)
{
    for (; v && *v; v++)
        buf_putc(b, *v == '\t' || *v == '\n' || *v == '\r' ? ' ' : *v);
}

static void gdelt_actor(buf *b, const store_side *sd, bool present)
{
    char name[256] = "";
    if (present && sd->name) { /* GDELT writes actor names in capitals */
        size_t i = 0;
        for (; sd->name[i] && i < sizeof name - 1; i++)
            name[i] = (char)toupper((unsigned char)sd->name[i]);
        name[i] = '\0';
    }
    tsv_field(b, present ? sd->code : NULL);
    buf_putc(b, '\t');
    tsv_field(b, present ? (name[0] ? name : sd->text) : NULL);
    buf_putc(b, '\t');
    tsv_field(b, present ? sd->country : NULL);
    buf_puts(b, "\t\t\t\t\t"); /* ends country; known group, ethnic, religion 1-2 */
    tsv_field(b, present ? sd->sector : NULL);
    buf_puts(b, "\t\t\t"); /* type 2-3, then the next column */
}

static void gdelt_date(buf *b, const store_event *ev)
{
    if (!ev->date_known) {
        buf_puts(b, "\t\t\t\t");
        return;
    }
    int y, m, d;
    store_civil_from_days(ev->date_lo, &y, &m, &d);
    int64_t doy = ev->date_lo - store_days_from_civil(y, 1, 1);
    buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m, d, y, m, y,
               y + (double)doy / 365.0);
}

static void gdelt_action_geo(buf *b, const store_event *ev)
{
    if (!ev->has_place) {
        buf_puts(b, "\t\t\t\t\t\t\t\t");
        return;
    }
    int type = ev->place_name && ev->has_coords ? 4 : 1; /* city/landmark : country */
    buf_printf(b, "%d\t", type);
    tsv_field(b, ev->place_name ? ev->place_name : ev->place_text);
    buf_putc(b, '\t');
    tsv_field(b, ev->place_country);
    buf_puts(b, "\t\t\t");
    if (ev->has_coords)
        buf_printf(b, "%.4f\t%.4f\t\t", ev->lat, ev->lon);
    else
        buf_puts(b, "\t\t\t");
}

void store_event_gdelt(const store_event *ev, buf *b)
{
    buf_printf(b, "%lld\t", (long long)ev->id);
    gdelt_date(b, ev);
    gdelt_actor(b, &ev->source, ev->has_source);
    gdelt_actor(b, &ev->target, ev->has_target);
    const char *c = ev->cameo ? ev->cameo : "";
    buf_printf(b, "%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%d\t%d\t%d\t\t", ev->is_root ? 1 : 0,
               c, c, c, ev->quad, ev->intensity, ev->num_mentions, ev->num_sources,
               ev->num_documents);
    buf_puts(b, "\t\t\t\t\t\t\t\t"); /* Actor1Geo_* */
    buf_puts(b, "\t\t\t\t\t\t\t\t"); /* Actor2Geo_* */
    gdelt_action_geo(b, ev);
    for (const char *a = ev->added; a && *a; a++) /* DATEADDED YYYYMMDDHHMMSS */
        if (isdigit((unsigned char)*a))
            buf_putc(b, *a);
    buf_putc(b, '\t');
    tsv_field(b, ev->url ? ev->url : ev->doc_id);
    buf_putc(b, '\n');
}

/* ------------------------------------------------------------ CSV */

static void csv_field(buf *b, const char *v, bool comma)
{
    if (comma)
        buf_putc(b, ',');
    if (!v)
        return;
    if (!strpbrk(v, ",\"\r\n")) {
        buf_puts(b, v);
        return;
    }
    buf_putc(b, '"');
    for (; *v; v++) {
        if (*v == '"')
            buf_putc(b, '"');
        buf_putc(b, *v);
    }
    buf_putc(b, '"');
}

void store_csv_header(buf *b)
{
    buf_puts(b, "id,date,date_precision,category,mode,cameo,quad_code,intensity,"
             "source_code,source_country,source_sector,source_name,source_text,"
             "target_code,target_country,target_sector,target_name,target_text,"
             "place_name,place_country,lat,lon,negated,modality,confidence,"
             "num_mentions,num_sources,num_documents,doc_id,outlet,url,trigger\n");
}

static void csv_side(buf *b, const store_side *sd, bool present)
{
    csv_field(b, present ? sd->code : NULL, true);
    csv_field(b, present ? sd->country : NULL, true);
    csv_field(b, present ? sd->sector : NULL, true);
    csv_field(b, present ? sd->name : NULL, true);
    csv_field(b, present ? sd->text : NULL, true);
}

void store_event_csv(const store_event *ev, buf *b)
{
    buf_printf(b, "%lld", (long long)ev->id);
    csv_field(b, ev->date, true);
    csv_field(b, ev->date_precision, true);
    csv_field(b, ev->category, true);
    csv_field(b, ev->mode, true);
    csv_field(b, ev->cameo, true);
    buf_printf(b, ",%d,%.1f", ev->quad, ev->intensity);
    csv_side(b, &ev->source, ev->has_source);
    csv_side(b, &ev->target, ev->has_target);
    csv_field(b, ev->place_name ? ev->place_name : ev->place_text, true);
    csv_field(b, ev->place_country, true);
    if (ev->has_coords)
        buf_printf(b, ",%.6f,%.6f", ev->lat, ev->lon);
    else
        buf_puts(b, ",,");
    buf_printf(b, ",%s", ev->negated ? "true" : "false");
    csv_field(b, ev->modality, true);
    buf_printf(b, ",%.2f,%d,%d,%d", ev->confidence, ev->num_mentions,
               ev->num_sources, ev->num_documents);
    csv_field(b, ev->doc_id, true);
    csv_field(b, ev->outlet, true);
    csv_field(b, ev->url, true);
    csv_field(b, ev->trigger, true);
    buf_putc(b, '\n');
}

/* ------------------------------------------------------------ table */

void store_table_header(buf *b)
{
    buf_printf(b, "%-7s %-10s %-10s %-5s %-14s %-14s %4s %4s %4s %-5s %s\n", "id",
               "date", "category", "cameo", "source", "target", "ment", "srcs",
               "docs", "flags", "place");
}

static const char *side_label(const store_side *sd, bool present)
{
    if (!present)
        return "-";
    return sd->code ? sd->code : sd->name ? sd->name : sd->text ? sd->text : "?";
}

void store_event_table(const store_event *ev, buf *b)
{
    const char *flags = ev->negated ? "neg"
                        : !strcmp(ev->modality, "future") ? "fut"
                        : !strcmp(ev->modality, "hypothetical") ? "hyp" : "-";
    const char *place = ev->place_name ? ev->place_name
                        : ev->place_text ? ev->place_text : "-";
    buf_printf(b, "%-7lld %-10s %-10s %-5s %-14s %-14s %4d %4d %4d %-5s %s\n",
               (long long)ev->id, ev->date ? ev->date : "-", ev->category,
               ev->cameo ? ev->cameo : "-", side_label(&ev->source, ev->has_source),
               side_label(&ev->target, ev->has_target), ev->num_mentions,
               ev->num_sources, ev->num_documents, flags, place);
}
