/* store_fts.c - the `rasd` FTS5 tokenizer: every word is indexed under its
 * normalised, clitic-stripped stem key (morph_segment), with the spelling
 * variants ة/ه and ى/ي folded, so that a search for تركيا finds وتركيا,
 * لتركيا and بتركيا. Queries go through the same tokenizer, so the two
 * sides always agree. Offsets handed to FTS5 are byte offsets into the
 * original text, which keeps snippet() and highlight() exact. */
#include "store_int.h"
#include "text/text.h"
#include <stdlib.h>
#include <string.h>

/* In place: ة -> ه, ى -> ي (both two-byte sequences). */
static void fts_fold(char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
        if (a == 0xD8 && b == 0xA9) { /* ة U+0629 -> ه U+0647 */
            s[i] = (char)0xD9;
            s[i + 1] = (char)0x87;
            i++;
        } else if (a == 0xD9 && b == 0x89) { /* ى U+0649 -> ي U+064A */
            s[i + 1] = (char)0x8A;
            i++;
        }
    }
}

static int terms_emit(const morph_model *m, const char *text, const rasd_token *t,
                      store_term_fn fn, void *ud)
{
    char key[MORPH_KEY_MAX];
    size_t n;
    if (t->kind == RASD_TOK_ARABIC) {
        morph_word w;
        morph_segment(m, text + t->start, t->end - t->start, &w);
        n = strlen(w.stem_key);
        memcpy(key, w.stem_key, n + 1);
    } else if (t->kind == RASD_TOK_LATIN || t->kind == RASD_TOK_NUMBER) {
        n = t->norm_len < sizeof key ? t->norm_len : sizeof key - 1;
        memcpy(key, t->norm, n);
        key[n] = '\0';
    } else {
        return 0; /* punctuation and symbols are not searchable */
    }
    if (n == 0)
        return 0;
    fts_fold(key, n);
    return fn(ud, key, n, t->start, t->end);
}

rasd_status store_terms(const morph_model *m, const char *text, size_t n,
                        store_term_fn fn, void *ud)
{
    char *fixed = NULL;
    if (utf8_find_invalid(text, n) < n) { /* user input may be anything */
        size_t flen;
        if (rasd_utf8_repair(text, n, &fixed, &flen, NULL) != RASD_OK)
            return RASD_ERR_NOMEM;
        text = fixed;
        n = flen;
    }
    tokvec tv = {0};
    char *norm = malloc(2 * n + 1), *cur = norm;
    rasd_status st = norm ? text_tokenize(text, 0, n, RASD_NORM_DEFAULT, &tv, &cur)
                          : RASD_ERR_NOMEM;
    for (size_t i = 0; st == RASD_OK && i < tv.n; i++)
        if (terms_emit(m, text, &tv.v[i], fn, ud) != 0)
            break;
    tokvec_free(&tv);
    free(norm);
    free(fixed);
    return st == RASD_OK ? RASD_OK : err_set(st, "search tokenizer: out of memory");
}

/* ------------------------------------------------------ FTS5 glue */

typedef struct fts_call {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
} fts_call;

static int fts_token(void *ud, const char *key, size_t n, size_t start, size_t end)
{
    fts_call *c = ud;
    return c->xToken(c->ctx, 0, key, (int)n, (int)start, (int)end);
}

static int fts_create(void *model, const char **args, int nargs, Fts5Tokenizer **out)
{
    *out = (Fts5Tokenizer *)model; /* stateless: the model is all we need */
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *t) { (void)t; }

static int fts_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text,
                        int n, int (*xToken)(void *, int, const char *, int, int, int))
{
    fts_call c = {ctx, xToken};
    if (n <= 0)
        return SQLITE_OK;
    rasd_status st = store_terms((const morph_model *)t, text, (size_t)n,
                                 fts_token, &c);
    return st == RASD_OK ? SQLITE_OK : SQLITE_NOMEM;
}

rasd_status store_fts_register(store *s)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT fts5(?1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (!api)
        return err_set(RASD_ERR_FORMAT, "%s: this SQLite has no FTS5", s->path);
    static fts5_tokenizer tok = {fts_create, fts_delete, fts_tokenize};
    rc = api->xCreateTokenizer(api, "rasd", s->morph, &tok, NULL);
    return rc == SQLITE_OK ? RASD_OK : store_sqlerr(s, rc, "registering the tokenizer");
}

void store_fts_identity(const store *s, char out[32])
{
    const char *prov = morph_provenance(s->morph, 0);
    snprintf(out, 32, "rasd1-%016llx",
             (unsigned long long)hash_bytes(prov, strlen(prov)));
}

/* ------------------------------------------------------ user queries */

static int count_term(void *ud, const char *key, size_t n, size_t start, size_t end)
{
    ++*(size_t *)ud;
    return 0;
}

/* Each whitespace-separated word becomes an FTS5 string ("..." with quotes
 * doubled): the user's text is never read as FTS5 syntax, so AND, NEAR, *,
 * quotes or SQL fragments are just words. */
rasd_status store_fts_match(store *s, const char *text, buf *out)
{
    const char *p = text ? text : "";
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        size_t nterms = 0;
        if (p > w && store_terms(s->morph, w, (size_t)(p - w), count_term,
                                 &nterms) != RASD_OK)
            return RASD_ERR_NOMEM;
        if (!nterms)
            continue;
        if (out->len)
            buf_putc(out, ' ');
        buf_putc(out, '"');
        for (const char *q = w; q < p; q++) {
            if (*q == '"')
                buf_putc(out, '"');
            buf_putc(out, *q);
        }
        buf_putc(out, '"');
    }
    if (out->oom)
        return err_set(RASD_ERR_NOMEM, "search: out of memory");
    if (!out->len)
        return err_set(RASD_ERR_ARG, "search text '%s' has no searchable word",
                       text ? text : "");
    return RASD_OK;
}
