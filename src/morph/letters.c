/* letters.c - Arabic letters for morphology: folding, offsets, clitic
 * patterns and the candidate analyses of a word. */
#include "morph_int.h"
#include "../text/text.h"

#include <string.h>

static const char *const upos_names[UPOS_COUNT] = {
    "_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *morph_upos_str(int upos)
{
    return upos > 0 && upos < UPOS_COUNT ? upos_names[upos] : "_";
}

int morph_upos_parse(const char *s)
{
    for (int i = 1; i < UPOS_COUNT; i++)
        if (strcmp(s, upos_names[i]) == 0)
            return i;
    return UPOS_NONE;
}

static const char *const clitic_names[MCL_COUNT] = {
    "", "و", "ف", "ب", "ل", "ك", "س", "ال", "ه", "ها", "هم", "هما", "هن", "ك",
    "كم", "كما", "كن", "نا", "ي", "ني"};

const char *morph_clitic_str(int clitic)
{
    return clitic > 0 && clitic < MCL_COUNT ? clitic_names[clitic] : "";
}

int ml_fold(uint32_t cp)
{
    if (cp >= 0x0621 && cp <= 0x064A) {
        if (cp == AR_ALEF_MADDA || cp == AR_ALEF_HAMZA ||
            cp == AR_ALEF_HAMZA_BELOW)
            return AR_ALEF;
        if (cp == 0x0640) /* tatweel */
            return 0;
        if (cp >= 0x063B && cp <= 0x063F) /* Persian/rare forms */
            return cp == 0x063D || cp == 0x063E || cp == 0x063F ? AR_YEH : (int)cp;
        return (int)cp;
    }
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 ||
        (cp >= 0x06D6 && cp <= 0x06ED && cp != 0x06E5 && cp != 0x06E6))
        return 0;
    if (cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F ||
        cp == 0x061C || cp == 0xFEFF)
        return 0;
    switch (cp) {
    case 0x0671: case 0x0672: case 0x0673: case 0x0675: return AR_ALEF;
    case 0x06A9: case 0x06AA: return AR_KAF;            /* keheh */
    case 0x06CC: case 0x06D0: case 0x06D2: return AR_YEH;
    case 0x06C1: case 0x06BE: case 0x06D5: return AR_HEH;
    case 0x06C0: case 0x06C3: return AR_TEH_MARBUTA;
    default: break;
    }
    if (cp >= 0x0674 && cp <= 0x06D3) /* other Arabic-script letters (پ چ ژ گ ڤ) */
        return (int)cp;
    return -1;
}

int ml_from_utf8(const char *s, size_t n, mletters *w)
{
    const unsigned char *u = (const unsigned char *)s;
    w->n = 0;
    w->off[0] = 0;
    if (n >= 0xFFFF)
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode(u + i, n - i, &cp);
        if (!k || cp < 0x80)
            return 0;
        int f = ml_fold(cp);
        if (f < 0)
            return 0;
        if (f > 0) {
            if (w->n == ML_MAX)
                return 0;
            if (w->n > 0)
                w->off[w->n] = (uint16_t)i;
            w->cp[w->n] = (uint16_t)f;
            w->raw[w->n] = (uint16_t)cp;
            w->n++;
        }
        i += k;
    }
    w->off[w->n] = (uint16_t)n;
    return w->n > 0;
}

size_t ml_to_utf8(const uint16_t *cp, int a, int b, char *out, size_t cap)
{
    size_t o = 0;
    for (int i = a; i < b && o + 4 < cap; i++)
        o += utf8_encode(cp[i], out + o);
    out[o] = 0;
    return o;
}

uint64_t ml_hash(const uint16_t *cp, int a, int b)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int i = a; i < b; i++) {
        h ^= cp[i];
        h *= 0x100000001b3ULL;
    }
    return mix64(h ^ (uint64_t)(b - a));
}

/* ------------------------------------------------------------ patterns */

/* Proclitic pattern id = conj * 10 + mid. */
typedef struct mmid {
    uint8_t len, n, det;
    uint8_t cl[2];
    uint16_t lt[3];
} mmid;

static const mmid mids[10] = {
    {0, 0, 0, {0, 0}, {0, 0, 0}},
    {1, 1, 0, {MCL_BI, 0}, {AR_BEH, 0, 0}},
    {1, 1, 0, {MCL_LI, 0}, {AR_LAM, 0, 0}},
    {1, 1, 0, {MCL_KA, 0}, {AR_KAF, 0, 0}},
    {1, 1, 0, {MCL_SA, 0}, {AR_SEEN, 0, 0}},
    {2, 1, 1, {MCL_AL, 0}, {AR_ALEF, AR_LAM, 0}},
    {3, 2, 1, {MCL_BI, MCL_AL}, {AR_BEH, AR_ALEF, AR_LAM}},
    {3, 2, 1, {MCL_KA, MCL_AL}, {AR_KAF, AR_ALEF, AR_LAM}},
    {2, 2, 2, {MCL_LI, MCL_AL}, {AR_LAM, AR_LAM, 0}},
    {1, 2, 3, {MCL_LI, MCL_AL}, {AR_LAM, 0, 0}},
};

static const uint16_t conj_lt[3] = {0, AR_WAW, AR_FEH};

