/* test_ner.c - named entities: key folding and clitic forms, BIO spans, BILOU states and
 * Viterbi validity, CoNLL parsing, entity scoring, the committed model on
 * clear cases and hostile input, a corrupt model file, concurrent readers
 * and deterministic training. */
#include "check.h"
#include "ner/ner_int.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef RASD_DATA_DIR
#define RASD_DATA_DIR "data"
#endif

static ner_model *model;

/* ---------------------------------------------------------------- basics */

static void test_tags(void)
{
    for (int t = 0; t < NER_NTAGS; t++) {
        const char *s = ner_tag_str(t);
        CHECK_EQ_INT(ner_tag_parse(s, strlen(s)), t);
    }
    CHECK_EQ_INT(ner_tag_parse("B-PER", 5), -1);
    CHECK_EQ_INT(ner_tag_parse("B-PERSON", 8), -1);
    CHECK_EQ_INT(ner_tag_type(NER_I_ORG), NER_ORG);
    CHECK(ner_tag_is_b(NER_B_MISC));
    CHECK(!ner_tag_is_b(NER_O));
    CHECK_EQ_STR(ner_type_str(NER_LOC), "LOC");
}

static void test_fold(void)
{
    char out[NER_MAX_KEY + 8];
    int edge;
    size_t n = ner_fold("مدرسة", strlen("مدرسة"), out, &edge);
    CHECK(n == strlen("مدرسه") && !memcmp(out, "مدرسه", n));
    n = ner_fold("مصطفى", strlen("مصطفى"), out, &edge);
    CHECK(n == strlen("مصطفي") && !memcmp(out, "مصطفي", n));
    n = ner_fold("(د", 3, out, &edge);
    CHECK(n == 2 && edge == 1);
    n = ner_fold("...", 3, out, &edge);   /* punctuation only stays */
    CHECK(n == 3 && edge == 0);
    char longw[1000];
    memset(longw, 'a', sizeof longw);
    CHECK(ner_fold(longw, sizeof longw, out, &edge) <= NER_MAX_KEY);
}

static int has_form(const char *w, const char *want)
{
    char forms[4][NER_MAX_KEY + 8];
    size_t lens[4];
    int k = ner_forms(w, strlen(w), forms, lens);
    for (int i = 0; i < k; i++)
        if (lens[i] == strlen(want) && !memcmp(forms[i], want, lens[i]))
            return 1;
    return 0;
}

static void test_forms(void)
{
    CHECK(has_form("والعراق", "العراق"));
    CHECK(has_form("بالعراق", "العراق"));
    CHECK(has_form("وبالعراق", "العراق"));
    CHECK(has_form("للعراق", "العراق"));   /* lam + article */
    CHECK(has_form("للبنان", "لبنان"));    /* lam + لبنان */
    CHECK(has_form("والعراق", "عراق"));
    CHECK(has_form("وإسرائيل", "إسرائيل"));
    CHECK(!has_form("ولد", "لد"));          /* too short to strip */
    CHECK(has_form("قال", "قال"));
}

/* ---------------------------------------------------------------- spans */

static void test_spans(void)
{
    uint8_t t[] = {NER_B_PERS, NER_I_PERS, NER_O, NER_I_LOC, NER_I_LOC,
                   NER_B_ORG, NER_B_ORG, NER_I_MISC};
    ner_span sp[8];
    size_t k = ner_spans(t, 8, sp);
    CHECK_EQ_INT(k, 5);
    CHECK(sp[0].begin == 0 && sp[0].end == 2 && sp[0].type == NER_PERS);
    CHECK(sp[1].begin == 3 && sp[1].end == 5 && sp[1].type == NER_LOC);
    CHECK(sp[2].begin == 5 && sp[2].end == 6 && sp[2].type == NER_ORG);
    CHECK(sp[3].begin == 6 && sp[3].end == 7 && sp[3].type == NER_ORG);
    CHECK(sp[4].begin == 7 && sp[4].end == 8 && sp[4].type == NER_MISC);
    CHECK_EQ_INT(ner_spans(t, 0, sp), 0);
}

