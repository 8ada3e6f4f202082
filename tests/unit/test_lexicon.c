/* test_lexicon.c - the trigger lexicon (the .verbs files of data/verbs): the loader's
 * refusals with file:line, matching on real sentences through hand-built
 * token keys (gaps, any-token, longest match, priority, clitics), and the
 * shipped lexicon: size, coverage of the 16 PLOVER categories, and every
 * CAMEO code against its PLOVER category in the CAMEO2PLOVER table of
 * ../shared/docs (skipped when that file is absent). */
#include "check.h"
#include "events/lexicon.h"

#include <stdlib.h>
#include <string.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

/* ---------------------------------------------------------------- helpers */

/* Keys of one token as the coder fills them: the whole token, the token
 * without proclitics and article, the stem without suffixes (NULL: same as
 * the previous key). No lemma key. */
static void mk(lex_keys *k, const char *full, const char *bare, const char *stem)
{
    memset(k, 0, sizeof *k);
    if (!bare)
        bare = full;
    if (!stem)
        stem = bare;
    /* a complementiser ends the gap, as the coder marks it */
    k->stop = !strcmp(full, "أن") || !strcmp(full, "إن");
    lexicon_fold(full, strlen(full), k->full);
    lexicon_fold(bare, strlen(bare), k->bare);
    lexicon_fold(stem, strlen(stem), k->stem);
    k->lemma[0] = '\0';
}

/* A sentence given as "full/bare/stem full/bare ..." ('/' separates the
 * keys of one token; missing keys repeat the previous one). */
static size_t sent(lex_keys *k, size_t cap, const char *s)
{
    char text[1024];
    snprintf(text, sizeof text, "%s", s);
    size_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(text, " ", &save); w && n < cap; w = strtok_r(NULL, " ", &save)) {
        char *b = strchr(w, '/'), *st = NULL;
        if (b) {
            *b++ = '\0';
            st = strchr(b, '/');
            if (st)
                *st++ = '\0';
        }
        mk(&k[n++], w, b, st);
    }
    return n;
}

static lexicon *load(const char *text)
{
    lexicon *lx = NULL;
    if (lexicon_new(&lx) != RASD_OK)
        return NULL;
    if (lexicon_load_mem(lx, "t.verbs", text, strlen(text)) != RASD_OK) {
        lexicon_free(lx);
        return NULL;
    }
    return lx;
}

/* Loading `text` fails and the message names t.verbs:line and contains
 * `what`. */
static int refuses(const char *text, int line, const char *what)
{
    lexicon *lx = NULL;
    if (lexicon_new(&lx) != RASD_OK)
        return 0;
    rasd_status st = lexicon_load_mem(lx, "t.verbs", text, strlen(text));
    lexicon_free(lx);
    if (st == RASD_OK)
        return 0;
    char where[32];
    snprintf(where, sizeof where, "t.verbs:%d:", line);
    const char *msg = rasd_errmsg();
    int ok = strstr(msg, where) != NULL && strstr(msg, what) != NULL;
    if (!ok)
        fprintf(stderr, "  message was: %s\n", msg);
    return ok;
}

/* The best hit over the whole sentence, scanning like the coder: the first
 * token where a pattern starts. */
static int first_hit(const lexicon *lx, const lex_keys *k, size_t n, lex_hit *h)
{
    for (size_t i = 0; i < n; i++)
        if (lexicon_match_at(lx, k, n, i, h))
            return 1;
    return 0;
}

/* ---------------------------------------------------------------- loader */