const msuf msuf_tab[MSUF_COUNT] = {
    {0, MCL_NONE, {0, 0, 0}},
    {1, MCL_HU, {AR_HEH, 0, 0}},
    {2, MCL_HA, {AR_HEH, AR_ALEF, 0}},
    {2, MCL_HUM, {AR_HEH, AR_MEEM, 0}},
    {3, MCL_HUMA, {AR_HEH, AR_MEEM, AR_ALEF}},
    {2, MCL_HUNNA, {AR_HEH, AR_NOON, 0}},
    {1, MCL_KA2, {AR_KAF, 0, 0}},
    {2, MCL_KUM, {AR_KAF, AR_MEEM, 0}},
    {3, MCL_KUMA, {AR_KAF, AR_MEEM, AR_ALEF}},
    {2, MCL_KUNNA, {AR_KAF, AR_NOON, 0}},
    {2, MCL_NA, {AR_NOON, AR_ALEF, 0}},
    {1, MCL_YA, {AR_YEH, 0, 0}},
    {2, MCL_NI, {AR_NOON, AR_YEH, 0}},
};

int mpre_conj(int p) { return p / 10; }
int mpre_mid(int p) { return p % 10; }
int mpre_len(int p) { return (p / 10 ? 1 : 0) + mids[p % 10].len; }
int mpre_det(int p) { return mids[p % 10].det; }

int mpre_ud_len(int p)
{
    int m = p % 10;
    return (p / 10 ? 1 : 0) + (m == 0 || m == 5 ? 0 : 1);
}

/* The clitics of pattern p in order (conjunction first); returns count. */
int mpre_clitics(int p, uint8_t *cl)
{
    int n = 0;
    if (p / 10)
        cl[n++] = p / 10 == 1 ? MCL_WA : MCL_FA;
    for (int i = 0; i < mids[p % 10].n; i++)
        cl[n++] = mids[p % 10].cl[i];
    return n;
}

/* Surface letters of clitic k of pattern p (for offsets): the conjunction and
 * preposition take one letter, ال two, shortened ال one, zero-width none. */
int mpre_clitic_len(int p, int k)
{
    int det = mids[p % 10].det;
    uint8_t cl[3];
    int n = mpre_clitics(p, cl);
    if (k >= n)
        return 0;
    if (cl[k] != MCL_AL)
        return 1;
    return det == 1 ? 2 : det == 2 ? 1 : 0;
}

static int is_bare_alef(uint16_t raw)
{
    return raw == AR_ALEF || raw == AR_ALEF_WASLA;
}

static int mid_matches(const mletters *w, int pos, int m)
{
    const mmid *d = &mids[m];
    if (pos + d->len > w->n)
        return 0;
    for (int i = 0; i < d->len; i++)
        if (w->cp[pos + i] != d->lt[i])
            return 0;
    int rest = pos + d->len;
    if (d->det == 1 && !is_bare_alef(w->raw[rest - 2]))
        return 0;
    if (d->det == 3 && (rest >= w->n || w->cp[rest] != AR_LAM))
        return 0;
    if (m == 4) { /* future sa- only before an imperfect verb */
        uint16_t c = rest < w->n ? w->cp[rest] : 0;
        if (c != AR_YEH && c != AR_TEH && c != AR_NOON && c != AR_ALEF)
            return 0;
    }
    return 1;
}

static int suf_matches(const mletters *w, int s)
{
    const msuf *d = &msuf_tab[s];
    if (d->len > w->n)
        return 0;
    for (int i = 0; i < d->len; i++)
        if (w->cp[w->n - d->len + i] != d->lt[i])
            return 0;
    return 1;
}

static int stem_ok(const mletters *w, int a, int b, int det, int s)
{
    int len = b - a;
    if (len >= 2 || (a == 0 && b == w->n)) /* the unsplit reading always */
        return 1;
    /* له بها لي: a bare preposition carrying a pronoun */
    return len == 1 && s > 0 && !det &&
           (w->cp[a] == AR_LAM || w->cp[a] == AR_BEH);
}

int mcand_list(const mletters *w, mcand *out)
{
    int n = 0;
    for (int c = 0; c < 3; c++) {
        if (c && (w->n < 3 || w->cp[0] != conj_lt[c]))
            continue;
        for (int m = 0; m < 10; m++) {
            int pos = c ? 1 : 0;
            if (!mid_matches(w, pos, m))
                continue;
            int a = pos + mids[m].len, det = mids[m].det;
            for (int s = 0; s < MSUF_COUNT; s++) {
                if ((s && det) || !suf_matches(w, s))
                    continue;
                int b = w->n - msuf_tab[s].len;
                if (b <= a || !stem_ok(w, a, b, det, s) || n == MCAND_MAX)
                    continue;
                out[n].p = (uint8_t)(c * 10 + m);
                out[n].s = (uint8_t)s;
                out[n].a = (uint8_t)a;
                out[n].b = (uint8_t)b;
                n++;
            }
        }
    }
    return n;
}

uint16_t mseg_pack(const mcand *c, int n)
{
    (void)n;
    return (uint16_t)(c->p | (c->s << 5) | 0x8000u);
}

void mseg_unpack(uint16_t v, int n, mcand *c)
{
    c->p = (uint8_t)(v & 31u);
    c->s = (uint8_t)((v >> 5) & 15u);
    c->a = (uint8_t)mpre_len(c->p);
    c->b = (uint8_t)(n - msuf_tab[c->s].len);
}

int mcand_valid(const mletters *w, const mcand *c)
{
    int conj = c->p / 10, m = c->p % 10;
    if (c->p >= MPRE_COUNT || c->s >= MSUF_COUNT || c->b <= c->a || c->b > w->n)
        return 0;
    if (conj && w->cp[0] != conj_lt[conj])
        return 0;
    return mid_matches(w, conj ? 1 : 0, m) && suf_matches(w, c->s);
}
