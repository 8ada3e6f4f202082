/* test_text.c - the text core: UTF-8 validation and repair, character
 * classes, normalisation (per flag, offsets, length invariant), tokenising
 * and sentence splitting. */
#include "check.h"
#include "text/text.h"
#include <stdlib.h>

/* ---------------------------------------------------------------- UTF-8 */

static size_t bad_at(const char *s, size_t n) { return utf8_find_invalid(s, n); }
#define BAD(lit) bad_at(lit, sizeof(lit) - 1)

static void test_utf8_valid(void)
{
    CHECK_EQ_INT(BAD(""), 0);
    CHECK_EQ_INT(BAD("plain ASCII text that is longer than eight bytes"), 48);
    CHECK_EQ_INT(BAD("قال أردوغان"), 21);
    CHECK_EQ_INT(BAD("\xED\x9F\xBF"), 3);         /* U+D7FF, last before surrogates */
    CHECK_EQ_INT(BAD("\xEE\x80\x80"), 3);         /* U+E000, first after them */
    CHECK_EQ_INT(BAD("\xF4\x8F\xBF\xBF"), 4);     /* U+10FFFF */
    CHECK_EQ_INT(BAD("\xF0\x9F\x91\x8D ok"), 7);  /* emoji */
    CHECK_EQ_INT(BAD("\xC2\x80\xDF\xBF"), 4);     /* 2-byte bounds */
}

static void test_utf8_invalid_offsets(void)
{
    CHECK_EQ_INT(BAD("ab\x80"), 2);                   /* lone continuation */
    CHECK_EQ_INT(BAD("abcdefghijklmnopqrst\xBF"), 20); /* after the 8-byte fast path */
    CHECK_EQ_INT(BAD("قال\x80"), 6);
    CHECK_EQ_INT(BAD("\xC0\xAF"), 0);                 /* overlong 2-byte '/' */
    CHECK_EQ_INT(BAD("x\xC1\xBF"), 1);
    CHECK_EQ_INT(BAD("xy\xE0\x80\xAF"), 2);           /* overlong 3-byte */
    CHECK_EQ_INT(BAD("\xE0\x9F\xBF"), 0);             /* overlong U+07FF */
    CHECK_EQ_INT(BAD("\xF0\x8F\xBF\xBF"), 0);         /* overlong 4-byte */
    CHECK_EQ_INT(BAD("a\xED\xA0\x80"), 1);            /* U+D800 */
    CHECK_EQ_INT(BAD("\xED\xBF\xBF"), 0);             /* U+DFFF */
    CHECK_EQ_INT(BAD("ab\xF4\x90\x80\x80"), 2);       /* U+110000 */
    CHECK_EQ_INT(BAD("ab\xD8"), 2);                   /* truncated at end */
    CHECK_EQ_INT(BAD("ابc\xE2\x80"), 5);
    CHECK_EQ_INT(BAD("\xF0\x9F\x98"), 0);
    CHECK_EQ_INT(BAD("\xD8 x"), 0);                   /* lead without continuation */
    CHECK_EQ_INT(BAD("a\xF8\x88\x80\x80\x80"), 1);    /* 5-byte lead */
    CHECK_EQ_INT(BAD("\xFC\x84\x80\x80\x80\x80"), 0); /* 6-byte lead */
    CHECK_EQ_INT(BAD("\xF5\x80\x80\x80"), 0);
    CHECK_EQ_INT(BAD("ok\xFE"), 2);
    CHECK_EQ_INT(BAD("ok\xFF"), 2);
}

static void test_utf8_decode_encode(void)
{
    uint32_t cp;
    CHECK_EQ_INT(utf8_decode((const unsigned char *)"\xD9\x82", 2, &cp), 2);
    CHECK_EQ_INT(cp, 0x642);
    CHECK_EQ_INT(utf8_decode((const unsigned char *)"\xE2\x80\x9C", 3, &cp), 3);
    CHECK_EQ_INT(cp, 0x201C);
    CHECK_EQ_INT(utf8_decode((const unsigned char *)"\xF0\x9F\x91\x8D", 4, &cp), 4);
    CHECK_EQ_INT(cp, 0x1F44D);
    CHECK_EQ_INT(utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 0);
    CHECK_EQ_INT(cp, 0xFFFD);
    CHECK_EQ_INT(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0);
    char out[4];
    uint32_t cps[] = {0x41, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF};
    size_t lens[] = {1, 2, 3, 3, 4, 4};
    for (size_t i = 0; i < 6; i++) {
        CHECK_EQ_INT(utf8_encode(cps[i], out), lens[i]);
        CHECK_EQ_INT(utf8_decode((unsigned char *)out, lens[i], &cp), lens[i]);
        CHECK_EQ_INT(cp, cps[i]);
    }
}

