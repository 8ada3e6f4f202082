/* noact.c - triggers that report no act at all: a noun after a copula
 * (يشكل تهديدا), a source refusing to be named, a topic (ملف الانسحاب), a
 * name or a body that contains the trigger word, a career (مسيرته), a
 * crowd at a funeral, a homograph (وزارته) ... Each test looks at the
 * words around one trigger, before any argument is sought; coder.c asks
 * noact_reported for all of them at once. */
#include "events/code_int.h"
#include <string.h>

/* تمثل تهديدا, يشكل اعتداء: a noun after a copula characterises something
 * (a weapon "is a threat"); nobody threatens or attacks in it. */
static bool after_copula(const coder_sent *cs, const lex_hit *h)
{
    static const char *const cop[] = {"يشكل", "تشكل", "شكل", "شكلت", "يمثل", "تمثل", "مثل",
                                      "مثلت", "يعد", "تعد", "يعتبر", "تعتبر", "يشكلان",
                                      "تشكلان", "يمثلان", "تمثلان", "يشكلون", "يمثلون"};
    size_t t0 = h->trig[0];
    if (t0 == 0 || cs->mw[t0].upos == UPOS_VERB)
        return false;
    for (size_t k = 0; k < sizeof cop / sizeof cop[0]; k++)
        if (coder_tok_is(cs, t0 - 1, cop[k]))
            return true;
    return false;
}

/* A source who refused to be named or asked not to be (رفض الكشف عن
 * هويته، طلب عدم ذكر اسمه) is quoting, not rejecting or requesting. */
static bool anonymity(const coder_sent *cs, const lex_hit *h)
{
    static const char *const who[] = {"هويته", "هويتها", "هويتهم", "اسمه", "اسمها", "اسمهم",
                                      "هويه", "اسم"};
    for (size_t i = h->last + 1; i <= h->last + 4 && i < cs->n; i++)
        for (size_t k = 0; k < sizeof who / sizeof who[0]; k++)
            if (!strcmp(cs->keys[i].full, who[k]) || !strcmp(cs->keys[i].bare, who[k]))
                return h->e->cat == PL_REJECT || h->e->cat == PL_REQUEST;
    return false;
}

/* A verbal noun that names a subject of talks or a field (في مجال نزع
 * الأسلحة، ملف الانسحاب، محادثات حول وقف إطلاق النار، بشأن فرض عقوبات)
 * reports no act. */
static bool topic_noun(const coder_sent *cs, const lex_hit *h)
{
    static const char *const topic[] = {"مجال", "ملف", "ملفات", "قضيه", "قضايا", "مساله",
                                        "موضوع", "بشان", "حول", "مفهوم", "ثقافه"};
    size_t t0 = h->trig[0];
    if (t0 == 0 || cs->mw[t0].upos == UPOS_VERB)
        return false;
    for (size_t k = 0; k < sizeof topic / sizeof topic[0]; k++)
        if (!strcmp(cs->keys[t0 - 1].bare, topic[k]))
            return true;
    return false;
}

/* ما يتصل بها، ما يجري: an imperfect verb after the relative ما ("what")
 * describes, it reports no act of anyone. */
static bool relative_what(const coder_sent *cs, const lex_hit *h)
{
    static const char *const often[] = {"غالبا", "كثيرا", "قليلا", "نادرا", "عاده", "طالما"};
    size_t t0 = h->trig[0];
    const char *b = cs->keys[t0].full;
    if (t0 == 0 || !(coder_tok_is(cs, t0 - 1, "ما") || coder_tok_is(cs, t0 - 1, "فيما")) ||
        cs->mw[t0].upos != UPOS_VERB ||
        (strncmp(b, "ي", strlen("ي")) && strncmp(b, "ت", strlen("ت"))))
        return false;
    /* فيما يتصل بـ، فيما يتعلق: "as regards"; فيما is otherwise "while" */
    if (coder_tok_is(cs, t0 - 1, "فيما"))
        return !strcmp(cs->keys[t0].bare, "يتصل") || !strcmp(cs->keys[t0].bare, "تتصل");
    for (size_t k = 0; t0 >= 2 && k < sizeof often / sizeof often[0]; k++)
        if (coder_tok_is(cs, t0 - 2, often[k]))
            return false; /* غالبا ما تتهم: "often", ما is no relative */
    return true;
}

/* قتل نفسه، أحرق نفسه: harm done to oneself is no attack on anyone. */
static bool self_harm(const coder_sent *cs, const lex_hit *h)
{
    static const char *const self[] = {"نفسه", "نفسها", "انفسهم", "نفسيهما"};
    return h->e->cat == PL_ASSAULT && h->last + 1 < cs->n && CODER_TOK_IN(cs, h->last + 1, self);
}

