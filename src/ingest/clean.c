/* clean.c - page furniture: lines of a scraped article that are not the
 * story (share widgets, font-size buttons, live labels, image file names,
 * photo captions, keyword lists, related headlines, credits, datelines,
 * bylines, promotions). Rules are lexicons of widget words plus the shape of
 * a line (length, script, final punctuation) and its place in the page;
 * none depends on a particular site. Also finds the headline and the outlet
 * named in a credit line. */
#include "ingest_int.h"
#include "text/text.h"
#include "time/time.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define CL_KEY 256         /* folded prefix of a line used for lexicons */
#define CL_TITLE_MAX 160   /* code points: longer lines are paragraphs */
#define CL_SHORT 160       /* code points: a headline-like line is shorter */
#define CL_TOP 10          /* non-blank lines that make up the page head */

enum { CL_FWH_UNKNOWN = -1, CL_FWH_LONG = -2 }; /* cl_line.fwh, else a hash */

typedef struct cl_line {
    size_t s, e;           /* trimmed span in the text */
    uint32_t ncp, words;   /* code points, words */
    uint32_t arabic, latin; /* letters by script */
    uint32_t commas;       /* , and ، : ledes have them, headlines rarely */
    bool blank;
    bool stop;             /* ends like a sentence: . : ، ; */
    bool question;         /* ends with ? ؟ ! */
    bool title;
    bool invis;            /* has code points that time_fold drops, invalid bytes, or
                              code points above U+07FF that it changes */
    const char *drop;
    /* The key: the folded prefix, punctuation as spaces, collapsed. Built
     * lazily (cl_kneed, cl_kfull): most lines are paragraphs whose key is
     * only ever compared by its first words. */
    char *key;             /* NUL-terminated at klen */
    size_t klen;           /* bytes built so far (all of them once kdone) */
    const char *kt;        /* the text the key is built from */
    size_t kin;            /* next input byte of kt */
    uint16_t kfold;        /* bytes time_fold has produced (its cap is CL_KEY) */
    bool kspace;           /* a separator is pending */
    bool kdone;            /* the key is complete */
    int16_t fwh;           /* hash of the key's first word: CL_FWH_* */
} cl_line;

typedef struct cl_doc {
    rasd_doc *doc;
    cl_line *ln;
    size_t n;
    bool arabic_doc;       /* Arabic letters outnumber Latin ones */
} cl_doc;

/* ------------------------------------------------------------ lexicons */

typedef struct cl_phrase {
    const char *key;       /* folded as cl_key folds */
    const char *reason;
} cl_phrase;

/* Lines made only of these (in any order) are widgets. */
static const cl_phrase cl_widgets[] = {
    {"icon", "icon"}, {"video", "icon"}, {"photo", "icon"}, {"image", "icon"},
    {"play", "icon"}, {"gallery", "icon"}, {"فيديو", "icon"}, {"صوره", "icon"},
    {"صور", "icon"}, {"بالصور", "icon"}, {"بالفيديو", "icon"}, {"انفوجراف", "icon"},
    {"انفوجرافيك", "icon"},
    {"التغطيه الحيه", "live label"}, {"تغطيه حيه", "live label"},
    {"تغطيه مباشره", "live label"}, {"بث مباشر", "live label"}, {"مباشر", "live label"},
    {"عاجل", "live label"}, {"live", "live label"}, {"breaking", "live label"},
    {"متابعه حيه", "live label"}, {"تحديثات حيه", "live label"},
    {"لحظه بلحظه", "live label"},
    {"a", "widget"}, {"حجم الخط", "widget"}, {"تكبير الخط", "widget"},
    {"تصغير الخط", "widget"}, {"الخط", "widget"}, {"مشاركه", "widget"},
    {"المشاركه", "widget"}, {"شارك", "widget"}, {"شاركها", "widget"},
    {"شارك الخبر", "widget"}, {"طباعه", "widget"}, {"اطبع", "widget"},
    {"تعليق", "widget"}, {"تعليقات", "widget"}, {"التعليقات", "widget"},
    {"اضف تعليق", "widget"}, {"ارسل", "widget"}, {"ارسال", "widget"},
    {"حفظ", "widget"}, {"نسخ الرابط", "widget"}, {"انسخ الرابط", "widget"},
    {"الرابط المختصر", "widget"}, {"رابط مختصر", "widget"}, {"نسخ", "widget"},
    {"تم النسخ", "widget"}, {"تابعنا", "widget"}, {"تابعونا", "widget"},
    {"تابعونا على", "widget"}, {"فيسبوك", "widget"}, {"فيس بوك", "widget"},
    {"تويتر", "widget"}, {"واتساب", "widget"}, {"واتس اب", "widget"},
    {"تلغرام", "widget"}, {"تيليجرام", "widget"}, {"تليجرام", "widget"},
    {"انستغرام", "widget"}, {"انستجرام", "widget"}, {"يوتيوب", "widget"},
    {"لينكد ان", "widget"}, {"facebook", "widget"}, {"twitter", "widget"},
    {"whatsapp", "widget"}, {"telegram", "widget"}, {"linkedin", "widget"},
    {"email", "widget"}, {"e mail", "widget"}, {"print", "widget"}, {"share", "widget"},
    {"tweet", "widget"}, {"comments", "widget"}, {"comment", "widget"},
    {"البريد الالكتروني", "widget"}, {"بريد الكتروني", "widget"},
    {"الرئيسيه", "widget"}, {"عرض المزيد", "widget"}, {"اعلان", "widget"},
    {"advertisement", "widget"}, {"close", "widget"}, {"اغلاق", "widget"},
    {"التالي", "widget"}, {"السابق", "widget"}, {"next", "widget"},
    {"previous", "widget"}, {"x", "widget"}, {"الصفحه الرئيسيه", "widget"},
    {"استمع", "widget"}, {"استمع للمقال", "widget"}, {"listen", "widget"},
    {"صوره ارشيفيه", "caption"}, {"ارشيفيه", "caption"}, {"صوره تعبيريه", "caption"},
    {"تعبيريه", "caption"},
    {NULL, NULL}};

/* Labels of a keyword (tag) list; the list follows. */
static const char *const cl_keyword_labels[] = {
    "كلمات مفتاحيه", "الكلمات المفتاحيه", "كلمات دلاليه", "الكلمات الدلاليه",
    "كلمات داله", "الكلمات الداله", "الوسوم", "وسوم", "الاوسمه", "اوسمه", "tags",
    "keywords", "تصنيفات", "التصنيفات", "هاشتاغ", "هاشتاج", NULL};

/* Labels of a related-articles list; headlines follow. A line that starts
 * with one and goes on is a single teaser ("اقرأ أيضاً: ..."). */
static const char *const cl_related_labels[] = {
    "اقرا ايضا", "اقرا كذلك", "اقرا المزيد", "شاهد ايضا", "طالع ايضا", "انظر ايضا",
    "اخبار ذات صله", "مواضيع ذات صله", "موضوعات ذات صله", "مقالات ذات صله",
    "ذات صله", "اخبار متعلقه", "مواضيع متعلقه", "مقالات متعلقه", "المزيد من الاخبار",
    "الاكثر قراءه", "الاكثر مشاهده", "قد يهمك ايضا", "قد يعجبك ايضا", "قد يهمك",
    "اخترنا لك", "للمزيد", "المزيد", "related", "related articles", "read more",
    "see also", "more", NULL};

/* A line that starts with one of these addresses the reader: promotion. */
static const char *const cl_promo_starts[] = {
    "تابعونا", "يمكنكم", "يمكنك متابعه", "اشتركوا", "اشترك في", "اشترك الان",
    "حمل تطبيق", "حملوا تطبيق", "نزل تطبيق", "انضموا", "انضم الى قناتنا",
    "للاشتراك في", "تابعوا اخر", "تابعوا اهم", "subscribe", "follow us", "download", NULL};

/* Anywhere in a short line: a link widget or a disclaimer. */
static const cl_phrase cl_inline[] = {
    {"اضغط هنا", "promo"}, {"انقر هنا", "promo"}, {"click here", "promo"},
    {"حقوق النشر محفوظه", "disclaimer"}, {"جميع الحقوق محفوظه", "disclaimer"},
    {"all rights reserved", "disclaimer"}, {"تمثل راي كاتبها", "disclaimer"},
    {"تمثل راي كتابها", "disclaimer"}, {"تعبر عن راي كاتبها", "disclaimer"},
    {"لا تعبر بالضروره عن", "disclaimer"}, {"تعبر بالضروره عن", "disclaimer"},
    {"نشر هذا المقال", "disclaimer"}, {"هذا المقال منشور", "disclaimer"},
    {"هذ المقال منشور", "disclaimer"},
    {NULL, NULL}};

