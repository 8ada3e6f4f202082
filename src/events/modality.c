/* modality.c - negation, future and hypothetical acts: particles before
 * the trigger, future and modal words, denials, refusals and intentions
 * that govern an act (نفى الجيش قصف المستشفى، قررت الحكومة شن عملية), and
 * verbal nouns of purpose. Used by coder.c; see src/events/README.md
 * (Modality). */
#include "events/coder.h"
#include "events/code_int.h"
#include <string.h>

/* Verbs that take an act as their object (نفت الحكومة السورية شن هجمات):
 * what follows them is the verbal noun. Those of denial and refusal leave
 * a negated act and those of intent a future one (governed() reads which
 * from the governing verb); after the others (حاول، هدد، يدرس) the noun is
 * no event of its own. */
static const char *const deny_verbs[] = {"نفي", "نفت", "ينفي", "تنفي", "نفوا", "ينفون",
                                         "نافيا", "نافيه", "نفيها", "نفيه", "انكر", "انكرت"};
static const char *const refuse_verbs[] = {"رفض", "رفضت", "يرفض", "ترفض", "رفضوا", "استبعد",
                                           "استبعدت"};
/* (what is prohibited or prevented is not done: يحظر تقديم المساعدات) */
static const char *const prohibit_verbs[] = {"يحظر", "تحظر", "حظر", "حظرت", "يمنع", "تمنع",
                                             "منع", "منعت", "منعوا", "يمنعون"};
static const char *const intent_verbs[] = {"قرر", "قررت", "قرروا", "يعتزم", "تعتزم", "اعتزم",
                                           "اعتزمت", "ينوي", "تنوي", "يعتزمون", "ينوون"};
static const char *const decide_verbs[] = {"قرر", "قررت", "قرروا"};
/* (what is proposed is not done: اقترح الرئيس إغلاق الحدود) */
static const char *const propose_verbs[] = {"اقترح", "اقترحت", "يقترح", "تقترح", "اقترحوا",
                                            "يقترحون"};
static const char *const attempt_verbs[] = {"حاول", "حاولت", "يحاول", "تحاول", "يريد", "تريد",
                                            "اراد", "ارادت", "هدد", "هددت", "يدرس", "تدرس"};

static bool bare_in(const lex_keys *k, const char *const *v, size_t n)
{
    for (size_t q = 0; q < n; q++)
        if (!strcmp(k->bare, v[q]))
            return true;
    return false;
}
#define BARE_IN(k, v) bare_in((k), (v), sizeof(v) / sizeof *(v))

static bool governs_act(const lex_keys *k)
{
    return BARE_IN(k, deny_verbs) || BARE_IN(k, refuse_verbs) || BARE_IN(k, intent_verbs) ||
           BARE_IN(k, propose_verbs) || BARE_IN(k, prohibit_verbs);
}

/* The first token of a run of up to four definite words ending right
 * before i, a subject (الجيش الوطني شن); i itself if none. Not بالهجوم،
 * للجيش: a genitive. */
size_t modality_subject_run(const coder_sent *cs, size_t i)
{
    size_t j = i;
    while (j > 0 && i - j < 4 && cs->toks[j - 1].kind == RASD_TOK_ARABIC && cs->mw[j - 1].det &&
           !coder_case_prefix(&cs->mw[j - 1]))
        j--;
    return j;
}

/* The verb of denial, refusal or intent that takes token i as its object
 * (نفى الجيش قصف، رفض الاتحاد الأوروبي فرض، قرر مجلس الأمن فرض): right
 * before it, or before its definite subject, which may start with the
 * head of a construct. SIZE_MAX if none. A subject without the article
 * (قررت إسرائيل شن) is left out: the keys are filled before tagging, so
 * nothing here tells a name from a noun that is itself the object. */