/* استشهد بأقوال الرئيس: "cited", not "was martyred" (استشهد برصاص). */
static bool cited(const coder_sent *cs, const lex_hit *h)
{
    static const char *const cite[] = {"استشهد", "استشهدت", "استشهدوا", "يستشهد", "تستشهد",
                                       "يستشهدون", "مستشهدا", "مستشهده"};
    static const char *const text[] = {
        "قول", "اقوال", "قوله", "مقوله", "كلام", "كلمات", "تصريح", "تصريحات", "ايه", "ايات",
        "حديث", "احاديث", "بيت", "ابيات", "مثال", "امثله", "مثل", "تقرير", "تقارير", "دراسه",
        "ارقام", "احصائيات", "بيانات", "نص", "نصوص", "فقره", "مقطع", "عباره", "كتاب", "مقال"};
    if (h->e->cat != PL_ASSAULT || !CODER_TOK_IN(cs, h->trig[0], cite))
        return false;
    /* the first ب phrase within four words (the subject may come first) */
    for (size_t i = h->last + 1; i < cs->n && i <= h->last + 4; i++) {
        if (cs->toks[i].kind == RASD_TOK_PUNCT)
            return false;
        if (coder_has_clitic(cs, i, MCL_BI))
            return CODER_TOK_IN(cs, i, text);
    }
    return false;
}

/* A trigger word that heads a fixed compound noun is no act (قطع الغيار:
 * spare parts). Pairs of bare keys (article stripped). */
static bool fixed_compound(const coder_sent *cs, const lex_hit *h)
{
    static const char *const pairs[][2] = {{"قطع", "غيار"}};
    size_t t0 = h->trig[0];
    if (t0 + 1 >= cs->n)
        return false;
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (!strcmp(cs->keys[t0].bare, pairs[i][0]) && !strcmp(cs->keys[t0 + 1].bare, pairs[i][1]))
            return true;
    return false;
}

/* وقال الناشط القبلي طالب حسين: a bare طالب right after a title, with
 * nothing asked for after it (no ب or بأن within ten words), is
 * the name of the title's holder, not a demand. */
static bool nothing_asked(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    if (h->e->cat != PL_REQUEST || h->n_trig != 1 || strcmp(cs->keys[t0].full, "طالب") != 0 ||
        t0 == 0)
        return false;
    const mention *m = coder_mention_at(cs, t0 - 1);
    if (!m && t0 >= 2 && cs->mw[t0 - 1].upos == UPOS_ADJ && cs->mw[t0 - 1].det)
        m = coder_mention_at(cs, t0 - 2); /* (الناشط القبلي) */
    if (!m || !m->agent || m->person)
        return false;
    for (size_t i = t0 + 1; i < cs->n && i <= t0 + 10; i++)
        if (coder_has_clitic(cs, i, MCL_BI) || coder_tok_is(cs, i, "بان"))
            return false;
    return true;
}

/* قضت المحكمة على 24 متهما: a participle after a number is a counted
 * noun (defendants), not an act. */
static bool counted(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    return h->n_trig == 1 && t0 > 0 && cs->toks[t0 - 1].kind == RASD_TOK_NUMBER &&
           cs->keys[t0].acc[0];
}

/* A trigger inside an organisation's name (منظمة حظر الأسلحة الكيميائية،
 * وكالة غوث وتشغيل اللاجئين) names the body, it reports no act. */
static bool inside_name(const coder_sent *cs, const lex_hit *h)
{
    for (size_t k = 0; k < cs->nm; k++) {
        const mention *m = &cs->m[k];
        /* (a person only as the head of a body: رئيس منظمة حظر الأسلحة
         * الكيميائية أحمد أوزمجو) */
        if (!m->named || (m->person && !m->merged) || m->last == m->first)
            continue;
        if (m->first <= h->trig[0] && h->last <= m->last)
            return true;
        if (m->person)
            continue; /* (استدعت [السفير] الأميركي ديفيد هيل: the envoy summoned) */
        /* أصدرت منظمة [العفو] الدولية تقريرا: a gap pattern's last word
         * inside a name */
        if (h->n_trig > 1 && m->first <= h->last && h->last <= m->last && m->first > h->trig[0] &&
            !(m->first == h->last && !strcmp(m->sector, "MIL")))
            return true; /* (قصفت [مقاتلات التحالف]: the aircraft that bomb) */
    }
    return false;
}

/* لجنة المفاوضات، وفد التفاوض، هيئة الإغاثة، حزب الدعوة، مجلس التعاون،
 * قناة المسيرة: a verbal noun with the article as the genitive of a body
 * names the body, not an act. */