static void test_refusals(void)
{
    const char *ok = "# comment\n\n040 CONSULT | زار | tgt=obj\n";
    CHECK(refuses("# x\n040 CONSULTATION | زار\n", 2, "unknown PLOVER category"));
    CHECK(refuses("040 CONSULT:phone | اتصل\n190 ASSAULT:phone | قصف\n", 2, "not a mode of ASSAULT"));
    CHECK(refuses("\n\n04a CONSULT | زار\n", 3, "bad CAMEO code"));
    CHECK(refuses("04 CONSULT | زار\n12345 CONSULT | زار\n", 2, "bad CAMEO code"));
    CHECK(refuses("040 CONSULT | زار ; ب\n", 1, "would match almost every"));
    CHECK(refuses("040 CONSULT | و\n", 1, "would match almost every"));
    CHECK(refuses("163 COERCE | … عقوبات\n", 1, "gap"));
    CHECK(refuses("163 COERCE | فرض …\n", 1, "gap"));
    CHECK(refuses("163 COERCE | * عقوبات\n", 1, "gap"));
    CHECK(refuses("163 COERCE زار\n", 1, "missing '|'"));
    CHECK(refuses("040 CONSULT | زار | tgt=obj loud\n", 1, "unknown option"));
    CHECK(refuses("040 CONSULT | أ ب ت ث ج ح خ\n", 1, "more than"));
    CHECK(refuses("040 | زار\n", 1, "expected"));
    CHECK(refuses("040 CONSULT | زار ;  ; بحث\n", 1, "empty"));
    lexicon *lx = load(ok);
    CHECK(lx != NULL);
    CHECK_EQ_INT(lexicon_size(lx), 1);
    const lex_entry *e = lexicon_entry(lx, 0);
    CHECK(e && e->cat == PL_CONSULT && e->line == 3 && !strcmp(e->cameo, "040"));
    lexicon_free(lx);
}

static void test_options(void)
{
    lexicon *lx = load("041 CONSULT:phone | اتصال هاتفي ; مكالمة هاتفية | noun tgt=مع,bayn prio=2\n"
                       "186 ASSAULT:targeted | اغتيل | passive\n"
                       "010 CONSULT | قال | speech\n"
                       "190 ASSAULT | هاجم | cue\n"
                       "111 ACCUSE:disapprove | ندد | tgt=ب\n");
    CHECK(lx != NULL);
    if (!lx)
        return;
    CHECK_EQ_INT(lexicon_size(lx), 6);
    const lex_entry *e = lexicon_entry(lx, 0);
    CHECK(e->opts & LEXO_NOUN);
    CHECK_EQ_INT(e->prio, 2);
    CHECK_EQ_INT(e->n_tgt, 2);
    CHECK_EQ_STR(e->tgt[0], "مع");
    CHECK_EQ_STR(e->tgt[1], "bayn");
    CHECK_EQ_STR(e->mode, "phone");
    CHECK_EQ_INT(e->n_words, 2);
    CHECK(lexicon_entry(lx, 1)->cat == PL_CONSULT); /* both patterns of line 1 */
    CHECK(lexicon_entry(lx, 2)->opts & LEXO_PASSIVE);
    CHECK(lexicon_entry(lx, 2)->n_tgt == 1 && !strcmp(lexicon_entry(lx, 2)->tgt[0], "obj"));
    CHECK(lexicon_entry(lx, 3)->opts & LEXO_SPEECH);
    CHECK(lexicon_entry(lx, 4)->opts & LEXO_CUE);
    CHECK_EQ_STR(lexicon_entry(lx, 5)->tgt[0], "ب");
    lexicon_free(lx);
}

/* ---------------------------------------------------------------- matching */

