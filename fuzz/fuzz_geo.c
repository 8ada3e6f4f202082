/* fuzz_geo.c - libFuzzer target for the gazetteer: the input is loaded as
 * a *.places file from memory (it may fail, but only with a parse message
 * naming the input), then the input is tokenised and matched at every
 * token, and an event place is sought over it, against both the loaded
 * gazetteer (when loading worked) and a small fixed one. Invariants that
 * break trap. */
#include "geo/geo.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

#define FZ_CHECK(c)                                                           \
    do {                                                                      \
        if (!(c))                                                             \
            __builtin_trap();                                                 \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char FZ_BASE[] =
    "PLACE SYR type=country country=SYR lat=33.51 lon=36.29 en=\"Syria\" = سوريا\n"
    "PLACE SY_IDLIB type=city country=SYR lat=35.93 lon=36.63 en=\"Idlib\" = إدلب\n"
    "PLACE SY_BAB type=city country=SYR lat=36.37 lon=37.52 en=\"al-Bab\" ambiguous = الباب\n"
    "  not الباب المفتوح\n"
    "PLACE SY_RD type=region country=SYR lat=33.5 lon=36.5 en=\"Rif Dimashq\" = ريف دمشق\n"
    "PLACE LY_TR type=capital country=LBY lat=32.89 lon=13.19 en=\"Tripoli\" = طرابلس\n"
    "PLACE LB_TR type=city country=LBN lat=34.44 lon=35.83 en=\"Tripoli\"\n"
    "  head طرابلس الشام\n  alt طرابلس\n";

static void fz_check_match(const geo_match *m, size_t i, size_t n)
{
    FZ_CHECK(m->place && m->place->id && m->place->en);
    FZ_CHECK(m->ntok >= 1 && i + m->ntok <= n);
    FZ_CHECK(m->name_tok >= i && m->name_ntok >= 1 &&
             m->name_tok + m->name_ntok <= i + m->ntok);
    FZ_CHECK(m->place->type >= GEO_ZONE && m->place->type <= GEO_TYPE_MAX);
    FZ_CHECK(m->cue <= GEO_CUE_HEAD);
    FZ_CHECK(!m->alt || m->alt != m->place);
}

static void fz_match_all(const geo_gazetteer *g, const char *s, size_t len)
{
    tokvec tv = {0};
    char *norm = malloc(2 * len + 1), *cur = norm;
    if (!norm)
        return;
    if (text_tokenize(s, 0, len, RASD_NORM_DEFAULT, &tv, &cur) == RASD_OK) {
        for (size_t i = 0; i < tv.n; i++) {
            geo_match m;
            if (geo_match_at(g, tv.v, tv.n, i, &m))
                fz_check_match(&m, i, tv.n);
        }
        geo_match m;
        size_t half = tv.n / 2;
        if (geo_event_place(g, tv.v, tv.n, half, tv.n, &m))
            FZ_CHECK(m.name_tok >= half && m.name_tok < tv.n);
        if (geo_event_place(g, tv.v, tv.n, 0, half, &m))
            FZ_CHECK(m.name_tok + m.name_ntok <= half);
    }
    tokvec_free(&tv);
    free(norm);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    geo_gazetteer *g = NULL, *base = NULL;
    rasd_status st = geo_load_mem("fz", s, size, &g);
    if (st != RASD_OK) {
        FZ_CHECK(g == NULL);
        FZ_CHECK(st == RASD_ERR_PARSE || st == RASD_ERR_NOMEM ||
                 st == RASD_ERR_LIMIT);
        if (st == RASD_ERR_PARSE)
            FZ_CHECK(strncmp(rasd_errmsg(), "fz:", 3) == 0);
    } else {
        geo_stats gs;
        geo_get_stats(g, &gs);
        FZ_CHECK(gs.places == geo_count(g) && gs.places > 0);
        for (size_t i = 0; i < geo_count(g); i++) {
            const geo_place *p = geo_place_at(g, i);
            FZ_CHECK(geo_find(g, p->id) == p);
            FZ_CHECK(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 &&
                     p->lon <= 180);
        }
    }
    FZ_CHECK(geo_load_mem("base", FZ_BASE, sizeof FZ_BASE - 1, &base) == RASD_OK);
    size_t valid = utf8_find_invalid(s, size);
    if (g)
        fz_match_all(g, s, valid);
    fz_match_all(base, s, valid);
    geo_free(g);
    geo_free(base);
    return 0;
}