static void test_utf8_check_api(void)
{
    size_t bad = 99;
    CHECK_EQ_INT(rasd_utf8_check("قال", 6, &bad), RASD_OK);
    CHECK_EQ_INT(bad, 6);
    CHECK_EQ_INT(rasd_utf8_check("ab\xC0\xAF", 4, &bad), RASD_ERR_UTF8);
    CHECK_EQ_INT(bad, 2);
    CHECK(strstr(rasd_errmsg(), "byte 2") != NULL);
    CHECK_EQ_INT(rasd_utf8_check("x\xFF", 2, NULL), RASD_ERR_UTF8);
}

static void repair_is(const char *in, size_t n, const char *want, size_t want_reps)
{
    char *out = NULL;
    size_t len = 0, reps = 0;
    CHECK_EQ_INT(rasd_utf8_repair(in, n, &out, &len, &reps), RASD_OK);
    CHECK_EQ_STR(out, want);
    CHECK_EQ_INT(len, strlen(want));
    CHECK_EQ_INT(reps, want_reps);
    rasd_free(out);
}
#define REPAIR(lit, want, n) repair_is(lit, sizeof(lit) - 1, want, n)
#define R "\xEF\xBF\xBD"

static void test_utf8_repair(void)
{
    REPAIR("", "", 0);
    REPAIR("قال", "قال", 0);
    REPAIR("a\x80" "b", "a" R "b", 1);
    REPAIR("\xC0\xAF", R R, 2);             /* C0 never starts a sequence */
    REPAIR("\xE0\x80\xAF", R R R, 3);       /* E0 80: 80 is not a valid 2nd byte */
    REPAIR("\xED\xA0\x80", R R R, 3);       /* surrogate */
    REPAIR("\xF4\x90\x80\x80", R R R R, 4); /* above U+10FFFF */
    REPAIR("\xE2\x82", R, 1);               /* truncated: one maximal subpart */
    REPAIR("\xF0\x9F\x98 x", R " x", 1);
    REPAIR("\xF8\x88\x80\x80\x80", R R R R R, 5);
    REPAIR("\xFF\xFE", R R, 2);
    /* The example of Unicode 15 section 3.9 (table 3-8) / WHATWG. */
    REPAIR("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
           "a" R R R "b" R "c" R R "d", 6);
}

/* ---------------------------------------------------------------- classes */

static void test_classes(void)
{
    CHECK_EQ_INT(text_class('a'), CC_LATIN);
    CHECK_EQ_INT(text_class(0xE9), CC_LATIN);     /* é */
    CHECK_EQ_INT(text_class(0x642), CC_ARABIC);   /* ق */
    CHECK_EQ_INT(text_class(0x6A9), CC_ARABIC);   /* ک */
    CHECK_EQ_INT(text_class(0xFEFB), CC_ARABIC);  /* ﻻ */
    CHECK_EQ_INT(text_class(0x64E), CC_MARK);     /* fatha */
    CHECK_EQ_INT(text_class(0x6DA), CC_MARK);     /* Quranic mark */
    CHECK_EQ_INT(text_class(0x640), CC_TATWEEL);
    CHECK_EQ_INT(text_class('7'), CC_DIGIT);
    CHECK_EQ_INT(text_class(0x663), CC_DIGIT);
    CHECK_EQ_INT(text_class(0x6F4), CC_DIGIT);
    CHECK_EQ_INT(text_class(0x60C), CC_PUNCT);    /* ، */
    CHECK_EQ_INT(text_class(0x61F), CC_PUNCT);    /* ؟ */
    CHECK_EQ_INT(text_class(0x2026), CC_PUNCT);
    CHECK_EQ_INT(text_class('"'), CC_QUOTE);
    CHECK_EQ_INT(text_class(0xAB), CC_QUOTE);
    CHECK_EQ_INT(text_class(0x201E), CC_QUOTE);
    CHECK_EQ_INT(text_class(0x2033), CC_QUOTE);   /* ″ */
    CHECK_EQ_INT(text_class(0x20AC), CC_SYMBOL);  /* € */
    CHECK_EQ_INT(text_class(0x1F44D), CC_SYMBOL);
    CHECK_EQ_INT(text_class(0x200F), CC_IGNORABLE);
    CHECK_EQ_INT(text_class(0x61C), CC_IGNORABLE);
    CHECK_EQ_INT(text_class(0xFEFF), CC_IGNORABLE);
    CHECK_EQ_INT(text_class(0xAD), CC_IGNORABLE);
    CHECK_EQ_INT(text_class(0xA0), CC_SPACE);
    CHECK_EQ_INT(text_class(0x2009), CC_SPACE);
    CHECK_EQ_INT(text_class('\r'), CC_NEWLINE);
    CHECK_EQ_INT(text_class(0x2028), CC_NEWLINE);
    CHECK_EQ_INT(text_class(0x41F), CC_LETTER);   /* Cyrillic */
    CHECK_EQ_INT(text_class(0x1), CC_CONTROL);
    CHECK_EQ_INT(text_class(0xFFFD), CC_OTHER);
    CHECK_EQ_INT(text_class(0x110000), CC_OTHER);
}

