/* test_geo.c - the gazetteer: loader errors with file:line, clitics,
 * longest match, head and direction words, ambiguous names that need a
 * cue, shared names, the event place rule, and the shipped data. */
#include "check.h"
#include "geo/geo.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

/* ---------------------------------------------------------------- helpers */

static rasd_ctx *tctx;

/* An analysed document over s (text only: no models). */
static rasd_doc *doc_of(const char *s)
{
    rasd_doc *d = NULL;
    if (rasd_doc_new("t", s, strlen(s), &d) != RASD_OK)
        return NULL;
    if (rasd_doc_analyze(tctx, d) != RASD_OK) {
        rasd_doc_free(d);
        return NULL;
    }
    return d;
}

/* Index of the first token whose text starts at byte offset of `word` in s. */
static size_t tok_index(const rasd_doc *d, const char *s, const char *word)
{
    const char *p = strstr(s, word);
    if (!p)
        return SIZE_MAX;
    size_t off = (size_t)(p - s), n = rasd_doc_token_count(d);
    const rasd_token *t = rasd_doc_tokens(d);
    for (size_t i = 0; i < n; i++)
        if (t[i].start == off)
            return i;
    return SIZE_MAX;
}

/* The place id matched at the token starting at `word` ("" if none);
 * *ntok gets the tokens covered. */
static const char *match_word(const geo_gazetteer *g, const char *s,
                              const char *word, size_t *ntok, geo_match *out)
{
    static char id[80];
    id[0] = '\0';
    if (ntok)
        *ntok = 0;
    rasd_doc *d = doc_of(s);
    if (!d)
        return "(doc failed)";
    size_t i = tok_index(d, s, word);
    geo_match m;
    if (i != SIZE_MAX &&
        geo_match_at(g, rasd_doc_tokens(d), rasd_doc_token_count(d), i, &m)) {
        snprintf(id, sizeof id, "%s", m.place->id);
        if (ntok)
            *ntok = m.ntok;
        if (out)
            *out = m;
    }
    rasd_doc_free(d);
    return id;
}

static const char *match_first(const geo_gazetteer *g, const char *s,
                               size_t *ntok)
{
    return match_word(g, s, s, ntok, NULL);
}

/* The event place of the whole text ("" if none). */
static const char *event_place(const geo_gazetteer *g, const char *s)
{
    static char id[80];
    id[0] = '\0';
    rasd_doc *d = doc_of(s);
    if (!d)
        return "(doc failed)";
    size_t n = rasd_doc_token_count(d);
    geo_match m;
    if (geo_event_place(g, rasd_doc_tokens(d), n, 0, n, &m))
        snprintf(id, sizeof id, "%s", m.place->id);
    rasd_doc_free(d);
    return id;
}

static geo_gazetteer *load(const char *src)
{
    geo_gazetteer *g = NULL;
    if (geo_load_mem("t.places", src, strlen(src), &g) != RASD_OK) {
        fprintf(stderr, "load failed: %s\n", rasd_errmsg());
        return NULL;
    }
    return g;
}

/* Loading src must fail with "t.places:LINE:" and `frag` in the message. */
static int expect_error(const char *src, int line, const char *frag)
{
    geo_gazetteer *g = (geo_gazetteer *)1;
    rasd_status st = geo_load_mem("t.places", src, strlen(src), &g);
    char pre[32];
    snprintf(pre, sizeof pre, "t.places:%d:", line);
    const char *msg = rasd_errmsg();
    int ok = st == RASD_ERR_PARSE && g == NULL &&
             strncmp(msg, pre, strlen(pre)) == 0 && strstr(msg, frag) != NULL;
    if (!ok)
        fprintf(stderr, "  expected %s ... %s, got [%s] %s\n", pre, frag,
                rasd_status_str(st), msg);
    geo_free(st == RASD_OK ? g : NULL);
    return ok;
}

/* ---------------------------------------------------------------- data */

