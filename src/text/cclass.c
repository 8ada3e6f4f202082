/* cclass.c - character classes and fold tables. Unicode general categories
 * come from utf8proc; the Arabic-specific decisions (what is a diacritic,
 * which letters fold to which) are written out here. Code points below
 * U+0800 (ASCII, Latin, Arabic) are looked up in flat tables built once. */
#include "text_int.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

uint8_t ctab_class[CTAB_LO];
cfold ctab_fold[CTAB_LO];

#define PRES_A_LO 0xFB50u
#define PRES_A_HI 0xFDFFu
#define PRES_B_LO 0xFE70u
#define PRES_B_HI 0xFEFFu
#define PRES_N ((PRES_A_HI - PRES_A_LO + 1) + (PRES_B_HI - PRES_B_LO + 1))
static pres_map pres_tab[PRES_N];

static bool ctab_in_latin(uint32_t cp)
{
    return cp < 0x300 || (cp >= 0x1D00 && cp <= 0x1EFF) || (cp >= 0x2070 && cp <= 0x209F) ||
           (cp >= 0x2C60 && cp <= 0x2C7F) || (cp >= 0xA720 && cp <= 0xA7FF) ||
           (cp >= 0xAB30 && cp <= 0xAB6F) || (cp >= 0xFB00 && cp <= 0xFB06) ||
           (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

static bool ctab_in_arabic(uint32_t cp)
{
    return (cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
           (cp >= 0x870 && cp <= 0x8FF) || (cp >= PRES_A_LO && cp <= PRES_A_HI) ||
           (cp >= PRES_B_LO && cp <= PRES_B_HI) || (cp >= 0x10EC0 && cp <= 0x10EFF) ||
           (cp >= 0x1EE00 && cp <= 0x1EEFF);
}

static bool ctab_is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0x660 && cp <= 0x669) ||
           (cp >= 0x6F0 && cp <= 0x6F9);
}

/* The class implied by the general category alone. */
static cclass ctab_generic(uint32_t cp)
{
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return ctab_in_latin(cp) ? CC_LATIN : ctab_in_arabic(cp) ? CC_ARABIC : CC_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return ctab_is_digit(cp) ? CC_DIGIT : CC_LETTER;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PO:
        return CC_PUNCT;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
        return CC_QUOTE;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
        return CC_SYMBOL;
    case UTF8PROC_CATEGORY_ZS:
        return CC_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return CC_NEWLINE;
    case UTF8PROC_CATEGORY_CC:
        return CC_CONTROL;
    case UTF8PROC_CATEGORY_CF:
        return CC_IGNORABLE;
    default:
        return CC_OTHER; /* unassigned, private use */
    }
}

/* Quote marks whose category says otherwise (Ps/Po), and U+FFFD. */
static bool ctab_hi_override(uint32_t cp, cclass *c)
{
    switch (cp) {
    case 0x201A: case 0x201E: case 0x2033: case 0x301D: case 0x301E: case 0x301F:
    case 0xFF02:
        *c = CC_QUOTE;
        return true;
    case 0xFFFD:
        *c = CC_OTHER;
        return true;
    default:
        return false;
    }
}

cclass ctab_class_hi(uint32_t cp)
{
    cclass c;
    if (cp > 0x10FFFF)
        return CC_OTHER;
    if (ctab_hi_override(cp, &c))
        return c;
    return ctab_generic(cp);
}

static void ctab_build_class(void)
{
    for (uint32_t cp = 0; cp < CTAB_LO; cp++)
        ctab_class[cp] = (uint8_t)ctab_generic(cp);
    ctab_class['\t'] = ctab_class['\v'] = ctab_class['\f'] = CC_SPACE;
    ctab_class['\n'] = ctab_class['\r'] = ctab_class[0x85] = CC_NEWLINE;
    ctab_class['"'] = ctab_class['\''] = CC_QUOTE;
    ctab_class[0x640] = CC_TATWEEL;
    for (uint32_t cp = 0x600; cp <= 0x605; cp++)
        ctab_class[cp] = CC_SYMBOL; /* visible number signs, though Cf */
    for (uint32_t cp = 0x6D6; cp <= 0x6ED; cp++)
        ctab_class[cp] = CC_MARK; /* Quranic annotation signs */
}

static void fold_set(uint32_t cp, uint32_t to, unsigned flag)
{
    ctab_fold[cp].to = (uint16_t)to;
    ctab_fold[cp].flag = (uint16_t)flag;
}