/* ---------------------------------------------------------------- norm */

static char *norm_str(const char *s, unsigned flags)
{
    static char out[4096];
    char *o;
    size_t n;
    if (rasd_normalize(s, strlen(s), flags, &o, &n, NULL) != RASD_OK)
        return strcpy(out, "(error)");
    CHECK(n <= strlen(s));
    snprintf(out, sizeof out, "%s", o);
    rasd_free(o);
    return out;
}

static void test_norm_flags(void)
{
    const char *dia = "مُحَمَّدٌ كِتَابٰ ۚقال";
    CHECK_EQ_STR(norm_str(dia, RASD_NORM_DIACRITICS), "محمد كتاب قال");
    CHECK_EQ_STR(norm_str(dia, 0), dia);
    CHECK_EQ_STR(norm_str("العـــربية", RASD_NORM_TATWEEL), "العربية");
    CHECK_EQ_STR(norm_str("العـــربية", RASD_NORM_DIACRITICS), "العـــربية");
    CHECK_EQ_STR(norm_str("أ إ آ ٱ ٲ ٳ", RASD_NORM_ALEF), "ا ا ا ا ا ا");
    CHECK_EQ_STR(norm_str("ؤ ئ", RASD_NORM_ALL), "ؤ ئ"); /* hamza on waw/yeh kept */
    CHECK_EQ_STR(norm_str("على مدرسة", RASD_NORM_DEFAULT), "على مدرسة");
    CHECK_EQ_STR(norm_str("على مدرسة", RASD_NORM_YEH), "علي مدرسة");
    CHECK_EQ_STR(norm_str("على مدرسة", RASD_NORM_TEH), "على مدرسه");
    CHECK_EQ_STR(norm_str("على مدرسة", RASD_NORM_ALL), "علي مدرسه");
    CHECK_EQ_STR(norm_str("٢٠٢١ ۱۴۰۰ ٣٫٥ ١٬٥٠٠", RASD_NORM_DIGITS), "2021 1400 3.5 1,500");
    CHECK_EQ_STR(norm_str("٢٠٢١", RASD_NORM_PUNCT), "٢٠٢١");
    CHECK_EQ_STR(norm_str("، ؛ ؟ ٪ « » “ ” „ ‟ ″ ＂ ‘ ’ ‹ ›", RASD_NORM_PUNCT),
                 ", ; ? % \" \" \" \" \" \" \" \" ' ' ' '");
    CHECK_EQ_STR(norm_str("a\u200Fb\u200Bc\uFEFFd\u00ADe\u061Cf\u2067g\u202Bh", RASD_NORM_IGNORABLE),
                 "abcdefgh");
    CHECK_EQ_STR(norm_str("ABC Été İstanbul ÑANDÚ", RASD_NORM_CASE), "abc été istanbul ñandú");
    /* U+023A lower-cases to 3-byte U+2C65: kept to preserve the length. */
    CHECK_EQ_STR(norm_str("\u023A", RASD_NORM_CASE), "\u023A");
    CHECK_EQ_STR(norm_str("ABC", RASD_NORM_DEFAULT & ~RASD_NORM_CASE), "ABC");
    CHECK_EQ_STR(norm_str("کی ۀ ھ ە ڪ ڤ پ چ گ ۃ", RASD_NORM_LETTERS), "كي ه ه ه ك ف ب ج ك ة");
    CHECK_EQ_STR(norm_str("ۃ", RASD_NORM_LETTERS | RASD_NORM_TEH), "ه"); /* folds chain */
    CHECK_EQ_STR(norm_str("وقال: «إنّ الـمُـفاوضات ستُستأنف في ٣ آذار»؟",
                          RASD_NORM_DEFAULT),
                 "وقال: \"ان المفاوضات ستستانف في 3 اذار\"?");
}