static const char T_SRC[] =
    "# test gazetteer\n"
    "PLACE SYR type=country country=SYR lat=33.51 lon=36.29 en=\"Syria\"\n"
    "  = سوريا ; سورية\n"
    "PLACE TUR type=country country=TUR lat=39.93 lon=32.86 en=\"Turkey\" = تركيا\n"
    "DEFAULT country=SYR\n"
    "PLACE SY_IDLIB type=city lat=35.93 lon=36.63 en=\"Idlib\" = إدلب\n"
    "PLACE SY_ALEPPO type=city lat=36.20 lon=37.16 en=\"Aleppo\" = حلب\n"
    "PLACE SY_RAQQA type=city lat=35.95 lon=39.01 en=\"Raqqa\" = الرقة\n"
    "PLACE SY_RIF_DIMASHQ type=region lat=33.52 lon=36.50 en=\"Rif Dimashq\" = ريف دمشق\n"
    "PLACE SY_DAMASCUS type=capital lat=33.51 lon=36.29 en=\"Damascus\" = دمشق\n"
    "PLACE SY_AIN_ISSA type=town lat=36.39 lon=38.86 en=\"Ain Issa\" = عين عيسى\n"
    "PLACE SY_BAB_HAWA type=crossing lat=36.23 lon=36.67 en=\"Bab al-Hawa\"\n"
    "  = باب الهوى ; معبر باب الهوى\n"
    "PLACE SY_AL_BAB type=city lat=36.37 lon=37.52 en=\"al-Bab\" ambiguous = الباب\n"
    "PLACE SY_HAMA type=city lat=35.13 lon=36.75 en=\"Hama\"\n"
    "  cue حماة\n"
    "  not حماة الوطن\n"
    "PLACE SY_SALAMIYAH type=city lat=35.01 lon=37.05 en=\"Salamiyah\"\n"
    "  head السلمية\n"
    "PLACE LY_TRIPOLI type=capital country=LBY lat=32.89 lon=13.19 en=\"Tripoli\"\n"
    "  = طرابلس\n"
    "PLACE LB_TRIPOLI type=city country=LBN lat=34.44 lon=35.83 en=\"Tripoli (Lebanon)\"\n"
    "  = طرابلس الشام\n  alt طرابلس\n"
    "PLACE MED type=sea country=- lat=34.0 lon=18.0 en=\"Mediterranean Sea\"\n"
    "  = البحر المتوسط ; المتوسط\n"
    "PLACE EMED type=sea country=- lat=34.0 lon=31.0 en=\"Eastern Mediterranean\"\n"
    "  = شرق المتوسط\n";

/* ---------------------------------------------------------------- tests */