size_t modality_act_governor(const coder_sent *cs, size_t i)
{
    if (i == 0 || cs->toks[i - 1].kind != RASD_TOK_ARABIC)
        return SIZE_MAX;
    if (governs_act(&cs->keys[i - 1]))
        return i - 1;
    size_t j = modality_subject_run(cs, i);
    if (j < i && j > 1 && cs->toks[j - 1].kind == RASD_TOK_ARABIC &&
        !coder_case_prefix(&cs->mw[j - 1]) && !governs_act(&cs->keys[j - 1]))
        j--; /* مجلس الأمن، وزير الخارجية */
    if (j < i && j > 0 && cs->toks[j - 1].kind == RASD_TOK_ARABIC && governs_act(&cs->keys[j - 1]))
        return j - 1;
    return SIZE_MAX;
}

bool modality_attempt_verb(const lex_keys *k)
{
    return BARE_IN(k, attempt_verbs);
}

/* ---------------------------------------------------------- particles */

static const char *const neg_words[] = {"لم", "لن", "لا", "ليس", "ليست", "لست", "عدم", "دون", "بدون", "غير"};
static const char *const fut_words[] = {"سوف", "المقرر", "المتوقع", "المزمع", "يعتزم", "تعتزم",
                                        "ينتظر", "يتوقع", "المنتظر",
                                        "ينوي", "تنوي", "يرتقب", "مرتقب", "مرتقبه", "المرتقب", "المرتقبه"};
static const char *const fut_after[] = {"المقبل", "المقبله", "القادم", "القادمه", "غدا"};
static const char *const hyp_words[] = {"اذا", "لو", "حال", "ربما", "قد", "يمكن", "يحتمل",
                                        "احتمال", "يجب", "ينبغي"};

/* لا سيما ("especially") and لا يزال / لم يزل ("still") are no negations. */
static bool is_negation(const coder_sent *cs, size_t i)
{
    static const char *const still[] = {"يزال", "تزال", "يزالون", "تزالان", "يزالان", "نزال",
                                        "ازال", "يزل", "تزل", "يبرح", "تبرح", "ينفك", "تنفك"};
    if (!CODER_TOK_IN(cs, i, neg_words))
        return false;
    if (CODER_TOK_IN(cs, i + 1, still))
        return false;
    return !(coder_tok_is(cs, i, "لا") && (coder_tok_is(cs, i + 1, "سيما") || coder_tok_is(cs, i + 1, "سيّما")));
}

/* قد before an imperfect verb is "may"; before a perfect one ("كان قد
 * بحث") it only marks the past. */
static bool is_hypothetical(const coder_sent *cs, size_t i)
{
    if (!CODER_TOK_IN(cs, i, hyp_words))
        return false;
    if (!coder_tok_is(cs, i, "قد"))
        return true;
    /* كان ... قد تظاهروا: a past perfect, whatever the verb's first letter */
    for (size_t j = i >= 4 ? i - 4 : 0; j < i; j++)
        if (!strcmp(cs->keys[j].stem, "كان") || !strcmp(cs->keys[j].bare, "كان") ||
            !strcmp(cs->keys[j].bare, "كانت"))
            return false;
    const char *next = i + 1 < cs->n ? cs->keys[i + 1].bare : "";
    size_t len = strlen(next);
    /* قد تم، قد تمكنت: perfects that start like an imperfect */
    if (!strcmp(next, "تم") || (len > 4 && !strncmp(next, "ت", 2) && !strcmp(next + len - 2, "ت")))
        return false;
    return !strncmp(next, "ي", 2) || !strncmp(next, "ت", 2) || !strncmp(next, "ن", 2);
}

/* فرص استئناف المحادثات، إمكانية فرض عقوبات، يترددون في الانسحاب: the
 * chance of an act, or a hesitation to do it, is no act. */
static bool chance_of(const coder_sent *cs, size_t t0)
{
    static const char *const chance[] = {"فرص", "فرصه", "امكانيه", "امكان", "احتمالات",
                                         "احتماليه", "جدوي"};
    static const char *const hesitate[] = {"تردد", "ترددت", "يتردد", "تتردد", "يترددون",
                                           "ترددوا", "مترددا", "مترددين"};
    if (t0 > 0 && CODER_TOK_IN(cs, t0 - 1, chance))
        return true;
    return t0 > 1 && coder_tok_is(cs, t0 - 1, "في") && CODER_TOK_IN(cs, t0 - 2, hesitate);
}