static void test_norm_presentation(void)
{
    unsigned f = RASD_NORM_DEFAULT;
    CHECK_EQ_STR(norm_str("ﺍﻟﻼﺟﺌﻴﻦ", f), "اللاجئين"); /* PDF text, ligature decomposed */
    CHECK_EQ_STR(norm_str("ﺃﺣﻤﺪ", f), "احمد");
    CHECK_EQ_STR(norm_str("ﺃﺣﻤﺪ", RASD_NORM_LETTERS), "أحمد");
    CHECK_EQ_STR(norm_str("ﺃﺣﻤﺪ", f & ~RASD_NORM_LETTERS), "ﺃﺣﻤﺪ");
    /* A lone lam-alef cannot grow into its 3 bytes: kept, in canonical form. */
    CHECK_EQ_STR(norm_str("ﻻ", f), "ﻻ");
    CHECK_EQ_STR(norm_str("ﻼ", f), "ﻻ");                     /* final -> isolated */
    CHECK_EQ_STR(norm_str("ﻷ", f), "ﻻ");                     /* alef variant folded */
    CHECK_EQ_STR(norm_str("ﻷ", RASD_NORM_LETTERS), "ﻷ");
    CHECK_EQ_STR(norm_str("ﻻَ", f), "لا");                    /* a diacritic pays for it */
    CHECK_EQ_STR(norm_str("ﻻ ﺍ", f), "لا ا");                 /* room freed later is used */
    CHECK_EQ_STR(norm_str("\uFE70", f), "");                  /* isolated fathatan form */
}

static void test_norm_offsets(void)
{
    const char *s = "أَحمد X"; /* أ 0-1, fatha 2-3, ح 4-5, م 6-7, د 8-9, ' ' 10, X 11 */
    char *out;
    size_t n, *offs;
    CHECK_EQ_INT(rasd_normalize(s, strlen(s), RASD_NORM_DEFAULT, &out, &n, &offs), RASD_OK);
    CHECK_EQ_STR(out, "احمد x");
    CHECK_EQ_INT(n, 10);
    size_t want[] = {0, 0, 4, 4, 6, 6, 8, 8, 10, 11, 12};
    for (size_t i = 0; i <= n; i++)
        CHECK_EQ_INT(offs[i], want[i]);
    rasd_free(out);
    rasd_free(offs);
    const char *lig = "ﻻَ"; /* ligature 0-2, fatha 3-4 -> لا: both letters map to 0 */
    CHECK_EQ_INT(rasd_normalize(lig, strlen(lig), RASD_NORM_DEFAULT, &out, &n, &offs), RASD_OK);
    CHECK_EQ_INT(n, 4);
    CHECK(offs[0] == 0 && offs[3] == 0 && offs[4] == 5);
    rasd_free(out);
    rasd_free(offs);
    CHECK_EQ_INT(rasd_normalize("a\xC0", 2, 0, &out, &n, NULL), RASD_ERR_UTF8);
    CHECK(out == NULL);
    CHECK(strstr(rasd_errmsg(), "byte 1") != NULL);
    CHECK_EQ_INT(rasd_normalize("", 0, RASD_NORM_ALL, &out, &n, &offs), RASD_OK);
    CHECK(n == 0 && out[0] == '\0' && offs[0] == 0);
    rasd_free(out);
    rasd_free(offs);
}

static void test_norm_append_token(void)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, "k=");
    text_norm_append(&b, "الأُمَم", strlen("الأُمَم"), RASD_NORM_DEFAULT);
    CHECK_EQ_STR(b.data, "k=الامم");
    buf_free(&b);
    char out[64];
    CHECK_EQ_INT(text_norm_token("“Trump’s”", strlen("“Trump’s”"), RASD_NORM_DEFAULT, out), 9);
    CHECK_EQ_STR(out, "\"trump's\"");
}

/* Output never longer than input, under every flag set, on every class. */
static void test_norm_invariant(void)
{
    static const char *samples[] = {
        "ﻻ", "ﷲ", "ﷺ", "\u023A\u023E", "İ", "ẞ", "Ⱥﻷ", "ﱞ", "ﻵﻶﻷﻸﻹﻺﻻﻼ", "\u1E9E",
        "«»“”„‟″", "٢٠٢١", "K\u212A", "ﺍﻟﻼ", "a\xCC\x81", "\xEF\xBF\xBD", "𝐀",
    };
    unsigned sets[] = {0, RASD_NORM_DEFAULT, RASD_NORM_ALL, RASD_NORM_LETTERS,
                       RASD_NORM_CASE, RASD_NORM_LETTERS | RASD_NORM_ALEF};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
            char out[256];
            size_t n = strlen(samples[i]);
            CHECK(text_norm_token(samples[i], n, sets[k], out) <= n);
        }
}

/* ---------------------------------------------------------------- tokens */

static const char *flag_names[] = {"qopen", "qclose", "end", "trunc", "abbrev"};