/* Persian, Urdu, Kurdish and Maghrebi letter forms -> the Arabic letter an
 * Arabic writer would use (also for loanword letters: پ -> ب, ڤ -> ف). */
static const uint16_t fold_letters[][2] = {
    {0x6A9, 0x643}, {0x6AA, 0x643}, {0x6AB, 0x643}, {0x6AC, 0x643}, {0x6AD, 0x643},
    {0x6AE, 0x643}, {0x6AF, 0x643}, {0x6B0, 0x643}, {0x6B1, 0x643}, {0x6B2, 0x643},
    {0x6B3, 0x643}, {0x6B4, 0x643}, {0x63B, 0x643}, {0x63C, 0x643},
    {0x6CC, 0x64A}, {0x6CD, 0x64A}, {0x6CE, 0x64A}, {0x6D0, 0x64A}, {0x6D1, 0x64A},
    {0x6D2, 0x64A}, {0x63D, 0x64A}, {0x63E, 0x64A}, {0x63F, 0x64A},
    {0x6D3, 0x626}, {0x678, 0x626}, {0x676, 0x624}, {0x677, 0x624},
    {0x6C0, 0x647}, {0x6C1, 0x647}, {0x6C2, 0x647}, {0x6BE, 0x647}, {0x6D5, 0x647},
    {0x6FF, 0x647}, {0x6C3, 0x629},
    {0x6C5, 0x648}, {0x6C6, 0x648}, {0x6C7, 0x648}, {0x6C8, 0x648}, {0x6C9, 0x648},
    {0x6CA, 0x648}, {0x6CB, 0x648},
    {0x6A4, 0x641}, {0x6A5, 0x641}, {0x6A8, 0x642}, {0x66F, 0x642}, {0x67E, 0x628},
    {0x66E, 0x628}, {0x686, 0x62C}, {0x698, 0x632}, {0x6BA, 0x646}, {0x6BB, 0x646},
    {0x679, 0x62A}, {0x688, 0x62F}, {0x691, 0x631},
};

static void ctab_build_fold_arabic(void)
{
    for (uint32_t cp = 0x600; cp < CTAB_LO; cp++)
        if (ctab_class[cp] == CC_MARK && ctab_in_arabic(cp))
            fold_set(cp, 0, RASD_NORM_DIACRITICS);
    fold_set(0x640, 0, RASD_NORM_TATWEEL);
    static const uint16_t alefs[] = {0x622, 0x623, 0x625, 0x671, 0x672, 0x673, 0x675};
    for (size_t i = 0; i < sizeof alefs / sizeof alefs[0]; i++)
        fold_set(alefs[i], 0x627, RASD_NORM_ALEF);
    fold_set(0x649, 0x64A, RASD_NORM_YEH);
    fold_set(0x629, 0x647, RASD_NORM_TEH);
    for (uint32_t d = 0; d < 10; d++) {
        fold_set(0x660 + d, '0' + d, RASD_NORM_DIGITS);
        fold_set(0x6F0 + d, '0' + d, RASD_NORM_DIGITS);
    }
    fold_set(0x66B, '.', RASD_NORM_DIGITS); /* Arabic decimal separator */
    fold_set(0x66C, ',', RASD_NORM_DIGITS); /* Arabic thousands separator */
    fold_set(0x60C, ',', RASD_NORM_PUNCT);
    fold_set(0x61B, ';', RASD_NORM_PUNCT);
    fold_set(0x61F, '?', RASD_NORM_PUNCT);
    fold_set(0x66A, '%', RASD_NORM_PUNCT);
    fold_set(0x6D4, '.', RASD_NORM_PUNCT);
    for (size_t i = 0; i < sizeof fold_letters / sizeof fold_letters[0]; i++)
        fold_set(fold_letters[i][0], fold_letters[i][1], RASD_NORM_LETTERS);
}

/* Lower-case Latin where the lower-case form is not longer in UTF-8. */
static void ctab_build_fold(void)
{
    for (uint32_t cp = 0; cp < CTAB_LO; cp++) {
        if (ctab_class[cp] == CC_IGNORABLE)
            fold_set(cp, 0, RASD_NORM_IGNORABLE);
        if (ctab_class[cp] != CC_LATIN)
            continue;
        uint32_t lo = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        char tmp[4];
        if (lo != cp && utf8_encode(lo, tmp) <= utf8_encode(cp, tmp))
            fold_set(cp, lo, RASD_NORM_CASE);
    }
    fold_set(0xAB, '"', RASD_NORM_PUNCT);
    fold_set(0xBB, '"', RASD_NORM_PUNCT);
    ctab_build_fold_arabic();
}