static int valid_bio(const uint8_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!ner_bio_allowed(i ? t[i - 1] : -1, t[i]))
            return 0;
    return 1;
}

static void test_viterbi_valid(void)
{
    /* whatever the scores, the decoder never outputs I-X after O or Y */
    int32_t trans[NER_NSTATES + 1][NER_NSTATES];
    int32_t em[50 * NER_NSTATES];
    uint8_t bp[50 * NER_NSTATES], tags[50];
    uint64_t r = 7;
    ner_preds pr;
    ner_preds_init(&pr);
    int ok = 1;
    for (int round = 0; round < 200; round++) {
        for (int a = 0; a <= NER_NSTATES; a++)
            for (int b = 0; b < NER_NSTATES; b++)
                trans[a][b] = (int32_t)((r = ner_mix(r)) % 2001) - 1000;
        size_t n = 1 + (size_t)((r = ner_mix(r)) % 50);
        for (size_t i = 0; i < n * NER_NSTATES; i++)
            em[i] = (int32_t)((r = ner_mix(r)) % 20001) - 10000;
        /* make invalid moves attractive: I-ORG anywhere, B-LOC open at the end */
        for (size_t i = 0; i < n; i++)
            em[i * NER_NSTATES + ner_state(NER_ORG, NER_SI)] += 30000;
        em[(n - 1) * NER_NSTATES + ner_state(NER_LOC, NER_SB)] += 60000;
        ner_viterbi(&pr, (const int32_t(*)[NER_NSTATES])trans, em, n, bp, tags);
        ok &= valid_bio(tags, n);
        for (size_t i = 0; i < n; i++)
            ok &= tags[i] < NER_NTAGS;
    }
    CHECK(ok);
}

/* BIO -> BILOU: valid state sequences that map back to the same tags. */
static void test_bilou(void)
{
    uint8_t t[] = {NER_B_PERS, NER_I_PERS, NER_I_PERS, NER_O, NER_B_LOC,
                   NER_B_LOC, NER_I_LOC, NER_B_MISC};
    uint8_t s[8];
    memcpy(s, t, sizeof s);
    ner_bio_to_states(s, 8);
    CHECK_EQ_INT(s[0], ner_state(NER_PERS, NER_SB));
    CHECK_EQ_INT(s[1], ner_state(NER_PERS, NER_SI));
    CHECK_EQ_INT(s[2], ner_state(NER_PERS, NER_SL));
    CHECK_EQ_INT(s[3], NER_O);
    CHECK_EQ_INT(s[4], ner_state(NER_LOC, NER_SU));
    CHECK_EQ_INT(s[5], ner_state(NER_LOC, NER_SB));
    CHECK_EQ_INT(s[6], ner_state(NER_LOC, NER_SL));
    CHECK_EQ_INT(s[7], ner_state(NER_MISC, NER_SU));
    CHECK_EQ_INT(NER_NSTATES, 17);
    uint64_t r = 11;
    int ok = 1;
    for (int round = 0; round < 500; round++) {   /* random valid BIO */
        uint8_t g[20], st[20];
        for (int i = 0; i < 20; i++) {
            int v = (int)((r = ner_mix(r)) % NER_NTAGS);
            g[i] = (uint8_t)(ner_bio_allowed(i ? g[i - 1] : -1, v) ? v : NER_O);
        }
        memcpy(st, g, sizeof st);
        ner_bio_to_states(st, 20);
        for (int i = 0; i < 20; i++) {
            ok &= ner_state_allowed(i ? st[i - 1] : -1, st[i]);
            ok &= ner_state_tag(st[i]) == g[i];
        }
        ok &= ner_state_final(st[19]);
    }
    CHECK(ok);
    CHECK(!ner_state_allowed(-1, ner_state(NER_ORG, NER_SL)));
    CHECK(!ner_state_allowed(ner_state(NER_ORG, NER_SB), NER_O));
    CHECK(!ner_state_allowed(ner_state(NER_ORG, NER_SI), ner_state(NER_LOC, NER_SL)));
    CHECK(ner_state_allowed(ner_state(NER_ORG, NER_SU), ner_state(NER_ORG, NER_SB)));
    CHECK(!ner_state_final(ner_state(NER_PERS, NER_SI)));
}