/* Tokens of one line as "kind surface norm [flags]" lines. */
static char *toks_of(const char *text, unsigned flags, tokvec *tv, char **normbuf)
{
    size_t n = strlen(text);
    *normbuf = malloc(2 * n + 1);
    char *cur = *normbuf;
    memset(tv, 0, sizeof *tv);
    CHECK_EQ_INT(text_tokenize(text, 0, n, flags, tv, &cur), RASD_OK);
    CHECK((size_t)(cur - *normbuf) <= 2 * n + 1);
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < tv->n; i++) {
        const rasd_token *t = &tv->v[i];
        buf_printf(&b, "%s %.*s %s", rasd_token_kind_str(t->kind), (int)(t->end - t->start),
                   text + t->start, t->norm);
        CHECK(t->norm_len == strlen(t->norm));
        CHECK(t->norm_len <= t->end - t->start);
        for (unsigned k = 0, first = 1; k < 5; k++)
            if (t->flags & (1u << k)) {
                buf_printf(&b, "%s%s", first ? " " : ",", flag_names[k]);
                first = 0;
            }
        buf_putc(&b, '\n');
    }
    if (!b.data)
        buf_puts(&b, "");
    return buf_take(&b, NULL);
}

static void tokens_are(const char *text, const char *want)
{
    tokvec tv;
    char *nb;
    char *got = toks_of(text, RASD_NORM_DEFAULT, &tv, &nb);
    CHECK_EQ_STR(got, want);
    free(got);
    free(nb);
    tokvec_free(&tv);
}

static void test_tok_news(void)
{
    tokens_are("وقال برايس، في بيان: “ناقش الوزير بلينكن”.",
               "arabic وقال وقال\n"
               "arabic برايس برايس\n"
               "punct ، ,\n"
               "arabic في في\n"
               "arabic بيان بيان\n"
               "punct : :\n"
               "punct “ \" qopen\n"
               "arabic ناقش ناقش\n"
               "arabic الوزير الوزير\n"
               "arabic بلينكن بلينكن\n"
               "punct ” \" qclose\n"
               "punct . . end\n");
    tokens_are("منظومة “إس 400″، و“إس-400” «الكرملين»",
               "arabic منظومة منظومة\n"
               "punct “ \" qopen\n"
               "arabic إس اس\n"
               "number 400 400\n"
               "punct ″ \" qclose\n"
               "punct ، ,\n"
               "arabic و و\n"
               "punct “ \" qopen\n"
               "arabic إس-400 اس-400\n"
               "punct ” \" qclose\n"
               "punct « \" qopen\n"
               "arabic الكرملين الكرملين\n"
               "punct » \" qclose\n");
    tokens_are("2024.07.03 | 07:23 دمشق: 1,500 و٢٠٢١ و1.500.000 و3.5%",
               "number 2024.07.03 2024.07.03\n"
               "symbol | |\n"
               "number 07:23 07:23\n"
               "arabic دمشق دمشق\n"
               "punct : :\n"
               "number 1,500 1,500\n"
               "arabic و و\n"
               "number ٢٠٢١ 2021\n"
               "arabic و و\n"
               "number 1.500.000 1.500.000\n"
               "arabic و و\n"
               "number 3.5 3.5\n"
               "punct % %\n");
}

static void test_tok_latin(void)
{
    tokens_are("Secretary of State John Kerry (AP Photo/Andrew Harnik) S-400, F-35 and 5G",
               "latin Secretary secretary\n"
               "latin of of\n"
               "latin State state\n"
               "latin John john\n"
               "latin Kerry kerry\n"
               "punct ( (\n"
               "latin AP ap\n"
               "latin Photo photo\n"
               "punct / /\n"
               "latin Andrew andrew\n"
               "latin Harnik harnik\n"
               "punct ) )\n"
               "latin S-400 s-400\n"
               "punct , ,\n"
               "latin F-35 f-35\n"
               "latin and and\n"
               "latin 5G 5g\n");
    tokens_are("U.S. officials, Dr. Smith's view at bbc.com.",
               "latin U.S. u.s. abbrev\n"
               "latin officials officials\n"
               "punct , ,\n"
               "latin Dr. dr. abbrev\n"
               "latin Smith's smith's\n"
               "latin view view\n"
               "latin at at\n"
               "latin bbc.com bbc.com\n"
               "punct . . end\n");
}

static void test_tok_abbrev_numbers(void)
{
    tokens_are("التقى د. محمد في عام 2018 م. ثم حل 2. أ.د. علي",
               "arabic التقى التقى\n"
               "arabic د. د. abbrev\n"
               "arabic محمد محمد\n"
               "arabic في في\n"
               "arabic عام عام\n"
               "number 2018 2018\n"
               "arabic م م\n"
               "punct . . end\n"
               "arabic ثم ثم\n"
               "arabic حل حل\n"
               "number 2 2\n"
               "punct . . end\n"
               "arabic أ.د. ا.د. abbrev\n"
               "arabic علي علي\n");
}