static bool denied(const coder_sent *cs, size_t t0);
static bool denied_noun(const coder_sent *cs, const lex_hit *h);
static bool purpose(const coder_sent *cs, const lex_hit *h);
static void governed(const coder_sent *cs, const lex_hit *h, ev_args *a);

/* غير الشرعية والقبض، للحيلولة دون تنامي عواقب العقوبات: غير, عدم and دون
 * negate the word they govern (غير مسموح، عدم التوصل، دون أن يلتقي), not a
 * trigger further on; غير أن is "however". */
static bool governs(const coder_sent *cs, size_t i, size_t t0)
{
    static const char *const near[] = {"غير", "عدم", "دون", "بدون"};
    if (!CODER_TOK_IN(cs, i, near))
        return true;
    if (coder_tok_is(cs, i, "غير")) /* غير مسبوقة; غير أن is "however" */
        return t0 == i + 1;
    if (t0 == i + 1 || (t0 == i + 2 && coder_tok_is(cs, i + 1, "ان")))
        return true;
    /* عدم نهبها أو مصادرتها، دون اعتقال وتعذيب: coordinated nouns */
    if ((t0 == i + 3 && coder_tok_is(cs, i + 2, "او")) || (t0 == i + 2 && coder_has_wa(cs, t0)))
        return true;
    /* عدم إجراء أي تجارب، عدم تمديد تخفيف العقوبات: a chain of nouns, each
     * the genitive of the one before; not عدم الامتثال للعقوبات (a
     * preposition opens another phrase) */
    if (t0 > i + 3 || coder_has_clitic(cs, t0, MCL_LI) || coder_has_clitic(cs, t0, MCL_BI))
        return false;
    for (size_t j = i + 1; j < t0; j++)
        if (cs->mw[j].det || cs->keys[j].nominal || cs->mw[j].upos == UPOS_VERB ||
            cs->toks[j].kind != RASD_TOK_ARABIC)
            return false;
    return true;
}

/* لا نخاف مهما أطلقوا: a subordinate clause between a negator and the
 * trigger keeps the negation out (لن تعيد التفاوض keeps it: the verb
 * governs the noun). */
static bool clause_between(const coder_sent *cs, size_t from, size_t to)
{
    static const char *const sub[] = {"مهما", "عندما", "حين", "حينما", "بينما", "الذي", "التي",
                                      "الذين", "لكن", "بل", "كلما"};
    for (size_t j = from; j < to; j++)
        if (CODER_TOK_IN(cs, j, sub))
            return true;
    return false;
}

/* حتى within the three words before i (not before from). */
static bool until_before(const coder_sent *cs, size_t i, size_t from)
{
    for (size_t j = i >= 3 ? i - 3 : 0; j < i; j++)
        if (j >= from && coder_tok_is(cs, j, "حتي"))
            return true;
    return false;
}

/* Is token i the genitive of a bare noun before it, or in a hashtag (مؤتمر
 * سيدر: a name that reads like a future verb)? */
static bool construct_genitive(const coder_sent *cs, size_t i)
{
    if (i > 0 && !strcmp(cs->toks[i - 1].norm, "_"))
        return true; /* #مؤتمر_ سيدر: a hashtag goes on */
    if (i == 0 || cs->toks[i - 1].kind != RASD_TOK_ARABIC || coder_mention_at(cs, i - 1))
        return false;
    const morph_word *w = &cs->mw[i - 1];
    return w->upos == UPOS_NOUN && !w->det && !args_has_suffix(w);
}

/* سيجري [ترامب] [الخميس] محادثات، ستعقد اجتماعا، سيقوم بزيارة: a verbal
 * noun takes the tense of the verb that carries it. The verb before it,
 * past its subject and time words, has the future prefix. */
