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

#define CL_KEY 256         /* folded prefix of a line used for lexicons */
#define CL_TITLE_MAX 160   /* code points: longer lines are paragraphs */
#define CL_SHORT 160       /* code points: a headline-like line is shorter */
#define CL_TOP 10          /* non-blank lines that make up the page head */

typedef struct cl_line {
    size_t s, e;           /* trimmed span in the text */
    uint32_t ncp, words;   /* code points, words */
    uint32_t arabic, latin; /* letters by script */
    uint32_t commas;       /* , and ، : ledes have them, headlines rarely */
    bool blank;
    bool stop;             /* ends like a sentence: . : ، ; */
    bool question;         /* ends with ? ؟ ! */
    bool title;
    const char *drop;
    char *key;             /* folded prefix, punctuation as spaces, collapsed */
    size_t klen;
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

static bool cl_is_punct_cp(uint32_t cp)
{
    cclass c = text_class(cp);
    return c == CC_PUNCT || c == CC_QUOTE || c == CC_SYMBOL;
}

/* Fold line [s, e) into key (>= min(e - s, CL_KEY - 1) + 1 bytes):
 * time_fold, punctuation to spaces, collapsed. Never longer than the line. */
static size_t cl_key(const char *t, size_t s, size_t e, char *key)
{
    char f[CL_KEY];
    size_t fl = time_fold(t + s, e - s, f, sizeof f), k = 0;
    bool space = false;
    for (size_t i = 0; i < fl;) {
        uint32_t cp;
        size_t n = cl_decode(f + i, fl - i, &cp);
        if (!n)
            n = 1;
        cclass c = text_class(cp);
        if (cl_is_punct_cp(cp) || c == CC_SPACE || c == CC_CONTROL) {
            space = k > 0;
        } else {
            if (space)
                key[k++] = ' ';
            memcpy(key + k, f + i, n);
            k += n;
            space = false;
        }
        i += n;
    }
    key[k] = '\0';
    return k;
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

static void cl_measure(const char *t, cl_line *l)
{
    bool in_word = false;
    for (size_t i = l->s; i < l->e;) {
        uint32_t cp;
        size_t n = cl_decode(t + i, l->e - i, &cp);
        if (!n)
            n = 1, cp = 0xFFFD;
        cclass c = text_class(cp);
        l->ncp++;
        l->arabic += c == CC_ARABIC;
        l->latin += c == CC_LATIN;
        l->commas += cp == ',' || cp == 0x060C;
        bool sp = c == CC_SPACE;
        if (!sp && !in_word)
            l->words++;
        in_word = !sp;
        i += n;
    }
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

static bool cl_starts(const cl_line *l, const char *p)
{
    return cl_match_at(l->key, l->klen, 0, p) > 0;
}

static bool cl_is(const cl_line *l, const char *p)
{
    return cl_match_at(l->key, l->klen, 0, p) == l->klen && l->klen;
}

static bool cl_is_any(const cl_line *l, const char *const *list)
{
    for (; *list; list++)
        if (cl_is(l, *list))
            return true;
    return false;
}

static const char *cl_starts_any(const cl_line *l, const char *const *list)
{
    for (; *list; list++)
        if (cl_starts(l, *list))
            return *list;
    return NULL;
}

/* The line is a sequence of phrases from `lex` (longest first at each
 * step); returns the reason of the first one, or NULL. */
static const char *cl_all_phrases(const cl_line *l, const cl_phrase *lex)
{
    const char *reason = NULL;
    size_t at = 0;
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

static const char *cl_inline_phrase(const cl_line *l)
{
    for (const cl_phrase *p = cl_inline; p->key; p++) {
        const char *hit = strstr(l->key, p->key);
        if (hit && (hit == l->key || hit[-1] == ' ') &&
            (hit[strlen(p->key)] == '\0' || hit[strlen(p->key)] == ' '))
            return p->reason;
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
static bool cl_separator(const cl_line *l)
{
    return !l->blank && l->klen == 0 && l->ncp >= 3;
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
static bool cl_credit(const char *t, const cl_line *l, size_t *vs, size_t *ve)
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
    } else if (!(cl_agency_list(l->key, l->klen) && l->words <= 6)) {
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
    if (l->klen && l->words <= 8 && (r = cl_all_phrases(l, cl_widgets)))
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

static const char *const cl_byline_starts[] = {
    "بقلم", "كتب", "كتبت", "كتبه", "اعداد", "تحرير", "تاليف", "مراسل", "مراسلنا", "by", NULL};

/* "بقلم فلان، CNN", "التحليل بقلم ...": a short line naming the writer. */
static bool cl_byline_words(const cl_line *l)
{
    if (l->words > 12 || l->stop)
        return false;
    if (cl_starts_any(l, cl_byline_starts))
        return true;
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

static bool cl_opens_running_text(const cl_line *l)
{
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

static bool cl_has_digit(const cl_line *l)
{
    for (size_t i = 0; i < l->klen; i++)
        if (l->key[i] >= '0' && l->key[i] <= '9')
            return true;
    return false;
}

/* A line shaped like a link to another article: a headline of a few words,
 * not a list item ("- ...", "(...)", "3. ...") and not running text. */
static bool cl_teaser_like(const char *t, const cl_line *l)
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
        const cl_line *l = &c->ln[j];
        if (l->blank || l->drop)
            continue;
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
        const cl_line *l = &c->ln[i - 1];
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
        size_t tn = strlen(doc->title);
        char *tk = malloc((tn < CL_KEY ? tn : CL_KEY) + 1);
        if (!tk)
            return err_set(RASD_ERR_NOMEM, "%s: out of memory", doc->input);
        size_t tl = cl_key(doc->title, 0, tn, tk);
        for (; i < c->n && seen < 3; i++) {
            cl_line *l = &c->ln[i];
            if (l->blank || l->drop)
                continue;
            seen++;
            if (tl && l->klen == tl && !memcmp(l->key, tk, tl)) {
                l->title = true;
                break;
            }
        }
        free(tk);
        return RASD_OK;
    }
    while (i < c->n && (c->ln[i].blank || c->ln[i].drop))
        i++;
    if (i >= c->n)
        return RASD_OK;
    cl_line *l = &c->ln[i];
    if (l->ncp > CL_TITLE_MAX || l->stop || l->words < 2 || !l->klen ||
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

/* Kinds of outlet: a byline "تلفزيون سوريا - إسطنبول" names the outlet
 * before the dash when it starts with one of these. */
static const char *const cl_outlet_nouns[] = {
    "تلفزيون", "قناه", "وكاله", "صحيفه", "جريده", "مجله", "موقع", "راديو", "اذاعه",
    "شبكه", NULL};

/* The outlet before the dash of a byline, or false. */
static bool cl_byline_outlet(const char *t, const cl_line *l, size_t *vs, size_t *ve)
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
            const cl_line *l = &c->ln[i];
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
        l->key = k;
        l->klen = cl_key(t, l->s, l->e, k);
        k += l->klen + 1;
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