static void test_tok_marks_and_ignorables(void)
{
    /* RLM before a word is skipped; ZWNJ inside a word is kept in it; the
     * diacritics and tatweel stay in the surface. */
    const char *s = "\u200Fقال مُحَمَّـــد می\u200Cخواهم \u200D";
    tokvec tv;
    char *nb;
    char *got = toks_of(s, RASD_NORM_DEFAULT, &tv, &nb);
    CHECK_EQ_STR(got, "arabic قال قال\n"
                      "arabic مُحَمَّـــد محمد\n"
                      "arabic می\u200Cخواهم ميخواهم\n");
    CHECK_EQ_INT(tv.v[0].start, 3);
    CHECK_EQ_INT(tv.v[0].end, 9);
    free(got);
    free(nb);
    tokvec_free(&tv);
    /* A stray tashkeel after a space is no token; a lone tatweel is. */
    tokens_are("شاعرا ً وشاعرة ـ لا", "arabic شاعرا شاعرا\n"
                                       "arabic وشاعرة وشاعرة\n"
                                       "punct ـ ـ\n"
                                       "arabic لا لا\n");
}

static void test_tok_punct_symbols(void)
{
    tokens_are("هل؟! لا... نعم… 👍🏽 🇮🇶 ❤️ #عاصي_الحلاني ----",
               "arabic هل هل\n"
               "punct ؟ ? end\n"
               "punct ! ! end\n"
               "arabic لا لا\n"
               "punct ... ... end\n"
               "arabic نعم نعم\n"
               "punct … … end\n"
               "symbol 👍🏽 👍🏽\n"
               "symbol 🇮🇶 🇮🇶\n"
               "symbol ❤️ ❤️\n"
               "punct # #\n"
               "arabic عاصي عاصي\n"
               "arabic الحلاني الحلاني\n"
               "punct ---- ----\n");
    tokens_are("Москва 東京 \xEF\xBF\xBD", "other Москва Москва\n"
                                           "other 東京 東京\n"
                                           "other \xEF\xBF\xBD \xEF\xBF\xBD\n");
}

static void test_tok_quotes_context(void)
{
    /* ASCII quotes: open after a space/start or a proclitic, close after a
     * word; RTL sites that open with ” and close with “. */
    tokens_are("\"قالن\" و\"سوليفان\" ”نعم“ قال:\"لا\".",
               "punct \" \" qopen\n"
               "arabic قالن قالن\n"
               "punct \" \" qclose\n"
               "arabic و و\n"
               "punct \" \" qopen\n"
               "arabic سوليفان سوليفان\n"
               "punct \" \" qclose\n"
               "punct ” \" qopen\n"
               "arabic نعم نعم\n"
               "punct “ \" qclose\n"
               "arabic قال قال\n"
               "punct : :\n"
               "punct \" \" qopen\n"
               "arabic لا لا\n"
               "punct \" \" qclose\n"
               "punct . . end\n");
    /* typed with the space inside: بـ" العربية" */
    tokens_are("لـ\" العربية\"", "arabic لـ ل\n"
                                  "punct \" \" qopen\n"
                                  "arabic العربية العربية\n"
                                  "punct \" \" qclose\n");
}

