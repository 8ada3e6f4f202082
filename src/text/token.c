/* token.c - the tokeniser: one left-to-right pass over a text region,
 * classifying code points by table and emitting tokens with absolute byte
 * offsets and a normalised form.
 *
 * Decisions (see tests/spec/text.md for examples):
 *  - Arabic words keep their diacritics and tatweel; the norm drops them.
 *  - Zero-width and bidi marks never start a token; inside a word (between
 *    two code points that continue it) they are part of it, otherwise
 *    skipped.
 *  - Numbers take '.', ',', ':', '/', '٫', '٬' between digits (2024.07.03,
 *    07:23, 1,500, 3.5, 1.500.000); a dot not followed by a digit is never
 *    part of a number, so "2." gives NUMBER + full stop.
 *  - Latin words take digits, inner apostrophes (Trump's), hyphens before a
 *    letter or digit (S-400, F-35, al-Assad) and a dot before a lower-case
 *    letter (bbc.com). Digits directly followed by a Latin letter are one
 *    Latin token (5G, 3D).
 *  - An Arabic word, a hyphen and digits are one Arabic token ("إس-400",
 *    as with S-400); an Arabic word, hyphen, Arabic word stay three tokens
 *    ("التركية-الأمريكية").
 *  - Abbreviations: chains of single letters with dots ("U.S.", "p.m.",
 *    "أ.د."), one Latin capital with a dot ("J."), common English titles
 *    ("Dr.", "Mr.") and one Arabic letter with a dot ("د.") keep the dot and
 *    are flagged ABBREV; not after a number ("2018 م." ends a sentence).
 *  - Punctuation: one mark per token, but a run of one repeated mark is one
 *    token ("...", "!!", "-----"); brackets and quotes are always single.
 *  - Quote marks are flagged open or close: « ‹ „ open and » › close unless
 *    the context says otherwise; symmetric marks (" ' “ ” ″ ‘ ’) open after a
 *    space or opening punctuation and before a word, close after a word and
 *    before a space or punctuation; when the context is ambiguous, a mark
 *    closes if its family has a quote open in the region, else opens.
 *  - Tokens longer than RASD_MAX_TOKEN_BYTES are cut at code point
 *    boundaries; every piece is flagged TRUNCATED. */
#include "text_int.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define M(c) (1u << (c))
#define AR_MASK (M(CC_ARABIC) | M(CC_MARK) | M(CC_TATWEEL))
#define LAT_MASK (M(CC_LATIN) | M(CC_DIGIT) | M(CC_MARK))
#define OTH_MASK (M(CC_LETTER) | M(CC_MARK))
#define BLANK_MASK (M(CC_SPACE) | M(CC_NEWLINE) | M(CC_CONTROL))

typedef struct tks {
    const unsigned char *s;
    size_t lo, end;       /* the region */
    unsigned flags;       /* norm flags */
    tokvec *tv;
    size_t first;         /* first token of this region */
    char **cur;           /* norm output cursor */
    size_t qopen[QF_N];   /* quotes open per family */
    size_t pre_a, pre_b;  /* [pre_a, pre_b): its norm is already at *cur ... */
    size_t pre_n;         /* ... pre_n bytes long (tk_run_ar) */
} tks;

const char *rasd_token_kind_str(rasd_token_kind k)
{
    switch (k) {
    case RASD_TOK_ARABIC: return "arabic";
    case RASD_TOK_LATIN: return "latin";
    case RASD_TOK_NUMBER: return "number";
    case RASD_TOK_PUNCT: return "punct";
    case RASD_TOK_SYMBOL: return "symbol";
    case RASD_TOK_OTHER: return "other";
    }
    return "unknown";
}

void tokvec_free(tokvec *tv)
{
    if (!tv)
        return;
    free(tv->v);
    tv->v = NULL;
    tv->n = tv->cap = 0;
}

static uint32_t tk_cp(const tks *t, size_t i, size_t *len)
{
    return utf8_next(t->s, i, t->end, len);
}

/* Class of the code point at i; CC_SPACE at the region end. */
static cclass tk_cls(const tks *t, size_t i, uint32_t *cp, size_t *len)
{
    if (i >= t->end) {
        *cp = 0;
        *len = 0;
        return CC_SPACE;
    }
    *cp = tk_cp(t, i, len);
    return ctab_cls(*cp);
}

