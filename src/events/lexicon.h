/* lexicon.h - the trigger lexicon: which words signal which PLOVER/CAMEO
 * event, and where the event's arguments sit (format: data/verbs/FORMAT.md).
 * Read-only after loading; safe to share between threads. */
#ifndef RASD_LEXICON_H
#define RASD_LEXICON_H

#include "events/ontology.h"
#include "util/util.h"

#define LEX_MAX_WORDS 6
#define LEX_MAX_TGT 8
#define LEX_KEY_MAX 96

enum lex_word_kind { LEXW_EXACT = 0, LEXW_LEMMA, LEXW_GAP, LEXW_ANY };

enum {
    LEXO_NOUN = 1u << 0,
    LEXO_PASSIVE = 1u << 1,
    LEXO_SPEECH = 1u << 2,
    LEXO_CUE = 1u << 3,
    LEXO_VERB = 1u << 4,  /* the first word may not carry the article or ب/ل/ك */
    LEXO_AGENT = 1u << 5, /* the trigger names who acts (المتظاهرون): it is the source */
    LEXO_DEATH = 1u << 6, /* names a death, not its cause: needs violence in the sentence */
    LEXO_INDEF = 1u << 7, /* the first word may not carry the article (العقوبات الأميركية) */
    LEXO_DYAD = 1u << 8,  /* no event without a target (خفض فاتورة الواردات) */
    LEXO_FIRST = 1u << 9, /* first person (نرفض، ندعو): no subject follows, the speaker acts */
    LEXO_FINITE = 1u << 10 /* the first word stands where only a finite verb can (شن) */
};

typedef struct lex_word {
    const char *key; /* folded form (exact) or lemma key (lemma); NULL for gaps */
    uint8_t kind;
} lex_word;

typedef struct lex_entry {
    char cameo[5];
    plover_cat cat;
    const char *mode;           /* NULL when none */
    lex_word words[LEX_MAX_WORDS];
    uint8_t n_words;
    unsigned opts;              /* LEXO_* */
    const char *tgt[LEX_MAX_TGT]; /* "obj", "bayn", or a folded preposition */
    uint8_t n_tgt;
    int prio;
    const char *pattern;        /* as written, for evidence and messages */
    const char *file;
    unsigned line;
} lex_entry;

/* The keys of one token that patterns are compared with (all folded with
 * RASD_NORM_ALL): the whole token, the token without proclitics and
 * article, the bare stem, and the lemma key. Any may be "". */
typedef struct lex_keys {
    char full[LEX_KEY_MAX], bare[LEX_KEY_MAX], stem[LEX_KEY_MAX], lemma[LEX_KEY_MAX];
    char acc[LEX_KEY_MAX]; /* bare without an indefinite accusative alef (اجتماعا → اجتماع), or "" */
    char plural[LEX_KEY_MAX]; /* a perfect plural before an object pronoun, with the
                                 alef it drops there (قتلوهم → قتلوا), or "" */
    bool nominal;          /* has the article or ب/ل/ك: cannot be a finite verb */
    bool definite;         /* has the article */
    bool future;           /* has the future prefix س: only an imperfect follows */
    bool verb_slot;        /* where a finite verb can stand: first, after
                              punctuation, a verbal particle or a definite subject
                              (filled only where lexicon_finite_head says so) */
    bool stop;             /* a gap (…) may not reach over it: أن/إن, . : ؛ */
    bool when;             /* part of a time adverbial or date (مساء الخميس
                              الماضي، ، الثلاثاء،، في 13 حزيران/يونيو): no
                              distance for a gap */
    uint32_t aside_len;    /* at the opener of a relative aside (ترامب - الذي زار
                              الصين - طالب): tokens to its closer; else 0 */
    uint32_t aside_of;     /* inside such an aside: its opener + 1; else 0 */
} lex_keys;

typedef struct lex_hit {
    const lex_entry *e;
    size_t first, last;         /* token span [first, last] of the matched words */
    size_t n_trig;
    size_t trig[LEX_MAX_WORDS]; /* the tokens that matched pattern words */
} lex_hit;

typedef struct lexicon lexicon;

/* Load every *.verbs file of `dir` (in name order). Errors name file:line. */
rasd_status lexicon_load(const char *dir, lexicon **out);
/* Add one file (or a buffer named `name`) to a lexicon. */
rasd_status lexicon_new(lexicon **out);
rasd_status lexicon_load_mem(lexicon *lx, const char *name, const char *data, size_t len);
void lexicon_free(lexicon *lx);

/* Can a `finite` entry start at a token with keys k? Only there does the
 * coder need to fill lex_keys.verb_slot. */
bool lexicon_finite_head(const lexicon *lx, const lex_keys *k);
size_t lexicon_size(const lexicon *lx);
const lex_entry *lexicon_entry(const lexicon *lx, size_t i);

/* Fold a word for use as a key (RASD_NORM_ALL). out has LEX_KEY_MAX bytes. */
void lexicon_fold(const char *s, size_t n, char *out);

/* The best match whose first pattern word is at token i (keys[0..n)):
 * longest span of matched words, then highest priority, then the entry
 * that comes first. Returns false when none. */
bool lexicon_match_at(const lexicon *lx, const lex_keys *keys, size_t n,
                      size_t i, lex_hit *hit);

#endif
