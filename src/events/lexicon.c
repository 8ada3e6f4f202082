/* lexicon.c - loading and matching the trigger lexicon. Entries are indexed
 * by the key of their first word, so matching a sentence costs a few hash
 * probes per token. */
#include "events/lexicon.h"
#include "util/textfile.h"
#include "morph/morph.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEX_GAP_MAX 5
/* time adverbials and dates a gap may pass over on top of LEX_GAP_MAX
 * (شنت جماعة بوكو حرام مساء الخميس الماضي هجوما) */
#define LEX_WHEN_MAX 8
#define LEX_ASIDE_MAX 12 /* tokens of a parenthesis or comma aside a gap reaches over */

struct lexicon {
    arena mem;
    lex_entry *v;
    size_t n, cap;
    uint32_t *heads;  /* bucket -> entry index + 1 */
    uint32_t *next;   /* entry -> next entry index + 1 in its bucket */
    size_t nbuckets;
    lex_word *finite; /* the distinct first words of `finite` entries */
    size_t n_finite;
};

/* ---------------------------------------------------------- keys */

void lexicon_fold(const char *s, size_t n, char *out)
{
    if (n >= LEX_KEY_MAX)
        n = LEX_KEY_MAX - 1;
    char tmp[LEX_KEY_MAX];
    size_t k = text_norm_token(s, n, RASD_NORM_ALL, tmp);
    memcpy(out, tmp, k);
    out[k] = '\0';
}

/* The key an entry is indexed under: its first word, marked by kind so that
 * a lemma key never collides with an exact form. */
static uint64_t lex_hash(const char *key, uint8_t kind)
{
    return hash_bytes(key, strlen(key)) ^ (kind * 0x9e3779b97f4a7c15ull);
}

static bool lex_grow(lexicon *lx)
{
    size_t nb = lx->nbuckets ? lx->nbuckets * 2 : 1024;
    uint32_t *heads = calloc(nb, sizeof *heads);
    if (!heads)
        return false;
    free(lx->heads);
    lx->heads = heads;
    lx->nbuckets = nb;
    for (size_t i = 0; i < lx->n; i++) { /* rehash every entry */
        const lex_word *w = &lx->v[i].words[0];
        size_t b = lex_hash(w->key, w->kind) & (nb - 1);
        lx->next[i] = heads[b];
        heads[b] = (uint32_t)(i + 1);
    }
    return true;
}

/* Remember the first word of a `finite` entry, so that the coder judges
 * the verb slot only at the few tokens where one can match. */
static bool lex_note_finite(lexicon *lx, const lex_word *w)
{
    for (size_t k = 0; k < lx->n_finite; k++)
        if (lx->finite[k].kind == w->kind && !strcmp(lx->finite[k].key, w->key))
            return true;
    lex_word *f = realloc(lx->finite, (lx->n_finite + 1) * sizeof *f);
    if (!f)
        return false;
    lx->finite = f;
    lx->finite[lx->n_finite++] = *w;
    return true;
}

static rasd_status lex_add(lexicon *lx, const lex_entry *e, const char *where)
{
    if ((e->opts & LEXO_FINITE) && !lex_note_finite(lx, &e->words[0]))
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", where);
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 256;
        lex_entry *v = realloc(lx->v, cap * sizeof *v);
        uint32_t *nx = v ? realloc(lx->next, cap * sizeof *nx) : NULL;
        if (v)
            lx->v = v;
        if (!nx)
            return err_set(RASD_ERR_NOMEM, "%s: out of memory", where);
        lx->next = nx;
        lx->cap = cap;
    }
    size_t i = lx->n++;
    lx->v[i] = *e;
    if (lx->n > 2 * lx->nbuckets) {
        if (!lex_grow(lx))
            return err_set(RASD_ERR_NOMEM, "%s: out of memory", where);
    } else {
        const lex_word *w = &e->words[0];
        size_t b = lex_hash(w->key, w->kind) & (lx->nbuckets - 1);
        lx->next[i] = lx->heads[b];
        lx->heads[b] = (uint32_t)(i + 1);
    }
    return RASD_OK;
}

/* ---------------------------------------------------------- parsing */

static char *lex_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* Words made only of a clitic or a single letter would match everywhere. */
static bool lex_too_general(const char *key)
{
    static const char *const clitics[] = {"و", "ف", "ب", "ل", "ك", "س", "ال", "لل"};
    for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++)
        if (!strcmp(key, clitics[i]))
            return true;
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    return chars < 2;
}