/* First position at or after i that is not an ignorable. */
static size_t tk_skip_ign(const tks *t, size_t i)
{
    uint32_t cp;
    size_t len;
    while (i < t->end && tk_cls(t, i, &cp, &len) == CC_IGNORABLE)
        i += len;
    return i;
}

/* The slow step of tk_run at i (3- and 4-byte code points, ignorables):
 * the position after the step, or i when the run ends there. */
static __attribute__((noinline)) size_t tk_run_step(const tks *t, size_t i, unsigned mask)
{
    uint32_t cp;
    size_t len;
    cclass cl = tk_cls(t, i, &cp, &len);
    if (mask & M(cl))
        return i + len;
    if (cl != CC_IGNORABLE)
        return i;
    size_t q = tk_skip_ign(t, i);
    if (q >= t->end || !(mask & M(tk_cls(t, q, &cp, &len))))
        return i;
    return q;
}

/* Extend a run of code points whose classes are in `mask`; ignorables are
 * taken only when the run continues after them. */
static size_t tk_run(const tks *t, size_t i, unsigned mask)
{
    const unsigned char *s = t->s;
    size_t end = t->end;
    while (i < end) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (!(mask & M(ctab_class[c])))
                break;
            i++;
        } else if (c >= 0xC2 && c < 0xE0 && i + 1 < end && (s[i + 1] & 0xC0) == 0x80 &&
                   (mask & M(ctab_class[((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)]))) {
            i += 2; /* Arabic and Latin: the table, no decoder call */
        } else {
            size_t q = tk_run_step(t, i, mask);
            if (q == i)
                break;
            i = q;
        }
    }
    return i;
}

/* tk_run over an Arabic word (AR_MASK) that also writes the word's
 * normalised form at *t->cur, as text_norm_token would, as long as every
 * code point is a two-byte one whose fold takes one step (kept, dropped, or
 * replaced by a code point that does not fold further). Records it in
 * t->pre_* for tk_push; a word it cannot normalise this way is left to
 * tk_push. */
static size_t tk_run_ar(tks *t, size_t i)
{
    const unsigned char *s = t->s;
    size_t end = t->end, a = i, o = 0;
    unsigned flags = t->flags;
    unsigned char *out = (unsigned char *)*t->cur;
    bool ok = true;
    while (i < end) {
        unsigned c = s[i];
        uint32_t cp;
        if (c >= 0xC2 && c < 0xE0 && i + 1 < end && (s[i + 1] & 0xC0) == 0x80 &&
            (AR_MASK & M(ctab_class[cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)]))) {
            cfold f = ctab_fold[cp];
            if (!(f.flag & flags)) {
                out[o] = (unsigned char)c;
                out[o + 1] = s[i + 1];
                o += 2;
            } else if (f.to && f.to != cp && f.to < CTAB_LO && !(ctab_fold[f.to].flag & flags)) {
                o += utf8_encode(f.to, (char *)out + o); /* never longer: f.to < 0x800 */
            } else if (f.to) {
                ok = false; /* a fold in several steps */
            }
            i += 2;
        } else if (c < 0x80) {
            if (!(AR_MASK & M(ctab_class[c])))
                break;
            ok = false;
            i++;
        } else { /* as tk_run: longer code points, ignorables inside a word */
            size_t q = tk_run_step(t, i, AR_MASK);
            if (q == i)
                break;
            i = q;
            ok = false;
        }
    }
    t->pre_a = a;
    t->pre_b = ok && o ? i : 0; /* o == 0: marks alone, tk_push's business */
    t->pre_n = o;
    return i;
}

static bool tk_push(tks *t, size_t a, size_t b, rasd_token_kind kind, unsigned flags)
{
    tokvec *tv = t->tv;
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 256;
        rasd_token *v = realloc(tv->v, cap * sizeof *v);
        if (!v)
            return false;
        tv->v = v;
        tv->cap = cap;
    }
    char *out = *t->cur;
    size_t n;
    if (a == t->pre_a && b == t->pre_b) { /* normalised while scanned */
        n = t->pre_n;
        out[n] = '\0';
    } else {
        n = text_norm_token_ready((const char *)t->s + a, b - a, t->flags, out);
    }
    t->pre_b = 0;
    if (!n) { /* tatweel or marks alone: keep the surface as key */
        memcpy(out, t->s + a, b - a);
        n = b - a;
        out[n] = '\0';
    }
    *t->cur += n + 1;
    tv->v[tv->n++] = (rasd_token){a, b, out, n, kind, flags};
    return true;
}