/* ---------------------------------------------------------------- memory */

static void test_memory(void)
{
    ner_memory m;
    CHECK_EQ_INT(ner_mem_init(&m), RASD_OK);
    ner_tok t[3];
    memset(t, 0, sizeof t);
    for (int i = 0; i < 3; i++)
        t[i].stem = 1000 + (uint64_t)i, t[i].shape = 1;
    uint8_t tags[3] = {NER_B_PERS, NER_O, NER_B_ORG};
    CHECK_EQ_INT(ner_mem_class(&m, 1000), 0);
    ner_mem_add(&m, t, tags, 3);
    CHECK_EQ_INT(ner_mem_class(&m, 1000), 1);          /* PERS, most mentions */
    CHECK_EQ_INT(ner_mem_class(&m, 1002), 5);          /* ORG */
    CHECK_EQ_INT(ner_mem_class(&m, 1001), 9);          /* seen, only as O */
    CHECK_EQ_INT(ner_mem_class(&m, 4242), 0);
    uint8_t o[3] = {NER_O, NER_O, NER_O};
    ner_mem_add(&m, t, o, 3);
    ner_mem_add(&m, t, o, 3);
    CHECK_EQ_INT(ner_mem_class(&m, 1000), 2);          /* PERS, a minority */
    /* the window forgets: push many other words */
    ner_tok other;
    memset(&other, 0, sizeof other);
    other.shape = 1;
    for (uint64_t k = 0; k < 3 * NER_MEM_TOKENS; k++) {
        other.stem = 5000 + k;
        ner_mem_add(&m, &other, o, 1);
    }
    CHECK_EQ_INT(ner_mem_class(&m, 1000), 0);
    CHECK_EQ_INT(ner_mem_class(&m, 5000 + 3 * NER_MEM_TOKENS - 1), 9);
    ner_mem_reset(&m);
    CHECK_EQ_INT(ner_mem_class(&m, 5000 + 3 * NER_MEM_TOKENS - 1), 0);
    ner_mem_free(&m);
}

/* ---------------------------------------------------------------- CoNLL */

static void test_conll_split(void)
{
    size_t off, len;
    int g;
    CHECK_EQ_INT(ner_conll_split("\n", 1, &off, &len, &g), 0);
    CHECK_EQ_INT(ner_conll_split(" \t\r\n", 4, &off, &len, &g), 0);
    CHECK_EQ_INT(ner_conll_split("غزة B-LOC\n", strlen("غزة B-LOC\n"), &off, &len, &g), 1);
    CHECK(off == 0 && len == strlen("غزة") && g == NER_B_LOC);
    CHECK_EQ_INT(ner_conll_split("x\tNN\tI-ORG\r\n", 12, &off, &len, &g), 1);
    CHECK(len == 1 && g == NER_I_ORG);
    CHECK_EQ_INT(ner_conll_split("  y", 3, &off, &len, &g), 1);
    CHECK(off == 2 && len == 1 && g == -1);
    CHECK_EQ_INT(ner_conll_split("y B-XYZ", 7, &off, &len, &g), 1);
    CHECK(g == -1);
}