static void test_match_sentences(void)
{
    lexicon *lx = load("163 COERCE:restrict | فرض … عقوبات ; فرضت … عقوبات | tgt=علي\n"
                       "195 ASSAULT:aerial | شن … غارات ; شنت … غارات ; غارة | tgt=علي\n"
                       "0841 RETREAT:release | أفرج ; أفرجت ; أطلق … سراح ; أطلقت … سراح | tgt=عن,obj\n"
                       "193 ASSAULT:firearms | أطلق … النار ; أطلقت … النار\n"
                       "194 ASSAULT:heavy-weapons | أطلقت … صواريخ\n"
                       "110 ACCUSE:disapprove | أعرب … عن قلق ; أعربت … عن قلق | tgt=من\n"
                       "010 CONSULT | أعرب ; أعربت | speech\n"
                       "141 PROTEST:demo | تظاهر ; تظاهروا ; خرج * إلى\n");
    CHECK(lx != NULL);
    if (!lx)
        return;
    lex_keys k[32];
    lex_hit h;

    /* VSO: the subject sits in the gap. */
    size_t n = sent(k, 32, "فرضت الولايات/ولايات المتحدة/متحدة عقوبات جديدة على إيران");
    CHECK(first_hit(lx, k, n, &h));
    CHECK(h.e->cat == PL_COERCE && h.first == 0 && h.last == 3 && h.n_trig == 2);
    CHECK_EQ_INT(h.trig[1], 3);

    /* Proclitics and the article: وشنت matches شنت by its bare key, الغارات
     * غارات. */
    n = sent(k, 32, "وشنت/شنت الطائرات/طائرات الإسرائيلية/إسرائيلية غارات على غزة");
    CHECK(first_hit(lx, k, n, &h));
    CHECK(h.e->cat == PL_ASSAULT && !strcmp(h.e->mode, "aerial") && h.n_trig == 2);

    /* The gap allows at most five tokens. */
    n = sent(k, 32, "فرض الاتحاد/اتحاد الأوروبي/أوروبي أمس الأول في بروكسل رسميا عقوبات");
    CHECK(!lexicon_match_at(lx, k, n, 0, &h));
    n = sent(k, 32, "فرض الاتحاد/اتحاد الأوروبي/أوروبي أمس في بروكسل عقوبات");
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.n_trig == 2);

    /* ... but not over a complementiser: another clause's noun. */
    n = sent(k, 32, "فرض الوزير/وزير أن عقوبات");
    CHECK(!lexicon_match_at(lx, k, n, 0, &h));
    n = sent(k, 32, "فرض الوزير/وزير الآن عقوبات");
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.n_trig == 2);

    /* The same first word, different objects: release, shooting, missiles. */
    n = sent(k, 32, "وأطلقت/أطلقت السلطات/سلطات سراح المعتقلين/معتقلين");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_RETREAT);
    n = sent(k, 32, "أطلقت الشرطة/شرطة النار على المتظاهرين/متظاهرين");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_ASSAULT && !strcmp(h.e->mode, "firearms"));
    n = sent(k, 32, "وأطلقت/أطلقت حماس صواريخ على عسقلان");
    CHECK(first_hit(lx, k, n, &h) && !strcmp(h.e->mode, "heavy-weapons"));

    /* The longest match wins over the shorter speech verb at the same token. */
    n = sent(k, 32, "وأعربت/أعربت الخارجية/خارجية الفرنسية/فرنسية عن قلقها/قلقها/قلق من التصعيد/تصعيد");
    CHECK(first_hit(lx, k, n, &h));
    CHECK(h.e->cat == PL_ACCUSE && h.n_trig == 3 && h.last == 4);
    n = sent(k, 32, "وأعربت/أعربت الوزيرة/وزيرة عن أملها/أملها/أمل");
    CHECK(first_hit(lx, k, n, &h) && (h.e->opts & LEXO_SPEECH));

    /* A pronoun suffix: the stem key matches (قلقها -> قلق). */
    n = sent(k, 32, "أعرب الرئيس/رئيس عن بالغ قلقه/قلقه/قلق");
    CHECK(!lexicon_match_at(lx, k, n, 0, &h) || h.n_trig == 1); /* عن must be next to قلق */

    /* `*` is exactly one token. */
    n = sent(k, 32, "خرج الآلاف/آلاف إلى الشوارع/شوارع");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_PROTEST && h.n_trig == 2 && h.last == 2);
    n = sent(k, 32, "خرج الآلاف/آلاف أمس إلى الشوارع/شوارع");
    CHECK(!lexicon_match_at(lx, k, n, 0, &h));
    n = sent(k, 32, "خرج إلى الشوارع/شوارع");
    CHECK(!lexicon_match_at(lx, k, n, 0, &h));

    /* Folding: أ/إ/آ, ى and ة are folded on both sides. */
    n = sent(k, 32, "افرجت السلطات/سلطات عن الصحفي/صحفي");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_RETREAT && h.first == 0);
    n = sent(k, 32, "في غارة جوية");
    CHECK(first_hit(lx, k, n, &h) && h.first == 1);

    /* A pattern word that is not in the sentence: no match. */
    n = sent(k, 32, "قال المتحدث/متحدث إن الوضع/وضع هادئ");
    CHECK(!first_hit(lx, k, n, &h));
    lexicon_free(lx);
}