/* Emit [a, b), cut into pieces of at most RASD_MAX_TOKEN_BYTES. */
static bool tk_emit(tks *t, size_t a, size_t b, rasd_token_kind kind, unsigned flags)
{
    if (b - a <= RASD_MAX_TOKEN_BYTES)
        return tk_push(t, a, b, kind, flags);
    while (b - a > RASD_MAX_TOKEN_BYTES) {
        size_t cut = a + RASD_MAX_TOKEN_BYTES;
        while (cut > a + 1 && (t->s[cut] & 0xC0) == 0x80)
            cut--;
        if (!tk_push(t, a, cut, kind, RASD_TOKF_TRUNCATED))
            return false;
        a = cut;
    }
    return tk_push(t, a, b, kind, flags | RASD_TOKF_TRUNCATED);
}

/* ---------------------------------------------------------- abbreviations */

/* End of a one-letter word part at i (letter plus marks/tatweel) when the
 * letter's class is `letter` and no other letter of that script follows;
 * 0 otherwise. */
static size_t tk_single_letter(const tks *t, size_t i, cclass letter)
{
    uint32_t cp;
    size_t len;
    if (i >= t->end || tk_cls(t, i, &cp, &len) != letter)
        return 0;
    size_t q = tk_run(t, i + len, M(CC_MARK) | M(CC_TATWEEL));
    cclass c = tk_cls(t, q, &cp, &len);
    if (c == letter || (letter == CC_LATIN && c == CC_DIGIT))
        return 0;
    return q;
}

/* "U.S.", "p.m.", "أ.د.", "ق.م", "د.": returns the end and sets *dots (the
 * number of single letters with a dot, *enddot if the last has one), or 0. */
static size_t tk_chain(const tks *t, size_t i, cclass letter, size_t *dots, bool *enddot)
{
    size_t p = i, n = 0, end = 0;
    *enddot = false;
    for (;;) {
        size_t q = tk_single_letter(t, p, letter);
        if (!q)
            break;
        if (q < t->end && t->s[q] == '.' && !(q + 1 < t->end && t->s[q + 1] == '.')) {
            p = end = q + 1;
            n++;
            *enddot = true;
            continue;
        }
        if (n) {
            end = q;
            *enddot = false;
        }
        break;
    }
    *dots = n;
    return n ? end : 0;
}

static const char *const tk_abbr_en[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm",
    "Gov", "Sen", "Rep", "Pres", "St", "Jr", "Sr", "Mt", "Inc", "Ltd", "Corp", "Co",
    "vs", "etc", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
};

static bool tk_is_abbr_en(const unsigned char *w, size_t n)
{
    for (size_t i = 0; i < sizeof tk_abbr_en / sizeof tk_abbr_en[0]; i++)
        if (strlen(tk_abbr_en[i]) == n && !memcmp(tk_abbr_en[i], w, n))
            return true;
    return false;
}

/* The previous token of the region is a number right before i. */
static bool tk_after_number(const tks *t, size_t i)
{
    if (t->tv->n <= t->first)
        return false;
    const rasd_token *p = &t->tv->v[t->tv->n - 1];
    return p->kind == RASD_TOK_NUMBER && i - p->end <= 2;
}

/* A chain abbreviation at i, or 0 (then *fl untouched). */
static size_t tk_abbrev(const tks *t, size_t i, cclass letter, unsigned *fl)
{
    size_t dots;
    bool enddot;
    size_t e = tk_chain(t, i, letter, &dots, &enddot);
    if (!e)
        return 0;
    uint32_t cp;
    size_t len;
    if (enddot && tk_cls(t, e, &cp, &len) == CC_DIGIT)
        return 0; /* "بـ.530": a stray dot before a number */
    if (dots == 1 && enddot) {
        if (letter == CC_LATIN && !(t->s[i] >= 'A' && t->s[i] <= 'Z'))
            return 0;
        if (letter == CC_ARABIC && tk_after_number(t, i))
            return 0;
    }
    if (enddot)
        *fl |= RASD_TOKF_ABBREV;
    return e;
}