/* Credit labels: "المصدر: وكالات", "*نقلاً عن الأهرام". */
static const char *const cl_credit_labels[] = {
    "المصدر", "المصادر", "مصدر الخبر", "نقلا عن", "عن", "source", "via", NULL};

/* News agencies: a line made only of these is a credit ("فرانس24/ أ ف ب"). */
static const char *const cl_agencies[] = {
    "وكالات", "رويترز", "ا ف ب", "افب", "فرانس 24", "فرانس24", "فرانس برس",
    "اسوشيتد برس", "اسوشييتد برس", "الاناضول", "د ب ا", "سانا", "واس", "وام", "قنا",
    "كونا", "بترا", "وفا", "ارنا", "سبوتنيك", "تاس", "شينخوا", "نوفوستي", "ريا نوفوستي",
    "يونايتد برس", "مواقع", "وسائل اعلام", "الجزيره نت", "بي بي سي", "afp", "reuters",
    "ap", "dpa", "epa", "getty", "getty images", "ا ب", "و", NULL};

/* Words that open a byline ("بقلم فلان"). */
static const char *const cl_byline_starts[] = {
    "بقلم", "كتب", "كتبت", "كتبه", "اعداد", "تحرير", "تاليف", "مراسل", "مراسلنا", "by", NULL};

/* Kinds of outlet: a byline "تلفزيون سوريا - إسطنبول" names the outlet
 * before the dash when it starts with one of these. */
static const char *const cl_outlet_nouns[] = {
    "تلفزيون", "قناه", "وكاله", "صحيفه", "جريده", "مجله", "موقع", "راديو", "اذاعه",
    "شبكه", NULL};

/* -------------------------------------------------------- line features */

/* Decode one code point; ASCII without a call (most bytes of a line's
 * markup are ASCII). Returns 0 for an invalid sequence. */
static size_t cl_decode(const char *p, size_t n, uint32_t *cp)
{
    if ((unsigned char)*p < 0x80) {
        *cp = (unsigned char)*p;
        return 1;
    }
    return utf8_decode((const unsigned char *)p, n, cp);
}

/* The key of a line: time_fold of its first bytes (at most CL_KEY - 1
 * folded bytes), punctuation, symbols, spaces and controls as one space
 * between words, none at either end. Built one code point at a time, so
 * that it can stop as soon as a caller has what it needs; the result is the
 * same as folding the whole prefix and then collapsing it. */

/* Code points below CL_TAB, as the key sees them. */
#define CL_TAB 0x800u
enum { CLK_DROP = 1, CLK_SEP = 2 };
typedef struct cl_kinfo {
    char fold[2];          /* time_fold of the code point, in UTF-8 */
    uint8_t len;           /* its length (1 or 2) */
    uint8_t flags;         /* CLK_DROP: time_fold drops it; CLK_SEP: separator */
} cl_kinfo;

static cl_kinfo cl_ktab[CL_TAB];
/* What a code point adds to a line's counts, as one word: Arabic letters,
 * Latin letters and commas in 20-bit fields (summed over a few code points
 * at a time), a white-space bit, and a bit for code points that time_fold
 * drops (so that they leave no trace in a key). */
#define CLM_ARABIC (1ull << 0)
#define CLM_LATIN (1ull << 20)
#define CLM_COMMA (1ull << 40)
#define CLM_INVIS (1ull << 62)
#define CLM_SPACE (1ull << 63)
#define CLM_FIELD 0xFFFFFull

static uint64_t cl_mval(uint32_t cp, cclass c)
{
    return (c == CC_ARABIC ? CLM_ARABIC : 0) | (c == CC_LATIN ? CLM_LATIN : 0) |
           (cp == ',' || cp == 0x060C ? CLM_COMMA : 0) | (c == CC_SPACE ? CLM_SPACE : 0);
}

static uint64_t cl_mtab[CL_TAB]; /* cl_measure's counts */
static pthread_once_t cl_tab_once = PTHREAD_ONCE_INIT;

static bool cl_sep_class(cclass c)
{
    return c == CC_PUNCT || c == CC_QUOTE || c == CC_SYMBOL || c == CC_SPACE ||
           c == CC_CONTROL;
}

static void cl_bloom_build(void);
static void cl_inline_build(void);
#if defined(__SSE2__)
static void cl_msimd_check(void);
#endif

/* Built from time_fold and text_class themselves, so the two never drift
 * apart from what the key is defined by. */
static void cl_tab_build(void)
{
    for (uint32_t cp = 0; cp < CL_TAB; cp++) {
        char in[4], out[8];
        size_t n = utf8_encode(cp, in);
        size_t fl = time_fold(in, n, out, sizeof out);
        cl_mtab[cp] = cl_mval(cp, text_class(cp));
        cl_kinfo *k = &cl_ktab[cp];
        if (!fl) {
            k->flags = CLK_DROP;
            cl_mtab[cp] |= CLM_INVIS;
            continue;
        }
        uint32_t f;
        if (fl > 2 || utf8_decode((const unsigned char *)out, fl, &f) != fl)
            f = cp, fl = utf8_encode(cp, out); /* cannot happen: folds never grow */
        memcpy(k->fold, out, 2);
        k->len = (uint8_t)fl;
        k->flags = cl_sep_class(text_class(f)) ? CLK_SEP : 0;
    }
    cl_bloom_build();
    cl_inline_build();
#if defined(__SSE2__)
    cl_msimd_check();
#endif
}

static void cl_tab_init(void) { pthread_once(&cl_tab_once, cl_tab_build); }

/* Build l's key until it holds more than `need` bytes or is complete. */
static void cl_kneed(cl_line *l, size_t need)
{
    if (l->kdone || l->klen > need)
        return;
    const unsigned char *u = (const unsigned char *)l->kt;
    size_t i = l->kin, e = l->e, k = l->klen, fo = l->kfold;
    bool space = l->kspace;
    char *key = l->key;
    while (k <= need) {
        if (i >= e) {
            l->kdone = true;
            break;
        }
        unsigned c = u[i];
        if (c < 0x80 || (c >= 0xC2 && c < 0xE0 && i + 1 < e && (u[i + 1] & 0xC0) == 0x80)) {
            size_t n = c < 0x80 ? 1 : 2;
            const cl_kinfo *ki = &cl_ktab[c < 0x80 ? c : ((c & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu)];
            if (ki->flags & CLK_DROP) {
                i += n;
                continue;
            }
            if (fo + ki->len + 1 > CL_KEY) { /* time_fold stops here */
                l->kdone = true;
                break;
            }
            fo += ki->len;
            i += n;
            if (ki->flags & CLK_SEP) {
                space = k > 0;
                continue;
            }
            if (space)
                key[k++] = ' ';
            key[k] = ki->fold[0]; /* two bytes fit: the NUL's place follows */
            key[k + 1] = ki->fold[1];
            k += ki->len;
            space = false;
            continue;
        }
        /* three- and four-byte code points, invalid bytes */
        uint32_t cp, fcp;
        char tmp[8];
        size_t n = utf8_decode(u + i, e - i, &cp);
        if (!n) { /* time_fold drops invalid bytes one at a time */
            i++;
            continue;
        }
        size_t m = time_fold((const char *)u + i, n, tmp, sizeof tmp);
        if (!m) { /* a mark or invisible control, or beyond the BMP */
            i += n;
            continue;
        }
        utf8_decode((const unsigned char *)tmp, m, &fcp);
        if (fo + m + 1 > CL_KEY) {
            l->kdone = true;
            break;
        }
        fo += m;
        i += n;
        if (cl_sep_class(text_class(fcp))) {
            space = k > 0;
            continue;
        }
        if (space)
            key[k++] = ' ';
        memcpy(key + k, tmp, m);
        k += m;
        space = false;
    }
    key[k] = '\0';
    l->kin = i;
    l->klen = k;
    l->kfold = (uint16_t)fo;
    l->kspace = space;
}

static void cl_kfull(cl_line *l) { cl_kneed(l, SIZE_MAX - 1); }

/* Start building the key of [s, e) of t into key (>= min(e - s, CL_KEY - 1)
 * + 1 bytes). */
static void cl_kinit(cl_line *l, const char *t, char *key)
{
    l->key = key;
    l->klen = 0;
    l->kt = t;
    l->kin = l->s;
    l->kfold = 0;
    l->kspace = false;
    l->kdone = false;
    l->fwh = CL_FWH_UNKNOWN;
    key[0] = '\0';
}

/* The whole key of [s, e) of t, at once. */
static size_t cl_key(const char *t, size_t s, size_t e, char *key)
{
    cl_line l = {.s = s, .e = e};
    cl_kinit(&l, t, key);
    cl_kfull(&l);
    return l.klen;
}

/* A phrase can start a key only if its first word is the key's first word.
 * Each lexicon keeps a small Bloom filter of its phrases' first words, so
 * that a line whose first word is in none of them (nearly every line) is
 * ruled out with one bit test instead of a comparison per phrase. */
#define CL_FW_MAX 63       /* longer first words: in no lexicon (checked) */

typedef struct cl_bloom {
    uint64_t bit[8];
    bool all;              /* a phrase it cannot hold: every line may match */
} cl_bloom;

static unsigned cl_fw_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return (h ^ (h >> 15)) & 511;
}

