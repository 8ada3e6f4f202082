/* geo.h - the gazetteer: where events happen.
 *
 * Places come from data/places/<name>.places (format in data/places/FORMAT.md):
 * an id, a type, a country, a representative point and Arabic name
 * variants. Every variant is indexed as a sequence of RASD_NORM_ALL token
 * keys in a token trie held in one hash table (the first token stored
 * without the article ال), so a lookup costs O(tokens matched) hash probes
 * and never allocates.
 *
 * Matching works on the token array of an analysed document:
 *   - the first token may carry proclitics (و ف, then ب ك ل, then ال, or
 *     لل): بإدلب, وحلب, لسوريا, وبالعراق. The article is significant as
 *     written: الرقة needs it, بغداد must not have it.
 *   - leading head words are absorbed into the phrase: type words (مدينة,
 *     بلدة, قرية, محافظة, منطقة, ريف, معبر, قاعدة, مخيم, حي ...) and
 *     direction words (شمال, جنوب غربي, أطراف ...), stacked up to three
 *     deep (شمال غربي ريف حلب, منطقة مدينة حلب), and after العاصمة one
 *     nationality adjective (العاصمة الأردنية عمان);
 *   - trailing direction adjectives are absorbed (ريف إدلب الجنوبي, حلب
 *     الشرقية, ريف حلب الشمالي الشرقي).
 *   The phrase resolves to the named place: ريف إدلب الجنوبي -> إدلب,
 *   شمال غربي سوريا -> سوريا. A name that is itself a phrase of this shape
 *   wins a tie (ريف دمشق = the Rif Dimashq governorate, شرق المتوسط).
 *   - names marked `cue` are also common words (الباب "the door", حماة
 *     "protectors", عمان Amman/Oman): they match only after a locative cue
 *     (a head or direction word, an attached ب, or a preceding في من إلى
 *     قرب عند نحو داخل ... word); names marked `head` (صور "pictures",
 *     السلمية "peaceful") only after a head or direction word. Phrases
 *     listed with `not` block a reading (حماة الوطن).
 *   - a name may belong to two places when both mark it `cue` or `head`
 *     (طرابلس: Tripoli in Libya and in Lebanon): the match gives the first
 *     loaded as `place` and the other as `alt`.
 *
 * Threads: a gazetteer is read-only once loaded; every query may run
 * concurrently. */
#ifndef RASD_GEO_H
#define RASD_GEO_H

#include "../util/util.h"

typedef struct geo_gazetteer geo_gazetteer;

/* Place types, roughly from the least to the most specific. */
typedef enum geo_type {
    GEO_ZONE = 1,   /* supra-national region: الشرق الأوسط, الساحل, البلقان */
    GEO_SEA,        /* sea, gulf, strait, river, lake: البحر الأحمر, مضيق هرمز */
    GEO_COUNTRY,    /* sovereign or de-facto state, territory */
    GEO_REGION,     /* first-level division or named area: governorate,
                     * province, state, الغوطة, دونباس, الجولان */
    GEO_DISTRICT,   /* second-level division, district, island */
    GEO_CAPITAL,    /* national capital */
    GEO_CITY,       /* city */
    GEO_TOWN,       /* town or village */
    GEO_CAMP,       /* refugee or displacement camp */
    GEO_CROSSING,   /* border crossing */
    GEO_SITE        /* base, airport, port, dam, landmark, neighbourhood */
} geo_type;

#define GEO_TYPE_MAX GEO_SITE

/* How a name may be matched. */
typedef enum geo_cue {
    GEO_CUE_NONE = 0, /* anywhere */
    GEO_CUE_PREP,     /* after a locative preposition or a head word */
    GEO_CUE_HEAD      /* only after a head or direction word */
} geo_cue;

/* One place. Owned by the gazetteer. */
typedef struct geo_place {
    const char *id;       /* SY_IDLIB, SYR, ... */
    const char *en;       /* English name */
    char country[4];      /* ISO 3166-1 alpha-3, "" for seas and zones */
    geo_type type;
    double lat, lon;      /* representative point, degrees (WGS84) */
    const char *file;     /* where the place was defined */
    unsigned line;
} geo_place;

/* A place phrase found in a token array. */
typedef struct geo_match {
    const geo_place *place;
    const geo_place *alt;   /* the other place of a shared name, or NULL */
    size_t ntok;            /* tokens covered from the start, >= 1 */
    size_t name_tok;        /* index of the first token of the name itself */
    size_t name_ntok;       /* tokens of the name itself */
    unsigned prefix_chars;  /* letters stripped from the first token to reach
                             * the stem: clitics and the article (بالرقة: 3) */
    geo_cue cue;            /* how the phrase was introduced: GEO_CUE_HEAD
                             * (head or direction word), GEO_CUE_PREP
                             * (preposition, attached ب), GEO_CUE_NONE */
} geo_match;

/* ---- loading. Errors: RASD_ERR_PARSE with "file:line: message",
 * RASD_ERR_IO for unreadable files, RASD_ERR_NOTFOUND for a directory
 * without *.places files. *out is NULL after a failure. */

/* Every *.places file in `dir`, in name order. */
rasd_status geo_load(const char *dir, geo_gazetteer **out);

/* One file's content from memory; `name` names it in messages. */
rasd_status geo_load_mem(const char *name, const char *data, size_t len,
                         geo_gazetteer **out);

void geo_free(geo_gazetteer *g);

/* ---- queries (read-only, allocation-free) */

/* Longest place phrase starting at toks[i] (toks[0..n)); toks[i - 1] is
 * read for the cue. Returns true and fills *m, or false (*m untouched). */
bool geo_match_at(const geo_gazetteer *g, const rasd_token *toks, size_t n,
                  size_t i, geo_match *m);

/* The place of an event whose words are toks[from..to): every phrase
 * starting in the span (matched left to right, without overlap, inside
 * toks[0..to)) is scored, and the best wins:
 *   1. a locative phrase (cue != GEO_CUE_NONE) beats a bare one;
 *   2. then the more specific type (geo_type_rank: site = camp =
 *      crossing > town = city = capital > district > region > country >
 *      sea > zone);
 *   3. then the earlier phrase.
 * Returns false when the span names no place. */
bool geo_event_place(const geo_gazetteer *g, const rasd_token *toks, size_t n,
                     size_t from, size_t to, geo_match *m);

/* Place by id, NULL if absent. */
const geo_place *geo_find(const geo_gazetteer *g, const char *id);

/* Places in load order: geo_count(g) of them, index 0 .. count - 1. */
size_t geo_count(const geo_gazetteer *g);
const geo_place *geo_place_at(const geo_gazetteer *g, size_t i);

typedef struct geo_stats {
    size_t places;
    size_t variants;           /* names as written (= cue head lines) */
    size_t keys;               /* distinct indexed token sequences */
    size_t blocks;             /* `not` phrases */
    size_t shared;             /* names that belong to two places */
    size_t files;
    size_t by_type[GEO_TYPE_MAX + 1];
} geo_stats;

void geo_get_stats(const geo_gazetteer *g, geo_stats *st);

/* Specificity used by geo_event_place: 1 (zone) .. 7 (site). */
int geo_type_rank(geo_type t);
const char *geo_type_str(geo_type t);  /* "city", "crossing", ... */
/* Parse a type name; false if unknown. */
bool geo_type_parse(const char *s, size_t n, geo_type *out);

#endif