static void test_loader_errors(void)
{
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 en=\"X\"\n", 1,
                       "no names"));
    CHECK(expect_error("# c\nPLACE X type=town country=SYR lat=1 lon=2 en=\"X\" = ب\n",
                       2, "fewer than two letters"));
    CHECK(expect_error("PLACE X type=town country=SYR lat=1 lon=2 en=\"X\"\n  = حلب ;  ; إدلب\n",
                       2, "empty name"));
    CHECK(expect_error("PLACE X type=town country=SYR lat=1 lon=2 en=\"X\"\n  = في\n",
                       2, "function words"));
    CHECK(expect_error("PLACE X type=village country=SYR lat=1 lon=2 en=\"X\" = حلب\n",
                       1, "unknown type"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=91 lon=2 en=\"X\" = حلب\n",
                       1, "bad latitude"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2,5 en=\"X\" = حلب\n",
                       1, "bad longitude"));
    CHECK(expect_error("PLACE X type=city country=Syr lat=1 lon=2 en=\"X\" = حلب\n",
                       1, "ISO3"));
    CHECK(expect_error("PLACE X type=city lat=1 lon=2 en=\"X\" = حلب\n", 1,
                       "missing country"));
    CHECK(expect_error("PLACE X type=city country=SYR lon=2 en=\"X\" = حلب\n", 1,
                       "missing lat"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 = حلب\n", 1,
                       "missing en"));
    CHECK(expect_error("PLACE x1 type=city country=SYR lat=1 lon=2 en=\"X\" = حلب\n",
                       1, "place id"));
    CHECK(expect_error("= حلب\n", 1, "before any PLACE"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 en=\"X\" = حلب\n"
                       "PLACE X type=city country=SYR lat=1 lon=2 en=\"X\" = إدلب\n",
                       2, "duplicate place id"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 en=\"X\" = حلب\n"
                       "PLACE Y type=city country=SYR lat=1 lon=2 en=\"Y\"\n"
                       "  = حَلَب\n",
                       3, "already belongs to X (t.places:1)"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 en=\"X\" = حلب\n"
                       "  sometimes حلب\n", 2, "unknown directive"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 en=\"X\" big = حلب\n",
                       1, "unknown option"));
    CHECK(expect_error("PLACE X type=city country=SYR lat=1 lon=2 en=\"X\" = \xff\xfe\n",
                       1, "invalid UTF-8"));
    CHECK(expect_error("DEFAULT lat=3\n", 1, "DEFAULT takes only"));
    CHECK(expect_error("# nothing\n\n", 1, "no places"));
    CHECK(expect_error("PLACE X type=country country=- lat=1 lon=2 en=\"X\" = حلب\n",
                       1, "needs its ISO3"));
    /* a directory without files, and one that does not exist */
    geo_gazetteer *g = (geo_gazetteer *)1;
    CHECK_EQ_INT(geo_load("/nonexistent-rasd-dir", &g), RASD_ERR_IO);
    CHECK(g == NULL);
    CHECK(strstr(rasd_errmsg(), "/nonexistent-rasd-dir") != NULL);
    CHECK_EQ_INT(geo_load(RASD_DATA_DIR "/verbs", &g), RASD_ERR_NOTFOUND);
    CHECK(g == NULL);
}

static void test_load_ok(void)
{
    geo_gazetteer *g = load(T_SRC);
    CHECK(g != NULL);
    if (!g)
        return;
    geo_stats st;
    geo_get_stats(g, &st);
    CHECK_EQ_INT(st.places, 16);
    CHECK_EQ_INT(st.blocks, 1);
    CHECK_EQ_INT(st.shared, 1);
    const geo_place *p = geo_find(g, "SY_IDLIB");
    CHECK(p != NULL);
    if (p) {
        CHECK_EQ_STR(p->en, "Idlib");
        CHECK_EQ_STR(p->country, "SYR");   /* from DEFAULT */
        CHECK_EQ_INT(p->type, GEO_CITY);
        CHECK(fabs(p->lat - 35.93) < 1e-9 && fabs(p->lon - 36.63) < 1e-9);
        CHECK_EQ_STR(p->file, "t.places");
        CHECK_EQ_INT(p->line, 6);
    }
    p = geo_find(g, "MED");
    CHECK(p && p->country[0] == '\0');
    CHECK(geo_find(g, "NOPE") == NULL);
    CHECK(geo_find(NULL, "SYR") == NULL);
    CHECK_EQ_INT(geo_count(g), 16);
    CHECK(geo_place_at(g, 0) == geo_find(g, "SYR"));
    CHECK(geo_place_at(g, 16) == NULL);
    geo_type t;
    CHECK(geo_type_parse("crossing", 8, &t) && t == GEO_CROSSING);
    CHECK_EQ_STR(geo_type_str(GEO_CAPITAL), "capital");
    CHECK(geo_type_rank(GEO_CITY) > geo_type_rank(GEO_COUNTRY));
    geo_free(g);
}