/* Add phrase p's first word; a phrase the filter cannot represent (a
 * leading space, an over-long first word) lets every line through. */
static void cl_bloom_add(cl_bloom *b, const char *p)
{
    size_t n = strcspn(p, " ");
    if (n == 0 || n > CL_FW_MAX) {
        b->all = true;
        return;
    }
    unsigned h = cl_fw_hash(p, n);
    b->bit[h >> 6] |= 1ull << (h & 63);
}

static cl_bloom cl_bl_keyword, cl_bl_related, cl_bl_promo, cl_bl_credit, cl_bl_byline,
    cl_bl_outlet, cl_bl_widget, cl_bl_agency;

static void cl_bloom_words(cl_bloom *b, const char *const *list)
{
    for (; *list; list++)
        cl_bloom_add(b, *list);
}

static void cl_bloom_build(void)
{
    cl_bloom_words(&cl_bl_keyword, cl_keyword_labels);
    cl_bloom_words(&cl_bl_related, cl_related_labels);
    cl_bloom_words(&cl_bl_promo, cl_promo_starts);
    cl_bloom_words(&cl_bl_credit, cl_credit_labels);
    cl_bloom_words(&cl_bl_byline, cl_byline_starts);
    cl_bloom_words(&cl_bl_outlet, cl_outlet_nouns);
    cl_bloom_words(&cl_bl_agency, cl_agencies);
    for (const cl_phrase *p = cl_widgets; p->key; p++)
        cl_bloom_add(&cl_bl_widget, p->key);
}

/* The filter of a lexicon; NULL (no filtering) for any other list. */
static const cl_bloom *cl_bloom_of(const char *const *list)
{
    if (list == cl_keyword_labels)
        return &cl_bl_keyword;
    if (list == cl_related_labels)
        return &cl_bl_related;
    if (list == cl_promo_starts)
        return &cl_bl_promo;
    if (list == cl_credit_labels)
        return &cl_bl_credit;
    if (list == cl_byline_starts)
        return &cl_bl_byline;
    if (list == cl_outlet_nouns)
        return &cl_bl_outlet;
    if (list == cl_agencies)
        return &cl_bl_agency;
    return NULL;
}

/* Hash of the key's first word (the bytes before its first space), or
 * CL_FWH_LONG when it is longer than CL_FW_MAX. Builds only that much key. */
static int cl_fwh(cl_line *l)
{
    if (l->fwh != CL_FWH_UNKNOWN)
        return l->fwh;
    for (size_t need = 15;; need = l->klen + 16) {
        cl_kneed(l, need);
        const char *sp = memchr(l->key, ' ', l->klen);
        if (sp || l->kdone) {
            size_t n = sp ? (size_t)(sp - l->key) : l->klen;
            l->fwh = n > CL_FW_MAX ? CL_FWH_LONG : (int16_t)cl_fw_hash(l->key, n);
            break;
        }
        if (l->klen > CL_FW_MAX) {
            l->fwh = CL_FWH_LONG;
            break;
        }
    }
    return l->fwh;
}

/* May some phrase of the filter start l's key? (false: none does) */
static bool cl_bloom_maybe(cl_line *l, const cl_bloom *b)
{
    if (!b || b->all)
        return true;
    int h = cl_fwh(l);
    return h >= 0 && ((b->bit[h >> 6] >> (h & 63)) & 1);
}

/* How the line ends, looking through closing quotes and brackets. */
static void cl_ending(const char *t, cl_line *l)
{
    size_t i = l->e;
    while (i > l->s) {
        size_t j = i - 1;
        while (j > l->s && ((unsigned char)t[j] & 0xC0) == 0x80)
            j--;
        uint32_t cp;
        if (!cl_decode(t + j, i - j, &cp))
            return;
        cclass c = text_class(cp);
        if (c == CC_QUOTE || cp == ')' || cp == ']' || cp == 0xBB || c == CC_SPACE ||
            c == CC_IGNORABLE) {
            i = j;
            continue;
        }
        l->stop = cp == '.' || cp == ':' || cp == 0x060C || cp == ',' || cp == ';' ||
                  cp == 0x061B;
        l->question = cp == '?' || cp == 0x061F || cp == '!';
        /* "..." and "…" end teasers as often as sentences: neither */
        if ((cp == '.' && j >= l->s + 2 && t[j - 1] == '.' && t[j - 2] == '.') || cp == 0x2026)
            l->stop = false;
        return;
    }
}

/* Counts of a line so far; in_word: the last code point was not a space. */
typedef struct cl_mcount {
    uint64_t ncp, words, arabic, latin, commas;
    bool in_word;
    bool invis;            /* see cl_line.invis */
} cl_mcount;

/* One code point at u[i] (i < e); returns its length. */
static size_t cl_mstep(const unsigned char *u, size_t i, size_t e, cl_mcount *m)
{
    unsigned b = u[i];
    uint64_t v;
    size_t n;
    if (b < 0x80) {
        v = cl_mtab[b];
        n = 1;
    } else if (b >= 0xC2 && b < 0xE0 && i + 1 < e && (u[i + 1] & 0xC0) == 0x80) {
        v = cl_mtab[((b & 0x1Fu) << 6) | (u[i + 1] & 0x3Fu)];
        n = 2;
    } else { /* longer code points (their folds are not in the tables), invalid bytes */
        uint32_t cp;
        char tmp[8];
        n = utf8_decode(u + i, e - i, &cp);
        size_t fl = n ? time_fold((const char *)u + i, n, tmp, sizeof tmp) : 0;
        bool changed = !fl || fl != n || memcmp(tmp, u + i, n);
        if (!n)
            n = 1, cp = 0xFFFD;
        v = cl_mval(cp, text_class(cp)) | (changed ? CLM_INVIS : 0);
    }
    bool sp = v >> 63;
    m->ncp++;
    m->arabic += v & 1;
    m->latin += (v >> 20) & 1;
    m->commas += (v >> 40) & 1;
    m->invis |= (v >> 62) & 1;
    m->words += !sp & !m->in_word;
    m->in_word = !sp;
    return n;
}

#if defined(__SSE2__)
/* Bits set in each 16-bit quarter of x, in that quarter. */
static uint64_t cl_pop16x4(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (x + (x >> 8)) & 0x00FF00FF00FF00FFull;
}

/* ASCII as cl_mtab classes it (checked when the tables are built): letters
 * are Latin, space tab VT FF are white space. And U+0600-067F, the code
 * points with leads D8 and D9 that make up most Arabic text: Arabic letters
 * are U+0620-063F, U+0641-064A, U+066E-066F and U+0671-067F, U+060C is the
 * comma, time_fold drops U+061C, U+0640, U+064B-065F and U+0670; none is
 * Latin or white space. */
static bool cl_msimd, cl_msimd_d8d9;

static bool cl_d8d9_arabic(uint32_t cp)
{
    return (cp >= 0x620 && cp <= 0x63F) || (cp >= 0x641 && cp <= 0x64A) ||
           (cp >= 0x66E && cp <= 0x66F) || (cp >= 0x671 && cp <= 0x67F);
}

