/* topic.c - what a sentence is about, as a whole: sports, a disaster, a
 * weapon or an attack. The coder's filters ask these before they keep an
 * event (sports news keeps only events of state parties, a disaster makes
 * no assault, a named weapon makes a death violent). */
#include "events/coder.h"
#include <stdint.h>
#include <string.h>

static bool in_hit(const lex_hit *h, size_t i)
{
    for (size_t k = 0; k < h->n_trig; k++)
        if (h->trig[k] == i)
            return true;
    return false;
}

/* Is token i one of the words: its stem, its clitic-free form, or (when
 * `lemma`) its lemma key? */
static bool key_in(const coder_sent *cs, size_t i, const char *const *words, size_t n,
                   bool lemma)
{
    const lex_keys *k = &cs->keys[i];
    for (size_t w = 0; w < n; w++)
        if (!strcmp(k->stem, words[w]) || !strcmp(k->bare, words[w]) ||
            (lemma && !strcmp(k->lemma, words[w])))
            return true;
    return false;
}

/* A sentence of sports news. A cue that is part of a coded actor's name
 * is none: نادي الأسير and نادي القضاة report arrests and call protests. */
bool coder_sport_sentence(const coder_sent *cs)
{
    static const char *const cue[] = {"مباراه", "مباريات", "مباراتان", "مباراتين", "منتخب",
                                      "دوري", "نادي", "لاعب", "لاعبين", "لاعبو", "لاعبي",
                                      "مدرب", "كاس", "مونديال", "بطوله", "ملعب", "شوط",
                                      "ركله", "فيفا", "اولمبيه", "مرمي", "هداف", "انديه"};
    for (size_t i = 0; i < cs->n; i++) {
        const mention *m = coder_mention_at(cs, i);
        if (key_in(cs, i, cue, sizeof cue / sizeof cue[0], false) && !(m && m->code[0]))
            return true;
    }
    return false;
}

/* Does the sentence have one of the words (stem, clitic-free form or lemma
 * key), outside the tokens of `skip` (NULL: anywhere)? */
static bool words_beside(const coder_sent *cs, const lex_hit *skip, const char *const *words,
                         size_t n)
{
    for (size_t i = 0; i < cs->n; i++)
        if (!(skip && in_hit(skip, i)) && key_in(cs, i, words, n, true))
            return true;
    return false;
}

bool coder_sentence_has(const coder_sent *cs, const char *const *words, size_t n)
{
    return words_beside(cs, NULL, words, n);
}

bool coder_names_violence(const coder_sent *cs, const lex_hit *skip)
{
    static const char *const violence[] = {"هجوم", "هجمات", "هجوما", "قصف", "غاره", "غارات",
                                           "تفجير", "اشتباك", "اشتباكات", "رصاص", "مسلح",
                                           "مسلحين", "مسلحون", "عبوه", "انتحاري", "اغتيال",
                                           "قنبله", "صاروخ", "صواريخ", "معارك", "قذائف",
                                           "اعتداء", "نار", "قصفت", "قصفوا", "استهدف", "دهس",
                                           "استهدفت", "هاجم", "هاجمت", "هاجموا", "نيران",
                                           "ضربات", "قذيفه", "رصاصه", "سكين", "قناص", "اعدام",
                                           "تعذيب", "مواجهات", "تفجيرات", "مفخخه", "لغم",
                                           "الغام", "انتحاريا", "انتحاريه"};
    return words_beside(cs, skip, violence, sizeof violence / sizeof violence[0]);
}

/* Words of fighting or repression that make a death violent (لقي مصرعه
 * في جبهة، حملة القمع) but, unlike coder_names_violence, do not undo the
 * disaster filter (مقتل is also a crash's toll). */
bool coder_names_fighting(const coder_sent *cs, const lex_hit *skip)
{
    static const char *const fight[] = {"مقتل", "قتال", "جبهه", "جبهات", "قمع", "القمع",
                                        "معركه", "يد" /* على يد: a killer */};
    return words_beside(cs, skip, fight, sizeof fight / sizeof fight[0]);
}

/* Deaths in an earthquake, a crash or a fire are no assault: a sentence
 * that names such a disaster and no weapon or attack makes none. */
bool coder_disaster_sentence(const coder_sent *cs)
{
    static const char *const disaster[] = {"زلزال", "زلزالا", "تصادم", "اصطدام",
                                           "اصطدمت", "تحطم", "تحطمت", "حريق", "حرائق",
                                           "فيضانات", "فيضان", "سيول", "اعصار", "عاصفه",
                                           "انهيار", "غرق", "غرقت", "مروري", "الطقس",
                                           "سقطت", "الوحول", "وحول", "انزلاق", "انهيارات",
                                           "امطار", "عواصف", "بركان", "ثوران",
                                           /* epidemics (قتل فيروس نيباه 260 شخصا) */
                                           "فيروس", "وباء", "الوباء", "الكوليرا", "كوليرا",
                                           "الانفلونزا", "انفلونزا", "الحمي", "مرض", "المرض",
                                           "ايبولا", "اختراق", "قرصنه", "حادث", "حادثه"};
    return coder_sentence_has(cs, disaster, sizeof disaster / sizeof disaster[0]) &&
           !coder_names_violence(cs, NULL);
}

/* Which sport cue the folded word w is, bare or behind proclitics and the
 * article (والمباراة، للمنتخب), as a bit; 0 if none. */
static uint32_t sport_word(const char *w)
{
    /* unambiguous words only: نادي (نادي الأسير، نادي باريس), دوري
     * ("periodic") and كاس ("glass") also name other things */
    static const char *const cue[] = {"مباراه", "مباريات", "مباراتان", "مباراتين", "منتخب",
                                      "لاعب", "لاعبين", "لاعبو", "لاعبي", "مدرب", "مونديال",
                                      "ملعب", "شوط", "ركله", "فيفا", "اولمبيه", "مرمي", "هداف",
                                      "انديه", "بطوله"};
    static const char *const pre[] = {"", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ف", "فال",
                                      "ول", "وب", "وبال", "ولل"};
    size_t n = strlen(w);
    for (size_t c = 0; c < sizeof cue / sizeof cue[0]; c++) {
        size_t k = strlen(cue[c]);
        if (k > n || memcmp(w + n - k, cue[c], k) != 0)
            continue;
        for (size_t p = 0; p < sizeof pre / sizeof pre[0]; p++)
            if (strlen(pre[p]) == n - k && !memcmp(w, pre[p], n - k))
                return 1u << c;
    }
    return 0;
}

bool coder_sport_document(const rasd_doc *doc)
{
    size_t with = 0, kinds = 0;
    uint32_t seen = 0;
    char key[LEX_KEY_MAX];
    for (size_t s = 0; s < doc->n_sents; s++) {
        const rasd_sentence *st = &doc->sents[s];
        bool any = false;
        for (size_t i = st->tok_begin; i < st->tok_end; i++) {
            const rasd_token *t = &doc->toks[i];
            if (t->kind != RASD_TOK_ARABIC || t->norm_len >= LEX_KEY_MAX)
                continue;
            lexicon_fold(t->norm, t->norm_len, key);
            uint32_t bit = sport_word(key);
            any |= bit != 0;
            if (bit & ~seen)
                kinds++;
            seen |= bit;
        }
        with += any;
    }
    /* (two kinds of word: a politician is "a minor player", لاعب ثانوي,
     * twice over) */
    return with >= 2 && kinds >= 2 && with * 5 >= doc->n_sents;
}
