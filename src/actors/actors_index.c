/* actors_index.c - the token trie behind the actor dictionary, and every
 * read-only query on it.
 *
 * The trie lives in one open-addressing hash table keyed by (parent node,
 * normalised token); node 0 is the root. The first token of every key is
 * stored without the article ال, so a lookup strips attached clitics from
 * the text's first token and probes each candidate stem (at most a handful)
 * instead of expanding every pattern with every clitic. */
#include "actors_int.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */

static const char *const act_sectors[] = {
    /* FORMAT.md list */
    "GOV", "MIL", "REB", "OPP", "CVL", "COP", "UAF", "IGO", "PTY", "BUS",
    "MED", "EDU", "JUD", "LEG", "SPY", "NGO", "REF", "ATR", "IMG",
    /* further CAMEO role codes */
    "ELI", "LAB", "HLH", "HRI", "REL", "CRM", "AGR", "DEV", "ENV", "INS",
    "SEP", "MNC", "NGM", "SET", "RAD", "MOD", "UIS", "PKO", "INT", NULL};

bool act_is_sector(const char *s, size_t n)
{
    if (n != 3)
        return false;
    for (size_t i = 0; act_sectors[i]; i++)
        if (memcmp(act_sectors[i], s, 3) == 0)
            return true;
    return false;
}

bool act_is_sector_code(const char *s, size_t n)
{
    if (n == 0 || n > 9 || n % 3)
        return false;
    for (size_t i = 0; i < n; i += 3)
        if (!act_is_sector(s + i, 3))
            return false;
    return true;
}