static void cl_msimd_check(void)
{
    cl_msimd = cl_msimd_d8d9 = true;
    for (unsigned c = 0; c < 0x80; c++) {
        bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        bool space = c == ' ' || c == '\t' || c == 0x0B || c == 0x0C;
        uint64_t want = (letter ? CLM_LATIN : 0) | (c == ',' ? CLM_COMMA : 0) |
                        (space ? CLM_SPACE : 0);
        if (cl_mtab[c] != want)
            cl_msimd = false;
    }
    for (uint32_t cp = 0x600; cp < 0x680; cp++) {
        bool gone = cp == 0x61C || cp == 0x640 || (cp >= 0x64B && cp <= 0x65F) || cp == 0x670;
        uint64_t want = (cl_d8d9_arabic(cp) ? CLM_ARABIC : 0) | (cp == 0x60C ? CLM_COMMA : 0) |
                        (gone ? CLM_INVIS : 0);
        if (cl_mtab[cp] != want)
            cl_msimd_d8d9 = false;
    }
}

/* Bytes of v within [lo, hi], as a mask vector. */
static __m128i cl_in_range(__m128i v, unsigned char lo, unsigned char hi)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8((char)(hi - lo))),
                          _mm_setzero_si128());
}

/* cl_mstep over sixteen bytes at a time from i, while a block holds only
 * ASCII and well-formed two-byte code points; a block ends before a lead
 * whose continuation is in the next one, so each starts on a code point.
 * Returns where it stopped. */
static size_t cl_measure_simd(const unsigned char *u, size_t i, size_t e, cl_mcount *m)
{
    const __m128i c0 = _mm_set1_epi8((char)0xC0), c1 = _mm_set1_epi8((char)0xC1),
                  e0 = _mm_set1_epi8((char)0xE0), sp = _mm_set1_epi8(' '),
                  tab = _mm_set1_epi8('\t'), vt = _mm_set1_epi8(0x0B), ff = _mm_set1_epi8(0x0C),
                  comma = _mm_set1_epi8(','), x20 = _mm_set1_epi8(0x20),
                  a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
    while (i + 16 <= e) {
        __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
        unsigned hi = (unsigned)_mm_movemask_epi8(v);
        unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, c0));
        unsigned lead = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpgt_epi8(v, c1), _mm_cmplt_epi8(v, e0)));
        if ((cont | lead) != hi || cont != ((lead << 1) & 0xFFFFu))
            break;
        unsigned blk = 0xFFFFu, len = 16;
        if (lead & 0x8000u) { /* its continuation starts the next block */
            lead &= 0x7FFFu;
            blk = 0x7FFFu;
            len = 15;
        }
        unsigned st = ~cont & blk; /* code point starts */
        unsigned spc = (unsigned)_mm_movemask_epi8(
                           _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)),
                                        _mm_or_si128(_mm_cmpeq_epi8(v, vt), _mm_cmpeq_epi8(v, ff)))) &
                       blk;
        unsigned com = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma)) & blk;
        __m128i lw = _mm_or_si128(v, x20); /* high bytes stay negative: no match */
        unsigned lat = (unsigned)_mm_movemask_epi8(
                           _mm_and_si128(_mm_cmpgt_epi8(lw, a1), _mm_cmplt_epi8(lw, z1))) &
                       blk;
        uint64_t acc = 0;
        __m128i d8 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8)),
                d9 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD9));
        if (lead && cl_msimd_d8d9 &&
            ((unsigned)_mm_movemask_epi8(_mm_or_si128(d8, d9)) & lead) == lead) {
            /* only U+0600-067F: classes by range of the second byte */
            __m128i nx = _mm_srli_si128(v, 1);
            __m128i ar = _mm_or_si128(
                _mm_and_si128(d8, cl_in_range(nx, 0xA0, 0xBF)),
                _mm_and_si128(d9, _mm_or_si128(_mm_or_si128(cl_in_range(nx, 0x81, 0x8A),
                                                             cl_in_range(nx, 0xAE, 0xAF)),
                                               cl_in_range(nx, 0xB1, 0xBF))));
            unsigned arm = (unsigned)_mm_movemask_epi8(ar) & lead;
            com |= (unsigned)_mm_movemask_epi8(
                       _mm_and_si128(d8, _mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0x8C)))) &
                   lead;
            __m128i gone = _mm_or_si128(
                _mm_and_si128(d8, _mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0x9C))),
                _mm_and_si128(d9, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0x80)),
                                                             _mm_cmpeq_epi8(nx, _mm_set1_epi8((char)0xB0))),
                                               cl_in_range(nx, 0x8B, 0x9F))));
            m->invis |= ((unsigned)_mm_movemask_epi8(gone) & lead) != 0;
            acc = cl_pop16x4(arm); /* lowest quarter: the Arabic letters */
        } else {
            uint64_t inv = 0;
            for (unsigned L = lead; L; L &= L - 1) {
                unsigned p = (unsigned)__builtin_ctz(L);
                uint64_t tv = cl_mtab[((u[i + p] & 0x1Fu) << 6) | (u[i + p + 1] & 0x3Fu)];
                acc += tv & ~(CLM_SPACE | CLM_INVIS);
                inv |= tv;
                spc |= (unsigned)(tv >> 63) << p;
            }
            m->invis |= (inv >> 62) & 1;
        }
        /* a word starts at a non-space whose previous code point (one or
         * two bytes back; before the block: m->in_word) is a space */
        unsigned prev1 = (st << 1) | 1u;             /* a code point starts one byte back */
        unsigned sp1 = (spc << 1) | !m->in_word, sp2 = spc << 2;
        unsigned prevsp = (prev1 & sp1) | (~prev1 & sp2);
        unsigned ws = st & ~spc & prevsp & blk;
        uint64_t pc = cl_pop16x4((uint64_t)st | (uint64_t)lat << 16 | (uint64_t)com << 32 |
                                 (uint64_t)ws << 48);
        m->ncp += pc & 0xFF;
        m->arabic += acc & CLM_FIELD;
        m->latin += ((pc >> 16) & 0xFF) + ((acc >> 20) & CLM_FIELD);
        m->commas += ((pc >> 32) & 0xFF) + ((acc >> 40) & CLM_FIELD);
        m->words += pc >> 48;
        unsigned last = 31u - (unsigned)__builtin_clz(st);
        m->in_word = !((spc >> last) & 1u);
        i += len;
    }
    return i;
}
#endif

static void cl_measure(const char *t, cl_line *l)
{
    const unsigned char *u = (const unsigned char *)t;
    cl_mcount m = {0};
    for (size_t i = l->s, e = l->e; i < e;) {
        size_t stop = e;
#if defined(__SSE2__)
        if (cl_msimd) {
            i = cl_measure_simd(u, i, e, &m);
            stop = i + 16 < e ? i + 16 : e; /* then one code point at a time */
        }
#endif
        while (i < stop)
            i += cl_mstep(u, i, e, &m);
    }
    l->ncp += (uint32_t)m.ncp;
    l->arabic += (uint32_t)m.arabic;
    l->latin += (uint32_t)m.latin;
    l->commas += (uint32_t)m.commas;
    l->words += (uint32_t)m.words;
    l->invis = m.invis;
}

/* Trim white space and invisible controls from both ends of [s, e). */
static void cl_trim(const char *t, size_t *s, size_t *e)
{
    while (*s < *e) {
        uint32_t cp;
        size_t n = cl_decode(t + *s, *e - *s, &cp);
        cclass c = n ? text_class(cp) : CC_OTHER;
        if (c != CC_SPACE && c != CC_IGNORABLE && c != CC_NEWLINE && c != CC_CONTROL)
            break;
        *s += n;
    }
    while (*e > *s) {
        size_t j = *e - 1;
        while (j > *s && ((unsigned char)t[j] & 0xC0) == 0x80)
            j--;
        uint32_t cp;
        size_t n = cl_decode(t + j, *e - j, &cp);
        cclass c = n ? text_class(cp) : CC_OTHER;
        if (c != CC_SPACE && c != CC_IGNORABLE && c != CC_NEWLINE && c != CC_CONTROL)
            break;
        *e = j;
    }
}

/* ------------------------------------------------------ lexicon matching */