static void test_tok_offsets_region(void)
{
    const char *text = "سطر أول\nقال 12 مرة.\n";
    size_t start = strlen("سطر أول\n"), end = strlen(text) - 1;
    char *nb = malloc(2 * strlen(text) + 1), *cur = nb;
    tokvec tv = {0};
    CHECK_EQ_INT(text_tokenize(text, start, end, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(tv.n, 4);
    CHECK_EQ_INT(tv.v[0].start, start);
    CHECK_EQ_INT(tv.v[0].end, start + 6);
    CHECK_EQ_INT(tv.v[1].start, start + 7);
    CHECK_EQ_INT(tv.v[1].kind, RASD_TOK_NUMBER);
    CHECK_EQ_INT(tv.v[3].end, end);
    CHECK_EQ_INT(tv.v[3].flags, RASD_TOKF_SENT_END);
    CHECK_EQ_INT(text_tokenize(text, 0, 0, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(tv.n, 4); /* an empty region adds nothing */
    free(nb);
    tokvec_free(&tv);
    CHECK_EQ_STR(rasd_token_kind_str(RASD_TOK_ARABIC), "arabic");
    CHECK_EQ_STR(rasd_token_kind_str(RASD_TOK_OTHER), "other");
}

static void test_tok_truncation(void)
{
    size_t n = 300; /* 300 Arabic letters = 600 bytes */
    char *s = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 2 * i, "ب", 2);
    s[2 * n] = '\0';
    char *nb = malloc(4 * n + 1), *cur = nb;
    tokvec tv = {0};
    CHECK_EQ_INT(text_tokenize(s, 0, 2 * n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(tv.n, 3);
    CHECK_EQ_INT(tv.v[0].end, 256);
    CHECK_EQ_INT(tv.v[1].end, 512);
    CHECK_EQ_INT(tv.v[2].end, 600);
    for (size_t i = 0; i < tv.n; i++) {
        CHECK(tv.v[i].flags & RASD_TOKF_TRUNCATED);
        CHECK_EQ_INT(tv.v[i].kind, RASD_TOK_ARABIC);
    }
    /* "a" + 300 x "é": the 256-byte cut falls inside an é and moves back */
    tv.n = 0;
    cur = nb;
    s[0] = 'a';
    for (size_t i = 0; i < n - 1; i++)
        memcpy(s + 1 + 2 * i, "\xC3\xA9", 2);
    s[2 * n - 1] = 'z';
    CHECK_EQ_INT(text_tokenize(s, 0, 2 * n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(tv.n, 3);
    CHECK_EQ_INT(tv.v[0].end, 255);
    CHECK_EQ_INT(tv.v[0].kind, RASD_TOK_LATIN);
    for (size_t i = 0; i < tv.n; i++) {
        CHECK(tv.v[i].end - tv.v[i].start <= RASD_MAX_TOKEN_BYTES);
        CHECK(((unsigned char)s[tv.v[i].start] & 0xC0) != 0x80);
    }
    free(s);
    free(nb);
    tokvec_free(&tv);
}

/* ---------------------------------------------------------------- sentences */

/* Sentences of a text (tokenised line by line as the core does) joined by
 * " | ". */
static char *sents_of(const char *text)
{
    size_t n = strlen(text);
    char *nb = malloc(2 * n + 1), *cur = nb;
    tokvec tv = {0};
    sentvec sv = {0};
    CHECK_EQ_INT(text_tokenize(text, 0, n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    if (tv.n)
        CHECK_EQ_INT(text_split_sentences(text, &tv, 0, &sv), RASD_OK);
    buf b;
    buf_init(&b);
    size_t next = 0;
    for (size_t i = 0; i < sv.n; i++) {
        CHECK_EQ_INT(sv.v[i].tok_begin, next); /* every token in one sentence */
        CHECK(sv.v[i].tok_end > sv.v[i].tok_begin);
        next = sv.v[i].tok_end;
        buf_printf(&b, "%s%.*s", i ? " | " : "", (int)(sv.v[i].end - sv.v[i].start),
                   text + sv.v[i].start);
    }
    CHECK_EQ_INT(next, tv.n);
    buf_puts(&b, "");
    free(nb);
    tokvec_free(&tv);
    sentvec_free(&sv);
    return buf_take(&b, NULL);
}

static void sents_are(const char *text, const char *want)
{
    char *got = sents_of(text);
    CHECK_EQ_STR(got, want);
    free(got);
}

static void test_sentences(void)
{
    sents_are("قال الوزير. ثم غادر!", "قال الوزير. | ثم غادر!");
    sents_are("التقى د. محمد بنظيره من U.S. Army أمس.", "التقى د. محمد بنظيره من U.S. Army أمس.");
    sents_are("قال: \"انتهى الأمر.\" وأضاف: «هل هذا صحيح؟!» نعم.",
              "قال: \"انتهى الأمر.\" | وأضاف: «هل هذا صحيح؟!» | نعم.");
    sents_are("بلغ النمو 3.5% في 2024.07.03 وارتفع 1,500 نقطة.",
              "بلغ النمو 3.5% في 2024.07.03 وارتفع 1,500 نقطة.");
    sents_are("وقال...، ثم سكت.", "وقال...، ثم سكت.");
    sents_are("حل ثانيا في المركز 2. وقال المدرب", "حل ثانيا في المركز 2. | وقال المدرب");
    sents_are("انتهى عام 2018 م. وبدأ عام جديد", "انتهى عام 2018 م. | وبدأ عام جديد");
    sents_are("لا فاصلة؛ فالمنقوطة لا تنهي الجملة", "لا فاصلة؛ فالمنقوطة لا تنهي الجملة");
    sents_are("He said e.g. this. Then left", "He said e.g. this. | Then left");
    sents_are("مرحبا", "مرحبا");
}

static void test_sentences_newline(void)
{
    const char *text = "عنوان بلا نقطة\nقال الوزير.";
    size_t n = strlen(text);
    char *nb = malloc(2 * n + 1), *cur = nb;
    tokvec tv = {0};
    sentvec sv = {0};
    CHECK_EQ_INT(text_tokenize(text, 0, n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(text_split_sentences(text, &tv, 0, &sv), RASD_OK);
    CHECK_EQ_INT(sv.n, 2);
    CHECK_EQ_INT(sv.v[0].end, strlen("عنوان بلا نقطة"));
    CHECK_EQ_INT(sv.v[1].tok_begin, 3);
    /* splitting from `first` leaves earlier tokens alone */
    sv.n = 0;
    CHECK_EQ_INT(text_split_sentences(text, &tv, 3, &sv), RASD_OK);
    CHECK_EQ_INT(sv.n, 1);
    CHECK_EQ_INT(sv.v[0].tok_begin, 3);
    CHECK_EQ_INT(sv.v[0].tok_end, tv.n);
    free(nb);
    tokvec_free(&tv);
    sentvec_free(&sv);
}

/* A sentence of 1000 words is cut under the cap: after a comma near the cap
 * if there is one, else before a و- word, else at the cap. */
static void test_sentences_cap(void)
{
    buf b;
    buf_init(&b);
    for (int i = 0; i < 1000; i++)
        buf_puts(&b, i == 350 ? "كلمة، " : i == 700 ? "وكلمة " : "كلمة ");
    char *got = NULL;
    size_t n = b.len;
    char *nb = malloc(2 * n + 1), *cur = nb;
    tokvec tv = {0};
    sentvec sv = {0};
    CHECK_EQ_INT(text_tokenize(b.data, 0, n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(tv.n, 1001);
    CHECK_EQ_INT(text_split_sentences(b.data, &tv, 0, &sv), RASD_OK);
    CHECK_EQ_INT(sv.n, 3);
    CHECK_EQ_INT(sv.v[0].tok_end, 352); /* after the comma (token 351) */
    CHECK_EQ_INT(sv.v[1].tok_end, 701); /* before وكلمة (token 701) */
    CHECK_EQ_INT(sv.v[2].tok_end, 1001);
    for (size_t i = 0; i < sv.n; i++)
        CHECK(sv.v[i].tok_end - sv.v[i].tok_begin <= RASD_MAX_SENT_TOKENS);
    free(got);
    free(nb);
    tokvec_free(&tv);
    sentvec_free(&sv);
    buf_free(&b);
}

/* Large degenerate inputs finish (linear time) and keep the guarantees. */
static void test_degenerate_inputs(void)
{
    size_t n = 1000000;
    char *s = malloc(n + 1);
    memset(s, '"', n);
    s[n] = '\0';
    char *nb = malloc(2 * n + 1), *cur = nb;
    tokvec tv = {0};
    sentvec sv = {0};
    CHECK_EQ_INT(text_tokenize(s, 0, n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK_EQ_INT(tv.n, n);
    CHECK_EQ_INT(text_split_sentences(s, &tv, 0, &sv), RASD_OK);
    CHECK_EQ_INT(sv.v[sv.n - 1].tok_end, n);
    for (size_t i = 0; i < sv.n; i++)
        CHECK(sv.v[i].tok_end - sv.v[i].tok_begin <= RASD_MAX_SENT_TOKENS);
    /* one million dots and digits: "1.1.1..." is one long number, cut */
    for (size_t i = 0; i < n; i++)
        s[i] = (i & 1) ? '.' : '1';
    tv.n = sv.n = 0;
    cur = nb;
    CHECK_EQ_INT(text_tokenize(s, 0, n, RASD_NORM_DEFAULT, &tv, &cur), RASD_OK);
    CHECK(tv.n >= n / RASD_MAX_TOKEN_BYTES);
    CHECK(tv.v[0].flags & RASD_TOKF_TRUNCATED);
    free(s);
    free(nb);
    tokvec_free(&tv);
    sentvec_free(&sv);
}

int main(void)
{
    RUN(test_utf8_valid);
    RUN(test_utf8_invalid_offsets);
    RUN(test_utf8_decode_encode);
    RUN(test_utf8_check_api);
    RUN(test_utf8_repair);
    RUN(test_classes);
    RUN(test_norm_flags);
    RUN(test_norm_presentation);
    RUN(test_norm_offsets);
    RUN(test_norm_append_token);
    RUN(test_norm_invariant);
    RUN(test_tok_news);
    RUN(test_tok_latin);
    RUN(test_tok_abbrev_numbers);
    RUN(test_tok_marks_and_ignorables);
    RUN(test_tok_punct_symbols);
    RUN(test_tok_quotes_context);
    RUN(test_tok_offsets_region);
    RUN(test_tok_truncation);
    RUN(test_sentences);
    RUN(test_sentences_newline);
    RUN(test_sentences_cap);
    RUN(test_degenerate_inputs);
    CHECK_DONE();
}
