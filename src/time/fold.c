/* fold.c - the time module's own lexer for date expressions: a strict UTF-8
 * decoder, character classes and the folding used to compare month and
 * weekday names. Kept independent of the text stage so that date parsing
 * needs nothing but the bytes it is given. */
#include "time_int.h"
#include <string.h>

size_t dt_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 0;
    }
    if (len > n) {
        *cp = 0xFFFD;
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 0;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 0;
    }
    *cp = v;
    return len;
}

/* Value of a digit in any of the three digit sets, or -1. */
int dt_digit(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x0660 && cp <= 0x0669)
        return (int)(cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9)
        return (int)(cp - 0x06F0);
    return -1;
}

int dt_class(uint32_t cp)
{
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
        return DC_NEWLINE;
    if (cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
        cp == 0x202F || cp == 0x205F || cp == 0x3000)
        return DC_SPACE;
    /* zero-width and bidi controls are invisible: they neither join nor
     * separate tokens */
    if ((cp >= 0x200B && cp <= 0x200F) || cp == 0x061C || cp == 0xFEFF ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
        return DC_IGNORE;
    if (dt_digit(cp) >= 0)
        return DC_DIGIT;
    if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
        (cp >= 0x06D6 && cp <= 0x06ED))
        return DC_MARK;
    if ((cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
        cp == 0x06D5 || (cp >= 0x06FA && cp <= 0x06FC) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return DC_LETTER;
    return DC_PUNCT;
}

/* The folded form of one letter: hamzated and wasla alefs become bare alef,
 * alef maqsura yeh, teh marbuta heh, Persian forms Arabic, Latin lower. */
static uint32_t dt_fold_cp(uint32_t cp)
{
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
        return 0x0627;
    case 0x0649: case 0x06CC: case 0x06D2:
        return 0x064A;
    case 0x0629: case 0x06D5:
        return 0x0647;
    case 0x06A9:
        return 0x0643;
    default:
        break;
    }
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    return cp;
}

static size_t dt_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

size_t time_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = dt_decode((const unsigned char *)s + i, n - i, &cp);
        i += k ? k : 1;
        if (!k) /* invalid bytes are dropped: the output never grows */
            continue;
        int cls = dt_class(cp);
        if (cls == DC_MARK || cls == DC_IGNORE)
            continue;
        if (cls == DC_DIGIT)
            cp = (uint32_t)('0' + dt_digit(cp));
        cp = dt_fold_cp(cp);
        char tmp[4];
        size_t m = cp < 0x10000 ? dt_put(cp, tmp) : 0;
        if (o + m + 1 > cap)
            break;
        memcpy(out + o, tmp, m);
        o += m;
    }
    if (cap)
        out[o] = '\0';
    return o;
}

/* Lex one token starting at or after `pos`. */
static void dt_lex(const char *s, size_t n, size_t pos, dtok *t)
{
    const unsigned char *u = (const unsigned char *)s;
    memset(t, 0, sizeof *t);
    size_t i = pos;
    uint32_t cp = 0;
    size_t k = 0;
    while (i < n) { /* white space and invisible controls */
        k = dt_decode(u + i, n - i, &cp);
        int cls = k ? dt_class(cp) : DC_PUNCT;
        if (cls == DC_SPACE)
            t->space_before = true;
        else if (cls != DC_IGNORE)
            break;
        i += k;
    }
    t->start = t->end = i;
    if (i >= n || !k || dt_class(cp) == DC_NEWLINE) {
        t->kind = DT_END;
        return;
    }
    int cls = dt_class(cp);
    if (cls == DC_DIGIT) {
        t->kind = DT_NUM;
        while (i < n && (k = dt_decode(u + i, n - i, &cp)) && dt_class(cp) == DC_DIGIT) {
            if (t->ndig < 9)
                t->num = t->num * 10 + dt_digit(cp);
            t->ndig++;
            i += k;
        }
    } else if (cls == DC_LETTER || cls == DC_MARK) {
        t->kind = DT_WORD;
        while (i < n && (k = dt_decode(u + i, n - i, &cp)) &&
               (dt_class(cp) == DC_LETTER || dt_class(cp) == DC_MARK))
            i += k;
        t->nlen = time_fold(s + t->start, i - t->start, t->norm, sizeof t->norm);
    } else {
        t->kind = DT_PUNCT;
        t->cp = cp;
        i += k;
    }
    t->end = i;
}

void dt_init(dtlex *lx, const char *s, size_t n)
{
    lx->s = s;
    lx->n = n;
    lx->nt = 0;
}

const dtok *dt_tok(dtlex *lx, int i)
{
    static const dtok end = {.kind = DT_END};
    if (i < 0 || i >= DT_MAX)
        return &end;
    while (lx->nt <= i) {
        size_t pos = lx->nt ? lx->t[lx->nt - 1].end : 0;
        if (lx->nt && lx->t[lx->nt - 1].kind == DT_END)
            return &lx->t[lx->nt - 1];
        dt_lex(lx->s, lx->n, pos, &lx->t[lx->nt]);
        lx->nt++;
    }
    return &lx->t[i];
}

bool dt_is(const dtok *t, const char *word)
{
    return t->kind == DT_WORD && t->nlen == strlen(word) && memcmp(t->norm, word, t->nlen) == 0;
}

bool dt_is_punct(const dtok *t, const char *set)
{
    if (t->kind != DT_PUNCT)
        return false;
    for (const char *p = set; *p;) {
        uint32_t cp;
        size_t k = dt_decode((const unsigned char *)p, strlen(p), &cp);
        if (!k)
            return false;
        if (cp == t->cp)
            return true;
        p += k;
    }
    return false;
}