/* Does key[at..] start with phrase p on a word boundary? Returns its end. */
static size_t cl_match_at(const char *key, size_t klen, size_t at, const char *p)
{
    size_t n = strlen(p);
    if (at + n > klen || memcmp(key + at, p, n) != 0)
        return 0;
    if (at + n < klen && key[at + n] != ' ')
        return 0;
    return at + n;
}

/* cl_match_at on l's key, built as far as the answer needs: past at + n,
 * a partial key answers as the whole one would. */
static size_t cl_lmatch(cl_line *l, size_t at, const char *p)
{
    cl_kneed(l, at + strlen(p));
    return cl_match_at(l->key, l->klen, at, p);
}

static bool cl_starts(cl_line *l, const char *p)
{
    return cl_lmatch(l, 0, p) > 0;
}

/* The whole key is p: a partial key is longer than any match. */
static bool cl_is(cl_line *l, const char *p)
{
    size_t end = cl_lmatch(l, 0, p);
    return end == l->klen && l->klen;
}

static bool cl_is_any(cl_line *l, const char *const *list)
{
    if (!cl_bloom_maybe(l, cl_bloom_of(list)))
        return false;
    for (; *list; list++)
        if (cl_is(l, *list))
            return true;
    return false;
}

static const char *cl_starts_any(cl_line *l, const char *const *list)
{
    if (!cl_bloom_maybe(l, cl_bloom_of(list)))
        return NULL;
    for (; *list; list++)
        if (cl_starts(l, *list))
            return *list;
    return NULL;
}

/* The line is a sequence of phrases from `lex` (longest first at each
 * step); returns the reason of the first one, or NULL. */
static const char *cl_all_phrases(cl_line *l, const cl_phrase *lex)
{
    const char *reason = NULL;
    size_t at = 0;
    if (lex == cl_widgets && !cl_bloom_maybe(l, &cl_bl_widget))
        return NULL; /* no phrase at 0 */
    cl_kfull(l);
    while (at < l->klen) {
        size_t best = 0;
        const char *r = NULL;
        for (const cl_phrase *p = lex; p->key; p++) {
            size_t end = cl_match_at(l->key, l->klen, at, p->key);
            if (end > best)
                best = end, r = p->reason;
        }
        if (!best)
            return NULL;
        if (!reason)
            reason = r;
        at = best + (best < l->klen);
    }
    return reason;
}

static bool cl_agency_list(const char *key, size_t klen)
{
    size_t at = 0;
    while (at < klen) {
        size_t best = 0;
        for (const char *const *a = cl_agencies; *a; a++) {
            size_t end = cl_match_at(key, klen, at, *a);
            best = end > best ? end : best;
        }
        if (!best)
            return false;
        at = best + (best < klen);
    }
    return klen > 0;
}

/* Inline phrases are looked for anywhere in a key, as strstr would find
 * them: one pass over the key tests the first four bytes at each position
 * against a small filter of the phrases' first four bytes, and records
 * where each phrase occurs first. */
#define CL_N_INLINE (sizeof cl_inline / sizeof cl_inline[0] - 1)
#define CL_INL_MIN 4 /* bytes of a phrase's head */
static uint64_t cl_inl_filter[16];
static bool cl_inl_short; /* some phrase is shorter than its head: strstr */
static uint32_t cl_inl_head[CL_N_INLINE];
static size_t cl_inl_len[CL_N_INLINE];

static unsigned cl_inl_hash(uint32_t x) { return (x * 2654435761u) >> 22; }

/* Most lines hold none of the inline phrases, and that can be told from
 * the raw line without building its key. A phrase word in a key comes from
 * consecutive letters of the line when the line has no code point that
 * time_fold drops and none above U+07FF that it changes (!l->invis); a
 * letter that folds to itself and to which no code point below U+0800
 * folds ("invariant") is then in the raw line as is. So each Arabic phrase
 * has anchors: the longest runs of invariant letters of two of its words,
 * which the raw line must contain. A phrase with ASCII letters needs a
 * Latin letter in the line (checked: below U+0800 only A-Z fold to a-z). */
#define CL_MAX_ANCHORS 32
static struct {
    const char *p;
    size_t n;
    uint32_t head;
} cl_anchor[CL_MAX_ANCHORS];
static size_t cl_n_anchors;
static uint64_t cl_anchor_filter[16];
static uint32_t cl_inl_need[CL_N_INLINE]; /* anchors the phrase needs */
static uint8_t cl_inl_kind[CL_N_INLINE];  /* CLI_* */
enum { CLI_ANCHORS, CLI_LATIN, CLI_ALWAYS };

/* Code points that some other code point below CL_TAB folds to. */
static uint8_t cl_fold_target[CL_TAB];

static bool cl_invariant(uint32_t cp)
{
    const cl_kinfo *k = &cl_ktab[cp];
    char in[4];
    return cp >= 0x80 && cp < CL_TAB && !k->flags && k->len == utf8_encode(cp, in) &&
           !memcmp(k->fold, in, k->len) && !cl_fold_target[cp];
}

static void cl_anchors_build(void)
{
    bool latin_ok = true; /* ASCII letters come from ASCII letters only */
    for (uint32_t x = 0; x < CL_TAB; x++) { /* what folds into what below U+0800 */
        const cl_kinfo *k = &cl_ktab[x];
        uint32_t f;
        if (!(k->flags & CLK_DROP) && utf8_decode((const unsigned char *)k->fold, k->len, &f) &&
            f != x) {
            cl_fold_target[f] = 1;
            if (x >= 0x80 && (f | 0x20) >= 'a' && (f | 0x20) <= 'z')
                latin_ok = false;
        }
    }
    for (size_t j = 0; j < CL_N_INLINE; j++) {
        const char *p = cl_inline[j].key;
        cl_inl_kind[j] = CLI_ALWAYS;
        for (const char *q = p; *q; q++)
            if ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z')
                cl_inl_kind[j] = CLI_LATIN;
        if (cl_inl_kind[j] == CLI_LATIN) {
            if (!latin_ok)
                cl_inl_kind[j] = CLI_ALWAYS;
            continue;
        }
        /* the longest invariant run of each word; keep the two longest */
        const char *best[2] = {NULL, NULL};
        size_t bestn[2] = {0, 0};
        for (const char *w = p; *w;) {
            const char *we = strchr(w, ' ');
            if (!we)
                we = w + strlen(w);
            const char *run = NULL, *wb = NULL;
            size_t rn = 0, wn = 0;
            for (const char *c = w; c < we;) {
                uint32_t cp;
                size_t k = utf8_decode((const unsigned char *)c, (size_t)(we - c), &cp);
                if (!k)
                    k = 1, cp = 0xFFFD;
                if (cl_invariant(cp)) {
                    if (!run)
                        run = c;
                    rn += k;
                    if (rn > wn)
                        wb = run, wn = rn;
                } else {
                    run = NULL, rn = 0;
                }
                c += k;
            }
            if (wn > bestn[0]) {
                best[1] = best[0], bestn[1] = bestn[0];
                best[0] = wb, bestn[0] = wn;
            } else if (wn > bestn[1]) {
                best[1] = wb, bestn[1] = wn;
            }
            w = *we ? we + 1 : we;
        }
        uint32_t need = 0;
        for (int b = 0; b < 2; b++) {
            if (bestn[b] < 4) /* the filter looks at four bytes */
                continue;
            size_t a = 0;
            while (a < cl_n_anchors && !(cl_anchor[a].n == bestn[b] &&
                                         !memcmp(cl_anchor[a].p, best[b], bestn[b])))
                a++;
            if (a == cl_n_anchors) {
                if (a == CL_MAX_ANCHORS)
                    continue;
                cl_anchor[a].p = best[b];
                cl_anchor[a].n = bestn[b];
                memcpy(&cl_anchor[a].head, best[b], 4);
                unsigned h = cl_inl_hash(cl_anchor[a].head);
                cl_anchor_filter[h >> 6] |= 1ull << (h & 63);
                cl_n_anchors++;
            }
            need |= 1u << a;
        }
        if (need) {
            cl_inl_kind[j] = CLI_ANCHORS;
            cl_inl_need[j] = need;
        }
    }
}