static void test_corpus_parse(void)
{
    const char *txt = "أعلن O\nأوباما B-PERS\n\n\n\nفي O\r\nغزة B-LOC";  /* no final \n */
    ner_corpus c;
    memset(&c, 0, sizeof c);
    CHECK_EQ_INT(ner_corpus_parse(&c, txt, strlen(txt)), RASD_OK);
    CHECK_EQ_INT(c.n, 2);
    CHECK_EQ_INT(c.n_tokens, 4);
    if (c.n == 2) {
        CHECK_EQ_STR(c.s[0].tok[1], "أوباما");
        CHECK_EQ_INT(c.s[0].gold[1], NER_B_PERS);
        CHECK_EQ_STR(c.s[1].tok[1], "غزة");
        CHECK_EQ_STR(c.s[0].norm[0].s, "اعلن");   /* RASD_NORM_DEFAULT folds hamza */
    }
    ner_corpus_free(&c);
    /* a sentence longer than the chunk size is cut, in linear time */
    buf b;
    buf_init(&b);
    for (int i = 0; i < 2500; i++)
        buf_puts(&b, "كلمة O\n");
    memset(&c, 0, sizeof c);
    CHECK_EQ_INT(ner_corpus_parse(&c, b.data, b.len), RASD_OK);
    CHECK_EQ_INT(c.n, 3);
    CHECK_EQ_INT(c.n_tokens, 2500);
    ner_corpus_free(&c);
    buf_free(&b);
}

static void test_score(void)
{
    int gold[] = {NER_B_PERS, NER_I_PERS, NER_O, NER_B_LOC, NER_O, NER_B_ORG, NER_I_ORG};
    uint8_t pred[] = {NER_B_PERS, NER_I_PERS, NER_O, NER_B_ORG, NER_O, NER_B_ORG, NER_O};
    ner_score sc;
    memset(&sc, 0, sizeof sc);
    ner_score_add(&sc, gold, pred, 7);
    CHECK_EQ_INT(sc.tp[NER_PERS], 1);
    CHECK_EQ_INT(sc.fn[NER_LOC], 1);
    CHECK_EQ_INT(sc.fp[NER_ORG], 2);   /* wrong type + wrong boundary */
    CHECK_EQ_INT(sc.fn[NER_ORG], 1);
    CHECK_EQ_INT(sc.tp[NER_ORG], 0);
    /* P = 1/3, R = 1/3 */
    double f = ner_score_micro_f1(&sc);
    CHECK(f > 0.333 && f < 0.334);
    buf b;
    buf_init(&b);
    ner_score_report(&sc, &b);
    CHECK(b.data && strstr(b.data, "micro") != NULL);
    buf_free(&b);
}

/* ---------------------------------------------------------------- model */

/* Tag a space-separated sentence; returns the tags as "O B-PERS ..." */
static void tag_sentence(const char *s, char *out, size_t cap)
{
    ner_word w[64] = {{NULL, 0}};
    char norm[64][128];
    size_t n = 0;
    const char *p = s;
    while (*p && n < 64) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l >= 128)
            l = 127;
        w[n].n = ner_norm_word(p, l, norm[n]);
        w[n].s = norm[n];
        n++;
        p += l;
        while (*p == ' ')
            p++;
    }
    uint8_t tags[64];
    out[0] = '\0';
    if (ner_tag_words(model, NULL, w, n, tags) != RASD_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        strncat(out, ner_tag_str(tags[i]), cap - strlen(out) - 1);
        if (i + 1 < n)
            strncat(out, " ", cap - strlen(out) - 1);
    }
}

static void test_model_clear_cases(void)
{
    char out[512];
    tag_sentence("وقال الرئيس الأمريكي جورج بوش في واشنطن إن الولايات المتحدة ستدعم العراق .",
                 out, sizeof out);
    CHECK_EQ_STR(out, "O O O B-PERS I-PERS O B-LOC O B-LOC I-LOC O B-LOC O");
    tag_sentence("التقى رئيس الوزراء الإسرائيلي إيهود أولمرت في القدس .", out, sizeof out);
    CHECK_EQ_STR(out, "O O O O B-PERS I-PERS O B-LOC O");
    size_t plen;
    const char *prov = ner_provenance(model, &plen);
    CHECK(plen > 0 && strstr(prov, "ANERcorp") != NULL);
}