static void test_priority(void)
{
    /* Two one-word entries match the same token (the segmenter splits بحث
     * as ب+حث): the higher priority wins, then the earlier entry. */
    lexicon *lx = load("100 REQUEST | حث ; حثت\n"
                       "040 CONSULT | بحث ; بحثت ; وبحث | tgt=مع prio=2\n"
                       "190 ASSAULT | هاجم\n"
                       "111 ACCUSE:disapprove | هاجم\n");
    CHECK(lx != NULL);
    if (!lx)
        return;
    lex_keys k[8];
    lex_hit h;
    size_t n = sent(k, 8, "وبحث/حث الرئيس/رئيس مع نظيره/نظيره/نظير");
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.e->cat == PL_CONSULT);
    n = sent(k, 8, "بحثت/حثت الوزيرة/وزيرة");
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.e->cat == PL_CONSULT);
    n = sent(k, 8, "وحث/حث الرئيس/رئيس");
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.e->cat == PL_REQUEST);
    n = sent(k, 8, "هاجم المسلحون/مسلحون");
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.e->cat == PL_ASSAULT);
    lexicon_free(lx);
}

/* ---------------------------------------------------------------- data */

typedef struct c2p {
    char code[8];
    plover_cat cat;
} c2p;

/* CAMEO2PLOVER lines look like "0311: AGREE,  ,   economic # ...". Some
 * codes appear twice (08: CONCEDE and 08: RETREAT), so a code may map to
 * several categories. */
static size_t c2p_load(const char *path, c2p *t, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char line[512];
    size_t n = 0;
    while (fgets(line, sizeof line, f) && n < cap) {
        size_t d = strspn(line, "0123456789");
        if (d < 2 || d > 4 || line[d] != ':')
            continue;
        char *p = line + d + 1;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t cl = strcspn(p, ", \t#\r\n");
        plover_cat c = plover_parse(p, cl);
        if (c == PL_NONE)
            continue;
        memcpy(t[n].code, line, d);
        t[n].code[d] = '\0';
        t[n].cat = c;
        n++;
    }
    fclose(f);
    return n;
}

static int c2p_has(const c2p *t, size_t n, const char *code, plover_cat c, int *known)
{
    *known = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].code, code))
            continue;
        *known = 1;
        if (t[i].cat == c)
            return 1;
    }
    return 0;
}

/* `finite`: the first word counts only where the coder says a finite verb
 * can stand (شن is also its own verbal noun: إثر شن الجيش هجوما). */
static void test_finite(void)
{
    lexicon *lx = load("190 ASSAULT | شن … هجوما | finite tgt=علي\n");
    CHECK(lx != NULL);
    if (!lx)
        return;
    CHECK(lexicon_entry(lx, 0)->opts & LEXO_FINITE);
    lex_keys k[8];
    lex_hit h;
    size_t n = sent(k, 8, "شن الجيش/جيش هجوما على");
    CHECK(!lexicon_match_at(lx, k, n, 0, &h)); /* (mk leaves verb_slot unset) */
    k[0].verb_slot = true;
    CHECK(lexicon_match_at(lx, k, n, 0, &h) && h.n_trig == 2);
    /* with ب / ل / ك or the article it is a noun wherever it stands */
    n = sent(k, 8, "بشن/شن الجيش/جيش هجوما");
    k[0].verb_slot = true;
    k[0].nominal = true;
    CHECK(!lexicon_match_at(lx, k, n, 0, &h));
    lexicon_free(lx);
}