/* Can some inline phrase be in l's key? (false: none is) */
static bool cl_inline_possible(const cl_line *l)
{
    const unsigned char *u = (const unsigned char *)l->kt;
    uint32_t found = 0;
    bool scanned = false;
    for (size_t j = 0; j < CL_N_INLINE; j++) {
        if (cl_inl_kind[j] == CLI_ALWAYS)
            return true;
        if (cl_inl_kind[j] == CLI_LATIN) {
            if (l->latin || l->invis)
                return true;
            continue;
        }
        if (l->invis)
            return true;
        if (!scanned) {
            for (size_t i = l->s; i + 4 <= l->e; i++) {
                uint32_t x;
                memcpy(&x, u + i, 4);
                unsigned h = cl_inl_hash(x);
                if (!((cl_anchor_filter[h >> 6] >> (h & 63)) & 1))
                    continue;
                for (size_t a = 0; a < cl_n_anchors; a++)
                    if (cl_anchor[a].head == x && i + cl_anchor[a].n <= l->e &&
                        !memcmp(u + i, cl_anchor[a].p, cl_anchor[a].n))
                        found |= 1u << a;
            }
            scanned = true;
        }
        if ((found & cl_inl_need[j]) == cl_inl_need[j])
            return true;
    }
    return false;
}

static void cl_inline_build(void)
{
    for (size_t j = 0; j < CL_N_INLINE; j++) {
        const char *p = cl_inline[j].key;
        cl_inl_len[j] = strlen(p);
        if (cl_inl_len[j] < CL_INL_MIN) {
            cl_inl_short = true;
            continue;
        }
        memcpy(&cl_inl_head[j], p, CL_INL_MIN);
        unsigned h = cl_inl_hash(cl_inl_head[j]);
        cl_inl_filter[h >> 6] |= 1ull << (h & 63);
    }
    cl_anchors_build();
}

static const char *cl_inline_phrase(cl_line *l)
{
    if (!cl_inline_possible(l))
        return NULL;
    cl_kfull(l);
    const char *key = l->key;
    size_t klen = l->klen, first[CL_N_INLINE];
    bool any = false;
    for (size_t j = 0; j < CL_N_INLINE; j++) {
        const char *hit = cl_inl_short ? strstr(key, cl_inline[j].key) : NULL;
        first[j] = hit ? (size_t)(hit - key) : SIZE_MAX;
        any |= hit != NULL;
    }
    for (size_t i = 0; !cl_inl_short && i + CL_INL_MIN <= klen; i++) {
        uint32_t x;
        memcpy(&x, key + i, CL_INL_MIN);
        unsigned h = cl_inl_hash(x);
        if (!((cl_inl_filter[h >> 6] >> (h & 63)) & 1))
            continue;
        for (size_t j = 0; j < CL_N_INLINE; j++)
            if (first[j] == SIZE_MAX && cl_inl_head[j] == x && i + cl_inl_len[j] <= klen &&
                !memcmp(key + i, cl_inline[j].key, cl_inl_len[j])) {
                first[j] = i;
                any = true;
            }
    }
    if (!any)
        return NULL;
    for (size_t j = 0; j < CL_N_INLINE; j++) {
        if (first[j] == SIZE_MAX)
            continue;
        const char *hit = key + first[j]; /* strstr's hit: the first occurrence */
        size_t n = cl_inl_len[j];
        if ((hit == key || hit[-1] == ' ') && (hit[n] == '\0' || hit[n] == ' '))
            return cl_inline[j].reason;
    }
    return NULL;
}

/* ------------------------------------------------------- shape checks */

static bool cl_headline_like(const cl_line *l)
{
    return !l->blank && !l->stop && l->words >= 3 && l->ncp <= CL_SHORT;
}

static bool cl_paragraph_like(const cl_line *l)
{
    return !l->blank && (l->stop || l->ncp > CL_SHORT);
}

static bool cl_image_name(const char *t, size_t s, size_t e)
{
    static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp",
                                      ".bmp", ".svg", ".tif", ".tiff", ".avif", NULL};
    for (const char *const *x = ext; *x; x++) {
        size_t n = strlen(*x);
        for (size_t i = s; i + n <= e; i++)
            if (!strncasecmp(t + i, *x, n) && (i + n == e || t[i + n] == '?' ||
                                                t[i + n] == ' ' || t[i + n] == '"'))
                return true;
    }
    return false;
}

static bool cl_url(const char *t, const cl_line *l)
{
    size_t n = l->e - l->s;
    return l->words == 1 && ((n > 7 && !strncasecmp(t + l->s, "http://", 7)) ||
                             (n > 8 && !strncasecmp(t + l->s, "https://", 8)) ||
                             (n > 4 && !strncasecmp(t + l->s, "www.", 4)));
}

/* A line of punctuation or symbols only ("-----", "***", "×××"). */
static bool cl_separator(cl_line *l)
{
    if (l->blank || l->ncp < 3)
        return false;
    cl_kneed(l, 0);
    return l->klen == 0;
}

/* Ends with a parenthesised photo credit: "... (أسوشيتد برس)", "(AFP)". */
static bool cl_photo_credit_end(const char *t, const cl_line *l)
{
    if (l->e - l->s < 3 || t[l->e - 1] != ')')
        return false;
    size_t open = l->e - 1;
    while (open > l->s && t[open] != '(')
        open--;
    if (t[open] != '(' || l->e - open > 80 || open == l->s)
        return false;
    /* only photo words: an agency alone ends many news sentences ("(واس)") */
    char key[CL_KEY];
    cl_key(t, open + 1, l->e - 1, key);
    return l->words <= 30 && (strstr(key, "صوره") || strstr(key, "ارشيف") ||
                              strstr(key, "photo") || strstr(key, "getty"));
}

/* -------------------------------------------------------------- rules */

/* Skip `words` words of a label at s, and the separators after them;
 * *sep tells whether there was a separator (":", "|", "-"). */
static size_t cl_skip_label(const char *t, size_t s, size_t e, size_t words, bool *sep)
{
    *sep = false;
    while (s < e && (t[s] == '*' || t[s] == ' ')) /* "* نقلا عن ..." */
        s++;
    for (size_t w = 0; w < words; w++) {
        while (s < e && t[s] != ' ' && t[s] != ':' && t[s] != '|')
            s++;
        while (s < e && (t[s] == ' ' || t[s] == ':' || t[s] == '|' || t[s] == '-')) {
            *sep |= t[s] != ' ';
            s++;
        }
    }
    return s;
}

/* Is l a credit line? Then [*vs, *ve) is the outlet it names:
 * "المصدر | الخليج الجديد" -> "الخليج الجديد", "| وكالات" -> "وكالات",
 * "*نقلاً عن الأهرام" -> "الأهرام", "فرانس24/ أ ف ب" -> itself. A label
 * needs a separator ("المصدر أكد أن ..." is a sentence), except "نقلا عن". */
static bool cl_credit(const char *t, cl_line *l, size_t *vs, size_t *ve)
{
    if (l->words > 10 || l->stop)
        return false;
    size_t s = l->s, e = l->e;
    const char *label = cl_starts_any(l, cl_credit_labels);
    if (label && !cl_is(l, label)) {
        size_t words = 1;
        bool sep;
        for (const char *p = label; *p; p++)
            words += *p == ' ';
        s = cl_skip_label(t, s, e, words, &sep);
        if (!sep && strcmp(label, "نقلا عن"))
            return false;
    } else if (t[s] == '|' && l->words <= 5) {
        s++;
    } else if (!(l->words <= 6 && cl_bloom_maybe(l, &cl_bl_agency) &&
                 (cl_kfull(l), cl_agency_list(l->key, l->klen)))) {
        return false;
    }
    while (s < e && (t[s] == ' ' || t[s] == '*' || t[s] == '(' || t[s] == ':'))
        s++;
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == ')' || t[e - 1] == '*'))
        e--;
    cl_trim(t, &s, &e);
    if (s >= e)
        return false;
    *vs = s;
    *ve = e;
    return true;
}

/* Rules that look at one line alone. */
static const char *cl_standalone(cl_doc *c, size_t i)
{
    const char *t = c->doc->text;
    cl_line *l = &c->ln[i];
    const char *r;
    rasd_date d;
    size_t vs, ve;
    if (cl_separator(l))
        return "separator";
    if (l->words <= 8 && (cl_kneed(l, 0), l->klen) && (r = cl_all_phrases(l, cl_widgets)))
        return r;
    if (l->words <= 3 && cl_image_name(t, l->s, l->e))
        return "image file";
    if (cl_url(t, l))
        return "link";
    if (c->arabic_doc && l->latin > 2 * l->arabic && (l->words >= 6 || l->ncp >= 40))
        return "latin caption";
    if (l->words <= 30 && (r = cl_inline_phrase(l)))
        return r;
    if (l->words <= 30 && cl_starts_any(l, cl_promo_starts))
        return "promo";
    if (cl_credit(t, l, &vs, &ve))
        return "credit";
    if (ingest_dateline(t, l->s, l->e, &d))
        return "dateline";
    return NULL;
}