/* ---------------------------------------------------------- words */

static bool tk_is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

static size_t tk_digits(const tks *t, size_t i) { return tk_run(t, i, M(CC_DIGIT)); }

static size_t tk_arabic(tks *t, size_t i, unsigned *fl)
{
    size_t e = tk_run_ar(t, i);
    if (e < t->end && t->s[e] == '.') {
        size_t a = tk_abbrev(t, i, CC_ARABIC, fl);
        if (a)
            return a;
    }
    uint32_t cp;
    size_t len, len2;
    if (e < t->end && tk_is_hyphen(tk_cp(t, e, &len)) &&
        tk_cls(t, e + len, &cp, &len2) == CC_DIGIT)
        e = tk_digits(t, e + len); /* "إس-400" */
    return e;
}

static size_t tk_latin(const tks *t, size_t i)
{
    size_t e = tk_run(t, i, LAT_MASK);
    for (;;) {
        size_t len, len2;
        uint32_t cp, nx;
        if (e >= t->end)
            break;
        cp = tk_cp(t, e, &len);
        cclass nc = tk_cls(t, e + len, &nx, &len2);
        bool join = false;
        if (cp == '\'' || cp == 0x2019)
            join = nc == CC_LATIN;
        else if (tk_is_hyphen(cp))
            join = nc == CC_LATIN || nc == CC_DIGIT;
        else if (cp == '.')
            join = nc == CC_LATIN && utf8proc_category((utf8proc_int32_t)nx) == UTF8PROC_CATEGORY_LL;
        if (!join)
            break;
        e = tk_run(t, e + len, LAT_MASK);
    }
    return e;
}

static bool tk_is_numsep(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == ':' || cp == '/' || cp == 0x66B || cp == 0x66C;
}

/* A number; *latin set when it turns out to be a Latin token (5G). */
static size_t tk_number(const tks *t, size_t i, bool *latin)
{
    size_t e = tk_digits(t, i), len, len2;
    bool sep = false;
    uint32_t cp, nx;
    *latin = false;
    while (e < t->end) {
        cp = tk_cp(t, e, &len);
        if (!tk_is_numsep(cp) || tk_cls(t, e + len, &nx, &len2) != CC_DIGIT)
            break;
        e = tk_digits(t, e + len);
        sep = true;
    }
    if (!sep && tk_cls(t, e, &cp, &len) == CC_LATIN) {
        *latin = true;
        return tk_latin(t, i);
    }
    return e;
}

/* ---------------------------------------------------------- punctuation */

static bool tk_is_bracket(uint32_t cp)
{
    if (cp < 0x80)
        return cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == '{' || cp == '}';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PE;
}

static bool tk_is_open_bracket(uint32_t cp)
{
    if (cp < 0x80)
        return cp == '(' || cp == '[' || cp == '{';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_PS;
}

static bool tk_is_sent_end(uint32_t cp)
{
    switch (cp) {
    case '.': case '!': case '?': case 0x61F: case 0x6D4: case 0x2026: case 0x203C:
    case 0x2047: case 0x2048: case 0x2049: case 0x3002: case 0xFF01: case 0xFF0E:
    case 0xFF1F:
        return true;
    default:
        return false;
    }
}

/* Punctuation (or a lone tatweel run): a run of one repeated mark. */
static size_t tk_punct(const tks *t, size_t i, unsigned *fl)
{
    size_t len, len2;
    uint32_t cp = tk_cp(t, i, &len), nx;
    size_t e = i + len;
    if (!tk_is_bracket(cp))
        while (e < t->end && (nx = tk_cp(t, e, &len2)) == cp)
            e += len2;
    if (tk_is_sent_end(cp))
        *fl |= RASD_TOKF_SENT_END;
    return e;
}