static void test_shipped_lexicon(void)
{
    lexicon *lx = NULL;
    rasd_status st = lexicon_load(RASD_DATA_DIR "/verbs", &lx);
    if (st != RASD_OK)
        fprintf(stderr, "  %s\n", rasd_errmsg());
    CHECK(st == RASD_OK);
    if (st != RASD_OK)
        return;
    size_t per_cat[PL_N_CATS] = {0}, n_speech = 0;
    for (size_t i = 0; i < lexicon_size(lx); i++) {
        const lex_entry *e = lexicon_entry(lx, i);
        if (e->opts & LEXO_SPEECH)
            n_speech++;
        else
            per_cat[e->cat]++;
    }
    printf("  trigger lexicon: %zu patterns (%zu speech)", lexicon_size(lx), n_speech);
    for (int c = 1; c < PL_N_CATS; c++)
        printf("%s %s %zu", c == 1 ? ":" : ",", plover_name((plover_cat)c), per_cat[c]);
    printf("\n");
    CHECK(lexicon_size(lx) >= 1000);
    CHECK(n_speech >= 20);
    for (int c = 1; c < PL_N_CATS; c++) {
        check_cur = plover_name((plover_cat)c);
        CHECK(per_cat[c] >= 20);
    }
    check_cur = "test_shipped_lexicon";

    /* Every entry's CAMEO code belongs to its category in CAMEO2PLOVER. */
    const char *dir = getenv("RASD_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/CAMEO2PLOVER-2021.txt",
             dir ? dir : RASD_DATA_DIR "/../../shared");
    static c2p table[1024];
    size_t nt = c2p_load(path, table, 1024);
    if (!nt) {
        printf("  CAMEO2PLOVER check: skipped (no %s)\n", path);
    } else {
        size_t bad = 0;
        for (size_t i = 0; i < lexicon_size(lx); i++) {
            const lex_entry *e = lexicon_entry(lx, i);
            if (e->opts & LEXO_SPEECH) /* not events; CAMEO 01x has no PLOVER category */
                continue;
            int known;
            if (!c2p_has(table, nt, e->cameo, e->cat, &known)) {
                if (bad++ < 20)
                    fprintf(stderr, "  %s:%u: CAMEO %s is %s, not %s in CAMEO2PLOVER\n",
                            e->file, e->line, e->cameo, known ? "another category" : "unknown",
                            plover_name(e->cat));
            }
        }
        printf("  CAMEO2PLOVER check: %zu table rows, %zu mismatches\n", nt, bad);
        CHECK_EQ_INT(bad, 0);
        /* The table's surprises are followed: sanctions are COERCE. */
        int known;
        CHECK(c2p_has(table, nt, "163", PL_COERCE, &known));
        CHECK(c2p_has(table, nt, "1712", PL_ASSAULT, &known));
        CHECK(c2p_has(table, nt, "0841", PL_RETREAT, &known));
    }

    /* A few real sentences against the shipped lexicon. */
    lex_keys k[32];
    lex_hit h;
    size_t n = sent(k, 32, "فرضت الولايات/ولايات المتحدة/متحدة عقوبات على إيران");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_COERCE);
    n = sent(k, 32, "وبحث/حث وزير الخارجية/خارجية مع نظيره/نظيره/نظير التركي/تركي");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_CONSULT);
    n = sent(k, 32, "وندد/ندد المتظاهرون/متظاهرون بالقرار/قرار");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_ACCUSE);
    n = sent(k, 32, "وتظاهر/تظاهر آلاف أمام البرلمان/برلمان");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_PROTEST);
    n = sent(k, 32, "واعتقلت/اعتقلت الشرطة/شرطة عشرة ناشطين");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_COERCE && !strcmp(h.e->mode, "arrest"));
    n = sent(k, 32, "وانفجرت/انفجرت سيارة مفخخة في السوق/سوق");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_ASSAULT);
    n = sent(k, 32, "أفرجت السلطات/سلطات عن الصحفي/صحفي");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_RETREAT);
    n = sent(k, 32, "وأعربت/أعربت الخارجية/خارجية عن قلقها/قلقها/قلق");
    CHECK(first_hit(lx, k, n, &h) && h.e->cat == PL_ACCUSE);
    n = sent(k, 32, "وقال/قال المتحدث/متحدث");
    CHECK(first_hit(lx, k, n, &h) && (h.e->opts & LEXO_SPEECH));
    /* Sport: a striker scoring is not an event. */
    n = sent(k, 32, "وسجل/سجل المهاجم/مهاجم هدفا في المباراة/مباراة");
    CHECK(!first_hit(lx, k, n, &h));
    lexicon_free(lx);
}

int main(void)
{
    RUN(test_refusals);
    RUN(test_options);
    RUN(test_match_sentences);
    RUN(test_priority);
    RUN(test_finite);
    RUN(test_shipped_lexicon);
    CHECK_DONE();
}