/* A line that is only a date, inside the story (after two paragraphs and
 * before another) is a chronology subheading, not furniture: keep it. A
 * date after a label or a place ("آخر تحديث: ...") stays dropped. */
static void cl_story_dates(cl_doc *c)
{
    const char *t = c->doc->text;
    size_t before = 0, after = 0;
    for (size_t i = 0; i < c->n; i++)
        after += !c->ln[i].drop && cl_paragraph_like(&c->ln[i]);
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->ln[i];
        bool para = !l->drop && cl_paragraph_like(l);
        before += para;
        after -= para;
        rasd_date d;
        if (l->drop && !strcmp(l->drop, "dateline") && before >= 2 && after >= 1 &&
            ingest_dateline(t, l->s, l->e, &d) && d.start == l->s)
            l->drop = NULL;
    }
}

static size_t cl_next_content(const cl_doc *c, size_t i)
{
    while (i < c->n && c->ln[i].blank)
        i++;
    return i;
}

/* A keyword or related-headlines label and the list that follows it. */
static size_t cl_list_block(cl_doc *c, size_t i)
{
    cl_line *l = &c->ln[i];
    bool kw = cl_is_any(l, cl_keyword_labels);
    bool rel = !kw && cl_is_any(l, cl_related_labels);
    if (!kw && !rel) {
        if (!l->drop && l->words <= 40 && cl_starts_any(l, cl_keyword_labels) &&
            memchr(c->doc->text + l->s, ':', l->e - l->s))
            l->drop = "keywords"; /* "كلمات مفتاحية: سوريا، تركيا" */
        else if (!l->drop && l->ncp <= 2 * CL_SHORT && cl_starts_any(l, cl_related_labels) &&
                 !cl_starts(l, "المزيد") && !cl_starts(l, "more"))
            l->drop = "widget"; /* "اقرأ أيضاً: ..." teaser */
        return i + 1;
    }
    l->drop = kw ? "keywords" : "related headlines";
    size_t j = cl_next_content(c, i + 1), first = j;
    for (; j < c->n; j = cl_next_content(c, j + 1)) {
        cl_line *x = &c->ln[j];
        if (x->drop)
            continue;
        bool tag_line = kw && j == first && x->ncp <= 2 * CL_SHORT && !x->stop;
        if (tag_line || (x->words < 3 && !x->stop))
            x->drop = kw ? "keywords" : "related headlines";
        else if (cl_headline_like(x) || (x->question && x->ncp <= CL_SHORT))
            x->drop = "related headlines";
        else
            break;
    }
    return j;
}

/* A photo caption: the line after an image file or a Latin caption, short
 * and not a sentence; or any short line closed by a photo credit. */
static void cl_captions(cl_doc *c)
{
    const char *t = c->doc->text;
    for (size_t i = 0; i < c->n; i++) {
        cl_line *l = &c->ln[i];
        if (l->blank || l->drop || l->ncp > 2 * CL_SHORT)
            continue;
        size_t p = i;
        while (p > 0 && c->ln[p - 1].blank)
            p--;
        const char *prev = p > 0 ? c->ln[p - 1].drop : NULL;
        bool after_image = prev && (!strcmp(prev, "image file") || !strcmp(prev, "latin caption"));
        if ((after_image && !l->stop) || (p > 0 && cl_photo_credit_end(t, l)))
            l->drop = "caption";
    }
}

/* "تلفزيون سوريا - إسطنبول": two short names around a dash. */
static bool cl_byline_shape(const char *t, const cl_line *l)
{
    if (l->words < 3 || l->words > 7 || l->stop || l->question || l->ncp > 60)
        return false;
    for (size_t i = l->s; i + 2 < l->e; i++) {
        bool dash = t[i] == '-' || !memcmp(t + i, "\xE2\x80\x93", 3) ||
                    !memcmp(t + i, "\xE2\x80\x94", 3);
        if (dash && i > l->s && t[i - 1] == ' ') {
            size_t dl = t[i] == '-' ? 1 : 3;
            if (i + dl < l->e && t[i + dl] == ' ')
                return true;
        }
    }
    return false;
}

/* "بقلم فلان، CNN", "التحليل بقلم ...": a short line naming the writer. */
static bool cl_byline_words(cl_line *l)
{
    if (l->words > 12 || l->stop)
        return false;
    if (cl_starts_any(l, cl_byline_starts))
        return true;
    cl_kfull(l);
    for (size_t i = 0; i + 1 < l->klen; i++)
        if ((i == 0 || l->key[i - 1] == ' ') && cl_match_at(l->key, l->klen, i, "بقلم"))
            return true;
    return false;
}

/* Bylines sit in the page head: after the first content line and before the
 * first paragraph of the story. */
static void cl_bylines(cl_doc *c)
{
    const char *t = c->doc->text;
    size_t seen = 0;
    for (size_t i = 0; i < c->n && seen < CL_TOP; i++) {
        cl_line *l = &c->ln[i];
        if (l->blank)
            continue;
        if (!l->drop && cl_paragraph_like(l))
            break;
        if (!l->drop && ((seen > 0 && cl_byline_shape(t, l)) || cl_byline_words(l)))
            l->drop = "byline";
        if (!l->drop)
            seen++;
    }
}

/* Words that continue running text; a headline does not open with them. */
static const char *const cl_openers[] = {
    "لكن", "ثم", "كما", "الا", "بينما", "لذلك", "لذا", "حيث", "اذ", "فيما", "اما", "حتى",
    NULL};
static const char *const cl_function_words[] = {
    "في", "قد", "كان", "كانت", "قال", "قالت", "مع", "من", "على", "لكن", "لم", "لن", "لا",
    "هو", "هي", "هذا", "هذه", "ذلك", "تلك", "بعد", "قبل", "اذا", "عندما", "اضاف", "اضافت",
    "اكد", "اكدت", "اشار", "اشارت", "اوضح", "اوضحت", "تابع", "تابعت", "يذكر", "ان", "هنا",
    "هناك", "بين", "عن", "الى", "خلال", "اجاب", "اجابت", "سال", "سالت", "ما", "لا", NULL};

static bool cl_opens_running_text(cl_line *l)
{
    cl_kfull(l);
    const char *sp = memchr(l->key, ' ', l->klen);
    size_t n = sp ? (size_t)(sp - l->key) : l->klen;
    char w[64];
    if (n < 2 || n >= sizeof w)
        return false;
    memcpy(w, l->key, n);
    w[n] = '\0';
    for (const char *const *o = cl_openers; *o; o++)
        if (!strcmp(w, *o))
            return true;
    /* و / ف + a function word: "ومع", "فأجابت", "وقال" */
    if (!strncmp(w, "\xD9\x88", 2) || !strncmp(w, "\xD9\x81", 2))
        for (const char *const *f = cl_function_words; *f; f++)
            if (!strcmp(w + 2, *f))
                return true;
    return false;
}

static bool cl_has(const char *t, const cl_line *l, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = l->s; i + n <= l->e; i++)
        if (!memcmp(t + i, needle, n))
            return true;
    return false;
}

static bool cl_has_digit(cl_line *l)
{
    cl_kfull(l);
    for (size_t i = 0; i < l->klen; i++)
        if (l->key[i] >= '0' && l->key[i] <= '9')
            return true;
    return false;
}

/* A line shaped like a link to another article: a headline of a few words,
 * not a list item ("- ...", "(...)", "3. ...") and not running text. */
static bool cl_teaser_like(const char *t, cl_line *l)
{
    bool headline = cl_headline_like(l) || (l->question && l->ncp <= CL_SHORT);
    unsigned char c0 = (unsigned char)t[l->s];
    return headline && l->words >= 4 && !l->title && c0 != '(' && c0 != '-' && c0 != '*' &&
           !(c0 >= '0' && c0 <= '9') && !cl_has(t, l, "\xE2\x80\xA2") &&
           t[l->e - 1] != ')' && !cl_opens_running_text(l);
}