static bool names_body(const coder_sent *cs, const lex_hit *h)
{
    static const char *const body[] = {"لجنه", "لجان", "هيئه", "وفد",   "وفود",  "فريق",
                                       "فرق",  "حزب",  "جمعيه", "جماعه", "حركه",  "تيار",
                                       "جبهه", "مجلس", "قناه",  "صحيفه", "اذاعه", "منظمه"};
    size_t t0 = h->trig[0];
    return t0 > 0 && h->n_trig == 1 && cs->mw[t0].det == 1 && !cs->mw[t0 - 1].det &&
           CODER_TOK_IN(cs, t0 - 1, body);
}

/* هذه الاتهامات ترفضها روسيا، وتأتي هذه الزيارة بعد: a verbal noun after
 * a demonstrative points back to an act already reported (and coded where
 * it was reported); it reports no new one. */
static bool pointed_back(const coder_sent *cs, const lex_hit *h)
{
    static const char *const dem[] = {"هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "هذان",
                                      "هاتان", "هولاء", "بهذه", "بهذا", "لهذه", "لهذا",
                                      "وهذه", "وهذا", "بتلك", "بذلك", "لتلك", "لذلك"};
    size_t t0 = h->trig[0];
    return t0 > 0 && cs->mw[t0].det == 1 && cs->mw[t0].upos == UPOS_NOUN &&
           CODER_TOK_IN(cs, t0 - 1, dem);
}

/* عثر بداخلها على الألغام والعبوات الناسفة، تفكيك عبوة ناسفة: a device
 * that was found, seized or defused is no attack. Only a pattern that
 * starts with the device itself (not انفجار … عبوة). */
static bool defused(const coder_sent *cs, const lex_hit *h)
{
    static const char *const device[] = {"عبوه", "عبوات", "عبوتين", "عبوتان", "قنبله", "قنابل",
                                         "لغم", "الغام", "متفجرات", "حزام", "احزمه", "سياره",
                                         "سيارات", "شاحنه", "دراجه", "صهريج"};
    static const char *const found[] = {
        "عثر", "عثرت", "عثروا", "العثور", "ضبط", "ضبطت", "ضبطوا", "اكتشاف", "اكتشف", "اكتشفت",
        "تفكيك", "فكك", "فككت", "ابطال", "ابطل", "ابطلت", "مصادره", "صادر", "صادرت", "ضبطيه",
        "تحييد", "نزع", "مخزن", "مخازن", "مستودع", "مستودعات", "تهريب", "تصنيع", "تخزين"};
    size_t t0 = h->trig[0];
    if (h->e->cat != PL_ASSAULT || !CODER_TOK_IN(cs, t0, device))
        return false;
    for (size_t back = 1; back <= 8 && back <= t0; back++) {
        size_t i = t0 - back;
        if (cs->toks[i].kind == RASD_TOK_PUNCT && !coder_tok_is(cs, i, "،"))
            return false;
        if (CODER_TOK_IN(cs, i, found))
            return true;
    }
    return false;
}

/* مسيرة is a march and a career or course: with a possessive pronoun
 * (انطلقت مسيرته الفنية، مسيرتها المهنية) it is the latter. */
static bool career_march(const coder_sent *cs, const lex_hit *h)
{
    if (h->e->cat != PL_PROTEST)
        return false;
    for (size_t j = 0; j < h->n_trig; j++) {
        size_t t = h->trig[j];
        if (args_has_suffix(&cs->mw[t]) && !strncmp(cs->keys[t].bare, "مسير", strlen("مسير")))
            return true;
    }
    return false;
}

/* شارك آلاف في إحياء الذكرى، احتشد الآلاف لحضور تجمع انتخابي، طائرة
 * مسيرة: crowds that gather for a funeral, a feast, a rally or a match
 * are no protest unless the text calls them protesters; a drone is no
 * march. */
static bool crowd_occasion(const coder_sent *cs, const lex_hit *h)
{
    static const char *const crowd[] = {"الاف", "الالاف", "مئات", "المئات", "عشرات", "العشرات",
                                        "الوف", "ملايين", "حشود"};
    static const char *const occasion[] = {
        "احياء", "تشييع", "جنازه", "جنازات", "احتفال", "احتفالات", "الاحتفال", "للاحتفال",
        "لحضور", "حضور", "استقبال", "لاستقبال", "صلاه", "لصلاه", "مهرجان", "حفل", "مباراه",
        "عزاء", "انتخابي", "انتخابيه", "الحجاج", "حجاج", "المصلين", "مصلين", "السياح", "مقاتليه",
        "مقاتلين", "المقاتلين"};
    static const char *const aircraft[] = {"طائره", "طائرات", "بطائره", "بطائرات", "الطائره",
                                           "الطائرات"};
    if (h->e->cat != PL_PROTEST)
        return false;
    for (uint8_t j = 0; j < h->n_trig; j++) {
        size_t t = h->trig[j];
        const char *b = cs->keys[t].bare;
        if (t > 0 && (!strcmp(b, "مسيره") || !strcmp(b, "مسيرات")) && CODER_TOK_IN(cs, t - 1, aircraft))
            return true;
    }
    if (!CODER_TOK_IN(cs, h->trig[h->n_trig - 1], crowd))
        return false;
    for (size_t i = h->trig[0] + 1; i < cs->n && i <= h->last + 10; i++)
        if (CODER_TOK_IN(cs, i, occasion))
            return true;
    return false;
}