static rasd_status lex_parse_word(lexicon *lx, char *w, lex_word *out,
                                  const char *file, unsigned line)
{
    char key[LEX_KEY_MAX];
    if (!strcmp(w, "…") || !strcmp(w, "...")) {
        out->kind = LEXW_GAP;
        out->key = "";
        return RASD_OK;
    }
    if (!strcmp(w, "*")) {
        out->kind = LEXW_ANY;
        out->key = "";
        return RASD_OK;
    }
    bool lemma = w[0] == '~';
    if (lemma)
        w++;
    lexicon_fold(w, strlen(w), key);
    if (!key[0])
        return err_set(RASD_ERR_PARSE, "%s:%u: empty word in pattern", file, line);
    if (lemma) {
        char stem[MORPH_KEY_MAX], lem[MORPH_KEY_MAX];
        morph_stem_key(key, strlen(key), stem);
        morph_lemma_key(stem, UPOS_NONE, lem);
        lexicon_fold(lem, strlen(lem), key);
        if (!key[0])
            return err_set(RASD_ERR_PARSE, "%s:%u: '~%s' has an empty lemma key", file, line, w);
    }
    out->kind = lemma ? LEXW_LEMMA : LEXW_EXACT;
    out->key = arena_strdup(&lx->mem, key);
    return out->key ? RASD_OK : err_set(RASD_ERR_NOMEM, "%s: out of memory", file);
}