bool act_is_code(const char *s, size_t n)
{
    if (n < 3 || n > 15 || n % 3 != 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return true;
}

char *act_code_join(actors_dict *d, const char *country, const char *sector)
{
    char tmp[16];
    size_t a = strlen(country), b = strlen(sector);
    if (a > 7)
        a = 7;
    if (b > 7)
        b = 7;
    memcpy(tmp, country, a);
    memcpy(tmp + a, sector, b);
    tmp[a + b] = '\0';
    return arena_strdup(&d->mem, tmp);
}

size_t act_utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

const char *actors_kind_str(actors_kind k)
{
    switch (k) {
    case ACTORS_NAME: return "name";
    case ACTORS_ADJ: return "adj";
    case ACTORS_METONYM: return "metonym";
    case ACTORS_AGENT: return "agent";
    }
    return "?";
}

const char *actors_type_str(actors_type t)
{
    switch (t) {
    case ACTORS_COUNTRY: return "country";
    case ACTORS_IGO: return "igo";
    case ACTORS_GROUP: return "group";
    case ACTORS_PERSON: return "person";
    case ACTORS_ORG: return "org";
    case ACTORS_REGION: return "region";
    case ACTORS_IMPORTED: return "imported";
    }
    return "?";
}

/* ------------------------------------------------------------ map */

static uint32_t map_get(const actors_dict *d, uint32_t parent, const char *key, size_t n)
{
    return kmap_get(&d->map, parent, key, n);
}

/* Insert a key known to be absent; the key is copied. */
static rasd_status map_put(actors_dict *d, uint32_t parent, const char *key, size_t n,
                           uint32_t val)
{
    return kmap_put(&d->map, &d->mem, parent, key, n, val, "actors");
}

static rasd_status node_new(actors_dict *d, uint32_t *out)
{
    if (d->n_nodes >= ACT_ID_NS - 1)
        return err_set(RASD_ERR_LIMIT, "actors: dictionary too large");
    if (!array_grow((void **)&d->node_hit, &d->cap_nodes, d->n_nodes + 1,
              sizeof *d->node_hit))
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    d->node_hit[d->n_nodes] = 0;
    *out = (uint32_t)d->n_nodes++;
    return RASD_OK;
}

/* ------------------------------------------------------------ dict */

rasd_status actors_new(actors_dict **out)
{
    *out = NULL;
    actors_dict *d = calloc(1, sizeof *d);
    if (!d)
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    arena_init(&d->mem, 64 * 1024);
    uint32_t root;
    if (node_new(d, &root)) {
        actors_free(d);
        return RASD_ERR_NOMEM;
    }
    *out = d;
    return RASD_OK;
}

void actors_free(actors_dict *d)
{
    if (!d)
        return;
    arena_free(&d->mem);
    kmap_free(&d->map);
    free(d->node_hit);
    free(d->hits);
    free(d->entries);
    free(d->layers);
    free(d);
}

rasd_status act_layer_begin(actors_dict *d, const char *name)
{
    if (!array_grow((void **)&d->layers, &d->cap_layers, d->n_layers + 1,
              sizeof *d->layers))
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    act_layer *l = &d->layers[d->n_layers];
    memset(l, 0, sizeof *l);
    l->name = arena_strdup(&d->mem, name ? name : "");
    if (!l->name)
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    d->n_layers++;
    return RASD_OK;
}

act_layer *act_layer_cur(actors_dict *d)
{
    return d->n_layers ? &d->layers[d->n_layers - 1] : NULL;
}

rasd_status act_entry_add(actors_dict *d, actors_entry *e, bool strict)
{
    size_t n = strlen(e->id);
    uint32_t prev = map_get(d, ACT_ID_NS, e->id, n);
    if (prev != ACT_NONE) {
        const actors_entry *p = d->entries[prev];
        if (!strict)
            return RASD_OK;
        return err_set(RASD_ERR_PARSE, "%s:%u: duplicate id %s (first defined at %s:%u)",
                       e->file, e->line, e->id, p->file, p->line);
    }
    if (!array_grow((void **)&d->entries, &d->cap_entries, d->n_entries + 1,
              sizeof *d->entries))
        return err_set(RASD_ERR_NOMEM, "actors: out of memory");
    rasd_status st = map_put(d, ACT_ID_NS, e->id, n, (uint32_t)d->n_entries);
    if (st)
        return st;
    d->entries[d->n_entries++] = e;
    act_layer *l = act_layer_cur(d);
    if (l)
        l->st.entries++;
    return RASD_OK;
}

const actors_entry *actors_find(const actors_dict *d, const char *id)
{
    if (!d || !id)
        return NULL;
    uint32_t i = map_get(d, ACT_ID_NS, id, strlen(id));
    return i == ACT_NONE ? NULL : d->entries[i];
}

/* ------------------------------------------------------------ keys */

/* UTF-8 of the letters the clitic rules look at (after RASD_NORM_ALL). */
#define AR_WAW "\xD9\x88"
#define AR_FEH "\xD9\x81"
#define AR_BEH "\xD8\xA8"
#define AR_LAM "\xD9\x84"
#define AR_KAF "\xD9\x83"
#define AR_ALEF "\xD8\xA7"
#define AR_YEH "\xD9\x8A"
#define AR_AL AR_ALEF AR_LAM

static bool starts(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

/* Bytes of a leading article ال to drop from a key's first token: only
 * when at least two letters remain. */
static size_t article_len(const char *s, size_t n)
{
    if (starts(s, n, AR_AL) && act_utf8_chars(s + 4, n - 4) >= 2)
        return 4;
    return 0;
}

/* A token made only of proclitics: و ف, ب ك ل, ال, لل in that order. */
static bool clitic_only(const char *s, size_t n)
{
    size_t i = 0;
    if (starts(s + i, n - i, AR_WAW) || starts(s + i, n - i, AR_FEH))
        i += 2;
    if (starts(s + i, n - i, AR_LAM AR_LAM))
        i += 4;
    else {
        if (starts(s + i, n - i, AR_BEH) || starts(s + i, n - i, AR_KAF) ||
            starts(s + i, n - i, AR_LAM))
            i += 2;
        if (starts(s + i, n - i, AR_AL))
            i += 4;
    }
    return i == n;
}

/* Function words that must never make up a whole name (RASD_NORM_ALL). */
static const char *const act_stop[] = {
    "في", "من", "الي", "علي", "عن", "مع", "او", "ثم", "ان", "هذا", "هذه",
    "ذلك", "تلك", "الذي", "التي", "الذين", "هو", "هي", "هم", "قد", "لا",
    "لم", "لن", "ما", "كان", "كانت", "بعد", "قبل", "بين", "عند", "حتي",
    "كل", "بعض", "غير", "اي", "منذ", "خلال", "ضد", "حول", "لدي", "له",
    "لها", "انه", "انها", "ولا", "اما", "اذا", "لقد", "the", "of", "and",
    NULL};

static bool is_stop(const char *s, size_t n)
{
    for (size_t i = 0; act_stop[i]; i++)
        if (strlen(act_stop[i]) == n && memcmp(act_stop[i], s, n) == 0)
            return true;
    return false;
}

/* A token that cannot carry a name on its own. */
static bool trivial_tok(const char *s, size_t n)
{
    size_t a = article_len(s, n);
    return act_utf8_chars(s + a, n - a) < 2 || clitic_only(s, n) ||
           is_stop(s, n);
}

/* ------------------------------------------------------------ indexing */

void act_scratch_free(act_scratch *sc)
{
    tokvec_free(&sc->tv);
    free(sc->norm);
    memset(sc, 0, sizeof *sc);
}

static rasd_status phrase_tokens(act_scratch *sc, const char *s, size_t n)
{
    sc->tv.n = 0;
    if (sc->norm_cap < 2 * n + 1) {
        char *p = realloc(sc->norm, 2 * n + 1);
        if (!p)
            return err_set(RASD_ERR_NOMEM, "actors: out of memory");
        sc->norm = p;
        sc->norm_cap = 2 * n + 1;
    }
    char *cur = sc->norm;
    return text_tokenize(s, 0, n, RASD_NORM_ALL, &sc->tv, &cur);
}

/* Why a tokenised phrase may not be indexed, or NULL. */
static const char *phrase_refusal(const tokvec *tv)
{
    if (tv->n == 0)
        return "empty name";
    if (tv->n > ACT_MAX_PHRASE_TOKS)
        return "name too long (more than 24 tokens)";
    bool letters = false, all_trivial = true;
    for (size_t k = 0; k < tv->n; k++) {
        const rasd_token *t = &tv->v[k];
        if (t->kind == RASD_TOK_ARABIC || t->kind == RASD_TOK_LATIN)
            letters = true;
        if (t->norm_len >= ACT_TOKBUF - 8)
            return "name has an over-long word";
        bool triv = (t->kind == RASD_TOK_ARABIC || t->kind == RASD_TOK_LATIN)
                        ? (tv->n == 1 ? trivial_tok(t->norm, t->norm_len)
                                      : clitic_only(t->norm, t->norm_len) ||
                                            is_stop(t->norm, t->norm_len))
                        : true;
        if (!triv)
            all_trivial = false;
    }
    if (!letters)
        return "name has no letters";
    if (all_trivial)
        return "name would match everything (only clitics, single letters or stop words)";
    return NULL;
}

/* Sound-plural, feminine, dual and accusative endings, after RASD_NORM_ALL
 * (ة -> ه): أمريكي -> أمريكية أمريكيا أمريكيون أمريكيين أمريكيات
 * أمريكيان أمريكيتان أمريكيتين. */
static const char *const act_suffixes[] = {
    "", "\xD9\x87", AR_ALEF, AR_WAW "\xD9\x86", AR_YEH "\xD9\x86",
    AR_ALEF "\xD8\xAA", AR_ALEF "\xD9\x86", "\xD8\xAA" AR_ALEF "\xD9\x86",
    "\xD8\xAA" AR_YEH "\xD9\x86", NULL};

/* Agents inflect for number and case only, including the construct forms
 * of the plural (مقاتلو / مقاتلي الحركة); the feminine forms of words like
 * مسلح, صحفي, انتحاري are mostly adjectives (مسلحة, صحفية). */
static const char *const act_agent_suffixes[] = {
    "", AR_ALEF, AR_WAW "\xD9\x86", AR_YEH "\xD9\x86", AR_ALEF "\xD9\x86",
    AR_YEH, AR_WAW, NULL};

static bool ends_yeh(const char *s, size_t n)
{
    return n >= 2 && memcmp(s + n - 2, AR_YEH, 2) == 0;
}

typedef struct key_seq {
    const char *tok[ACT_MAX_PHRASE_TOKS];
    size_t len[ACT_MAX_PHRASE_TOKS];
    size_t n;
} key_seq;

/* The phrase being indexed, for messages. */
typedef struct phrase_ctx {
    const act_variant *v;
    const char *s;
    size_t n;
} phrase_ctx;

static bool same_owner(const act_hit *h, const act_variant *v)
{
    if (h->entry != v->entry)
        return false;
    return v->entry || strcmp(h->sector ? h->sector : "",
                              v->sector ? v->sector : "") == 0;
}

/* The hit of `node` with article rule `art`. */
static act_hit *node_hit_for(actors_dict *d, uint32_t node, int art)
{
    for (uint32_t hi = d->node_hit[node]; hi; hi = d->hits[hi - 1].next)
        if (d->hits[hi - 1].art == art)
            return &d->hits[hi - 1];
    return NULL;
}

/* Put one key sequence into the trie and attach the variant there. */
static rasd_status index_keys(actors_dict *d, const key_seq *ks,
                              const phrase_ctx *pc, bool derived, int art,
                              act_outcome *out)
{
    const act_variant *v = pc->v;
    uint32_t node = ACT_ROOT;
    for (size_t k = 0; k < ks->n; k++) {
        uint32_t child = map_get(d, node, ks->tok[k], ks->len[k]);
        if (child == ACT_NONE) {
            rasd_status st = node_new(d, &child);
            if (!st)
                st = map_put(d, node, ks->tok[k], ks->len[k], child);
            if (st)
                return st;
        }
        node = child;
    }
    act_hit *h = node_hit_for(d, node, art);
    /* imported layers never add a reading beside an earlier one */
    if (!h && !v->strict && d->node_hit[node] &&
        !same_owner(&d->hits[d->node_hit[node] - 1], v)) {
        *out = ACT_SHADOWED;
        return RASD_OK;
    }
    if (h) {
        bool same = same_owner(h, v);
        if (same || derived) {
            /* explicit beats derived within an entry too */
            if (same && h->derived && !derived) {
                h->derived = 0;
                h->kind = (uint8_t)v->kind;
            }
            *out = same ? ACT_ADDED : ACT_SHADOWED;
            return RASD_OK;
        }
        if (!h->derived) {
            if (v->strict)
                return err_set(RASD_ERR_PARSE,
                               "%s:%u: name '%.*s' already belongs to %s (%s:%u)",
                               v->file, v->line, (int)(pc->n > 80 ? 80 : pc->n),
                               pc->s, h->entry ? h->entry->id : "an agent",
                               h->file, h->line);
            *out = ACT_SHADOWED;
            return RASD_OK;
        }
        /* an explicit name takes the key over from a derived form */
    } else {
        if (!array_grow((void **)&d->hits, &d->cap_hits, d->n_hits + 1,
                  sizeof *d->hits))
            return err_set(RASD_ERR_NOMEM, "actors: out of memory");
        h = &d->hits[d->n_hits++];
        h->next = d->node_hit[node];
        d->node_hit[node] = (uint32_t)d->n_hits;
        act_layer *l = act_layer_cur(d);
        if (l)
            l->st.keys++;
    }
    uint32_t next = h->next;
    *h = (act_hit){v->entry, v->country, v->sector, v->code, v->file, v->line,
                   (uint8_t)v->kind, (uint8_t)derived, (uint8_t)art, next};
    *out = ACT_ADDED;
    return RASD_OK;
}

/* Index tv with suffix `suf` on the tokens that inflect (those ending in ي
 * for adjectives, every Arabic token for agents). With `toggle`, tokens
 * after the first appear both with and without the article (الكوري
 * الجنوبي / كوري جنوبي); otherwise they are kept as written. */
static rasd_status index_form(actors_dict *d, const tokvec *tv,
                              const phrase_ctx *pc, const char *suf,
                              bool toggle, act_outcome *base)
{
    char kb[ACT_MAX_PHRASE_TOKS][ACT_TOKBUF];
    size_t sl = strlen(suf), n = tv->n;
    bool all = pc->v->kind != ACTORS_ADJ;
    size_t combos = toggle && n <= 5 ? (size_t)1 << (n - 1) : 1;
    for (size_t mask = 0; mask < combos; mask++) {
        key_seq ks = {.n = n};
        /* adjectives and inflected words take the article freely; names
         * keep the article as written */
        int art = (pc->v->inflect || pc->v->kind == ACTORS_ADJ) ? ACT_ART_ANY
                  : pc->v->free_article ? ACT_ART_ANY : ACT_ART_NONE;
        /* adjectives and inflected agents are written without the article,
         * so a leading ال is part of the word (ألماني) and stays */
        bool infl_first = art == ACT_ART_ANY && !pc->v->free_article;
        for (size_t k = 0; k < n; k++) {
            const char *s = tv->v[k].norm;
            size_t len = tv->v[k].norm_len, o = 0;
            bool with_al = false;
            if ((k == 0 && !infl_first) || (k > 0 && toggle)) {
                size_t a = article_len(s, len);
                s += a;
                len -= a;
                with_al = k && (mask >> (k - 1)) & 1;
                if (k == 0 && a && art == ACT_ART_NONE)
                    art = ACT_ART_NEED;
            }
            if (with_al) {
                memcpy(kb[k], AR_AL, 4);
                o = 4;
            }
            memcpy(kb[k] + o, s, len);
            o += len;
            if (sl && tv->v[k].kind == RASD_TOK_ARABIC &&
                (all || ends_yeh(s, len))) {
                memcpy(kb[k] + o, suf, sl);
                o += sl;
            }
            ks.tok[k] = kb[k];
            ks.len[k] = o;
        }
        act_outcome oc = ACT_ADDED;
        rasd_status st = index_keys(d, &ks, pc, sl != 0, art, &oc);
        if (st)
            return st;
        if (!sl && mask == 0)
            *base = oc;
    }
    return RASD_OK;
}

static bool phrase_inflects(const tokvec *tv, const act_variant *v)
{
    if (!v->inflect)
        return false;
    if (v->kind != ACTORS_ADJ)
        return true;
    for (size_t k = 0; k < tv->n; k++)
        if (ends_yeh(tv->v[k].norm, tv->v[k].norm_len))
            return true;
    return false;
}

rasd_status act_index_phrase(actors_dict *d, act_scratch *sc, const char *s,
                             size_t n, const act_variant *v, act_outcome *out)
{
    act_outcome dummy;
    if (!out)
        out = &dummy;
    *out = ACT_REFUSED;
    rasd_status st = phrase_tokens(sc, s, n);
    if (st)
        return st;
    const char *why = phrase_refusal(&sc->tv);
    if (why) {
        if (v->strict)
            return err_set(RASD_ERR_PARSE, "%s:%u: %s: '%.*s'", v->file,
                           v->line, why, (int)(n > 80 ? 80 : n), s);
        return RASD_OK;
    }
    phrase_ctx pc = {v, s, n};
    bool inflect = phrase_inflects(&sc->tv, v);
    act_outcome oc = ACT_ADDED;
    const char *const *sufs =
        v->kind == ACTORS_AGENT ? act_agent_suffixes : act_suffixes;
    for (size_t i = 0; sufs[i]; i++) {
        if (i > 0 && !inflect)
            break;
        st = index_form(d, &sc->tv, &pc, sufs[i], inflect, &oc);
        if (st)
            return st;
    }
    *out = oc;
    act_layer *l = act_layer_cur(d);
    if (oc == ACT_ADDED && l && v->kind != ACT_KIND_BLOCK)
        l->st.variants++;
    return RASD_OK;
}

/* ------------------------------------------------------------ matching */

/* RASD_NORM_ALL form of a document token into out; SIZE_MAX if unusable. */
static size_t tok_key(const rasd_token *t, char *out)
{
    if (!t->norm || t->norm_len == 0 || t->norm_len >= ACT_TOKBUF - 8)
        return SIZE_MAX;
    return text_norm_token(t->norm, t->norm_len, RASD_NORM_ALL, out);
}

/* A stem of the first token after stripping proclitics; `al` says whether
 * the article (ال, or the ل of لل) was among them. */
typedef struct stem {
    size_t off;
    bool al;
    bool bare_prep;  /* ب ك ل stripped without an article: no adjectives (بروس) */
} stem;

static void stem_add(stem *c, size_t *k, const char *s, size_t n, size_t off,
                     bool al, bool bare_prep)
{
    if (off && act_utf8_chars(s + off, n - off) < 2)
        return;
    for (size_t i = 0; i < *k; i++)
        if (c[i].off == off) {
            c[i].al = c[i].al || al;
            c[i].bare_prep = c[i].bare_prep && bare_prep;
            return;
        }
    size_t i = (*k)++;
    for (; i > 0 && c[i - 1].off > off; i--)
        c[i] = c[i - 1];
    c[i] = (stem){off, al, bare_prep};
}

/* Stems in ascending offset order, so less stripping is tried first:
 * [و|ف] [ب|ك|ل] [ال], or [و|ف] لل. */
static size_t clitic_cands(const char *s, size_t n, stem *c)
{
    size_t k = 0, bases[2] = {0, 0}, nb = 1;
    stem_add(c, &k, s, n, 0, false, false);
    if (starts(s, n, AR_WAW) || starts(s, n, AR_FEH))
        bases[nb++] = 2;
    for (size_t b = 0; b < nb; b++) {
        size_t o = bases[b], m = n - o;
        const char *p = s + o;
        stem_add(c, &k, s, n, o, false, false);
        if (starts(p, m, AR_AL) || starts(p, m, AR_LAM AR_LAM))
            stem_add(c, &k, s, n, o + 4, true, false);
        if (starts(p, m, AR_BEH) || starts(p, m, AR_KAF) || starts(p, m, AR_LAM)) {
            stem_add(c, &k, s, n, o + 2, false, true);
            if (starts(p + 2, m - 2, AR_AL))
                stem_add(c, &k, s, n, o + 6, true, false);
        }
    }
    return k;
}

/* The hit of `node` that text with (al) or without the article may use;
 * a hit whose article rule matches exactly is preferred. */
static uint32_t hit_for(const actors_dict *d, uint32_t node, const stem *st)
{
    uint32_t any = 0;
    bool al = st->al;
    for (uint32_t hi = d->node_hit[node]; hi; hi = d->hits[hi - 1].next) {
        int art = d->hits[hi - 1].art;
        if (st->bare_prep && d->hits[hi - 1].kind == ACTORS_ADJ)
            continue;
        if (art == (al ? ACT_ART_NEED : ACT_ART_NONE))
            return hi;
        if (art == ACT_ART_ANY)
            any = hi;
    }
    return any;
}

/* A hyphen with no space on either side between two words of a name
 * (جونغ-أون) stands for the space the dictionary writes. */
static bool joining_hyphen(const rasd_token *toks, size_t n, size_t k)
{
    return k > 0 && k + 1 < n && toks[k].kind == RASD_TOK_PUNCT && toks[k].norm_len == 1 &&
           toks[k].norm[0] == '-' && toks[k - 1].end == toks[k].start &&
           toks[k].end == toks[k + 1].start && toks[k + 1].kind == RASD_TOK_ARABIC &&
           toks[k - 1].kind == RASD_TOK_ARABIC;
}

/* Walk the trie from `node` over toks[j..n); return the last acceptable
 * hit seen and the number of tokens it covers beyond j (via *len). */
static uint32_t walk(const actors_dict *d, uint32_t node, const rasd_token *toks,
                     size_t n, size_t j, const stem *st, size_t *len)
{
    char key[ACT_TOKBUF];
    uint32_t best = hit_for(d, node, st);
    *len = 0;
    for (size_t k = j; k < n && k - j < ACT_MAX_PHRASE_TOKS; k++) {
        if (joining_hyphen(toks, n, k))
            continue; /* كيم جونغ-أون = كيم جونغ أون */
        size_t kl = tok_key(&toks[k], key);
        if (kl == SIZE_MAX)
            break;
        node = map_get(d, node, key, kl);
        if (node == ACT_NONE)
            break;
        uint32_t h = hit_for(d, node, st);
        if (h) {
            best = h;
            *len = k - j + 1;
        }
    }
    return best;
}

bool actors_match_at(const actors_dict *d, const rasd_token *toks, size_t n,
                     size_t i, actors_match *m)
{
    if (!d || !toks || i >= n)
        return false;
    char first[ACT_TOKBUF];
    size_t fl = tok_key(&toks[i], first);
    if (fl == SIZE_MAX)
        return false;
    stem cand[12];
    size_t nc = clitic_cands(first, fl, cand);
    uint32_t best = 0;
    size_t best_len = 0, best_off = 0;
    for (size_t c = 0; c < nc; c++) {
        uint32_t node = map_get(d, ACT_ROOT, first + cand[c].off,
                                fl - cand[c].off);
        if (node == ACT_NONE)
            continue;
        size_t more;
        uint32_t h = walk(d, node, toks, n, i + 1, &cand[c], &more);
        if (h && (!best || more + 1 > best_len)) {
            best = h;
            best_len = more + 1;
            best_off = cand[c].off;
        }
    }
    if (!best || d->hits[best - 1].kind == ACT_KIND_BLOCK)
        return false;
    const act_hit *h = &d->hits[best - 1];
    m->entry = h->entry;
    m->kind = (actors_kind)h->kind;
    m->ntok = best_len;
    m->prefix_chars = (unsigned)act_utf8_chars(first, best_off);
    m->id = h->entry ? h->entry->id : "";
    m->country = h->country ? h->country : "";
    m->sector = h->sector ? h->sector : "";
    /* names and adjectives: the entry's current code (its latest role, or
     * country + sector); metonyms and agents carry their own */
    if (h->entry && h->kind != ACTORS_METONYM)
        m->code = actors_role_at(h->entry, 0, 0, 0);
    else
        m->code = h->code ? h->code : "";
    return true;
}

/* ------------------------------------------------------------ roles */

const char *actors_role_at(const actors_entry *e, int y, int m, int day)
{
    if (!e)
        return "";
    const actors_role *pick = NULL;
    if (y <= 0) {
        for (size_t i = 0; i < e->n_roles; i++)
            if (!pick || e->roles[i].from > pick->from)
                pick = &e->roles[i];
        return pick ? pick->code : e->code;
    }
    int32_t date = (int32_t)y * 10000 + (m > 0 ? m : 7) * 100 +
                   (day > 0 ? day : (m > 0 ? 15 : 1));
    for (size_t i = 0; i < e->n_roles; i++) {
        const actors_role *r = &e->roles[i];
        if (date < r->from || date > r->to)
            continue;
        if (!pick || (int64_t)r->to - r->from < (int64_t)pick->to - pick->from)
            pick = r;
    }
    return pick ? pick->code : e->code;
}

/* ------------------------------------------------------------ resolve */

/* The code a match stands for on a date. */
static const char *match_code(const actors_match *mt, int y, int m, int day)
{
    if (mt->kind == ACTORS_METONYM || !mt->entry)
        return mt->code;
    return actors_role_at(mt->entry, y, m, day);
}

static void code_cat(char *dst, size_t cap, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la >= cap)
        la = cap - 1;
    if (lb >= cap - la)
        lb = cap - la - 1;
    memcpy(dst, a, la);
    memcpy(dst + la, b, lb);
    dst[la + lb] = '\0';
}

/* Does the token end in the plural ون / ين (two-byte letters)? */
static bool plural_with_nun(const rasd_token *t)
{
    static const char *const suf[] = {"\xD9\x88\xD9\x86", "\xD9\x8A\xD9\x86"}; /* ون ين */
    if (t->norm_len < 6)
        return false;
    for (size_t k = 0; k < 2; k++)
        if (!memcmp(t->norm + t->norm_len - 4, suf[k], 4))
            return true;
    return false;
}

/* Does the token carry the article, after its proclitics (الجيش، وبالجيش،
 * للجيش)? The same reading of clitics as a lookup's. */
static bool tok_definite(const rasd_token *t)
{
    char key[ACT_TOKBUF];
    stem cand[12];
    size_t n = tok_key(t, key);
    size_t nc = n == SIZE_MAX ? 0 : clitic_cands(key, n, cand);
    for (size_t c = 0; c < nc; c++)
        if (cand[c].al)
            return true;
    return false;
}

/* Agent + following reading: a country, region or people (a bare
 * three-letter code: TUR, KUR, AFR) or a capital lends its code
 * (الجيش التركي -> TURMIL); any other entry is the body the agent belongs
 * to and gives its own code (قوات الناتو, مقاتلو داعش). */
static void resolve_agent(actors_actor *out, int y, int m, int day)
{
    const actors_match *h = &out->head, *md = &out->mod;
    if (!out->has_mod || md->kind == ACTORS_AGENT || !md->entry) {
        out->has_mod = false;
        code_cat(out->code, sizeof out->code, "", h->sector);
        return;
    }
    out->ntok += md->ntok;
    const char *mc = match_code(md, y, m, day);
    if (md->kind == ACTORS_METONYM && md->country[0])
        code_cat(out->code, sizeof out->code, md->country, h->sector);
    else if (strlen(mc) == 3)
        code_cat(out->code, sizeof out->code, mc, h->sector);
    else
        code_cat(out->code, sizeof out->code, mc, "");
}

bool actors_resolve(const actors_dict *d, const rasd_token *toks, size_t n,
                    size_t i, int y, int m, int day, actors_actor *out)
{
    memset(out, 0, sizeof *out);
    if (!actors_match_at(d, toks, n, i, &out->head))
        return false;
    const actors_match *h = &out->head;
    out->ntok = h->ntok;
    size_t j = i + h->ntok;
    out->has_mod = j < n && actors_match_at(d, toks, n, j, &out->mod);
    /* فصائل المعارضة وروسيا: a reading after و is a conjunct, not what
     * the agent belongs to */
    if (out->has_mod && out->mod.prefix_chars > 0 && toks[j].norm_len >= 2 &&
        !memcmp(toks[j].norm, "\xD9\x88", 2))
        out->has_mod = false;
    /* A sound masculine plural that keeps its ن (معارضون، المتظاهرين) is
     * no construct head: a person after it is another phrase (ويتهم
     * معارضون أردوغان: the opponents accuse Erdoğan). */
    if (out->has_mod && h->kind == ACTORS_AGENT && out->mod.entry &&
        out->mod.entry->type == ACTORS_PERSON && plural_with_nun(&toks[i + h->ntok - 1]))
        out->has_mod = false;
    /* المستشار تركي آل الشيخ: an adjective agrees with its noun in
     * definiteness; an indefinite one after a definite title is a name */
    if (out->has_mod && h->kind == ACTORS_AGENT && out->mod.kind == ACTORS_ADJ &&
        tok_definite(&toks[j - 1]) && !tok_definite(&toks[j]))
        out->has_mod = false;
    if (h->kind == ACTORS_AGENT)
        resolve_agent(out, y, m, day);
    else {
        code_cat(out->code, sizeof out->code, match_code(h, y, m, day), "");
        /* الحرس الثوري الإيراني: an adjective of the entry's own country */
        if (out->has_mod && h->kind != ACTORS_ADJ &&
            out->mod.kind == ACTORS_ADJ && h->country[0] &&
            out->mod.entry != h->entry &&
            strcmp(out->mod.country, h->country) == 0)
            out->ntok += out->mod.ntok;
        else
            out->has_mod = false;
    }
    if (!out->has_mod)
        memset(&out->mod, 0, sizeof out->mod);
    return true;
}

/* ------------------------------------------------------------ stats */

void actors_get_stats(const actors_dict *d, actors_stats *st)
{
    memset(st, 0, sizeof *st);
    if (!d)
        return;
    for (size_t i = 0; i < d->n_layers; i++) {
        const actors_stats *l = &d->layers[i].st;
        st->entries += l->entries;
        st->agents += l->agents;
        st->variants += l->variants;
        st->keys += l->keys;
    }
    st->layers = d->n_layers;
}

bool actors_layer_stats(const actors_dict *d, size_t i, const char **name,
                        actors_stats *st)
{
    if (!d || i >= d->n_layers)
        return false;
    if (name)
        *name = d->layers[i].name;
    if (st) {
        *st = d->layers[i].st;
        st->layers = 1;
    }
    return true;
}