static void test_clitics(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    size_t nt;
    geo_match m;
    CHECK_EQ_STR(match_word(g, "قصف بإدلب", "بإدلب", &nt, &m), "SY_IDLIB");
    CHECK_EQ_INT(m.prefix_chars, 1);
    CHECK_EQ_INT(m.cue, GEO_CUE_PREP);
    CHECK_EQ_STR(match_first(g, "وحلب", &nt), "SY_ALEPPO");
    CHECK_EQ_STR(match_first(g, "لسوريا", &nt), "SYR");
    CHECK_EQ_STR(match_first(g, "وبسورية", &nt), "SYR");
    CHECK_EQ_STR(match_first(g, "فالرقة", &nt), "SY_RAQQA");
    CHECK_EQ_STR(match_first(g, "للرقة", &nt), "SY_RAQQA");
    CHECK_EQ_STR(match_first(g, "بالرقة", &nt), "SY_RAQQA");
    /* the article as written: الرقة needs it, حلب must not have it */
    CHECK_EQ_STR(match_first(g, "رقة", &nt), "");
    CHECK_EQ_STR(match_first(g, "الحلب", &nt), "");
    /* a bare word is not a clitic: بحلب is ب + حلب, but سوريا alone too */
    CHECK_EQ_STR(match_first(g, "سوريا", &nt), "SYR");
    CHECK_EQ_INT(nt, 1);
    geo_free(g);
}

static void test_longest(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    size_t nt;
    CHECK_EQ_STR(match_first(g, "عين عيسى شمال الرقة", &nt), "SY_AIN_ISSA");
    CHECK_EQ_INT(nt, 2);
    CHECK_EQ_STR(match_first(g, "عين الماء", &nt), "");
    CHECK_EQ_STR(match_first(g, "معبر باب الهوى الحدودي", &nt), "SY_BAB_HAWA");
    CHECK_EQ_INT(nt, 3);
    /* a name that looks like head + name wins the tie */
    CHECK_EQ_STR(match_first(g, "ريف دمشق", &nt), "SY_RIF_DIMASHQ");
    CHECK_EQ_STR(match_first(g, "شرق المتوسط", &nt), "EMED");
    CHECK_EQ_INT(nt, 2);
    CHECK_EQ_STR(match_first(g, "البحر المتوسط", &nt), "MED");
    geo_free(g);
}

static void test_composite(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    size_t nt;
    geo_match m;
    CHECK_EQ_STR(match_first(g, "ريف إدلب الجنوبي", &nt), "SY_IDLIB");
    CHECK_EQ_INT(nt, 3);
    CHECK_EQ_STR(match_word(g, "في ريف إدلب الجنوبي", "ريف", &nt, &m), "SY_IDLIB");
    CHECK_EQ_INT(m.name_ntok, 1);
    CHECK_EQ_INT(m.cue, GEO_CUE_HEAD);
    CHECK_EQ_STR(match_first(g, "شمال سوريا", &nt), "SYR");
    CHECK_EQ_INT(nt, 2);
    CHECK_EQ_STR(match_first(g, "شمال غربي سوريا", &nt), "SYR");
    CHECK_EQ_INT(nt, 3);
    CHECK_EQ_STR(match_first(g, "منطقة مدينة حلب", &nt), "SY_ALEPPO");
    CHECK_EQ_INT(nt, 3);
    CHECK_EQ_STR(match_first(g, "بمدينة حلب الشرقية", &nt), "SY_ALEPPO");
    CHECK_EQ_INT(nt, 3);
    CHECK_EQ_STR(match_first(g, "ريف حلب الشمالي الشرقي", &nt), "SY_ALEPPO");
    CHECK_EQ_INT(nt, 4);
    CHECK_EQ_STR(match_first(g, "العاصمة السورية دمشق", &nt), "SY_DAMASCUS");
    CHECK_EQ_INT(nt, 3);
    /* a head word with nothing after it is no place */
    CHECK_EQ_STR(match_first(g, "مدينة كبيرة", &nt), "");
    CHECK_EQ_STR(match_first(g, "شمال", &nt), "");
    geo_free(g);
}