/* What surrounds a quote mark, looking past ignorables. */
static bool tk_open_before(const tks *t, size_t i)
{
    uint32_t cp = 0;
    size_t len;
    cclass c = CC_SPACE;
    while (i > t->lo) {
        i = utf8_prev(t->s, t->lo, i);
        c = tk_cls(t, i, &cp, &len);
        if (c != CC_IGNORABLE)
            break;
        c = CC_SPACE;
    }
    if (M(c) & BLANK_MASK)
        return true;
    if (c == CC_PUNCT)
        return !tk_is_sent_end(cp) && !(tk_is_bracket(cp) && !tk_is_open_bracket(cp));
    return false;
}

/* 0: a word follows; 1: a space; 2: the region end or punctuation. */
static int tk_close_after(const tks *t, size_t e)
{
    uint32_t cp;
    size_t len;
    size_t q = tk_skip_ign(t, e);
    cclass c = tk_cls(t, q, &cp, &len);
    if (q >= t->end || c == CC_QUOTE || (c == CC_PUNCT && !tk_is_open_bracket(cp)))
        return 2;
    return (M(c) & BLANK_MASK) ? 1 : 0;
}

static unsigned tk_quote(tks *t, uint32_t cp, size_t i, size_t e)
{
    int fixed;
    int fam = text_quote_family(cp, &fixed);
    int after = tk_close_after(t, e);
    bool o = tk_open_before(t, i), c = after > 0;
    int dir = o && !c ? 1 : !o && c ? -1 : fixed ? fixed : t->qopen[fam] ? -1 : 1;
    /* word" next: a symmetric mark after a word and before a space opens
     * when nothing is open (typed with the space inside: بـ" العربية") */
    if (dir < 0 && !o && after == 1 && !fixed && !t->qopen[fam])
        dir = 1;
    if (dir > 0) {
        t->qopen[fam]++;
        return RASD_TOKF_QUOTE_OPEN;
    }
    if (t->qopen[fam])
        t->qopen[fam]--;
    return RASD_TOKF_QUOTE_CLOSE;
}

/* ---------------------------------------------------------- symbols */

