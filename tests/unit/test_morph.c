/* test_morph.c - segmentation offsets, keys, tagging and bad input, using
 * the committed models in data/models. */
#include "check.h"
#include "morph/morph_int.h"
#include "text/text.h"

#include <pthread.h>
#include <stdlib.h>

static morph_model *M;

/* "seg|seg|seg" rendering of a word: zero-width segments as "()". */
static const char *segs(const char *w, morph_word *out)
{
    static char b[512];
    morph_segment(M, w, strlen(w), out);
    size_t o = 0;
    for (int k = 0; k < out->n_seg; k++) {
        const morph_seg *s = &out->seg[k];
        if (k)
            b[o++] = '|';
        if (s->start == s->end) {
            memcpy(b + o, "()", 2);
            o += 2;
        } else {
            memcpy(b + o, w + s->start, (size_t)(s->end - s->start));
            o += (size_t)(s->end - s->start);
        }
    }
    b[o] = 0;
    return b;
}

static void test_load_errors(void)
{
    morph_model *m = (morph_model *)1;
    CHECK_EQ_INT(morph_load("/nonexistent-dir", &m), RASD_ERR_IO);
    CHECK(m == NULL);
    CHECK(strstr(rasd_errmsg(), "/nonexistent-dir/models/seg.bin") != NULL);
    /* a file of the wrong kind is refused */
    CHECK(morph_load_files(RASD_DATA_DIR "/models/pos.bin", NULL, &m) != RASD_OK);
    morph_free(NULL);
}

static void test_proclitics(void)
{
    morph_word w;
    CHECK_EQ_STR(segs("وبالحظر", &w), "و|ب|ال|حظر");
    CHECK_EQ_INT(w.seg[0].start, 0);
    CHECK_EQ_INT(w.seg[0].end, 2);
    CHECK_EQ_INT(w.seg[2].kind, MSEG_DET);
    CHECK_EQ_INT(w.seg[3].kind, MSEG_STEM);
    CHECK_EQ_INT(w.seg[3].start, 8);
    CHECK_EQ_INT(w.seg[3].end, 14);
    CHECK_EQ_STR(w.stem_key, "حظر");
    CHECK_EQ_STR(segs("وسيزور", &w), "و|س|يزور");
    CHECK_EQ_INT(w.seg[1].clitic, MCL_SA);
    CHECK_EQ_STR(segs("فالحكومة", &w), "ف|ال|حكومة");
    CHECK_EQ_STR(segs("كالعادة", &w), "ك|ال|عادة");
}

static void test_lam_alif(void)
{
    morph_word w;
    /* ل + ال: the article is the second lam, its alef unwritten */
    CHECK_EQ_STR(segs("للرئيس", &w), "ل|ل|رئيس");
    CHECK_EQ_INT(w.seg[1].kind, MSEG_DET);
    CHECK_EQ_INT(w.seg[1].clitic, MCL_AL);
    CHECK_EQ_INT(w.det, 2);
    CHECK_EQ_STR(w.stem_key, "رئيس");
    /* ل + ال + لجنة: both alef and lam of the article are unwritten */
    CHECK_EQ_STR(segs("للجنة", &w), "ل|()|لجنة");
    CHECK_EQ_INT(w.det, 3);
    CHECK_EQ_INT(w.seg[1].start, 2);
    CHECK_EQ_STR(w.stem_key, "لجنة");
    CHECK_EQ_STR(segs("وللصحفيين", &w), "و|ل|ل|صحفيين");
}

static void test_enclitics(void)
{
    morph_word w;
    CHECK_EQ_STR(segs("بلاده", &w), "بلاد|ه");
    CHECK_EQ_INT(w.seg[1].kind, MSEG_SUFFIX);
    CHECK_EQ_INT(w.seg[1].clitic, MCL_HU);
    CHECK_EQ_STR(segs("مدينتها", &w), "مدينت|ها");
    CHECK_EQ_STR(w.stem_key, "مدينة"); /* ت restored to ة in the key */
    CHECK_EQ_STR(segs("عليهم", &w), "علي|هم");
    CHECK_EQ_STR(w.stem_key, "على");
    CHECK_EQ_STR(segs("وبحكومتهم", &w), "و|ب|حكومت|هم");
    CHECK_EQ_STR(segs("له", &w), "ل|ه");
}

