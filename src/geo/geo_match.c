/* geo_match.c - read-only queries on the gazetteer: the place phrase at a
 * token (clitics, head words, direction words, cues) and the place of an
 * event. Nothing here allocates; every buffer is on the stack. */
#include "geo_int.h"

#include <string.h>

/* ------------------------------------------------------------ word lists
 * All in RASD_NORM_ALL form (ة -> ه, ى -> ي, أ إ آ -> ا). */

/* Type and area words that introduce a place name. Only العاصمة may carry
 * the article: المدينة starts المدينة المنورة, الجزيرة is a place. */
static const char *const geo_heads[] = {
    "مدينه", "مدينتي", "مدن", "بلده", "بلدتي", "بلدات", "قريه", "قريتي",
    "قري", "محافظه", "محافظتي", "محافظات", "ولايه", "ولايتي", "منطقه",
    "منطقتي", "مناطق", "اقليم", "ريف", "ريفي", "معبر", "قاعده", "مخيم",
    "مخيمي", "حي", "احياء", "ضاحيه", "عاصمه", "العاصمه", "ناحيه", "قضاء",
    "مديريه", "مقاطعه", "مطار", "ميناء", "مرفا", "جزيره", "دوله", "مملكه",
    "اماره", "سلطنه", "جمهوريه", "اطراف", "ضواحي", "محيط", "تخوم", "مشارف",
    "وسط", "مركز", "حدود", NULL};