static bool tk_is_ri(uint32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

/* An emoji with its modifiers, ZWJ sequence or flag pair; ASCII symbols
 * repeated ("====") form one token. */
static size_t tk_symbol(const tks *t, size_t i, uint32_t cp0)
{
    size_t len, len2;
    uint32_t cp, nx;
    size_t e = i;
    tk_cp(t, i, &len);
    e += len;
    if (cp0 < 0x80) {
        while (e < t->end && t->s[e] == cp0)
            e++;
        return e;
    }
    if (tk_is_ri(cp0) && e < t->end && tk_is_ri(tk_cp(t, e, &len)))
        return e + len;
    while (e < t->end) {
        cp = tk_cp(t, e, &len);
        if (cp >= 0x1F3FB && cp <= 0x1F3FF)
            e += len;
        else if (ctab_cls(cp) == CC_MARK)
            e += len;
        else if (cp == 0x200D && e + len < t->end &&
                 ctab_cls(nx = tk_cp(t, e + len, &len2)) == CC_SYMBOL)
            e += len + len2;
        else
            break;
    }
    return e;
}

/* ---------------------------------------------------------- driver */

static bool tk_arabic_mark(uint32_t cp)
{
    if (cp < CTAB_LO)
        return ctab_fold[cp].flag == RASD_NORM_DIACRITICS;
    return cp >= 0x870 && cp <= 0x8FF;
}

/* A run of marks and tatweels at i with no letter before it: the start of
 * an Arabic word when an Arabic letter follows; otherwise the whole run is
 * one token (so the scan stays linear): punctuation when it starts with a
 * tatweel (a dash: "I ـ لم"), no token at all (*kind = 0) for Arabic
 * tashkeel typed after a space, OTHER for other marks. */
static size_t tk_marks(tks *t, size_t i, uint32_t cp, cclass c, rasd_token_kind *kind,
                       unsigned *fl)
{
    uint32_t nx;
    size_t len;
    size_t q = tk_run(t, i, M(CC_MARK) | M(CC_TATWEEL));
    if (q < t->end && tk_cls(t, q, &nx, &len) == CC_ARABIC) {
        *kind = RASD_TOK_ARABIC;
        return tk_arabic(t, i, fl);
    }
    *kind = c == CC_TATWEEL ? RASD_TOK_PUNCT : tk_arabic_mark(cp) ? 0 : RASD_TOK_OTHER;
    return q;
}

/* An underscore that joins two words (#كوريا_الشمالية, #حزب_الله): a
 * hashtag's space, not a token, so that names match across it. */
static bool tk_joins_words(const tks *t, size_t i)
{
    if (i <= t->lo || t->s[i] != '_')
        return false;
    size_t p = i - 1, len;
    while (p > t->lo && (t->s[p] & 0xC0) == 0x80)
        p--;
    uint32_t cp;
    cclass before = tk_cls(t, p, &cp, &len), after = tk_cls(t, i + 1, &cp, &len);
    return (before == CC_ARABIC || before == CC_LATIN) &&
           (after == CC_ARABIC || after == CC_LATIN);
}

/* One token starting at i (a code point that may start one). */
static size_t tk_one(tks *t, size_t i, uint32_t cp, cclass c, rasd_token_kind *kind,
                     unsigned *fl)
{
    bool latin;
    size_t e;
    switch (c) {
    case CC_ARABIC:
        *kind = RASD_TOK_ARABIC;
        return tk_arabic(t, i, fl);
    case CC_TATWEEL:
    case CC_MARK:
        return tk_marks(t, i, cp, c, kind, fl);
    case CC_LATIN:
        *kind = RASD_TOK_LATIN;
        e = i + 1 < t->end && t->s[i + 1] == '.' ? tk_abbrev(t, i, CC_LATIN, fl) : 0;
        if (e)
            return e;
        e = tk_latin(t, i);
        if (e < t->end && t->s[e] == '.' && e - i <= 5 && tk_is_abbr_en(t->s + i, e - i)) {
            *fl |= RASD_TOKF_ABBREV;
            e++;
        }
        return e;
    case CC_DIGIT:
        e = tk_number(t, i, &latin);
        *kind = latin ? RASD_TOK_LATIN : RASD_TOK_NUMBER;
        return e;
    case CC_PUNCT:
        if (tk_joins_words(t, i)) {
            *kind = 0;
            return i + 1;
        }
        *kind = RASD_TOK_PUNCT;
        return tk_punct(t, i, fl);
    case CC_QUOTE: {
        size_t len;
        tk_cp(t, i, &len);
        *kind = RASD_TOK_PUNCT;
        *fl |= tk_quote(t, cp, i, i + len);
        return i + len;
    }
    case CC_SYMBOL:
        *kind = RASD_TOK_SYMBOL;
        return tk_symbol(t, i, cp);
    case CC_LETTER:
        *kind = RASD_TOK_OTHER;
        return tk_run(t, i, OTH_MASK);
    default: {
        size_t len;
        tk_cp(t, i, &len);
        *kind = RASD_TOK_OTHER;
        return i + len;
    }
    }
}

#if defined(__SSE2__)
/* Most Arabic words are a few letters of U+0620-063A and U+0641-064A that
 * no normalisation changes, followed by a space. Such a word is found
 * sixteen bytes at a time: the letters below (leads D8 and D9) are
 * checked against the tables once, and any ASCII byte but '.' and '-' ends
 * the word with nothing for tk_arabic to add (no abbreviation dot, no
 * "-400"). */
static bool tk_word_ok, tk_word_teh, tk_word_yeh; /* teh marbuta, alef maqsura too */
static pthread_once_t tk_word_once = PTHREAD_ONCE_INIT;

static bool tk_word_letter(uint32_t cp)
{
    return (cp >= 0x620 && cp <= 0x621) || cp == 0x624 || (cp >= 0x626 && cp <= 0x628) ||
           (cp >= 0x62A && cp <= 0x63A) || (cp >= 0x641 && cp <= 0x648) || cp == 0x64A;
}

static void tk_word_check(void)
{
    tk_word_ok = true;
    for (uint32_t cp = 0x600; cp < 0x680; cp++)
        if (tk_word_letter(cp) && (ctab_class[cp] != CC_ARABIC || ctab_fold[cp].flag))
            tk_word_ok = false;
    for (uint32_t c = 0; c < 0x80; c++)
        if (AR_MASK & M(ctab_class[c]))
            tk_word_ok = false;
    /* ة and ى change only under their own flags (TEH, YEH) */
    tk_word_teh = ctab_class[0x629] == CC_ARABIC && ctab_fold[0x629].flag == RASD_NORM_TEH;
    tk_word_yeh = ctab_class[0x649] == CC_ARABIC && ctab_fold[0x649].flag == RASD_NORM_YEH;
}

static __m128i tk_in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8((char)(hi - lo))),
                          _mm_setzero_si128());
}