static size_t future_carrier(const coder_sent *cs, const lex_hit *h, size_t lo)
{
    size_t t0 = h->trig[0];
    if (coder_has_clitic(cs, t0, MCL_SA))
        return t0;
    if (cs->mw[t0].upos == UPOS_VERB && !(h->e->opts & LEXO_NOUN))
        return SIZE_MAX;
    for (size_t i = t0; i-- > lo && i + 8 > t0;) {
        const mention *m = coder_mention_at(cs, i);
        if (m && !m->prep) {
            i = m->first; /* the subject: سيجري [الرئيس الأمريكي] محادثات */
            continue;
        }
        if (cs->keys[i].when || coder_tok_is(cs, i, "في") || coder_tok_is(cs, i, "وقت") ||
            coder_tok_is(cs, i, "لاحق"))
            continue;
        return cs->mw[i].upos == UPOS_VERB && coder_has_clitic(cs, i, MCL_SA) &&
                       !construct_genitive(cs, i)
                   ? i
                   : SIZE_MAX;
    }
    return SIZE_MAX;
}

void modality_assign(const coder_sent *cs, const lex_hit *h, size_t lo, size_t hi, ev_args *a)
{
    size_t t0 = h->trig[0];
    size_t from = t0 >= 3 ? t0 - 3 : 0;
    if (from < lo)
        from = lo;
    a->negated = false;
    a->modality = "asserted";
    for (size_t i = from; i < t0; i++) {
        if (!is_negation(cs, i) || clause_between(cs, i + 1, t0) || !governs(cs, i, t0) ||
            clause_hidden(cs, i, t0))
            continue;
        if (i > 0 && coder_tok_is(cs, i, "لم") && coder_tok_is(cs, i - 1, "ما"))
            a->modality = "hypothetical"; /* ما لم: "unless" */
        else
            a->negated = true;
    }
    /* من المتوقع أن / من المقرر أن reach across the complementiser. */
    for (size_t i = t0 >= 5 ? t0 - 5 : 0; i < t0; i++)
        if (CODER_TOK_IN(cs, i, fut_words) && !clause_hidden(cs, i, t0))
            a->modality = "future";
    /* كانت ستفرض، لكانت ستشن: a future seen from the past is what would
     * have happened (counterfactual), not a plan */
    static const char *const was[] = {"كان", "كانت", "كانوا", "كانا"};
    size_t fv = future_carrier(cs, h, lo);
    if (fv != SIZE_MAX)
        a->modality = fv > 0 && CODER_TOK_IN(cs, fv - 1, was) ? "hypothetical" : "future";
    /* يمكن أن تفرض، تستطيع أن تشن، بإمكانها أن: an ability or a duty, not
     * an act (the complementiser right after the modal word) */
    static const char *const modal[] = {"يمكن", "يمكنه", "يمكنها", "يمكنهم", "بامكان",
                                        "بامكانه", "بامكانها", "بوسع", "بوسعه", "بوسعها",
                                        "يستطيع", "تستطيع", "يستطيعون", "نستطيع", "يجب",
                                        "ينبغي", "يحتمل", "المحتمل"};
    for (size_t i = t0 >= 6 ? t0 - 6 : 0; i + 1 < t0; i++)
        if (CODER_TOK_IN(cs, i, modal) && !clause_hidden(cs, i, t0) &&
            (coder_tok_is(cs, i + 1, "ان") || coder_tok_is(cs, i + 2, "ان") ||
             coder_tok_is(cs, i + 1, "علي"))) /* يجب على */
            a->modality = "hypothetical";
    /* يمكنهم التشاور، بإمكانها فرض: the modal right before a verbal noun */
    if (t0 > 0 && CODER_TOK_IN(cs, t0 - 1, modal) && !clause_hidden(cs, t0 - 1, t0))
        a->modality = "hypothetical";
    /* زيارة مقررة، قمة مرتقبة: a planned act */
    static const char *const planned[] = {"مقرره", "مقرر", "المقرره", "مرتقبه", "مرتقب",
                                          "المرتقبه", "مزمعه", "المزمعه", "مرتقبا"};
    /* (not إلغاء زيارته المقررة: the cancelling happened) */
    if (h->e->cat == PL_CONSULT && (CODER_TOK_IN(cs, h->last + 1, planned) ||
                                    (h->n_trig > 1 && CODER_TOK_IN(cs, h->last, planned))))
        a->modality = "future"; /* the summit pattern ends in مرتقبة */
    /* الانسحاب المحتمل، العقوبات الأميركية المحتملة: a possible act (not
     * يعارض … قرار محتمل: the gap pattern's object is the possible one) */
    static const char *const possible[] = {"المحتمل", "المحتمله", "محتمل", "محتمله"};
    size_t next = h->last + 1;
    /* (over one adjective, or a nisba the tagger took for a noun: التهديدات
     * الخارجية المحتملة) */
    size_t adj = next < cs->n && (cs->mw[next].upos == UPOS_ADJ ||
                                  (cs->mw[next].det && coder_ends_with(cs->keys[next].full, "يه")))
                     ? next + 1 : next;
    bool one = h->n_trig == 1 || cs->mw[h->last].upos == UPOS_ADJ; /* عقوبات أميركية */
    if (one && (CODER_TOK_IN(cs, next, possible) || CODER_TOK_IN(cs, adj, possible)))
        a->modality = "hypothetical";
    /* حتى الأحد المقبل: how long, not when */
    for (size_t i = h->last + 1; i <= hi && i < cs->n; i++)
        if (CODER_TOK_IN(cs, i, fut_after) && !until_before(cs, i, h->last + 1))
            a->modality = "future";
    for (size_t i = lo; i < t0; i++)
        if (is_hypothetical(cs, i) && !clause_hidden(cs, i, t0))
            a->modality = "hypothetical";
    /* تريد موسكو أن يرفع الاتحاد الأوروبي العقوبات: a wish */
    static const char *const wish[] = {"يريد", "تريد", "يرغب", "ترغب", "يامل", "تامل", "يتمني",
                                       "تتمني", "يريدون", "يرغبون"};
    for (size_t i = t0 >= 6 ? t0 - 6 : 0; i < t0; i++)
        if (CODER_TOK_IN(cs, i, wish) && !clause_hidden(cs, i, t0))
            a->modality = "hypothetical";
    if (chance_of(cs, t0))
        a->modality = "hypothetical";
    if (denied(cs, t0) || denied_noun(cs, h))
        a->negated = true;
    governed(cs, h, a);
    if (purpose(cs, h) && !strcmp(a->modality, "asserted"))
        a->modality = "hypothetical";
}