/* Same first word on every line: a list ("المجموعة A ...", "المجموعة B"). */
static bool cl_same_first_word(const cl_doc *c, size_t from)
{
    const cl_line *first = NULL;
    for (size_t j = from; j < c->n; j++) {
        cl_line *l = &c->ln[j];
        if (l->blank || l->drop)
            continue;
        cl_kfull(l);
        if (!first) {
            first = l;
            continue;
        }
        const char *a = first->key, *b = l->key;
        size_t an = strcspn(a, " "), bn = strcspn(b, " ");
        if (an != bn || memcmp(a, b, an))
            return false;
    }
    return true;
}

/* A trailing run of headline-like lines after the story: links to other
 * articles. Lists and verse also end articles, so the run must look like
 * headlines (several words each, six on average; not numbers, not all
 * "label: value", not all split by ".." like verse) and follow furniture
 * or a last paragraph that ends like a sentence. */
static void cl_trailing_headlines(cl_doc *c)
{
    const char *t = c->doc->text;
    size_t run = 0, words = 0, verse = 0, digits = 0, colons = 0, i = c->n;
    while (i > 0) {
        cl_line *l = &c->ln[i - 1];
        if (l->blank || l->drop) {
            i--;
            continue;
        }
        if (!cl_teaser_like(t, l))
            break;
        run++;
        words += l->words;
        verse += cl_has(t, l, "..") || cl_has(t, l, "\xE2\x80\xA6");
        digits += cl_has_digit(l);
        colons += cl_has(t, l, ":");
        i--;
    }
    if (run < 2 || words < 6 * run || verse == run || 2 * digits >= run ||
        (run >= 3 && colons == run) || cl_same_first_word(c, i))
        return;
    size_t p = i; /* what precedes the run */
    while (p > 0 && c->ln[p - 1].blank)
        p--;
    if (p == 0)
        return;
    const cl_line *prev = &c->ln[p - 1];
    if (!prev->drop && !(prev->stop && !prev->title))
        return;
    for (size_t j = i; j < c->n; j++)
        if (!c->ln[j].blank && !c->ln[j].drop)
            c->ln[j].drop = "related headlines";
}

/* ---------------------------------------------------- title and credit */

/* The headline: with a title from metadata, the line that repeats it;
 * otherwise the first content line if it is short, does not end like a
 * sentence and has content after it. */
static rasd_status cl_title(cl_doc *c)
{
    rasd_doc *doc = c->doc;
    size_t i = 0, seen = 0;
    if (doc->title) {
        char tk[CL_KEY];
        size_t tl = cl_key(doc->title, 0, strlen(doc->title), tk);
        for (; i < c->n && seen < 3; i++) {
            cl_line *l = &c->ln[i];
            if (l->blank || l->drop)
                continue;
            seen++;
            /* the key equals the title's: built only as far as they agree */
            bool same = false;
            for (size_t need = 16;; need *= 2) {
                if (need > tl)
                    need = tl;
                cl_kneed(l, need);
                if (memcmp(l->key, tk, l->klen < tl ? l->klen : tl))
                    break;
                if (l->kdone || l->klen > tl) {
                    same = tl && l->klen == tl;
                    break;
                }
            }
            if (same) {
                l->title = true;
                break;
            }
        }
        return RASD_OK;
    }
    while (i < c->n && (c->ln[i].blank || c->ln[i].drop))
        i++;
    if (i >= c->n)
        return RASD_OK;
    cl_line *l = &c->ln[i];
    if (l->ncp > CL_TITLE_MAX || l->stop || l->words < 2 || (cl_kneed(l, 0), !l->klen) ||
        (l->commas && !(l->commas == 1 && l->words <= 10)))
        return RASD_OK;
    size_t j = i + 1;
    while (j < c->n && (c->ln[j].blank || c->ln[j].drop))
        j++;
    if (j >= c->n)
        return RASD_OK;
    l->title = true;
    return ingest_set_str(doc, &doc->title, doc->text + l->s, l->e - l->s);
}

/* The outlet before the dash of a byline, or false. */
static bool cl_byline_outlet(const char *t, cl_line *l, size_t *vs, size_t *ve)
{
    if (!cl_byline_shape(t, l) || !cl_starts_any(l, cl_outlet_nouns))
        return false;
    size_t e = l->s;
    while (e < l->e && !(t[e] == ' ' && (t[e + 1] == '-' || (unsigned char)t[e + 1] == 0xE2)))
        e++;
    *vs = l->s;
    *ve = e;
    return e > l->s && e < l->e;
}

/* The outlet named by a credit line, else by a byline. */
static rasd_status cl_set_credit(cl_doc *c)
{
    if (c->doc->credit)
        return RASD_OK;
    const char *t = c->doc->text;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < c->n; i++) {
            cl_line *l = &c->ln[i];
            size_t vs, ve;
            if (!l->drop)
                continue;
            if ((pass == 0 && !strcmp(l->drop, "credit") && cl_credit(t, l, &vs, &ve)) ||
                (pass == 1 && !strcmp(l->drop, "byline") && cl_byline_outlet(t, l, &vs, &ve)))
                return ingest_set_str(c->doc, &c->doc->credit, t + vs, ve - vs);
        }
    return RASD_OK;
}

/* ---------------------------------------------------------- the pass */

static size_t cl_count_lines(const char *t, size_t n)
{
    size_t k = 0;
    for (const char *p = t, *end = t + n; p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    return k;
}

/* Split the text into lines and measure each. */
static rasd_status cl_split(cl_doc *c, char **keys)
{
    rasd_doc *doc = c->doc;
    const char *t = doc->text;
    c->n = cl_count_lines(t, doc->text_len);
    c->ln = calloc(c->n ? c->n : 1, sizeof *c->ln);
    *keys = malloc(doc->text_len + c->n + 1);
    doc->lines = arena_calloc(&doc->mem, (c->n ? c->n : 1) * sizeof *doc->lines);
    if (!c->ln || !*keys || !doc->lines)
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
    size_t pos = 0, arabic = 0, latin = 0;
    char *k = *keys;
    for (size_t i = 0; i < c->n; i++) {
        const char *nl = memchr(t + pos, '\n', doc->text_len - pos);
        size_t e = nl ? (size_t)(nl - t) : doc->text_len;
        doc->lines[i].start = pos;
        doc->lines[i].end = e > pos && t[e - 1] == '\r' ? e - 1 : e;
        cl_line *l = &c->ln[i];
        l->s = pos;
        l->e = doc->lines[i].end;
        cl_trim(t, &l->s, &l->e);
        l->blank = l->s >= l->e;
        cl_measure(t, l);
        cl_ending(t, l);
        cl_kinit(l, t, k);
        k += (l->e - l->s < CL_KEY - 1 ? l->e - l->s : CL_KEY - 1) + 1;
        arabic += l->arabic;
        latin += l->latin;
        pos = e + 1;
    }
    c->arabic_doc = arabic > latin;
    return RASD_OK;
}

rasd_status ingest_clean(rasd_doc *doc, bool keep_all)
{
    if (!doc || !doc->text)
        return err_set(RASD_ERR_ARG, "ingest_clean: NULL document");
    cl_tab_init();
    cl_doc c = {.doc = doc};
    char *keys = NULL;
    rasd_status st = cl_split(&c, &keys);
    for (size_t i = 0; st == RASD_OK && i < c.n; i++)
        if (!c.ln[i].blank)
            c.ln[i].drop = cl_standalone(&c, i);
    for (size_t i = 0; st == RASD_OK && i < c.n;)
        i = c.ln[i].blank ? i + 1 : cl_list_block(&c, i);
    if (st == RASD_OK)
        cl_story_dates(&c);
    if (st == RASD_OK) {
        cl_captions(&c);
        cl_bylines(&c);
        st = cl_title(&c);
    }
    if (st == RASD_OK) {
        cl_trailing_headlines(&c);
        st = cl_set_credit(&c);
    }
    if (st == RASD_OK) {
        for (size_t i = 0; i < c.n; i++) {
            doc->lines[i].drop = keep_all ? NULL : c.ln[i].drop;
            doc->lines[i].is_title = c.ln[i].title;
        }
        doc->n_lines = c.n;
    } else {
        doc->n_lines = 0;
    }
    free(c.ln);
    free(keys);
    return st;
}