static void test_no_split(void)
{
    morph_word w;
    static const char *const whole[] = {"بكين", "لبنان", "وزير", "فرنسا",
                                        "كتاب", "سوريا", "الذي", "بين", "ليبيا"};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
        const char *s = segs(whole[i], &w);
        CHECK_EQ_STR(s, whole[i]);
    }
    /* a hamza on the alef means it is no article: ألمانيا, إلغاء */
    CHECK_EQ_STR(segs("ألمانيا", &w), "ألمانيا");
    CHECK_EQ_STR(segs("إلغاء", &w), "إلغاء");
}

static void test_diacritics(void)
{
    morph_word w;
    /* marks and tatweel belong to the letter before them */
    const char *v = "وَبِالحَظرِ";
    segs(v, &w);
    CHECK_EQ_INT(w.n_seg, 4);
    CHECK_EQ_INT(w.seg[0].end, 4);  /* و + fatha */
    CHECK_EQ_INT(w.seg[1].start, 4);
    CHECK_EQ_INT(w.seg[3].end, (int)strlen(v));
    CHECK_EQ_STR(w.stem_key, "حظر");
    CHECK_EQ_STR(segs("بالحـــكومة", &w), "ب|ال|حـــكومة");
    CHECK_EQ_STR(w.stem_key, "حكومة");
}

static void test_keys(void)
{
    static const char *const forms[] = {"أعلن", "يعلن", "تعلن", "إعلان",
                                        "أعلنت", "يعلنون", "نعلن"};
    char k0[MORPH_KEY_MAX], k[MORPH_KEY_MAX], sk[MORPH_KEY_MAX];
    morph_stem_key(forms[0], strlen(forms[0]), sk);
    CHECK_EQ_STR(sk, "اعلن");
    morph_lemma_key(sk, UPOS_NONE, k0);
    CHECK_EQ_STR(k0, "علن");
    for (size_t i = 1; i < sizeof forms / sizeof *forms; i++) {
        morph_stem_key(forms[i], strlen(forms[i]), sk);
        morph_lemma_key(sk, UPOS_VERB, k);
        CHECK_EQ_STR(k, k0);
    }
    morph_stem_key("استقبال", strlen("استقبال"), sk);
    morph_lemma_key(sk, UPOS_NONE, k);
    morph_stem_key("يستقبل", strlen("يستقبل"), sk);
    morph_lemma_key(sk, UPOS_NONE, k0);
    CHECK_EQ_STR(k, k0);
    /* short words are left alone */
    morph_lemma_key("من", UPOS_NONE, k);
    CHECK_EQ_STR(k, "من");
    /* Latin keys are lower-cased; Persian letters folded */
    morph_stem_key("NATO", 4, sk);
    CHECK_EQ_STR(sk, "nato");
    morph_stem_key("کشور", strlen("کشور"), sk);
    CHECK_EQ_STR(sk, "كشور");
}

static void test_bad_input(void)
{
    morph_word w;
    static const char *const odd[] = {"Hello", "2024", "S-400", "😀", "٢٠٢٤",
                                      "abcعربي", "عربي😀", "\xef\xbf\xbd", ""};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        morph_segment(M, odd[i], strlen(odd[i]), &w);
        CHECK_EQ_INT(w.n_seg, 1);
        CHECK_EQ_INT(w.seg[0].end, (int)strlen(odd[i]));
        CHECK(!(w.flags & MORPH_WF_ARABIC));
    }
    /* longer than any word: one stem, key cut at a letter boundary */
    char big[2000];
    size_t n = 0;
    while (n + 2 < sizeof big) {
        memcpy(big + n, "ب", 2);
        n += 2;
    }
    big[n] = 0;
    morph_segment(M, big, n, &w);
    CHECK_EQ_INT(w.n_seg, 1);
    CHECK(strlen(w.stem_key) < MORPH_KEY_MAX);
    CHECK(strlen(w.stem_key) % 2 == 0);
    /* invalid UTF-8 in the middle of a word is passed through */
    morph_segment(M, "وب\xff", 5, &w);
    CHECK_EQ_INT(w.n_seg, 1);
    CHECK_EQ_STR(w.stem_key, "");
}

static size_t tokenize(const char *text, tokvec *tv, char **norm)
{
    size_t n = strlen(text);
    *norm = malloc(2 * n + 1);
    char *cur = *norm;
    memset(tv, 0, sizeof *tv);
    CHECK_EQ_INT(text_tokenize(text, 0, n, RASD_NORM_DEFAULT, tv, &cur), RASD_OK);
    return tv->n;
}