static void test_model_hostile(void)
{
    /* over-long words, Latin, digits, emoji, invalid UTF-8, empty words */
    static char longw[100000];
    memset(longw, 0xD8, sizeof longw);   /* lead bytes only: invalid */
    for (size_t i = 1; i < sizeof longw; i += 2)
        longw[i] = (char)0xA7;           /* ... now a very long alef run */
    ner_word w[] = {
        {longw, sizeof longw}, {"hello", 5}, {"2024", 4}, {"\xF0\x9F\x98\x80", 4},
        {"\xC3", 1}, {"", 0}, {"F-35", 4}, {"ab\xD8\xA7", 4},
    };
    uint8_t tags[8];
    CHECK_EQ_INT(ner_tag_words(model, NULL, w, 8, tags), RASD_OK);
    CHECK(valid_bio(tags, 8));
    CHECK_EQ_INT(ner_tag_words(model, NULL, w, 0, tags), RASD_OK);
    /* a long "sentence" is tagged in chunks, every tag valid */
    size_t n = 5000;
    ner_word *many = malloc(n * sizeof *many);
    uint8_t *mt = malloc(n);
    for (size_t i = 0; i < n; i++)
        many[i] = (ner_word){"غزة", strlen("غزة")};
    CHECK_EQ_INT(ner_tag_words(model, NULL, many, n, mt), RASD_OK);
    CHECK(valid_bio(mt, NER_MAX_CHUNK));
    CHECK_EQ_INT(mt[n - 1] == NER_B_LOC || mt[n - 1] == NER_I_LOC, 1);
    free(many);
    free(mt);
}

static void test_model_tokens(void)
{
    const char *text = "زار أوباما القاهرة";
    rasd_token tk[3] = {
        {0, 6, "زار", strlen("زار"), RASD_TOK_ARABIC, 0},
        {7, 19, "اوباما", strlen("اوباما"), RASD_TOK_ARABIC, 0},
        {20, strlen(text), "القاهره", strlen("القاهره"), RASD_TOK_ARABIC, 0},
    };
    uint8_t tags[3];
    ner_work *w = NULL;
    CHECK_EQ_INT(ner_work_new(&w), RASD_OK);
    CHECK_EQ_INT(ner_tag_tokens(model, w, tk, 3, tags), RASD_OK);
    CHECK_EQ_INT(tags[1], NER_B_PERS);
    CHECK_EQ_INT(tags[2], NER_B_LOC);
    ner_work_free(w);
}

/* Copy the model with one byte changed: the checksum must reject it. */
static void test_corrupt_model(void)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/models/ner.bin", RASD_DATA_DIR);
    char *data = NULL;
    size_t len = 0;
    CHECK_EQ_INT(file_read_all(path, &data, &len, (size_t)1 << 30), RASD_OK);
    if (!data)
        return;
    const char *tmp = "/tmp/rasd_test_ner_corrupt.bin";
    ner_model *m = NULL;
    data[len / 2] ^= 0x40;
    FILE *f = fopen(tmp, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
        CHECK(ner_load_file(tmp, &m) != RASD_OK);
        CHECK(m == NULL);
    }
    f = fopen(tmp, "wb");   /* truncated */
    if (f) {
        fwrite(data, 1, len / 3, f);
        fclose(f);
        CHECK(ner_load_file(tmp, &m) != RASD_OK);
    }
    f = fopen(tmp, "wb");   /* a model of the BIO format (version 5) */
    if (f) {
        data[len / 2] ^= 0x40;
        data[12] = 5, data[13] = data[14] = data[15] = 0;
        fwrite(data, 1, len, f);
        fclose(f);
        CHECK(ner_load_file(tmp, &m) == RASD_ERR_FORMAT);
        CHECK(strstr(rasd_errmsg(), "model version 5, expected 6") != NULL);
    }
    CHECK(ner_load_file("/nonexistent/ner.bin", &m) == RASD_ERR_IO);
    remove(tmp);
    free(data);
}

/* ---------------------------------------------------------------- threads */

typedef struct job {
    uint8_t tags[12];
} job;

static const char *const thread_words[12] = {
    "قال", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "في", "موسكو",
    "إن", "حلف", "الناتو", ".",
};