static void test_ambiguous(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    size_t nt;
    /* الباب: "the door" without a cue */
    CHECK_EQ_STR(match_word(g, "فتح الباب أمام الحل", "الباب", &nt, NULL), "");
    CHECK_EQ_STR(match_word(g, "معارك في الباب", "الباب", &nt, NULL), "SY_AL_BAB");
    CHECK_EQ_STR(match_word(g, "وصلوا إلى الباب", "الباب", &nt, NULL), "SY_AL_BAB");
    CHECK_EQ_STR(match_word(g, "قصف بالباب", "بالباب", &nt, NULL), "SY_AL_BAB");
    CHECK_EQ_STR(match_word(g, "قتلى في مدينة الباب", "مدينة", &nt, NULL), "SY_AL_BAB");
    CHECK_EQ_STR(match_word(g, "قتلى في مدينة الباب", "الباب", &nt, NULL), "SY_AL_BAB");
    CHECK_EQ_STR(match_word(g, "تقدم شمال الباب", "شمال", &nt, NULL), "SY_AL_BAB");
    CHECK_EQ_STR(match_word(g, "ومن الباب", "الباب", &nt, NULL), "SY_AL_BAB");
    /* حماة: "protectors" */
    CHECK_EQ_STR(match_word(g, "حماة الديار", "حماة", &nt, NULL), "");
    CHECK_EQ_STR(match_word(g, "اشتباكات في حماة", "حماة", &nt, NULL), "SY_HAMA");
    /* a `not` phrase blocks even after a cue */
    CHECK_EQ_STR(match_word(g, "انضم إلى حماة الوطن", "حماة", &nt, NULL), "");
    /* head-only names: a preposition is not enough */
    CHECK_EQ_STR(match_word(g, "الاحتجاجات السلمية", "السلمية", &nt, NULL), "");
    CHECK_EQ_STR(match_word(g, "في السلمية", "السلمية", &nt, NULL), "");
    CHECK_EQ_STR(match_word(g, "في مدينة السلمية", "مدينة", &nt, NULL), "SY_SALAMIYAH");
    CHECK_EQ_STR(match_word(g, "شرق السلمية", "شرق", &nt, NULL), "SY_SALAMIYAH");
    geo_free(g);
}

static void test_shared(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    size_t nt;
    geo_match m;
    memset(&m, 0, sizeof m);
    CHECK_EQ_STR(match_word(g, "في طرابلس", "طرابلس", &nt, &m), "LY_TRIPOLI");
    CHECK(m.alt && strcmp(m.alt->id, "LB_TRIPOLI") == 0);
    CHECK_EQ_STR(match_first(g, "طرابلس الشام", &nt), "LB_TRIPOLI");
    CHECK_EQ_INT(nt, 2);
    geo_free(g);
}

static void test_event_place(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    /* locative beats bare; specific beats general */
    CHECK_EQ_STR(event_place(g, "قالت تركيا إن طائرات قصفت مواقع في ريف إدلب"),
                 "SY_IDLIB");
    CHECK_EQ_STR(event_place(g, "قصفت طائرات مواقع في سوريا قرب حلب"), "SY_ALEPPO");
    CHECK_EQ_STR(event_place(g, "اتهمت سوريا تركيا بقصف حلب"), "SY_ALEPPO");
    CHECK_EQ_STR(event_place(g, "أعلنت تركيا أن هجوما وقع في سوريا"), "SYR");
    CHECK_EQ_STR(event_place(g, "لا مكان هنا"), "");
    /* a backer is no place: المدعومين من X, بدعم من X */
    CHECK_EQ_STR(event_place(g, "هاجم المسلحون المدعومون من تركيا القرية"), "");
    CHECK_EQ_STR(event_place(g, "هاجم المسلحون بدعم من تركيا مواقع في حلب"), "SY_ALEPPO");
    /* the span limits the search */
    rasd_doc *d = doc_of("قصف في حلب ثم في إدلب");
    if (d) {
        const rasd_token *t = rasd_doc_tokens(d);
        size_t n = rasd_doc_token_count(d);
        geo_match m;
        CHECK(geo_event_place(g, t, n, 3, n, &m) &&
              strcmp(m.place->id, "SY_IDLIB") == 0);
        CHECK(geo_event_place(g, t, n, 0, 3, &m) &&
              strcmp(m.place->id, "SY_ALEPPO") == 0);
        CHECK(!geo_event_place(g, t, n, 0, 1, &m));
        rasd_doc_free(d);
    }
    geo_free(g);
}