static size_t pres_index(uint32_t cp)
{
    if (cp >= PRES_A_LO && cp <= PRES_A_HI)
        return cp - PRES_A_LO;
    return (PRES_A_HI - PRES_A_LO + 1) + (cp - PRES_B_LO);
}

/* NFKC of one presentation form, without the spaces and tatweels that the
 * isolated/medial tashkeel forms (U+FE70-FE7F) and shadda ligatures carry. */
static void pres_build_one(uint32_t cp)
{
    char in[4];
    size_t inlen = utf8_encode(cp, in);
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)inlen, &dst,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    pres_map *m = &pres_tab[pres_index(cp)];
    if (n > 0 && !((size_t)n == inlen && !memcmp(dst, in, inlen))) {
        char tmp[64];
        size_t len = 0, ncp = 0;
        for (utf8proc_ssize_t i = 0; i < n;) {
            uint32_t c;
            size_t k = utf8_decode(dst + i, (size_t)(n - i), &c);
            if (!k)
                break;
            bool skip = c == ' ' || (c == 0x640 && cp >= PRES_B_LO && cp <= 0xFE7F);
            if (!skip && len + k <= sizeof tmp) {
                memcpy(tmp + len, dst + i, k);
                len += k;
                ncp++;
            }
            i += (utf8proc_ssize_t)k;
        }
        if (ncp && len <= sizeof m->u8) {
            m->n = (uint8_t)ncp;
            m->len = (uint8_t)len;
            memcpy(m->u8, tmp, len);
        }
    }
    free(dst);
}

const pres_map *ctab_pres(uint32_t cp)
{
    if (!((cp >= PRES_A_LO && cp <= PRES_A_HI) || (cp >= PRES_B_LO && cp <= PRES_B_HI)))
        return NULL;
    const pres_map *m = &pres_tab[pres_index(cp)];
    return m->n ? m : NULL;
}

static void ctab_build(void)
{
    ctab_build_class();
    ctab_build_fold();
    for (uint32_t cp = PRES_A_LO; cp <= PRES_A_HI; cp++)
        pres_build_one(cp);
    for (uint32_t cp = PRES_B_LO; cp <= PRES_B_HI; cp++)
        pres_build_one(cp);
}

static pthread_once_t ctab_once = PTHREAD_ONCE_INIT;
static atomic_bool ctab_ready;

static void ctab_build_all(void)
{
    ctab_build();
    atomic_store_explicit(&ctab_ready, true, memory_order_release);
}

/* The flag spares text_class, called per code point by other stages, the
 * cost of pthread_once. */
void ctab_init(void)
{
    if (!atomic_load_explicit(&ctab_ready, memory_order_acquire))
        pthread_once(&ctab_once, ctab_build_all);
}

cclass text_class(uint32_t cp)
{
    if (cp < CTAB_LO && atomic_load_explicit(&ctab_ready, memory_order_acquire))
        return (cclass)ctab_class[cp];
    ctab_init();
    return ctab_cls(cp);
}

int text_quote_family(uint32_t cp, int *dir)
{
    *dir = 0;
    switch (cp) {
    case '"': case 0xFF02: return QF_ASCII2;
    case '\'': return QF_ASCII1;
    case 0xAB: *dir = 1; return QF_GUIL2;
    case 0xBB: *dir = -1; return QF_GUIL2;
    case 0x201C: case 0x201D: case 0x201F: case 0x2033: return QF_CURLY2;
    case 0x201E: case 0x301D: *dir = 1; return QF_CURLY2;
    case 0x301E: case 0x301F: *dir = -1; return QF_CURLY2;
    case 0x2018: case 0x2019: case 0x201B: return QF_CURLY1;
    case 0x201A: *dir = 1; return QF_CURLY1;
    case 0x2039: *dir = 1; return QF_GUIL1;
    case 0x203A: *dir = -1; return QF_GUIL1;
    default:
        ctab_init();
        if (ctab_cls(cp) != CC_QUOTE)
            return QF_NONE;
        *dir = utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_PF ? -1 : 1;
        return QF_CURLY2;
    }
}