/* رفض الطلب، رفضت عرض الوساطة: what is refused was proposed by others;
 * it was made, only not accepted. */
static bool proposal(const coder_sent *cs, const lex_hit *h)
{
    static const char *const offer[] = {"طلب", "عرض", "دعوه", "مبادره", "اقتراح", "مقترح",
                                        "وساطه", "خطه", "مطالب", "مطالبه"};
    return h->e->cat == PL_REQUEST || CODER_TOK_IN(cs, h->trig[0], offer);
}

/* Acts that a decision announces but does not perform (قررت إسرائيل شن
 * عملية، قرر زيارة موسكو، قررت إرسال قوات، قرر المعلمون الإضراب); for
 * sanctions, releases or withdrawals from a treaty, the decision is the act. */
static bool physical(plover_cat c)
{
    return c == PL_ASSAULT || c == PL_MOBILIZE || c == PL_CONSULT || c == PL_PROTEST;
}

/* نفى الجيش قصف المستشفى، رفضت موسكو فرض عقوبات، قررت إسرائيل شن عملية:
 * an act as the object of a verb of denial or refusal did not happen, of
 * intent is to come — whatever the tagger makes of a verb form that is
 * also its own noun (قصف، شن، فرض). Not with a conjunction (قررت وفرضت: a
 * second verb) nor for accusations (نفى الاتهامات: the charge was made). */