/* Concurrent readers get the same answers. */
static void *thread_main(void *arg)
{
    const geo_gazetteer *g = arg;
    rasd_doc *d = doc_of("اشتباكات في ريف إدلب الجنوبي وشمال سوريا");
    long bad = 0;
    if (!d)
        return (void *)1;
    const rasd_token *t = rasd_doc_tokens(d);
    size_t n = rasd_doc_token_count(d);
    for (int k = 0; k < 2000; k++) {
        geo_match m;
        if (!geo_match_at(g, t, n, 2, &m) || strcmp(m.place->id, "SY_IDLIB"))
            bad++;
    }
    rasd_doc_free(d);
    return (void *)bad;
}

static void test_threads(void)
{
    geo_gazetteer *g = load(T_SRC);
    if (!g)
        return;
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&th[i], NULL, thread_main, g);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        CHECK(r == NULL);
    }
    geo_free(g);
}

/* ---------------------------------------------------------------- shipped */

static void shipped_counts(const geo_gazetteer *g)
{
    static const char *const mena[] = {
        "SYR", "IRQ", "TUR", "LBN", "JOR", "PSE", "ISR", "EGY", "LBY", "YEM",
        "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "IRN", "SDN", "TUN", "DZA",
        "MAR", NULL};
    geo_stats st;
    geo_get_stats(g, &st);
    printf("geo data: %zu places, %zu name variants, %zu keys, %zu files, "
           "%zu shared names, %zu blocks\n",
           st.places, st.variants, st.keys, st.files, st.shared, st.blocks);
    printf("geo types:");
    for (int t = GEO_ZONE; t <= GEO_TYPE_MAX; t++)
        printf(" %s=%zu", geo_type_str((geo_type)t), st.by_type[t]);
    printf("\ngeo per country:");
    for (size_t c = 0; mena[c]; c++) {
        size_t k = 0;
        for (size_t i = 0; i < geo_count(g); i++)
            if (strcmp(geo_place_at(g, i)->country, mena[c]) == 0)
                k++;
        printf(" %s=%zu", mena[c], k);
    }
    printf("\n");
    CHECK(st.places >= 1500);
    CHECK(st.variants >= st.places);
    CHECK(st.by_type[GEO_COUNTRY] >= 190);
    CHECK(st.by_type[GEO_CAPITAL] >= 150);
}

/* Every country has a capital-ish point; coordinates are in range. */
static void shipped_sanity(const geo_gazetteer *g)
{
    size_t bad = 0;
    for (size_t i = 0; i < geo_count(g); i++) {
        const geo_place *p = geo_place_at(g, i);
        if (p->lat < -90 || p->lat > 90 || p->lon < -180 || p->lon > 180 ||
            (p->type != GEO_SEA && p->type != GEO_ZONE && !p->country[0])) {
            fprintf(stderr, "bad place %s (%s:%u)\n", p->id, p->file, p->line);
            bad++;
        }
        if (p->type == GEO_COUNTRY && strcmp(p->id, p->country) != 0) {
            fprintf(stderr, "country id %s != %s\n", p->id, p->country);
            bad++;
        }
    }
    CHECK_EQ_INT(bad, 0);
}