/* Length of the plain word at s[i] (i + 16 <= end), or 0. x8 and x9 are
 * further second bytes of letters that stay as they are (ة after D8, ى
 * after D9) when the flags allow, else bytes already accepted. */
static size_t tk_plain_word(const unsigned char *s, size_t i, __m128i x8, __m128i x9)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(s + i)), nx = _mm_srli_si128(v, 1);
    __m128i d8 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8)),
            d9 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD9));
    __m128i l8 = _mm_or_si128(_mm_or_si128(tk_in_range(nx, 0xA0, 0xA1),
                                           _mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0xA4))),
                              _mm_or_si128(tk_in_range(nx, 0xA6, 0xA8), tk_in_range(nx, 0xAA, 0xBA)));
    __m128i l9 = _mm_or_si128(tk_in_range(nx, 0x81, 0x88),
                              _mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0x8A)));
    l8 = _mm_or_si128(l8, _mm_cmpeq_epi8(nx, x8));
    l9 = _mm_or_si128(l9, _mm_cmpeq_epi8(nx, x9));
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_and_si128(d8, l8), _mm_and_si128(d9, l9)));
    unsigned stop = ~m & 0x5555u; /* letters sit at even offsets, leads only */
    if (!stop)
        return 0;
    size_t p = (size_t)__builtin_ctz(stop);
    unsigned c = s[i + p];
    return p && c < 0x80 && c != '.' && c != '-' ? p : 0;
}
#endif

rasd_status text_tokenize(const char *text, size_t start, size_t end, unsigned norm_flags,
                          tokvec *tv, char **norm_cursor)
{
    if (!text || !tv || !norm_cursor || !*norm_cursor || start > end)
        return err_set(RASD_ERR_ARG, "text_tokenize: invalid argument");
    ctab_init();
#if defined(__SSE2__)
    pthread_once(&tk_word_once, tk_word_check);
#endif
    tks t = {(const unsigned char *)text, start, end, norm_flags, tv, tv->n, norm_cursor, {0},
             0, 0, 0};
#if defined(__SSE2__)
    __m128i x8 = _mm_set1_epi8((char)(tk_word_teh && !(norm_flags & RASD_NORM_TEH) ? 0xA9 : 0xA1)),
            x9 = _mm_set1_epi8((char)(tk_word_yeh && !(norm_flags & RASD_NORM_YEH) ? 0x89 : 0x81));
#endif
    size_t i = start;
    while (i < end) {
        size_t len;
        uint32_t cp;
        cclass c = tk_cls(&t, i, &cp, &len);
        if (M(c) & (BLANK_MASK | M(CC_IGNORABLE))) {
            i += len;
            continue;
        }
#if defined(__SSE2__)
        size_t w;
        if (c == CC_ARABIC && i + 16 <= end && tk_word_ok &&
            (w = tk_plain_word(t.s, i, x8, x9))) { /* what tk_arabic would find */
            memcpy(*t.cur, t.s + i, w); /* its own normalised form */
            t.pre_a = i;
            t.pre_b = i + w;
            t.pre_n = w;
            if (!tk_push(&t, i, i + w, RASD_TOK_ARABIC, 0))
                return err_set(RASD_ERR_NOMEM, "text_tokenize: out of memory at byte %zu", i);
            i += w;
            continue;
        }
#endif
        rasd_token_kind kind;
        unsigned fl = 0;
        size_t e = tk_one(&t, i, cp, c, &kind, &fl);
        if (e <= i)
            e = i + len; /* cannot happen; guarantees progress */
        if (!kind) { /* skipped: stray tashkeel */
            i = e;
            continue;
        }
        if (kind != RASD_TOK_ARABIC && kind != RASD_TOK_LATIN)
            e = tk_run(&t, e, M(CC_MARK)); /* stray marks stay with their base */
        if (!tk_emit(&t, i, e, kind, fl))
            return err_set(RASD_ERR_NOMEM, "text_tokenize: out of memory at byte %zu", i);
        i = e;
    }
    return RASD_OK;
}
