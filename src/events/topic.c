/* topic.c - what a sentence is about, as a whole: sports, a disaster, a
 * weapon or an attack. The coder's filters ask these before they keep an
 * event (sports news keeps only events of state parties, a disaster makes
 * no assault, a named weapon makes a death violent). */
#include "events/coder.h"
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