static void test_tagging(void)
{
    const char *text = "وقال الرئيس في بيان إن 25 جنديا قتلوا أمس.";
    tokvec tv;
    char *norm;
    size_t n = tokenize(text, &tv, &norm);
    CHECK_EQ_INT(n, 10);
    morph_word *w = calloc(n, sizeof *w);
    CHECK_EQ_INT(morph_tag_sentence(M, text, tv.v, n, w), RASD_OK);
    CHECK_EQ_INT(w[0].n_seg, 2);
    CHECK_EQ_STR(morph_upos_str(w[0].seg[0].upos), "CCONJ");
    CHECK_EQ_STR(morph_upos_str(w[0].upos), "VERB");
    CHECK_EQ_STR(morph_upos_str(w[1].upos), "NOUN");
    CHECK_EQ_INT(w[1].seg[0].upos, w[1].upos); /* the article shares it */
    CHECK_EQ_STR(morph_upos_str(w[2].upos), "ADP");
    CHECK_EQ_STR(morph_upos_str(w[5].upos), "NUM");
    CHECK_EQ_STR(morph_upos_str(w[7].upos), "VERB");
    CHECK_EQ_STR(morph_upos_str(w[9].upos), "PUNCT");
    CHECK_EQ_INT(morph_tag_sentence(M, text, tv.v, 0, w), RASD_OK);
    free(w);
    free(norm);
    tokvec_free(&tv);
}

/* Readers share one model: results must not depend on who runs when. */
typedef struct job {
    const char *text;
    char out[4096];
} job;

static void *worker(void *arg)
{
    job *j = arg;
    tokvec tv;
    char *norm;
    size_t n = strlen(j->text), o = 0;
    char *cur = norm = malloc(2 * n + 1);
    memset(&tv, 0, sizeof tv);
    if (text_tokenize(j->text, 0, n, RASD_NORM_DEFAULT, &tv, &cur) == RASD_OK) {
        morph_word *w = calloc(tv.n + 1, sizeof *w);
        for (int rep = 0; rep < 200 && w; rep++) {
            morph_tag_sentence(M, j->text, tv.v, tv.n, w);
            o = 0;
            for (size_t i = 0; i < tv.n && o + 200 < sizeof j->out; i++)
                o += (size_t)snprintf(j->out + o, sizeof j->out - o, "%s/%d/%d ",
                                      w[i].stem_key, w[i].upos, w[i].n_seg);
        }
        free(w);
    }
    j->out[o] = 0;
    tokvec_free(&tv);
    free(norm);
    return NULL;
}

static void test_threads(void)
{
    static job jobs[4];
    pthread_t th[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].text = "وأعلنت الحكومة السورية للصحفيين أنها ستدعم مبادرتهم في بكين.";
        pthread_create(&th[i], NULL, worker, &jobs[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(th[i], NULL);
    CHECK(jobs[0].out[0] != 0);
    for (int i = 1; i < 4; i++)
        CHECK_EQ_STR(jobs[i].out, jobs[0].out);
}

static void test_provenance(void)
{
    CHECK(strstr(morph_provenance(M, 0), "segmentation") != NULL);
    CHECK(strstr(morph_provenance(M, 1), "UPOS") != NULL);
    CHECK(morph_has_pos(M));
    CHECK_EQ_STR(morph_upos_str(morph_upos_parse("PROPN")), "PROPN");
    CHECK_EQ_INT(morph_upos_parse("nope"), UPOS_NONE);
    CHECK_EQ_STR(morph_clitic_str(MCL_HUMA), "هما");
}

int main(void)
{
    if (morph_load(RASD_DATA_DIR, &M) != RASD_OK) {
        fprintf(stderr, "test_morph: %s\n", rasd_errmsg());
        return 1;
    }
    RUN(test_load_errors);
    RUN(test_proclitics);
    RUN(test_lam_alif);
    RUN(test_enclitics);
    RUN(test_no_split);
    RUN(test_diacritics);
    RUN(test_keys);
    RUN(test_bad_input);
    RUN(test_tagging);
    RUN(test_threads);
    RUN(test_provenance);
    morph_free(M);
    CHECK_DONE();
}
