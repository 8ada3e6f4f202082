/* coder.h - the event coder's internals: per-sentence analysis (morphology,
 * keys, named entities), actor mentions, triggers and argument assignment.
 * One coder_doc lives for one call of rasd_code_json and belongs to the
 * calling thread; the context's resources are only read. */
#ifndef RASD_CODER_H
#define RASD_CODER_H

#include "actors/actors.h"
#include "core/doc.h"
#include "events/lexicon.h"
#include "morph/morph.h"
#include "ner/ner.h"

/* An actor as the text refers to it. */
typedef struct mention {
    size_t first, last;     /* token span in its sentence, inclusive */
    size_t start, end;      /* byte span in the document text */
    char code[32];          /* CAMEO-style code: USAGOV, TUR, MIL... or "" */
    char country[4];        /* ISO3 or "" */
    char sector[4];         /* GOV MIL ... or "" */
    const char *name;       /* canonical English name or NULL */
    const char *prep;       /* folded preposition before it (مع, الي, ب...), or NULL */
    const char *gprep;      /* without one, the preposition before the construct noun
                               it is the genitive of (إزاء انسحاب [تركيا]), or NULL */
    bool named;             /* a name (person, organisation, state), not only a sector word */
    bool person;            /* a person (dictionary or named entity) */
    bool agent;             /* a sector word or title (الجيش, وزير الخارجية) */
    bool adj;               /* an attributive country adjective (تركية) */
    bool nisba;             /* the dictionary reads the word as an adjective, even
                               one used as a noun (الأتراك، فلسطينيا) */
    bool state;             /* a state by name or seat (تركيا، أنقرة، الكرملين) */
    bool counterpart;       /* نظيره ...: same sector as the other party */
    bool merged;            /* a title that already took a genitive */
    bool pair;              /* الجانبان, الطرفين: the last two parties */
    bool resolved;          /* filled in from an earlier mention (نظيره, بلاده, الوزير) */
    bool conj;              /* second conjunct of "X و Y" */
    bool hidden;            /* inside a relative aside the trigger being coded is
                               not in (clause_hide_asides): no argument of it */
    size_t ident;           /* 1 + the byte offset where the document first named
                               this actor (references share it), or 0 */
} mention;

#define CODER_MAX_MENTIONS 64

/* The analysis of one sentence. Arrays are indexed by token number within
 * the sentence (0 .. n-1). */
typedef struct coder_sent {
    const rasd_sentence *s;
    const char *doc_text;   /* the document text (offsets refer into it) */
    const rasd_token *toks; /* doc tokens of this sentence */
    size_t n;
    morph_word *mw;
    lex_keys *keys;
    uint8_t *ner;
    mention m[CODER_MAX_MENTIONS];
    size_t nm;
    size_t body;            /* first token after an opening dateline (0: none) */
} coder_sent;

#define CODER_INST_SLOTS 64
#define CODER_PEOPLE 32
#define CODER_ORGS 16

typedef struct coder_inst {
    char head[LEX_KEY_MAX];  /* head word of an institution: نظام, حكومه, جيش */
    char country[4];
} coder_inst;

/* Document-level memory for resolving later references. */
typedef struct coder_memory {
    mention last_person;    /* most recent named person */
    mention prev_person;    /* last_person before the current sentence (coder_run) */
    mention last_source;    /* source of the most recent event */
    mention last_target;
    mention last_speaker;   /* speaker of the most recent verb of saying */
    const rasd_sentence *speaker_sent; /* the sentence it spoke in */
    const rasd_sentence *source_sent;  /* the sentence of last_source */
    mention pair_a, pair_b; /* the parties of the last two-party event */
    bool have_person, have_prev_person, have_source, have_target, have_speaker, have_pair;
    bool sport;             /* a sports report (coder_sport_document) */
    rasd_date date;         /* publication date */
    coder_inst inst[CODER_INST_SLOTS];
    /* people introduced with a code, by surname (last word), for later
     * bare-surname references that the dictionary does not know */
    char surname[CODER_PEOPLE][LEX_KEY_MAX];
    mention person[CODER_PEOPLE];
    size_t n_people;
    /* organisations named in several words, by their head noun (التحالف
     * الدولي -> تحالف), for later bare references (التحالف، الحركة) */
    char org_head[CODER_ORGS][LEX_KEY_MAX];
    mention org[CODER_ORGS];
    size_t n_orgs;
} coder_memory;

/* Fill mentions of `cs` (needs mw, keys, ner). */
void coder_find_mentions(const rasd_ctx *ctx, coder_sent *cs, coder_memory *mem);
/* In a sentence that is not read (no trigger): remember the last person
 * the actor dictionary names in it, so that a pronoun in the next sentence
 * can take them up (وصل أردوغان إلى موسكو. واستقبله بوتين). */
void coder_note_people(const rasd_ctx *ctx, coder_sent *cs, coder_memory *mem);

/* Is m one person or office (a person, or a title: الرئيس الأمريكي)? */
bool mention_singular(const coder_sent *cs, const mention *m);
/* An indefinite accusative word (فلسطينيا، مسلحا); a name (تركيا)
 * only with the tanween written. */
bool coder_accusative(const coder_sent *cs, size_t i);
/* A sector word in the indefinite accusative (شرطيا، جنديا، أشخاصا): an
 * object, a count or a state, never a subject nor a genitive. */
bool mention_accusative(const coder_sent *cs, const mention *m);
/* Does m follow إن / أن / لكن (over a quote mark)? Their subject is
 * accusative: ان [انتحاريا] فجر نفسه. */
bool mention_after_inna(const coder_sent *cs, const mention *m);

/* The mention covering token i, or NULL. */
const mention *coder_mention_at(const coder_sent *cs, size_t i);

/* Does token i carry the conjunction و? */
bool coder_has_wa(const coder_sent *cs, size_t i);
/* Does the string s end in suf, with at least one letter before it? */
bool coder_ends_with(const char *s, const char *suf);
/* Does token i carry the proclitic `clitic` (MCL_LI, MCL_BI, MCL_SA...)? */
bool coder_has_clitic(const coder_sent *cs, size_t i, int clitic);

/* Is token i (sentence-relative) a given folded word? */
bool coder_tok_is(const coder_sent *cs, size_t i, const char *folded);
/* Is token i one of the n folded words (whole form or without clitics)? */
bool coder_tok_in(const coder_sent *cs, size_t i, const char *const *folded, size_t n);
#define CODER_TOK_IN(cs, i, arr) coder_tok_in(cs, i, arr, sizeof arr / sizeof arr[0])

/* What the sentence is about (topic.c). Each compares the clitic-free
 * form, the stem and the lemma key of every token. */
/* Does the sentence have one of the n folded words? */
bool coder_sentence_has(const coder_sent *cs, const char *const *words, size_t n);
/* Sports news: a sports word outside a coded actor's name (نادي الأسير). */
bool coder_sport_sentence(const coder_sent *cs);
/* A sports report: unambiguous sports words in at least two sentences and
 * a fifth of them. Reads the tokens' norms only. */
bool coder_sport_document(const rasd_doc *doc);
/* A weapon or an attack named outside the tokens of `skip` (NULL: anywhere). */
bool coder_names_violence(const coder_sent *cs, const lex_hit *skip);
/* Fighting or repression (جبهة، القمع) that makes a death violent, named
 * outside the tokens of `skip` (a pattern that is itself a death: مقتل). */
bool coder_names_fighting(const coder_sent *cs, const lex_hit *skip);
/* An earthquake, a crash, a fire or an epidemic, and no weapon or attack. */
bool coder_disaster_sentence(const coder_sent *cs);

#endif