typedef struct want {
    const char *text, *word, *id;
} want;

static void shipped_matches(const geo_gazetteer *g)
{
    static const want w[] = {
        {"قصف على إدلب", "إدلب", "SYR_IDLIB"},
        {"اشتباكات في ريف إدلب الجنوبي", "ريف", "SYR_IDLIB"},
        {"بحلب", "بحلب", "SYR_ALEPPO"},
        {"في شمال غربي سوريا", "شمال", "SYR"},
        {"في منطقة مدينة حلب", "منطقة", "SYR_ALEPPO"},
        {"قرب منبج", "منبج", "SYR_MANBIJ"},
        {"قرب عين عيسى", "عين", "SYR_AIN_ISSA"},
        {"معبر باب الهوى", "معبر", "SYR_BAB_AL_HAWA"},
        {"في تل أبيض", "تل", "SYR_TAL_ABYAD"},
        {"في رأس العين", "رأس", "SYR_RAS_AL_AYN"},
        {"في إسطنبول", "إسطنبول", "TUR_ISTANBUL"},
        {"في اسطنبول", "اسطنبول", "TUR_ISTANBUL"},
        {"قاعدة إنجرليك", "قاعدة", "TUR_INCIRLIK_AIRBASE"},
        {"الموصل", "الموصل", "IRQ_MOSUL"},
        {"غزة", "غزة", "PSE_GAZA"},
        {"في خان يونس", "خان", "PSE_KHAN_YOUNIS"},
        {"في بروكسل", "بروكسل", "BEL_BRUSSELS"},
        {"محادثات أستانا", "أستانا", "KAZ_ASTANA"},
        {"في مضيق هرمز", "مضيق", "STRAIT_HORMUZ"},
        {"في البحر الأحمر", "البحر", "RED_SEA"},
        {"شبه جزيرة القرم", "شبه", "UKR_CRIMEA"},
        {"فتح الباب أمام", "الباب", ""},
        {"في مدينة الباب", "مدينة", "SYR_AL_BAB"},
        {"حماة الديار", "حماة", ""},
        {"في حماة", "حماة", "SYR_HAMA"},
        {"العاصمة الأردنية عمان", "العاصمة", "JOR_AMMAN"},
        {"سلطنة عمان", "سلطنة", "OMN"},
        {NULL, NULL, NULL}};
    for (size_t i = 0; w[i].text; i++) {
        const char *got = match_word(g, w[i].text, w[i].word, NULL, NULL);
        if (strcmp(got, w[i].id) != 0)
            fprintf(stderr, "  '%s' at '%s': got '%s', want '%s'\n", w[i].text,
                    w[i].word, got, w[i].id);
        CHECK_EQ_STR(got, w[i].id);
    }
}

static void test_shipped(void)
{
    geo_gazetteer *g = NULL;
    rasd_status st = geo_load(RASD_DATA_DIR "/places", &g);
    if (st != RASD_OK)
        fprintf(stderr, "shipped data: %s\n", rasd_errmsg());
    CHECK_EQ_INT(st, RASD_OK);
    if (!g)
        return;
    shipped_counts(g);
    shipped_sanity(g);
    shipped_matches(g);
    geo_free(g);
}

int main(void)
{
    rasd_config cfg;
    rasd_config_init(&cfg);
    cfg.text_only = 1;
    cfg.keep_furniture = 1;
    if (rasd_ctx_new(&cfg, &tctx) != RASD_OK) {
        fprintf(stderr, "context: %s\n", rasd_errmsg());
        return 1;
    }
    RUN(test_loader_errors);
    RUN(test_load_ok);
    RUN(test_clitics);
    RUN(test_longest);
    RUN(test_composite);
    RUN(test_ambiguous);
    RUN(test_shared);
    RUN(test_event_place);
    RUN(test_threads);
    RUN(test_shipped);
    rasd_ctx_free(tctx);
    CHECK_DONE();
}