/* وزارته، وزارتها: و + زارت + a pronoun ("and she visited him") is
 * written like وزارة with a possessive ("his ministry"), which is what
 * news almost always means. */
static bool ministry_homograph(const coder_sent *cs, const lex_hit *h)
{
    const char *w = cs->keys[h->trig[0]].full;
    size_t n = strlen("وزارت");
    return !strcmp(h->e->cameo, "042") && !strncmp(w, "وزارت", n) && strlen(w) > n;
}

/* اعترضت الدفاعات الجوية صاروخا أطلق على جازان: اعترض with an object
 * (an indefinite accusative, a missile or an aircraft) in its gap
 * intercepts; it objects only to what follows على. */
static bool intercepted(const coder_sent *cs, const lex_hit *h)
{
    static const char *const thing[] = {"صاروخ", "صواريخ", "طائر", "قذيف", "قذائف", "مسير",
                                        "سفين", "شحن"}; /* (word starts) */
    if (h->e->cat != PL_REJECT || h->n_trig < 2 ||
        strncmp(cs->keys[h->trig[0]].bare, "اعترض", strlen("اعترض")) != 0)
        return false;
    if (coder_tok_is(cs, h->last + 1, "متن")) /* اعترض مسلحون على متن دراجة سيارتهم */
        return true;
    for (size_t i = h->trig[0] + 1; i < h->trig[1]; i++) {
        if (coder_accusative(cs, i))
            return true;
        for (size_t k = 0; k < sizeof thing / sizeof thing[0]; k++)
            if (!strncmp(cs->keys[i].bare, thing[k], strlen(thing[k])))
                return true;
    }
    return false;
}

/* حماية أنظمة الأسلحة من الهجمات الإلكترونية، لحماية بولندا من
 * الاتهامات: what something is protected from is a threat, no act. */
static bool protected_from(const coder_sent *cs, const lex_hit *h)
{
    static const char *const protect[] = {"حمايه", "يحمي", "تحمي", "نحمي", "يحميها", "تحصين",
                                          "وقايه", "صون", "تامين"};
    size_t t0 = h->trig[0];
    if (t0 < 2 || (!coder_tok_is(cs, t0 - 1, "من") && !coder_tok_is(cs, t0 - 1, "ضد")))
        return false;
    for (size_t back = 2; back <= 6 && back <= t0; back++) {
        size_t i = t0 - back;
        if (cs->toks[i].kind == RASD_TOK_PUNCT)
            return false;
        if (CODER_TOK_IN(cs, i, protect))
            return true;
    }
    return false;
}

/* لم يفرجوا عن أي لقطات، أفرجت عن الأموال: releasing things (footage,
 * documents, funds) frees nobody. */
static bool released_thing(const coder_sent *cs, const lex_hit *h)
{
    static const char *const thing[] = {"لقطات", "لقطه", "صور", "فيديو", "تسجيلات", "تسجيل",
                                        "معلومات", "وثائق", "بيانات", "نتائج", "تفاصيل",
                                        "اموال", "ارصده", "مبالغ", "مستندات", "ملفات", "دفعه"};
    if (strcmp(h->e->cameo, "0841") != 0)
        return false;
    size_t i = h->last + 1;
    if (i < cs->n && coder_tok_is(cs, i, "عن"))
        i++;
    if (i < cs->n && (coder_tok_is(cs, i, "اي") || coder_tok_is(cs, i, "بعض")))
        i++;
    return i < cs->n && CODER_TOK_IN(cs, i, thing);
}

bool noact_reported(const coder_sent *cs, const lex_hit *h)
{
    return after_copula(cs, h) || career_march(cs, h) || inside_name(cs, h) ||
           names_body(cs, h) || pointed_back(cs, h) || defused(cs, h) || anonymity(cs, h) ||
           topic_noun(cs, h) || counted(cs, h) || relative_what(cs, h) ||
           crowd_occasion(cs, h) || fixed_compound(cs, h) || self_harm(cs, h) || cited(cs, h) ||
           ministry_homograph(cs, h) || nothing_asked(cs, h) || intercepted(cs, h) ||
           protected_from(cs, h) || released_thing(cs, h);
}