static rasd_status lex_parse_pattern(lexicon *lx, char *pat, lex_entry *e,
                                     const char *file, unsigned line)
{
    e->n_words = 0;
    e->pattern = arena_strdup(&lx->mem, pat);
    char *save = NULL;
    for (char *w = strtok_r(pat, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (e->n_words == LEX_MAX_WORDS)
            return err_set(RASD_ERR_PARSE, "%s:%u: pattern '%s' has more than %d words",
                           file, line, e->pattern, LEX_MAX_WORDS);
        rasd_status st = lex_parse_word(lx, w, &e->words[e->n_words], file, line);
        if (st != RASD_OK)
            return st;
        e->n_words++;
    }
    if (!e->n_words)
        return err_set(RASD_ERR_PARSE, "%s:%u: empty pattern", file, line);
    const lex_word *first = &e->words[0], *last = &e->words[e->n_words - 1];
    if (first->kind == LEXW_GAP || first->kind == LEXW_ANY || last->kind == LEXW_GAP)
        return err_set(RASD_ERR_PARSE, "%s:%u: pattern '%s' starts or ends with a gap",
                       file, line, e->pattern);
    if (e->n_words == 1 && lex_too_general(first->key))
        return err_set(RASD_ERR_PARSE, "%s:%u: pattern '%s' would match almost every "
                       "sentence", file, line, e->pattern);
    return RASD_OK;
}

static rasd_status lex_parse_head(lexicon *lx, char *head, lex_entry *e,
                                  const char *file, unsigned line)
{
    char *save = NULL;
    char *code = strtok_r(head, " \t", &save), *cat = strtok_r(NULL, " \t", &save);
    if (!code || !cat || strtok_r(NULL, " \t", &save))
        return err_set(RASD_ERR_PARSE, "%s:%u: expected '<CAMEO> <CATEGORY>[:mode] | "
                       "patterns'", file, line);
    size_t cl = strlen(code);
    if (cl < 2 || cl > 4 || strspn(code, "0123456789") != cl)
        return err_set(RASD_ERR_PARSE, "%s:%u: bad CAMEO code '%s'", file, line, code);
    memcpy(e->cameo, code, cl + 1);
    char *colon = strchr(cat, ':');
    if (colon)
        *colon++ = '\0';
    e->cat = plover_parse(cat, strlen(cat));
    if (e->cat == PL_NONE)
        return err_set(RASD_ERR_PARSE, "%s:%u: unknown PLOVER category '%s'", file, line, cat);
    e->mode = NULL;
    if (colon && *colon) {
        if (!plover_mode_valid(e->cat, colon))
            return err_set(RASD_ERR_PARSE, "%s:%u: '%s' is not a mode of %s", file, line,
                           colon, plover_name(e->cat));
        e->mode = arena_strdup(&lx->mem, colon);
    }
    return RASD_OK;
}

/* The option words that set a flag (data/verbs/FORMAT.md). */
static const struct {
    const char *name;
    unsigned flag;
} lex_flags[] = {{"noun", LEXO_NOUN},   {"passive", LEXO_PASSIVE}, {"speech", LEXO_SPEECH},
                 {"cue", LEXO_CUE},     {"verb", LEXO_VERB},       {"agent", LEXO_AGENT},
                 {"death", LEXO_DEATH}, {"indef", LEXO_INDEF},     {"dyad", LEXO_DYAD},
                 {"first", LEXO_FIRST}, {"finite", LEXO_FINITE}};

/* The flag an option word sets, or 0. */
static unsigned lex_flag(const char *o)
{
    for (size_t i = 0; i < sizeof lex_flags / sizeof lex_flags[0]; i++)
        if (!strcmp(o, lex_flags[i].name))
            return lex_flags[i].flag;
    return 0;
}

static rasd_status lex_parse_opts(lexicon *lx, char *opts, lex_entry *e,
                                  const char *file, unsigned line)
{
    e->n_tgt = 0;
    char *save = NULL;
    for (char *o = strtok_r(opts, " \t", &save); o; o = strtok_r(NULL, " \t", &save)) {
        unsigned flag = lex_flag(o);
        if (flag)
            e->opts |= flag;
        else if (!strncmp(o, "prio=", 5))
            e->prio = atoi(o + 5);
        else if (!strncmp(o, "tgt=", 4)) {
            char *s2 = NULL;
            for (char *t = strtok_r(o + 4, ",", &s2); t; t = strtok_r(NULL, ",", &s2)) {
                if (e->n_tgt == LEX_MAX_TGT)
                    return err_set(RASD_ERR_PARSE, "%s:%u: too many targets", file, line);
                char key[LEX_KEY_MAX];
                lexicon_fold(t, strlen(t), key);
                e->tgt[e->n_tgt++] = arena_strdup(&lx->mem, key);
            }
        } else
            return err_set(RASD_ERR_PARSE, "%s:%u: unknown option '%s'", file, line, o);
    }
    if (!e->n_tgt)
        e->tgt[e->n_tgt++] = "obj";
    return RASD_OK;
}

static rasd_status lex_parse_line(lexicon *lx, char *s, const char *file, unsigned line)
{
    char *hash = strchr(s, '#');
    if (hash)
        *hash = '\0';
    s = lex_trim(s);
    if (!*s)
        return RASD_OK;
    char *bar1 = strchr(s, '|');
    if (!bar1)
        return err_set(RASD_ERR_PARSE, "%s:%u: missing '|' before the patterns", file, line);
    *bar1 = '\0';
    char *pats = bar1 + 1, *bar2 = strchr(pats, '|');
    if (bar2)
        *bar2 = '\0';
    lex_entry e = {0};
    e.file = file;
    e.line = line;
    rasd_status st = lex_parse_head(lx, s, &e, file, line);
    if (st == RASD_OK) {
        char optbuf[512] = "";
        if (bar2)
            snprintf(optbuf, sizeof optbuf, "%s", bar2 + 1);
        st = lex_parse_opts(lx, optbuf, &e, file, line);
    }
    char *save = NULL;
    for (char *p = strtok_r(pats, ";", &save); st == RASD_OK && p; p = strtok_r(NULL, ";", &save)) {
        lex_entry one = e;
        st = lex_parse_pattern(lx, lex_trim(p), &one, file, line);
        if (st == RASD_OK)
            st = lex_add(lx, &one, file);
    }
    return st;
}

rasd_status lexicon_new(lexicon **out)
{
    lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return err_set(RASD_ERR_NOMEM, "out of memory");
    arena_init(&lx->mem, 64 * 1024);
    if (!lex_grow(lx)) {
        free(lx);
        return err_set(RASD_ERR_NOMEM, "out of memory");
    }
    *out = lx;
    return RASD_OK;
}

rasd_status lexicon_load_mem(lexicon *lx, const char *name, const char *data, size_t len)
{
    const char *file = arena_strdup(&lx->mem, name);
    char *copy = malloc(len + 1);
    if (!file || !copy) {
        free(copy);
        return err_set(RASD_ERR_NOMEM, "%s: out of memory", name);
    }
    memcpy(copy, data, len);
    copy[len] = '\0';
    if (memchr(copy, '\0', len) || utf8_find_invalid(copy, len) < len) {
        free(copy);
        return err_set(RASD_ERR_PARSE, "%s: not UTF-8 text", name);
    }
    rasd_status st = RASD_OK;
    unsigned line = 0;
    for (char *p = copy; st == RASD_OK && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        st = lex_parse_line(lx, p, file, ++line);
        p = nl ? nl + 1 : p + strlen(p);
    }
    free(copy);
    return st;
}

rasd_status lexicon_load(const char *dir, lexicon **out)
{
    *out = NULL;
    char **paths = NULL;
    size_t n = 0;
    rasd_status st = dir_list(dir, ".verbs", "trigger lexicon", &paths, &n);
    if (st != RASD_OK)
        return st;
    lexicon *lx = NULL;
    st = lexicon_new(&lx);
    for (size_t i = 0; st == RASD_OK && i < n; i++) {
        char *data;
        size_t len;
        st = file_read_all(paths[i], &data, &len, 16u << 20);
        if (st == RASD_OK) {
            st = lexicon_load_mem(lx, paths[i], data, len);
            free(data);
        }
    }
    dir_list_free(paths, n);
    if (st != RASD_OK) {
        lexicon_free(lx);
        return st;
    }
    *out = lx;
    return RASD_OK;
}

void lexicon_free(lexicon *lx)
{
    if (!lx)
        return;
    arena_free(&lx->mem);
    free(lx->v);
    free(lx->heads);
    free(lx->next);
    free(lx->finite);
    free(lx);
}

size_t lexicon_size(const lexicon *lx) { return lx ? lx->n : 0; }

const lex_entry *lexicon_entry(const lexicon *lx, size_t i)
{
    return lx && i < lx->n ? &lx->v[i] : NULL;
}

/* ---------------------------------------------------------- matching */

/* Verbal nouns also match in the indefinite accusative (عقد اجتماعا,
 * أجرى اتصالا هاتفيا), which writes a final alef. */
static bool lex_word_matches(const lex_word *w, const lex_keys *k, bool noun)
{
    if (w->kind == LEXW_LEMMA)
        return k->lemma[0] && !strcmp(w->key, k->lemma);
    /* سـ before a perfect is a misread (ساوث [سايد] is no سـ + أيد); the
     * forms news writes after it are of the third person or ن */
    if (k->future && strncmp(w->key, "ي", 2) != 0 && strncmp(w->key, "ت", 2) != 0 &&
        strncmp(w->key, "ن", 2) != 0)
        return false;
    return !strcmp(w->key, k->full) || (k->bare[0] && !strcmp(w->key, k->bare)) ||
           (k->stem[0] && !strcmp(w->key, k->stem)) ||
           (noun && k->acc[0] && !strcmp(w->key, k->acc)) ||
           (k->plural[0] && !strcmp(w->key, k->plural));
}

bool lexicon_finite_head(const lexicon *lx, const lex_keys *k)
{
    for (size_t q = 0; q < lx->n_finite; q++)
        if (lex_word_matches(&lx->finite[q], k, true))
            return true;
    return false;
}

/* Does a comma at t open an aside on support or source (شنت القوات،
 * وبإسناد جوي من التحالف، هجوما; قصفت الطائرات، بحسب المرصد، مواقع)? */
static bool comma_aside(const lex_keys *keys, size_t n, size_t t)
{
    static const char *const by[] = {"دعم", "اسناد", "مسانده", "مشاركه", "غطاء", "مساعده"};
    static const char *const per[] = {"حسب", "وفق", "وفقا"};
    if (strcmp(keys[t].full, ",") != 0 || t + 1 >= n)
        return false;
    const lex_keys *k = &keys[t + 1];
    for (size_t q = 0; q < sizeof per / sizeof *per; q++)
        if (!strcmp(k->bare, per[q]))
            return true;
    /* with its ب: بدعم، وبإسناد (not ومساعدة, a conjunct) */
    bool bi = !strncmp(k->full, "ب", strlen("ب")) || !strncmp(k->full, "وب", strlen("وب"));
    for (size_t q = 0; bi && q < sizeof by / sizeof *by; q++)
        if (!strcmp(k->bare, by[q]))
            return true;
    return false;
}

/* If keys[t] opens a short parenthesis or a comma aside, the index of its
 * ")" or closing comma; else t. */
static size_t aside_end(const lex_keys *keys, size_t n, size_t t)
{
    if (keys[t].aside_len)
        return t + keys[t].aside_len; /* طالب ترامب - الذي زار الصين - كوريا بوقف */
    bool comma = comma_aside(keys, n, t);
    if (!comma && strcmp(keys[t].full, "(") != 0)
        return t;
    for (size_t k = t + 1; k < n && k <= t + LEX_ASIDE_MAX; k++) {
        if (!strcmp(keys[k].full, comma ? "," : ")"))
            return k;
        if (keys[k].stop)
            break;
    }
    return t;
}

/* Match entry e with its first word at token i; fills h on success. */
static bool lex_verify(const lex_entry *e, const lex_keys *keys, size_t n, size_t i,
                       lex_hit *h)
{
    if (((e->opts & (LEXO_VERB | LEXO_FINITE)) && keys[i].nominal) ||
        ((e->opts & LEXO_FINITE) && !keys[i].verb_slot) || ((e->opts & LEXO_INDEF) && keys[i].definite))
        return false;
    size_t t = i, gap = 0, when = 0;
    h->n_trig = 0;
    for (uint8_t wi = 0; wi < e->n_words; wi++) {
        const lex_word *w = &e->words[wi];
        if (w->kind == LEXW_GAP) {
            gap = LEX_GAP_MAX;
            continue;
        }
        if (w->kind == LEXW_ANY) {
            if (t >= n)
                return false;
            t++;
            continue;
        }
        size_t lim = t + gap, ext = 0, last_when = SIZE_MAX;
        while (t < n) {
            /* خطف في تيزي وزو (110 كلم شرق العاصمة) من قبل: an aside
             * is no distance */
            size_t close = gap ? aside_end(keys, n, t) : t;
            if (close != t) {
                lim += close - t + 1;
                t = close + 1;
                continue;
            }
            if (t > lim || lex_word_matches(w, &keys[t], (e->opts & LEXO_NOUN) != 0))
                break;
            if (gap && keys[t].stop)
                return false; /* وأعلنت الشركة أن العقوبات ...: another clause */
            if (gap && keys[t].when && when < LEX_WHEN_MAX) {
                when++;
                ext++;
                lim++;
                last_when = t;
            }
            t++;
        }
        if (t >= n || t > lim)
            return false;
        /* what only the time made reachable must follow it: VSO puts the
         * time between subject and object (شنت جماعة بوكو حرام مساء الخميس
         * هجوما), and no farther (وقتل عشرات الفلسطينيين الاثنين برصاص
         * الجيش خلال المواجهات is no قتل … خلال المواجهات) */
        if (t + ext > lim && t != last_when + 1)
            return false;
        h->trig[h->n_trig++] = t++;
        gap = 0;
    }
    h->e = e;
    h->first = i;
    h->last = h->trig[h->n_trig - 1];
    return true;
}

static bool lex_better(const lex_hit *a, const lex_hit *b)
{
    if (a->n_trig != b->n_trig)
        return a->n_trig > b->n_trig;
    if (a->e->prio != b->e->prio)
        return a->e->prio > b->e->prio;
    return a->e < b->e;
}

static void lex_try_bucket(const lexicon *lx, const char *key, uint8_t kind,
                           const lex_keys *keys, size_t n, size_t i, lex_hit *best,
                           bool *found)
{
    if (!key[0])
        return;
    size_t b = lex_hash(key, kind) & (lx->nbuckets - 1);
    for (uint32_t j = lx->heads[b]; j; j = lx->next[j - 1]) {
        const lex_entry *e = &lx->v[j - 1];
        if (e->words[0].kind != kind || strcmp(e->words[0].key, key))
            continue;
        lex_hit h;
        if (lex_verify(e, keys, n, i, &h) && (!*found || lex_better(&h, best))) {
            *best = h;
            *found = true;
        }
    }
}

bool lexicon_match_at(const lexicon *lx, const lex_keys *keys, size_t n,
                      size_t i, lex_hit *hit)
{
    bool found = false;
    const lex_keys *k = &keys[i];
    lex_try_bucket(lx, k->full, LEXW_EXACT, keys, n, i, hit, &found);
    if (strcmp(k->bare, k->full))
        lex_try_bucket(lx, k->bare, LEXW_EXACT, keys, n, i, hit, &found);
    if (strcmp(k->stem, k->full) && strcmp(k->stem, k->bare))
        lex_try_bucket(lx, k->stem, LEXW_EXACT, keys, n, i, hit, &found);
    if (k->acc[0])
        lex_try_bucket(lx, k->acc, LEXW_EXACT, keys, n, i, hit, &found);
    if (k->plural[0])
        lex_try_bucket(lx, k->plural, LEXW_EXACT, keys, n, i, hit, &found);
    lex_try_bucket(lx, k->lemma, LEXW_LEMMA, keys, n, i, hit, &found);
    return found;
}