static void governed(const coder_sent *cs, const lex_hit *h, ev_args *a)
{
    size_t t0 = h->trig[0];
    size_t g = modality_act_governor(cs, t0);
    if (g == SIZE_MAX || h->e->cat == PL_ACCUSE || coder_has_wa(cs, t0) ||
        coder_has_clitic(cs, t0, MCL_FA) || coder_case_prefix(&cs->mw[t0]))
        return;
    /* what stands between is the governing verb's subject, an actor (not
     * قررت الاستجابة لدعوة: a noun that is itself the object) */
    const mention *subj = g + 1 < t0 ? coder_mention_at(cs, g + 1) : NULL;
    if (g + 1 < t0 && !(subj && subj->first == g + 1 && subj->last + 1 == t0))
        return;
    const lex_keys *gk = &cs->keys[g];
    if (BARE_IN(gk, refuse_verbs) && proposal(cs, h))
        return; /* رفضت المحكمة طلب الاستئناف: the request was made */
    if (BARE_IN(gk, deny_verbs) || BARE_IN(gk, refuse_verbs) || BARE_IN(gk, prohibit_verbs))
        a->negated = true;
    else if (BARE_IN(gk, propose_verbs))
        a->modality = "hypothetical";
    else if (BARE_IN(gk, decide_verbs) && !physical(h->e->cat))
        return; /* قررت الرياض طرد السفير: the decision is the act */
    else if (!strcmp(a->modality, "asserted"))
        a->modality = "future";
}

/* تسعى للتوصل إلى اتفاق، استعدادها لإرسال قوات، خطة لاعتقاله: a singular
 * verbal noun of purpose is an aim, not an act done. Only for acts that
 * are aimed at (a meeting's purpose, لبحث, is what it does; a protest's,
 * للمطالبة, is what it says; ل is also "because of": لاتهامه بالتمرد),
 * and not for plurals or a noun a relative clause describes (للمداهمات
 * التي نفذتها الشرطة، يخضع لعقوبات). */
static bool purpose(const coder_sent *cs, const lex_hit *h)
{
    plover_cat c = h->e->cat;
    size_t t0 = h->trig[0];
    const char *b = cs->keys[t0].bare;
    size_t n = strlen(b);
    if (!(c == PL_AGREE || c == PL_MOBILIZE || c == PL_RETREAT || c == PL_COERCE ||
          c == PL_SANCTION))
        return false;
    /* بهدف رفع الحصار، بغية التوصل، من أجل إطلاق: a masdar after these,
     * whatever the tagger says */
    static const char *const aim[] = {"بهدف", "بغيه", "بقصد", "اجل", "لاجل", "سعيا"};
    if (t0 > 0 && CODER_TOK_IN(cs, t0 - 1, aim))
        return true;
    if (cs->mw[t0].upos == UPOS_VERB || (n >= 4 && !strcmp(b + n - 4, "ات")) ||
        args_relative_before(cs, h->last + 2) ||
        (t0 > 0 && strstr(cs->keys[t0 - 1].bare, "تعرض"))) /* تعرض للاعتقال: it happened */
        return false;
    return coder_has_clitic(cs, t0, MCL_LI);
}

/* نفت روسيا أن تكون قواتها قصفت المستشفى: an act in the complement of a
 * denial is denied. The complementiser must follow the verb of denial
 * within its sentence part (no strong punctuation between). */
static bool denied(const coder_sent *cs, size_t t0)
{
    bool comp = false;
    for (size_t i = t0, steps = 0; i-- > 0 && steps < 12; steps++) {
        const rasd_token *t = &cs->toks[i];
        if (t->kind == RASD_TOK_PUNCT && (t->flags & RASD_TOKF_SENT_END))
            return false;
        if (coder_tok_is(cs, i, "ان"))
            comp = true;
        if (comp && BARE_IN(&cs->keys[i], deny_verbs))
            return true;
    }
    return false;
}

/* نفى النظام السوري التوصل إلى اتفاق، نفت إسرائيل شن غارات: a verbal noun
 * that a verb of denial takes as its object (its subject at most
 * between) is denied. Not accusations: نفى الاتهامات denies the charge,
 * the accusation itself was made. */
static bool denied_noun(const coder_sent *cs, const lex_hit *h)
{
    size_t t0 = h->trig[0];
    if (h->e->cat == PL_ACCUSE || cs->mw[t0].upos == UPOS_VERB)
        return false;
    for (size_t i = t0, steps = 0; i-- > 0 && steps < 6; steps++) {
        if (cs->toks[i].kind == RASD_TOK_PUNCT || coder_tok_is(cs, i, "ان"))
            return false;
        if (CODER_TOK_IN(cs, i, deny_verbs)) /* (the tagger often reads نفى as a noun) */
            return true;
        if (cs->mw[i].upos == UPOS_VERB) /* another verb between */
            return false;
    }
    return false;
}