/* Compass words before a name: شمال سوريا, جنوب غربي إدلب. */
static const char *const geo_dirs[] = {
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", NULL};

/* Compass adjectives after a name: ريف إدلب الجنوبي, حلب الشرقيه. */
static const char *const geo_dir_adjs[] = {
    "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الشماليه", "الجنوبيه",
    "الشرقيه", "الغربيه", NULL};

/* Locative prepositions before a name (و / ف may be attached). */
static const char *const geo_preps[] = {
    "في", "من", "الي", "علي", "نحو", "قرب", "عند", "داخل", "خارج", "حول",
    "باتجاه", "اتجاه", "تجاه", "عبر", "حتي", "بمحاذاه", "محاذاه", "قباله",
    NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------ tokens */

/* RASD_NORM_ALL form of a document token into out; SIZE_MAX if unusable. */
static size_t tok_key(const rasd_token *t, char *out)
{
    if (!t->norm || t->norm_len == 0 || t->norm_len + 8 >= GEO_TOKBUF)
        return SIZE_MAX;
    return text_norm_token(t->norm, t->norm_len, RASD_NORM_ALL, out);
}

/* A stem of the first token after stripping proclitics. */
typedef struct stem {
    size_t off;
    bool al;   /* the article (ال, or the second ل of لل) was stripped */
    bool beh;  /* the preposition ب was stripped: a locative cue */
} stem;

static void stem_add(stem *c, size_t *k, const char *s, size_t n, size_t off,
                     bool al, bool beh)
{
    if (off && geo_utf8_chars(s + off, n - off) < 2)
        return;
    for (size_t i = 0; i < *k; i++)
        if (c[i].off == off) {
            c[i].al = c[i].al || al;
            c[i].beh = c[i].beh || beh;
            return;
        }
    size_t i = (*k)++;
    for (; i > 0 && c[i - 1].off > off; i--)
        c[i] = c[i - 1];
    c[i] = (stem){off, al, beh};
}

/* Stems in ascending offset order, so less stripping is tried first:
 * [و|ف] [ب|ك|ل] [ال], or [و|ف] لل; with !full only the article. */
static size_t clitic_cands(const char *s, size_t n, bool full, stem *c)
{
    size_t k = 0, bases[2] = {0, 0}, nb = 1;
    stem_add(c, &k, s, n, 0, false, false);
    if (full && (geo_starts(s, n, GEO_WAW) || geo_starts(s, n, GEO_FEH)))
        bases[nb++] = 2;
    for (size_t b = 0; b < nb; b++) {
        size_t o = bases[b], m = n - o;
        const char *p = s + o;
        stem_add(c, &k, s, n, o, false, false);
        if (geo_starts(p, m, GEO_AL) ||
            (full && geo_starts(p, m, GEO_LAM GEO_LAM)))
            stem_add(c, &k, s, n, o + 4, true, false);
        if (!full)
            continue;
        bool beh = geo_starts(p, m, GEO_BEH);
        if (beh || geo_starts(p, m, GEO_KAF) || geo_starts(p, m, GEO_LAM)) {
            stem_add(c, &k, s, n, o + 2, false, beh);
            if (geo_starts(p + 2, m - 2, GEO_AL))
                stem_add(c, &k, s, n, o + 6, true, beh);
        }
    }
    return k;
}

/* Is toks[i] one of `list` after stripping clitics (full) or as is? The
 * article may only be stripped for العاصمة (listed with it). Sets *off
 * to the clitic bytes stripped. */
static bool tok_in(const rasd_token *t, const char *const *list, bool full,
                   size_t *off)
{
    char key[GEO_TOKBUF];
    size_t kl = tok_key(t, key);
    if (kl == SIZE_MAX)
        return false;
    stem c[12];
    size_t nc = clitic_cands(key, kl, full, c);
    for (size_t i = 0; i < nc; i++)
        if (!c[i].al && in_list(list, key + c[i].off, kl - c[i].off)) {
            if (off)
                *off = c[i].off;
            return true;
        }
    return false;
}

static bool is_head(const rasd_token *t, bool full, size_t *off)
{
    return tok_in(t, geo_heads, full, off) || tok_in(t, geo_dirs, full, off);
}

/* A nationality adjective after العاصمة: ال...ي or ال...يه. */
static bool is_nisba(const rasd_token *t)
{
    char key[GEO_TOKBUF];
    size_t kl = tok_key(t, key);
    if (kl == SIZE_MAX || !geo_starts(key, kl, GEO_AL) ||
        geo_utf8_chars(key, kl) < 5)
        return false;
    return (kl >= 2 && memcmp(key + kl - 2, "\xD9\x8A", 2) == 0) ||
           (kl >= 4 && memcmp(key + kl - 4, "\xD9\x8A\xD9\x87", 4) == 0);
}


/* The cue the word before toks[i] gives. */
static geo_cue prev_cue(const rasd_token *toks, size_t i)
{
    if (i == 0)
        return GEO_CUE_NONE;
    const rasd_token *t = &toks[i - 1];
    if (is_head(t, true, NULL))
        return GEO_CUE_HEAD;
    char key[GEO_TOKBUF];
    size_t kl = tok_key(t, key), o = 0;
    if (kl == SIZE_MAX)
        return GEO_CUE_NONE;
    if (kl > 2 && (geo_starts(key, kl, GEO_WAW) || geo_starts(key, kl, GEO_FEH)))
        o = 2;
    if (in_list(geo_preps, key, kl) || (o && in_list(geo_preps, key + o, kl - o)))
        return GEO_CUE_PREP;
    return GEO_CUE_NONE;
}

/* ------------------------------------------------------------ names */

/* The name found at one token. */
typedef struct name_res {
    const geo_hit *hit;   /* primary reading, or a `not` block */
    const geo_hit *alt;
    size_t ntok, off;
    geo_cue cue;          /* cue in force for the name */
} name_res;

/* The readings of `node` that text with (al) or without the article may
 * use under cue `cue`. Returns the primary (or a block), NULL if none. */
static const geo_hit *pick(const geo_gazetteer *g, uint32_t node, bool al,
                           geo_cue cue, const geo_hit **alt)
{
    int art = al ? GEO_ART_NEED : GEO_ART_NONE;
    const geo_hit *prim = NULL, *sec = NULL;
    bool has_prim = false;
    for (uint32_t hi = g->node_hit[node]; hi; hi = g->hits[hi - 1].next) {
        const geo_hit *h = &g->hits[hi - 1];
        if (h->art != art)
            continue;
        if (h->alt) {
            sec = h;
            continue;
        }
        has_prim = true;
        if (!h->place || h->cue <= cue)
            prim = h;
    }
    /* an alt reading without a primary stands on its own */
    if (!has_prim && sec && sec->cue <= cue) {
        prim = sec;
        sec = NULL;
    }
    *alt = prim && prim->place ? sec : NULL;
    return prim;
}

/* Longest name at toks[i]: clitics on the first token (full) or only the
 * article; ctx is the cue given by the context. */
static bool name_at(const geo_gazetteer *g, const rasd_token *toks, size_t n,
                    size_t i, bool full, geo_cue ctx, name_res *r)
{
    char first[GEO_TOKBUF], key[GEO_TOKBUF];
    size_t fl = tok_key(&toks[i], first);
    if (fl == SIZE_MAX)
        return false;
    stem c[12];
    size_t nc = clitic_cands(first, fl, full, c);
    bool found = false;
    for (size_t ci = 0; ci < nc; ci++) {
        uint32_t node = geo_map_get(g, GEO_ROOT, first + c[ci].off,
                                    fl - c[ci].off);
        if (node == GEO_NONE)
            continue;
        geo_cue cue = c[ci].beh && ctx < GEO_CUE_PREP ? GEO_CUE_PREP : ctx;
        const geo_hit *alt, *best_alt = NULL;
        const geo_hit *best = pick(g, node, c[ci].al, cue, &alt);
        size_t len = 1;
        best_alt = alt;
        for (size_t k = i + 1; k < n && k - i < GEO_MAX_NAME_TOKS; k++) {
            size_t kl = tok_key(&toks[k], key);
            if (kl == SIZE_MAX)
                break;
            node = geo_map_get(g, node, key, kl);
            if (node == GEO_NONE)
                break;
            const geo_hit *h = pick(g, node, c[ci].al, cue, &alt);
            if (h) {
                best = h;
                best_alt = alt;
                len = k - i + 1;
            }
        }
        if (best && (!found || len > r->ntok)) {
            *r = (name_res){best, best_alt, len, c[ci].off, cue};
            found = true;
        }
    }
    return found;
}

/* What kind of place a head word announces; a shared name's reading that
 * fits it is preferred (العاصمة الأردنية عمان is Amman, not Oman). */
typedef enum head_class {
    HC_NONE = 0, HC_CAPITAL, HC_SETTLEMENT, HC_REGION, HC_STATE
} head_class;

static const char *const hc_capital[] = {"عاصمه", "العاصمه", NULL};
static const char *const hc_settlement[] = {
    "مدينه", "مدينتي", "مدن", "بلده", "بلدتي", "بلدات", "قريه", "قريتي",
    "قري", NULL};
static const char *const hc_region[] = {
    "محافظه", "محافظتي", "محافظات", "ولايه", "ولايتي", "اقليم", "مقاطعه",
    "منطقه", NULL};
static const char *const hc_state[] = {
    "دوله", "مملكه", "سلطنه", "جمهوريه", "اماره", NULL};

static head_class head_class_of(const rasd_token *t, bool full)
{
    if (tok_in(t, hc_capital, full, NULL))
        return HC_CAPITAL;
    if (tok_in(t, hc_settlement, full, NULL))
        return HC_SETTLEMENT;
    if (tok_in(t, hc_region, full, NULL))
        return HC_REGION;
    if (tok_in(t, hc_state, full, NULL))
        return HC_STATE;
    return HC_NONE;
}

static bool fits(head_class hc, geo_type t)
{
    switch (hc) {
    case HC_CAPITAL: return t == GEO_CAPITAL;
    case HC_SETTLEMENT: return t == GEO_CAPITAL || t == GEO_CITY || t == GEO_TOWN;
    case HC_REGION: return t == GEO_REGION || t == GEO_DISTRICT;
    case HC_STATE: return t == GEO_COUNTRY;
    case HC_NONE: break;
    }
    return false;
}

/* Swap a shared name's readings when only the alternative fits the head. */
static void prefer_fitting(name_res *r, head_class hc)
{
    if (hc == HC_NONE || !r->alt || !r->hit->place)
        return;
    if (fits(hc, r->alt->place->type) && !fits(hc, r->hit->place->type)) {
        const geo_hit *t = r->hit;
        r->hit = r->alt;
        r->alt = t;
    }
}

/* ------------------------------------------------------------ phrases */

/* A candidate phrase: the name at name_tok, introduced by the head words
 * from `start`. */
typedef struct phrase {
    name_res nm;
    size_t name_tok;
    size_t prefix_off;   /* clitic bytes on the phrase's first token */
    bool ok;
} phrase;

/* Head and direction words at toks[i..] (up to three, the first with
 * clitics), each followed by a try of a name; the longest is kept. */
static void absorbed(const geo_gazetteer *g, const rasd_token *toks, size_t n,
                     size_t i, phrase *out)
{
    size_t off;
    out->ok = false;
    if (!is_head(&toks[i], true, &off))
        return;
    head_class hc = head_class_of(&toks[i], true);
    size_t j = i + 1;
    for (int depth = 0; depth < 3 && j < n; depth++) {
        name_res r;
        size_t at = j;
        bool hit = name_at(g, toks, n, at, false, GEO_CUE_HEAD, &r);
        if (!hit && hc == HC_CAPITAL && is_nisba(&toks[j]) && j + 1 < n) {
            at = j + 1;
            hit = name_at(g, toks, n, at, false, GEO_CUE_HEAD, &r);
        }
        if (hit && r.hit->place &&
            (!out->ok || at + r.ntok > out->name_tok + out->nm.ntok)) {
            prefer_fitting(&r, hc);
            *out = (phrase){r, at, off, true};
            out->nm.cue = GEO_CUE_HEAD;
        }
        if (!is_head(&toks[j], false, NULL))
            break;
        head_class h2 = head_class_of(&toks[j], false);
        if (h2 != HC_NONE)
            hc = h2;
        j++;
    }
}

/* Compass adjectives after the name (at most two): الشمالي الغربي. */
static size_t trailing(const rasd_token *toks, size_t n, size_t e)
{
    size_t k = 0;
    while (e + k < n && k < 2 && tok_in(&toks[e + k], geo_dir_adjs, false, NULL))
        k++;
    return k;
}

bool geo_match_at(const geo_gazetteer *g, const rasd_token *toks, size_t n,
                  size_t i, geo_match *m)
{
    if (!g || !toks || !m || i >= n)
        return false;
    phrase direct = {.ok = false}, head;
    name_res r;
    /* inside a `not` phrase that starts one word earlier (حلف شمال
     * الأطلسي seen from الأطلسي) */
    if (i > 0 && name_at(g, toks, n, i - 1, true, GEO_CUE_HEAD, &r) &&
        !r.hit->place && r.ntok >= 2)
        return false;
    if (name_at(g, toks, n, i, true, prev_cue(toks, i), &r))
        direct = (phrase){r, i, r.off, true};
    absorbed(g, toks, n, i, &head);
    const phrase *p = &direct;
    /* a longer phrase through head words wins; a tie goes to the name */
    if (head.ok && (!direct.ok ||
                    head.name_tok + head.nm.ntok > i + direct.nm.ntok))
        p = &head;
    if (!p->ok || !p->nm.hit->place)
        return false;
    char first[GEO_TOKBUF];
    size_t fl = tok_key(&toks[i], first);
    size_t end = p->name_tok + p->nm.ntok;
    end += trailing(toks, n, end);
    m->place = p->nm.hit->place;
    m->alt = p->nm.alt ? p->nm.alt->place : NULL;
    m->ntok = end - i;
    m->name_tok = p->name_tok;
    m->name_ntok = p->nm.ntok;
    m->prefix_chars = fl == SIZE_MAX ? 0 : (unsigned)geo_utf8_chars(first, p->prefix_off);
    m->cue = p->nm.cue;
    return true;
}

/* ------------------------------------------------------------ events */

static int score(const geo_match *m)
{
    return (m->cue != GEO_CUE_NONE ? 100 : 0) + geo_type_rank(m->place->type);
}

/* الحوثيين المدعومين من [إيران]، بدعم من [روسيا]: who backs an actor is
 * not where the event happens. */
static bool backer(const rasd_token *toks, size_t i)
{
    static const char *const back[] = {"المدعومين", "المدعومه", "المدعوم", "مدعومين", "مدعومه",
                                       "مدعوم", "المدعومون", "مدعومون", "بدعم", "دعم", NULL};
    char key[GEO_TOKBUF];
    if (i < 2)
        return false;
    size_t kl = tok_key(&toks[i - 1], key);
    if (kl == SIZE_MAX || kl != strlen("من") || memcmp(key, "من", kl) != 0)
        return false;
    kl = tok_key(&toks[i - 2], key);
    if (kl == SIZE_MAX)
        return false;
    size_t o = kl > 2 && geo_starts(key, kl, GEO_WAW) ? 2 : 0;
    return in_list(back, key + o, kl - o);
}

bool geo_event_place(const geo_gazetteer *g, const rasd_token *toks, size_t n,
                     size_t from, size_t to, geo_match *m)
{
    if (!g || !toks || !m)
        return false;
    if (to > n)
        to = n;
    bool found = false;
    int best = -1;
    for (size_t i = from; i < to;) {
        geo_match c;
        if (!geo_match_at(g, toks, to, i, &c)) {
            i++;
            continue;
        }
        int s = backer(toks, i) ? -1 : score(&c);
        if (s > best) {
            best = s;
            *m = c;
            found = true;
        }
        i += c.ntok;
    }
    return found;
}