static void *thread_run(void *arg)
{
    job *j = arg;
    ner_word w[12];
    char norm[12][64];
    ner_work *wk = NULL;
    if (ner_work_new(&wk))
        return NULL;
    for (int i = 0; i < 12; i++) {
        w[i].n = ner_norm_word(thread_words[i], strlen(thread_words[i]), norm[i]);
        w[i].s = norm[i];
    }
    for (int r = 0; r < 2000; r++)
        ner_tag_words(model, wk, w, 12, j->tags);
    ner_work_free(wk);
    return NULL;
}

static void test_threads(void)
{
    job a, b, c;
    memset(&a, 0xFF, sizeof a), memset(&b, 0xEE, sizeof b);
    thread_run(&c);
    pthread_t ta, tb;
    CHECK_EQ_INT(pthread_create(&ta, NULL, thread_run, &a), 0);
    CHECK_EQ_INT(pthread_create(&tb, NULL, thread_run, &b), 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    CHECK(!memcmp(a.tags, c.tags, 12) && !memcmp(b.tags, c.tags, 12));
    CHECK_EQ_INT(c.tags[5], NER_I_PERS);
    CHECK_EQ_INT(c.tags[7], NER_B_LOC);
}

/* ---------------------------------------------------------------- training */

static int write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fputs(s, f);
    return fclose(f);
}

static void test_train_deterministic(void)
{
    const char *train = "/tmp/rasd_test_ner_train.txt";
    buf b;
    buf_init(&b);
    static const char *const names[] = {"أحمد", "محمد", "سمير", "خالد"};
    static const char *const places[] = {"غزة", "دمشق", "بغداد", "عمان"};
    for (int i = 0; i < 40; i++)
        buf_printf(&b, "قال O\n%s B-PERS\nفي O\n%s B-LOC\n. O\n\n", names[i % 4],
                   places[(i / 4) % 4]);
    CHECK_EQ_INT(write_file(train, b.data), 0);
    buf_free(&b);
    ner_train_opts o;
    ner_train_opts_init(&o);
    o.train_path = train;
    o.dev_frac = 0.2;
    o.epochs = 3;
    const char *out[2] = {"/tmp/rasd_test_ner_a.bin", "/tmp/rasd_test_ner_b.bin"};
    char *data[2] = {NULL, NULL};
    size_t len[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        buf log;
        buf_init(&log);
        o.out_path = out[k];
        CHECK_EQ_INT(ner_train(&o, &log), RASD_OK);
        CHECK(log.data && strstr(log.data, "dev scores") != NULL);
        buf_free(&log);
        CHECK_EQ_INT(file_read_all(out[k], &data[k], &len[k], 1u << 30), RASD_OK);
    }
    CHECK(len[0] > 0 && len[0] == len[1] && data[0] && data[1] &&
          !memcmp(data[0], data[1], len[0]));
    ner_model *m = NULL;
    CHECK_EQ_INT(ner_load_file(out[0], &m), RASD_OK);
    ner_free(m);
    free(data[0]), free(data[1]);
    remove(out[0]), remove(out[1]), remove(train);
    o.train_path = "/nonexistent/train.txt";
    o.out_path = NULL;
    CHECK(ner_train(&o, NULL) == RASD_ERR_IO);
}

int main(void)
{
    RUN(test_tags);
    RUN(test_fold);
    RUN(test_forms);
    RUN(test_spans);
    RUN(test_viterbi_valid);
    RUN(test_bilou);
    RUN(test_memory);
    RUN(test_conll_split);
    RUN(test_corpus_parse);
    RUN(test_score);
    rasd_status st = ner_load(RASD_DATA_DIR, &model);
    CHECK_EQ_INT(st, RASD_OK);
    if (st != RASD_OK)
        fprintf(stderr, "ner_load: %s\n", rasd_errmsg());
    if (model) {
        RUN(test_model_clear_cases);
        RUN(test_model_hostile);
        RUN(test_model_tokens);
        RUN(test_threads);
    }
    RUN(test_corrupt_model);
    RUN(test_train_deterministic);
    ner_free(model);
    CHECK_DONE();
}
